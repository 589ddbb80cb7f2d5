//! `parley parse`: read articles as `parley analyze` does and print the linguistic layer of
//! each body (parley-nlp: tokens, tags, lemmas, dependency parse, entities), one JSON line
//! per article or CoNLL-U.

use crate::cmd::analyze::parse_day;
use crate::run::exit_code;
use anyhow::{anyhow, Context as _, Result};
use chrono::NaiveDate;
use parley_ingest::{inputs_from_args, read_input, Format, ReadOptions, SourcedArticle};
use parley_nlp::Pipeline;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Articles parsed together; enough to keep both cores busy while output stays in order.
const BATCH_ARTICLES: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per article: {source_file, tokens: [...], entities: [...]}
    Json,
    /// CoNLL-U: one block per sentence, `# newdoc id = SOURCE_FILE` before each article
    Conllu,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively) to parse; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output: json (one line per article) or conllu
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// The model folder (default: $PARLEY_NLP_MODEL, else .models/en_core_web_sm-3.8.0 here or
    /// in a parent directory)
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Input format: auto (detect per file), text, jsonl, html, feed or warc
    #[arg(long, default_value = "auto")]
    pub input_format: Format,
    /// Publication date (YYYY-MM-DD) for articles whose input gives none
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
}

/// Loads the model from `dir`, or from the default place; says how to fetch it when absent.
fn load_pipeline(dir: Option<&Path>) -> Result<Pipeline> {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => Pipeline::default_model_dir().ok_or_else(|| {
            anyhow!(
                "no model: .models/{} not found here or in a parent directory and \
                 $PARLEY_NLP_MODEL is not set; run scripts/fetch-model.sh (or pass --model DIR)",
                parley_nlp::pipeline::MODEL_DIR_NAME
            )
        })?,
    };
    if !dir.join("config.cfg").is_file() {
        return Err(anyhow!(
            "no model in {}: run scripts/fetch-model.sh (or pass --model DIR)",
            dir.display()
        ));
    }
    Pipeline::load(&dir).with_context(|| format!("cannot load the model in {}", dir.display()))
}

/// One article's output in `format`.
fn render(pipeline: &Pipeline, sourced: &SourcedArticle, format: OutputFormat) -> String {
    let body = &sourced.article.body;
    let parsed = pipeline.analyze(body);
    match format {
        OutputFormat::Json => format!("{}\n", parsed.to_json(&sourced.source, body)),
        OutputFormat::Conllu => {
            let name = sourced.source.replace(char::is_whitespace, " ");
            format!("# newdoc id = {name}\n{}", parsed.to_conllu(body))
        }
    }
}

/// Parses a batch in parallel and writes it in input order.
fn flush(
    batch: &mut Vec<SourcedArticle>,
    pipeline: &Pipeline,
    format: OutputFormat,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let rendered: Vec<String> = batch
        .par_iter()
        .map(|s| render(pipeline, s, format))
        .collect();
    for r in &rendered {
        out.write_all(r.as_bytes())?;
    }
    batch.clear();
    Ok(rendered.len())
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = load_pipeline(args.model.as_deref())?;
    let (inputs, discover_errors) = inputs_from_args(&args.paths);
    let mut failures = discover_errors.len();
    for e in &discover_errors {
        eprintln!("parley: skipped {e}");
    }
    let options = ReadOptions {
        format: args.input_format,
        default_published: args.published,
        notes: None,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut articles = 0usize;
    let mut batch = Vec::with_capacity(BATCH_ARTICLES);
    for input in &inputs {
        for result in read_input(input, &options) {
            match result {
                Ok(sourced) => {
                    for w in &sourced.warnings {
                        eprintln!("parley: warning: {}: {w}", sourced.source);
                    }
                    batch.push(sourced);
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("parley: skipped {e}");
                }
            }
            if batch.len() >= BATCH_ARTICLES {
                articles += flush(&mut batch, &pipeline, args.format, &mut out)
                    .context("cannot write the parse")?;
            }
        }
    }
    articles +=
        flush(&mut batch, &pipeline, args.format, &mut out).context("cannot write the parse")?;
    out.flush().context("cannot write the parse")?;
    eprintln!(
        "parley: parsed {articles} article(s) from {} input(s); {failures} item(s) failed",
        inputs.len()
    );
    Ok(exit_code(failures))
}

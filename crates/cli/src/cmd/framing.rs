//! `parley framing`: read articles, analyse them, print how each one tells its story.
//!
//! The articles are read and analysed as by `parley analyze` (the same inputs, the standard
//! pipeline); of each document only the framing and the claims are printed: as a readable
//! summary (headline support, loadedness, author voice, tone, loaded words, claims) or as
//! JSON lines `{source_file, title, framing, claims}` with the report's field names.

use crate::cmd::analyze::parse_day;
use crate::run::{analyze_inputs, exit_code};
use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use parley_analyze::framing::summary::summary;
use parley_analyze::Pipeline;
use parley_core::Document;
use parley_ingest::{inputs_from_args, Format, ReadOptions};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// A readable summary under each article's title
    Summary,
    /// One JSON object per article: {source_file, title, framing, claims}
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively) to analyse; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output: summary or json
    #[arg(long, value_enum, default_value = "summary")]
    pub format: OutputFormat,
    /// Publication date (YYYY-MM-DD) for articles whose input gives none
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
}

/// Writes one document's framing and claims in `format`.
fn write_document(
    out: &mut impl Write,
    doc: &Document,
    format: OutputFormat,
) -> std::io::Result<()> {
    let analysis = &doc.analysis;
    match format {
        OutputFormat::Summary => {
            writeln!(out, "== {}", doc.source_file)?;
            out.write_all(summary(&doc.title, &analysis.framing, &analysis.claims).as_bytes())?;
            writeln!(out)
        }
        OutputFormat::Json => {
            let line = json!({
                "source_file": doc.source_file,
                "title": doc.title,
                "framing": analysis.framing,
                "claims": analysis.claims,
            });
            writeln!(out, "{line}")
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (inputs, discover_errors) = inputs_from_args(&args.paths);
    for e in &discover_errors {
        eprintln!("parley: skipped {e}");
    }
    let options = ReadOptions {
        format: Format::Auto,
        default_published: args.published,
        notes: None,
    };
    let pipeline = Pipeline::standard();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let run_summary = analyze_inputs(
        &inputs,
        &options,
        &pipeline,
        |doc| write_document(&mut out, &doc, args.format),
        |e| eprintln!("parley: skipped {e}"),
        |item, warning| eprintln!("parley: warning: {item}: {warning}"),
        |_| {},
    )
    .context("cannot write the framing summary")?;
    out.flush().context("cannot write the framing summary")?;
    let failures = run_summary.failures + discover_errors.len();
    eprintln!(
        "parley: framing of {} article(s); {failures} item(s) failed",
        run_summary.articles
    );
    Ok(exit_code(failures))
}

//! `parley extract`: read inputs into articles (no analysis) and print one JSON line each.

use crate::cmd::analyze::parse_day;
use crate::run::exit_code;
use anyhow::Result;
use chrono::NaiveDate;
use parley_core::DateSource;
use parley_ingest::{inputs_from_args, read_input, Format, ReadOptions, SourcedArticle};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively); `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Publication date (YYYY-MM-DD) for articles whose input gives none
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
    /// Input format: auto (detect per file), text, jsonl, html, feed or warc
    #[arg(long, default_value = "auto")]
    pub format: Format,
}

/// One extracted article, as `parley extract` prints it (and `parley analyze` reads back).
#[derive(Serialize)]
struct ExtractLine<'a> {
    source_file: &'a str,
    url: Option<&'a str>,
    title: &'a str,
    author: Option<String>,
    published: Option<NaiveDate>,
    published_from: DateSource,
    site_name: Option<&'a str>,
    language: Option<&'a str>,
    body: &'a str,
}

impl<'a> ExtractLine<'a> {
    fn of(s: &'a SourcedArticle) -> Self {
        let a = &s.article;
        ExtractLine {
            source_file: &s.source,
            url: a.url.as_deref(),
            title: &a.title,
            author: (!s.authors.is_empty()).then(|| s.authors.join("; ")),
            published: a.published,
            published_from: a.published_from,
            site_name: a.outlet.as_deref(),
            language: a.language.as_deref(),
            body: &a.body,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (inputs, discover_errors) = inputs_from_args(&args.paths);
    let mut failures = discover_errors.len();
    for e in &discover_errors {
        eprintln!("parley: skipped {e}");
    }
    let (notes_tx, notes) = std::sync::mpsc::channel();
    let options = ReadOptions {
        format: args.format,
        default_published: args.published,
        notes: Some(notes_tx),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut articles = 0usize;
    for input in &inputs {
        for result in read_input(input, &options) {
            match result {
                Ok(sourced) => {
                    for w in &sourced.warnings {
                        eprintln!("parley: warning: {}: {w}", sourced.source);
                    }
                    serde_json::to_writer(&mut out, &ExtractLine::of(&sourced))?;
                    out.write_all(b"\n")?;
                    articles += 1;
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("parley: skipped {e}");
                }
            }
        }
        for note in notes.try_iter() {
            eprintln!("parley: {note}");
        }
    }
    out.flush()?;
    eprintln!(
        "parley: extracted {articles} article(s) from {} input(s); {failures} item(s) failed",
        inputs.len()
    );
    Ok(exit_code(failures))
}

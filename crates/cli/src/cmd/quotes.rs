//! `parley quotes`: read articles, analyse them, print who said what.
//!
//! The articles are read and analysed as by `parley analyze` (the same inputs, the standard
//! pipeline); of each document only the quotes are printed: as a readable list under the
//! article's title, as JSON lines `{source_file, title, quotes}`, or in BBC Citron's layout.

use crate::cmd::analyze::parse_day;
use crate::run::{analyze_inputs, exit_code};
use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use parley_analyze::quotes::{citron_json, format_quotes};
use parley_analyze::Pipeline;
use parley_core::{Document, Quote};
use parley_ingest::{inputs_from_args, Format, ReadOptions};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One line per quote under each article's title
    List,
    /// One JSON object per article: {source_file, title, quotes: [...]}
    Json,
    /// One JSON object per article in BBC Citron's layout: {text, quotes: [{cue, sources, contents}]}
    Citron,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively) to analyse; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Only quotes whose speaker matches NAME (case-insensitive substring of the speaker's
    /// name, the resolved actor's id, or the words naming the speaker in the text)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Output: list, json or citron
    #[arg(long, value_enum, default_value = "list")]
    pub format: OutputFormat,
    /// Publication date (YYYY-MM-DD) for articles whose input gives none
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
}

/// True when `quote`'s speaker matches `needle` (already lowercased).
fn speaker_matches(quote: &Quote, needle: &str) -> bool {
    let contains = |s: &str| s.to_lowercase().contains(needle);
    quote
        .speaker
        .as_ref()
        .is_some_and(|s| contains(&s.name) || s.actor_id.as_deref().is_some_and(contains))
        || quote
            .speaker_span
            .as_ref()
            .is_some_and(|s| contains(&s.text))
}

/// Writes one document's quotes in `format`.
fn write_document(
    out: &mut impl Write,
    doc: &Document,
    quotes: &[Quote],
    format: OutputFormat,
) -> std::io::Result<()> {
    match format {
        OutputFormat::List => {
            writeln!(out, "== {} ({})", doc.title, doc.source_file)?;
            if quotes.is_empty() {
                writeln!(out, "   (no quotes)")?;
            } else {
                out.write_all(format_quotes(quotes).as_bytes())?;
            }
            writeln!(out)
        }
        OutputFormat::Json => {
            let line = json!({
                "source_file": doc.source_file,
                "title": doc.title,
                "quotes": quotes,
            });
            writeln!(out, "{line}")
        }
        OutputFormat::Citron => writeln!(out, "{}", citron_json(&doc.text, quotes)),
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
    let needle = args.speaker.as_deref().map(str::to_lowercase);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut quotes_written = 0usize;
    let summary = analyze_inputs(
        &inputs,
        &options,
        &pipeline,
        |doc| {
            let mut quotes = doc.analysis.quotes.clone();
            if let Some(needle) = &needle {
                quotes.retain(|q| speaker_matches(q, needle));
            }
            quotes_written += quotes.len();
            write_document(&mut out, &doc, &quotes, args.format)
        },
        |e| eprintln!("parley: skipped {e}"),
        |item, warning| eprintln!("parley: warning: {item}: {warning}"),
        |_| {},
    )
    .context("cannot write the quotes")?;
    out.flush().context("cannot write the quotes")?;
    let failures = summary.failures + discover_errors.len();
    eprintln!(
        "parley: {quotes_written} quote(s) from {} article(s); {failures} item(s) failed",
        summary.articles
    );
    Ok(exit_code(failures))
}

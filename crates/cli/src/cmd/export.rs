//! `parley export`: stored articles in formats other tools read as they are — JSON, JSON
//! Lines, CSV, GDELT 2.0 event rows, PLOVER records, BBC Citron quotes (see
//! `parley_link::export`). Streamed: one article at a time.

use anyhow::{bail, Context as _, Result};
use parley_link::{export, ExportFormat, Selection};
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// {"documents": [...]}, as `parley analyze` writes
    Json,
    /// One document per line
    Jsonl,
    /// One row per annotation, with its article's columns
    Csv,
    /// GDELT 2.0 event table rows: 61 tab-separated columns, no header
    Gdelt,
    /// PLOVER event records, one JSON object per line
    Plover,
    /// BBC Citron's quote layout, one JSON object per article
    Citron,
}

impl Format {
    fn library(self) -> ExportFormat {
        match self {
            Format::Json => ExportFormat::Json,
            Format::Jsonl => ExportFormat::Jsonl,
            Format::Csv => ExportFormat::Csv,
            Format::Gdelt => ExportFormat::Gdelt,
            Format::Plover => ExportFormat::Plover,
            Format::Citron => ExportFormat::Citron,
        }
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    #[arg(long, value_enum)]
    pub format: Format,
    /// Only the articles of this story (stories are not built yet: this is an error for now)
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
    /// Write to FILE instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(story) = &args.story {
        bail!("--story {story}: stories not built yet (export every article without --story)");
    }
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {path}"))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let summary = export(
        store.as_mut(),
        args.format.library(),
        &Selection::All,
        &mut out,
    )?;
    drop(out);
    eprintln!(
        "parley: exported {} article(s) as {} record(s)",
        summary.articles, summary.records
    );
    Ok(ExitCode::SUCCESS)
}

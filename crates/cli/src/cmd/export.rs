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
    /// Only the articles of this story (an id from `parley stories`), earliest first
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// Write to FILE instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let selection = match args.story {
        Some(id) => story_articles(store.as_mut(), id, &args.db)?,
        None => Selection::All,
    };
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {path}"))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let summary = export(store.as_mut(), args.format.library(), &selection, &mut out)?;
    drop(out);
    eprintln!(
        "parley: exported {} article(s) as {} record(s)",
        summary.articles, summary.records
    );
    Ok(ExitCode::SUCCESS)
}

/// The member articles of story `id`, earliest first; an unknown story is an error.
fn story_articles(store: &mut dyn parley_store::Store, id: i64, db: &str) -> Result<Selection> {
    let Some(story) = store.story(id)? else {
        bail!(
            "no story {id} in {}: `parley stories` lists them (`parley link` builds them)",
            parley_store::model::redact_url(db)
        );
    };
    Ok(Selection::Articles(
        story.members.into_iter().map(|m| m.id).collect(),
    ))
}

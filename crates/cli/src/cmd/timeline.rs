//! `parley timeline STORY`: a story's events and quotes, dated and ordered, each with its
//! article and span. Streamed in chunks the store reads in timeline order, so memory and the
//! time to the first line stay small however big the story.

use anyhow::{bail, Result};
use parley_link::timeline::{timeline_entries, TimelineEntry};
use parley_store::{Paging, TimelineKinds};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The story (an id from `parley stories`)
    #[arg(value_name = "STORY")]
    pub story: i64,
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Write one JSON object per entry
    #[arg(long)]
    pub json: bool,
}

/// Entries read from the store at a time.
const CHUNK: usize = 1_000;

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let Some(summary) = store.story_summary(args.story)? else {
        bail!(
            "no story {} in {}: `parley stories` lists them",
            args.story,
            args.db
        );
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.json {
        let count = Paging {
            offset: 0,
            limit: 0,
        };
        let entries = store
            .story_timeline_page(args.story, TimelineKinds::EventsAndQuotes, count)?
            .total;
        writeln!(
            out,
            "story {}: {} ({} article(s), {} entries)",
            summary.id, summary.label, summary.size, entries
        )?;
    }
    let mut after = None;
    loop {
        let chunk = store.story_timeline_after(args.story, after, CHUNK)?;
        for e in &timeline_entries(chunk.rows) {
            write_entry(&mut out, e, args.json)?;
        }
        match chunk.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One entry: a JSON line, or a dated line and the text indented below it.
fn write_entry(out: &mut impl Write, e: &TimelineEntry, json: bool) -> Result<()> {
    if json {
        serde_json::to_writer(&mut *out, e)?;
        writeln!(out)?;
        return Ok(());
    }
    let what = match e.kind {
        "event" => format!(
            "event {} {} -> {}",
            e.code.as_deref().unwrap_or("?"),
            e.actor.as_deref().unwrap_or("?"),
            e.target.as_deref().unwrap_or("-")
        ),
        _ => format!(
            "quote  {}",
            e.actor.as_deref().unwrap_or("(speaker unknown)")
        ),
    };
    let at = match (e.start, e.end) {
        (Some(s), Some(t)) => format!("@{s}..{t}"),
        _ => String::new(),
    };
    writeln!(
        out,
        "{}  {}  {}  [{} {}]",
        e.date.as_deref().unwrap_or("----------"),
        e.outlet.as_deref().unwrap_or("?"),
        what,
        e.article_id,
        at
    )?;
    let flat = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
    writeln!(out, "    {flat}")?;
    Ok(())
}

//! `parley timeline STORY`: a story's events and quotes, dated and ordered, each with its
//! article and span.

use anyhow::{bail, Result};
use parley_link::build_timeline;
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

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let Some(story) = store.story(args.story)? else {
        bail!(
            "no story {} in {}: `parley stories` lists them",
            args.story,
            args.db
        );
    };
    let entries = build_timeline(store.story_timeline_rows(args.story)?);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.json {
        writeln!(
            out,
            "story {}: {} ({} article(s), {} entries)",
            story.summary.id,
            story.summary.label,
            story.summary.size,
            entries.len()
        )?;
    }
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for e in &entries {
        if args.json {
            serde_json::to_writer(&mut out, e)?;
            writeln!(out)?;
            continue;
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
        writeln!(out, "    {}", flat(&e.text))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

//! `parley stories`: the stored stories, most recent first, or one story with its members and
//! why each joined.

use anyhow::{bail, Result};
use parley_store::{JoinReason, Story};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Show this story's members and why each joined, instead of the list
    #[arg(value_name = "STORY")]
    pub story: Option<i64>,
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Most stories to list
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Skip this many stories of the list
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Write JSON: one object per story (list), or the story with its members
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Some(id) = args.story {
        let Some(story) = store.story(id)? else {
            bail!("no story {id} in {}: `parley stories` lists them", args.db);
        };
        if args.json {
            serde_json::to_writer_pretty(&mut out, &story)?;
            writeln!(out)?;
        } else {
            write_story(&mut out, &story)?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let stories = store.stories(args.limit, args.offset)?;
    for s in &stories {
        if args.json {
            serde_json::to_writer(&mut out, s)?;
            writeln!(out)?;
            continue;
        }
        writeln!(
            out,
            "{:>6}  {} .. {}  {:>4} article(s)  {}",
            s.id,
            s.first_date.as_deref().unwrap_or("----------"),
            s.last_date.as_deref().unwrap_or("----------"),
            s.size,
            s.label
        )?;
    }
    out.flush()?;
    if stories.is_empty() {
        eprintln!(
            "parley: no stories in {}: run `parley link --db {}` first",
            args.db, args.db
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn write_story(out: &mut impl Write, story: &Story) -> Result<()> {
    let s = &story.summary;
    writeln!(out, "story {}: {} ({} article(s))", s.id, s.label, s.size)?;
    for m in &story.members {
        writeln!(
            out,
            "  {}  {}  {}  id {}",
            m.published.as_deref().unwrap_or("----------"),
            m.outlet.as_deref().unwrap_or("?"),
            m.title,
            m.id
        )?;
        writeln!(out, "      {}", explain(&m.why))?;
    }
    Ok(())
}

/// Why an article joined, in words.
pub fn explain(why: &JoinReason) -> String {
    let Some(via) = &why.via else {
        return "started the story".into();
    };
    if why.copy {
        return format!("near-duplicate copy of {via}");
    }
    let mut parts = vec![format!("like {via}: score {:.2}", why.score)];
    parts.push(format!("text similarity {:.2}", why.similarity));
    if !why.shared_actors.is_empty() {
        parts.push(format!("shared actors {}", why.shared_actors.join(", ")));
    }
    if !why.shared_events.is_empty() {
        parts.push(format!("shared events {}", why.shared_events.join(", ")));
    }
    if let Some(d) = why.days_apart {
        parts.push(format!("{d} day(s) apart"));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanations_name_the_match_and_what_was_shared() {
        assert_eq!(explain(&JoinReason::default()), "started the story");
        let copy = JoinReason {
            via: Some("a1".into()),
            copy: true,
            ..Default::default()
        };
        assert_eq!(explain(&copy), "near-duplicate copy of a1");
        let why = JoinReason {
            via: Some("a1".into()),
            shared_actors: vec!["RUS".into(), "USA".into()],
            similarity: 0.41,
            days_apart: Some(2),
            score: 0.52,
            ..Default::default()
        };
        assert_eq!(
            explain(&why),
            "like a1: score 0.52; text similarity 0.41; shared actors RUS, USA; 2 day(s) apart"
        );
    }
}

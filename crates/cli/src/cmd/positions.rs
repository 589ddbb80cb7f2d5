//! `parley positions ACTOR`: what one party demanded, offered, rejected, threatened, agreed,
//! said and claimed over time, from the stored events, quotes and claims (see
//! `parley_link::positions`).

use crate::cmd::analyze::parse_day;
use anyhow::Result;
use chrono::NaiveDate;
use parley_link::{positions, resolve_actor, DateRange, PositionKinds};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// An actor id (RUS, sergey-lavrov) or a name or part of one (Lavrov)
    #[arg(value_name = "ACTOR")]
    pub actor: String,
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Write the actor and its positions as one JSON object
    #[arg(long)]
    pub json: bool,
    /// Only positions dated on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<NaiveDate>,
    /// Only positions dated on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub until: Option<NaiveDate>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let kinds = PositionKinds::shipped()?;
    let actor = resolve_actor(store.as_mut(), &args.actor)?;
    let range = DateRange {
        since: args.since,
        until: args.until,
    };
    let found = positions(store.as_mut(), &actor, range, &kinds)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &found)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{} ({}): {} position(s)",
            actor.actor_id.as_deref().unwrap_or("(no id)"),
            actor.names.join(", "),
            found.positions.len()
        )?;
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for p in &found.positions {
            let date = p
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "----------".into());
            let status = p
                .status
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let target = p
                .target
                .as_deref()
                .map(|t| format!(" → {t}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{date}  {}{status}{target}  [{}]",
                p.kind,
                p.from.as_str()
            )?;
            writeln!(out, "    {}", flat(&p.text))?;
            writeln!(
                out,
                "    {} @{}..{}  id {}",
                p.article.outlet.as_deref().unwrap_or("?"),
                p.start,
                p.end,
                p.article.id
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

//! `parley link`: find near-duplicates among the stored articles (wire copies, republications)
//! and mark the earliest published of each group as the original.
//!
//! Incremental: only articles stored since the last run are fingerprinted; the groups are then
//! recomputed over all fingerprints (in memory, about 50 bytes per article) and replaced in one
//! transaction.

use anyhow::Result;
use parley_link::{group_near_duplicates, simhash, Fingerprinted, MAX_DISTANCE};
use rayon::prelude::*;
use std::process::ExitCode;

/// Copies listed per group by `--show`.
const COPIES_SHOWN: usize = 5;

/// Articles fingerprinted per transaction.
const CHUNK: usize = 2000;

#[derive(clap::Args)]
pub struct Args {
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Print the N largest groups
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show: usize,
    /// Bodies whose fingerprints differ in at most this many of 64 bits are near-duplicates
    #[arg(long, value_name = "BITS", default_value_t = MAX_DISTANCE,
          value_parser = clap::value_parser!(u32).range(0..=16))]
    pub max_distance: u32,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let mut fingerprinted = 0;
    loop {
        let batch = store.unfingerprinted(CHUNK)?;
        if batch.is_empty() {
            break;
        }
        let rows: Vec<(String, u64)> = batch
            .into_par_iter()
            .map(|(id, body)| {
                let fp = simhash(&body);
                (id, fp)
            })
            .collect();
        store.put_fingerprints(&rows)?;
        fingerprinted += rows.len();
    }
    let items: Vec<Fingerprinted> = store
        .fingerprints()?
        .into_iter()
        .map(|f| Fingerprinted {
            id: f.id,
            fingerprint: f.simhash,
            published: f.published,
            order: f.order,
        })
        .collect();
    let groups = group_near_duplicates(&items, args.max_distance);
    let pairs: Vec<(String, Vec<String>)> =
        groups.into_iter().map(|g| (g.original, g.copies)).collect();
    store.replace_duplicates(&pairs)?;
    let copies: usize = pairs.iter().map(|(_, c)| c.len()).sum();
    eprintln!(
        "parley: fingerprinted {fingerprinted} new article(s); {} group(s) of near-duplicates: {copies} copies of {} originals, among {} article(s)",
        pairs.len(),
        pairs.len(),
        items.len()
    );
    if args.show > 0 {
        for group in store.duplicate_groups(args.show)? {
            let line = |m: &parley_store::DuplicateMember| {
                format!(
                    "{}  {}  {}  id {}",
                    m.published.as_deref().unwrap_or("----------"),
                    m.outlet.as_deref().unwrap_or("?"),
                    m.title,
                    m.id
                )
            };
            println!("original  {}", line(&group.original));
            for c in group.copies.iter().take(COPIES_SHOWN) {
                println!("  copy    {}", line(c));
            }
            if group.copies.len() > COPIES_SHOWN {
                println!(
                    "  ... and {} more copies",
                    group.copies.len() - COPIES_SHOWN
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

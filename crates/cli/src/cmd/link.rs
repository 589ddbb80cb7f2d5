//! `parley link`: find near-duplicates among the stored articles (wire copies, republications)
//! and mark the earliest published of each group as the original; then put every article in
//! no story yet in a story (see `parley_link::story`).
//!
//! Incremental: only articles stored since the last run are fingerprinted; the groups are then
//! recomputed over all fingerprints (in memory, about 50 bytes per article) and replaced in one
//! transaction. Stories only grow: new articles join stored stories or start new ones.

use anyhow::Result;
use parley_link::story::{link_store, Embedder};
use parley_link::{group_near_duplicates, simhash, Fingerprinted, StoryParams, MAX_DISTANCE};
use rayon::prelude::*;
use std::process::ExitCode;

/// Copies listed per group by `--show`.
const COPIES_SHOWN: usize = 5;

/// Articles fingerprinted per transaction.
const CHUNK: usize = 2000;

/// Articles linked into stories per round (each round is compared with its time window).
const STORY_CHUNK: usize = 20_000;

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
    /// An article joins the story of its most similar article when their score (0..1) reaches this
    #[arg(long, value_name = "SCORE", default_value_t = parley_link::story::THRESHOLD)]
    pub story_threshold: f32,
    /// Dated articles further apart than this many days are never in one story by similarity
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub story_window: i64,
    /// Compare titles and leads by sentence embeddings too (all-MiniLM-L6-v2 in DIR, fetched by
    /// scripts/fetch-embedder.sh; needs a parley built with `--features embeddings`)
    #[arg(long, value_name = "DIR")]
    pub embeddings: Option<std::path::PathBuf>,
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
    let defaults = StoryParams::default();
    let params = StoryParams {
        threshold: args.story_threshold,
        weights: parley_link::story::Weights {
            window_days: args.story_window,
            ..defaults.weights.clone()
        },
        ..defaults
    };
    let embedder = load_embedder(args.embeddings.as_deref())?;
    let run = link_store(store.as_mut(), &params, embedder.as_deref(), STORY_CHUNK)?;
    eprintln!(
        "parley: put {} article(s) in stories: {} joined stored stories, {} started {} new ones ({} as near-duplicate copies)",
        run.linked,
        run.joined_stored,
        run.linked - run.joined_stored,
        run.new_stories,
        run.copies
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

#[cfg(feature = "embeddings")]
fn load_embedder(dir: Option<&std::path::Path>) -> Result<Option<Box<dyn Embedder>>> {
    match dir {
        Some(dir) => Ok(Some(Box::new(parley_link::embed::MiniLm::load(dir)?))),
        None => Ok(None),
    }
}

#[cfg(not(feature = "embeddings"))]
fn load_embedder(dir: Option<&std::path::Path>) -> Result<Option<Box<dyn Embedder>>> {
    match dir {
        Some(_) => anyhow::bail!(
            "--embeddings: this parley was built without sentence embeddings; rebuild with `cargo build --release --features embeddings`"
        ),
        None => Ok(None),
    }
}

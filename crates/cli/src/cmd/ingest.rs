//! `parley ingest`: read articles, analyse them, and store them with all their annotations.
//!
//! Batches of `--batch` articles go to the store in one transaction each, so a killed run
//! leaves a consistent store and rerunning the same command completes it: articles already
//! stored are recognised by their id and left alone. `--shard i/n` makes a run one of `n`
//! independent workers (Slurm array tasks, Kubernetes Indexed Job pods, GNU parallel jobs),
//! which may all write to one PostgreSQL database; see docs/scale-out.md.

use crate::run::{analyze_inputs, exit_code};
use anyhow::{bail, Context as _, Result};
use chrono::NaiveDate;
use parley_analyze::Pipeline;
use parley_core::Document;
use parley_ingest::{inputs_from_args, Format, Input, ReadOptions};
use parley_store::{BatchSummary, Counts, Store, StoreError};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively) to ingest; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// The store: a SQLite file (created when missing) or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Publication date (YYYY-MM-DD) for articles whose input gives none
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::analyze::parse_day)]
    pub published: Option<NaiveDate>,
    /// Input format: auto (detect per file), text or jsonl
    #[arg(long, default_value = "auto")]
    pub format: Format,
    /// Take only shard I of N (0-based): run N workers with I = 0..N-1 over the same PATHs
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// What a shard splits: `id` (each article by its id; works inside one big file) or
    /// `input` (whole files by their position in the input list; each worker reads only its own)
    #[arg(long, value_name = "HOW", default_value = "id", requires = "shard")]
    pub shard_by: ShardBy,
    #[command(flatten)]
    pub parse: crate::run::ParseFlag,
    /// Articles per transaction
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
}

/// One of `count` shards of the work, by 0-based `index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a shard: use I/N with 0 <= I < N, e.g. 0/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// True when the article with this id belongs to this shard. Stable: it depends on the id
    /// alone (a hash of the body), not on which file or line the article came from.
    pub fn keeps_id(&self, id: &str) -> bool {
        id_hash(id) % self.count == self.index
    }

    /// True when the input at this position of the input list belongs to this shard.
    pub fn keeps_input(&self, position: usize) -> bool {
        position as u64 % self.count == self.index
    }
}

/// The number an id is sharded by: its first 16 hex digits (ids are SHA-256 prefixes), or a
/// FNV-1a hash for an id that is not hex.
fn id_hash(id: &str) -> u64 {
    match id.get(..16).map(|h| u64::from_str_radix(h, 16)) {
        Some(Ok(n)) => n,
        _ => id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShardBy {
    Id,
    Input,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (mut inputs, discover_errors) = inputs_from_args(&args.paths);
    for e in &discover_errors {
        eprintln!("parley: skipped {e}");
    }
    let id_shard = match (args.shard, args.shard_by) {
        (Some(shard), ShardBy::Input) => {
            inputs = shard_inputs(inputs, shard);
            None
        }
        (shard, _) => shard,
    };
    let options = ReadOptions {
        format: args.format,
        default_published: args.published,
        ..ReadOptions::default()
    };
    let store = parley_store::open(&args.db)?;
    let pipeline = crate::run::with_parse(Pipeline::standard(), args.parse);
    let progress = crate::run::progress_bar(inputs.len());

    let mut writer = StoreWriter::start(store, args.batch as usize);
    let mut other_shards = 0usize;
    let run = analyze_inputs(
        &inputs,
        &options,
        &pipeline,
        |doc| {
            if id_shard.is_some_and(|s| !s.keeps_id(&doc.id)) {
                other_shards += 1;
                return Ok(());
            }
            writer.push(doc)
        },
        |e| progress.suspend(|| eprintln!("parley: skipped {e}")),
        |item, warning| progress.suspend(|| eprintln!("parley: warning: {item}: {warning}")),
        |articles| {
            progress.inc(1);
            progress.set_message(format!("{articles} articles"));
        },
    );
    let written = writer.finish();
    progress.finish_and_clear();
    let summary = written.summary;
    let stopped = |e: anyhow::Error| {
        e.context(format!(
            "ingest stopped after storing {} new article(s); rerun the same command to finish",
            summary.new_articles()
        ))
    };
    if let Some(store_error) = written.error {
        return Err(stopped(store_error.into()));
    }
    let run = run.map_err(|e| stopped(e.into()))?;
    let counts = written.counts.context("cannot count the store")?;
    let failures = run.failures + discover_errors.len();
    let shard_note = match (args.shard, args.shard_by) {
        (Some(s), ShardBy::Id) => format!(
            " (shard {}/{}: {other_shards} article(s) left to other shards)",
            s.index, s.count
        ),
        (Some(s), ShardBy::Input) => format!(
            " (shard {}/{} by input: {} input(s))",
            s.index,
            s.count,
            inputs.len()
        ),
        (None, _) => String::new(),
    };
    eprintln!(
        "parley: stored {} new article(s) ({} of them new revisions), {} already stored, {} item(s) failed{shard_note}; {} now holds {} article(s)",
        summary.new_articles(),
        summary.revisions,
        summary.already_stored,
        failures,
        display_db(&args.db),
        counts.articles
    );
    Ok(exit_code(failures))
}

/// Keeps the inputs of one shard, by position in the input list.
fn shard_inputs(inputs: Vec<Input>, shard: Shard) -> Vec<Input> {
    inputs
        .into_iter()
        .enumerate()
        .filter(|(i, _)| shard.keeps_input(*i))
        .map(|(_, input)| input)
        .collect()
}

/// Stores documents on a thread of its own, a batch (one transaction) at a time, so that
/// analysing the next articles overlaps with storing the last ones.
struct StoreWriter {
    sender: Option<SyncSender<Vec<Document>>>,
    thread: Option<JoinHandle<Written>>,
    pending: Vec<Document>,
    batch: usize,
}

/// What the writer thread did.
struct Written {
    summary: BatchSummary,
    /// The error that stopped it, if one did.
    error: Option<StoreError>,
    /// The store's counts at the end.
    counts: Result<Counts, StoreError>,
}

/// Batches waiting for the writer: enough to keep it busy, few enough to bound memory.
const BATCHES_IN_FLIGHT: usize = 2;

impl StoreWriter {
    fn start(mut store: Box<dyn Store + Send>, batch: usize) -> Self {
        let (sender, batches) = sync_channel::<Vec<Document>>(BATCHES_IN_FLIGHT);
        let thread = std::thread::spawn(move || {
            let mut summary = BatchSummary::default();
            let mut error = None;
            for docs in batches {
                match store.put_batch(&docs) {
                    Ok(outcomes) => summary.add(&outcomes),
                    Err(e) => {
                        error = Some(e);
                        break; // dropping the receiver makes the next send fail
                    }
                }
            }
            let counts = store.counts();
            Written {
                summary,
                error,
                counts,
            }
        });
        StoreWriter {
            sender: Some(sender),
            thread: Some(thread),
            pending: Vec::with_capacity(batch),
            batch,
        }
    }

    fn push(&mut self, doc: Document) -> std::io::Result<()> {
        self.pending.push(doc);
        if self.pending.len() >= self.batch {
            self.send()?;
        }
        Ok(())
    }

    fn send(&mut self) -> std::io::Result<()> {
        let docs = std::mem::replace(&mut self.pending, Vec::with_capacity(self.batch));
        match &self.sender {
            Some(sender) if !docs.is_empty() => sender
                .send(docs)
                .map_err(|_| std::io::Error::other("the store writer stopped")),
            _ => Ok(()),
        }
    }

    /// Stores what is pending, waits for the writer, and returns what it did.
    fn finish(mut self) -> Written {
        let _ = self.send();
        drop(self.sender.take());
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(written)) => written,
            _ => Written {
                summary: BatchSummary::default(),
                error: Some(StoreError::Unsupported(
                    "the store writer thread panicked".into(),
                )),
                counts: Ok(Counts::default()),
            },
        }
    }
}

/// The store location for messages (a URL without its password).
fn display_db(db: &str) -> String {
    parley_store::model::redact_url(db)
}

/// Fails early with a clear message when a SQLite store to read does not exist.
pub fn require_existing_store(db: &str) -> Result<()> {
    if !parley_store::is_postgres_url(db) && !std::path::Path::new(db).exists() {
        bail!("no store at {db}: create one with `parley ingest PATH... --db {db}`");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parses_i_of_n_and_rejects_the_rest() {
        assert_eq!(
            "1/4".parse::<Shard>().unwrap(),
            Shard { index: 1, count: 4 }
        );
        for bad in ["4/4", "1/0", "x/2", "3", "-1/2"] {
            assert!(bad.parse::<Shard>().unwrap_err().contains("I/N"), "{bad}");
        }
    }

    #[test]
    fn every_id_falls_in_exactly_one_shard() {
        let ids: Vec<String> = (0..1000)
            .map(|i| parley_core::article_id(&format!("body {i}")))
            .collect();
        let n = 7;
        let mut sizes = vec![0; n];
        for id in &ids {
            let owners: Vec<usize> = (0..n)
                .filter(|&i| {
                    Shard {
                        index: i as u64,
                        count: n as u64,
                    }
                    .keeps_id(id)
                })
                .collect();
            assert_eq!(owners.len(), 1, "{id}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 100), "uneven shards {sizes:?}");
        assert!(Shard { index: 0, count: 1 }.keeps_id("not-hex"));
    }

    #[test]
    fn input_shards_take_every_nth_input() {
        let inputs: Vec<Input> = (0..5)
            .map(|i| Input::File(format!("{i}.txt").into()))
            .collect();
        let names: Vec<String> = shard_inputs(inputs, Shard { index: 1, count: 2 })
            .iter()
            .map(|i| i.name())
            .collect();
        assert_eq!(names, ["1.txt", "3.txt"]);
    }
}

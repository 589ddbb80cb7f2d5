//! `parley demo`: analyse the bundled example articles, print what was found, store them in a
//! local SQLite file, link them into stories and serve the pages over it (printing the URL to open). `--no-serve` stops
//! after storing, for scripts and CI; `--json` only prints the full report.

use crate::run::analyze_one;
use anyhow::{bail, Context as _, Result};
use parley_analyze::Pipeline;
use parley_core::Document;
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Articles linked into stories per step (the examples are two).
const STORY_CHUNK: usize = 500;

/// The two example articles of the brief, with their publication dates.
const EXAMPLES: &str = include_str!("../../../../examples/seeds.jsonl");

#[derive(clap::Args)]
pub struct Args {
    /// Print the full JSON report instead of the summary (stores and serves nothing)
    #[arg(long)]
    pub json: bool,
    /// The SQLite file the examples are stored in (created when missing; storing again
    /// changes nothing)
    #[arg(long, value_name = "FILE", default_value = "parley-demo.sqlite")]
    pub db: String,
    /// Address to serve on; port 0 picks a free port (the URL printed says which)
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Store the examples, then exit instead of serving them
    #[arg(long)]
    pub no_serve: bool,
    #[command(flatten)]
    pub parse: crate::run::ParseFlag,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = crate::run::with_parse(Pipeline::standard(), args.parse);
    let mut documents = Vec::new();
    for result in parley_ingest::jsonl::read("examples/seeds.jsonl", EXAMPLES.as_bytes()) {
        match result {
            Ok(sourced) => documents.push(analyze_one(sourced, &pipeline)),
            Err(e) => bail!("the bundled examples do not read: {e}"),
        }
    }
    if args.json {
        let report = parley_core::Report { documents };
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    for doc in &documents {
        print_summary(doc);
    }
    println!("Full report: parley analyze examples/seeds.jsonl --pretty");
    let store = store_examples(&args.db, &documents)?;
    if args.no_serve {
        println!("Serve them: parley serve --db {}", args.db);
        return Ok(ExitCode::SUCCESS);
    }
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "parley: warning: serving on {}, which other machines can reach; the API has no authentication",
            args.addr
        );
    }
    parley_serve::run(parley_serve::AppState::new(store), args.addr, |bound| {
        println!("Open http://{bound}/ in a browser (Ctrl-C stops)");
        // Scripts wait for this line: make sure it leaves now, not when the buffer fills.
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}

/// Stores the analysed examples in the SQLite file `db` and says what changed.
fn store_examples(db: &str, documents: &[Document]) -> Result<Box<dyn parley_store::Store + Send>> {
    if parley_store::is_postgres_url(db) {
        bail!("the demo stores its examples in a local SQLite file; give a file path to --db");
    }
    let mut store = parley_store::open(db)?;
    let outcomes = store
        .put_batch(documents)
        .with_context(|| format!("cannot store the examples in {db}"))?;
    let mut summary = parley_store::BatchSummary::default();
    summary.add(&outcomes);
    println!(
        "Stored in {db}: {} new, {} already there",
        summary.new_articles(),
        summary.already_stored
    );
    let run = parley_link::story::link_store(
        store.as_mut(),
        &parley_link::StoryParams::default(),
        None,
        STORY_CHUNK,
    )
    .with_context(|| format!("cannot link the examples into stories in {db}"))?;
    if run.linked > 0 {
        println!(
            "Linked {} article(s) into {} new story(ies)",
            run.linked, run.new_stories
        );
    }
    Ok(store)
}

fn print_summary(doc: &Document) {
    let a = &doc.analysis;
    let date = doc
        .published
        .map(|d| d.to_string())
        .unwrap_or_else(|| "date unknown".into());
    println!("== {}", clip(&doc.title, 120));
    println!(
        "   {} · {} · {} words",
        doc.outlet.as_deref().unwrap_or("outlet unknown"),
        date,
        doc.text.split_whitespace().count()
    );
    println!(
        "   {} entity mentions, {} quotes, {} events, {} claims, {} framing signals",
        a.entities.len(),
        a.quotes.len(),
        a.events.len(),
        a.claims.len(),
        a.framing.signals.len()
    );
    for q in a.quotes.iter().take(8) {
        let who = q
            .speaker
            .as_ref()
            .map(|s| s.name.as_str())
            .unwrap_or("(speaker unknown)");
        println!("   quote  {who}: {}", clip(&q.span.text, 90));
    }
    for e in a.events.iter().take(8) {
        let side = |x: &Option<parley_core::EventActor>| {
            x.as_ref()
                .and_then(|a| a.country.clone())
                .unwrap_or_else(|| "—".into())
        };
        println!(
            "   event  {} {} {} · {}",
            side(&e.source),
            e.code,
            side(&e.target),
            clip(&e.evidence.text, 70)
        );
    }
    println!();
}

/// Shortens text to at most `max` characters, on a character boundary.
fn clip(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_examples_read_with_their_dates() {
        let results = parley_ingest::jsonl::read("seeds", EXAMPLES.as_bytes());
        assert_eq!(results.len(), 2);
        for r in &results {
            assert!(r.as_ref().unwrap().article.published.is_some());
        }
    }

    #[test]
    fn clip_keeps_short_text_and_cuts_long_text_on_a_char_boundary() {
        assert_eq!(clip("a  b", 10), "a b");
        assert_eq!(clip("“ééééé”", 3), "“éé…");
    }
}

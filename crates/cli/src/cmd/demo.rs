//! `parley demo`: analyse the bundled example articles and print what was found.

use crate::run::analyze_one;
use anyhow::{bail, Result};
use parley_analyze::Pipeline;
use parley_core::Document;
use std::process::ExitCode;

/// The two example articles of the brief, with their publication dates.
const EXAMPLES: &str = include_str!("../../../../examples/seeds.jsonl");

#[derive(clap::Args)]
pub struct Args {
    /// Print the full JSON report instead of the summary
    #[arg(long)]
    pub json: bool,
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
    } else {
        for doc in &documents {
            print_summary(doc);
        }
        println!("Full report: parley analyze examples/seeds.jsonl --pretty");
    }
    Ok(ExitCode::SUCCESS)
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

//! `parley`: the command line of parley, which turns news coverage of international talks
//! and crises into a sourced, queryable record.
//!
//! Each subcommand lives in its own module under `cmd/`; the work itself is done by the
//! library crates (parley-ingest, parley-analyze, ...).

mod cmd;
mod run;
mod writer;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "parley",
    version,
    about = "Turn news coverage of talks and crises into a sourced record"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write the JSON report ({"documents": [...]})
    Analyze(cmd::analyze::Args),
    /// Analyse the bundled example articles and print a readable summary
    Demo(cmd::demo::Args),
    /// Read inputs (text, JSON Lines, HTML, feeds, WARC) into articles, one JSON line each
    Extract(cmd::extract::Args),
    /// Analyse articles and print their quotes: who said what (list, JSON lines or Citron)
    Quotes(cmd::quotes::Args),
    /// Analyse articles and print how each tells its story: headline support, loaded words, voice, tone, claims
    Framing(cmd::framing::Args),
    /// Analyse articles and store them with their annotations (SQLite file or PostgreSQL)
    Ingest(cmd::ingest::Args),
    /// Tokens, tags, lemmas, dependency parse and entities of each article (JSON lines or CoNLL-U)
    Parse(cmd::parse::Args),
    /// Group near-duplicate stored articles (wire copies), then put new articles in stories
    Link(cmd::link::Args),
    /// List the stored stories, or show one with why each article joined
    Stories(cmd::stories::Args),
    /// A story's events and quotes, dated and ordered, each with its article and span
    Timeline(cmd::timeline::Args),
    /// Full-text search over stored titles, bodies and quotes
    Search(cmd::search::Args),
    /// What one party demanded, offered, rejected, threatened, said, over time (from a store)
    Positions(cmd::positions::Args),
    /// The claim × outlet matrix: who asserts, disputes, reports or omits each claim
    Claims(cmd::claims::Args),
    /// Per outlet: loaded-language rate, attribution share, tone, headline support
    Outlets(cmd::outlets::Args),
    /// Write stored articles as JSON, JSON Lines, CSV, GDELT, PLOVER or Citron
    Export(cmd::export::Args),
    /// Serve a store read-only: JSON API and web pages (loopback only unless --addr says otherwise)
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Demo(args) => cmd::demo::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Quotes(args) => cmd::quotes::run(args),
        Command::Framing(args) => cmd::framing::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Link(args) => cmd::link::run(args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Stories(args) => cmd::stories::run(args),
        Command::Timeline(args) => cmd::timeline::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Positions(args) => cmd::positions::run(args),
        Command::Claims(args) => cmd::claims::run(args),
        Command::Outlets(args) => cmd::outlets::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parley: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

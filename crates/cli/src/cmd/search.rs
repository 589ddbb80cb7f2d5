//! `parley search`: full-text search over the stored titles, bodies and quotes.

use anyhow::Result;
use parley_store::model::HitIn;
use parley_store::SearchQuery;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Words to find (all must occur); "quoted words" must occur together
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Most hits to show, of articles and of quotes each
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Pass the query to the database as is (SQLite FTS5 syntax: AND, OR, NOT, prefix*, NEAR)
    #[arg(long)]
    pub raw: bool,
    /// Write one JSON object per hit
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let query = SearchQuery {
        text: args.query.join(" "),
        raw: args.raw,
        limit: args.limit,
    };
    let hits = store.search(&query)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for hit in &hits {
        if args.json {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
            continue;
        }
        let date = hit.published.as_deref().unwrap_or("----------");
        let outlet = hit.outlet.as_deref().unwrap_or("?");
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        match hit.found_in {
            HitIn::Article => {
                writeln!(out, "{date}  {outlet}  {}", flat(&hit.title))?;
            }
            HitIn::Quote => {
                let who = hit.speaker.as_deref().unwrap_or("(speaker unknown)");
                let at = match (hit.start, hit.end) {
                    (Some(s), Some(e)) => format!(" @{s}..{e}"),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "{date}  {outlet}  quote{at}  {who}, in: {}",
                    flat(&hit.title)
                )?;
            }
        }
        writeln!(out, "    {}", flat(&hit.snippet))?;
        writeln!(
            out,
            "    id {}{}",
            hit.id,
            hit.url
                .as_deref()
                .map(|u| format!("  {u}"))
                .unwrap_or_default()
        )?;
    }
    out.flush()?;
    if hits.is_empty() {
        eprintln!("parley: no hits for {:?}", query.text);
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

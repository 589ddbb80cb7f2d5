//! `parley claims`: the claim × outlet matrix — which outlets assert, dispute, deny, question,
//! report or omit each claim (see `parley_link::claim_matrix` for how rows are keyed and how
//! "omitted" is decided).

use anyhow::Result;
use parley_link::{claim_matrix, ClaimMatrix, MatrixOptions};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Write the matrix as one JSON object
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Write the matrix as CSV: one row per claim, one column per outlet
    #[arg(long)]
    pub csv: bool,
    /// Only claims carried by at least N outlets
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_outlets: usize,
    /// An outlet omits a claim when it names the claim's actors within this many days of it
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    pub window_days: i64,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let options = MatrixOptions {
        min_outlets: args.min_outlets,
        window_days: args.window_days,
    };
    let matrix = claim_matrix(store.as_mut(), options)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &matrix)?;
        writeln!(out)?;
    } else if args.csv {
        write_csv(&mut out, &matrix)?;
    } else {
        write_table(&mut out, &matrix)?;
    }
    out.flush()?;
    eprintln!(
        "parley: {} claim(s) in {} row(s) carried by ≥ {} outlet(s); {} claim(s) name nobody and fit no row",
        matrix.claims_read,
        matrix.rows.len(),
        args.min_outlets,
        matrix.claims_without_key
    );
    Ok(ExitCode::SUCCESS)
}

/// Columns: key, polarity, event code, example, first, last, articles, then one per outlet
/// (empty where the outlet neither carries nor omits the claim).
fn write_csv(out: &mut impl Write, m: &ClaimMatrix) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "actors",
        "polarity",
        "event_code",
        "example",
        "first",
        "last",
        "articles",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(m.outlets.iter().cloned());
    w.write_record(&header)?;
    for row in &m.rows {
        let mut record = vec![
            row.key.actors.join(" "),
            row.key.polarity.to_string(),
            row.key.event_code.clone().unwrap_or_default(),
            row.example.clone(),
            row.first.map(|d| d.to_string()).unwrap_or_default(),
            row.last.map(|d| d.to_string()).unwrap_or_default(),
            row.articles.to_string(),
        ];
        for outlet in &m.outlets {
            let cell = row.cells.iter().find(|c| &c.outlet == outlet);
            record.push(
                cell.map(|c| c.cell.as_str().to_string())
                    .unwrap_or_default(),
            );
        }
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

fn write_table(out: &mut impl Write, m: &ClaimMatrix) -> Result<()> {
    for row in &m.rows {
        let flat: String = row.example.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(
            out,
            "{}  ({} outlet(s), {} article(s), {} .. {})",
            row.key.label(),
            row.outlets,
            row.articles,
            row.first
                .map(|d| d.to_string())
                .unwrap_or_else(|| "?".into()),
            row.last
                .map(|d| d.to_string())
                .unwrap_or_else(|| "?".into()),
        )?;
        writeln!(out, "    e.g. {flat}")?;
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| format!("{}: {}", c.outlet, c.cell.as_str()))
            .collect();
        writeln!(out, "    {}", cells.join("  |  "))?;
    }
    Ok(())
}

//! `parley outlets`: per outlet, its articles, loaded-language rate, attribution share, mean
//! tone and headline support (see `parley_link::outlets`).

use anyhow::Result;
use parley_link::outlet_profiles;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Write one JSON object per outlet
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut store = parley_store::open(&args.db)?;
    let profiles = outlet_profiles(store.as_mut())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let num = |v: Option<f64>, digits: usize| match v {
        Some(x) => format!("{x:.digits$}"),
        None => "-".into(),
    };
    if !args.json {
        writeln!(
            out,
            "{:<24} {:>8} {:>10} {:>12} {:>12} {:>9} {:>6}  headline supported/partly/unsupported/none",
            "outlet", "articles", "words", "loaded/1kw", "signals/1kw", "attrib.", "tone"
        )?;
    }
    for p in &profiles {
        if args.json {
            serde_json::to_writer(&mut out, p)?;
            writeln!(out)?;
            continue;
        }
        let h = &p.headline;
        writeln!(
            out,
            "{:<24} {:>8} {:>10} {:>12} {:>12} {:>9} {:>6}  {}/{}/{}/{}",
            p.outlet,
            p.articles,
            p.words,
            num(p.loaded_language_per_1000_words, 2),
            num(p.signals_per_1000_words, 2),
            num(p.attribution_share.map(|s| s * 100.0), 1) + "%",
            num(p.mean_tone, 2),
            h.supported,
            h.partly,
            h.unsupported,
            h.none
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

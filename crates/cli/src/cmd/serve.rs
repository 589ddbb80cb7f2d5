//! `parley serve`: the read-only JSON API and web pages over a store (see parley-serve).

use anyhow::{Context as _, Result};
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The store: a SQLite file or a postgres:// URL
    #[arg(long, value_name = "FILE|URL", default_value = "parley.sqlite")]
    pub db: String,
    /// Address to listen on; the default answers only this machine. Another address (e.g.
    /// 0.0.0.0:8080) exposes the store to the network
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Store connections requests are spread over (1 to 16): a slow search then does not
    /// hold up the other requests
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub connections: u8,
}

pub fn run(args: Args) -> Result<ExitCode> {
    crate::cmd::ingest::require_existing_store(&args.db)?;
    let mut stores = Vec::new();
    for _ in 0..args.connections {
        stores.push(parley_store::open(&args.db)?);
    }
    let location = stores[0].location().to_string();
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "parley: warning: serving on {}, which other machines can reach; the API has no authentication",
            args.addr
        );
    }
    let state = parley_serve::AppState::pool(stores);
    parley_serve::run(state, args.addr, |bound| {
        eprintln!("parley: serving {location} at http://{bound}/ (Ctrl-C stops)");
    })
    .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}

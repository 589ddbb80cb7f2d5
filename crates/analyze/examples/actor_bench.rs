//! Speed of the actor and time stages on the seed articles.
//!
//!     cargo run --release -p parley-analyze --example actor_bench [-- ROUNDS]

use parley_analyze::actors::ActorStage;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut bodies = Vec::new();
    for e in std::fs::read_dir(&seeds).expect("seeds").flatten() {
        let t = std::fs::read_to_string(e.path()).unwrap();
        bodies.push(
            t.split_once('\n')
                .map_or(String::new(), |x| x.1.to_string()),
        );
    }
    let date = chrono::NaiveDate::from_ymd_opt(2022, 1, 13);
    let t = Instant::now();
    let stage = ActorStage::new();
    println!(
        "knowledge base + automaton built in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for b in &bodies {
            n += stage.mentions(b, &[], date).len();
        }
    }
    let per = t.elapsed().as_secs_f64() / (rounds * bodies.len()) as f64;
    println!(
        "mentions: {:.0} µs per article ({:.1} MB/s), {} mentions per round",
        per * 1e6,
        bytes as f64 / bodies.len() as f64 / per / 1e6,
        n / rounds
    );
    let t = Instant::now();
    for _ in 0..rounds {
        for b in &bodies {
            n -= parley_analyze::time::time_expressions(b, date).len().min(n);
        }
    }
    let per = t.elapsed().as_secs_f64() / (rounds * bodies.len()) as f64;
    println!("time expressions: {:.0} µs per article", per * 1e6);
}

//! Prints the actor mentions of a text given on the command line (debugging aid).
//!
//!     cargo run --release -p parley-analyze --example actors_dbg -- "TEXT" [YYYY-MM-DD]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = args.first().cloned().unwrap_or_default();
    let date = args
        .get(1)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let stage = parley_analyze::actors::ActorStage::new();
    for m in stage.mentions(&text, &[], date) {
        let a = m.actor.unwrap();
        println!(
            "{:>4} {:<30} -> {} [{}] {:?}/{:?} ({})",
            m.span.start, m.span.text, a.name, a.kind, a.country, a.sector, m.found_by
        );
    }
    for t in parley_analyze::time::time_expressions(&text, date) {
        println!(
            "time {:>4} {:<24} -> {:?} [{}]",
            t.span.start, t.span.text, t.value, t.rule
        );
    }
}

//! Model load time: `load_time MODEL_DIR [LOADS]` loads the pipeline LOADS times (default 10)
//! and prints wall and CPU time (user + system, all threads) of each load and their median.
//! `PARLEY_NLP_TIMING=1` adds the time of each part.
use std::time::Instant;

/// CPU time (user + system) of this process so far, all threads, in seconds.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct we pass; nothing else is touched.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: load_time MODEL_DIR [LOADS]");
    let loads: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    for i in 0..loads.max(1) {
        let (t, c) = (Instant::now(), cpu_seconds());
        let pipeline = parley_nlp::Pipeline::load(&dir).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
        let (wall, cpu) = (t.elapsed().as_secs_f64() * 1e3, (cpu_seconds() - c) * 1e3);
        drop(pipeline);
        println!("load {}: {wall:.0} ms wall, {cpu:.0} ms CPU", i + 1);
        walls.push(wall);
        cpus.push(cpu);
    }
    println!(
        "median of {} loads: {:.0} ms wall, {:.0} ms CPU",
        walls.len(),
        median(&mut walls),
        median(&mut cpus)
    );
}

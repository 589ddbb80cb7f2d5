//! Measures how well SimHash separates edited copies from different articles, on real bodies.
//!
//!     cargo run --release -p parley-link --example dedup_eval -- ../shared/eval/wcxb-articles/dev/ground-truth
//!
//! For each body (≥ 150 words) it makes three edited copies: a wire credit line added at the
//! top, the last paragraph dropped, one sentence in the middle reworded. It prints the
//! distribution of distances between each body and its copies, and between different
//! bodies, and how the grouping does at MAX_DISTANCE.

use parley_link::{group_near_duplicates, hamming, simhash, Fingerprinted, MAX_DISTANCE};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("folder of WCXB ground-truth JSON files");
    let mut bodies = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let body = v["ground_truth"]["main_content"]
            .as_str()
            .unwrap_or("")
            .trim()
            .to_string();
        if body.split_whitespace().count() >= 150 {
            bodies.push(body);
        }
    }
    let copies = |body: &str| -> Vec<String> {
        let paras: Vec<&str> = body.split("\n\n").collect();
        let dropped = if paras.len() > 2 {
            paras[..paras.len() - 1].join("\n\n")
        } else {
            body[..floor(body, body.len() * 9 / 10)].to_string()
        };
        let mid = floor(body, body.len() / 2);
        let cut = body[mid..].find(". ").map(|i| mid + i + 2).unwrap_or(mid);
        let cut = (0..=cut)
            .rev()
            .find(|&i| body.is_char_boundary(i))
            .unwrap_or(0);
        let reworded = format!(
            "{}The spokesman added that no decision had been taken yet. {}",
            &body[..cut],
            &body[cut..]
        );
        vec![
            format!("LONDON (Reuters) - {body}\n\n(Reporting by Staff; Editing by Desk)"),
            dropped,
            reworded,
        ]
    };
    let mut same = Vec::new();
    let mut items = Vec::new();
    let fps: Vec<u64> = bodies.iter().map(|b| simhash(b)).collect();
    for (i, body) in bodies.iter().enumerate() {
        items.push(Fingerprinted {
            id: format!("{i}"),
            fingerprint: fps[i],
            published: None,
            order: items.len() as i64,
        });
        for (k, c) in copies(body).iter().enumerate() {
            let fp = simhash(c);
            same.push(hamming(fps[i], fp));
            items.push(Fingerprinted {
                id: format!("{i}.{k}"),
                fingerprint: fp,
                published: None,
                order: items.len() as i64,
            });
        }
    }
    let mut different = Vec::new();
    for i in 0..fps.len() {
        for j in i + 1..fps.len() {
            different.push(hamming(fps[i], fps[j]));
        }
    }
    let summary = |name: &str, v: &mut Vec<u32>| {
        v.sort();
        let at = |p: f64| v[((v.len() - 1) as f64 * p) as usize];
        let within = v.iter().filter(|&&d| d <= MAX_DISTANCE).count();
        println!(
            "{name}: n={} min={} p5={} p50={} p95={} max={}; within {MAX_DISTANCE} bits: {within} ({:.2}%)",
            v.len(), v[0], at(0.05), at(0.5), at(0.95), v[v.len() - 1], 100.0 * within as f64 / v.len() as f64
        );
    };
    summary("body vs its edited copy", &mut same);
    summary("body vs another body", &mut different);
    let max: u32 = std::env::var("MAX_DISTANCE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MAX_DISTANCE);
    let groups = group_near_duplicates(&items, max);
    println!("grouping at {max} bits:");
    let pure = groups
        .iter()
        .filter(|g| {
            let root = g.original.split('.').next().unwrap();
            g.copies
                .iter()
                .all(|c| c.split('.').next().unwrap() == root)
        })
        .count();
    let grouped: usize = groups.iter().map(|g| g.copies.len() + 1).sum();
    println!(
        "grouping {} articles ({} bodies x 4): {} groups, {} pure; {} articles in a group",
        items.len(),
        bodies.len(),
        groups.len(),
        pure,
        grouped
    );
}

/// The largest char boundary at or below `i`.
fn floor(s: &str, i: usize) -> usize {
    (0..=i).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0)
}

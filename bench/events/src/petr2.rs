//! PETR-2 GSR: (source country, CAMEO code, target country) triples over dyadic events, on the
//! development and held-out parts, with the development misses bucketed by cause.

use crate::plover::why_no_event;
use crate::split::{held_out, Buckets, Score};
use crate::{code_explained, country, eval_dir, Actors};
use chrono::NaiveDate;
use parley_analyze::events::EventStage;

struct Petr {
    id: String,
    date: Option<NaiveDate>,
    text: String,
    triples: Vec<(String, String, String)>,
    no_event: bool,
}

fn attr(line: &str, name: &str) -> Option<String> {
    let k = line.find(&format!("{name}=\""))? + name.len() + 2;
    let e = line[k..].find('"')? + k;
    Some(line[k..e].to_string())
}

fn read_petr() -> Vec<Petr> {
    let path = format!("{}/petrarch2-gsr/PETR2_GSR_validation.xml", eval_dir());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out: Vec<Petr> = Vec::new();
    let mut in_text = false;
    let mut in_parse = false;
    let mut parse_words: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("<Sentence ") {
            let evaluate = attr(t, "evaluate").is_none_or(|v| v == "true");
            out.push(Petr {
                id: attr(t, "id").unwrap_or_default(),
                date: attr(t, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok()),
                text: String::new(),
                triples: Vec::new(),
                no_event: !evaluate,
            });
            if !evaluate {
                if let Some(p) = out.last_mut() {
                    p.id.insert_str(0, "SKIP:")
                }
            }
        } else if t.starts_with("<EventCoding") {
            let Some(p) = out.last_mut() else { continue };
            if attr(t, "noevents").is_some() {
                p.no_event = true;
            } else if let (Some(c), Some(s), Some(g)) = (
                attr(t, "eventcode"),
                attr(t, "sourcecode"),
                attr(t, "targetcode"),
            ) {
                p.triples.push((s, c, g));
            }
        } else if t.starts_with("<Parse>") {
            in_parse = true;
            parse_words.clear();
        } else if t.starts_with("</Parse>") {
            in_parse = false;
            // A record whose <Text> is empty still has its sentence in the parse.
            if let Some(p) = out.last_mut().filter(|p| p.text.is_empty()) {
                p.text = words_to_text(&parse_words);
            }
        } else if in_parse {
            if let Some(word) = t.split('\t').nth(1) {
                parse_words.push(word.to_string());
            }
        } else if t.starts_with("<Text>") {
            in_text = true;
        } else if t.starts_with("</Text>") {
            in_text = false;
        } else if in_text {
            if let Some(p) = out.last_mut() {
                if !p.text.is_empty() {
                    p.text.push(' ');
                }
                p.text.push_str(t);
            }
        }
    }
    out.retain(|p| !p.id.starts_with("SKIP:"));
    out
}

/// Joins the parse's tokens into a sentence: a space between words, none before punctuation.
fn words_to_text(words: &[String]) -> String {
    let mut text = String::new();
    for w in words {
        let is_punct = matches!(
            w.as_str(),
            "." | "," | ";" | ":" | "?" | "!" | "'s" | "n't" | ")"
        );
        if !text.is_empty() && !is_punct && !text.ends_with('(') {
            text.push(' ');
        }
        text.push_str(w);
    }
    text
}

/// A side of a triple for the open scoring: its country, or "---" when missing or countryless.
fn open_side(a: &Option<parley_core::EventActor>) -> String {
    let c = country(a);
    if c.is_empty() {
        "---".into()
    } else {
        c3(&c)
    }
}

fn c3(s: &str) -> String {
    s.chars().take(3).collect()
}

type Triple = (String, String, String);

/// Why a gold triple was not matched by any predicted one.
fn why_missed(g: &Triple, got: &[Triple]) -> &'static str {
    let root = |c: &str| c.get(..2).map(str::to_string);
    if got.iter().any(|p| p.0 == g.0 && p.2 == g.2) {
        if got
            .iter()
            .any(|p| p.0 == g.0 && p.2 == g.2 && root(&p.1) == root(&g.1))
        {
            "triple: right pair and root, other 3/4-digit code"
        } else {
            "triple: right pair, wrong code"
        }
    } else if got.iter().any(|p| p.0 == g.2 && p.2 == g.0) {
        "triple: source and target swapped"
    } else if got.iter().any(|p| root(&p.1) == root(&g.1) && p.2 == g.2) {
        "triple: right code and target, other source"
    } else if got.iter().any(|p| root(&p.1) == root(&g.1) && p.0 == g.0) {
        "triple: right code and source, other target"
    } else {
        "triple: nothing like it"
    }
}

pub fn run(stage: &EventStage, ph: &Actors, verbose: bool) {
    let recs = read_petr();
    let (mut recall, mut precision, mut recall_root, mut precision_root) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let (mut noev_dyadic, mut noev_any) = (Score::default(), Score::default());
    let (mut recall_open, mut precision_open) = (Score::default(), Score::default());
    let mut buckets = Buckets::default();
    for (k, r) in recs.iter().enumerate() {
        let dev = !held_out(k);
        let (events, why) = code_explained(stage, ph, &r.text, r.date);
        // a side found without a country (an agent: "rebels") is PETRARCH's "---"
        let mut got: Vec<Triple> = events
            .iter()
            .filter(|e| e.source.is_some() && e.target.is_some())
            .map(|e| (open_side(&e.source), e.code.clone(), open_side(&e.target)))
            .collect();
        got.sort();
        got.dedup();
        // PETRARCH writes "---" for a side it found without a country; as such, an event with
        // one side missing or countryless (scored separately, beside the dyadic figures)
        let mut got_open: Vec<Triple> = events
            .iter()
            .filter(|e| e.source.is_some() || e.target.is_some())
            .map(|e| (open_side(&e.source), e.code.clone(), open_side(&e.target)))
            .collect();
        got_open.sort();
        got_open.dedup();
        if r.no_event && r.triples.is_empty() {
            noev_dyadic.add(k, got.is_empty() as usize, 1);
            noev_any.add(k, events.is_empty() as usize, 1);
            if dev && !got.is_empty() {
                buckets.add("no-event sentence: dyadic event coded");
                if verbose {
                    println!(
                        "  [no-event sentence] got {got:?}\n      {}\n      triggers {:?}",
                        r.text, why.triggers
                    );
                }
            }
            continue;
        }
        let gold: Vec<Triple> = r
            .triples
            .iter()
            .map(|(s, c, g)| (c3(s), c.clone(), c3(g)))
            .collect();
        let (mut used, mut used_root) = (vec![false; got.len()], vec![false; got.len()]);
        let (mut hit, mut hit_root) = (0, 0);
        for g in &gold {
            if let Some(j) = (0..got.len()).find(|&j| !used[j] && got[j] == *g) {
                used[j] = true;
                hit += 1;
            }
            if let Some(j) = (0..got.len()).find(|&j| {
                !used_root[j]
                    && got[j].0 == g.0
                    && got[j].2 == g.2
                    && got[j].1.get(..2) == g.1.get(..2)
            }) {
                used_root[j] = true;
                hit_root += 1;
            }
        }
        let mut used_open = vec![false; got_open.len()];
        let mut hit_open = 0;
        for g in &gold {
            if let Some(j) = (0..got_open.len()).find(|&j| !used_open[j] && got_open[j] == *g) {
                used_open[j] = true;
                hit_open += 1;
            }
        }
        recall_open.add(k, hit_open, gold.len());
        precision_open.add(k, hit_open, got_open.len());
        recall.add(k, hit, gold.len());
        precision.add(k, hit, got.len());
        recall_root.add(k, hit_root, gold.len());
        precision_root.add(k, hit_root, got.len());
        if !dev {
            continue;
        }
        let missed: Vec<&Triple> = gold.iter().filter(|g| !got.contains(g)).collect();
        for g in &missed {
            buckets.add(if events.is_empty() {
                why_no_event(&why)
            } else {
                why_missed(g, &got)
            });
        }
        for (j, _) in got.iter().enumerate().filter(|(j, _)| !used_root[*j]) {
            let _ = j;
            buckets.add("extra: predicted triple matching no gold triple (root level)");
        }
        if verbose && (!missed.is_empty() || used_root.iter().any(|u| !u)) {
            println!(
                "  gold {gold:?} got {got:?}\n      {}\n      parties {:?} triggers {:?} verbs {:?}",
                r.text, why.parties, why.triggers, why.verb_words
            );
        }
    }
    println!("PETR-2 GSR (country level = first 3 letters; held out: every 3rd sentence)");
    println!("  exact-code triple recall      {}", recall.show());
    println!("  exact-code triple precision   {}", precision.show());
    println!("  root-level triple recall      {}", recall_root.show());
    println!("  root-level triple precision   {}", precision_root.show());
    println!(
        "  no-event sentences, no dyadic event  {}",
        noev_dyadic.show()
    );
    println!("  no-event sentences, no event at all  {}", noev_any.show());
    println!(
        "  exact-code recall, a missing or countryless side as ---     {}",
        recall_open.show()
    );
    println!(
        "  exact-code precision, a missing or countryless side as ---  {}",
        precision_open.show()
    );
    buckets.print("misses by cause");
}

//! PLOVER GSR: the PLOVER category of the first event of each record, and its source country,
//! on the development and held-out parts, with the development misses bucketed by cause.

use crate::split::{held_out, Buckets, Score};
use crate::{code_explained, country, eval_dir, Actors};
use parley_analyze::events::{EventStage, Explanation};
use parley_core::Event;
use serde_json::Value;
use std::collections::HashMap;

/// PLOVER 0.5b1 names in the gold file -> current PLOVER categories.
fn plover_now(cat: &str) -> &str {
    match cat {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        c => c,
    }
}

/// Why a record got no event at all.
pub fn why_no_event(why: &Explanation) -> &'static str {
    if why.parties.is_empty() {
        "no event: no actor in the sentence"
    } else if why.triggers.is_empty() && why.verb_words.is_empty() {
        "no event: no verb or noun in the dictionaries"
    } else if why.triggers.is_empty() {
        "no event: a dictionary verb not read as a verb (position, governed, no code)"
    } else {
        "no event: trigger found, no source (or no target where one is needed)"
    }
}

pub fn run(stage: &EventStage, ph: &Actors, verbose: bool) {
    let path = format!("{}/plover-gsr/PLOVER_GSR_CAMEO.txt", eval_dir());
    let recs: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
            .unwrap_or_default();
    let (mut cat, mut any, mut none, mut src) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let (mut buckets, mut src_buckets) = (Buckets::default(), Buckets::default());
    let mut confusion: HashMap<(String, String), usize> = HashMap::new();
    for (k, r) in recs.iter().filter(|r| r["event"] != "DOCUMENT").enumerate() {
        let dev = !held_out(k);
        let text = r["text"].as_str().unwrap_or("");
        let gold = plover_now(r["event"].as_str().unwrap_or(""));
        let (events, why) = code_explained(stage, ph, text, None);
        let with_cat: Vec<&Event> = events.iter().filter(|e| e.plover.is_some()).collect();
        let first = with_cat.first();
        let pred = first
            .and_then(|e| e.plover.as_ref().map(|p| p.category.clone()))
            .unwrap_or_else(|| "-".into());
        let in_any = with_cat
            .iter()
            .any(|e| e.plover.as_ref().is_some_and(|p| p.category == gold));
        cat.add(k, (pred == gold) as usize, 1);
        any.add(k, in_any as usize, 1);
        none.add(k, (pred == "-") as usize, 1);
        let gold_src: Vec<String> = r["source"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x["code"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let got_src = first.map(|e| country(&e.source)).unwrap_or_default();
        let src_ok = !got_src.is_empty()
            && gold_src
                .iter()
                .any(|g| g.get(..3) == got_src.get(..3.min(got_src.len())));
        if !gold_src.is_empty() {
            src.add(k, src_ok as usize, 1);
        }
        if !dev {
            continue;
        }
        if dev && pred != gold {
            *confusion
                .entry((gold.to_string(), pred.clone()))
                .or_default() += 1;
        }
        let bucket = if pred == gold {
            None
        } else if first.is_none() {
            Some(why_no_event(&why))
        } else if in_any {
            Some("wrong category: gold is a later event of the sentence")
        } else {
            Some("wrong category: wrong code")
        };
        if let Some(b) = bucket {
            buckets.add(b);
        }
        let src_bucket = match (gold_src.is_empty() || src_ok, first) {
            (true, _) => None,
            (false, None) => Some("source: no event"),
            (false, Some(_)) if got_src.is_empty() => {
                Some("source: event without a source country")
            }
            (false, Some(_)) => Some("source: another actor"),
        };
        if let Some(b) = src_bucket {
            src_buckets.add(b);
        }
        if verbose && (bucket.is_some() || src_bucket.is_some()) {
            let trig = first
                .and_then(|e| e.trigger.as_ref().map(|t| t.text.clone()))
                .unwrap_or_default();
            let code = first.map(|e| e.code.clone()).unwrap_or_default();
            println!(
                "  [{}] {gold} got {pred} {code} [{trig}] src {gold_src:?} got {got_src:?}\n      {text}\n      parties {:?} triggers {:?} verbs {:?}",
                bucket.or(src_bucket).unwrap_or(""),
                why.parties,
                why.triggers,
                why.verb_words
            );
        }
    }
    println!("PLOVER GSR (held out: every 3rd record)");
    println!("  category accuracy (first event)   {}", cat.show());
    println!("  category among any coded event    {}", any.show());
    println!("  records with no PLOVER event      {}", none.show());
    println!("  source country correct            {}", src.show());
    buckets.print("category misses by cause");
    src_buckets.print("source misses by cause");
    if verbose {
        let mut c: Vec<_> = confusion.into_iter().collect();
        c.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for ((g, p), k) in c.iter().take(20) {
            println!("  confusion {g} -> {p}: {k}");
        }
    }
}

//! Evaluation runners for parley's event coder. Usage (from the repository root):
//!
//!   bench/events/run.sh [plover|petr2|conflibert|seeds|speed|all]
//!
//! Actors come from a bench-only lookup over the Phoenix dictionaries (src/phoenix.rs) until the
//! actors stage lands; sentences from the text layer; no time expressions. With `--parse`, the
//! linguistic layer (the model found as `parley analyze` finds it) gives the actors stage its
//! named entities and the coder its clause structure.

mod phoenix;

use chrono::NaiveDate;
use parley_analyze::actors::ActorStage;
use parley_analyze::events::EventStage;
use parley_analyze::parse::{Parse, Parser};
use parley_analyze::Pipeline;
use parley_analyze::time::time_expressions_in;
use parley_core::{EntityMention, Event, Span, TextLayer};
use phoenix::Phoenix;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Instant;

/// The parser when `--parse` is given (set once in `main`).
static PARSER: std::sync::OnceLock<Option<Parser>> = std::sync::OnceLock::new();

fn parse(body: &str) -> Option<Parse> {
    PARSER.get().and_then(Option::as_ref).map(|p| p.parse(body))
}

fn eval_dir() -> String {
    std::env::var("PARLEY_EVAL").unwrap_or_else(|_| "../shared/eval".into())
}

fn phoenix() -> Phoenix {
    let d = format!("{}/petrarch2-gsr", eval_dir());
    let mut ph = Phoenix::load(&[
        format!("{d}/Phoenix.Countries.actors.txt"),
        format!("{d}/Phoenix.International.actors.txt"),
        format!("{d}/Phoenix.MilNonState.actors.txt"),
    ]);
    ph.add_extra("bench/events/actors_extra.txt");
    ph
}

/// Where actor mentions come from: the product's actors stage (its built-in knowledge base, or
/// extended with the Phoenix dictionaries), or the bench-only Phoenix lookup.
pub enum Actors {
    Kb(ActorStage),
    Phoenix(Phoenix),
}

impl Actors {
    fn from_args(args: &[String]) -> Actors {
        let which = args
            .iter()
            .position(|a| a == "--actors")
            .and_then(|k| args.get(k + 1))
            .map(String::as_str)
            .unwrap_or("kb+phoenix");
        match which {
            "phoenix" => Actors::Phoenix(phoenix()),
            "kb" => Actors::Kb(ActorStage::new()),
            _ => {
                let dir = format!("{}/petrarch2-gsr", eval_dir());
                Actors::Kb(ActorStage::with_phoenix(std::path::Path::new(&dir)).unwrap_or_else(|_| ActorStage::new()))
            }
        }
    }

    fn mentions(&self, body: &str, sentences: &[Span], published: Option<NaiveDate>) -> Vec<EntityMention> {
        self.mentions_parsed(body, sentences, published, None)
    }

    fn mentions_parsed(&self, body: &str, sentences: &[Span], published: Option<NaiveDate>, parse: Option<&Parse>) -> Vec<EntityMention> {
        match self {
            Actors::Kb(a) => match parse {
                Some(p) => parley_analyze::actors::ner::mentions_with_entities(a, body, sentences, published, p),
                None => a.mentions(body, sentences, published),
            },
            Actors::Phoenix(p) => p.mentions_with_pronouns(body),
        }
    }
}

fn sentences(body: &str) -> Vec<Span> {
    TextLayer::new(body).sentences.iter().map(|s| s.span).collect()
}

fn code_text(stage: &EventStage, ph: &Actors, body: &str, published: Option<NaiveDate>) -> Vec<Event> {
    let sents = sentences(body);
    let parsed = parse(body);
    let mentions: Vec<EntityMention> = ph.mentions_parsed(body, &sents, published, parsed.as_ref());
    let times: Vec<(Span, NaiveDate)> = time_expressions_in(body, &sents, published)
        .into_iter()
        .filter_map(|t| t.date.map(|d| (t.span.span(), d)))
        .collect();
    stage.code_parsed(body, &sents, &mentions, &times, &[], published, parsed.as_ref())
}

fn country(a: &Option<parley_core::EventActor>) -> String {
    a.as_ref().and_then(|a| a.country.clone()).unwrap_or_default()
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// PLOVER 0.5b1 names in the gold file -> current PLOVER categories.
fn plover_now(cat: &str) -> &str {
    match cat {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        c => c,
    }
}

fn plover(stage: &EventStage, ph: &Actors, verbose: bool) {
    let path = format!("{}/plover-gsr/PLOVER_GSR_CAMEO.txt", eval_dir());
    let recs: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or_default();
    let (mut n, mut correct, mut any, mut none) = (0, 0, 0, 0);
    let (mut with_src, mut src_ok) = (0, 0);
    let mut confusion: HashMap<(String, String), usize> = HashMap::new();
    for r in recs.iter().filter(|r| r["event"] != "DOCUMENT") {
        n += 1;
        let text = r["text"].as_str().unwrap_or("");
        let gold = plover_now(r["event"].as_str().unwrap_or(""));
        let events = code_text(stage, ph, text, None);
        let with_cat: Vec<&Event> = events.iter().filter(|e| e.plover.is_some()).collect();
        let first = with_cat.first();
        let pred = first.map(|e| e.plover.as_ref().map(|p| p.category.clone()).unwrap_or_default()).unwrap_or_else(|| "-".into());
        if pred == gold {
            correct += 1;
        }
        if pred == "-" {
            none += 1;
        }
        if with_cat.iter().any(|e| e.plover.as_ref().is_some_and(|p| p.category == gold)) {
            any += 1;
        }
        *confusion.entry((gold.to_string(), pred.clone())).or_default() += 1;
        let gold_src: Vec<String> = r["source"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["code"].as_str().map(|s| s.to_string())).collect())
            .unwrap_or_default();
        if !gold_src.is_empty() {
            with_src += 1;
            if first.is_some_and(|e| gold_src.iter().any(|g| g.get(..3) == Some(&country(&e.source)[..country(&e.source).len().min(3)]) && !country(&e.source).is_empty())) {
                src_ok += 1;
            } else if verbose {
                println!("  source {:?} got {:?} | {text}", gold_src, first.map(|e| country(&e.source)));
            }
        }
        if verbose && pred != gold {
            let trig = first.and_then(|e| e.trigger.as_ref().map(|t| t.text.clone())).unwrap_or_default();
            let code = first.map(|e| e.code.clone()).unwrap_or_default();
            println!("  {gold:10} got {pred:10} {code:5} [{trig}] | {text}");
        }
    }
    println!("PLOVER GSR ({n} records)");
    println!("  category accuracy (first event with a PLOVER category)  {:5.1} %  ({correct}/{n})", pct(correct, n));
    println!("  category among any coded event                           {:5.1} %  ({any}/{n})", pct(any, n));
    println!("  records with no PLOVER event                             {:5.1} %  ({none}/{n})", pct(none, n));
    println!("  source country correct (records with a gold source)      {:5.1} %  ({src_ok}/{with_src})", pct(src_ok, with_src));
    if verbose {
        let mut c: Vec<_> = confusion.into_iter().filter(|((g, p), _)| g != p).collect();
        c.sort_by(|a, b| b.1.cmp(&a.1));
        for ((g, p), k) in c.iter().take(15) {
            println!("  confusion {g} -> {p}: {k}");
        }
    }
}

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
                out.last_mut().map(|p| p.id.insert_str(0, "SKIP:"));
            }
        } else if t.starts_with("<EventCoding") {
            let Some(p) = out.last_mut() else { continue };
            if attr(t, "noevents").is_some() {
                p.no_event = true;
            } else if let (Some(c), Some(s), Some(g)) = (attr(t, "eventcode"), attr(t, "sourcecode"), attr(t, "targetcode")) {
                p.triples.push((s, c, g));
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

fn c3(s: &str) -> String {
    s.chars().take(3).collect()
}

fn petr2(stage: &EventStage, ph: &Actors, verbose: bool) {
    let recs = read_petr();
    let (mut gold_n, mut pred_n, mut hit, mut hit_root) = (0, 0, 0, 0);
    let (mut pred_root_n, mut hit_root_p) = (0, 0);
    let (mut noev, mut noev_ok, mut noev_ok_dyadic) = (0, 0, 0);
    for r in &recs {
        let events = code_text(stage, ph, &r.text, r.date);
        let dyadic: Vec<(String, String, String)> = events
            .iter()
            .filter(|e| e.source.is_some() && e.target.is_some())
            .map(|e| (c3(&country(&e.source)), e.code.clone(), c3(&country(&e.target))))
            .collect();
        let mut dedup = dyadic.clone();
        dedup.sort();
        dedup.dedup();
        if r.no_event && r.triples.is_empty() {
            noev += 1;
            noev_ok += events.is_empty() as usize;
            noev_ok_dyadic += dedup.is_empty() as usize;
            if verbose && !dedup.is_empty() {
                println!("  no-event got {dedup:?} | {}", r.text);
            }
            continue;
        }
        let gold: Vec<(String, String, String)> = r.triples.iter().map(|(s, c, g)| (c3(s), c.clone(), c3(g))).collect();
        gold_n += gold.len();
        pred_n += dedup.len();
        pred_root_n += dedup.len();
        let mut used = vec![false; dedup.len()];
        let mut used_root = vec![false; dedup.len()];
        for g in &gold {
            if let Some(k) = (0..dedup.len()).find(|&k| !used[k] && dedup[k] == *g) {
                used[k] = true;
                hit += 1;
            }
            if let Some(k) = (0..dedup.len()).find(|&k| !used_root[k] && dedup[k].0 == g.0 && dedup[k].2 == g.2 && dedup[k].1.get(..2) == g.1.get(..2)) {
                used_root[k] = true;
                hit_root += 1;
                hit_root_p += 1;
            }
        }
        if verbose && gold.iter().any(|g| !dedup.contains(g)) {
            println!("  gold {gold:?} got {dedup:?} | {}", r.text);
        }
    }
    println!("PETR-2 GSR ({} sentences, {} gold triples, country level = first 3 letters)", recs.len(), gold_n);
    println!("  exact-code triple recall     {:5.1} %  ({hit}/{gold_n})", pct(hit, gold_n));
    println!("  exact-code triple precision  {:5.1} %  ({hit}/{pred_n})", pct(hit, pred_n));
    println!("  root-level triple recall     {:5.1} %  ({hit_root}/{gold_n})", pct(hit_root, gold_n));
    println!("  root-level triple precision  {:5.1} %  ({hit_root_p}/{pred_root_n})", pct(hit_root_p, pred_root_n));
    println!("  no-event sentences with no dyadic event  {:5.1} %  ({noev_ok_dyadic}/{noev})", pct(noev_ok_dyadic, noev));
    println!("  no-event sentences with no event at all  {:5.1} %  ({noev_ok}/{noev})", pct(noev_ok, noev));
}

fn read_tsv(path: &str) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let l = l.trim_end_matches('\r');
            let (t, c) = l.rsplit_once('\t')?;
            Some((t.trim_matches('"').to_string(), c.trim().to_string()))
        })
        .collect()
}

fn conflibert(stage: &EventStage, ph: &Actors) {
    let d = format!("{}/conflibert-cameo/cameo_class", eval_dir());
    let root_of = |t: &str| -> String {
        code_text(stage, ph, t, None)
            .first()
            .map(|e| e.root.clone())
            .unwrap_or_else(|| "none".into())
    };
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let train = read_tsv(&format!("{d}/train.tsv"));
    for (t, c) in &train {
        *votes.entry(root_of(t)).or_default().entry(c.clone()).or_default() += 1;
    }
    let mut mapping: Vec<(String, String)> = votes
        .iter()
        .map(|(r, v)| (r.clone(), v.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse((*c).clone()))).map(|(c, _)| c.clone()).unwrap_or_default()))
        .collect();
    mapping.sort();
    let map: HashMap<String, String> = mapping.iter().cloned().collect();
    let test = read_tsv(&format!("{d}/test.tsv"));
    let ok = test.iter().filter(|(t, c)| map.get(&root_of(t)) == Some(c)).count();
    println!("ConfliBERT CAMEO 5-way test ({} sentences; root -> class mapping by majority on {} train sentences)", test.len(), train.len());
    println!("  accuracy  {:5.1} %  ({ok}/{})", pct(ok, test.len()), test.len());
    println!("  mapping   {}", mapping.iter().map(|(r, c)| format!("{r}->{c}")).collect::<Vec<_>>().join(" "));
}

fn seeds(stage: &EventStage, ph: &Actors, out: &str) {
    let dir = format!("{}/seeds", eval_dir());
    let mut docs = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    for gold_path in files.iter().filter(|p| p.to_string_lossy().ends_with(".gold.json")) {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap_or_default()).unwrap_or_default();
        let name = gold["doc"].as_str().unwrap_or_default().to_string();
        let raw = std::fs::read_to_string(format!("{}/../seeds/{name}", eval_dir())).unwrap_or_default();
        let body = raw.split_once('\n').map(|(_, b)| b.trim()).unwrap_or("").to_string();
        let published = gold["assume_published"].as_str().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let events = match ph {
            // the product's path: the standard pipeline (actors, times, quotes) then events
            Actors::Kb(_) => {
                let mut pipeline = Pipeline::standard(); // includes the event stage
                if PARSER.get().is_some_and(Option::is_some) {
                    pipeline = pipeline.with_parser(Parser::load_default().expect("the model loaded once already"));
                }
                let mut article = parley_core::Article::new(raw.lines().next().unwrap_or(""), &body);
                article.published = published;
                pipeline.analyze(&article).events
            }
            Actors::Phoenix(_) => code_text(stage, ph, &body, published),
        };
        docs.push(json!({"source_file": name, "text": body, "events": events}));
    }
    let report = json!({"documents": docs});
    std::fs::write(out, serde_json::to_string_pretty(&report).unwrap_or_default()).ok();
    // score.py knows NATO by its id (NATO, IGOWSTNAT), the actors stage gives it country "IGO"
    // (and "the West" no country): a second report names such actors by their actor id
    let mut igo = report.clone();
    for d in igo["documents"].as_array_mut().into_iter().flatten() {
        for e in d["events"].as_array_mut().into_iter().flatten() {
            for side in ["source", "target"] {
                let a = &mut e[side];
                if a["country"] == "IGO" || (a.is_object() && a["country"].is_null()) {
                    let id = a["actor_id"].clone();
                    a["country"] = id;
                }
            }
        }
    }
    let out_igo = out.replace(".json", "-igo.json");
    std::fs::write(&out_igo, serde_json::to_string_pretty(&igo).unwrap_or_default()).ok();
    println!("seeds report written to {out}; score with: python3 ../shared/eval/score.py --gold ../shared/eval/seeds --report {out}");
}

/// CPU seconds this thread has used (utime + stime from /proc, 10 ms ticks): on a shared,
/// loaded machine wall-clock time says more about the neighbours than about the code.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn speed(stage: &EventStage, ph: &Actors) {
    let dir = format!("{}/wcxb-articles/dev/ground-truth", eval_dir());
    let mut bodies = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap_or_default()).unwrap_or_default();
            if let Some(b) = v["ground_truth"]["main_content"].as_str() {
                bodies.push(b.to_string());
            }
        }
    }
    let c0 = cpu_seconds();
    let t0 = Instant::now();
    let layers: Vec<TextLayer> = bodies.iter().map(|b| TextLayer::new(b)).collect();
    let t_text = t0.elapsed();
    let c1 = cpu_seconds();
    let ta = Instant::now();
    let mentions: Vec<Vec<EntityMention>> = bodies
        .iter()
        .zip(&layers)
        .map(|(b, l)| {
            let s: Vec<Span> = l.sentences.iter().map(|s| s.span).collect();
            ph.mentions(b, &s, None)
        })
        .collect();
    let t_actors = ta.elapsed();
    let c2 = cpu_seconds();
    let t1 = Instant::now();
    let mut n = 0;
    for ((b, l), m) in bodies.iter().zip(&layers).zip(&mentions) {
        let s: Vec<Span> = l.sentences.iter().map(|s| s.span).collect();
        n += stage.code(b, &s, m, &[], None).len();
    }
    let t_events = t1.elapsed();
    let c3 = cpu_seconds();
    let mb: usize = bodies.iter().map(|b| b.len()).sum();
    println!("speed over {} WCXB article bodies ({:.1} MB), one thread, {} events", bodies.len(), mb as f64 / 1e6, n);
    println!("  text layer   {:8.1} ms  ({:.3} ms/article)", t_text.as_secs_f64() * 1e3, t_text.as_secs_f64() * 1e3 / bodies.len().max(1) as f64);
    println!("  actors       {:8.1} ms  ({:.3} ms/article)", t_actors.as_secs_f64() * 1e3, t_actors.as_secs_f64() * 1e3 / bodies.len().max(1) as f64);
    println!("  event coding {:8.1} ms  ({:.3} ms/article)", t_events.as_secs_f64() * 1e3, t_events.as_secs_f64() * 1e3 / bodies.len().max(1) as f64);
    let base = t_text + t_actors;
    println!("  wall clock: event coding adds {:.0} % to text layer + actors", 100.0 * t_events.as_secs_f64() / base.as_secs_f64().max(1e-9));
    // the analysis as `parley analyze` runs it: the standard pipeline, without and with events
    let articles: Vec<parley_core::Article> = bodies.iter().map(|b| parley_core::Article::new("", b.as_str())).collect();
    // the standard pipeline without its event stage, and the standard pipeline
    let standard = Pipeline::default()
        .with_stage(ActorStage::new())
        .with_stage(parley_analyze::standard::TimeStage)
        .with_stage(parley_analyze::quotes::QuoteStage::new())
        .with_stage(parley_analyze::framing::FramingStage::new());
    let with_events = Pipeline::standard();
    let p0 = cpu_seconds();
    let n_std: usize = articles.iter().map(|a| standard.analyze(a).entities.len()).sum();
    let p1 = cpu_seconds();
    let n_ev: usize = articles.iter().map(|a| with_events.analyze(a).events.len()).sum();
    let p2 = cpu_seconds();
    println!(
        "  standard pipeline without events (text, actors, times, quotes, framing) {:.2} s CPU ({n_std} mentions); standard pipeline {:.2} s CPU ({n_ev} events): events add {:.0} %",
        p1 - p0,
        p2 - p1,
        100.0 * ((p2 - p1) - (p1 - p0)) / (p1 - p0).max(1e-9)
    );
    println!(
        "  CPU time: text layer {:.2} s, actors {:.2} s, event coding {:.2} s; event coding adds {:.0} % to text layer + actors",
        c1 - c0,
        c2 - c1,
        c3 - c2,
        100.0 * (c3 - c2) / (c2 - c0).max(1e-9)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map(String::as_str).unwrap_or("all");
    let verbose = args.iter().any(|a| a == "-v");
    let stage = EventStage::new();
    let ph = Actors::from_args(&args);
    let parser = args.iter().any(|a| a == "--parse").then(|| Parser::load_default().unwrap_or_else(|e| panic!("--parse: {e}")));
    println!("(parse: {})", if parser.is_some() { "on" } else { "off" });
    PARSER.set(parser).ok();
    let label = match &ph {
        Actors::Kb(_) => "actors stage",
        Actors::Phoenix(_) => "bench Phoenix lookup",
    };
    println!("(actors: {label})");
    if what == "one" {
        let text = args.get(1).cloned().unwrap_or_default();
        for m in ph.mentions_parsed(&text, &sentences(&text), None, parse(&text).as_ref()) {
            let a = m.actor.unwrap();
            println!("mention {:?} -> {} ({}, {:?}, {})", m.span.text, a.id, a.kind, a.country, m.found_by);
        }
        for e in code_text(&stage, &ph, &text, None) {
            println!(
                "{} {} {} {:?} trigger={:?}",
                country(&e.source),
                e.code,
                country(&e.target),
                e.status,
                e.trigger.map(|t| t.text)
            );
        }
        return;
    }
    if matches!(what, "plover" | "all") {
        plover(&stage, &ph, verbose);
    }
    if matches!(what, "petr2" | "all") {
        petr2(&stage, &ph, verbose);
    }
    if matches!(what, "conflibert" | "all") {
        conflibert(&stage, &ph);
    }
    if matches!(what, "seeds" | "all") {
        seeds(&stage, &ph, "bench/out/events-seeds.json");
    }
    if matches!(what, "speed" | "all") {
        speed(&stage, &ph);
    }
}

//! Evaluation runners for parley's event coder. Usage (from the repository root):
//!
//!   bench/events/run.sh [plover|petr2|conflibert|seeds|speed|all|units]
//!
//! Actors come from a bench-only lookup over the Phoenix dictionaries (src/phoenix.rs) until the
//! actors stage lands; sentences from the text layer; no time expressions. With `--parse`, the
//! linguistic layer (the model found as `parley analyze` finds it) gives the actors stage its
//! named entities and the coder its clause structure.

mod petr2;
mod phoenix;
mod plover;
mod split;
mod train;
mod units;

use chrono::NaiveDate;
use parley_analyze::actors::ActorStage;
use parley_analyze::events::{CodeInput, EventStage, Explanation};
use parley_analyze::parse::{Parse, Parser};
use parley_analyze::time::time_expressions_in;
use parley_analyze::Pipeline;
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

pub fn eval_dir() -> String {
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
    /// A PETRARCH test suite's own actor and agent dictionaries (src/units.rs).
    Suite(units::SuiteDict),
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
                Actors::Kb(
                    ActorStage::with_phoenix(std::path::Path::new(&dir))
                        .unwrap_or_else(|_| ActorStage::new()),
                )
            }
        }
    }

    fn mentions(
        &self,
        body: &str,
        sentences: &[Span],
        published: Option<NaiveDate>,
    ) -> Vec<EntityMention> {
        self.mentions_parsed(body, sentences, published, None)
    }

    fn mentions_parsed(
        &self,
        body: &str,
        sentences: &[Span],
        published: Option<NaiveDate>,
        parse: Option<&Parse>,
    ) -> Vec<EntityMention> {
        match self {
            Actors::Kb(a) => match parse {
                Some(p) => parley_analyze::actors::ner::mentions_with_entities(
                    a, body, sentences, published, p,
                ),
                None => a.mentions(body, sentences, published),
            },
            Actors::Phoenix(p) => p.mentions_with_pronouns(body),
            Actors::Suite(d) => d.mentions(body, published),
        }
    }
}

fn sentences(body: &str) -> Vec<Span> {
    TextLayer::new(body)
        .sentences
        .iter()
        .map(|s| s.span)
        .collect()
}

fn code_text(
    stage: &EventStage,
    ph: &Actors,
    body: &str,
    published: Option<NaiveDate>,
) -> Vec<Event> {
    code_explained(stage, ph, body, published).0
}

/// The events of a text and what the coder saw in its sentences (for the error analysis).
pub fn code_explained(
    stage: &EventStage,
    ph: &Actors,
    body: &str,
    published: Option<NaiveDate>,
) -> (Vec<Event>, Explanation) {
    let sents = sentences(body);
    let parsed = parse(body);
    let mentions: Vec<EntityMention> = ph.mentions_parsed(body, &sents, published, parsed.as_ref());
    let times: Vec<(Span, NaiveDate)> = time_expressions_in(body, &sents, published)
        .into_iter()
        .filter_map(|t| t.date.map(|d| (t.span.span(), d)))
        .collect();
    let events = stage.code_parsed(
        body,
        &sents,
        &mentions,
        &times,
        &[],
        published,
        parsed.as_ref(),
    );
    let input = CodeInput {
        body,
        sentences: &sents,
        mentions: &mentions,
        times: &times,
        quotes: &[],
        published,
        parse: parsed.as_ref(),
    };
    let mut why = Explanation::default();
    for &s in &sents {
        let e = stage.coder().explain_sentence(&input, s);
        why.parties.extend(e.parties);
        why.triggers.extend(e.triggers);
        why.verb_words.extend(e.verb_words);
    }
    (events, why)
}

pub fn country(a: &Option<parley_core::EventActor>) -> String {
    a.as_ref()
        .and_then(|a| a.country.clone())
        .unwrap_or_default()
}

pub fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

pub fn read_tsv(path: &str) -> Vec<(String, String)> {
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
        *votes
            .entry(root_of(t))
            .or_default()
            .entry(c.clone())
            .or_default() += 1;
    }
    let mut mapping: Vec<(String, String)> = votes
        .iter()
        .map(|(r, v)| {
            (
                r.clone(),
                v.iter()
                    .max_by_key(|(c, n)| (**n, std::cmp::Reverse((*c).clone())))
                    .map(|(c, _)| c.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    mapping.sort();
    let map: HashMap<String, String> = mapping.iter().cloned().collect();
    let test = read_tsv(&format!("{d}/test.tsv"));
    let ok = test
        .iter()
        .filter(|(t, c)| map.get(&root_of(t)) == Some(c))
        .count();
    println!("ConfliBERT CAMEO 5-way test ({} sentences; root -> class mapping by majority on {} train sentences)", test.len(), train.len());
    println!(
        "  accuracy  {:5.1} %  ({ok}/{})",
        pct(ok, test.len()),
        test.len()
    );
    println!(
        "  mapping   {}",
        mapping
            .iter()
            .map(|(r, c)| format!("{r}->{c}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
}

fn seeds(stage: &EventStage, ph: &Actors, out: &str) {
    let dir = format!("{}/seeds", eval_dir());
    let mut docs = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for gold_path in files
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
    {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap_or_default())
                .unwrap_or_default();
        let name = gold["doc"].as_str().unwrap_or_default().to_string();
        let raw =
            std::fs::read_to_string(format!("{}/../seeds/{name}", eval_dir())).unwrap_or_default();
        let body = raw
            .split_once('\n')
            .map(|(_, b)| b.trim())
            .unwrap_or("")
            .to_string();
        let published = gold["assume_published"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let events = match ph {
            // the product's path: the standard pipeline (actors, times, quotes) then events
            Actors::Kb(_) => {
                let mut pipeline = Pipeline::standard(); // includes the event stage
                if PARSER.get().is_some_and(Option::is_some) {
                    pipeline = pipeline.with_parser(
                        Parser::load_default().expect("the model loaded once already"),
                    );
                }
                let mut article =
                    parley_core::Article::new(raw.lines().next().unwrap_or(""), &body);
                article.published = published;
                pipeline.analyze(&article).events
            }
            Actors::Phoenix(_) | Actors::Suite(_) => code_text(stage, ph, &body, published),
        };
        docs.push(json!({"source_file": name, "text": body, "events": events}));
    }
    let report = json!({"documents": docs});
    std::fs::write(
        out,
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .ok();
    // events name international organisations by their CAMEO code (NATO = IGOWSTNAT, which
    // score.py accepts); an actor left with country "IGO" or none ("the West") is unknown to
    // score.py under that country: a second report names such actors by their actor id
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
    std::fs::write(
        &out_igo,
        serde_json::to_string_pretty(&igo).unwrap_or_default(),
    )
    .ok();
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
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap_or_default())
                    .unwrap_or_default();
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
    println!(
        "speed over {} WCXB article bodies ({:.1} MB), one thread, {} events",
        bodies.len(),
        mb as f64 / 1e6,
        n
    );
    println!(
        "  text layer   {:8.1} ms  ({:.3} ms/article)",
        t_text.as_secs_f64() * 1e3,
        t_text.as_secs_f64() * 1e3 / bodies.len().max(1) as f64
    );
    println!(
        "  actors       {:8.1} ms  ({:.3} ms/article)",
        t_actors.as_secs_f64() * 1e3,
        t_actors.as_secs_f64() * 1e3 / bodies.len().max(1) as f64
    );
    println!(
        "  event coding {:8.1} ms  ({:.3} ms/article)",
        t_events.as_secs_f64() * 1e3,
        t_events.as_secs_f64() * 1e3 / bodies.len().max(1) as f64
    );
    let base = t_text + t_actors;
    println!(
        "  wall clock: event coding adds {:.0} % to text layer + actors",
        100.0 * t_events.as_secs_f64() / base.as_secs_f64().max(1e-9)
    );
    // the analysis as `parley analyze` runs it: the standard pipeline, without and with events
    let articles: Vec<parley_core::Article> = bodies
        .iter()
        .map(|b| parley_core::Article::new("", b.as_str()))
        .collect();
    // the standard pipeline without its event stage, and the standard pipeline
    let standard = Pipeline::default()
        .with_stage(ActorStage::new())
        .with_stage(parley_analyze::standard::TimeStage)
        .with_stage(parley_analyze::quotes::QuoteStage::new())
        .with_stage(parley_analyze::framing::FramingStage::new());
    let with_events = Pipeline::standard();
    let p0 = cpu_seconds();
    let n_std: usize = articles
        .iter()
        .map(|a| standard.analyze(a).entities.len())
        .sum();
    let p1 = cpu_seconds();
    let n_ev: usize = articles
        .iter()
        .map(|a| with_events.analyze(a).events.len())
        .sum();
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
    let parser = args
        .iter()
        .any(|a| a == "--parse")
        .then(|| Parser::load_default().unwrap_or_else(|e| panic!("--parse: {e}")));
    println!("(parse: {})", if parser.is_some() { "on" } else { "off" });
    PARSER.set(parser).ok();
    if what == "units" {
        println!("(actors: each suite's own dictionaries, src/units.rs)");
        units::run(&stage, verbose);
        return;
    }
    let label = match &ph {
        Actors::Kb(_) => "actors stage",
        Actors::Phoenix(_) => "bench Phoenix lookup",
        Actors::Suite(_) => "a test suite's dictionaries",
    };
    println!("(actors: {label})");
    if what == "one" {
        let text = args.get(1).cloned().unwrap_or_default();
        // with --parse, the dependency tree first: index, word, tag, label, head
        if let Some(p) = parse(&text) {
            for (i, t) in p.tokens().iter().enumerate() {
                println!(
                    "  {i:3} {:14} {:5} {:10} -> {}",
                    t.text, t.tag, t.dep, t.head
                );
            }
        }
        for m in ph.mentions_parsed(&text, &sentences(&text), None, parse(&text).as_ref()) {
            let a = m.actor.unwrap();
            println!(
                "mention {:?} -> {} ({}, {:?}, {})",
                m.span.text, a.id, a.kind, a.country, m.found_by
            );
        }
        let (events, why) = code_explained(&stage, &ph, &text, None);
        println!(
            "parties {:?} triggers {:?} verbs {:?}",
            why.parties, why.triggers, why.verb_words
        );
        for e in events {
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
    if what == "dump" {
        // one line per text of a tsv (the text before its last tab): its events, to compare
        // two versions of the coder on free development text (ConfliBERT's train.tsv)
        let path = args.get(1).cloned().unwrap_or_default();
        for (text, _) in read_tsv(&path) {
            let events: Vec<String> = code_text(&stage, &ph, &text, None)
                .iter()
                .map(|e| format!("{}|{}|{}", country(&e.source), e.code, country(&e.target)))
                .collect();
            println!("{}\t{}", events.join(" "), text);
        }
        return;
    }
    if what == "train" {
        train::run(&stage, &ph);
        return;
    }
    if matches!(what, "plover" | "all") {
        plover::run(&stage, &ph, verbose);
    }
    if matches!(what, "petr2" | "all") {
        petr2::run(&stage, &ph, verbose);
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

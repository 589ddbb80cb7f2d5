//! PETRARCH's structural test suites (PETR-2 unit tests, UD-PETRARCH validation records) as a
//! test of who-did-what-to-whom: parley's coder on each sentence, with actor mentions from the
//! suite's own (fictional) actor and agent dictionaries, scored on (source, target) pairs.
//!
//! Scoring level: the first three letters of each side's code, as PETR-2's scorer cuts
//! (`ARNGOV` -> `ARN`; an agent with no actor, `---GOV`, and a missing side are both `---`).
//! Pairs are distinct per sentence (the code is ignored for the pair figures). Records with an
//! `error=` coding (parser errors, discards) or `evaluate/sentence="false"` are skipped.
//! Held out: every third scored record (src/split.rs); its misses are never printed.

use crate::plover::why_no_event;
use crate::split::{held_out, Buckets, Score};
use crate::{code_explained, eval_dir, Actors};
use chrono::NaiveDate;
use parley_analyze::actors::phoenix::parse_agents;
use parley_core::{ActorRef, EntityMention, Event, Span, TextSpan};
use std::collections::HashMap;

struct Record {
    date: Option<NaiveDate>,
    text: String,
    /// (source, target, code) with sides cut to three letters.
    gold: Vec<(String, String, String)>,
}

/// `name="value"`, `name = "value"`: the suites' XML is written by hand.
fn attr(line: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(k) = line[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before_ok = at == 0 || line[..at].ends_with(char::is_whitespace);
        let rest = line[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=').filter(|_| before_ok) else {
            continue;
        };
        let rest = rest.trim_start().strip_prefix('"')?;
        return rest.find('"').map(|e| rest[..e].to_string());
    }
    None
}

fn side3(code: &str) -> String {
    code.chars().take(3).collect()
}

/// The scored records of a suite file, read line by line (the UD file is not well-formed XML).
fn read_records(path: &str) -> Vec<Record> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = Vec::new();
    let mut cur: Option<(Record, bool)> = None; // the record and whether it is skipped
    let mut in_text = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("<Sentence ") {
            let skip = attr(t, "evaluate").as_deref() == Some("false")
                || attr(t, "sentence").as_deref() == Some("false");
            let date = attr(t, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok());
            let r = Record {
                date,
                text: String::new(),
                gold: Vec::new(),
            };
            cur = Some((r, skip));
        } else if t.starts_with("<EventCoding") {
            let Some((r, skip)) = cur.as_mut() else {
                continue;
            };
            if attr(t, "error").is_some() {
                *skip = true;
            } else if let (Some(s), Some(g), Some(c)) = (
                attr(t, "sourcecode"),
                attr(t, "targetcode"),
                attr(t, "eventcode"),
            ) {
                r.gold.push((side3(&s), side3(&g), c));
            }
        } else if t.starts_with("<Text>") {
            in_text = true;
        } else if t.starts_with("</Text>") {
            in_text = false;
        } else if in_text {
            if let Some((r, _)) = cur.as_mut() {
                if !r.text.is_empty() {
                    r.text.push(' ');
                }
                r.text.push_str(t);
            }
        } else if t.contains("</Sentence>") {
            if let Some((r, skip)) = cur.take() {
                if !skip && !r.text.is_empty() {
                    out.push(r);
                }
            }
        }
    }
    out
}

/// One code of a suite actor, with its date range (inclusive).
#[derive(Clone, Debug)]
struct DatedCode {
    code: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

/// The suite's actors (names to dated codes) and agents (phrases to sector codes).
pub struct SuiteDict {
    actors: HashMap<String, Vec<DatedCode>>,
    agents: HashMap<String, String>,
    max_words: usize,
}

/// A PETRARCH date: YYMMDD or YYYYMMDD.
fn suite_date(s: &str) -> Option<NaiveDate> {
    parley_analyze::actors::phoenix::phoenix_date(s)
}

/// `[ARN]`, `[HOB < 950601]`, `[HOBGOV 19950601 - 19990815]`, `[HOBREB > 990816]`; of a
/// compound code (`[ELR/GAL]`) the first; `---` and `+++` (a known actor with no code) as `---`.
fn dated_code(inner: &str) -> Option<DatedCode> {
    let inner: String = inner.split_whitespace().collect::<Vec<_>>().join("");
    let split = inner.find(|c: char| c.is_ascii_digit() || c == '<' || c == '>');
    let (code, dates) = match split {
        Some(k) if k >= 3 => inner.split_at(k),
        _ => (inner.as_str(), ""),
    };
    let code = code.trim_matches('~').split('/').next().unwrap_or("");
    let code = if code.starts_with("---") || code.starts_with("+++") {
        "---".to_string()
    } else {
        code.to_uppercase()
    };
    if code.len() < 3 {
        return None;
    }
    let (mut from, mut to) = (None, None);
    if let Some(d) = dates.strip_prefix('<') {
        to = Some(suite_date(d)?);
    } else if let Some(d) = dates.strip_prefix('>') {
        from = Some(suite_date(d)?);
    } else if let Some((a, b)) = dates.split_once('-') {
        from = Some(suite_date(a)?);
        to = Some(suite_date(b)?);
    } else if !dates.is_empty() {
        return None;
    }
    Some(DatedCode { code, from, to })
}

fn name_key(raw: &str) -> String {
    raw.trim()
        .trim_start_matches('+')
        .split('_')
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl SuiteDict {
    /// Reads a PETRARCH actor file (entries: a name line, `+synonym` lines, code groups on the
    /// name line or on indented lines) and an agents file.
    pub fn load(actors_path: &str, agents_path: &str) -> SuiteDict {
        let bytes = std::fs::read(actors_path).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let mut actors: HashMap<String, Vec<DatedCode>> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut codes: Vec<DatedCode> = Vec::new();
        let mut flush = |names: &mut Vec<String>, codes: &mut Vec<DatedCode>| {
            if !codes.is_empty() {
                for n in names.iter() {
                    actors.entry(n.clone()).or_insert_with(|| codes.clone());
                }
            }
            names.clear();
            codes.clear();
        };
        for raw in text.lines() {
            let l = raw.split('#').next().unwrap_or("");
            let t = l.trim();
            if t.is_empty() || t.starts_with('<') || t.starts_with("-->") {
                continue;
            }
            let head = !l.starts_with([' ', '\t']) && !t.starts_with('+') && !t.starts_with('[');
            if head {
                flush(&mut names, &mut codes);
            }
            let name = t.split('[').next().unwrap_or("");
            let key = name_key(name);
            if !key.is_empty() {
                names.push(key);
            }
            let mut rest = t;
            while let Some(a) = rest.find('[') {
                let Some(b) = rest[a..].find(']') else { break };
                codes.extend(dated_code(&rest[a + 1..a + b]));
                rest = &rest[a + b + 1..];
            }
        }
        flush(&mut names, &mut codes);
        let agents: HashMap<String, String> =
            parse_agents(&std::fs::read(agents_path).unwrap_or_default())
                .into_iter()
                .map(|a| (a.phrase, a.code.trim_matches('~').to_string()))
                .collect();
        let max_words = actors
            .keys()
            .chain(agents.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        SuiteDict {
            actors,
            agents,
            max_words,
        }
    }

    /// The code an actor has on `date` (the first whose range holds it; undated: the last listed).
    fn code_on(codes: &[DatedCode], date: Option<NaiveDate>) -> Option<&DatedCode> {
        match date {
            Some(d) => codes.iter().find(|c| {
                (c.from.is_some() || c.to.is_some())
                    && c.from.is_none_or(|f| f <= d)
                    && c.to.is_none_or(|t| d <= t)
            }),
            None => None,
        }
        .or_else(|| {
            codes
                .iter()
                .rev()
                .find(|c| c.from.is_none() && c.to.is_none())
        })
        .or(codes.last())
    }

    /// The longest actor or agent phrase starting at word `i`: (words, code, is an agent).
    fn phrase_at(
        &self,
        body: &str,
        words: &[(usize, usize)],
        i: usize,
        date: Option<NaiveDate>,
    ) -> Option<(usize, String, bool)> {
        for n in (1..=self.max_words.min(words.len() - i)).rev() {
            let raw = &body[words[i].0..words[i + n - 1].1];
            let key = raw
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            // a plural ("ministers", "Rohans") is the singular entry
            let singular = key.strip_suffix('s').unwrap_or(&key).to_string();
            for k in [&key, &singular] {
                if let Some(codes) = self.actors.get(k) {
                    // a short one-word name ("UN", "ENT") must be written in capitals
                    if n == 1 && raw.len() <= 3 && raw != raw.to_uppercase() {
                        continue;
                    }
                    if let Some(c) = Self::code_on(codes, date) {
                        return Some((n, c.code.clone(), false));
                    }
                }
                if let Some(code) = self.agents.get(k) {
                    return Some((n, code.clone(), true));
                }
            }
        }
        None
    }

    /// Mentions of the suite's actors in `body` on `date`. An agent right after an actor
    /// ("Arnor's foreign minister") or followed by "of" and an actor ("the president of Gondor")
    /// joins it (the actor's country, the agent's sector); an agent alone has no country.
    pub fn mentions(&self, body: &str, date: Option<NaiveDate>) -> Vec<EntityMention> {
        let words = crate::phoenix::word_spans(body);
        // (first word, last word, code, agent)
        let mut found: Vec<(usize, usize, String, bool)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.phrase_at(body, &words, i, date) {
                Some((n, code, agent)) => {
                    found.push((i, i + n - 1, code, agent));
                    i += n;
                }
                None => i += 1,
            }
        }
        let mut merged: Vec<(usize, usize, String, bool)> = Vec::new();
        for f in found {
            if let Some(last) = merged.last_mut() {
                let actor_then_agent = !last.3 && f.3 && f.0 == last.1 + 1;
                // "the president of Gondor", "lawmakers in Fornost", "soldiers from Gondor"
                let of_between = f.0 == last.1 + 2
                    && ["of", "in", "from"].iter().any(|p| {
                        body[words[last.1 + 1].0..words[last.1 + 1].1].eq_ignore_ascii_case(p)
                    });
                let agent_of_actor = last.3 && !f.3 && of_between;
                if actor_then_agent || agent_of_actor {
                    let (actor, agent) = if actor_then_agent {
                        (last.2.clone(), f.2.clone())
                    } else {
                        (f.2.clone(), last.2.clone())
                    };
                    let country: String = actor.chars().take(3).collect();
                    *last = (last.0, f.1, format!("{country}{agent}"), false);
                    continue;
                }
            }
            merged.push(f);
        }
        // a compound code ("[FRO/BIL/SAM]"): one mention per actor over the same words, which
        // the coder's parties read as one compound party
        merged
            .into_iter()
            .flat_map(|(a, b, code, agent)| {
                let sector: String = code
                    .rsplit('/')
                    .next()
                    .and_then(|c| c.get(3..))
                    .unwrap_or("")
                    .into();
                code.split('/')
                    .map(|c| {
                        (
                            a,
                            b,
                            if c.len() == 3 {
                                format!("{c}{sector}")
                            } else {
                                c.to_string()
                            },
                            agent,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .filter_map(|(a, b, code, agent)| {
                let span = Span::new(words[a].0, words[b].1);
                let country = (!agent && !code.starts_with("---"))
                    .then(|| code.chars().take(3).collect::<String>());
                let sector = if agent {
                    Some(code.chars().take(3).collect())
                } else {
                    code.get(3..6).map(String::from)
                };
                let kind = match (&country, &sector) {
                    (Some(_), None) => "country",
                    (None, _) => "person",
                    _ => "organization",
                };
                Some(EntityMention {
                    span: TextSpan::from_body(body, span).ok()?,
                    actor: Some(ActorRef {
                        id: format!("suite:{}", body[span.start..span.end].to_lowercase()),
                        name: body[span.start..span.end].to_string(),
                        kind: kind.into(),
                        country,
                        sector,
                    }),
                    found_by: "suite".into(),
                })
            })
            .collect()
    }
}

type Pair = (String, String);

fn side(a: &Option<parley_core::EventActor>) -> String {
    a.as_ref()
        .and_then(|a| a.country.as_deref())
        .map(side3)
        .unwrap_or_else(|| "---".into())
}

/// Distinct (source, target) pairs of the events with at least one side, and each pair's roots.
fn predicted(events: &[Event]) -> Vec<(Pair, Vec<String>)> {
    let mut out: Vec<(Pair, Vec<String>)> = Vec::new();
    for e in events
        .iter()
        .filter(|e| e.source.is_some() || e.target.is_some())
    {
        let p = (side(&e.source), side(&e.target));
        let root = e.root.clone();
        match out.iter_mut().find(|(q, _)| *q == p) {
            Some((_, roots)) => roots.push(root),
            None => out.push((p, vec![root])),
        }
    }
    out
}

/// Why a gold pair was matched by no predicted pair.
fn why_missed(g: &Pair, got: &[Pair]) -> &'static str {
    if got.iter().any(|p| p.0 == g.1 && p.1 == g.0) {
        "sides swapped"
    } else if got.iter().any(|p| p.0 == g.0 && p.1 == "---") {
        "right source, target missing"
    } else if got.iter().any(|p| p.1 == g.1 && p.0 == "---") {
        "right target, source missing"
    } else if got.iter().any(|p| p.1 == g.1) {
        "right target, other actor as source"
    } else if got.iter().any(|p| p.0 == g.0) {
        "right source, other actor as target"
    } else if got.iter().any(|p| p.0 == g.1 || p.1 == g.0) {
        "a gold actor on the other side, the other side wrong"
    } else {
        "neither gold actor in a predicted pair"
    }
}

/// The root of a code as the suites write it ("064" -> "06"; "1123" -> "11").
fn root_of(code: &str) -> String {
    code.chars().take(2).collect()
}

fn run_suite(
    stage: &parley_analyze::events::EventStage,
    title: &str,
    records: &str,
    actors: &str,
    agents: &str,
    verbose: bool,
) {
    let dict = Actors::Suite(SuiteDict::load(actors, agents));
    let recs = read_records(records);
    let (mut recall, mut precision, mut roots) =
        (Score::default(), Score::default(), Score::default());
    let (mut no_event, mut no_dyad) = (Score::default(), Score::default());
    let mut buckets = Buckets::default();
    let mut gold_n = 0;
    for (k, r) in recs.iter().enumerate() {
        let dev = !held_out(k);
        let (events, why) = code_explained(stage, &dict, &r.text, r.date);
        let got = predicted(&events);
        let got_pairs: Vec<Pair> = got.iter().map(|(p, _)| p.clone()).collect();
        let mut gold: Vec<(Pair, Vec<String>)> = Vec::new();
        for (s, t, c) in &r.gold {
            let p = (s.clone(), t.clone());
            match gold.iter_mut().find(|(q, _)| *q == p) {
                Some((_, codes)) => codes.push(c.clone()),
                None => gold.push((p, vec![c.clone()])),
            }
        }
        gold_n += gold.len();
        if gold.is_empty() {
            no_event.add(k, got.is_empty() as usize, 1);
            let dyadic = got.iter().any(|(p, _)| p.0 != "---" && p.1 != "---");
            no_dyad.add(k, !dyadic as usize, 1);
            precision.add(k, 0, got.len());
            if dev && !got.is_empty() {
                buckets.add("extra: event in a no-event sentence");
                if verbose {
                    println!("  [no-event] got {got_pairs:?}\n      {}\n      parties {:?} triggers {:?}", r.text, why.parties, why.triggers);
                }
            }
            continue;
        }
        let mut hit = 0;
        let mut root_hit = 0;
        let mut missed = Vec::new();
        for (g, codes) in &gold {
            match got.iter().find(|(p, _)| p == g) {
                Some((_, got_roots)) => {
                    hit += 1;
                    if codes.iter().any(|c| got_roots.contains(&root_of(c))) {
                        root_hit += 1;
                    }
                }
                None => missed.push(g),
            }
        }
        recall.add(k, hit, gold.len());
        precision.add(k, hit, got.len());
        roots.add(k, root_hit, hit);
        if !dev {
            continue;
        }
        for g in &missed {
            buckets.add(if events.is_empty() {
                why_no_event(&why)
            } else {
                why_missed(g, &got_pairs)
            });
        }
        let extra = got_pairs
            .iter()
            .filter(|p| !gold.iter().any(|(g, _)| g == *p))
            .count();
        for _ in 0..extra {
            buckets.add("extra: predicted pair matching no gold pair");
        }
        if verbose && (!missed.is_empty() || extra > 0) {
            let gold_pairs: Vec<&Pair> = gold.iter().map(|(g, _)| g).collect();
            let kinds: Vec<&str> = missed
                .iter()
                .map(|g| {
                    if events.is_empty() {
                        why_no_event(&why)
                    } else {
                        why_missed(g, &got_pairs)
                    }
                })
                .collect();
            println!(
                "  gold {gold_pairs:?} got {got_pairs:?} {kinds:?}\n      {}\n      parties {:?} triggers {:?}",
                r.text, why.parties, why.triggers
            );
        }
    }
    println!("{title}: {} scored sentences, {gold_n} distinct gold pairs (sides cut to 3 letters; held out: every 3rd)", recs.len());
    println!("  pair recall                   {}", recall.show());
    println!("  pair precision                {}", precision.show());
    println!("  root agreement, matched pairs {}", roots.show());
    println!("  no-event sentences, no event  {}", no_event.show());
    println!("  no-event sentences, no dyad   {}", no_dyad.show());
    buckets.print("misses by kind");
}

pub fn run(stage: &parley_analyze::events::EventStage, verbose: bool) {
    let p = format!("{}/petrarch2-unittest", eval_dir());
    run_suite(
        stage,
        "PETR-2 unit tests",
        &format!("{p}/PETR.UnitTest.records.xml"),
        &format!("{p}/PETR.Validate.actors.txt"),
        &format!("{p}/PETR.Validate.agents.txt"),
        verbose,
    );
    let u = format!("{}/ud-petrarch-validation", eval_dir());
    run_suite(
        stage,
        "UD-PETRARCH validation",
        &format!("{u}/PETR_Validate_records_2_02.xml"),
        &format!("{u}/PETR_Validate_actors_2_02.txt"),
        &format!("{u}/PETR_Validate_agents_2_02.txt"),
        verbose,
    );
}

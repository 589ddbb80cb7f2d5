//! Runs every case of cases.txt and reports all failures at once.

use super::{run, run_parsed};
use parley_core::{Quote, QuoteKind};

const CASES: &str = include_str!("cases.txt");
const PARSED_CASES: &str = include_str!("cases_parsed.txt");

#[derive(Debug)]
struct Case {
    line: usize,
    text: String,
    expect: Vec<String>,
}

fn parse_cases(table: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut current: Option<Case> = None;
    for (i, line) in table.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            cases.extend(current.take());
            continue;
        }
        if let Some(e) = line.strip_prefix("=>") {
            if let Some(c) = current.as_mut() {
                c.expect.push(e.trim().to_string());
            }
            continue;
        }
        match current.as_mut() {
            Some(c) => {
                c.text.push(' ');
                c.text.push_str(line);
            }
            None => {
                current = Some(Case {
                    line: i + 1,
                    text: line.to_string(),
                    expect: Vec::new(),
                })
            }
        }
    }
    cases.extend(current);
    for c in &mut cases {
        c.text = c.text.replace(" ¶", "\n\n").replace('¶', "\n\n");
    }
    cases
}

fn norm(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn kind_ok(want: &str, q: &Quote) -> bool {
    match want {
        "direct" => q.kind == QuoteKind::Direct,
        "partial" => q.kind == QuoteKind::Partial,
        "indirect" => q.kind == QuoteKind::Indirect,
        "quote" => q.kind != QuoteKind::Indirect,
        _ => false,
    }
}

/// Checks one expectation line against the quotes; returns what is wrong.
fn check(expect: &str, quotes: &[Quote]) -> Result<(), String> {
    if expect == "none speech" {
        let bad: Vec<_> = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect && !q.scare)
            .collect();
        return if bad.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "expected no speech quote, got {:?}",
                bad.iter().map(|q| &q.span.text).collect::<Vec<_>>()
            ))
        };
    }
    if expect == "none indirect" {
        let bad: Vec<_> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .collect();
        return if bad.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "expected no indirect quote, got {:?}",
                bad.iter().map(|q| &q.span.text).collect::<Vec<_>>()
            ))
        };
    }
    let cols: Vec<&str> = expect.split('|').map(str::trim).collect();
    let (kind, content, speaker) = (cols[0], norm(cols[1]), cols.get(2).copied().unwrap_or("-"));
    let flags: Vec<&str> = cols.get(3).map_or(vec![], |f| {
        f.split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect()
    });
    // Among the quotes holding the content, the one with the expected speaker if any.
    let candidates: Vec<&Quote> = quotes
        .iter()
        .filter(|q| kind_ok(kind, q) && norm(&q.span.text).contains(&content))
        .collect();
    let speaker_fits = |q: &&&Quote| match (speaker, &q.speaker) {
        ("-", None) => true,
        (want, Some(s)) if want != "-" => norm(&s.name).contains(&norm(want)),
        _ => false,
    };
    let q = candidates
        .iter()
        .find(speaker_fits)
        .or(candidates.first())
        .copied()
        .ok_or_else(|| format!("no {kind} quote containing {content:?}"))?;
    let got = q.speaker.as_ref().map(|s| s.name.clone());
    match (speaker, &got) {
        ("-", None) => {}
        ("-", Some(g)) => return Err(format!("{content:?}: expected no speaker, got {g:?}")),
        (want, Some(g)) if norm(g).contains(&norm(want)) => {}
        (want, g) => return Err(format!("{content:?}: expected speaker {want:?}, got {g:?}")),
    }
    if got.is_none() && !q.scare && q.speaker_unknown_reason.is_none() {
        return Err(format!("{content:?}: a null speaker must carry a reason"));
    }
    for f in flags {
        let ok = match f.split_once(':') {
            None if f == "scare" => q.scare,
            None if f == "neg" => q.cue.as_ref().is_some_and(|c| c.negated),
            Some(("modal", m)) => q.cue.as_ref().and_then(|c| c.modal.as_deref()) == Some(m),
            Some(("cue", l)) => q.cue.as_ref().is_some_and(|c| c.verb == l),
            Some(("ins", n)) => q.insertions.len().to_string() == n,
            _ => false,
        };
        if !ok {
            return Err(format!(
                "{content:?}: flag {f} does not hold (cue {:?}, scare {})",
                q.cue, q.scare
            ));
        }
    }
    Ok(())
}

/// What goes wrong when `run` analyses the cases of `table`.
fn failures(table: &str, run: impl Fn(&str) -> Vec<Quote>) -> Vec<String> {
    let mut failures = Vec::new();
    for case in &parse_cases(table) {
        let quotes = run(&case.text);
        for q in &quotes {
            for s in std::iter::once(&q.span)
                .chain(q.speaker_span.iter())
                .chain(q.insertions.iter())
            {
                if let Err(e) = s.check(&case.text) {
                    failures.push(format!("line {}: bad span: {e}", case.line));
                }
            }
        }
        for e in &case.expect {
            if let Err(why) = check(e, &quotes) {
                failures.push(format!(
                    "line {}: {:?}\n    {}\n    got: {:?}",
                    case.line,
                    case.text,
                    why,
                    quotes
                        .iter()
                        .map(|q| (
                            format!("{:?}", q.kind),
                            q.span.text.clone(),
                            q.speaker.as_ref().map(|s| s.name.clone())
                        ))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    failures
}

fn assert_none(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_case_in_the_table_gives_its_expected_quotes() {
    let cases = parse_cases(CASES);
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    assert_none(failures(CASES, run));
}

#[test]
fn every_case_in_the_table_gives_its_expected_quotes_with_the_parse() {
    if crate::parse::test_parser().is_none() {
        return;
    }
    assert_none(failures(CASES, |t| run_parsed(t).unwrap_or_default()));
}

/// Constructions the patterns miss and the parse's subject of the cue verb gets.
#[test]
fn parsed_cases_give_their_speakers_with_the_parse() {
    if crate::parse::test_parser().is_none() {
        return;
    }
    assert!(parse_cases(PARSED_CASES).len() >= 8);
    assert_none(failures(PARSED_CASES, |t| {
        run_parsed(t).unwrap_or_default()
    }));
}

#[test]
fn every_case_has_an_expectation() {
    for case in parse_cases(CASES)
        .into_iter()
        .chain(parse_cases(PARSED_CASES))
    {
        assert!(
            !case.expect.is_empty(),
            "case at line {} has no => line",
            case.line
        );
    }
}

/// The parsed cases are there because the patterns alone get some of them wrong.
#[test]
fn patterns_alone_miss_some_parsed_cases() {
    assert!(!failures(PARSED_CASES, run).is_empty());
}

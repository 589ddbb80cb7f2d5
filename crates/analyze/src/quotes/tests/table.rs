//! Runs every case of cases.txt and reports all failures at once.

use super::run;
use parley_core::{Quote, QuoteKind};

const CASES: &str = include_str!("cases.txt");

#[derive(Debug)]
struct Case {
    line: usize,
    text: String,
    expect: Vec<String>,
}

fn parse_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut current: Option<Case> = None;
    for (i, line) in CASES.lines().enumerate() {
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

#[test]
fn every_case_in_the_table_gives_its_expected_quotes() {
    let cases = parse_cases();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
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
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_case_has_an_expectation() {
    for case in parse_cases() {
        assert!(
            !case.expect.is_empty(),
            "case at line {} has no => line",
            case.line
        );
    }
}

//! Mediators and hosts named after "by": "Russia and Ukraine exchanged 95 prisoners in a deal
//! mediated by the United Arab Emirates", "Israel and Hamas held talks hosted by Egypt". The
//! coder takes the party after "by" for the act's object; it is a third party. The act is
//! between the parties of its compound source (one event each way) or, with a single source,
//! untargeted for the context to aim; a mediator (CAMEO 045) gets its own event towards each
//! party. Which participles name a mediator or a host is data
//! (`data/events/mediator_verbs.txt`).

use crate::events::codes::CameoTable;
use parley_core::{EntityMention, Event, EventActor, Span};
use std::sync::LazyLock;

pub(super) const MEDIATOR_VERBS: &str =
    include_str!("../../../../../data/events/mediator_verbs.txt");

/// (participle, code of the third party's own event or none).
static VERBS: LazyLock<Vec<(&'static str, Option<&'static str>)>> =
    LazyLock::new(|| parse(MEDIATOR_VERBS));

pub(super) const MEDIATION_NOUNS: &str =
    include_str!("../../../../../data/events/mediation_nouns.txt");

/// (noun, code of the third party's own event or none): "under U.N. auspices".
static NOUNS: LazyLock<Vec<(&'static str, Option<&'static str>)>> =
    LazyLock::new(|| parse(MEDIATION_NOUNS));

/// The code of a third party named in a mediation phrase around it: "under African Union
/// mediation" (`before` ends in "under", the noun follows), "the auspices of the U.N." (the
/// noun before "of"). `before` holds the (up to three) lower-case words before the mention,
/// nearest first, without a "the" right before it; None when there is no such phrase.
fn mediation_noun(before: &[&str], after: &str) -> Option<Option<&'static str>> {
    let noun = |w: &str| NOUNS.iter().find(|(n, _)| *n == w).map(|&(_, c)| c);
    match before {
        ["under", ..] => {
            let next = after.split_whitespace().next()?.to_lowercase();
            noun(next.trim_end_matches(|c: char| !c.is_alphabetic()))
        }
        ["of", n, ..] => noun(n),
        _ => None,
    }
}

pub(super) fn parse(text: &str) -> Vec<(&str, Option<&str>)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (w, c) = l.split_once('|')?;
            let c = c.trim();
            Some((w.trim(), (c != "-").then_some(c)))
        })
        .collect()
}

/// A third party of a sentence: its actor id and the code of its own event.
struct Third {
    id: String,
    sentence: usize,
    code: Option<&'static str>,
}

/// The mentions right after "<participle> by (the)", or joined to one by "and (the)":
/// "mediated by Turkey and the United Arab Emirates".
fn third_parties(body: &str, sentences: &[Span], mentions: &[EntityMention]) -> Vec<Third> {
    let mut out: Vec<Third> = Vec::new();
    let mut last: Option<(usize, Option<&'static str>)> = None;
    for m in mentions {
        let Some(actor) = &m.actor else { continue };
        let sentence = super::context::sentence_of(sentences, m.span.start);
        let from = sentences.get(sentence).map_or(0, |s| s.start);
        let Some(before) = body.get(from..m.span.start) else {
            continue;
        };
        let words: Vec<String> = before
            .split_whitespace()
            .rev()
            .take(3)
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .skip_while(|w| *w == "the")
            .collect();
        let after = body.get(m.span.end..).unwrap_or_default();
        let code = match words[..] {
            ["by", verb, ..] => VERBS.iter().find(|(v, _)| *v == verb).map(|&(_, c)| c),
            ["under", ..] | ["of", ..] => mediation_noun(&words, after),
            // "mediated by Turkey and the UAE": joined to the third party just before
            ["and", ..] => last
                .filter(|&(end, _)| {
                    body.get(end..m.span.start).is_some_and(|gap| {
                        matches!(gap.trim().to_lowercase().as_str(), "and" | "and the")
                    })
                })
                .map(|(_, c)| c),
            _ => None,
        };
        match code {
            Some(code) => {
                out.push(Third {
                    id: actor.id.clone(),
                    sentence,
                    code,
                });
                last = Some((m.span.end, code));
            }
            None => last = None,
        }
    }
    out
}

fn is(a: Option<&EventActor>, id: &str) -> bool {
    a.is_some_and(|a| a.actor_id.as_deref() == Some(id))
}

/// The events with third parties taken out of the acts they mediate or host, and a
/// mediator's own events added after the first act of its sentence.
pub(super) fn resolve(
    table: &CameoTable,
    events: Vec<Event>,
    body: &str,
    sentences: &[Span],
    mentions: &[EntityMention],
) -> Vec<Event> {
    let thirds = third_parties(body, sentences, mentions);
    if thirds.is_empty() {
        return events;
    }
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut mediated: Vec<(usize, String)> = Vec::new();
    for e in events {
        let here = super::context::sentence_of(sentences, e.evidence.start);
        let third = thirds.iter().find(|t| {
            t.sentence == here && (is(e.target.as_ref(), &t.id) || is(e.source.as_ref(), &t.id))
        });
        let Some(third) = third else {
            out.push(e);
            continue;
        };
        // the mediation itself ("the exchange was mediated by Turkey"): the coder's own
        let own_verb = e.trigger.as_ref().is_some_and(|t| {
            let t = t.text.to_lowercase();
            VERBS.iter().any(|(v, _)| *v == t)
        });
        if own_verb && is(e.source.as_ref(), &third.id) {
            out.push(e);
            continue;
        }
        // "talks hosted by Egypt": the coder's talks back from the host
        if is(e.source.as_ref(), &third.id) {
            continue;
        }
        let parties: Vec<EventActor> = e
            .sources
            .iter()
            .filter(|a| a.actor_id.as_deref() != Some(third.id.as_str()))
            .cloned()
            .collect();
        let (Some(mediator), Some(code)) = (e.target.clone(), third.code) else {
            out.extend(between(&e, &parties));
            continue;
        };
        if !mediated.contains(&(here, third.id.clone())) {
            mediated.push((here, third.id.clone()));
            let parties = if parties.is_empty() {
                e.source.iter().cloned().collect()
            } else {
                parties.clone()
            };
            out.extend(
                parties
                    .iter()
                    .map(|p| mediation(table, &e, &mediator, p, &parties, code)),
            );
        }
        out.extend(between(&e, &parties));
    }
    dedupe(out)
}

/// The act among its own parties: one event from its source to each other party, or the act
/// untargeted when it has a single party.
fn between(e: &Event, parties: &[EventActor]) -> Vec<Event> {
    let c = e.source.as_ref().and_then(|s| s.country.as_deref());
    let others: Vec<&EventActor> = parties
        .iter()
        .filter(|a| a.country.is_some() && a.country.as_deref() != c)
        .collect();
    if others.is_empty() {
        let mut x = e.clone();
        x.target = None;
        x.targets.clear();
        return vec![x];
    }
    others
        .into_iter()
        .map(|t| {
            let mut x = e.clone();
            x.target = Some(t.clone());
            x.targets = parties.to_vec();
            x.reciprocal = true;
            x
        })
        .collect()
}

/// The mediator's own event towards one party, on the act's evidence.
fn mediation(
    table: &CameoTable,
    e: &Event,
    mediator: &EventActor,
    party: &EventActor,
    parties: &[EventActor],
    code: &str,
) -> Event {
    let info = table.get(code);
    Event {
        code: code.to_string(),
        root: code.get(..2).unwrap_or(code).to_string(),
        quad_class: info.map_or(0, |i| i.quad_class),
        goldstein: info.map_or(0.0, |i| i.goldstein),
        plover: table
            .plover_with_status(code, e.status.as_str())
            .map(|p| parley_core::Plover {
                category: p.category,
                mode: p.mode,
            }),
        source: Some(mediator.clone()),
        target: Some(party.clone()),
        sources: Vec::new(),
        targets: parties.to_vec(),
        reciprocal: false,
        ..e.clone()
    }
}

/// The events without repeats of the same sides, code and trigger.
fn dedupe(events: Vec<Event>) -> Vec<Event> {
    let key = |e: &Event| {
        let id = |a: &Option<EventActor>| a.as_ref().and_then(|a| a.actor_id.clone());
        (
            id(&e.source),
            id(&e.target),
            e.code.clone(),
            e.trigger.as_ref().map(|t| t.start),
            e.evidence.start,
        )
    };
    let mut seen = Vec::new();
    events
        .into_iter()
        .filter(|e| {
            let k = key(e);
            let new = !seen.contains(&k);
            if new {
                seen.push(k);
            }
            new
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::events::roles::tests::kb_triples;

    fn has(ev: &[(String, String, String)], s: &str, root: &str, t: &str) -> bool {
        ev.iter()
            .any(|(a, c, b)| a == s && c.starts_with(root) && b == t)
    }

    #[test]
    fn the_mediator_of_an_exchange_is_no_party_to_it() {
        let ev = kb_triples(
            "Russia and Ukraine exchanged 95 prisoners in a deal mediated by the United Arab \
             Emirates.",
        );
        assert!(has(&ev, "RUS", "08", "UKR"), "{ev:?}");
        assert!(has(&ev, "UKR", "08", "RUS"), "{ev:?}");
        assert!(
            !has(&ev, "RUS", "08", "ARE") && !has(&ev, "UKR", "08", "ARE"),
            "{ev:?}"
        );
        // the mediation itself, towards each party
        assert!(has(&ev, "ARE", "045", "RUS"), "{ev:?}");
        assert!(has(&ev, "ARE", "045", "UKR"), "{ev:?}");
    }

    #[test]
    fn talks_hosted_by_a_third_country_are_between_the_parties() {
        let ev = kb_triples("Armenia and Azerbaijan held talks hosted by Kazakhstan in Almaty.");
        assert!(has(&ev, "ARM", "04", "AZE"), "{ev:?}");
        assert!(has(&ev, "AZE", "04", "ARM"), "{ev:?}");
        assert!(
            !ev.iter().any(|(a, _, b)| a == "KAZ" || b == "KAZ"),
            "{ev:?}"
        );
    }

    #[test]
    fn two_mediators_joined_by_and_are_both_third_parties() {
        let ev = kb_triples(
            "Russia and Ukraine swapped prisoners in an exchange mediated by Turkey and the \
             United Arab Emirates.",
        );
        assert!(
            !ev.iter()
                .any(|(_, c, b)| !c.starts_with("04") && (b == "TUR" || b == "ARE")),
            "{ev:?}"
        );
    }

    #[test]
    fn a_party_after_by_in_a_passive_act_stays_its_agent() {
        let ev = kb_triples("Ukraine was attacked by Russia on Monday.");
        assert!(has(&ev, "RUS", "", "UKR"), "{ev:?}");
    }

    #[test]
    fn a_party_named_in_a_mediation_phrase_is_a_third_party() {
        let ev = kb_triples("Egypt and Ethiopia held talks under African Union mediation in 2023.");
        assert!(
            has(&ev, "EGY", "04", "ETH") && has(&ev, "ETH", "04", "EGY"),
            "{ev:?}"
        );
        assert!(has(&ev, "IGOAFRAFU", "045", "EGY"), "{ev:?}");
        assert!(!has(&ev, "EGY", "04", "IGOAFRAFU"), "{ev:?}");
        let ev =
            kb_triples("Serbia and Kosovo resumed talks under the auspices of the European Union.");
        assert!(
            has(&ev, "SRB", "04", "XKX") || has(&ev, "SRB", "04", "KOS"),
            "{ev:?}"
        );
        assert!(
            !ev.iter()
                .any(|(s, c, t)| c.starts_with("04")
                    && (s.starts_with("IGO") || t.starts_with("IGO"))),
            "{ev:?}"
        );
        // "under" with another noun names no third party
        let ev = kb_triples("Iran held talks with the IAEA under Russian pressure.");
        assert!(has(&ev, "IRN", "04", "IGOUNOIAE"), "{ev:?}");
    }

    #[test]
    fn the_mediation_noun_list_has_a_code_or_a_dash_on_every_line() {
        let nouns = super::parse(super::MEDIATION_NOUNS);
        assert!(nouns.contains(&("mediation", Some("045"))));
        assert!(nouns.contains(&("auspices", None)));
        for (w, c) in &nouns {
            assert_eq!(*w, w.to_lowercase());
            assert!(c.is_none_or(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit())));
        }
    }

    #[test]
    fn the_participle_list_has_a_code_or_a_dash_on_every_line() {
        let verbs = super::parse(super::MEDIATOR_VERBS);
        assert!(verbs.len() >= 5);
        assert!(verbs.contains(&("mediated", Some("045"))));
        assert!(verbs.contains(&("hosted", None)));
        let lines = super::MEDIATOR_VERBS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        assert_eq!(lines.count(), verbs.len());
        for (w, c) in &verbs {
            assert_eq!(*w, w.to_lowercase());
            assert!(c.is_none_or(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit())));
        }
    }
}

//! Actors from the linguistic layer's named entities: people and organisations the knowledge
//! base does not know.
//!
//! PERSON entities that no mention covers go into the actor stage as candidate names
//! ([`ActorStage::mentions_with`], a second run, only when there are such names): each is
//! resolved like a name found by pattern (a person named before, a knowledge-base
//! person, or a new person with the country and sector its title gives). ORG entities that no
//! mention covers become organisations of their own (`local:` ids, no country: the text does
//! not say whose they are). GPE and NORP entities are left to the knowledge base, which knows
//! countries, capitals and nationalities with their codes; a place it does not know is not a
//! party to events.

use super::detect::slug;
use super::ActorStage;
use crate::parse::Parse;
use chrono::NaiveDate;
use parley_core::{ActorRef, EntityMention, Span, TextSpan};

/// The mentions of [`ActorStage::mentions`], with the parse's people and organisations added.
pub fn mentions_with_entities(
    stage: &ActorStage,
    body: &str,
    sentences: &[Span],
    published: Option<NaiveDate>,
    parse: &Parse,
) -> Vec<EntityMention> {
    let mut mentions = stage.mentions(body, sentences, published);
    // Only names nothing else found: the model's PERSON label is not to override a country of
    // the knowledge base ("Sri Lanka" tagged PERSON) or a person the patterns resolved.
    let people: Vec<Span> = entity_spans(parse, body, "PERSON")
        .into_iter()
        .filter(|sp| !mentions.iter().any(|m| m.span.span().overlaps(*sp)))
        .collect();
    if !people.is_empty() {
        mentions = stage.mentions_with(body, sentences, published, &people);
    }
    let orgs: Vec<EntityMention> = entity_spans(parse, body, "ORG")
        .into_iter()
        .filter(|sp| !mentions.iter().any(|m| m.span.span().overlaps(*sp)))
        .filter_map(|sp| organisation(body, sp))
        .collect();
    if !orgs.is_empty() {
        mentions.extend(orgs);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
    mentions
}

/// Byte spans of the entities with this label, a leading "the" and a trailing possessive left
/// out ("the Wagner Group's" → "Wagner Group"). Only names of two words or more: one-word
/// entities are where the small model slips most ("State" in "Secretary of State", a
/// capitalised sentence opener, a region tagged PERSON), and the patterns and the knowledge
/// base cover one-word names in context.
fn entity_spans(parse: &Parse, body: &str, label: &str) -> Vec<Span> {
    parse
        .parsed
        .ents
        .iter()
        .filter(|e| e.label == label)
        .filter_map(|e| trimmed(body, Span::new(e.start, e.end)))
        .filter(|sp| is_proper_name(&body[sp.start..sp.end]))
        .collect()
}

/// Two words or more on one line, each capitalised but for connectors ("Bank of America"),
/// with no punctuation but inside words ("Adeyemi-Falk", "O'Neill", "J.").
fn is_proper_name(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '&'));
    plain
        && words.len() >= 2
        && words.iter().all(|w| !w.is_empty())
        && words.iter().all(|w| {
            matches!(
                *w,
                "of" | "for" | "and" | "the" | "de" | "al" | "bin" | "van" | "von"
            ) || w.chars().next().is_some_and(|c| c.is_uppercase())
        })
}

fn trimmed(body: &str, span: Span) -> Option<Span> {
    let text = span.slice(body).ok()?;
    let mut start = span.start;
    let mut end = span.end;
    for article in ["the ", "The "] {
        if text.starts_with(article) {
            start += article.len();
        }
    }
    let rest = &body[start..end];
    for possessive in ["'s", "’s", "'", "’"] {
        if let Some(stem) = rest.strip_suffix(possessive) {
            end = start + stem.len();
            break;
        }
    }
    let name = body[start..end].trim();
    // a name starts with a capital or a digit ("3M"); lowercase spans are tagging slips
    let named = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (named && name.len() == end - start).then_some(Span::new(start, end))
}

/// An organisation the text names and the knowledge base does not know.
fn organisation(body: &str, span: Span) -> Option<EntityMention> {
    let text = TextSpan::from_body(body, span).ok()?;
    let id = slug(&text.text);
    if id.is_empty() {
        return None;
    }
    Some(EntityMention {
        actor: Some(ActorRef {
            id: format!("local:{id}"),
            name: text.text.clone(),
            kind: "organization".into(),
            country: None,
            sector: None,
        }),
        span: text,
        found_by: "ner".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::test_parser;

    fn mentions(body: &str) -> Option<Vec<EntityMention>> {
        let parse = test_parser()?.parse(body);
        let layer = parley_core::TextLayer::new(body);
        let sentences: Vec<Span> = layer.sentences.iter().map(|s| s.span).collect();
        Some(mentions_with_entities(
            &ActorStage::new(),
            body,
            &sentences,
            None,
            &parse,
        ))
    }

    fn found<'a>(ms: &'a [EntityMention], text: &str) -> Option<&'a EntityMention> {
        ms.iter().find(|m| m.span.text == text)
    }

    #[test]
    fn an_unknown_person_named_by_ner_becomes_a_person_actor() {
        let body = "Reporters asked Olusegun Adeyemi-Falk about the decision on Tuesday.";
        let Some(ms) = mentions(body) else { return };
        let m = found(&ms, "Olusegun Adeyemi-Falk").unwrap_or_else(|| panic!("{ms:?}"));
        let actor = m.actor.as_ref().unwrap();
        assert_eq!(actor.kind, "person");
        assert_eq!(m.found_by, "ner");
    }

    #[test]
    fn an_unknown_organisation_gets_a_local_id_and_no_country() {
        let body = "The contract went to Brightwater Logistics Corporation last year.";
        let Some(ms) = mentions(body) else { return };
        let m = ms
            .iter()
            .find(|m| m.span.text.contains("Brightwater"))
            .unwrap_or_else(|| panic!("{ms:?}"));
        let actor = m.actor.as_ref().unwrap();
        assert_eq!(actor.kind, "organization");
        assert!(actor.id.starts_with("local:brightwater"), "{actor:?}");
        assert_eq!(actor.country, None);
    }

    #[test]
    fn a_country_the_model_calls_a_person_stays_a_country() {
        let body =
            "Sri Lanka has established diplomatic ties with and opened an embassy in Tehran.";
        let Some(ms) = mentions(body) else { return };
        let m = found(&ms, "Sri Lanka").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!(m.actor.as_ref().unwrap().id, "LKA");
    }

    #[test]
    fn known_actors_keep_their_knowledge_base_identity() {
        let body = "NATO and Russia met in Geneva.";
        let Some(ms) = mentions(body) else { return };
        let nato = found(&ms, "NATO").unwrap_or_else(|| panic!("{ms:?}"));
        assert_ne!(nato.found_by, "ner");
        assert!(!nato.actor.as_ref().unwrap().id.starts_with("local:"));
    }

    #[test]
    fn only_capitalised_names_of_two_words_or_more_count() {
        assert!(is_proper_name("Bank of America"));
        assert!(is_proper_name("Olusegun Adeyemi-Falk"));
        assert!(!is_proper_name("State"));
        assert!(!is_proper_name("Donbass"));
        assert!(!is_proper_name("Ignored was"));
        assert!(!is_proper_name("Bambee\n\nBambee"));
        assert!(!is_proper_name("Quality of Vehicles: Sixt"));
        assert!(!is_proper_name("Half-Life, Portal"));
    }

    #[test]
    fn a_leading_the_and_a_possessive_are_trimmed() {
        let body = "x the Acme Group's plan";
        let span = Span::new(2, body.len() - 5);
        assert_eq!(&body[span.start..span.end], "the Acme Group's");
        let t = trimmed(body, span).unwrap();
        assert_eq!(&body[t.start..t.end], "Acme Group");
        assert_eq!(trimmed("the war", Span::new(0, 7)), None);
    }
}

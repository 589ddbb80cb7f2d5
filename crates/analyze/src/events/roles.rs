//! Actor parties of one sentence: mentions grouped into compound parties, placed on words.

use super::tokens::Word;
use parley_core::{EntityMention, EventActor, Span};

/// One party: one or more actors named together ("the US and Russia"), over words `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub first: usize,
    pub last: usize,
    pub actors: Vec<EventActor>,
    /// The text of the first mention, for `reported_by`.
    pub name: String,
}

/// Words that may stand between two mentions of one compound party.
const JOINERS: &[&str] = &["and", ",", "&", "the", "as", "well", "or", "/", "-"];
/// Words that end a clause when searching for a subject or an object.
pub const CLAUSE_BREAKS: &[&str] = &[
    ";", "but", "while", "whereas", "although", "though", "however", "because",
];

/// Groups the resolved mentions inside `sentence` into parties.
pub fn parties(words: &[Word], sentence: Span, mentions: &[EntityMention]) -> Vec<Party> {
    let mut placed: Vec<(usize, usize, EventActor, String)> = Vec::new();
    for m in mentions {
        let span = m.span.span();
        if !sentence.contains(span) {
            continue;
        }
        let Some(actor) = &m.actor else { continue };
        // a name only the NER vouches for, with no country, says nothing about whose side it
        // is; on general news it doubled the events, nearly all without a country
        if m.found_by == "ner" && actor.country.is_none() {
            continue;
        }
        let idx: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.span.overlaps(span))
            .map(|(i, _)| i)
            .collect();
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
            continue;
        };
        let ea = EventActor {
            name: actor.name.clone(),
            actor_id: Some(actor.id.clone()),
            country: actor.country.clone(),
            sector: actor.sector.clone(),
        };
        placed.push((a, b, ea, m.span.text.clone()));
    }
    placed.sort_by_key(|p| (p.0, p.1));
    let mut out: Vec<Party> = Vec::new();
    for (a, b, actor, text) in placed {
        if let Some(last) = out.last_mut() {
            let gap = &words[(last.last + 1).min(a)..a];
            let overlapping = a <= last.last;
            let compound =
                !gap.is_empty() && gap.iter().all(|w| JOINERS.contains(&w.norm.as_str()));
            let same_actor = last.actors.iter().any(|x| same(x, &actor));
            let same_np = same_actor
                && gap.len() <= 6
                && gap
                    .iter()
                    .all(|w| w.cap || ["'s", "of", "the", "-"].contains(&w.norm.as_str()));
            if overlapping || compound || same_np || (gap.is_empty() && same_actor) {
                last.last = last.last.max(b);
                if !last.actors.iter().any(|x| same(x, &actor)) {
                    last.actors.push(actor);
                }
                continue;
            }
            if gap.is_empty() {
                // two different actors side by side ("Russian envoy", "US-Russia"): one party
                last.last = last.last.max(b);
                last.actors.push(actor);
                continue;
            }
        }
        out.push(Party {
            first: a,
            last: b,
            actors: vec![actor],
            name: text,
        });
    }
    out
}

/// Two actors are the same party member when their countries (or ids) agree.
pub fn same(a: &EventActor, b: &EventActor) -> bool {
    match (&a.country, &b.country) {
        (Some(x), Some(y)) => x == y,
        _ => a.actor_id == b.actor_id,
    }
}

//! Nouns that name an act the article reported (data/events/reference_nouns.tsv), and the
//! author of such an act: the reaction "Azerbaijan criticised the sale" is aimed at whoever
//! sold ("France agreed to sell 24 Rafale jets to Armenia"), whether or not that sentence coded
//! an event.

use parley_core::{EntityMention, Event, EventActor, Span};
use std::sync::LazyLock;

pub(crate) const REFERENCE_NOUNS_FILE: &str =
    include_str!("../../../../../data/events/reference_nouns.tsv");

/// One line of data/events/reference_nouns.tsv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReferenceNoun {
    /// The noun's forms ("sanctions", "sanction").
    pub nouns: Vec<String>,
    /// Words of the act it names ("sold", "sanctioned").
    pub acts: Vec<String>,
    /// Whether it names any material act ("the move").
    pub any_act: bool,
    /// CAMEO code prefixes of events that are such an act.
    pub codes: Vec<String>,
}

static REFERENCE_NOUNS: LazyLock<Vec<ReferenceNoun>> =
    LazyLock::new(|| parse(REFERENCE_NOUNS_FILE));

/// The lines of a reference-noun table; a malformed line is skipped.
pub(crate) fn parse(text: &str) -> Vec<ReferenceNoun> {
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty() && *w != "-" && *w != "*")
            .map(str::to_string)
            .collect()
    };
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [nouns, acts, codes] = cols[..] else {
                return None;
            };
            Some(ReferenceNoun {
                nouns: list(nouns),
                any_act: acts.split(',').any(|w| w.trim() == "*"),
                acts: list(acts),
                codes: list(codes),
            })
        })
        .collect()
}

/// The entry of `noun` (lower case), if it names an act.
pub(crate) fn lookup(noun: &str) -> Option<&'static ReferenceNoun> {
    REFERENCE_NOUNS
        .iter()
        .find(|r| r.nouns.iter().any(|n| n == noun))
}

/// Roots of material acts, which "the move", "the decision" may name.
const MATERIAL_ROOTS: &[&str] = &[
    "03", "04", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20",
];

impl ReferenceNoun {
    /// Whether the earlier event `x` is any material act, which "the move" may name.
    pub fn names_any(&self, x: &Event) -> bool {
        self.any_act && MATERIAL_ROOTS.contains(&x.root.as_str())
    }

    /// Whether the earlier event `x` is an act this noun names by its code or a word of the
    /// act; `trigger_words` are its trigger and the words of its object.
    pub fn names_event(&self, x: &Event, trigger_words: &[&str]) -> bool {
        self.codes.iter().any(|c| x.code.starts_with(c.as_str()))
            || trigger_words
                .iter()
                .any(|w| self.acts.iter().any(|a| a.eq_ignore_ascii_case(w)))
    }
}

/// The words of `text` (hyphenated words whole: "pro-Russian"), each a slice of `text`.
pub(crate) fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
}

/// Prepositions before a mention that make it an object or a place, not a subject ("sold jets
/// to Armenia", "sanctions on Niger").
const OBJECT_PREPOSITIONS: &[&str] = &[
    "to", "on", "against", "with", "from", "for", "at", "in", "into", "over", "of", "about",
];

/// A word of the act named by `r` in `sentence` of `body`, before byte `until`, with its author:
/// the nearest actor mention before the word in the sentence that is no prepositional object,
/// of a country other than `not`. The latest such word wins; `None` when there is none.
pub(crate) fn cognate_author(
    r: &ReferenceNoun,
    body: &str,
    sentence: Span,
    until: usize,
    mentions: &[EntityMention],
    not: &str,
) -> Option<(usize, EventActor)> {
    let end = sentence.end.min(until);
    let text = body.get(sentence.start..end)?;
    let mut found: Option<(usize, EventActor)> = None;
    for w in words(text) {
        // the word's byte offset in the body (a slice of `text`)
        let start = sentence.start + (w.as_ptr() as usize - text.as_ptr() as usize);
        if w.is_empty() || !r.acts.iter().any(|a| a.eq_ignore_ascii_case(w)) {
            continue;
        }
        let author = agent_after(body, start + w.len(), sentence.end, mentions)
            .or_else(|| subject_before(body, sentence.start, start, mentions));
        if let Some(a) = author {
            if a.country.as_deref().is_some_and(|c| c != not) {
                found = Some((start, a));
            }
        }
    }
    found
}

/// How many bytes after an act word its passive agent ("issued by ASEAN") may start.
const AGENT_REACH: usize = 40;

/// The agent of a passive act word: the first actor mention after "by" right after the word
/// or a participle after it (within [`AGENT_REACH`] bytes), in the same clause ("The
/// declaration, issued by nine of the ten members of ASEAN,").
fn agent_after(
    body: &str,
    word_end: usize,
    end: usize,
    mentions: &[EntityMention],
) -> Option<EventActor> {
    let window = body.get(word_end..end.min(word_end + AGENT_REACH).max(word_end))?;
    let by = window.find(" by ")? + word_end + 4;
    // the act word or a participle right after it governs "by" ("issued by", "the sanctions
    // imposed by"), not a noun after it ("a report on abuses by the army")
    let between: Vec<&str> = body
        .get(word_end..by - 4)?
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let participle = match between[..] {
        [] => true,
        [w] => w.ends_with("ed") || w.ends_with("en"),
        _ => false,
    };
    if !participle || body.get(word_end..by)?.contains(['.', ';']) {
        return None;
    }
    let stop = body
        .get(by..end)?
        .find(['.', ';', ','])
        .map_or(end, |k| by + k);
    let m = mentions
        .iter()
        .filter(|m| m.span.start >= by && m.span.end <= stop && m.actor.is_some())
        .min_by_key(|m| m.span.start)?;
    actor_of(m)
}

/// The mention's actor as an event side.
fn actor_of(m: &EntityMention) -> Option<EventActor> {
    let actor = m.actor.as_ref()?;
    let (country, sector) = crate::actors::cameo::event_country_sector(actor);
    Some(EventActor {
        name: actor.name.clone(),
        actor_id: Some(actor.id.clone()),
        country,
        sector,
    })
}

/// The nearest actor mention between `from` and `word` that no preposition governs.
fn subject_before(
    body: &str,
    from: usize,
    word: usize,
    mentions: &[EntityMention],
) -> Option<EventActor> {
    let m = mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= word && m.actor.is_some())
        .filter(|m| {
            let before = body.get(from..m.span.start).unwrap_or_default();
            let prev = before
                .split(|c: char| !c.is_alphanumeric())
                .rev()
                .find(|w| !w.is_empty() && !matches!(*w, "the" | "The"))
                .unwrap_or_default()
                .to_lowercase();
            !OBJECT_PREPOSITIONS.contains(&prev.as_str())
        })
        .max_by_key(|m| m.span.start)?;
    actor_of(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_has_nouns_and_acts() {
        let lines = REFERENCE_NOUNS_FILE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let table = parse(REFERENCE_NOUNS_FILE);
        assert_eq!(
            table.len(),
            lines,
            "a line without three tab-separated columns"
        );
        for r in &table {
            assert!(!r.nouns.is_empty(), "{r:?}");
            assert!(!r.acts.is_empty() || r.any_act, "{r:?}");
            let words = r.nouns.iter().chain(&r.acts);
            assert!(
                words
                    .clone()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-')),
                "{r:?}"
            );
            assert!(
                r.codes
                    .iter()
                    .all(|c| (2..=4).contains(&c.len()) && c.chars().all(|d| d.is_ascii_digit())),
                "{r:?}"
            );
        }
    }

    #[test]
    fn a_noun_is_listed_once() {
        let table = parse(REFERENCE_NOUNS_FILE);
        let mut seen = std::collections::HashSet::new();
        for n in table.iter().flat_map(|r| &r.nouns) {
            assert!(seen.insert(n.clone()), "{n} twice");
        }
    }

    #[test]
    fn a_sale_names_selling_and_the_move_any_material_act() {
        let sale = lookup("sale").unwrap();
        assert!(sale.acts.contains(&"sell".to_string()));
        assert!(lookup("move").unwrap().any_act);
        assert!(lookup("sanctions")
            .unwrap()
            .codes
            .contains(&"16".to_string()));
        assert!(lookup("weather").is_none());
    }
}

//! Event status from cue words: denied, negated, conditional, hypothetical, proposed, planned.

use super::dict::{Cue, CueScope};
use super::roles::CLAUSE_BREAKS;
use super::tokens::Word;
use parley_core::EventStatus;

/// How far before the event word a `near` cue may stand.
const NEAR: usize = 5;
/// How far after a noun event a `near` cue may stand ("talks ... will take place").
const NEAR_AFTER_NOUN: usize = 8;

/// Where a cue occurs: the index of its first and last word.
fn occurrences<'a>(words: &'a [Word], cue: &'a Cue) -> impl Iterator<Item = (usize, usize)> + 'a {
    let n = cue.words.len();
    (0..words.len().saturating_sub(n - 1)).filter_map(move |i| {
        let hit = cue
            .words
            .iter()
            .enumerate()
            .all(|(k, c)| words[i + k].norm == *c);
        hit.then_some((i, i + n - 1))
    })
}

fn breaks_between(words: &[Word], from: usize, to: usize) -> bool {
    words[from..to].iter().any(|w| {
        CLAUSE_BREAKS.contains(&w.norm.as_str())
            || matches!(w.norm.as_str(), "," | "that" | "which" | "who" | ":")
    })
}

/// The status of the event carried by words `first..=last` (a noun event when `noun`);
/// `is_past` tells a past-tense verb form ("gave", "imposed").
pub fn status(
    cues: &[Cue],
    words: &[Word],
    first: usize,
    last: usize,
    noun: bool,
    is_past: &dyn Fn(&str) -> bool,
) -> EventStatus {
    let excepted = |at: usize| {
        cues.iter()
            .filter(|c| c.scope == CueScope::Except)
            .any(|c| occurrences(words, c).any(|(a, b)| a <= at && at <= b))
    };
    let order = [
        ("denied", EventStatus::Denied),
        ("negated", EventStatus::Negated),
        ("conditional", EventStatus::Conditional),
        ("hypothetical", EventStatus::Hypothetical),
        ("proposed", EventStatus::Proposed),
        ("planned", EventStatus::Planned),
    ];
    for (name, st) in order {
        for cue in cues.iter().filter(|c| c.status == name) {
            let applies = occurrences(words, cue).any(|(a, b)| match cue.scope {
                CueScope::Governs => {
                    b < first
                        && !words[b..first].iter().any(|w| w.norm == ";")
                        && !coordinated_predicate(words, b + 1, first)
                }
                CueScope::Sentence => {
                    (b < first || (a > last && !second_predicate(words, last + 1, a, is_past)))
                        && !excepted(a)
                }
                CueScope::Near => {
                    let before =
                        b < first && first - b <= NEAR && !breaks_between(words, b + 1, first);
                    let after = noun
                        && a > last
                        && a - last <= NEAR_AFTER_NOUN
                        && !breaks_between(words, last + 1, a);
                    before || after
                }
                CueScope::Except => false,
                CueScope::SelfWord => a == first,
            });
            if applies {
                // "they said they would boycott": a reported "will", not a hypothesis
                if st == EventStatus::Hypothetical
                    && cue.words == ["would"]
                    && reported_would(cues, words, first)
                {
                    return EventStatus::Planned;
                }
                return st;
            }
        }
    }
    EventStatus::Occurred
}

/// Whether a new predicate joined by "and"/"but" starts between a governing cue and the event
/// at `to`: "the Taliban denied the accusation and condemned the strikes" denies only the
/// accusation. Not inside a clause the cue introduces ("denied that troops crossed the border
/// and attacked"), nor before a gerund it still governs ("denied attacking and shelling").
/// Whether a second predicate stands between an event and a cue after it: a past-tense verb
/// after "and" ("stopped aid and threatened consequences if Hamas refused", "imposed sanctions
/// and gave the junta a week") or a participial clause after a comma ("…, threatening to use
/// force if they refused") — the condition is the later act's, not the act already done.
fn second_predicate(
    words: &[Word],
    from: usize,
    to: usize,
    is_past: &dyn Fn(&str) -> bool,
) -> bool {
    (from..to).any(|k| {
        let next = words.get(k + 1).map_or("", |w| w.norm.as_str());
        (words[k].norm == "and" && is_past(next))
            || (words[k].norm == "," && next.len() > 5 && next.ends_with("ing"))
    })
}

fn coordinated_predicate(words: &[Word], from: usize, to: usize) -> bool {
    let Some(and) = (from..to).find(|&k| matches!(words[k].norm.as_str(), "and" | "but")) else {
        return false;
    };
    let clause = words[from..and].iter().any(|w| w.norm == "that");
    let gerund = words.get(and + 1).is_some_and(|w| w.norm.ends_with("ing"));
    !clause && !gerund
}

/// Whether a commitment cue ("vowed to", "ready to") stands within a few words before the
/// event word at `first`, with no clause break between: the act is promised or threatened, not
/// merely announced, and is coded as a conditional act would be ("vowed to impose sanctions"
/// 131, where "will impose sanctions" keeps its 16).
pub fn committed(cues: &[Cue], words: &[Word], first: usize) -> bool {
    cues.iter()
        .filter(|c| c.status == "commitment")
        .flat_map(|c| occurrences(words, c))
        .any(|(_, b)| b < first && first - b <= NEAR && !breaks_between(words, b + 1, first))
}

/// How many words may stand between a speech cue and the "would" it reports ("said on Friday
/// that the government would").
const REPORTED_WOULD: usize = 8;

/// Whether the "would" before the event word at `first` follows a speech cue in past tense:
/// the future of reported speech ("X said they would"), with no other modal ("could") between.
fn reported_would(cues: &[Cue], words: &[Word], first: usize) -> bool {
    let Some(would) = (first.saturating_sub(NEAR)..first)
        .rev()
        .find(|&k| words[k].norm == "would")
    else {
        return false;
    };
    speech_cue_before(cues, words, would).is_some_and(|(_, b)| {
        let past =
            matches!(words[b].norm.as_str(), "said" | "told") || words[b].norm.ends_with("ed");
        past && would - b <= REPORTED_WOULD
            && !words[b + 1..would]
                .iter()
                .any(|w| w.norm == ";" || w.norm == "if")
    })
}

/// The index of the last word of a speech cue ("said", "told") before `first`, if any.
pub fn speech_cue_before(cues: &[Cue], words: &[Word], first: usize) -> Option<(usize, usize)> {
    cues.iter()
        .filter(|c| c.status == "report")
        .flat_map(|c| occurrences(words, c))
        .filter(|&(_, b)| b < first)
        .max_by_key(|&(_, b)| b)
}

//! In-document coreference: surnames, and he/she in subject position.
//!
//! Heuristics (simple on purpose, documented so that their errors are predictable):
//! * A capitalised word that is not part of another mention and equals the surname of a person
//!   named in the article refers to that person: the nearest one named before it, else the first
//!   named after it.
//! * "he"/"she" (nominative, so always a subject) refers to a person mentioned before it within
//!   the last three sentences whose given name does not contradict the pronoun's gender: in the
//!   latest sentence that has such a person, the first one (the subject, usually). People named
//!   only as a modifier ("the Biden regime") or inside a relative clause (", who met Y,") are
//!   skipped. A resolved pronoun counts as a mention, so a chain "X said ... He added ... he
//!   warned" stays with X.
//! * "his" is resolved the same way ("Putin spoke to his German counterpart"); "her" is left
//!   alone because it is as often an object as a possessive.
//! * Titles and descriptions ("Mr Price", "the Russian foreign minister") are resolved in
//!   `detect` because they need the title's context.

use super::detect::{Doc, Found, PersonNote};
use super::kb::Gender;
use super::words::{files, WordSet};
use parley_core::ActorRef;
use std::sync::LazyLock;

static NOT_SURNAME: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::NOT_SURNAME));

pub(crate) fn resolve(doc: &mut Doc) {
    surnames(doc);
    doc.found
        .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    pronouns(doc);
}

fn persons(doc: &Doc) -> Vec<(usize, ActorRef, PersonNote, bool)> {
    doc.found
        .iter()
        .filter_map(|m| Some((m.start, m.actor.clone()?, m.person.clone()?, m.modifier)))
        .filter(|(_, a, _, _)| a.kind == "person")
        .collect()
}

fn surnames(doc: &mut Doc) {
    let people = persons(doc);
    let mut add = Vec::new();
    for t in doc.toks {
        if !t.word {
            continue;
        }
        let w = doc.text(t.start, t.end);
        if !w.chars().next().is_some_and(|c| c.is_uppercase()) || NOT_SURNAME.contains(w) {
            continue;
        }
        // The person first: most words are nobody's surname, and the scan of the mentions
        // below is the dearer test.
        let earlier = people
            .iter()
            .rev()
            .find(|p| p.0 < t.start && p.2.surname == w);
        let Some(p) = earlier.or_else(|| people.iter().find(|p| p.2.surname == w)) else {
            continue;
        };
        // A one-word country or place that is the surname of a person in the article is that
        // person ("Jim Jordan ... Jordan said").
        let mut replace = None;
        if let Some(k) = doc.covering(t.start, t.end) {
            let f = &doc.found[k];
            let geo = f
                .actor
                .as_ref()
                .is_some_and(|a| matches!(a.kind.as_str(), "country" | "place"));
            if !(geo && f.start == t.start && f.end == t.end) {
                continue;
            }
            replace = Some(k);
        }
        if let Some(k) = replace {
            let f = &mut doc.found[k];
            f.actor = Some(p.1.clone());
            f.person = Some(p.2.clone());
            f.found_by = "coref";
            continue;
        }
        add.push(Found {
            start: t.start,
            end: t.end,
            actor: Some(p.1.clone()),
            found_by: "coref",
            role_word: None,
            person: Some(p.2.clone()),
            modifier: false,
            consumed: false,
        });
    }
    doc.found.extend(add);
}

fn pronouns(doc: &mut Doc) {
    // Resolved pronouns join the list, so a chain of "he ... he ... he" stays with its person.
    let mut people = persons(doc);
    let mut add = Vec::new();
    for t in doc.toks {
        let w = doc.text(t.start, t.end);
        let want = match w {
            "he" | "He" | "his" | "His" => Gender::Male,
            "she" | "She" => Gender::Female,
            _ => continue,
        };
        // "(T)he" is an author's insertion into the word "The", not a pronoun; a "He" inside a
        // name ("spokeswoman, He Yongqian,") is no pronoun either.
        if doc.text(t.start.saturating_sub(1), t.start) == ")"
            || doc.covering(t.start, t.end).is_some()
        {
            continue;
        }
        let sent = doc.sentence_index(t.start);
        // Cheap tests first: the relative-clause test reads the sentence.
        let fits = |(start, _, note, modifier): &&(usize, ActorRef, PersonNote, bool)| {
            *start < t.start
                && !modifier
                && match note.gender {
                    Some(Gender::Male) => want == Gender::Male,
                    Some(Gender::Female) => want == Gender::Female,
                    _ => true,
                }
                && doc.sentence_index(*start) + 3 >= sent
                && !in_relative_clause(doc, *start)
        };
        // The latest sentence with a candidate, and in it the first candidate: the subject is
        // the likelier antecedent ("Putin met Macron. He said ..." is Putin). `people` is in
        // text order, so the candidates are before the pronoun, the search back ends at the
        // first person out of the three sentences' reach, and a sentence's people are together.
        let before = &people[..people.partition_point(|p| p.0 < t.start)];
        let ante = before
            .iter()
            .rev()
            .take_while(|p| doc.sentence_index(p.0) + 3 >= sent)
            .find(fits)
            .and_then(|last| {
                let si = doc.sentence_index(last.0);
                let first = before.partition_point(|p| doc.sentence_index(p.0) < si);
                before[first..]
                    .iter()
                    .take_while(|p| doc.sentence_index(p.0) == si)
                    .find(fits)
            });
        let Some((_, actor, note, _)) = ante.cloned() else {
            continue;
        };
        // A subject pronoun joins the candidates; a possessive ("his announcement") does not
        // stand for the sentence's subject.
        if !matches!(w, "his" | "His") {
            let at = people.partition_point(|p| p.0 < t.start);
            people.insert(at, (t.start, actor.clone(), note.clone(), false));
        }
        add.push(Found {
            start: t.start,
            end: t.end,
            actor: Some(actor.clone()),
            found_by: "coref",
            role_word: None,
            person: Some(note.clone()),
            modifier: false,
            consumed: false,
        });
    }
    doc.found.extend(add);
}

/// Whether folded offset `at` lies in a relative clause set off by commas ("X, who met Y and Z,
/// said he ..."): people named there are rarely what a later pronoun refers to.
fn in_relative_clause(doc: &Doc, at: usize) -> bool {
    let (s, _) = doc.sentence_of(at);
    let before = doc.text(s, at);
    let Some(comma) = before.rfind(',') else {
        return false;
    };
    let clause = &before[comma + 1..];
    let first = clause.split_whitespace().next().unwrap_or("");
    matches!(first, "who" | "whom" | "which" | "whose")
}

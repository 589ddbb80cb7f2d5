//! Speech cues: verbs of the lexicon ("said", "denied", "told") and source phrases
//! ("according to"), found outside quotation marks, with negation and modality.

use super::doc::Doc;
use super::lexicon::Frame;
use std::ops::Range;

/// A cue found in the text.
#[derive(Debug, Clone)]
pub struct CueAt {
    /// The cue's tokens (two or more for "according to").
    pub tokens: Range<usize>,
    pub lemma: String,
    pub category: String,
    pub frame: Frame,
    pub negated: bool,
    pub modal: Option<String>,
    /// The source follows the cue: "according to X".
    pub source_after: bool,
    /// First token of the verb group (auxiliaries, negation, adverbs before the cue).
    pub group_start: usize,
    /// An -ing form ("saying", "adding").
    pub participle: bool,
    pub sentence: usize,
}

pub const MODALS: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "mustn't",
];
const AUX: &[&str] = &[
    "do", "does", "did", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "weren't",
    "'s",
];
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "isn't", "wasn't", "weren't",
];
const ADVERBS: &[&str] = &[
    "also",
    "already",
    "still",
    "just",
    "then",
    "again",
    "later",
    "once",
    "further",
    "previously",
    "earlier",
    "now",
    "long",
    "reportedly",
    "allegedly",
    "repeatedly",
    "often",
    "never",
    "not",
    "ever",
    "publicly",
    "privately",
    "recently",
    "first",
    "subsequently",
];
const NOUN_MARKERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "such",
    "no",
    "any",
    "every",
    "each",
    "whose",
    "so-called",
];
const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "they", "you"];
const IRREGULAR_PARTICIPLES: &[&str] = &["told", "said", "thought", "written", "spoken", "wrote"];

fn is_negation(w: &str) -> bool {
    w == "not" || w == "never" || w.ends_with("n't")
}

fn modal_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "will" | "won't" => "will",
        "would" | "wouldn't" => "would",
        "shall" => "shall",
        "should" | "shouldn't" => "should",
        "can" | "can't" | "cannot" => "can",
        "could" | "couldn't" => "could",
        "may" => "may",
        "might" => "might",
        "must" | "mustn't" => "must",
        _ => return None,
    })
}

pub fn is_group_word(w: &str) -> bool {
    MODALS.contains(&w)
        || AUX.contains(&w)
        || ADVERBS.contains(&w)
        || is_negation(w)
        || (w.ends_with("ly") && w.len() > 4)
}

/// Finds the cues of sentence `s`, in order.
pub fn find_cues(doc: &Doc, s: usize) -> Vec<CueAt> {
    let range = doc.sentence_tokens(s);
    super::work::visit(range.len());
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let t = &doc.toks[i];
        if !t.is_word() || t.in_quote {
            i += 1;
            continue;
        }
        if let Some(len) = source_phrase_at(doc, i, range.end) {
            let lemma = doc
                .lex
                .source_phrases
                .iter()
                .find(|(w, _)| w.len() == len && w[0] == t.lower)
                .map_or_else(|| "according to".to_string(), |(_, l)| l.clone());
            out.push(CueAt {
                tokens: i..i + len,
                lemma,
                category: "source".into(),
                frame: Frame::That,
                negated: false,
                modal: None,
                source_after: true,
                group_start: i,
                participle: false,
                sentence: s,
            });
            i += len;
            continue;
        }
        if let Some(cue) = verb_cue_at(doc, i, range.start, s) {
            out.push(cue);
        }
        i += 1;
    }
    out
}

/// The number of words of a source phrase starting at token `i`, if one does.
fn source_phrase_at(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    doc.lex.source_phrases.iter().find_map(|(words, _)| {
        let fits = i + words.len() <= end
            && words.iter().enumerate().all(|(k, w)| {
                let t = &doc.toks[i + k];
                t.is_word() && !t.in_quote && &t.lower == w
            });
        fits.then_some(words.len())
    })
}

fn verb_cue_at(doc: &Doc, i: usize, sentence_start: usize, s: usize) -> Option<CueAt> {
    let t = &doc.toks[i];
    let verb = doc.lex.cue(&t.lower)?;
    if t.cap && !t.initial {
        return None; // part of a name: "Secretary of State"
    }
    let form = t.lower.as_str();
    let participle = form.ends_with("ing");
    // The verb group: auxiliaries, modals, negation and adverbs right before the cue.
    let mut group_start = i;
    while group_start > sentence_start {
        let p = &doc.toks[group_start - 1];
        if p.is_word() && !p.in_quote && is_group_word(&p.lower) {
            group_start -= 1;
        } else {
            break;
        }
    }
    super::work::visit(i - group_start);
    let group: Vec<&str> = (group_start..i)
        .map(|k| doc.toks[k].lower.as_str())
        .collect();
    let before = (i > sentence_start).then(|| &doc.toks[i - 1]);
    let before_group = (group_start > sentence_start).then(|| &doc.toks[group_start - 1]);
    // A noun or an adjective: "the claims", "his remarks", "the previously agreed plan".
    if before_group.is_some_and(|p| p.is_word() && NOUN_MARKERS.contains(&p.lower.as_str())) {
        return None;
    }
    if let Some(p) = before {
        if p.is_word()
            && (NOUN_MARKERS.contains(&p.lower.as_str()) || (p.lower.ends_with("'s") && !p.cap))
        {
            return None;
        }
        if p.is_word()
            && p.lower.ends_with("'s")
            && p.cap
            && group.is_empty()
            && !form.ends_with("ed")
            && !IRREGULAR_PARTICIPLES.contains(&form)
        {
            return None; // "Russia's claims", "Blinken's report"
        }
    }
    // A passive: "was told", "is said to".
    let past_participle = form.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&form);
    if past_participle && group.iter().any(|w| BE.contains(w)) && !participle {
        return None;
    }
    // A bare base form is a verb only after a subject pronoun, an auxiliary or a group noun.
    if form == verb.lemma && !participle {
        let ok_group = group.iter().any(|w| MODALS.contains(w) || AUX.contains(w));
        let ok_subject = before_group.is_some_and(|p| {
            SUBJECT_PRONOUNS.contains(&p.lower.as_str())
                || doc.chunk_of[group_start - 1]
                    .is_some_and(|c| doc.chunks[c].class == super::doc::Class::Group)
        });
        if !(ok_group || ok_subject) {
            return None;
        }
    }
    // A third-person form ("notes", "states") needs its subject right before it, or it is
    // more likely a plural noun ("benchmark 10-year notes").
    let third_person = form.ends_with('s') && form != verb.lemma && !past_participle && !participle;
    if third_person && group.is_empty() {
        let subject_before = i > sentence_start && doc.chunk_of[i - 1].is_some();
        if !subject_before {
            return None;
        }
    }
    let negated = group.iter().any(|w| is_negation(w));
    let modal = group.iter().find_map(|w| modal_of(w)).map(str::to_string);
    Some(CueAt {
        tokens: i..i + 1,
        lemma: verb.lemma.clone(),
        category: verb.category.clone(),
        frame: verb.frame,
        negated,
        modal,
        source_after: false,
        group_start,
        participle,
        sentence: s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexicon::Lexicon;
    use parley_core::text::TextLayer;

    fn cues(body: &str) -> Vec<(String, bool, Option<String>)> {
        let layer = TextLayer::new(body);
        let lex = Lexicon::builtin().unwrap();
        let doc = Doc::new(body, &layer, &lex, &[]);
        (0..layer.sentences.len())
            .flat_map(|s| find_cues(&doc, s))
            .map(|c| (c.lemma, c.negated, c.modal))
            .collect()
    }

    #[test]
    fn inflected_forms_give_their_lemma() {
        let found =
            cues("Lavrov said it. Peskov denies it. Ryabkov was telling them. Blinken warned.");
        let lemmas: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(lemmas, ["say", "deny", "tell", "warn"]);
    }

    #[test]
    fn negation_and_modal_are_recorded() {
        assert_eq!(
            cues("Ryabkov did not say it.")[0],
            ("say".into(), true, None)
        );
        assert_eq!(
            cues("Lavrov wouldn't confirm it.")[0],
            ("confirm".into(), true, Some("would".into()))
        );
        assert_eq!(
            cues("Officials may announce it.")[0],
            ("announce".into(), false, Some("may".into()))
        );
        assert_eq!(cues("He never denied it.")[0], ("deny".into(), true, None));
    }

    #[test]
    fn passives_are_not_cues() {
        assert!(cues("The minister was told the news.").is_empty());
        assert!(cues("It is said the talks failed.").is_empty());
    }

    #[test]
    fn nouns_spelled_like_cue_verbs_are_not_cues() {
        assert!(
            cues("His claims were false. The report came out. A warning was issued.").is_empty()
        );
        assert!(cues("Russia's claims were rejected.").is_empty());
    }

    #[test]
    fn a_bare_form_needs_a_subject_pronoun_or_an_auxiliary() {
        assert!(cues("The Big Lie claim spread.").is_empty());
        assert_eq!(cues("They claim it is true.").len(), 1);
        assert_eq!(cues("Officials say it is true.").len(), 1);
    }

    #[test]
    fn capitalised_cue_words_inside_names_are_not_cues() {
        assert_eq!(cues("Secretary of State Blinken said it.").len(), 1);
    }

    #[test]
    fn according_to_is_a_cue_whose_source_follows() {
        let body = "According to the Kremlin, talks failed.";
        let layer = TextLayer::new(body);
        let lex = Lexicon::builtin().unwrap();
        let doc = Doc::new(body, &layer, &lex, &[]);
        let c = &find_cues(&doc, 0)[0];
        assert!(c.source_after);
        assert_eq!(c.lemma, "according to");
        assert_eq!(c.tokens.len(), 2);
    }

    #[test]
    fn words_inside_quotation_marks_are_not_cues() {
        assert!(cues("“Russia said no,” and left.").is_empty());
    }
}

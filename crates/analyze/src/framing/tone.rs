//! Tone with GDELT's V1.5TONE arithmetic over VADER's valence lexicon.
//!
//! Per GDELT's GKG codebook: positive and negative scores are the percentages of all words
//! with a positive or negative connotation; tone is positive − negative; polarity is the
//! percentage of words found in the tonal dictionary; activity reference density the
//! percentage of "active" words; self/group reference density the percentage of pronouns;
//! and the word count. A plain dictionary count: no negation, no boosters (as in GDELT).

use super::lexicon::{self, files, LexiconError};
use super::words::Word;
use parley_core::framing::Tone;
use std::collections::{HashMap, HashSet};

/// The word lists tone is counted with.
pub struct ToneLexicon {
    valence: HashMap<String, f64>,
    activity: HashSet<String>,
    pronouns: HashSet<String>,
}

impl ToneLexicon {
    /// The shipped lists: VADER valences, `activity.txt`, `pronouns.txt`.
    pub fn shipped() -> Result<Self, LexiconError> {
        Ok(ToneLexicon {
            valence: lexicon::parse_valence("vader_valence.tsv", files::VADER)?
                .into_iter()
                .collect(),
            activity: lexicon::parse_words("activity.txt", files::ACTIVITY)?
                .into_iter()
                .collect(),
            pronouns: lexicon::parse_words("pronouns.txt", files::PRONOUNS)?
                .into_iter()
                .collect(),
        })
    }

    /// The valence of a word (VADER's −4..+4 mean rating), if the lexicon has it.
    pub fn valence(&self, norm: &str) -> Option<f64> {
        self.valence.get(norm).copied()
    }

    /// True when `norm` is an activity word or a regular inflection of one.
    pub fn is_activity(&self, norm: &str) -> bool {
        candidate_lemmas(norm)
            .iter()
            .any(|l| self.activity.contains(l.as_str()))
    }

    /// V1.5TONE over a list of words.
    pub fn tone(&self, words: &[Word]) -> Tone {
        let n = words.iter().filter(|w| is_word(&w.norm)).count();
        if n == 0 {
            return Tone::default();
        }
        let (mut pos, mut neg, mut act, mut pro) = (0usize, 0usize, 0usize, 0usize);
        for w in words.iter().filter(|w| is_word(&w.norm)) {
            match self.valence(&w.norm) {
                Some(v) if v > 0.0 => pos += 1,
                Some(v) if v < 0.0 => neg += 1,
                _ => {}
            }
            if self.is_activity(&w.norm) {
                act += 1;
            }
            if self.pronouns.contains(w.norm.as_str()) {
                pro += 1;
            }
        }
        let pct = |k: usize| k as f64 * 100.0 / n as f64;
        Tone {
            tone: pct(pos) - pct(neg),
            positive: pct(pos),
            negative: pct(neg),
            polarity: pct(pos + neg),
            activity_density: pct(act),
            self_group_density: pct(pro),
            word_count: n,
        }
    }
}

/// A word for counting: it has at least one letter (numbers are not words here).
fn is_word(norm: &str) -> bool {
    norm.chars().any(char::is_alphabetic)
}

/// The word itself and the lemmas its regular inflection could come from.
fn candidate_lemmas(norm: &str) -> Vec<String> {
    let mut out = vec![norm.to_string()];
    for suffix in ["ing", "ed", "es", "s", "d"] {
        if let Some(stem) = norm.strip_suffix(suffix) {
            if stem.len() < 2 {
                continue;
            }
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            let b = stem.as_bytes();
            if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                out.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::scan_words;
    use super::*;

    fn tone(text: &str) -> Tone {
        ToneLexicon::shipped().unwrap().tone(&scan_words(text, 0))
    }

    #[test]
    fn tone_is_positive_minus_negative_percent_of_words() {
        // "good" is positive, "horrible" negative, in VADER; 5 words.
        let t = tone("a good deal, horrible talks");
        assert_eq!(t.word_count, 5);
        assert!((t.positive - 20.0).abs() < 1e-9);
        assert!((t.negative - 20.0).abs() < 1e-9);
        assert!((t.tone - 0.0).abs() < 1e-9);
        assert!((t.polarity - 40.0).abs() < 1e-9);
    }

    #[test]
    fn pronouns_count_as_self_group_reference() {
        let t = tone("We warned them about it");
        assert!((t.self_group_density - 60.0).abs() < 1e-9);
    }

    #[test]
    fn inflected_activity_words_count() {
        let t = tone("troops attacked and invading soldiers stopped");
        assert!((t.activity_density - 100.0 * 2.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn empty_text_has_zero_tone_and_no_words() {
        assert_eq!(tone("  — 2022 "), Tone::default());
    }

    #[test]
    fn a_hostile_sentence_is_negative() {
        assert!(tone("He lied and falsely accused Russia of aggression.").tone < 0.0);
    }
}

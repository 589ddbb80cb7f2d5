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
        if self.activity.contains(norm) {
            return true;
        }
        let mut buf = String::new();
        for suffix in ["ing", "ed", "es", "s", "d"] {
            let Some(stem) = norm.strip_suffix(suffix) else {
                continue;
            };
            if stem.len() < 2 {
                continue;
            }
            buf.clear();
            buf.push_str(stem);
            buf.push('e');
            let b = stem.as_bytes();
            let undoubled = b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2];
            if self.activity.contains(stem)
                || self.activity.contains(buf.as_str())
                || (undoubled && self.activity.contains(&stem[..stem.len() - 1]))
            {
                return true;
            }
        }
        false
    }

    /// Each word's tone class, to be summed over any stretch with [`ToneLexicon::tone_of`].
    pub fn classify(&self, words: &[Word]) -> Vec<WordTone> {
        words
            .iter()
            .map(|w| {
                if !is_word(&w.norm) {
                    return WordTone::default();
                }
                let v = self.valence(&w.norm).unwrap_or(0.0);
                WordTone {
                    word: true,
                    positive: v > 0.0,
                    negative: v < 0.0,
                    activity: self.is_activity(&w.norm),
                    pronoun: self.pronouns.contains(w.norm.as_str()),
                }
            })
            .collect()
    }

    /// V1.5TONE over a list of words.
    pub fn tone(&self, words: &[Word]) -> Tone {
        Self::tone_of(&self.classify(words))
    }

    /// V1.5TONE over classified words.
    pub fn tone_of(classes: &[WordTone]) -> Tone {
        let count = |f: fn(&WordTone) -> bool| classes.iter().filter(|c| c.word && f(c)).count();
        let n = count(|_| true);
        if n == 0 {
            return Tone::default();
        }
        let (pos, neg) = (count(|c| c.positive), count(|c| c.negative));
        let (act, pro) = (count(|c| c.activity), count(|c| c.pronoun));
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

/// The tone class of one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordTone {
    /// False for numbers and other non-words, which V1.5TONE does not count.
    pub word: bool,
    pub positive: bool,
    pub negative: bool,
    pub activity: bool,
    pub pronoun: bool,
}

/// A word for counting: it has at least one letter (numbers are not words here).
fn is_word(norm: &str) -> bool {
    norm.chars().any(char::is_alphabetic)
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

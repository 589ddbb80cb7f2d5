//! Whole-word phrase matching over a body with Aho-Corasick.
//!
//! The body's words are joined, normalised, into one search string: words separated by a space
//! when only white space lies between them in the body, and by ` | ` when punctuation does, so a
//! multi-word phrase never matches across a full stop or a quotation mark. A match must start
//! and end on word boundaries of that string; its body span runs from the first word's start
//! to the last word's end.

use super::words::Word;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use parley_core::Span;

/// A set of phrases, each carrying a value of type `T` (e.g. the term it belongs to).
pub struct PhraseMatcher<T> {
    automaton: Option<AhoCorasick>,
    values: Vec<T>,
}

/// One phrase found in a body: the words it covers and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseMatch<'a, T> {
    pub span: Span,
    /// Index of the first and one past the last word covered.
    pub words: (usize, usize),
    pub value: &'a T,
}

/// The normalised search string of a word list and where each word sits in it.
pub struct WordString {
    pub text: String,
    /// For each word, its byte range in `text`.
    pub ranges: Vec<(usize, usize)>,
}

impl WordString {
    pub fn new(body: &str, words: &[Word]) -> Self {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let gap = body.get(words[i - 1].span.end..w.span.start).unwrap_or("|");
                if gap.chars().all(char::is_whitespace) {
                    text.push(' ');
                } else {
                    text.push_str(" | ");
                }
            }
            let start = text.len();
            text.push_str(&w.norm);
            ranges.push((start, text.len()));
        }
        WordString { text, ranges }
    }

    /// The word ending at byte `at` of the search string, if one does.
    fn word_ending_at(&self, at: usize) -> Option<usize> {
        self.ranges.binary_search_by_key(&at, |r| r.1).ok()
    }
}

/// The longest match anchored at `start` that ends on a word end, with that word's index:
/// when the longest phrase ends inside a word ("lies in" in "lies inside"), the search is
/// repeated with the haystack cut at the last word end before it, until one fits or none is
/// left.
fn longest_whole_words(
    ac: &AhoCorasick,
    ws: &WordString,
    start: usize,
) -> Option<(aho_corasick::Match, usize)> {
    let mut end = ws.text.len();
    loop {
        let input = Input::new(&ws.text)
            .range(start..end)
            .anchored(Anchored::Yes);
        let m = ac.find(input)?;
        if let Some(last) = ws.word_ending_at(m.end()) {
            return Some((m, last));
        }
        // Cut at the last word end before the match's end.
        let k = ws.ranges.partition_point(|r| r.1 < m.end());
        let cut = ws.ranges.get(k.checked_sub(1)?)?.1;
        if cut <= start {
            return None;
        }
        end = cut;
    }
}

impl<T> PhraseMatcher<T> {
    /// Builds a matcher over `(phrase, value)` pairs; phrases are normalised word sequences.
    pub fn new(entries: Vec<(String, T)>) -> Self {
        let (patterns, values): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        let automaton = if patterns.is_empty() {
            None
        } else {
            // Leftmost-longest, anchored: one short search from each word start finds the
            // longest phrase beginning there (much cheaper than an overlapping scan).
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&patterns)
                .ok()
        };
        PhraseMatcher { automaton, values }
    }

    /// The longest whole-word match starting at each word, overlapping ones included, in
    /// order of start.
    pub fn find_all<'a>(&'a self, words: &[Word], ws: &WordString) -> Vec<PhraseMatch<'a, T>> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (first, &(start, _)) in ws.ranges.iter().enumerate() {
            let Some((m, last)) = longest_whole_words(ac, ws, start) else {
                continue;
            };
            out.push(PhraseMatch {
                span: Span::new(words[first].span.start, words[last].span.end),
                words: (first, last + 1),
                value: &self.values[m.pattern().as_usize()],
            });
        }
        out.sort_by_key(|m| (m.words.0, std::cmp::Reverse(m.words.1)));
        out
    }

    /// Whole-word matches with overlaps removed: at each position the longest match wins.
    pub fn find_longest<'a>(&'a self, words: &[Word], ws: &WordString) -> Vec<PhraseMatch<'a, T>> {
        let mut out: Vec<PhraseMatch<'a, T>> = Vec::new();
        for m in self.find_all(words, ws) {
            if out.last().is_some_and(|prev| m.words.0 < prev.words.1) {
                continue;
            }
            out.push(m);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::scan_words;
    use super::*;

    fn found(phrases: &[&str], body: &str) -> Vec<String> {
        let m = PhraseMatcher::new(phrases.iter().map(|p| (p.to_string(), ())).collect());
        let words = scan_words(body, 0);
        let ws = WordString::new(body, &words);
        m.find_longest(&words, &ws)
            .into_iter()
            .map(|m| body[m.span.start..m.span.end].to_string())
            .collect()
    }

    #[test]
    fn matches_only_whole_words() {
        assert_eq!(found(&["lie"], "The client lied; a lie."), vec!["lie"]);
    }

    #[test]
    fn multi_word_phrases_match_across_white_space_and_case() {
        assert_eq!(
            found(&["big lie"], "a Big\n Lie by Price"),
            vec!["Big\n Lie"]
        );
    }

    #[test]
    fn phrases_do_not_match_across_punctuation() {
        assert!(found(&["war party"], "it was war. Party leaders").is_empty());
    }

    #[test]
    fn the_longest_phrase_wins() {
        assert_eq!(
            found(&["puppet", "puppet regime"], "a puppet regime"),
            vec!["puppet regime"]
        );
    }

    #[test]
    fn a_longer_phrase_ending_inside_a_word_leaves_the_word() {
        assert_eq!(found(&["lies", "lies in"], "it lies inside"), vec!["lies"]);
    }

    #[test]
    fn an_empty_matcher_finds_nothing() {
        assert!(found(&[], "anything").is_empty());
    }
}

//! Words of one sentence with byte spans, lowercased, and the lemma guesses the dictionaries use.
//!
//! A small tokenizer of its own keeps the coder independent of the text layer: it takes any
//! sentence span and splits it the same way every time.

use parley_core::Span;

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// Lowercased, curly apostrophes made straight.
    pub norm: String,
    /// The word starts with a capital letter.
    pub cap: bool,
}

impl Word {
    pub fn is_punct(&self) -> bool {
        !self.norm.chars().any(|c| c.is_alphanumeric())
    }
}

/// Splits `body[span]` into words: runs of letters and digits (with inner `.`, `-`, `'`),
/// a separate `'s`/`n't`, and single punctuation marks.
pub fn words(body: &str, span: Span) -> Vec<Word> {
    let Ok(text) = span.slice(body) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            out.push(make(text, span.start, start, end));
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                j += 1;
                continue;
            }
            let joins = matches!(ch, '.' | '-' | '\'' | '’')
                && j + 1 < chars.len()
                && chars[j + 1].1.is_alphanumeric();
            if joins {
                j += 1;
                continue;
            }
            // "U.S." keeps its final dot when the word is dotted already
            if ch == '.' && text[chars[i].0..chars[j].0].contains('.') {
                j += 1;
            }
            break;
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        push_split(&mut out, text, span.start, start, end);
        i = j;
    }
    out
}

fn make(text: &str, base: usize, start: usize, end: usize) -> Word {
    let raw = &text[start..end];
    Word {
        span: Span::new(base + start, base + end),
        norm: raw.to_lowercase().replace('’', "'"),
        cap: raw.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Pushes a word, splitting off a possessive `'s` and a negation `n't`.
fn push_split(out: &mut Vec<Word>, text: &str, base: usize, start: usize, end: usize) {
    let w = text[start..end].to_lowercase().replace('’', "'");
    for suffix in ["'s", "n't"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            let cut = start + byte_len_without(&text[start..end], suffix);
            out.push(make(text, base, start, cut));
            out.push(make(text, base, cut, end));
            return;
        }
    }
    out.push(make(text, base, start, end));
}

/// Byte length of `s` without the last `suffix.chars().count()` characters.
fn byte_len_without(s: &str, suffix: &str) -> usize {
    let n = suffix.chars().count();
    let mut idx = s.len();
    for (k, (i, _)) in s.char_indices().rev().enumerate() {
        idx = i;
        if k + 1 == n {
            break;
        }
    }
    idx
}

/// Candidate lemmas of a lowercase word, most likely first: the word itself, a listed irregular
/// form, then suffix stripping (-s, -es, -ies, -ed, -ied, -ing, doubled consonants).
pub fn lemma_candidates(word: &str, irregular: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if let Some(l) = irregular(word) {
        out.push(l);
    }
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(s) = word.strip_suffix("ies") {
        push(format!("{s}y"));
    }
    if let Some(s) = word.strip_suffix("ied") {
        push(format!("{s}y"));
    }
    if let Some(s) = word.strip_suffix("es") {
        push(s.to_string());
    }
    if let Some(s) = word.strip_suffix('s') {
        if !s.ends_with('s') {
            push(s.to_string());
        }
    }
    for suffix in ["ed", "ing"] {
        if let Some(s) = word.strip_suffix(suffix) {
            push(s.to_string());
            push(format!("{s}e"));
            let b = s.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                push(s[..s.len() - 1].to_string());
            }
        }
    }
    if let Some(s) = word.strip_suffix('d') {
        if word.ends_with("ed") {
            push(s.to_string());
        }
    }
    out
}

/// Singular-ish form for comparing nouns in patterns: "talks" ~ "talk", "sanctions" ~ "sanction".
pub fn noun_key(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        words(s, Span::new(0, s.len()))
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    #[test]
    fn splits_possessives_negations_and_punctuation() {
        assert_eq!(
            norms("Russia’s envoy didn't go, “ever”."),
            vec!["russia", "'s", "envoy", "did", "n't", "go", ",", "“", "ever", "”", "."]
        );
    }

    #[test]
    fn keeps_dotted_abbreviations_and_hyphens_together() {
        assert_eq!(
            norms("The U.S. and NATO-Russia talks."),
            vec!["the", "u.s.", "and", "nato-russia", "talks", "."]
        );
    }

    #[test]
    fn spans_point_into_the_body() {
        let body = "xx Lavrov met Blinken.";
        let ws = words(body, Span::new(3, body.len()));
        assert_eq!(ws[1].span.slice(body).unwrap(), "met");
    }

    #[test]
    fn lemma_candidates_undo_common_inflections() {
        let none = |_: &str| None;
        assert!(lemma_candidates("accused", none).contains(&"accuse".to_string()));
        assert!(lemma_candidates("planned", none).contains(&"plan".to_string()));
        assert!(lemma_candidates("denies", none).contains(&"deny".to_string()));
        assert!(lemma_candidates("meeting", none).contains(&"meet".to_string()));
        assert!(
            lemma_candidates("met", |w| (w == "met").then(|| "meet".into()))
                .contains(&"meet".to_string())
        );
    }

    #[test]
    fn empty_or_bad_spans_give_no_words() {
        assert!(words("abc", Span::new(2, 9)).is_empty());
        assert!(words("", Span::new(0, 0)).is_empty());
    }
}

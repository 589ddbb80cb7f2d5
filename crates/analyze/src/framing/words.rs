//! A simple word scanner: word spans over a body and a normalised form of each.
//!
//! A word is a run of letters and digits, with apostrophes and hyphens allowed between them
//! ("don't", "far-right", "Biden’s"). Until the shared text layer lands, the framing stage
//! scans words itself; the spans are byte offsets into the body.

use parley_core::Span;

/// One word: where it is, and its lower-cased form with typographic apostrophes folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub norm: String,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Every word of `text`, with spans offset by `base`.
pub fn scan_words(text: &str, base: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        loop {
            if j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            } else if j + 1 < chars.len()
                && is_joiner(chars[j].1)
                && chars[j + 1].1.is_alphanumeric()
            {
                j += 2;
            } else {
                break;
            }
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        let norm = text[start..end]
            .to_lowercase()
            .replace('’', "'")
            .replace('‐', "-");
        words.push(Word {
            span: Span::new(base + start, base + end),
            norm,
        });
        i = j;
    }
    words
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalized(body: &str, span: Span) -> bool {
    span.slice(body)
        .ok()
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        scan_words(text, 0).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            norms("Biden’s far-right (sic) don't —"),
            vec!["biden's", "far-right", "sic", "don't"]
        );
    }

    #[test]
    fn spans_are_byte_offsets_into_the_body() {
        let body = "“Big Lie” by Price";
        let words = scan_words(body, 0);
        assert_eq!(words[0].span.slice(body).unwrap(), "Big");
        assert_eq!(words[3].span.slice(body).unwrap(), "Price");
    }

    #[test]
    fn trailing_hyphen_and_quote_are_not_part_of_the_word() {
        assert_eq!(norms("anti- 'war'"), vec!["anti", "war"]);
    }
}

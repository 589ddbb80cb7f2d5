//! Small text helpers for the actor stage: word tokens over the folded text and a rough
//! sentence splitter for callers that have no text layer.

use parley_core::text::{abbreviation_class, is_sentence_opener, AbbreviationClass};
use parley_core::Span;

/// A token of the folded text: a word (letters, digits, inner hyphens and apostrophes) or one
/// punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

/// Splits folded text into word and punctuation tokens. A possessive `'s` is its own token.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let next = i + c.len_utf8();
        if c.is_whitespace() {
            i = next;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: i,
                end: next,
                word: false,
            });
            i = next;
            continue;
        }
        let mut j = next;
        loop {
            // ASCII letters and digits, a byte at a time (most of a word).
            let ascii_run = text.as_bytes()[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            j += ascii_run;
            let Some(d) = char_at(text, j) else {
                break;
            };
            if d.is_alphanumeric() {
                j += d.len_utf8();
                continue;
            }
            // Most words end at a space or a punctuation mark other than these two.
            if d != '-' && d != '\'' {
                break;
            }
            let after = j + d.len_utf8();
            let next_alnum = char_at(text, after).is_some_and(char::is_alphanumeric);
            if d == '-' && next_alnum {
                j = after;
                continue;
            }
            // An inner apostrophe (O'Brien, d'Orsay) but not a possessive 's.
            if d == '\'' && next_alnum {
                let is_poss = char_at(text, after) == Some('s')
                    && !char_at(text, after + 1).is_some_and(char::is_alphanumeric);
                if !is_poss {
                    j = after;
                    continue;
                }
            }
            break;
        }
        out.push(Tok {
            start: i,
            end: j,
            word: true,
        });
        i = j;
    }
    out
}

/// The character starting at byte `i` of `text` (None at the end or inside a character).
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// Rough sentence spans of a body: breaks at line ends and after `.`, `!` or `?` (with any
/// closing quotes or brackets) followed by white space, except after initials ("U.S.", "J.")
/// and the abbreviations of `data/abbreviations.txt` (the text layer's list): never after a
/// title ("Mr."), after another abbreviation ("Inc.", "no.") only before a word that
/// typically opens a sentence ("He said “no.” Then he left.").
pub fn rough_sentences(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let seg = &body[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if s + lead < e - trail {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // closing quotes and brackets, ASCII or typographic
            loop {
                let rest = &body[j..];
                if let Some(c) = rest.chars().next() {
                    if matches!(c, '"' | '\'' | ')' | '\u{201D}' | '\u{2019}' | ']') {
                        j += c.len_utf8();
                        continue;
                    }
                }
                break;
            }
            let next_ws = body[j..].chars().next().is_none_or(|c| c.is_whitespace());
            if next_ws && !(b == b'.' && is_abbreviation(&body[start..i], &body[j..])) {
                push(start, j, &mut out);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(start, body.len(), &mut out);
    out
}

/// Whether the full stop after `before` belongs to an abbreviation that does not end the
/// sentence before `after`.
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if bare.chars().count() == 1 && bare.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    // U.S, U.K, D.C
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 1) {
        return true;
    }
    match abbreviation_class(&format!("{bare}.")) {
        Some(AbbreviationClass::Title) => true,
        Some(AbbreviationClass::Other) => {
            let next = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            !is_sentence_opener(next)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_possessives_and_keep_hyphens() {
        let t = "Russia's Jean-Pierre O'Brien, U.S.";
        let words: Vec<&str> = tokenize(t).iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            words,
            vec![
                "Russia",
                "'",
                "s",
                "Jean-Pierre",
                "O'Brien",
                ",",
                "U",
                ".",
                "S",
                "."
            ]
        );
    }

    #[test]
    fn sentences_break_after_stops_but_not_abbreviations() {
        let b = "Mr. Price met U.S. officials. He left.\nNew line here";
        let s: Vec<&str> = rough_sentences(b)
            .iter()
            .map(|s| &b[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            vec!["Mr. Price met U.S. officials.", "He left.", "New line here"]
        );
    }

    #[test]
    fn other_abbreviations_end_a_sentence_only_before_an_opener() {
        let b = "Gen. Smith met Apple Inc. officials. He said no. 10 was shut. \
                 It ended in Jan. The talks resume.";
        let s: Vec<&str> = rough_sentences(b)
            .iter()
            .map(|s| &b[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            vec![
                "Gen. Smith met Apple Inc. officials.",
                "He said no. 10 was shut.",
                "It ended in Jan.",
                "The talks resume."
            ]
        );
    }

    #[test]
    fn sentences_take_closing_quotes() {
        let b = "He said “no.” Then he left.";
        let s: Vec<&str> = rough_sentences(b)
            .iter()
            .map(|s| &b[s.start..s.end])
            .collect();
        assert_eq!(s, vec!["He said “no.”", "Then he left."]);
    }
}

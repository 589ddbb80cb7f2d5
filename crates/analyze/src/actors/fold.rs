//! Folding text for matching: accents, curly quotes, dashes and whitespace made plain, with a
//! map from every byte of the folded copy back to the body.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text with the body offsets of every folded byte.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text (mostly ASCII for Latin-script input).
    pub text: String,
    /// `start[i]`: body offset of the character that produced folded byte `i`.
    start: Vec<usize>,
    /// `end[i]`: body offset just past that character.
    end: Vec<usize>,
    body_len: usize,
}

impl Folded {
    /// Folds `body`: curly quotes to straight ones, dashes to `-`, every run of whitespace to
    /// one space, `…` to `...`, accented letters to their base letters.
    pub fn new(body: &str) -> Self {
        let mut text = String::with_capacity(body.len());
        let mut start = Vec::with_capacity(body.len());
        let mut end = Vec::with_capacity(body.len());
        let mut in_space = false;
        let mut pos = 0;
        while let Some(c) = body.get(pos..).and_then(|rest| rest.chars().next()) {
            // Most of a body is plain ASCII that folds to itself, single spaces between words
            // included: copy it a run at a time.
            let mut plain = 0;
            let mut after_space = in_space;
            for &b in &body.as_bytes()[pos..] {
                if !(folds_to_itself(b) || (b == b' ' && !after_space)) {
                    break;
                }
                after_space = b == b' ';
                plain += 1;
            }
            if plain > 0 {
                text.push_str(&body[pos..pos + plain]);
                start.extend(pos..pos + plain);
                end.extend(pos + 1..pos + plain + 1);
                in_space = after_space;
                pos += plain;
                continue;
            }
            let (at, next) = (pos, pos + c.len_utf8());
            pos = next;
            if c.is_whitespace() {
                if in_space {
                    // Extend the space already written to cover this character too.
                    if let Some(e) = end.last_mut() {
                        *e = next;
                    }
                    continue;
                }
                in_space = true;
                push(&mut text, &mut start, &mut end, ' ', at, next);
                continue;
            }
            in_space = false;
            match fold_char(c) {
                Fold::One(f) => push(&mut text, &mut start, &mut end, f, at, next),
                Fold::Str(s) => {
                    for f in s.chars() {
                        push(&mut text, &mut start, &mut end, f, at, next);
                    }
                }
                Fold::Decompose => {
                    let before = text.len();
                    decompose_canonical(c, |d| {
                        if !is_combining_mark(d) {
                            push(&mut text, &mut start, &mut end, d, at, next);
                        }
                    });
                    if text.len() == before {
                        push(&mut text, &mut start, &mut end, c, at, next);
                    }
                }
            }
        }
        Folded {
            text,
            start,
            end,
            body_len: body.len(),
        }
    }

    /// The body span of the folded range `from..to` (character boundaries of the body).
    pub fn body_span(&self, from: usize, to: usize) -> (usize, usize) {
        let s = self.start.get(from).copied().unwrap_or(self.body_len);
        let e = if to == 0 {
            s
        } else {
            self.end.get(to - 1).copied().unwrap_or(self.body_len)
        };
        (s, e.max(s))
    }

    /// The folded offset of the first folded byte at or after body offset `at`.
    pub fn folded_offset(&self, at: usize) -> usize {
        self.start.partition_point(|&s| s < at)
    }
}

/// An ASCII byte that is its own folded form: not white space and not a backtick.
fn folds_to_itself(b: u8) -> bool {
    b.is_ascii() && !char::from(b).is_whitespace() && b != b'`'
}

fn push(
    text: &mut String,
    start: &mut Vec<usize>,
    end: &mut Vec<usize>,
    c: char,
    s: usize,
    e: usize,
) {
    text.push(c);
    for _ in 0..c.len_utf8() {
        start.push(s);
        end.push(e);
    }
}

enum Fold {
    One(char),
    Str(&'static str),
    Decompose,
}

fn fold_char(c: char) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`'
        | '\u{00B4}' => Fold::One('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Fold::One('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Fold::One('-'),
        '\u{2026}' => Fold::Str("..."),
        '\u{0142}' => Fold::One('l'),
        '\u{0141}' => Fold::One('L'),
        '\u{00F8}' => Fold::One('o'),
        '\u{00D8}' => Fold::One('O'),
        '\u{0111}' => Fold::One('d'),
        '\u{0110}' => Fold::One('D'),
        '\u{0131}' => Fold::One('i'),
        '\u{00DF}' => Fold::Str("ss"),
        c if c.is_ascii() => Fold::One(c),
        _ => Fold::Decompose,
    }
}

/// Folds a knowledge-base phrase the same way as a body.
pub fn fold(s: &str) -> String {
    Folded::new(s.trim()).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_accents_and_spaces() {
        let f = Folded::new("Russia’s  Élysée — “no”…");
        assert_eq!(f.text, "Russia's Elysee - \"no\"...");
    }

    #[test]
    fn maps_folded_ranges_back_to_the_body() {
        let body = "the Élysée’s view";
        let f = Folded::new(body);
        let at = f.text.find("Elysee").unwrap();
        let (s, e) = f.body_span(at, at + "Elysee".len());
        assert_eq!(&body[s..e], "Élysée");
        let at = f.text.find("'s").unwrap();
        let (s, e) = f.body_span(at, at + 2);
        assert_eq!(&body[s..e], "’s");
    }

    #[test]
    fn an_expanded_character_maps_to_itself_whole() {
        let body = "a…b";
        let f = Folded::new(body);
        let (s, e) = f.body_span(1, 2);
        assert_eq!(&body[s..e], "…");
        assert_eq!(f.folded_offset(body.len()), f.text.len());
    }

    #[test]
    fn whitespace_runs_map_to_the_whole_run() {
        let body = "a \n\n b";
        let f = Folded::new(body);
        assert_eq!(f.text, "a b");
        let (s, e) = f.body_span(1, 2);
        assert_eq!(&body[s..e], " \n\n ");
    }
}

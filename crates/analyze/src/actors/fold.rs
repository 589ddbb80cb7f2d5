//! Folding text for matching: accents, curly quotes, dashes and whitespace made plain, with a
//! map from every byte of the folded copy back to the body.

use parley_core::Span;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text with the body offsets of every folded byte.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text (mostly ASCII for Latin-script input).
    pub text: String,
    /// `start[i]`: body offset of the character that produced folded byte `i` (32 bits: a
    /// body is far below 4 GiB, and the map is written for every byte). Where that character
    /// ends is where the next character's bytes start: every body character gives at least one
    /// folded byte, except white space after the first of a run, which the run's space covers.
    start: Vec<u32>,
    body_len: usize,
}

impl Folded {
    /// Folds `body`: curly quotes to straight ones, dashes to `-`, every run of whitespace to
    /// one space, `…` to `...`, accented letters to their base letters.
    pub fn new(body: &str) -> Self {
        let mut text = String::with_capacity(body.len());
        let mut start: Vec<u32> = Vec::with_capacity(body.len());
        let mut in_space = false;
        let mut pos = 0;
        while let Some(c) = body.get(pos..).and_then(|rest| rest.chars().next()) {
            // Most of a body is plain ASCII that folds to itself, single spaces between words
            // included: copy it a run at a time.
            let (plain, after_space) = plain_run(&body.as_bytes()[pos..], in_space);
            if plain > 0 {
                text.push_str(&body[pos..pos + plain]);
                start.extend(offset(pos)..offset(pos + plain));
                in_space = after_space;
                pos += plain;
                continue;
            }
            let (at, next) = (pos, pos + c.len_utf8());
            pos = next;
            if c.is_whitespace() {
                if in_space {
                    // The space already written covers this character too.
                    continue;
                }
                in_space = true;
                push(&mut text, &mut start, ' ', at);
                continue;
            }
            in_space = false;
            match fold_char(c) {
                Fold::One(f) => push(&mut text, &mut start, f, at),
                Fold::Str(s) => {
                    for f in s.chars() {
                        push(&mut text, &mut start, f, at);
                    }
                }
                Fold::Decompose => {
                    let before = text.len();
                    decompose_canonical(c, |d| {
                        if !is_combining_mark(d) {
                            push(&mut text, &mut start, d, at);
                        }
                    });
                    if text.len() == before {
                        push(&mut text, &mut start, c, at);
                    }
                }
            }
        }
        Folded {
            text,
            start,
            body_len: body.len(),
        }
    }

    /// The body span of the folded range `from..to` (character boundaries of the body).
    pub fn body_span(&self, from: usize, to: usize) -> (usize, usize) {
        let s = self.start.get(from).map_or(self.body_len, |&s| s as usize);
        let e = if to == 0 { s } else { self.char_end(to - 1) };
        (s, e.max(s))
    }

    /// The body offset just past the character that produced folded byte `i`: where the next
    /// character's folded bytes start (a few bytes on at most), or the end of the body.
    fn char_end(&self, i: usize) -> usize {
        let Some(&at) = self.start.get(i) else {
            return self.body_len;
        };
        self.start[i + 1..]
            .iter()
            .find(|&&next| next != at)
            .map_or(self.body_len, |&next| next as usize)
    }

    /// The folded offset of the first folded byte at or after body offset `at`.
    pub fn folded_offset(&self, at: usize) -> usize {
        self.start.partition_point(|&s| (s as usize) < at)
    }

    /// The folded spans of body spans (each end as [`Folded::folded_offset`]). Offsets in
    /// ascending order, as sentences come, are each searched for from the one before, a few
    /// steps away, instead of over the whole map.
    pub fn folded_spans(&self, spans: &[Span]) -> Vec<(usize, usize)> {
        let (mut prev_at, mut prev) = (0, 0);
        let mut offset = |at: usize| {
            let from = if at >= prev_at { prev } else { 0 };
            prev = self.folded_offset_from(at, from);
            prev_at = at;
            prev
        };
        spans
            .iter()
            .map(|s| (offset(s.start), offset(s.end)))
            .collect()
    }

    /// [`Folded::folded_offset`] of `at` when every folded byte before `from` comes from a
    /// body offset below `at`: a galloping search forward from `from`.
    fn folded_offset_from(&self, at: usize, from: usize) -> usize {
        let rest = self.start.get(from..).unwrap_or(&[]);
        let mut hi = 1;
        while hi < rest.len() && (rest[hi - 1] as usize) < at {
            hi *= 2;
        }
        let hi = hi.min(rest.len());
        from + rest[..hi].partition_point(|&s| (s as usize) < at)
    }
}

/// The length of the run at the start of `bytes` that folds to itself: bytes that are their
/// own folded form and single spaces (`after_space`: the byte before the run is a space), with
/// whether the run ends with a space. Eight bytes a step while all eight are plain, then a
/// byte at a time.
fn plain_run(bytes: &[u8], mut after_space: bool) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of every zero byte of `x`, exactly.
    let zero_bytes = |x: u64| !(((x & !HIGH) + !HIGH) | x | !HIGH);
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let w = u64::from_le_bytes(eight);
        // All ASCII, none below a space (each byte plus 0x60 reaches 0x80), no backtick.
        let plain = w & HIGH == 0
            && w.wrapping_add(ONES * 0x60) & HIGH == HIGH
            && zero_bytes(w ^ (ONES * 0x60)) == 0;
        let spaces = zero_bytes(w ^ (ONES * 0x20));
        let single = spaces & (spaces << 8) == 0 && !(after_space && spaces & 0x80 != 0);
        if !(plain && single) {
            break;
        }
        after_space = spaces >> 63 != 0;
        n += 8;
    }
    for &b in &bytes[n..] {
        if !(folds_to_itself(b) || (b == b' ' && !after_space)) {
            break;
        }
        after_space = b == b' ';
        n += 1;
    }
    (n, after_space)
}

/// An ASCII byte that is its own folded form: not white space and not a backtick.
fn folds_to_itself(b: u8) -> bool {
    b.is_ascii() && !char::from(b).is_whitespace() && b != b'`'
}

fn push(text: &mut String, start: &mut Vec<u32>, c: char, s: usize) {
    text.push(c);
    for _ in 0..c.len_utf8() {
        start.push(offset(s));
    }
}

/// A body offset in the map's 32 bits (saturating: bodies are far smaller).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
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

    /// `plain_run` a byte at a time.
    fn plain_run_bytewise(bytes: &[u8], mut after_space: bool) -> (usize, bool) {
        let mut n = 0;
        for &b in bytes {
            if !(folds_to_itself(b) || (b == b' ' && !after_space)) {
                break;
            }
            after_space = b == b' ';
            n += 1;
        }
        (n, after_space)
    }

    #[test]
    fn plain_runs_eight_bytes_a_step_end_where_byte_steps_end() {
        let texts = [
            "plain text with single spaces, digits 123 and ~{|}\u{7f} marks.",
            "abcdefg  double space after seven",
            "abcdefgh  double space after eight",
            " abcdefghijklmnop",
            "abcdefghijklmno`backtick",
            "abcdefghijk\ttab and\nnew line",
            "abcdefghijklm\u{b}vertical tab",
            "abcdefghijklmnopqr Élysée",
            "abcdefg \u{a0}x",
            "ab cd ef gh ij kl mn op",
            "",
            " ",
        ];
        for t in texts {
            for skip in 0..t.len().min(9) {
                let bytes = &t.as_bytes()[skip..];
                for after_space in [false, true] {
                    assert_eq!(
                        plain_run(bytes, after_space),
                        plain_run_bytewise(bytes, after_space),
                        "{t:?} from {skip}, after a space: {after_space}"
                    );
                }
            }
        }
    }

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
    fn every_folded_byte_maps_to_the_whole_character_that_made_it() {
        let body = "Kyïv’s  ß… \t\n“x”";
        let f = Folded::new(body);
        for (i, _) in f.text.char_indices() {
            let (s, e) = f.body_span(i, i + 1);
            let c = body[s..].chars().next().unwrap();
            let expected = if c.is_whitespace() {
                s + body[s..].len() - body[s..].trim_start().len()
            } else {
                s + c.len_utf8()
            };
            assert_eq!(e, expected, "folded byte {i} of {:?}", f.text);
        }
    }

    #[test]
    fn folded_spans_agree_with_folded_offset_in_any_order() {
        let body = "Kyïv’s  ß… \t\n“x” and more — text";
        let f = Folded::new(body);
        let ends: Vec<usize> = (0..=body.len()).collect();
        let mut spans: Vec<Span> = ends.windows(2).map(|w| Span::new(w[0], w[1])).collect();
        spans.push(Span::new(3, 9)); // back to an earlier offset
        spans.push(Span::new(0, body.len() + 5)); // past the end
        let expected: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| (f.folded_offset(s.start), f.folded_offset(s.end)))
            .collect();
        assert_eq!(f.folded_spans(&spans), expected);
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

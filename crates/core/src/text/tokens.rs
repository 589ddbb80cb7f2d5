//! Tokens of a paragraph: words, numbers, punctuation, quote marks, dashes, ellipses.
//!
//! A word keeps its internal apostrophes and hyphens (don’t, NATO-Russia), a listed
//! abbreviation or a dotted letter group keeps its period (U.S., Jan., a.m.), a single
//! capital keeps its period as an initial (John F. Kennedy), and a number keeps its
//! separators and percent sign (1,000, 2.5%, 10:30, 9/11). Letters restored by an author in brackets
//! glued to a word are part of the word: `(Y)ou’ll` and `seek(ing)` are one token each.

use super::abbreviations::abbreviation_class;
use super::chars::{
    char_at, char_before, is_apostrophe_char, is_dash_char, is_hyphen_char, is_space, is_word_char,
    quote_family,
};
use super::quotations::QuoteMarks;
use super::{Token, TokenKind};
use crate::span::Span;

/// The longest bracketed letter group taken as a restoration ("(ing)", "[W]").
const MAX_RESTORED_LETTERS: usize = 12;

/// The most letter groups a dotted abbreviation has (U.S.S.R.); bounds the look-ahead.
const MAX_DOTTED_GROUPS: usize = 6;

/// Appends the tokens of `paragraph` to `out` (with `sentence` left at 0).
pub(crate) fn tokenize(body: &str, paragraph: Span, marks: &QuoteMarks, out: &mut Vec<Token>) {
    let cursor = Cursor {
        body,
        start: paragraph.start,
        end: paragraph.end.min(body.len()),
        marks,
    };
    let mut i = cursor.start;
    while let Some(c) = cursor.at(i) {
        let width = c.len_utf8();
        if is_space(c) {
            i += width;
            continue;
        }
        let (end, kind) = cursor.scan_token(i, c);
        let end = end.clamp(i + width, cursor.end);
        let text = body.get(i..end).unwrap_or("");
        out.push(Token {
            span: Span::new(i, end),
            kind,
            norm: normalize(text, kind),
            sentence: 0,
        });
        i = end;
    }
}

/// The paragraph being tokenized; reads never leave it.
struct Cursor<'a> {
    body: &'a str,
    start: usize,
    end: usize,
    marks: &'a QuoteMarks,
}

impl Cursor<'_> {
    fn at(&self, i: usize) -> Option<char> {
        char_at(self.body, i).filter(|_| i < self.end)
    }

    fn before(&self, i: usize) -> Option<char> {
        char_before(self.body, i).filter(|_| i > self.start)
    }

    fn word_at(&self, i: usize) -> bool {
        self.at(i).is_some_and(is_word_char)
    }

    fn word_before(&self, i: usize) -> bool {
        self.before(i).is_some_and(is_word_char)
    }

    /// Counts how many times `c` repeats from `i`; returns the end of the run.
    fn run_of(&self, i: usize, c: char) -> (usize, usize) {
        let mut end = i;
        let mut count = 0;
        while self.at(end) == Some(c) {
            end += c.len_utf8();
            count += 1;
        }
        (end, count)
    }

    /// The end and kind of the token starting with `c` at `i`.
    fn scan_token(&self, i: usize, c: char) -> (usize, TokenKind) {
        let next = i + c.len_utf8();
        if self.is_quote_mark(i, c) {
            return (next, TokenKind::QuoteMark);
        }
        if self.starts_word(i, c) {
            return self.scan_word(i);
        }
        match c {
            '.' => match self.run_of(i, '.') {
                (end, n) if n >= 3 => (end, TokenKind::Ellipsis),
                _ => (next, TokenKind::Punct),
            },
            '…' => (self.run_of(i, '…').0, TokenKind::Ellipsis),
            c if is_dash_char(c) => (next, TokenKind::Dash),
            '-' => self.scan_hyphens(i),
            c if is_punct(c) => (next, TokenKind::Punct),
            _ => (next, TokenKind::Symbol),
        }
    }

    /// Double marks are always quote marks; a single mark only where the quotation pairing
    /// used it as one (otherwise it is an apostrophe).
    fn is_quote_mark(&self, i: usize, c: char) -> bool {
        quote_family(c).is_some() && (!is_apostrophe_char(c) || self.marks.is_mark(i))
    }

    fn starts_word(&self, i: usize, c: char) -> bool {
        if is_word_char(c) {
            return true;
        }
        if matches!(c, '(' | '[') {
            return self.restoration_end(i).is_some_and(|end| self.word_at(end));
        }
        // An elision at the start of a word: ’90s, 'em.
        is_apostrophe_char(c) && !self.word_before(i) && self.word_at(i + c.len_utf8())
    }

    /// `--` and a hyphen standing between spaces are dashes; any other hyphen is punctuation.
    fn scan_hyphens(&self, i: usize) -> (usize, TokenKind) {
        let (end, count) = self.run_of(i, '-');
        if count >= 2 {
            return (end, TokenKind::Dash);
        }
        let spaced_before = self.before(i).is_none_or(is_space);
        let spaced_after = self.at(end).is_none_or(is_space);
        let kind = if spaced_before && spaced_after {
            TokenKind::Dash
        } else {
            TokenKind::Punct
        };
        (end, kind)
    }

    /// Scans a word or number starting at `i`.
    fn scan_word(&self, i: usize) -> (usize, TokenKind) {
        let dotted = self.dotted_letters_end(i);
        let mut j = dotted.unwrap_or(i);
        while let Some(c) = self.at(j) {
            match self.word_continues(i, j, c, dotted.is_some()) {
                Some(end) => j = end,
                None => break,
            }
        }
        j = self.take_trailing_period(i, j);
        let numeric = self.at(i).is_some_and(|c| c.is_ascii_digit());
        if numeric && self.at(j) == Some('%') {
            j += 1;
        }
        let kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        (j, kind)
    }

    /// Where the word goes on after character `c` at `j`, or `None` if it ends before `c`.
    fn word_continues(&self, start: usize, j: usize, c: char, dotted: bool) -> Option<usize> {
        let after = j + c.len_utf8();
        if is_word_char(c) {
            return Some(after);
        }
        if matches!(c, '(' | '[') {
            let end = self.restoration_end(j)?;
            let glued = self.word_before(j) || self.word_at(end);
            return glued.then_some(end);
        }
        let joins_words = self.word_before(j) && self.word_at(after);
        if j == start && is_apostrophe_char(c) {
            return Some(after); // elision opening the word
        }
        if is_apostrophe_char(c) && joins_words && !self.marks.is_mark(j) {
            return Some(after);
        }
        let after_restoration = matches!(self.before(j), Some(')' | ']')) && self.word_at(after);
        if is_hyphen_char(c)
            && (joins_words || after_restoration || (dotted && self.word_at(after)))
        {
            return Some(after);
        }
        let digit_before = self.before(j).is_some_and(|b| b.is_ascii_digit());
        let digit_after = self.at(after).is_some_and(|a| a.is_ascii_digit());
        if matches!(c, '.' | ',' | ':' | '/') && digit_before && digit_after {
            return Some(after); // 2.5, 1,000, 10:30, 9/11
        }
        let lower_after = self.at(after).is_some_and(|a| a.is_lowercase());
        if c == '.' && self.word_before(j) && (lower_after || digit_after) {
            return Some(after); // justpatriots.com, v1.2
        }
        None
    }

    /// The end of a dotted letter group at `i` (U.S., J.R.R., a.m., Ph.D.), if there is one:
    /// two to six groups of one or two letters, each followed by a period.
    fn dotted_letters_end(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut groups = 0;
        loop {
            let mut letters = 0;
            while let Some(c) = self.at(j).filter(|c| c.is_alphabetic()) {
                j += c.len_utf8();
                letters += 1;
            }
            if letters == 0 || letters > 2 || self.at(j) != Some('.') || groups == MAX_DOTTED_GROUPS
            {
                break;
            }
            j += 1;
            groups += 1;
        }
        let end = i + self.body.get(i..j)?.rfind('.')? + 1;
        (groups >= 2 && !self.word_at(end) && self.at(end) != Some('.')).then_some(end)
    }

    /// Takes the period after a listed abbreviation or an initial into the word.
    fn take_trailing_period(&self, start: usize, end: usize) -> usize {
        if self.at(end) != Some('.') || self.at(end + 1) == Some('.') || self.word_at(end + 1) {
            return end;
        }
        let Some(word) = self.body.get(start..end + 1) else {
            return end;
        };
        let mut chars = word.chars();
        let initial =
            matches!((chars.next(), chars.next()), (Some(c), Some('.')) if c.is_uppercase());
        if initial || abbreviation_class(word).is_some() {
            end + 1
        } else {
            end
        }
    }

    /// The end of a bracketed letter group at `i` ("(ing)", "[W]"), if there is one.
    fn restoration_end(&self, i: usize) -> Option<usize> {
        let close = match self.at(i)? {
            '(' => ')',
            '[' => ']',
            _ => return None,
        };
        let mut j = i + 1;
        let mut letters = 0;
        while let Some(c) = self
            .at(j)
            .filter(|c| c.is_alphabetic() && letters <= MAX_RESTORED_LETTERS)
        {
            j += c.len_utf8();
            letters += 1;
        }
        let fits = (1..=MAX_RESTORED_LETTERS).contains(&letters);
        (fits && self.at(j) == Some(close)).then_some(j + 1)
    }
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '/'
            | '\\'
            | '¿'
            | '¡'
            | '·'
            | '•'
            | '‽'
            | '\''
            | '’'
            | '‘'
            | 'ʼ'
            | '′'
            | '"'
    )
}

/// The normalised form: restoration brackets dropped and apostrophes straightened in
/// words and numbers; ellipses written `…`; everything else as written.
fn normalize(text: &str, kind: TokenKind) -> String {
    match kind {
        TokenKind::Word | TokenKind::Number => normalize_word(text),
        TokenKind::Ellipsis => "…".to_string(),
        _ => text.to_string(),
    }
}

fn normalize_word(text: &str) -> String {
    let plain = |c: char| !matches!(c, '(' | ')' | '[' | ']') && !is_apostrophe_char(c);
    if text.chars().all(plain) {
        return text.to_string();
    }
    text.chars()
        .filter(|c| !matches!(c, '(' | ')' | '[' | ']'))
        .map(|c| if is_apostrophe_char(c) { '\'' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::paragraph_spans;
    use super::super::quotations::find_quotations;
    use super::*;

    fn tokens(body: &str) -> Vec<Token> {
        let paragraphs = paragraph_spans(body);
        let (_, marks) = find_quotations(body, &paragraphs);
        let mut out = Vec::new();
        for p in paragraphs {
            tokenize(body, p, &marks, &mut out);
        }
        out
    }

    fn texts(body: &str) -> Vec<&str> {
        tokens(body)
            .iter()
            .map(|t| &body[t.span.start..t.span.end])
            .collect()
    }

    fn kinds(body: &str) -> Vec<TokenKind> {
        tokens(body).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn words_keep_internal_apostrophes_and_hyphens() {
        assert_eq!(
            texts("don’t Russia’s de-escalation NATO-Russia can't"),
            ["don’t", "Russia’s", "de-escalation", "NATO-Russia", "can't"]
        );
        assert_eq!(tokens("don’t")[0].norm, "don't");
    }

    #[test]
    fn plural_possessive_and_decade_apostrophes_stay_with_their_word() {
        assert_eq!(texts("the ’90s"), ["the", "’90s"]);
        assert_eq!(
            texts("the Russians’ demands"),
            ["the", "Russians", "’", "demands"]
        );
        assert_eq!(kinds("the Russians’ demands")[2], TokenKind::Punct);
    }

    #[test]
    fn numbers_keep_separators_and_percent() {
        assert_eq!(
            texts("2.5% of 1,000 in 2021 at $3.2 billion, 10.30 a.m."),
            [
                "2.5%", "of", "1,000", "in", "2021", "at", "$", "3.2", "billion", ",", "10.30",
                "a.m."
            ]
        );
        let k = kinds("2.5% $3.2");
        assert_eq!(k, [TokenKind::Number, TokenKind::Symbol, TokenKind::Number]);
    }

    #[test]
    fn times_and_dates_written_with_digits_are_one_number() {
        assert_eq!(
            texts("at 10:30 on 9/11, ratio 2:1."),
            ["at", "10:30", "on", "9/11", ",", "ratio", "2:1", "."]
        );
        assert_eq!(
            texts("Russia/US and 2021: talks"),
            ["Russia", "/", "US", "and", "2021", ":", "talks"]
        );
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            texts("U.S. and U.K. Dr. Smith met John F. Kennedy in Jan. with J.R.R. Tolkien."),
            [
                "U.S.", "and", "U.K.", "Dr.", "Smith", "met", "John", "F.", "Kennedy", "in",
                "Jan.", "with", "J.R.R.", "Tolkien", "."
            ]
        );
    }

    #[test]
    fn sentence_final_word_does_not_take_the_period() {
        assert_eq!(texts("talks ended."), ["talks", "ended", "."]);
        assert_eq!(texts("etc..."), ["etc", "..."]);
    }

    #[test]
    fn dotted_abbreviation_joins_a_hyphenated_compound() {
        assert_eq!(texts("U.S.-Russia talks"), ["U.S.-Russia", "talks"]);
    }

    #[test]
    fn quote_marks_dashes_and_ellipses_have_their_kinds() {
        let body = "“Yes” — he said – maybe… or... not -- no";
        assert_eq!(
            kinds(body),
            [
                TokenKind::QuoteMark,
                TokenKind::Word,
                TokenKind::QuoteMark,
                TokenKind::Dash,
                TokenKind::Word,
                TokenKind::Word,
                TokenKind::Dash,
                TokenKind::Word,
                TokenKind::Ellipsis,
                TokenKind::Word,
                TokenKind::Ellipsis,
                TokenKind::Word,
                TokenKind::Dash,
                TokenKind::Word,
            ]
        );
        assert_eq!(tokens("so...")[1].norm, "…");
    }

    #[test]
    fn restorations_glued_to_a_word_are_one_token() {
        let body = "“(Y)ou’ll seek(ing) distort(ion) bring(ing) [W]e”";
        assert_eq!(
            texts(body),
            [
                "“",
                "(Y)ou’ll",
                "seek(ing)",
                "distort(ion)",
                "bring(ing)",
                "[W]e",
                "”"
            ]
        );
        let norms: Vec<String> = tokens(body).into_iter().map(|t| t.norm).collect();
        assert_eq!(
            norms[1..6],
            ["You'll", "seeking", "distortion", "bringing", "We"]
        );
        assert!(tokens(body)[1..6].iter().all(|t| t.kind == TokenKind::Word));
    }

    #[test]
    fn standalone_parenthesised_groups_are_tokens_as_usual() {
        assert_eq!(texts("order (sic)."), ["order", "(", "sic", ")", "."]);
        assert_eq!(
            texts("(with Russia) (of)"),
            ["(", "with", "Russia", ")", "(", "of", ")"]
        );
    }

    #[test]
    fn domains_and_symbols() {
        assert_eq!(
            texts("(JustPatriots.com)- On"),
            ["(", "JustPatriots.com", ")", "-", "On"]
        );
        assert_eq!(kinds("& @ 🙂"), [TokenKind::Symbol; 3]);
    }

    #[test]
    fn multibyte_text_tokenizes_on_char_boundaries() {
        let body = "Zürich’s Ελλάδα «Путин» 東京 café";
        for t in tokens(body) {
            assert!(body.is_char_boundary(t.span.start) && body.is_char_boundary(t.span.end));
        }
        assert_eq!(
            texts(body),
            ["Zürich’s", "Ελλάδα", "«", "Путин", "»", "東京", "café"]
        );
    }
}

//! Sentence boundaries within a paragraph, decided over its tokens.
//!
//! A sentence may end after `.`, `?`, `!`, an ellipsis, or an abbreviation's period. The
//! closing quote marks and brackets that follow belong to the sentence before. Whether it
//! does end depends on the kind of ending and on the token after it:
//! - `.` `?` `!`: yes, unless a lowercase word or `,;:` follows (`“Why?” he asked.`);
//! - an ellipsis: only when a space and a capitalised word follow (`hold…over` stays);
//! - a title (Dr., Gen.): never;
//! - another abbreviation or an initial (U.S., Inc., F.): only when a typical sentence
//!   opener follows ("in the U.S. The talks" splits, "U.S. officials" does not).
//!
//! A paragraph's end always ends its last sentence, so a headline is a sentence.

use super::abbreviations::{abbreviation_class, is_sentence_opener, AbbreviationClass};
use super::quotations::QuoteMarks;
use super::{Token, TokenKind};
use std::ops::Range;

/// How a token may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// `.`, `?`, `!`
    Stop,
    Ellipsis,
    /// A word ending in a period: an abbreviation or an initial.
    Abbreviation(AbbreviationClass),
}

/// Splits the tokens of one paragraph into sentences; ranges index `tokens`.
pub(crate) fn split_sentences(tokens: &[Token], marks: &QuoteMarks) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < tokens.len() {
        match sentence_break_after(tokens, k, marks) {
            Decision::Break(next) => {
                sentences.push(start..next);
                start = next;
                k = next;
            }
            Decision::GoOn(next) => k = next.max(k + 1),
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// The splitter's verdict on one token.
enum Decision {
    /// A sentence ends; the next one starts at this token.
    Break(usize),
    /// No sentence ends; look again from this token.
    GoOn(usize),
}

/// Whether a sentence ends with token `k`.
fn sentence_break_after(tokens: &[Token], k: usize, marks: &QuoteMarks) -> Decision {
    let Some(ending) = ending_of(&tokens[k]) else {
        return Decision::GoOn(k + 1);
    };
    let next = end_of_closers(tokens, k + 1, marks);
    let Some(following) = tokens.get(next) else {
        return Decision::GoOn(next); // the paragraph end ends the sentence
    };
    let spaced = following.span.start > tokens[next - 1].span.end;
    let ends = match ending {
        Ending::Stop => !starts_lowercase(following) && !is_continuing_punct(following),
        Ending::Ellipsis => spaced && starts_capital_or_quote(following),
        Ending::Abbreviation(AbbreviationClass::Title) => false,
        Ending::Abbreviation(AbbreviationClass::Other) => {
            spaced && opener_follows(&tokens[next..], marks)
        }
    };
    match (ends, ending) {
        (true, _) => Decision::Break(next),
        // Stops among the closers would see the same following token: skip them.
        (false, Ending::Stop) => Decision::GoOn(next),
        (false, _) => Decision::GoOn(k + 1),
    }
}

/// Skips the closing quote marks, closing brackets, further stops and `(sic)` that follow
/// a sentence's final punctuation; they belong to that sentence.
fn end_of_closers(tokens: &[Token], mut i: usize, marks: &QuoteMarks) -> usize {
    while i < tokens.len() {
        if is_closer(tokens, i, marks) {
            i += 1;
        } else if let Some(len) = sic_group_len(&tokens[i..]) {
            i += len;
        } else {
            break;
        }
    }
    i
}

/// The number of tokens of a `(sic)` / `[sic]` group at the start of `tokens`.
fn sic_group_len(tokens: &[Token]) -> Option<usize> {
    match tokens {
        [open, sic, close, ..]
            if matches!(open.norm.as_str(), "(" | "[")
                && sic.norm.eq_ignore_ascii_case("sic")
                && matches!(close.norm.as_str(), ")" | "]") =>
        {
            Some(3)
        }
        _ => None,
    }
}

fn ending_of(token: &Token) -> Option<Ending> {
    match token.kind {
        TokenKind::Punct if matches!(token.norm.as_str(), "." | "?" | "!" | "‽") => {
            Some(Ending::Stop)
        }
        TokenKind::Ellipsis => Some(Ending::Ellipsis),
        TokenKind::Word if token.norm.ends_with('.') => Some(Ending::Abbreviation(
            abbreviation_class(&token.norm).unwrap_or(AbbreviationClass::Other),
        )),
        _ => None,
    }
}

/// Closing quote marks, closing brackets and further stops stay with the sentence before.
fn is_closer(tokens: &[Token], i: usize, marks: &QuoteMarks) -> bool {
    let token = &tokens[i];
    match token.kind {
        TokenKind::QuoteMark => {
            let glued = i > 0 && tokens[i - 1].span.end == token.span.start;
            marks.is_closing(token.span.start) || (glued && !marks.is_opening(token.span.start))
        }
        TokenKind::Punct => matches!(token.norm.as_str(), ")" | "]" | "}" | "." | "?" | "!"),
        _ => false,
    }
}

fn first_char(token: &Token) -> Option<char> {
    token.norm.chars().next()
}

fn starts_lowercase(token: &Token) -> bool {
    first_char(token).is_some_and(char::is_lowercase)
}

fn is_continuing_punct(token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(token.norm.as_str(), "," | ";" | ":")
}

fn starts_capital_or_quote(token: &Token) -> bool {
    token.kind == TokenKind::QuoteMark || first_char(token).is_some_and(char::is_uppercase)
}

/// True when the next word, after any opening quote marks or brackets, opens sentences.
fn opener_follows(tokens: &[Token], marks: &QuoteMarks) -> bool {
    tokens
        .iter()
        .find(|t| {
            let opening_mark = t.kind == TokenKind::QuoteMark && marks.is_opening(t.span.start);
            let bracket = t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "(" | "[");
            !(opening_mark || bracket)
        })
        .is_some_and(|t| t.kind == TokenKind::Word && is_sentence_opener(&t.norm))
}

#[cfg(test)]
mod tests {
    use crate::text::TextLayer;

    fn sentences(body: &str) -> Vec<&str> {
        let layer = TextLayer::new(body);
        layer
            .sentences
            .iter()
            .map(|s| &body[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn plain_stops_split() {
        assert_eq!(
            sentences("Talks ended. Nobody won! Why? Because."),
            ["Talks ended.", "Nobody won!", "Why?", "Because."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("Dr. Smith met Gen. Milley and Sen. Rubio. Mr. Lavrov left."),
            [
                "Dr. Smith met Gen. Milley and Sen. Rubio.",
                "Mr. Lavrov left."
            ]
        );
    }

    #[test]
    fn month_and_other_abbreviations_do_not_split_before_names_or_numbers() {
        assert_eq!(
            sentences(
                "On Jan. 10 the U.S. officials met St. Petersburg Corp. staff. No. 10 said no."
            ),
            [
                "On Jan. 10 the U.S. officials met St. Petersburg Corp. staff.",
                "No. 10 said no."
            ]
        );
    }

    #[test]
    fn abbreviation_ending_a_sentence_splits_before_an_opener() {
        assert_eq!(
            sentences("He arrived in the U.S. The talks began at 10.30 a.m. They ended."),
            [
                "He arrived in the U.S.",
                "The talks began at 10.30 a.m.",
                "They ended."
            ]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sentences("John F. Kennedy and J.R.R. Tolkien met. Then they left."),
            ["John F. Kennedy and J.R.R. Tolkien met.", "Then they left."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            sentences("It rose 2.5% to $3.2 billion, or 1,000 units. Good."),
            ["It rose 2.5% to $3.2 billion, or 1,000 units.", "Good."]
        );
    }

    #[test]
    fn question_or_exclamation_inside_a_quote_before_lowercase_does_not_split() {
        assert_eq!(
            sentences("“Why?” he asked. “Go!” she said."),
            ["“Why?” he asked.", "“Go!” she said."]
        );
        assert_eq!(
            sentences("A report asked: 'Will Putin Invade' Ukraine (sic)? Nobody knows."),
            [
                "A report asked: 'Will Putin Invade' Ukraine (sic)?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_belong_to_the_sentence_before() {
        assert_eq!(
            sentences("Moscow will “react toughly to unfriendly steps.” On Tuesday he spoke."),
            [
                "Moscow will “react toughly to unfriendly steps.”",
                "On Tuesday he spoke."
            ]
        );
        assert_eq!(
            sentences("(It was late.) Then \"we left.\" Fine."),
            ["(It was late.)", "Then \"we left.\"", "Fine."]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_or_glued_does_not_split() {
        assert_eq!(
            sentences(
                "a “tight hold…over the lives” and Ukraine…again... and more. End… Next one."
            ),
            [
                "a “tight hold…over the lives” and Ukraine…again... and more.",
                "End…",
                "Next one."
            ]
        );
    }

    #[test]
    fn dashes_never_split() {
        assert_eq!(
            sentences("No such plans exist — not now – or earlier -- ever."),
            ["No such plans exist — not now – or earlier -- ever."]
        );
    }

    #[test]
    fn headline_without_final_punctuation_is_its_own_sentence() {
        assert_eq!(
            sentences("Upcoming Russia/US Security Talks\n\nTalking is better."),
            ["Upcoming Russia/US Security Talks", "Talking is better."]
        );
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        assert_eq!(
            sentences("He said, adding:\n\n“We will go.”"),
            ["He said, adding:", "“We will go.”"]
        );
        let layer = super::super::TextLayer::new("one\ntwo");
        assert_eq!(layer.sentences.len(), 2);
    }

    #[test]
    fn quotation_with_several_sentences_and_sentence_with_several_quotations() {
        let body = "“We have every right. We will act.” He called for a “clear” and “fair” reply.";
        assert_eq!(
            sentences(body),
            [
                "“We have every right.",
                "We will act.”",
                "He called for a “clear” and “fair” reply."
            ]
        );
        let layer = TextLayer::new(body);
        assert_eq!(layer.quotations.len(), 3);
    }

    #[test]
    fn sic_after_the_final_stop_belongs_to_the_sentence_before() {
        assert_eq!(
            sentences("“It is on the table.” (sic) Then he left. Fine [SIC]. Next."),
            [
                "“It is on the table.” (sic)",
                "Then he left.",
                "Fine [SIC].",
                "Next."
            ]
        );
    }

    #[test]
    fn long_runs_of_stops_and_closers_split_once() {
        let body = format!("Wait{} Then.", "?!)”".repeat(5_000));
        assert_eq!(sentences(&body).len(), 2);
    }

    #[test]
    fn stop_before_comma_or_lowercase_does_not_split() {
        assert_eq!(
            sentences("approx. ten of them, etc., said so."),
            ["approx. ten of them, etc., said so."]
        );
    }
}

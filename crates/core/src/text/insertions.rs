//! Author insertions: `(sic)`, letters restored in brackets, and phrases bracketed inside
//! quotations.
//!
//! `(sic)` / `[sic]` is an insertion wherever it stands. A bracketed letter group glued to a
//! word (`(Y)ou’ll`, `seek(ing)`) and any other bracketed phrase (`(with Russia)`) are
//! insertions only inside a quotation: outside one, brackets are the author's own asides.

use super::{
    innermost_quotation, Insertion, InsertionKind, Paragraph, Quotation, Token, TokenKind,
};
use crate::span::Span;

/// Finds the insertions, sorted by start.
pub(crate) fn find_insertions(
    body: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    sentences: &[super::Sentence],
    quotations: &[Quotation],
) -> Vec<Insertion> {
    let mut found = Vec::new();
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        restorations_in(body, token.span, quotations, &mut found);
    }
    for paragraph in paragraphs {
        let first = sentences
            .get(paragraph.sentences.start)
            .map(|s| s.tokens.start);
        let last = paragraph
            .sentences
            .end
            .checked_sub(1)
            .and_then(|i| sentences.get(i))
            .map(|s| s.tokens.end);
        if let (Some(first), Some(last)) = (first, last) {
            bracket_groups(
                tokens.get(first..last).unwrap_or(&[]),
                quotations,
                &mut found,
            );
        }
    }
    found.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
    found
}

/// The bracketed letter groups inside one word token.
fn restorations_in(body: &str, word: Span, quotations: &[Quotation], out: &mut Vec<Insertion>) {
    let Some(text) = body.get(word.start..word.end) else {
        return;
    };
    if !text.contains(['(', '[']) {
        return;
    }
    let mut open: Option<usize> = None;
    for (offset, c) in text.char_indices() {
        match c {
            '(' | '[' => open = Some(word.start + offset),
            ')' | ']' => {
                if let Some(start) = open.take() {
                    let span = Span::new(start, word.start + offset + 1);
                    push_in_quotation(span, InsertionKind::Restoration, quotations, out);
                }
            }
            _ => {}
        }
    }
}

/// Pairs brackets among a paragraph's tokens and classifies each pair.
fn bracket_groups(tokens: &[Token], quotations: &[Quotation], out: &mut Vec<Insertion>) {
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Punct {
            continue;
        }
        match token.norm.as_str() {
            "(" | "[" => open.push((i, token.norm.as_str())),
            close @ (")" | "]") => {
                let matches = |o: &str| (o == "(" && close == ")") || (o == "[" && close == "]");
                if let Some(&(start, o)) = open.last() {
                    if matches(o) {
                        open.pop();
                        classify_group(&tokens[start..=i], quotations, out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// `group` runs from the opening bracket to the closing one.
fn classify_group(group: &[Token], quotations: &[Quotation], out: &mut Vec<Insertion>) {
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return;
    };
    let inner = &group[1..group.len() - 1];
    if inner.is_empty() {
        return;
    }
    let span = Span::new(first.span.start, last.span.end);
    if is_sic(inner) {
        out.push(Insertion {
            span,
            kind: InsertionKind::Sic,
            quotation: innermost_quotation(quotations, span.start),
        });
    } else {
        push_in_quotation(span, InsertionKind::Phrase, quotations, out);
    }
}

/// `sic`, in any case, optionally followed by `!`.
fn is_sic(inner: &[Token]) -> bool {
    match inner {
        [word] | [word, _] if word.norm.eq_ignore_ascii_case("sic") => {
            inner.get(1).is_none_or(|t| t.norm == "!")
        }
        _ => false,
    }
}

/// Records an insertion when a quotation holds all of it.
fn push_in_quotation(
    span: Span,
    kind: InsertionKind,
    quotations: &[Quotation],
    out: &mut Vec<Insertion>,
) {
    let Some(quotation) = innermost_quotation(quotations, span.start) else {
        return;
    };
    if quotations[quotation].content.contains(span) {
        out.push(Insertion {
            span,
            kind,
            quotation: Some(quotation),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{InsertionKind, TextLayer};

    fn insertions(body: &str) -> Vec<(&str, InsertionKind, Option<usize>)> {
        let layer = TextLayer::new(body);
        layer
            .insertions
            .iter()
            .map(|i| (&body[i.span.start..i.span.end], i.kind, i.quotation))
            .collect()
    }

    #[test]
    fn sic_in_any_case_and_bracket_is_an_insertion_anywhere() {
        assert_eq!(
            insertions("“order (sic).” Ukraine (SIC)? And [sic] and (sic!)"),
            [
                ("(sic)", InsertionKind::Sic, Some(0)),
                ("(SIC)", InsertionKind::Sic, None),
                ("[sic]", InsertionKind::Sic, None),
                ("(sic!)", InsertionKind::Sic, None),
            ]
        );
    }

    #[test]
    fn letters_restored_in_brackets_are_restorations() {
        assert_eq!(
            insertions("“(Y)ou’ll seek(ing) the [w]ay,” he said."),
            [
                ("(Y)", InsertionKind::Restoration, Some(0)),
                ("(ing)", InsertionKind::Restoration, Some(0)),
                ("[w]", InsertionKind::Restoration, Some(0)),
            ]
        );
    }

    #[test]
    fn bracketed_phrases_inside_quotations_are_phrases() {
        assert_eq!(
            insertions("“engage (with Russia) and (anti-Russia) hotheads in (diplomacy)”"),
            [
                ("(with Russia)", InsertionKind::Phrase, Some(0)),
                ("(anti-Russia)", InsertionKind::Phrase, Some(0)),
                ("(diplomacy)", InsertionKind::Phrase, Some(0)),
            ]
        );
    }

    #[test]
    fn brackets_outside_quotations_are_not_insertions() {
        assert!(insertions("(JustPatriots.com)- He (the minister) spoke of word(s).").is_empty());
    }

    #[test]
    fn insertion_names_the_innermost_quotation() {
        let body = "“He called it ‘a (very) red line’ today.”";
        assert_eq!(
            insertions(body),
            [("(very)", InsertionKind::Phrase, Some(1))]
        );
    }

    #[test]
    fn unbalanced_brackets_are_ignored() {
        assert!(insertions("“a (b c”").is_empty());
        assert!(insertions("“a ) b (”").is_empty());
    }
}

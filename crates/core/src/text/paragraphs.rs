//! Paragraph spans: blank-line separated blocks, or one paragraph per line.
//!
//! Bodies come in two layouts. Most have blank lines between paragraphs and may wrap long
//! paragraphs onto several lines; others put each paragraph on one line with no blank lines.
//! When the body has a blank line between two non-blank lines the first layout is assumed
//! (single newlines are soft wraps), otherwise every non-empty line is a paragraph.

use super::chars::is_space;
use crate::span::Span;

/// One line of the body with its trimmed extent (`None` when the line is blank).
struct Line {
    content: Option<Span>,
}

/// The paragraphs of `body`, trimmed of surrounding whitespace, in order.
pub(crate) fn paragraph_spans(body: &str) -> Vec<Span> {
    let lines = split_lines(body);
    if has_blank_separator(&lines) {
        join_blocks(&lines)
    } else {
        lines.iter().filter_map(|l| l.content).collect()
    }
}

/// Splits on `\n` (so `\r\n` too; a lone `\r` is treated as whitespace inside a line).
fn split_lines(body: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in body.bytes().enumerate() {
        if b == b'\n' {
            lines.push(line_at(body, start, i));
            start = i + 1;
        }
    }
    if start < body.len() {
        lines.push(line_at(body, start, body.len()));
    }
    lines
}

fn line_at(body: &str, start: usize, end: usize) -> Line {
    Line {
        content: trim_span(body, Span::new(start, end)),
    }
}

/// The span without leading and trailing whitespace, or `None` if nothing is left.
pub(crate) fn trim_span(body: &str, span: Span) -> Option<Span> {
    let text = body.get(span.start..span.end)?;
    let trimmed_start = text.trim_start_matches(is_space);
    if trimmed_start.is_empty() {
        return None;
    }
    let start = span.start + (text.len() - trimmed_start.len());
    let end = start + trimmed_start.trim_end_matches(is_space).len();
    Some(Span::new(start, end))
}

/// True when a blank line sits between two non-blank lines.
fn has_blank_separator(lines: &[Line]) -> bool {
    let first = lines.iter().position(|l| l.content.is_some());
    let last = lines.iter().rposition(|l| l.content.is_some());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..last].iter().any(|l| l.content.is_none()),
        _ => false,
    }
}

/// Groups consecutive non-blank lines into one paragraph each.
fn join_blocks(lines: &[Line]) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        match (line.content, current.as_mut()) {
            (Some(content), Some(block)) => block.end = content.end,
            (Some(content), None) => current = Some(content),
            (None, _) => paragraphs.extend(current.take()),
        }
    }
    paragraphs.extend(current);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        paragraph_spans(body)
            .iter()
            .map(|s| &body[s.start..s.end])
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_single_newlines_are_soft_wraps() {
        let body = "First line\nwrapped here.\n\nSecond paragraph.\n";
        assert_eq!(
            texts(body),
            ["First line\nwrapped here.", "Second paragraph."]
        );
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let body = "Headline\nFirst paragraph.\nSecond paragraph.";
        assert_eq!(
            texts(body),
            ["Headline", "First paragraph.", "Second paragraph."]
        );
    }

    #[test]
    fn crlf_line_ends_are_handled() {
        let body = "One.\r\n\r\nTwo\r\nwrapped.\r\n";
        assert_eq!(texts(body), ["One.", "Two\r\nwrapped."]);
        assert_eq!(texts("A.\r\nB.\r\n"), ["A.", "B."]);
    }

    #[test]
    fn whitespace_only_lines_count_as_blank_and_paragraphs_are_trimmed() {
        let body = "  One.  \n \u{a0}\t\n\tTwo.   ";
        assert_eq!(texts(body), ["One.", "Two."]);
    }

    #[test]
    fn leading_and_trailing_blank_lines_do_not_switch_layout() {
        assert_eq!(texts("\n\nA.\nB.\n\n"), ["A.", "B."]);
    }

    #[test]
    fn empty_and_blank_bodies_have_no_paragraphs() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\r\n\t ").is_empty());
    }
}

//! Stand-in sentence and quotation finders, used by [`super::FramingStage`] as a pipeline stage
//! until the shared text layer (`parley_core::text`) supplies sentences and quotations.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes or brackets after them) followed by
//! white space, and at every line break. Quotations run from an opening mark to its closing
//! mark; a curly quotation left open at the end of a paragraph closes there (the news convention
//! of a quote continued in the next paragraph that opens with a new mark).

use parley_core::Span;

fn push_trimmed(body: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let text = &body[start..end];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// Titles and abbreviations that a full stop follows without ending the sentence.
const TITLES: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "lt", "col", "gov", "prof", "jr", "sr",
    "no", "vs",
];

/// True when `before` ends with a title such as "Mr" (so the full stop after it is no end).
fn after_title(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    TITLES.contains(&word.to_lowercase().as_str())
}

/// Sentence spans of `body`, trimmed of white space.
pub fn sentences(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            push_trimmed(body, start, at, &mut out);
            start = at + 1;
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | '.') {
                j += 1;
            }
            let ends = j >= chars.len() || chars[j].1.is_whitespace();
            let next_word = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .map(|x| x.1);
            let opens = next_word.is_none_or(|n| !n.is_lowercase());
            if ends && opens && !(c == '.' && after_title(&body[start..at])) {
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    body.len()
                };
                push_trimmed(body, start, end, &mut out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(body, start, body.len(), &mut out);
    out
}

/// Quotation spans of `body`, each including its marks.
pub fn quotations(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    for (at, c) in body.char_indices() {
        match c {
            '“' => open_curly = Some(at),
            '”' => {
                if let Some(s) = open_curly.take() {
                    out.push(Span::new(s, at + c.len_utf8()));
                }
            }
            '"' => match open_straight.take() {
                Some(s) => out.push(Span::new(s, at + 1)),
                None => open_straight = Some(at),
            },
            '\n' => {
                if let Some(s) = open_curly.take() {
                    push_trimmed(body, s, at, &mut out);
                }
                open_straight = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open_curly {
        push_trimmed(body, s, body.len(), &mut out);
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str, spans: Vec<Span>) -> Vec<&str> {
        spans.iter().map(|s| &body[s.start..s.end]).collect()
    }

    #[test]
    fn sentences_split_on_end_marks_and_line_breaks() {
        let body = "He lied. “No plans exist.” Then\nMr. Price spoke? yes.";
        assert_eq!(
            texts(body, sentences(body)),
            vec![
                "He lied.",
                "“No plans exist.”",
                "Then",
                "Mr. Price spoke? yes."
            ]
        );
    }

    #[test]
    fn curly_quotations_pair_and_close_at_paragraph_end() {
        let body = "He said “we warned them.\n“Ukraine is full” of them.";
        assert_eq!(
            texts(body, quotations(body)),
            vec!["“we warned them.", "“Ukraine is full”"]
        );
    }

    #[test]
    fn straight_quotations_pair_within_a_paragraph() {
        let body = "a \"so-called\" deal and \"another";
        assert_eq!(texts(body, quotations(body)), vec!["\"so-called\""]);
    }
}

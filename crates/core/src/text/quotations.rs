//! Quotation regions: pairing quotation marks, telling apostrophes from single quotes, and
//! following the news convention for quotes that run over several paragraphs.
//!
//! Marks are paired paragraph by paragraph with a small stack. Whether a mark opens or closes
//! is decided by the character itself where it says so (“ ” « » „) and otherwise by what
//! flanks it: a mark with space before and text after can open, one with text before and
//! space or punctuation after can close. A quotation still open at the end of a paragraph
//! continues when the next paragraph starts with a reopening mark; otherwise it ends there,
//! unclosed. So a stray mark can never mis-pair anything beyond its own paragraph.

use super::chars::{char_at, char_before, is_space, is_word_char, quote_family, QuoteFamily};
use super::Quotation;
use crate::span::Span;

/// How many quotations may be open at once in a paragraph; further opening marks are taken
/// as stray. Real prose nests two or three deep; the cap keeps odd input linear.
const MAX_OPEN: usize = 8;

/// The byte positions of the characters that act as quotation marks, sorted.
#[derive(Debug, Default)]
pub(crate) struct QuoteMarks {
    /// Opening marks, including the reopening mark of each continued paragraph.
    pub(crate) opening: Vec<usize>,
    pub(crate) closing: Vec<usize>,
}

impl QuoteMarks {
    pub(crate) fn is_mark(&self, byte: usize) -> bool {
        self.is_opening(byte) || self.is_closing(byte)
    }

    pub(crate) fn is_opening(&self, byte: usize) -> bool {
        self.opening.binary_search(&byte).is_ok()
    }

    pub(crate) fn is_closing(&self, byte: usize) -> bool {
        self.closing.binary_search(&byte).is_ok()
    }
}

/// A quotation whose closing mark has not been seen yet.
struct OpenQuote {
    open: char,
    /// Byte of the opening mark.
    start: usize,
    /// Where the content of the current paragraph's part starts.
    part_start: usize,
    /// Content of earlier paragraphs.
    parts: Vec<Span>,
    first_paragraph: usize,
    reopen_marks: Vec<usize>,
}

/// What a quotation-mark character does where it stands.
#[derive(Debug, PartialEq, Eq)]
enum Role {
    Open,
    /// Closes the open quotation at this stack index.
    Close(usize),
    /// An apostrophe or a stray mark.
    Neither,
}

/// Finds the quotations of `body` given its paragraphs; sorted by start, outer first.
pub(crate) fn find_quotations(body: &str, paragraphs: &[Span]) -> (Vec<Quotation>, QuoteMarks) {
    let mut pairer = Pairer {
        body,
        found: Vec::new(),
        marks: QuoteMarks::default(),
    };
    let mut carried: Option<OpenQuote> = None;
    for (index, &paragraph) in paragraphs.iter().enumerate() {
        carried = pairer.scan_paragraph(index, paragraph, carried);
    }
    if let Some(quote) = carried {
        let last = paragraphs.len().saturating_sub(1);
        pairer.finish(quote, None, last);
    }
    let Pairer {
        mut found,
        mut marks,
        ..
    } = pairer;
    found.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    assign_nesting(&mut found);
    marks.opening.sort_unstable();
    marks.closing.sort_unstable();
    (found, marks)
}

struct Pairer<'a> {
    body: &'a str,
    found: Vec<Quotation>,
    marks: QuoteMarks,
}

impl Pairer<'_> {
    /// Pairs the marks of one paragraph; returns the outer quotation if it is still open.
    fn scan_paragraph(
        &mut self,
        index: usize,
        paragraph: Span,
        carried: Option<OpenQuote>,
    ) -> Option<OpenQuote> {
        let body = self.body;
        let mut stack: Vec<OpenQuote> = Vec::new();
        let mut scan_from = paragraph.start;
        if let Some(mut quote) = carried {
            match char_at(body, paragraph.start) {
                Some(c) if reopens(quote.open, c) => {
                    quote.reopen_marks.push(paragraph.start);
                    quote.part_start = paragraph.start + c.len_utf8();
                    scan_from = quote.part_start;
                    stack.push(quote);
                }
                _ => self.finish(quote, None, index.saturating_sub(1)),
            }
        }
        let text = body.get(scan_from..paragraph.end).unwrap_or("");
        for (offset, c) in text.char_indices() {
            if quote_family(c).is_none() {
                continue;
            }
            let at = scan_from + offset;
            let before = char_before(body, at).filter(|_| at > paragraph.start);
            let after_at = at + c.len_utf8();
            let after = char_at(body, after_at).filter(|_| after_at < paragraph.end);
            match role(c, before, after, &stack) {
                Role::Open if stack.len() >= MAX_OPEN => {} // a pile of stray marks
                Role::Open => stack.push(OpenQuote {
                    open: c,
                    start: at,
                    part_start: after_at,
                    parts: Vec::new(),
                    first_paragraph: index,
                    reopen_marks: Vec::new(),
                }),
                Role::Close(level) => {
                    self.end_inner(&mut stack, level + 1, at, index);
                    if let Some(quote) = stack.pop() {
                        self.finish(quote, Some((at, c)), index);
                    }
                }
                Role::Neither => {}
            }
        }
        self.end_inner(&mut stack, 1, paragraph.end, index);
        let mut outer = stack.pop()?;
        outer.parts.push(Span::new(outer.part_start, paragraph.end));
        outer.part_start = paragraph.end;
        Some(outer)
    }

    /// Ends every quotation above stack level `level` unclosed at byte `end`.
    fn end_inner(
        &mut self,
        stack: &mut Vec<OpenQuote>,
        level: usize,
        end: usize,
        paragraph: usize,
    ) {
        while stack.len() > level {
            if let Some(mut quote) = stack.pop() {
                quote
                    .parts
                    .push(Span::new(quote.part_start, end.max(quote.part_start)));
                self.finish(quote, None, paragraph);
            }
        }
    }

    /// Records a quotation whose parts are complete; `close` is its closing mark if any.
    fn finish(
        &mut self,
        mut quote: OpenQuote,
        close: Option<(usize, char)>,
        last_paragraph: usize,
    ) {
        if let Some((at, _)) = close {
            quote.parts.push(Span::new(quote.part_start, at));
        } else if !keeps_unclosed(quote.open) {
            return;
        }
        let first = quote.parts.first().copied();
        let last = quote.parts.last().copied();
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let end = close.map_or(last.end, |(at, c)| at + c.len_utf8());
        self.marks.opening.push(quote.start);
        self.marks.opening.extend(&quote.reopen_marks);
        self.marks.closing.extend(close.map(|(at, _)| at));
        self.found.push(Quotation {
            span: Span::new(quote.start, end),
            content: Span::new(first.start, last.end),
            parts: quote.parts,
            open: quote.open,
            close: close.map(|(_, c)| c),
            closed: close.is_some(),
            paragraphs: quote.first_paragraph..last_paragraph.max(quote.first_paragraph) + 1,
            depth: 0,
            parent: None,
        });
    }
}

/// Decides what the mark `c` does, given its neighbours within the paragraph.
fn role(c: char, before: Option<char>, after: Option<char>, stack: &[OpenQuote]) -> Role {
    let word_before = before.is_some_and(is_word_char);
    let word_after = after.is_some_and(is_word_char);
    let single = quote_family(c) == Some(QuoteFamily::Single);
    if single && word_before && word_after {
        return Role::Neither; // don’t, Russia’s
    }
    let can_open = after.is_some_and(|a| !is_space(a)) && !word_before;
    let can_close = before.is_some_and(|b| !is_space(b)) && !word_after;
    let closable = closable_level(c, stack);
    let close_if = |condition: bool| closable.filter(|_| condition).map(Role::Close);
    let year_elision = after.is_some_and(|a| a.is_ascii_digit()); // ’90s, '22
    let choice = match c {
        // Guillemets pair by identity: French puts (no-break) spaces inside them.
        '«' | '»' | '‹' | '›' => Some(closable.map_or(Role::Open, Role::Close)),
        '„' => Some(Role::Open),
        '‚' => (can_open).then_some(Role::Open),
        '"' | '“' | '‟' => close_if(can_close || !can_open).or(Some(Role::Open)),
        '”' => close_if(true).or((can_open && !can_close).then_some(Role::Open)),
        '\'' => close_if(can_close).or((can_open && !year_elision).then_some(Role::Open)),
        '‘' | '‛' => {
            close_if(can_close && !can_open).or((can_open && !year_elision).then_some(Role::Open))
        }
        '’' => close_if(can_close || !can_open),
        _ => None,
    };
    choice.unwrap_or(Role::Neither)
}

/// The stack level of the open quotation that `c` would close. A double mark may close a
/// double quotation beneath unclosed single ones (those are often misread apostrophes);
/// otherwise only the innermost open quotation can be closed.
fn closable_level(c: char, stack: &[OpenQuote]) -> Option<usize> {
    let family = quote_family(c)?;
    for (level, open) in stack.iter().enumerate().rev() {
        if closes(open.open, c) {
            return Some(level);
        }
        let open_is_single = quote_family(open.open) == Some(QuoteFamily::Single);
        if !(family == QuoteFamily::Double && open_is_single) {
            return None;
        }
    }
    None
}

/// True when `close` is a closing mark for a quotation opened with `open`.
fn closes(open: char, close: char) -> bool {
    match open {
        '"' | '“' => matches!(close, '"' | '”' | '“'),
        '„' => matches!(close, '“' | '”' | '"'),
        '‟' => matches!(close, '”' | '"'),
        '”' => close == '”',
        '«' => close == '»',
        '»' => close == '«',
        '‹' => close == '›',
        '›' => close == '‹',
        '‘' | '‛' => matches!(close, '’' | '\''),
        '\'' => matches!(close, '\'' | '’'),
        '‚' => matches!(close, '‘' | '’'),
        _ => false,
    }
}

/// True when a paragraph starting with `c` continues a quotation opened with `open`.
fn reopens(open: char, c: char) -> bool {
    c == open
        || matches!(
            (open, c),
            ('"', '“') | ('“', '"') | ('«', '»') | ('‘', '\'')
        )
}

/// A straight `'` left open is far more often an elision ('em, 'tis) than a quotation.
fn keeps_unclosed(open: char) -> bool {
    open != '\''
}

/// Sets each quotation's parent (the innermost one enclosing it) and depth.
fn assign_nesting(quotations: &mut [Quotation]) {
    let mut enclosing: Vec<usize> = Vec::new(); // indices of the enclosing quotations
    for index in 0..quotations.len() {
        let start = quotations[index].span.start;
        while enclosing
            .last()
            .is_some_and(|&outer| quotations[outer].span.end <= start)
        {
            enclosing.pop();
        }
        let quote = &mut quotations[index];
        quote.parent = enclosing.last().copied();
        quote.depth = u8::try_from(enclosing.len()).unwrap_or(u8::MAX);
        enclosing.push(index);
    }
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::paragraph_spans;
    use super::*;

    fn quotes(body: &str) -> Vec<Quotation> {
        find_quotations(body, &paragraph_spans(body)).0
    }

    fn contents(body: &str) -> Vec<&str> {
        quotes(body)
            .iter()
            .map(|q| &body[q.content.start..q.content.end])
            .collect()
    }

    #[test]
    fn curly_double_quotes_pair() {
        let body = "He said “we are ready” and left.";
        let q = &quotes(body)[0];
        assert_eq!(&body[q.span.start..q.span.end], "“we are ready”");
        assert_eq!(
            (q.open, q.close, q.closed, q.depth),
            ('“', Some('”'), true, 0)
        );
    }

    #[test]
    fn every_kind_of_mark_pairs() {
        assert_eq!(contents("a \"straight\" b"), ["straight"]);
        assert_eq!(contents("a «guillemets» b"), ["guillemets"]);
        assert_eq!(contents("a « espacé » b"), [" espacé "]);
        assert_eq!(contents("a „unten“ b"), ["unten"]);
        assert_eq!(contents("a ‹single› b"), ["single"]);
        assert_eq!(contents("a ‘single’ b"), ["single"]);
        assert_eq!(contents("a 'straight single' b"), ["straight single"]);
        assert_eq!(contents("»Dansk« b"), ["Dansk"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert!(quotes("it’s Russia’s don't").is_empty());
        assert!(quotes("the Russians’ demands and the ’90s").is_empty());
        assert!(quotes("in the '90s and the boys' club").is_empty());
        assert_eq!(
            contents("‘the Kremlin’s line’ he said"),
            ["the Kremlin’s line"]
        );
    }

    #[test]
    fn straight_double_quotes_open_and_close_by_context() {
        let body = "\"First,\" he said, \"second.\" And (\"third\")";
        assert_eq!(contents(body), ["First,", "second.", "third"]);
    }

    #[test]
    fn nested_quotes_of_the_other_kind_have_depth_one() {
        let body = "“He called it ‘a red line’ today,” she said.";
        let q = quotes(body);
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].depth, q[0].open), (0, '“'));
        assert_eq!((q[1].depth, q[1].open), (1, '‘'));
        assert_eq!(&body[q[1].content.start..q[1].content.end], "a red line");
        assert!(q[0].span.contains(q[1].span));
        assert_eq!((q[0].parent, q[1].parent), (None, Some(0)));
    }

    #[test]
    fn quote_continued_in_next_paragraph_is_one_quotation() {
        let body = "“We warned them. \n\n“They are full of it.”\n\nNext.";
        let q = quotes(body);
        assert_eq!(q.len(), 1);
        let q = &q[0];
        let parts: Vec<&str> = q.parts.iter().map(|p| &body[p.start..p.end]).collect();
        assert_eq!(parts, ["We warned them.", "They are full of it."]);
        assert_eq!(q.paragraphs, 0..2);
        assert!(q.closed);
        assert_eq!(
            &body[q.span.start..q.span.end],
            &body[..body.find("”").unwrap() + 3]
        );
    }

    #[test]
    fn quote_open_at_paragraph_end_without_reopening_ends_unclosed() {
        let body = "He said “we will see\n\nThen he left. “Fine,” she said.";
        let q = quotes(body);
        assert_eq!(q.len(), 2);
        assert!(!q[0].closed);
        assert_eq!(q[0].close, None);
        assert_eq!(&body[q[0].span.start..q[0].span.end], "“we will see");
        assert_eq!(q[0].paragraphs, 0..1);
        assert!(q[1].closed);
    }

    #[test]
    fn odd_marks_do_not_cascade_beyond_the_paragraph() {
        let body = "A \"stray mark here.\n\nB \"one\" and \"two\".";
        let c = contents(body);
        assert_eq!(c, ["stray mark here.", "one", "two"]);
    }

    #[test]
    fn a_pile_of_opening_marks_stays_shallow_and_linear() {
        let body = "“‘".repeat(20_000) + "”";
        let q = quotes(&body);
        assert!(q.iter().all(|q| usize::from(q.depth) < MAX_OPEN));
    }

    #[test]
    fn unclosed_straight_single_quote_is_dropped_as_an_elision() {
        assert!(quotes("Give 'em hell, he said.").is_empty());
    }

    #[test]
    fn closing_double_mark_ends_an_unclosed_inner_single_quote() {
        let body = "“I ‘think so,” he said.";
        let q = quotes(body);
        assert_eq!(q.len(), 2);
        assert!(q[0].closed);
        assert!(!q[1].closed);
        assert_eq!(q[1].depth, 1);
        assert!(q[0].span.contains(q[1].span));
    }
}

//! The text layer: paragraphs, sentences, tokens, quotation regions and author insertions,
//! all as byte spans into an article body.
//!
//! [`TextLayer::new`] builds it once per article; the analysis stages read it. It is made
//! for news prose: abbreviations and initials, numbers, quotation marks of every kind,
//! quotes that run over several paragraphs, `(sic)` and other insertions inside quotes,
//! dashes, ellipses and headlines without final punctuation. It never panics, whatever the
//! input, and every span falls on character boundaries of the body.
//!
//! The stages run in this order, each in its own file: `paragraphs` → `quotations` (which
//! marks are quote marks and which are apostrophes) → `tokens` → `sentences` (over the
//! tokens of one paragraph) → `insertions`. Vocabulary lives in `data/abbreviations.txt`
//! and `data/text/sentence_openers.txt`, compiled in.

mod abbreviations;
mod chars;
mod dateline;
mod insertions;
mod paragraphs;
mod quotations;
mod sentences;
mod tokens;

#[cfg(test)]
mod tests;

pub use abbreviations::{
    abbreviation_class, is_sentence_opener, parse_abbreviations, AbbreviationClass, VocabularyError,
};

pub use dateline::{wire_dateline, Dateline};

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The text layer of one body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextLayer {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Sorted by start; an enclosing quotation comes before the ones nested in it.
    pub quotations: Vec<Quotation>,
    /// Sorted by start.
    pub insertions: Vec<Insertion>,
}

/// A paragraph, trimmed of surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into [`TextLayer::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence: from its first token to its last; it never crosses a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`TextLayer::paragraphs`].
    pub paragraph: usize,
    /// Indices into [`TextLayer::tokens`].
    pub tokens: Range<usize>,
}

/// A token. `norm` is its normalised text: for words and numbers the restoration brackets
/// dropped and apostrophes straightened (`(Y)ou’ll` → `You'll`); ellipses as `…`;
/// otherwise the text as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub norm: String,
    /// Index into [`TextLayer::sentences`].
    pub sentence: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, with internal apostrophes, hyphens and restorations; abbreviations with
    /// their period (U.S., Jan.); initials (F.).
    Word,
    /// Starts with a digit: 2021, 1,000, 2.5%.
    Number,
    Punct,
    /// A character used as a quotation mark (double marks always, even unpaired; single
    /// marks only where they pair, otherwise they are apostrophes).
    QuoteMark,
    /// Em dash, en dash, `--`, a hyphen standing between spaces.
    Dash,
    /// `…` or three or more periods.
    Ellipsis,
    /// Anything else: currency, math, emoji.
    Symbol,
}

/// A quotation region between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    /// From the opening mark to the closing mark inclusive (or to the paragraph end if
    /// unclosed).
    pub span: Span,
    /// Inside the marks (from the first part's start to the last part's end).
    pub content: Span,
    /// The content in each paragraph, when the quotation runs over several paragraphs.
    pub parts: Vec<Span>,
    pub open: char,
    pub close: Option<char>,
    /// False: never closed; it ends at the end of its (last) paragraph.
    pub closed: bool,
    /// Indices into [`TextLayer::paragraphs`].
    pub paragraphs: Range<usize>,
    /// 0 for an outer quotation, 1 for one nested in it, and so on.
    pub depth: u8,
    /// The innermost quotation enclosing this one (index into [`TextLayer::quotations`]).
    pub parent: Option<usize>,
}

/// An author's insertion, mostly inside quotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Insertion {
    pub span: Span,
    pub kind: InsertionKind,
    /// The innermost quotation holding it (index into [`TextLayer::quotations`]).
    pub quotation: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InsertionKind {
    /// `(sic)`, `[sic]`, in any case, inside or outside quotations.
    Sic,
    /// Letters restored in brackets glued to a word: `(Y)ou’ll`, `seek(ing)`.
    Restoration,
    /// Any other bracketed phrase inside a quotation: `(with Russia)`.
    Phrase,
}

impl TextLayer {
    /// Builds the text layer of `body`. Never panics.
    pub fn new(body: &str) -> TextLayer {
        let paragraph_spans = paragraphs::paragraph_spans(body);
        let (quotations, marks) = quotations::find_quotations(body, &paragraph_spans);
        let mut layer = TextLayer {
            tokens: Vec::with_capacity(body.len() / 5),
            quotations,
            ..TextLayer::default()
        };
        for (index, &span) in paragraph_spans.iter().enumerate() {
            layer.add_paragraph(body, index, span, &marks);
        }
        layer.insertions = insertions::find_insertions(
            body,
            &layer.tokens,
            &layer.paragraphs,
            &layer.sentences,
            &layer.quotations,
        );
        layer
    }

    /// Tokenizes one paragraph and splits it into sentences.
    fn add_paragraph(
        &mut self,
        body: &str,
        index: usize,
        span: Span,
        marks: &quotations::QuoteMarks,
    ) {
        let first_token = self.tokens.len();
        tokens::tokenize(body, span, marks, &mut self.tokens);
        let first_sentence = self.sentences.len();
        for range in sentences::split_sentences(&self.tokens[first_token..], marks) {
            let range = first_token + range.start..first_token + range.end;
            let (Some(first), Some(last)) = (
                self.tokens.get(range.start),
                self.tokens.get(range.end.wrapping_sub(1)),
            ) else {
                continue;
            };
            let sentence_span = Span::new(first.span.start, last.span.end);
            let sentence_index = self.sentences.len();
            for token in &mut self.tokens[range.clone()] {
                token.sentence = sentence_index;
            }
            self.sentences.push(Sentence {
                span: sentence_span,
                paragraph: index,
                tokens: range,
            });
        }
        self.paragraphs.push(Paragraph {
            span,
            sentences: first_sentence..self.sentences.len(),
        });
    }

    /// The sentence containing byte `byte`, if any (bytes between sentences have none).
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let after = self.sentences.partition_point(|s| s.span.start <= byte);
        let index = after.checked_sub(1)?;
        (byte < self.sentences[index].span.end).then_some(index)
    }

    /// The tokens of sentence `sentence` (empty for an index out of range).
    pub fn tokens_of(&self, sentence: usize) -> &[Token] {
        self.sentences
            .get(sentence)
            .and_then(|s| self.tokens.get(s.tokens.clone()))
            .unwrap_or(&[])
    }

    /// The innermost quotation containing byte `byte`, if any.
    pub fn quotation_at(&self, byte: usize) -> Option<usize> {
        innermost_quotation(&self.quotations, byte)
    }

    /// The paragraph containing byte `byte`, if any.
    pub fn paragraph_at(&self, byte: usize) -> Option<usize> {
        let after = self.paragraphs.partition_point(|p| p.span.start <= byte);
        let index = after.checked_sub(1)?;
        (byte < self.paragraphs[index].span.end).then_some(index)
    }

    /// The index of the token containing byte `byte`, if any.
    pub fn token_at(&self, byte: usize) -> Option<usize> {
        let after = self.tokens.partition_point(|t| t.span.start <= byte);
        let index = after.checked_sub(1)?;
        (byte < self.tokens[index].span.end).then_some(index)
    }

    /// The innermost quotation that holds all of `span`, if any.
    pub fn quotation_covering(&self, span: Span) -> Option<usize> {
        let mut candidate = innermost_quotation(&self.quotations, span.start);
        while let Some(index) = candidate {
            let quote = &self.quotations[index];
            if quote.span.contains(span) {
                return Some(index);
            }
            candidate = quote.parent.filter(|&parent| parent < index);
        }
        None
    }

    /// The indices of the sentences that share at least one byte with `span`.
    pub fn sentences_overlapping(&self, span: Span) -> Range<usize> {
        let start = self.sentences.partition_point(|s| s.span.end <= span.start);
        let end = self.sentences.partition_point(|s| s.span.start < span.end);
        start..end.max(start)
    }

    /// The insertions inside `span`.
    pub fn insertions_in(&self, span: Span) -> impl Iterator<Item = &Insertion> {
        self.insertions
            .iter()
            .filter(move |i| span.contains(i.span))
    }
}

/// The innermost quotation containing `byte`. Quotations are sorted by start and nest
/// without crossing, so the last one starting at or before `byte` either contains it or
/// ends before it; in that case only its enclosing quotations can contain `byte`.
fn innermost_quotation(quotations: &[Quotation], byte: usize) -> Option<usize> {
    let after = quotations.partition_point(|q| q.span.start <= byte);
    let mut candidate = after.checked_sub(1);
    while let Some(index) = candidate {
        let quote = quotations.get(index)?;
        if byte < quote.span.end {
            return Some(index);
        }
        candidate = quote.parent.filter(|&parent| parent < index);
    }
    None
}

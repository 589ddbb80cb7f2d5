//! Byte spans into an article body, and the `{start, end, text}` form the report carries.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of byte offsets into an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why a span cannot be taken from a body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is reversed")]
    Reversed { start: usize, end: usize },
    #[error("span {start}..{end} runs past the end of a {len}-byte body")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} does not fall on character boundaries")]
    NotCharBoundary { start: usize, end: usize },
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `body`, or why it cannot be taken.
    pub fn slice<'a>(&self, body: &'a str) -> Result<&'a str, SpanError> {
        let (start, end) = (self.start, self.end);
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > body.len() {
            return Err(SpanError::OutOfBounds {
                start,
                end,
                len: body.len(),
            });
        }
        body.get(start..end)
            .ok_or(SpanError::NotCharBoundary { start, end })
    }
}

/// A span together with the text it covers, as the report writes it: `{start, end, text}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextSpan {
    /// Takes the text of `span` from `body`; fails on a span that does not fit the body.
    pub fn from_body(body: &str, span: Span) -> Result<Self, SpanError> {
        Ok(TextSpan {
            start: span.start,
            end: span.end,
            text: span.slice(body)?.to_string(),
        })
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// Checks the invariant `body[start..end] == text`.
    pub fn check(&self, body: &str) -> Result<(), String> {
        match self.span().slice(body) {
            Ok(slice) if slice == self.text => Ok(()),
            Ok(slice) => Err(format!(
                "span {}..{} reads {:?} in the body but the report says {:?}",
                self.start, self.end, slice, self.text
            )),
            Err(e) => Err(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_takes_the_bytes_of_the_span() {
        let body = "Lavrov said “no”.";
        let start = body.find('“').unwrap();
        let end = body.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(Span::new(start, end).slice(body).unwrap(), "“no”");
    }

    #[test]
    fn slice_rejects_spans_inside_a_character() {
        let body = "“no”";
        assert!(matches!(
            Span::new(1, 3).slice(body),
            Err(SpanError::NotCharBoundary { .. })
        ));
    }

    #[test]
    fn slice_rejects_spans_past_the_end_and_reversed_spans() {
        assert!(matches!(
            Span::new(0, 9).slice("abc"),
            Err(SpanError::OutOfBounds { .. })
        ));
        assert!(matches!(
            Span::new(2, 1).slice("abc"),
            Err(SpanError::Reversed { .. })
        ));
    }

    #[test]
    fn text_span_check_finds_a_mismatch() {
        let ts = TextSpan {
            start: 0,
            end: 3,
            text: "abd".into(),
        };
        assert!(ts.check("abc").is_err());
        assert!(TextSpan::from_body("abc", Span::new(0, 3))
            .unwrap()
            .check("abc")
            .is_ok());
    }

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 10);
        assert!(a.contains(Span::new(2, 5)));
        assert!(!a.contains(Span::new(8, 12)));
        assert!(a.overlaps(Span::new(8, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
    }
}

//! Author voice against attribution, sentence by sentence, and the author's insertions into
//! quotations.
//!
//! A sentence carries a claim when it has at least [`MIN_CLAIM_WORDS`] words. It is
//! *attributed* when most of it is quotation, or when a reporting cue ("said", "denied",
//! "according to") stands outside its quotations; and it is *author-asserted* otherwise. Either
//! way, a sentence in which the author uses loaded words, labels or doubt of his own (outside
//! the quotations) is author-asserted: "He lied saying that “…”" reports a statement and
//! judges it. Until the quote stage lands this is the whole test; with quotes and claims it
//! can read their holders instead.

use super::detect::Hit;
use super::words::Word;
use parley_core::Span;

/// Fewer words than this and a sentence carries no claim ("Lavrov explained.").
pub const MIN_CLAIM_WORDS: usize = 4;

/// The voice of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Author,
    Attributed,
    None,
}

impl Voice {
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Author => "author",
            Voice::Attributed => "attributed",
            Voice::None => "none",
        }
    }
}

/// Bytes of `s` covered by the quotations.
fn quoted_bytes(s: Span, quotations: &[Span]) -> usize {
    quotations
        .iter()
        .map(|q| {
            let start = q.start.max(s.start);
            let end = q.end.min(s.end);
            end.saturating_sub(start)
        })
        .sum()
}

/// The voice of sentence `s`.
pub fn sentence_voice(
    s: Span,
    words: &[Word],
    quotations: &[Span],
    cues: &[Span],
    hits: &[Hit],
) -> Voice {
    let n_words = words.iter().filter(|w| s.contains(w.span)).count();
    if n_words < MIN_CLAIM_WORDS {
        return Voice::None;
    }
    let outside = |x: Span| s.contains(x) && !quotations.iter().any(|q| q.overlaps(x));
    let author_judges = hits.iter().any(|h| h.author && s.contains(h.span));
    if author_judges {
        return Voice::Author;
    }
    let mostly_quoted = quoted_bytes(s, quotations) * 2 >= s.len();
    let has_cue = cues.iter().any(|c| outside(*c));
    if mostly_quoted || has_cue {
        Voice::Attributed
    } else {
        Voice::Author
    }
}

/// The author's insertions into quotations: bracketed stretches inside a quotation,
/// "(sic)", "(Y)ou'll", "[the US]".
pub fn insertions(body: &str, quotations: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for q in quotations {
        let Ok(text) = q.slice(body) else { continue };
        let mut open: Option<(usize, char)> = None;
        for (i, c) in text.char_indices() {
            match (c, open) {
                ('(' | '[', _) => open = Some((i, c)),
                (')', Some((s, '('))) | (']', Some((s, '['))) => {
                    out.push(Span::new(q.start + s, q.start + i + 1));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::detect::Detector;
    use super::super::matcher::WordString;
    use super::super::segment;
    use super::super::words::scan_words;
    use super::*;

    fn voices(body: &str) -> Vec<&'static str> {
        let d = Detector::shipped().unwrap();
        let words = scan_words(body, 0);
        let ws = WordString::new(body, &words);
        let sentences = segment::sentences(body);
        let quotations = segment::quotations(body);
        let cues = d.reporting_cues(&words, &ws);
        let hits = d.detect(body, &words, &ws, &sentences, &quotations);
        sentences
            .iter()
            .map(|s| sentence_voice(*s, &words, &quotations, &cues, &hits).as_str())
            .collect()
    }

    #[test]
    fn a_reported_statement_is_attributed() {
        assert_eq!(
            voices("Ryabkov denied that Russia had any plans to invade Ukraine."),
            vec!["attributed"]
        );
    }

    #[test]
    fn a_bare_statement_is_the_authors() {
        assert_eq!(voices("Moscow wants peace, not war."), vec!["author"]);
    }

    #[test]
    fn a_quotation_continued_alone_is_attributed() {
        assert_eq!(
            voices("“All of that will be on the table.”"),
            vec!["attributed"]
        );
    }

    #[test]
    fn reporting_with_the_authors_judgement_is_the_authors() {
        assert_eq!(
            voices("He lied saying that “we have seen plans to invade.”"),
            vec!["author"]
        );
    }

    #[test]
    fn a_short_sentence_carries_no_claim() {
        assert_eq!(voices("Lavrov explained."), vec!["none"]);
    }

    #[test]
    fn insertions_are_bracketed_stretches_inside_quotations() {
        let body = "He said “(Y)ou’ll see (sic)” (not quoted).";
        let found: Vec<&str> = insertions(body, &segment::quotations(body))
            .iter()
            .map(|s| &body[s.start..s.end])
            .collect();
        assert_eq!(found, vec!["(Y)", "(sic)"]);
    }
}

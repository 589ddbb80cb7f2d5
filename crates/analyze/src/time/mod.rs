//! Time expressions: "on Monday", "in January", "Dec. 21", "last week", "a day after", found in
//! an article body and normalised against its publication date.
//!
//! Values are ISO strings: `2022-01-10` a day, `2022-W02` an ISO week, `2022-01` a month, `2022`
//! a year, `2022-01-10/2022-01-12` a range, `P3D` a duration; `None` when the expression needs a
//! publication date that is not known. Every expression carries the rule that produced it.
//!
//! Tense decides between the past and the future reading of an expression without a year or a
//! "last"/"next": the nearest tense cue in the sentence ("will", "is expected to", "plans to"
//! for the future; "said", "met" and other past forms for the past). Without a cue, weekdays
//! take the past reading (the most recent such day on or before publication) and dates without a
//! year take the year that puts them nearest to publication.

mod rules;
pub(crate) use rules::MONTHS;

use crate::actors::folded_body::FoldedBody;
use crate::actors::text::rough_sentences;
use chrono::NaiveDate;
use parley_core::{Span, TextSpan};

/// One time expression with its normalised value: the report's `times` entry
/// `{start, end, text, value, date, anchor, rule}` (core's [`parley_core::TimeMention`]).
pub type TimeExpression = parley_core::TimeMention;

/// The time expressions in `body`, normalised against `published`.
pub fn time_expressions(body: &str, published: Option<NaiveDate>) -> Vec<TimeExpression> {
    time_expressions_in(body, &[], published)
}

/// As [`time_expressions`], with sentence spans from the text layer (for tense cues).
pub fn time_expressions_in(
    body: &str,
    sentences: &[Span],
    published: Option<NaiveDate>,
) -> Vec<TimeExpression> {
    let prepared = FoldedBody::shared(body);
    let (f, toks) = (&prepared.folded, &prepared.toks);
    let spans: Vec<Span> = if sentences.is_empty() {
        rough_sentences(body)
    } else {
        sentences.to_vec()
    };
    let sents = f.folded_spans(&spans);
    let found = rules::find(&f.text, toks, &sents, published);
    found
        .into_iter()
        .filter_map(|x| {
            let (s, e) = f.body_span(x.start, x.end);
            Some(TimeExpression {
                span: TextSpan::from_body(body, Span::new(s, e)).ok()?,
                value: x.value,
                date: x.date,
                rule: x.rule.to_string(),
                anchor: x.anchor,
            })
        })
        .collect()
}

/// The time expression that dates something at `span` in `sentence` (both body offsets): the
/// nearest expression inside the sentence with a value (durations excluded), a day preferred at
/// equal distance; None when the sentence has none (the caller then falls back to the
/// publication date). For reported speech the caller may prefer the date of the speech verb.
pub fn dating(times: &[TimeExpression], sentence: Span, span: Span) -> Option<&TimeExpression> {
    let distance = |t: &TimeExpression| {
        if t.span.end <= span.start {
            span.start - t.span.end
        } else {
            t.span.start.saturating_sub(span.end)
        }
    };
    times
        .iter()
        .filter(|t| {
            t.value.is_some() && sentence.start <= t.span.start && t.span.end <= sentence.end
        })
        .filter(|t| !t.rule.starts_with("duration"))
        .min_by_key(|t| {
            (
                distance(t),
                t.value.as_ref().map_or(0, |v| usize::from(v.len() != 10)),
            )
        })
}

#[cfg(test)]
mod tests;

//! The event stage: the coder as a pipeline stage, and its public entry points.

use super::coder::{CodeInput, Coder};
use super::codes::CameoTable;
use super::dict::Dictionary;
use crate::pipeline::{Context, Stage};
use chrono::NaiveDate;
use parley_core::{Analysis, EntityMention, Event, Quote, Span};

/// Codes events from sentences, actor mentions, time expressions and quotes.
#[derive(Debug, Clone)]
pub struct EventStage {
    coder: Coder,
}

impl Default for EventStage {
    fn default() -> Self {
        Self::new()
    }
}

impl EventStage {
    /// The stage with the compiled-in dictionaries of `data/events/`.
    pub fn new() -> Self {
        EventStage {
            coder: Coder::new(Dictionary::builtin(), CameoTable::builtin()),
        }
    }

    /// The stage with other dictionaries (a user's own copy of `data/events/`).
    pub fn with_coder(coder: Coder) -> Self {
        EventStage { coder }
    }

    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// Codes the events of an article: `sentences` are spans of `body`, `mentions` the actor
    /// mentions (with coreference), `times` resolved time expressions, `published` the
    /// publication date used when a sentence has no time expression.
    pub fn code(
        &self,
        body: &str,
        sentences: &[Span],
        mentions: &[EntityMention],
        times: &[(Span, NaiveDate)],
        published: Option<NaiveDate>,
    ) -> Vec<Event> {
        self.code_with_quotes(body, sentences, mentions, times, &[], published)
    }

    /// As [`EventStage::code`], with quotes so that events inside them name their reporter.
    pub fn code_with_quotes(
        &self,
        body: &str,
        sentences: &[Span],
        mentions: &[EntityMention],
        times: &[(Span, NaiveDate)],
        quotes: &[Quote],
        published: Option<NaiveDate>,
    ) -> Vec<Event> {
        self.coder.code(&CodeInput {
            body,
            sentences,
            mentions,
            times,
            quotes,
            published,
        })
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    /// Reads the entities and quotes earlier stages wrote. Until the text layer's sentences
    /// and the time expressions reach the pipeline context, it splits sentences itself and
    /// dates events by the publication date.
    fn run(&self, cx: &Context, analysis: &mut Analysis) {
        let body = &cx.article.body;
        let sentences = split_sentences(body);
        let events = self.code_with_quotes(
            body,
            &sentences,
            &analysis.entities,
            &[],
            &analysis.quotes,
            cx.article.published,
        );
        analysis.events.extend(events);
    }
}

/// A plain sentence splitter: ends at `.`, `!`, `?` (with closing quotes) before whitespace, and
/// at line breaks; dotted abbreviations ("U.S.", "Mr.") do not end a sentence.
pub fn split_sentences(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        let mut end_here = None;
        if c == '\n' {
            end_here = Some(i);
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let at_space = j >= chars.len() || chars[j].1.is_whitespace();
            if at_space && !(c == '.' && is_abbreviation(body, i)) {
                let e = if j < chars.len() {
                    chars[j].0
                } else {
                    body.len()
                };
                end_here = Some(e);
                k = j.saturating_sub(1);
            }
        }
        if let (Some(e), Some(s)) = (end_here, start) {
            let text = &body[s..e];
            let trimmed = text.trim_end();
            if !trimmed.is_empty() {
                out.push(Span::new(s, s + trimmed.len()));
            }
            start = None;
        }
        k += 1;
    }
    if let Some(s) = start {
        let trimmed = body[s..].trim_end();
        if !trimmed.is_empty() {
            out.push(Span::new(s, s + trimmed.len()));
        }
    }
    out
}

fn is_abbreviation(body: &str, dot: usize) -> bool {
    let word: String = body[..dot]
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.contains('.')
        || matches!(
            word.as_str(),
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Lt"
                | "Col"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "No"
                | "vs"
        )
}

//! The event stage: the coder as a pipeline stage, and its public entry points.

use super::coder::{CodeInput, Coder};
use super::codes::CameoTable;
use super::dict::Dictionary;
use crate::parse::Parse;
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
        self.code_parsed(body, sentences, mentions, times, quotes, published, None)
    }

    /// As [`EventStage::code_with_quotes`], with the body's parse when there is one.
    #[allow(clippy::too_many_arguments)]
    pub fn code_parsed(
        &self,
        body: &str,
        sentences: &[Span],
        mentions: &[EntityMention],
        times: &[(Span, NaiveDate)],
        quotes: &[Quote],
        published: Option<NaiveDate>,
        parse: Option<&Parse>,
    ) -> Vec<Event> {
        self.coder.code(&CodeInput {
            body,
            sentences,
            mentions,
            times,
            quotes,
            published,
            parse,
        })
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    /// Reads the text layer's sentences and what the earlier stages wrote: entity mentions
    /// (with coreference), time expressions and quotes.
    fn run(&self, cx: &Context, analysis: &mut Analysis) {
        let body = &cx.article.body;
        let sentences: Vec<Span> = cx.text.sentences.iter().map(|s| s.span).collect();
        let times: Vec<(Span, NaiveDate)> = analysis
            .times
            .iter()
            .filter_map(|t| t.date.map(|d| (t.span.span(), d)))
            .collect();
        let events = self.code_parsed(
            body,
            &sentences,
            &analysis.entities,
            &times,
            &analysis.quotes,
            cx.article.published,
            cx.parse,
        );
        analysis.events.extend(events);
    }
}

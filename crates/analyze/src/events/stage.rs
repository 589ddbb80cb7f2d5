//! The event stage: the coder as a pipeline stage, and its public entry points.

use super::coder::{CodeInput, Coder};
use super::codes::CameoTable;
use super::dict::Dictionary;
use super::discards::{Article, Discards};
use crate::parse::Parse;
use crate::pipeline::{Context, Stage};
use chrono::NaiveDate;
use parley_core::{Analysis, EntityMention, Event, Quote, Span};

mod context;
mod mediators;
mod reference;
pub(crate) use context::{points_to_an_act, OBJECT_PRONOUNS};

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
        let input = CodeInput {
            body,
            sentences,
            mentions,
            times,
            quotes,
            published,
            parse,
        };
        self.code_article(&input, None)
    }

    /// The coder's events of an article, less those its context discards (sport,
    /// entertainment, disasters, history: [`Discards`]); `title` is the article's headline.
    fn code_article(&self, input: &CodeInput, title: Option<&str>) -> Vec<Event> {
        let home = context::home_country(input.body, input.mentions);
        let groups = home
            .as_deref()
            .map(|h| context::home_groups(input.mentions, h));
        let owned = context::owned_agents(groups.as_deref().unwrap_or(input.mentions));
        let input = &CodeInput {
            mentions: &owned,
            ..*input
        };
        let mut events = self.coder.code(input);
        if let Some(home) = &home {
            context::fill_home(&mut events, home);
        }
        let events = mediators::resolve(
            &self.coder.table,
            events,
            input.body,
            input.sentences,
            input.mentions,
        );
        let events = context::resolve(events, input.sentences, input.body, input.mentions);
        let article = Article {
            body: input.body,
            title,
            sentences: input.sentences,
            times: input.times,
            published: input.published,
        };
        Discards::builtin().filter(&article, events)
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
        let input = CodeInput {
            body,
            sentences: &sentences,
            mentions: &analysis.entities,
            times: &times,
            quotes: &analysis.quotes,
            published: cx.article.published,
            parse: cx.parse,
        };
        let title = Some(cx.article.title.as_str()).filter(|t| !t.is_empty());
        let events = self.code_article(&input, title);
        analysis.events.extend(events);
    }
}

//! Quotes and attribution: who said what, quoted or reported.
//!
//! [`QuoteStage::quotes`] reads an article body with its text layer (and, when the actors
//! stage ran, its entity mentions) and returns every quote:
//! - direct and partial quotes from the text layer's quotations ([`direct`]), scare quotes
//!   flagged and left without a speaker;
//! - reported speech from cue verbs and source phrases ([`indirect`]);
//! - for each, the speaker ([`attribution`]): the phrase by the cue, a pronoun resolved to the
//!   last compatible speaker, a speaker carried over consecutive quote paragraphs, or null
//!   with the reason. With the parse, the nominal subject of the cue verb is the speaker
//!   where the patterns find none, or only the nearest phrase on the left ([`parsed`]).
//!
//! The vocabulary (cue verbs, source phrases, speaker nouns, words that are never names)
//! lives in `data/quotes/` and is compiled in ([`lexicon`]). [`export`] formats quotes as a
//! readable list and in BBC Citron's JSON layout.

pub mod attribution;
pub mod cues;
pub mod direct;
pub mod doc;
pub mod export;
pub mod indirect;
pub mod lexicon;
pub mod parsed;

#[cfg(test)]
mod tests;

/// A count of the tokens the stage visits, kept in tests only: the linearity tests assert on
/// it, so that work growing faster than the input shows however loaded the machine is.
/// Outside tests `visit` compiles to nothing.
pub(crate) mod work {
    #[cfg(test)]
    thread_local! {
        static VISITED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    /// Records that `n` tokens (or items) were looked at.
    #[inline(always)]
    pub fn visit(n: usize) {
        #[cfg(test)]
        VISITED.with(|v| v.set(v.get() + n as u64));
        #[cfg(not(test))]
        let _ = n;
    }

    /// The count on this thread since the last call, resetting it.
    #[cfg(test)]
    pub fn take() -> u64 {
        VISITED.with(|v| v.replace(0))
    }
}

use crate::parse::Parse;
use doc::Doc;
use lexicon::Lexicon;
use parley_core::text::TextLayer;
use parley_core::{Cue, EntityMention, Quote, QuoteKind, Span, Speaker, TextSpan};

pub use export::{citron_json, format_quotes};

/// The quote stage; build it once and share it across threads.
#[derive(Debug, Clone)]
pub struct QuoteStage {
    lexicon: Lexicon,
}

impl Default for QuoteStage {
    fn default() -> Self {
        Self::new()
    }
}

impl QuoteStage {
    /// The stage with the lexicon compiled in from `data/quotes/`.
    pub fn new() -> Self {
        // The compiled-in files are checked by tests; an error cannot come from user input.
        let lexicon = Lexicon::builtin().unwrap_or_else(|e| panic!("data/quotes: {e}"));
        QuoteStage { lexicon }
    }

    /// The stage with a lexicon of the caller's own.
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        QuoteStage { lexicon }
    }

    /// Every quote of `body`, sorted by start: direct, partial (scare quotes flagged) and
    /// indirect. `text` must be `TextLayer::new(body)`; `mentions` may be empty.
    pub fn quotes(&self, body: &str, text: &TextLayer, mentions: &[EntityMention]) -> Vec<Quote> {
        self.quotes_parsed(body, text, mentions, None)
    }

    /// As [`QuoteStage::quotes`], with the body's parse (when there is one) to find the
    /// subject of a cue verb that the patterns miss.
    pub fn quotes_parsed(
        &self,
        body: &str,
        text: &TextLayer,
        mentions: &[EntityMention],
        parse: Option<&Parse>,
    ) -> Vec<Quote> {
        let doc = Doc::new(body, text, &self.lexicon, mentions).with_parse(parse);
        let (infos, history) = attribution::attribute_cues(&doc);
        let mut out = direct::direct_quotes(&doc, &infos, &history);
        out.extend(indirect::indirect_quotes(&doc, &infos));
        out.sort_by_key(|q| (q.span.start, q.span.end));
        out
    }

    /// The quotes that report speech: everything but scare quotes.
    pub fn speech(&self, body: &str, text: &TextLayer, mentions: &[EntityMention]) -> Vec<Quote> {
        self.speech_parsed(body, text, mentions, None)
    }

    /// As [`QuoteStage::speech`], with the body's parse when there is one.
    pub fn speech_parsed(
        &self,
        body: &str,
        text: &TextLayer,
        mentions: &[EntityMention],
        parse: Option<&Parse>,
    ) -> Vec<Quote> {
        let mut quotes = self.quotes_parsed(body, text, mentions, parse);
        quotes.retain(|q| !q.scare);
        quotes
    }
}

/// In a [`Pipeline`](crate::Pipeline): reads the text layer and the entity mentions earlier
/// stages wrote, and sets the analysis's quotes to the speech found (scare quotes left out;
/// call [`QuoteStage::quotes`] to have them).
impl crate::Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, cx: &crate::Context, analysis: &mut parley_core::Analysis) {
        let quotes = self.speech_parsed(&cx.article.body, cx.text, &analysis.entities, cx.parse);
        analysis.quotes = quotes;
    }
}

fn text_span(doc: &Doc, span: Span) -> TextSpan {
    TextSpan {
        start: span.start,
        end: span.end,
        text: doc.text(span).to_string(),
    }
}

pub(crate) fn make_cue(doc: &Doc, cue: &cues::CueAt) -> Cue {
    let first = doc.toks[cue.tokens.start].span.start;
    let last = doc.toks[cue.tokens.end.saturating_sub(1).max(cue.tokens.start)]
        .span
        .end;
    Cue {
        verb: cue.lemma.clone(),
        span: text_span(doc, Span::new(first, last)),
        negated: cue.negated,
        modal: cue.modal.clone(),
    }
}

pub(crate) fn make_quote(
    doc: &Doc,
    span: Span,
    kind: QuoteKind,
    speaker: Option<&attribution::Attributed>,
    reason: Option<String>,
    cue: Option<Cue>,
    scare: bool,
) -> Quote {
    let ins = &doc.layer.insertions;
    let from = ins.partition_point(|i| i.span.start < span.start);
    let insertions = ins[from..]
        .iter()
        .take_while(|i| i.span.start < span.end)
        .inspect(|_| work::visit(1))
        .filter(|i| span.contains(i.span))
        .map(|i| text_span(doc, i.span))
        .collect();
    Quote {
        span: text_span(doc, span),
        kind,
        speaker: speaker.map(|a| Speaker {
            name: a.name.clone(),
            actor_id: a.actor_id.clone(),
        }),
        speaker_span: speaker.map(|a| text_span(doc, a.span)),
        speaker_unknown_reason: if speaker.is_some() { None } else { reason },
        cue,
        insertions,
        scare,
    }
}

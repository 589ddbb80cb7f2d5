//! The standard stages: each wraps one analysis module as a pipeline [`Stage`].

use crate::actors::ActorStage;
use crate::pipeline::{Context, Stage};
use crate::time::time_expressions_in;
use parley_core::{Analysis, Span};

/// Sentence spans of the text layer, as the modules that take `&[Span]` want them.
fn sentence_spans(cx: &Context) -> Vec<Span> {
    cx.text.sentences.iter().map(|s| s.span).collect()
}

impl Stage for ActorStage {
    fn name(&self) -> &'static str {
        "actors"
    }
    fn run(&self, cx: &Context, analysis: &mut Analysis) {
        let (body, sentences) = (&cx.article.body, sentence_spans(cx));
        analysis.entities = match cx.parse {
            Some(parse) => crate::actors::ner::mentions_with_entities(
                self,
                body,
                &sentences,
                cx.article.published,
                parse,
            ),
            None => self.mentions(body, &sentences, cx.article.published),
        };
    }
}

/// Time expressions normalised against the publication date.
pub struct TimeStage;

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "times"
    }
    fn run(&self, cx: &Context, analysis: &mut Analysis) {
        analysis.times =
            time_expressions_in(&cx.article.body, &sentence_spans(cx), cx.article.published);
    }
}

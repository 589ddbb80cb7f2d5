//! The pipeline: an ordered list of stages run over one article.

use crate::parse::{Parse, Parser};
use parley_core::{Analysis, Article, TextLayer};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What a stage reads: the article, its text layer (paragraphs, sentences, tokens,
/// quotations) and, when parsing is on, its parse; built once per article and shared by
/// every stage.
pub struct Context<'a> {
    pub article: &'a Article,
    pub text: &'a TextLayer,
    /// The body's parse; None with `--no-parse` or without the model (stages then use
    /// their patterns alone).
    pub parse: Option<&'a Parse>,
}

/// One analysis step. It reads the context and what earlier stages wrote, and adds its own.
pub trait Stage: Send + Sync {
    /// A short name for logs and `--stages` lists.
    fn name(&self) -> &'static str;
    fn run(&self, cx: &Context, analysis: &mut Analysis);
}

/// An ordered list of stages; build it once and share it across threads.
#[derive(Default)]
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    /// The linguistic layer, run once per article before the stages when present.
    parser: Option<Parser>,
    /// Time spent in each step, summed over every article and thread: the text layer, the
    /// parse, then one entry per stage (see [`Pipeline::timings`]).
    nanos: Vec<AtomicU64>,
}

/// Where the steps before the stages keep their time in `nanos`.
const TEXT_STEP: usize = 0;
const PARSE_STEP: usize = 1;
const FIRST_STAGE_STEP: usize = 2;

impl Pipeline {
    /// The standard stages in their order: actors, time expressions, quotes, events, framing
    /// (with claims).
    pub fn standard() -> Self {
        Pipeline::default()
            .with_stage(crate::actors::ActorStage::new())
            .with_stage(crate::standard::TimeStage)
            .with_stage(crate::quotes::QuoteStage::new())
            .with_stage(crate::events::EventStage::new())
            .with_stage(crate::framing::FramingStage::new())
    }

    /// Adds a stage at the end.
    pub fn with_stage(mut self, stage: impl Stage + 'static) -> Self {
        self.stages.push(Box::new(stage));
        self.reset_timings();
        self
    }

    /// Parses every article with `parser` before the stages run, so that they can use it.
    pub fn with_parser(mut self, parser: Parser) -> Self {
        self.parser = Some(parser);
        self.reset_timings();
        self
    }

    /// Whether the stages get a parse.
    pub fn parses(&self) -> bool {
        self.parser.is_some()
    }

    fn reset_timings(&mut self) {
        self.nanos = (0..FIRST_STAGE_STEP + self.stages.len())
            .map(|_| AtomicU64::new(0))
            .collect();
    }

    /// Leaves out the stages with these names (later stages then see none of their output).
    pub fn without(mut self, names: &[&str]) -> Self {
        self.stages.retain(|s| !names.contains(&s.name()));
        self.reset_timings();
        self
    }

    /// Time spent so far in each step ("text" for the text layer, "parse" when parsing is
    /// on, then each stage by name), summed over all articles and threads.
    pub fn timings(&self) -> Vec<(&'static str, Duration)> {
        let time = |step: usize| {
            Duration::from_nanos(
                self.nanos
                    .get(step)
                    .map_or(0, |t| t.load(Ordering::Relaxed)),
            )
        };
        let mut out = vec![("text", time(TEXT_STEP))];
        if self.parses() {
            out.push(("parse", time(PARSE_STEP)));
        }
        for (i, stage) in self.stages.iter().enumerate() {
            out.push((stage.name(), time(FIRST_STAGE_STEP + i)));
        }
        out
    }

    fn add_time(&self, step: usize, since: Instant) {
        if let Some(t) = self.nanos.get(step) {
            t.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over one article.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let started = Instant::now();
        let text = TextLayer::new(&article.body);
        self.add_time(TEXT_STEP, started);
        let started = Instant::now();
        let parse = self.parser.as_ref().map(|p| p.parse(&article.body));
        self.add_time(PARSE_STEP, started);
        let cx = Context {
            article,
            text: &text,
            parse: parse.as_ref(),
        };
        let mut analysis = Analysis::default();
        for (i, stage) in self.stages.iter().enumerate() {
            let started = Instant::now();
            stage.run(&cx, &mut analysis);
            self.add_time(FIRST_STAGE_STEP + i, started);
        }
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_core::{Claim, ClaimHolder, Span, Stance, TextSpan};

    /// Marks the whole body as one author claim; enough to see stages run in order.
    /// An author-asserted claim over `span` of `body` (the fixture the stages below add).
    fn author_claim(body: &str, span: Span) -> Claim {
        Claim {
            span: TextSpan::from_body(body, span).unwrap(),
            holder: ClaimHolder {
                kind: "author".into(),
                name: None,
                actor_id: None,
            },
            stance: Stance::Asserts,
            proposition: None,
            cue: None,
            target: None,
            key: None,
        }
    }

    struct WholeBodyClaim;
    impl Stage for WholeBodyClaim {
        fn name(&self) -> &'static str {
            "whole-body-claim"
        }
        fn run(&self, cx: &Context, analysis: &mut Analysis) {
            let body = &cx.article.body;
            analysis
                .claims
                .push(author_claim(body, Span::new(0, body.len())));
        }
    }

    /// Counts the claims earlier stages wrote, to check the order.
    struct CountClaims;
    impl Stage for CountClaims {
        fn name(&self) -> &'static str {
            "count-claims"
        }
        fn run(&self, _cx: &Context, analysis: &mut Analysis) {
            let n = analysis.claims.len();
            analysis.framing.signals.clear();
            assert_eq!(n, 1, "runs after WholeBodyClaim");
        }
    }

    #[test]
    fn stages_run_in_order_and_see_earlier_output() {
        let pipeline = Pipeline::default()
            .with_stage(WholeBodyClaim)
            .with_stage(CountClaims);
        assert_eq!(
            pipeline.stage_names(),
            vec!["whole-body-claim", "count-claims"]
        );
        let analysis = pipeline.analyze(&Article::new("T", "Talks began."));
        assert_eq!(analysis.claims[0].span.text, "Talks began.");
    }

    #[test]
    fn timings_name_the_text_layer_and_every_stage() {
        let pipeline = Pipeline::default()
            .with_stage(WholeBodyClaim)
            .with_stage(CountClaims);
        pipeline.analyze(&Article::new("T", "Talks began."));
        let names: Vec<&str> = pipeline.timings().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, vec!["text", "whole-body-claim", "count-claims"]);
        let without = Pipeline::default()
            .with_stage(WholeBodyClaim)
            .without(&["whole-body-claim"]);
        assert_eq!(without.stage_names(), Vec::<&str>::new());
    }

    /// Records whether the stage got a parse, as a framing signal count.
    struct SeesParse;
    impl Stage for SeesParse {
        fn name(&self) -> &'static str {
            "sees-parse"
        }
        fn run(&self, cx: &Context, analysis: &mut Analysis) {
            let tokens = cx.parse.map_or(0, |p| p.tokens().len());
            let body = &cx.article.body;
            analysis
                .claims
                .extend((0..tokens).map(|_| author_claim(body, Span::new(0, 0))));
        }
    }

    #[test]
    fn with_a_parser_stages_get_the_parse_and_timings_show_it() {
        let Ok(parser) = crate::parse::Parser::load_default() else {
            return; // no model: crate::parse's tests say so
        };
        let pipeline = Pipeline::default()
            .with_stage(SeesParse)
            .with_parser(parser);
        let analysis = pipeline.analyze(&Article::new("T", "Talks began."));
        assert_eq!(analysis.claims.len(), 3, "Talks / began / .");
        let names: Vec<&str> = pipeline.timings().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, vec!["text", "parse", "sees-parse"]);
        let without = Pipeline::default().with_stage(SeesParse);
        assert!(without
            .analyze(&Article::new("T", "Talks began."))
            .claims
            .is_empty());
    }

    #[test]
    fn empty_pipeline_gives_empty_analysis() {
        let analysis = Pipeline::default().analyze(&Article::new("T", "Talks began."));
        assert_eq!(analysis, Analysis::default());
    }

    #[test]
    fn standard_pipeline_finds_actors_and_times_with_valid_spans() {
        let body =
            "On Monday, Russian Deputy Foreign Minister Sergei Ryabkov met US officials in Geneva.";
        let article = Article::new("T", body).with_published(
            chrono::NaiveDate::from_ymd_opt(2022, 1, 13).unwrap(),
            parley_core::DateSource::User,
        );
        let analysis = Pipeline::standard().analyze(&article);
        assert!(
            analysis
                .entities
                .iter()
                .any(|e| e.span.text.contains("Ryabkov")),
            "{:?}",
            analysis.entities
        );
        assert!(
            analysis
                .times
                .iter()
                .any(|t| t.value.as_deref() == Some("2022-01-10")),
            "{:?}",
            analysis.times
        );
        let doc = parley_core::Document::new("t".into(), article, analysis);
        assert!(doc.check_spans().is_empty(), "{:?}", doc.check_spans());
    }
}

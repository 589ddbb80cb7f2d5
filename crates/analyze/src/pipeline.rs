//! The pipeline: an ordered list of stages run over one article.

use parley_core::{Analysis, Article, TextLayer};

/// What a stage reads: the article and its text layer (paragraphs, sentences, tokens,
/// quotations), built once per article and shared by every stage.
pub struct Context<'a> {
    pub article: &'a Article,
    pub text: &'a TextLayer,
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
}

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
        self
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over one article.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let text = TextLayer::new(&article.body);
        let cx = Context {
            article,
            text: &text,
        };
        let mut analysis = Analysis::default();
        for stage in &self.stages {
            stage.run(&cx, &mut analysis);
        }
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_core::{Claim, ClaimHolder, Span, Stance, TextSpan};

    /// Marks the whole body as one author claim; enough to see stages run in order.
    struct WholeBodyClaim;
    impl Stage for WholeBodyClaim {
        fn name(&self) -> &'static str {
            "whole-body-claim"
        }
        fn run(&self, cx: &Context, analysis: &mut Analysis) {
            let body = &cx.article.body;
            analysis.claims.push(Claim {
                span: TextSpan::from_body(body, Span::new(0, body.len())).unwrap(),
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
            });
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

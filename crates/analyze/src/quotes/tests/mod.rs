//! Table-driven tests (tests/cases.txt), the size sweep that checks growth is linear, and
//! tests of the stage's inputs and outputs.

mod linear;
mod table;

use super::QuoteStage;
use parley_core::text::TextLayer;
use parley_core::Quote;

pub(crate) fn run(body: &str) -> Vec<Quote> {
    let layer = TextLayer::new(body);
    QuoteStage::new().quotes(body, &layer, &[])
}

/// As [`run`], with the body's parse; None without the model.
pub(crate) fn run_parsed(body: &str) -> Option<Vec<Quote>> {
    let parse = crate::parse::test_parser()?.parse(body);
    let layer = TextLayer::new(body);
    Some(QuoteStage::new().quotes_parsed(body, &layer, &[], Some(&parse)))
}

#[cfg(test)]
mod stage {
    use super::run;
    use crate::quotes::QuoteStage;
    use parley_core::text::TextLayer;
    use parley_core::{ActorRef, EntityMention, QuoteKind, TextSpan};

    #[test]
    fn insertions_inside_a_quote_are_attached_and_kept_in_its_text() {
        let body = "Blinken accused Russia of “seek(ing) to undermine the system (sic).”";
        let q = &run(body)[0];
        let ins: Vec<&str> = q.insertions.iter().map(|i| i.text.as_str()).collect();
        assert!(ins.contains(&"(sic)"), "{ins:?}");
        assert!(q.span.text.contains("seek(ing)"));
    }

    #[test]
    fn speaker_span_and_cue_span_point_into_the_body() {
        let body = "“We are ready,” Kremlin spokesman Dmitry Peskov said.";
        let q = &run(body)[0];
        assert_eq!(
            q.speaker_span.as_ref().unwrap().text,
            "Kremlin spokesman Dmitry Peskov"
        );
        assert_eq!(q.cue.as_ref().unwrap().span.text, "said");
        assert_eq!(q.cue.as_ref().unwrap().verb, "say");
    }

    #[test]
    fn a_pronoun_speaker_keeps_its_own_span_and_the_antecedent_name() {
        let body = "Lavrov said talks would resume soon. “We will see,” he added.";
        let q = run(body)
            .into_iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .unwrap();
        assert_eq!(q.speaker.unwrap().name, "Lavrov");
        assert_eq!(q.speaker_span.unwrap().text, "he");
    }

    #[test]
    fn mentions_from_the_actors_stage_give_the_actor_id() {
        let body = "Later the Kremlin said the talks had failed.";
        let start = body.find("Kremlin").unwrap();
        let mention = EntityMention {
            span: TextSpan {
                start,
                end: start + 7,
                text: "Kremlin".into(),
            },
            actor: Some(ActorRef {
                id: "RUSGOV".into(),
                name: "Kremlin".into(),
                kind: "organization".into(),
                country: Some("RUS".into()),
                sector: Some("GOV".into()),
            }),
            found_by: "kb".into(),
        };
        let layer = TextLayer::new(body);
        let q = &QuoteStage::new().quotes(body, &layer, &[mention])[0];
        assert_eq!(
            q.speaker.as_ref().unwrap().actor_id.as_deref(),
            Some("RUSGOV")
        );
    }

    /// A mention of a person on `text`, found at the start of `context` in `body`.
    fn person(body: &str, context: &str, text: &str, id: &str, name: &str) -> EntityMention {
        let start = body.find(context).unwrap();
        EntityMention {
            span: TextSpan {
                start,
                end: start + text.len(),
                text: text.into(),
            },
            actor: Some(ActorRef {
                id: id.into(),
                name: name.into(),
                kind: "person".into(),
                country: None,
                sector: None,
            }),
            found_by: "kb".into(),
        }
    }

    fn last_speaker(body: &str, mentions: &[EntityMention]) -> String {
        let layer = TextLayer::new(body);
        let quotes = QuoteStage::new().quotes(body, &layer, mentions);
        quotes
            .last()
            .unwrap()
            .speaker
            .as_ref()
            .unwrap()
            .name
            .clone()
    }

    #[test]
    fn a_pronoun_goes_to_a_nearer_speaker_the_coreference_did_not_know() {
        let body = "The minister thanked King Olaf Berg for his help. ¶Ruth, the pilot's sister, \
                    said the crew was safe. “We are so relieved,” she said.";
        let body = body.replace(" ¶", "\n\n");
        let king = person(&body, "Olaf Berg", "Olaf Berg", "olaf-berg", "Olaf Berg");
        let coref = person(&body, "she said", "she", "olaf-berg", "Olaf Berg");
        assert_eq!(last_speaker(&body, &[king, coref]), "Ruth");
    }

    #[test]
    fn a_pronoun_keeps_the_coreference_when_its_antecedent_is_nearer() {
        let body = "Ruth said the crew was safe. ¶Later Olaf Berg arrived. “We are so relieved,” \
                    he said.";
        let body = body.replace(" ¶", "\n\n");
        let king = person(&body, "Olaf Berg", "Olaf Berg", "olaf-berg", "Olaf Berg");
        let coref = person(&body, "he said", "he", "olaf-berg", "Olaf Berg");
        assert_eq!(last_speaker(&body, &[king, coref]), "Olaf Berg");
    }

    #[test]
    fn a_pronoun_keeps_the_coreference_over_a_speaker_the_knowledge_base_knows() {
        let body = "Olaf Berg arrived. Ruth Moe said the crew was safe. “We are so relieved,” \
                    she said.";
        let king = person(body, "Olaf Berg", "Olaf Berg", "olaf-berg", "Olaf Berg");
        let ruth = person(body, "Ruth Moe", "Ruth Moe", "ruth-moe", "Ruth Moe");
        let coref = person(body, "she said", "she", "olaf-berg", "Olaf Berg");
        assert_eq!(last_speaker(body, &[king, ruth, coref]), "Olaf Berg");
    }

    #[test]
    fn a_resolved_pronoun_is_named_in_the_article_spelling_of_its_antecedent() {
        let body = "President Aleksandr Kuzmenkov arrived. “We will win,” he said.";
        let name = person(
            body,
            "Aleksandr",
            "Aleksandr Kuzmenkov",
            "ak",
            "Alexander Kuzmenkoff",
        );
        let coref = person(body, "he said", "he", "ak", "Alexander Kuzmenkoff");
        assert_eq!(last_speaker(body, &[name, coref]), "Aleksandr Kuzmenkov");
    }

    #[test]
    fn without_mentions_the_speaker_name_comes_from_the_text() {
        let q = &run("Later the Kremlin said the talks had failed.")[0];
        let s = q.speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.actor_id.as_deref()), ("Kremlin", None));
    }

    #[test]
    fn scare_quotes_are_flagged_without_a_speaker_and_left_out_of_speech() {
        let body = "No such “plans” exist.";
        let layer = TextLayer::new(body);
        let all = QuoteStage::new().quotes(body, &layer, &[]);
        assert!(all[0].scare && all[0].speaker.is_none());
        assert!(all[0]
            .speaker_unknown_reason
            .as_deref()
            .unwrap()
            .starts_with("scare"));
        assert!(QuoteStage::new().speech(body, &layer, &[]).is_empty());
    }

    #[test]
    fn quotes_come_sorted_by_start() {
        let body = "Lavrov said talks would resume. “We are ready,” he said. Peskov denied that troops had moved.";
        let q = run(body);
        assert!(q.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        assert_eq!(q.len(), 3);
    }
}

#[test]
fn the_stage_runs_in_a_pipeline_and_writes_speech() {
    use crate::{Pipeline, Stage};
    use parley_core::Article;
    let stage = QuoteStage::new();
    assert_eq!(stage.name(), "quotes");
    let pipeline = Pipeline::default().with_stage(stage);
    let article = Article::new("T", "No such “plans” exist. “We are ready,” Lavrov said.");
    let analysis = pipeline.analyze(&article);
    assert_eq!(analysis.quotes.len(), 1);
    assert_eq!(analysis.quotes[0].speaker.as_ref().unwrap().name, "Lavrov");
}

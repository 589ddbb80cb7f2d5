//! The report `parley analyze` writes: `{"documents": [...]}`.
//!
//! Field names are a contract (see docs/report.md and ../shared/eval/score.py): keep them stable.

use crate::article::{Article, DateSource};
use crate::claim::Claim;
use crate::entity::EntityMention;
use crate::event::Event;
use crate::framing::Framing;
use crate::quote::Quote;
use crate::span::TextSpan;
use crate::time::TimeMention;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The annotations of one article, every one a span over its body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Vec<EntityMention>,
    /// Time expressions with the dates they stand for.
    pub times: Vec<TimeMention>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    pub framing: Framing,
}

/// One analysed article as the report writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file the article came from (with `:LINE` for a JSON Lines record).
    pub source_file: String,
    /// The id the input itself gave the article (a JSON Lines `id`), when it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Stable hash of the normalised body (see `article_id`).
    pub id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    pub language: Option<String>,
    /// The body every offset refers to.
    pub text: String,
    #[serde(flatten)]
    pub analysis: Analysis,
}

impl Document {
    pub fn new(source_file: String, article: Article, analysis: Analysis) -> Self {
        Document {
            source_file,
            source_id: None,
            id: article.id,
            url: article.url,
            outlet: article.outlet,
            title: article.title,
            published: article.published,
            published_from: article.published_from,
            language: article.language,
            text: article.body,
            analysis,
        }
    }

    /// Every span the document carries, with a label saying where it sits.
    pub fn spans(&self) -> Vec<(String, &TextSpan)> {
        let a = &self.analysis;
        let mut out: Vec<(String, &TextSpan)> = Vec::new();
        for (i, e) in a.entities.iter().enumerate() {
            out.push((format!("entities[{i}]"), &e.span));
        }
        for (i, t) in a.times.iter().enumerate() {
            out.push((format!("times[{i}]"), &t.span));
        }
        for (i, q) in a.quotes.iter().enumerate() {
            out.push((format!("quotes[{i}]"), &q.span));
            if let Some(s) = &q.speaker_span {
                out.push((format!("quotes[{i}].speaker_span"), s));
            }
            if let Some(c) = &q.cue {
                out.push((format!("quotes[{i}].cue"), &c.span));
            }
            for (j, s) in q.insertions.iter().enumerate() {
                out.push((format!("quotes[{i}].insertions[{j}]"), s));
            }
        }
        for (i, e) in a.events.iter().enumerate() {
            out.push((format!("events[{i}].evidence"), &e.evidence));
            if let Some(t) = &e.trigger {
                out.push((format!("events[{i}].trigger"), t));
            }
        }
        for (i, c) in a.claims.iter().enumerate() {
            out.push((format!("claims[{i}]"), &c.span));
            if let Some(p) = &c.proposition {
                out.push((format!("claims[{i}].proposition"), p));
            }
            if let Some(cue) = &c.cue {
                out.push((format!("claims[{i}].cue"), cue));
            }
        }
        let f = &a.framing;
        for (i, s) in f.signals.iter().enumerate() {
            out.push((format!("framing.signals[{i}]"), &s.span));
        }
        for (i, s) in f.author_voice.insertions.iter().enumerate() {
            out.push((format!("framing.author_voice.insertions[{i}]"), s));
        }
        for (i, t) in f.headline.iter().flat_map(|h| &h.supported_by).enumerate() {
            out.push((
                format!("framing.headline.supported_by[{i}].evidence"),
                &t.evidence,
            ));
        }
        out
    }

    /// Checks `text[start..end] == span.text` for every span; returns each violation.
    pub fn check_spans(&self) -> Vec<String> {
        self.spans()
            .into_iter()
            .filter_map(|(at, s)| {
                s.check(&self.text)
                    .err()
                    .map(|e| format!("{}: {at}: {e}", self.source_file))
            })
            .collect()
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    pub documents: Vec<Document>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::ActorRef;
    use crate::span::Span;
    use crate::EntityMention;

    fn doc_with_entity(body: &str, span: TextSpan) -> Document {
        let mut analysis = Analysis::default();
        analysis.entities.push(EntityMention {
            span,
            actor: Some(ActorRef {
                id: "RUS".into(),
                name: "Russia".into(),
                kind: "country".into(),
                country: Some("RUS".into()),
                sector: None,
            }),
            found_by: "kb".into(),
        });
        Document::new("a.txt".into(), Article::new("T", body), analysis)
    }

    #[test]
    fn check_spans_accepts_spans_taken_from_the_body() {
        let body = "Russia said no.";
        let doc = doc_with_entity(body, TextSpan::from_body(body, Span::new(0, 6)).unwrap());
        assert!(doc.check_spans().is_empty());
    }

    #[test]
    fn check_spans_reports_a_span_whose_text_differs() {
        let doc = doc_with_entity(
            "Russia said no.",
            TextSpan {
                start: 0,
                end: 6,
                text: "Moscow".into(),
            },
        );
        let problems = doc.check_spans();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("entities[0]"), "{problems:?}");
    }

    #[test]
    fn document_serialises_with_the_contract_field_names() {
        let body = "Russia said no.";
        let doc = doc_with_entity(body, TextSpan::from_body(body, Span::new(0, 6)).unwrap());
        let v = serde_json::to_value(&doc).unwrap();
        for key in [
            "source_file",
            "title",
            "published",
            "text",
            "entities",
            "quotes",
            "events",
            "claims",
            "framing",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        let e = &v["entities"][0];
        assert_eq!(e["text"], "Russia");
        assert_eq!(e["start"], 0);
        assert_eq!(e["end"], 6);
        assert_eq!(e["actor"]["type"], "country");
        assert_eq!(e["actor"]["country"], "RUS");
    }
}

//! What the aggregate reads hand back: annotation rows with their article, per-article layer
//! summaries, and actor candidates. `parley-link` builds positions, the claim × outlet matrix,
//! outlet profiles and exports from them (see the `Store` methods of the same block).
//!
//! Every read is paged by article: a page covers the articles whose storing order (`cursor`)
//! lies after the caller's cursor, so a caller walks a store of any size with flat memory.

use crate::StoreError;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Which annotation rows to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationFilter {
    /// Layers to read ("events", "quotes", "claims", "entities", ...); at least one.
    pub layers: Vec<String>,
    /// When not empty: only rows whose actor id is one of these (actor columns: see `rows`).
    pub actor_ids: Vec<String>,
    /// When not empty: also rows without an actor id whose actor name is one of these
    /// (compared case-insensitively).
    pub actor_names: Vec<String>,
}

impl AnnotationFilter {
    /// Every row of `layers`.
    pub fn layers(layers: &[&str]) -> Self {
        AnnotationFilter {
            layers: layers.iter().map(|l| l.to_string()).collect(),
            ..Default::default()
        }
    }

    /// True when rows are filtered by actor.
    pub fn by_actor(&self) -> bool {
        !self.actor_ids.is_empty() || !self.actor_names.is_empty()
    }

    /// The names, lower-cased, as the backends compare them.
    pub(crate) fn lower_names(&self) -> Vec<String> {
        self.actor_names.iter().map(|n| n.to_lowercase()).collect()
    }
}

/// The article an annotation belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub title: String,
    pub url: Option<String>,
}

/// One annotation row with its article.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationRecord {
    pub article: ArticleMeta,
    pub layer: String,
    pub seq: i64,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub text: Option<String>,
    /// The element's JSON as stored (without its own span; see [`AnnotationRecord::decode`]).
    pub data: String,
}

impl AnnotationRecord {
    /// The element as its type (`Event`, `Quote`, `Claim`, ...), span put back.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, StoreError> {
        let corrupt = |reason: String| StoreError::Corrupt {
            id: self.article.id.clone(),
            reason: format!("{}[{}]: {reason}", self.layer, self.seq),
        };
        let mut value: Value =
            serde_json::from_str(&self.data).map_err(|e| corrupt(e.to_string()))?;
        let row = crate::rows::StoredRow {
            layer: &self.layer,
            seq: self.seq,
            start: self.start,
            end: self.end,
            text: self.text.as_deref(),
            data: &self.data,
        };
        crate::rows::restore_own_span(&mut value, &row);
        serde_json::from_value(value).map_err(|e| corrupt(e.to_string()))
    }
}

/// A page of annotation rows: those of the articles after the caller's cursor up to `next`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotationPage {
    pub rows: Vec<AnnotationRecord>,
    /// The cursor to ask for the next page with; `None` when this page reached the end.
    pub next: Option<i64>,
}

/// One article with the single values and row counts of the layers asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLayers {
    /// The article's place in storing order: pass the last one back to read on.
    pub cursor: i64,
    pub article: ArticleMeta,
    /// `(layer, JSON value)` of each asked-for single-value layer the article has
    /// ("framing.tone.tone" → "-1.5").
    pub values: Vec<(String, String)>,
    /// `(layer, code, rows)` of each asked-for list layer, per code ("framing.signals",
    /// "loaded_language", 3).
    pub counts: Vec<(String, Option<String>, i64)>,
}

impl ArticleLayers {
    /// The value of single-value layer `layer` as a number, if it has one.
    pub fn number(&self, layer: &str) -> Option<f64> {
        self.value(layer).and_then(|v| v.parse().ok())
    }

    /// The value of single-value layer `layer` as text (JSON strings unquoted).
    pub fn string(&self, layer: &str) -> Option<String> {
        let v = self.value(layer)?;
        match serde_json::from_str::<Value>(v) {
            Ok(Value::String(s)) => Some(s),
            _ => Some(v.to_string()),
        }
    }

    fn value(&self, layer: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(l, _)| l == layer)
            .map(|(_, v)| v.as_str())
    }

    /// Rows of list layer `layer`, of code `code` or of any code.
    pub fn count(&self, layer: &str, code: Option<&str>) -> i64 {
        self.counts
            .iter()
            .filter(|(l, c, _)| l == layer && (code.is_none() || c.as_deref() == code))
            .map(|(_, _, n)| n)
            .sum()
    }
}

/// An actor as stored in annotation rows: an actor id with the names it was written under,
/// or a name that was never resolved to an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCandidate {
    pub actor_id: Option<String>,
    /// Names seen with it, most frequent first.
    pub names: Vec<String>,
    /// Rows (entity mentions, quotes, events, claims) that name it.
    pub mentions: i64,
}

/// Groups `(actor id, name, rows)` into candidates: one per actor id, one per unresolved name
/// (case-insensitively); most mentioned first.
pub(crate) fn group_candidates(rows: Vec<(Option<String>, String, i64)>) -> Vec<ActorCandidate> {
    let mut out: Vec<ActorCandidate> = Vec::new();
    let mut rows = rows;
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    for (id, name, n) in rows {
        let same = |c: &ActorCandidate| match (&id, &c.actor_id) {
            (Some(a), Some(b)) => a == b,
            (None, None) => c.names[0].to_lowercase() == name.to_lowercase(),
            _ => false,
        };
        match out.iter_mut().find(|c| same(c)) {
            Some(c) => {
                c.mentions += n;
                if !c.names.contains(&name) {
                    c.names.push(name);
                }
            }
            None => out.push(ActorCandidate {
                actor_id: id,
                names: vec![name],
                mentions: n,
            }),
        }
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.mentions));
    out
}

/// Layers whose actor columns name an actor (see the table in `rows`).
pub(crate) const ACTOR_LAYERS: [&str; 4] = ["entities", "quotes", "events", "claims"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_group_by_id_and_by_unresolved_name() {
        let got = group_candidates(vec![
            (Some("RUSGOV:lavrov".into()), "Lavrov".into(), 5),
            (Some("RUSGOV:lavrov".into()), "Sergei Lavrov".into(), 2),
            (None, "Lavrov".into(), 1),
            (None, "lavrov".into(), 1),
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].actor_id.as_deref(), Some("RUSGOV:lavrov"));
        assert_eq!(got[0].names, vec!["Lavrov", "Sergei Lavrov"]);
        assert_eq!(got[0].mentions, 7);
        assert_eq!((got[1].actor_id.clone(), got[1].mentions), (None, 2));
    }

    #[test]
    fn layer_values_read_as_numbers_and_strings() {
        let a = ArticleLayers {
            cursor: 1,
            article: ArticleMeta {
                id: "a".into(),
                outlet: None,
                published: None,
                title: "T".into(),
                url: None,
            },
            values: vec![
                ("framing.tone.tone".into(), "-1.5".into()),
                ("framing.headline.verdict".into(), "\"partly\"".into()),
            ],
            counts: vec![
                ("framing.signals".into(), Some("loaded_language".into()), 3),
                ("framing.signals".into(), Some("doubt".into()), 1),
            ],
        };
        assert_eq!(a.number("framing.tone.tone"), Some(-1.5));
        assert_eq!(
            a.string("framing.headline.verdict").as_deref(),
            Some("partly")
        );
        assert_eq!(a.number("framing.tone.word_count"), None);
        assert_eq!(a.count("framing.signals", None), 4);
        assert_eq!(a.count("framing.signals", Some("doubt")), 1);
    }

    #[test]
    fn a_record_decodes_with_its_span_put_back() {
        let r = AnnotationRecord {
            article: ArticleMeta {
                id: "a".into(),
                outlet: None,
                published: None,
                title: "T".into(),
                url: None,
            },
            layer: "quotes".into(),
            seq: 0,
            start: Some(4),
            end: Some(6),
            text: Some("no".into()),
            data: r#"{"kind":"direct","speaker":null,"speaker_span":null,
                      "speaker_unknown_reason":null,"cue":null,"insertions":[],"scare":false}"#
                .into(),
        };
        let q: parley_core::Quote = r.decode().unwrap();
        assert_eq!((q.span.start, q.span.text.as_str()), (4, "no"));
        let bad = AnnotationRecord {
            data: "{".into(),
            ..r
        };
        let err = bad.decode::<parley_core::Quote>().unwrap_err().to_string();
        assert!(
            err.contains("article a") && err.contains("quotes[0]"),
            "{err}"
        );
    }
}

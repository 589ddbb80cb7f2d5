//! Documents as rows, the same for every backend.
//!
//! An `Analysis` is turned into annotation rows generically, through its JSON form: each
//! element of each list becomes one row whose `layer` is the list's path (`entities`,
//! `quotes`, `events`, `claims`, `framing.signals`, ...) and `seq` its index; a single value
//! outside a list (a future `framing.tone`) is a row with `seq = -1`. The element's JSON is
//! kept in `data` (less its own span, which the span columns hold); typed columns copy out
//! what queries need. Reading back rebuilds the JSON and deserialises it, so stages can add
//! fields and lists without a schema change.
//!
//! Typed columns, by layer (all nullable):
//!
//! | layer | kind | code | actor_id / actor_name / country | target_id / target_country | day |
//! |---|---|---|---|---|---|
//! | entities | actor type | actor sector | the actor | | |
//! | quotes | direct/partial/indirect | cue verb | the speaker | | |
//! | events | status | CAMEO code | the source actor | the target actor | event date |
//! | claims | stance | holder kind | the holder | | |
//! | framing.signals | voice | technique | | | |
//!
//! `start`, `end`, `text` are the element's own span, or its `evidence` span (events).

use parley_core::{Analysis, Document};
use serde_json::{Map, Value};

/// One annotation as stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotationRow {
    pub layer: String,
    /// Index in its list, or -1 for a single value.
    pub seq: i64,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub text: Option<String>,
    pub kind: Option<String>,
    pub code: Option<String>,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub country: Option<String>,
    pub target_id: Option<String>,
    pub target_country: Option<String>,
    pub day: Option<String>,
    /// The element's JSON.
    pub data: String,
}

/// The annotation rows of an analysis.
pub fn annotation_rows(analysis: &Analysis) -> Result<Vec<AnnotationRow>, String> {
    let value = serde_json::to_value(analysis).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    flatten("", &value, &mut rows);
    Ok(rows)
}

fn flatten(path: &str, value: &Value, rows: &mut Vec<AnnotationRow>) {
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (key, v) in map {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(&sub, v, rows);
            }
        }
        Value::Array(items) if WHOLE_LIST_LAYERS.contains(&path) => {
            if !items.is_empty() {
                rows.push(AnnotationRow {
                    layer: path.to_string(),
                    seq: -1,
                    data: value.to_string(),
                    ..Default::default()
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                rows.push(element_row(path, i as i64, item));
            }
        }
        scalar => rows.push(AnnotationRow {
            layer: path.to_string(),
            seq: -1,
            data: scalar.to_string(),
            ..Default::default()
        }),
    }
}

/// Lists stored whole, as one `seq = -1` row holding the list's JSON, instead of one row per
/// element: per-sentence layers that no query selects by element (a report or export reads
/// them whole), where a row and two index entries per sentence would cost more than the data.
/// Reading back treats the row as any single value, so stores with per-element rows still read.
const WHOLE_LIST_LAYERS: [&str; 1] = ["framing.sentences"];

/// Where each layer's typed columns come from (the table in this module's doc): JSON pointers
/// into the element for kind, code, actor_id, actor_name, country, target_id, target_country,
/// day; "" for none.
const TYPED_COLUMNS: [(&str, [&str; 8]); 5] = [
    (
        "entities",
        [
            "/actor/type",
            "/actor/sector",
            "/actor/id",
            "/actor/name",
            "/actor/country",
            "",
            "",
            "",
        ],
    ),
    (
        "quotes",
        [
            "/kind",
            "/cue/verb",
            "/speaker/actor_id",
            "/speaker/name",
            "",
            "",
            "",
            "",
        ],
    ),
    (
        "events",
        [
            "/status",
            "/code",
            "/source/actor_id",
            "/source/name",
            "/source/country",
            "/target/actor_id",
            "/target/country",
            "/date",
        ],
    ),
    (
        "claims",
        [
            "/stance",
            "/holder/kind",
            "/holder/actor_id",
            "/holder/name",
            "",
            "",
            "",
            "",
        ],
    ),
    (
        "framing.signals",
        ["/voice", "/technique", "", "", "", "", "", ""],
    ),
];

/// Every other layer keeps only its `kind`.
const OTHER_LAYER_COLUMNS: [&str; 8] = ["/kind", "", "", "", "", "", "", ""];

fn typed_column_pointers(layer: &str) -> [&'static str; 8] {
    TYPED_COLUMNS
        .iter()
        .find(|(l, _)| *l == layer)
        .map(|(_, pointers)| *pointers)
        .unwrap_or(OTHER_LAYER_COLUMNS)
}

/// The row of one list element, with the typed columns its layer has.
fn element_row(layer: &str, seq: i64, v: &Value) -> AnnotationRow {
    let s = |pointer: &str| v.pointer(pointer).and_then(Value::as_str).map(String::from);
    let span_of = if v.get("start").is_some() {
        Some(v)
    } else {
        v.get("evidence")
    };
    let mut row = AnnotationRow {
        layer: layer.to_string(),
        seq,
        start: span_of.and_then(|x| x.get("start")).and_then(Value::as_i64),
        end: span_of.and_then(|x| x.get("end")).and_then(Value::as_i64),
        text: span_of
            .and_then(|x| x.get("text"))
            .and_then(Value::as_str)
            .map(String::from),
        ..Default::default()
    };
    row.data = data_without_own_span(v, &row);
    let [kind, code, actor_id, actor_name, country, target_id, target_country, day] =
        typed_column_pointers(layer).map(|p| (!p.is_empty()).then(|| s(p)).flatten());
    row.kind = kind;
    row.code = code;
    row.actor_id = actor_id;
    row.actor_name = actor_name;
    row.country = country;
    row.target_id = target_id;
    row.target_country = target_country;
    row.day = day;
    row
}

/// The element's JSON for the `data` column. An element whose own span is complete
/// (`start`, `end`, `text` at its top level) and that has no `evidence` is stored without
/// the span, which the span columns hold; [`analysis_from_rows`] puts it back by the same rule.
/// A nested span that repeats the row's span (a claim's proposition that is the whole
/// sentence, an event's evidence) keeps its offsets but not its text, which the `text`
/// column holds; [`restore_own_span`] puts it back.
fn data_without_own_span(v: &Value, row: &AnnotationRow) -> String {
    let mut v = v.clone();
    if let Value::Object(map) = &mut v {
        if has_own_span(map) && !map.contains_key("evidence") {
            for key in ["start", "end", "text"] {
                map.remove(key);
            }
        }
    }
    if let (Some(start), Some(end), Some(text)) = (row.start, row.end, row.text.as_deref()) {
        for_each_nested_object(&mut v, &mut |map| {
            let repeats_row = span_offsets(map) == Some((start, end))
                && map.get("text").and_then(Value::as_str) == Some(text);
            if repeats_row {
                map.remove("text");
            }
        });
    }
    v.to_string()
}

/// Calls `f` on every object inside `v` (not `v` itself), at any depth.
fn for_each_nested_object(v: &mut Value, f: &mut impl FnMut(&mut Map<String, Value>)) {
    let children: Box<dyn Iterator<Item = &mut Value>> = match v {
        Value::Object(map) => Box::new(map.values_mut()),
        Value::Array(items) => Box::new(items.iter_mut()),
        _ => return,
    };
    for child in children {
        if let Value::Object(map) = child {
            f(map);
        }
        for_each_nested_object(child, f);
    }
}

fn span_offsets(map: &Map<String, Value>) -> Option<(i64, i64)> {
    Some((map.get("start")?.as_i64()?, map.get("end")?.as_i64()?))
}

fn has_own_span(map: &Map<String, Value>) -> bool {
    map.get("start").is_some_and(Value::is_i64)
        && map.get("end").is_some_and(Value::is_i64)
        && map.get("text").is_some_and(Value::is_string)
}

/// One annotation row as read back.
#[derive(Debug, Clone, Copy)]
pub struct StoredRow<'a> {
    pub layer: &'a str,
    pub seq: i64,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub text: Option<&'a str>,
    pub data: &'a str,
}

/// An annotation row as both backends read it: layer, seq, start, end, text, data.
pub type OwnedRow = (
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
);

/// Rebuilds the analysis of article `id` from its rows as read; rows that do not read back
/// mean a corrupt store.
pub fn analysis_of(id: &str, rows: &[OwnedRow]) -> Result<Analysis, crate::StoreError> {
    analysis_from_rows(
        rows.iter()
            .map(|(layer, seq, start, end, text, data)| StoredRow {
                layer,
                seq: *seq,
                start: *start,
                end: *end,
                text: text.as_deref(),
                data,
            }),
    )
    .map_err(|reason| crate::StoreError::Corrupt {
        id: id.to_string(),
        reason,
    })
}

/// Rebuilds an analysis from its rows, in `seq` order within each layer.
pub fn analysis_from_rows<'a>(
    rows: impl IntoIterator<Item = StoredRow<'a>>,
) -> Result<Analysis, String> {
    let mut root = serde_json::to_value(Analysis::default()).map_err(|e| e.to_string())?;
    for row in rows {
        let StoredRow {
            layer, seq, data, ..
        } = row;
        let mut value: Value =
            serde_json::from_str(data).map_err(|e| format!("{layer}[{seq}] is not JSON: {e}"))?;
        restore_own_span(&mut value, &row);
        let slot = slot_at(&mut root, layer)?;
        if seq < 0 {
            *slot = value;
        } else {
            if !slot.is_array() {
                *slot = Value::Array(Vec::new());
            }
            if let Value::Array(items) = slot {
                items.push(value);
            }
        }
    }
    serde_json::from_value(root).map_err(|e| format!("does not read as an analysis: {e}"))
}

/// Puts back the spans [`data_without_own_span`] took out: the element's own, and the text
/// of nested spans with the row's offsets.
pub(crate) fn restore_own_span(value: &mut Value, row: &StoredRow) {
    let (Some(start), Some(end), Some(text)) = (row.start, row.end, row.text) else {
        return;
    };
    for_each_nested_object(value, &mut |map| {
        if span_offsets(map) == Some((start, end)) && !map.contains_key("text") {
            map.insert("text".into(), text.into());
        }
    });
    if let Value::Object(map) = value {
        if !map.contains_key("start") && !map.contains_key("evidence") {
            map.insert("start".into(), start.into());
            map.insert("end".into(), end.into());
            map.insert("text".into(), text.into());
        }
    }
}

/// The value at a dotted path, creating objects on the way.
fn slot_at<'v>(root: &'v mut Value, path: &str) -> Result<&'v mut Value, String> {
    let mut here = root;
    for key in path.split('.') {
        if !here.is_object() {
            *here = Value::Object(Map::new());
        }
        here = match here {
            Value::Object(map) => map.entry(key.to_string()).or_insert(Value::Null),
            _ => return Err(format!("layer {path:?} does not fit the analysis")),
        };
    }
    Ok(here)
}

/// The `published_from` of a document as its stored word ("metadata", "url", ...).
pub fn date_source_word(doc: &Document) -> String {
    serde_json::to_value(doc.published_from)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_else(|| "none".into())
}

/// The `published_from` read back from its word; unknown words read as "none".
pub fn date_source_from_word(word: &str) -> parley_core::DateSource {
    serde_json::from_value(Value::String(word.to_string())).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use parley_core::*;

    /// A document with one annotation of every kind, spans taken from its body.
    pub fn rich_document(body: &str) -> Document {
        let span = |needle: &str| {
            let start = body.find(needle).expect("needle in body");
            TextSpan::from_body(body, Span::new(start, start + needle.len())).unwrap()
        };
        let mut a = Analysis::default();
        a.entities.push(EntityMention {
            span: span("Lavrov"),
            actor: Some(ActorRef {
                id: "RUSGOV:lavrov".into(),
                name: "Sergei Lavrov".into(),
                kind: "person".into(),
                country: Some("RUS".into()),
                sector: Some("GOV".into()),
            }),
            found_by: "kb".into(),
        });
        a.quotes.push(Quote {
            span: span("“no”"),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                name: "Lavrov".into(),
                actor_id: Some("RUSGOV:lavrov".into()),
            }),
            speaker_span: Some(span("Lavrov")),
            speaker_unknown_reason: None,
            cue: Some(Cue {
                verb: "say".into(),
                span: span("said"),
                negated: false,
                modal: None,
            }),
            insertions: vec![],
            scare: false,
        });
        a.events.push(Event {
            code: "036".into(),
            root: "03".into(),
            quad_class: 1,
            goldstein: 4.0,
            plover: Some(Plover {
                category: "CONSULT".into(),
                mode: None,
            }),
            source: Some(EventActor {
                name: "Lavrov".into(),
                actor_id: Some("RUSGOV:lavrov".into()),
                country: Some("RUS".into()),
                sector: Some("GOV".into()),
            }),
            target: Some(EventActor {
                name: "Washington".into(),
                actor_id: None,
                country: Some("USA".into()),
                sector: None,
            }),
            date: chrono::NaiveDate::from_ymd_opt(2022, 1, 10),
            date_from: Some("text".into()),
            status: EventStatus::Occurred,
            reported_by: None,
            evidence: span("Lavrov said"),
            sources: vec![],
            targets: vec![],
            reciprocal: false,
            trigger: Some(span("said")),
        });
        a.claims.push(Claim {
            span: span("said"),
            holder: ClaimHolder {
                kind: "author".into(),
                name: None,
                actor_id: None,
            },
            stance: Stance::Asserts,
            proposition: Some(span("no")),
            cue: None,
            target: None,
            key: None,
        });
        a.framing.signals.push(FramingSignal {
            span: span("no"),
            technique: "loaded_language".into(),
            voice: "source".into(),
            term: "no".into(),
        });
        Document::new("t.txt".into(), Article::new("T", body), a)
    }

    #[test]
    fn every_annotation_round_trips_through_rows() {
        let doc = rich_document("Lavrov said “no” in Geneva.");
        let rows = annotation_rows(&doc.analysis).unwrap();
        // One row per list element (the scalars of the framing summary come as seq -1 rows).
        assert_eq!(rows.iter().filter(|r| r.seq >= 0).count(), 5);
        let back = analysis_from_rows(rows.iter().map(stored)).unwrap();
        assert_eq!(back, doc.analysis);
        // The span columns hold each element's own span; its JSON does not repeat it.
        for r in rows.iter().filter(|r| r.layer != "events") {
            let data: Value = serde_json::from_str(&r.data).unwrap();
            assert!(
                data.get("start").is_none() && data.get("text").is_none(),
                "{}",
                r.data
            );
        }
        let e = rows.iter().find(|r| r.layer == "events").unwrap();
        assert!(
            e.data.contains("\"evidence\""),
            "events keep their evidence: {}",
            e.data
        );
    }

    #[test]
    fn typed_columns_carry_what_queries_need() {
        let doc = rich_document("Lavrov said “no” in Geneva.");
        let rows = annotation_rows(&doc.analysis).unwrap();
        let by = |layer: &str| rows.iter().find(|r| r.layer == layer).unwrap();
        let q = by("quotes");
        assert_eq!(q.kind.as_deref(), Some("direct"));
        assert_eq!(q.actor_name.as_deref(), Some("Lavrov"));
        assert_eq!(q.code.as_deref(), Some("say"));
        assert_eq!(q.text.as_deref(), Some("“no”"));
        let e = by("events");
        assert_eq!(e.code.as_deref(), Some("036"));
        assert_eq!(e.country.as_deref(), Some("RUS"));
        assert_eq!(e.target_country.as_deref(), Some("USA"));
        assert_eq!(e.day.as_deref(), Some("2022-01-10"));
        assert_eq!((e.start, e.end), (Some(0), Some(11)));
        assert_eq!(by("entities").country.as_deref(), Some("RUS"));
        assert_eq!(
            by("framing.signals").code.as_deref(),
            Some("loaded_language")
        );
        assert_eq!(by("claims").kind.as_deref(), Some("asserts"));
    }

    fn stored(r: &AnnotationRow) -> StoredRow<'_> {
        StoredRow {
            layer: &r.layer,
            seq: r.seq,
            start: r.start,
            end: r.end,
            text: r.text.as_deref(),
            data: &r.data,
        }
    }

    #[test]
    fn a_claim_whose_proposition_is_its_sentence_stores_the_text_once() {
        let body = "Talks will resume. Lavrov said no.";
        let mut doc = rich_document("Lavrov said “no” in Geneva.");
        let sentence = TextSpan::from_body(body, Span::new(0, 18)).unwrap();
        doc.analysis.claims[0].span = sentence.clone();
        doc.analysis.claims[0].proposition = Some(sentence);
        let rows = annotation_rows(&doc.analysis).unwrap();
        let claim = rows.iter().find(|r| r.layer == "claims").unwrap();
        assert_eq!(claim.text.as_deref(), Some("Talks will resume."));
        assert!(!claim.data.contains("Talks"), "{}", claim.data);
        let back = analysis_from_rows(rows.iter().map(stored)).unwrap();
        assert_eq!(back, doc.analysis);
        // An event's evidence is the row's span: its text is kept once, in the text column.
        let event = rows.iter().find(|r| r.layer == "events").unwrap();
        assert!(!event.data.contains("Lavrov said\""), "{}", event.data);
    }

    #[test]
    fn sentence_framing_is_one_row_per_article_and_per_sentence_rows_still_read() {
        use parley_core::framing::{SentenceFraming, Tone};
        let mut a = Analysis::default();
        for (start, end) in [(0, 10), (11, 20)] {
            a.framing.sentences.push(SentenceFraming {
                span: Span::new(start, end),
                tone: Tone {
                    tone: -1.5,
                    word_count: 3,
                    ..Tone::default()
                },
                voice: "author".into(),
                bias: 0.25,
                biased: false,
            });
        }
        let rows = annotation_rows(&a).unwrap();
        let sentences: Vec<&AnnotationRow> = rows
            .iter()
            .filter(|r| r.layer == "framing.sentences")
            .collect();
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].seq, -1);
        assert_eq!(analysis_from_rows(rows.iter().map(stored)).unwrap(), a);
        // A store written before keeps one row per sentence; it reads the same.
        let mut old_rows: Vec<AnnotationRow> = rows
            .iter()
            .filter(|r| r.layer != "framing.sentences")
            .cloned()
            .collect();
        for (i, sentence) in a.framing.sentences.iter().enumerate() {
            let v = serde_json::to_value(sentence).unwrap();
            old_rows.push(element_row("framing.sentences", i as i64, &v));
        }
        old_rows.sort_by(|x, y| (&x.layer, x.seq).cmp(&(&y.layer, y.seq)));
        assert_eq!(analysis_from_rows(old_rows.iter().map(stored)).unwrap(), a);
    }

    #[test]
    fn an_element_with_a_span_and_evidence_keeps_both_in_its_json() {
        let v = serde_json::json!({"start": 0, "end": 2, "text": "On",
                                   "evidence": {"start": 3, "end": 5, "text": "Mo"}});
        let row = element_row("times", 0, &v);
        assert_eq!(row.start, Some(0));
        let back: Value = serde_json::from_str(&row.data).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn an_empty_analysis_has_no_element_rows_and_reads_back() {
        let rows = annotation_rows(&Analysis::default()).unwrap();
        assert!(
            rows.iter().all(|r| r.seq == -1),
            "only single values: {rows:?}"
        );
        assert_eq!(
            analysis_from_rows(rows.iter().map(stored)).unwrap(),
            Analysis::default()
        );
        assert_eq!(analysis_from_rows([]).unwrap(), Analysis::default());
    }

    #[test]
    fn unknown_layers_and_single_values_are_kept_generically() {
        let mut rows = Vec::new();
        let value: Value = serde_json::json!({
            "times": [{"start": 0, "end": 2, "text": "On", "kind": "date"}],
            "framing": {"signals": [], "tone": -0.5}
        });
        flatten("", &value, &mut rows);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].layer, "framing.tone");
        assert_eq!((rows[0].seq, rows[0].data.as_str()), (-1, "-0.5"));
        assert_eq!(rows[1].layer, "times");
        assert_eq!(rows[1].kind.as_deref(), Some("date"));
        assert_eq!(rows[1].start, Some(0));
    }

    #[test]
    fn a_row_that_is_not_json_is_an_error_naming_it() {
        let row = StoredRow {
            layer: "quotes",
            seq: 0,
            start: None,
            end: None,
            text: None,
            data: "{oops",
        };
        let err = analysis_from_rows([row]).unwrap_err();
        assert!(err.contains("quotes[0]"), "{err}");
    }

    #[test]
    fn date_source_words_round_trip() {
        let doc = rich_document("Lavrov said “no” in Geneva.");
        assert_eq!(date_source_word(&doc), "none");
        assert_eq!(
            date_source_from_word("metadata"),
            parley_core::DateSource::Metadata
        );
        assert_eq!(date_source_from_word("???"), parley_core::DateSource::None);
    }
}

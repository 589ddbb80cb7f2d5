//! One writer per export format: it is started once, given articles one at a time, and
//! finished.

use super::ExportFormat;
use crate::error::{write_error, AggregateError};
use parley_analyze::events::export::gdelt_rows;
use parley_analyze::events::export::plover_records;
use parley_analyze::quotes::citron_json;
use parley_store::rows::annotation_rows;
use parley_store::StoredArticle;
use std::io::Write;

/// The CSV columns: the article's, then the annotation's (see `parley_store::rows` for what
/// each annotation column holds per layer; `data` is the element's JSON).
pub const CSV_COLUMNS: [&str; 19] = [
    "article_id",
    "outlet",
    "published",
    "url",
    "title",
    "layer",
    "seq",
    "start",
    "end",
    "text",
    "kind",
    "code",
    "actor_id",
    "actor_name",
    "country",
    "target_id",
    "target_country",
    "day",
    "data",
];

pub(super) enum Sink<'w> {
    Json {
        out: &'w mut dyn Write,
        written: usize,
    },
    Lines {
        out: &'w mut dyn Write,
        format: ExportFormat,
    },
    /// Boxed: the CSV writer carries its buffer inline.
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
    Gdelt {
        out: &'w mut dyn Write,
        next_id: u64,
    },
}

fn csv_error(e: csv::Error) -> AggregateError {
    match e.into_kind() {
        csv::ErrorKind::Io(cause) => AggregateError::Write {
            what: "CSV export",
            cause,
        },
        other => AggregateError::Write {
            what: "CSV export",
            cause: std::io::Error::other(format!("{other:?}")),
        },
    }
}

impl<'w> Sink<'w> {
    pub fn start(format: ExportFormat, out: &'w mut dyn Write) -> Result<Self, AggregateError> {
        Ok(match format {
            ExportFormat::Json => {
                out.write_all(b"{\"documents\": [")
                    .map_err(write_error("JSON export"))?;
                Sink::Json { out, written: 0 }
            }
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_COLUMNS).map_err(csv_error)?;
                Sink::Csv(Box::new(w))
            }
            ExportFormat::Gdelt => Sink::Gdelt { out, next_id: 1 },
            ExportFormat::Jsonl | ExportFormat::Plover | ExportFormat::Citron => {
                Sink::Lines { out, format }
            }
        })
    }

    /// Writes one article; returns the records written.
    pub fn write(&mut self, article: &StoredArticle) -> Result<usize, AggregateError> {
        let doc = &article.document;
        match self {
            Sink::Json { out, written } => {
                let sep: &[u8] = if *written > 0 { b",\n" } else { b"\n" };
                out.write_all(sep).map_err(write_error("JSON export"))?;
                serde_json::to_writer(&mut **out, doc).map_err(|e| AggregateError::Write {
                    what: "JSON export",
                    cause: e.into(),
                })?;
                *written += 1;
                Ok(1)
            }
            Sink::Lines { out, format } => {
                let lines: Vec<serde_json::Value> = match format {
                    ExportFormat::Plover => plover_records(&doc.analysis.events, &doc.id),
                    ExportFormat::Citron => {
                        let mut v = citron_json(&doc.text, &doc.analysis.quotes);
                        v["id"] = doc.id.clone().into();
                        vec![v]
                    }
                    // The document itself, written as its type (field order, f32 as f32).
                    _ => {
                        serde_json::to_writer(&mut **out, doc).map_err(|e| {
                            AggregateError::Write {
                                what: "JSON Lines export",
                                cause: e.into(),
                            }
                        })?;
                        writeln!(out).map_err(write_error("JSON Lines export"))?;
                        return Ok(1);
                    }
                };
                for line in &lines {
                    writeln!(out, "{line}").map_err(write_error("JSON Lines export"))?;
                }
                Ok(lines.len())
            }
            Sink::Csv(w) => {
                let rows = annotation_rows(&doc.analysis).map_err(|reason| {
                    AggregateError::Store(parley_store::StoreError::Encode {
                        id: doc.id.clone(),
                        reason,
                    })
                })?;
                let opt = |v: &Option<String>| v.clone().unwrap_or_default();
                let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
                for r in &rows {
                    w.write_record([
                        doc.id.clone(),
                        opt(&doc.outlet),
                        doc.published.map(|d| d.to_string()).unwrap_or_default(),
                        opt(&doc.url),
                        doc.title.clone(),
                        r.layer.clone(),
                        r.seq.to_string(),
                        num(r.start),
                        num(r.end),
                        opt(&r.text),
                        opt(&r.kind),
                        opt(&r.code),
                        opt(&r.actor_id),
                        opt(&r.actor_name),
                        opt(&r.country),
                        opt(&r.target_id),
                        opt(&r.target_country),
                        opt(&r.day),
                        r.data.clone(),
                    ])
                    .map_err(csv_error)?;
                }
                Ok(rows.len())
            }
            Sink::Gdelt { out, next_id } => {
                let added = gdelt_timestamp(&article.ingested_at);
                let source = doc.url.clone().unwrap_or_else(|| doc.id.clone());
                let rows = gdelt_rows(&doc.analysis.events, *next_id, &source, &added);
                for row in &rows {
                    writeln!(out, "{row}").map_err(write_error("GDELT export"))?;
                }
                *next_id += rows.len() as u64;
                Ok(rows.len())
            }
        }
    }

    pub fn finish(self) -> Result<(), AggregateError> {
        match self {
            Sink::Json { out, .. } => out.write_all(b"\n]}\n").map_err(write_error("JSON export")),
            Sink::Csv(mut w) => w.flush().map_err(write_error("CSV export")),
            Sink::Lines { .. } | Sink::Gdelt { .. } => Ok(()),
        }
    }
}

/// GDELT's DATEADDED (`YYYYMMDDHHMMSS`, UTC) from an RFC 3339 time.
fn gdelt_timestamp(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y%m%d%H%M%S")
                .to_string()
        })
        .unwrap_or_default()
}

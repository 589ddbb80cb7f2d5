//! Exports of stored articles in formats other tools read as they are, streamed one article at
//! a time (memory stays flat however large the store):
//!
//! | format | what | read with |
//! |---|---|---|
//! | `json` | `{"documents": [...]}`, the layout of `parley analyze` | `json.load`, `jsonlite::read_json` |
//! | `jsonl` | one document per line | `pandas.read_json(lines=True)`, `jsonlite::stream_in` |
//! | `csv` | one row per annotation, with its article (see [`CSV_COLUMNS`]) | `pandas.read_csv`, `read.csv` |
//! | `gdelt` | GDELT 2.0 event table rows (61 tab-separated columns, no header, as GDELT's own files) | GDELT tooling, `pandas.read_csv(sep="\t", header=None)` |
//! | `plover` | PLOVER event records, one JSON object per line | PLOVER tooling, `pandas.read_json(lines=True)` |
//! | `citron` | BBC Citron's quote layout per article, one JSON object per line (plus `id`) | Citron's evaluation scripts |
//!
//! What is exported is a [`Selection`]: every article in storing order, or given article ids
//! (a story's articles).

mod sink;

pub use sink::CSV_COLUMNS;

use crate::error::{write_error, AggregateError};
use parley_store::{Store, StoredArticle};
use serde::Serialize;
use sink::Sink;
use std::io::Write;

/// Article ids read per page.
const PAGE_IDS: usize = 500;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Csv,
    Gdelt,
    Plover,
    Citron,
}

/// Which articles to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every stored article, in storing order.
    All,
    /// These articles, in this order.
    Articles(Vec<String>),
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    pub articles: usize,
    /// Records written: documents, CSV rows, GDELT rows, PLOVER records, Citron objects.
    pub records: usize,
    /// Selected ids that are not stored.
    pub missing: Vec<String>,
}

/// Writes the selected articles to `out` in `format`.
pub fn export(
    store: &mut dyn Store,
    format: ExportFormat,
    selection: &Selection,
    out: &mut dyn Write,
) -> Result<ExportSummary, AggregateError> {
    let mut sink = Sink::start(format, out)?;
    let mut summary = ExportSummary::default();
    let mut write = |article: StoredArticle, summary: &mut ExportSummary| {
        summary.articles += 1;
        summary.records += sink.write(&article)?;
        Ok::<_, AggregateError>(())
    };
    match selection {
        Selection::All => {
            let mut after = 0;
            loop {
                let page = store.article_ids_after(after, PAGE_IDS)?;
                let Some(last) = page.last() else { break };
                after = last.0;
                for (_, id) in page {
                    // Stored articles are never deleted; one gone between the two reads
                    // is left out.
                    if let Some(article) = store.get(&id)? {
                        write(article, &mut summary)?;
                    }
                }
            }
        }
        Selection::Articles(ids) => {
            for id in ids {
                match store.get(id)? {
                    Some(article) => write(article, &mut summary)?,
                    None => summary.missing.push(id.clone()),
                }
            }
        }
    }
    sink.finish()?;
    out.flush().map_err(write_error("export"))?;
    Ok(summary)
}

#[cfg(test)]
mod tests;

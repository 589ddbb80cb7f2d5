//! Storing batches of documents: one transaction per batch.

use super::schema::now;
use crate::error::SqliteContext;
use crate::model::PutOutcome;
use crate::rows::{annotation_rows, date_source_word, AnnotationRow};
use crate::StoreError;
use parley_core::Document;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

/// Stores `docs` in one transaction; an error rolls the whole batch back.
pub fn put_batch(conn: &mut Connection, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError> {
    // Encode before taking the write lock, so the lock is held only for writing.
    let encoded: Vec<Vec<AnnotationRow>> = docs
        .iter()
        .map(|d| {
            annotation_rows(&d.analysis).map_err(|reason| StoreError::Encode {
                id: d.id.clone(),
                reason,
            })
        })
        .collect::<Result<_, _>>()?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .ctx(|| "cannot start a write transaction".into())?;
    let ingested_at = now();
    let mut outcomes = Vec::with_capacity(docs.len());
    for (doc, rows) in docs.iter().zip(&encoded) {
        outcomes.push(put_one(&tx, doc, rows, &ingested_at)?);
    }
    tx.commit()
        .ctx(|| format!("cannot commit a batch of {} article(s)", docs.len()))?;
    Ok(outcomes)
}

/// Stores one document inside the batch's transaction.
fn put_one(
    tx: &Transaction,
    doc: &Document,
    rows: &[AnnotationRow],
    ingested_at: &str,
) -> Result<PutOutcome, StoreError> {
    let id = &doc.id;
    let exists = tx
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
        .and_then(|mut s| s.exists([id]))
        .ctx(|| format!("cannot look up article {id}"))?;
    if exists {
        return Ok(PutOutcome::AlreadyStored);
    }
    let previous = match &doc.url {
        Some(url) => {
            latest_revision(tx, url).ctx(|| format!("cannot look up revisions of {url}"))?
        }
        None => None,
    };
    let revision = previous.as_ref().map(|(_, r)| r + 1).unwrap_or(1);
    let previous_id = previous.map(|(id, _)| id);
    let published = doc.published.map(|d| d.to_string());
    let article_seq: i64 = tx
        .prepare_cached(
            "INSERT INTO articles (id, url, revision, previous_id, outlet, title, published,
                 published_from, language, source_file, source_id, body, annotations, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             RETURNING seq",
        )
        .and_then(|mut s| {
            s.query_row(
                params![
                    id,
                    doc.url,
                    revision,
                    previous_id,
                    doc.outlet,
                    doc.title,
                    published,
                    date_source_word(doc),
                    doc.language,
                    doc.source_file,
                    doc.source_id,
                    doc.text,
                    rows.len() as i64,
                    ingested_at
                ],
                |r| r.get(0),
            )
        })
        .ctx(|| format!("cannot insert article {id}"))?;
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")
        .and_then(|mut s| s.execute(params![article_seq, doc.title, doc.text]))
        .ctx(|| format!("cannot index article {id} for search"))?;
    insert_annotations(tx, article_seq, rows)
        .ctx(|| format!("cannot insert the annotations of article {id}"))?;
    Ok(match previous_id {
        Some(previous_id) => PutOutcome::Revision {
            revision,
            previous_id,
        },
        None => PutOutcome::Inserted,
    })
}

/// The id and revision number of the latest body stored for `url`.
fn latest_revision(tx: &Transaction, url: &str) -> rusqlite::Result<Option<(String, i64)>> {
    tx.prepare_cached(
        "SELECT id, revision FROM articles WHERE url = ?1 ORDER BY revision DESC LIMIT 1",
    )?
    .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

fn insert_annotations(
    tx: &Transaction,
    article_seq: i64,
    rows: &[AnnotationRow],
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO annotations (article_seq, layer, seq, start, \"end\", text, kind, code,
             actor_id, actor_name, country, target_id, target_country, day, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut index_quote =
        tx.prepare_cached("INSERT INTO quotes_fts (rowid, text, actor_name) VALUES (?1, ?2, ?3)")?;
    for r in rows {
        insert.execute(params![
            article_seq,
            r.layer,
            r.seq,
            r.start,
            r.end,
            r.text,
            r.kind,
            r.code,
            r.actor_id,
            r.actor_name,
            r.country,
            r.target_id,
            r.target_country,
            r.day,
            r.data
        ])?;
        if r.layer == "quotes" {
            let ann = tx.last_insert_rowid();
            index_quote.execute(params![ann, r.text, r.actor_name])?;
        }
    }
    Ok(())
}

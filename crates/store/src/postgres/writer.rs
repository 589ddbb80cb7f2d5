//! Storing batches in PostgreSQL: one transaction per batch, retried whole when it loses a
//! deadlock or a race with another worker.

use crate::model::PutOutcome;
use crate::rows::{annotation_rows, date_source_word, AnnotationRow};
use crate::StoreError;
use parley_core::Document;
use postgres::error::SqlState;
use postgres::{Client, Statement, Transaction};
use std::time::Duration;

/// Tries per batch before giving up on deadlocks and races.
const ATTEMPTS: u32 = 8;

pub fn put_batch(client: &mut Client, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError> {
    let encoded: Vec<Vec<AnnotationRow>> = docs
        .iter()
        .map(|d| {
            annotation_rows(&d.analysis).map_err(|reason| StoreError::Encode {
                id: d.id.clone(),
                reason,
            })
        })
        .collect::<Result<_, _>>()?;
    // One lock order for every worker (URL, then id) makes deadlocks rare; retries handle the rest.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| (&docs[a].url, &docs[a].id).cmp(&(&docs[b].url, &docs[b].id)));
    let mut attempt = 0;
    loop {
        attempt += 1;
        match try_put_batch(client, docs, &encoded, &order) {
            Ok(outcomes) => return Ok(outcomes),
            Err(e) if attempt < ATTEMPTS && is_retryable(&e) => {
                std::thread::sleep(Duration::from_millis(20 * u64::from(attempt)));
            }
            Err(e) => {
                return Err(StoreError::Postgres {
                    context: format!(
                        "cannot store a batch of {} article(s) (attempt {attempt})",
                        docs.len()
                    ),
                    cause: e,
                })
            }
        }
    }
}

/// Deadlocks, serialisation failures and unique-key races: worth running the batch again.
fn is_retryable(e: &postgres::Error) -> bool {
    matches!(
        e.code(),
        Some(c) if *c == SqlState::T_R_DEADLOCK_DETECTED
            || *c == SqlState::T_R_SERIALIZATION_FAILURE
            || *c == SqlState::UNIQUE_VIOLATION
    )
}

fn try_put_batch(
    client: &mut Client,
    docs: &[Document],
    encoded: &[Vec<AnnotationRow>],
    order: &[usize],
) -> Result<Vec<PutOutcome>, postgres::Error> {
    let mut tx = client.transaction()?;
    let statements = ArticleStatements::prepare(&mut tx)?;
    let mut outcomes = vec![PutOutcome::AlreadyStored; docs.len()];
    let mut annotations = Annotations::default();
    for &i in order {
        let (outcome, seq) = put_article(&mut tx, &statements, &docs[i], encoded[i].len())?;
        if let Some(seq) = seq {
            annotations.extend(seq, &encoded[i]);
        }
        outcomes[i] = outcome;
    }
    annotations.insert(&mut tx)?;
    tx.commit()?;
    Ok(outcomes)
}

/// The statements run per article, prepared once per batch: a query given as text is
/// prepared on every call, one more round trip to the server each time.
struct ArticleStatements {
    lock_url: Statement,
    exists: Statement,
    latest_revision: Statement,
    insert: Statement,
}

impl ArticleStatements {
    fn prepare(tx: &mut Transaction) -> Result<Self, postgres::Error> {
        Ok(ArticleStatements {
            // Serialises revisions of one URL across workers until the transaction ends.
            lock_url: tx.prepare("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")?,
            exists: tx.prepare("SELECT 1 FROM articles WHERE id = $1")?,
            latest_revision: tx.prepare(
                "SELECT id, revision FROM articles WHERE url = $1 ORDER BY revision DESC LIMIT 1",
            )?,
            insert: tx.prepare(
                "INSERT INTO articles (id, url, revision, previous_id, outlet, title, published,
                     published_from, language, source_file, source_id, body, annotations)
                 VALUES ($1, $2, $3, $4, $5, $6, CAST($7::text AS date), $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (id) DO NOTHING
                 RETURNING seq",
            )?,
        })
    }
}

/// Inserts the article row; returns its outcome and, when inserted, its `seq`.
fn put_article(
    tx: &mut Transaction,
    statements: &ArticleStatements,
    doc: &Document,
    annotations: usize,
) -> Result<(PutOutcome, Option<i64>), postgres::Error> {
    if let Some(url) = &doc.url {
        tx.execute(&statements.lock_url, &[url])?;
    }
    if tx.query_opt(&statements.exists, &[&doc.id])?.is_some() {
        return Ok((PutOutcome::AlreadyStored, None));
    }
    let previous: Option<(String, i32)> = match &doc.url {
        Some(url) => tx
            .query_opt(&statements.latest_revision, &[url])?
            .map(|r| (r.get(0), r.get(1))),
        None => None,
    };
    let revision: i32 = previous.as_ref().map(|(_, r)| r + 1).unwrap_or(1);
    let previous_id = previous.map(|(id, _)| id);
    let published = doc.published.map(|d| d.to_string());
    let row = tx.query_opt(
        &statements.insert,
        &[
            &doc.id,
            &doc.url,
            &revision,
            &previous_id,
            &doc.outlet,
            &doc.title,
            &published,
            &date_source_word(doc),
            &doc.language,
            &doc.source_file,
            &doc.source_id,
            &doc.text,
            &(annotations as i32),
        ],
    )?;
    let Some(row) = row else {
        // Another worker committed the same article after our lookup.
        return Ok((PutOutcome::AlreadyStored, None));
    };
    let outcome = match previous_id {
        Some(previous_id) => PutOutcome::Revision {
            revision: i64::from(revision),
            previous_id,
        },
        None => PutOutcome::Inserted,
    };
    Ok((outcome, Some(row.get(0))))
}

/// The annotation rows of a batch, column by column, for one `INSERT ... SELECT unnest(...)`.
#[derive(Default)]
struct Annotations {
    article_seq: Vec<i64>,
    layer: Vec<String>,
    seq: Vec<i64>,
    start: Vec<Option<i64>>,
    end: Vec<Option<i64>>,
    text: Vec<Option<String>>,
    kind: Vec<Option<String>>,
    code: Vec<Option<String>>,
    actor_id: Vec<Option<String>>,
    actor_name: Vec<Option<String>>,
    country: Vec<Option<String>>,
    target_id: Vec<Option<String>>,
    target_country: Vec<Option<String>>,
    day: Vec<Option<String>>,
    data: Vec<String>,
}

impl Annotations {
    fn extend(&mut self, article_seq: i64, rows: &[AnnotationRow]) {
        for r in rows {
            self.article_seq.push(article_seq);
            self.layer.push(r.layer.clone());
            self.seq.push(r.seq);
            self.start.push(r.start);
            self.end.push(r.end);
            self.text.push(r.text.clone());
            self.kind.push(r.kind.clone());
            self.code.push(r.code.clone());
            self.actor_id.push(r.actor_id.clone());
            self.actor_name.push(r.actor_name.clone());
            self.country.push(r.country.clone());
            self.target_id.push(r.target_id.clone());
            self.target_country.push(r.target_country.clone());
            self.day.push(r.day.clone());
            self.data.push(r.data.clone());
        }
    }

    fn insert(&self, tx: &mut Transaction) -> Result<(), postgres::Error> {
        if self.article_seq.is_empty() {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO annotations (article_seq, layer, seq, start, \"end\", text, kind, code,
                 actor_id, actor_name, country, target_id, target_country, day, data)
             SELECT a, l, s, st, en, t, k, c, ai, an, co, ti, tc, dy, d::jsonb
             FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[],
                         $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                         $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
                  AS u(a, l, s, st, en, t, k, c, ai, an, co, ti, tc, dy, d)",
            &[
                &self.article_seq,
                &self.layer,
                &self.seq,
                &self.start,
                &self.end,
                &self.text,
                &self.kind,
                &self.code,
                &self.actor_id,
                &self.actor_name,
                &self.country,
                &self.target_id,
                &self.target_country,
                &self.day,
                &self.data,
            ],
        )?;
        Ok(())
    }
}

//! Reading a SQLite store: articles, counts, search, consistency checks.

use crate::error::SqliteContext;
use crate::model::{Counts, HitIn, SearchHit, SearchQuery, StoredArticle, RANKED_MATCHES};
use crate::rows::{analysis_of, date_source_from_word, OwnedRow};
use crate::StoreError;
use parley_core::Document;
use rusqlite::{Connection, OptionalExtension};

/// One stored article with its annotations.
pub fn get(conn: &Connection, id: &str) -> Result<Option<StoredArticle>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT seq, url, revision, previous_id, outlet, title, published, published_from,
                    language, source_file, source_id, body, ingested_at
             FROM articles WHERE id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Document {
                        source_file: r.get(9)?,
                        source_id: r.get(10)?,
                        id: id.to_string(),
                        url: r.get(1)?,
                        outlet: r.get(4)?,
                        title: r.get(5)?,
                        published: r.get::<_, Option<String>>(6)?.and_then(|d| d.parse().ok()),
                        published_from: date_source_from_word(&r.get::<_, String>(7)?),
                        language: r.get(8)?,
                        text: r.get(11)?,
                        analysis: Default::default(),
                    },
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(12)?,
                ))
            })
            .optional()
        })
        .ctx(|| format!("cannot read article {id}"))?;
    let Some((seq, mut document, revision, previous_id, ingested_at)) = row else {
        return Ok(None);
    };
    let rows: Vec<OwnedRow> = conn
        .prepare_cached(
            "SELECT layer, seq, start, \"end\", text, data FROM annotations
             WHERE article_seq = ?1 ORDER BY layer, seq",
        )
        .and_then(|mut s| {
            s.query_map([seq], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect()
        })
        .ctx(|| format!("cannot read the annotations of article {id}"))?;
    document.analysis = analysis_of(id, &rows)?;
    Ok(Some(StoredArticle {
        document,
        revision,
        previous_id,
        ingested_at,
    }))
}

/// Every stored id, sorted.
pub fn ids(conn: &Connection) -> Result<Vec<String>, StoreError> {
    conn.prepare("SELECT id FROM articles ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .ctx(|| "cannot list the stored articles".into())
}

pub fn counts(conn: &Connection) -> Result<Counts, StoreError> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM articles),
                (SELECT count(*) FROM articles WHERE revision > 1),
                (SELECT count(*) FROM annotations),
                (SELECT count(*) FROM annotations WHERE layer = 'quotes')",
        [],
        |r| {
            Ok(Counts {
                articles: r.get(0)?,
                revisions: r.get(1)?,
                annotations: r.get(2)?,
                quotes: r.get(3)?,
            })
        },
    )
    .ctx(|| "cannot count the store's contents".into())
}

/// Hits in titles and bodies first, then in quotes; each list best first among the
/// [`RANKED_MATCHES`] most recently stored matches (FTS5 walks a term's rows by rowid, the
/// storing order, so finding the cut-off costs at most that many steps, and bm25 is computed
/// for at most that many rows).
pub fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
    let expr = if query.raw {
        query.text.clone()
    } else {
        match_expression(&query.text)
    };
    if expr.trim().is_empty() {
        return Ok(Vec::new());
    }
    let limit = query.limit as i64;
    // The OFFSET of the oldest match ranked.
    let ranked_cutoff = RANKED_MATCHES as i64 - 1;
    let hint = || {
        format!(
            "cannot search for {:?} (with --raw the query must be FTS5 syntax: words, \"phrases\", AND, OR, NOT, prefix*)",
            query.text
        )
    };
    let mut hits: Vec<SearchHit> = conn
        .prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, a.url,
                    snippet(articles_fts, -1, '[', ']', '…', 16), bm25(articles_fts, 2.0, 1.0)
             FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
             WHERE articles_fts MATCH ?1
               AND articles_fts.rowid >= (SELECT coalesce((SELECT rowid FROM articles_fts
                   WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?3), 0))
             ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?2",
        )
        .and_then(|mut s| {
            s.query_map(rusqlite::params![expr, limit, ranked_cutoff], |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                    found_in: HitIn::Article,
                    speaker: None,
                    start: None,
                    end: None,
                    snippet: r.get(5)?,
                    score: r.get(6)?,
                })
            })?
            .collect()
        })
        .ctx(hint)?;
    let quote_hits: Vec<SearchHit> = conn
        .prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, n.actor_name, n.start, n.\"end\",
                    snippet(quotes_fts, 0, '[', ']', '…', 24), bm25(quotes_fts)
             FROM quotes_fts
             JOIN annotations n ON n.ann = quotes_fts.rowid
             JOIN articles a ON a.seq = n.article_seq
             WHERE quotes_fts MATCH ?1
               AND quotes_fts.rowid >= (SELECT coalesce((SELECT rowid FROM quotes_fts
                   WHERE quotes_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?3), 0))
             ORDER BY bm25(quotes_fts) LIMIT ?2",
        )
        .and_then(|mut s| {
            s.query_map(rusqlite::params![expr, limit, ranked_cutoff], |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                    found_in: HitIn::Quote,
                    speaker: r.get(5)?,
                    start: r.get(6)?,
                    end: r.get(7)?,
                    snippet: r.get(8)?,
                    score: r.get(9)?,
                })
            })?
            .collect()
        })
        .ctx(hint)?;
    hits.extend(quote_hits);
    Ok(hits)
}

/// An FTS5 expression that matches every word of `text` (and every `"quoted phrase"` as a
/// phrase), with no FTS5 syntax left to trip on (`U.S.`, `co-operation`, `NOT`).
pub fn match_expression(text: &str) -> String {
    let mut terms = Vec::new();
    for (i, part) in text.split('"').enumerate() {
        if i % 2 == 1 {
            if !part.trim().is_empty() {
                terms.push(part.trim().to_string());
            }
        } else {
            terms.extend(part.split_whitespace().map(String::from));
        }
    }
    terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every consistency problem found, one line each.
pub fn check(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut problems = Vec::new();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .ctx(|| "cannot run PRAGMA integrity_check".into())?;
    problems.extend(
        integrity
            .into_iter()
            .filter(|l| l != "ok")
            .map(|l| format!("integrity_check: {l}")),
    );
    let fk: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(format!(
                    "foreign key: {} row {:?} points to a missing {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect()
        })
        .ctx(|| "cannot run PRAGMA foreign_key_check".into())?;
    problems.extend(fk);
    let partial: Vec<String> = conn
        .prepare(
            "SELECT a.id, a.annotations, count(n.ann) FROM articles a
             LEFT JOIN annotations n ON n.article_seq = a.seq
             GROUP BY a.seq HAVING a.annotations != count(n.ann)",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(format!(
                    "article {} was stored with {} annotation(s) but has {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?
                ))
            })?
            .collect()
        })
        .ctx(|| "cannot count annotations per article".into())?;
    problems.extend(partial);
    // The article index covers every row of its content table, so FTS5 can compare the two
    // (rank 1). The quote index covers only the quote rows of `annotations`: check its own
    // structure, then that every quote, and nothing else, is in it.
    for (table, against_content) in [("articles_fts", 1), ("quotes_fts", 0)] {
        let sql = format!(
            "INSERT INTO {table}({table}, rank) VALUES ('integrity-check', {against_content})"
        );
        if let Err(e) = conn.execute(&sql, []) {
            problems.push(format!(
                "{table} is damaged or out of step with its content: {e}"
            ));
        }
    }
    let (unindexed, stray): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM annotations n WHERE n.layer = 'quotes'
                       AND NOT EXISTS (SELECT 1 FROM quotes_fts_docsize d WHERE d.id = n.ann)),
                    (SELECT count(*) FROM quotes_fts_docsize d WHERE NOT EXISTS
                       (SELECT 1 FROM annotations n WHERE n.ann = d.id AND n.layer = 'quotes'))",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx(|| "cannot compare quotes with the quote index".into())?;
    if unindexed > 0 || stray > 0 {
        problems.push(format!(
            "quote index out of step: {unindexed} quote(s) not indexed, {stray} index row(s) without a quote"
        ));
    }
    let chains: Vec<String> = conn
        .prepare(
            "SELECT a.id, a.revision FROM articles a
             LEFT JOIN articles p ON p.id = a.previous_id
             WHERE (a.revision = 1 AND a.previous_id IS NOT NULL)
                OR (a.revision > 1 AND (p.id IS NULL OR p.url IS NOT a.url OR p.revision != a.revision - 1))",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(format!(
                    "article {} (revision {}) does not follow its previous revision",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?
                ))
            })?
            .collect()
        })
        .ctx(|| "cannot check revision chains".into())?;
    problems.extend(chains);
    Ok(problems)
}

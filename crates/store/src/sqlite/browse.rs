//! Paged reads for browsing a SQLite store: the article index, quotes, events.
//!
//! Filters are fixed SQL with nullable parameters (`?1 IS NULL OR ...`): one statement per
//! list, prepared once and cached.

use crate::browse::{
    code_pattern, sql_int, ArticleListing, ArticleRef, EventFilter, EventRecord, Listed, Paging,
    QuoteFilter, QuoteRecord,
};
use crate::error::SqliteContext;
use crate::StoreError;
use rusqlite::{params, Connection, Row};

pub fn article_listing(
    conn: &Connection,
    paging: Paging,
) -> Result<Listed<ArticleListing>, StoreError> {
    let total: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .ctx(|| "cannot count the stored articles".into())?;
    let count = |layer: &str| {
        format!("(SELECT count(*) FROM annotations n WHERE n.article_seq = a.seq AND n.layer = '{layer}')")
    };
    let sql = format!(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.revision, {}, {}, {}, {}
         FROM articles a ORDER BY a.id LIMIT ?1 OFFSET ?2",
        count("entities"),
        count("quotes"),
        count("events"),
        count("claims")
    );
    let items = conn
        .prepare_cached(&sql)
        .and_then(|mut s| {
            s.query_map(
                params![sql_int(paging.limit), sql_int(paging.offset)],
                |r| {
                    Ok(ArticleListing {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        outlet: r.get(2)?,
                        published: r.get(3)?,
                        url: r.get(4)?,
                        revision: r.get(5)?,
                        entities: r.get(6)?,
                        quotes: r.get(7)?,
                        events: r.get(8)?,
                        claims: r.get(9)?,
                    })
                },
            )?
            .collect()
        })
        .ctx(|| format!("cannot list articles from {}", paging.offset))?;
    Ok(Listed { total, items })
}

const QUOTE_WHERE: &str = "n.layer = 'quotes'
    AND (?1 IS NULL OR n.actor_id = ?1 OR lower(n.actor_name) = lower(?1))";

pub fn quotes(conn: &Connection, filter: &QuoteFilter) -> Result<Listed<QuoteRecord>, StoreError> {
    let what = || format!("cannot list quotes (speaker {:?})", filter.speaker);
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM annotations n WHERE {QUOTE_WHERE}"
        ))
        .and_then(|mut s| s.query_row(params![filter.speaker], |r| r.get(0)))
        .ctx(what)?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT a.id, a.title, a.outlet, a.published,
                    n.seq, n.start, n.\"end\", n.text, n.kind, n.actor_name, n.actor_id, n.code
             FROM annotations n JOIN articles a ON a.seq = n.article_seq
             WHERE {QUOTE_WHERE}
             ORDER BY a.published IS NULL, a.published, a.id, n.seq
             LIMIT ?2 OFFSET ?3"
        ))
        .and_then(|mut s| {
            s.query_map(
                params![
                    filter.speaker,
                    sql_int(filter.paging.limit),
                    sql_int(filter.paging.offset)
                ],
                |r| {
                    Ok(QuoteRecord {
                        article: article_ref(r)?,
                        index: r.get(4)?,
                        start: r.get(5)?,
                        end: r.get(6)?,
                        text: r.get(7)?,
                        kind: r.get(8)?,
                        speaker: r.get(9)?,
                        speaker_id: r.get(10)?,
                        cue: r.get(11)?,
                    })
                },
            )?
            .collect()
        })
        .ctx(what)?;
    Ok(Listed { total, items })
}

const EVENT_WHERE: &str = "n.layer = 'events'
    AND (?1 IS NULL OR n.actor_id = ?1 OR n.target_id = ?1 OR lower(n.actor_name) = lower(?1)
         OR lower(json_extract(n.data, '$.target.name')) = lower(?1))
    AND (?2 IS NULL OR n.code LIKE ?2)
    AND (?3 IS NULL OR n.day >= ?3)
    AND (?4 IS NULL OR n.day <= ?4)";

pub fn events(conn: &Connection, filter: &EventFilter) -> Result<Listed<EventRecord>, StoreError> {
    let what = || format!("cannot list events ({filter:?})");
    let code = filter.code.as_deref().map(code_pattern);
    let from = filter.from.map(|d| d.to_string());
    let to = filter.to.map(|d| d.to_string());
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM annotations n WHERE {EVENT_WHERE}"
        ))
        .and_then(|mut s| s.query_row(params![filter.actor, code, from, to], |r| r.get(0)))
        .ctx(what)?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT a.id, a.title, a.outlet, a.published,
                    n.seq, n.start, n.\"end\", n.text, n.code, n.kind, n.actor_name, n.actor_id,
                    json_extract(n.data, '$.target.name'), n.target_id, n.day
             FROM annotations n JOIN articles a ON a.seq = n.article_seq
             WHERE {EVENT_WHERE}
             ORDER BY n.day IS NULL, n.day, a.id, n.seq
             LIMIT ?5 OFFSET ?6"
        ))
        .and_then(|mut s| {
            s.query_map(
                params![
                    filter.actor,
                    code,
                    from,
                    to,
                    sql_int(filter.paging.limit),
                    sql_int(filter.paging.offset)
                ],
                |r| {
                    Ok(EventRecord {
                        article: article_ref(r)?,
                        index: r.get(4)?,
                        start: r.get(5)?,
                        end: r.get(6)?,
                        text: r.get(7)?,
                        code: r.get(8)?,
                        status: r.get(9)?,
                        source: r.get(10)?,
                        source_id: r.get(11)?,
                        target: r.get(12)?,
                        target_id: r.get(13)?,
                        date: r.get(14)?,
                    })
                },
            )?
            .collect()
        })
        .ctx(what)?;
    Ok(Listed { total, items })
}

/// Columns 0..=3: the article's id, title, outlet, published.
fn article_ref(r: &Row) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        published: r.get(3)?,
    })
}

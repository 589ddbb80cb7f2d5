//! Paged reads for browsing a PostgreSQL store: the article index, quotes, events. The same
//! queries as the SQLite backend's `browse`, in PostgreSQL's dialect.

use super::PgContext;
use crate::browse::{
    code_pattern, sql_int, ArticleListing, ArticleRef, EventFilter, EventRecord, Listed, Paging,
    QuoteFilter, QuoteRecord,
};
use crate::StoreError;
use postgres::{Client, Row};

pub fn article_listing(
    client: &mut Client,
    paging: Paging,
) -> Result<Listed<ArticleListing>, StoreError> {
    let total: i64 = client
        .query_one("SELECT count(*) FROM articles", &[])
        .ctx(|| "cannot count the stored articles".into())?
        .get(0);
    let count = |layer: &str| {
        format!("(SELECT count(*) FROM annotations n WHERE n.article_seq = a.seq AND n.layer = '{layer}')")
    };
    let sql = format!(
        "SELECT a.id, a.title, a.outlet, a.published::text, a.url, a.revision, {}, {}, {}, {}
         FROM articles a ORDER BY a.id LIMIT $1 OFFSET $2",
        count("entities"),
        count("quotes"),
        count("events"),
        count("claims")
    );
    let items = client
        .query(&sql, &[&sql_int(paging.limit), &sql_int(paging.offset)])
        .ctx(|| format!("cannot list articles from {}", paging.offset))?
        .iter()
        .map(|r| ArticleListing {
            id: r.get(0),
            title: r.get(1),
            outlet: r.get(2),
            published: r.get(3),
            url: r.get(4),
            revision: i64::from(r.get::<_, i32>(5)),
            entities: r.get(6),
            quotes: r.get(7),
            events: r.get(8),
            claims: r.get(9),
        })
        .collect();
    Ok(Listed { total, items })
}

const QUOTE_WHERE: &str = "n.layer = 'quotes'
    AND ($1::text IS NULL OR n.actor_id = $1 OR lower(n.actor_name) = lower($1))";

pub fn quotes(
    client: &mut Client,
    filter: &QuoteFilter,
) -> Result<Listed<QuoteRecord>, StoreError> {
    let what = || format!("cannot list quotes (speaker {:?})", filter.speaker);
    let total: i64 = client
        .query_one(
            &format!("SELECT count(*) FROM annotations n WHERE {QUOTE_WHERE}"),
            &[&filter.speaker],
        )
        .ctx(what)?
        .get(0);
    let items = client
        .query(
            &format!(
                "SELECT a.id, a.title, a.outlet, a.published::text,
                        n.seq, n.start, n.\"end\", n.text, n.kind, n.actor_name, n.actor_id, n.code
                 FROM annotations n JOIN articles a ON a.seq = n.article_seq
                 WHERE {QUOTE_WHERE}
                 ORDER BY a.published NULLS LAST, a.id, n.seq
                 LIMIT $2 OFFSET $3"
            ),
            &[
                &filter.speaker,
                &sql_int(filter.paging.limit),
                &sql_int(filter.paging.offset),
            ],
        )
        .ctx(what)?
        .iter()
        .map(|r| QuoteRecord {
            article: article_ref(r),
            index: r.get(4),
            start: r.get(5),
            end: r.get(6),
            text: r.get(7),
            kind: r.get(8),
            speaker: r.get(9),
            speaker_id: r.get(10),
            cue: r.get(11),
        })
        .collect();
    Ok(Listed { total, items })
}

const EVENT_WHERE: &str = "n.layer = 'events'
    AND ($1::text IS NULL OR n.actor_id = $1 OR n.target_id = $1 OR lower(n.actor_name) = lower($1)
         OR lower(n.data->'target'->>'name') = lower($1))
    AND ($2::text IS NULL OR n.code LIKE $2)
    AND ($3::text IS NULL OR n.day >= $3)
    AND ($4::text IS NULL OR n.day <= $4)";

pub fn events(
    client: &mut Client,
    filter: &EventFilter,
) -> Result<Listed<EventRecord>, StoreError> {
    let what = || format!("cannot list events ({filter:?})");
    let code = filter.code.as_deref().map(code_pattern);
    let from = filter.from.map(|d| d.to_string());
    let to = filter.to.map(|d| d.to_string());
    let total: i64 = client
        .query_one(
            &format!("SELECT count(*) FROM annotations n WHERE {EVENT_WHERE}"),
            &[&filter.actor, &code, &from, &to],
        )
        .ctx(what)?
        .get(0);
    let items = client
        .query(
            &format!(
                "SELECT a.id, a.title, a.outlet, a.published::text,
                        n.seq, n.start, n.\"end\", n.text, n.code, n.kind, n.actor_name, n.actor_id,
                        n.data->'target'->>'name', n.target_id, n.day
                 FROM annotations n JOIN articles a ON a.seq = n.article_seq
                 WHERE {EVENT_WHERE}
                 ORDER BY n.day NULLS LAST, a.id, n.seq
                 LIMIT $5 OFFSET $6"
            ),
            &[
                &filter.actor,
                &code,
                &from,
                &to,
                &sql_int(filter.paging.limit),
                &sql_int(filter.paging.offset),
            ],
        )
        .ctx(what)?
        .iter()
        .map(|r| EventRecord {
            article: article_ref(r),
            index: r.get(4),
            start: r.get(5),
            end: r.get(6),
            text: r.get(7),
            code: r.get(8),
            status: r.get(9),
            source: r.get(10),
            source_id: r.get(11),
            target: r.get(12),
            target_id: r.get(13),
            date: r.get(14),
        })
        .collect();
    Ok(Listed { total, items })
}

/// Columns 0..=3: the article's id, title, outlet, published.
fn article_ref(r: &Row) -> ArticleRef {
    ArticleRef {
        id: r.get(0),
        title: r.get(1),
        outlet: r.get(2),
        published: r.get(3),
    }
}

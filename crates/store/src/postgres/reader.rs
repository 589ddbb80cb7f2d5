//! Reading a PostgreSQL store: articles, counts, search, consistency checks.

use super::PgContext;
use crate::model::{Counts, HitIn, SearchHit, SearchQuery, StoredArticle, RANKED_MATCHES};
use crate::rows::{analysis_of, date_source_from_word, OwnedRow};
use crate::StoreError;
use parley_core::Document;
use postgres::Client;

pub fn get(client: &mut Client, id: &str) -> Result<Option<StoredArticle>, StoreError> {
    let row = client
        .query_opt(
            "SELECT seq, url, revision, previous_id, outlet, title, published::text, published_from,
                    language, source_file, source_id, body,
                    to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
             FROM articles WHERE id = $1",
            &[&id],
        )
        .ctx(|| format!("cannot read article {id}"))?;
    let Some(r) = row else { return Ok(None) };
    let seq: i64 = r.get(0);
    let mut document = Document {
        source_file: r.get(9),
        source_id: r.get(10),
        id: id.to_string(),
        url: r.get(1),
        outlet: r.get(4),
        title: r.get(5),
        published: r.get::<_, Option<String>>(6).and_then(|d| d.parse().ok()),
        published_from: date_source_from_word(r.get::<_, &str>(7)),
        language: r.get(8),
        text: r.get(11),
        analysis: Default::default(),
    };
    let rows: Vec<OwnedRow> = client
        .query(
            "SELECT layer, seq, start, \"end\", text, data::text FROM annotations
             WHERE article_seq = $1 ORDER BY layer, seq",
            &[&seq],
        )
        .ctx(|| format!("cannot read the annotations of article {id}"))?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect();
    document.analysis = analysis_of(id, &rows)?;
    Ok(Some(StoredArticle {
        document,
        revision: i64::from(r.get::<_, i32>(2)),
        previous_id: r.get(3),
        ingested_at: r.get(12),
    }))
}

pub fn ids(client: &mut Client) -> Result<Vec<String>, StoreError> {
    Ok(client
        .query("SELECT id FROM articles ORDER BY id", &[])
        .ctx(|| "cannot list the stored articles".into())?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

pub fn counts(client: &mut Client) -> Result<Counts, StoreError> {
    let r = client
        .query_one(
            "SELECT (SELECT count(*) FROM articles),
                    (SELECT count(*) FROM articles WHERE revision > 1),
                    (SELECT count(*) FROM annotations),
                    (SELECT count(*) FROM annotations WHERE layer = 'quotes')",
            &[],
        )
        .ctx(|| "cannot count the store's contents".into())?;
    Ok(Counts {
        articles: r.get(0),
        revisions: r.get(1),
        annotations: r.get(2),
        quotes: r.get(3),
    })
}

/// Hits in titles and bodies first, then in quotes. Both plain and raw queries go through
/// `websearch_to_tsquery` (words, "phrases", or, -word), which never fails on syntax.
/// Each list best first among the [`RANKED_MATCHES`] most recently stored matches.
pub fn search(client: &mut Client, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
    if query.text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let limit = query.limit as i64;
    let ranked = RANKED_MATCHES as i64;
    let what = || format!("cannot search for {:?}", query.text);
    let headline = "StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=1";
    let mut hits: Vec<SearchHit> = client
        .query(
            "WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
                  recent AS (SELECT a.seq, a.search FROM articles a, q WHERE a.search @@ q.q
                             ORDER BY a.seq DESC LIMIT $4),
                  top AS (SELECT recent.seq, ts_rank(recent.search, q.q)::float8 AS score
                          FROM recent, q ORDER BY score DESC LIMIT $2)
             SELECT a.id, a.title, a.outlet, a.published::text, a.url,
                    ts_headline('english', a.title || ' … ' || a.body, q.q, $3), top.score
             FROM top JOIN articles a ON a.seq = top.seq, q
             ORDER BY top.score DESC",
            &[&query.text, &limit, &headline, &ranked],
        )
        .ctx(what)?
        .iter()
        .map(|r| SearchHit {
            id: r.get(0),
            title: r.get(1),
            outlet: r.get(2),
            published: r.get(3),
            url: r.get(4),
            found_in: HitIn::Article,
            speaker: None,
            start: None,
            end: None,
            snippet: r.get(5),
            score: r.get(6),
        })
        .collect();
    let quote_hits: Vec<SearchHit> = client
        .query(
            "WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
                  recent AS (SELECT n.ann, n.search FROM annotations n, q
                             WHERE n.layer = 'quotes' AND n.search @@ q.q
                             ORDER BY n.ann DESC LIMIT $4),
                  top AS (SELECT recent.ann, ts_rank(recent.search, q.q)::float8 AS score
                          FROM recent, q ORDER BY score DESC LIMIT $2)
             SELECT a.id, a.title, a.outlet, a.published::text, a.url, n.actor_name, n.start, n.\"end\",
                    ts_headline('english', coalesce(n.text, ''), q.q, $3), top.score
             FROM top JOIN annotations n ON n.ann = top.ann
                      JOIN articles a ON a.seq = n.article_seq, q
             ORDER BY top.score DESC",
            &[&query.text, &limit, &headline, &ranked],
        )
        .ctx(what)?
        .iter()
        .map(|r| SearchHit {
            id: r.get(0),
            title: r.get(1),
            outlet: r.get(2),
            published: r.get(3),
            url: r.get(4),
            found_in: HitIn::Quote,
            speaker: r.get(5),
            start: r.get(6),
            end: r.get(7),
            snippet: r.get(8),
            score: r.get(9),
        })
        .collect();
    hits.extend(quote_hits);
    Ok(hits)
}

/// Consistency problems: partial articles and broken revision chains. (Keys, uniqueness and
/// references are enforced by the server itself.)
pub fn check(client: &mut Client) -> Result<Vec<String>, StoreError> {
    let mut problems: Vec<String> = client
        .query(
            "SELECT a.id, a.annotations, count(n.ann) FROM articles a
             LEFT JOIN annotations n ON n.article_seq = a.seq
             GROUP BY a.seq HAVING a.annotations != count(n.ann)",
            &[],
        )
        .ctx(|| "cannot count annotations per article".into())?
        .iter()
        .map(|r| {
            format!(
                "article {} was stored with {} annotation(s) but has {}",
                r.get::<_, String>(0),
                r.get::<_, i32>(1),
                r.get::<_, i64>(2)
            )
        })
        .collect();
    let chains = client
        .query(
            "SELECT a.id, a.revision FROM articles a
             LEFT JOIN articles p ON p.id = a.previous_id
             WHERE (a.revision = 1 AND a.previous_id IS NOT NULL)
                OR (a.revision > 1 AND (p.id IS NULL OR p.url IS DISTINCT FROM a.url
                                        OR p.revision != a.revision - 1))",
            &[],
        )
        .ctx(|| "cannot check revision chains".into())?;
    problems.extend(chains.iter().map(|r| {
        format!(
            "article {} (revision {}) does not follow its previous revision",
            r.get::<_, String>(0),
            r.get::<_, i32>(1)
        )
    }));
    Ok(problems)
}

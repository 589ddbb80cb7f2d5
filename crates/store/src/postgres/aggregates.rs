//! Aggregate reads in PostgreSQL: paged by article (`articles.seq`), each page a range of the
//! `(article_seq, layer, seq)` key; lists are passed as arrays (`= ANY($n)`).

use super::PgContext;
use crate::aggregates::{
    group_candidates, ActorCandidate, AnnotationFilter, AnnotationPage, AnnotationRecord,
    ArticleLayers, ArticleMeta, ACTOR_LAYERS,
};
use crate::StoreError;
use postgres::{Client, Row};
use std::collections::HashMap;

/// The article columns `id, outlet, published::text, title, url` from `first` on.
fn article_meta(r: &Row, first: usize) -> ArticleMeta {
    ArticleMeta {
        id: r.get(first),
        outlet: r.get(first + 1),
        published: r
            .get::<_, Option<String>>(first + 2)
            .and_then(|d| d.parse().ok()),
        title: r.get(first + 3),
        url: r.get(first + 4),
    }
}

pub fn article_ids_after(
    client: &mut Client,
    after: i64,
    limit: usize,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(client
        .query(
            "SELECT seq, id FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&after, &(limit as i64)],
        )
        .ctx(|| format!("cannot list the articles after cursor {after}"))?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// The last article of the page of `articles` articles after `after`, and whether a page may
/// follow; None when no article is left.
pub(super) fn page_end(
    client: &mut Client,
    after: i64,
    articles: usize,
) -> Result<Option<(i64, bool)>, StoreError> {
    let end = client
        .query_one(
            "SELECT max(seq), count(*) FROM
               (SELECT seq FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2) page",
            &[&after, &(articles as i64)],
        )
        .ctx(|| format!("cannot page the articles after cursor {after}"))?;
    let last: Option<i64> = end.get(0);
    Ok(last.map(|last| (last, end.get::<_, i64>(1) as usize == articles)))
}

pub fn annotation_page(
    client: &mut Client,
    filter: &AnnotationFilter,
    after: i64,
    articles: usize,
) -> Result<AnnotationPage, StoreError> {
    let Some((last, more)) = page_end(client, after, articles)? else {
        return Ok(AnnotationPage::default());
    };
    let names = filter.lower_names();
    let rows = client
        .query(
            "SELECT a.id, a.outlet, a.published::text, a.title, a.url,
                    n.layer, n.seq, n.start, n.\"end\", n.text, n.data::text
             FROM annotations n JOIN articles a ON a.seq = n.article_seq
             WHERE n.article_seq > $1 AND n.article_seq <= $2 AND n.layer = ANY($3)
               AND (NOT $4 OR n.actor_id = ANY($5)
                    OR (n.actor_id IS NULL AND lower(n.actor_name) = ANY($6)))
             ORDER BY n.article_seq, n.layer, n.seq",
            &[
                &after,
                &last,
                &filter.layers,
                &filter.by_actor(),
                &filter.actor_ids,
                &names,
            ],
        )
        .ctx(|| format!("cannot read the annotations after cursor {after}"))?
        .iter()
        .map(|r| AnnotationRecord {
            article: article_meta(r, 0),
            layer: r.get(5),
            seq: r.get(6),
            start: r.get(7),
            end: r.get(8),
            text: r.get(9),
            data: r.get(10),
        })
        .collect();
    Ok(AnnotationPage {
        rows,
        next: more.then_some(last),
    })
}

pub fn article_layers_after(
    client: &mut Client,
    value_layers: &[&str],
    count_layers: &[&str],
    after: i64,
    limit: usize,
) -> Result<Vec<ArticleLayers>, StoreError> {
    let mut out: Vec<ArticleLayers> = client
        .query(
            "SELECT seq, id, outlet, published::text, title, url FROM articles
             WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&after, &(limit as i64)],
        )
        .ctx(|| format!("cannot list the articles after cursor {after}"))?
        .iter()
        .map(|r| ArticleLayers {
            cursor: r.get(0),
            article: article_meta(r, 1),
            values: Vec::new(),
            counts: Vec::new(),
        })
        .collect();
    let (Some(first), Some(last)) = (out.first(), out.last()) else {
        return Ok(out);
    };
    let (first, last) = (first.cursor, last.cursor);
    let index: HashMap<i64, usize> = out.iter().enumerate().map(|(i, a)| (a.cursor, i)).collect();
    if !value_layers.is_empty() {
        let rows = client
            .query(
                "SELECT article_seq, layer, data::text FROM annotations
                 WHERE article_seq BETWEEN $1 AND $2 AND seq = -1 AND layer = ANY($3)",
                &[&first, &last, &value_layers],
            )
            .ctx(|| format!("cannot read the article values after cursor {after}"))?;
        for r in rows {
            if let Some(&i) = index.get(&r.get::<_, i64>(0)) {
                out[i].values.push((r.get(1), r.get(2)));
            }
        }
    }
    if !count_layers.is_empty() {
        let rows = client
            .query(
                "SELECT article_seq, layer, code, count(*) FROM annotations
                 WHERE article_seq BETWEEN $1 AND $2 AND layer = ANY($3)
                 GROUP BY article_seq, layer, code",
                &[&first, &last, &count_layers],
            )
            .ctx(|| format!("cannot count the article annotations after cursor {after}"))?;
        for r in rows {
            if let Some(&i) = index.get(&r.get::<_, i64>(0)) {
                out[i].counts.push((r.get(1), r.get(2), r.get(3)));
            }
        }
    }
    Ok(out)
}

/// An exact actor id is answered from the actor index alone; anything else scans the actor
/// layers' rows.
pub fn find_actors(
    client: &mut Client,
    needle: &str,
    limit: usize,
) -> Result<Vec<ActorCandidate>, StoreError> {
    let layers: Vec<&str> = ACTOR_LAYERS.to_vec();
    let limit = limit as i64;
    let what = || format!("cannot look up actors matching {needle:?}");
    let mut rows: Vec<(Option<String>, String, i64)> = client
        .query(
            "SELECT actor_id, actor_name, count(*) FROM annotations
             WHERE actor_id = $1 AND layer = ANY($3) AND actor_name IS NOT NULL
             GROUP BY actor_id, actor_name ORDER BY count(*) DESC LIMIT $2",
            &[&needle, &limit, &layers],
        )
        .ctx(what)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    if rows.is_empty() {
        rows = client
            .query(
                "SELECT actor_id, actor_name, count(*) FROM annotations
                 WHERE layer = ANY($3) AND actor_name IS NOT NULL
                   AND (strpos(lower(coalesce(actor_id, '')), $1) > 0
                        OR strpos(lower(actor_name), $1) > 0)
                 GROUP BY actor_id, actor_name ORDER BY count(*) DESC LIMIT $2",
                &[&needle.to_lowercase(), &limit, &layers],
            )
            .ctx(what)?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
    }
    Ok(group_candidates(rows))
}

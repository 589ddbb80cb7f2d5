//! Aggregate reads in SQLite: paged by article (`articles.seq`). Annotation rows are read
//! article by article through the `(article_seq, layer, seq)` key, seeking each asked-for
//! layer: `articles CROSS JOIN annotations` fixes that join order, and conditions written
//! `+column` keep SQLite from scanning a whole layer through the `(layer, code)` index instead.

use crate::aggregates::{
    group_candidates, ActorCandidate, AnnotationFilter, AnnotationPage, AnnotationRecord,
    ArticleLayers, ArticleMeta, ACTOR_LAYERS,
};
use crate::error::SqliteContext;
use crate::StoreError;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};
use std::collections::HashMap;

/// `?n, ?n+1, ...` for `count` parameters starting at `first`.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn texts(items: &[String]) -> impl Iterator<Item = Value> + '_ {
    items.iter().map(|s| Value::Text(s.clone()))
}

/// The article columns `id, outlet, published, title, url` from `first` on.
fn article_meta(r: &Row, first: usize) -> rusqlite::Result<ArticleMeta> {
    Ok(ArticleMeta {
        id: r.get(first)?,
        outlet: r.get(first + 1)?,
        published: r
            .get::<_, Option<String>>(first + 2)?
            .and_then(|d| d.parse().ok()),
        title: r.get(first + 3)?,
        url: r.get(first + 4)?,
    })
}

pub fn article_ids_after(
    conn: &Connection,
    after: i64,
    limit: usize,
) -> Result<Vec<(i64, String)>, StoreError> {
    conn.prepare_cached("SELECT seq, id FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2")
        .and_then(|mut s| {
            s.query_map([after, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
        .ctx(|| format!("cannot list the articles after cursor {after}"))
}

/// The last cursor of the next `articles` articles after `after`, and whether more follow.
pub(super) fn page_end(
    conn: &Connection,
    after: i64,
    articles: usize,
) -> Result<Option<(i64, bool)>, StoreError> {
    let (last, n): (Option<i64>, i64) = conn
        .query_row(
            "SELECT max(seq), count(*) FROM
               (SELECT seq FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2)",
            [after, articles as i64],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx(|| format!("cannot page the articles after cursor {after}"))?;
    Ok(last.map(|last| (last, n as usize == articles)))
}

pub fn annotation_page(
    conn: &Connection,
    filter: &AnnotationFilter,
    after: i64,
    articles: usize,
) -> Result<AnnotationPage, StoreError> {
    let Some((last, more)) = page_end(conn, after, articles)? else {
        return Ok(AnnotationPage::default());
    };
    let mut params: Vec<Value> = vec![Value::Integer(after), Value::Integer(last)];
    let mut sql = format!(
        "SELECT a.id, a.outlet, a.published, a.title, a.url,
                n.layer, n.seq, n.start, n.\"end\", n.text, n.data
         FROM articles a CROSS JOIN annotations n ON n.article_seq = a.seq
         WHERE a.seq > ?1 AND a.seq <= ?2 AND n.layer IN ({})",
        placeholders(3, filter.layers.len())
    );
    params.extend(texts(&filter.layers));
    if filter.by_actor() {
        let names = filter.lower_names();
        sql += &format!(
            " AND (+n.actor_id IN ({}) OR (n.actor_id IS NULL AND lower(n.actor_name) IN ({})))",
            placeholders(params.len() + 1, filter.actor_ids.len()),
            placeholders(params.len() + 1 + filter.actor_ids.len(), names.len()),
        );
        params.extend(texts(&filter.actor_ids));
        params.extend(texts(&names));
    }
    sql += " ORDER BY a.seq, n.layer, n.seq";
    let rows = conn
        .prepare_cached(&sql)
        .and_then(|mut s| {
            s.query_map(params_from_iter(params), |r| {
                Ok(AnnotationRecord {
                    article: article_meta(r, 0)?,
                    layer: r.get(5)?,
                    seq: r.get(6)?,
                    start: r.get(7)?,
                    end: r.get(8)?,
                    text: r.get(9)?,
                    data: r.get(10)?,
                })
            })?
            .collect()
        })
        .ctx(|| format!("cannot read the annotations after cursor {after}"))?;
    Ok(AnnotationPage {
        rows,
        next: more.then_some(last),
    })
}

pub fn article_layers_after(
    conn: &Connection,
    value_layers: &[&str],
    count_layers: &[&str],
    after: i64,
    limit: usize,
) -> Result<Vec<ArticleLayers>, StoreError> {
    let mut out: Vec<ArticleLayers> = conn
        .prepare_cached(
            "SELECT seq, id, outlet, published, title, url FROM articles
             WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )
        .and_then(|mut s| {
            s.query_map([after, limit as i64], |r| {
                Ok(ArticleLayers {
                    cursor: r.get(0)?,
                    article: article_meta(r, 1)?,
                    values: Vec::new(),
                    counts: Vec::new(),
                })
            })?
            .collect()
        })
        .ctx(|| format!("cannot list the articles after cursor {after}"))?;
    let (Some(first), Some(last)) = (out.first(), out.last()) else {
        return Ok(out);
    };
    let range = [Value::Integer(first.cursor), Value::Integer(last.cursor)];
    let index: HashMap<i64, usize> = out.iter().enumerate().map(|(i, a)| (a.cursor, i)).collect();
    let layers = |list: &[&str]| -> Vec<Value> {
        range
            .iter()
            .cloned()
            .chain(list.iter().map(|l| Value::Text(l.to_string())))
            .collect()
    };
    if !value_layers.is_empty() {
        let sql = format!(
            "SELECT article_seq, layer, data FROM annotations
             WHERE article_seq BETWEEN ?1 AND ?2 AND seq = -1 AND +layer IN ({})",
            placeholders(3, value_layers.len())
        );
        let values: Vec<(i64, String, String)> = conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params_from_iter(layers(value_layers)), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect()
            })
            .ctx(|| format!("cannot read the article values after cursor {after}"))?;
        for (seq, layer, data) in values {
            if let Some(&i) = index.get(&seq) {
                out[i].values.push((layer, data));
            }
        }
    }
    if !count_layers.is_empty() {
        let sql = format!(
            "SELECT article_seq, layer, code, count(*) FROM annotations
             WHERE article_seq BETWEEN ?1 AND ?2 AND +layer IN ({})
             GROUP BY article_seq, layer, code",
            placeholders(3, count_layers.len())
        );
        let counts: Vec<(i64, String, Option<String>, i64)> = conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params_from_iter(layers(count_layers)), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect()
            })
            .ctx(|| format!("cannot count the article annotations after cursor {after}"))?;
        for (seq, layer, code, n) in counts {
            if let Some(&i) = index.get(&seq) {
                out[i].counts.push((layer, code, n));
            }
        }
    }
    Ok(out)
}

/// An exact actor id is answered from the actor index alone; anything else scans the actor
/// layers' rows.
pub fn find_actors(
    conn: &Connection,
    needle: &str,
    limit: usize,
) -> Result<Vec<ActorCandidate>, StoreError> {
    let layers = placeholders(3, ACTOR_LAYERS.len());
    let exact = format!(
        "SELECT actor_id, actor_name, count(*) FROM annotations
         WHERE actor_id = ?1 AND +layer IN ({layers}) AND actor_name IS NOT NULL
         GROUP BY actor_id, actor_name ORDER BY count(*) DESC LIMIT ?2"
    );
    let partial = format!(
        "SELECT actor_id, actor_name, count(*) FROM annotations
         WHERE +layer IN ({layers}) AND actor_name IS NOT NULL
           AND (instr(lower(coalesce(actor_id, '')), ?1) > 0 OR instr(lower(actor_name), ?1) > 0)
         GROUP BY actor_id, actor_name ORDER BY count(*) DESC LIMIT ?2"
    );
    let query =
        |sql: &str, needle: String| -> Result<Vec<(Option<String>, String, i64)>, StoreError> {
            let mut params = vec![Value::Text(needle.clone()), Value::Integer(limit as i64)];
            params.extend(ACTOR_LAYERS.iter().map(|l| Value::Text(l.to_string())));
            conn.prepare_cached(sql)
                .and_then(|mut s| {
                    s.query_map(params_from_iter(params), |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?
                    .collect()
                })
                .ctx(|| format!("cannot look up actors matching {needle:?}"))
        };
    let mut rows = query(&exact, needle.to_string())?;
    if rows.is_empty() {
        rows = query(&partial, needle.to_lowercase())?;
    }
    Ok(group_candidates(rows))
}

//! Claim × outlet matrix reads in SQLite: claims grouped by key and outlet in one `GROUP BY`
//! (the key taken out of the stored JSON and normalised as the matrix keys rows), and a page of articles' names read
//! from the typed columns (no JSON but the claim keys' actor lists).

use super::aggregates::page_end;
use crate::claim_groups::{group_names, stance_sums, ClaimGroup, NamesPage};
use crate::error::SqliteContext;
use crate::StoreError;
use rusqlite::Connection;

/// The claim's key with its actors lower-cased (ASCII only: SQLite's `lower`), deduplicated
/// and sorted, so that keys the matrix treats as one are one group and an article is counted
/// once per group.
const NORMALISED_KEY: &str = "CASE WHEN json_type(n.data, '$.key') = 'object' THEN json_object(
       'actors', json((SELECT json_group_array(v) FROM
                         (SELECT DISTINCT lower(value) AS v FROM json_each(n.data, '$.key.actors')
                          ORDER BY v))),
       'event_code', json_extract(n.data, '$.key.event_code'),
       'polarity', json_extract(n.data, '$.key.polarity')) END";

/// A claim's place in storing order as one number: article cursor × this + claim index.
const POSITION: i64 = 1 << 32;

pub fn claim_groups(conn: &Connection) -> Result<Vec<ClaimGroup>, StoreError> {
    let sql = format!(
        "SELECT g.k, g.outlet, g.claims, g.articles, g.first, g.last, g.pos,
                coalesce(json_extract(e.data, '$.proposition.text'), e.text), g.s0, g.s1, g.s2,
                g.s3, g.s4, g.s5, g.s6, g.s7, g.s8, g.s9
         FROM (SELECT {NORMALISED_KEY} AS k, a.outlet AS outlet, count(*) AS claims,
                      count(DISTINCT n.article_seq) AS articles, min(a.published) AS first,
                      max(a.published) AS last, min(n.article_seq * {POSITION} + n.seq) AS pos,
                      {}
               FROM annotations n JOIN articles a ON a.seq = n.article_seq
               WHERE n.layer = 'claims'
               GROUP BY k, a.outlet) g
         JOIN annotations e ON e.article_seq = g.pos / {POSITION} AND e.layer = 'claims'
                           AND e.seq = g.pos % {POSITION}
         ORDER BY g.k, g.outlet",
        stance_sums()
            .split(", ")
            .enumerate()
            .map(|(i, sum)| format!("{sum} AS s{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    conn.prepare(&sql)
        .and_then(|mut s| {
            s.query_map([], |r| {
                let pos: i64 = r.get(6)?;
                let mut stances = [0i64; 10];
                for (i, n) in stances.iter_mut().enumerate() {
                    *n = r.get(8 + i)?;
                }
                Ok(ClaimGroup {
                    key: r.get(0)?,
                    outlet: r.get(1)?,
                    claims: r.get(2)?,
                    articles: r.get(3)?,
                    first: r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
                    last: r.get::<_, Option<String>>(5)?.and_then(|d| d.parse().ok()),
                    first_claim: (pos / POSITION, pos % POSITION),
                    example: r.get(7)?,
                    stances,
                })
            })?
            .collect()
        })
        .ctx(|| "cannot group the stored claims by key and outlet".into())
}

pub fn article_names_after(
    conn: &Connection,
    after: i64,
    articles: usize,
) -> Result<NamesPage, StoreError> {
    let Some((last, more)) = page_end(conn, after, articles)? else {
        return Ok(NamesPage::default());
    };
    let rows = conn
        .prepare_cached(
            "SELECT a.seq, a.outlet, a.published, n.text, NULL
             FROM articles a CROSS JOIN annotations n ON n.article_seq = a.seq
             WHERE a.seq > ?1 AND a.seq <= ?2 AND n.layer = 'entities'
             UNION ALL
             SELECT a.seq, a.outlet, a.published, n.actor_name, NULL
             FROM articles a CROSS JOIN annotations n ON n.article_seq = a.seq
             WHERE a.seq > ?1 AND a.seq <= ?2 AND n.layer = 'entities'
               AND n.actor_name IS NOT NULL
             UNION ALL
             SELECT a.seq, a.outlet, a.published, NULL, json_extract(n.data, '$.key.actors')
             FROM articles a CROSS JOIN annotations n ON n.article_seq = a.seq
             WHERE a.seq > ?1 AND a.seq <= ?2 AND n.layer = 'claims'
               AND json_extract(n.data, '$.key.actors') IS NOT NULL
             ORDER BY 1",
        )
        .and_then(|mut s| {
            s.query_map([after, last], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok()),
                    r.get(3)?,
                    r.get(4)?,
                ))
            })?
            .collect()
        })
        .ctx(|| format!("cannot read the article names after cursor {after}"))?;
    Ok(NamesPage {
        articles: group_names(rows),
        next: more.then_some(last),
    })
}

//! Claim × outlet matrix reads in PostgreSQL: claims grouped by key and outlet in one
//! `GROUP BY` over the stored JSON's `key`, normalised as the matrix keys rows, and a page of articles' names read from the typed
//! columns (no JSON but the claim keys' actor lists).

use super::aggregates::page_end;
use super::PgContext;
use crate::claim_groups::{group_names, stance_sums, ClaimGroup, NamesPage};
use crate::StoreError;
use postgres::Client;

/// The claim's key with its actors lower-cased, deduplicated and sorted (byte order, as Rust
/// sorts), so that keys the matrix treats as one are one group and an article is counted once
/// per group.
const NORMALISED_KEY: &str =
    "CASE WHEN jsonb_typeof(n.data->'key') = 'object' THEN jsonb_build_object(
       'actors', (SELECT coalesce(jsonb_agg(v ORDER BY v COLLATE \"C\"), '[]'::jsonb) FROM
                    (SELECT DISTINCT lower(x) AS v
                     FROM jsonb_array_elements_text(n.data->'key'->'actors') AS x) d),
       'event_code', n.data->'key'->'event_code',
       'polarity', n.data->'key'->'polarity')::text END";

pub fn claim_groups(client: &mut Client) -> Result<Vec<ClaimGroup>, StoreError> {
    let sql = format!(
        "SELECT g.k, g.outlet, g.claims, g.articles, g.first::text, g.last::text, g.pos_article,
                g.pos_seq, coalesce(e.data->'proposition'->>'text', e.text), g.stances
         FROM (SELECT {NORMALISED_KEY} AS k, a.outlet AS outlet,
                      count(*) AS claims, count(DISTINCT n.article_seq) AS articles,
                      min(a.published) AS first, max(a.published) AS last,
                      (min(ARRAY[n.article_seq, n.seq]))[1] AS pos_article,
                      (min(ARRAY[n.article_seq, n.seq]))[2] AS pos_seq,
                      ARRAY[{}]::bigint[] AS stances
               FROM annotations n JOIN articles a ON a.seq = n.article_seq
               WHERE n.layer = 'claims'
               GROUP BY 1, 2) g
         JOIN annotations e ON e.article_seq = g.pos_article AND e.layer = 'claims'
                           AND e.seq = g.pos_seq
         ORDER BY g.k, g.outlet",
        stance_sums()
    );
    let rows = client
        .query(sql.as_str(), &[])
        .ctx(|| "cannot group the stored claims by key and outlet".into())?;
    Ok(rows
        .iter()
        .map(|r| {
            let sums: Vec<i64> = r.get(9);
            let mut stances = [0i64; 10];
            for (n, sum) in stances.iter_mut().zip(sums) {
                *n = sum;
            }
            ClaimGroup {
                key: r.get(0),
                outlet: r.get(1),
                claims: r.get(2),
                articles: r.get(3),
                first: r.get::<_, Option<String>>(4).and_then(|d| d.parse().ok()),
                last: r.get::<_, Option<String>>(5).and_then(|d| d.parse().ok()),
                first_claim: (r.get(6), r.get(7)),
                example: r.get(8),
                stances,
            }
        })
        .collect())
}

pub fn article_names_after(
    client: &mut Client,
    after: i64,
    articles: usize,
) -> Result<NamesPage, StoreError> {
    let Some((last, more)) = page_end(client, after, articles)? else {
        return Ok(NamesPage::default());
    };
    let rows = client
        .query(
            "SELECT a.seq, a.outlet, a.published::text, n.text, NULL::text
             FROM annotations n JOIN articles a ON a.seq = n.article_seq
             WHERE n.article_seq > $1 AND n.article_seq <= $2 AND n.layer = 'entities'
             UNION ALL
             SELECT a.seq, a.outlet, a.published::text, n.actor_name, NULL
             FROM annotations n JOIN articles a ON a.seq = n.article_seq
             WHERE n.article_seq > $1 AND n.article_seq <= $2 AND n.layer = 'entities'
               AND n.actor_name IS NOT NULL
             UNION ALL
             SELECT a.seq, a.outlet, a.published::text, NULL, (n.data->'key'->'actors')::text
             FROM annotations n JOIN articles a ON a.seq = n.article_seq
             WHERE n.article_seq > $1 AND n.article_seq <= $2 AND n.layer = 'claims'
               AND jsonb_typeof(n.data->'key'->'actors') = 'array'
             ORDER BY 1",
            &[&after, &last],
        )
        .ctx(|| format!("cannot read the article names after cursor {after}"))?
        .iter()
        .map(|r| {
            (
                r.get(0),
                r.get(1),
                r.get::<_, Option<String>>(2).and_then(|d| d.parse().ok()),
                r.get(3),
                r.get(4),
            )
        })
        .collect();
    Ok(NamesPage {
        articles: group_names(rows),
        next: more.then_some(last),
    })
}

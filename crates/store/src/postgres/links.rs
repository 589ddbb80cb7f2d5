//! Fingerprints and near-duplicate groups in PostgreSQL (tables of migration 0002).

use super::PgContext;
use crate::model::{assemble_groups, DuplicateGroup, DuplicateMember, Fingerprint};
use crate::StoreError;
use postgres::Client;

pub fn unfingerprinted(
    client: &mut Client,
    limit: usize,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(client
        .query(
            "SELECT a.id, a.body FROM articles a
             WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_seq = a.seq)
             ORDER BY a.seq LIMIT $1",
            &[&(limit as i64)],
        )
        .ctx(|| "cannot list the articles to fingerprint".into())?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

pub fn put_fingerprints(client: &mut Client, rows: &[(String, u64)]) -> Result<(), StoreError> {
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    let hashes: Vec<i64> = rows.iter().map(|(_, h)| *h as i64).collect();
    client
        .execute(
            "INSERT INTO fingerprints (article_seq, simhash)
             SELECT a.seq, u.h FROM unnest($1::text[], $2::bigint[]) AS u(id, h)
             JOIN articles a ON a.id = u.id
             ON CONFLICT (article_seq) DO NOTHING",
            &[&ids, &hashes],
        )
        .ctx(|| "cannot store fingerprints".into())?;
    Ok(())
}

pub fn fingerprints(client: &mut Client) -> Result<Vec<Fingerprint>, StoreError> {
    Ok(client
        .query(
            "SELECT a.id, a.published::text, a.seq, f.simhash FROM fingerprints f
             JOIN articles a ON a.seq = f.article_seq ORDER BY a.seq",
            &[],
        )
        .ctx(|| "cannot read the fingerprints".into())?
        .iter()
        .map(|r| Fingerprint {
            id: r.get(0),
            published: r.get::<_, Option<String>>(1).and_then(|d| d.parse().ok()),
            order: r.get(2),
            simhash: r.get::<_, i64>(3) as u64,
        })
        .collect())
}

pub fn replace_duplicates(
    client: &mut Client,
    groups: &[(String, Vec<String>)],
) -> Result<(), StoreError> {
    let mut members: Vec<&str> = Vec::new();
    let mut originals: Vec<&str> = Vec::new();
    for (original, copies) in groups {
        for member in std::iter::once(original).chain(copies) {
            members.push(member);
            originals.push(original);
        }
    }
    let mut tx = client
        .transaction()
        .ctx(|| "cannot start a transaction".into())?;
    // One `parley link` rewrites the groups at a time.
    tx.batch_execute("LOCK TABLE duplicates IN EXCLUSIVE MODE; DELETE FROM duplicates")
        .ctx(|| "cannot clear the near-duplicate groups".into())?;
    tx.execute(
        "INSERT INTO duplicates (article_seq, original_seq)
         SELECT m.seq, o.seq FROM unnest($1::text[], $2::text[]) AS u(member, original)
         JOIN articles m ON m.id = u.member JOIN articles o ON o.id = u.original",
        &[&members, &originals],
    )
    .ctx(|| "cannot store near-duplicate groups".into())?;
    tx.commit()
        .ctx(|| "cannot commit near-duplicate groups".into())
}

pub fn duplicate_groups(
    client: &mut Client,
    limit: usize,
) -> Result<Vec<DuplicateGroup>, StoreError> {
    let rows = client
        .query(
            "SELECT d.original_seq, d.article_seq = d.original_seq, a.id, a.title, a.outlet,
                    a.published::text, a.url
             FROM duplicates d JOIN articles a ON a.seq = d.article_seq
             ORDER BY d.original_seq, a.published IS NULL, a.published, a.seq",
            &[],
        )
        .ctx(|| "cannot read the near-duplicate groups".into())?
        .iter()
        .map(|r| {
            (
                r.get::<_, i64>(0),
                r.get::<_, bool>(1),
                DuplicateMember {
                    id: r.get(2),
                    title: r.get(3),
                    outlet: r.get(4),
                    published: r.get(5),
                    url: r.get(6),
                },
            )
        })
        .collect();
    Ok(assemble_groups(rows, limit))
}

//! Fingerprints and near-duplicate groups in SQLite (tables of migration 0002).

use crate::error::SqliteContext;
use crate::model::{assemble_groups, DuplicateGroup, DuplicateMember, Fingerprint};
use crate::StoreError;
use rusqlite::{params, Connection, TransactionBehavior};

pub fn unfingerprinted(
    conn: &Connection,
    limit: usize,
) -> Result<Vec<(String, String)>, StoreError> {
    conn.prepare_cached(
        "SELECT a.id, a.body FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_seq = a.seq)
         ORDER BY a.seq LIMIT ?1",
    )
    .and_then(|mut s| {
        s.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    })
    .ctx(|| "cannot list the articles to fingerprint".into())
}

pub fn put_fingerprints(conn: &mut Connection, rows: &[(String, u64)]) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .ctx(|| "cannot start a write transaction".into())?;
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO fingerprints (article_seq, simhash)
                 SELECT seq, ?2 FROM articles WHERE id = ?1",
            )
            .ctx(|| "cannot store fingerprints".into())?;
        for (id, simhash) in rows {
            insert
                .execute(params![id, *simhash as i64])
                .ctx(|| format!("cannot store the fingerprint of {id}"))?;
        }
    }
    tx.commit().ctx(|| "cannot commit fingerprints".into())
}

pub fn fingerprints(conn: &Connection) -> Result<Vec<Fingerprint>, StoreError> {
    conn.prepare(
        "SELECT a.id, a.published, a.seq, f.simhash FROM fingerprints f
         JOIN articles a ON a.seq = f.article_seq ORDER BY a.seq",
    )
    .and_then(|mut s| {
        s.query_map([], |r| {
            Ok(Fingerprint {
                id: r.get(0)?,
                published: r.get::<_, Option<String>>(1)?.and_then(|d| d.parse().ok()),
                order: r.get(2)?,
                simhash: r.get::<_, i64>(3)? as u64,
            })
        })?
        .collect()
    })
    .ctx(|| "cannot read the fingerprints".into())
}

pub fn replace_duplicates(
    conn: &mut Connection,
    groups: &[(String, Vec<String>)],
) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .ctx(|| "cannot start a write transaction".into())?;
    tx.execute("DELETE FROM duplicates", [])
        .ctx(|| "cannot clear the near-duplicate groups".into())?;
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO duplicates (article_seq, original_seq)
                 SELECT m.seq, o.seq FROM articles m, articles o WHERE m.id = ?1 AND o.id = ?2",
            )
            .ctx(|| "cannot store near-duplicate groups".into())?;
        for (original, copies) in groups {
            for member in std::iter::once(original).chain(copies) {
                insert
                    .execute(params![member, original])
                    .ctx(|| format!("cannot store {member} as a near-duplicate of {original}"))?;
            }
        }
    }
    tx.commit()
        .ctx(|| "cannot commit near-duplicate groups".into())
}

pub fn duplicate_groups(
    conn: &Connection,
    limit: usize,
) -> Result<Vec<DuplicateGroup>, StoreError> {
    let rows: Vec<(i64, bool, DuplicateMember)> = conn
        .prepare(
            "SELECT d.original_seq, d.article_seq = d.original_seq, a.id, a.title, a.outlet,
                    a.published, a.url
             FROM duplicates d JOIN articles a ON a.seq = d.article_seq
             ORDER BY d.original_seq, a.published IS NULL, a.published, a.seq",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    DuplicateMember {
                        id: r.get(2)?,
                        title: r.get(3)?,
                        outlet: r.get(4)?,
                        published: r.get(5)?,
                        url: r.get(6)?,
                    },
                ))
            })?
            .collect()
        })
        .ctx(|| "cannot read the near-duplicate groups".into())?;
    Ok(assemble_groups(rows, limit))
}

//! Stories in SQLite (tables of migrations 0003 and 0004): signals for linking, assignments,
//! reads.

use super::story_timeline::COUNT_ENTRIES;
use crate::browse::{Listed, Paging};
use crate::error::SqliteContext;
use crate::model::{
    add_signal_rows, lead_of, JoinReason, SignalRow, Story, StoryAssignment, StoryMember,
    StorySignals, StorySummary, StoryTarget, TimelineRow, LEAD_BYTES,
};
use crate::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use std::collections::HashMap;

/// The columns of a signals query, in the order [`signal_of`] reads them.
const SIGNAL_COLUMNS: &str = "a.seq, a.id, a.title, substr(a.body, 1, ?1), a.outlet, a.published,
     o.id, m.story_id
     FROM articles a
     LEFT JOIN story_members m ON m.article_seq = a.seq
     LEFT JOIN duplicates d ON d.article_seq = a.seq AND d.original_seq <> a.seq
     LEFT JOIN articles o ON o.seq = d.original_seq";

fn signal_of(r: &Row) -> rusqlite::Result<StorySignals> {
    let lead: String = r.get(3)?;
    Ok(StorySignals {
        order: r.get(0)?,
        id: r.get(1)?,
        title: r.get(2)?,
        lead: lead_of(&lead).to_string(),
        outlet: r.get(4)?,
        published: r.get::<_, Option<String>>(5)?.and_then(|d| d.parse().ok()),
        original: r.get(6)?,
        story: r.get(7)?,
        ..Default::default()
    })
}

pub fn unstoried(conn: &Connection, limit: usize) -> Result<Vec<StorySignals>, StoreError> {
    let mut signals: Vec<StorySignals> = conn
        .prepare(&format!(
            "SELECT {SIGNAL_COLUMNS} WHERE m.article_seq IS NULL ORDER BY a.seq LIMIT ?2"
        ))
        .and_then(|mut s| {
            s.query_map(params![LEAD_BYTES as i64, limit as i64], signal_of)?
                .collect()
        })
        .ctx(|| "cannot list the articles in no story".into())?;
    add_annotations(conn, &mut signals)?;
    Ok(signals)
}

pub fn storied_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StorySignals>, StoreError> {
    let mut signals: Vec<StorySignals> = conn
        .prepare(&format!(
            "SELECT {SIGNAL_COLUMNS} WHERE m.article_seq IS NOT NULL
             AND a.published BETWEEN ?2 AND ?3 ORDER BY a.seq"
        ))
        .and_then(|mut s| {
            s.query_map(
                params![LEAD_BYTES as i64, from.to_string(), to.to_string()],
                signal_of,
            )?
            .collect()
        })
        .ctx(|| format!("cannot read the stories' articles published {from} to {to}"))?;
    add_annotations(conn, &mut signals)?;
    Ok(signals)
}

/// Adds the entity actors and events of each article to its signals.
fn add_annotations(conn: &Connection, signals: &mut [StorySignals]) -> Result<(), StoreError> {
    if signals.is_empty() {
        return Ok(());
    }
    let seqs = serde_json::to_string(&signals.iter().map(|s| s.order).collect::<Vec<_>>())
        .expect("a list of integers serialises");
    let rows: Vec<SignalRow> = conn
        .prepare_cached(
            "SELECT article_seq, layer, code, actor_id, target_id, day FROM annotations
             WHERE article_seq IN (SELECT value FROM json_each(?1))
             AND layer IN ('entities', 'events')",
        )
        .and_then(|mut s| {
            s.query_map([seqs], |r| {
                Ok(SignalRow {
                    article_seq: r.get(0)?,
                    layer: r.get(1)?,
                    code: r.get(2)?,
                    actor_id: r.get(3)?,
                    target_id: r.get(4)?,
                    day: r.get(5)?,
                })
            })?
            .collect()
        })
        .ctx(|| "cannot read the actors and events of articles to link".into())?;
    add_signal_rows(signals, rows);
    Ok(())
}

pub fn assign_stories(
    conn: &mut Connection,
    assignments: &[StoryAssignment],
) -> Result<Vec<i64>, StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .ctx(|| "cannot start a write transaction".into())?;
    let mut new_ids: HashMap<usize, i64> = HashMap::new();
    let mut ids = Vec::with_capacity(assignments.len());
    {
        let mut create = tx
            .prepare_cached("INSERT INTO stories (label, size) VALUES ('', 0)")
            .ctx(|| "cannot create stories".into())?;
        let mut insert = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO story_members
                     (article_seq, story_id, why, undated, published)
                 SELECT seq, ?2, ?3, published IS NULL, coalesce(published, '')
                 FROM articles WHERE id = ?1",
            )
            .ctx(|| "cannot store story members".into())?;
        let mut story_of = tx
            .prepare_cached(
                "SELECT m.story_id FROM story_members m JOIN articles a ON a.seq = m.article_seq
                 WHERE a.id = ?1",
            )
            .ctx(|| "cannot read story members".into())?;
        for a in assignments {
            let story = match a.story {
                StoryTarget::Existing(id) => id,
                StoryTarget::New(k) => match new_ids.get(&k) {
                    Some(&id) => id,
                    None => {
                        create
                            .execute([])
                            .ctx(|| format!("cannot create a story for {}", a.article_id))?;
                        let id = tx.last_insert_rowid();
                        new_ids.insert(k, id);
                        id
                    }
                },
            };
            let why = serde_json::to_string(&a.why).expect("a join reason serialises");
            let added = insert
                .execute(params![a.article_id, story, why])
                .ctx(|| format!("cannot put article {} in story {story}", a.article_id))?;
            if added > 0 {
                super::story_timeline::add_article(&tx, &a.article_id)?;
            }
            let actual: Option<i64> = story_of
                .query_row([&a.article_id], |r| r.get(0))
                .optional()
                .ctx(|| format!("cannot read the story of article {}", a.article_id))?;
            ids.push(actual.ok_or_else(|| StoreError::Encode {
                id: a.article_id.clone(),
                reason: "cannot put it in a story: it is not stored".into(),
            })?);
        }
    }
    let mut touched: Vec<i64> = ids.clone();
    touched.extend(new_ids.values());
    touched.sort_unstable();
    touched.dedup();
    {
        let mut refresh = tx
            .prepare_cached(&format!(
                "UPDATE stories SET
                   size = (SELECT count(*) FROM story_members WHERE story_id = ?1),
                   first_date = (SELECT min(a.published) FROM story_members m
                                 JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = ?1),
                   last_date = (SELECT max(a.published) FROM story_members m
                                JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = ?1),
                   label = coalesce((SELECT a.title FROM story_members m
                                     JOIN articles a ON a.seq = m.article_seq
                                     WHERE m.story_id = ?1
                                     ORDER BY a.published IS NULL, a.published, a.seq LIMIT 1), ''),
                   {COUNT_ENTRIES}
                 WHERE id = ?1",
            ))
            .ctx(|| "cannot refresh stories".into())?;
        let mut drop_empty = tx
            .prepare_cached("DELETE FROM stories WHERE id = ?1 AND size = 0")
            .ctx(|| "cannot refresh stories".into())?;
        for id in &touched {
            refresh
                .execute([id])
                .ctx(|| format!("cannot refresh story {id}"))?;
            drop_empty
                .execute([id])
                .ctx(|| format!("cannot refresh story {id}"))?;
        }
    }
    tx.commit()
        .ctx(|| "cannot commit story assignments".into())?;
    Ok(ids)
}

fn summary_of(r: &Row) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: r.get(0)?,
        label: r.get(1)?,
        first_date: r.get(2)?,
        last_date: r.get(3)?,
        size: r.get(4)?,
    })
}

pub fn stories(
    conn: &Connection,
    limit: usize,
    offset: usize,
) -> Result<Vec<StorySummary>, StoreError> {
    conn.prepare_cached(
        "SELECT id, label, first_date, last_date, size FROM stories
         ORDER BY last_date DESC, size DESC, id LIMIT ?1 OFFSET ?2",
    )
    .and_then(|mut s| {
        s.query_map([limit as i64, offset as i64], summary_of)?
            .collect()
    })
    .ctx(|| "cannot list the stories".into())
}

pub fn story(conn: &Connection, id: i64) -> Result<Option<Story>, StoreError> {
    let Some(summary) = story_summary(conn, id)? else {
        return Ok(None);
    };
    let members = read_members(conn, id, -1, 0)?;
    Ok(Some(Story { summary, members }))
}

pub fn story_summary(conn: &Connection, id: i64) -> Result<Option<StorySummary>, StoreError> {
    conn.prepare_cached("SELECT id, label, first_date, last_date, size FROM stories WHERE id = ?1")
        .and_then(|mut s| s.query_row([id], summary_of).optional())
        .ctx(|| format!("cannot read story {id}"))
}

pub fn story_members_page(
    conn: &Connection,
    id: i64,
    paging: Paging,
) -> Result<Listed<StoryMember>, StoreError> {
    let total: i64 = story_summary(conn, id)?.map_or(0, |s| s.size);
    let items = read_members(conn, id, paging.limit as i64, paging.offset as i64)?;
    Ok(Listed { total, items })
}

/// The members of story `id`, earliest first: `limit` of them (-1: all) after `offset`.
fn read_members(
    conn: &Connection,
    id: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<StoryMember>, StoreError> {
    let rows: Vec<(StoryMember, String)> = conn
        .prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, m.why
             FROM story_members m JOIN articles a ON a.seq = m.article_seq
             WHERE m.story_id = ?1 ORDER BY m.undated, m.published, m.article_seq
             LIMIT ?2 OFFSET ?3",
        )
        .and_then(|mut s| {
            s.query_map(params![id, limit, offset], |r| {
                Ok((
                    StoryMember {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        outlet: r.get(2)?,
                        published: r.get(3)?,
                        url: r.get(4)?,
                        why: JoinReason::default(),
                    },
                    r.get(5)?,
                ))
            })?
            .collect()
        })
        .ctx(|| format!("cannot read the members of story {id}"))?;
    rows.into_iter()
        .map(|(mut member, why)| {
            member.why = serde_json::from_str(&why).map_err(|e| StoreError::Corrupt {
                id: member.id.clone(),
                reason: format!("why it joined story {id}: {e}"),
            })?;
            Ok(member)
        })
        .collect()
}

pub fn story_of(conn: &Connection, article_id: &str) -> Result<Option<i64>, StoreError> {
    conn.prepare_cached(
        "SELECT m.story_id FROM story_members m JOIN articles a ON a.seq = m.article_seq
         WHERE a.id = ?1",
    )
    .and_then(|mut s| s.query_row([article_id], |r| r.get(0)).optional())
    .ctx(|| format!("cannot read the story of article {article_id}"))
}

/// The columns of a timeline query, in the order [`timeline_row_of`] reads them.
const TIMELINE_COLUMNS: &str =
    "a.id, a.outlet, a.published, n.layer, n.seq, n.start, n.\"end\", n.text,
     n.kind, n.code, n.actor_name, n.day, n.data
     FROM story_members m
     JOIN articles a ON a.seq = m.article_seq";

fn timeline_row_of(r: &Row) -> rusqlite::Result<TimelineRow> {
    Ok(TimelineRow {
        article_id: r.get(0)?,
        outlet: r.get(1)?,
        published: r.get(2)?,
        layer: r.get(3)?,
        seq: r.get(4)?,
        start: r.get(5)?,
        end: r.get(6)?,
        text: r.get(7)?,
        kind: r.get(8)?,
        code: r.get(9)?,
        actor_name: r.get(10)?,
        day: r.get(11)?,
        data: r.get(12)?,
    })
}

pub fn story_timeline_rows(conn: &Connection, id: i64) -> Result<Vec<TimelineRow>, StoreError> {
    conn.prepare_cached(&format!(
        "SELECT {TIMELINE_COLUMNS}
         JOIN annotations n ON n.article_seq = m.article_seq AND n.layer IN ('events', 'quotes')
         WHERE m.story_id = ?1 ORDER BY a.seq, n.layer, n.seq"
    ))
    .and_then(|mut s| s.query_map([id], timeline_row_of)?.collect())
    .ctx(|| format!("cannot read the timeline of story {id}"))
}

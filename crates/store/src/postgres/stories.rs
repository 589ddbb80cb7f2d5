//! Stories in PostgreSQL (tables of migrations 0003 and 0004): signals for linking,
//! assignments, reads.

use super::story_timeline::{add_members, COUNT_ENTRIES};
use super::PgContext;
use crate::browse::{Listed, Paging};
use crate::model::{
    add_signal_rows, lead_of, JoinReason, SignalRow, Story, StoryAssignment, StoryMember,
    StorySignals, StorySummary, StoryTarget, TimelineRow, LEAD_BYTES,
};
use crate::StoreError;
use chrono::NaiveDate;
use postgres::{Client, GenericClient, Row};
use std::collections::HashMap;

/// The columns of a signals query, in the order [`signal_of`] reads them.
const SIGNAL_COLUMNS: &str = "a.seq, a.id, a.title, left(a.body, $1::int), a.outlet,
     a.published::text, o.id, m.story_id
     FROM articles a
     LEFT JOIN story_members m ON m.article_seq = a.seq
     LEFT JOIN duplicates d ON d.article_seq = a.seq AND d.original_seq <> a.seq
     LEFT JOIN articles o ON o.seq = d.original_seq";

fn signal_of(r: &Row) -> StorySignals {
    let lead: String = r.get(3);
    StorySignals {
        order: r.get(0),
        id: r.get(1),
        title: r.get(2),
        lead: lead_of(&lead).to_string(),
        outlet: r.get(4),
        published: r.get::<_, Option<String>>(5).and_then(|d| d.parse().ok()),
        original: r.get(6),
        story: r.get(7),
        ..Default::default()
    }
}

pub fn unstoried(client: &mut Client, limit: usize) -> Result<Vec<StorySignals>, StoreError> {
    let mut signals: Vec<StorySignals> = client
        .query(
            &format!("SELECT {SIGNAL_COLUMNS} WHERE m.article_seq IS NULL ORDER BY a.seq LIMIT $2"),
            &[&(LEAD_BYTES as i32), &(limit as i64)],
        )
        .ctx(|| "cannot list the articles in no story".into())?
        .iter()
        .map(signal_of)
        .collect();
    add_annotations(client, &mut signals)?;
    Ok(signals)
}

pub fn storied_between(
    client: &mut Client,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StorySignals>, StoreError> {
    let mut signals: Vec<StorySignals> = client
        .query(
            &format!(
                "SELECT {SIGNAL_COLUMNS} WHERE m.article_seq IS NOT NULL
                 AND a.published BETWEEN $2::text::date AND $3::text::date ORDER BY a.seq"
            ),
            &[&(LEAD_BYTES as i32), &from.to_string(), &to.to_string()],
        )
        .ctx(|| format!("cannot read the stories' articles published {from} to {to}"))?
        .iter()
        .map(signal_of)
        .collect();
    add_annotations(client, &mut signals)?;
    Ok(signals)
}

/// Adds the entity actors and events of each article to its signals.
fn add_annotations(client: &mut Client, signals: &mut [StorySignals]) -> Result<(), StoreError> {
    if signals.is_empty() {
        return Ok(());
    }
    let seqs: Vec<i64> = signals.iter().map(|s| s.order).collect();
    let rows: Vec<SignalRow> = client
        .query(
            "SELECT article_seq, layer, code, actor_id, target_id, day::text FROM annotations
             WHERE article_seq = ANY($1) AND layer IN ('entities', 'events')",
            &[&seqs],
        )
        .ctx(|| "cannot read the actors and events of articles to link".into())?
        .iter()
        .map(|r| SignalRow {
            article_seq: r.get(0),
            layer: r.get(1),
            code: r.get(2),
            actor_id: r.get(3),
            target_id: r.get(4),
            day: r.get(5),
        })
        .collect();
    add_signal_rows(signals, rows);
    Ok(())
}

pub fn assign_stories(
    client: &mut Client,
    assignments: &[StoryAssignment],
) -> Result<Vec<i64>, StoreError> {
    let mut tx = client
        .transaction()
        .ctx(|| "cannot start a transaction".into())?;
    // One `parley link` assigns stories at a time.
    tx.batch_execute("LOCK TABLE stories IN SHARE ROW EXCLUSIVE MODE")
        .ctx(|| "cannot lock the stories".into())?;
    let mut new_keys: Vec<usize> = assignments
        .iter()
        .filter_map(|a| match a.story {
            StoryTarget::New(k) => Some(k),
            StoryTarget::Existing(_) => None,
        })
        .collect();
    new_keys.sort_unstable();
    new_keys.dedup();
    let fresh: Vec<i64> = tx
        .query(
            "SELECT nextval(pg_get_serial_sequence('stories', 'id'))
             FROM generate_series(1, $1::bigint)",
            &[&(new_keys.len() as i64)],
        )
        .ctx(|| "cannot number new stories".into())?
        .iter()
        .map(|r| r.get(0))
        .collect();
    tx.execute(
        "INSERT INTO stories (id, label, size) OVERRIDING SYSTEM VALUE
         SELECT id, '', 0 FROM unnest($1::bigint[]) AS id",
        &[&fresh],
    )
    .ctx(|| "cannot create stories".into())?;
    let new_ids: HashMap<usize, i64> = new_keys.into_iter().zip(fresh.iter().copied()).collect();
    let article_ids: Vec<&str> = assignments.iter().map(|a| a.article_id.as_str()).collect();
    let story_ids: Vec<i64> = assignments
        .iter()
        .map(|a| match a.story {
            StoryTarget::Existing(id) => id,
            StoryTarget::New(k) => new_ids[&k],
        })
        .collect();
    let whys: Vec<String> = assignments
        .iter()
        .map(|a| serde_json::to_string(&a.why).expect("a join reason serialises"))
        .collect();
    let added: Vec<i64> = tx
        .query(
            "INSERT INTO story_members (article_seq, story_id, why, undated, published)
             SELECT a.seq, u.story, u.why::jsonb, a.published IS NULL,
                    coalesce(a.published::text, '')
             FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u(id, story, why)
             JOIN articles a ON a.id = u.id
             ON CONFLICT (article_seq) DO NOTHING
             RETURNING article_seq",
            &[&article_ids, &story_ids, &whys],
        )
        .ctx(|| "cannot store story members".into())?
        .iter()
        .map(|r| r.get(0))
        .collect();
    add_members(&mut tx, &added)?;
    let actual: HashMap<String, i64> = tx
        .query(
            "SELECT a.id, m.story_id FROM unnest($1::text[]) AS u(id)
             JOIN articles a ON a.id = u.id JOIN story_members m ON m.article_seq = a.seq",
            &[&article_ids],
        )
        .ctx(|| "cannot read story members".into())?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let ids = assignments
        .iter()
        .map(|a| {
            actual
                .get(&a.article_id)
                .copied()
                .ok_or_else(|| StoreError::Encode {
                    id: a.article_id.clone(),
                    reason: "cannot put it in a story: it is not stored".into(),
                })
        })
        .collect::<Result<Vec<i64>, _>>()?;
    let mut touched: Vec<i64> = ids.iter().chain(&fresh).copied().collect();
    touched.sort_unstable();
    touched.dedup();
    refresh(&mut tx, &touched)?;
    tx.commit()
        .ctx(|| "cannot commit story assignments".into())?;
    Ok(ids)
}

/// Recomputes size, dates and label of the given stories; drops those left without members.
fn refresh(tx: &mut impl GenericClient, ids: &[i64]) -> Result<(), StoreError> {
    tx.execute(
        &format!(
            "UPDATE stories s SET size = g.size, first_date = g.first, last_date = g.last,
                label = g.label, {COUNT_ENTRIES}
         FROM (SELECT m.story_id, count(*) AS size, min(a.published) AS first,
                      max(a.published) AS last,
                      (array_agg(a.title ORDER BY a.published NULLS LAST, a.seq))[1] AS label
               FROM story_members m JOIN articles a ON a.seq = m.article_seq
               WHERE m.story_id = ANY($1) GROUP BY m.story_id) AS g
         WHERE s.id = g.story_id"
        ),
        &[&ids],
    )
    .ctx(|| "cannot refresh stories".into())?;
    tx.execute(
        "DELETE FROM stories s WHERE s.id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id)",
        &[&ids],
    )
    .ctx(|| "cannot drop empty stories".into())?;
    Ok(())
}

fn summary_of(r: &Row) -> StorySummary {
    StorySummary {
        id: r.get(0),
        label: r.get(1),
        first_date: r.get(2),
        last_date: r.get(3),
        size: r.get(4),
    }
}

pub fn stories(
    client: &mut Client,
    limit: usize,
    offset: usize,
) -> Result<Vec<StorySummary>, StoreError> {
    Ok(client
        .query(
            "SELECT id, label, first_date::text, last_date::text, size FROM stories
             ORDER BY last_date DESC NULLS LAST, size DESC, id LIMIT $1 OFFSET $2",
            &[&(limit as i64), &(offset as i64)],
        )
        .ctx(|| "cannot list the stories".into())?
        .iter()
        .map(summary_of)
        .collect())
}

pub fn story(client: &mut Client, id: i64) -> Result<Option<Story>, StoreError> {
    let Some(summary) = story_summary(client, id)? else {
        return Ok(None);
    };
    let members = read_members(client, id, None, 0)?;
    Ok(Some(Story { summary, members }))
}

pub fn story_summary(client: &mut Client, id: i64) -> Result<Option<StorySummary>, StoreError> {
    Ok(client
        .query_opt(
            "SELECT id, label, first_date::text, last_date::text, size FROM stories
             WHERE id = $1",
            &[&id],
        )
        .ctx(|| format!("cannot read story {id}"))?
        .map(|r| summary_of(&r)))
}

pub fn story_members_page(
    client: &mut Client,
    id: i64,
    paging: Paging,
) -> Result<Listed<StoryMember>, StoreError> {
    let total: i64 = story_summary(client, id)?.map_or(0, |s| s.size);
    let items = read_members(client, id, Some(paging.limit as i64), paging.offset as i64)?;
    Ok(Listed { total, items })
}

/// The members of story `id`, earliest first: `limit` of them (`None`: all) after `offset`.
fn read_members(
    client: &mut Client,
    id: i64,
    limit: Option<i64>,
    offset: i64,
) -> Result<Vec<StoryMember>, StoreError> {
    client
        .query(
            "SELECT a.id, a.title, a.outlet, a.published::text, a.url, m.why::text
             FROM story_members m JOIN articles a ON a.seq = m.article_seq
             WHERE m.story_id = $1 ORDER BY m.undated, m.published, m.article_seq
             LIMIT $2 OFFSET $3",
            &[&id, &limit, &offset],
        )
        .ctx(|| format!("cannot read the members of story {id}"))?
        .iter()
        .map(|r| {
            let member_id: String = r.get(0);
            let why: JoinReason =
                serde_json::from_str(r.get(5)).map_err(|e| StoreError::Corrupt {
                    id: member_id.clone(),
                    reason: format!("why it joined story {id}: {e}"),
                })?;
            Ok(StoryMember {
                id: member_id,
                title: r.get(1),
                outlet: r.get(2),
                published: r.get(3),
                url: r.get(4),
                why,
            })
        })
        .collect()
}

pub fn story_of(client: &mut Client, article_id: &str) -> Result<Option<i64>, StoreError> {
    Ok(client
        .query_opt(
            "SELECT m.story_id FROM story_members m JOIN articles a ON a.seq = m.article_seq
             WHERE a.id = $1",
            &[&article_id],
        )
        .ctx(|| format!("cannot read the story of article {article_id}"))?
        .map(|r| r.get(0)))
}

/// The columns of a timeline query, in the order [`timeline_row_of`] reads them.
const TIMELINE_COLUMNS: &str = "a.id, a.outlet, a.published::text, n.layer, n.seq::bigint,
     n.start::bigint, n.\"end\"::bigint, n.text, n.kind, n.code, n.actor_name, n.day::text,
     n.data::text
     FROM story_members m
     JOIN articles a ON a.seq = m.article_seq";

fn timeline_row_of(r: &Row) -> TimelineRow {
    TimelineRow {
        article_id: r.get(0),
        outlet: r.get(1),
        published: r.get(2),
        layer: r.get(3),
        seq: r.get(4),
        start: r.get(5),
        end: r.get(6),
        text: r.get(7),
        kind: r.get(8),
        code: r.get(9),
        actor_name: r.get(10),
        day: r.get(11),
        data: r.get(12),
    }
}

pub fn story_timeline_rows(client: &mut Client, id: i64) -> Result<Vec<TimelineRow>, StoreError> {
    Ok(client
        .query(
            &format!(
                "SELECT {TIMELINE_COLUMNS}
                 JOIN annotations n ON n.article_seq = m.article_seq
                                   AND n.layer IN ('events', 'quotes')
                 WHERE m.story_id = $1 ORDER BY a.seq, n.layer, n.seq"
            ),
            &[&id],
        )
        .ctx(|| format!("cannot read the timeline of story {id}"))?
        .iter()
        .map(timeline_row_of)
        .collect())
}

//! Story timelines in SQLite (table `story_timeline`, migration 0004): rows added in the
//! transaction that puts an article in a story, and pages read as one range of an index.

use crate::browse::{Listed, Paging};
use crate::error::SqliteContext;
use crate::model::TimelineRow;
use crate::story_pages::{
    add_event_codes, after_condition, StoryParty, TimelineChunk, TimelineKinds, TIMELINE_ORDER,
};
use crate::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// Adds the events and quotes of article `article_id`, just put in a story, to the story's
/// timeline and to its parties' counts. The rules are those of
/// migrations/sqlite/0004_story_timeline.sql's backfill.
pub fn add_article(conn: &Connection, article_id: &str) -> Result<(), StoreError> {
    for sql in [ADD_TIMELINE_ROWS, ADD_PARTIES, ADD_PARTY_CODES] {
        conn.prepare_cached(sql)
            .and_then(|mut s| s.execute([article_id]))
            .ctx(|| format!("cannot add article {article_id} to its story's timeline"))?;
    }
    Ok(())
}

const ADD_TIMELINE_ROWS: &str = "INSERT OR IGNORE INTO story_timeline
         (ann, story_id, undated, date, article_seq, layer, seq)
     SELECT ann, story_id, d IS NULL, coalesce(d, ''), article_seq, layer, seq
     FROM (SELECT n.ann, m.story_id, n.article_seq, n.layer, n.seq,
                  CASE WHEN n.layer = 'events' AND n.day IS NOT NULL THEN n.day
                       ELSE a.published END AS d
           FROM articles a
           JOIN story_members m ON m.article_seq = a.seq
           JOIN annotations n ON n.article_seq = a.seq AND n.layer IN ('events', 'quotes')
           WHERE a.id = ?1)";

const ADD_PARTIES: &str = "INSERT INTO story_parties (story_id, name, entries, quotes)
     SELECT m.story_id, n.actor_name, count(*), sum(n.layer = 'quotes')
     FROM articles a
     JOIN story_members m ON m.article_seq = a.seq
     JOIN annotations n ON n.article_seq = a.seq AND n.layer IN ('events', 'quotes')
     WHERE a.id = ?1 AND trim(n.actor_name, ' ' || char(9, 10, 13)) <> ''
     GROUP BY n.actor_name
     ON CONFLICT (story_id, name) DO UPDATE
     SET entries = entries + excluded.entries, quotes = quotes + excluded.quotes";

const ADD_PARTY_CODES: &str = "INSERT INTO story_party_codes (story_id, name, code, events)
     SELECT m.story_id, n.actor_name, n.code, count(*)
     FROM articles a
     JOIN story_members m ON m.article_seq = a.seq
     JOIN annotations n ON n.article_seq = a.seq AND n.layer = 'events'
     WHERE a.id = ?1 AND n.code IS NOT NULL
       AND trim(n.actor_name, ' ' || char(9, 10, 13)) <> ''
     GROUP BY n.actor_name, n.code
     ON CONFLICT (story_id, name, code) DO UPDATE SET events = events + excluded.events";

/// The SQL that sets a story's timeline counts (`?1`: the story), over the timeline indexes.
pub const COUNT_ENTRIES: &str =
    "entries = (SELECT count(*) FROM story_timeline t WHERE t.story_id = ?1),
     quotes = (SELECT count(*) FROM story_timeline t WHERE t.story_id = ?1 AND t.layer = 'quotes')";

/// The columns of a timeline page, in the order [`row_of`] reads them, from `t` (a range of
/// `story_timeline`) joined to each row's annotation and article by primary key.
const COLUMNS: &str = "t.ann, a.id, a.outlet, a.published, n.layer, n.seq, n.start, n.\"end\",
     n.text, n.kind, n.code, n.actor_name, n.day, n.data";
const JOINS: &str = "JOIN annotations n ON n.ann = t.ann JOIN articles a ON a.seq = t.article_seq";

/// The annotation id and the row.
fn row_of(r: &Row) -> rusqlite::Result<(i64, TimelineRow)> {
    Ok((
        r.get(0)?,
        TimelineRow {
            article_id: r.get(1)?,
            outlet: r.get(2)?,
            published: r.get(3)?,
            layer: r.get(4)?,
            seq: r.get(5)?,
            start: r.get(6)?,
            end: r.get(7)?,
            text: r.get(8)?,
            kind: r.get(9)?,
            code: r.get(10)?,
            actor_name: r.get(11)?,
            day: r.get(12)?,
            data: r.get(13)?,
        },
    ))
}

/// A page at any offset: the range is skipped on the index alone (no row is read for the
/// skipped entries), then only the page's rows are joined. The total is kept on the story.
pub fn page(
    conn: &Connection,
    id: i64,
    kinds: TimelineKinds,
    paging: Paging,
) -> Result<Listed<TimelineRow>, StoreError> {
    let (count, filter, order, t_order) = kinds.page_sql();
    let total: i64 = conn
        .prepare_cached(&format!("SELECT {count} FROM stories WHERE id = ?1"))
        .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
        .ctx(|| format!("cannot count the timeline of story {id}"))?
        .unwrap_or(0);
    let items: Vec<(i64, TimelineRow)> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}
             FROM (SELECT ann, undated, date, article_seq, layer, seq FROM story_timeline
                   WHERE story_id = ?1 {filter} ORDER BY {order} LIMIT ?2 OFFSET ?3) t
             {JOINS}
             ORDER BY {t_order}"
        ))
        .and_then(|mut s| {
            s.query_map(
                params![id, paging.limit as i64, paging.offset as i64],
                row_of,
            )?
            .collect()
        })
        .ctx(|| format!("cannot read a page of the timeline of story {id}"))?;
    Ok(Listed {
        total,
        items: items.into_iter().map(|(_, row)| row).collect(),
    })
}

/// Up to `limit` rows of the whole timeline after the row of annotation `after`: a seek in
/// the index to that row's key, then `limit` steps, however deep the page.
pub fn after(
    conn: &Connection,
    id: i64,
    after: Option<i64>,
    limit: usize,
) -> Result<TimelineChunk, StoreError> {
    let start = after_condition(after, "?2");
    let rows: Vec<(i64, TimelineRow)> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM story_timeline t {JOINS}
             WHERE t.story_id = ?1 AND {start}
             ORDER BY {TIMELINE_ORDER} LIMIT ?3"
        ))
        .and_then(|mut s| {
            s.query_map(params![id, after, limit as i64], row_of)?
                .collect()
        })
        .ctx(|| format!("cannot read the timeline of story {id}"))?;
    Ok(TimelineChunk::of(rows, limit))
}

/// The `limit` parties with the most events and quotes (then by name), and the event codes
/// of those parties only: two index ranges of the counts kept per story.
pub fn parties(conn: &Connection, id: i64, limit: usize) -> Result<Vec<StoryParty>, StoreError> {
    let mut parties: Vec<StoryParty> = conn
        .prepare_cached(
            "SELECT name, entries, quotes FROM story_parties WHERE story_id = ?1
             ORDER BY entries DESC, name LIMIT ?2",
        )
        .and_then(|mut s| {
            s.query_map(params![id, limit as i64], |r| {
                Ok(StoryParty {
                    name: r.get(0)?,
                    entries: r.get(1)?,
                    quotes: r.get(2)?,
                    event_codes: Vec::new(),
                })
            })?
            .collect()
        })
        .ctx(|| format!("cannot read the parties of story {id}"))?;
    if parties.is_empty() {
        return Ok(parties);
    }
    let names = serde_json::to_string(&parties.iter().map(|p| &p.name).collect::<Vec<_>>())
        .expect("a list of strings serialises");
    let codes: Vec<(String, String, i64)> = conn
        .prepare_cached(
            "SELECT name, code, events FROM story_party_codes
             WHERE story_id = ?1 AND name IN (SELECT value FROM json_each(?2))",
        )
        .and_then(|mut s| {
            s.query_map(params![id, names], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect()
        })
        .ctx(|| format!("cannot read the event codes of story {id}'s parties"))?;
    add_event_codes(&mut parties, codes);
    Ok(parties)
}

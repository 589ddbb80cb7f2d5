//! Story timelines in PostgreSQL (table `story_timeline`, migration 0004): rows added in the
//! transaction that puts articles in stories, and pages read as one range of an index.

use super::PgContext;
use crate::browse::{Listed, Paging};
use crate::model::TimelineRow;
use crate::story_pages::{
    add_event_codes, after_condition, StoryParty, TimelineChunk, TimelineKinds, TIMELINE_ORDER,
};
use crate::StoreError;
use postgres::{Client, GenericClient, Row};

/// Adds the events and quotes of the articles `seqs`, just put in stories, to the stories'
/// timelines and to their parties' counts. The rules are those of
/// migrations/postgres/0004_story_timeline.sql's backfill.
pub fn add_members(tx: &mut impl GenericClient, seqs: &[i64]) -> Result<(), StoreError> {
    for sql in [ADD_TIMELINE_ROWS, ADD_PARTIES, ADD_PARTY_CODES] {
        tx.execute(sql, &[&seqs])
            .ctx(|| "cannot add articles to their stories' timelines".into())?;
    }
    Ok(())
}

const ADD_TIMELINE_ROWS: &str = "INSERT INTO story_timeline
         (ann, story_id, undated, date, article_seq, layer, seq)
     SELECT ann, story_id, d IS NULL, coalesce(d, ''), article_seq, layer, seq
     FROM (SELECT n.ann, m.story_id, n.article_seq, n.layer, n.seq,
                  CASE WHEN n.layer = 'events' AND n.day IS NOT NULL THEN n.day
                       ELSE a.published::text END AS d
           FROM articles a
           JOIN story_members m ON m.article_seq = a.seq
           JOIN annotations n ON n.article_seq = a.seq AND n.layer IN ('events', 'quotes')
           WHERE a.seq = ANY($1)) AS rows
     ON CONFLICT (ann) DO NOTHING";

const ADD_PARTIES: &str = "INSERT INTO story_parties (story_id, name, entries, quotes)
     SELECT m.story_id, n.actor_name, count(*), count(*) FILTER (WHERE n.layer = 'quotes')
     FROM story_members m
     JOIN annotations n ON n.article_seq = m.article_seq AND n.layer IN ('events', 'quotes')
     WHERE m.article_seq = ANY($1) AND btrim(n.actor_name, E' \\t\\n\\r') <> ''
     GROUP BY m.story_id, n.actor_name
     ON CONFLICT (story_id, name) DO UPDATE
     SET entries = story_parties.entries + excluded.entries,
         quotes = story_parties.quotes + excluded.quotes";

const ADD_PARTY_CODES: &str = "INSERT INTO story_party_codes (story_id, name, code, events)
     SELECT m.story_id, n.actor_name, n.code, count(*)
     FROM story_members m
     JOIN annotations n ON n.article_seq = m.article_seq AND n.layer = 'events'
     WHERE m.article_seq = ANY($1) AND n.code IS NOT NULL
       AND btrim(n.actor_name, E' \\t\\n\\r') <> ''
     GROUP BY m.story_id, n.actor_name, n.code
     ON CONFLICT (story_id, name, code) DO UPDATE
     SET events = story_party_codes.events + excluded.events";

/// The SQL that sets a story's timeline counts (`s.id`: the story), over the timeline
/// indexes.
pub const COUNT_ENTRIES: &str =
    "entries = (SELECT count(*) FROM story_timeline t WHERE t.story_id = s.id),
     quotes = (SELECT count(*) FROM story_timeline t
               WHERE t.story_id = s.id AND t.layer = 'quotes')";

/// The columns of a timeline page, in the order [`row_of`] reads them, from `t` (a range of
/// `story_timeline`) joined to each row's annotation and article by primary key.
const COLUMNS: &str = "t.ann, a.id, a.outlet, a.published::text, n.layer, n.seq::bigint,
     n.start::bigint, n.\"end\"::bigint, n.text, n.kind, n.code, n.actor_name, n.day::text,
     n.data::text";
const JOINS: &str = "JOIN annotations n ON n.ann = t.ann JOIN articles a ON a.seq = t.article_seq";

/// The annotation id and the row.
fn row_of(r: &Row) -> (i64, TimelineRow) {
    (
        r.get(0),
        TimelineRow {
            article_id: r.get(1),
            outlet: r.get(2),
            published: r.get(3),
            layer: r.get(4),
            seq: r.get(5),
            start: r.get(6),
            end: r.get(7),
            text: r.get(8),
            kind: r.get(9),
            code: r.get(10),
            actor_name: r.get(11),
            day: r.get(12),
            data: r.get(13),
        },
    )
}

/// A page at any offset: the range is skipped on the index alone (an index-only scan), then
/// only the page's rows are joined. The total is kept on the story.
pub fn page(
    client: &mut Client,
    id: i64,
    kinds: TimelineKinds,
    paging: Paging,
) -> Result<Listed<TimelineRow>, StoreError> {
    let (count, filter, order, t_order) = kinds.page_sql();
    let total: i64 = client
        .query_opt(
            &format!("SELECT {count} FROM stories WHERE id = $1"),
            &[&id],
        )
        .ctx(|| format!("cannot count the timeline of story {id}"))?
        .map(|r| r.get(0))
        .unwrap_or(0);
    let items = client
        .query(
            &format!(
                "SELECT {COLUMNS}
                 FROM (SELECT ann, undated, date, article_seq, layer, seq FROM story_timeline
                       WHERE story_id = $1 {filter} ORDER BY {order} LIMIT $2 OFFSET $3) t
                 {JOINS}
                 ORDER BY {t_order}"
            ),
            &[&id, &(paging.limit as i64), &(paging.offset as i64)],
        )
        .ctx(|| format!("cannot read a page of the timeline of story {id}"))?
        .iter()
        .map(|r| row_of(r).1)
        .collect();
    Ok(Listed { total, items })
}

/// Up to `limit` rows of the whole timeline after the row of annotation `after`: a seek in
/// the index to that row's key, then `limit` steps, however deep the page.
pub fn after(
    client: &mut Client,
    id: i64,
    after: Option<i64>,
    limit: usize,
) -> Result<TimelineChunk, StoreError> {
    let start = after_condition(after, "$2::bigint");
    let rows: Vec<(i64, TimelineRow)> = client
        .query(
            &format!(
                "SELECT {COLUMNS} FROM story_timeline t {JOINS}
                 WHERE t.story_id = $1 AND {start}
                 ORDER BY {TIMELINE_ORDER} LIMIT $3"
            ),
            &[&id, &after, &(limit as i64)],
        )
        .ctx(|| format!("cannot read the timeline of story {id}"))?
        .iter()
        .map(row_of)
        .collect();
    Ok(TimelineChunk::of(rows, limit))
}

/// The `limit` parties with the most events and quotes (then by name), and the event codes
/// of those parties only: two index ranges of the counts kept per story.
pub fn parties(client: &mut Client, id: i64, limit: usize) -> Result<Vec<StoryParty>, StoreError> {
    let mut parties: Vec<StoryParty> = client
        .query(
            "SELECT name, entries, quotes FROM story_parties WHERE story_id = $1
             ORDER BY entries DESC, name LIMIT $2",
            &[&id, &(limit as i64)],
        )
        .ctx(|| format!("cannot read the parties of story {id}"))?
        .iter()
        .map(|r| StoryParty {
            name: r.get(0),
            entries: r.get(1),
            quotes: r.get(2),
            event_codes: Vec::new(),
        })
        .collect();
    if parties.is_empty() {
        return Ok(parties);
    }
    let names: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
    let codes: Vec<(String, String, i64)> = client
        .query(
            "SELECT name, code, events FROM story_party_codes
             WHERE story_id = $1 AND name = ANY($2)",
            &[&id, &names],
        )
        .ctx(|| format!("cannot read the event codes of story {id}'s parties"))?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    add_event_codes(&mut parties, codes);
    Ok(parties)
}

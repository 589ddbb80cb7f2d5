//! The per-story tables of migration 0004 (timeline, member order, party counts): kept in step
//! as stories grow, read in pages that equal what a whole story computed in memory gives, and
//! backfilled when a store made at version 3 opens. Against SQLite always and against PostgreSQL when PARLEY_TEST_POSTGRES
//! is set (scripts/postgres.sh).

mod common;

use common::*;
use parley_store::{
    JoinReason, Paging, Store, StoryAssignment, StoryParty, StoryTarget, TimelineKinds, TimelineRow,
};
use std::collections::BTreeMap;

/// A timeline row by what it is: (article, layer, index in the layer).
type Key = (String, String, i64);

fn key(r: &TimelineRow) -> Key {
    (r.article_id.clone(), r.layer.clone(), r.seq)
}

/// The old computation: a whole story's rows (article order, then layer, then position)
/// sorted in memory by date, the event's day else the article's, undated last; a stable sort
/// keeps the rest of the order (what `parley_link::build_timeline` does).
fn sorted_in_memory(rows: Vec<TimelineRow>) -> Vec<Key> {
    let mut rows = rows;
    let date = |r: &TimelineRow| match (&r.day, &r.published) {
        (Some(day), _) if r.layer == "events" => Some(day.clone()),
        (_, published) => published.clone(),
    };
    rows.sort_by_key(|r| {
        let d = date(r);
        (d.is_none(), d)
    });
    rows.iter().map(key).collect()
}

/// The old computation of a story's parties: every party's events and quotes counted over
/// the whole story's rows, most first (then by name), with event codes most frequent first.
fn parties_in_memory(rows: &[TimelineRow]) -> Vec<StoryParty> {
    let mut by_name: BTreeMap<&str, (i64, i64, BTreeMap<&str, i64>)> = BTreeMap::new();
    for r in rows {
        let Some(name) = r.actor_name.as_deref().filter(|n| !n.trim().is_empty()) else {
            continue;
        };
        let party = by_name.entry(name).or_default();
        party.0 += 1;
        party.1 += (r.layer == "quotes") as i64;
        if let (Some(code), "events") = (r.code.as_deref(), r.layer.as_str()) {
            *party.2.entry(code).or_default() += 1;
        }
    }
    let mut parties: Vec<StoryParty> = by_name
        .into_iter()
        .map(|(name, (entries, quotes, codes))| {
            let mut event_codes: Vec<(String, i64)> =
                codes.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
            event_codes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            StoryParty {
                name: name.to_string(),
                entries,
                quotes,
                event_codes,
            }
        })
        .collect();
    parties.sort_by(|a, b| b.entries.cmp(&a.entries).then_with(|| a.name.cmp(&b.name)));
    parties
}

fn assign(store: &mut dyn Store, docs: &[usize], story: StoryTarget) -> i64 {
    let assignments: Vec<StoryAssignment> = docs
        .iter()
        .map(|&i| StoryAssignment {
            article_id: document(i).id,
            story,
            why: JoinReason::default(),
        })
        .collect();
    store.assign_stories(&assignments).unwrap()[0]
}

/// Two stories, the first grown by a second assignment. Documents 3 and 7 have no publication
/// date; document 4's event has no day.
fn two_stories(store: &mut dyn Store) -> Vec<i64> {
    let mut docs: Vec<_> = (0..10).map(document).collect();
    docs[3].published = None;
    docs[7].published = None;
    docs[4].analysis.events[0].date = None;
    store.put_batch(&docs).unwrap();
    let first = assign(store, &[0, 1, 2, 3], StoryTarget::New(0));
    let second = assign(store, &[5, 6, 7], StoryTarget::New(0));
    assert_eq!(
        assign(store, &[4, 8, 9], StoryTarget::Existing(first)),
        first
    );
    vec![first, second]
}

/// The whole timeline read by offset pages of `size`, with the total each page gave.
fn by_pages(store: &mut dyn Store, id: i64, kinds: TimelineKinds, size: usize) -> Vec<Key> {
    let mut keys = Vec::new();
    loop {
        let paging = Paging {
            offset: keys.len(),
            limit: size,
        };
        let page = store.story_timeline_page(id, kinds, paging).unwrap();
        assert!(page.items.len() <= size);
        keys.extend(page.items.iter().map(key));
        if page.items.len() < size {
            assert_eq!(
                page.total as usize,
                keys.len(),
                "the total is the whole count"
            );
            return keys;
        }
    }
}

/// The whole timeline read by key in chunks of `size`.
fn by_chunks(store: &mut dyn Store, id: i64, size: usize) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut after = None;
    loop {
        let chunk = store.story_timeline_after(id, after, size).unwrap();
        keys.extend(chunk.rows.iter().map(key));
        match chunk.next {
            Some(next) => after = Some(next),
            None => return keys,
        }
    }
}

/// What a story page shows of a story: its timeline, parties and members, in order.
type Shown = (Vec<Key>, Vec<StoryParty>, Vec<String>);

/// Every way of reading each story's timeline gives the order of the old computation; its
/// parties are those counted in memory; its member pages are its members in story order.
fn timelines_of(store: &mut dyn Store, stories: &[i64]) -> Vec<Shown> {
    stories
        .iter()
        .map(|&id| {
            let rows = store.story_timeline_rows(id).unwrap();
            let parties = parties_in_memory(&rows);
            assert_eq!(store.story_parties(id, 100).unwrap(), parties);
            assert_eq!(store.story_parties(id, 1).unwrap(), parties[..1].to_vec());
            let members: Vec<String> = store
                .story(id)
                .unwrap()
                .unwrap()
                .members
                .into_iter()
                .map(|m| m.id)
                .collect();
            let paged = store.story_members_page(
                id,
                Paging {
                    offset: 1,
                    limit: 2,
                },
            );
            let paged = paged.unwrap();
            assert_eq!(paged.total as usize, members.len());
            let paged: Vec<&str> = paged.items.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(paged, vec![members[1].as_str(), members[2].as_str()]);
            let whole = sorted_in_memory(rows);
            assert!(!whole.is_empty());
            for size in [1, 4, 100] {
                let pages = by_pages(store, id, TimelineKinds::EventsAndQuotes, size);
                assert_eq!(pages, whole, "offset pages of {size}, story {id}");
                assert_eq!(by_chunks(store, id, size), whole, "chunks of {size}");
            }
            let quotes: Vec<Key> = whole.iter().filter(|k| k.1 == "quotes").cloned().collect();
            assert_eq!(by_pages(store, id, TimelineKinds::Quotes, 3), quotes);
            (whole, parties, members)
        })
        .collect()
}

fn pages_as_the_old_computation(store: &mut dyn Store) {
    let stories = two_stories(store);
    let timelines = timelines_of(store, &stories);
    // Undated rows last: document 3's quotes (its event has a day of its own).
    let first = &timelines[0].0;
    let undated = document(3).id;
    let last_two: Vec<(&str, &str)> = first[first.len() - 2..]
        .iter()
        .map(|k| (k.0.as_str(), k.1.as_str()))
        .collect();
    assert_eq!(last_two, vec![(undated.as_str(), "quotes"); 2]);
    assert_eq!(first.len(), 7 * 3, "7 articles of 1 event and 2 quotes");
    assert!(store
        .story_timeline_after(stories[0], Some(-1), 5)
        .unwrap()
        .rows
        .is_empty());
}

#[test]
fn sqlite_pages_as_the_old_computation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    pages_as_the_old_computation(store.as_mut());
}

/// What makes a version 4 store a version 3 one: the same statements on both backends.
const BACK_TO_VERSION_3: &str = "DROP TABLE story_party_codes;
     DROP TABLE story_parties;
     DROP TABLE story_timeline;
     DROP INDEX story_members_order;
     ALTER TABLE story_members DROP COLUMN undated;
     ALTER TABLE story_members DROP COLUMN published;
     ALTER TABLE stories DROP COLUMN entries;
     ALTER TABLE stories DROP COLUMN quotes;
     DELETE FROM schema_version WHERE version = 4;";

/// Stories written at version 4, taken back to version 3 by `downgrade`, then opened again:
/// the backfill gives the same timelines.
fn backfills(location: &str, downgrade: impl FnOnce()) {
    let (stories, before) = {
        let mut store = parley_store::open(location).unwrap();
        let stories = two_stories(store.as_mut());
        let before = timelines_of(store.as_mut(), &stories);
        (stories, before)
    };
    downgrade();
    let mut store = parley_store::open(location).unwrap();
    assert_eq!(store.schema_version().unwrap(), 4);
    assert_eq!(timelines_of(store.as_mut(), &stories), before);
}

#[test]
fn sqlite_store_made_at_version_3_opens_with_the_same_timelines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let location = path.to_str().unwrap();
    backfills(location, || {
        let conn = rusqlite::Connection::open(location).unwrap();
        conn.execute_batch(BACK_TO_VERSION_3).unwrap();
        let version: i64 = conn
            .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 3);
    });
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_pages_as_the_old_computation() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "story_timeline_test");
    let mut store = parley_store::open(&location).unwrap();
    pages_as_the_old_computation(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_store_made_at_version_3_opens_with_the_same_timelines() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "story_timeline_backfill");
    backfills(&location, || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!(
                "SET search_path TO story_timeline_backfill; {BACK_TO_VERSION_3}"
            ))
            .unwrap();
    });
}

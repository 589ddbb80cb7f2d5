//! The per-story timeline table (migration 0004): kept in step as stories grow, paged by offset
//! and by key in the order a whole story sorted in memory has, and backfilled when a store made
//! at version 3 opens. Against SQLite always and against PostgreSQL when PARLEY_TEST_POSTGRES
//! is set (scripts/postgres.sh).

mod common;

use common::*;
use parley_store::{
    JoinReason, Paging, Store, StoryAssignment, StoryTarget, TimelineKinds, TimelineRow,
};

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

/// Every way of reading each story's timeline gives the order of the old computation.
fn timelines_of(store: &mut dyn Store, stories: &[i64]) -> Vec<Vec<Key>> {
    stories
        .iter()
        .map(|&id| {
            let whole = sorted_in_memory(store.story_timeline_rows(id).unwrap());
            assert!(!whole.is_empty());
            for size in [1, 4, 100] {
                let pages = by_pages(store, id, TimelineKinds::EventsAndQuotes, size);
                assert_eq!(pages, whole, "offset pages of {size}, story {id}");
                assert_eq!(by_chunks(store, id, size), whole, "chunks of {size}");
            }
            let quotes: Vec<Key> = whole.iter().filter(|k| k.1 == "quotes").cloned().collect();
            assert_eq!(by_pages(store, id, TimelineKinds::Quotes, 3), quotes);
            whole
        })
        .collect()
}

fn pages_as_the_old_computation(store: &mut dyn Store) {
    let stories = two_stories(store);
    let timelines = timelines_of(store, &stories);
    // Undated rows last: document 3's quotes (its event has a day of its own).
    let first = &timelines[0];
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
const BACK_TO_VERSION_3: &str = "DROP TABLE story_timeline;
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

//! Bounded reads of one story (members, timeline pages, parties) and bounded search, as every
//! backend does them: against SQLite always and against PostgreSQL when PARLEY_TEST_POSTGRES
//! is set (scripts/postgres.sh).

mod common;

use common::*;
use parley_store::{Paging, SearchQuery, Store, StoryAssignment, TimelineKinds, RANKED_MATCHES};

fn page(offset: usize, limit: usize) -> Paging {
    Paging { offset, limit }
}

/// Documents 0..6 in one story; document 5 has no publication date. Each document has one
/// event (Lavrov, CAMEO 036, dated 2022-01-10) and two quotes (Lavrov, Blinken) dated by
/// their article: 2022-01-01 + i.
fn one_story(store: &mut dyn Store) -> i64 {
    let mut docs: Vec<_> = (0..6).map(document).collect();
    docs[5].published = None;
    store.put_batch(&docs).unwrap();
    let assignments = StoryAssignment::all_in_one_new_story(docs.iter().map(|d| d.id.as_str()));
    store.assign_stories(&assignments).unwrap()[0]
}

fn pages_a_story(store: &mut dyn Store) {
    let story = one_story(store);
    let id = |i: usize| document(i).id;

    // Timeline order: quotes dated by their article (days 1-5), then the events dated by
    // their own day (the 10th) in article order, then the undated quotes of document 5.
    let mut expected: Vec<(String, &str, i64)> = Vec::new();
    for i in 0..5 {
        expected.push((id(i), "quotes", 0));
        expected.push((id(i), "quotes", 1));
    }
    for i in 0..6 {
        expected.push((id(i), "events", 0));
    }
    expected.push((id(5), "quotes", 0));
    expected.push((id(5), "quotes", 1));

    let mut read = Vec::new();
    for offset in (0..25).step_by(5) {
        let p = store
            .story_timeline_page(story, TimelineKinds::EventsAndQuotes, page(offset, 5))
            .unwrap();
        assert_eq!(p.total, 18, "the count is of the whole timeline");
        assert!(p.items.len() <= 5);
        read.extend(p.items.into_iter().map(|r| {
            (
                r.article_id,
                if r.layer == "events" {
                    "events"
                } else {
                    "quotes"
                },
                r.seq,
            )
        }));
    }
    assert_eq!(
        read, expected,
        "pages of 5 read back the whole timeline in order"
    );

    let p = store
        .story_timeline_page(story, TimelineKinds::EventsAndQuotes, page(10, 1))
        .unwrap();
    assert_eq!(p.items[0].day.as_deref(), Some("2022-01-10"));
    assert_eq!(p.items[0].code.as_deref(), Some("036"));
    assert_eq!(p.items[0].actor_name.as_deref(), Some("Lavrov"));
    assert!(p.items[0].start.is_some() && p.items[0].end.is_some());

    let quotes = store
        .story_timeline_page(story, TimelineKinds::Quotes, page(0, 3))
        .unwrap();
    assert_eq!(quotes.total, 12);
    let who: Vec<Option<&str>> = quotes
        .items
        .iter()
        .map(|r| r.actor_name.as_deref())
        .collect();
    assert_eq!(who, vec![Some("Lavrov"), Some("Blinken"), Some("Lavrov")]);
    assert!(quotes.items.iter().all(|r| r.layer == "quotes"));

    // Members: earliest first, undated last, a page with the total.
    let members = store.story_members_page(story, page(4, 5)).unwrap();
    assert_eq!(members.total, 6);
    let ids: Vec<&str> = members.items.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec![id(4).as_str(), id(5).as_str()]);
    assert_eq!(members.items[1].published, None);

    // Parties: Lavrov has 6 events and 6 quotes, Blinken 6 quotes.
    let parties = store.story_parties(story, 8).unwrap();
    let summary: Vec<(&str, i64, i64)> = parties
        .iter()
        .map(|p| (p.name.as_str(), p.entries, p.quotes))
        .collect();
    assert_eq!(summary, vec![("Lavrov", 12, 6), ("Blinken", 6, 6)]);
    assert_eq!(parties[0].event_codes, vec![("036".to_string(), 6)]);
    assert!(parties[1].event_codes.is_empty());
    assert_eq!(store.story_parties(story, 1).unwrap().len(), 1);

    let summary = store.story_summary(story).unwrap().expect("stored");
    assert_eq!(summary.size, 6);

    // A story that does not exist: no summary, empty pages.
    let missing = story + 100;
    assert!(store.story_summary(missing).unwrap().is_none());
    let empty = store
        .story_timeline_page(missing, TimelineKinds::EventsAndQuotes, page(0, 5))
        .unwrap();
    assert_eq!((empty.total, empty.items.len()), (0, 0));
    assert_eq!(
        store.story_members_page(missing, page(0, 5)).unwrap().total,
        0
    );
    assert!(store.story_parties(missing, 8).unwrap().is_empty());
}

/// Document 0's title says "Geneva" three times: the best match for "Geneva" (every body has
/// it once) while it is among the RANKED_MATCHES most recent matches, and out of the ranking
/// once that many newer articles match.
fn ranks_the_most_recent_matches(store: &mut dyn Store) {
    let mut first = document(0);
    first.title = "Geneva, Geneva, Geneva".into();
    store.put_batch(&[first.clone()]).unwrap();
    store
        .put_batch(&(1..10).map(document).collect::<Vec<_>>())
        .unwrap();
    let mut query = SearchQuery::new("Geneva");
    query.limit = 3;
    let best =
        |store: &mut dyn Store, query: &SearchQuery| store.search(query).unwrap()[0].id.clone();
    assert_eq!(best(store, &query), first.id, "few matches: all are ranked");

    let newer: Vec<_> = (10..RANKED_MATCHES + 10).map(document).collect();
    for chunk in newer.chunks(500) {
        store.put_batch(chunk).unwrap();
    }
    let hits = store.search(&query).unwrap();
    let articles: Vec<_> = hits
        .iter()
        .filter(|h| h.found_in == parley_store::model::HitIn::Article)
        .collect();
    assert_eq!(articles.len(), 3);
    assert!(
        articles.iter().all(|h| h.id != first.id),
        "an older match is outside the ranked ones"
    );
    // More specific words find it: "(0)" is in its body only.
    let mut specific = SearchQuery::new("Geneva 0");
    specific.limit = 3;
    assert_eq!(best(store, &specific), first.id);
}

#[test]
fn sqlite_pages_a_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    pages_a_story(store.as_mut());
}

#[test]
fn sqlite_ranks_the_most_recent_matches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    ranks_the_most_recent_matches(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_pages_a_story() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "story_pages_test");
    let mut store = parley_store::open(&location).unwrap();
    pages_a_story(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_ranks_the_most_recent_matches() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "search_cap_test");
    let mut store = parley_store::open(&location).unwrap();
    ranks_the_most_recent_matches(store.as_mut());
}

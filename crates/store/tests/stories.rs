//! Stories as every backend keeps them (migration 0003), run against SQLite always and against
//! PostgreSQL when PARLEY_TEST_POSTGRES is set (scripts/postgres.sh).

mod common;

use chrono::NaiveDate;
use common::*;
use parley_store::{JoinReason, Store, StoryAssignment, StoryTarget};

fn assign(id: &str, story: StoryTarget, via: Option<&str>) -> StoryAssignment {
    StoryAssignment {
        article_id: id.into(),
        story,
        why: JoinReason {
            via: via.map(str::to_string),
            shared_actors: vec!["RUSGOV:lavrov".into()],
            similarity: 0.5,
            score: 0.75,
            ..Default::default()
        },
    }
}

fn keeps_stories(store: &mut dyn Store) {
    let docs: Vec<_> = (0..6).map(document).collect();
    let id = |i: usize| docs[i].id.as_str();
    store.put_batch(&docs).unwrap();
    store
        .replace_duplicates(&[(id(0).into(), vec![id(1).into()])])
        .unwrap();

    // Every article starts in no story, with the signals linking needs.
    let todo = store.unstoried(100).unwrap();
    assert_eq!(todo.len(), 6);
    assert_eq!(todo[0].id, id(0));
    assert_eq!(
        todo[0].actors,
        vec!["RUSGOV:lavrov", "RUSGOV:peskov", "USAGOV:blinken"]
    );
    assert_eq!(todo[0].events.len(), 1);
    assert_eq!(todo[0].events[0].code, "036");
    assert_eq!(todo[0].events[0].source.as_deref(), Some("RUSGOV:lavrov"));
    assert_eq!(todo[0].events[0].target.as_deref(), Some("USAGOV:blinken"));
    assert_eq!(todo[0].events[0].date, NaiveDate::from_ymd_opt(2022, 1, 10));
    assert!(docs[0].text.starts_with(&todo[0].lead) && !todo[0].lead.is_empty());
    assert_eq!(todo[0].published, docs[0].published);
    assert_eq!(todo[0].original, None);
    assert_eq!(todo[1].original.as_deref(), Some(id(0)));
    assert!(todo.iter().all(|s| s.story.is_none()));

    // Two new stories; assignments with the same number share one.
    let ids = store
        .assign_stories(&[
            assign(id(0), StoryTarget::New(0), None),
            assign(id(1), StoryTarget::New(0), Some(id(0))),
            assign(id(2), StoryTarget::New(1), None),
        ])
        .unwrap();
    assert_eq!(ids[0], ids[1]);
    assert_ne!(ids[0], ids[2]);
    let (first, second) = (ids[0], ids[2]);

    // Joining an existing story; an article already in a story keeps it.
    let ids = store
        .assign_stories(&[
            assign(id(3), StoryTarget::Existing(first), Some(id(1))),
            assign(id(0), StoryTarget::New(0), None),
        ])
        .unwrap();
    assert_eq!(ids, vec![first, first]);

    // Listed most recent first: the first story's last member is day 4, the second's day 3.
    let list = store.stories(10, 0).unwrap();
    assert_eq!(
        list.len(),
        2,
        "the story made for an assigned article is dropped"
    );
    assert_eq!(list[0].id, first);
    assert_eq!(list[0].label, "Talks, day 0");
    assert_eq!(list[0].size, 3);
    assert_eq!(list[0].first_date.as_deref(), Some("2022-01-01"));
    assert_eq!(list[0].last_date.as_deref(), Some("2022-01-04"));
    assert_eq!(list[1].id, second);
    assert_eq!(store.stories(10, 1).unwrap()[0].id, second);

    let story = store.story(first).unwrap().expect("stored");
    let members: Vec<&str> = story.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(members, vec![id(0), id(1), id(3)]);
    assert_eq!(story.members[1].why.via.as_deref(), Some(id(0)));
    assert_eq!(story.members[1].why.shared_actors, vec!["RUSGOV:lavrov"]);
    assert_eq!(story.members[1].outlet.as_deref(), Some("TASS"));
    assert!(store.story(first + second + 100).unwrap().is_none());
    assert_eq!(store.story_of(id(3)).unwrap(), Some(first));
    assert_eq!(store.story_of(id(5)).unwrap(), None);

    // What is left to link, and what new articles are compared with.
    let left: Vec<String> = store
        .unstoried(100)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, vec![id(4), id(5)]);
    let window = store
        .storied_between(
            NaiveDate::from_ymd_opt(2022, 1, 2).unwrap(),
            NaiveDate::from_ymd_opt(2022, 1, 3).unwrap(),
        )
        .unwrap();
    let in_window: Vec<(&str, Option<i64>)> =
        window.iter().map(|s| (s.id.as_str(), s.story)).collect();
    assert_eq!(in_window, vec![(id(1), Some(first)), (id(2), Some(second))]);
    assert_eq!(window[0].actors.len(), 3);

    // The timeline rows: each member's event and two quotes, with spans.
    let rows = store.story_timeline_rows(first).unwrap();
    assert_eq!(rows.len(), 9);
    assert_eq!(rows.iter().filter(|r| r.layer == "events").count(), 3);
    assert!(rows.iter().all(|r| r.start.is_some() && r.end.is_some()));
    let event = rows.iter().find(|r| r.layer == "events").unwrap();
    assert_eq!(event.code.as_deref(), Some("036"));
    assert_eq!(event.day.as_deref(), Some("2022-01-10"));

    // An article that is not stored is refused, and nothing of its batch is kept.
    let err = store
        .assign_stories(&[
            assign(id(4), StoryTarget::New(0), None),
            assign("no-such-article", StoryTarget::New(0), None),
        ])
        .unwrap_err()
        .to_string();
    assert!(err.contains("no-such-article"), "{err}");
    assert_eq!(store.story_of(id(4)).unwrap(), None);
    assert_eq!(store.stories(10, 0).unwrap().len(), 2);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn sqlite_keeps_stories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    keeps_stories(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_keeps_stories() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "stories_test");
    let mut store = parley_store::open(&location).unwrap();
    keeps_stories(store.as_mut());
}

use super::*;
use chrono::NaiveDate;
use parley_store::EventSignal;

fn article(id: &str, day: u32, title: &str, lead: &str, actors: &[&str]) -> StorySignals {
    StorySignals {
        id: id.into(),
        order: id.len() as i64,
        title: title.into(),
        lead: lead.into(),
        published: NaiveDate::from_ymd_opt(2020, 6, day),
        actors: actors.iter().map(|a| a.to_string()).collect(),
        ..Default::default()
    }
}

fn powell(id: &str, day: u32, title: &str) -> StorySignals {
    article(
        id,
        day,
        title,
        "Former secretary of state Colin Powell said he would vote for Joe Biden in November.",
        &["USAGOV:powell", "USAELI:biden"],
    )
}

fn rally(id: &str, day: u32) -> StorySignals {
    article(
        id,
        day,
        "Gun rights rally draws thousands to Richmond",
        "Militia members and gun rights activists gathered at the Virginia capitol on Monday.",
        &["USAGOV:northam"],
    )
}

fn story_of(assignments: &[StoryAssignment], id: &str) -> StoryTarget {
    assignments
        .iter()
        .find(|a| a.article_id == id)
        .unwrap()
        .story
}

#[test]
fn articles_about_one_happening_share_a_story_and_another_happening_gets_its_own() {
    let new = vec![
        powell(
            "reuters",
            7,
            "Colin Powell endorses Joe Biden for president",
        ),
        rally("usatoday", 7),
        powell(
            "breitbart",
            8,
            "Trump mocks 'stiff' Colin Powell for endorsing Biden",
        ),
    ];
    let out = link_stories(&new, &[], &StoryParams::default(), &Embeddings::new());
    assert_eq!(out.len(), 3);
    assert_eq!(story_of(&out, "reuters"), story_of(&out, "breitbart"));
    assert_ne!(story_of(&out, "reuters"), story_of(&out, "usatoday"));
    let joined = out.iter().find(|a| a.article_id == "breitbart").unwrap();
    assert_eq!(joined.why.via.as_deref(), Some("reuters"));
    assert_eq!(
        joined.why.shared_actors,
        vec!["USAELI:biden", "USAGOV:powell"]
    );
    assert_eq!(joined.why.days_apart, Some(1));
    assert!(joined.why.score >= THRESHOLD);
    let started = out.iter().find(|a| a.article_id == "reuters").unwrap();
    assert_eq!(started.why, JoinReason::default(), "it started its story");
}

#[test]
fn a_new_article_joins_a_stored_story() {
    let mut known = powell(
        "reuters",
        7,
        "Colin Powell endorses Joe Biden for president",
    );
    known.story = Some(42);
    let new = vec![
        powell(
            "huffpost",
            8,
            "Colin Powell says he will vote for Joe Biden",
        ),
        rally("usatoday", 8),
    ];
    let out = link_stories(
        &new,
        &[known, rally("old", 1)],
        &StoryParams::default(),
        &Embeddings::new(),
    );
    assert_eq!(story_of(&out, "huffpost"), StoryTarget::Existing(42));
    assert_eq!(
        story_of(&out, "usatoday"),
        StoryTarget::New(0),
        "the stored rally article is in no story, so it cannot be joined"
    );
}

#[test]
fn the_same_words_weeks_apart_are_another_story() {
    let new = vec![rally("january", 1), rally("june", 28)];
    let out = link_stories(&new, &[], &StoryParams::default(), &Embeddings::new());
    assert_ne!(story_of(&out, "january"), story_of(&out, "june"));
}

#[test]
fn a_near_duplicate_copy_joins_its_originals_story() {
    let mut copy = rally("copy", 9);
    copy.title = "Something else entirely".into();
    copy.lead = "No words in common at all here.".into();
    copy.actors.clear();
    copy.original = Some("original".into());
    let new = vec![copy, rally("original", 9)];
    let out = link_stories(&new, &[], &StoryParams::default(), &Embeddings::new());
    assert_eq!(
        out[1].article_id, "copy",
        "copies are linked after the others"
    );
    assert_eq!(story_of(&out, "copy"), story_of(&out, "original"));
    assert!(out[1].why.copy);
    assert_eq!(out[1].why.via.as_deref(), Some("original"));
}

#[test]
fn shared_events_are_part_of_the_reason() {
    let event = EventSignal {
        code: "051".into(),
        source: Some("USAGOV:powell".into()),
        target: Some("USAELI:biden".into()),
        date: NaiveDate::from_ymd_opt(2020, 6, 7),
    };
    let mut a = powell("a", 7, "Colin Powell endorses Joe Biden for president");
    let mut b = powell("b", 7, "Powell backs Biden");
    a.events.push(event.clone());
    b.events.push(event);
    let out = link_stories(&[a, b], &[], &StoryParams::default(), &Embeddings::new());
    assert_eq!(
        out[1].why.shared_events,
        vec!["051", "USAGOV:powell>USAELI:biden"]
    );
}

#[test]
fn embeddings_raise_the_similarity_of_texts_with_no_word_in_common() {
    let a = article(
        "a",
        3,
        "Fuel duty was increased",
        "Ministers raised it.",
        &[],
    );
    let b = article(
        "b",
        3,
        "The government raised taxes on petrol",
        "A levy rises.",
        &[],
    );
    let params = StoryParams::default();
    let without = link_stories(&[a.clone(), b.clone()], &[], &params, &Embeddings::new());
    assert_ne!(without[0].story, without[1].story);
    let same = vec![1.0, 0.0];
    let embeddings: Embeddings = [("a".to_string(), same.clone()), ("b".to_string(), same)]
        .into_iter()
        .collect();
    let with = link_stories(&[a, b], &[], &params, &embeddings);
    assert_eq!(with[0].story, with[1].story);
}

#[test]
fn nothing_new_nothing_assigned() {
    assert!(link_stories(
        &[],
        &[rally("x", 1)],
        &StoryParams::default(),
        &Embeddings::new()
    )
    .is_empty());
}

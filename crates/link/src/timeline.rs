//! A story's timeline: the events and quotes of its articles, dated and ordered, each pointing
//! to its article and span.
//!
//! The date of an entry is the event's own date when the analysis found one, else the
//! publication date of its article; undated entries come last. Ties keep article order
//! (storing order) and position in the article.
//!
//! The store keeps each story's timeline in this order (`story_timeline`, migration 0004):
//! servers and the CLI read bounded pages or chunks of it and convert them with
//! [`timeline_entries`]. [`build_timeline`] orders a whole story in memory: the reference the
//! store's order is tested against, and benchmarks.

use parley_store::TimelineRow;
use serde::Serialize;

/// One dated entry of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// YYYY-MM-DD, or `None` when neither the event nor its article is dated.
    pub date: Option<String>,
    /// Where the date comes from: `event` or `published`.
    pub dated_by: Option<&'static str>,
    /// `event` or `quote`.
    pub kind: &'static str,
    pub article_id: String,
    pub outlet: Option<String>,
    /// Byte offsets into the article's body.
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The quote, or the event's evidence.
    pub text: String,
    /// Who acted or spoke.
    pub actor: Option<String>,
    /// CAMEO code (events) or cue verb (quotes).
    pub code: Option<String>,
    /// The event's target, when it has one.
    pub target: Option<String>,
    /// The event's status, or the quote's kind.
    pub status: Option<String>,
}

/// Orders a story's rows (as [`parley_store::Store::story_timeline_rows`] gives them) into
/// its timeline.
pub fn build_timeline(rows: Vec<TimelineRow>) -> Vec<TimelineEntry> {
    let mut entries: Vec<(usize, TimelineEntry)> = rows
        .into_iter()
        .enumerate()
        .filter_map(|(i, row)| entry_of(row).map(|e| (i, e)))
        .collect();
    entries.sort_by(|(i, a), (j, b)| {
        (a.date.is_none(), &a.date, i).cmp(&(b.date.is_none(), &b.date, j))
    });
    entries.into_iter().map(|(_, e)| e).collect()
}

/// The entries of rows already in timeline order (a page from
/// [`parley_store::Store::story_timeline_page`], which orders them as [`build_timeline`]
/// does), in that order.
pub fn timeline_entries(rows: Vec<TimelineRow>) -> Vec<TimelineEntry> {
    rows.into_iter().filter_map(entry_of).collect()
}

fn entry_of(row: TimelineRow) -> Option<TimelineEntry> {
    let kind = match row.layer.as_str() {
        "events" => "event",
        "quotes" => "quote",
        _ => return None,
    };
    let (date, dated_by) = match (&row.day, &row.published) {
        (Some(day), _) if kind == "event" => (Some(day.clone()), Some("event")),
        (_, Some(published)) => (Some(published.clone()), Some("published")),
        _ => (None, None),
    };
    let target = if kind == "event" {
        serde_json::from_str::<serde_json::Value>(&row.data)
            .ok()
            .and_then(|v| v["target"]["name"].as_str().map(str::to_string))
    } else {
        None
    };
    Some(TimelineEntry {
        date,
        dated_by,
        kind,
        article_id: row.article_id,
        outlet: row.outlet,
        start: row.start,
        end: row.end,
        text: row.text.unwrap_or_default(),
        actor: row.actor_name,
        code: row.code,
        target,
        status: row.kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(article: &str, layer: &str, day: Option<&str>, published: Option<&str>) -> TimelineRow {
        TimelineRow {
            article_id: article.into(),
            published: published.map(str::to_string),
            layer: layer.into(),
            start: Some(0),
            end: Some(5),
            text: Some(format!("{layer} of {article}")),
            day: day.map(str::to_string),
            data: r#"{"target":{"name":"Blinken"}}"#.into(),
            ..Default::default()
        }
    }

    #[test]
    fn entries_are_ordered_by_event_date_else_publication_date() {
        let rows = vec![
            row("a", "quotes", None, Some("2022-01-12")),
            row("a", "events", Some("2022-01-10"), Some("2022-01-12")),
            row("b", "events", None, Some("2022-01-11")),
            row("c", "quotes", None, None),
        ];
        let t = build_timeline(rows);
        let order: Vec<(&str, Option<&str>, Option<&str>)> = t
            .iter()
            .map(|e| (e.text.as_str(), e.date.as_deref(), e.dated_by))
            .collect();
        assert_eq!(
            order,
            vec![
                ("events of a", Some("2022-01-10"), Some("event")),
                ("events of b", Some("2022-01-11"), Some("published")),
                ("quotes of a", Some("2022-01-12"), Some("published")),
                ("quotes of c", None, None),
            ]
        );
        assert_eq!(t[0].target.as_deref(), Some("Blinken"));
        assert_eq!(t[2].target, None, "quotes have no target");
        assert_eq!((t[0].start, t[0].end), (Some(0), Some(5)));
    }

    #[test]
    fn rows_in_timeline_order_keep_their_order() {
        let rows = vec![
            row("b", "quotes", None, Some("2022-01-12")),
            row("a", "events", Some("2022-01-10"), Some("2022-01-12")),
        ];
        let texts: Vec<String> = timeline_entries(rows).into_iter().map(|e| e.text).collect();
        assert_eq!(texts, vec!["quotes of b", "events of a"]);
    }

    /// The analysed test articles in one story: the store's pages and chunks give the
    /// timeline `build_timeline` makes of the whole story.
    #[test]
    fn stored_pages_and_chunks_are_the_timeline_built_in_memory() {
        use parley_store::{Paging, StoryAssignment, TimelineKinds};
        let (_dir, mut store, docs) = crate::test_store::analysed_store();
        let assignments = StoryAssignment::all_in_one_new_story(docs.iter().map(|d| d.id.as_str()));
        let id = store.assign_stories(&assignments).unwrap()[0];
        let whole = build_timeline(store.story_timeline_rows(id).unwrap());
        assert!(whole.len() > 5, "{whole:?}");

        let mut chunked = Vec::new();
        let mut after = None;
        loop {
            let chunk = store.story_timeline_after(id, after, 2).unwrap();
            chunked.extend(timeline_entries(chunk.rows));
            match chunk.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        assert_eq!(chunked, whole);

        let paging = Paging {
            offset: 3,
            limit: 4,
        };
        let page = store
            .story_timeline_page(id, TimelineKinds::EventsAndQuotes, paging)
            .unwrap();
        assert_eq!(page.total as usize, whole.len());
        assert_eq!(timeline_entries(page.items), whole[3..7].to_vec());
    }

    #[test]
    fn other_layers_and_an_empty_story_give_no_entries() {
        assert!(build_timeline(vec![row("a", "claims", None, None)]).is_empty());
        assert!(build_timeline(vec![]).is_empty());
    }
}

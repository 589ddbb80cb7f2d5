//! Bounded reads of one story, for pages and APIs that must answer in bounded time and memory
//! however big the story: a page of its members, a page of its timeline rows already in
//! timeline order, and its most active parties counted in SQL.
//!
//! Timeline order (the same as `parley_link::build_timeline`): an event is dated by its own
//! day when it has one, anything else by its article's publication date; undated rows come
//! last; ties keep article storing order, then layer, then position in the article. Both
//! backends compare dates as byte strings (YYYY-MM-DD), as the link crate does.
//!
//! Each backend keeps every story's timeline in that order in a table (`story_timeline`,
//! migration 0004) written with the story's members, and the number of its rows on the story:
//! a page is one range of an index. At an offset the skipped entries are still stepped over
//! in the index (cheap, but linear in the offset); [`TimelineChunk`] pages by key instead, in
//! the same time however deep.

use crate::model::TimelineRow;
use serde::Serialize;

/// Which rows of a story's timeline to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineKinds {
    /// Events and quotes: the whole timeline.
    EventsAndQuotes,
    /// Quotes only (a story page's quote list).
    Quotes,
}

impl TimelineKinds {
    /// How a backend reads a page of these kinds from `story_timeline`: the column of
    /// `stories` that counts them, the row filter, and the order of the index that serves it
    /// (as the columns of `story_timeline`, and as the columns of its alias `t`).
    pub(crate) fn page_sql(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            TimelineKinds::EventsAndQuotes => (
                "entries",
                "",
                "undated, date, article_seq, layer, seq",
                TIMELINE_ORDER,
            ),
            TimelineKinds::Quotes => (
                "quotes",
                "AND layer = 'quotes'",
                "layer, undated, date, article_seq, seq",
                "t.layer, t.undated, t.date, t.article_seq, t.seq",
            ),
        }
    }
}

/// The order of a whole timeline, as the columns of `story_timeline` aliased `t`.
pub(crate) const TIMELINE_ORDER: &str = "t.undated, t.date, t.article_seq, t.layer, t.seq";

/// The SQL condition on `t` that keeps the rows after the row of annotation `after`, whose
/// value is bound to placeholder `param`; with no `after` it keeps every row (and `param` is
/// bound to NULL). Two texts rather than `param IS NULL OR ...`, which would hide the index
/// range from the planner.
pub(crate) fn after_condition(after: Option<i64>, param: &str) -> String {
    match after {
        None => format!("{param} IS NULL"),
        Some(_) => format!(
            "({TIMELINE_ORDER}) > (SELECT undated, date, article_seq, layer, seq
                                  FROM story_timeline WHERE ann = {param})"
        ),
    }
}

/// Rows of a story's timeline read by key: the rows after a given one, and where the next
/// read starts.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChunk {
    pub rows: Vec<TimelineRow>,
    /// The annotation id of the last row, to pass back for the rows after it; `None` when
    /// fewer than the rows asked for came back (the timeline ends here).
    pub next: Option<i64>,
}

impl TimelineChunk {
    /// The chunk of `rows` (each with its annotation id), read with `limit`.
    pub(crate) fn of(rows: Vec<(i64, TimelineRow)>, limit: usize) -> TimelineChunk {
        let next = match rows.last() {
            Some((ann, _)) if rows.len() == limit => Some(*ann),
            _ => None,
        };
        TimelineChunk {
            rows: rows.into_iter().map(|(_, row)| row).collect(),
            next,
        }
    }
}

/// One party of a story (an event source or quote speaker, by name) with what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryParty {
    pub name: String,
    /// Its events and quotes in the story.
    pub entries: i64,
    pub quotes: i64,
    /// Its events per CAMEO code, most frequent first (then by code).
    pub event_codes: Vec<(String, i64)>,
}

/// Groups `(name, code, count)` rows into the event codes of each party of `parties`.
pub(crate) fn add_event_codes(parties: &mut [StoryParty], rows: Vec<(String, String, i64)>) {
    for (name, code, n) in rows {
        if let Some(p) = parties.iter_mut().find(|p| p.name == name) {
            p.event_codes.push((code, n));
        }
    }
    for p in parties {
        p.event_codes
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_codes_go_to_their_party_most_frequent_first() {
        let party = |name: &str| StoryParty {
            name: name.into(),
            entries: 3,
            quotes: 0,
            event_codes: vec![],
        };
        let mut parties = vec![party("Lavrov"), party("Blinken")];
        add_event_codes(
            &mut parties,
            vec![
                ("Lavrov".into(), "036".into(), 1),
                ("Lavrov".into(), "111".into(), 2),
                ("Blinken".into(), "036".into(), 1),
                ("Nobody".into(), "010".into(), 9),
            ],
        );
        assert_eq!(
            parties[0].event_codes,
            vec![("111".into(), 2), ("036".into(), 1)]
        );
        assert_eq!(parties[1].event_codes, vec![("036".into(), 1)]);
    }

    #[test]
    fn a_full_chunk_says_where_the_next_starts_a_short_one_ends() {
        let row = |seq: i64| TimelineRow {
            seq,
            ..Default::default()
        };
        let full = TimelineChunk::of(vec![(7, row(0)), (9, row(1))], 2);
        assert_eq!(full.next, Some(9));
        assert_eq!(full.rows, vec![row(0), row(1)]);
        assert_eq!(TimelineChunk::of(vec![(7, row(0))], 2).next, None);
        assert_eq!(TimelineChunk::of(vec![], 2).next, None);
    }
}

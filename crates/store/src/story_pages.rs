//! Bounded reads of one story, for pages and APIs that must answer in bounded memory however
//! big the story: a page of its members, a page of its timeline rows already in timeline
//! order, and its most active parties counted in SQL.
//!
//! Timeline order (the same as `parley_link::build_timeline`): an event is dated by its own
//! day when it has one, anything else by its article's publication date; undated rows come
//! last; ties keep article storing order, then layer, then position in the article. Both
//! backends compare dates as byte strings (YYYY-MM-DD), as the link crate does.

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
    /// The annotation layers read, as two SQL parameters (`layer IN (?, ?)`).
    pub fn layers(self) -> [&'static str; 2] {
        match self {
            TimelineKinds::EventsAndQuotes => ["events", "quotes"],
            TimelineKinds::Quotes => ["quotes", "quotes"],
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
    fn quotes_only_reads_one_layer() {
        assert_eq!(TimelineKinds::Quotes.layers(), ["quotes", "quotes"]);
        assert_eq!(
            TimelineKinds::EventsAndQuotes.layers(),
            ["events", "quotes"]
        );
    }
}

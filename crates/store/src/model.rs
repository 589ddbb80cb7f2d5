//! What the store hands back: outcomes of a write, stored articles, search hits, counts.

use parley_core::Document;
use serde::Serialize;

/// What storing one document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PutOutcome {
    /// A new article: the first body seen for its URL (or it has no URL).
    Inserted,
    /// A new body for a URL already stored: revision `revision` (2, 3, ...) after `previous_id`.
    Revision { revision: i64, previous_id: String },
    /// The same id (the same normalised body) was already stored: nothing changed.
    AlreadyStored,
}

/// Tally of outcomes over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    pub inserted: usize,
    pub revisions: usize,
    pub already_stored: usize,
}

impl BatchSummary {
    pub fn add(&mut self, outcomes: &[PutOutcome]) {
        for o in outcomes {
            match o {
                PutOutcome::Inserted => self.inserted += 1,
                PutOutcome::Revision { .. } => self.revisions += 1,
                PutOutcome::AlreadyStored => self.already_stored += 1,
            }
        }
    }

    /// Articles newly stored (first versions and revisions).
    pub fn new_articles(&self) -> usize {
        self.inserted + self.revisions
    }
}

/// One stored article: the document as analysed, and where it sits among its URL's revisions.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub document: Document,
    /// 1 for the first body stored under its URL (and for articles without URL).
    pub revision: i64,
    /// The revision this one replaces, if any.
    pub previous_id: Option<String>,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
}

/// Most matches a search ranks, per list (articles, quotes): the most recently stored ones.
/// Every word of synthetic or topical corpora can match most of the store; ranking every
/// match would make one request's work grow with the store. Within the cap the best match
/// comes first; an older match can only be found with more specific words.
pub const RANKED_MATCHES: usize = 2_000;

/// A full-text query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words to find. Each word must occur (in any order); `"a phrase"` keeps words together.
    pub text: String,
    /// Pass `text` to the backend's own query language as is (FTS5 syntax on SQLite,
    /// `websearch_to_tsquery` on PostgreSQL) instead of matching every word.
    pub raw: bool,
    pub limit: usize,
}

impl SearchQuery {
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            raw: false,
            limit: 20,
        }
    }
}

/// Where a hit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitIn {
    /// The title or body of the article.
    Article,
    /// A quote; `speaker` names who said it when known.
    Quote,
}

/// One search hit, with a snippet where the matched words are marked `[like this]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub found_in: HitIn,
    pub speaker: Option<String>,
    /// Byte offsets of the quote in the body, for quote hits.
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub snippet: String,
    /// Lower is better on SQLite (bm25); the backends' scores are not comparable.
    pub score: f64,
}

/// How much a store holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub articles: i64,
    /// Articles that are a later revision of a URL.
    pub revisions: i64,
    pub annotations: i64,
    pub quotes: i64,
}

/// An article's body fingerprint, with what grouping near-duplicates needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub id: String,
    pub published: Option<chrono::NaiveDate>,
    /// Storing order: smaller was stored first.
    pub order: i64,
    pub simhash: u64,
}

/// One member of a stored near-duplicate group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateMember {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// A stored near-duplicate group: the original and its copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateGroup {
    pub original: DuplicateMember,
    pub copies: Vec<DuplicateMember>,
}

// ---- Stories (migration 0003): what `parley link` writes and `parley stories`/`timeline` read.

/// What story linking needs to know of one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StorySignals {
    pub id: String,
    /// Storing order: smaller was stored first.
    pub order: i64,
    pub title: String,
    /// The start of the body (at most [`LEAD_BYTES`] bytes, cut at a character boundary).
    pub lead: String,
    pub outlet: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    /// The original this article is a near-duplicate copy of, if any.
    pub original: Option<String>,
    /// Actor ids of the resolved entity mentions, each once, sorted.
    pub actors: Vec<String>,
    pub events: Vec<EventSignal>,
    /// The story the article is already in.
    pub story: Option<i64>,
}

/// Bytes of the body that [`StorySignals::lead`] holds.
pub const LEAD_BYTES: usize = 600;

/// One coded event of an article, as story linking sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventSignal {
    /// CAMEO code.
    pub code: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub date: Option<chrono::NaiveDate>,
}

/// Why an article joined its story: explainable links.
#[derive(Debug, Clone, PartialEq, Default, Serialize, serde::Deserialize)]
pub struct JoinReason {
    /// The member it was found similar to; `None` for the article that started the story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// It is a near-duplicate copy of `via`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_actors: Vec<String>,
    /// Shared event codes and dyads (`CODE` or `SOURCE>TARGET`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_events: Vec<String>,
    /// Text similarity of title and lead (cosine, 0..1).
    #[serde(default)]
    pub similarity: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_apart: Option<i64>,
    /// The combined score that passed the threshold.
    #[serde(default)]
    pub score: f32,
}

/// Where an assigned article goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoryTarget {
    /// A stored story.
    Existing(i64),
    /// A story new in this batch: assignments with the same number make one new story.
    New(usize),
}

/// One article put in a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryAssignment {
    pub article_id: String,
    pub story: StoryTarget,
    pub why: JoinReason,
}

impl StoryAssignment {
    /// Every article in one new story, with no reason recorded (tests, imports).
    pub fn all_in_one_new_story<'a>(article_ids: impl IntoIterator<Item = &'a str>) -> Vec<Self> {
        article_ids
            .into_iter()
            .map(|id| StoryAssignment {
                article_id: id.to_string(),
                story: StoryTarget::New(0),
                why: JoinReason::default(),
            })
            .collect()
    }
}

/// A stored story, without its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySummary {
    pub id: i64,
    pub label: String,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub size: i64,
}

/// One article of a story, with why it joined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryMember {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub why: JoinReason,
}

/// A stored story with its members, earliest published first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    #[serde(flatten)]
    pub summary: StorySummary,
    pub members: Vec<StoryMember>,
}

/// An event or quote of a story's article, as stored: what a timeline is built from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineRow {
    pub article_id: String,
    pub outlet: Option<String>,
    /// The article's publication date (YYYY-MM-DD).
    pub published: Option<String>,
    /// `events` or `quotes`.
    pub layer: String,
    /// Index in the article's list.
    pub seq: i64,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub text: Option<String>,
    /// Event status, or quote kind.
    pub kind: Option<String>,
    /// CAMEO code, or quote cue verb.
    pub code: Option<String>,
    /// Event source, or speaker.
    pub actor_name: Option<String>,
    /// The event's own date (YYYY-MM-DD).
    pub day: Option<String>,
    /// The element's JSON, less its span.
    pub data: String,
}

/// The first [`LEAD_BYTES`] of `body`, cut at a character boundary.
pub fn lead_of(body: &str) -> &str {
    if body.len() <= LEAD_BYTES {
        return body;
    }
    let mut end = LEAD_BYTES;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

/// Adds annotation rows to the signals of their articles (matched by `order`, the article's
/// seq): entity actor ids into `actors` (sorted, once each), events into `events`.
pub(crate) fn add_signal_rows(signals: &mut [StorySignals], rows: Vec<SignalRow>) {
    let index: std::collections::HashMap<i64, usize> = signals
        .iter()
        .enumerate()
        .map(|(i, s)| (s.order, i))
        .collect();
    for row in rows {
        let Some(&i) = index.get(&row.article_seq) else {
            continue;
        };
        let s = &mut signals[i];
        match row.layer.as_str() {
            "entities" => {
                if let Some(actor) = row.actor_id {
                    s.actors.push(actor);
                }
            }
            "events" => {
                if let Some(code) = row.code {
                    s.events.push(EventSignal {
                        code,
                        source: row.actor_id,
                        target: row.target_id,
                        date: row.day.and_then(|d| d.parse().ok()),
                    })
                }
            }
            _ => {}
        }
    }
    for s in signals.iter_mut() {
        s.actors.sort();
        s.actors.dedup();
    }
}

/// An annotation row that story signals are built from.
pub(crate) struct SignalRow {
    pub article_seq: i64,
    pub layer: String,
    pub code: Option<String>,
    pub actor_id: Option<String>,
    pub target_id: Option<String>,
    pub day: Option<String>,
}

/// Builds groups from `(group key, is original, member)` rows sorted by group key.
pub(crate) fn assemble_groups(
    rows: Vec<(i64, bool, DuplicateMember)>,
    limit: usize,
) -> Vec<DuplicateGroup> {
    let mut groups: Vec<(Option<DuplicateMember>, Vec<DuplicateMember>)> = Vec::new();
    let mut last_key = None;
    for (key, is_original, member) in rows {
        if last_key != Some(key) {
            groups.push((None, Vec::new()));
            last_key = Some(key);
        }
        let group = groups.last_mut().expect("pushed above");
        if is_original {
            group.0 = Some(member);
        } else {
            group.1.push(member);
        }
    }
    let mut out: Vec<DuplicateGroup> = groups
        .into_iter()
        .filter_map(|(original, copies)| {
            original.map(|original| DuplicateGroup { original, copies })
        })
        .collect();
    out.sort_by(|a, b| {
        b.copies
            .len()
            .cmp(&a.copies.len())
            .then(a.original.id.cmp(&b.original.id))
    });
    out.truncate(limit);
    out
}

/// A connection URL with its password replaced by `***`, for messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_is_cut_at_a_character_boundary() {
        let body = "é".repeat(LEAD_BYTES);
        let lead = lead_of(&body);
        assert!(lead.len() <= LEAD_BYTES && lead.len() >= LEAD_BYTES - 1);
        assert_eq!(lead_of("short"), "short");
    }

    #[test]
    fn join_reason_reads_back_from_its_json() {
        let why = JoinReason {
            via: Some("a".into()),
            shared_actors: vec!["RUS".into()],
            similarity: 0.5,
            days_apart: Some(1),
            score: 0.7,
            ..Default::default()
        };
        let json = serde_json::to_string(&why).unwrap();
        assert_eq!(serde_json::from_str::<JoinReason>(&json).unwrap(), why);
    }

    #[test]
    fn redact_url_hides_the_password_only() {
        assert_eq!(
            redact_url("postgres://parley:secret@127.0.0.1:5432/db"),
            "postgres://parley:***@127.0.0.1:5432/db"
        );
        assert_eq!(
            redact_url("postgres://parley@127.0.0.1/db"),
            "postgres://parley@127.0.0.1/db"
        );
        assert_eq!(redact_url("parley.sqlite"), "parley.sqlite");
    }

    #[test]
    fn summary_tallies_outcomes() {
        let mut s = BatchSummary::default();
        s.add(&[
            PutOutcome::Inserted,
            PutOutcome::AlreadyStored,
            PutOutcome::Revision {
                revision: 2,
                previous_id: "a".into(),
            },
        ]);
        assert_eq!((s.inserted, s.revisions, s.already_stored), (1, 1, 1));
        assert_eq!(s.new_articles(), 2);
    }
}

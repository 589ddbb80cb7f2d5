//! Positions per party: what one actor demanded, offered, rejected, threatened, agreed, ...
//! over time, with the words that say so.
//!
//! Three kinds of evidence, each a stored annotation naming the actor (by actor id, or by
//! name where no id was resolved):
//! - **events** whose source is the actor: the CAMEO code gives the position kind through
//!   `data/positions/cameo_positions.tsv` ("12" rejected, "13" threatened, "057" agreed);
//!   the event's status (planned, denied, conditional, ...) is kept beside it;
//! - **quotes** the actor is the speaker of (kind "quoted", with the cue verb);
//! - **claims** the actor holds (kind: the stance, "asserts", "denies", ...).
//!
//! Dates: an event's own date, else the article's publication date.

use crate::error::AggregateError;
use chrono::NaiveDate;
use parley_core::{Claim, Event, EventStatus, Quote};
use parley_store::{ActorCandidate, AnnotationFilter, ArticleMeta, Store};
use serde::Serialize;

const POSITIONS_FILE: &str = "data/positions/cameo_positions.tsv";
const POSITIONS_TSV: &str = include_str!("../../../data/positions/cameo_positions.tsv");

/// Articles read per page.
const PAGE_ARTICLES: usize = 2000;

/// Candidates considered when resolving an actor, and listed when it is ambiguous.
const CANDIDATE_PAIRS: usize = 500;
const CANDIDATES_LISTED: usize = 20;

/// CAMEO code → position kind, longest prefix first.
#[derive(Debug, Clone)]
pub struct PositionKinds {
    by_prefix: Vec<(String, String)>,
}

impl PositionKinds {
    /// The table shipped in `data/positions/cameo_positions.tsv`.
    pub fn shipped() -> Result<Self, AggregateError> {
        Self::parse(POSITIONS_FILE, POSITIONS_TSV)
    }

    /// Reads `code<TAB>kind` lines; `#` comments and blank lines are skipped.
    pub fn parse(file: &'static str, text: &str) -> Result<Self, AggregateError> {
        let mut by_prefix = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: &str| AggregateError::Data {
                file,
                line: i + 1,
                reason: reason.to_string(),
            };
            let (code, kind) = line
                .split_once('\t')
                .ok_or_else(|| bad("expected code<TAB>kind"))?;
            if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("the code must be 1 to 4 digits"));
            }
            if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(bad("the kind must be lower-case letters and _"));
            }
            by_prefix.push((code.to_string(), kind.to_string()));
        }
        by_prefix.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(PositionKinds { by_prefix })
    }

    /// The kind of the longest listed prefix of `code`.
    pub fn kind_of(&self, code: &str) -> Option<&str> {
        self.by_prefix
            .iter()
            .find(|(prefix, _)| code.starts_with(prefix.as_str()))
            .map(|(_, kind)| kind.as_str())
    }
}

/// Finds the one stored actor `needle` names: an actor id (case-insensitive), or a name or
/// part of one. Unknown or ambiguous needles are errors that list what is stored.
///
/// Unresolved names that are also names of a resolved actor ("Lavrov" without an id beside
/// `RUSGOV:lavrov` named "Lavrov") count as that actor, not as another candidate.
pub fn resolve_actor(
    store: &mut dyn Store,
    needle: &str,
) -> Result<ActorCandidate, AggregateError> {
    let candidates = store.find_actors(needle.trim(), CANDIDATE_PAIRS)?;
    let lower = needle.trim().to_lowercase();
    if let Some(c) = candidates.iter().find(|c| {
        c.actor_id
            .as_deref()
            .is_some_and(|id| id.to_lowercase() == lower)
    }) {
        return Ok(c.clone());
    }
    let resolved_names: Vec<String> = candidates
        .iter()
        .filter(|c| c.actor_id.is_some())
        .flat_map(|c| c.names.iter().map(|n| n.to_lowercase()))
        .collect();
    let distinct: Vec<&ActorCandidate> = candidates
        .iter()
        .filter(|c| c.actor_id.is_some() || !resolved_names.contains(&c.names[0].to_lowercase()))
        .collect();
    let named_exactly: Vec<&ActorCandidate> = distinct
        .iter()
        .copied()
        .filter(|c| c.names.iter().any(|n| n.to_lowercase() == lower))
        .collect();
    match (distinct.as_slice(), named_exactly.as_slice()) {
        ([], _) => Err(AggregateError::UnknownActor {
            needle: needle.to_string(),
        }),
        ([one], _) | (_, [one]) => Ok((*one).clone()),
        _ => Err(AggregateError::AmbiguousActor {
            needle: needle.to_string(),
            candidates: distinct
                .into_iter()
                .take(CANDIDATES_LISTED)
                .cloned()
                .collect(),
        }),
    }
}

/// Where a position comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PositionSource {
    Event,
    Quote,
    Claim,
}

impl PositionSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PositionSource::Event => "event",
            PositionSource::Quote => "quote",
            PositionSource::Claim => "claim",
        }
    }
}

/// One thing the actor did or said, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    pub date: Option<NaiveDate>,
    /// "demanded", "rejected", ... (events); "quoted" (quotes); the stance (claims).
    pub kind: String,
    pub from: PositionSource,
    /// The evidence: the event's sentence, the quote, or the claim's proposition.
    pub text: String,
    /// Byte offsets of `text` in the article body.
    pub start: usize,
    pub end: usize,
    /// CAMEO code (events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Event status when not "occurred" ("planned", "denied", ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Whom it is aimed at (event target, claim target).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The cue (quote verb lemma, claim cue words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    pub article: ArticleMeta,
}

/// Inclusive date bounds; positions without a date are kept only when there are none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            None => self.since.is_none() && self.until.is_none(),
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
        }
    }
}

/// An actor's positions, oldest first (undated last).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Positions {
    pub actor: ActorCandidate,
    pub positions: Vec<Position>,
}

/// The positions of `actor` (from [`resolve_actor`]) within `range`.
pub fn positions(
    store: &mut dyn Store,
    actor: &ActorCandidate,
    range: DateRange,
    kinds: &PositionKinds,
) -> Result<Positions, AggregateError> {
    let filter = AnnotationFilter {
        layers: vec!["events".into(), "quotes".into(), "claims".into()],
        actor_ids: actor.actor_id.iter().cloned().collect(),
        actor_names: actor.names.clone(),
    };
    let mut out = Vec::new();
    let mut after = 0;
    loop {
        let page = store.annotation_page(&filter, after, PAGE_ARTICLES)?;
        for row in &page.rows {
            let position = match row.layer.as_str() {
                "events" => from_event(row.decode()?, kinds, &row.article),
                "quotes" => from_quote(row.decode()?, &row.article),
                _ => from_claim(row.decode()?, &row.article),
            };
            if range.contains(position.date) {
                out.push(position);
            }
        }
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    out.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.article.id, a.start).cmp(&(
            b.date.is_none(),
            b.date,
            &b.article.id,
            b.start,
        ))
    });
    Ok(Positions {
        actor: actor.clone(),
        positions: out,
    })
}

fn from_event(e: Event, kinds: &PositionKinds, article: &ArticleMeta) -> Position {
    let status = (e.status != EventStatus::Occurred).then(|| e.status.as_str().to_string());
    Position {
        date: e.date.or(article.published),
        kind: kinds.kind_of(&e.code).unwrap_or("acted").to_string(),
        from: PositionSource::Event,
        text: e.evidence.text,
        start: e.evidence.start,
        end: e.evidence.end,
        code: Some(e.code),
        status,
        target: e.target.map(|t| t.name),
        cue: e.trigger.map(|t| t.text),
        article: article.clone(),
    }
}

fn from_quote(q: Quote, article: &ArticleMeta) -> Position {
    Position {
        date: article.published,
        kind: "quoted".into(),
        from: PositionSource::Quote,
        text: q.span.text,
        start: q.span.start,
        end: q.span.end,
        code: None,
        status: None,
        target: None,
        cue: q.cue.map(|c| c.verb),
        article: article.clone(),
    }
}

fn from_claim(c: Claim, article: &ArticleMeta) -> Position {
    let said = c.proposition.unwrap_or(c.span);
    Position {
        date: article.published,
        kind: c.stance.as_str().into(),
        from: PositionSource::Claim,
        text: said.text,
        start: said.start,
        end: said.end,
        code: c.key.and_then(|k| k.event_code),
        status: None,
        target: c.target.and_then(|t| t.name),
        cue: c.cue.map(|t| t.text),
        article: article.clone(),
    }
}

#[cfg(test)]
#[path = "positions_tests.rs"]
mod tests;

//! The JSON routes over what `parley link` and the aggregates build: stories and their
//! timelines, positions per party, the claim × outlet matrix, outlet profiles. Every list is a
//! bounded page of the whole, with the total.

use crate::api::query_params;
use crate::error::ApiError;
use crate::filters;
use crate::params::Params;
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use parley_link::timeline::timeline_entries;
use parley_link::{
    AggregateError, ClaimRow, DateRange, MatrixOptions, OutletProfile, Position, TimelineEntry,
};
use parley_store::{ActorCandidate, Paging, StoryMember, StoryParty, StorySummary, TimelineKinds};
use serde::Serialize;

/// Most members a story answer lists (the timeline is paged; members rarely run this long).
pub const MAX_MEMBERS: usize = 100;
/// Parties a story overview counts.
pub const PARTIES_SHOWN: usize = 8;
/// Quotes a story overview lists (all of them are in the timeline too).
pub const QUOTES_SHOWN: usize = 20;

#[derive(Debug, Clone, Serialize)]
pub struct StoriesAnswer {
    pub offset: usize,
    pub limit: usize,
    /// Most recent first.
    pub stories: Vec<StorySummary>,
}

/// One story: its summary, members and a page of its timeline.
#[derive(Debug, Clone, Serialize)]
pub struct StoryAnswer {
    #[serde(flatten)]
    pub summary: StorySummary,
    pub members_total: usize,
    /// Earliest first, at most [`MAX_MEMBERS`].
    pub members: Vec<StoryMember>,
    pub timeline_total: usize,
    pub offset: usize,
    pub limit: usize,
    pub timeline: Vec<TimelineEntry>,
}

/// What a story page shows besides a timeline page, read with bounded work however big the
/// story: its most active parties, from counts the store keeps per story, and its first quotes.
#[derive(Debug, Clone)]
pub struct StoryOverview {
    /// At most [`PARTIES_SHOWN`], most events and quotes first.
    pub parties: Vec<StoryParty>,
    /// The first [`QUOTES_SHOWN`] quotes in timeline order.
    pub quotes: Vec<TimelineEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PositionsAnswer {
    pub actor: ActorCandidate,
    pub from: Option<String>,
    pub to: Option<String>,
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    /// Oldest first, undated last.
    pub positions: Vec<Position>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimsAnswer {
    /// Every outlet of the store, by name: the matrix's columns.
    pub outlets: Vec<String>,
    pub claims_read: usize,
    pub claims_without_key: usize,
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    /// Claims carried by at least two outlets, most outlets first.
    pub rows: Vec<ClaimRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutletsAnswer {
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub outlets: Vec<OutletProfile>,
}

/// The answer an aggregate error gets: unknown actor 404, ambiguous actor 400 (the message
/// lists the candidates), anything else 500.
fn aggregate_error(what: &'static str, e: AggregateError) -> ApiError {
    match e {
        AggregateError::UnknownActor { .. } => ApiError::not_found(e.to_string()),
        AggregateError::AmbiguousActor { .. } => ApiError::bad_request(e.to_string()),
        AggregateError::Store(e) => ApiError::store(what, &e),
        other => ApiError::internal(format!("{what}: {other}")),
    }
}

/// The `paging` window of `items`.
fn window<T: Clone>(items: &[T], paging: Paging) -> Vec<T> {
    items
        .iter()
        .skip(paging.offset)
        .take(paging.limit)
        .cloned()
        .collect()
}

pub async fn read_stories(state: &AppState, paging: Paging) -> Result<StoriesAnswer, ApiError> {
    let stories = state
        .with_store("listing stories", move |s| {
            s.stories(paging.limit, paging.offset)
        })
        .await?;
    Ok(StoriesAnswer {
        offset: paging.offset,
        limit: paging.limit,
        stories,
    })
}

/// The story's summary, its first members and one page of its timeline: every part one range
/// of an index the store keeps per story (a deep offset is stepped over in that index).
pub async fn read_story(
    state: &AppState,
    id: i64,
    paging: Paging,
) -> Result<StoryAnswer, ApiError> {
    let read = state
        .with_store("reading a story", move |s| {
            let Some(summary) = s.story_summary(id)? else {
                return Ok(None);
            };
            let first_members = Paging {
                offset: 0,
                limit: MAX_MEMBERS,
            };
            let members = s.story_members_page(id, first_members)?;
            let timeline = s.story_timeline_page(id, TimelineKinds::EventsAndQuotes, paging)?;
            Ok(Some((summary, members, timeline)))
        })
        .await?;
    let (summary, members, timeline) =
        read.ok_or_else(|| ApiError::not_found(format!("no story with id {id} in this store")))?;
    Ok(StoryAnswer {
        summary,
        members_total: members.total as usize,
        members: members.items,
        timeline_total: timeline.total as usize,
        offset: paging.offset,
        limit: paging.limit,
        timeline: timeline_entries(timeline.items),
    })
}

/// The story's parties and first quotes (see [`StoryOverview`]).
pub async fn read_story_overview(state: &AppState, id: i64) -> Result<StoryOverview, ApiError> {
    let (parties, quotes) = state
        .with_store("reading a story's parties and quotes", move |s| {
            let first_quotes = Paging {
                offset: 0,
                limit: QUOTES_SHOWN,
            };
            Ok((
                s.story_parties(id, PARTIES_SHOWN)?,
                s.story_timeline_page(id, TimelineKinds::Quotes, first_quotes)?,
            ))
        })
        .await?;
    Ok(StoryOverview {
        parties,
        quotes: timeline_entries(quotes.items),
    })
}

pub async fn read_positions(
    state: &AppState,
    needle: String,
    range: DateRange,
    paging: Paging,
) -> Result<PositionsAnswer, ApiError> {
    const WHAT: &str = "reading positions";
    let all = state
        .with_store_answer(WHAT, move |s| {
            let kinds =
                parley_link::PositionKinds::shipped().map_err(|e| aggregate_error(WHAT, e))?;
            let actor =
                parley_link::resolve_actor(s, &needle).map_err(|e| aggregate_error(WHAT, e))?;
            parley_link::positions(s, &actor, range, &kinds).map_err(|e| aggregate_error(WHAT, e))
        })
        .await?;
    Ok(PositionsAnswer {
        actor: all.actor,
        from: range.since.map(|d| d.to_string()),
        to: range.until.map(|d| d.to_string()),
        total: all.positions.len(),
        offset: paging.offset,
        limit: paging.limit,
        positions: window(&all.positions, paging),
    })
}

pub async fn read_claims(state: &AppState, paging: Paging) -> Result<ClaimsAnswer, ApiError> {
    const WHAT: &str = "building the claim matrix";
    let matrix = state
        .with_store_answer(WHAT, |s| {
            parley_link::claim_matrix(s, MatrixOptions::default())
                .map_err(|e| aggregate_error(WHAT, e))
        })
        .await?;
    Ok(ClaimsAnswer {
        total: matrix.rows.len(),
        rows: window(&matrix.rows, paging),
        outlets: matrix.outlets,
        claims_read: matrix.claims_read,
        claims_without_key: matrix.claims_without_key,
        offset: paging.offset,
        limit: paging.limit,
    })
}

pub async fn read_outlets(state: &AppState, paging: Paging) -> Result<OutletsAnswer, ApiError> {
    const WHAT: &str = "profiling outlets";
    let profiles = state
        .with_store_answer(WHAT, |s| {
            parley_link::outlet_profiles(s).map_err(|e| aggregate_error(WHAT, e))
        })
        .await?;
    Ok(OutletsAnswer {
        total: profiles.len(),
        offset: paging.offset,
        limit: paging.limit,
        outlets: window(&profiles, paging),
    })
}

/// A story id from a path: a whole number.
pub fn path_story(path: Result<Path<String>, PathRejection>) -> Result<i64, ApiError> {
    let Path(raw) =
        path.map_err(|e| ApiError::bad_request(format!("malformed path: {}", e.body_text())))?;
    raw.trim().parse::<i64>().map_err(|_| {
        ApiError::bad_request(format!(
            "{:?} is not a story id: give the whole number `parley stories` or /api/stories lists",
            raw.chars().take(40).collect::<String>()
        ))
    })
}

/// `from` and `to` (YYYY-MM-DD, from <= to) as a date range.
pub fn date_range(params: &Params) -> Result<DateRange, ApiError> {
    let f = filters::events(params)?;
    Ok(DateRange {
        since: f.from,
        until: f.to,
    })
}

/// `GET /api/stories?offset&limit`
pub async fn stories(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<StoriesAnswer>, ApiError> {
    let paging = filters::paging(&query_params(query)?)?;
    Ok(Json(read_stories(&state, paging).await?))
}

/// `GET /api/stories/{id}?offset&limit` (the page is of the timeline)
pub async fn story(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<StoryAnswer>, ApiError> {
    let id = path_story(path)?;
    let paging = filters::paging(&query_params(query)?)?;
    Ok(Json(read_story(&state, id, paging).await?))
}

/// `GET /api/positions/{actor}?from&to&offset&limit`
pub async fn positions(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<PositionsAnswer>, ApiError> {
    let actor = crate::api_lists::path_actor(path)?;
    let params = query_params(query)?;
    let range = date_range(&params)?;
    let paging = filters::paging(&params)?;
    Ok(Json(read_positions(&state, actor, range, paging).await?))
}

/// `GET /api/claims?offset&limit`
pub async fn claims(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<ClaimsAnswer>, ApiError> {
    let paging = filters::paging(&query_params(query)?)?;
    Ok(Json(read_claims(&state, paging).await?))
}

/// `GET /api/outlets?offset&limit`
pub async fn outlets(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<OutletsAnswer>, ApiError> {
    let paging = filters::paging(&query_params(query)?)?;
    Ok(Json(read_outlets(&state, paging).await?))
}

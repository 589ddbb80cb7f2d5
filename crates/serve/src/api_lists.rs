//! The JSON routes over filtered lists: quotes by speaker, events by actor, code and date, and
//! an actor's quotes and events together.

use crate::api::query_params;
use crate::error::ApiError;
use crate::filters;
use crate::params::Params;
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use parley_store::{EventFilter, EventRecord, Listed, Paging, QuoteFilter, QuoteRecord};
use serde::Serialize;

/// A page of quotes and the filter that chose them.
#[derive(Debug, Clone, Serialize)]
pub struct QuotesAnswer {
    pub speaker: Option<String>,
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub quotes: Vec<QuoteRecord>,
}

/// A page of events and the filter that chose them.
#[derive(Debug, Clone, Serialize)]
pub struct EventsAnswer {
    pub actor: Option<String>,
    pub code: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub events: Vec<EventRecord>,
}

/// What an actor said (quotes with them as speaker) and did or had done to them (events with
/// them as source or target), each list a page in date order.
#[derive(Debug, Clone, Serialize)]
pub struct ActorAnswer {
    /// The id or name asked for.
    pub actor: String,
    /// The name the store gives it, when it appears at all.
    pub name: Option<String>,
    pub offset: usize,
    pub limit: usize,
    pub quotes: Listed<QuoteRecord>,
    pub events: Listed<EventRecord>,
}

pub async fn read_quotes(state: &AppState, filter: QuoteFilter) -> Result<QuotesAnswer, ApiError> {
    let wanted = filter.clone();
    let listed = state
        .with_store("listing quotes", move |s| s.quotes(&wanted))
        .await?;
    Ok(QuotesAnswer {
        speaker: filter.speaker,
        total: listed.total,
        offset: filter.paging.offset,
        limit: filter.paging.limit,
        quotes: listed.items,
    })
}

pub async fn read_events(state: &AppState, filter: EventFilter) -> Result<EventsAnswer, ApiError> {
    let wanted = filter.clone();
    let listed = state
        .with_store("listing events", move |s| s.events(&wanted))
        .await?;
    Ok(EventsAnswer {
        actor: filter.actor,
        code: filter.code,
        from: filter.from.map(|d| d.to_string()),
        to: filter.to.map(|d| d.to_string()),
        total: listed.total,
        offset: filter.paging.offset,
        limit: filter.paging.limit,
        events: listed.items,
    })
}

pub async fn read_actor(
    state: &AppState,
    actor: String,
    paging: Paging,
) -> Result<ActorAnswer, ApiError> {
    let key = actor.clone();
    let (quotes, events) = state
        .with_store("reading an actor", move |s| {
            let quotes = s.quotes(&QuoteFilter {
                speaker: Some(key.clone()),
                paging,
            })?;
            let events = s.events(&EventFilter {
                actor: Some(key),
                code: None,
                from: None,
                to: None,
                paging,
            })?;
            Ok((quotes, events))
        })
        .await?;
    let name = name_in(&actor, &quotes.items, &events.items);
    Ok(ActorAnswer {
        actor,
        name,
        offset: paging.offset,
        limit: paging.limit,
        quotes,
        events,
    })
}

/// The name the records give the actor `key` (an id or a name).
fn name_in(key: &str, quotes: &[QuoteRecord], events: &[EventRecord]) -> Option<String> {
    let is = |id: &Option<String>, name: &Option<String>| {
        id.as_deref() == Some(key) || name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(key))
    };
    quotes
        .iter()
        .find(|q| is(&q.speaker_id, &q.speaker))
        .and_then(|q| q.speaker.clone())
        .or_else(|| {
            events.iter().find_map(|e| {
                if is(&e.source_id, &e.source) {
                    e.source.clone()
                } else if is(&e.target_id, &e.target) {
                    e.target.clone()
                } else {
                    None
                }
            })
        })
}

/// Turns a malformed actor path segment into a 400 and checks it.
pub fn path_actor(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    let Path(raw) =
        path.map_err(|e| ApiError::bad_request(format!("malformed path: {}", e.body_text())))?;
    filters::actor(&raw)
}

/// `GET /api/quotes?speaker&offset&limit`
pub async fn quotes(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<QuotesAnswer>, ApiError> {
    let filter = filters::quotes(&query_params(query)?)?;
    Ok(Json(read_quotes(&state, filter).await?))
}

/// `GET /api/events?actor&code&from&to&offset&limit`
pub async fn events(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<EventsAnswer>, ApiError> {
    let filter = filters::events(&query_params(query)?)?;
    Ok(Json(read_events(&state, filter).await?))
}

/// `GET /api/actors/{actor}?offset&limit`
pub async fn actor(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<ActorAnswer>, ApiError> {
    let actor = path_actor(path)?;
    let paging = filters::paging(&query_params(query)?)?;
    Ok(Json(read_actor(&state, actor, paging).await?))
}

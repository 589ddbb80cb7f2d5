//! The JSON routes. Each one parses its parameters (400 on bad ones), asks the store on the
//! blocking pool, and answers JSON.

use crate::error::ApiError;
use crate::params::{self, Params};
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use parley_core::Document;
use parley_store::{
    ArticleListing, Counts, Paging, SearchHit, SearchQuery, Store, StoreError, StoredArticle,
};
use serde::Serialize;

/// A page of the article index.
#[derive(Debug, Clone, Serialize)]
pub struct ArticlePage {
    /// How many articles the store holds.
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub articles: Vec<ArticleListing>,
}

/// One stored article: the report document (body and every annotation) and its revision.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleAnswer {
    pub article: Document,
    pub revision: i64,
    pub previous_id: Option<String>,
    pub ingested_at: String,
}

/// Search hits for `query`.
#[derive(Debug, Clone, Serialize)]
pub struct SearchAnswer {
    pub query: String,
    pub limit: usize,
    pub hits: Vec<SearchHit>,
}

/// Turns a malformed query string into a 400.
pub fn query_params(query: Result<Query<Params>, QueryRejection>) -> Result<Params, ApiError> {
    query
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(format!("malformed query string: {}", e.body_text())))
}

/// Turns a malformed path segment into a 400 and checks it is an article id.
pub fn path_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    let Path(id) =
        path.map_err(|e| ApiError::bad_request(format!("malformed path: {}", e.body_text())))?;
    params::article_id(&id)?;
    Ok(id)
}

/// Reads one page of the article index (ids, titles and counts; no bodies).
pub fn read_page(store: &mut dyn Store, page: params::Page) -> Result<ArticlePage, StoreError> {
    let listed = store.article_listing(Paging {
        offset: page.offset,
        limit: page.limit,
    })?;
    Ok(ArticlePage {
        total: listed.total,
        offset: page.offset,
        limit: page.limit,
        articles: listed.items,
    })
}

/// Reads one article, or `None` when it is not stored.
pub async fn read_article(state: &AppState, id: String) -> Result<StoredArticle, ApiError> {
    let wanted = id.clone();
    state
        .with_store("reading an article", move |s| s.get(&wanted))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no article with id {id} in this store")))
}

/// Runs a search (plain words, never the backend's raw syntax).
pub async fn run_search(
    state: &AppState,
    search: params::Search,
) -> Result<SearchAnswer, ApiError> {
    let query = SearchQuery {
        text: search.q.clone(),
        raw: false,
        limit: search.limit,
    };
    let hits = state
        .with_store("searching", move |s| s.search(&query))
        .await?;
    Ok(SearchAnswer {
        query: search.q,
        limit: search.limit,
        hits,
    })
}

/// `GET /api/articles?offset&limit`
pub async fn list_articles(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<ArticlePage>, ApiError> {
    let page = params::page(&query_params(query)?)?;
    let answer = state
        .with_store("listing articles", move |s| read_page(s, page))
        .await?;
    Ok(Json(answer))
}

/// `GET /api/articles/{id}`
pub async fn get_article(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<ArticleAnswer>, ApiError> {
    let id = path_id(path)?;
    let stored = read_article(&state, id).await?;
    Ok(Json(ArticleAnswer {
        article: stored.document,
        revision: stored.revision,
        previous_id: stored.previous_id,
        ingested_at: stored.ingested_at,
    }))
}

/// `GET /api/search?q&limit`
pub async fn search(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Json<SearchAnswer>, ApiError> {
    let search = params::search(&query_params(query)?)?;
    Ok(Json(run_search(&state, search).await?))
}

/// `GET /api/stats`: how much the store holds.
pub async fn stats(State(state): State<AppState>) -> Result<Json<Counts>, ApiError> {
    let counts = state.with_store("counting", |s| s.counts()).await?;
    Ok(Json(counts))
}

/// Any other path: 404 with a JSON body listing what exists.
pub async fn not_found() -> ApiError {
    ApiError::not_found(
        "no such route: try /api/articles, /api/articles/{id}, /api/search?q=, /api/stats, /api/quotes, /api/events, /api/actors/{actor}, /api/stories, /api/positions/{actor}, /api/claims, /api/outlets, or the pages /, /search, /quotes, /events, /stories, /claims, /outlets",
    )
}

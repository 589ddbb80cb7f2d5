//! parley's read-only HTTP server: a JSON API and server-rendered pages over a store.
//!
//! `parley serve` opens a store (SQLite file or PostgreSQL URL) and answers:
//!
//! - JSON ([`api`], [`api_lists`]): `GET /api/articles?offset&limit`, `GET /api/articles/{id}`
//!   (the article with all its annotations), `GET /api/search?q&limit`, `GET /api/stats`,
//!   `GET /api/quotes?speaker&offset&limit`, `GET /api/events?actor&code&from&to&offset&limit`,
//!   `GET /api/actors/{actor}?offset&limit`; over what `parley link` builds ([`api_stories`]):
//!   `GET /api/stories`, `GET /api/stories/{id}` (with its timeline), `GET /api/positions/{actor}`,
//!   `GET /api/claims` (claim × outlet matrix), `GET /api/outlets`. Bad parameters get a 4xx answer with a JSON body
//!   `{"error": "..."}` ([`error`], [`params`], [`filters`]).
//! - HTML ([`pages`], [`pages_lists`]): `/` (index of articles), `/articles/{id}` (the text with
//!   every annotation highlighted and listed beside it, [`highlight`]; `#q3` lights up and
//!   scrolls to quote 3's span, without JavaScript), `/search?q`, `/quotes`, `/events`,
//!   `/actors/{actor}`; [`pages_stories`]: `/stories`, `/stories/{id}` (parties' positions,
//!   timeline, quotes, articles), `/positions/{actor}`, `/claims`, `/outlets`. Every quote,
//!   event, timeline entry and position links to its span ([`links`]).
//!
//! Safety: articles are hostile input. Every piece of article-derived text goes through maud's
//! escaping (never `PreEscaped`), article URLs are linked only when they are http(s), lists are
//! paginated with a capped limit, request bodies and request time are bounded, and the command
//! line binds to loopback unless told otherwise. Every answer carries a Content-Security-Policy
//! that forbids scripts, as a second line of defence. Nothing here writes to the store.

pub mod api;
pub mod api_lists;
pub mod api_stories;
pub mod error;
pub mod filters;
pub mod highlight;
pub mod links;
pub mod pages;
pub mod pages_lists;
pub mod pages_stories;
pub mod params;
pub mod state;

pub use state::AppState;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::get;
use axum::Router;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// Largest request body accepted; every route is a GET, so this is only a guard.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Longest a request may take before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The Content-Security-Policy of every answer: no scripts, no plugins, no framing, styles
/// only inline (the pages carry their own small stylesheet). A second line of defence should
/// an escaping bug ever let markup through.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Every route, with the body-size and time limits and the security headers applied.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/articles", get(api::list_articles))
        .route("/api/articles/{id}", get(api::get_article))
        .route("/api/search", get(api::search))
        .route("/api/stats", get(api::stats))
        .route("/api/quotes", get(api_lists::quotes))
        .route("/api/events", get(api_lists::events))
        .route("/api/actors/{actor}", get(api_lists::actor))
        .route("/api/stories", get(api_stories::stories))
        .route("/api/stories/{id}", get(api_stories::story))
        .route("/api/positions/{actor}", get(api_stories::positions))
        .route("/api/claims", get(api_stories::claims))
        .route("/api/outlets", get(api_stories::outlets))
        .route("/", get(pages::index))
        .route("/articles/{id}", get(pages::article))
        .route("/search", get(pages::search))
        .route("/quotes", get(pages_lists::quotes))
        .route("/events", get(pages_lists::events))
        .route("/actors/{actor}", get(pages_lists::actor))
        .route("/stories", get(pages_stories::stories))
        .route("/stories/{id}", get(pages_stories::story))
        .route("/positions/{actor}", get(pages_stories::positions))
        .route("/claims", get(pages_stories::claims))
        .route("/outlets", get(pages_stories::outlets))
        .route("/favicon.ico", get(no_icon))
        .fallback(api::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
}

/// `GET /favicon.ico`: 204, so that browsers asking for an icon get no 404 (and log no error).
async fn no_icon() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// Serves `router` on `listener` until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            // When the signal handler cannot be installed, run until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
}

/// Binds `addr`, calls `on_bound` with the address actually bound (useful with port 0), and
/// serves `state` until Ctrl-C, on a runtime of its own: the entry point for `parley serve`.
pub fn run(
    state: AppState,
    addr: std::net::SocketAddr,
    on_bound: impl FnOnce(std::net::SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        on_bound(listener.local_addr()?);
        serve(listener, router(state)).await
    })
}

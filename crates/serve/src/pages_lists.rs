//! The list pages: quotes by speaker, events by actor, code and date, and an actor's page
//! ("what Lavrov said over time"). Each quote or event links to its span in the article page
//! ([`links::quote`], [`links::event`]); each speaker and party to their actor page.
//!
//! Every piece of article-derived text is interpolated with maud's `(...)`, which escapes it.

use crate::api::query_params;
use crate::api_lists::{self, path_actor};
use crate::filters;
use crate::links;
use crate::pages::{layout, page_html, PageError};
use crate::params::Params;
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use maud::{html, Markup};
use parley_store::{ArticleRef, EventRecord, QuoteRecord};

/// `GET /quotes?speaker&offset&limit`
pub async fn quotes(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let filter = filters::quotes(&query_params(query)?)?;
    let answer = api_lists::read_quotes(&state, filter).await?;
    let speaker = answer.speaker.clone().unwrap_or_default();
    let kept = vec![("speaker", speaker.clone())];
    page_html(layout(
        "Quotes",
        html! {
            h1 { "Quotes" @if !speaker.is_empty() { " by " (speaker) } }
            form.filters action="/quotes" method="get" {
                label { "Speaker " input type="text" name="speaker" value=(speaker)
                    placeholder="id or name" maxlength=(filters::MAX_ACTOR_CHARS); }
                button type="submit" { "Filter" }
            }
            p.meta { (answer.total) " quote(s)" }
            (quote_table(&answer.quotes))
            (pager("/quotes", &kept, answer.offset, answer.limit, answer.total))
        },
    ))
}

/// `GET /events?actor&code&from&to&offset&limit`
pub async fn events(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let filter = filters::events(&query_params(query)?)?;
    let answer = api_lists::read_events(&state, filter).await?;
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    let kept = vec![
        ("actor", field(&answer.actor)),
        ("code", field(&answer.code)),
        ("from", field(&answer.from)),
        ("to", field(&answer.to)),
    ];
    page_html(layout(
        "Events",
        html! {
            h1 { "Events" }
            form.filters action="/events" method="get" {
                label { "Actor " input type="text" name="actor" value=(kept[0].1)
                    placeholder="id or name" maxlength=(filters::MAX_ACTOR_CHARS); }
                label { "CAMEO code " input type="text" name="code" value=(kept[1].1)
                    placeholder="e.g. 04" size="4" maxlength=(filters::MAX_CODE_DIGITS); }
                label { "From " input type="date" name="from" value=(kept[2].1); }
                label { "to " input type="date" name="to" value=(kept[3].1); }
                button type="submit" { "Filter" }
            }
            p.meta { (answer.total) " event(s)" }
            (event_table(&answer.events))
            (pager("/events", &kept, answer.offset, answer.limit, answer.total))
        },
    ))
}

/// `GET /actors/{actor}?offset&limit`: the actor's quotes and events, one timeline by date.
pub async fn actor(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let actor = path_actor(path)?;
    let paging = filters::paging(&query_params(query)?)?;
    let answer = api_lists::read_actor(&state, actor, paging).await?;
    let name = answer.name.clone().unwrap_or_else(|| answer.actor.clone());
    let total = answer.quotes.total.max(answer.events.total);
    let mut timeline: Vec<(Option<&str>, Markup)> = Vec::new();
    for q in &answer.quotes.items {
        timeline.push((q.article.published.as_deref(), quote_line(q)));
    }
    for e in &answer.events.items {
        timeline.push((e.date.as_deref(), event_line(e)));
    }
    // Undated last; a stable sort keeps quotes before events on the same day.
    timeline.sort_by_key(|(date, _)| (date.is_none(), date.map(str::to_string)));
    page_html(layout(
        &name,
        html! {
            h1 { (name) }
            p.meta {
                (answer.quotes.total) " quote(s) as speaker, " (answer.events.total)
                " event(s) as source or target. "
                a href={ "/quotes?speaker=" (links::encode(&answer.actor)) } { "All quotes" } " · "
                a href={ "/events?actor=" (links::encode(&answer.actor)) } { "All events" } " · "
                a href={ "/api/actors/" (links::encode(&answer.actor)) } { "JSON" }
            }
            @if timeline.is_empty() {
                p { "Nothing in this store is said by or about " q { (answer.actor) } "." }
            } @else {
                h2 { "Over time" }
                table.timeline {
                    tr { th { "Date" } th { "What" } }
                    @for (date, line) in &timeline {
                        tr { td { (date.unwrap_or("undated")) } td { (line) } }
                    }
                }
            }
            (pager(&links::actor(&answer.actor), &[], answer.offset, answer.limit, total))
        },
    ))
}

fn quote_table(quotes: &[QuoteRecord]) -> Markup {
    html! {
        table.quotes {
            tr { th { "Date" } th { "Quote" } }
            @for q in quotes {
                tr { td { (q.article.published.as_deref().unwrap_or("undated")) } td { (quote_line(q)) } }
            }
        }
    }
}

fn event_table(events: &[EventRecord]) -> Markup {
    html! {
        table.events {
            tr { th { "Date" } th { "Event" } }
            @for e in events {
                tr { td { (e.date.as_deref().unwrap_or("undated")) } td { (event_line(e)) } }
            }
        }
    }
}

/// "Speaker (kind): “text”" with the text linking to its span, and the article below.
fn quote_line(q: &QuoteRecord) -> Markup {
    html! {
        (party(q.speaker_id.as_deref(), q.speaker.as_deref(), "unknown speaker"))
        @if let Some(kind) = &q.kind { span.meta { " (" (kind) ")" } }
        ": "
        q { a.quote href=(links::quote(&q.article.id, q.index)) { (q.text.as_deref().unwrap_or("…")) } }
        br; (source_line(&q.article))
    }
}

/// "Source → CAMEO code → target: evidence" with the evidence linking to its span.
fn event_line(e: &EventRecord) -> Markup {
    html! {
        (party(e.source_id.as_deref(), e.source.as_deref(), "?"))
        " → " span.code { "CAMEO " (e.code.as_deref().unwrap_or("?")) } " → "
        (party(e.target_id.as_deref(), e.target.as_deref(), "?"))
        @if let Some(status) = &e.status { span.meta { " (" (status) ")" } }
        ": "
        a.event href=(links::event(&e.article.id, e.index)) { (e.text.as_deref().unwrap_or("…")) }
        br; (source_line(&e.article))
    }
}

/// An actor's name linking to their page, or `unknown` when there is none.
fn party(id: Option<&str>, name: Option<&str>, unknown: &str) -> Markup {
    let shown = name
        .filter(|n| !n.trim().is_empty())
        .or(id)
        .unwrap_or(unknown);
    html! {
        @match links::actor_key(id, name) {
            Some(key) => a.actor href=(links::actor(key)) { (shown) },
            None => span.meta { (shown) },
        }
    }
}

fn source_line(a: &ArticleRef) -> Markup {
    html! {
        span.meta {
            "in " (crate::pages::article_link(&a.id, &a.title))
            @if let Some(o) = &a.outlet { " · " (o) }
        }
    }
}

/// Previous/next links for a list at `path` keeping the filter parameters `kept`.
fn pager(path: &str, kept: &[(&str, String)], offset: usize, limit: usize, total: i64) -> Markup {
    let href = |from: usize| {
        let mut q: Vec<String> = kept
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", links::encode(v)))
            .collect();
        q.push(format!("offset={from}"));
        q.push(format!("limit={limit}"));
        format!("{path}?{}", q.join("&"))
    };
    let next = offset.saturating_add(limit);
    let more = i64::try_from(next).is_ok_and(|n| n < total);
    html! {
        p.pager {
            @if offset > 0 { a rel="prev" href=(href(offset.saturating_sub(limit))) { "← previous" } " " }
            @if more { a rel="next" href=(href(next)) { "next →" } }
        }
    }
}

//! The pages over what `parley link` and the aggregates build: the story list, a story (its
//! parties' positions, timeline, quotes and articles), an actor's positions, the claim ×
//! outlet matrix and outlet profiles. Every timeline entry and position links to its span in
//! the article page ([`links::span`]).
//!
//! Every piece of article-derived text is interpolated with maud's `(...)`, which escapes it.

use crate::api::query_params;
use crate::api_lists::path_actor;
use crate::api_stories::{self, path_story};
use crate::error::ApiError;
use crate::filters;
use crate::links;
use crate::pages::{article_link, layout, page_html, PageError};
use crate::params::Params;
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use maud::{html, Markup};
use parley_link::{PositionKinds, TimelineEntry};
use parley_store::StoryParty;
use std::collections::BTreeMap;

/// `GET /stories?offset&limit`
pub async fn stories(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let paging = filters::paging(&query_params(query)?)?;
    let answer = api_stories::read_stories(&state, paging).await?;
    // The store does not count stories; a full page means there may be more.
    let more = answer.stories.len() == paging.limit;
    page_html(layout(
        "Stories",
        html! {
            h1 { "Stories" }
            @if answer.stories.is_empty() && paging.offset == 0 {
                p { "No stories yet: " code { "parley link --db FILE" } " groups stored articles into stories." }
            } @else {
                table.stories {
                    tr { th { "Story" } th { "From" } th { "To" } th { "Articles" } }
                    @for s in &answer.stories {
                        tr {
                            td { a href={ "/stories/" (s.id) } { (label(&s.label)) } }
                            td { (s.first_date.as_deref().unwrap_or("—")) }
                            td { (s.last_date.as_deref().unwrap_or("—")) }
                            td { (s.size) }
                        }
                    }
                }
            }
            (pager("/stories", "", paging.offset, paging.limit, more))
        },
    ))
}

/// `GET /stories/{id}?offset&limit`: the story's parties and their positions, a page of its
/// timeline, its quotes and its articles.
pub async fn story(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let id = path_story(path)?;
    let paging = filters::paging(&query_params(query)?)?;
    let answer = api_stories::read_story(&state, id, paging).await?;
    let overview = api_stories::read_story_overview(&state, id).await?;
    let kinds = PositionKinds::shipped()
        .map_err(|e| ApiError::internal(format!("reading the position kinds: {e}")))?;
    let parties: Vec<Party> = overview.parties.iter().map(|p| party(p, &kinds)).collect();
    let quotes = overview.quotes;
    let s = &answer.summary;
    let more = paging.offset.saturating_add(paging.limit) < answer.timeline_total;
    page_html(layout(
        &label(&s.label),
        html! {
            h1 { (label(&s.label)) }
            p.meta {
                (s.size) " article(s), " (s.first_date.as_deref().unwrap_or("undated"))
                " to " (s.last_date.as_deref().unwrap_or("undated")) ". "
                a href={ "/api/stories/" (s.id) } { "JSON" }
            }
            @if !parties.is_empty() {
                h2 { "Parties' positions" }
                table.parties {
                    tr { th { "Party" } th { "Positions (from its events)" } th { "Quotes" } }
                    @for p in &parties {
                        tr {
                            td { a.actor href=(format!("/positions/{}", links::encode(&p.name))) { (p.name) } }
                            td {
                                @for (i, (kind, n)) in p.kinds.iter().enumerate() {
                                    @if i > 0 { ", " } (kind) " (" (n) ")"
                                }
                            }
                            td { (p.quotes) }
                        }
                    }
                }
            }
            h2 { "Timeline" }
            p.meta { (answer.timeline_total) " event(s) and quote(s), dated by the event or else by its article" }
            table.timeline {
                tr { th { "Date" } th { "What" } }
                @for e in &answer.timeline {
                    tr { td { (e.date.as_deref().unwrap_or("undated")) } td { (entry_line(e)) } }
                }
            }
            (pager(&format!("/stories/{}", s.id), "", paging.offset, paging.limit, more))
            @if !quotes.is_empty() {
                h2 { "Quotes" }
                ul.quotes { @for q in &quotes { li { (entry_line(q)) } } }
            }
            h2 { "Articles" }
            @if answer.members_total > answer.members.len() {
                p.meta { "The first " (answer.members.len()) " of " (answer.members_total) "." }
            }
            ol.members {
                @for m in &answer.members {
                    li {
                        (article_link(&m.id, &m.title))
                        span.meta {
                            @if let Some(o) = &m.outlet { " · " (o) }
                            @if let Some(p) = &m.published { " · " (p) }
                            @if m.why.via.is_none() { " · started the story" }
                            @else if m.why.copy { " · a copy" }
                            @else if !m.why.shared_actors.is_empty() {
                                " · shares " (m.why.shared_actors.join(", "))
                            }
                        }
                    }
                }
            }
        },
    ))
}

/// `GET /positions/{actor}?from&to&offset&limit`
pub async fn positions(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let needle = path_actor(path)?;
    let params = query_params(query)?;
    let range = api_stories::date_range(&params)?;
    let paging = filters::paging(&params)?;
    let answer = api_stories::read_positions(&state, needle.clone(), range, paging).await?;
    let name = answer.actor.names.first().cloned().unwrap_or(needle);
    let more = paging.offset.saturating_add(paging.limit) < answer.total;
    let kept = [("from", answer.from.clone()), ("to", answer.to.clone())]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}&", links::encode(v))))
        .collect::<String>();
    page_html(layout(
        &format!("Positions of {name}"),
        html! {
            h1 { "Positions of " (name) }
            p.meta {
                (answer.total) " position(s)"
                @if let Some(id) = &answer.actor.actor_id { " · actor id " (id) }
                " · " a href=(links::actor(answer.actor.actor_id.as_deref().unwrap_or(&name))) { "quotes and events" }
            }
            table.positions {
                tr { th { "Date" } th { "Position" } th { "Evidence" } }
                @for p in &answer.positions {
                    tr {
                        td { (p.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())) }
                        td {
                            (p.kind)
                            @if let Some(t) = &p.target { " → " (t) }
                            @if let Some(s) = &p.status { span.meta { " (" (s) ")" } }
                        }
                        td {
                            a.position href=(links::span(&p.article.id, p.start as i64, p.end as i64)) { (p.text) }
                            br; span.meta { "in " (article_link(&p.article.id, &p.article.title))
                                @if let Some(o) = &p.article.outlet { " · " (o) } }
                        }
                    }
                }
            }
            (pager(&format!("/positions/{}", links::encode(&answer.actor.actor_id.clone().unwrap_or(name.clone()))), &kept, paging.offset, paging.limit, more))
        },
    ))
}

/// `GET /claims?offset&limit`: the claim × outlet matrix.
pub async fn claims(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let paging = filters::paging(&query_params(query)?)?;
    let answer = api_stories::read_claims(&state, paging).await?;
    let more = paging.offset.saturating_add(paging.limit) < answer.total;
    page_html(layout(
        "Claims by outlet",
        html! {
            h1 { "Claims by outlet" }
            p.meta {
                (answer.total) " claim(s) carried by two outlets or more, from " (answer.claims_read)
                " claims read. A cell says how the outlet carries the claim; \"omitted\": the outlet covered the story then without it."
            }
            div.wide {
                table.matrix {
                    tr { th { "Claim" } @for o in &answer.outlets { th { (o) } } }
                    @for row in &answer.rows {
                        tr {
                            td { (row.key.label()) br; span.meta { (row.example) } }
                            @for o in &answer.outlets {
                                @match row.cells.iter().find(|c| &c.outlet == o) {
                                    Some(c) => td class=(format!("cell {}", c.cell.as_str())) { (c.cell.as_str()) },
                                    None => td.cell { "" },
                                }
                            }
                        }
                    }
                }
            }
            (pager("/claims", "", paging.offset, paging.limit, more))
        },
    ))
}

/// `GET /outlets?offset&limit`: outlet profiles.
pub async fn outlets(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let paging = filters::paging(&query_params(query)?)?;
    let answer = api_stories::read_outlets(&state, paging).await?;
    let more = paging.offset.saturating_add(paging.limit) < answer.total;
    let num = |x: Option<f64>| x.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into());
    page_html(layout(
        "Outlets",
        html! {
            h1 { "Outlets" }
            p.meta { (answer.total) " outlet(s)" }
            div.wide {
                table.outlets {
                    tr {
                        th { "Outlet" } th { "Articles" } th { "Words" }
                        th { "Loaded language / 1000 words" } th { "Attributed share" }
                        th { "Mean tone" } th { "Headlines supported / partly / unsupported" }
                    }
                    @for o in &answer.outlets {
                        tr {
                            td { (o.outlet) } td { (o.articles) } td { (o.words) }
                            td { (num(o.loaded_language_per_1000_words)) }
                            td { (num(o.attribution_share)) } td { (num(o.mean_tone)) }
                            td { (o.headline.supported) " / " (o.headline.partly) " / " (o.headline.unsupported) }
                        }
                    }
                }
            }
            (pager("/outlets", "", paging.offset, paging.limit, more))
        },
    ))
}

/// One party of a story: its position kinds from its events, and its quotes.
struct Party {
    name: String,
    kinds: Vec<(String, usize)>,
    quotes: i64,
}

/// The party's event codes as position kinds (an unlisted code: "acted"), most frequent
/// first.
fn party(p: &StoryParty, kinds: &PositionKinds) -> Party {
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for (code, n) in &p.event_codes {
        let kind = kinds.kind_of(code).unwrap_or("acted").to_string();
        *by_kind.entry(kind).or_default() += *n as usize;
    }
    let mut kinds: Vec<(String, usize)> = by_kind.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Party {
        name: p.name.clone(),
        kinds,
        quotes: p.quotes,
    }
}

/// "Actor → CAMEO code → target: text" (events) or "Speaker: “text”" (quotes), the text
/// linking to its span, and the outlet.
fn entry_line(e: &TimelineEntry) -> Markup {
    let text = html! {
        @match (e.start, e.end) {
            (Some(start), Some(end)) => a class=(e.kind) href=(links::span(&e.article_id, start, end)) { (e.text) },
            _ => (e.text),
        }
    };
    html! {
        @if e.kind == "quote" {
            (actor(e.actor.as_deref(), "unknown speaker")) ": " q { (text) }
        } @else {
            (actor(e.actor.as_deref(), "?")) " → " span.code { "CAMEO " (e.code.as_deref().unwrap_or("?")) }
            @if let Some(t) = &e.target { " → " (actor(Some(t), "?")) }
            @if let Some(s) = &e.status { @if s != "occurred" { span.meta { " (" (s) ")" } } }
            ": " (text)
        }
        @if let Some(o) = &e.outlet { span.meta { " · " (o) } }
    }
}

fn actor(name: Option<&str>, unknown: &str) -> Markup {
    html! {
        @match name.filter(|n| !n.trim().is_empty()) {
            Some(n) => a.actor href=(links::actor(n)) { (n) },
            None => span.meta { (unknown) },
        }
    }
}

fn label(label: &str) -> String {
    if label.trim().is_empty() {
        "(unlabelled story)".to_string()
    } else {
        label.to_string()
    }
}

/// Previous/next links; `kept` is `name=value&` pairs to keep.
fn pager(path: &str, kept: &str, offset: usize, limit: usize, more: bool) -> Markup {
    let href = |from: usize| format!("{path}?{kept}offset={from}&limit={limit}");
    html! {
        p.pager {
            @if offset > 0 { a rel="prev" href=(href(offset.saturating_sub(limit))) { "← previous" } " " }
            @if more { a rel="next" href=(href(offset.saturating_add(limit))) { "next →" } }
        }
    }
}

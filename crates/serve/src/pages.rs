//! Server-rendered HTML pages (maud): the article index, one article with its annotations
//! highlighted, and search. No JavaScript.
//!
//! Articles are hostile input: every piece of article-derived text is interpolated with maud's
//! `(...)`, which escapes it; `PreEscaped` is used only for the constant stylesheet and the
//! article page's highlight rules, which hold nothing but our own annotation ids. Article
//! URLs become links only when they are http(s) ([`safe_url`]).

use crate::api::{self, path_id, query_params};
use crate::error::ApiError;
use crate::highlight::{self, Annotation};
use crate::links;
use crate::params::{self, Params};
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use parley_store::SearchHit;

const CSS: &str = "
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#222}
a{color:#0645ad} nav a{margin-right:1rem} form{margin:1rem 0}
input[type=search]{width:60%;padding:.3rem}
.meta{color:#555;font-size:.9rem} .error{color:#a00}
.layout{display:flex;gap:2rem;align-items:flex-start}
.text{flex:3;white-space:pre-wrap} .notes{flex:2;font-size:.9rem}
.notes li{margin-bottom:.3rem} .notes li:target{background:#ffef9e}
mark{background:none;border-bottom:2px solid #999;padding:0}
mark.quote{background:#e3f0ff} mark.entity{border-bottom-color:#2a7} mark.event{border-bottom-color:#d60}
mark.signal{background:#ffe0e0}
a.ref{font-size:.65rem;vertical-align:super;text-decoration:none;color:#666}
a.ref:target{background:#ffef9e;outline:2px solid #e0b000}
a.ref{scroll-margin-top:30vh}
table{border-collapse:collapse;width:100%} td,th{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #ddd}
form.filters input{margin-right:.5rem;max-width:12rem}
.wide{overflow-x:auto} td.cell{font-size:.85rem;text-align:center}
td.asserts,td.reports{background:#e6f4ea} td.denies,td.disputes{background:#fde7e7}
td.questions{background:#fff4d6} td.omitted{color:#888;background:#f3f3f3}
mark.selected{background:#e8e0ff}
@media (max-width:50rem){.layout{display:block}}
";

/// An HTML answer with the error's status and its message (escaped).
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status;
        let body = layout(
            "Error",
            html! {
                h1 { "Error " (status.as_u16()) }
                p.error { (self.0.message) }
                p { a href="/" { "Back to the index" } }
            },
        );
        (status, Html(body.into_string())).into_response()
    }
}

/// The URL as a link target when it is an absolute http(s) URL without spaces or control
/// characters; `None` otherwise (`javascript:`, `data:`, relative, ...).
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let http = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (http && clean).then_some(url)
}

pub(crate) fn page_html(markup: Markup) -> Result<Html<String>, PageError> {
    Ok(Html(markup.into_string()))
}

pub(crate) fn layout(title: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · parley" }
                style { (PreEscaped(CSS)) }
            }
            body {
                nav {
                    a href="/" { "Articles" } a href="/stories" { "Stories" }
                    a href="/quotes" { "Quotes" } a href="/events" { "Events" }
                    a href="/claims" { "Claims" } a href="/outlets" { "Outlets" }
                    a href="/search" { "Search" }
                }
                (content)
            }
        }
    }
}

fn search_form(q: &str) -> Markup {
    html! {
        form action="/search" method="get" role="search" {
            input type="search" name="q" value=(q) placeholder="Words in titles, bodies, quotes"
                maxlength=(params::MAX_QUERY_CHARS);
            " " button type="submit" { "Search" }
        }
    }
}

pub(crate) fn article_link(id: &str, title: &str) -> Markup {
    let title = if title.trim().is_empty() {
        "(untitled)"
    } else {
        title
    };
    html! { a href={ "/articles/" (links::encode(id)) } { (title) } }
}

pub(crate) fn meta_line(
    outlet: Option<&str>,
    published: Option<&str>,
    url: Option<&str>,
) -> Markup {
    html! {
        span.meta {
            @if let Some(o) = outlet { (o) }
            @if let Some(p) = published { @if outlet.is_some() { " · " } (p) }
            @if let Some(u) = url {
                @if outlet.is_some() || published.is_some() { " · " }
                @match safe_url(u) {
                    Some(u) => a href=(u) rel="noopener noreferrer nofollow" { "source" },
                    None => { "source: " (u) },
                }
            }
        }
    }
}

/// `GET /`: a page of the article index.
pub async fn index(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let page = params::page(&query_params(query)?)?;
    let answer = state
        .with_store("listing articles", move |s| api::read_page(s, page))
        .await?;
    let prev = page.offset.saturating_sub(page.limit);
    let next = page.offset.saturating_add(page.limit);
    page_html(layout(
        "Articles",
        html! {
            h1 { "Articles" }
            (search_form(""))
            p.meta { (answer.total) " articles; showing from " (page.offset + 1) }
            ol start=(page.offset + 1) {
                @for a in &answer.articles {
                    li {
                        (article_link(&a.id, &a.title)) " "
                        (meta_line(a.outlet.as_deref(), a.published.as_deref(), a.url.as_deref()))
                        span.meta { " · " (a.quotes) " quotes, " (a.events) " events" }
                    }
                }
            }
            p {
                @if page.offset > 0 {
                    a href={ "/?offset=" (prev) "&limit=" (page.limit) } { "← previous" } " "
                }
                @if i64::try_from(next).is_ok_and(|n| n < answer.total) {
                    a href={ "/?offset=" (next) "&limit=" (page.limit) } { "next →" }
                }
            }
        },
    ))
}

/// `GET /articles/{id}?span=START-END`: the body with every annotation highlighted, and the
/// list of annotations beside it; each links to the other. `span` adds the anchor `#h1` on
/// those byte offsets (what timeline entries and positions link to).
pub async fn article(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let id = path_id(path)?;
    let span = crate::filters::span(&query_params(query)?)?;
    let stored = api::read_article(&state, id).await?;
    let doc = &stored.document;
    let (mut anns, skipped) = highlight::annotations(doc);
    if let Some((start, end)) = span {
        let selected = highlight::selected(&doc.text, start, end).ok_or_else(|| {
            ApiError::bad_request(format!(
                "span={start}-{end} does not lie inside this article's text ({} bytes)",
                doc.text.len()
            ))
        })?;
        anns.push(selected);
    }
    let segments = highlight::segments(&doc.text, &anns);
    let published = doc.published.map(|p| p.to_string());
    page_html(layout(
        &doc.title,
        html! {
            style { (PreEscaped(highlight::target_css(&anns))) }
            h1 { (doc.title) }
            p { (meta_line(doc.outlet.as_deref(), published.as_deref(), doc.url.as_deref())) }
            p.meta {
                "Highlighted: " mark.entity { "entities" } ", " mark.quote { "quotes" } ", "
                mark.event { "events" } ", " mark.signal { "loaded language" } "."
                @if skipped > 0 { " " (skipped) " annotation(s) with spans outside the text are not shown." }
            }
            div.layout {
                div.text {
                    @for seg in &segments {
                        @for &i in &seg.starting {
                            a.ref id=(anns[i].id) href={ "#note-" (anns[i].id) } title=(anns[i].label) { (anns[i].id) }
                        }
                        @if seg.covering.is_empty() {
                            (seg.text)
                        } @else {
                            mark class=(classes(&anns, &seg.covering)) { (seg.text) }
                        }
                    }
                }
                aside.notes {
                    (notes("Quotes", &anns, highlight::Kind::Quote, &doc.text))
                    (notes("Events", &anns, highlight::Kind::Event, &doc.text))
                    (notes("Loaded language", &anns, highlight::Kind::Signal, &doc.text))
                    (notes("Entities", &anns, highlight::Kind::Entity, &doc.text))
                }
            }
            p.meta { "Article " (doc.id) ", revision " (stored.revision) ". "
                a href={ "/api/articles/" (doc.id) } { "JSON" } }
        },
    ))
}

/// The CSS classes of a segment: the kinds of the annotations covering it, and `a-ID` for
/// each of them (what [`highlight::target_css`] lights up when the URL names that annotation).
fn classes(anns: &[Annotation], covering: &[usize]) -> String {
    let mut kinds: Vec<&str> = covering.iter().map(|&i| anns[i].kind.class()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let ids = covering.iter().map(|&i| format!("a-{}", anns[i].id));
    kinds
        .into_iter()
        .map(String::from)
        .chain(ids)
        .collect::<Vec<_>>()
        .join(" ")
}

fn notes(heading: &str, anns: &[Annotation], kind: highlight::Kind, body: &str) -> Markup {
    let of_kind: Vec<&Annotation> = anns.iter().filter(|a| a.kind == kind).collect();
    html! {
        @if !of_kind.is_empty() {
            h2 { (heading) " (" (of_kind.len()) ")" }
            ul {
                @for a in of_kind {
                    li id={ "note-" (a.id) } {
                        a href={ "#" (a.id) } { (a.id) } " " (a.label) ": "
                        q { (body.get(a.start..a.end).unwrap_or_default()) }
                    }
                }
            }
        }
    }
}

/// `GET /search?q&limit`: the form, and hits when `q` is given.
pub async fn search(
    State(state): State<AppState>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let params = query_params(query)?;
    let q = params
        .get("q")
        .map(|q| q.trim().to_string())
        .unwrap_or_default();
    if q.is_empty() {
        return page_html(layout(
            "Search",
            html! { h1 { "Search" } (search_form("")) },
        ));
    }
    let answer = api::run_search(&state, params::search(&params)?).await?;
    page_html(layout(
        "Search",
        html! {
            h1 { "Search" }
            (search_form(&q))
            p.meta { (answer.hits.len()) " hit(s) for " q { (answer.query) } }
            ol { @for hit in &answer.hits { li { (hit_item(hit)) } } }
        },
    ))
}

fn hit_item(hit: &SearchHit) -> Markup {
    html! {
        (article_link(&hit.id, &hit.title)) " "
        (meta_line(hit.outlet.as_deref(), hit.published.as_deref(), hit.url.as_deref()))
        @if let Some(speaker) = &hit.speaker { br; span.meta { "quote by " (speaker) } }
        br; span.snippet { (hit.snippet) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_url_links_only_http_and_https() {
        assert!(safe_url("https://example.org/a?b=c").is_some());
        assert!(safe_url("HTTP://example.org/").is_some());
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/",
            "/relative",
            "https://exa mple.org/",
            "https://example.org/\n",
            "",
        ] {
            assert!(safe_url(bad).is_none(), "{bad:?}");
        }
    }
}

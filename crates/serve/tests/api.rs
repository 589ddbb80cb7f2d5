//! The server over a real store (see `common`): every route through the router with
//! `oneshot` (no network), and once through a real server on an ephemeral loopback port.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use tower::ServiceExt;

#[tokio::test]
async fn article_list_is_paginated_with_a_total() {
    let f = fixture();
    let (status, v) = get_json(&f.app, "/api/articles").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["total"], 6);
    assert_eq!(v["limit"], 20);
    assert_eq!(v["articles"].as_array().unwrap().len(), 6);

    let (_, first) = get_json(&f.app, "/api/articles?offset=0&limit=2").await;
    let (_, second) = get_json(&f.app, "/api/articles?offset=2&limit=2").await;
    let (_, last) = get_json(&f.app, "/api/articles?offset=5&limit=2").await;
    let (_, past) = get_json(&f.app, "/api/articles?offset=1000&limit=100").await;
    assert_eq!(first["articles"].as_array().unwrap().len(), 2);
    assert_eq!(second["articles"].as_array().unwrap().len(), 2);
    assert_eq!(last["articles"].as_array().unwrap().len(), 1);
    assert_eq!(past["articles"].as_array().unwrap().len(), 0);
    assert_ne!(first["articles"][0]["id"], second["articles"][0]["id"]);
}

#[tokio::test]
async fn article_list_rejects_bad_paging_with_json_errors() {
    let f = fixture();
    for uri in [
        "/api/articles?limit=0",
        "/api/articles?limit=101",
        "/api/articles?limit=abc",
        "/api/articles?limit=-1",
        "/api/articles?offset=-1",
        "/api/articles?offset=1.5",
        "/api/articles?limit=99999999999999999999999",
    ] {
        assert_json_error(&f.app, uri, StatusCode::BAD_REQUEST).await;
    }
}

#[tokio::test]
async fn article_by_id_carries_body_and_every_annotation_layer() {
    let f = fixture();
    for id in &f.seed_ids {
        let (status, v) = get_json(&f.app, &format!("/api/articles/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        let a = &v["article"];
        assert_eq!(a["id"], id.as_str());
        assert!(!a["text"].as_str().unwrap().is_empty());
        for layer in ["entities", "quotes", "events", "claims"] {
            assert!(!a[layer].as_array().unwrap().is_empty(), "{id}: no {layer}");
        }
        assert!(a["framing"].is_object());
        assert_eq!(v["revision"], 1);
    }
}

#[tokio::test]
async fn unknown_or_malformed_article_ids_get_json_errors() {
    let f = fixture();
    assert_json_error(
        &f.app,
        "/api/articles/0000000000000000",
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_json_error(
        &f.app,
        "/api/articles/%3Cscript%3E",
        StatusCode::BAD_REQUEST,
    )
    .await;
    let long = "a".repeat(200);
    assert_json_error(
        &f.app,
        &format!("/api/articles/{long}"),
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn search_finds_the_seed_article_and_respects_the_limit() {
    let f = fixture();
    let (status, v) = get_json(&f.app, "/api/search?q=Ryabkov").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    // The seed articles, and the copy of the second one that has hostile speaker names.
    assert!(hits.iter().all(|h| {
        let id = h["id"].as_str().unwrap();
        f.seed_ids.iter().any(|s| s == id) || id == f.hostile_names_id
    }));

    let (_, one) = get_json(&f.app, "/api/search?q=Lavrov&limit=1").await;
    // The store returns up to `limit` article hits and up to `limit` quote hits.
    assert!(one["hits"].as_array().unwrap().len() <= 2, "{one}");

    let (_, none) = get_json(&f.app, "/api/search?q=zzzzqqqq").await;
    assert_eq!(none["hits"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn search_rejects_missing_blank_long_and_badly_limited_queries() {
    let f = fixture();
    let long = "a".repeat(501);
    for uri in [
        "/api/search".to_string(),
        "/api/search?q=".to_string(),
        "/api/search?q=%20%20".to_string(),
        format!("/api/search?q={long}"),
        "/api/search?q=Lavrov&limit=0".to_string(),
        "/api/search?q=Lavrov&limit=1000".to_string(),
    ] {
        assert_json_error(&f.app, &uri, StatusCode::BAD_REQUEST).await;
    }
}

#[tokio::test]
async fn search_treats_query_syntax_as_plain_words() {
    let f = fixture();
    for q in ["%22unbalanced", "NEAR(a%20b)", "a%20OR%20*", "%3Cscript%3E"] {
        let (status, v) = get_json(&f.app, &format!("/api/search?q={q}")).await;
        assert_eq!(status, StatusCode::OK, "{q}: {v}");
    }
}

#[tokio::test]
async fn stats_counts_the_store() {
    let f = fixture();
    let (status, v) = get_json(&f.app, "/api/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["articles"], 6);
    assert!(v["quotes"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_are_refused() {
    let f = fixture();
    assert_json_error(&f.app, "/api/nothing", StatusCode::NOT_FOUND).await;
    let post = Request::post("/api/articles").body(Body::empty()).unwrap();
    let (status, _, _) = send(&f.app, post).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn the_browser_icon_request_gets_no_content_rather_than_a_404() {
    let f = fixture();
    let (status, _, body) = get(&f.app, "/favicon.ico").await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(body.is_empty());
}

#[tokio::test]
async fn oversized_request_bodies_are_refused() {
    let f = fixture();
    let big = vec![b'x'; parley_serve::MAX_BODY_BYTES + 1];
    let req = Request::get("/api/stats")
        .header("content-length", big.len())
        .body(Body::from(big))
        .unwrap();
    let (status, _, _) = send(&f.app, req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn index_page_lists_articles_with_paging_links() {
    let f = fixture();
    let (status, ctype, html) = get(&f.app, "/?limit=2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/html"), "{ctype}");
    assert!(html.contains("6 articles"));
    assert!(
        html.contains("href=\"/?offset=2&amp;limit=2\""),
        "no next link"
    );
    let (status, _, html) = get(&f.app, "/?limit=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("limit="));
}

#[tokio::test]
async fn article_page_links_each_annotation_to_its_span_and_back() {
    let f = fixture();
    let id = &f.seed_ids[0];
    let (status, _, html) = get(&f.app, &format!("/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    for kind in ["q", "e", "v"] {
        let ann = format!("{kind}1");
        assert!(
            html.contains(&format!("id=\"{ann}\" href=\"#note-{ann}\"")),
            "{ann} span"
        );
        assert!(
            html.contains(&format!("<li id=\"note-{ann}\"><a href=\"#{ann}\">")),
            "{ann} note"
        );
    }
    assert!(html.contains("<mark class=\""));
    let (status, _, _) = get(&f.app, "/articles/0000000000000000").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_page_shows_the_form_and_hits() {
    let f = fixture();
    let (status, _, html) = get(&f.app, "/search").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("name=\"q\""));
    let (status, _, html) = get(&f.app, "/search?q=Ryabkov").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("href=\"/articles/{}\"", f.seed_ids[0]))
            || html.contains(&format!("href=\"/articles/{}\"", f.seed_ids[1]))
    );
}

#[tokio::test]
async fn xss_corpus_is_escaped_on_every_page() {
    let f = fixture();
    let mut pages = vec!["/".to_string(), "/?limit=100".to_string()];
    for id in &f.xss_ids {
        pages.push(format!("/articles/{id}"));
    }
    for q in ["script", "onerror", "svg", "Lavrov", "alert"] {
        pages.push(format!("/search?q={q}"));
    }
    for uri in &pages {
        let (status, _, html) = get(&f.app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_no_unescaped_payload(uri, &html);
    }
    // The payloads are there, as text.
    let (_, _, html) = get(&f.app, &format!("/articles/{}", f.xss_ids[0])).await;
    assert!(
        html.contains("&lt;script&gt;alert("),
        "title/body text not rendered escaped"
    );
    assert!(
        html.contains("Outlet &lt;script&gt;"),
        "outlet not rendered escaped"
    );
    // A hostile query echoed back in the search form and heading stays text.
    let (_, _, html) = get(
        &f.app,
        "/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    )
    .await;
    assert_no_unescaped_payload("search echo", &html);
    // Error pages escape what they quote.
    let (_, _, html) = get(&f.app, "/?limit=%3Cscript%3E").await;
    assert_no_unescaped_payload("error page", &html);
}

#[tokio::test]
async fn article_urls_are_linked_only_when_http() {
    let f = fixture();
    let (_, _, js) = get(&f.app, &format!("/articles/{}", f.xss_ids[0])).await;
    assert!(!js.contains("href=\"javascript"), "javascript: URL linked");
    assert!(
        js.contains("source: javascript:alert(document.cookie)"),
        "shown as text"
    );
    let (_, _, https) = get(&f.app, &format!("/articles/{}", f.xss_ids[1])).await;
    assert!(
        https.contains("href=\"https://example.org/a?x="),
        "https URL not linked"
    );
    let (_, _, data) = get(&f.app, &format!("/articles/{}", f.xss_ids[2])).await;
    assert!(!data.contains("href=\"data:"), "data: URL linked");
}

#[tokio::test]
async fn quotes_of_the_xss_corpus_are_found_and_escaped_in_json_and_html() {
    let f = fixture();
    let id = &f.xss_ids[0];
    let (_, v) = get_json(&f.app, &format!("/api/articles/{id}")).await;
    let quotes = v["article"]["quotes"].as_array().unwrap();
    assert!(
        quotes.iter().any(|q| q["text"].as_str().unwrap_or_default().contains("<script>")),
        "the hostile quote was not detected, so the test would not exercise quote rendering: {quotes:?}"
    );
    let (_, _, html) = get(&f.app, &format!("/articles/{id}")).await;
    assert!(html.contains("<li id=\"note-q1\">"));
    assert_no_unescaped_payload("xss article", &html);
}

#[tokio::test]
async fn openapi_documents_exactly_the_api_routes() {
    let f = fixture();
    let spec = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.yaml"),
    )
    .expect("docs/openapi.yaml reads");
    let documented: Vec<&str> = spec
        .lines()
        .filter(|l| l.starts_with("  /") && l.ends_with(':'))
        .map(|l| l.trim().trim_end_matches(':'))
        .collect();
    assert_eq!(
        documented,
        [
            "/api/articles",
            "/api/articles/{id}",
            "/api/search",
            "/api/stats",
            "/api/quotes",
            "/api/events",
            "/api/actors/{actor}",
            "/api/stories",
            "/api/stories/{id}",
            "/api/positions/{actor}",
            "/api/claims",
            "/api/outlets"
        ]
    );
    let (_, stories) = get_json(&f.app, "/api/stories").await;
    let story = stories["stories"][0]["id"]
        .as_i64()
        .expect("the fixture has a story");
    for path in documented {
        let uri = path
            .replace("/api/stories/{id}", &format!("/api/stories/{story}"))
            .replace("{id}", &f.seed_ids[0])
            .replace("{actor}", "sergey-lavrov")
            .replace("/api/search", "/api/search?q=Lavrov");
        let (status, _) = get_json(&f.app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn a_real_server_on_a_loopback_port_answers_http() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let f = fixture();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind an ephemeral loopback port");
    let addr = listener.local_addr().expect("bound address");
    let server = tokio::spawn(async move { axum::serve(listener, f.app).await });

    let mut conn = tokio::net::TcpStream::connect(addr).await.expect("connect");
    conn.write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("send request");
    let mut answer = String::new();
    conn.read_to_string(&mut answer).await.expect("read answer");
    server.abort();

    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"articles\":6"), "{answer}");
}

#[tokio::test]
async fn every_answer_forbids_scripts_by_content_security_policy() {
    let f = fixture();
    for uri in [
        "/",
        "/search?q=Lavrov",
        "/api/stats",
        "/api/articles?limit=0",
        "/nope",
    ] {
        let req = Request::get(uri).body(Body::empty()).unwrap();
        let resp = f.app.clone().oneshot(req).await.unwrap();
        let h = resp.headers();
        let csp = h
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{uri}: {csp:?}");
        assert!(!csp.contains("script-src"), "{uri}: {csp:?}");
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff", "{uri}");
    }
}

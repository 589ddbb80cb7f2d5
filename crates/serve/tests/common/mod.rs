//! Shared by the server's tests: a real store holding the bundled seed articles plus an XSS
//! corpus, ingested through the standard pipeline into a SQLite file in a temp dir, and
//! helpers that query the router with `oneshot` (no network).

#![allow(dead_code)] // not every test binary uses every helper

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use parley_analyze::Pipeline;
use parley_core::{Article, Document};
use parley_ingest::{read_input, Input, ReadOptions};
use parley_serve::{router, AppState};
use serde_json::Value;
use tower::ServiceExt;

/// Hostile strings, each of which must never reach a page unescaped.
pub const PAYLOADS: &[&str] = &[
    "<script>alert('xss')</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(2)>",
];

pub struct Fixture {
    pub app: Router,
    pub seed_ids: Vec<String>,
    /// Articles with a payload in title, body, outlet and URL (analysed by the pipeline).
    pub xss_ids: Vec<String>,
    /// A copy of the second seed article whose quote speakers and event parties are named by
    /// the payloads (no actor id), so lists and actor pages show hostile names.
    pub hostile_names_id: String,
    /// The SQLite file the app serves (for a second connection).
    pub db: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn hostile_articles() -> Vec<Article> {
    let mut out = Vec::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let body = format!(
            "Foreign Minister Sergey Lavrov said on Monday: \"{p} is what we reject.\" \
             The talks in Geneva {p} ended without agreement, Lavrov told reporters.\n\n\
             \"We will not {p} retreat,\" he said. Case {i}.\n\nplain text {p} here"
        );
        let mut a = Article::new(format!("Talks {p} title {i}"), body);
        a.outlet = Some(format!("Outlet {p}"));
        a.url = Some(match i {
            0 => "javascript:alert(document.cookie)".to_string(),
            // No whitespace, so it is linked; the payload must stay inside the attribute.
            1 => "https://example.org/a?x=\"><script>alert(4)</script>".to_string(),
            _ => "data:text/html,<script>alert(3)</script>".to_string(),
        });
        out.push(a);
    }
    out
}

/// `seed` with a new body (so a new id) and every quote speaker and event party renamed to a
/// payload, without actor ids.
fn hostile_names(seed: &Document) -> Document {
    let mut article = Article::new(
        format!("Hostile names {}", PAYLOADS[0]),
        format!("{}\n\nCopy with hostile names.", seed.text),
    );
    article.outlet = Some(PAYLOADS[2].to_string());
    article.published = seed.published;
    let mut analysis = seed.analysis.clone();
    for (i, q) in analysis.quotes.iter_mut().enumerate() {
        q.speaker = Some(parley_core::Speaker {
            name: PAYLOADS[i % PAYLOADS.len()].to_string(),
            actor_id: None,
        });
    }
    for (i, e) in analysis.events.iter_mut().enumerate() {
        for (j, side) in [&mut e.source, &mut e.target].into_iter().enumerate() {
            if let Some(party) = side {
                party.name = PAYLOADS[(i + j) % PAYLOADS.len()].to_string();
                party.actor_id = None;
            }
        }
    }
    Document::new("hostile-names".to_string(), article, analysis)
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("serve-test.sqlite");
    let mut store = parley_store::open(db.to_str().expect("utf-8 path")).expect("open store");
    let pipeline = Pipeline::standard();

    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds.jsonl");
    let mut seed_docs = Vec::new();
    for result in read_input(&Input::File(seeds), &ReadOptions::default()) {
        let sourced = result.expect("seed article reads");
        let analysis = pipeline.analyze(&sourced.article);
        seed_docs.push(Document::new(sourced.source, sourced.article, analysis));
    }
    assert_eq!(seed_docs.len(), 2, "examples/seeds.jsonl has two articles");
    let xss_docs: Vec<Document> = hostile_articles()
        .into_iter()
        .map(|a| {
            let analysis = pipeline.analyze(&a);
            Document::new("xss".to_string(), a, analysis)
        })
        .collect();
    let hostile_names = hostile_names(&seed_docs[1]);
    store.put_batch(&seed_docs).expect("store seeds");
    store
        .put_batch(std::slice::from_ref(&hostile_names))
        .expect("store hostile names");
    store.put_batch(&xss_docs).expect("store xss corpus");

    parley_link::story::link_store(
        store.as_mut(),
        &parley_link::StoryParams::default(),
        None,
        100,
    )
    .expect("link stories");

    Fixture {
        app: router(AppState::new(store)),
        seed_ids: seed_docs.iter().map(|d| d.id.clone()).collect(),
        xss_ids: xss_docs.iter().map(|d| d.id.clone()).collect(),
        hostile_names_id: hostile_names.id.clone(),
        db,
        _dir: dir,
    }
}

pub async fn send(app: &Router, req: Request<Body>) -> (StatusCode, String, String) {
    let resp = app.clone().oneshot(req).await.expect("router answers");
    let status = resp.status();
    let ctype = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = axum::body::to_bytes(resp.into_body(), 4 * 1024 * 1024)
        .await
        .expect("body reads");
    (status, ctype, String::from_utf8_lossy(&bytes).into_owned())
}

pub async fn get(app: &Router, uri: &str) -> (StatusCode, String, String) {
    let req = Request::get(uri).body(Body::empty()).expect("request");
    send(app, req).await
}

pub async fn get_json(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, ctype, body) = get(app, uri).await;
    assert!(ctype.starts_with("application/json"), "{uri}: {ctype}");
    let value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{uri}: {e}: {body}"));
    (status, value)
}

/// Asserts a 4xx JSON answer with a non-empty `error` message.
pub async fn assert_json_error(app: &Router, uri: &str, want: StatusCode) {
    let (status, v) = get_json(app, uri).await;
    assert_eq!(status, want, "{uri}: {v}");
    let msg = v["error"].as_str().unwrap_or_default();
    assert!(!msg.is_empty(), "{uri}: no error message in {v}");
}

/// No payload reaches the HTML as markup: no script, img or svg element, no event-handler
/// attribute, no javascript:/data: link; the payloads do appear, escaped, as text.
pub fn assert_no_unescaped_payload(where_: &str, html: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "<img",
        "<svg",
        "href=\"javascript:",
        "href=\"data:",
        "href=javascript",
    ] {
        assert!(!lower.contains(bad), "{where_}: found {bad:?}");
    }
    for payload in PAYLOADS {
        assert!(!html.contains(payload), "{where_}: raw payload {payload:?}");
    }
}

//! The routes over what `parley link` and the aggregates build (see `common`: the fixture's
//! articles are linked into stories): stories and timelines, positions, the claim matrix,
//! outlet profiles; their bad parameters, their links to spans, and the XSS corpus.

mod common;

use axum::http::StatusCode;
use common::*;

async fn first_story(f: &Fixture) -> i64 {
    let (status, v) = get_json(&f.app, "/api/stories?limit=100").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    // The story with the longest timeline: the first seed article's.
    let mut best = (0, 0);
    for s in v["stories"].as_array().unwrap() {
        let id = s["id"].as_i64().unwrap();
        let (_, story) = get_json(&f.app, &format!("/api/stories/{id}")).await;
        let n = story["timeline_total"].as_i64().unwrap();
        if n > best.1 {
            best = (id, n);
        }
    }
    assert!(best.1 > 0, "no story has a timeline: {v}");
    best.0
}

#[tokio::test]
async fn stories_list_and_a_story_carries_members_and_a_paged_timeline() {
    let f = fixture();
    let (_, v) = get_json(&f.app, "/api/stories").await;
    let stories = v["stories"].as_array().unwrap();
    assert!(!stories.is_empty());
    let sizes: i64 = stories.iter().map(|s| s["size"].as_i64().unwrap()).sum();
    assert_eq!(sizes, 6, "every fixture article is in one story");
    let id = first_story(&f).await;
    let (_, story) = get_json(&f.app, &format!("/api/stories/{id}?limit=5")).await;
    assert!(story["members"].as_array().unwrap().len() >= 1);
    let total = story["timeline_total"].as_u64().unwrap();
    let page = story["timeline"].as_array().unwrap();
    assert_eq!(page.len() as u64, total.min(5));
    assert!(page
        .iter()
        .all(|e| e["kind"] == "event" || e["kind"] == "quote"));
    let (_, next) = get_json(&f.app, &format!("/api/stories/{id}?offset=5&limit=5")).await;
    if total > 5 {
        assert_ne!(next["timeline"][0], page[0]);
    }
    let dates: Vec<&str> = page.iter().filter_map(|e| e["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "the timeline is in date order");
}

#[tokio::test]
async fn the_paged_timeline_is_the_link_crates_whole_timeline_in_pages() {
    let f = fixture();
    let id = first_story(&f).await;
    let mut store = parley_store::open(f.db.to_str().unwrap()).unwrap();
    let whole = parley_link::build_timeline(store.story_timeline_rows(id).unwrap());
    let want = serde_json::to_value(&whole).unwrap();
    let mut paged = Vec::new();
    for offset in (0..whole.len() + 3).step_by(3) {
        let (status, v) = get_json(
            &f.app,
            &format!("/api/stories/{id}?offset={offset}&limit=3"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        assert_eq!(v["timeline_total"].as_u64().unwrap() as usize, whole.len());
        paged.extend(v["timeline"].as_array().unwrap().iter().cloned());
    }
    assert!(whole.len() > 3, "the fixture's story spans several pages");
    assert_eq!(serde_json::Value::Array(paged), want);
}

#[tokio::test]
async fn story_page_names_the_party_with_most_timeline_entries_first() {
    let f = fixture();
    let id = first_story(&f).await;
    let mut store = parley_store::open(f.db.to_str().unwrap()).unwrap();
    let whole = parley_link::build_timeline(store.story_timeline_rows(id).unwrap());
    let mut entries: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for e in &whole {
        if let Some(name) = e.actor.as_deref().filter(|n| !n.trim().is_empty()) {
            let party = entries.entry(name).or_default();
            party.0 += 1;
            party.1 += usize::from(e.kind == "quote");
        }
    }
    let (top, (_, quotes)) = entries
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)))
        .expect("the story has parties");
    let (_, _, html) = get(&f.app, &format!("/stories/{id}")).await;
    let table = &html[html.find("<table class=\"parties\">").unwrap()..];
    // The first row after the header row.
    let first_row = table.split("</tr>").nth(1).unwrap();
    assert!(
        first_row.contains(&format!(">{}</a>", maud::html! { (top) }.into_string())),
        "{first_row}"
    );
    assert!(
        first_row.ends_with(&format!("<td>{quotes}</td>")),
        "{first_row}"
    );
}

#[tokio::test]
async fn story_page_renders_its_timeline_with_links_to_spans() {
    let f = fixture();
    let id = first_story(&f).await;
    let (status, _, html) = get(&f.app, &format!("/stories/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h2>Timeline</h2>"));
    assert!(html.contains("<h2>Parties' positions</h2>"));
    assert!(html.contains("<h2>Articles</h2>"));
    let href_at = html.find("?span=").expect("timeline entries link to spans");
    let href_begin = html[..href_at].rfind("href=\"").unwrap() + 6;
    let href_end = href_at + html[href_at..].find('"').unwrap();
    let href = html[href_begin..href_end].replace("&amp;", "&");
    assert!(href.ends_with("#h1"), "{href}");
    let (status, _, article) = get(&f.app, href.split('#').next().unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{href}");
    assert!(
        article.contains("id=\"h1\""),
        "the followed span has an anchor"
    );
    assert!(article.contains("#h1:target~mark.a-h1{"));
    let (_, _, list) = get(&f.app, "/stories").await;
    assert!(list.contains(&format!("href=\"/stories/{id}\"")));
}

#[tokio::test]
async fn positions_of_an_actor_are_paged_and_link_to_spans() {
    let f = fixture();
    let (status, v) = get_json(&f.app, "/api/positions/sergei-ryabkov?limit=2").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
    assert_eq!(v["positions"].as_array().unwrap().len(), 2);
    assert_eq!(v["actor"]["actor_id"], "sergei-ryabkov");
    let (_, _, html) = get(&f.app, "/positions/sergei-ryabkov").await;
    assert!(html.contains("Positions of Sergei Ryabkov"));
    assert!(html.contains("?span="));
    let (_, dated) = get_json(&f.app, "/api/positions/sergei-ryabkov?from=2030-01-01").await;
    assert_eq!(dated["total"], 0);
}

#[tokio::test]
async fn claims_and_outlets_answer_with_paged_tables() {
    let f = fixture();
    let (status, claims) = get_json(&f.app, "/api/claims").await;
    assert_eq!(status, StatusCode::OK, "{claims}");
    assert!(claims["outlets"].as_array().unwrap().len() >= 3, "{claims}");
    assert!(claims["rows"].as_array().unwrap().len() as u64 <= claims["total"].as_u64().unwrap());
    let (status, outlets) = get_json(&f.app, "/api/outlets?limit=2").await;
    assert_eq!(status, StatusCode::OK, "{outlets}");
    assert!(outlets["total"].as_u64().unwrap() >= 3);
    assert_eq!(outlets["outlets"].as_array().unwrap().len(), 2);
    for page in ["/claims", "/outlets"] {
        let (status, _, _) = get(&f.app, page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
    }
}

#[tokio::test]
async fn story_and_aggregate_routes_reject_bad_parameters() {
    let f = fixture();
    for (uri, want) in [
        ("/api/stories?limit=0", StatusCode::BAD_REQUEST),
        ("/api/stories/abc", StatusCode::BAD_REQUEST),
        ("/api/stories/1.5", StatusCode::BAD_REQUEST),
        ("/api/stories/999999", StatusCode::NOT_FOUND),
        ("/api/stories/1?limit=101", StatusCode::BAD_REQUEST),
        ("/api/positions/nobody-by-this-name", StatusCode::NOT_FOUND),
        (
            "/api/positions/sergei-ryabkov?from=yesterday",
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/positions/sergei-ryabkov?from=2022-02-01&to=2022-01-01",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/positions/%20", StatusCode::BAD_REQUEST),
        ("/api/claims?offset=-1", StatusCode::BAD_REQUEST),
        ("/api/outlets?limit=abc", StatusCode::BAD_REQUEST),
    ] {
        assert_json_error(&f.app, uri, want).await;
    }
    let (status, _, _) = get(&f.app, "/stories/abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&f.app, &format!("/articles/{}?span=9-3", f.seed_ids[0])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(
        &f.app,
        &format!("/articles/{}?span=0-99999999", f.seed_ids[0]),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn hostile_text_is_escaped_on_story_claim_and_outlet_pages() {
    let f = fixture();
    let mut pages = vec![
        "/stories?limit=100".to_string(),
        "/claims?limit=100".to_string(),
        "/outlets?limit=100".to_string(),
    ];
    let (_, v) = get_json(&f.app, "/api/stories?limit=100").await;
    for s in v["stories"].as_array().unwrap() {
        pages.push(format!("/stories/{}?limit=100", s["id"]));
    }
    for p in PAYLOADS {
        pages.push(format!("/positions/{}", parley_serve::links::encode(p)));
    }
    for uri in &pages {
        let (status, _, html) = get(&f.app, uri).await;
        assert!(
            status == StatusCode::OK
                || status == StatusCode::NOT_FOUND
                || status == StatusCode::BAD_REQUEST,
            "{uri}: {status}"
        );
        assert_no_unescaped_payload(uri, &html);
    }
    // The hostile outlet names are there, escaped.
    let (_, _, html) = get(&f.app, "/outlets?limit=100").await;
    assert!(
        html.contains("Outlet &lt;script&gt;"),
        "outlet names not shown escaped"
    );
}

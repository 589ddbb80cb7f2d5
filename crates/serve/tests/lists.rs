//! The list routes over a real store (see `common`): quotes by speaker, events by actor, code
//! and date, actor pages; their bad parameters, their links to spans, and the XSS corpus.

mod common;

use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn quotes_by_speaker_id_or_name_are_paged_with_a_total() {
    let f = fixture();
    let (status, v) = get_json(&f.app, "/api/quotes?speaker=antony-blinken").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let total = v["total"].as_i64().unwrap();
    assert!(total >= 3, "{v}");
    let quotes = v["quotes"].as_array().unwrap();
    assert!(
        quotes.iter().all(|q| q["speaker"] == "Antony Blinken"),
        "{v}"
    );
    assert!(quotes
        .iter()
        .all(|q| q["article"]["id"] == f.seed_ids[0].as_str()));
    let (_, by_name) = get_json(&f.app, "/api/quotes?speaker=antony%20BLINKEN&limit=1").await;
    assert_eq!(by_name["total"].as_i64(), Some(total));
    assert_eq!(by_name["quotes"].as_array().unwrap().len(), 1);
    let (_, second) = get_json(
        &f.app,
        "/api/quotes?speaker=antony-blinken&offset=1&limit=1",
    )
    .await;
    assert_eq!(second["quotes"][0]["index"], quotes[1]["index"]);
    let (_, all) = get_json(&f.app, "/api/quotes?limit=100").await;
    assert!(all["total"].as_i64().unwrap() > total);
    let (_, nobody) = get_json(&f.app, "/api/quotes?speaker=nobody-at-all").await;
    assert_eq!(nobody["total"], 0);
}

#[tokio::test]
async fn events_filter_by_actor_code_and_dates() {
    let f = fixture();
    let (_, all) = get_json(&f.app, "/api/events?limit=100").await;
    let total = all["total"].as_i64().unwrap();
    assert!(total >= 6, "{all}");
    let (_, lavrov) = get_json(&f.app, "/api/events?actor=sergei-ryabkov").await;
    let events = lavrov["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{lavrov}");
    assert!(events
        .iter()
        .all(|e| e["source_id"] == "sergei-ryabkov" || e["target_id"] == "sergei-ryabkov"));
    let (_, consult) = get_json(&f.app, "/api/events?code=03&limit=100").await;
    let codes: Vec<&str> = consult["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c.starts_with("03")),
        "{codes:?}"
    );
    let (_, january) = get_json(
        &f.app,
        "/api/events?from=2022-01-10&to=2022-01-10&limit=100",
    )
    .await;
    let days: Vec<&str> = january["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(
        !days.is_empty() && days.iter().all(|d| *d == "2022-01-10"),
        "{days:?}"
    );
    assert!((january["total"].as_i64().unwrap()) < total);
}

#[tokio::test]
async fn actor_answers_quotes_and_events_over_time() {
    let f = fixture();
    let (status, v) = get_json(&f.app, "/api/actors/sergei-ryabkov").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["name"], "Sergei Ryabkov");
    assert!(v["quotes"]["total"].as_i64().unwrap() >= 2, "{v}");
    assert!(v["events"]["total"].as_i64().unwrap() >= 1, "{v}");
    let (_, unknown) = get_json(&f.app, "/api/actors/Nobody%20Known").await;
    assert_eq!(unknown["name"], serde_json::Value::Null);
    assert_eq!(unknown["quotes"]["total"], 0);
}

#[tokio::test]
async fn list_routes_reject_bad_parameters_with_json_errors() {
    let f = fixture();
    let long = "x".repeat(201);
    for uri in [
        "/api/quotes?limit=0".to_string(),
        "/api/quotes?limit=101".to_string(),
        "/api/quotes?offset=-1".to_string(),
        format!("/api/quotes?speaker={long}"),
        "/api/quotes?speaker=a%00b".to_string(),
        "/api/events?code=abc".to_string(),
        "/api/events?code=12345".to_string(),
        "/api/events?from=2022-13-40".to_string(),
        "/api/events?to=yesterday".to_string(),
        "/api/events?from=2022-02-01&to=2022-01-01".to_string(),
        "/api/events?limit=x".to_string(),
        format!("/api/actors/{long}"),
        "/api/actors/%20".to_string(),
        "/api/actors/a%0Ab".to_string(),
        "/api/actors/sergei-ryabkov?limit=1000".to_string(),
    ] {
        assert_json_error(&f.app, &uri, StatusCode::BAD_REQUEST).await;
    }
    let (_, v) = get_json(&f.app, "/api/events?from=2022-02-01&to=2022-01-01").await;
    assert!(v["error"].as_str().unwrap().contains("after"), "{v}");
    // The pages answer the same mistakes with an HTML error page and the same status.
    for uri in ["/quotes?limit=0", "/events?code=x", "/actors/%20"] {
        let (status, ctype, _) = get(&f.app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(ctype.starts_with("text/html"), "{uri}: {ctype}");
    }
}

#[tokio::test]
async fn every_quote_and_event_in_a_page_links_to_its_span_in_the_article() {
    let f = fixture();
    let (_, v) = get_json(&f.app, "/api/quotes?speaker=sergei-ryabkov").await;
    let first = &v["quotes"][0];
    let href = format!(
        "/articles/{}#q{}",
        first["article"]["id"].as_str().unwrap(),
        first["index"].as_i64().unwrap() + 1
    );
    for page in ["/quotes?speaker=sergei-ryabkov", "/actors/sergei-ryabkov"] {
        let (status, _, html) = get(&f.app, page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "{page} lacks {href}"
        );
    }
    // The article page has that anchor, marks the span's segments with its class, and has the
    // :target rule that lights them up.
    let (path, fragment) = href.split_once('#').unwrap();
    let (_, _, article) = get(&f.app, path).await;
    assert!(
        article.contains(&format!("id=\"{fragment}\"")),
        "no anchor {fragment}"
    );
    assert!(
        article.contains(&format!("a-{fragment}")),
        "no segment class for {fragment}"
    );
    assert!(article.contains(&format!("#{fragment}:target~mark.a-{fragment}{{")));

    let (_, ev) = get_json(&f.app, "/api/events?actor=sergei-ryabkov").await;
    let e = &ev["events"][0];
    let href = format!(
        "/articles/{}#v{}",
        e["article"]["id"].as_str().unwrap(),
        e["index"].as_i64().unwrap() + 1
    );
    let (_, _, html) = get(&f.app, "/events?actor=sergei-ryabkov").await;
    assert!(
        html.contains(&format!("href=\"{href}\"")),
        "events page lacks {href}"
    );
    let (_, _, article) = get(&f.app, href.split_once('#').unwrap().0).await;
    let v_id = href.split_once('#').unwrap().1;
    assert!(article.contains(&format!("id=\"{v_id}\"")));
}

#[tokio::test]
async fn list_pages_link_speakers_to_actor_pages_and_keep_filters_when_paging() {
    let f = fixture();
    let (_, _, html) = get(&f.app, "/quotes?limit=1").await;
    assert!(html.contains("href=\"/actors/"), "no actor link");
    assert!(
        html.contains("rel=\"next\" href=\"/quotes?offset=1&amp;limit=1\""),
        "{html}"
    );
    let (_, _, html) = get(&f.app, "/events?code=0&from=2020-01-01&limit=1").await;
    assert!(
        html.contains("href=\"/events?code=0&amp;from=2020-01-01&amp;offset=1&amp;limit=1\""),
        "filters lost in paging"
    );
    let (_, _, html) = get(&f.app, "/actors/Sergei%20Ryabkov").await;
    assert!(html.contains("<h1>Sergei Ryabkov</h1>"));
    assert!(html.contains("Over time"));
}

#[tokio::test]
async fn hostile_speaker_and_party_names_are_escaped_in_lists_and_actor_pages() {
    let f = fixture();
    let (_, v) = get_json(
        &f.app,
        "/api/quotes?speaker=%3Cscript%3Ealert('xss')%3C%2Fscript%3E",
    )
    .await;
    assert!(
        v["total"].as_i64().unwrap() >= 1,
        "the hostile speaker was not stored: {v}"
    );
    assert_eq!(v["quotes"][0]["article"]["id"], f.hostile_names_id.as_str());
    let mut pages = vec![
        "/quotes?limit=100".to_string(),
        "/events?limit=100".to_string(),
        format!("/articles/{}", f.hostile_names_id),
    ];
    for p in PAYLOADS {
        let key = parley_serve::links::encode(p);
        pages.push(format!("/actors/{key}"));
        pages.push(format!("/quotes?speaker={key}"));
        pages.push(format!("/events?actor={key}"));
    }
    for uri in &pages {
        let (status, _, html) = get(&f.app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_no_unescaped_payload(uri, &html);
    }
    let (_, _, html) = get(
        &f.app,
        &format!("/actors/{}", parley_serve::links::encode(PAYLOADS[0])),
    )
    .await;
    assert!(
        html.contains("<h1>&lt;script&gt;alert("),
        "the name is shown, escaped"
    );
    assert!(
        html.contains("href=\"/actors/%3Cscript%3E"),
        "links encode the name"
    );
}

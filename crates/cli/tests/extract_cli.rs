//! `parley extract` and web formats through `parley analyze`.

use std::process::Command;

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

const PAGE: &str = "<!doctype html><html lang=\"en\"><head><title>Talks end without a deal | Daily Wire Service</title>\
<meta property=\"og:site_name\" content=\"Daily Wire Service\">\
<meta property=\"article:published_time\" content=\"2022-01-10T10:00:00Z\"></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav><article><h1>Talks end without a deal</h1>\
<p>Russian and US officials met in Geneva on Monday for talks on security guarantees that lasted most of the day.</p>\
<p>“The talks were professional and candid,” Deputy Secretary of State Wendy Sherman told reporters after the meeting.</p>\
<p>Another round of talks is expected in Brussels later this week, officials said after the meeting ended.</p>\
</article><footer>Copyright Daily Wire Service. All rights reserved.</footer></body></html>";

#[test]
fn extract_prints_one_json_line_per_article_and_analyze_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("talks.html");
    std::fs::write(&page, PAGE).unwrap();
    let out = parley().arg("extract").arg(&page).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["published"], "2022-01-10");
    assert_eq!(line["published_from"], "metadata");
    assert!(line["body"]
        .as_str()
        .unwrap()
        .contains("professional and candid"));
    assert!(!line["body"].as_str().unwrap().contains("Copyright"));
    for key in [
        "source_file",
        "url",
        "title",
        "author",
        "site_name",
        "language",
    ] {
        assert!(line.get(key).is_some(), "missing {key}");
    }

    let jsonl = dir.path().join("extracted.jsonl");
    std::fs::write(&jsonl, &out.stdout).unwrap();
    for input in [&page, &jsonl] {
        let out = parley().arg("analyze").arg(input).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: parley_core::Report = serde_json::from_slice(&out.stdout).unwrap();
        let doc = &report.documents[0];
        assert!(doc.text.contains("professional and candid"));
        assert!(doc.check_spans().is_empty(), "{:?}", doc.check_spans());
        assert!(doc
            .analysis
            .quotes
            .iter()
            .any(|q| q.span.text.contains("professional and candid")));
    }
}

#[test]
fn a_page_without_text_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.html"), PAGE).unwrap();
    let out = parley().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.html: "), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

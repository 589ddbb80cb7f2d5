use super::*;
use flate2::{write::GzEncoder, Compression};
use std::io::Write;

const PAGE: &str = "<html><head><meta property=\"article:published_time\" content=\"2022-01-10\"></head><body><article>\
<p>Diplomats from both countries met in Geneva on Monday for talks that lasted nearly eight hours, officials said.</p>\
<p>The next round is planned for Wednesday in Brussels, with NATO members, and on Thursday in Vienna.</p></article></body></html>";

fn record(kind: &str, id: u32, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: https://news.example/{id}\r\nWARC-Date: {date}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(id: u32, status: &str, content_type: &str, body: &str, date: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}");
    record("response", id, date, http.as_bytes())
}

fn sample_records() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", 0, "2022-01-12T00:00:00Z", b"software: test"),
        record(
            "request",
            1,
            "2022-01-12T00:00:00Z",
            b"GET / HTTP/1.1\r\n\r\n",
        ),
        response(
            2,
            "200 OK",
            "text/html; charset=utf-8",
            PAGE,
            "2022-01-12T00:00:00Z",
        ),
        response(
            3,
            "404 Not Found",
            "text/html",
            "<html><body>missing</body></html>",
            "2022-01-12T00:00:00Z",
        ),
        response(
            4,
            "200 OK",
            "image/jpeg",
            "\u{1}\u{2}",
            "2022-01-12T00:00:00Z",
        ),
        // Fetched before the date its metadata claims: that date is rejected.
        response(5, "200 OK", "text/html", PAGE, "2022-01-05T00:00:00Z"),
    ]
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(r).unwrap();
        out.extend(e.finish().unwrap());
    }
    out
}

#[test]
fn responses_become_articles_and_the_rest_is_counted() {
    let plain: Vec<u8> = sample_records().concat();
    let mut reader = read(&plain[..]);
    let items: Vec<_> = reader.by_ref().collect();
    assert_eq!(items.len(), 2);
    let first = items[0].as_ref().unwrap();
    assert_eq!(first.url.as_deref(), Some("https://news.example/2"));
    assert_eq!(first.record_id, "urn:uuid:2");
    assert_eq!(
        first.article.published,
        NaiveDate::from_ymd_opt(2022, 1, 10)
    );
    assert!(first.article.body.starts_with("Diplomats"));
    let s = reader.stats();
    assert_eq!((s.records, s.responses, s.articles), (6, 4, 2));
    assert_eq!(
        (s.skipped_not_response, s.skipped_status, s.skipped_not_html),
        (2, 1, 1)
    );
}

#[test]
fn warc_date_is_an_upper_bound_for_the_publication_date() {
    let plain: Vec<u8> = sample_records().concat();
    let items: Vec<_> = read(&plain[..]).collect();
    let late = items[1].as_ref().unwrap();
    assert_eq!(late.fetched, NaiveDate::from_ymd_opt(2022, 1, 5));
    assert_eq!(
        late.article.published, None,
        "a date after the fetch is not believed"
    );
}

#[test]
fn gzip_member_per_record_is_read() {
    let gz = gzip_members(&sample_records());
    assert!(looks_like_warc(&gz));
    let items: Vec<_> = read(&gz[..]).collect();
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 2);
}

#[test]
fn a_corrupt_record_is_one_error_and_the_rest_comes_out() {
    let mut recs = sample_records();
    recs.insert(
        2,
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: not-a-number\r\n\r\ngarbage\r\n\r\n"
            .to_vec(),
    );
    let plain: Vec<u8> = recs.concat();
    let items: Vec<_> = read(&plain[..]).collect();
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 2);
    assert!(matches!(items[0], Err(WarcError::Corrupt { .. })));
}

#[test]
fn a_corrupt_gzip_member_is_one_error_and_the_rest_comes_out() {
    let recs = sample_records();
    let mut gz = gzip_members(&recs[..2]);
    let mut bad = gzip_members(&recs[2..3]);
    let mid = bad.len() / 2;
    for b in &mut bad[12..mid] {
        *b ^= 0x5a;
    }
    gz.extend(bad);
    gz.extend(gzip_members(&recs[5..6]));
    let items: Vec<_> = read(&gz[..]).collect();
    assert!(items.iter().any(|i| matches!(
        i,
        Err(WarcError::Gzip { .. }) | Err(WarcError::Corrupt { .. })
    )));
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 1, "{items:?}");
}

#[test]
fn a_truncated_file_ends_with_an_error() {
    let plain: Vec<u8> = sample_records().concat();
    let cut = &plain[..plain.len() - 300];
    let items: Vec<_> = read(cut).collect();
    assert!(items.last().unwrap().is_err());
    let gz = gzip_members(&sample_records());
    let items: Vec<_> = read(&gz[..gz.len() - 20]).collect();
    assert!(items.last().unwrap().is_err());
}

#[test]
fn garbage_does_not_panic() {
    let mut state: u32 = 7;
    let junk: Vec<u8> = (0..5000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect();
    let _ = read(&junk[..]).count();
    let mut w = b"WARC/1.0\r\n".to_vec();
    w.extend_from_slice(&junk);
    let _ = read(&w[..]).count();
    let mut g = vec![0x1f, 0x8b, 0x08];
    g.extend_from_slice(&junk);
    let _ = read(&g[..]).count();
}

use super::*;

const ARTICLE: &str = r##"<!doctype html><html lang="en-GB"><head>
<meta charset="utf-8"><title>Talks begin in Geneva | Daily News</title>
<meta property="og:site_name" content="Daily News">
<meta property="article:published_time" content="2022-01-10T08:00:00Z">
<meta name="author" content="Ann Lee">
<link rel="canonical" href="https://daily.example/2022/01/10/talks">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="share-buttons"><a href="#">Share on Twitter</a></div>
<article><h1>Talks begin in Geneva</h1>
<p>Russian and American diplomats met in Geneva on Monday, the first of three rounds of talks this week.</p>
<p>Deputy foreign minister Sergei Ryabkov said the talks were "difficult, but businesslike", and that Moscow wanted guarantees.</p>
<h2>What comes next</h2>
<p>NATO and Russia meet in Brussels on Wednesday, and the OSCE in Vienna on Thursday, officials said.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
<footer>Copyright Daily News 2022</footer>
</body></html>"##;

#[test]
fn article_text_is_kept_and_furniture_dropped() {
    let p = extract(ARTICLE.as_bytes(), None, None).unwrap();
    assert!(
        p.body.starts_with("Russian and American diplomats"),
        "{}",
        p.body
    );
    assert!(p.body.contains("\n\nWhat comes next\n\n"));
    for furniture in ["Home", "Share on Twitter", "Other story", "Copyright"] {
        assert!(
            !p.body.contains(furniture),
            "{furniture} leaked: {}",
            p.body
        );
    }
}

#[test]
fn metadata_is_resolved() {
    let p = extract(ARTICLE.as_bytes(), None, None).unwrap();
    assert_eq!(p.title.as_deref(), Some("Talks begin in Geneva"));
    assert_eq!(p.site_name.as_deref(), Some("Daily News"));
    assert_eq!(p.authors, vec!["Ann Lee"]);
    assert_eq!(p.language.as_deref(), Some("en"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://daily.example/2022/01/10/talks")
    );
    assert_eq!(p.published, NaiveDate::from_ymd_opt(2022, 1, 10));
    assert_eq!(p.published_from, DateSource::Metadata);
}

#[test]
fn into_article_carries_the_metadata() {
    let a = extract(ARTICLE.as_bytes(), None, None)
        .unwrap()
        .into_article();
    assert_eq!(a.outlet.as_deref(), Some("Daily News"));
    assert_eq!(a.id, parley_core::article_id(&a.body));
}

#[test]
fn no_date_is_invented() {
    let page = "<html><body><article><p>Talks went on for a long time today in the city, officials said, without result.</p></article></body></html>";
    let p = extract(page.as_bytes(), None, None).unwrap();
    assert_eq!(p.published, None);
    assert_eq!(p.published_from, DateSource::None);
}

#[test]
fn a_page_without_body_text_is_an_error() {
    assert!(matches!(
        extract(
            b"<html><head><title>x</title></head><body></body></html>",
            None,
            None
        ),
        Err(HtmlError::NoMainText)
    ));
    assert!(matches!(extract(b"   ", None, None), Err(HtmlError::Empty)));
}

#[test]
fn a_page_without_body_text_still_gives_its_metadata_through_extract_page() {
    let page = br#"<html><head><title>Loft closes</title>
        <meta property="article:published_time" content="2020-03-11T20:07:04+00:00">
        </head><body><div id="app"></div></body></html>"#;
    let p = extract_page(page, &Options::default()).unwrap();
    assert!(p.body.is_empty());
    assert_eq!(p.published, chrono::NaiveDate::from_ymd_opt(2020, 3, 11));
    assert_eq!(p.title.as_deref(), Some("Loft closes"));
}

#[test]
fn garbage_bytes_do_not_panic() {
    let mut state: u32 = 12345;
    for len in [1usize, 7, 100, 1000, 10_000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (state >> 16) as u8
            })
            .collect();
        let _ = extract(&bytes, Some("not a url"), Some("no-such-charset"));
        let mut tagged = b"<html><body><p>".to_vec();
        tagged.extend_from_slice(&bytes);
        let _ = extract(&tagged, None, None);
    }
    let deep = "<div>".repeat(5000) + "text" + &"</div>".repeat(5000);
    let _ = extract(deep.as_bytes(), None, None);
}

#[test]
fn wrong_declared_charset_still_reads_the_text() {
    let mut page = b"<html><head><meta charset=\"utf-8\"></head><body><p>Le ministre fran".to_vec();
    page.push(0xE7);
    page.extend_from_slice(b"ais a parl\xE9 longuement avec ses homologues, a-t-il d\xE9clar\xE9 lundi.</p></body></html>");
    let p = extract(&page, None, None).unwrap();
    assert!(p.body.contains("français a parlé"), "{}", p.body);
}

#[test]
fn gzip_pages_are_read_and_truncated_gzip_is_an_error() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(ARTICLE.as_bytes()).unwrap();
    let gz = enc.finish().unwrap();
    assert!(maybe_gunzip(&gz).unwrap().starts_with(b"<!doctype"));
    assert!(matches!(
        maybe_gunzip(&gz[..gz.len() / 2]),
        Err(HtmlError::Gzip(_))
    ));
}

#[test]
fn sniffing_recognises_html() {
    assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
    assert!(looks_like_html(b"<div><p>hi</p></div>"));
    assert!(!looks_like_html(b"Talks begin\n\nBody"));
    assert!(!looks_like_html(b"<?xml version=\"1.0\"?><rss>"));
}

#[test]
fn a_large_page_is_handled() {
    let para = "<p>Delegations met again today and said that progress was slow, but that they would continue.</p>\n";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(50 * 1024 * 1024 / para.len() + 1)
    );
    assert!(page.len() >= 50 * 1024 * 1024);
    let p = extract(page.as_bytes(), None, None).unwrap();
    assert!(p.body.len() > 40 * 1024 * 1024);
}

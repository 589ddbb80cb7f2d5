//! Adapts the web formats (HTML pages, feeds, WARC archives) to [`SourcedArticle`]s, with
//! the item names and errors the rest of ingest uses.

use crate::{IngestError, ReadResult, SourcedArticle};
use std::io::Read;
use std::sync::mpsc::Sender;

/// One HTML page (`.html`, `.html.gz`, or sniffed) as an article.
pub fn read_html(name: &str, bytes: &[u8]) -> ReadResult {
    let page = crate::html::maybe_gunzip(bytes)
        .and_then(|b| crate::html::extract(&b, None, None))
        .map_err(|e| IngestError::new(name, e.to_string()))?;
    let authors = page.authors.clone();
    Ok(SourcedArticle {
        authors,
        ..SourcedArticle::new(name, page.into_article())
    })
}

/// Every entry of a feed; entry N is item `name:N`.
pub fn read_feed(name: &str, bytes: &[u8]) -> Vec<ReadResult> {
    let entries = match crate::feed::read(bytes) {
        Ok(entries) => entries,
        Err(e) => return vec![Err(IngestError::new(name, e.to_string()))],
    };
    if entries.is_empty() {
        return vec![Err(IngestError::new(name, "the feed has no entries"))];
    }
    entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let item = format!("{name}:{}", i + 1);
            let entry = entry.map_err(|e| IngestError::new(&item, e.to_string()))?;
            Ok(SourcedArticle {
                source_id: Some(entry.entry_id),
                authors: entry.authors,
                ..SourcedArticle::new(item, entry.article)
            })
        })
        .collect()
}

/// Streams the articles of a WARC file; the Nth article or failure is item `name:N`. When the
/// file is done, a line of counts (records read, skipped as not responses, non-200, not HTML)
/// goes to `notes`.
pub fn read_warc(
    name: String,
    reader: impl Read + 'static,
    notes: Option<Sender<String>>,
) -> impl Iterator<Item = ReadResult> {
    let mut records = crate::warc::read(reader);
    let mut n = 0usize;
    let mut finished = false;
    std::iter::from_fn(move || {
        if finished {
            return None;
        }
        let Some(next) = records.next() else {
            finished = true;
            if let Some(notes) = &notes {
                let s = records.stats();
                let _ = notes.send(format!(
                    "{name}: {} records, {} articles; skipped {} not responses, {} not status 200, {} not HTML; {} errors",
                    s.records, s.articles, s.skipped_not_response, s.skipped_status, s.skipped_not_html, s.errors
                ));
            }
            return None;
        };
        n += 1;
        let item = format!("{name}:{n}");
        Some(match next {
            Ok(w) => Ok(SourcedArticle {
                source_id: Some(w.record_id),
                authors: w.authors,
                ..SourcedArticle::new(item, w.article)
            }),
            Err(e) => Err(IngestError::new(item, e.to_string())),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head><title>Talks end | Daily</title>\
        <meta property=\"article:published_time\" content=\"2022-01-10T10:00:00Z\"></head><body>\
        <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Talks end</h1>\
        <p>Russian and US officials met in Geneva on Monday for talks on security guarantees that lasted most of the day.</p>\
        <p>Both sides described the meeting as professional and candid, but no agreement was reached on the main questions.</p>\
        <p>Another round of talks is expected in Brussels later this week, officials said after the meeting ended.</p>\
        </article><footer>Copyright Daily</footer></body></html>";

    #[test]
    fn html_page_becomes_an_article_named_by_its_file() {
        let a = read_html("page.html", PAGE.as_bytes()).unwrap();
        assert_eq!(a.source, "page.html");
        assert!(
            a.article.body.contains("professional and candid"),
            "{}",
            a.article.body
        );
        assert!(!a.article.body.contains("Copyright"), "{}", a.article.body);
    }

    #[test]
    fn page_without_text_is_an_error_naming_it() {
        let err = read_html("empty.html", b"<html><body></body></html>").unwrap_err();
        assert_eq!(err.item, "empty.html");
    }

    #[test]
    fn something_that_is_not_a_feed_is_one_error_naming_the_file() {
        let out = read_feed("f.xml", b"this is not a feed at all");
        assert_eq!(out.len(), 1);
        let err = out[0].as_ref().unwrap_err();
        assert_eq!(err.item, "f.xml");
        assert!(err.reason.contains("not a feed"), "{err}");
    }

    #[test]
    fn feed_entries_are_numbered_items_of_the_file() {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
            <item><guid>a1</guid><title>Talks resume</title><description>Russian and US negotiators met again in Geneva on Monday to resume talks on security.</description></item>\
            <item><guid>a2</guid><title>Talks end</title><description>The talks in Geneva ended on Tuesday without an agreement, both delegations said.</description></item>\
            </channel></rss>";
        let out = read_feed("wire.rss", rss.as_bytes());
        let items: Vec<&str> = out
            .iter()
            .map(|r| r.as_ref().unwrap().source.as_str())
            .collect();
        assert_eq!(items, vec!["wire.rss:1", "wire.rss:2"]);
        assert_eq!(out[0].as_ref().unwrap().source_id.as_deref(), Some("a1"));
    }

    #[test]
    fn warc_counts_go_to_the_notes() {
        let (tx, rx) = std::sync::mpsc::channel();
        let out: Vec<ReadResult> = read_warc("a.warc".into(), std::io::empty(), Some(tx)).collect();
        assert!(out.is_empty());
        assert!(rx.recv().unwrap().starts_with("a.warc: 0 records"));
    }
}

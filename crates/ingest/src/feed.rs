//! RSS 0.9x/1.0/2.0, Atom and JSON Feed → articles, with feed-rs.
//!
//! Each entry becomes one [`FeedEntry`]: title, link, authors, the entry's date (published,
//! else updated) as [`DateSource::Metadata`], and a body from the entry's full content, else its
//! summary. HTML content goes through the HTML path: a whole page through [`html::extract`], a
//! fragment through [`html::fragment_text`]. An entry without text is an error for that entry
//! only. When the feed as a whole is not well-formed, every `<item>`/`<entry>` is parsed on its
//! own so that one broken entry does not lose the others.

use crate::html;
use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Text};
use parley_core::{article_id, Article, DateSource};
use thiserror::Error;

/// Why a feed, or one entry of it, gave no article.
#[derive(Debug, Error)]
pub enum FeedError {
    #[error("not a feed that could be read (RSS, Atom or JSON Feed expected): {0}")]
    Parse(String),
    #[error("entry {index} ({id}) has no text in its content or summary")]
    EmptyEntry { index: usize, id: String },
    #[error("entry {index} could not be parsed: {reason}")]
    BrokenEntry { index: usize, reason: String },
}

/// One feed entry as an article, with what the article type does not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEntry {
    pub article: Article,
    /// The entry's id (GUID).
    pub entry_id: String,
    pub authors: Vec<String>,
    /// True when the body came from the entry's full content (not only its summary).
    pub full_content: bool,
}

/// True when the bytes look like an RSS, Atom or RDF feed, or a JSON Feed.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        return t.contains("jsonfeed.org/version");
    }
    t.starts_with('<')
        && (t.contains("<rss")
            || t.contains("<feed")
            || t.contains("<rdf:rdf")
            || t.contains("<channel"))
}

/// Reads a feed: one result per entry, or an error when nothing in it is a feed.
pub fn read(bytes: &[u8]) -> Result<Vec<Result<FeedEntry, FeedError>>, FeedError> {
    match feed_rs::parser::parse(bytes) {
        Ok(feed) => Ok(entries_of(&feed)),
        Err(whole) => {
            let items = split_items(bytes);
            if items.is_empty() {
                return Err(FeedError::Parse(whole.to_string()));
            }
            Ok(items
                .into_iter()
                .enumerate()
                .map(
                    |(index, item)| match feed_rs::parser::parse(item.as_bytes()) {
                        Ok(feed) => entries_of(&feed).into_iter().next().unwrap_or(Err(
                            FeedError::BrokenEntry {
                                index,
                                reason: "no entry found".into(),
                            },
                        )),
                        Err(e) => Err(FeedError::BrokenEntry {
                            index,
                            reason: e.to_string(),
                        }),
                    },
                )
                .collect())
        }
    }
}

fn entries_of(feed: &Feed) -> Vec<Result<FeedEntry, FeedError>> {
    let outlet = feed
        .title
        .as_ref()
        .map(plain_text)
        .filter(|t| !t.is_empty());
    let language = feed.language.as_deref().and_then(language_code);
    feed.entries
        .iter()
        .enumerate()
        .map(|(index, e)| entry_to_article(index, e, outlet.as_deref(), language.as_deref()))
        .collect()
}

/// Wraps every `<item>…</item>` / `<entry>…</entry>` of a broken feed in its own envelope.
fn split_items(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for (open, close, wrap_open, wrap_close) in [
        (
            "<item",
            "</item>",
            "<rss version=\"2.0\"><channel><title>x</title>",
            "</channel></rss>",
        ),
        (
            "<entry",
            "</entry>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "</feed>",
        ),
    ] {
        let mut from = 0;
        while let Some(start) = lower[from..].find(open).map(|i| i + from) {
            let after = lower.as_bytes().get(start + open.len()).copied();
            if !matches!(after, Some(b'>' | b' ' | b'\n' | b'\r' | b'\t')) {
                from = start + open.len();
                continue;
            }
            let Some(end) = lower[start..].find(close).map(|i| i + start + close.len()) else {
                break;
            };
            out.push(format!("{wrap_open}{}{wrap_close}", &text[start..end]));
            from = end;
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn plain_text(t: &Text) -> String {
    if t.content_type.to_string().contains("html") || t.content.contains('<') {
        html::fragment_text(&t.content).replace("\n\n", " ")
    } else {
        t.content.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn language_code(raw: &str) -> Option<String> {
    let code: String = raw
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    (code.len() == 2 || code.len() == 3).then_some(code)
}

fn body_of(html_or_text: &str, is_html: bool, link: Option<&str>) -> String {
    if !is_html && !html_or_text.contains('<') {
        return html_or_text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    if html::looks_like_html(html_or_text.as_bytes())
        && html_or_text.to_ascii_lowercase().contains("<body")
    {
        if let Ok(page) = html::extract(html_or_text.as_bytes(), link, Some("utf-8")) {
            return page.body;
        }
    }
    html::fragment_text(html_or_text)
}

fn entry_to_article(
    index: usize,
    e: &Entry,
    outlet: Option<&str>,
    feed_language: Option<&str>,
) -> Result<FeedEntry, FeedError> {
    let link = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .map(|l| l.href.clone());
    let content = e.content.as_ref().and_then(|c| {
        c.body
            .as_ref()
            .map(|b| (b, c.content_type.to_string().contains("html")))
    });
    let (body, full_content) = match content {
        Some((b, is_html)) if !b.trim().is_empty() => (body_of(b, is_html, link.as_deref()), true),
        _ => match &e.summary {
            Some(s) => (
                body_of(
                    &s.content,
                    s.content_type.to_string().contains("html"),
                    link.as_deref(),
                ),
                false,
            ),
            None => (String::new(), false),
        },
    };
    if body.trim().is_empty() {
        return Err(FeedError::EmptyEntry {
            index,
            id: e.id.clone(),
        });
    }
    let date: Option<DateTime<Utc>> = e.published.or(e.updated);
    let authors: Vec<String> = e
        .authors
        .iter()
        .filter_map(|p| p.name.clone())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let article = Article {
        id: article_id(&body),
        url: link,
        outlet: outlet.map(str::to_string),
        title: e.title.as_ref().map(plain_text).unwrap_or_default(),
        published: date.map(|d| d.date_naive()),
        published_from: if date.is_some() {
            DateSource::Metadata
        } else {
            DateSource::None
        },
        language: e
            .language
            .as_deref()
            .and_then(language_code)
            .or(feed_language.map(str::to_string)),
        body,
    };
    Ok(FeedEntry {
        article,
        entry_id: e.id.clone(),
        authors,
        full_content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Daily News</title><language>en-us</language>
<item><title>Talks begin</title><link>https://daily.example/talks</link><guid>a1</guid>
<pubDate>Mon, 10 Jan 2022 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Diplomats met in Geneva.&lt;/p&gt;&lt;p&gt;More talks follow.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>a2</guid></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles_with_dates_and_links() {
        let entries = read(RSS.as_bytes()).unwrap();
        let first = entries[0].as_ref().unwrap();
        assert_eq!(first.article.title, "Talks begin");
        assert_eq!(
            first.article.body,
            "Diplomats met in Geneva.\n\nMore talks follow."
        );
        assert_eq!(
            first.article.url.as_deref(),
            Some("https://daily.example/talks")
        );
        assert_eq!(
            first.article.published,
            chrono::NaiveDate::from_ymd_opt(2022, 1, 10)
        );
        assert_eq!(first.article.published_from, DateSource::Metadata);
        assert_eq!(first.article.outlet.as_deref(), Some("Daily News"));
        assert_eq!(first.article.language.as_deref(), Some("en"));
    }

    #[test]
    fn an_entry_without_text_is_an_error_for_that_entry_only() {
        let entries = read(RSS.as_bytes()).unwrap();
        assert_eq!(entries.len(), 2);
        assert!(matches!(
            entries[1],
            Err(FeedError::EmptyEntry { index: 1, .. })
        ));
    }

    #[test]
    fn atom_full_content_goes_through_the_html_path() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>f</id><updated>2022-01-10T00:00:00Z</updated>
<entry><id>e1</id><title>Talks</title><updated>2022-01-11T00:00:00Z</updated><published>2022-01-10T09:00:00Z</published>
<author><name>Ann Lee</name></author><link href="https://x.example/a"/>
<content type="html">&lt;p&gt;First paragraph.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry></feed>"#;
        let e = read(atom.as_bytes()).unwrap().remove(0).unwrap();
        assert_eq!(e.article.body, "First paragraph.\n\nSecond.");
        assert_eq!(e.authors, vec!["Ann Lee"]);
        assert!(e.full_content);
        assert_eq!(
            e.article.published,
            chrono::NaiveDate::from_ymd_opt(2022, 1, 10)
        );
    }

    #[test]
    fn a_broken_entry_does_not_lose_the_others() {
        let broken = r#"<rss version="2.0"><channel><title>T</title>
<item><title>Good</title><description>Fine text.</description></item>
<item><title>Bad & broken <b></title><description>x</item>
<item><title>Also good</title><description>More text.</description></item>
</channel></rss>"#;
        let entries = read(broken.as_bytes()).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].as_ref().unwrap().article.title, "Good");
        assert!(entries[1].is_err());
        assert_eq!(entries[2].as_ref().unwrap().article.title, "Also good");
    }

    #[test]
    fn json_feed_is_read() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","title":"Hello","content_text":"Plain body text.","date_published":"2022-01-10T10:00:00Z"}]}"#;
        assert!(looks_like_feed(json.as_bytes()));
        let e = read(json.as_bytes()).unwrap().remove(0).unwrap();
        assert_eq!(e.article.body, "Plain body text.");
    }

    #[test]
    fn not_a_feed_is_an_error() {
        assert!(read(b"hello world").is_err());
        assert!(!looks_like_feed(b"<html><body>x</body></html>"));
        assert!(looks_like_feed(RSS.as_bytes()));
    }

    #[test]
    fn garbage_does_not_panic() {
        for junk in [
            &b"<rss><item>"[..],
            b"<feed><entry><entry>",
            b"\xff\xfe<rss",
            b"{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{}]}",
        ] {
            let _ = read(junk);
        }
    }
}

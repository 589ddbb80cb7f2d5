//! The article: one piece of news coverage with its metadata.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Where an article's publication date came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Structured metadata: a JSON Lines field, JSON-LD, a `<meta>` tag, a feed entry.
    Metadata,
    /// A date pattern in the article's URL.
    Url,
    /// A date found in the visible text.
    Text,
    /// Given by the user (`--published`).
    User,
    /// No date is known.
    #[default]
    None,
}

/// One article: the body that every span points into, and what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable hash of the normalised body: the same text read twice gets the same id.
    pub id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    /// ISO 639-1 code when known.
    pub language: Option<String>,
    pub body: String,
}

impl Article {
    /// An article with its id computed from the body and no other metadata.
    pub fn new(title: impl Into<String>, body: impl Into<String>) -> Self {
        let body = body.into();
        Article {
            id: article_id(&body),
            url: None,
            outlet: None,
            title: title.into(),
            published: None,
            published_from: DateSource::None,
            language: None,
            body,
        }
    }

    /// Sets the publication date with its provenance.
    pub fn with_published(mut self, date: NaiveDate, from: DateSource) -> Self {
        self.published = Some(date);
        self.published_from = from;
        self
    }
}

/// The id of a body: the first 16 hex digits of SHA-256 over its normalised form.
///
/// Normalisation (Unicode NFKC, every run of whitespace made one space, trimmed) makes the id
/// survive re-wrapping, trailing blanks and CRLF line ends, which differ between copies of the
/// same article.
pub fn article_id(body: &str) -> String {
    let mut hasher = Sha256::new();
    let mut pending_space = false;
    let mut started = false;
    let mut buf = [0u8; 4];
    for c in body.nfkc() {
        if c.is_whitespace() {
            pending_space = started;
            continue;
        }
        if pending_space {
            hasher.update(b" ");
            pending_space = false;
        }
        started = true;
        hasher.update(c.encode_utf8(&mut buf).as_bytes());
    }
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable_for_the_same_body() {
        assert_eq!(article_id("Talks begin."), article_id("Talks begin."));
        assert_eq!(article_id("Talks begin.").len(), 16);
    }

    #[test]
    fn id_ignores_whitespace_differences() {
        assert_eq!(
            article_id("Talks  begin.\r\n\r\nMore."),
            article_id("  Talks begin.\n\nMore.\n")
        );
    }

    #[test]
    fn id_follows_compatibility_normalisation() {
        // U+FB01 (ﬁ ligature) and a no-break space normalise to "fi" and a space.
        assert_eq!(article_id("ﬁnal\u{a0}talks"), article_id("final talks"));
    }

    #[test]
    fn id_differs_for_different_bodies() {
        assert_ne!(article_id("Talks begin."), article_id("Talks end."));
    }

    #[test]
    fn new_article_has_no_date() {
        let a = Article::new("T", "B");
        assert_eq!(a.published_from, DateSource::None);
        assert_eq!(a.id, article_id("B"));
    }
}

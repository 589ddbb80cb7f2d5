//! Plain-text articles: the first non-empty line is the headline, the rest is the body.

use crate::{decode_utf8, IngestError, ReadResult, SourcedArticle};
use parley_core::Article;

/// Reads one plain-text article.
pub fn read(name: &str, bytes: &[u8]) -> ReadResult {
    let text = decode_utf8(bytes).map_err(|reason| IngestError::new(name, reason))?;
    let (title, body) = split_headline(text).map_err(|reason| IngestError::new(name, reason))?;
    Ok(SourcedArticle::new(name, Article::new(title, body)))
}

/// Splits text into its headline (first non-empty line) and body (the rest, trimmed).
pub fn split_headline(text: &str) -> Result<(&str, &str), String> {
    let text = text.trim_start();
    if text.is_empty() {
        return Err(
            "empty file: expected a headline on the first line and the article below it".into(),
        );
    }
    let (headline, rest) = text.split_once('\n').unwrap_or((text, ""));
    let body = rest.trim();
    if body.is_empty() {
        return Err("no body: the file has a headline line but no text below it".into());
    }
    Ok((headline.trim(), body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_line_is_the_headline() {
        let (title, body) =
            split_headline("\n\nTalks End\r\n\nFirst paragraph.\n\nSecond.\n").unwrap();
        assert_eq!(title, "Talks End");
        assert_eq!(body, "First paragraph.\n\nSecond.");
    }

    #[test]
    fn empty_file_is_an_error_naming_it() {
        let err = read("a.txt", b"  \n\n").unwrap_err();
        assert_eq!(err.item, "a.txt");
        assert!(err.reason.starts_with("empty file"), "{err}");
    }

    #[test]
    fn headline_without_body_is_an_error() {
        let err = read("a.txt", b"Just a headline\n").unwrap_err();
        assert!(err.reason.starts_with("no body"), "{err}");
    }

    #[test]
    fn article_id_comes_from_the_body() {
        let a = read("a.txt", "Headline\n\nBody “quoted”.".as_bytes()).unwrap();
        assert_eq!(a.article.title, "Headline");
        assert_eq!(a.article.id, parley_core::article_id("Body “quoted”."));
    }
}

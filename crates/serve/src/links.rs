//! Where the pages link to: an annotation's span in its article (a fragment the article page
//! gives that span, see [`crate::highlight`]), an actor's page, a filtered list.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters left as they are in a path segment or query value: letters, digits, `-_.~`.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `s` percent-encoded for a path segment or a query value.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, KEEP).to_string()
}

/// The article page scrolled to the quote at `index` in its quote list (`#q1` is index 0).
pub fn quote(article_id: &str, index: i64) -> String {
    format!("/articles/{}#q{}", encode(article_id), index + 1)
}

/// The article page scrolled to the evidence of the event at `index` (`#v1` is index 0).
pub fn event(article_id: &str, index: i64) -> String {
    format!("/articles/{}#v{}", encode(article_id), index + 1)
}

/// The article page with the span `start..end` marked `#h1` and scrolled to: for things that
/// know their span but not their place in the article's lists (timeline entries, positions).
pub fn span(article_id: &str, start: i64, end: i64) -> String {
    format!("/articles/{}?span={start}-{end}#h1", encode(article_id))
}

/// The page of an actor given by id or name.
pub fn actor(key: &str) -> String {
    format!("/actors/{}", encode(key))
}

/// The key an actor's page is found under: its id when known, else its name.
pub fn actor_key<'a>(id: Option<&'a str>, name: Option<&'a str>) -> Option<&'a str> {
    id.filter(|i| !i.is_empty())
        .or(name.filter(|n| !n.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_point_at_one_based_fragments() {
        assert_eq!(quote("abc", 0), "/articles/abc#q1");
        assert_eq!(event("abc", 4), "/articles/abc#v5");
        assert_eq!(span("abc", 3, 9), "/articles/abc?span=3-9#h1");
    }

    #[test]
    fn actor_links_encode_names_and_markup() {
        assert_eq!(actor("sergey-lavrov"), "/actors/sergey-lavrov");
        assert_eq!(actor("Sergey Lavrov"), "/actors/Sergey%20Lavrov");
        assert_eq!(actor("\"><x>/"), "/actors/%22%3E%3Cx%3E%2F");
    }

    #[test]
    fn actor_key_prefers_the_id() {
        assert_eq!(actor_key(Some("RUS"), Some("Russia")), Some("RUS"));
        assert_eq!(actor_key(None, Some("Russia")), Some("Russia"));
        assert_eq!(actor_key(Some(""), Some(" ")), None);
    }
}

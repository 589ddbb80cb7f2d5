//! Plain-text articles: the first non-empty line is the headline, the rest is the body — unless
//! that line reads as the article's first paragraph (a wire dateline opens it, or it is a long
//! sentence): then the article has no headline and the whole text is its body, so the lede is
//! analysed like the rest.

use crate::{decode_utf8, IngestError, ReadResult, SourcedArticle};
use parley_core::text::wire_dateline;
use parley_core::Article;

/// Reads one plain-text article.
pub fn read(name: &str, bytes: &[u8]) -> ReadResult {
    let text = decode_utf8(bytes).map_err(|reason| IngestError::new(name, reason))?;
    let (title, body) = split_headline(text).map_err(|reason| IngestError::new(name, reason))?;
    Ok(SourcedArticle::new(name, Article::new(title, body)))
}

/// Splits text into its headline (first non-empty line) and body (the rest, trimmed); an empty
/// headline when the first line is the lede (see [`reads_as_lede`]).
pub fn split_headline(text: &str) -> Result<(&str, &str), String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(
            "empty file: expected a headline on the first line and the article below it".into(),
        );
    }
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if reads_as_lede(first.trim()) {
        return Ok(("", text));
    }
    let body = rest.trim();
    if body.is_empty() {
        return Err("no body: the file has a headline line but no text below it".into());
    }
    Ok((first.trim(), body))
}

/// Words above which a first line is a paragraph whatever its end (headlines run 5–20 words).
const LEDE_WORDS: usize = 40;
/// Words above which a first line that ends like a sentence is a paragraph.
const SENTENCE_LEDE_WORDS: usize = 15;

/// True when a first line is the article's opening paragraph rather than a headline: it opens
/// with a wire dateline ("MANILA, March 14 (Reuters) - …", "WASHINGTON (AP) — …"), or it is
/// long, or it ends like a sentence and is longer than headlines run (headlines drop the
/// full stop).
fn reads_as_lede(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_as_sentence = line
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?']);
    wire_dateline(line).is_some()
        || words > LEDE_WORDS
        || (ends_as_sentence && words > SENTENCE_LEDE_WORDS)
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
    fn a_first_line_opening_with_a_wire_dateline_is_the_lede_not_a_headline() {
        for text in [
            "MANILA, March 14 (Reuters) - The Philippines summoned China's ambassador.\n\nMore.",
            "WASHINGTON (AP) — Talks resumed on Monday.\n\nMore.",
            "BEIJING/WASHINGTON, Oct 9 (AP) — China threatened to retaliate.\n\nMore.",
            "NEW YORK, June 2 -- The council met.",
        ] {
            let (title, body) = split_headline(text).unwrap();
            assert_eq!(title, "", "{text}");
            assert_eq!(body, text, "{text}");
        }
    }

    #[test]
    fn a_long_sentence_on_the_first_line_is_the_lede() {
        let text = "The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday for \
                    their first talks since the ceasefire, officials said.\n\nMore.";
        assert_eq!(split_headline(text).unwrap(), ("", text));
    }

    #[test]
    fn headlines_stay_headlines() {
        for headline in [
            "Pakistan accuses Afghan Taliban of sheltering militants after border clash",
            "Russia vetoes U.N. resolution on Sudan ceasefire; Britain calls move \"a disgrace\"",
            "UPDATE 2-Iran bars IAEA inspectors as Europeans warn of U.N. sanctions",
            "Upcoming Russia/US Security Talks",
            "U.S. says it will not send troops.",
            "NATO, EU leaders meet in Brussels",
        ] {
            let text = format!("{headline}\n\nBody.");
            assert_eq!(
                split_headline(&text).unwrap(),
                (headline, "Body."),
                "{headline}"
            );
        }
    }

    #[test]
    fn a_single_paragraph_file_is_all_body() {
        let text = "KYIV, May 2 (Reuters) - Ukraine said it shot down 20 drones overnight.";
        assert_eq!(split_headline(text).unwrap(), ("", text));
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

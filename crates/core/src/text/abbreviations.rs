//! The abbreviation and sentence-opener vocabularies, compiled in from `data/`.
//!
//! `data/abbreviations.txt` lists abbreviations that end with a period and whether they are
//! titles (never end a sentence) or may end one; `data/text/sentence_openers.txt` lists the
//! words after which such an abbreviation is taken to end its sentence.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const ABBREVIATIONS_FILE: &str = include_str!("../../../../data/abbreviations.txt");
const SENTENCE_OPENERS_FILE: &str = include_str!("../../../../data/text/sentence_openers.txt");

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Comes before a name ("Dr.", "Gen."): never ends a sentence.
    Title,
    /// May end a sentence ("U.S.", "Inc.", "Jan.").
    Other,
}

/// A line of a vocabulary file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyError {
    pub line: usize,
    pub reason: String,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, AbbreviationClass>> =
    LazyLock::new(|| parse_abbreviations(ABBREVIATIONS_FILE).unwrap_or_default());

static SENTENCE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    content_lines(SENTENCE_OPENERS_FILE)
        .map(|(_, l)| l)
        .collect()
});

/// The class of a listed abbreviation (`text` includes the final period).
pub fn abbreviation_class(text: &str) -> Option<AbbreviationClass> {
    ABBREVIATIONS.get(text).copied()
}

/// True for a word that typically opens a sentence ("The", "But", "He").
pub fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(word)
}

/// Non-empty, non-comment lines with their 1-based line numbers.
fn content_lines(file: &str) -> impl Iterator<Item = (usize, &str)> {
    file.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Parses the abbreviation file: `ABBREVIATION.  class` per line, class `title` or `other`.
pub fn parse_abbreviations(
    file: &str,
) -> Result<HashMap<&str, AbbreviationClass>, VocabularyError> {
    let mut map = HashMap::new();
    for (line, text) in content_lines(file) {
        let error = |reason: &str| VocabularyError {
            line,
            reason: reason.to_string(),
        };
        let mut fields = text.split_whitespace();
        let word = fields.next().ok_or_else(|| error("empty line"))?;
        let class = match fields.next() {
            Some("title") => AbbreviationClass::Title,
            Some("other") | None => AbbreviationClass::Other,
            Some(_) => return Err(error("class must be `title` or `other`")),
        };
        if fields.next().is_some() {
            return Err(error("more than two fields"));
        }
        if !word.ends_with('.') || word.len() < 2 {
            return Err(error("an abbreviation must end with a period"));
        }
        if map.insert(word, class).is_some() {
            return Err(error("listed twice"));
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_file_parses() {
        let map = parse_abbreviations(ABBREVIATIONS_FILE).expect("data/abbreviations.txt");
        for word in [
            "U.S.", "U.K.", "U.N.", "Jan.", "Feb.", "Sept.", "Dr.", "St.", "vs.",
        ] {
            assert!(map.contains_key(word), "{word} missing");
        }
        for word in ["Mr.", "Mrs.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov."] {
            assert_eq!(map.get(word), Some(&AbbreviationClass::Title), "{word}");
        }
        for word in ["Inc.", "Corp.", "No.", "etc."] {
            assert_eq!(map.get(word), Some(&AbbreviationClass::Other), "{word}");
        }
    }

    #[test]
    fn sentence_opener_file_parses() {
        assert!(is_sentence_opener("The"));
        assert!(is_sentence_opener("However"));
        assert!(!is_sentence_opener("officials"));
        for (_, word) in content_lines(SENTENCE_OPENERS_FILE) {
            assert!(!word.contains(char::is_whitespace), "{word:?}");
        }
    }

    #[test]
    fn bad_abbreviation_lines_are_reported() {
        assert_eq!(parse_abbreviations("Dr. rank").unwrap_err().line, 1);
        assert!(parse_abbreviations("# c\nDr\n").is_err());
        assert!(parse_abbreviations("Dr.\nDr.\n").is_err());
        assert!(parse_abbreviations("\n# only comments\n")
            .unwrap()
            .is_empty());
    }
}

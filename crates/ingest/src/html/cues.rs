//! Short lines that announce the end of an article's text: "Related articles", "Read more",
//! "Lesen Sie auch", "À lire aussi"… in the languages the news pages use most. A block that is
//! only such a cue marks the start of furniture when it comes after most of the article's text.

use super::lists;
use std::sync::LazyLock;
/// Cue phrases, lowercase; a block matches when its text (lowercased, trailing punctuation and
/// whitespace removed) equals one or starts with one followed by a space or a colon.
static CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/related_cues.txt")));

/// Openings of the notices that sites put inside an article's text: paywall and subscription
/// teasers, follow-us lines. Lowercase; a block that starts with one is not article text.
static NOTICE_OPENINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/notice_openings.txt")));

/// Whole blocks that label page furniture rather than say anything: ad markers, a table of
/// contents' title, toggles. Lowercase, compared after trimming punctuation.
static FURNITURE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/furniture_labels.txt")));

/// True when `text` is only a furniture label ("Anzeige", "Table of contents").
pub fn is_furniture_label(text: &str) -> bool {
    if text.len() > 120 || text.chars().count() > 30 {
        return false;
    }
    let t = text
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | ':' | '.' | '…' | '–'))
        .to_lowercase();
    FURNITURE_LABELS.contains(&t.as_str())
}

static SERVER_ERROR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(Warning|Notice|Deprecated|Fatal error|Parse error): .* on line \d+")
        .unwrap()
});

/// True when `text` is a PHP warning printed into the page.
pub fn is_server_error(text: &str) -> bool {
    SERVER_ERROR.is_match(text.trim_start())
}

/// Longest block read as a notice.
const MAX_NOTICE_CHARS: usize = 200;

/// True when `text` is a subscription, paywall or follow-us notice.
pub fn is_notice(text: &str) -> bool {
    // Byte length first: most blocks are long paragraphs, and counting chars reads them all.
    if text.len() > 4 * MAX_NOTICE_CHARS || text.chars().count() > MAX_NOTICE_CHARS {
        return false;
    }
    let t = text.trim().to_lowercase();
    NOTICE_OPENINGS.iter().any(|o| t.starts_with(o))
}

static READING_TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(\d+\s*(min\.?|mins|minutes?|minuten|minutos)\s*(read|lesezeit|de lecture|de lectura)|(lesezeit|reading time|temps de lecture)\s*:?\s*\d+\s*(min\.?|mins|minutes?|minuten))\.?$",
    )
    .unwrap()
});

/// True when `text` is a reading-time label ("4 Min Read", "Lesezeit: 3 Minuten").
pub fn is_reading_time(text: &str) -> bool {
    text.len() <= 40 && READING_TIME.is_match(text.trim())
}

/// True when `text` is only a "related / read more / share / comments" cue.
pub fn is_end_cue(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    let t = text
        .trim()
        .trim_end_matches(|c: char| {
            c == ':' || c == '.' || c == '!' || c == '…' || c.is_whitespace()
        })
        .to_lowercase();
    CUES.iter().any(|c| {
        t == *c
            || (t.starts_with(c)
                && t[c.len()..].starts_with([' ', ':'])
                && t.chars().count() <= c.chars().count() + 30)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::lists::checks::lowercase_unique;

    #[test]
    fn every_entry_of_related_cues_txt_is_an_end_cue() {
        lowercase_unique("related_cues.txt", &CUES);
        for c in CUES.iter() {
            assert!(is_end_cue(c), "{c}");
        }
    }

    #[test]
    fn every_entry_of_notice_openings_txt_opens_a_notice() {
        lowercase_unique("notice_openings.txt", &NOTICE_OPENINGS);
        for o in NOTICE_OPENINGS.iter() {
            assert!(is_notice(&format!("{o} and more")), "{o}");
        }
    }

    #[test]
    fn every_entry_of_furniture_labels_txt_is_a_furniture_label() {
        lowercase_unique("furniture_labels.txt", &FURNITURE_LABELS);
        for l in FURNITURE_LABELS.iter() {
            assert!(is_furniture_label(l), "{l}");
        }
    }

    #[test]
    fn related_headings_are_cues() {
        assert!(is_end_cue("Related Coverage"));
        assert!(is_end_cue("Lesen Sie auch:"));
        assert!(is_end_cue("À lire aussi"));
        assert!(is_end_cue("More from The Atlantic"));
    }

    #[test]
    fn paywall_and_follow_notices_are_notices() {
        assert!(is_notice(
            "To view the full story, please subscribe to The Daily."
        ));
        assert!(is_notice(
            "Pour lire la suite de cet article, abonnez-vous."
        ));
        assert!(!is_notice("Subscribers to the scheme were told on Monday."));
    }

    #[test]
    fn furniture_labels_and_server_errors_are_recognised() {
        assert!(is_furniture_label("- Anzeige -"));
        assert!(is_furniture_label("Table of contents"));
        assert!(!is_furniture_label("Contents of the agreement"));
        assert!(is_server_error(
            "Warning: Creating default object from empty value in /www/x.php on line 407"
        ));
        assert!(!is_server_error(
            "Warning: the talks may fail, officials said."
        ));
        assert!(is_notice("© 2020 Example Mills All Rights Reserved"));
    }

    #[test]
    fn reading_time_labels_are_recognised() {
        assert!(is_reading_time("4 Min Read"));
        assert!(is_reading_time("Lesezeit: 3 Minuten"));
        assert!(!is_reading_time("4 minutes later the talks resumed."));
    }

    #[test]
    fn sentences_are_not_cues() {
        assert!(!is_end_cue(
            "Related talks were held in Vienna on Thursday, officials said."
        ));
        assert!(!is_end_cue("Comments by the minister drew criticism"));
    }
}

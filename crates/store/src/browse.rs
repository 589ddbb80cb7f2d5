//! Paged reads for browsing a store (the server's lists): the article index, quotes by
//! speaker, events filtered by actor, code and date. Every answer is one bounded page and the
//! number of items matching in all.

use chrono::NaiveDate;
use serde::Serialize;

/// One page of items and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed<T> {
    pub total: i64,
    pub items: Vec<T>,
}

/// Which page: skip `offset` items, return at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub offset: usize,
    pub limit: usize,
}

/// One line of the article index: what a list shows, not the body or annotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleListing {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub revision: i64,
    pub entities: i64,
    pub quotes: i64,
    pub events: i64,
    pub claims: i64,
}

/// Which quotes to list. `speaker` matches the speaker's actor id exactly or the speaker's
/// name ignoring case; `None` lists every quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFilter {
    pub speaker: Option<String>,
    pub paging: Paging,
}

/// Which events to list; every given condition must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFilter {
    /// Source or target: actor id exactly, or name ignoring case.
    pub actor: Option<String>,
    /// CAMEO code prefix: "04" matches 040, 042, 0431...
    pub code: Option<String>,
    /// Event dates from and to, inclusive; events without a date are left out when either
    /// bound is given.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub paging: Paging,
}

/// The article an annotation comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

/// One quote, with where it is: `index` in the article's quote list, byte offsets in its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRecord {
    pub article: ArticleRef,
    pub index: i64,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub text: Option<String>,
    /// direct, partial or indirect.
    pub kind: Option<String>,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    /// The lemma of the speech verb ("say", "warn").
    pub cue: Option<String>,
}

/// One event, with where its evidence is: `index` in the article's event list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub article: ArticleRef,
    pub index: i64,
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The evidence sentence or clause.
    pub text: Option<String>,
    pub code: Option<String>,
    pub status: Option<String>,
    pub source: Option<String>,
    pub source_id: Option<String>,
    pub target: Option<String>,
    pub target_id: Option<String>,
    pub date: Option<String>,
}

/// `i64` for SQL LIMIT/OFFSET; pages beyond `i64::MAX` are simply empty.
pub(crate) fn sql_int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A CAMEO prefix as a LIKE pattern (codes are digits, so nothing needs escaping; anything
/// else matches nothing).
pub(crate) fn code_pattern(code: &str) -> String {
    if code.chars().all(|c| c.is_ascii_digit()) {
        format!("{code}%")
    } else {
        String::from("\u{0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_pattern_is_a_prefix_for_digits_and_matches_nothing_otherwise() {
        assert_eq!(code_pattern("04"), "04%");
        assert_eq!(code_pattern("0%"), "\u{0}");
    }

    #[test]
    fn sql_int_saturates() {
        assert_eq!(sql_int(5), 5);
        assert_eq!(sql_int(usize::MAX), i64::MAX);
    }
}

//! What the store hands back: outcomes of a write, stored articles, search hits, counts.

use parley_core::Document;
use serde::Serialize;

/// What storing one document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PutOutcome {
    /// A new article: the first body seen for its URL (or it has no URL).
    Inserted,
    /// A new body for a URL already stored: revision `revision` (2, 3, ...) after `previous_id`.
    Revision { revision: i64, previous_id: String },
    /// The same id (the same normalised body) was already stored: nothing changed.
    AlreadyStored,
}

/// Tally of outcomes over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    pub inserted: usize,
    pub revisions: usize,
    pub already_stored: usize,
}

impl BatchSummary {
    pub fn add(&mut self, outcomes: &[PutOutcome]) {
        for o in outcomes {
            match o {
                PutOutcome::Inserted => self.inserted += 1,
                PutOutcome::Revision { .. } => self.revisions += 1,
                PutOutcome::AlreadyStored => self.already_stored += 1,
            }
        }
    }

    /// Articles newly stored (first versions and revisions).
    pub fn new_articles(&self) -> usize {
        self.inserted + self.revisions
    }
}

/// One stored article: the document as analysed, and where it sits among its URL's revisions.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub document: Document,
    /// 1 for the first body stored under its URL (and for articles without URL).
    pub revision: i64,
    /// The revision this one replaces, if any.
    pub previous_id: Option<String>,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
}

/// A full-text query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words to find. Each word must occur (in any order); `"a phrase"` keeps words together.
    pub text: String,
    /// Pass `text` to the backend's own query language as is (FTS5 syntax on SQLite,
    /// `websearch_to_tsquery` on PostgreSQL) instead of matching every word.
    pub raw: bool,
    pub limit: usize,
}

impl SearchQuery {
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            raw: false,
            limit: 20,
        }
    }
}

/// Where a hit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitIn {
    /// The title or body of the article.
    Article,
    /// A quote; `speaker` names who said it when known.
    Quote,
}

/// One search hit, with a snippet where the matched words are marked `[like this]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub found_in: HitIn,
    pub speaker: Option<String>,
    /// Byte offsets of the quote in the body, for quote hits.
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub snippet: String,
    /// Lower is better on SQLite (bm25); the backends' scores are not comparable.
    pub score: f64,
}

/// How much a store holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub articles: i64,
    /// Articles that are a later revision of a URL.
    pub revisions: i64,
    pub annotations: i64,
    pub quotes: i64,
}

/// An article's body fingerprint, with what grouping near-duplicates needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub id: String,
    pub published: Option<chrono::NaiveDate>,
    /// Storing order: smaller was stored first.
    pub order: i64,
    pub simhash: u64,
}

/// One member of a stored near-duplicate group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateMember {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// A stored near-duplicate group: the original and its copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateGroup {
    pub original: DuplicateMember,
    pub copies: Vec<DuplicateMember>,
}

/// Builds groups from `(group key, is original, member)` rows sorted by group key.
pub(crate) fn assemble_groups(
    rows: Vec<(i64, bool, DuplicateMember)>,
    limit: usize,
) -> Vec<DuplicateGroup> {
    let mut groups: Vec<(Option<DuplicateMember>, Vec<DuplicateMember>)> = Vec::new();
    let mut last_key = None;
    for (key, is_original, member) in rows {
        if last_key != Some(key) {
            groups.push((None, Vec::new()));
            last_key = Some(key);
        }
        let group = groups.last_mut().expect("pushed above");
        if is_original {
            group.0 = Some(member);
        } else {
            group.1.push(member);
        }
    }
    let mut out: Vec<DuplicateGroup> = groups
        .into_iter()
        .filter_map(|(original, copies)| {
            original.map(|original| DuplicateGroup { original, copies })
        })
        .collect();
    out.sort_by(|a, b| {
        b.copies
            .len()
            .cmp(&a.copies.len())
            .then(a.original.id.cmp(&b.original.id))
    });
    out.truncate(limit);
    out
}

/// A connection URL with its password replaced by `***`, for messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_url_hides_the_password_only() {
        assert_eq!(
            redact_url("postgres://parley:secret@127.0.0.1:5432/db"),
            "postgres://parley:***@127.0.0.1:5432/db"
        );
        assert_eq!(
            redact_url("postgres://parley@127.0.0.1/db"),
            "postgres://parley@127.0.0.1/db"
        );
        assert_eq!(redact_url("parley.sqlite"), "parley.sqlite");
    }

    #[test]
    fn summary_tallies_outcomes() {
        let mut s = BatchSummary::default();
        s.add(&[
            PutOutcome::Inserted,
            PutOutcome::AlreadyStored,
            PutOutcome::Revision {
                revision: 2,
                previous_id: "a".into(),
            },
        ]);
        assert_eq!((s.inserted, s.revisions, s.already_stored), (1, 1, 1));
        assert_eq!(s.new_articles(), 2);
    }
}

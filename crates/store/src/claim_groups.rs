//! What the claim × outlet matrix reads from a store without holding a row per claim or per
//! article: claims grouped by (stored key, outlet) in the database, and the names each article
//! gives, a page of articles at a time (see the `Store` methods of the same names).

use chrono::NaiveDate;

/// The holder kinds and stances the claim groups count claims by: the columns of
/// [`ClaimGroup::stances`], in this order ("author:asserts", ..., "source:reports").
pub const HOLDER_STANCES: [(&str, &str); 10] = [
    ("author", "asserts"),
    ("author", "denies"),
    ("author", "disputes"),
    ("author", "questions"),
    ("author", "reports"),
    ("source", "asserts"),
    ("source", "denies"),
    ("source", "disputes"),
    ("source", "questions"),
    ("source", "reports"),
];

/// The claims of one outlet under one stored claim key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimGroup {
    /// The claim's `key` as stored JSON (`{"actors": [...], ...}`); `None` when it has none.
    pub key: Option<String>,
    pub outlet: Option<String>,
    pub claims: i64,
    /// Distinct articles.
    pub articles: i64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Its first claim in storing order: (article cursor, index in the article's claims).
    pub first_claim: (i64, i64),
    /// That claim's proposition text, or its own text when it has no proposition.
    pub example: Option<String>,
    /// Claims per [`HOLDER_STANCES`] entry, in that order.
    pub stances: [i64; 10],
}

/// The names one article gives, for deciding which outlets cover a claim's actors.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleNames {
    /// The article's place in storing order: pass the last one back to read on.
    pub cursor: i64,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Its entity mentions' texts and resolved actor names.
    pub entity_names: Vec<String>,
    /// The `actors` of its claims' keys, each as stored JSON (`["russia", "ukraine"]`).
    pub key_actors: Vec<String>,
}

/// The names of a page of articles: those after the caller's cursor up to `next`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamesPage {
    pub articles: Vec<ArticleNames>,
    /// The cursor to ask for the next page with; `None` when this page reached the end.
    pub next: Option<i64>,
}

/// The SQL sums counting a group's claims per [`HOLDER_STANCES`] entry (holder kind is the
/// `code` column of claim rows, stance the `kind` column; see `rows`).
pub(crate) fn stance_sums() -> String {
    HOLDER_STANCES
        .iter()
        .map(|(holder, stance)| {
            format!("sum(CASE WHEN n.code = '{holder}' AND n.kind = '{stance}' THEN 1 ELSE 0 END)")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row of the names query: `(cursor, outlet, published, entity name, key actors)`.
pub(crate) type NameRow = (
    i64,
    Option<String>,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
);

/// Groups name rows by article, in order.
pub(crate) fn group_names(rows: Vec<NameRow>) -> Vec<ArticleNames> {
    let mut out: Vec<ArticleNames> = Vec::new();
    for (cursor, outlet, published, name, actors) in rows {
        if out.last().is_none_or(|a| a.cursor != cursor) {
            out.push(ArticleNames {
                cursor,
                outlet,
                published,
                ..Default::default()
            });
        }
        let article = out.last_mut().expect("pushed");
        article.entity_names.extend(name);
        article.key_actors.extend(actors);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_rows_group_by_article_in_order() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 10);
        let got = group_names(vec![
            (3, Some("TASS".into()), d, Some("Lavrov".into()), None),
            (
                3,
                Some("TASS".into()),
                d,
                None,
                Some(r#"["russia"]"#.into()),
            ),
            (5, None, None, Some("Blinken".into()), None),
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].entity_names, ["Lavrov"]);
        assert_eq!(got[0].key_actors, [r#"["russia"]"#]);
        assert_eq!((got[1].cursor, got[1].outlet.clone()), (5, None));
    }

    #[test]
    fn every_holder_stance_has_its_sum() {
        let sums = stance_sums();
        assert_eq!(sums.matches("sum(").count(), HOLDER_STANCES.len());
        assert!(sums.contains("n.code = 'source' AND n.kind = 'denies'"));
    }
}

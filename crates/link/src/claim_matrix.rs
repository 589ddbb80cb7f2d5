//! The claim × outlet matrix: which outlets assert, dispute, deny, question or report each
//! claim, and which omit it.
//!
//! **Rows** are claims grouped by their normalised key (core's `ClaimKey`): the names in the
//! proposition, sorted and deduplicated, the event code, the polarity. Claims without a key
//! or without names cannot be matched across articles and are only counted.
//!
//! **Cells**: an outlet's cell is the stance in its own voice: the stance of the claims its
//! articles make as author ("asserts", "disputes", "denies", "questions", "reports"), and
//! "reports" for claims they attribute to a source (the source's stance is in `stances`).
//! When an outlet's articles differ, the most frequent wins; ties go to disputes, denies,
//! questions, asserts, reports, in that order.
//!
//! **Omitted**: an outlet that does not carry the claim but has an article that names every
//! actor of the claim's key (in its entity mentions or its claims' keys) published within
//! `window_days` of the claim's first or last report (or undated) covers the same actors and
//! leaves the claim out: its cell is "omitted". Outlets with no such article have no cell.
//! Stories (articles about the same happening) would give a tighter test; until they are
//! stored, the actors and the time window stand for the story.

use crate::error::AggregateError;
use chrono::NaiveDate;
use parley_core::claim::ClaimKey;
use parley_core::{Claim, EntityMention};
use parley_store::{AnnotationFilter, AnnotationRecord, Store};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Articles read per page.
const PAGE_ARTICLES: usize = 2000;

/// The label of articles stored without an outlet.
pub const NO_OUTLET: &str = "(no outlet)";

/// What a cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cell {
    Disputes,
    Denies,
    Questions,
    Asserts,
    Reports,
    Omitted,
}

impl Cell {
    pub fn as_str(self) -> &'static str {
        match self {
            Cell::Disputes => "disputes",
            Cell::Denies => "denies",
            Cell::Questions => "questions",
            Cell::Asserts => "asserts",
            Cell::Reports => "reports",
            Cell::Omitted => "omitted",
        }
    }

    fn from_stance(stance: parley_core::Stance) -> Cell {
        use parley_core::Stance::*;
        match stance {
            Asserts => Cell::Asserts,
            Denies => Cell::Denies,
            Disputes => Cell::Disputes,
            Questions => Cell::Questions,
            Reports => Cell::Reports,
        }
    }
}

/// A claim's normalised key: the matrix row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MatrixKey {
    pub actors: Vec<String>,
    pub event_code: Option<String>,
    pub polarity: i8,
}

impl MatrixKey {
    /// The key of a claim key, or `None` when it names nobody.
    pub fn of(key: &ClaimKey) -> Option<MatrixKey> {
        let mut actors: Vec<String> = key.actors.iter().map(|a| a.to_lowercase()).collect();
        actors.sort();
        actors.dedup();
        (!actors.is_empty()).then(|| MatrixKey {
            actors,
            event_code: key.event_code.clone(),
            polarity: key.polarity,
        })
    }

    /// "russia, ukraine (-)", for tables.
    pub fn label(&self) -> String {
        let code = self
            .event_code
            .as_deref()
            .map(|c| format!(" [{c}]"))
            .unwrap_or_default();
        let sign = if self.polarity < 0 { " (not)" } else { "" };
        format!("{}{code}{sign}", self.actors.join(", "))
    }
}

/// One outlet's cell in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletCell {
    pub outlet: String,
    pub cell: Cell,
    /// The outlet's articles that carry the claim.
    pub articles: usize,
    /// Claims per holder stance, as "author:asserts", "source:denies", ...
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub stances: BTreeMap<String, usize>,
}

/// One row: a claim and every outlet that carries or omits it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub key: MatrixKey,
    /// The proposition of its first claim, as an example.
    pub example: String,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub articles: usize,
    /// Outlets that carry it (cells other than omitted).
    pub outlets: usize,
    /// In the matrix's outlet order; outlets with no cell are left out.
    pub cells: Vec<OutletCell>,
}

/// The matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimMatrix {
    /// Every outlet of the store, by name.
    pub outlets: Vec<String>,
    /// Rows carried by at least `min_outlets` outlets, most outlets first.
    pub rows: Vec<ClaimRow>,
    pub claims_read: usize,
    /// Claims that name nobody (or have no key) and so fit no row.
    pub claims_without_key: usize,
}

/// How the matrix is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixOptions {
    /// Keep rows carried by at least this many outlets.
    pub min_outlets: usize,
    /// An article within this many days of a claim's reports can omit it.
    pub window_days: i64,
}

impl Default for MatrixOptions {
    fn default() -> Self {
        MatrixOptions {
            min_outlets: 2,
            window_days: 3,
        }
    }
}

/// What is gathered per row while reading.
#[derive(Default)]
struct RowTally {
    example: String,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    articles: HashSet<u32>,
    /// outlet → (cell → claims, "holder:stance" → claims, articles)
    by_outlet: BTreeMap<u32, (BTreeMap<Cell, usize>, BTreeMap<String, usize>, HashSet<u32>)>,
}

/// Articles as the omission test needs them: outlet and date, and which articles name whom.
#[derive(Default)]
struct Coverage {
    outlets: Vec<String>,
    outlet_index: HashMap<String, u32>,
    names: HashMap<String, u32>,
    /// Per article: (outlet, date).
    articles: Vec<(u32, Option<NaiveDate>)>,
    /// Per name: the articles naming it, ascending.
    postings: HashMap<u32, Vec<u32>>,
}

impl Coverage {
    fn outlet(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.outlet_index.get(name) {
            return i;
        }
        let i = self.outlets.len() as u32;
        self.outlets.push(name.to_string());
        self.outlet_index.insert(name.to_string(), i);
        i
    }

    fn add_article(
        &mut self,
        outlet: u32,
        date: Option<NaiveDate>,
        names: &HashSet<String>,
    ) -> u32 {
        let article = self.articles.len() as u32;
        self.articles.push((outlet, date));
        for name in names {
            let next = self.names.len() as u32;
            let id = *self.names.entry(name.clone()).or_insert(next);
            self.postings.entry(id).or_default().push(article);
        }
        article
    }

    /// Outlets with an article naming all of `actors` dated within the window.
    fn outlets_naming(
        &self,
        actors: &[String],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        days: i64,
    ) -> HashSet<u32> {
        let mut lists: Vec<&Vec<u32>> = Vec::new();
        for a in actors {
            match self.names.get(a).and_then(|id| self.postings.get(id)) {
                Some(list) => lists.push(list),
                None => return HashSet::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((rarest, rest)) = lists.split_first() else {
            return HashSet::new();
        };
        let window = |d: Option<NaiveDate>| match (d, from, to) {
            (Some(d), Some(f), Some(t)) => (f - d).num_days() <= days && (d - t).num_days() <= days,
            _ => true,
        };
        rarest
            .iter()
            .filter(|a| rest.iter().all(|l| l.binary_search(a).is_ok()))
            .map(|&a| self.articles[a as usize])
            .filter(|&(_, d)| window(d))
            .map(|(o, _)| o)
            .collect()
    }
}

/// Lower-cased words of a name, as claim keys hold names.
fn name_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map(|w| w.trim_end_matches("'s").to_lowercase())
        .filter(|w| !w.is_empty())
}

/// Builds the matrix over every stored claim.
pub fn claim_matrix(
    store: &mut dyn Store,
    options: MatrixOptions,
) -> Result<ClaimMatrix, AggregateError> {
    let filter = AnnotationFilter::layers(&["claims", "entities"]);
    let mut coverage = Coverage::default();
    let mut rows: HashMap<MatrixKey, RowTally> = HashMap::new();
    let (mut claims_read, mut claims_without_key) = (0, 0);
    let mut after = 0;
    loop {
        let page = store.annotation_page(&filter, after, PAGE_ARTICLES)?;
        for article_rows in page.rows.chunk_by(|a, b| a.article.id == b.article.id) {
            let meta = &article_rows[0].article;
            let outlet = coverage.outlet(meta.outlet.as_deref().unwrap_or(NO_OUTLET));
            let (names, claims) = read_article(article_rows)?;
            let article = coverage.add_article(outlet, meta.published, &names);
            for claim in claims {
                claims_read += 1;
                let Some(key) = claim.key.as_ref().and_then(MatrixKey::of) else {
                    claims_without_key += 1;
                    continue;
                };
                let tally = rows.entry(key).or_default();
                if tally.example.is_empty() {
                    tally.example = claim
                        .proposition
                        .as_ref()
                        .unwrap_or(&claim.span)
                        .text
                        .clone();
                }
                if let Some(d) = meta.published {
                    tally.first = Some(tally.first.map_or(d, |f| f.min(d)));
                    tally.last = Some(tally.last.map_or(d, |l| l.max(d)));
                }
                tally.articles.insert(article);
                let cell = if claim.holder.kind == "author" {
                    Cell::from_stance(claim.stance)
                } else {
                    Cell::Reports
                };
                let entry = tally.by_outlet.entry(outlet).or_default();
                *entry.0.entry(cell).or_default() += 1;
                *entry
                    .1
                    .entry(format!("{}:{}", claim.holder.kind, claim.stance.as_str()))
                    .or_default() += 1;
                entry.2.insert(article);
            }
        }
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    let mut order: Vec<u32> = (0..coverage.outlets.len() as u32).collect();
    order.sort_by(|a, b| coverage.outlets[*a as usize].cmp(&coverage.outlets[*b as usize]));
    let mut out: Vec<ClaimRow> = rows
        .into_iter()
        .filter(|(_, t)| t.by_outlet.len() >= options.min_outlets)
        .map(|(key, tally)| {
            let omitting =
                coverage.outlets_naming(&key.actors, tally.first, tally.last, options.window_days);
            let cells = order
                .iter()
                .filter_map(|o| {
                    let outlet = coverage.outlets[*o as usize].clone();
                    match tally.by_outlet.get(o) {
                        Some((cells, stances, articles)) => Some(OutletCell {
                            outlet,
                            cell: winner(cells),
                            articles: articles.len(),
                            stances: stances.clone(),
                        }),
                        None if omitting.contains(o) => Some(OutletCell {
                            outlet,
                            cell: Cell::Omitted,
                            articles: 0,
                            stances: BTreeMap::new(),
                        }),
                        None => None,
                    }
                })
                .collect();
            ClaimRow {
                example: tally.example,
                first: tally.first,
                last: tally.last,
                articles: tally.articles.len(),
                outlets: tally.by_outlet.len(),
                cells,
                key,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.outlets
            .cmp(&a.outlets)
            .then(b.articles.cmp(&a.articles))
            .then(a.key.cmp(&b.key))
    });
    let mut outlets = coverage.outlets;
    outlets.sort();
    Ok(ClaimMatrix {
        outlets,
        rows: out,
        claims_read,
        claims_without_key,
    })
}

/// The most frequent cell; ties go to the first in `Cell`'s order.
fn winner(cells: &BTreeMap<Cell, usize>) -> Cell {
    let most = cells.values().copied().max().unwrap_or(0);
    cells
        .iter()
        .find(|(_, n)| **n == most)
        .map(|(c, _)| *c)
        .unwrap_or(Cell::Reports)
}

/// The names an article gives (entity mentions, claim keys) and its claims.
fn read_article(
    rows: &[AnnotationRecord],
) -> Result<(HashSet<String>, Vec<Claim>), AggregateError> {
    let mut names = HashSet::new();
    let mut claims = Vec::new();
    for row in rows {
        if row.layer == "entities" {
            let m: EntityMention = row.decode()?;
            names.extend(name_words(&m.span.text));
            if let Some(a) = &m.actor {
                names.extend(name_words(&a.name));
            }
        } else {
            let c: Claim = row.decode()?;
            if let Some(k) = &c.key {
                names.extend(k.actors.iter().map(|a| a.to_lowercase()));
            }
            claims.push(c);
        }
    }
    Ok((names, claims))
}

#[cfg(test)]
#[path = "claim_matrix_tests.rs"]
mod tests;

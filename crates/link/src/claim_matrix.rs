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
//!
//! **Bounded memory**: claims are grouped by key and outlet in the database
//! (`Store::claim_groups`), so what is held is one tally per (key, outlet), not per claim or
//! article; then the articles' names are read a page at a time and only the names of the kept
//! rows' actors are indexed for the omission test.

use crate::error::AggregateError;
use chrono::NaiveDate;
use parley_core::claim::ClaimKey;
use parley_store::{ArticleNames, ClaimGroup, Store, HOLDER_STANCES};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Articles whose names are read per page.
const PAGE_ARTICLES: usize = 1000;

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

    /// The cell of an author's stance word ("asserts", ...); anything else reports.
    fn from_word(stance: &str) -> Cell {
        match stance {
            "asserts" => Cell::Asserts,
            "denies" => Cell::Denies,
            "disputes" => Cell::Disputes,
            "questions" => Cell::Questions,
            _ => Cell::Reports,
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

/// What is gathered per row from its (key, outlet) groups.
#[derive(Default)]
struct RowTally {
    example: String,
    /// Where the example claim is in storing order.
    example_at: (i64, i64),
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    articles: usize,
    by_outlet: BTreeMap<String, OutletTally>,
}

/// What one outlet's groups of a row add up to.
#[derive(Default)]
struct OutletTally {
    /// cell → claims
    cells: BTreeMap<Cell, usize>,
    /// "holder:stance" → claims
    stances: BTreeMap<String, usize>,
    articles: usize,
}

impl RowTally {
    fn add(&mut self, outlet: String, group: &ClaimGroup) {
        if self.example.is_empty() || group.first_claim < self.example_at {
            self.example = group.example.clone().unwrap_or_default();
            self.example_at = group.first_claim;
        }
        self.first = min_date(self.first, group.first);
        self.last = max_date(self.last, group.last);
        self.articles += group.articles as usize;
        let entry = self.by_outlet.entry(outlet).or_default();
        for ((holder, stance), n) in HOLDER_STANCES.iter().zip(group.stances) {
            if n == 0 {
                continue;
            }
            let cell = if *holder == "author" {
                Cell::from_word(stance)
            } else {
                Cell::Reports
            };
            *entry.cells.entry(cell).or_default() += n as usize;
            *entry
                .stances
                .entry(format!("{holder}:{stance}"))
                .or_default() += n as usize;
        }
        entry.articles += group.articles as usize;
    }
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Articles as the omission test needs them: outlet and date, and which articles name the
/// actors of the kept rows (only those names are indexed).
#[derive(Default)]
struct Coverage {
    outlets: Vec<String>,
    outlet_index: HashMap<String, u32>,
    /// The names worth indexing, each with its posting list: the articles naming it, ascending.
    postings: HashMap<String, Vec<u32>>,
    /// Per indexed article: (outlet, date).
    articles: Vec<(u32, Option<NaiveDate>)>,
}

impl Coverage {
    fn new(wanted: HashSet<String>) -> Self {
        Coverage {
            postings: wanted.into_iter().map(|n| (n, Vec::new())).collect(),
            ..Default::default()
        }
    }

    fn outlet(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.outlet_index.get(name) {
            return i;
        }
        let i = self.outlets.len() as u32;
        self.outlets.push(name.to_string());
        self.outlet_index.insert(name.to_string(), i);
        i
    }

    /// Notes an article's outlet, and indexes it under the wanted names it gives.
    fn add_article(&mut self, outlet: u32, date: Option<NaiveDate>, names: &HashSet<String>) {
        let wanted: Vec<&String> = names
            .iter()
            .filter(|n| self.postings.contains_key(*n))
            .collect();
        if wanted.is_empty() {
            return;
        }
        let article = self.articles.len() as u32;
        self.articles.push((outlet, date));
        for name in wanted {
            if let Some(list) = self.postings.get_mut(name) {
                list.push(article);
            }
        }
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
            match self.postings.get(a) {
                Some(list) if !list.is_empty() => lists.push(list),
                _ => return HashSet::new(),
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
    let (mut rows, claims_read, claims_without_key) = tally_rows(store)?;
    rows.retain(|_, t| t.by_outlet.len() >= options.min_outlets);
    let wanted: HashSet<String> = rows.keys().flat_map(|k| k.actors.iter().cloned()).collect();
    let coverage = read_coverage(store, wanted)?;
    let mut order: Vec<u32> = (0..coverage.outlets.len() as u32).collect();
    order.sort_by(|a, b| coverage.outlets[*a as usize].cmp(&coverage.outlets[*b as usize]));
    let mut out: Vec<ClaimRow> = rows
        .into_iter()
        .map(|(key, tally)| {
            let omitting =
                coverage.outlets_naming(&key.actors, tally.first, tally.last, options.window_days);
            let cells = order
                .iter()
                .filter_map(|o| {
                    let outlet = coverage.outlets[*o as usize].clone();
                    match tally.by_outlet.get(&outlet) {
                        Some(tally) => Some(OutletCell {
                            outlet,
                            cell: winner(&tally.cells),
                            articles: tally.articles,
                            stances: tally.stances.clone(),
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
                articles: tally.articles,
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

/// The rows of every keyed claim from the store's (key, outlet) groups, with the claims read
/// and those without a usable key.
fn tally_rows(
    store: &mut dyn Store,
) -> Result<(HashMap<MatrixKey, RowTally>, usize, usize), AggregateError> {
    let mut rows: HashMap<MatrixKey, RowTally> = HashMap::new();
    let (mut claims_read, mut claims_without_key) = (0, 0);
    for group in store.claim_groups()? {
        claims_read += group.claims as usize;
        let key = match &group.key {
            Some(json) => serde_json::from_str::<Option<ClaimKey>>(json).map_err(|e| {
                AggregateError::Corrupt(format!("a claim key that is not one: {json:?}: {e}"))
            })?,
            None => None,
        };
        let Some(key) = key.as_ref().and_then(MatrixKey::of) else {
            claims_without_key += group.claims as usize;
            continue;
        };
        let outlet = group.outlet.clone().unwrap_or_else(|| NO_OUTLET.into());
        rows.entry(key).or_default().add(outlet, &group);
    }
    Ok((rows, claims_read, claims_without_key))
}

/// Every article's outlet, and the articles naming the `wanted` names, a page at a time.
fn read_coverage(
    store: &mut dyn Store,
    wanted: HashSet<String>,
) -> Result<Coverage, AggregateError> {
    let mut coverage = Coverage::new(wanted);
    let mut after = 0;
    loop {
        let page = store.article_names_after(after, PAGE_ARTICLES)?;
        for article in &page.articles {
            let outlet = coverage.outlet(article.outlet.as_deref().unwrap_or(NO_OUTLET));
            coverage.add_article(outlet, article.published, &names_of(article)?);
        }
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    Ok(coverage)
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

/// The names an article gives: the words of its entity mentions and actor names, and its
/// claim keys' actors.
fn names_of(article: &ArticleNames) -> Result<HashSet<String>, AggregateError> {
    let mut names: HashSet<String> = article
        .entity_names
        .iter()
        .flat_map(|n| name_words(n))
        .collect();
    for json in &article.key_actors {
        let actors: Vec<String> = serde_json::from_str(json).map_err(|e| {
            AggregateError::Corrupt(format!(
                "claim key actors that are no list of names: {json:?}: {e}"
            ))
        })?;
        names.extend(actors.iter().map(|a| a.to_lowercase()));
    }
    Ok(names)
}

#[cfg(test)]
#[path = "claim_matrix_tests.rs"]
mod tests;

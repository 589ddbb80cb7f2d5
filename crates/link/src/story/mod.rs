//! Stories: the articles of several outlets about one happening.
//!
//! Incremental and explainable. [`link_stories`] takes the articles in no story yet and the
//! stored articles of the same time window (with their stories), and puts each new article
//! in the story of the most similar article it is compared with, when that similarity reaches
//! the threshold, or else starts a new story. Similarity ([`score`]) combines shared actors,
//! shared events (codes and dyads), and text similarity of title and lead (TF-IDF, and
//! sentence embeddings when given); dated articles more than a window apart are never joined.
//! A near-duplicate copy joins its original's story. Each assignment keeps why it was made.
//!
//! Linear-ish: an article is compared only with the articles sharing one of its blocking keys
//! (an actor id, one of its heaviest words, or a band of its embedding's hash), and only with the latest [`StoryParams::
//! max_postings`] articles of each key, so a million articles are not compared pairwise.

pub mod run;
pub mod score;
pub mod text;

pub use run::{link_store, Embedder, StoryRun};
pub use score::{Features, Weights};

use parley_store::{JoinReason, StoryAssignment, StorySignals, StoryTarget};
use std::collections::{HashMap, HashSet};
use text::{idf, term_counts, SparseVector};

/// How stories are linked.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryParams {
    pub weights: Weights,
    /// An article joins the story of its best match when their score reaches this.
    pub threshold: f32,
    /// Articles compared per blocking key: the latest ones.
    pub max_postings: usize,
    /// Heaviest words of each article used as blocking keys.
    pub key_terms: usize,
}

/// Chosen on the tuning part of bench/stories (see bench/stories/README.md).
pub const THRESHOLD: f32 = 0.3;

impl Default for StoryParams {
    fn default() -> Self {
        StoryParams {
            weights: Weights::default(),
            threshold: THRESHOLD,
            max_postings: 200,
            key_terms: 12,
        }
    }
}

/// Sentence embeddings by article id (unit vectors), for [`link_stories`].
pub type Embeddings = HashMap<String, Vec<f32>>;

/// Puts every article of `new` in a story: an existing one (of the `known` articles, which
/// carry their story) or a new one. Returns one assignment per new article, in the order they
/// were linked (earliest first, copies last).
pub fn link_stories(
    new: &[StorySignals],
    known: &[StorySignals],
    params: &StoryParams,
    embeddings: &Embeddings,
) -> Vec<StoryAssignment> {
    let pool: Vec<&StorySignals> = known.iter().chain(new).collect();
    let counts: Vec<_> = pool
        .iter()
        .map(|s| term_counts(&s.title, &s.lead))
        .collect();
    let word_idf = idf(&counts);
    let actor_sets: Vec<HashMap<String, f32>> = pool
        .iter()
        .map(|s| s.actors.iter().map(|a| (a.clone(), 1.0)).collect())
        .collect();
    let actor_idf = idf(&actor_sets);
    let features: Vec<Features> = pool
        .iter()
        .zip(&counts)
        .map(|(s, c)| {
            Features::of(
                s,
                SparseVector::tf_idf(c, &word_idf),
                embeddings.get(&s.id).cloned(),
            )
        })
        .collect();
    let position: HashMap<&str, usize> = pool
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut target: Vec<Option<StoryTarget>> = pool
        .iter()
        .map(|s| s.story.map(StoryTarget::Existing))
        .collect();

    let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
    let keys_of = |i: usize| -> Vec<String> {
        let f = &features[i];
        f.actors
            .iter()
            .map(|a| format!("a:{a}"))
            .chain(
                f.text
                    .top_terms(params.key_terms)
                    .into_iter()
                    .map(|t| format!("w:{t}")),
            )
            .chain(
                f.embedding
                    .iter()
                    .flat_map(|e| text::embedding_keys(e))
                    .map(|k| format!("e:{k}")),
            )
            .collect()
    };
    let by_date = |i: &usize| {
        (
            features[*i].date.is_none(),
            features[*i].date,
            pool[*i].order,
        )
    };
    let mut known_order: Vec<usize> = (0..known.len()).collect();
    known_order.sort_by_key(by_date);
    for i in known_order {
        for key in keys_of(i) {
            postings.entry(key).or_default().push(i);
        }
    }
    let is_copy = |i: usize| {
        pool[i]
            .original
            .as_deref()
            .is_some_and(|o| position.contains_key(o))
    };
    let mut order: Vec<usize> = (known.len()..pool.len()).collect();
    order.sort_by_key(|i| (is_copy(*i), by_date(i)));

    let mut next_new = 0;
    let mut out = Vec::with_capacity(new.len());
    for i in order {
        let (story, why) = match copy_of(i, &pool, &position, &target) {
            Some(found) => found,
            None => best_match(i, &keys_of(i), &postings, &features, &actor_idf, params)
                .and_then(|(j, mut why)| {
                    why.via = Some(pool[j].id.clone());
                    target[j].map(|t| (t, why))
                })
                .unwrap_or_else(|| {
                    next_new += 1;
                    (StoryTarget::New(next_new - 1), JoinReason::default())
                }),
        };
        target[i] = Some(story);
        for key in keys_of(i) {
            postings.entry(key).or_default().push(i);
        }
        out.push(StoryAssignment {
            article_id: pool[i].id.clone(),
            story,
            why,
        });
    }
    out
}

/// The story of the original that article `i` is a near-duplicate copy of, if it has one.
fn copy_of(
    i: usize,
    pool: &[&StorySignals],
    position: &HashMap<&str, usize>,
    target: &[Option<StoryTarget>],
) -> Option<(StoryTarget, JoinReason)> {
    let original = pool[i].original.as_deref()?;
    let story = target[*position.get(original)?]?;
    Some((
        story,
        JoinReason {
            via: Some(original.to_string()),
            copy: true,
            ..Default::default()
        },
    ))
}

/// The best-scoring article among those sharing a blocking key with article `i`, if its score
/// reaches the threshold.
fn best_match(
    i: usize,
    keys: &[String],
    postings: &HashMap<String, Vec<usize>>,
    features: &[Features],
    actor_idf: &HashMap<String, f32>,
    params: &StoryParams,
) -> Option<(usize, JoinReason)> {
    let mut seen = HashSet::new();
    let mut best: Option<(usize, JoinReason)> = None;
    for key in keys {
        let Some(list) = postings.get(key) else {
            continue;
        };
        for &j in list.iter().rev().take(params.max_postings) {
            if !seen.insert(j) {
                continue;
            }
            let Some((s, why)) =
                score::score(&features[i], &features[j], actor_idf, &params.weights)
            else {
                continue;
            };
            if s >= params.threshold && best.as_ref().is_none_or(|(_, b)| s > b.score) {
                best = Some((j, why));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests;

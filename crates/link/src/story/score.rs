//! How alike two articles are, and why: shared actors, shared events, text similarity, days
//! apart. Every part of the score is kept, so a story can say why each article joined.

use super::text::{dense_cosine, SparseVector};
use chrono::NaiveDate;
use parley_store::{JoinReason, StorySignals};
use std::collections::{BTreeSet, HashMap};

/// What an article is compared by.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Publication date, else its earliest event date.
    pub date: Option<NaiveDate>,
    pub actors: BTreeSet<String>,
    /// Event codes and dyads (`SOURCE>TARGET`).
    pub events: BTreeSet<String>,
    pub text: SparseVector,
    /// Unit sentence embedding of title and lead, when embeddings are on.
    pub embedding: Option<Vec<f32>>,
}

impl Features {
    pub fn of(signals: &StorySignals, text: SparseVector, embedding: Option<Vec<f32>>) -> Self {
        let event_date = signals.events.iter().filter_map(|e| e.date).min();
        let mut events = BTreeSet::new();
        for e in &signals.events {
            events.insert(e.code.clone());
            if let (Some(s), Some(t)) = (&e.source, &e.target) {
                events.insert(format!("{s}>{t}"));
            }
        }
        let mut actors: BTreeSet<String> = signals.actors.iter().cloned().collect();
        for e in &signals.events {
            actors.extend(e.source.iter().chain(&e.target).cloned());
        }
        Features {
            date: signals.published.or(event_date),
            actors,
            events,
            text,
            embedding,
        }
    }
}

/// How the parts of a score are weighed, and how far apart in time a story may spread.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub text: f32,
    pub actors: f32,
    pub events: f32,
    /// Share of the text part given to embeddings when both articles have one (the rest is
    /// TF-IDF).
    pub embedding_share: f32,
    /// Dated articles further apart than this are never in one story by similarity.
    pub window_days: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            text: 0.6,
            actors: 0.25,
            events: 0.15,
            embedding_share: 0.5,
            window_days: 7,
        }
    }
}

/// The score of `b` for `a` with its reasons, or `None` when they are too far apart in time.
/// Actors and events count only when both articles have some, and the weights of the parts
/// that count are rescaled to sum to one, so an article without coded events is not
/// penalised for it.
pub fn score(
    a: &Features,
    b: &Features,
    actor_idf: &HashMap<String, f32>,
    w: &Weights,
) -> Option<(f32, JoinReason)> {
    let days_apart = match (a.date, b.date) {
        (Some(x), Some(y)) => Some((x - y).num_days().abs()),
        _ => None,
    };
    if days_apart.is_some_and(|d| d > w.window_days) {
        return None;
    }
    let tf_idf = a.text.cosine(&b.text);
    let text = match (&a.embedding, &b.embedding) {
        (Some(x), Some(y)) => {
            (1.0 - w.embedding_share) * tf_idf + w.embedding_share * dense_cosine(x, y).max(0.0)
        }
        _ => tf_idf,
    };
    let shared_actors: Vec<String> = a.actors.intersection(&b.actors).cloned().collect();
    let shared_events: Vec<String> = a.events.intersection(&b.events).cloned().collect();
    let mut total = w.text * text;
    let mut weight = w.text;
    if !a.actors.is_empty() && !b.actors.is_empty() {
        let idf = |set: &mut dyn Iterator<Item = &String>| -> f32 {
            set.map(|x| actor_idf.get(x).copied().unwrap_or(0.0)).sum()
        };
        let shared = idf(&mut shared_actors.iter());
        let smaller = idf(&mut a.actors.iter()).min(idf(&mut b.actors.iter()));
        if smaller > 0.0 {
            total += w.actors * (shared / smaller).min(1.0);
        }
        weight += w.actors;
    }
    if !a.events.is_empty() && !b.events.is_empty() {
        let smaller = a.events.len().min(b.events.len()) as f32;
        total += w.events * shared_events.len() as f32 / smaller;
        weight += w.events;
    }
    let score = if weight > 0.0 { total / weight } else { 0.0 };
    Some((
        score,
        JoinReason {
            shared_actors,
            shared_events,
            similarity: round3(text),
            days_apart,
            score: round3(score),
            ..Default::default()
        },
    ))
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(day: Option<u32>, actors: &[&str], events: &[&str]) -> Features {
        Features {
            date: day.and_then(|d| NaiveDate::from_ymd_opt(2022, 1, d)),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            events: events.iter().map(|s| s.to_string()).collect(),
            text: SparseVector(vec![("geneva".into(), 1.0)]),
            embedding: None,
        }
    }

    fn idf() -> HashMap<String, f32> {
        [("RUS", 0.2), ("USA", 0.2), ("RUSGOV:lavrov", 2.0)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
    }

    #[test]
    fn articles_further_apart_than_the_window_never_score() {
        let w = Weights::default();
        let a = features(Some(1), &[], &[]);
        assert!(score(&a, &features(Some(20), &[], &[]), &idf(), &w).is_none());
        assert!(score(&a, &features(Some(3), &[], &[]), &idf(), &w).is_some());
        assert!(score(&a, &features(None, &[], &[]), &idf(), &w).is_some());
    }

    #[test]
    fn a_shared_rare_actor_counts_more_than_a_shared_common_one() {
        let w = Weights::default();
        let a = features(Some(1), &["RUS", "RUSGOV:lavrov"], &[]);
        let rare = score(
            &a,
            &features(Some(1), &["RUSGOV:lavrov", "USA"], &[]),
            &idf(),
            &w,
        );
        let common = score(&a, &features(Some(1), &["RUS", "USA"], &[]), &idf(), &w);
        let (rare, why) = rare.unwrap();
        assert!(rare > common.unwrap().0);
        assert_eq!(why.shared_actors, vec!["RUSGOV:lavrov"]);
        assert_eq!(why.days_apart, Some(0));
    }

    #[test]
    fn missing_signals_are_not_held_against_an_article() {
        let w = Weights::default();
        let a = features(Some(1), &[], &[]);
        let (s, why) = score(&a, &a.clone(), &idf(), &w).unwrap();
        assert!((s - 1.0).abs() < 1e-5, "{s}");
        assert_eq!(why.similarity, 1.0);
    }

    #[test]
    fn shared_events_are_listed_and_raise_the_score() {
        let w = Weights::default();
        let a = features(Some(1), &[], &["036", "RUS>USA"]);
        let (with, why) =
            score(&a, &features(Some(2), &[], &["036", "RUS>USA"]), &idf(), &w).unwrap();
        let (without, _) = score(&a, &features(Some(2), &[], &["190"]), &idf(), &w).unwrap();
        assert!(with > without);
        assert_eq!(why.shared_events, vec!["036", "RUS>USA"]);
    }
}

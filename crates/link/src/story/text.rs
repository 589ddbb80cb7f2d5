//! Text similarity of titles and leads: TF-IDF vectors over words, compared by cosine.
//!
//! The IDF comes from the pool being linked (new articles and the stored ones in their time
//! window), so words every article shares weigh nothing and no word list is needed.

use std::collections::HashMap;

/// Words shorter than this carry little about a happening ("of", "to", "a").
const MIN_WORD_CHARS: usize = 3;

/// Title words count this many times: a headline names the happening.
const TITLE_WEIGHT: f32 = 2.0;

/// The words of a text: lowercased runs of letters and digits of 3 characters or more.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .map(|w| w.to_lowercase())
}

/// Term counts of a title and lead, title words weighted up.
pub fn term_counts(title: &str, lead: &str) -> HashMap<String, f32> {
    let mut counts: HashMap<String, f32> = HashMap::new();
    for w in words(title) {
        *counts.entry(w).or_default() += TITLE_WEIGHT;
    }
    for w in words(lead) {
        *counts.entry(w).or_default() += 1.0;
    }
    counts
}

/// Inverse document frequencies over a pool of term-count maps: `ln((n + 1) / df)`, so a
/// word in every article weighs almost nothing in a large pool and still a little in a pool
/// of two.
pub fn idf(docs: &[HashMap<String, f32>]) -> HashMap<String, f32> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for doc in docs {
        for term in doc.keys() {
            *df.entry(term).or_default() += 1;
        }
    }
    let n = docs.len() as f32;
    df.into_iter()
        .map(|(t, d)| (t.to_string(), ((n + 1.0) / d as f32).ln()))
        .collect()
}

/// A unit-length sparse vector, sorted by term for merging.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector(pub Vec<(String, f32)>);

impl SparseVector {
    /// The L2-normalised TF-IDF vector of term counts (terms of zero weight dropped).
    pub fn tf_idf(counts: &HashMap<String, f32>, idf: &HashMap<String, f32>) -> Self {
        let mut v: Vec<(String, f32)> = counts
            .iter()
            .map(|(t, c)| (t.clone(), c * idf.get(t).copied().unwrap_or(0.0)))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v.sort_by(|a, b| a.0.cmp(&b.0));
        SparseVector(v)
    }

    /// Cosine with another unit vector.
    pub fn cosine(&self, other: &SparseVector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }

    /// The `n` heaviest terms: the words an article is found by.
    pub fn top_terms(&self, n: usize) -> Vec<&str> {
        let mut terms: Vec<&(String, f32)> = self.0.iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.into_iter().take(n).map(|(t, _)| t.as_str()).collect()
    }
}

/// Cosine of two dense unit vectors (sentence embeddings).
pub fn dense_cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Bands and bits per band of [`embedding_keys`].
const EMBEDDING_BANDS: usize = 8;
const EMBEDDING_BITS: usize = 4;

/// Blocking keys of a dense vector by random-hyperplane hashing: in each of 8 bands, the
/// signs of its projections on 4 fixed pseudo-random directions. Vectors at cosine 0.7 share
/// at least one band about 19 times in 20, at cosine 0.5 about 5 times in 6.
pub fn embedding_keys(v: &[f32]) -> Vec<String> {
    (0..EMBEDDING_BANDS)
        .map(|band| {
            let bits: String = (0..EMBEDDING_BITS)
                .map(|bit| {
                    let plane = (band * EMBEDDING_BITS + bit) as u64;
                    let dot: f32 = v
                        .iter()
                        .enumerate()
                        .map(|(d, x)| x * direction(plane, d as u64))
                        .sum();
                    if dot >= 0.0 {
                        '1'
                    } else {
                        '0'
                    }
                })
                .collect();
            format!("{band}:{bits}")
        })
        .collect()
}

/// Component `d` of pseudo-random direction `plane`, in [-1, 1] (splitmix64 of both).
fn direction(plane: u64, d: u64) -> f32 {
    let mut h = plane.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ d.wrapping_add(0x2545_F491_4F6C_DD1D);
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    (h >> 40) as f32 / (1u64 << 23) as f32 - 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors(texts: &[(&str, &str)]) -> Vec<SparseVector> {
        let counts: Vec<_> = texts.iter().map(|(t, l)| term_counts(t, l)).collect();
        let idf = idf(&counts);
        counts
            .iter()
            .map(|c| SparseVector::tf_idf(c, &idf))
            .collect()
    }

    #[test]
    fn the_same_happening_in_other_words_is_closer_than_another_happening() {
        let v = vectors(&[
            (
                "Colin Powell endorses Joe Biden",
                "Former secretary of state Colin Powell said he will vote for Biden.",
            ),
            (
                "Trump mocks Colin Powell for backing Biden",
                "The president attacked Powell after the endorsement of Biden.",
            ),
            (
                "Virginia gun rally draws militias",
                "Thousands of gun rights activists gathered in Richmond.",
            ),
        ]);
        assert!(v[0].cosine(&v[1]) > 0.1, "{}", v[0].cosine(&v[1]));
        assert!(v[0].cosine(&v[2]) < 0.05, "{}", v[0].cosine(&v[2]));
        assert!((v[0].cosine(&v[0]) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn words_every_article_shares_weigh_least() {
        let v = vectors(&[
            ("the talks", "said the"),
            ("the vote", "said the"),
            ("rain", ""),
        ]);
        assert!(v[0].cosine(&v[1]) < 0.5, "{}", v[0].cosine(&v[1]));
        assert_eq!(v[0].top_terms(1), vec!["talks"]);
    }

    #[test]
    fn short_words_and_punctuation_are_not_words() {
        let w: Vec<String> = words("U.S. to vote, Ébola!").collect();
        assert_eq!(w, vec!["vote", "ébola"]);
    }

    #[test]
    fn close_vectors_share_embedding_keys_and_opposite_ones_do_not() {
        let a: Vec<f32> = (0..384)
            .map(|i| ((i * 7 % 13) as f32 - 6.0) / 6.0)
            .collect();
        let near: Vec<f32> = a
            .iter()
            .enumerate()
            .map(|(i, x)| x + if i % 10 == 0 { 0.3 } else { 0.0 })
            .collect();
        let opposite: Vec<f32> = a.iter().map(|x| -x).collect();
        let shared = |b: &[f32]| {
            let (ka, kb) = (embedding_keys(&a), embedding_keys(b));
            ka.iter().filter(|k| kb.contains(k)).count()
        };
        assert_eq!(embedding_keys(&a).len(), 8);
        assert!(shared(&near) >= 1);
        assert_eq!(shared(&opposite), 0);
    }

    #[test]
    fn empty_texts_have_no_similarity() {
        let v = vectors(&[("", ""), ("", "")]);
        assert_eq!(v[0].cosine(&v[1]), 0.0);
    }
}

//! Links across articles: near-duplicates now; stories, timelines, positions per party, the
//! claim × outlet matrix and outlet profiles are still to come (issue "Store, link and scale").
//!
//! Near-duplicates are wire copies and republications: the same text with another headline,
//! a credit line, a trimmed or added paragraph. Each body gets a 64-bit [`simhash`] over its
//! word 3-shingles; two bodies whose fingerprints differ in at most [`MAX_DISTANCE`] bits are
//! near-duplicates (see [`MAX_DISTANCE`] for how it was chosen). [`group_near_duplicates`] groups them (transitively) and marks the
//! earliest published member of each group as the original.

pub mod dedup;
pub mod simhash;

pub use dedup::{group_near_duplicates, DuplicateGroup, Fingerprinted, MAX_DISTANCE};
pub use simhash::{hamming, simhash};

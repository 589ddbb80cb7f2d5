//! Links across articles: near-duplicates, stories and their timelines; positions per party,
//! the claim × outlet matrix and outlet profiles are still to come (issue "Store, link and
//! scale").
//!
//! Near-duplicates are wire copies and republications: the same text with another headline,
//! a credit line, a trimmed or added paragraph. Each body gets a 64-bit [`simhash`] over its
//! word 3-shingles; two bodies whose fingerprints differ in at most [`MAX_DISTANCE`] bits are
//! near-duplicates (see [`MAX_DISTANCE`] for how it was chosen). [`group_near_duplicates`] groups them (transitively) and marks the
//! earliest published member of each group as the original.
//!
//! Stories ([`story`]) are the articles of several outlets about one happening, linked
//! incrementally by shared actors, events, time and text (optionally sentence embeddings,
//! cargo feature `embeddings`, see [`embed`]); [`timeline`] orders a story's events and quotes.

pub mod dedup;
#[cfg(feature = "embeddings")]
pub mod embed;
pub mod simhash;
pub mod story;
pub mod timeline;

pub use dedup::{group_near_duplicates, DuplicateGroup, Fingerprinted, MAX_DISTANCE};
pub use simhash::{hamming, simhash};
pub use story::{link_stories, Embeddings, StoryParams};
pub use timeline::{build_timeline, TimelineEntry};

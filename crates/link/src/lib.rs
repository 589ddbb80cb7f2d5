//! Links across articles: near-duplicates, stories and their timelines, positions per party,
//! the claim × outlet matrix, outlet profiles and exports.
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
//!
//! The aggregates read a [`parley_store::Store`] page by page (its aggregate-read methods):
//! [`positions()`] of one actor, the [`claim_matrix()`], [`outlet_profiles`], and
//! [`export()`] in JSON, JSON Lines, CSV, GDELT, PLOVER and Citron layouts.

pub mod claim_matrix;
pub mod dedup;
#[cfg(feature = "embeddings")]
pub mod embed;
pub mod error;
pub mod export;
pub mod outlets;
pub mod positions;
pub mod simhash;
pub mod story;
pub mod timeline;

#[cfg(test)]
mod test_store;

pub use claim_matrix::{
    claim_matrix, Cell, ClaimMatrix, ClaimRow, MatrixKey, MatrixOptions, OutletCell,
};
pub use dedup::{group_near_duplicates, DuplicateGroup, Fingerprinted, MAX_DISTANCE};
pub use error::AggregateError;
pub use export::{export, ExportFormat, ExportSummary, Selection};
pub use outlets::{outlet_profiles, HeadlineCounts, OutletProfile};
pub use positions::{
    positions, resolve_actor, DateRange, Position, PositionKinds, PositionSource, Positions,
};
pub use simhash::{hamming, simhash};
pub use story::{link_stories, Embeddings, StoryParams};
pub use timeline::{build_timeline, TimelineEntry};

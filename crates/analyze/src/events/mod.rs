//! Event coding: who did what to whom, when — CAMEO codes with PLOVER categories beside them.
//!
//! The coder is driven by reviewable data files in `data/events/` (see its README): a CAMEO
//! code table with Goldstein scores and quad classes, the CAMEO→PLOVER mapping, verb patterns
//! imported from PETRARCH's CAMEO.2.0 dictionary plus parley's own, event nouns ("talks",
//! "sanctions", "buildup"), word forms and status cues. Per sentence it finds verb and noun
//! patterns on lowercase words, takes source and target from the actor mentions by their
//! position (subject before the verb, object after it, "by" in passives, compound parties,
//! "talks between A and B"), the status from cue words (denied, conditional, negated,
//! hypothetical, proposed, planned), the date from a time expression in the sentence or else
//! the publication date, and the reporter from a quote or a "X said" cue. Every event carries
//! its sentence as evidence and its trigger words. With the parse, verb events take source and
//! target from the clause structure where it names a party ([`parsed`]).
//!
//! [`export`] writes GDELT 2.0 event rows and PLOVER JSON records.

pub mod coder;
pub mod codes;
pub mod dict;
pub mod discards;
pub mod export;
pub mod parsed;
mod places;
pub mod roles;
pub mod stage;
pub mod status;
pub mod tokens;

pub use coder::{CodeInput, Coder, Explanation};
pub use codes::{CameoTable, CodeInfo, PloverInfo};
pub use dict::Dictionary;
pub use stage::EventStage;

#[cfg(test)]
mod tests;

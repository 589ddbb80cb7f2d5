//! The word n-gram score of the stacking experiment is the framing stage's own
//! (`parley_analyze::framing::ngram`), so that a shipped n-gram file scores as the bench does.

pub use parley_analyze::framing::ngram::{ngrams, NgramModel};

//! Errors of the aggregates over a store, each saying what was being done.

use parley_store::{ActorCandidate, StoreError};

/// Why an aggregate or export could not be built.
#[derive(Debug, thiserror::Error)]
pub enum AggregateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the {what}: {cause}")]
    Write {
        what: &'static str,
        cause: std::io::Error,
    },
    #[error("no stored actor matches {needle:?} (no entity, speaker, event source or claim holder has that id or name)")]
    UnknownActor { needle: String },
    #[error("{needle:?} is ambiguous; give one of these ids or names:\n{}", list_candidates(.candidates))]
    AmbiguousActor {
        needle: String,
        candidates: Vec<ActorCandidate>,
    },
    /// Stored data that does not read back (a corrupt or hand-edited store).
    #[error("the store holds {0}")]
    Corrupt(String),
    #[error("{file}: line {line}: {reason}")]
    Data {
        file: &'static str,
        line: usize,
        reason: String,
    },
}

fn list_candidates(candidates: &[ActorCandidate]) -> String {
    candidates
        .iter()
        .map(|c| {
            format!(
                "  {}  ({}; {} mention(s))",
                c.actor_id.as_deref().unwrap_or("(no id)"),
                c.names.join(", "),
                c.mentions
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Adds what was being written to an I/O error.
pub(crate) fn write_error(what: &'static str) -> impl FnOnce(std::io::Error) -> AggregateError {
    move |cause| AggregateError::Write { what, cause }
}

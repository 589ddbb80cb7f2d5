//! Errors of the store, each saying what was being done.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The cause is part of the message and deliberately not a `#[source]`: `{:#}` chains
    // would print it twice.
    #[error("{context}: {cause}")]
    Sqlite {
        context: String,
        cause: rusqlite::Error,
    },
    #[cfg(feature = "postgres")]
    #[error("{context}: {cause}")]
    Postgres {
        context: String,
        cause: ::postgres::Error,
    },
    #[error(
        "{location} is at schema version {found}, newer than this parley knows ({known}): upgrade parley"
    )]
    SchemaTooNew {
        location: String,
        found: i64,
        known: i64,
    },
    #[error("article {id}: its stored annotations do not read back: {reason}")]
    Corrupt { id: String, reason: String },
    #[error("cannot store article {id}: {reason}")]
    Encode { id: String, reason: String },
    #[error("{0}")]
    Unsupported(String),
}

/// Adds what was being done to a SQLite error.
pub(crate) trait SqliteContext<T> {
    fn ctx(self, context: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> SqliteContext<T> for Result<T, rusqlite::Error> {
    fn ctx(self, context: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|cause| StoreError::Sqlite {
            context: context(),
            cause,
        })
    }
}

//! Errors of the store, each saying what was being done.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{context}: {source}")]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },
    #[cfg(feature = "postgres")]
    #[error("{context}: {source}")]
    Postgres {
        context: String,
        #[source]
        source: ::postgres::Error,
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
        self.map_err(|source| StoreError::Sqlite {
            context: context(),
            source,
        })
    }
}

//! Errors of the linguistic layer.

use std::path::PathBuf;

/// What went wrong loading or running the model.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}; fetch the model with scripts/fetch-model.sh")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("model files: {0}")]
    Model(String),
}

impl Error {
    pub fn model(msg: impl Into<String>) -> Error {
        Error::Model(msg.into())
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Read a file of the model folder, with the path in the error.
pub fn read(path: &std::path::Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

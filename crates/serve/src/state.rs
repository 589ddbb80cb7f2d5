//! The shared store handle, and running a store call off the async threads.

use crate::error::ApiError;
use parley_store::{Store, StoreError};
use std::sync::{Arc, Mutex};

/// What every handler gets: the one store connection, used by one request at a time.
///
/// Store calls block (rusqlite, sync postgres), so [`AppState::with_store`] runs them on
/// tokio's blocking pool.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Box<dyn Store + Send>>>,
}

impl AppState {
    pub fn new(store: Box<dyn Store + Send>) -> Self {
        AppState {
            store: Arc::new(Mutex::new(store)),
        }
    }

    /// Runs `f` with the store on the blocking pool; a store error becomes a 500 answer
    /// saying what was being done.
    pub async fn with_store<T, F>(&self, what: &'static str, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let joined = tokio::task::spawn_blocking(move || {
            // A panic in an earlier call poisons the lock; the connection itself is still usable.
            let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
            f(guard.as_mut())
        })
        .await;
        match joined {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(ApiError::store(what, &e)),
            Err(e) => Err(ApiError::internal(format!(
                "{what}: the store task failed: {e}"
            ))),
        }
    }
}

//! The shared store connections, and running a store call off the async threads.

use crate::error::ApiError;
use parley_store::{Store, StoreError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

type Shared = Arc<Mutex<Box<dyn Store + Send>>>;

/// What every handler gets: a few store connections, each used by one request at a time.
///
/// Store calls block (rusqlite, sync postgres), so [`AppState::with_store`] runs them on
/// tokio's blocking pool. With several connections (readers of one SQLite file in WAL mode,
/// or several PostgreSQL sessions) requests run side by side instead of queueing behind one
/// slow search.
#[derive(Clone)]
pub struct AppState {
    stores: Arc<Vec<Shared>>,
    next: Arc<AtomicUsize>,
}

impl AppState {
    /// One connection: requests take turns.
    pub fn new(store: Box<dyn Store + Send>) -> Self {
        Self::pool(vec![store])
    }

    /// Several connections to the same store; an empty list is a programming error.
    pub fn pool(stores: Vec<Box<dyn Store + Send>>) -> Self {
        assert!(
            !stores.is_empty(),
            "AppState::pool needs at least one store"
        );
        AppState {
            stores: Arc::new(
                stores
                    .into_iter()
                    .map(|s| Arc::new(Mutex::new(s)))
                    .collect(),
            ),
            next: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// How many connections requests are spread over.
    pub fn connections(&self) -> usize {
        self.stores.len()
    }

    /// Runs `f` with a free store connection (or, when all are busy, the next in turn) on the
    /// blocking pool; a store error becomes a 500 answer saying what was being done.
    pub async fn with_store<T, F>(&self, what: &'static str, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, StoreError> + Send + 'static,
    {
        self.with_store_answer(what, move |s| f(s).map_err(|e| ApiError::store(what, &e)))
            .await
    }

    /// Like [`AppState::with_store`], for calls that decide their own error answer (a
    /// library call whose errors are not all the store's).
    pub async fn with_store_answer<T, F>(&self, what: &'static str, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let stores = Arc::clone(&self.stores);
        let turn = self.next.fetch_add(1, Ordering::Relaxed);
        let joined = tokio::task::spawn_blocking(move || {
            let n = stores.len();
            let free = (0..n).find_map(|k| stores[(turn + k) % n].try_lock().ok());
            // A panic in an earlier call poisons a lock; the connection itself is still usable.
            let mut guard = match free {
                Some(guard) => guard,
                None => stores[turn % n].lock().unwrap_or_else(|p| p.into_inner()),
            };
            f(guard.as_mut())
        })
        .await;
        match joined {
            Ok(answer) => answer,
            Err(e) => Err(ApiError::internal(format!(
                "{what}: the store task failed: {e}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_connections_serve_two_requests_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pool.sqlite");
        let open = || parley_store::open(path.to_str().unwrap()).unwrap();
        let state = AppState::pool(vec![open(), open()]);
        assert_eq!(state.connections(), 2);
        // Each call waits for the other inside its store call: with one connection they
        // would wait for ever, with two they meet.
        let barrier = Arc::new(Barrier::new(2));
        let call = |state: AppState, barrier: Arc<Barrier>| async move {
            state
                .with_store("meeting", move |s| {
                    barrier.wait();
                    s.counts()
                })
                .await
        };
        let both = tokio::time::timeout(std::time::Duration::from_secs(20), async {
            tokio::join!(call(state.clone(), barrier.clone()), call(state, barrier))
        })
        .await
        .expect("the two calls ran side by side");
        assert!(both.0.is_ok() && both.1.is_ok());
    }
}

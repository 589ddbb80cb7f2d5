//! Opening a SQLite store: connection settings and migrations.

use crate::error::SqliteContext;
use crate::migrate::{latest, SQLITE};
use crate::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::time::Duration;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// The page cache per connection, in KiB (SQLite takes a negative `cache_size` as KiB).
const PAGE_CACHE_KIB: i64 = -32 * 1024;

/// Opens the file with WAL and foreign keys on, and applies the migrations it lacks.
pub fn open(path: &str) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path).ctx(|| {
        format!("cannot open SQLite store {path} (does its folder exist, and may you write there?)")
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .ctx(|| format!("cannot configure {path}"))?;
    // WAL: readers never block the writer, and a killed writer leaves the last committed
    // state. synchronous=NORMAL keeps every commit across a process crash (kill -9); only a
    // power cut may lose the last commits, never consistency.
    switch_to_wal(&conn).ctx(|| format!("cannot switch {path} to WAL (is it a SQLite file?)"))?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .ctx(|| format!("cannot configure {path}"))?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .ctx(|| format!("cannot configure {path}"))?;
    // A page cache that holds a batch's index pages (the default is 2 MB): a memory setting,
    // with no effect on what a commit makes durable.
    conn.pragma_update(None, "cache_size", PAGE_CACHE_KIB)
        .ctx(|| format!("cannot configure {path}"))?;
    migrate(&mut conn, path)?;
    Ok(conn)
}

/// Sets WAL mode. The switch needs the file to itself, and SQLite does not call the busy
/// handler for it, so when other processes open a new store at the same moment it answers
/// "database is locked" at once: retry until the busy timeout runs out. A file already in
/// WAL mode (every store after its first opening) needs no switch.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let started = std::time::Instant::now();
    loop {
        let mode: rusqlite::Result<String> =
            conn.query_row("PRAGMA journal_mode", [], |r| r.get(0));
        let result = match mode {
            Ok(m) if m.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(_) => conn.pragma_update(None, "journal_mode", "WAL"),
            Err(e) => Err(e),
        };
        match result {
            Err(e) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(25));
            }
            other => return other,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Applies every migration above the recorded version, each in its own transaction.
/// Several processes opening a new store at once are serialised by the write lock.
fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
         )",
    )
    .ctx(|| format!("cannot create the schema_version table in {path}"))?;
    for m in SQLITE {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(|| format!("cannot lock {path} to migrate it"))?;
        let current =
            current_version(&tx).ctx(|| format!("cannot read the schema version of {path}"))?;
        if current > latest(SQLITE) {
            return Err(StoreError::SchemaTooNew {
                location: path.to_string(),
                found: current,
                known: latest(SQLITE),
            });
        }
        if m.version <= current {
            continue;
        }
        tx.execute_batch(m.sql)
            .ctx(|| format!("migration {:04}_{} failed on {path}", m.version, m.name))?;
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![m.version, m.name, now()],
        )
        .ctx(|| format!("cannot record migration {} in {path}", m.version))?;
        tx.commit()
            .ctx(|| format!("cannot commit migration {} to {path}", m.version))?;
    }
    Ok(())
}

fn current_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )
}

/// The schema version the store is at.
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    current_version(conn).ctx(|| "cannot read the schema version".into())
}

/// The current time in RFC 3339, UTC, to the second.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

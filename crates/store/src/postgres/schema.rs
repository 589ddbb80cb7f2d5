//! Connecting to PostgreSQL and applying migrations.

use super::PgContext;
use crate::migrate::{latest, POSTGRES};
use crate::StoreError;
use postgres::{Client, NoTls};

/// Any constant: the advisory lock that serialises migrations between workers starting at once.
const MIGRATION_LOCK: i64 = 0x7061_726c_6579; // "parley"

pub fn open(url: &str, location: &str) -> Result<Client, StoreError> {
    let mut client = Client::connect(url, NoTls).ctx(|| {
        format!(
            "cannot connect to {location} (is the server running? scripts/postgres.sh starts one)"
        )
    })?;
    migrate(&mut client, location)?;
    Ok(client)
}

/// Applies the missing migrations in one transaction, under an advisory lock so that workers
/// starting together migrate once.
fn migrate(client: &mut Client, location: &str) -> Result<(), StoreError> {
    let mut tx = client
        .transaction()
        .ctx(|| format!("cannot start a transaction on {location}"))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .ctx(|| format!("cannot take the migration lock on {location}"))?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    BIGINT PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )
    .ctx(|| format!("cannot create the schema_version table on {location}"))?;
    let current: i64 = tx
        .query_one(
            "SELECT coalesce(max(version), 0)::bigint FROM schema_version",
            &[],
        )
        .and_then(|r| r.try_get(0))
        .ctx(|| format!("cannot read the schema version of {location}"))?;
    if current > latest(POSTGRES) {
        return Err(StoreError::SchemaTooNew {
            location: location.to_string(),
            found: current,
            known: latest(POSTGRES),
        });
    }
    for m in POSTGRES.iter().filter(|m| m.version > current) {
        tx.batch_execute(m.sql)
            .ctx(|| format!("migration {:04}_{} failed on {location}", m.version, m.name))?;
        tx.execute(
            "INSERT INTO schema_version (version, name) VALUES ($1, $2)",
            &[&m.version, &m.name],
        )
        .ctx(|| format!("cannot record migration {} on {location}", m.version))?;
    }
    tx.commit()
        .ctx(|| format!("cannot commit the migrations on {location}"))
}

pub fn version(client: &mut Client) -> Result<i64, StoreError> {
    client
        .query_one(
            "SELECT coalesce(max(version), 0)::bigint FROM schema_version",
            &[],
        )
        .and_then(|r| r.try_get(0))
        .ctx(|| "cannot read the schema version".into())
}

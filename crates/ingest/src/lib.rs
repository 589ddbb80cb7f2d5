//! Ingest

//! Storage of articles and their annotations: SQLite by default, PostgreSQL for teams.
//!
//! Not built yet: issue "Store, link and scale" fills this crate. It exists now so the
//! workspace shows the whole pipeline (ingest → analyze → store → link → serve).

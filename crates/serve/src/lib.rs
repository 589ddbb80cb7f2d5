//! The HTTP JSON API and server-rendered pages for analysts.
//!
//! Not built yet: issue "Serve" fills this crate. It exists now so the workspace shows the
//! whole pipeline (ingest → analyze → store → link → serve).

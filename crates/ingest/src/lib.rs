//! Ingest

pub mod charset;
pub mod html;

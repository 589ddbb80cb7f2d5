//! Ingest

pub mod charset;
pub mod feed;
pub mod html;

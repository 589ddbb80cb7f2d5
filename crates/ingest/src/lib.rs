//! Ingest

pub mod charset;
pub mod feed;
pub mod html;
pub mod warc;

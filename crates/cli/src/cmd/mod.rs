//! One module per subcommand.

pub mod analyze;
pub mod claims;
pub mod demo;
pub mod export;
pub mod extract;
pub mod framing;
pub mod ingest;
pub mod link;
pub mod outlets;
pub mod parse;
pub mod positions;
pub mod quotes;
pub mod search;
pub mod serve;
pub mod stories;
pub mod timeline;

//! One module per subcommand.

pub mod analyze;
pub mod demo;
pub mod extract;
pub mod ingest;
pub mod link;
pub mod quotes;
pub mod search;
pub mod serve;
pub mod stories;
pub mod timeline;

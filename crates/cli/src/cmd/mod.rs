//! One module per subcommand.

pub mod analyze;
pub mod demo;
pub mod ingest;
pub mod link;
pub mod search;

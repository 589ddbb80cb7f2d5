//! One module per subcommand.

pub mod analyze;
pub mod demo;
pub mod extract;
pub mod quotes;

//! analyze
pub mod actors;
pub mod time;

//! Actors: who a mention stands for.
pub mod fold;
pub mod kb;

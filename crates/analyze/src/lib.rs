//! Per-article analysis: runs parley's stages over one article and collects their annotations.
//!
//! A [`Pipeline`] is an ordered list of [`Stage`]s. Each stage reads the article (and the
//! annotations of the stages before it) and adds its own: actor mentions, time expressions,
//! quotes, events, claims, framing signals. Stages are pure functions of their input and the
//! knowledge files, so articles can be analysed in parallel and stages swapped or left out,
//! in the manner of spaCy's pipeline components.

pub mod actors;
pub mod events;
pub mod framing;
pub mod parse;
pub mod pipeline;
pub mod quotes;
pub mod standard;
pub mod time;

pub use pipeline::{Context, Pipeline, Stage};

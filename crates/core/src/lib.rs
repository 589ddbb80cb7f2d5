//! The data model every parley stage shares.
//!
//! An [`Article`] is the unit of input: a body of text with its metadata. Every fact the
//! analysis extracts is an annotation that points back into that body with a [`Span`] of
//! byte offsets, so each entity mention, quote, event, claim and framing signal can be shown
//! in its source text. A [`Report`] is what `parley analyze` writes: one [`Document`] per
//! article, with the annotations of every stage.
//!
//! The [`text`] module is the text layer (paragraphs, sentences, tokens, quotation regions)
//! that the analysis stages read, in the manner of spaCy's `Doc`.

pub mod article;
pub mod claim;
pub mod entity;
pub mod event;
pub mod framing;
pub mod quote;
pub mod report;
pub mod span;
pub mod text;
pub mod time;

pub use article::{article_id, Article, DateSource};
pub use claim::{Claim, ClaimHolder, Stance};
pub use entity::{ActorRef, EntityMention};
pub use event::{Event, EventActor, EventStatus, Plover};
pub use framing::{Framing, FramingSignal};
pub use quote::{Cue, Quote, QuoteKind, Speaker};
pub use report::{Analysis, Document, Report};
pub use span::{Span, SpanError, TextSpan};
pub use text::TextLayer;
pub use time::TimeMention;

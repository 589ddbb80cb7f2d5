//! Framing signals: how the outlet tells the story.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// One marked stretch of text: a loaded word, a name-calling phrase, a doubt marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingSignal {
    #[serde(flatten)]
    pub span: TextSpan,
    /// Propaganda technique, in PTC's names: loaded_language, name_calling, doubt, exaggeration.
    pub technique: String,
    /// "author" when the words are the author's own, "source" when they are inside a quote.
    pub voice: String,
}

/// Everything the framing stage says about one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Framing {
    pub signals: Vec<FramingSignal>,
}

//! Quotations and reported speech with their speakers.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quoted statement between quotation marks.
    Direct,
    /// A few quoted words inside the author's own sentence.
    Partial,
    /// Reported speech without quotation marks ("X said that ...").
    Indirect,
}

/// Who said it, as named in the text, and the actor resolved for that name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub actor_id: Option<String>,
}

/// The speech verb or phrase that introduces a quote ("said", "according to").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Lemma of the cue ("say", "deny", "according to").
    pub verb: String,
    #[serde(flatten)]
    pub span: TextSpan,
    pub negated: bool,
    pub modal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted or reported content.
    #[serde(flatten)]
    pub span: TextSpan,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub speaker_span: Option<TextSpan>,
    /// Why the speaker is null, when it is.
    pub speaker_unknown_reason: Option<String>,
    pub cue: Option<Cue>,
    /// Author insertions inside the quote: "(sic)", "(Y)ou'll", "(with Russia)".
    pub insertions: Vec<TextSpan>,
    /// Scare quotes around a term used ironically, not speech.
    pub scare: bool,
}

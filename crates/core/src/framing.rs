//! Framing signals: how the outlet tells the story.
//!
//! [`Framing`] carries the marked words ([`FramingSignal`]), the tone of the article and of each
//! sentence ([`Tone`], GDELT's V1.5TONE arithmetic), how much of the text the author asserts
//! in his own voice ([`AuthorVoice`]), an article bias score ([`Loadedness`]) and whether the
//! body supports the headline ([`HeadlineSupport`]).

use crate::span::{Span, TextSpan};
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
    /// The lexicon headword the span matched ("lie" for "lied"); empty when none applies
    /// (e.g. a term put in scare quotes).
    #[serde(default)]
    pub term: String,
}

/// GDELT GKG V1.5TONE over a stretch of text: all but `word_count` are percentages of words.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Tone {
    /// `positive - negative`, from -100 to +100 (news mostly -10..+10).
    pub tone: f64,
    /// Share of words with a positive valence in the tone lexicon, × 100.
    pub positive: f64,
    /// Share of words with a negative valence, × 100.
    pub negative: f64,
    /// Share of words found in the tone lexicon at all (`positive + negative`): how charged.
    pub polarity: f64,
    /// Share of words that are activity words, × 100.
    pub activity_density: f64,
    /// Share of words that are personal pronouns, × 100.
    pub self_group_density: f64,
    pub word_count: usize,
}

/// What the framing stage says about one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceFraming {
    #[serde(flatten)]
    pub span: Span,
    pub tone: Tone,
    /// "author" when the author asserts it, "attributed" when it reports a source,
    /// "none" when it carries no claim (too short to).
    pub voice: String,
    /// Sentence-level bias score in 0..1 (lexicon features, logistic); see `biased`.
    pub bias: f64,
    pub biased: bool,
}

/// How much of the article the author asserts in his own voice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AuthorVoice {
    /// Sentences that carry a claim (attributed + author-asserted).
    pub claim_sentences: usize,
    pub attributed: usize,
    pub author_asserted: usize,
    /// `author_asserted / claim_sentences` (0 when there are none).
    pub author_share: f64,
    /// The author's insertions into quotations: "(sic)", "(Y)ou'll", "(with Russia)".
    #[serde(default)]
    pub insertions: Vec<TextSpan>,
}

/// An article-level bias score from the framing signals.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Loadedness {
    /// Author-voice signals per 100 words.
    pub author_signals_per_100_words: f64,
    /// All signals (author and source) per 100 words.
    pub signals_per_100_words: f64,
    /// Share of claim-bearing sentences judged biased.
    pub biased_sentence_share: f64,
    /// Article bias score in 0..1: the mean sentence bias score over claim-bearing sentences
    /// (over all sentences when none carries a claim).
    #[serde(default)]
    pub bias_score: f64,
    /// "neutral", "loaded" or "strongly_loaded".
    pub level: String,
}

/// Whether the body supports the headline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadlineSupport {
    /// "supported", "partly" or "unsupported".
    pub verdict: String,
    /// Share of the headline's key (non-name) terms the body carries, 0..1.
    pub coverage: f64,
    /// Headline terms the body carries, each with the body span of its first occurrence.
    #[serde(default)]
    pub supported_by: Vec<HeadlineTerm>,
    /// Headline terms the body does not carry.
    #[serde(default)]
    pub missing: Vec<String>,
    /// Loaded or name-calling terms of the headline that the body does not carry.
    #[serde(default)]
    pub unsupported_framing: Vec<String>,
}

/// A headline term and the body span that carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadlineTerm {
    pub term: String,
    pub evidence: TextSpan,
}

/// Everything the framing stage says about one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Framing {
    pub signals: Vec<FramingSignal>,
    /// Tone of the whole body.
    #[serde(default)]
    pub tone: Tone,
    /// Tone, voice and bias of each sentence.
    #[serde(default)]
    pub sentences: Vec<SentenceFraming>,
    #[serde(default)]
    pub author_voice: AuthorVoice,
    #[serde(default)]
    pub loadedness: Loadedness,
    /// None when the article has no headline.
    #[serde(default)]
    pub headline: Option<HeadlineSupport>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The store keeps no row for an empty list, so these objects come back without them.
    #[test]
    fn headline_and_author_voice_read_without_their_empty_lists() {
        let h: HeadlineSupport =
            serde_json::from_value(serde_json::json!({"verdict": "supported", "coverage": 1.0}))
                .expect("headline without lists reads");
        assert!(h.missing.is_empty() && h.supported_by.is_empty());
        let v: AuthorVoice = serde_json::from_value(serde_json::json!({
            "claim_sentences": 1, "attributed": 1, "author_asserted": 0, "author_share": 0.0
        }))
        .expect("author voice without insertions reads");
        assert!(v.insertions.is_empty());
    }
}

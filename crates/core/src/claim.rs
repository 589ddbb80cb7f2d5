//! Claims: propositions in the text, who holds them, and with what stance.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Asserts,
    Denies,
    Disputes,
    Questions,
    Reports,
}

impl Stance {
    /// The name the report writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Disputes => "disputes",
            Stance::Questions => "questions",
            Stance::Reports => "reports",
        }
    }
}

/// Who holds a claim: the author, or a quoted or reported source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimHolder {
    /// "author" or "source".
    pub kind: String,
    pub name: Option<String>,
    pub actor_id: Option<String>,
}

/// A claim reduced to what can be matched across articles: the actors it is about, the
/// event it states (a CAMEO code, when the event stage gives one) and its polarity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClaimKey {
    /// Names in the proposition, lower-cased ("russia", "ukraine").
    pub actors: Vec<String>,
    pub event_code: Option<String>,
    /// +1 when the proposition is stated positively, -1 when negated ("had no plans").
    pub polarity: i8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The evidence: the sentence (or clause) the claim is read from.
    #[serde(flatten)]
    pub span: TextSpan,
    pub holder: ClaimHolder,
    pub stance: Stance,
    /// The proposition itself: the that-clause, the quotation, or the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposition: Option<TextSpan>,
    /// The words that signal the stance ("denied", "falsely", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<TextSpan>,
    /// For a denial or dispute of someone else's statement: whose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<ClaimHolder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<ClaimKey>,
}

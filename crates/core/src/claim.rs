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

/// Who holds a claim: the author, or a quoted or reported source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimHolder {
    /// "author" or "source".
    pub kind: String,
    pub name: Option<String>,
    pub actor_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    #[serde(flatten)]
    pub span: TextSpan,
    pub holder: ClaimHolder,
    pub stance: Stance,
}

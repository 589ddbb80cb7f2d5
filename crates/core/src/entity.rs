//! Entity mentions and the actors they stand for.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// The actor a mention stands for: a person, an organisation, a country, a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Knowledge-base id (e.g. `RUS`, `RUSGOV:lavrov`), or a local id for actors found in the text.
    pub id: String,
    pub name: String,
    /// person | organization | country | place | group
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166 alpha-3 code, or `IGO` for international organisations.
    pub country: Option<String>,
    /// CAMEO-style sector code: GOV, MIL, LEG, MED, ...
    pub sector: Option<String>,
}

/// A stretch of text that names or refers to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    #[serde(flatten)]
    pub span: TextSpan,
    /// The resolved actor, or null when the mention could not be resolved.
    pub actor: Option<ActorRef>,
    /// How the mention was found: kb | ner | pattern | coref.
    pub found_by: String,
}

//! Coded events: who did what to whom, when (CAMEO with PLOVER beside it).

use crate::span::TextSpan;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A party to an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    pub name: String,
    pub actor_id: Option<String>,
    /// ISO 3166 alpha-3 code, or `IGO`.
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// PLOVER category and mode for a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    pub category: String,
    pub mode: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Occurred,
    Planned,
    Proposed,
    Denied,
    Negated,
    Hypothetical,
    Conditional,
}

impl EventStatus {
    /// The status as it is written in reports and in the code tables ("occurred", "negated").
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Planned => "planned",
            EventStatus::Proposed => "proposed",
            EventStatus::Denied => "denied",
            EventStatus::Negated => "negated",
            EventStatus::Hypothetical => "hypothetical",
            EventStatus::Conditional => "conditional",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// CAMEO code, 2 to 4 digits.
    pub code: String,
    /// CAMEO root (first two digits).
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<Plover>,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub date: Option<NaiveDate>,
    /// Where the date came from: "text" (a time expression) or "published".
    pub date_from: Option<String>,
    pub status: EventStatus,
    /// The speaker who reports the event, or null when the author does.
    pub reported_by: Option<String>,
    pub evidence: TextSpan,
    /// All parties on the source side when it is compound ("the US and Russia"); `source` is
    /// the one this dyadic record stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<EventActor>,
    /// All parties on the target side when it is compound.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<EventActor>,
    /// True for reciprocal events (talks, meetings among the parties), coded one record per
    /// direction.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reciprocal: bool,
    /// The words that carry the event (verb or noun), inside `evidence`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<TextSpan>,
}

#[cfg(test)]
mod tests {
    use super::EventStatus;

    #[test]
    fn a_status_name_is_the_one_reports_carry() {
        use EventStatus::*;
        for s in [
            Occurred,
            Planned,
            Proposed,
            Denied,
            Negated,
            Hypothetical,
            Conditional,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }
}

//! Time expressions found in an article, normalised against its publication date.

use crate::span::TextSpan;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "On Monday", "in January", "Dec. 21", with the date it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    #[serde(flatten)]
    pub span: TextSpan,
    /// ISO value: `2022-01-10` a day, `2022-W02` a week, `2022-01` a month, `2022` a year,
    /// `2022-01-10/2022-01-12` a range, `P3D` a duration; null when it cannot be resolved.
    pub value: Option<String>,
    /// The first day the value covers.
    pub date: Option<NaiveDate>,
    /// The date it was resolved against (the publication date, or an earlier expression's).
    pub anchor: Option<NaiveDate>,
    /// The rule that found and normalised it.
    pub rule: String,
}

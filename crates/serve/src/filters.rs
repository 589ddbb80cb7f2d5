//! Query parameters of the filtered lists (quotes, events) and the actor path, parsed by hand
//! so that every bad value gets a 400 saying what to send.

use crate::error::ApiError;
use crate::params::{self, Params};
use chrono::NaiveDate;
use parley_store::{EventFilter, Paging, QuoteFilter};

/// Longest actor id or name accepted, in characters.
pub const MAX_ACTOR_CHARS: usize = 200;
/// Longest CAMEO code: four digits.
pub const MAX_CODE_DIGITS: usize = 4;

/// `speaker` (optional: blank lists every quote), `offset`, `limit`.
pub fn quotes(params: &Params) -> Result<QuoteFilter, ApiError> {
    Ok(QuoteFilter {
        speaker: actor_param(params, "speaker")?,
        paging: paging(params)?,
    })
}

/// `actor`, `code` (1 to 4 digits, a CAMEO prefix), `from` and `to` (YYYY-MM-DD, from <= to),
/// `offset`, `limit`; all optional.
pub fn events(params: &Params) -> Result<EventFilter, ApiError> {
    let code = match params.get("code").map(|c| c.trim()) {
        None | Some("") => None,
        Some(c) if !c.is_empty() && c.len() <= MAX_CODE_DIGITS && c.bytes().all(|b| b.is_ascii_digit()) => {
            Some(c.to_string())
        }
        Some(c) => {
            return Err(ApiError::bad_request(format!(
                "code={:?} is not allowed: give a CAMEO code or its prefix, 1 to {MAX_CODE_DIGITS} digits (e.g. 04 or 036)",
                params::clip(c)
            )))
        }
    };
    let from = date_param(params, "from")?;
    let to = date_param(params, "to")?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad_request(format!(
                "from={f} is after to={t}: give from on or before to"
            )));
        }
    }
    Ok(EventFilter {
        actor: actor_param(params, "actor")?,
        code,
        from,
        to,
        paging: paging(params)?,
    })
}

/// `offset` and `limit` as the store's paging.
pub fn paging(params: &Params) -> Result<Paging, ApiError> {
    let page = params::page(params)?;
    Ok(Paging {
        offset: page.offset,
        limit: page.limit,
    })
}

/// `span=START-END` (byte offsets, START < END), when given.
pub fn span(params: &Params) -> Result<Option<(usize, usize)>, ApiError> {
    let Some(raw) = params.get("span") else {
        return Ok(None);
    };
    let parsed = raw
        .split_once('-')
        .and_then(|(a, b)| {
            Some((
                a.trim().parse::<usize>().ok()?,
                b.trim().parse::<usize>().ok()?,
            ))
        })
        .filter(|(a, b)| a < b);
    match parsed {
        Some(span) => Ok(Some(span)),
        None => Err(ApiError::bad_request(format!(
            "span={:?} is not allowed: give START-END, byte offsets with START before END",
            params::clip(raw)
        ))),
    }
}

/// Checks an actor id or name (from a path or a parameter): not blank, at most 200
/// characters, no control characters.
pub fn actor(raw: &str) -> Result<String, ApiError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(ApiError::bad_request(
            "the actor is blank: give an actor id (e.g. sergey-lavrov) or a name",
        ));
    }
    if name.chars().count() > MAX_ACTOR_CHARS || name.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "{:?} is not an actor: give an id or name of at most {MAX_ACTOR_CHARS} characters without control characters",
            params::clip(name)
        )));
    }
    Ok(name.to_string())
}

/// An optional actor parameter; blank counts as absent (an empty form field).
fn actor_param(params: &Params, name: &str) -> Result<Option<String>, ApiError> {
    match params.get(name) {
        Some(v) if !v.trim().is_empty() => actor(v)
            .map(Some)
            .map_err(|e| ApiError::bad_request(format!("{name}: {}", e.message))),
        _ => Ok(None),
    }
}

/// An optional YYYY-MM-DD parameter; blank counts as absent.
fn date_param(params: &Params, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    match params.get(name).map(|v| v.trim()) {
        None | Some("") => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::bad_request(format!(
                    "{name}={:?} is not a date: give YYYY-MM-DD",
                    params::clip(v)
                ))
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::params::tests::params;

    #[test]
    fn quotes_take_an_optional_speaker_and_paging() {
        let f = quotes(&params(&[("speaker", " Sergey Lavrov "), ("limit", "5")])).unwrap();
        assert_eq!(f.speaker.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(f.paging.limit, 5);
        assert_eq!(quotes(&params(&[("speaker", "  ")])).unwrap().speaker, None);
        assert!(quotes(&params(&[("speaker", &"x".repeat(201))])).is_err());
        assert!(quotes(&params(&[("speaker", "a\u{0}b")])).is_err());
        assert!(quotes(&params(&[("limit", "1000")])).is_err());
    }

    #[test]
    fn events_check_code_dates_and_their_order() {
        let f = events(&params(&[
            ("actor", "RUS"),
            ("code", "04"),
            ("from", "2022-01-01"),
            ("to", "2022-01-31"),
        ]))
        .unwrap();
        assert_eq!(f.code.as_deref(), Some("04"));
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2022, 1, 1));
        for bad in ["0a", "12345", "%", "04%"] {
            let e = events(&params(&[("code", bad)])).unwrap_err();
            assert!(e.message.starts_with("code="), "{}", e.message);
        }
        for bad in ["2022-13-01", "13/01/2022", "yesterday"] {
            let e = events(&params(&[("from", bad)])).unwrap_err();
            assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);
        }
        let e = events(&params(&[("from", "2022-02-01"), ("to", "2022-01-01")])).unwrap_err();
        assert!(e.message.contains("after"), "{}", e.message);
        assert_eq!(
            events(&params(&[("code", ""), ("from", "")])).unwrap().code,
            None
        );
    }

    #[test]
    fn span_takes_start_before_end() {
        assert_eq!(span(&params(&[])).unwrap(), None);
        assert_eq!(span(&params(&[("span", "3-10")])).unwrap(), Some((3, 10)));
        for bad in ["10-3", "3-3", "3", "a-b", "-1-4", ""] {
            assert!(span(&params(&[("span", bad)])).is_err(), "{bad}");
        }
    }

    #[test]
    fn actor_rejects_blank_long_and_control_characters() {
        assert_eq!(actor(" sergey-lavrov ").unwrap(), "sergey-lavrov");
        assert!(actor(" ").is_err());
        assert!(actor("a\nb").is_err());
        assert!(actor(&"x".repeat(MAX_ACTOR_CHARS + 1)).is_err());
    }
}

//! Query parameters, parsed by hand so that every bad value gets a 400 saying what to send.

use crate::error::ApiError;
use std::collections::HashMap;

/// Most items one list or search answer returns.
pub const MAX_LIMIT: usize = 100;
/// Items per answer when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;
/// Longest search query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Longest article id accepted (ids are 64-character hashes).
pub const MAX_ID_CHARS: usize = 128;

/// A page of a list: skip `offset` items, return at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

/// A search: the words, and at most `limit` hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub q: String,
    pub limit: usize,
}

pub type Params = HashMap<String, String>;

/// `offset` (default 0) and `limit` (1..=100, default 20).
pub fn page(params: &Params) -> Result<Page, ApiError> {
    Ok(Page {
        offset: number(params, "offset", 0, usize::MAX, 0)?,
        limit: number(params, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT)?,
    })
}

/// `q` (required, not blank, at most 500 characters) and `limit` (1..=100, default 20).
pub fn search(params: &Params) -> Result<Search, ApiError> {
    let q = params.get("q").map(|q| q.trim()).unwrap_or_default();
    if q.is_empty() {
        return Err(ApiError::bad_request(
            "missing search words: give them as ?q=words",
        ));
    }
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::bad_request(format!(
            "the search query is longer than {MAX_QUERY_CHARS} characters: shorten it"
        )));
    }
    Ok(Search {
        q: q.to_string(),
        limit: number(params, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT)?,
    })
}

/// Checks an article id from a path: not empty, not too long, only letters, digits, `-_.:`.
pub fn article_id(id: &str) -> Result<&str, ApiError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    if ok {
        Ok(id)
    } else {
        Err(ApiError::bad_request(format!(
            "{:?} is not an article id: ids are up to {MAX_ID_CHARS} letters, digits, '-', '_', '.' or ':'",
            clip(id)
        )))
    }
}

/// The whole number `name` in `min..=max`, or `default` when absent.
fn number(
    params: &Params,
    name: &str,
    min: usize,
    max: usize,
    default: usize,
) -> Result<usize, ApiError> {
    let Some(raw) = params.get(name) else {
        return Ok(default);
    };
    let bad = || {
        let range = if max == usize::MAX {
            format!("{min} or more")
        } else {
            format!("{min} to {max}")
        };
        ApiError::bad_request(format!(
            "{name}={:?} is not allowed: give a whole number, {range}",
            clip(raw)
        ))
    };
    let n: usize = raw.trim().parse().map_err(|_| bad())?;
    if n < min || n > max {
        return Err(bad());
    }
    Ok(n)
}

/// At most 40 characters of user input, for quoting it in messages.
pub(crate) fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Query parameters from pairs, for tests here and in filters.rs.
    pub(crate) fn params(pairs: &[(&str, &str)]) -> Params {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn page_defaults_when_absent() {
        assert_eq!(
            page(&params(&[])).unwrap(),
            Page {
                offset: 0,
                limit: DEFAULT_LIMIT
            }
        );
    }

    #[test]
    fn page_rejects_limit_out_of_range_and_non_numbers() {
        for bad in ["0", "101", "-1", "abc", "1e3", ""] {
            let e = page(&params(&[("limit", bad)])).unwrap_err();
            assert_eq!(e.status, 400, "limit={bad}");
            assert!(e.message.contains("limit="), "{}", e.message);
        }
        assert!(page(&params(&[("offset", "-5")])).is_err());
    }

    #[test]
    fn search_requires_words_and_caps_their_length() {
        assert!(search(&params(&[])).is_err());
        assert!(search(&params(&[("q", "   ")])).is_err());
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(search(&params(&[("q", &long)])).is_err());
        let s = search(&params(&[("q", " Lavrov "), ("limit", "5")])).unwrap();
        assert_eq!((s.q.as_str(), s.limit), ("Lavrov", 5));
    }

    #[test]
    fn article_id_accepts_hashes_and_rejects_markup() {
        assert!(article_id(&"ab12".repeat(16)).is_ok());
        assert!(article_id("<script>").is_err());
        assert!(article_id("").is_err());
        assert!(article_id(&"a".repeat(MAX_ID_CHARS + 1)).is_err());
    }
}

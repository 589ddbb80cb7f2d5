//! Lexical attributes as spaCy computes them for English: NORM (exception norm, then the
//! `lexeme_norm` lookup table, then lower case), PREFIX (first character), SUFFIX (last
//! three characters), SHAPE (`Xxxx`, `dd`, ...), and the feature ids fed to the embeddings.

use crate::error::{Error, Result};
use crate::hash::string_id;
use crate::msgpack::{get, value_str};
use crate::pyunicode::{is_alpha, is_digit, is_upper};
use rmpv::Value;
use std::collections::HashMap;

/// The `lexeme_norm` table of `vocab/lookups.bin`: string id of a word -> its norm.
pub struct NormTable {
    norms: HashMap<u64, String>,
}

impl NormTable {
    pub fn from_bytes(bytes: &[u8]) -> Result<NormTable> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| Error::model(format!("vocab/lookups.bin: not msgpack: {e}")))?;
        let mut norms = HashMap::new();
        let table = match get(&value, "lexeme_norm") {
            Some(Value::Binary(b)) => rmpv::decode::read_value(&mut &b[..])
                .map_err(|e| Error::model(format!("lexeme_norm table: {e}")))?,
            Some(other) => other.clone(),
            None => return Ok(NormTable { norms }),
        };
        // either {"dict": {id: norm}, ...} (Table.to_bytes) or {id: norm} directly
        let entries = match get(&table, "dict") {
            Some(Value::Map(entries)) => entries,
            _ => match &table {
                Value::Map(entries) => entries,
                _ => return Err(Error::model("lexeme_norm table is not a map")),
            },
        };
        for (k, v) in entries {
            if let (Some(k), Some(v)) = (k.as_u64(), value_str(v)) {
                norms.insert(k, v.to_string());
            }
        }
        Ok(NormTable { norms })
    }

    pub fn empty() -> NormTable {
        NormTable {
            norms: HashMap::new(),
        }
    }

    /// NORM of a word with no exception norm: the model's table, then spaCy's
    /// `BASE_NORMS` (quotes, dashes, currency signs), then lower case.
    pub fn norm(&self, orth: &str) -> String {
        if let Some(n) = self.norms.get(&string_id(orth)) {
            return n.clone();
        }
        if let Some((_, n)) = BASE_NORMS.iter().find(|(k, _)| *k == orth) {
            return n.to_string();
        }
        orth.to_lowercase()
    }
}

/// `spacy.lang.norm_exceptions.BASE_NORMS` (part of spaCy's English defaults, not of the
/// model folder).
const BASE_NORMS: &[(&str, &str)] = &[
    ("'s", "'s"),
    ("'S", "'s"),
    ("’s", "'s"),
    ("’S", "'s"),
    ("’", "'"),
    ("‘", "'"),
    ("´", "'"),
    ("`", "'"),
    ("”", "\""),
    ("“", "\""),
    ("''", "\""),
    ("``", "\""),
    ("´´", "\""),
    ("„", "\""),
    ("»", "\""),
    ("«", "\""),
    ("‘‘", "\""),
    ("’’", "\""),
    ("？", "?"),
    ("！", "!"),
    ("，", ","),
    ("；", ";"),
    ("：", ":"),
    ("。", "."),
    ("।", "."),
    ("…", "..."),
    ("—", "-"),
    ("–", "-"),
    ("--", "-"),
    ("---", "-"),
    ("——", "-"),
    ("€", "$"),
    ("£", "$"),
    ("¥", "$"),
    ("฿", "$"),
    ("US$", "$"),
    ("C$", "$"),
    ("A$", "$"),
    ("₺", "$"),
    ("₹", "$"),
    ("৳", "$"),
    ("₩", "$"),
    ("Mex$", "$"),
    ("₣", "$"),
    ("E£", "$"),
];

/// First character.
pub fn prefix(orth: &str) -> &str {
    match orth.char_indices().nth(1) {
        Some((i, _)) => &orth[..i],
        None => orth,
    }
}

/// Last three characters.
pub fn suffix(orth: &str) -> &str {
    match orth.char_indices().rev().nth(2) {
        Some((i, _)) => &orth[i..],
        None => orth,
    }
}

/// spaCy's `word_shape`.
pub fn shape(orth: &str) -> String {
    let mut out = String::new();
    shape_into(orth, &mut out);
    out
}

/// `shape` written into `out` (cleared first), so that a caller can reuse one buffer.
pub fn shape_into(orth: &str, out: &mut String) {
    out.clear();
    if orth.chars().count() >= 100 {
        out.push_str("LONG");
        return;
    }
    let mut last: Option<char> = None;
    let mut seq = 0;
    for c in orth.chars() {
        let sc = if is_alpha(c) {
            if is_upper(c) {
                'X'
            } else {
                'x'
            }
        } else if is_digit(c) {
            'd'
        } else {
            c
        };
        if Some(sc) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(sc);
        }
        if seq < 4 {
            out.push(sc);
        }
    }
}

/// Python's `str.isalpha()` over a whole string (false when empty).
pub fn is_alpha_str(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alpha)
}

/// Python's `str.isspace()` over a whole string (false when empty).
pub fn is_space_str(s: &str) -> bool {
    !s.is_empty() && s.chars().all(crate::tokenizer::is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_collapses_runs_after_four() {
        assert_eq!(shape("Washington"), "Xxxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2021"), "dddd");
        assert_eq!(shape("1,500,000"), "d,ddd,ddd");
    }

    #[test]
    fn prefix_and_suffix_count_characters_not_bytes() {
        assert_eq!(prefix("€9.5bn"), "€");
        assert_eq!(suffix("Zelenskyy"), "kyy");
        assert_eq!(suffix("ab"), "ab");
        assert_eq!(suffix("naïve"), "ïve");
    }
}

//! spaCy's `attribute_ruler` as shipped with en_core_web_sm: token patterns over TAG, LOWER,
//! DEP and IS_SPACE that set POS (the tag map), MORPH, LEMMA, TAG and DEP. All patterns are
//! matched against the analysis as it was before the ruler ran; the matches are then applied
//! in pattern order, so later patterns win.

use crate::error::{Error, Result};
use crate::msgpack::{get, value_str};
use rmpv::Value;
use std::borrow::Cow;

/// One token's annotation that the ruler reads and writes. The strings are borrowed from the
/// model (tag and label names, the rules' values), so ruling a token allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct RuledToken<'a> {
    pub lower: Cow<'a, str>,
    pub is_space: bool,
    pub tag: &'a str,
    pub dep: &'a str,
    pub pos: &'a str,
    pub morph: &'a str,
    pub lemma: Option<&'a str>,
}

#[derive(Debug, Clone)]
enum StrTest {
    Eq(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    /// Python's `re.search`
    Regex(fancy_regex::Regex),
}

impl StrTest {
    fn matches(&self, v: &str) -> bool {
        match self {
            StrTest::Eq(s) => s == v,
            StrTest::In(list) => list.iter().any(|s| s == v),
            StrTest::NotIn(list) => !list.iter().any(|s| s == v),
            StrTest::Regex(re) => re.is_match(v).unwrap_or(false),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct TokenPattern {
    tag: Option<StrTest>,
    lower: Option<StrTest>,
    dep: Option<StrTest>,
    is_space: Option<bool>,
}

impl TokenPattern {
    fn matches(&self, t: &RuledToken) -> bool {
        self.tag.as_ref().is_none_or(|p| p.matches(t.tag))
            && self.lower.as_ref().is_none_or(|p| p.matches(&t.lower))
            && self.dep.as_ref().is_none_or(|p| p.matches(t.dep))
            && self.is_space.is_none_or(|b| b == t.is_space)
    }
}

#[derive(Debug, Clone, Default)]
struct Attrs {
    tag: Option<String>,
    pos: Option<String>,
    morph: Option<String>,
    lemma: Option<String>,
    dep: Option<String>,
}

#[derive(Debug, Clone)]
struct Rule {
    patterns: Vec<Vec<TokenPattern>>,
    attrs: Attrs,
    index: i64,
}

pub struct AttributeRuler {
    rules: Vec<Rule>,
}

fn str_test(v: &Value, what: &str) -> Result<StrTest> {
    if let Some(s) = value_str(v) {
        return Ok(StrTest::Eq(s.to_string()));
    }
    let list = |key: &str| -> Option<Vec<String>> {
        get(v, key)?
            .as_array()
            .map(|a| a.iter().filter_map(value_str).map(str::to_string).collect())
    };
    if let Some(l) = list("IN") {
        return Ok(StrTest::In(l));
    }
    if let Some(l) = list("NOT_IN") {
        return Ok(StrTest::NotIn(l));
    }
    if let Some(p) = get(v, "REGEX").and_then(value_str) {
        let re = fancy_regex::Regex::new(p).map_err(|e| {
            Error::model(format!("attribute_ruler: bad REGEX {p:?} on {what}: {e}"))
        })?;
        return Ok(StrTest::Regex(re));
    }
    Err(Error::model(format!(
        "attribute_ruler: unsupported test {v} on {what}"
    )))
}

impl AttributeRuler {
    pub fn from_bytes(bytes: &[u8]) -> Result<AttributeRuler> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| Error::model(format!("attribute_ruler/patterns: not msgpack: {e}")))?;
        let entries = value
            .as_array()
            .ok_or_else(|| Error::model("attribute_ruler/patterns: not a list"))?;
        let mut rules = Vec::new();
        for entry in entries {
            let mut patterns = Vec::new();
            for pattern in get(entry, "patterns")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let mut toks = Vec::new();
                for tok in pattern.as_array().into_iter().flatten() {
                    let Value::Map(keys) = tok else { continue };
                    let mut tp = TokenPattern::default();
                    for (k, v) in keys {
                        match value_str(k) {
                            Some("TAG") => tp.tag = Some(str_test(v, "TAG")?),
                            Some("LOWER") => tp.lower = Some(str_test(v, "LOWER")?),
                            Some("DEP") => tp.dep = Some(str_test(v, "DEP")?),
                            Some("IS_SPACE") => tp.is_space = v.as_bool(),
                            other => {
                                return Err(Error::model(format!(
                                    "attribute_ruler: unsupported pattern key {other:?}"
                                )))
                            }
                        }
                    }
                    toks.push(tp);
                }
                if !toks.is_empty() {
                    patterns.push(toks);
                }
            }
            let mut attrs = Attrs::default();
            if let Some(Value::Map(keys)) = get(entry, "attrs") {
                for (k, v) in keys {
                    let v = value_str(v).map(str::to_string);
                    match value_str(k) {
                        Some("TAG") => attrs.tag = v,
                        Some("POS") => attrs.pos = v,
                        Some("MORPH") => attrs.morph = v,
                        Some("LEMMA") => attrs.lemma = v,
                        Some("DEP") => attrs.dep = v,
                        other => {
                            return Err(Error::model(format!(
                                "attribute_ruler: unsupported attribute {other:?}"
                            )))
                        }
                    }
                }
            }
            let index = get(entry, "index").and_then(Value::as_i64).unwrap_or(0);
            rules.push(Rule {
                patterns,
                attrs,
                index,
            });
        }
        Ok(AttributeRuler { rules })
    }

    /// Apply the rules to a document's tokens.
    pub fn apply<'a>(&'a self, toks: &mut [RuledToken<'a>]) {
        // collect every (rule, target token) first, as spaCy matches before it sets anything
        let mut targets: Vec<(usize, usize)> = Vec::new();
        for (r, rule) in self.rules.iter().enumerate() {
            let mut found: Vec<(usize, usize)> = Vec::new();
            for pattern in &rule.patterns {
                let n = pattern.len();
                for start in 0..toks.len().saturating_sub(n - 1) {
                    if pattern
                        .iter()
                        .zip(&toks[start..start + n])
                        .all(|(p, t)| p.matches(t))
                    {
                        found.push((start, start + n));
                    }
                }
            }
            found.sort();
            found.dedup();
            for (start, end) in found {
                let len = (end - start) as i64;
                let idx = if rule.index < 0 {
                    len + rule.index
                } else {
                    rule.index
                };
                if (0..len).contains(&idx) {
                    targets.push((r, start + idx as usize));
                }
            }
        }
        for (r, t) in targets {
            let a = &self.rules[r].attrs;
            let tok = &mut toks[t];
            if let Some(v) = &a.tag {
                tok.tag = v;
            }
            if let Some(v) = &a.pos {
                tok.pos = v;
            }
            if let Some(v) = &a.morph {
                tok.morph = v;
            }
            if let Some(v) = &a.lemma {
                tok.lemma = Some(v);
            }
            if let Some(v) = &a.dep {
                tok.dep = v;
            }
        }
    }
}

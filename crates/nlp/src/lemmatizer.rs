//! spaCy's rule-based English lemmatizer (`Lemmatizer` in "rule" mode with
//! `EnglishLemmatizer.is_base_form`), driven by the lemma_rules / lemma_exc / lemma_index
//! tables of `lemmatizer/lookups/lookups.bin`.

use crate::error::{Error, Result};
use crate::hash::string_id;
use crate::lexeme::is_alpha_str;
use crate::msgpack::{get, value_str};
use rmpv::Value;
use std::collections::{HashMap, HashSet};

#[derive(Default)]
struct PosTables {
    index: HashSet<String>,
    exceptions: HashMap<String, Vec<String>>,
    rules: Vec<(String, String)>,
}

pub struct Lemmatizer {
    by_pos: HashMap<u64, PosTables>,
}

fn table(value: &Value, name: &str) -> Result<Option<Value>> {
    Ok(match get(value, name) {
        Some(Value::Binary(b)) => Some(
            rmpv::decode::read_value(&mut &b[..])
                .map_err(|e| Error::model(format!("lemmatizer table {name}: {e}")))?,
        ),
        Some(v) => Some(v.clone()),
        None => None,
    })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(value_str).map(str::to_string).collect())
        .unwrap_or_default()
}

impl Lemmatizer {
    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| Error::model(format!("lemmatizer lookups: not msgpack: {e}")))?;
        let mut by_pos: HashMap<u64, PosTables> = HashMap::new();
        let entries = |t: &Value| -> Vec<(u64, Value)> {
            let map = match get(t, "dict") {
                Some(Value::Map(m)) => m.clone(),
                _ => match t {
                    Value::Map(m) => m.clone(),
                    _ => Vec::new(),
                },
            };
            map.into_iter()
                .filter_map(|(k, v)| Some((k.as_u64()?, v)))
                .collect()
        };
        if let Some(t) = table(&value, "lemma_index")? {
            for (pos, v) in entries(&t) {
                by_pos.entry(pos).or_default().index = strings(&v).into_iter().collect();
            }
        }
        if let Some(t) = table(&value, "lemma_exc")? {
            for (pos, v) in entries(&t) {
                let Value::Map(m) = v else { continue };
                let exc = m
                    .iter()
                    .filter_map(|(k, v)| Some((value_str(k)?.to_string(), strings(v))))
                    .collect();
                by_pos.entry(pos).or_default().exceptions = exc;
            }
        }
        if let Some(t) = table(&value, "lemma_rules")? {
            for (pos, v) in entries(&t) {
                let rules = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|pair| {
                        let p = pair.as_array()?;
                        Some((
                            value_str(p.first()?)?.to_string(),
                            value_str(p.get(1)?)?.to_string(),
                        ))
                    })
                    .collect();
                by_pos.entry(pos).or_default().rules = rules;
            }
        }
        Ok(Lemmatizer { by_pos })
    }

    /// The lemma of a token with coarse POS `pos` (e.g. "NOUN") and morphology `morph`.
    pub fn lemmatize(&self, text: &str, pos: &str, morph: &str) -> String {
        let univ_pos = pos.to_lowercase();
        if univ_pos.is_empty() || univ_pos == "eol" || univ_pos == "space" {
            return text.to_lowercase();
        }
        if is_base_form(&univ_pos, morph) {
            return text.to_lowercase();
        }
        let Some(t) = self.by_pos.get(&string_id(&univ_pos)) else {
            return if univ_pos == "propn" {
                text.to_string()
            } else {
                text.to_lowercase()
            };
        };
        if t.index.is_empty() && t.exceptions.is_empty() && t.rules.is_empty() {
            return if univ_pos == "propn" {
                text.to_string()
            } else {
                text.to_lowercase()
            };
        }
        let string = text.to_lowercase();
        let mut forms: Vec<String> = Vec::new();
        let mut oov: Vec<String> = Vec::new();
        for (old, new) in &t.rules {
            if let Some(stem) = string.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                } else if t.index.contains(&form) {
                    forms.insert(0, form);
                } else if !is_alpha_str(&form) {
                    forms.push(form);
                } else {
                    oov.push(form);
                }
            }
        }
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(exc) = t.exceptions.get(&string) {
            for form in exc {
                if !forms.contains(form) {
                    forms.insert(0, form.clone());
                }
            }
        }
        if forms.is_empty() {
            forms = oov;
        }
        forms.into_iter().next().unwrap_or_else(|| text.to_string())
    }
}

fn morph_get<'a>(morph: &'a str, key: &str) -> Option<&'a str> {
    morph
        .split('|')
        .filter_map(|f| f.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// `EnglishLemmatizer.is_base_form`.
fn is_base_form(univ_pos: &str, morph: &str) -> bool {
    let get = |k| morph_get(morph, k);
    (univ_pos == "noun" && get("Number") == Some("Sing"))
        || (univ_pos == "verb" && get("VerbForm") == Some("Inf"))
        || (univ_pos == "verb"
            && get("VerbForm") == Some("Fin")
            && get("Tense") == Some("Pres")
            && get("Number").is_none())
        || (univ_pos == "adj" && get("Degree") == Some("Pos"))
        || get("VerbForm") == Some("Inf")
        || get("VerbForm") == Some("None")
        || get("Degree") == Some("Pos")
}

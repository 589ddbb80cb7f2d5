//! spaCy's rule-based English lemmatizer (`Lemmatizer` in "rule" mode with
//! `EnglishLemmatizer.is_base_form`), driven by the lemma_rules / lemma_exc / lemma_index
//! tables of `lemmatizer/lookups/lookups.bin`.

use crate::error::Result;
use crate::hash::string_id;
use crate::lexeme::is_alpha_str;
use crate::msgpack::{decode_ref, get_ref, ref_str};
use rmpv::ValueRef;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Default)]
struct PosTables {
    index: HashSet<String>,
    exceptions: HashMap<String, Vec<String>>,
    rules: Vec<(String, String)>,
}

pub struct Lemmatizer {
    by_pos: HashMap<u64, PosTables>,
}

/// A table of the lookups file: a map, or msgpack bytes holding one (`Table.to_bytes`).
fn table<'a>(value: &ValueRef<'a>, name: &str) -> Result<Option<ValueRef<'a>>> {
    Ok(match get_ref(value, name) {
        Some(ValueRef::Binary(b)) => Some(decode_ref(b, &format!("lemmatizer table {name}"))?),
        Some(v) => Some(v.clone()),
        None => None,
    })
}

/// The (POS id, value) entries of a table: `{"dict": {id: value}}` or `{id: value}`.
fn entries<'v, 'a>(table: &'v ValueRef<'a>) -> impl Iterator<Item = (u64, &'v ValueRef<'a>)> {
    let map = match get_ref(table, "dict") {
        Some(ValueRef::Map(m)) => m.as_slice(),
        _ => match table {
            ValueRef::Map(m) => m.as_slice(),
            _ => &[],
        },
    };
    map.iter().filter_map(|(k, v)| Some((k.as_u64()?, v)))
}

fn strings<'v>(v: &'v ValueRef<'_>) -> impl Iterator<Item = String> + 'v {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(ref_str)
        .map(str::to_string)
}

impl Lemmatizer {
    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer> {
        let value = decode_ref(bytes, "lemmatizer lookups")?;
        let mut by_pos: HashMap<u64, PosTables> = HashMap::default();
        if let Some(t) = table(&value, "lemma_index")? {
            for (pos, v) in entries(&t) {
                by_pos.entry(pos).or_default().index = strings(v).collect();
            }
        }
        if let Some(t) = table(&value, "lemma_exc")? {
            for (pos, v) in entries(&t) {
                let ValueRef::Map(m) = v else { continue };
                let exc = m
                    .iter()
                    .filter_map(|(k, v)| Some((ref_str(k)?.to_string(), strings(v).collect())))
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
                            ref_str(p.first()?)?.to_string(),
                            ref_str(p.get(1)?)?.to_string(),
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
        let univ_pos = lower_pos(pos);
        let univ_pos = univ_pos.as_ref();
        if univ_pos.is_empty() || univ_pos == "eol" || univ_pos == "space" {
            return text.to_lowercase();
        }
        if is_base_form(univ_pos, morph) {
            return text.to_lowercase();
        }
        let Some(t) = self.by_pos.get(&string_id(univ_pos)) else {
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
        let mut seen = HashSet::default();
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

/// The universal POS tags, lower-case (spaCy's `univ_pos` names).
const UNIVERSAL_POS: [&str; 19] = [
    "adj", "adp", "adv", "aux", "cconj", "conj", "det", "intj", "noun", "num", "part", "pron",
    "propn", "punct", "sconj", "sym", "verb", "x", "space",
];

/// `pos` in lower case, without allocating for the universal tags.
fn lower_pos(pos: &str) -> std::borrow::Cow<'static, str> {
    match UNIVERSAL_POS.iter().find(|p| p.eq_ignore_ascii_case(pos)) {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => std::borrow::Cow::Owned(pos.to_lowercase()),
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

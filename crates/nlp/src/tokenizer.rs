//! spaCy's rule-based tokenizer, driven by the `tokenizer` file of the model folder:
//! whitespace splitting, prefix/suffix/infix patterns, URL matching and the exception
//! table ("special cases"), ported from spaCy 3.8's `tokenizer.pyx`. Offsets are bytes.

use crate::error::{Error, Result};
use crate::msgpack::{get, value_str};
use fancy_regex::Regex;
use rmpv::Value;
use std::collections::HashMap;
use std::sync::RwLock;

/// A token produced by the tokenizer: a byte span and, for exception tokens, its NORM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    pub start: usize,
    pub end: usize,
    /// NORM given by a tokenizer exception ("n't" -> "not"), if any.
    pub norm: Option<String>,
}

/// One sub-token of a special case.
#[derive(Debug, Clone)]
struct SpecialPiece {
    orth: String,
    norm: Option<String>,
}

/// A special case that the second pass (spaCy's `_special_matcher`) can rebuild from
/// tokens that affix splitting produced: the orths it matches.
#[derive(Debug, Clone)]
struct MatcherPattern {
    orths: Vec<String>,
}

/// spaCy's English tokenizer.
pub struct Tokenizer {
    prefix: Pattern,
    suffix: Pattern,
    infix: Pattern,
    url: Pattern,
    specials: HashMap<String, Vec<SpecialPiece>>,
    /// Patterns of the special-case matcher, indexed by their first orth.
    matcher: HashMap<String, Vec<MatcherPattern>>,
    /// Results per whitespace-delimited chunk (as spaCy's `_cache`): token offsets relative
    /// to the chunk. The result depends on the chunk alone, so caching changes nothing.
    cache: RwLock<HashMap<String, Vec<RawToken>>>,
}

/// Chunks cached at most; past this the cache is cleared.
const MAX_CACHE: usize = 200_000;

/// Translate a Python `re` pattern to fancy-regex syntax.
fn python_regex(pattern: &str) -> String {
    // Python accepts `\` before any punctuation; both engines accept that for ASCII
    // punctuation. `\u`/`\U` escapes are understood as they are. Nothing else differs for
    // the patterns spaCy ships for English.
    pattern.to_string()
}

/// A tokenizer pattern: the exact (backtracking, lookaround-capable) regex, and a fast
/// filter that is the same pattern with every lookaround removed. Removing lookarounds only
/// widens what matches, so when the filter finds nothing the exact pattern finds nothing.
struct Pattern {
    exact: Regex,
    filter: Option<regex::Regex>,
}

impl Pattern {
    /// Whether the exact pattern may match somewhere in `s`.
    fn may_match(&self, s: &str) -> bool {
        self.filter.as_ref().is_none_or(|f| f.is_match(s))
    }
}

fn compile(pattern: &str, what: &str) -> Result<Pattern> {
    let exact = Regex::new(&python_regex(pattern))
        .map_err(|e| Error::model(format!("tokenizer {what} pattern does not compile: {e}")))?;
    let filter = regex::Regex::new(&without_lookarounds(&python_regex(pattern))).ok();
    Ok(Pattern { exact, filter })
}

/// The pattern with its lookaround groups (`(?=`, `(?!`, `(?<=`, `(?<!`) cut out.
fn without_lookarounds(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            out.push(c);
            if let Some(&n) = chars.get(i + 1) {
                out.push(n);
            }
            i += 2;
        } else if c == '[' {
            let end = class_end(&chars, i);
            out.extend(&chars[i..end]);
            i = end;
        } else if c == '(' && is_lookaround(&chars[i..]) {
            i = group_end(&chars, i);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_lookaround(s: &[char]) -> bool {
    let head: String = s.iter().take(4).collect();
    head.starts_with("(?=")
        || head.starts_with("(?!")
        || head.starts_with("(?<=")
        || head.starts_with("(?<!")
}

/// Index just past the character class that opens at `start` (`[`).
fn class_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1; // a leading `]` is literal
    }
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            ']' => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// Index just past the group that opens at `start` (`(`).
fn group_end(chars: &[char], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '[' => i = class_end(chars, i),
            '(' => {
                depth += 1;
                i += 1;
            }
            ')' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    chars.len()
}

impl Tokenizer {
    /// Load from the msgpack `tokenizer` file of the model folder.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tokenizer> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| Error::model(format!("tokenizer: not msgpack: {e}")))?;
        let pattern = |key: &str| -> Result<Pattern> {
            let p = get(&value, key)
                .and_then(value_str)
                .ok_or_else(|| Error::model(format!("tokenizer: no '{key}' pattern")))?;
            compile(p, key)
        };
        let t0 = std::time::Instant::now();
        let prefix = pattern("prefix_search")?;
        let suffix = pattern("suffix_search")?;
        let infix = pattern("infix_finditer")?;
        let url = pattern("url_match")?;
        let mut specials = HashMap::new();
        if let Some(Value::Map(entries)) = get(&value, "exceptions") {
            for (k, v) in entries {
                let Some(key) = value_str(k) else { continue };
                let Some(pieces) = v.as_array() else { continue };
                let mut out = Vec::new();
                for piece in pieces {
                    let Value::Map(attrs) = piece else { continue };
                    let mut orth = None;
                    let mut norm = None;
                    for (ak, av) in attrs {
                        match ak.as_u64() {
                            Some(65) => orth = value_str(av).map(str::to_string),
                            Some(67) => norm = value_str(av).map(str::to_string),
                            _ => {}
                        }
                    }
                    let orth = orth.ok_or_else(|| {
                        Error::model(format!(
                            "tokenizer exception {key:?} has a piece without ORTH"
                        ))
                    })?;
                    out.push(SpecialPiece { orth, norm });
                }
                specials.insert(key.to_string(), out);
            }
        }
        let mut tok = Tokenizer {
            prefix,
            suffix,
            infix,
            url,
            specials,
            matcher: HashMap::new(),
            cache: RwLock::new(HashMap::new()),
        };
        if std::env::var_os("PARLEY_NLP_TIMING").is_some() {
            eprintln!(
                "tokenizer: patterns and exceptions {:?}; fast filters: prefix {} suffix {} infix {} url {}",
                t0.elapsed(),
                tok.prefix.filter.is_some(),
                tok.suffix.filter.is_some(),
                tok.infix.filter.is_some(),
                tok.url.filter.is_some()
            );
        }
        tok.build_matcher();
        if std::env::var_os("PARLEY_NLP_TIMING").is_some() {
            eprintln!("tokenizer: with matcher {:?}", t0.elapsed());
        }
        Ok(tok)
    }

    /// spaCy adds a special case to its phrase matcher when the key itself would be split
    /// by the affix rules (or holds a space), so that the pieces are merged back.
    fn build_matcher(&mut self) {
        let mut keys: Vec<&String> = self.specials.keys().collect();
        keys.sort();
        let mut matcher: HashMap<String, Vec<MatcherPattern>> = HashMap::new();
        for key in keys {
            let splits = self.find_prefix(key) > 0
                || self.find_suffix(key) > 0
                || !self.find_infix(key).is_empty()
                || key.contains(' ');
            if !splits {
                continue;
            }
            let toks = self.tokenize_affixes(key, false);
            let orths: Vec<String> = toks
                .iter()
                .map(|t| key[t.start..t.end].to_string())
                .collect();
            if orths.is_empty() {
                continue;
            }
            matcher
                .entry(orths[0].clone())
                .or_default()
                .push(MatcherPattern { orths });
        }
        self.matcher = matcher;
    }

    fn find_prefix(&self, s: &str) -> usize {
        if !self.prefix.may_match(s) {
            return 0;
        }
        match self.prefix.exact.find(s) {
            Ok(Some(m)) => m.end() - m.start(),
            _ => 0,
        }
    }

    fn find_suffix(&self, s: &str) -> usize {
        if !self.suffix.may_match(s) {
            return 0;
        }
        match self.suffix.exact.find(s) {
            Ok(Some(m)) => m.end() - m.start(),
            _ => 0,
        }
    }

    fn find_infix(&self, s: &str) -> Vec<(usize, usize)> {
        if !self.infix.may_match(s) {
            return Vec::new();
        }
        self.infix
            .exact
            .find_iter(s)
            .filter_map(|m| m.ok())
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    fn url_match(&self, s: &str) -> bool {
        // Python's `re.match`: anchored at the start; the pattern ends with `$`.
        if !self.url.may_match(s) {
            return false;
        }
        match self.url.exact.find(s) {
            Ok(Some(m)) => m.start() == 0,
            _ => false,
        }
    }

    /// Tokenize `text`, returning byte spans (spaCy's `Tokenizer.__call__`).
    pub fn tokenize(&self, text: &str) -> Vec<RawToken> {
        let mut toks = self.tokenize_affixes(text, true);
        self.apply_special_cases(text, &mut toks);
        toks
    }

    /// Split on whitespace, then on affixes (spaCy's `_tokenize_affixes`).
    fn tokenize_affixes(&self, text: &str, with_specials: bool) -> Vec<RawToken> {
        let mut out = Vec::new();
        let Some(first) = text.chars().next() else {
            return out;
        };
        let mut in_ws = is_space(first);
        let mut start = 0usize;
        for (i, uc) in text.char_indices() {
            if is_space(uc) != in_ws {
                if start < i {
                    self.tokenize_span(text, start, i, with_specials, &mut out);
                }
                if uc == ' ' {
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.tokenize_span(text, start, text.len(), with_specials, &mut out);
        }
        out
    }

    /// Tokenize one whitespace-delimited chunk `text[start..end]`.
    fn tokenize_span(
        &self,
        text: &str,
        start: usize,
        end: usize,
        with_specials: bool,
        out: &mut Vec<RawToken>,
    ) {
        if !with_specials {
            return self.tokenize_span_uncached(text, start, end, false, out);
        }
        let span = &text[start..end];
        if let Ok(cache) = self.cache.read() {
            if let Some(toks) = cache.get(span) {
                out.extend(toks.iter().map(|t| RawToken {
                    start: t.start + start,
                    end: t.end + start,
                    norm: t.norm.clone(),
                }));
                return;
            }
        }
        let first = out.len();
        self.tokenize_span_uncached(text, start, end, true, out);
        if let Ok(mut cache) = self.cache.write() {
            if cache.len() >= MAX_CACHE {
                cache.clear();
            }
            let rel = out[first..]
                .iter()
                .map(|t| RawToken {
                    start: t.start - start,
                    end: t.end - start,
                    norm: t.norm.clone(),
                })
                .collect();
            cache.insert(span.to_string(), rel);
        }
    }

    fn tokenize_span_uncached(
        &self,
        text: &str,
        start: usize,
        end: usize,
        with_specials: bool,
        out: &mut Vec<RawToken>,
    ) {
        let span = &text[start..end];
        if with_specials {
            if let Some(pieces) = self.specials.get(span) {
                push_special(pieces, start, out);
                return;
            }
        }
        // _split_affixes
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let (mut s, mut e) = (start, end);
        let mut last_size = usize::MAX;
        while s < e && e - s != last_size {
            let cur = &text[s..e];
            if with_specials && self.specials.contains_key(cur) {
                break;
            }
            last_size = e - s;
            let pre_len = self.find_prefix(cur);
            if pre_len != 0 {
                let minus_pre = &text[s + pre_len..e];
                if !minus_pre.is_empty() && with_specials && self.specials.contains_key(minus_pre) {
                    prefixes.push((s, s + pre_len));
                    s += pre_len;
                    break;
                }
            }
            let suf_len = self.find_suffix(&text[s + pre_len..e]);
            if suf_len != 0 {
                let minus_suf = &text[s..e - suf_len];
                if !minus_suf.is_empty() && with_specials && self.specials.contains_key(minus_suf) {
                    suffixes.push((e - suf_len, e));
                    e -= suf_len;
                    break;
                }
            }
            if pre_len != 0 && suf_len != 0 && pre_len + suf_len <= e - s {
                prefixes.push((s, s + pre_len));
                suffixes.push((e - suf_len, e));
                s += pre_len;
                e -= suf_len;
            } else if pre_len != 0 {
                prefixes.push((s, s + pre_len));
                s += pre_len;
            } else if suf_len != 0 {
                suffixes.push((e - suf_len, e));
                e -= suf_len;
            }
        }
        // _attach_tokens
        for &(a, b) in &prefixes {
            out.push(plain(a, b));
        }
        if s < e {
            let core = &text[s..e];
            if let Some(pieces) = self.specials.get(core).filter(|_| with_specials) {
                push_special(pieces, s, out);
            } else if self.url_match(core) {
                out.push(plain(s, e));
            } else {
                let matches = self.find_infix(core);
                if matches.is_empty() {
                    out.push(plain(s, e));
                } else {
                    let mut pos = 0usize;
                    for (is, ie) in matches {
                        if is == 0 {
                            continue;
                        }
                        if is != pos {
                            out.push(plain(s + pos, s + is));
                        }
                        if is != ie {
                            out.push(plain(s + is, s + ie));
                        }
                        pos = ie;
                    }
                    if pos < core.len() {
                        out.push(plain(s + pos, e));
                    }
                }
            }
        }
        for &(a, b) in suffixes.iter().rev() {
            out.push(plain(a, b));
        }
    }

    /// Merge token sequences that spell a special case (spaCy's `_apply_special_cases`).
    fn apply_special_cases(&self, text: &str, toks: &mut Vec<RawToken>) {
        if self.matcher.is_empty() {
            return;
        }
        // (start, end) token ranges of every match
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for i in 0..toks.len() {
            let first = &text[toks[i].start..toks[i].end];
            let Some(patterns) = self.matcher.get(first) else {
                continue;
            };
            for p in patterns {
                let n = p.orths.len();
                if i + n > toks.len() {
                    continue;
                }
                let all = (0..n).all(|j| text[toks[i + j].start..toks[i + j].end] == p.orths[j]);
                if all && !matches.contains(&(i, i + n)) {
                    matches.push((i, i + n));
                }
            }
        }
        if matches.is_empty() {
            return;
        }
        // longest first, then leftmost; skip spans whose first or last token is taken
        matches.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut seen = vec![false; toks.len()];
        let mut kept = Vec::new();
        for (a, b) in matches {
            if !seen[a] && !seen[b - 1] {
                kept.push((a, b));
            }
            for flag in &mut seen[a..b] {
                *flag = true;
            }
        }
        kept.sort();
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        let mut k = 0;
        while i < toks.len() {
            if k < kept.len() && kept[k].0 == i {
                let (a, b) = kept[k];
                k += 1;
                let span_text = &text[toks[a].start..toks[b - 1].end];
                if let Some(pieces) = self.specials.get(span_text) {
                    push_special(pieces, toks[a].start, &mut out);
                } else {
                    out.extend_from_slice(&toks[a..b]);
                }
                i = b;
            } else {
                out.push(toks[i].clone());
                i += 1;
            }
        }
        *toks = out;
    }
}

fn plain(start: usize, end: usize) -> RawToken {
    RawToken {
        start,
        end,
        norm: None,
    }
}

fn push_special(pieces: &[SpecialPiece], mut start: usize, out: &mut Vec<RawToken>) {
    for p in pieces {
        let end = start + p.orth.len();
        out.push(RawToken {
            start,
            end,
            norm: p.norm.clone(),
        });
        start = end;
    }
}

/// Python's `str.isspace()` for one character.
pub fn is_space(c: char) -> bool {
    crate::pyunicode::is_space(c)
}

#[cfg(test)]
mod tests {
    use super::without_lookarounds;

    #[test]
    fn lookarounds_are_cut_but_classes_and_escapes_kept() {
        assert_eq!(without_lookarounds(r"^\+(?![0-9])|^a"), r"^\+|^a");
        assert_eq!(without_lookarounds(r"(?<=[0-9(])\.$"), r"\.$");
        assert_eq!(
            without_lookarounds(r"(?<=°[FfCcKk])\.$|[(?=]x"),
            r"\.$|[(?=]x"
        );
        assert_eq!(without_lookarounds(r"\(?=x"), r"\(?=x");
        assert_eq!(without_lookarounds(r"(?:ab(?=c(d)))e"), r"(?:ab)e");
    }
}

//! A minimal actor lookup over the Phoenix actor dictionaries, for evaluation only: the product
//! takes its actors from the actors stage. Longest match over words; short all-capital aliases
//! ("US") must be written in capitals.

use parley_core::{ActorRef, EntityMention, Span, TextSpan};
use std::collections::HashMap;

pub struct Phoenix {
    names: HashMap<String, String>,
    max_words: usize,
}

impl Phoenix {
    pub fn load(files: &[String]) -> Phoenix {
        let mut names = HashMap::new();
        let mut max_words = 1;
        for f in files {
            let bytes = std::fs::read(f).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            let mut pending: Vec<String> = Vec::new();
            let mut code: Option<String> = None;
            let mut flush = |pending: &mut Vec<String>, code: &mut Option<String>| {
                if let Some(c) = code.take() {
                    for n in pending.drain(..) {
                        max_words = max_words.max(n.split(' ').count());
                        names.entry(n).or_insert_with(|| c.clone());
                    }
                }
                pending.clear();
            };
            for raw in text.lines() {
                let line = raw.split('#').next().unwrap_or("");
                if line.trim().is_empty() {
                    continue;
                }
                let is_head = !line.starts_with('+')
                    && !line.starts_with(char::is_whitespace)
                    && !line.starts_with('[');
                if is_head {
                    flush(&mut pending, &mut code);
                }
                let (name_part, code_part) = match line.find('[') {
                    Some(k) => (&line[..k], Some(&line[k + 1..])),
                    None => (line, None),
                };
                let name = name_part
                    .trim()
                    .trim_start_matches('+')
                    .trim()
                    .trim_matches('_');
                if !name.is_empty() {
                    pending.push(name.replace('_', " ").to_lowercase());
                }
                if let Some(c) = code_part {
                    let c = c
                        .split([']', ' '])
                        .next()
                        .unwrap_or("")
                        .trim_start_matches('~');
                    if c.len() >= 3 && c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                        code = Some(c.to_string()); // the last code listed wins (the most recent)
                    }
                }
            }
            flush(&mut pending, &mut code);
        }
        Phoenix { names, max_words }
    }

    /// Adds `name<TAB>code` lines (bench/events/actors_extra.txt); they override Phoenix.
    pub fn add_extra(&mut self, path: &str) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some((name, code)) = line.split_once('\t') {
                let name = name.trim().to_lowercase();
                self.max_words = self.max_words.max(name.split(' ').count());
                if code.trim() == "-" {
                    self.names.remove(&name); // "-" removes a Phoenix alias
                } else {
                    self.names.insert(name, code.trim().to_string());
                }
            }
        }
    }

    /// Mentions plus a crude stand-in for coreference: "he/his/she/her" take the last person-like
    /// mention, "it/its" the last country or organisation. Bench-only.
    pub fn mentions_with_pronouns(&self, body: &str) -> Vec<EntityMention> {
        let mut ms = self.mentions(body);
        let words = word_spans(body);
        let mut extra = Vec::new();
        for (s, e) in words {
            let w = body[s..e].to_lowercase();
            let person = matches!(w.as_str(), "he" | "his" | "she" | "her");
            let thing = matches!(w.as_str(), "it" | "its");
            if !person && !thing {
                continue;
            }
            let prev = ms.iter().rev().find(|m| {
                m.span.end <= s
                    && m.actor.as_ref().is_some_and(|a| {
                        let t = m.span.text.to_lowercase();
                        let is_person = (t.contains(' ') && !t.starts_with("the "))
                            || (a.id.len() >= 6 && !a.id.starts_with("IGO"));
                        if person {
                            is_person
                        } else {
                            a.id.len() <= 3 || a.id.starts_with("IGO")
                        }
                    })
            });
            if let Some(p) = prev {
                let mut m = p.clone();
                m.span = TextSpan::from_body(body, Span::new(s, e)).expect("word spans");
                m.found_by = "coref".into();
                extra.push(m);
            }
        }
        ms.extend(extra);
        ms.sort_by_key(|m| m.span.start);
        ms
    }

    /// Mentions of dictionary names in `body`.
    pub fn mentions(&self, body: &str) -> Vec<EntityMention> {
        let words: Vec<(usize, usize)> = word_spans(body);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            for n in (1..=self.max_words.min(words.len() - i)).rev() {
                let (s, e) = (words[i].0, words[i + n - 1].1);
                let raw = &body[s..e];
                let key = raw
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
                    .replace('’', "'");
                let key = key.trim_end_matches('.').to_string();
                let key = [
                    key.clone(),
                    format!("{key}."),
                    key.trim_end_matches('s').to_string(),
                ]
                .into_iter()
                .find(|k| self.names.contains_key(k))
                .unwrap_or(key);
                if let Some(code) = self.names.get(&key) {
                    if n == 1 && raw.len() <= 3 && raw != raw.to_uppercase() {
                        continue;
                    }
                    hit = Some((n, s, e, code.clone()));
                    break;
                }
            }
            match hit {
                Some((n, s, e, code)) => {
                    // IGOs keep their full code (IGOWSTNAT is NATO) so reports can tell them apart
                    let country = if code.starts_with("IGO") {
                        code.clone()
                    } else {
                        code[..3].to_string()
                    };
                    let sector = (code.len() >= 6).then(|| code[3..6].to_string());
                    out.push(EntityMention {
                        span: TextSpan::from_body(body, Span::new(s, e)).expect("word spans"),
                        actor: Some(ActorRef {
                            id: code.clone(),
                            name: body[s..e].to_string(),
                            kind: "actor".into(),
                            country: Some(country),
                            sector,
                        }),
                        found_by: "phoenix".into(),
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Words: letters, digits and inner '.', '-', apostrophes; a possessive 's is left out.
pub fn word_spans(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let cs: Vec<(usize, char)> = body.char_indices().collect();
    for (k, &(i, c)) in cs.iter().enumerate() {
        let inner = matches!(c, '.' | '-' | '\'' | '’')
            && start.is_some()
            && cs.get(k + 1).is_some_and(|n| n.1.is_alphanumeric());
        let dot_end = c == '.' && start.is_some() && body[start.unwrap_or(0)..i].contains('.');
        if c.is_alphanumeric() || inner || dot_end {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, body.len()));
    }
    // strip possessive 's
    out.into_iter()
        .map(|(s, e)| {
            let w = &body[s..e];
            if w.ends_with("'s") || w.ends_with("’s") {
                let cut = w.char_indices().rev().nth(1).map_or(e, |(k, _)| s + k);
                (s, cut)
            } else {
                (s, e)
            }
        })
        .collect()
}

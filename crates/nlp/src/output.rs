//! Output formats of an analysis: the JSON line of `parley parse` and CoNLL-U.

use crate::pipeline::Parsed;
use serde_json::{json, Value};

impl Parsed {
    /// One JSON record: `{"source_file", "tokens": [{"text", "start", "end", "tag", "pos",
    /// "lemma", "head", "dep"}], "entities": [{"start", "end", "label", "text"}]}`, offsets in
    /// bytes into `text`, `head` an index into `tokens` (a root is its own head).
    pub fn to_json(&self, source_file: &str, text: &str) -> Value {
        let tokens: Vec<Value> = self
            .tokens
            .iter()
            .map(|t| {
                json!({
                    "text": t.text, "start": t.start, "end": t.end, "tag": t.tag, "pos": t.pos,
                    "lemma": t.lemma, "head": t.head, "dep": t.dep,
                })
            })
            .collect();
        let entities: Vec<Value> = self
            .ents
            .iter()
            .map(|e| {
                json!({
                    "start": e.start, "end": e.end, "label": e.label,
                    "text": text.get(e.start..e.end).unwrap_or(""),
                })
            })
            .collect();
        json!({"source_file": source_file, "tokens": tokens, "entities": entities})
    }

    /// CoNLL-U, one block per sentence. Whitespace tokens are left out (a head that is one
    /// is replaced by its own head); MISC carries `SpaceAfter=No` and the byte range.
    pub fn to_conllu(&self, text: &str) -> String {
        let n = self.tokens.len();
        let is_ws = |i: usize| self.tokens[i].text.trim().is_empty();
        // sentence of each token, from the sentence spans
        let mut sent_of = vec![0usize; n];
        let mut s = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            while s + 1 < self.sents.len() && t.start >= self.sents[s + 1].0 {
                s += 1;
            }
            sent_of[i] = s;
        }
        let mut out = String::new();
        let mut i = 0;
        while i < n {
            let sent = sent_of[i];
            let mut j = i;
            while j < n && sent_of[j] == sent {
                j += 1;
            }
            let ids: Vec<Option<usize>> = {
                let mut next = 0;
                (i..j)
                    .map(|k| {
                        if is_ws(k) {
                            None
                        } else {
                            next += 1;
                            Some(next)
                        }
                    })
                    .collect()
            };
            if ids.iter().any(Option::is_some) {
                let (a, b) = (self.tokens[i].start, self.tokens[j - 1].end);
                let sent_text: String = text
                    .get(a..b)
                    .unwrap_or("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&format!("# text = {sent_text}\n"));
                for k in i..j {
                    let Some(id) = ids[k - i] else { continue };
                    let t = &self.tokens[k];
                    // follow heads past whitespace tokens; 0 for a root or a head outside
                    let mut h = t.head;
                    let mut steps = 0;
                    while h != k && h >= i && h < j && ids[h - i].is_none() && steps < n {
                        h = self.tokens[h].head;
                        steps += 1;
                    }
                    let head = if h == k || h < i || h >= j {
                        0
                    } else {
                        ids[h - i].unwrap_or(0)
                    };
                    let dep = if head == 0 { "ROOT" } else { t.dep.as_str() };
                    let space_after = text
                        .get(t.end..)
                        .is_some_and(|r| r.starts_with(char::is_whitespace));
                    let misc = if space_after {
                        format!("TokenRange={}:{}", t.start, t.end)
                    } else {
                        format!("SpaceAfter=No|TokenRange={}:{}", t.start, t.end)
                    };
                    let field = |s: &str| {
                        if s.is_empty() {
                            "_".to_string()
                        } else {
                            s.replace(char::is_whitespace, "_")
                        }
                    };
                    out.push_str(&format!(
                        "{id}\t{}\t{}\t{}\t{}\t{}\t{head}\t{dep}\t_\t{misc}\n",
                        field(&t.text),
                        field(&t.lemma),
                        field(&t.pos),
                        field(&t.tag),
                        field(&t.morph),
                    ));
                }
                out.push('\n');
            }
            i = j;
        }
        out
    }
}

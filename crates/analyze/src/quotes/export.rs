//! Quotes for people and for other tools: a readable list, and BBC Citron's JSON layout
//! (`{text, quotes: [{cue, sources, contents}]}` with character offsets; see
//! bbc/citron docs/data_format.md).

use parley_core::{Quote, QuoteKind};
use serde_json::{json, Value};

/// One line per quote: `[kind] “content” — speaker (cue)`, scare quotes marked.
pub fn format_quotes(quotes: &[Quote]) -> String {
    let mut out = String::new();
    for q in quotes {
        let kind = match (q.kind, q.scare) {
            (_, true) => "scare",
            (QuoteKind::Direct, _) => "direct",
            (QuoteKind::Partial, _) => "partial",
            (QuoteKind::Indirect, _) => "indirect",
        };
        let text: String = q.span.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let who = match (&q.speaker, &q.speaker_unknown_reason) {
            (Some(s), _) => s.name.clone(),
            (None, Some(r)) => format!("(unknown: {r})"),
            (None, None) => "(unknown)".to_string(),
        };
        let cue = q.cue.as_ref().map_or(String::new(), |c| {
            let mut s = format!(" ({}", c.span.text);
            if c.negated {
                s.push_str(", negated");
            }
            if let Some(m) = &c.modal {
                s.push_str(&format!(", modal {m}"));
            }
            s.push(')');
            s
        });
        out.push_str(&format!(
            "{:>7}..{:<7} [{kind}] “{text}” — {who}{cue}\n",
            q.span.start, q.span.end
        ));
    }
    out
}

/// Byte offsets → character offsets, for a sorted list of byte offsets, in one pass.
fn char_offsets(body: &str, mut bytes: Vec<usize>) -> std::collections::HashMap<usize, usize> {
    bytes.sort_unstable();
    bytes.dedup();
    let mut map = std::collections::HashMap::with_capacity(bytes.len());
    let mut chars = 0;
    let mut pos = 0;
    for b in bytes {
        let b = b.min(body.len());
        chars += body.get(pos..b).map_or(0, |s| s.chars().count());
        pos = pos.max(b);
        map.insert(b, chars);
    }
    map
}

/// The quotes of `body` in Citron's layout. Scare quotes are left out (they are not speech).
pub fn citron_json(body: &str, quotes: &[Quote]) -> Value {
    let speech: Vec<&Quote> = quotes.iter().filter(|q| !q.scare).collect();
    let mut offsets = Vec::new();
    for q in &speech {
        offsets.extend([q.span.start, q.span.end]);
        if let Some(s) = &q.speaker_span {
            offsets.extend([s.start, s.end]);
        }
        if let Some(c) = &q.cue {
            offsets.extend([c.span.start, c.span.end]);
        }
    }
    let map = char_offsets(body, offsets);
    let c = |b: usize| map.get(&b.min(body.len())).copied().unwrap_or(0);
    let span = |start: usize, end: usize, text: &str| json!({"start": c(start), "end": c(end), "text": text});
    let list: Vec<Value> = speech
        .iter()
        .map(|q| {
            let mut v = json!({
                "cue": q.cue.as_ref().map(|k| span(k.span.start, k.span.end, &k.span.text)),
                "sources": q.speaker_span.as_ref().map_or(vec![], |s| vec![span(s.start, s.end, &s.text)]),
                "contents": [span(q.span.start, q.span.end, &q.span.text)],
            });
            if let Some(s) = &q.speaker {
                v["speaker"] = json!(s.name);
            }
            v
        })
        .collect();
    json!({"text": body, "quotes": list})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteStage;
    use parley_core::text::TextLayer;

    fn quotes(body: &str) -> Vec<Quote> {
        QuoteStage::new().quotes(body, &TextLayer::new(body), &[])
    }

    #[test]
    fn the_list_shows_kind_text_speaker_and_cue() {
        let body = "“We are ready,” Lavrov said.";
        let list = format_quotes(&quotes(body));
        assert!(
            list.contains("[direct] “We are ready,” — Lavrov (said)"),
            "{list}"
        );
    }

    #[test]
    fn the_list_gives_the_reason_for_an_unknown_speaker() {
        let list = format_quotes(&quotes("“We are ready.”"));
        assert!(list.contains("(unknown: "), "{list}");
    }

    #[test]
    fn citron_layout_uses_character_offsets() {
        let body = "Ёж said: “Мы готовы.” Lavrov said: “We are ready.”";
        let v = citron_json(body, &quotes(body));
        let last = v["quotes"].as_array().unwrap().last().unwrap().clone();
        let content = &last["contents"][0];
        let start = content["start"].as_u64().unwrap() as usize;
        let end = content["end"].as_u64().unwrap() as usize;
        let by_chars: String = body.chars().skip(start).take(end - start).collect();
        assert_eq!(by_chars, "We are ready.");
        assert_eq!(last["sources"][0]["text"], "Lavrov");
        assert_eq!(last["cue"]["text"], "said");
    }

    #[test]
    fn citron_layout_leaves_out_scare_quotes() {
        let body = "No such “plans” exist.";
        assert_eq!(
            citron_json(body, &quotes(body))["quotes"]
                .as_array()
                .unwrap()
                .len(),
            0
        );
    }
}

//! A readable summary of an article's framing and claims, for `parley framing PATH`.

use parley_core::framing::Framing;
use parley_core::{Claim, Stance};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many examples of each technique the summary lists.
const EXAMPLES: usize = 8;

fn quote(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let one_line = one_line.trim_matches(|c| matches!(c, '“' | '”' | '"'));
    if one_line.chars().count() <= max {
        format!("“{one_line}”")
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("“{cut}…”")
    }
}

/// The summary as plain text, a few lines per part.
pub fn summary(title: &str, framing: &Framing, claims: &[Claim]) -> String {
    let mut out = String::new();
    let f = framing;
    let _ = writeln!(
        out,
        "{}",
        if title.is_empty() {
            "(no headline)"
        } else {
            title
        }
    );
    let l = &f.loadedness;
    let _ = writeln!(
        out,
        "  loadedness: {} ({:.2} author signals per 100 words; {:.0}% of claim sentences biased)",
        l.level,
        l.author_signals_per_100_words,
        l.biased_sentence_share * 100.0
    );
    let v = &f.author_voice;
    let _ = writeln!(
        out,
        "  voice: {:.0}% author-asserted ({} of {} claim sentences), {} attributed; {} insertions into quotes",
        v.author_share * 100.0,
        v.author_asserted,
        v.claim_sentences,
        v.attributed,
        v.insertions.len()
    );
    let t = &f.tone;
    let _ = writeln!(
        out,
        "  tone: {:+.2} (positive {:.2}, negative {:.2}, polarity {:.2}, activity {:.2}, self/group {:.2}, {} words)",
        t.tone, t.positive, t.negative, t.polarity, t.activity_density, t.self_group_density, t.word_count
    );
    if let Some(h) = &f.headline {
        let _ = writeln!(
            out,
            "  headline: {} (key terms carried {:.0}%; missing: {}; loaded terms the body lacks: {})",
            h.verdict,
            h.coverage * 100.0,
            if h.missing.is_empty() { "none".to_string() } else { h.missing.join(", ") },
            if h.unsupported_framing.is_empty() {
                "none".to_string()
            } else {
                h.unsupported_framing.join(", ")
            }
        );
    }
    let mut by_technique: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for s in &f.signals {
        by_technique
            .entry((s.technique.as_str(), s.voice.as_str()))
            .or_default()
            .push(s.span.text.as_str());
    }
    for ((technique, voice), texts) in &by_technique {
        let shown: Vec<String> = texts.iter().take(EXAMPLES).map(|t| quote(t, 40)).collect();
        let more = texts.len().saturating_sub(EXAMPLES);
        let _ = writeln!(
            out,
            "  {technique} ({voice}, {}): {}{}",
            texts.len(),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    let disputes: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.holder.kind == "author" && c.stance == Stance::Disputes)
        .collect();
    let sourced = claims.iter().filter(|c| c.holder.kind == "source").count();
    let _ = writeln!(
        out,
        "  claims: {} ({} held by sources, {} author disputes)",
        claims.len(),
        sourced,
        disputes.len()
    );
    for c in claims
        .iter()
        .filter(|c| c.holder.kind == "source" || c.stance == Stance::Disputes)
    {
        let who = match c.holder.kind.as_str() {
            "author" => "author".to_string(),
            _ => c
                .holder
                .name
                .clone()
                .unwrap_or_else(|| "(unknown source)".into()),
        };
        let target = c
            .target
            .as_ref()
            .and_then(|t| t.name.as_deref())
            .map(|n| format!(" [{n}]"))
            .unwrap_or_default();
        let what = c
            .proposition
            .as_ref()
            .map(|p| p.text.as_str())
            .unwrap_or(&c.span.text);
        let _ = writeln!(
            out,
            "    {who} {}{target}: {}",
            c.stance.as_str(),
            quote(what, 80)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{segment, FramingStage};
    use super::*;

    #[test]
    fn the_summary_names_the_level_the_headline_verdict_and_the_disputes() {
        let body =
            "Interventionist Blinken falsely accused Russia of aggression. Moscow wants peace.";
        let (f, claims) = FramingStage::new().analyze_with_claims(
            body,
            "Regime Backstabs Allies",
            &segment::sentences(body),
            &segment::quotations(body),
        );
        let s = summary("Regime Backstabs Allies", &f, &claims);
        assert!(s.contains("loadedness: strongly_loaded"), "{s}");
        assert!(s.contains("headline: unsupported"), "{s}");
        assert!(s.contains("author disputes [Blinken]"), "{s}");
        assert!(
            s.contains("name_calling (author, 1): “Interventionist”"),
            "{s}"
        );
    }

    #[test]
    fn long_texts_are_cut_on_one_line() {
        assert_eq!(quote("a\n b", 10), "“a b”");
        assert_eq!(quote("abcdef", 3), "“abc…”");
        assert_eq!(quote("“plans”", 10), "“plans”");
    }
}

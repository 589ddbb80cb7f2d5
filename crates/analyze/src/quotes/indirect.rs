//! Reported speech: "X said (that) …", "X denied that …", "X told reporters …",
//! "X described Y as …", "X accused Y of …", "according to X, …", "…, X said."
//!
//! The content runs from after the cue (its `that`, listener or `of`) to the end of the
//! clause: the end of the sentence, a `;`, or a participle cue after a comma (`, adding`).
//! Content that is mostly a direct quotation is left to the direct quote.

use super::attribution::CueInfo;
use super::doc::Doc;
use super::lexicon::Frame;
use super::{make_cue, make_quote};
use parley_core::text::TokenKind;
use parley_core::{Quote, QuoteKind, Span};
use std::ops::Range;

/// Content longer than this many tokens is cut (keeps the work linear in odd input).
const MAX_CONTENT_TOKENS: usize = 120;
const MIN_CONTENT_WORDS: usize = 3;
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you"];
/// Words that cannot open reported content ("announced during the summit").
const NOT_OPENERS: &[&str] = &[
    "during", "in", "at", "on", "for", "with", "to", "from", "by", "after", "before", "about",
    "over", "like", "into", "as", "of", "and", "but", "or", "off", "out", "up", "down", "who",
    "which", "whose", "where",
];

pub fn indirect_quotes(doc: &Doc, infos: &[CueInfo]) -> Vec<Quote> {
    infos.iter().filter_map(|info| one(doc, info)).collect()
}

fn one(doc: &Doc, info: &CueInfo) -> Option<Quote> {
    let cue = &info.cue;
    if info.subject_chunk.is_none() && info.speaker.is_none() {
        return None;
    }
    let range = doc.sentence_tokens(cue.sentence);
    let content = if let Some(r) = content_before(doc, info, range.clone()) {
        r
    } else {
        if cue.frame == Frame::None {
            return None;
        }
        let start = content_start(doc, info, range.end)?;
        start..content_end(doc, start, range.end)
    };
    let (span, tokens) = trim(doc, content)?;
    if !acceptable(doc, tokens) {
        return None;
    }
    Some(make_quote(
        doc,
        span,
        QuoteKind::Indirect,
        info.speaker.as_ref(),
        info.speaker.is_none().then(|| {
            info.unknown_reason
                .clone()
                .unwrap_or_else(|| "no speaker phrase next to the cue".into())
        }),
        Some(make_cue(doc, cue)),
        false,
    ))
}

/// "…, X said." / "…, said X." / "…, according to X.": the content is the sentence before
/// the attribution.
fn content_before(doc: &Doc, info: &CueInfo, range: Range<usize>) -> Option<Range<usize>> {
    let cue = &info.cue;
    let chunk = &doc.chunks[info.subject_chunk?];
    let (attr_start, attr_end) = if chunk.tokens.start >= cue.tokens.end {
        (cue.group_start, chunk.tokens.end)
    } else {
        (
            noun_modifiers_before(doc, chunk.tokens.start, range.start),
            cue.tokens.end,
        )
    };
    if attr_start <= range.start || doc.toks[attr_start - 1].lower != "," {
        return None;
    }
    // Only a few words may follow the attribution ("on Monday").
    let tail = (attr_end..range.end)
        .filter(|&k| doc.toks[k].is_word())
        .take(4)
        .count();
    let inverted = chunk.tokens.start >= cue.tokens.end;
    if tail > 3 && !inverted {
        // "For a franchise brand, Tipton admits, the model is hard": the whole sentence.
        let parenthetical = attr_end < range.end && doc.toks[attr_end].lower == ",";
        return parenthetical.then_some(range.start..range.end);
    }
    // "…, said Derek Scissors, a China scholar": what follows is an appositive.
    if inverted && tail > 3 && !(attr_end < range.end && doc.toks[attr_end].lower == ",") {
        return None;
    }
    Some(range.start..attr_start - 1)
}

/// Where a speaker phrase starts with the lowercase nouns before it that the phrase finder
/// leaves out ("…, aid groups said", "…, human rights groups said"): at most two, after a comma.
fn noun_modifiers_before(doc: &Doc, start: usize, sentence_start: usize) -> usize {
    let mut k = start;
    while k > sentence_start && start - k < 2 {
        let t = &doc.toks[k - 1];
        let plain = t.is_word() && !t.cap && !t.in_quote && doc.lex.cue(&t.lower).is_none();
        // possessives are no noun modifiers: "…, his office said" is left as it was
        let possessive = matches!(t.lower.as_str(), "his" | "her" | "its" | "their" | "our");
        if !plain || possessive || NOT_OPENERS.contains(&t.lower.as_str()) || t.lower == "that" {
            break;
        }
        k -= 1;
    }
    if k > sentence_start && doc.toks[k - 1].lower == "," {
        k
    } else {
        start
    }
}

fn word_at(doc: &Doc, k: usize, end: usize, w: &str) -> bool {
    k < end && doc.toks[k].is_word() && doc.toks[k].lower == w
}

/// Skips time words right after the cue: "said on Monday that", "said Wednesday".
fn skip_time(doc: &Doc, mut k: usize, end: usize) -> usize {
    if word_at(doc, k, end, "on") && k + 1 < end && doc.lex.is_not_name(&doc.toks[k + 1].lower) {
        k += 2;
    } else if k < end
        && doc.toks[k].cap
        && doc.lex.is_not_name(doc.toks[k].stem())
        && doc.toks[k].lower != "the"
    {
        let next_is_that =
            word_at(doc, k + 1, end, "that") || k + 1 >= end || doc.toks[k + 1].lower == ",";
        if next_is_that {
            k += 1;
        }
    }
    k
}

/// A `that` within `window` tokens of `k` with only words, numbers and abbreviations between:
/// "told VOA correspondent Carla Babb on Nov. 12 that …".
fn that_after_adjunct(doc: &Doc, k: usize, end: usize, window: usize) -> Option<usize> {
    let j = (k..end.min(k + window)).find(|&j| word_at(doc, j, end, "that"))?;
    (k..j)
        .all(|x| {
            matches!(doc.toks[x].kind, TokenKind::Word | TokenKind::Number) && !doc.toks[x].in_quote
        })
        .then_some(j)
}

fn content_start(doc: &Doc, info: &CueInfo, end: usize) -> Option<usize> {
    let cue = &info.cue;
    let mut k = cue.tokens.end;
    if cue.source_after {
        // "according to X, CONTENT"
        let chunk = &doc.chunks[info.subject_chunk?];
        k = chunk.tokens.end;
        if k < end && doc.toks[k].lower == "," {
            return Some(k + 1);
        }
        return None;
    }
    // A cue that introduces a quote ("said:", "said “…") has no reported content of its own.
    if info
        .subject_chunk
        .is_some_and(|c| doc.chunks[c].tokens.start >= k)
    {
        k = doc.chunks[info.subject_chunk?].tokens.end;
        // "…,” said Jan Liphardt, an associate professor": an appositive, not content.
        if k >= end || doc.toks[k].lower == "," {
            return None;
        }
    }
    if k < end && (doc.toks[k].lower == ":" || doc.toks[k].kind == TokenKind::QuoteMark) {
        return None;
    }
    k = skip_time(doc, k, end);
    match cue.frame {
        Frame::That | Frame::ThatOnly => {
            if word_at(doc, k, end, "that") {
                k += 1;
            } else if let Some(j) = that_after_adjunct(doc, k, end, 6) {
                // "said in a statement that …", "said this month that …"
                k = j + 1;
            } else if cue.frame == Frame::ThatOnly {
                return None; // "denied any plan": a noun, not reported content
            }
        }
        Frame::Object => {
            // "told reporters (that) …": skip the listener, a speaker-like phrase or a pronoun.
            if let Some(j) = that_after_adjunct(doc, k, end, 10) {
                k = j + 1;
            } else if let Some(c) = doc.chunk_of.get(k).copied().flatten() {
                k = doc.chunks[c].tokens.end;
            } else if k < end && OBJECT_PRONOUNS.contains(&doc.toks[k].lower.as_str()) {
                k += 1;
            } else {
                return None;
            }
            k = skip_time(doc, k, end);
        }
        Frame::Of => {
            let of = (k..end.min(k + 8)).find(|&j| word_at(doc, j, end, "of"))?;
            k = of + 1;
        }
        Frame::As | Frame::None => {}
    }
    if cue.frame != Frame::As
        && k < end
        && NOT_OPENERS.contains(&doc.toks[k].lower.as_str())
        && !doc.toks[k].in_quote
    {
        return None;
    }
    if k >= end || doc.toks[k].in_quote || doc.toks[k].kind == TokenKind::QuoteMark {
        // Content that opens with a quotation is the direct quote's.
        return if k < end && doc.toks[k].kind == TokenKind::QuoteMark {
            None
        } else {
            (k < end).then_some(k)
        };
    }
    Some(k)
}

/// The end of the clause that starts at `start`.
fn content_end(doc: &Doc, start: usize, end: usize) -> usize {
    let limit = end.min(start + MAX_CONTENT_TOKENS);
    let mut k = start;
    while k < limit {
        let t = &doc.toks[k];
        if !t.in_quote {
            if t.lower == ";" {
                return k;
            }
            if t.lower == "," && k + 1 < limit {
                let n = &doc.toks[k + 1];
                let participle_cue = n.lower.ends_with("ing") && doc.lex.cue(&n.lower).is_some();
                if participle_cue || word_at(doc, k + 1, limit, "according") {
                    return k;
                }
            }
        }
        k += 1;
    }
    super::work::visit(k - start);
    k
}

/// The byte span of tokens `range` without punctuation at either end, and its tokens.
fn trim(doc: &Doc, range: Range<usize>) -> Option<(Span, Range<usize>)> {
    let mut a = range.start;
    let mut b = range.end;
    let edge = |k: usize| {
        matches!(
            doc.toks[k].kind,
            TokenKind::Punct | TokenKind::Dash | TokenKind::Ellipsis
        )
    };
    while a < b && edge(a) {
        a += 1;
    }
    while b > a && edge(b - 1) && doc.toks[b - 1].lower != ")" {
        b -= 1;
    }
    // Keep a closing quote mark that belongs to a quotation inside the content.
    (a < b).then(|| {
        (
            Span::new(doc.toks[a].span.start, doc.toks[b - 1].span.end),
            a..b,
        )
    })
}

/// Enough words, and not mostly a direct quotation. `tokens` are the content's tokens, so
/// the check costs the content's length (no search over the article's tokens).
fn acceptable(doc: &Doc, tokens: Range<usize>) -> bool {
    let mut words = 0;
    let mut quoted = 0;
    super::work::visit(tokens.len());
    for t in &doc.toks[tokens] {
        if t.is_word() || t.kind == TokenKind::Number {
            words += 1;
            if t.in_quote {
                quoted += 1;
            }
        }
    }
    words >= MIN_CONTENT_WORDS && quoted * 2 <= words
}

//! Direct and partial quotes from the text layer's quotations, with their speakers.
//!
//! A quotation is *direct* when it stands as the speaker's own sentence (it opens the
//! sentence, follows a colon or a comma, or runs over several sentences), *partial* when a
//! few quoted words sit inside the author's sentence, and *scare* quotes when one or two
//! quoted words carry no attribution at all (`No such “plans” exist`).
//!
//! The speaker is looked for in this order: a cue right after the quote (`,” Lavrov said`,
//! `,” said Lavrov`), the nearest cue before it in its sentence (`Lavrov said: “…`,
//! `accused Russia of “…”`), an introduction ending the previous paragraph (`he added:`),
//! the speaker of the previous quote for a quote paragraph that follows it, and the subject
//! of a clause whose predicate is the quote (`Moscow will “react toughly”`).

use super::attribution::{is_close_mark, speaker_of_chunk, Attributed, CueInfo, History};
use super::cues::is_group_word;
use super::doc::{Class, Doc};
use super::{make_cue, make_quote};
use parley_core::text::{Quotation, TokenKind};
use parley_core::{Quote, QuoteKind};

/// How far before a quote a cue may stand in its sentence, in tokens.
const BEFORE_WINDOW: usize = 40;

/// The previous attributed quote, for carrying its speaker to a following quote paragraph.
struct Previous {
    speaker: Attributed,
    last_paragraph: usize,
    end: usize,
}

/// How a quote got its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Cue,
    Carried,
    Subject,
    None,
}

pub fn direct_quotes(doc: &Doc, infos: &[CueInfo], history: &History) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut previous: Option<Previous> = None;
    let cue_starts: Vec<usize> = infos.iter().map(|i| i.cue.tokens.start).collect();
    for q in doc.layer.quotations.iter().filter(|q| q.depth == 0) {
        let Some(quote) = one_quote(doc, q, infos, &cue_starts, history, &mut previous) else {
            continue;
        };
        out.push(quote);
    }
    out
}

fn one_quote(
    doc: &Doc,
    q: &Quotation,
    infos: &[CueInfo],
    cue_starts: &[usize],
    history: &History,
    previous: &mut Option<Previous>,
) -> Option<Quote> {
    let content_text = doc.text(q.content);
    if !content_text.chars().any(char::is_alphanumeric) {
        return None;
    }
    let open = doc.layer.token_at(q.span.start)?;
    let close = if q.closed {
        doc.layer.token_at(q.span.end.saturating_sub(1))
    } else {
        None
    };
    let sentence = doc.toks[open].sentence;
    let sentence_range = doc.sentence_tokens(sentence);
    let paragraph = q.paragraphs.start;
    let last_paragraph = q.paragraphs.end.saturating_sub(1).max(paragraph);

    // Words of the content, and whether it runs over several sentences.
    let mut words = 0usize;
    let mut first_word_cap = None;
    let mut k = open + 1;
    let mut sentences_inside = 1;
    while k < doc.toks.len() && doc.toks[k].span.start < q.content.end {
        let t = &doc.toks[k];
        if t.is_word() || t.kind == TokenKind::Number {
            words += 1;
            first_word_cap.get_or_insert(t.cap);
        }
        if t.sentence != doc.toks[k - 1].sentence {
            sentences_inside += 1;
        }
        k += 1;
    }
    super::work::visit(k - open);
    let starts_sentence = open == sentence_range.start
        || (open > sentence_range.start
            && (open - sentence_range.start) <= 2
            && (sentence_range.start..open).all(|j| !doc.toks[j].is_word()));
    let prev_tok = (open > sentence_range.start).then(|| &doc.toks[open - 1]);
    let after_colon = prev_tok.is_some_and(|t| t.lower == ":");
    let after_comma = prev_tok.is_some_and(|t| t.lower == ",");
    let after_comma_cap = after_comma && first_word_cap == Some(true);
    // `“Talks are over,” said Ryabkov, “and nothing changed.”`: the quote goes on.
    let resumed = after_comma
        && (open.saturating_sub(8).max(sentence_range.start)..open - 1)
            .any(|j| is_close_mark(doc, j));
    let kind = if starts_sentence
        || after_colon
        || after_comma_cap
        || resumed
        || sentences_inside > 1
        || q.paragraphs.len() > 1
    {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };

    // Attribution.
    let mut method = Method::None;
    let mut info: Option<&CueInfo> = None;
    let mut speaker: Option<Attributed> = None;
    let mut reason: Option<String> = None;
    // A partial quote that ends its sentence is the words of its own sentence's speaker,
    // not of a cue opening the next one (`warned that it would "respond." The minister also
    // demanded`).
    let after = close
        .and_then(|c| cue_after(doc, c, infos, cue_starts))
        .filter(|&i| kind != QuoteKind::Partial || infos[i].cue.sentence == sentence);
    if let Some(i) = after {
        info = Some(&infos[i]);
    } else if let Some(i) = cue_before(doc, open, sentence_range.start, infos, cue_starts) {
        info = Some(&infos[i]);
    }
    if let Some(i) = info {
        method = Method::Cue;
        speaker = i.speaker.clone();
        reason = i.unknown_reason.clone();
    } else if let Some(a) = close.and_then(|c| dash_signature(doc, c, history, paragraph)) {
        method = Method::Cue;
        speaker = Some(a);
    } else if let Some(a) = colon_label(doc, open, sentence_range.start, history, paragraph) {
        method = Method::Cue;
        speaker = Some(a);
    } else if let Some((a, i)) = introduction(doc, open, paragraph, infos, cue_starts, history) {
        method = Method::Cue;
        info = i;
        speaker = Some(a);
    } else if let Some(a) = carried(
        doc,
        open,
        sentence_range.start,
        paragraph,
        infos,
        cue_starts,
        previous,
    ) {
        method = Method::Carried;
        speaker = Some(a);
    } else if let Some(a) = after_reported(doc, open, sentence, paragraph, infos, cue_starts) {
        method = Method::Carried;
        speaker = Some(a);
    } else if let Some(a) = clause_subject(doc, open, sentence_range.start, history, paragraph) {
        method = Method::Subject;
        speaker = Some(a);
    }
    // One or two quoted words that nobody is said to have said: "No such “plans” exist".
    let scare =
        kind == QuoteKind::Partial && words <= 2 && (method != Method::Cue || speaker.is_none());
    if scare {
        speaker = None;
        reason = Some("scare quotes: a term the author sets apart, not speech".into());
    } else if speaker.is_none() && reason.is_none() {
        reason = Some("no speech cue, introduction or earlier quote to attribute it to".into());
    }
    if let Some(a) = &speaker {
        let cue_end = info.map_or(0, |i| doc.toks[i.cue.tokens.end - 1].span.end);
        *previous = Some(Previous {
            speaker: a.clone(),
            last_paragraph,
            end: q.span.end.max(cue_end),
        });
    }
    Some(make_quote(
        doc,
        q.content,
        kind,
        speaker.as_ref(),
        reason,
        info.map(|i| make_cue(doc, &i.cue)),
        scare,
    ))
}

fn info_with_group_at(infos: &[CueInfo], cue_starts: &[usize], k: usize) -> Option<usize> {
    let from = cue_starts.partition_point(|&s| s < k);
    (from..infos.len().min(from + 2))
        .find(|&i| infos[i].cue.group_start == k || infos[i].cue.tokens.start == k)
}

/// A cue right after the closing mark: `,” Lavrov said`, `,” said Lavrov`, `” — he added`.
fn cue_after(doc: &Doc, close: usize, infos: &[CueInfo], cue_starts: &[usize]) -> Option<usize> {
    let paragraph = doc.layer.sentences.get(doc.toks[close].sentence)?.paragraph;
    let mut k = close + 1;
    let mut punct = 0;
    while k < doc.toks.len() && punct < 3 {
        let t = &doc.toks[k];
        if matches!(t.kind, TokenKind::Punct | TokenKind::Dash)
            && matches!(
                t.lower.as_str(),
                "," | "." | "?" | "!" | "—" | "–" | "-" | "--"
            )
        {
            k += 1;
            punct += 1;
        } else {
            break;
        }
    }
    if k >= doc.toks.len() || doc.layer.sentences.get(doc.toks[k].sentence)?.paragraph != paragraph
    {
        return None;
    }
    if let Some(i) = info_with_group_at(infos, cue_starts, k) {
        if infos[i].speaker.is_some() {
            return Some(i);
        }
        // `"…" announced in October, said Derek Scissors`: a later cue of the sentence names
        // the speaker.
        return later_cue_with_speaker(doc, k, infos, cue_starts).or(Some(i));
    }
    let c = doc.chunk_of[k]?;
    let after_chunk = doc.chunks[c].tokens.end;
    let i = info_with_group_at(infos, cue_starts, after_chunk)?;
    (infos[i].subject_chunk == Some(c) || infos[i].speaker.is_some()).then_some(i)
}

/// The first cue after token `k`, in its sentence and within a few tokens, that has a speaker.
fn later_cue_with_speaker(
    doc: &Doc,
    k: usize,
    infos: &[CueInfo],
    cue_starts: &[usize],
) -> Option<usize> {
    let sentence = doc.toks[k].sentence;
    let from = cue_starts.partition_point(|&s| s <= k);
    (from..infos.len().min(from + 3)).find(|&i| {
        infos[i].cue.sentence == sentence && cue_starts[i] <= k + 12 && infos[i].speaker.is_some()
    })
}

/// The nearest cue before the opening mark in its sentence: `Lavrov said: “…`.
fn cue_before(
    doc: &Doc,
    open: usize,
    sentence_start: usize,
    infos: &[CueInfo],
    cue_starts: &[usize],
) -> Option<usize> {
    let i = cue_starts.partition_point(|&s| s < open).checked_sub(1)?;
    let cue = &infos[i].cue;
    let near = cue.tokens.start >= sentence_start && open - cue.tokens.start <= BEFORE_WINDOW;
    let _ = doc;
    // "It claimed that Russia maintains a “tight hold”": the words are reported by the
    // speaker of the outer cue.
    near.then_some(infos[i].embedded_in.unwrap_or(i))
}

/// The last token index of paragraph `p`, if it has tokens.
fn paragraph_last_token(doc: &Doc, p: usize) -> Option<usize> {
    let para = doc.layer.paragraphs.get(p)?;
    let last_sentence = para.sentences.end.checked_sub(1)?;
    doc.sentence_tokens(last_sentence).end.checked_sub(1)
}

fn paragraph_first_token(doc: &Doc, p: usize) -> Option<usize> {
    let para = doc.layer.paragraphs.get(p)?;
    Some(doc.sentence_tokens(para.sentences.start).start)
}

/// A quote opening a paragraph after one that ends with a colon: `he added:` / `adding:`.
fn introduction<'i>(
    doc: &Doc,
    open: usize,
    paragraph: usize,
    infos: &'i [CueInfo],
    cue_starts: &[usize],
    history: &History,
) -> Option<(Attributed, Option<&'i CueInfo>)> {
    if paragraph_first_token(doc, paragraph)? != open || paragraph == 0 {
        return None;
    }
    let last = paragraph_last_token(doc, paragraph - 1)?;
    if doc.toks[last].lower != ":" {
        return None;
    }
    let first = paragraph_first_token(doc, paragraph - 1)?;
    // The last cue of that paragraph.
    let i = cue_starts.partition_point(|&s| s < last);
    if let Some(i) = i.checked_sub(1).filter(|&i| cue_starts[i] >= first) {
        if let Some(a) = infos[i].speaker.clone() {
            return Some((a, Some(&infos[i])));
        }
    }
    // No cue: the last speaker phrase before the colon ("And from Chairwoman Rosenworcel:").
    let lo = last.saturating_sub(12).max(first);
    let c = (lo..last).rev().find_map(|k| doc.chunk_of[k])?;
    let at = doc.toks[open].span.start;
    speaker_of_chunk(doc, c, history, at, paragraph)
        .ok()
        .map(|a| (a, None))
}

/// A quote that opens its paragraph (or sentence) right after an attributed quote, with no
/// other cue between: the same speaker goes on.
fn carried(
    doc: &Doc,
    open: usize,
    sentence_start: usize,
    paragraph: usize,
    infos: &[CueInfo],
    cue_starts: &[usize],
    previous: &Option<Previous>,
) -> Option<Attributed> {
    let prev = previous.as_ref()?;
    let opens_sentence = open == sentence_start
        || (open - sentence_start <= 3 && (sentence_start..open).all(|j| !doc.toks[j].is_word()));
    if !opens_sentence {
        return None;
    }
    if prev.last_paragraph + 1 < paragraph {
        return None;
    }
    // No cue between the previous quote and this one.
    let from = cue_starts.partition_point(|&s| doc.toks[s].span.start < prev.end);
    let to = cue_starts.partition_point(|&s| s < open);
    if from < to {
        let _ = infos;
        return None;
    }
    Some(Attributed {
        at: doc.toks[open].span.start,
        ..prev.speaker.clone()
    })
}

/// A quote opening its sentence right after a sentence of reported speech by X (in the same
/// paragraph, or ending the previous one): `Bhatt said researchers are turning … “We are
/// focused on …”` — the news convention gives it to X.
fn after_reported(
    doc: &Doc,
    open: usize,
    sentence: usize,
    paragraph: usize,
    infos: &[CueInfo],
    cue_starts: &[usize],
) -> Option<Attributed> {
    let range = doc.sentence_tokens(sentence);
    let opens = open == range.start
        || (open - range.start <= 3 && (range.start..open).all(|j| !doc.toks[j].is_word()));
    if !opens || sentence == 0 {
        return None;
    }
    let previous = doc.layer.sentences.get(sentence - 1)?;
    if previous.paragraph + 1 < paragraph {
        return None;
    }
    let i = cue_starts.partition_point(|&s| s < open).checked_sub(1)?;
    let i = infos[i].embedded_in.unwrap_or(i);
    let info = &infos[i];
    if info.cue.sentence != sentence - 1 {
        return None;
    }
    info.speaker.clone().map(|a| Attributed {
        at: doc.toks[open].span.start,
        ..a
    })
}

/// `Ryabkov: “We need guarantees.”`: a name that opens the sentence, then a colon.
fn colon_label(
    doc: &Doc,
    open: usize,
    sentence_start: usize,
    history: &History,
    paragraph: usize,
) -> Option<Attributed> {
    if open < sentence_start + 2 || doc.toks[open - 1].lower != ":" {
        return None;
    }
    let c = doc.chunk_of[open - 2]?;
    let chunk = &doc.chunks[c];
    // Only "and", "from", "but" may come before the name: "And from Chairwoman Rosenworcel:".
    let lead_in = (sentence_start..chunk.tokens.start).all(|k| {
        matches!(
            doc.toks[k].lower.as_str(),
            "and" | "from" | "but" | "also" | "then"
        )
    });
    if chunk.tokens.start - sentence_start > 2 || !lead_in || chunk.tokens.end != open - 1 {
        return None;
    }
    speaker_of_chunk(doc, c, history, doc.toks[open].span.start, paragraph).ok()
}

/// `“…” — Commissioner Geoffrey Starks`: a dash, a name, and nothing else to the end of the
/// sentence.
fn dash_signature(
    doc: &Doc,
    close: usize,
    history: &History,
    paragraph: usize,
) -> Option<Attributed> {
    let dash = close + 1;
    let t = doc.toks.get(dash)?;
    let paragraph_of = |k: usize| {
        doc.layer
            .sentences
            .get(doc.toks[k].sentence)
            .map(|s| s.paragraph)
    };
    if !(t.kind == TokenKind::Dash || t.lower == "-") || paragraph_of(dash) != paragraph_of(close) {
        return None;
    }
    let c = doc.chunk_of.get(dash + 1).copied().flatten()?;
    let chunk = &doc.chunks[c];
    if chunk.tokens.start != dash + 1 || chunk.class.is_pronoun() {
        return None;
    }
    let end = doc.sentence_tokens(t.sentence).end;
    let rest_is_punct = (chunk.tokens.end..end).all(|k| !doc.toks[k].is_word());
    if !rest_is_punct {
        return None;
    }
    speaker_of_chunk(doc, c, history, doc.toks[close].span.start, paragraph).ok()
}

/// `Moscow will “react toughly”`: the subject of a clause whose predicate is the quote.
fn clause_subject(
    doc: &Doc,
    open: usize,
    sentence_start: usize,
    history: &History,
    paragraph: usize,
) -> Option<Attributed> {
    let mut k = open;
    let mut group = 0;
    while k > sentence_start && group < 4 {
        let t = &doc.toks[k - 1];
        if t.is_word() && !t.in_quote && is_group_word(&t.lower) {
            k -= 1;
            group += 1;
        } else {
            break;
        }
    }
    if group == 0 || k == sentence_start {
        return None;
    }
    let c = doc.chunk_of[k - 1]?;
    let chunk = &doc.chunks[c];
    if chunk.tokens.end != k {
        return None;
    }
    let s = chunk.tokens.start;
    let clause_start =
        s == sentence_start || matches!(doc.toks[s - 1].lower.as_str(), "," | "—" | "–" | ";");
    if !clause_start || chunk.class == Class::PronounGroup {
        return None;
    }
    let at = doc.toks[open].span.start;
    speaker_of_chunk(doc, c, history, at, paragraph).ok()
}

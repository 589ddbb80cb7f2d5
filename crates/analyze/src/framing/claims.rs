//! Claims with holder and stance, read from reporting cues and the author's markers of falsity.
//!
//! Per sentence:
//! - a **source claim** for the first stance cue outside quotations (`stance_cues.txt`; a
//!   denial, dispute or question cue is preferred to a plain assertion): its holder is the
//!   nearest name (a run of capitalised words, with a role noun after it: "Russia's US
//!   embassy") or pronoun before the cue, else a name right after it ("said Lavrov"), else, for a
//!   sentence that opens with the cue ("Claiming that ..."), the last holder named; pronouns
//!   resolve to the last holder named. The proposition is the that-clause after the cue, the
//!   quotation next to it, or the rest of the sentence;
//! - an **author dispute** when an author-dispute marker ("lied", "falsely", "Big Lie", "no
//!   such", "doesn't exist") stands outside quotations: holder the author, stance disputes, its
//!   target the source claim's holder, or the name after "by", or the last holder named;
//! - an **author assertion** for an author-voice sentence with neither.
//!
//! This reads words, not a parse: until the actor and quote stages land, holders are the names
//! as written and pronouns are resolved to the last holder named.

use super::lexicon::{normalize_form, LexiconError};
use super::matcher::{PhraseMatch, PhraseMatcher, WordString};
use super::voice::Voice;
use super::words::{is_capitalized, Word};
use parley_core::claim::ClaimKey;
use parley_core::{Claim, ClaimHolder, Quote, Span, Stance, TextSpan};
use std::collections::HashSet;

/// What a stance cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Stance(Stance),
    AuthorDisputes,
}

/// How many words may stand between a holder and its cue ("Blinken falsely accused").
const MAX_GAP: usize = 5;

pub struct ClaimFinder {
    cues: PhraseMatcher<Cue>,
    words: ClaimWords,
}

/// The word classes of `claim_words.txt`.
#[derive(Debug, Default)]
pub struct ClaimWords {
    role_nouns: HashSet<String>,
    not_names: HashSet<String>,
    pronouns: HashSet<String>,
    negations: HashSet<String>,
}

impl ClaimWords {
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let mut w = ClaimWords::default();
        for (section, forms, line) in parse_sections(file, text)? {
            let set = match section.as_str() {
                "role_nouns" => &mut w.role_nouns,
                "not_names" => &mut w.not_names,
                "pronouns" => &mut w.pronouns,
                "negations" => &mut w.negations,
                other => {
                    return Err(LexiconError {
                        file,
                        line,
                        reason: format!("unknown section [{other}]"),
                    })
                }
            };
            set.extend(forms);
        }
        Ok(w)
    }
}

/// Reads a sectioned word file: a line `[name]` opens a section; each other line holds forms
/// separated by ` | `. Returns (section, forms, line number) for each line of forms.
pub fn parse_sections(
    file: &'static str,
    text: &str,
) -> Result<Vec<(String, Vec<String>, usize)>, LexiconError> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |reason: String| LexiconError {
            file,
            line: i + 1,
            reason,
        };
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.to_string());
            continue;
        }
        let section = current
            .clone()
            .ok_or_else(|| err("a term before any [section]".into()))?;
        let mut forms = Vec::new();
        for form in line.split('|') {
            let form = normalize_form(form);
            if form.is_empty() {
                return Err(err(format!("empty form in {line:?}")));
            }
            forms.push(form);
        }
        out.push((section, forms, i + 1));
    }
    Ok(out)
}

/// Reads `stance_cues.txt`: `[stance]` section lines, then terms with ` | `-separated forms.
pub fn parse_cues(file: &'static str, text: &str) -> Result<Vec<(String, Cue)>, LexiconError> {
    let mut out = Vec::new();
    for (section, forms, line) in parse_sections(file, text)? {
        let cue = match section.as_str() {
            "asserts" => Cue::Stance(Stance::Asserts),
            "denies" => Cue::Stance(Stance::Denies),
            "disputes" => Cue::Stance(Stance::Disputes),
            "questions" => Cue::Stance(Stance::Questions),
            "reports" => Cue::Stance(Stance::Reports),
            "author_disputes" => Cue::AuthorDisputes,
            other => {
                return Err(LexiconError {
                    file,
                    line,
                    reason: format!("unknown section [{other}]"),
                })
            }
        };
        out.extend(forms.into_iter().map(|f| (f, cue)));
    }
    Ok(out)
}

fn holder(kind: &str, name: Option<String>) -> ClaimHolder {
    ClaimHolder {
        kind: kind.to_string(),
        name,
        actor_id: None,
    }
}

/// An article as the claim finder reads it: the body, its words and their search string, and
/// sentence and quotation spans.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub body: &'a str,
    pub words: &'a [Word],
    pub ws: &'a WordString,
    pub sentences: &'a [Span],
    pub quotations: &'a [Span],
}

/// The sentence-local view the finder works on.
struct Sentence<'a> {
    body: &'a str,
    span: Span,
    words: &'a [Word],
    /// Index of the sentence's first word in the article's word list.
    offset: usize,
    quotations: &'a [Span],
    /// Local indices of words inside a cue or a framing hit: never part of a name.
    cue_words: Vec<bool>,
    lex: &'a ClaimWords,
}

impl Sentence<'_> {
    fn quoted(&self, s: Span) -> bool {
        self.quotations.iter().any(|q| q.contains(s))
    }

    fn text(&self, span: Span) -> Option<TextSpan> {
        TextSpan::from_body(self.body, span).ok()
    }

    fn is_name_word(&self, i: usize) -> bool {
        let w = &self.words[i];
        is_capitalized(self.body, w.span)
            && !self.lex.not_names.contains(&w.norm)
            && !self.lex.pronouns.contains(&w.norm)
            && !self.quoted(w.span)
            && !self.cue_words.get(i).copied().unwrap_or(false)
            && (i != 0 || !w.norm.ends_with("ly"))
    }

    /// True when only white space (or an apostrophe-s) lies between words `a` and `a + 1`.
    fn joined(&self, a: usize) -> bool {
        let gap = self
            .body
            .get(self.words[a].span.end..self.words[a + 1].span.start)
            .unwrap_or("|");
        gap.chars().all(char::is_whitespace)
    }

    /// The holder before local word `cue`: (holder span, is a pronoun).
    fn holder_before(&self, cue: usize) -> Option<(Span, bool)> {
        let lo = cue.saturating_sub(MAX_GAP + 1);
        for i in (lo..cue).rev() {
            let w = &self.words[i];
            if self.quoted(w.span) || !self.joined_or_comma(i) {
                return None;
            }
            if self.lex.pronouns.contains(&w.norm) {
                return Some((w.span, true));
            }
            if self.is_name_word(i) {
                let start = self.name_start(i);
                let mut end = i;
                while end + 1 < cue && self.lex.role_nouns.contains(&self.words[end + 1].norm) {
                    end += 1;
                }
                return Some((
                    Span::new(self.words[start].span.start, self.words[end].span.end),
                    false,
                ));
            }
        }
        None
    }

    /// The first word of the name that ends at word `i`: capitalised words, joined by white
    /// space or by "of" ("Secretary of State Wendy Sherman").
    fn name_start(&self, i: usize) -> usize {
        let mut start = i;
        loop {
            if start > 0 && self.is_name_word(start - 1) && self.joined(start - 1) {
                start -= 1;
            } else if start > 1
                && self.words[start - 1].norm == "of"
                && self.is_name_word(start - 2)
                && self.joined(start - 2)
                && self.joined(start - 1)
            {
                start -= 2;
            } else {
                return start;
            }
        }
    }

    /// The name that opens the sentence when an appositive follows it ("Alexander Grushko,
    /// one of Russia's deputy foreign ministers, said"; "Wendy Sherman, who led ..., said").
    fn opening_name_with_appositive(&self, cue: usize) -> Option<Span> {
        let mut i = 0;
        while i < cue && !self.is_name_word(i) {
            if i >= 2 {
                return None;
            }
            i += 1;
        }
        let start = i;
        let mut end = i;
        while end + 1 < cue
            && self.joined(end)
            && (self.is_name_word(end + 1) || self.words[end + 1].norm == "of")
        {
            end += 1;
        }
        let gap = self
            .body
            .get(self.words[end].span.end..self.words.get(end + 1)?.span.start)?;
        (end < cue && gap.trim() == ",")
            .then(|| Span::new(self.words[start].span.start, self.words[end].span.end))
    }

    /// A plain noun phrase ending in a role noun right before the cue ("Both sides said").
    fn role_phrase_before(&self, cue: usize) -> Option<Span> {
        let mut last = cue.checked_sub(1)?;
        while last > 0 && self.words[last].norm.ends_with("ly") && self.joined(last - 1) {
            last -= 1;
        }
        if !self.lex.role_nouns.contains(&self.words[last].norm) || !self.joined(last) {
            return None;
        }
        let mut start = last;
        while start > 0
            && last - start < 2
            && self.joined(start - 1)
            && self.words[start - 1].norm != "the"
        {
            start -= 1;
        }
        Some(Span::new(
            self.words[start].span.start,
            self.words[last].span.end,
        ))
    }

    /// False when a quotation mark, a colon or a full stop lies right after word `i`.
    fn joined_or_comma(&self, i: usize) -> bool {
        let Some(next) = self.words.get(i + 1) else {
            return true;
        };
        let gap = self
            .body
            .get(self.words[i].span.end..next.span.start)
            .unwrap_or("|");
        !gap.chars()
            .any(|c| matches!(c, '“' | '”' | '"' | ':' | '.' | ';'))
    }

    /// True when `marker`, after stance cue `cue`, is part of what the source said: the cue
    /// denies or disputes, or the marker lies in a that-clause or quotation after it, or in
    /// plain reported speech ("said the report was a lie"), but not after a preposition
    /// ("responded to a Big Lie").
    fn reports_speech(&self, cue: &PhraseMatch<'_, Cue>, marker: Span) -> bool {
        if matches!(cue.value, Cue::Stance(Stance::Denies | Stance::Disputes)) {
            return true;
        }
        let last = cue.words.1 - 1 - self.offset;
        let Some(next) = self.words.get(last + 1) else {
            return false;
        };
        let prepositional = matches!(
            next.norm.as_str(),
            "to" | "by" | "with" | "about" | "on" | "for" | "at" | "in"
        );
        !prepositional && marker.start >= cue.span.end
    }

    /// True when "to" and a verb follow within three words of local word `last`
    /// ("asked Putin to pull back").
    fn infinitive_follows(&self, last: usize) -> bool {
        (last + 1..(last + 4).min(self.words.len())).any(|k| self.words[k].norm == "to")
    }

    /// The name after local word `last`, skipping "the" ("according to the Kremlin").
    fn name_after(&self, last: usize) -> Option<Span> {
        let mut i = last + 1;
        while i < self.words.len() && self.words[i].norm == "the" {
            i += 1;
        }
        if i >= self.words.len() || !self.is_name_word(i) {
            return None;
        }
        let mut end = i;
        while end + 1 < self.words.len() && self.is_name_word(end + 1) && self.joined(end) {
            end += 1;
        }
        Some(Span::new(
            self.words[i].span.start,
            self.words[end].span.end,
        ))
    }

    /// The name that opens the sentence ("Lavrov spoke in Geneva."), for pronouns after it.
    fn subject_name(&self) -> Option<Span> {
        let i = (0..self.words.len().min(3)).find(|&i| self.is_name_word(i))?;
        let mut end = i;
        while end + 1 < self.words.len() && self.is_name_word(end + 1) && self.joined(end) {
            end += 1;
        }
        Some(Span::new(
            self.words[i].span.start,
            self.words[end].span.end,
        ))
    }

    /// A name right after the cue, in inverted attribution after a quotation or a comma
    /// ("“…,” said Lavrov").
    fn holder_after(&self, first_cue_word: usize, last_cue_word: usize) -> Option<Span> {
        let before = self
            .body
            .get(..self.words[first_cue_word].span.start)
            .unwrap_or("")
            .trim_end();
        if !before.ends_with(['”', '"', ',']) {
            return None;
        }
        let i = last_cue_word + 1;
        if i >= self.words.len() || !self.is_name_word(i) || !self.joined(last_cue_word) {
            return None;
        }
        let mut end = i;
        while end + 1 < self.words.len() && self.is_name_word(end + 1) && self.joined(end) {
            end += 1;
        }
        Some(Span::new(
            self.words[i].span.start,
            self.words[end].span.end,
        ))
    }

    /// The proposition of a cue ending at local word `last`.
    fn proposition(&self, cue: Span, last: usize) -> Option<Span> {
        let end = self.span.end;
        // A quotation that opens right after the cue (perhaps after "that" or a colon).
        let after_cue = |q: &&Span| q.start >= cue.end && q.start <= cue.end + 12;
        if let Some(q) = self.quotations.iter().find(after_cue) {
            return Some(*q);
        }
        // A that-clause within two words of the cue ("told reporters that").
        for k in last + 1..(last + 4).min(self.words.len()) {
            if self.words[k].norm == "that" && k + 1 < self.words.len() {
                return Some(Span::new(
                    self.words[k + 1].span.start,
                    trim_end(self.body, end),
                ));
            }
        }
        // A quotation in the sentence before the cue ("“...,” Lavrov explained").
        if let Some(q) = self
            .quotations
            .iter()
            .rev()
            .find(|q| self.span.contains(**q) && q.end <= cue.start)
        {
            return Some(*q);
        }
        if let Some(q) = self.quotations.iter().find(|q| self.span.contains(**q)) {
            return Some(*q);
        }
        let rest = self.words.get(last + 1)?;
        (last + 2 < self.words.len()).then(|| Span::new(rest.span.start, trim_end(self.body, end)))
    }
}

/// `end` moved back over closing punctuation and white space.
fn trim_end(body: &str, end: usize) -> usize {
    let text = body.get(..end).unwrap_or("");
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '?' | ',' | ';' | ':')
    })
    .len()
}

/// The claim key of a proposition: its names and its polarity.
fn key(lex: &ClaimWords, body: &str, words: &[Word], prop: Span) -> ClaimKey {
    let mut actors: Vec<String> = Vec::new();
    let mut polarity = 1;
    let from = words.partition_point(|w| w.span.start < prop.start);
    let to = words.partition_point(|w| w.span.start < prop.end);
    for w in words[from..to.max(from)]
        .iter()
        .filter(|w| prop.contains(w.span))
    {
        if lex.negations.contains(&w.norm) || w.norm.ends_with("n't") {
            polarity = -1;
        }
        if is_capitalized(body, w.span) && !lex.not_names.contains(&w.norm) {
            let name = w.norm.trim_end_matches("'s").to_string();
            if !actors.contains(&name) {
                actors.push(name);
            }
        }
    }
    ClaimKey {
        actors,
        event_code: None,
        polarity,
    }
}

impl ClaimFinder {
    pub fn shipped() -> Result<Self, LexiconError> {
        let cues = parse_cues("stance_cues.txt", super::lexicon::files::STANCE_CUES)?;
        Ok(ClaimFinder {
            cues: PhraseMatcher::new(cues),
            words: ClaimWords::parse("claim_words.txt", super::lexicon::files::CLAIM_WORDS)?,
        })
    }

    /// Claims of one article. `voices` gives each sentence's voice, in `doc.sentences` order;
    /// `framing_hits` are the spans of the framing signals (never part of a holder's name).
    pub fn find(&self, doc: &Doc<'_>, voices: &[Voice], framing_hits: &[Span]) -> Vec<Claim> {
        let Doc {
            body,
            words,
            ws,
            sentences,
            quotations,
        } = *doc;
        let cues = self.cues.find_longest(words, ws);
        // Words inside a cue or a framing hit: never part of a name.
        let mut covered = vec![false; words.len()];
        for c in &cues {
            for flag in &mut covered[c.words.0..c.words.1.min(words.len())] {
                *flag = true;
            }
        }
        for h in framing_hits {
            let from = words.partition_point(|w| w.span.start < h.start);
            let to = words.partition_point(|w| w.span.start < h.end);
            for i in from..to.max(from) {
                covered[i] |= h.contains(words[i].span);
            }
        }
        let mut claims = Vec::new();
        let mut last_named: Option<String> = None;
        for (si, &span) in sentences.iter().enumerate() {
            let from = words.partition_point(|w| w.span.start < span.start);
            let to = words.partition_point(|w| w.span.end <= span.end);
            if from >= to {
                continue;
            }
            let cue_words = covered[from..to].to_vec();
            let s = Sentence {
                body,
                span,
                words: &words[from..to],
                offset: from,
                quotations,
                cue_words,
                lex: &self.words,
            };
            let Some(evidence) = s.text(span) else {
                continue;
            };
            let first_cue = cues.partition_point(|c| c.span.start < span.start);
            let last_cue = cues.partition_point(|c| c.span.start < span.end);
            let here: Vec<_> = cues[first_cue..last_cue.max(first_cue)]
                .iter()
                .filter(|c| span.contains(c.span) && !s.quoted(c.span))
                .collect();
            let stance_cue = here
                .iter()
                .find(|c| matches!(c.value, Cue::Stance(st) if *st != Stance::Asserts))
                .or_else(|| here.iter().find(|c| matches!(c.value, Cue::Stance(_))));
            // A marker of falsity after a denial or dispute cue, or inside reported speech,
            // is the source's, not the author's ("Lavrov dismissed the allegations as
            // nonsense"); after "responded to" it is the author's ("responded to a Big Lie").
            let dispute_cue = here.iter().find(|c| {
                *c.value == Cue::AuthorDisputes
                    && stance_cue.is_none_or(|sc| {
                        c.span.start < sc.span.start || !s.reports_speech(sc, c.span)
                    })
            });

            let mut source: Option<(ClaimHolder, Option<Span>)> = None;
            if let Some(c) = stance_cue {
                let Cue::Stance(mut stance) = *c.value else {
                    continue;
                };
                let (first, last) = (c.words.0 - s.offset, c.words.1 - 1 - s.offset);
                // "asked Putin to pull back" is a request, not a question.
                if stance == Stance::Questions && s.infinitive_follows(last) {
                    stance = Stance::Asserts;
                }
                let after_first = c.words.1 - c.words.0 > 1 && s.words[first].norm == "according";
                let name = match (
                    s.opening_name_with_appositive(first),
                    s.holder_before(first),
                ) {
                    _ if after_first => s.name_after(last).and_then(|h| s.text(h)).map(|t| t.text),
                    (Some(h), _) => s.text(h).map(|t| t.text),
                    (None, Some((h, true))) => {
                        last_named.clone().or_else(|| s.text(h).map(|t| t.text))
                    }
                    (None, Some((h, false))) => s.text(h).map(|t| t.text),
                    (None, None) => match s
                        .role_phrase_before(first)
                        .or_else(|| s.holder_after(first, last))
                    {
                        Some(h) => s.text(h).map(|t| t.text),
                        None if first == 0 => last_named.clone(),
                        None => None,
                    },
                };
                let prop = s.proposition(c.span, last);
                let h = holder("source", name.clone());
                claims.push(Claim {
                    span: evidence.clone(),
                    holder: h.clone(),
                    stance,
                    proposition: prop.and_then(|p| s.text(p)),
                    cue: s.text(c.span),
                    target: None,
                    key: prop.map(|p| key(&self.words, body, words, p)),
                });
                if let Some(n) = &name {
                    if !self.words.pronouns.contains(&normalize_form(n)) {
                        last_named = Some(n.clone());
                    }
                }
                source = Some((h, prop));
            }
            if let Some(d) = dispute_cue {
                let by_name = {
                    let last = d.words.1 - 1 - s.offset;
                    let by = last + 1 < s.words.len() && s.words[last + 1].norm == "by";
                    by.then(|| {
                        // "a Big Lie by Blinken's spokesman Price": the words after "by" up to
                        // the last name before punctuation.
                        let mut end = last + 2;
                        let mut last_name = None;
                        while end < s.words.len() && s.joined_or_comma(end - 1) {
                            if s.is_name_word(end) {
                                last_name = Some(end);
                            } else if !self.words.role_nouns.contains(&s.words[end].norm) {
                                break;
                            }
                            end += 1;
                        }
                        last_name.and_then(|e| {
                            s.text(Span::new(s.words[last + 2].span.start, s.words[e].span.end))
                                .map(|t| t.text)
                        })
                    })
                    .flatten()
                };
                let subject = s
                    .subject_name()
                    .filter(|h| h.end <= d.span.start)
                    .and_then(|h| s.text(h))
                    .map(|t| t.text);
                let target_name = by_name
                    .clone()
                    .or_else(|| source.as_ref().and_then(|(h, _)| h.name.clone()))
                    .or(subject)
                    .or_else(|| last_named.clone());
                if let Some(n) = &by_name {
                    last_named = Some(n.clone());
                }
                let prop = source.as_ref().and_then(|(_, p)| *p).unwrap_or(span);
                claims.push(Claim {
                    span: evidence.clone(),
                    holder: holder("author", None),
                    stance: Stance::Disputes,
                    proposition: s.text(prop),
                    cue: s.text(d.span),
                    target: Some(holder("source", target_name)),
                    key: Some(key(&self.words, body, words, prop)),
                });
            } else if source.is_none() && voices.get(si) == Some(&Voice::Author) {
                claims.push(Claim {
                    span: evidence.clone(),
                    holder: holder("author", None),
                    stance: Stance::Asserts,
                    proposition: Some(evidence.clone()),
                    cue: None,
                    target: None,
                    key: Some(key(&self.words, body, words, span)),
                });
            }
            if source.is_none() {
                if let Some(n) = s.subject_name().and_then(|h| s.text(h)) {
                    last_named = Some(n.text);
                }
            }
        }
        claims
    }
}

/// Takes holders from the quote stage, which resolves pronouns and actors: a source claim
/// whose cue or proposition overlaps a quote with a speaker gets that speaker (name and actor
/// id); an author dispute gets, as its target, the speaker of a quote in its sentence when its
/// own target is a pronoun or missing, and the actor id of a quote whose speaker it names.
pub fn attach_speakers(claims: &mut [Claim], quotes: &[Quote], pronouns: &dyn Fn(&str) -> bool) {
    let overlaps = |a: &TextSpan, b: &TextSpan| a.start < b.end && b.start < a.end;
    for c in claims.iter_mut() {
        let speaker_of = |c: &Claim| {
            quotes.iter().find_map(|q| {
                let speaker = q.speaker.as_ref()?;
                let by_cue = match (&c.cue, &q.cue) {
                    (Some(a), Some(b)) => overlaps(a, &b.span),
                    _ => false,
                };
                let by_content = c.proposition.as_ref().is_some_and(|p| overlaps(p, &q.span));
                (by_cue || by_content).then(|| speaker.clone())
            })
        };
        if c.holder.kind == "source" {
            if let Some(sp) = speaker_of(c) {
                c.holder.name = Some(sp.name);
                c.holder.actor_id = sp.actor_id;
            }
        } else if let Some(target) = c.target.as_mut() {
            let weak = target.name.as_deref().is_none_or(pronouns);
            let in_sentence = quotes
                .iter()
                .find(|q| q.speaker.is_some() && overlaps(&c.span, &q.span));
            match (weak, in_sentence.and_then(|q| q.speaker.clone())) {
                (true, Some(sp)) => {
                    target.name = Some(sp.name);
                    target.actor_id = sp.actor_id;
                }
                _ => {
                    let name = target.name.clone().unwrap_or_default();
                    if let Some(sp) = quotes.iter().filter_map(|q| q.speaker.as_ref()).find(|sp| {
                        !name.is_empty() && (sp.name.contains(&name) || name.contains(&sp.name))
                    }) {
                        target.actor_id = sp.actor_id.clone();
                    }
                }
            }
        }
    }
}

impl ClaimFinder {
    /// True when `name` is a pronoun ("he", "It").
    pub fn is_pronoun(&self, name: &str) -> bool {
        self.words.pronouns.contains(&normalize_form(name))
    }
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::super::FramingStage;
    use super::*;

    const CASES: &str = include_str!("testdata/claims.tsv");

    fn stage() -> &'static FramingStage {
        static STAGE: std::sync::OnceLock<FramingStage> = std::sync::OnceLock::new();
        STAGE.get_or_init(FramingStage::new)
    }

    fn claims_of(text: &str) -> Vec<Claim> {
        stage()
            .analyze_with_claims(
                text,
                "",
                &segment::sentences(text),
                &segment::quotations(text),
            )
            .1
    }

    fn matches(c: &Claim, holder: &str, stance: &str, target: Option<&str>) -> bool {
        let holder_ok = if holder == "author" {
            c.holder.kind == "author"
        } else {
            c.holder.kind == "source"
                && c.holder.name.as_deref().map(|n| n.replace('’', "'")) == Some(holder.to_string())
        };
        let target_ok = target.is_none_or(|t| {
            c.target
                .as_ref()
                .and_then(|x| x.name.as_deref())
                .map(|n| n.replace('’', "'"))
                == Some(t.to_string())
        });
        holder_ok && c.stance.as_str() == stance && target_ok
    }

    #[test]
    fn every_claim_case_finds_its_holder_and_stance() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in CASES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 3, "bad case line {line:?}");
            n += 1;
            let claims = claims_of(f[0]);
            if !claims
                .iter()
                .any(|c| matches(c, f[1], f[2], f.get(3).copied()))
            {
                let got: Vec<String> = claims
                    .iter()
                    .map(|c| {
                        format!(
                            "{}:{:?}:{}:{:?}",
                            c.holder.kind,
                            c.holder.name,
                            c.stance.as_str(),
                            c.target.as_ref().and_then(|t| t.name.clone())
                        )
                    })
                    .collect();
                failures.push(format!("{line}\n    got {got:?}"));
            }
        }
        assert!(n >= 100, "only {n} cases");
        assert!(
            failures.is_empty(),
            "{} of {n} cases fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn the_stance_cue_file_parses_with_every_stance() {
        let cues =
            parse_cues("stance_cues.txt", super::super::lexicon::files::STANCE_CUES).unwrap();
        for stance in [
            Stance::Asserts,
            Stance::Denies,
            Stance::Disputes,
            Stance::Questions,
            Stance::Reports,
        ] {
            assert!(
                cues.iter().any(|(_, c)| *c == Cue::Stance(stance)),
                "{stance:?}"
            );
        }
        assert!(cues.iter().any(|(_, c)| *c == Cue::AuthorDisputes));
    }

    #[test]
    fn an_unknown_section_is_an_error() {
        assert!(parse_cues("c", "[maybe]\nsaid\n").is_err());
        assert!(parse_cues("c", "said\n").is_err());
    }

    #[test]
    fn a_denial_keeps_its_proposition_and_a_positive_key() {
        let c = claims_of("Ryabkov denied that Russia had any plans to invade Ukraine.");
        let d = c.iter().find(|c| c.stance == Stance::Denies).unwrap();
        assert_eq!(
            d.proposition.as_ref().unwrap().text,
            "Russia had any plans to invade Ukraine"
        );
        let key = d.key.as_ref().unwrap();
        assert_eq!(key.actors, vec!["russia", "ukraine"]);
        assert_eq!(key.polarity, 1);
    }

    #[test]
    fn speakers_from_the_quote_stage_replace_pronoun_holders() {
        use parley_core::{QuoteKind, Speaker};
        let body = "He denied that Russia had plans.";
        let mut claims = claims_of(body);
        let quote = Quote {
            span: TextSpan::from_body(body, Span::new(15, body.len() - 1)).unwrap(),
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                name: "Sergei Ryabkov".into(),
                actor_id: Some("RUS-ryabkov".into()),
            }),
            speaker_span: None,
            speaker_unknown_reason: None,
            cue: None,
            insertions: vec![],
            scare: false,
        };
        attach_speakers(&mut claims, &[quote], &|n| stage().claims.is_pronoun(n));
        let denial = claims.iter().find(|c| c.stance == Stance::Denies).unwrap();
        assert_eq!(denial.holder.name.as_deref(), Some("Sergei Ryabkov"));
        assert_eq!(denial.holder.actor_id.as_deref(), Some("RUS-ryabkov"));
    }

    #[test]
    fn a_negated_proposition_has_negative_polarity() {
        let c = claims_of("Peskov said Russia would not invade Ukraine.");
        assert_eq!(c[0].key.as_ref().unwrap().polarity, -1);
    }
}

//! Who said it: the subject of each cue ("Lavrov said", "said Lavrov", "Hugh Hill, a doctor,
//! said", "according to the ministry"), pronouns resolved to the last compatible speaker, and
//! subjects shared by coordinated cues ("said … but added") and participles ("…, adding:").

use super::cues::{find_cues, CueAt};
use super::doc::{Class, Doc};
use super::lexicon::{Frame, NounClass};
use parley_core::Span;

/// A speaker the text names, with where it names it.
#[derive(Debug, Clone)]
pub struct Attributed {
    pub name: String,
    pub actor_id: Option<String>,
    /// Where the text names the speaker near the quote (a pronoun, for a resolved pronoun).
    pub span: Span,
    pub class: Class,
    pub paragraph: usize,
    /// Byte where this speaker was last seen, for ordering.
    pub at: usize,
}

/// A cue with its resolved speaker.
#[derive(Debug, Clone)]
pub struct CueInfo {
    pub cue: CueAt,
    /// The cue whose reported content holds this one ("Putin said that Russia will
    /// respond"), as an index into the article's cues.
    pub embedded_in: Option<usize>,
    /// The token of the subject phrase, if the text gives one.
    pub subject_chunk: Option<usize>,
    pub speaker: Option<Attributed>,
    pub unknown_reason: Option<String>,
}

/// Speakers seen so far, in text order; lookups look back a bounded number of entries.
#[derive(Debug, Default)]
pub struct History {
    items: Vec<Attributed>,
}

/// Words that open a subordinate clause; a cue's subject is not looked for beyond them.
const SUBORDINATORS: &[&str] = &[
    "after", "because", "when", "while", "although", "though", "if", "since", "before", "unless",
    "whereas", "until",
];

/// How far back pronoun resolution and carrying look.
const LOOK_BACK: usize = 64;

impl History {
    pub fn push(&mut self, a: Attributed) {
        self.items.push(a);
    }

    /// The entries before byte `before`, newest first, at most `LOOK_BACK` of them.
    fn before(&self, before: usize) -> impl Iterator<Item = &Attributed> {
        let end = self.items.partition_point(|a| a.at < before);
        self.items[end.saturating_sub(LOOK_BACK)..end].iter().rev()
    }

    /// The last speaker a pronoun of class `pronoun` can refer to.
    pub fn resolve(&self, pronoun: Class, before: usize) -> Option<&Attributed> {
        self.before(before).find(|a| pronoun.can_refer_to(a.class))
    }

    /// The last speaker at all, if named within the last `paragraphs` paragraphs.
    pub fn last(&self, before: usize, paragraph: usize, paragraphs: usize) -> Option<&Attributed> {
        self.before(before)
            .next()
            .filter(|a| a.paragraph + paragraphs >= paragraph)
    }
}

/// Finds every cue of the article and resolves its speaker, sentence by sentence.
pub fn attribute_cues(doc: &Doc) -> (Vec<CueInfo>, History) {
    let mut history = History::default();
    let mut infos: Vec<CueInfo> = Vec::new();
    for s in 0..doc.layer.sentences.len() {
        let first_of_sentence = infos.len();
        for cue in find_cues(doc, s) {
            let subject = find_subject(doc, &cue, &infos[first_of_sentence..]);
            let mut info = resolve(doc, cue, subject, &infos[first_of_sentence..], &history);
            info.embedded_in =
                embedding(doc, &info, &infos[first_of_sentence..]).map(|i| i + first_of_sentence);
            if let (Some(a), None) = (&info.speaker, info.embedded_in) {
                history.push(a.clone());
            }
            infos.push(info);
        }
    }
    (infos, history)
}

/// The earlier cue of the sentence whose content holds this cue's subject, unless a
/// coordination (", and", "; ", ", but") separates them.
fn embedding(doc: &Doc, info: &CueInfo, earlier: &[CueInfo]) -> Option<usize> {
    let subject_start = info.subject_chunk.map(|c| doc.chunks[c].tokens.start)?;
    let (i, outer) = earlier.iter().enumerate().rev().take(4).find(|(_, e)| {
        e.cue.frame != Frame::None && !e.cue.source_after && e.cue.tokens.end <= subject_start
    })?;
    let between = outer.cue.tokens.end..subject_start;
    if between.len() >= 40 {
        return None;
    }
    super::work::visit(between.len());
    let coordinated = between.clone().any(|k| {
        let w = doc.toks[k].lower.as_str();
        w == ";" || ((w == "and" || w == "but") && k > 0 && doc.toks[k - 1].lower == ",")
    });
    (!coordinated).then_some(i)
}

/// Where a cue's subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A chunk, by index.
    Chunk(usize),
    /// The subject of the previous cue of the sentence.
    Inherit,
    /// No subject in the text (a sentence-initial participle: "Saying …").
    Implicit,
    None,
}

pub fn is_close_mark(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.kind == parley_core::text::TokenKind::QuoteMark
        && !t.in_quote
        && k > 0
        && doc.toks[k - 1].in_quote
}

fn is_soft_punct(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    matches!(t.lower.as_str(), "," | "—" | "–" | "-" | "--")
        && matches!(
            t.kind,
            parley_core::text::TokenKind::Punct | parley_core::text::TokenKind::Dash
        )
}

/// The chunk starting at token `k` (after determiners), if one does.
fn chunk_starting(doc: &Doc, k: usize, end: usize) -> Option<usize> {
    if k >= end {
        return None;
    }
    doc.chunk_of[k].filter(|&c| doc.chunks[c].tokens.start == k)
}

pub fn find_subject(doc: &Doc, cue: &CueAt, earlier: &[CueInfo]) -> Subject {
    let range = doc.sentence_tokens(cue.sentence);
    let (start, end) = (range.start, range.end);
    // "according to X"
    if cue.source_after {
        return chunk_starting(doc, cue.tokens.end, end).map_or(Subject::None, Subject::Chunk);
    }
    let g = cue.group_start;
    // Inverted: "…,” said Lavrov", "…, said the ministry."
    let mut p = g;
    while p > start && is_soft_punct(doc, p - 1) {
        p -= 1;
    }
    let after_quote = p > start && is_close_mark(doc, p - 1);
    let after_comma = p < g;
    if let Some(c) = chunk_starting(doc, cue.tokens.end, end) {
        // After a comma the inverted subject must end the clause: "…, said the ministry."
        let after = doc.chunks[c].tokens.end;
        let ends_clause = after >= end
            || matches!(
                doc.toks[after].lower.as_str(),
                "," | "." | ";" | ":" | "on" | "in" | "at"
            )
            || doc.lex.is_not_name(doc.toks[after].stem()) && doc.toks[after].cap;
        if after_quote {
            return Subject::Chunk(c);
        }
        if after_comma && p > start && ends_clause {
            // "…, told reporters:" has its subject before the comma, which the parse finds
            return Subject::Chunk(super::parsed::cue_subject(doc, cue).unwrap_or(c));
        }
    }
    if g == start && cue.participle {
        return Subject::Implicit;
    }
    if g > start {
        let prev = &doc.toks[g - 1];
        // Coordination: "… but added", "…, and said": the first cue's subject, or when the
        // first verb is no cue ("visited … and said"), its subject in the parse
        if prev.lower == "and" || prev.lower == "but" {
            return match super::parsed::cue_subject(doc, cue) {
                Some(c) if earlier.is_empty() => Subject::Chunk(c),
                None if earlier.is_empty() => {
                    sentence_subject(doc, cue).map_or(Subject::Inherit, Subject::Chunk)
                }
                _ => Subject::Inherit,
            };
        }
        // A participle after a comma, a colon, a dash or a quote: "…, adding:"
        if cue.participle && (is_soft_punct(doc, g - 1) || prev.lower == ":" || after_quote) {
            return if earlier.is_empty() {
                sentence_subject(doc, cue).map_or(Subject::Implicit, Subject::Chunk)
            } else {
                Subject::Inherit
            };
        }
        // "X, a doctor, said" / "X, who led the talks, said"
        if prev.lower == "," {
            if let Some(c) = before_parenthetical(doc, g - 1, start) {
                return Subject::Chunk(c);
            }
        }
    }
    // Walk left to the nearest speaker phrase.
    let mut k = g;
    let mut skipped = 0;
    while k > start && skipped < 12 {
        k -= 1;
        super::work::visit(1);
        if let Some(c) = doc.chunk_of[k] {
            let c = appositive_owner(doc, c, start)
                .or_else(|| modified_head(doc, c, start))
                .unwrap_or(c);
            // the nearest phrase on the left is a guess; the parse's subject is not
            return Subject::Chunk(super::parsed::cue_subject(doc, cue).unwrap_or(c));
        }
        if earlier
            .iter()
            .rev()
            .take(3)
            .any(|e| e.cue.tokens.contains(&k))
        {
            return Subject::Inherit; // "X told reporters said …"
        }
        let t = &doc.toks[k];
        if t.lower == ";"
            || t.lower == ":"
            || (!t.in_quote && SUBORDINATORS.contains(&t.lower.as_str()))
        {
            break;
        }
        if !t.in_quote {
            skipped += 1;
        }
    }
    if let Some(c) = super::parsed::cue_subject(doc, cue) {
        return Subject::Chunk(c);
    }
    if cue.participle {
        return Subject::Implicit;
    }
    Subject::None
}

/// For a cue that shares the subject of a verb that is no cue ("Garcia welcomed the delegation
/// and praised its work, saying …", "X visited Y and said …"): the speaker phrase that opens
/// the sentence, when one does and it ends before the cue.
fn sentence_subject(doc: &Doc, cue: &CueAt) -> Option<usize> {
    let range = doc.sentence_tokens(cue.sentence);
    let first = (range.start..cue.group_start).find(|&k| doc.toks[k].is_word())?;
    let c = chunk_starting(doc, first, cue.group_start)
        .or_else(|| doc.chunk_of[first].filter(|&c| doc.chunks[c].name_start == first))?;
    let chunk = &doc.chunks[c];
    let opens = chunk.tokens.start == first;
    let before_cue = chunk.tokens.end < cue.group_start;
    let verb_next = chunk.tokens.end < range.end && doc.toks[chunk.tokens.end].is_word();
    (opens && before_cue && (verb_next || appositive_name(doc, c).is_some())).then_some(c)
}

/// For "X, <parenthetical>, CUE": the chunk before the parenthetical's opening comma.
fn before_parenthetical(doc: &Doc, closing_comma: usize, start: usize) -> Option<usize> {
    let lo = closing_comma.saturating_sub(24).max(start);
    let mut k = closing_comma;
    while k > lo {
        k -= 1;
        super::work::visit(1);
        let t = &doc.toks[k];
        if t.lower == ";" || t.lower == ":" || (t.kind == parley_core::text::TokenKind::QuoteMark) {
            return None;
        }
        if t.lower == "," {
            let c = doc.chunk_of[k.checked_sub(1)?]?;
            let first_inside = doc.toks.get(k + 1)?;
            let opener = matches!(
                first_inside.lower.as_str(),
                "who"
                    | "which"
                    | "whose"
                    | "a"
                    | "an"
                    | "the"
                    | "one"
                    | "however"
                    | "meanwhile"
                    | "too"
                    | "also"
                    | "in"
                    | "on"
                    | "at"
                    | "after"
                    | "speaking"
                    | "himself"
                    | "herself"
            ) || doc.chunk_of[k + 1].is_some();
            let owner_ok = !matches!(doc.chunks[c].class, Class::PronounThing);
            // "Its envoy in Vienna, Mikhail Ulyanov, said": the role, not the place
            let c = modified_head(doc, c, start).unwrap_or(c);
            return (opener && owner_ok).then_some(c);
        }
    }
    None
}

/// For a chunk inside a prepositional phrase ("sources in the Rukban camp", "a spokesman at
/// the embassy"), the phrase's head before the preposition.
fn modified_head(doc: &Doc, c: usize, start: usize) -> Option<usize> {
    let first = doc.chunks[c].tokens.start;
    let prep = first.checked_sub(1).filter(|&p| p > start)?;
    if !matches!(
        doc.toks[prep].lower.as_str(),
        "in" | "at" | "from" | "near" | "with" | "on" | "by"
    ) {
        return None;
    }
    let head = doc.chunk_of[prep - 1]?;
    let role = matches!(
        doc.chunks[head].class,
        Class::Person | Class::Group | Class::Org
    );
    (role && head != c).then_some(head)
}

/// For a chunk that is an appositive ("Grushko, one of Russia's deputy ministers"), the name
/// it describes.
fn appositive_owner(doc: &Doc, c: usize, start: usize) -> Option<usize> {
    let first = doc.chunks[c].tokens.start;
    let mut k = first;
    let mut steps = 0;
    while k > start && steps < 4 {
        k -= 1;
        steps += 1;
        let w = doc.toks[k].lower.as_str();
        if w == "," {
            let owner = doc.chunk_of[k.checked_sub(1)?]?;
            let named = matches!(doc.chunks[owner].class, Class::Name | Class::Person);
            let described = (k + 1..doc.chunks[c].name_start).any(|j| {
                matches!(
                    doc.toks[j].lower.as_str(),
                    "one" | "of" | "among" | "a" | "an" | "the"
                )
            });
            return (named && described && owner != c).then_some(owner);
        }
        if !matches!(w, "one" | "of" | "among" | "a" | "an" | "the") {
            return None;
        }
    }
    None
}

/// Words that may stand between a role phrase and the comma before its appositive name: a
/// prepositional phrase ("its envoy in Vienna, Mikhail Ulyanov,").
const ROLE_TAIL: &[&str] = &[
    "in", "at", "to", "for", "of", "from", "on", "with", "the", "a",
];

/// For a role phrase followed by a person's name set off by commas ("the bloc's leader, Jane
/// Doe, said", "said the plant's manager, John Roe."), the name's chunk: the name, not the
/// title, is the speaker.
fn appositive_name(doc: &Doc, c: usize) -> Option<usize> {
    let chunk = &doc.chunks[c];
    let described = (chunk.name_start..=chunk.head).any(|k| {
        doc.toks[k].is_word()
            && matches!(
                doc.lex.noun_class(doc.toks[k].stem()),
                Some(NounClass::Person | NounClass::Org | NounClass::Group)
            )
    });
    if !described || is_person_name(doc, c) {
        return None;
    }
    let end = doc.sentence_tokens(doc.toks[chunk.head].sentence).end;
    // Past a short prepositional phrase to the opening comma.
    let mut k = chunk.tokens.end;
    while k < end && k < chunk.tokens.end + 6 && doc.toks[k].lower != "," {
        super::work::visit(1);
        let t = &doc.toks[k];
        let in_phrase = doc.chunk_of[k].is_some() || ROLE_TAIL.contains(&t.lower.as_str());
        if !t.is_word() || t.in_quote || !in_phrase || doc.lex.cue(&t.lower).is_some() {
            return None;
        }
        k += 1;
    }
    if k >= end || doc.toks[k].lower != "," {
        return None;
    }
    let name = chunk_starting(doc, k + 1, end)?;
    let after = doc.chunks[name].tokens.end;
    let closed = after >= end || matches!(doc.toks[after].lower.as_str(), "," | "." | ";");
    (closed && is_person_name(doc, name)).then_some(name)
}

/// A chunk that names a person by a proper name ("Jane Doe", "Deputy Minister Karl Berg"):
/// its head is a capitalised word that is no role or institution noun, and no connector
/// stands between its words ("ambassador to the European Union" names a place).
fn is_person_name(doc: &Doc, c: usize) -> bool {
    let chunk = &doc.chunks[c];
    matches!(chunk.class, Class::Name | Class::Person)
        && doc.is_name_word(chunk.head)
        && doc.lex.noun_class(doc.toks[chunk.head].stem()).is_none()
        && !(chunk.name_start..=chunk.head).any(|k| {
            matches!(
                doc.toks[k].lower.as_str(),
                "and" | "&" | "of" | "to" | "for"
            )
        })
}

fn paragraph_of(doc: &Doc, sentence: usize) -> usize {
    doc.layer.sentences.get(sentence).map_or(0, |s| s.paragraph)
}

/// Turns a subject into a speaker: a name, a resolved pronoun, or an inherited speaker.
fn resolve(
    doc: &Doc,
    cue: CueAt,
    subject: Subject,
    earlier: &[CueInfo],
    history: &History,
) -> CueInfo {
    let at = doc.toks[cue.tokens.start].span.start;
    let paragraph = paragraph_of(doc, cue.sentence);
    let mut info = CueInfo {
        cue,
        embedded_in: None,
        subject_chunk: None,
        speaker: None,
        unknown_reason: None,
    };
    match subject {
        Subject::Chunk(c) => {
            // The subject phrase keeps its place (it bounds the content); a role phrase's
            // appositive name is who speaks.
            info.subject_chunk = Some(c);
            let named = appositive_name(doc, c).unwrap_or(c);
            match speaker_of_chunk(doc, named, history, at, paragraph) {
                Ok(a) => info.speaker = Some(a),
                Err(reason) => info.unknown_reason = Some(reason),
            }
        }
        Subject::Inherit => {
            // The main clause's cue: the first of the sentence not embedded in another.
            let prev = earlier.iter().take(8).find(|e| {
                e.embedded_in.is_none() && (e.speaker.is_some() || e.subject_chunk.is_some())
            });
            match prev {
                Some(e) => {
                    info.subject_chunk = e.subject_chunk;
                    info.speaker = e.speaker.clone().map(|mut a| {
                        a.at = at;
                        a
                    });
                    info.unknown_reason = e.unknown_reason.clone();
                }
                None => match history.last(at, paragraph, 1) {
                    Some(a) => info.speaker = Some(Attributed { at, ..a.clone() }),
                    None => {
                        info.unknown_reason =
                            Some("the cue shares a subject that the text does not name".into())
                    }
                },
            }
        }
        Subject::Implicit => match earlier
            .iter()
            .take(8)
            .find(|e| e.embedded_in.is_none() && e.speaker.is_some())
        {
            Some(e) => {
                info.speaker = e.speaker.clone().map(|mut a| {
                    a.at = at;
                    a
                })
            }
            None => match history.last(at, paragraph, 2) {
                Some(a) => info.speaker = Some(Attributed { at, ..a.clone() }),
                None => {
                    info.unknown_reason =
                        Some("the cue has no subject and no speaker precedes it".into())
                }
            },
        },
        Subject::None => info.unknown_reason = Some("no speaker phrase next to the cue".into()),
    }
    info
}

/// How many speaker phrases back the antecedent of a resolved pronoun is looked for.
const ANTECEDENT_LOOK_BACK: usize = 200;

/// For a pronoun the actors stage's coreference resolved: the last compatible speaker of the
/// quote history when the text names it after the coreference's antecedent ("Corbett's wife,
/// Anna, said … “…,” she said" is Anna, not a man named paragraphs before whom the knowledge
/// base knows). The nearer reference wins; only a speaker the knowledge base does not know
/// can win over the coreference, which never saw it.
fn nearer_than_coreference<'h>(
    doc: &Doc,
    c: usize,
    history: &'h History,
    at: usize,
) -> Option<&'h Attributed> {
    let chunk = &doc.chunks[c];
    let pronoun = super::doc::pronoun_class(&doc.toks[chunk.head].lower)?;
    chunk.actor.as_ref()?;
    let spoken = history.resolve(pronoun, at)?;
    // A speaker the knowledge base knows was seen by the coreference, which chose otherwise.
    if spoken.actor_id.is_some() {
        return None;
    }
    antecedent(doc, c)
        .map(|a| doc.toks[doc.chunks[a].head].span.start)
        .is_none_or(|start| spoken.span.start > start)
        .then_some(spoken)
}

/// For a pronoun the coreference resolved, the last phrase before it that names the same
/// actor by name.
fn antecedent(doc: &Doc, c: usize) -> Option<usize> {
    let (id, _) = doc.chunks[c].actor.as_ref()?;
    let from = c.saturating_sub(ANTECEDENT_LOOK_BACK);
    (from..c)
        .rev()
        .inspect(|_| super::work::visit(1))
        .find(|&a| {
            let chunk = &doc.chunks[a];
            chunk.actor.as_ref().is_some_and(|(aid, _)| aid == id) && pronoun_free(doc, chunk)
        })
}

/// A chunk that names its referent itself, not by a pronoun.
fn pronoun_free(doc: &Doc, chunk: &super::doc::Chunk) -> bool {
    super::doc::pronoun_class(&doc.toks[chunk.head].lower).is_none()
}

/// The speaker a chunk names; for a pronoun, the last compatible speaker before it.
pub fn speaker_of_chunk(
    doc: &Doc,
    c: usize,
    history: &History,
    at: usize,
    paragraph: usize,
) -> Result<Attributed, String> {
    let chunk = &doc.chunks[c];
    let span = doc.chunk_span(chunk);
    if let Some(a) = nearer_than_coreference(doc, c, history, at) {
        return Ok(Attributed {
            span,
            at,
            paragraph,
            ..a.clone()
        });
    }
    if chunk.class.is_pronoun() {
        return match history.resolve(chunk.class, at) {
            Some(a) => Ok(Attributed {
                span,
                at,
                paragraph,
                ..a.clone()
            }),
            None => Err(format!(
                "the pronoun \"{}\" has no earlier speaker it can refer to",
                doc.text(span)
            )),
        };
    }
    // A resolved pronoun is named as its antecedent names the actor (the article's spelling).
    let named = antecedent(doc, c).filter(|_| !pronoun_free(doc, chunk));
    Ok(Attributed {
        name: doc.chunk_name(&doc.chunks[named.unwrap_or(c)]),
        actor_id: chunk.actor.as_ref().map(|(id, _)| id.clone()),
        span,
        class: chunk.class,
        paragraph,
        at,
    })
}

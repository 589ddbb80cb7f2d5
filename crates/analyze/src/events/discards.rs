//! Discards: events an analyst does not want coded, by their context (`data/events/discards.txt`,
//! adapted from PETRARCH's Phoenix.discards.txt).
//!
//! Applied to the coder's output by the event stage, so the coder itself is unchanged:
//!
//! - a sentence with a `[sentence]` phrase (a game's result, a prize) codes no event;
//! - an article with sports or entertainment cues (`[story]` or `[sentence]` phrases) in at
//!   least [`STORY_MIN_SENTENCES`] sentences that are at least 1/[`STORY_SHARE`] of its
//!   sentences, or in its title and one of its sentences, codes no event. One cue is never
//!   enough: "rebels shelled a football stadium" is war news. Measured on the 181 news and blog
//!   pages of scrapinghub-aeb, PETRARCH's one-hit story discard would drop the events of 31
//!   articles, among them a report on the president's health ("golf"), an opinion piece on
//!   Hong Kong ("NBA") and a stock listing ("world record"); two cue sentences alone, 18; this
//!   rule, 10, all sports or show business (a quarter instead of a sixth: 8);
//! - a sentence with an `[agentless]` phrase (a storm, an accident, an outbreak) loses its
//!   events that have no source (what "killed" 20 people was the storm), not an actor's act;
//! - an article addressed to its reader that seldom reports what anyone said is a guide, a
//!   review or an advert, not news, and codes no event ([`is_reader_guide`]);
//! - a long article that seldom reports what anyone said, addressed to its reader or not, is
//!   no news report: it codes no one-sided event ([`is_unreported`]);
//! - a country named in a sentence only just before a `[style]` noun ("French presses allow
//!   more oils through", "Korean dining") is a style or product, no side ([`only_as_style`]);
//! - an event whose own time is a past period is history ([`is_history`]);
//! - a one-sided event needs a political actor as its side ([`political_side`]): "Levin
//!   suspects that cells started to collaborate", "this guide by Ken McGaffin gives a great
//!   introduction" are casual wording, not events. Of 307 one-sided events with a countryless
//!   side on the 709 pages of the analyse corpus (WCXB and others), 30 sampled by hand were all
//!   of this kind. Likewise an event needs a political actor on at least one side: two
//!   unknown names ("Nelson fired a shot at Matt Murray", a wiki edit "to remove all mention
//!   of" someone) are a hockey game or a private quarrel, not an event CAMEO codes.

use crate::actors::words::{words, WordSet};
use crate::events::coder::TIME_WORDS;
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate};
use parley_core::{Event, EventActor, Span};
use std::sync::OnceLock;

const DISCARDS: &str = include_str!("../../../../data/events/discards.txt");

/// An article is a sports or entertainment story when its cues fall in at least this many
/// sentences ...
const STORY_MIN_SENTENCES: usize = 2;
/// ... that are at least one in this many of its sentences.
const STORY_SHARE: usize = 6;
/// An article is a guide, review or advert (not news) when it has at least this many
/// sentences of prose (not headings or list lines) ...
const GUIDE_MIN_SENTENCES: usize = 10;
/// ... at least one in this many of them address the reader ("you", `[reader]`) ...
const READER_SHARE: usize = 12;
/// ... and fewer than one in this many report what someone said (`[reported]`).
const REPORTED_SHARE: usize = 20;
/// A long article with fewer than one in this many sentences reporting what someone said is no
/// news report ([`is_unreported`]): news quotes its sources in most paragraphs.
const UNREPORTED_SHARE: usize = 10;
/// A time at least this many calendar years before the publication's is the past, not the news
/// ("in 2018" in a 2019 article is last year's news, and a year alone is dated its 1 January).
const HISTORY_YEARS: i32 = 2;

/// What a phrase does, by the `[level]` line above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Sentence,
    Story,
    Agentless,
    History,
    Reader,
    Reported,
    Style,
}

impl Level {
    fn parse(name: &str) -> Option<Level> {
        match name {
            "sentence" => Some(Level::Sentence),
            "story" => Some(Level::Story),
            "agentless" => Some(Level::Agentless),
            "history" => Some(Level::History),
            "reader" => Some(Level::Reader),
            "reported" => Some(Level::Reported),
            "style" => Some(Level::Style),
            _ => None,
        }
    }
}

/// A phrase found in a text: its byte span and level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub level: Level,
}

/// The discard phrases, matched on whole words, case-insensitively.
#[derive(Debug, Clone)]
pub struct Discards {
    automaton: Option<AhoCorasick>,
    levels: Vec<Level>,
}

/// What the event stage knows of an article, for [`Discards::filter`].
pub struct Article<'a> {
    pub body: &'a str,
    pub title: Option<&'a str>,
    pub sentences: &'a [Span],
    pub times: &'a [(Span, NaiveDate)],
    pub published: Option<NaiveDate>,
}

impl Article<'_> {
    /// The sentence holding the event's evidence (the evidence itself when none does).
    fn sentence_of(&self, e: &Event) -> Span {
        let ev = Span::new(e.evidence.start, e.evidence.end);
        self.sentences
            .iter()
            .copied()
            .find(|s| s.contains(ev))
            .unwrap_or(ev)
    }
}

impl Discards {
    /// The compiled-in list of `data/events/discards.txt`.
    pub fn builtin() -> &'static Discards {
        static BUILTIN: OnceLock<Discards> = OnceLock::new();
        BUILTIN.get_or_init(|| Discards::parse(DISCARDS))
    }

    /// Reads the file format of `data/events/discards.txt`; lines before the first `[level]`
    /// and under an unknown level are ignored.
    pub fn parse(text: &str) -> Discards {
        let mut phrases = Vec::new();
        let mut levels = Vec::new();
        let mut level = None;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                level = Level::parse(name.trim());
                continue;
            }
            if let Some(l) = level {
                phrases.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
                levels.push(l);
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .ok();
        Discards { automaton, levels }
    }

    /// The number of phrases.
    pub fn len(&self) -> usize {
        self.levels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// Every phrase in `text[span]` that starts and ends on a word boundary.
    pub fn hits(&self, text: &str, span: Span) -> Vec<Hit> {
        let (Some(ac), Some(hay)) = (&self.automaton, text.get(span.start..span.end)) else {
            return Vec::new();
        };
        ac.find_overlapping_iter(hay)
            .filter(|m| whole_words(hay, m.start(), m.end()))
            .map(|m| Hit {
                span: Span::new(span.start + m.start(), span.start + m.end()),
                level: self.levels[m.pattern().as_usize()],
            })
            .collect()
    }

    /// True when the article is a sports or entertainment story (see the module's rule).
    pub fn is_story_discard(&self, a: &Article) -> bool {
        self.story_of(a, &self.hits(a.body, Span::new(0, a.body.len())))
    }

    /// As [`Discards::is_story_discard`], with the body's hits found once.
    fn story_of(&self, a: &Article, hits: &[Hit]) -> bool {
        let is_cue = |h: &Hit| matches!(h.level, Level::Sentence | Level::Story);
        let cued = a
            .sentences
            .iter()
            .filter(|s| hits.iter().any(|h| is_cue(h) && s.contains(h.span)))
            .count();
        let in_title = a
            .title
            .is_some_and(|t| self.hits(t, Span::new(0, t.len())).iter().any(is_cue));
        (in_title && cued >= 1)
            || (cued >= STORY_MIN_SENTENCES && cued * STORY_SHARE >= a.sentences.len())
    }

    /// The events an analyst wants: those of a news article's current news.
    pub fn filter(&self, a: &Article, mut events: Vec<Event>) -> Vec<Event> {
        if events.is_empty() {
            return events;
        }
        // one pass over the body; a phrase never spans two sentences
        let hits = self.hits(a.body, Span::new(0, a.body.len()));
        if self.story_of(a, &hits) || is_reader_guide(a, &hits) {
            return Vec::new();
        }
        let unreported = is_unreported(a, &hits);
        events.retain_mut(|e| {
            unattribute(a, e)
                && unstyle(a, e, &hits)
                && keeps(a, e, &hits)
                && !(unreported && is_one_sided(e))
        });
        events
    }
}

/// The article's sentences of prose (not headings or list lines).
fn prose_sentences(a: &Article) -> Vec<Span> {
    a.sentences
        .iter()
        .copied()
        .filter(|s| !is_heading(a.body, *s))
        .collect()
}

/// True for a long text that seldom reports what anyone said (fewer than one in
/// [`UNREPORTED_SHARE`] of at least [`GUIDE_MIN_SENTENCES`] sentences of prose): a firm's page,
/// a review, a history, an essay or an editorial, not a news report. Its one-sided events ("the
/// EU's program supports eID", "the Dutch were allowed to grow coffee", "Ottawa held on to beat
/// Detroit") are description, not acts. Counted with `--no-parse`: on the analyse corpus this
/// drops 70 of 169 distinct events, judged by hand all false but three ("Moscow will react
/// toughly" in an opinion piece, "Trump may declare a housing emergency", a regulator that
/// "fined" an exchange); on the 181 news and blog pages of scrapinghub-aeb, 30 of their 529
/// events, on editorials, columns, a car review, a finance guide and two sports pages, all
/// false but two ("Beijing will not take a step back", "the People's Liberation Army took to
/// the city's streets" in a Guardian editorial). One in 20 instead of 10 drops 48 and 19. An
/// event aimed at a named target there is kept ("the US, South Korea and Japan jointly warned
/// about North Korean crypto thefts"), and a short text (a wire brief, one sentence) is never
/// judged.
fn is_unreported(a: &Article, hits: &[Hit]) -> bool {
    let prose = prose_sentences(a);
    let n = prose.len();
    n >= GUIDE_MIN_SENTENCES && sentences_with(&prose, hits, Level::Reported) * UNREPORTED_SHARE < n
}

/// An event with no target: a source's act on no one named.
fn is_one_sided(e: &Event) -> bool {
    e.target.is_none() && e.targets.is_empty()
}

/// True when the article speaks to its reader and seldom reports what anyone said: a
/// buyer's guide, travel tips, a how-to or a firm's page, whose verbs are advice and
/// description ("Japan has a lot to offer", "agencies charge $85 an hour"), not acts of the
/// states its words name. Counted over the 890 pages of `bench/events/wild.py`: 63 pages (all
/// of the analyse corpus's WCXB, none of scrapinghub-aeb's news) hold 139 of 755 events, the
/// 44 of them judged by hand all false. News quotes its sources: a report or an interview
/// that quotes a "you" also says who said it, and a short text (a wire brief, one sentence) is
/// never judged.
fn is_reader_guide(a: &Article, hits: &[Hit]) -> bool {
    // prose only: a guide's many headings and list lines (names, prices, addresses) would
    // water its share down
    let prose = prose_sentences(a);
    let n = prose.len();
    if n < GUIDE_MIN_SENTENCES {
        return false;
    }
    let with = |level: Level| sentences_with(&prose, hits, level);
    with(Level::Reader) * READER_SHARE >= n && with(Level::Reported) * REPORTED_SHARE < n
}

/// How many of `sentences` hold a hit of `level`; the hits are sorted once and searched, so a
/// long page costs no sentences × hits scan.
fn sentences_with(sentences: &[Span], hits: &[Hit], level: Level) -> usize {
    let mut spans: Vec<Span> = hits
        .iter()
        .filter(|h| h.level == level)
        .map(|h| h.span)
        .collect();
    spans.sort_by_key(|h| h.start);
    sentences
        .iter()
        .filter(|s| {
            let from = spans.partition_point(|h| h.start < s.start);
            spans[from..]
                .iter()
                .take_while(|h| h.start <= s.end)
                .any(|h| s.contains(*h))
        })
        .count()
}

/// Phrases that open an attribution (data/events/attribution_openers.txt).
pub(crate) const ATTRIBUTION_OPENERS_FILE: &str =
    include_str!("../../../../data/events/attribution_openers.txt");
/// Verbs that close a final attribution clause (data/events/reporting_verbs.txt).
pub(crate) const REPORTING_VERBS_FILE: &str =
    include_str!("../../../../data/events/reporting_verbs.txt");
/// Words that may follow such a verb at the clause's end besides the time words of
/// data/events/time_words.txt: a time (", Kan reported on Wednesday"), not an object ("and
/// Vindman reported to him").
const AFTER_REPORTING_VERB: &[&str] =
    &["on", "late", "early", "last", "this", "yesterday", "today"];

fn attribution_openers() -> &'static [&'static str] {
    static OPENERS: OnceLock<Vec<&'static str>> = OnceLock::new();
    OPENERS.get_or_init(|| words(ATTRIBUTION_OPENERS_FILE))
}

fn reporting_verbs() -> &'static WordSet {
    static VERBS: OnceLock<WordSet> = OnceLock::new();
    VERBS.get_or_init(|| WordSet::parse(REPORTING_VERBS_FILE))
}

/// The attribution phrases of a sentence (body offsets): from an opener to the next comma,
/// semicolon or the sentence's end, and a last clause, after a comma, ending in a reporting
/// verb (and a day: ", the BBC reported on Tuesday.").
fn attributions(body: &str, sentence: Span) -> Vec<Span> {
    let Some(text) = body.get(sentence.start..sentence.end) else {
        return Vec::new();
    };
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for opener in attribution_openers() {
        for (at, _) in lower.match_indices(opener) {
            if !whole_words(&lower, at, at + opener.len()) {
                continue;
            }
            let end = lower[at..]
                .find([',', ';', '(', '\u{2014}'])
                .map_or(text.len(), |n| at + n);
            out.push(Span::new(sentence.start + at, sentence.start + end));
        }
    }
    if let Some(comma) = lower.rfind(',') {
        if reporting_clause(&lower[comma + 1..]) {
            out.push(Span::new(sentence.start + comma, sentence.end));
        }
    }
    out
}

/// A sentence's last clause that only attributes it: a few words, a reporting verb and at most
/// a time after it ("Kan reported on Wednesday.", "the BBC reports").
fn reporting_clause(clause: &str) -> bool {
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(at) = words.iter().position(|w| reporting_verbs().contains(w)) else {
        return false;
    };
    let after = &words[at + 1..];
    words.len() <= 8
        && after.len() <= 3
        && after
            .first()
            .is_none_or(|w| AFTER_REPORTING_VERB.contains(w) || TIME_WORDS.contains(w))
}

/// The ways a side may be written: its name, its knowledge-base names (a country's other
/// names, demonyms and capitals, an organisation's or a person's aliases) and, for a person,
/// the surname.
fn side_names(side: &EventActor) -> Vec<String> {
    static KB: OnceLock<Option<crate::actors::kb::KnowledgeBase>> = OnceLock::new();
    let mut out = vec![side.name.clone()];
    let id = side.actor_id.as_deref().unwrap_or("");
    if id.starts_with("local:") {
        out.extend(side.name.split_whitespace().last().map(str::to_string));
    }
    let Some(kb) = KB
        .get_or_init(|| crate::actors::kb::KnowledgeBase::builtin().ok())
        .as_ref()
    else {
        return out;
    };
    if let Some(c) = kb.countries.iter().find(|c| c.code == id) {
        out.extend(
            c.names
                .iter()
                .chain(&c.demonyms)
                .chain(&c.capitals)
                .cloned(),
        );
    }
    if let Some(o) = kb.orgs.iter().find(|o| o.id == id) {
        out.extend(o.aliases.iter().cloned());
    }
    if let Some(p) = kb.people.iter().find(|p| p.id == id) {
        out.extend(p.aliases.iter().cloned());
        out.push(p.surname().to_string());
    }
    out.retain(|n| !n.is_empty());
    out
}

/// Whether the side is named in the sentence only inside its attribution phrases.
fn only_attributed(body: &str, sentence: Span, spans: &[Span], side: &EventActor) -> bool {
    every_mention(body, sentence, side, |found| {
        spans.iter().any(|s| s.contains(found))
    })
}

/// Whether the side is named in the sentence (as a whole word, by any of its names) and every
/// such mention (`body` offsets) passes `ok`.
fn every_mention(body: &str, sentence: Span, side: &EventActor, ok: impl Fn(Span) -> bool) -> bool {
    let Some(text) = body.get(sentence.start..sentence.end) else {
        return false;
    };
    let mut seen = false;
    for name in side_names(side) {
        for (at, _) in text.match_indices(name.as_str()) {
            if !whole_words(text, at, at + name.len()) {
                continue;
            }
            if !ok(Span::new(
                sentence.start + at,
                sentence.start + at + name.len(),
            )) {
                return false;
            }
            seen = true;
        }
    }
    seen
}

/// Whether a `[style]` noun starts at `at` or one word after it (`body` offsets): "French
/// press", "French American cuisine".
fn style_follows(body: &str, at: usize, hits: &[Hit]) -> bool {
    let starts = |pos: usize| {
        hits.iter()
            .any(|h| h.level == Level::Style && h.span.start == pos)
    };
    let rest = body.get(at..).unwrap_or("");
    let first = at + (rest.len() - rest.trim_start_matches([' ', '-']).len());
    if starts(first) {
        return true;
    }
    // the word skipped is a word: "Japan, coffee culture" is no style of Japan
    let word = body.get(first..).unwrap_or("");
    let word_end = word
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .map_or(body.len(), |n| first + n);
    if word_end == first || !body[word_end..].starts_with(' ') {
        return false;
    }
    let after = body.get(word_end..).unwrap_or("");
    let second = word_end + (after.len() - after.trim_start_matches(' ').len());
    second > word_end && starts(second)
}

/// Whether every mention of the side in the sentence names a style or a product (a `[style]`
/// noun just after it), so that the side is no party: "French presses allow more oils
/// through" is no act of France.
fn only_as_style(body: &str, sentence: Span, side: &EventActor, hits: &[Hit]) -> bool {
    every_mention(body, sentence, side, |found| {
        style_follows(body, found.end, hits)
    })
}

/// Takes off the event the sides named only as a style or product ([`only_as_style`]); false
/// when the event had sides and none is left.
fn unstyle(a: &Article, e: &mut Event, hits: &[Hit]) -> bool {
    let sentence = a.sentence_of(e);
    if !hits
        .iter()
        .any(|h| h.level == Level::Style && sentence.contains(h.span))
    {
        return true;
    }
    take_off_sides(e, |s| only_as_style(a.body, sentence, s, hits))
}

/// Takes off the event its source and target for which `drop` holds (with their lists);
/// false when the event had sides and none is left.
fn take_off_sides(e: &mut Event, drop: impl Fn(&EventActor) -> bool) -> bool {
    let had_side = e.source.is_some() || e.target.is_some();
    if e.source.as_ref().is_some_and(&drop) {
        e.source = None;
        e.sources.retain(|s| !drop(s));
    }
    if e.target.as_ref().is_some_and(&drop) {
        e.target = None;
        e.targets.retain(|s| !drop(s));
    }
    !had_side || e.source.is_some() || e.target.is_some()
}

/// Takes off the event the sides that only report it (see [`attributions`]); false when the
/// event had sides and none is left, so it came from the attribution alone.
fn unattribute(a: &Article, e: &mut Event) -> bool {
    let sentence = a.sentence_of(e);
    let spans = attributions(a.body, sentence);
    let trigger = e.trigger.as_ref().map(|t| Span::new(t.start, t.end));
    if spans.is_empty() || trigger.is_some_and(|t| spans.iter().any(|s| s.contains(t))) {
        return true;
    }
    take_off_sides(e, |s| only_attributed(a.body, sentence, &spans, s))
}

/// Whether one event survives its sentence's discards (`hits`: the body's).
fn keeps(a: &Article, e: &Event, hits: &[Hit]) -> bool {
    let sentence = a.sentence_of(e);
    let hits: Vec<Hit> = hits
        .iter()
        .copied()
        .filter(|h| sentence.contains(h.span))
        .collect();
    if hits.iter().any(|h| h.level == Level::Sentence) || is_heading(a.body, sentence) {
        return false;
    }
    if e.source.is_none() && hits.iter().any(|h| h.level == Level::Agentless) {
        return false;
    }
    if e.trigger
        .as_ref()
        .is_some_and(|t| is_name_compound(a.body, Span::new(t.start, t.end)))
    {
        return false;
    }
    if !has_political_side(e) {
        return false;
    }
    let evidence = Span::new(e.evidence.start, e.evidence.end);
    let trigger = e
        .trigger
        .as_ref()
        .map_or(evidence, |t| Span::new(t.start, t.end));
    !is_history(a, sentence, trigger, &hits)
}

/// True for a participle joined by a hyphen to a name before it ("the U.N.-backed government",
/// "the Saudi-led coalition", "Iranian-funded militias"): a compound adjective that describes a
/// party, not an act the sentence reports. Seen five times as an event over the development
/// text (ConfliBERT's training sentences, the analyse corpus, the aeb news pages), all of them
/// false. A lower-case prefix is a verb of its own ("re-elected", "co-sponsored").
fn is_name_compound(body: &str, trigger: Span) -> bool {
    let word = body.get(trigger.start..trigger.end).unwrap_or("");
    let before = body.get(..trigger.start).unwrap_or("");
    let Some(prefix) = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('\u{2010}'))
    else {
        return false;
    };
    let name = prefix
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    !word.contains(char::is_whitespace)
        && word.ends_with("ed")
        && name.chars().next().is_some_and(char::is_uppercase)
}

/// Characters that end a sentence of prose (a closing quote or bracket after its stop too).
const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', ':', ';', '"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ')', '\u{2026}',
];

/// A heading, caption, byline or list item rather than a sentence of prose: a line of its own
/// that does not end as a sentence does ("Ukraine military aid and mixed messaging\n", "Buy:
/// check price at Amazon UK\n"). Text that ends the body is not one: a sentence given alone
/// (a wire feed's sentence, a test record) often comes without its full stop.
fn is_heading(body: &str, sentence: Span) -> bool {
    let text = body
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .trim_end();
    let line_ends = body
        .get(sentence.end..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t'])
        .starts_with(['\n', '\r']);
    line_ends
        && text
            .chars()
            .next_back()
            .is_some_and(|c| !SENTENCE_ENDS.contains(&c))
}

/// False for an event none of whose sides (every member of each) is a political actor.
fn has_political_side(e: &Event) -> bool {
    let political = |side: &Option<EventActor>, members: &[EventActor]| {
        side.as_ref().is_some_and(political_side) || members.iter().any(political_side)
    };
    if e.source.is_none() && e.target.is_none() {
        return true;
    }
    political(&e.source, &e.sources) || political(&e.target, &e.targets)
}

/// A political actor: one with a country (a state, its people, its organisations, a known
/// person), an organisation or a role of the knowledge base, or a person or organisation the
/// knowledge base does not know (`local:`) with a sector of its own ("Judge Ada Brightwater").
/// Not one: an unknown name alone, and a news outlet (`outlet:`), which report events rather
/// than make them.
pub fn political_side(a: &EventActor) -> bool {
    if a.country.is_some() {
        return true;
    }
    match a.actor_id.as_deref() {
        None => a.sector.is_some(),
        Some(id) if id.starts_with("outlet:") => false,
        Some(id) if id.starts_with("local:") => a.sector.is_some(),
        Some(_) => true,
    }
}

/// A match that neither starts nor ends inside a word.
fn whole_words(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Words that open another clause: a time beyond one of them is not the event's own.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "because", "when", "while", "since", "but",
    "although", "though", "where", "whether", "if", "after", "before", "until", "so",
];
/// At most this many words between a time and the trigger it dates.
const HISTORY_MAX_GAP: usize = 12;
/// Prepositions whose object is what a verb of speech or judgement is about ("apologised for
/// its conduct during the war"): a time after one of them dates that, not the verb.
const TOPIC_PREPOSITIONS: &[&str] = &[
    "for",
    "about",
    "over",
    "of",
    "into",
    "regarding",
    "concerning",
];
/// Prepositions that make a time the time of its clause's event ("in 1994").
const TIME_PREPOSITIONS: &[&str] = &["in", "on", "during", "by", "at", "around", "throughout"];

/// Last words of a `[history]` phrase that counts years back from its clause's time ("years
/// after", "decades since"): the event that follows the phrase is the past one.
const SPAN_BACK_ENDS: &[&str] = &[" after", " since"];

/// A time of the sentence: its span and whether it lies in the past.
struct Marker {
    span: Span,
    past: bool,
}

/// Whether the event at `trigger` is history: the time nearest to its trigger in the sentence
/// (a time expression or a `[history]` phrase) is a past one — [`HISTORY_YEARS`]
/// or more before the publication date, or a past period ("during World War II", "20 years ago") —
/// and it is the event's own: an adverbial of the trigger's clause ("in 1994", "20 years
/// ago"), with no clause opener between them, or the year of the event noun itself ("the
/// 1994 genocide"). A current event beside it stays: in "France on Wednesday condemned
/// Rwanda's role in the 1994 genocide" the condemnation's own time is Wednesday, and without
/// "on Wednesday" the year belongs to "genocide", not to "condemned".
pub fn is_history(a: &Article, sentence: Span, trigger: Span, hits: &[Hit]) -> bool {
    let past_date = |d: &NaiveDate| {
        a.published
            .is_some_and(|p| p.year() - d.year() >= HISTORY_YEARS)
    };
    let mut markers: Vec<Marker> = a
        .times
        .iter()
        .filter(|(s, _)| sentence.contains(*s))
        .map(|(s, d)| Marker {
            span: *s,
            past: past_date(d),
        })
        .collect();
    markers.extend(
        hits.iter()
            .filter(|h| h.level == Level::History)
            .map(|h| Marker {
                span: h.span,
                past: true,
            }),
    );
    let dist = |s: &Span| {
        if s.end <= trigger.start {
            trigger.start - s.end
        } else {
            s.start.saturating_sub(trigger.end)
        }
    };
    let Some(m) = markers.iter().min_by_key(|m| dist(&m.span)) else {
        return false;
    };
    if !m.past {
        return false;
    }
    let body = a.body;
    let marker_text = body.get(m.span.start..m.span.end).unwrap_or("");
    let word_before = last_word(body.get(sentence.start..m.span.start).unwrap_or(""));
    // "the 1994 genocide": the year of the event noun right after it
    if m.span.end <= trigger.start
        && word_before == "the"
        && body
            .get(m.span.end..trigger.start)
            .is_some_and(|g| g.trim().is_empty())
    {
        return true;
    }
    let first = marker_text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let lower = marker_text.to_lowercase();
    // "18 years after Washington invaded": only the event after the phrase is the past one
    let span_back = SPAN_BACK_ENDS.iter().any(|w| lower.ends_with(w));
    if span_back && m.span.start >= trigger.end {
        return false;
    }
    let adverbial = span_back
        || lower.ends_with("ago")
        || TIME_PREPOSITIONS.contains(&first.as_str())
        || TIME_PREPOSITIONS.contains(&word_before.as_str());
    if !adverbial {
        return false;
    }
    let between = if m.span.end <= trigger.start {
        Span::new(m.span.end, trigger.start)
    } else {
        Span::new(trigger.end, m.span.start)
    };
    let gap = body.get(between.start..between.end).unwrap_or("");
    let after = m.span.start >= trigger.end;
    let words = gap.split_whitespace().count();
    // a quotation mark or a dash ends the clause as a semicolon does
    words <= HISTORY_MAX_GAP
        && !gap.contains([';', '"', '\u{201c}', '\u{201d}', '\u{2014}'])
        && !gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let w = w.to_lowercase();
            CLAUSE_OPENERS.contains(&w.as_str())
                || (after && TOPIC_PREPOSITIONS.contains(&w.as_str()))
        })
}

/// The last word of `text`, lower-cased ("" when there is none).
fn last_word(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_reads_every_level() {
        let d = Discards::builtin();
        assert!(d.len() > 250, "{} phrases", d.len());
        for level in [
            Level::Sentence,
            Level::Story,
            Level::Agentless,
            Level::History,
        ] {
            assert!(d.levels.contains(&level), "{level:?}");
        }
    }

    #[test]
    fn the_file_has_no_phrase_twice_in_one_level() {
        let mut seen = std::collections::HashSet::new();
        let mut level = String::new();
        for line in DISCARDS.lines() {
            let l = line.split('#').next().unwrap_or("").trim().to_lowercase();
            if l.starts_with('[') {
                assert!(Level::parse(l.trim_matches(['[', ']'])).is_some(), "{l}");
                level = l;
            } else if !l.is_empty() {
                assert!(seen.insert((level.clone(), l.clone())), "{l} twice");
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let d = Discards::builtin();
        for t in [
            "",
            "é",
            "😀semi-final😀",
            "semi-final",
            "ab\u{301} wicket\u{301}",
        ] {
            let _ = d.hits(t, Span::new(0, t.len()));
            let _ = d.hits(t, Span::new(0, t.len() + 5));
        }
        let s = [Span::new(0, 3)];
        let a = article("", &s);
        assert!(!d.is_story_discard(&a));
        assert!(!is_history(&a, s[0], Span::new(1, 2), &[]));
    }

    #[test]
    fn phrases_match_whole_words_in_any_case() {
        let d = Discards::parse("[sentence]\nwicket\nsemi-final\n");
        let hit = |t: &str| !d.hits(t, Span::new(0, t.len())).is_empty();
        assert!(hit("He took a WICKET."));
        assert!(hit("They reached the Semi-Final on Sunday."));
        assert!(!hit("The wicketkeeper stood."));
        assert!(!hit("A semi-finalist."));
    }

    #[test]
    fn lines_before_a_level_and_comments_are_ignored() {
        let d = Discards::parse("orphan\n[story]\nfootball # a cue\n[nonsense]\nother\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d.levels, vec![Level::Story]);
    }

    fn article<'a>(body: &'a str, sentences: &'a [Span]) -> Article<'a> {
        Article {
            body,
            title: None,
            sentences,
            times: &[],
            published: NaiveDate::from_ymd_opt(2022, 1, 10),
        }
    }

    fn sentence_spans(body: &str) -> Vec<Span> {
        parley_core::TextLayer::new(body)
            .sentences
            .iter()
            .map(|s| s.span)
            .collect()
    }

    #[test]
    fn one_sports_word_does_not_make_a_sports_story() {
        let body = "Rebels shelled a football stadium in the north. The army said it attacked \
                    rebel positions. Ten people died.";
        let s = sentence_spans(body);
        assert!(!Discards::builtin().is_story_discard(&article(body, &s)));
    }

    #[test]
    fn cues_in_many_sentences_make_a_sports_story() {
        let body = "India beat Australia by five wickets. The batsman scored a century. \
                    The cricket board praised the team. Fans cheered.";
        let s = sentence_spans(body);
        assert!(Discards::builtin().is_story_discard(&article(body, &s)));
    }

    #[test]
    fn a_title_cue_needs_one_in_the_body_too() {
        let body = "Qatar rejected the accusations on Monday. Activists had criticised it.";
        let s = sentence_spans(body);
        let mut a = article(body, &s);
        a.title = Some("World Cup host rejects criticism");
        assert!(!Discards::builtin().is_story_discard(&a));
        let body2 = "Brazil beat Serbia in the tournament. Neymar was injured.";
        let s2 = sentence_spans(body2);
        let mut a2 = article(body2, &s2);
        a2.title = Some("World Cup: Brazil win");
        assert!(Discards::builtin().is_story_discard(&a2));
    }

    fn history(body: &str, trigger: &str, times: &[(Span, NaiveDate)]) -> bool {
        let s = [Span::new(0, body.len())];
        let mut a = article(body, &s);
        a.times = times;
        let at = body.find(trigger).unwrap();
        let t = Span::new(at, at + trigger.len());
        let hits = Discards::builtin().hits(body, s[0]);
        is_history(&a, s[0], t, &hits)
    }

    fn year(body: &str, text: &str, y: i32) -> (Span, NaiveDate) {
        let at = body.find(text).unwrap();
        (
            Span::new(at, at + text.len()),
            NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
        )
    }

    #[test]
    fn an_event_in_a_past_year_is_history() {
        let b = "In 1994, Hutu militias killed hundreds of thousands of Tutsis.";
        assert!(history(b, "killed", &[year(b, "1994", 1994)]));
        let b = "Iraq invaded Kuwait in 1990.";
        assert!(history(b, "invaded", &[year(b, "1990", 1990)]));
        let b = "Twenty years ago, Russia attacked Georgia.";
        assert!(history(b, "attacked", &[]));
        let b = "During World War II, Japan invaded China.";
        assert!(history(b, "invaded", &[]));
    }

    #[test]
    fn a_current_event_beside_a_past_year_is_news() {
        let b = "France on Wednesday condemned Rwanda's allegations that it played a role in \
                 the 1994 genocide.";
        let wed = year(b, "Wednesday", 2022);
        assert!(!history(b, "condemned", &[wed, year(b, "1994", 1994)]));
        let b = "France condemned Rwanda's role in the 1994 genocide.";
        assert!(!history(b, "condemned", &[year(b, "1994", 1994)]));
        assert!(history(b, "genocide", &[year(b, "1994", 1994)]));
        let b = "Japan apologised for its conduct during World War II.";
        assert!(history(b, "conduct", &[]));
        assert!(!history(b, "apologised", &[]));
        let b = "\"Russia attacked us in 2019,\" Ukraine told Germany on Monday.";
        assert!(history(b, "attacked", &[year(b, "2019", 2019)]));
        assert!(!history(b, "told", &[year(b, "2019", 2019)]));
        let b = "Russia has occupied Crimea since 2014.";
        assert!(!history(b, "occupied", &[year(b, "2014", 2014)]));
        let b = "Russia attacked Ukraine in December 2020.";
        let at = b.find("December").unwrap();
        let december = NaiveDate::from_ymd_opt(2021, 12, 1).unwrap();
        assert!(!history(
            b,
            "attacked",
            &[(Span::new(at, b.len() - 1), december)]
        ));
    }

    /// The coder's events and the stage's (after the discards) of an article of our own.
    fn coded(body: &str) -> (usize, Vec<Event>) {
        let (raw, kept) = coded_all(body);
        (raw.len(), kept)
    }

    /// The coder codes an event at `dropped` that the discards remove, and the event at `kept` stays.
    fn assert_discarded(body: &str, dropped: &str, kept_word: &str) {
        let (raw, kept) = coded_all(body);
        let at =
            |events: &[Event], word: &str| events.iter().any(|e| e.evidence.text.contains(word));
        assert!(at(&raw, dropped), "{raw:?}");
        assert!(!at(&kept, dropped), "{kept:?}");
        assert!(at(&kept, kept_word), "{kept:?}");
    }

    fn coded_all(body: &str) -> (Vec<Event>, Vec<Event>) {
        let stage = super::super::EventStage::new();
        let s = sentence_spans(body);
        let m = super::super::tests::mentions(body);
        let published = NaiveDate::from_ymd_opt(2022, 1, 10);
        let input = super::super::CodeInput {
            body,
            sentences: &s,
            mentions: &m,
            times: &[],
            quotes: &[],
            published,
            parse: None,
        };
        let raw = stage.coder().code(&input);
        (raw, stage.code(body, &s, &m, &[], published))
    }

    #[test]
    fn a_cricket_report_codes_nothing() {
        let (raw, kept) = coded(
            "Russia beat Ukraine by five wickets in Kyiv. The Russian batsman hit a century \
             and Ukraine's bowlers attacked him with short balls. Ukraine accused Russia of \
             slow play. The cricket board will meet on Monday.",
        );
        assert!(raw > 0, "the coder finds events to discard");
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_football_report_codes_nothing() {
        let (raw, kept) = coded(
            "Germany defeated France in the World Cup semi-final. France attacked from the \
             start but Germany scored twice. The German coach praised France.",
        );
        assert!(raw > 0);
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_war_report_with_a_football_stadium_keeps_its_events() {
        let body = "Russian troops shelled a football stadium in Kyiv on Monday. Ukraine \
                    accused Russia of war crimes. Germany condemned the attack. NATO said it \
                    would send more troops to Poland.";
        let (raw, kept) = coded(body);
        assert!(raw > 0);
        assert_eq!(kept.len(), raw, "{kept:?}");
    }

    #[test]
    fn a_sentence_about_a_game_loses_its_events_in_a_news_story() {
        let body = "Russia attacked Ukraine on Monday. Germany condemned Russia. France \
                    threatened Russia with sanctions. Poland beat Ukraine in the semi-final.";
        let (raw, kept) = coded(body);
        assert!(kept.len() < raw);
        assert!(kept.iter().all(|e| !e.evidence.text.contains("semi-final")));
        assert!(kept.iter().any(|e| e.evidence.text.contains("condemned")));
    }

    #[test]
    fn a_disaster_drops_its_own_toll_not_an_actors_act() {
        let body =
            "Ukrainian villagers were killed in a flood on Monday. Germany sent aid to Ukraine \
                    after the flood.";
        let (raw, kept) = coded_all(body);
        assert!(raw.iter().any(|e| e.source.is_none()), "{raw:?}");
        assert!(kept.iter().all(|e| e.source.is_some()), "{kept:?}");
        assert!(kept.iter().any(|e| e.root == "07"), "{kept:?}");
    }

    #[test]
    fn a_market_report_sentence_loses_its_events() {
        let body = "Turkish shares fell 3 percent after Turkey threatened Syria. Germany \
                    condemned Russia on Monday.";
        assert_discarded(body, "shares", "condemned");
    }

    #[test]
    fn a_heading_or_list_line_codes_no_event() {
        let body = "Russia threatens Ukraine with sanctions\n\nGermany condemned Russia on \
                    Monday. \"We reject the threat,\" Ukraine said.";
        assert_discarded(body, "threatens", "condemned");
    }

    #[test]
    fn only_text_that_does_not_end_as_a_sentence_is_a_heading() {
        let b = "Iran rejects talks\nIran rejected talks. Iran said: \"No.\" (Reuters) end\n\
                 Iran rejects talks";
        let at = |t: &str| {
            let s = b.find(t).unwrap();
            Span::new(s, s + t.len())
        };
        assert!(is_heading(b, at("Iran rejects talks")));
        let last = b.rfind("Iran rejects").unwrap();
        assert!(!is_heading(b, Span::new(last, b.len())), "the body's end");
        assert!(!is_heading(b, at("Iran rejected talks.")));
        assert!(!is_heading(b, at("Iran said: \"No.\"")));
        assert!(!is_heading(b, at("(Reuters)")));
        assert!(!is_heading(b, at("")));
        assert!(!is_heading(b, Span::new(5, 500)));
    }

    #[test]
    fn a_party_that_only_reports_the_event_is_no_side_of_it() {
        let body = "More than 200 Afghan civilians were killed in the fighting this year, \
                    according to the United Nations.";
        let (raw, kept) = pipeline_events(body);
        let by_un = |es: &[Event]| {
            es.iter().any(|e| {
                e.source
                    .as_ref()
                    .is_some_and(|s| s.name == "United Nations")
            })
        };
        assert!(by_un(&raw), "{raw:?}");
        assert!(!by_un(&kept), "{kept:?}");
        let killed = kept
            .iter()
            .find(|e| e.root == "20")
            .expect("the killing stays");
        assert_eq!(
            killed.target.as_ref().map(|t| t.name.as_str()),
            Some("Afghan civilians")
        );
    }

    #[test]
    fn a_party_named_outside_the_attribution_stays_a_side() {
        let body = "The United Nations condemned Russia, according to a statement by the \
                    United Nations.";
        let (raw, kept) = pipeline_events(body);
        assert!(
            kept.iter().any(|e| e
                .source
                .as_ref()
                .is_some_and(|s| s.name == "United Nations")),
            "{raw:?}\n{kept:?}"
        );
    }

    #[test]
    fn attribution_phrases_end_at_a_comma_or_the_sentence() {
        let b = "Troops fired, according to the UN, at crowds. Two died, Reuters reported.";
        let s = Span::new(0, b.len());
        let spans: Vec<&str> = attributions(b, s)
            .iter()
            .map(|x| &b[x.start..x.end])
            .collect();
        assert!(spans.contains(&"according to the UN"), "{spans:?}");
        assert!(spans.contains(&", Reuters reported."), "{spans:?}");
        assert!(attributions(b, Span::new(3, 900)).is_empty());
        assert!(reporting_clause(" Kan reported on Wednesday."));
        assert!(reporting_clause(" the BBC reports"));
        assert!(!reporting_clause(" and Vindman reported to him."));
        assert!(!reporting_clause(
            " after Politico reported the aid had been paused."
        ));
    }

    #[test]
    fn attribution_lists_are_lower_case_and_open_an_attribution() {
        crate::actors::words::tests::check_list(
            "events/reporting_verbs.txt",
            REPORTING_VERBS_FILE,
            1,
            true,
        );
        let openers = words(ATTRIBUTION_OPENERS_FILE);
        assert!(!openers.is_empty());
        for opener in &openers {
            assert_eq!(
                *opener,
                opener.to_lowercase(),
                "{opener:?} is not lower case"
            );
            assert_eq!(
                openers.iter().filter(|o| *o == opener).count(),
                1,
                "{opener:?} twice"
            );
            let b = format!("Ten people were killed, {opener} Amnesty International.");
            let at = b.find(opener).unwrap();
            let spans = attributions(&b, Span::new(0, b.len()));
            assert!(spans.iter().any(|s| s.start == at), "{opener:?}: {spans:?}");
        }
        assert!(reporting_clause(" Reuters reported overnight."));
    }

    #[test]
    fn an_event_in_a_past_century_is_history() {
        let body = "Turkey invaded Syria in the 17th century. Germany condemned Russia on \
                    Monday.";
        assert_discarded(body, "invaded", "condemned");
    }

    /// The standard pipeline's events of an article, and the coder's before the discards.
    fn pipeline_events(body: &str) -> (Vec<Event>, Vec<Event>) {
        let article = parley_core::Article::new("Notes", body);
        let analysis = crate::pipeline::Pipeline::standard().analyze(&article);
        let s = sentence_spans(body);
        let input = super::super::CodeInput {
            body,
            sentences: &s,
            mentions: &analysis.entities,
            times: &[],
            quotes: &analysis.quotes,
            published: None,
            parse: None,
        };
        let raw = super::super::EventStage::new().coder().code(&input);
        (raw, analysis.events)
    }

    #[test]
    fn an_unknown_person_alone_makes_no_event() {
        let body = "Chef Ken McGaffin praised the sourdough bread of the bakery. Russia \
                    threatened Ukraine on Monday.";
        let (raw, kept) = pipeline_events(body);
        let by_ada = |es: &[Event]| {
            es.iter().any(|e| {
                e.source
                    .as_ref()
                    .is_some_and(|s| s.name.contains("McGaffin"))
            })
        };
        assert!(by_ada(&raw), "{raw:?}");
        assert!(!by_ada(&kept), "{kept:?}");
        assert!(kept.iter().any(|e| e.root == "13"), "{kept:?}");
    }

    fn side(id: Option<&str>, country: Option<&str>, sector: Option<&str>) -> EventActor {
        EventActor {
            name: "X".into(),
            actor_id: id.map(str::to_string),
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
        }
    }

    #[test]
    fn a_political_side_has_a_country_a_known_id_or_a_role() {
        assert!(political_side(&side(Some("RUS"), Some("RUS"), None)));
        assert!(political_side(&side(Some("BOTH-SIDES"), None, None)));
        assert!(political_side(&side(Some("local:ada"), None, Some("JUD"))));
        assert!(political_side(&side(Some("local:ada"), Some("GBR"), None)));
        assert!(!political_side(&side(Some("local:ada"), None, None)));
        assert!(!political_side(&side(
            Some("outlet:frame.io"),
            None,
            Some("MED")
        )));
    }

    #[test]
    fn an_unknown_person_beside_a_political_side_is_kept() {
        let (_, kept) = coded("Russia threatened Ukraine.");
        let mut e = kept[0].clone();
        e.source = Some(side(Some("local:ada"), None, None));
        e.sources = vec![side(Some("local:ada"), None, None)];
        assert!(has_political_side(&e));
        e.target = None;
        e.targets.clear();
        assert!(!has_political_side(&e));
    }

    #[test]
    fn an_event_between_two_unknown_names_is_no_event() {
        let (_, kept) = coded("Russia threatened Ukraine.");
        let mut e = kept[0].clone();
        e.source = Some(side(Some("local:ada"), None, None));
        e.sources = vec![side(Some("local:ada"), None, None)];
        e.target = Some(side(Some("local:bo"), None, None));
        e.targets = vec![side(Some("local:bo"), None, None)];
        assert!(!has_political_side(&e));
        e.targets = vec![
            side(Some("local:bo"), None, None),
            side(Some("UKR"), Some("UKR"), None),
        ];
        assert!(has_political_side(&e));
    }

    // event-precision: guides and adverts addressed to the reader

    /// Ten sentences of a travel guide: advice to "you", countries as places, nobody quoted.
    const TRAVEL_GUIDE: &str = "Japan has a lot to offer to first-time visitors. You will \
        love the food. France accused Japan of dumping cheap rice. Your rail pass covers most \
        trains. If you travel in spring, book early. Trains connect most cities. You can buy a \
        SIM card at the airport. Hotels are small. Your luggage can be sent ahead. Tipping is \
        not expected.";

    #[test]
    fn a_guide_addressed_to_the_reader_codes_no_event() {
        let (raw, kept) = coded(TRAVEL_GUIDE);
        assert!(raw > 0, "the coder finds events to discard");
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_news_story_quoting_you_keeps_its_events() {
        let body = "France accused Japan of dumping cheap rice on Monday. \"You cannot sell \
            below cost,\" the French minister said. Japan denied the charge. \"You will see \
            the figures,\" a Japanese official told reporters. Your correspondent asked the \
            ministry. Talks resume next week. Prices fell. Farmers protested in Lyon. The \
            European Union urged calm. Both sides said they wanted a deal.";
        let (raw, kept) = coded(body);
        assert!(raw > 0);
        assert_eq!(kept.len(), raw, "{kept:?}");
    }

    #[test]
    fn a_short_text_addressed_to_the_reader_is_not_judged_a_guide() {
        let body = "You should know that France accused Japan of dumping cheap rice.";
        let (raw, kept) = coded(body);
        assert!(raw > 0);
        assert_eq!(kept.len(), raw, "{kept:?}");
    }

    #[test]
    fn the_reader_and_reported_levels_are_read() {
        let d = Discards::builtin();
        for level in [Level::Reader, Level::Reported] {
            assert!(d.levels.contains(&level), "{level:?}");
        }
        let hits = d.hits("You said so.", Span::new(0, 12));
        assert!(hits.iter().any(|h| h.level == Level::Reader));
        assert!(hits.iter().any(|h| h.level == Level::Reported));
    }

    #[test]
    fn a_country_named_only_as_a_style_is_no_side() {
        let body = "Maciej Kasperowicz is a coffee expert. He says people think that pressing \
            is an important part of the brewing process. The best French press is easy to use \
            and clean. A French press with a fine strainer that fits snugly against its walls \
            will prevent coffee from containing too much sediment or stray grounds.";
        let (raw, kept) = pipeline_events(body);
        assert!(!raw.is_empty(), "the coder finds an event to discard");
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_country_named_also_as_itself_stays_a_side() {
        let body = "France accused Japan of dumping cheap rice and French wine on its market.";
        let (raw, kept) = pipeline_events(body);
        assert!(!raw.is_empty());
        assert_eq!(kept.len(), raw.len(), "{kept:?}");
        assert!(kept.iter().any(|e| e
            .source
            .as_ref()
            .is_some_and(|s| s.actor_id.as_deref() == Some("FRA"))));
    }

    #[test]
    fn a_style_noun_counts_right_after_the_name_or_one_word_later() {
        let d = Discards::builtin();
        let body = "French American cuisine and Korean dining, but French climate envoys.";
        let hits = d.hits(body, Span::new(0, body.len()));
        assert!(style_follows(body, "French".len(), &hits));
        let korean = body.find("Korean").unwrap() + "Korean".len();
        assert!(style_follows(body, korean, &hits));
        let envoy = body.rfind("French").unwrap() + "French".len();
        assert!(!style_follows(body, envoy, &hits));
        let body = "In Japan, coffee culture blends old and new.";
        let hits = d.hits(body, Span::new(0, body.len()));
        assert!(!style_follows(body, "In Japan".len(), &hits));
    }

    #[test]
    fn an_event_by_the_middle_of_a_past_century_is_history() {
        let body = "Turkey invaded Syria by the mid-18th century. Germany condemned Russia on \
                    Monday.";
        assert_discarded(body, "invaded", "condemned");
    }

    // extras: one-sided events on long pages that report no one's words

    /// Ten sentences of a history page: description, nobody quoted, no reader addressed.
    const HISTORY_PAGE: &str = "The plantations grew quickly. Germany supported the new \
        growers. Traders carried the beans north. The harbour was busy. Merchants built \
        warehouses. Prices rose every year. France accused Germany of dumping cheap coffee. The \
        cafes were full. Sugar came from the islands. Coffee became a habit.";

    #[test]
    fn a_long_page_reporting_no_one_codes_no_one_sided_event() {
        let (raw, kept) = coded_all(HISTORY_PAGE);
        let one_sided = |es: &[Event]| es.iter().filter(|e| is_one_sided(e)).count();
        assert!(
            one_sided(&raw) > 0,
            "the coder finds a one-sided event: {raw:?}"
        );
        assert_eq!(one_sided(&kept), 0, "{kept:?}");
    }

    #[test]
    fn a_long_page_reporting_no_one_keeps_an_event_with_a_target() {
        let (_, kept) = coded_all(HISTORY_PAGE);
        assert!(
            kept.iter()
                .any(|e| e.code.starts_with("112") && !is_one_sided(e)),
            "{kept:?}"
        );
    }

    #[test]
    fn a_long_news_report_keeps_its_one_sided_events() {
        let body = "Germany supported the new growers, officials said. The harbour was busy, \
            the port authority said. Traders carried the beans north. Merchants built \
            warehouses. Prices rose every year, according to the ministry. France accused \
            Germany of dumping cheap coffee. The cafes were full. Sugar came from the islands. \
            Coffee became a habit. The growers said they expected more rain.";
        let (raw, kept) = coded_all(body);
        let one_sided = |es: &[Event]| es.iter().filter(|e| is_one_sided(e)).count();
        assert!(one_sided(&raw) > 0, "{raw:?}");
        assert_eq!(one_sided(&kept), one_sided(&raw), "{kept:?}");
    }

    #[test]
    fn a_short_text_reporting_no_one_keeps_its_one_sided_events() {
        let (raw, kept) = coded_all("Germany supported the new growers.");
        assert!(raw.iter().any(is_one_sided), "{raw:?}");
        assert_eq!(kept.len(), raw.len(), "{kept:?}");
    }

    /// The trigger words of `events`.
    fn triggers(events: &[Event]) -> Vec<&str> {
        events
            .iter()
            .filter_map(|e| e.trigger.as_ref().map(|t| t.text.as_str()))
            .collect()
    }

    #[test]
    fn an_event_years_before_the_clause_it_is_dated_from_is_history() {
        let body = "Turkish troops remain in Syria, eight years after Turkey invaded Syria.";
        let (raw, kept) = coded_all(body);
        assert!(triggers(&raw).contains(&"invaded"), "{raw:?}");
        assert!(!triggers(&kept).contains(&"invaded"), "{kept:?}");
        assert!(triggers(&kept).contains(&"remain"), "{kept:?}");
    }

    #[test]
    fn the_event_the_years_are_counted_from_stays() {
        let body = "Turkey attacked Syria again, eight years after the first war.";
        let (raw, kept) = coded_all(body);
        assert!(triggers(&raw).contains(&"attacked"), "{raw:?}");
        assert_eq!(kept.len(), raw.len(), "{kept:?}");
    }

    #[test]
    fn a_participle_joined_to_a_name_is_no_event() {
        let body = "The U.N.-backed government of Libya met rebels. The Saudi-led coalition \
                    struck.";
        let backed = body.find("backed").unwrap();
        assert!(is_name_compound(body, Span::new(backed, backed + 6)));
        let led = body.find("led").unwrap();
        assert!(is_name_compound(body, Span::new(led, led + 3)));
        let met = body.find("met").unwrap();
        assert!(!is_name_compound(body, Span::new(met, met + 3)));
    }

    #[test]
    fn a_verb_with_a_lower_case_prefix_stays_an_event_word() {
        let body = "Germany re-elected its president and Russian counter-attacked.";
        let elected = body.find("elected").unwrap();
        assert!(!is_name_compound(body, Span::new(elected, elected + 7)));
        let attacked = body.find("attacked").unwrap();
        assert!(!is_name_compound(body, Span::new(attacked, attacked + 8)));
        assert!(!is_name_compound("-backed", Span::new(1, 7)));
        assert!(!is_name_compound("backed", Span::new(0, 6)));
    }

    #[test]
    fn an_event_of_a_name_compound_is_discarded() {
        let body = "Three Russian nurses who had been held by the U.N.-backed government in \
                    Libya were freed on Friday. Germany condemned Russia on Monday.";
        let (raw, kept) = pipeline_events(body);
        assert!(triggers(&raw).contains(&"backed"), "{raw:?}");
        assert!(!triggers(&kept).contains(&"backed"), "{kept:?}");
        assert!(triggers(&kept).contains(&"condemned"), "{kept:?}");
    }

    #[test]
    fn sentences_with_counts_each_sentence_holding_a_hit_of_the_level_once() {
        let sentences = [Span::new(0, 10), Span::new(11, 20), Span::new(21, 30)];
        let hit = |start, end, level| Hit {
            span: Span::new(start, end),
            level,
        };
        // unsorted; two hits in the first sentence, one across the second and third, one of
        // another level in the third
        let hits = [
            hit(5, 8, Level::Reader),
            hit(0, 3, Level::Reader),
            hit(18, 23, Level::Reader),
            hit(22, 25, Level::Reported),
        ];
        assert_eq!(sentences_with(&sentences, &hits, Level::Reader), 1);
        assert_eq!(sentences_with(&sentences, &hits, Level::Reported), 1);
        assert_eq!(sentences_with(&sentences, &[], Level::Reader), 0);
    }
}

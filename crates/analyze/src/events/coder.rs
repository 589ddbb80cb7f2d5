//! The coder: finds event words in a sentence, codes them from the dictionaries, and picks
//! source, target, status, date and reporter.

use super::codes::CameoTable;
use super::dict::{Dictionary, NounEntry, PatItem, Pattern, VerbEntry};
use super::roles::{
    attribution_speaker, dateline_end, may_name_a_side, means_agent, modifier_of_head, names_actor,
    noun_target, object_controlled, opens_relative, participle_subject, parties, place_preposition,
    predicate_infinitive, reduced_passive, reduced_relative, relative_subject, same,
    subject_before, support_verb_before, Party, CLAUSE_BREAKS,
};
use super::status::{committed, speech_cue_before, status};
use super::tokens::{lemma_candidates, noun_key, words, Word};
use crate::actors::words::WordSet;
use crate::parse::Parse;
use chrono::NaiveDate;
use parley_core::{EntityMention, Event, EventActor, EventStatus, Plover, Quote, Span, TextSpan};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words after which a word that could be a verb or a noun is a noun ("the talks").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "'s", "no", "any", "every", "each", "such", "of", "new", "further", "more",
];
/// Forms of "be" that make a participle passive.
const BE: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "got", "gets",
];
/// Prepositions that introduce a place rather than a party (kept for material conflict only).
const PLACE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "across",
    "into",
    "within",
    "throughout",
    "along",
];
/// Words that end a support verb's object before its event noun ("announced during their summit").
const OBJECT_STOPS: &[&str] = &[
    "during", "after", "before", "since", "until", "over", "about", "on", "for", "with", "by",
    "from", "to", "of", "that", "which", "who",
];
/// Prepositions before an event noun phrase that make it a mention, not a report.
const MENTION_PREPS: &[&str] = &[
    "from", "of", "about", "besides", "than", "like", "for", "on",
];
/// Prepositions after an event noun that introduce its target.
const NOUN_TARGET: &[&str] = &[
    "with", "against", "on", "to", "toward", "towards", "of", "over", "into",
];
/// How many words after the verb a pattern may reach.
const PATTERN_WINDOW: usize = 10;
/// How many words after a verb (and its pattern) its infinitive complement's "to" may be
/// ("gave permission to Russia to help").
const COMPLEMENT_REACH: usize = 6;

/// The infinitive a verb governs: "to" + a verb's base form within [`COMPLEMENT_REACH`] words
/// of `extent`, with only the verb's object between: parties, determiners, "to" before a
/// party and one word right after the verb ("gave permission to Russia to help"; in "resumed
/// shelling in attempts to resolve" the infinitive belongs to "attempts").
fn infinitive_complement(
    ws: &[Word],
    extent: usize,
    in_party: &dyn Fn(usize) -> bool,
    verbs: &[Option<(&VerbEntry, usize)>],
    is_verb: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let end = (extent + 1 + COMPLEMENT_REACH).min(ws.len().saturating_sub(1));
    for k in extent + 1..end {
        let w = ws[k].norm.as_str();
        if w == "to" && !in_party(k + 1) && base_form_verb(ws, k + 1, verbs) {
            return Some(k + 1);
        }
        // "was pressured by Congress to help": a passive's agent stands there too
        let agent = w == "by"
            || ws[k - 1].norm == "by"
            || (k >= 2 && ws[k - 2].norm == "by" && DETERMINERS.contains(&ws[k - 1].norm.as_str()));
        let object = in_party(k)
            || DETERMINERS.contains(&w)
            || (w == "to" && in_party(k + 1))
            || (k == extent + 1 && !is_verb(k) && !opens_clause(w))
            || (agent && !is_verb(k) && !opens_clause(w));
        if !object {
            return None;
        }
    }
    None
}

/// The verb of the "that" clause right after an alleging verb ("claimed that Iran had
/// attacked").
fn that_clause_verb(
    ws: &[Word],
    extent: usize,
    in_party: &dyn Fn(usize) -> bool,
    verbs: &[Option<(&VerbEntry, usize)>],
) -> Option<usize> {
    if ws.get(extent + 1)?.norm != "that" {
        return None;
    }
    let end = (extent + 2 + COMPLEMENT_REACH).min(ws.len());
    (extent + 2..end)
        .take_while(|&k| !CLAUSE_BREAKS.contains(&ws[k].norm.as_str()) && ws[k].norm != ",")
        .find(|&k| {
            verbs[k].is_some()
                && !in_party(k)
                && !DETERMINERS.contains(&ws[k - 1].norm.as_str())
                && !AUX.contains(&ws[k].norm.as_str())
        })
}

/// Words that end the reach of a verb's complement: a clause break, a comma, a relative or
/// a finite auxiliary.
fn opens_clause(w: &str) -> bool {
    CLAUSE_BREAKS.contains(&w)
        || matches!(w, "," | "that" | "which" | "who" | "and" | "or")
        || (AUX.contains(&w) && w != "to")
}

/// A verb entry whose first word is the sentence word itself: a base form ("help"), not an
/// inflection that is more likely a noun ("talks").
fn base_form_verb(ws: &[Word], k: usize, verbs: &[Option<(&VerbEntry, usize)>]) -> bool {
    verbs
        .get(k)
        .copied()
        .flatten()
        .is_some_and(|(e, _)| e.words[0] == ws[k].norm)
}

/// Roots whose verb takes the following verbs of its clause as its content ("threatened to
/// attack", "demanded that the US cancel"): those are not coded as events of their own.
const GOVERNING_ROOTS: &[&str] = &["02", "03", "10", "12", "13"];
/// How many words a pattern may skip between its items.
const MAX_SKIPPED: usize = 5;
/// Roots coded without a target: all but statements and appeals (01, 02), which need an
/// addressee to be events (and verb blocks marked `needs-target`).
const UNTARGETED_ROOTS: &[&str] = &[
    "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
    "19", "20",
];
/// Deny responsibility or an accusation: a statement coded without a target.
pub(crate) const DENIAL: &str = "016";
/// Codes of root 01 coded with a source alone when a pattern names their object ("declined to
/// comment", "claimed responsibility"): data/events/untargeted_codes.txt.
static UNTARGETED_CODES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(UNTARGETED_CODES_FILE));
pub(crate) const UNTARGETED_CODES_FILE: &str =
    include_str!("../../../../data/events/untargeted_codes.txt");
/// How many words after a rejection or denial its object noun may be ("rejected the formal
/// complaint").
const REJECTED_REACH: usize = 3;
/// How many words after the trigger the target may be.
const TARGET_WINDOW: usize = 15;

/// Everything the coder reads for one article.
#[derive(Debug, Clone, Copy)]
pub struct CodeInput<'a> {
    pub body: &'a str,
    /// Sentence spans, in order.
    pub sentences: &'a [Span],
    /// Actor mentions (with coreference) anywhere in the body.
    pub mentions: &'a [EntityMention],
    /// Time expressions resolved to dates.
    pub times: &'a [(Span, NaiveDate)],
    /// Quotes with their speakers, for `reported_by` and "we" inside quotes.
    pub quotes: &'a [Quote],
    pub published: Option<NaiveDate>,
    /// The body's parse, when the linguistic layer ran: source and target of verb events
    /// from the clause structure, with the positional rules as the fallback.
    pub parse: Option<&'a Parse>,
}

/// A word (or words) that carries an event, with its code.
#[derive(Debug, Clone)]
struct Trigger {
    first: usize,
    last: usize,
    code: String,
    noun: bool,
    reciprocal: bool,
    passive: bool,
    /// The last word a pattern used (the coder skips past it).
    extent: usize,
    /// A demand cue after a party ("China must ..."), reported by a speaker.
    demand: bool,
    /// A support verb coded by the event noun it governs ("held talks").
    via_noun: bool,
    /// Coded only with a target (a `needs-target` verb block).
    needs_target: bool,
    /// A verb coded by its default code (no pattern matched) in a `bare-needs-target` block:
    /// coded only with a target or a compound source.
    bare: bool,
    /// An intent verb and the act it governs ("pledged to expel", "agreed to lift"): the act is
    /// planned, as after a cue ("wants to help"), and the code is the intent's.
    intent: bool,
}

impl Trigger {
    /// A trigger over words `first..=last` with `code` and every flag off; each site sets the
    /// fields that differ with struct-update syntax.
    fn over(first: usize, last: usize, code: String) -> Trigger {
        Trigger {
            first,
            last,
            code,
            noun: false,
            reciprocal: false,
            passive: false,
            extent: last,
            demand: false,
            via_noun: false,
            needs_target: false,
            bare: false,
            intent: false,
        }
    }
}

/// What the coder saw in one sentence ([`Coder::explain_sentence`]).
#[derive(Debug, Clone, Default)]
pub struct Explanation {
    /// The parties' texts, in order.
    pub parties: Vec<String>,
    /// Trigger words and their codes.
    pub triggers: Vec<(String, String)>,
    /// Words outside parties that have a verb entry (coded or not).
    pub verb_words: Vec<String>,
}

/// The dictionary-driven coder.
#[derive(Debug, Clone)]
pub struct Coder {
    pub dict: Dictionary,
    pub table: CameoTable,
}

impl Coder {
    pub fn new(dict: Dictionary, table: CameoTable) -> Self {
        Coder { dict, table }
    }

    /// Codes every sentence of an article.
    pub fn code(&self, input: &CodeInput) -> Vec<Event> {
        let mut out = Vec::new();
        for &s in input.sentences {
            out.extend(self.code_sentence(input, s));
        }
        answer_targets(&mut out);
        out
    }

    /// Codes one sentence.
    pub fn code_sentence(&self, input: &CodeInput, sentence: Span) -> Vec<Event> {
        let has_actor = input
            .mentions
            .iter()
            .any(|m| m.actor.is_some() && sentence.contains(m.span.span()));
        if !has_actor {
            return Vec::new();
        }
        let ws = words(input.body, sentence);
        if ws.is_empty() {
            return Vec::new();
        }
        let ps = parties(input.body, &ws, sentence, input.mentions);
        // every event needs a party (a source, or the target of agentless violence)
        if ps.is_empty() {
            return Vec::new();
        }
        let (triggers, _) = self.sentence_triggers(&ws, &ps, input.parse);
        let mut events = Vec::new();
        for (k, t) in triggers.iter().enumerate() {
            // the verb before, whose subject a coordinated verb shares
            // ("… after Armenian forces attacked, and blamed Yerevan": not the adverbial
            // clause's verb)
            let before = self.chain_head(&ws, &ps, &triggers, k);
            events.extend(self.events_for(input, sentence, &ws, &ps, t, before));
        }
        // a visit is also hosted: the target's side of the same event
        let sides: Vec<Event> = events.iter().filter_map(|e| self.counterpart(e)).collect();
        events.extend(sides);
        // a bare statement ("said", "told") is reported speech, not an event: what it
        // reports is coded instead
        events.retain(|e| e.code != "010");
        let mut seen = Vec::new();
        events.retain(|e| {
            let key = (
                e.code.clone(),
                e.source.as_ref().and_then(|a| a.country.clone()),
                e.target.as_ref().and_then(|a| a.country.clone()),
                e.trigger.as_ref().map(|t| t.start),
            );
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
        events
    }

    /// The verb whose subject trigger `k` shares: the verb before it, or, along a chain of
    /// coordinated verbs ("closed its borders, froze assets and suspended trade"), the first of
    /// them, whose subject is the clause's.
    fn chain_head<'t>(
        &self,
        ws: &[Word],
        ps: &[Party],
        triggers: &'t [Trigger],
        k: usize,
    ) -> Option<&'t Trigger> {
        let eligible = |p: &Trigger| !p.noun && !p.demand && !in_adverbial_clause(ws, p.first);
        let mut head = (0..k).rev().find(|&j| eligible(&triggers[j]))?;
        while self.shares_subject(ws, ps, triggers[head].first) {
            match (0..head).rev().find(|&j| eligible(&triggers[j])) {
                Some(j) => head = j,
                None => break,
            }
        }
        Some(&triggers[head])
    }

    /// Whether the verb at `i` has no subject of its own but shares the one before it: after
    /// "and"/"but"/"or", or within a series of past-tense predicates ("…, froze …").
    fn shares_subject(&self, ws: &[Word], ps: &[Party], i: usize) -> bool {
        coordinated(ws, ps, i) || self.in_series(ws, i)
    }

    /// "China summoned a US diplomat on Friday to lodge a complaint": an infinitive of purpose
    /// after the object of the verb `v` is done by that verb's subject, not by its object. A
    /// governing verb's infinitive ("urged Iran to stop") is what it asks of its object, and
    /// a verb, auxiliary, comma or clause word between the two verbs opens another clause.
    fn purpose_infinitive(&self, ws: &[Word], ps: &[Party], v: &Trigger, t: &Trigger) -> bool {
        let to = t.first.wrapping_sub(1);
        if v.noun || v.demand || t.first < 2 || ws[to].norm != "to" || v.last >= to {
            return false;
        }
        // "thanked Modi for India's efforts to find", "defended Russia's recent efforts to
        // step up": the infinitive belongs to the possessed noun
        let possessed =
            (to.saturating_sub(3)..to).any(|k| POSSESSIVES.contains(&ws[k].norm.as_str()));
        if GOVERNING_ROOTS.contains(&&v.code[..v.code.len().min(2)]) || possessed {
            return false;
        }
        let in_party = |k: usize| ps.iter().any(|p| p.first <= k && k <= p.last);
        let object = ps.iter().any(|p| p.first > v.last && p.last < to);
        let plain = (v.last + 1..to).all(|k| {
            let w = ws[k].norm.as_str();
            in_party(k)
                || !(AUX.contains(&w)
                    || CLAUSE_WORDS.contains(&w)
                    || NOUN_COMPLEMENT_PREPS.contains(&w)
                    || ws[k].is_punct()
                    || self.verb_at(ws, k).is_some())
        });
        object && plain
    }

    /// Whether the past-tense verb at `i` follows a comma inside a series of predicates that a
    /// later "and"/"or" closes with another past-tense verb: "closed their borders with Niger,
    /// froze the country's assets and suspended all transactions". Not a new clause's verb
    /// after a comma ("…, Russia said"), which has a subject of its own before it.
    fn in_series(&self, ws: &[Word], i: usize) -> bool {
        if i == 0 || ws[i - 1].norm != "," || !self.past_form(&ws[i].norm) {
            return false;
        }
        ws[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, w)| !matches!(w.norm.as_str(), ";" | ":" | "that" | "which" | "who"))
            .any(|(d, w)| {
                matches!(w.norm.as_str(), "and" | "or")
                    && ws.get(i + 2 + d).is_some_and(|n| self.past_form(&n.norm))
            })
    }

    /// The same event seen from its target ("Putin visited Beijing": China hosted Putin),
    /// for codes with a counterpart (counterparts.tsv).
    fn counterpart(&self, e: &Event) -> Option<Event> {
        let code = self.table.counterpart(&e.code)?;
        let (source, target) = (e.target.clone()?, e.source.clone()?);
        let info = self.table.get(code);
        Some(Event {
            code: code.to_string(),
            root: code[..2].to_string(),
            quad_class: info.map_or(e.quad_class, |i| i.quad_class),
            goldstein: info.map_or(e.goldstein, |i| i.goldstein),
            plover: self.table.plover(code).map(|p| Plover {
                category: p.category.clone(),
                mode: p.mode.clone(),
            }),
            source: Some(source),
            target: Some(target),
            sources: e.targets.clone(),
            targets: e.sources.clone(),
            ..e.clone()
        })
    }

    /// Why a sentence codes what it does, for error analysis: its parties, the triggers found
    /// (word and code, before source and target are chosen) and the words with a verb entry.
    pub fn explain_sentence(&self, input: &CodeInput, sentence: Span) -> Explanation {
        let ws = words(input.body, sentence);
        let ps = parties(input.body, &ws, sentence, input.mentions);
        let (triggers, has_verb) = self.sentence_triggers(&ws, &ps, input.parse);
        let in_party = |i: usize| ps.iter().any(|p| p.first <= i && i <= p.last);
        Explanation {
            parties: ps.iter().map(|p| p.name.clone()).collect(),
            triggers: triggers
                .iter()
                .map(|t| {
                    (
                        ws[t.first..=t.last]
                            .iter()
                            .map(|w| w.norm.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                        t.code.clone(),
                    )
                })
                .collect(),
            verb_words: (0..ws.len())
                .filter(|&i| has_verb[i] && !in_party(i))
                .map(|i| ws[i].norm.clone())
                .collect(),
        }
    }

    /// The triggers of a sentence's words, and which words have a verb reading (each looked up
    /// once).
    fn sentence_triggers(
        &self,
        ws: &[Word],
        ps: &[Party],
        parse: Option<&Parse>,
    ) -> (Vec<Trigger>, Vec<bool>) {
        let in_party = |i: usize| ps.iter().any(|p| p.first <= i && i <= p.last);
        let verbs: Vec<Option<(&VerbEntry, usize)>> =
            (0..ws.len()).map(|i| self.verb_at(ws, i)).collect();
        let present: HashSet<&str> = ws
            .iter()
            .flat_map(|w| [w.norm.as_str(), noun_key(&w.norm)])
            .collect();
        let triggers = self.triggers(ws, ps, &in_party, &verbs, &present, parse);
        (triggers, verbs.iter().map(Option::is_some).collect())
    }

    /// A demand cue ("must", "has to") right after a party, or an accusation cue ("violated",
    /// "breached": "Egypt said Ethiopia violated international law" is Egypt accusing Ethiopia,
    /// CAMEO 112): the index of its last word and the code.
    fn demand_cue_at(
        &self,
        ws: &[Word],
        i: usize,
        in_party: &dyn Fn(usize) -> bool,
    ) -> Option<(usize, &'static str)> {
        // "we must respond" is the speaker's own intent, not a demand on another party
        if i == 0 || !in_party(i - 1) || matches!(ws[i - 1].norm.as_str(), "we" | "i") {
            return None;
        }
        // "Azerbaijani forces violated the ceasefire": with no one reporting it, the act is the
        // news (196 by the verb's own pattern), not an accusation with no accuser
        let reported = speech_cue_before(&self.dict.cues, ws, ws.len()).is_some();
        self.dict
            .cues
            .iter()
            .filter(|c| c.status == "demand" || (c.status == "accusation" && reported))
            .find(|c| {
                i + c.words.len() <= ws.len()
                    && c.words.iter().zip(&ws[i..]).all(|(a, w)| *a == w.norm)
            })
            .map(|c| {
                let code = if c.status == "demand" { "100" } else { "112" };
                (i + c.words.len() - 1, code)
            })
    }

    /// Whether the noun at `i` is what an accusation cue says was broken ("violated the
    /// ceasefire", "breached the truce"): not an event of its own.
    fn violated_object(&self, ws: &[Word], i: usize) -> bool {
        let Some(k) = (0..i)
            .rev()
            .find(|&k| !DETERMINERS.contains(&ws[k].norm.as_str()))
        else {
            return false;
        };
        i - k <= 2
            && self
                .dict
                .cues
                .iter()
                .filter(|c| c.status == "accusation")
                .any(|c| c.words.last().is_some_and(|w| *w == ws[k].norm))
    }

    /// For a demand cue: the speaker's party ("Russia said [Sudan must]", or the speaker of the
    /// quote it stands in) and the addressee; None when the speaker addresses itself.
    fn demand_roles(
        &self,
        input: &CodeInput,
        ws: &[Word],
        ps: &[Party],
        t: &Trigger,
    ) -> Option<(Party, Party)> {
        let addressee = ps
            .iter()
            .rev()
            .find(|p| p.last < t.first && t.first - p.last <= 1)?
            .clone();
        let speaker = match speech_cue_before(&self.dict.cues, ws, addressee.first) {
            Some((cue_first, _)) => subject_before(ws, ps, cue_first, 6, PLACE)?.clone(),
            // in a quote, a main clause only: "plans that Russia has to commit" is no demand
            None if !subordinate(ws, &addressee) => speaker_party(input, ws, t, ps)?,
            None => return None,
        };
        let own = addressee
            .actors
            .iter()
            .all(|a| speaker.actors.iter().any(|s| self_target(a, s)));
        (!own).then_some((speaker, addressee))
    }

    /// Whether a speech cue ("said", "told", "according to") starts at word `k`.
    fn speech_cue_at(&self, ws: &[Word], k: usize) -> bool {
        self.dict
            .cues
            .iter()
            .filter(|c| c.status == "report")
            .any(|c| {
                !c.words.is_empty()
                    && c.words
                        .iter()
                        .enumerate()
                        .all(|(j, w)| ws.get(k + j).is_some_and(|x| x.norm == *w))
            })
    }

    /// A copula in verb position with no verb entry of its own, then a stance adjective, with
    /// adverbs and degree words between ("is deeply skeptical", "was not very hopeful"): the
    /// index of the adjective and its code.
    fn stance_at(
        &self,
        ws: &[Word],
        i: usize,
        in_party: &dyn Fn(usize) -> bool,
        verbs: &[Option<(&VerbEntry, usize)>],
    ) -> Option<(usize, &'static str)> {
        if verbs[i].is_some() || !COPULA_FORMS.contains(&ws[i].norm) {
            return None;
        }
        let irregular = |w: &str| self.dict.forms.contains_key(w);
        if !verb_position(ws, i, in_party, &|k| verbs[k].is_some(), &irregular) {
            return None;
        }
        let modifier = |w: &str| {
            ADVERBS.contains(&w) || DEGREE_WORDS.contains(&w) || (w.len() > 4 && w.ends_with("ly"))
        };
        let j = (i + 1..ws.len()).find(|&j| !modifier(&ws[j].norm) || in_party(j))?;
        if in_party(j) {
            return None;
        }
        STANCE_ADJECTIVES
            .iter()
            .find(|(word, _)| *word == ws[j].norm)
            .map(|&(_, code)| (j, code))
    }

    fn lemmas(&self, w: &str) -> Vec<String> {
        lemma_candidates(w, |x| self.dict.irregular(x))
    }

    /// The longest verb entry starting at word `i`, with the index of its last word.
    fn verb_at(&self, ws: &[Word], i: usize) -> Option<(&VerbEntry, usize)> {
        if is_dated_month(ws, i) {
            return None;
        }
        let mut best: Option<(&VerbEntry, usize)> = None;
        for lemma in self.lemmas(&ws[i].norm) {
            let Some(entries) = self.dict.verbs.get(&lemma) else {
                continue;
            };
            for e in entries {
                let n = e.words.len();
                if i + n > ws.len() {
                    continue;
                }
                let rest_ok = e.words[1..]
                    .iter()
                    .zip(&ws[i + 1..i + n])
                    .all(|(p, w)| word_eq(p, &w.norm));
                if rest_ok && best.is_none_or(|(b, _)| b.words.len() < n) {
                    best = Some((e, i + n - 1));
                }
            }
            if best.is_some() {
                break;
            }
        }
        best
    }

    /// The longest noun entry starting at word `i`, with the index of its last word.
    fn noun_at(&self, ws: &[Word], i: usize) -> Option<(&NounEntry, usize)> {
        if is_dated_month(ws, i) {
            return None;
        }
        let entries = self.dict.nouns.get(noun_key(&ws[i].norm))?;
        entries
            .iter()
            .filter(|e| {
                i + e.words.len() <= ws.len()
                    && e.words
                        .iter()
                        .zip(&ws[i..])
                        .all(|(p, w)| word_eq(p, &w.norm))
            })
            .max_by_key(|e| e.words.len())
            .map(|e| (e, i + e.words.len() - 1))
    }

    /// A past-tense verb after "and": a second act of the subject ("denied the accusation and
    /// condemned the strikes", "urged Venezuela to publish the results and offered to mediate"),
    /// not the base form that continues an infinitive a request or intent governs.
    fn coordinated_past(&self, ws: &[Word], i: usize) -> bool {
        i > 0 && ws[i - 1].norm == "and" && self.past_form(&ws[i].norm)
    }

    fn past_form(&self, w: &str) -> bool {
        past_form(&self.dict, w)
    }

    fn set_has(&self, set: &str, ws: &[Word], at: usize) -> bool {
        self.dict.sets.get(set).is_some_and(|members| {
            members.iter().any(|m| {
                at + m.len() <= ws.len()
                    && m.iter().zip(&ws[at..]).all(|(p, w)| word_eq(p, &w.norm))
            })
        })
    }

    fn item_at(&self, item: &PatItem, ws: &[Word], at: usize) -> bool {
        match item {
            PatItem::Word(p) => word_eq(p, &ws[at].norm),
            PatItem::Set(s) => self.set_has(s, ws, at),
            PatItem::Verb => false,
        }
    }

    /// Matches the object words of a pattern with no words before its verb against the subject
    /// of the passive verb at `first` ("the prisoners were released" as "released prisoners"):
    /// in order, within [`SUBJECT_REACH`] words before the auxiliaries, the last at most one word
    /// before them (the head noun). Returns no indices: the subject's words stay its party's.
    fn match_passive_subject(&self, p: &Pattern, ws: &[Word], first: usize) -> Option<Vec<usize>> {
        let plain = |it: &PatItem| matches!(it, PatItem::Word(_) | PatItem::Set(_));
        if !p.before.is_empty()
            || p.after.is_empty()
            || p.after.len() > 2
            || !p.after.iter().all(plain)
        {
            return None;
        }
        let mut s = first;
        while s > 0
            && (AUX.contains(&ws[s - 1].norm.as_str())
                || ADVERBS.contains(&ws[s - 1].norm.as_str()))
        {
            s -= 1;
        }
        let start = (s.saturating_sub(SUBJECT_REACH)..s)
            .rev()
            .take_while(|&k| !ws[k].is_punct() || ws[k].norm == "'s")
            .last()?;
        let mut at = start;
        let mut found = at;
        for item in &p.after {
            found = (at..s).find(|&k| self.item_at(item, ws, k))?;
            at = found + 1;
        }
        (found + 2 >= s).then(Vec::new)
    }

    /// Matches a pattern around the verb at `first..=last`; returns the indices it used.
    fn match_pattern(
        &self,
        p: &Pattern,
        ws: &[Word],
        first: usize,
        last: usize,
        in_party: &dyn Fn(usize) -> bool,
        is_verb: &dyn Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let mut used = Vec::new();
        let end = (last + 1 + PATTERN_WINDOW).min(ws.len());
        let mut at = last + 1;
        let mut skipped = 0;
        for item in &p.after {
            let found = (at..end)
                .take_while(|&k| !CLAUSE_BREAKS.contains(&ws[k].norm.as_str()))
                .find(|&k| self.item_at(item, ws, k) && !opens_time_phrase(ws, k))?;
            skipped += found - at;
            // an actor may stand between the verb and its pattern only as the verb's object
            // ("defended Iraq and Libya on Friday against criticism": parties joined by "and")
            let object_parties = |k: usize| {
                (last + 1..k).all(|x| {
                    in_party(x) || matches!(ws[x].norm.as_str(), "and" | "," | "the" | "a" | "an")
                })
            };
            let party_in_gap = (at..found).any(|k| {
                in_party(k)
                    && (!used.is_empty() || (k > last + 2 && !object_parties(k)))
                    && !noun_modifier(ws, at, k, found)
            });
            if skipped > MAX_SKIPPED
                || party_in_gap
                || (at..found).any(|k| AUX.contains(&ws[k].norm.as_str()) || ws[k].norm == "that")
                // a verb form after a determiner is a modifier ("a warm welcome"), after a
                // number a noun ("120 million pounds in aid")
                || (at..found).any(|k| {
                    is_verb(k)
                        && !ws[k].cap
                        && !(k > 0
                            && (DETERMINERS.contains(&ws[k - 1].norm.as_str())
                                || quantity_before(ws, k)))
                })
                // "announced a suspension of aid": the object is an event noun of its own
                || (at..found).any(|k| self.noun_at(ws, k).is_some())
                // "asked Jordan to help": a skipped "to" makes the word an infinitive, which
                // the verb governs (`with_complement`), not the noun a pattern names
                || (found > at
                    && ws[found - 1].norm == "to"
                    && is_verb(found)
                    && self
                        .verb_at(ws, found)
                        .is_some_and(|(e, _)| e.words[0] == ws[found].norm))
            {
                return None;
            }
            if infinitive_marker(p, ws, found, in_party, is_verb) {
                return None;
            }
            used.push(found);
            at = found + 1;
        }
        let start = first.saturating_sub(6);
        let mut at = first;
        for item in p.before.iter().rev() {
            let found = (start..at).rev().find(|&k| self.item_at(item, ws, k))?;
            used.push(found);
            at = found;
        }
        Some(used)
    }

    fn triggers(
        &self,
        ws: &[Word],
        ps: &[Party],
        in_party: &dyn Fn(usize) -> bool,
        verbs: &[Option<(&VerbEntry, usize)>],
        present: &HashSet<&str>,
        parse: Option<&Parse>,
    ) -> Vec<Trigger> {
        let mut out: Vec<Trigger> = Vec::new();
        let mut consumed: Vec<usize> = Vec::new();
        // a coded request, intent, rejection or threat governs the verbs of its clause
        let mut governed = false;
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            // "threatened to retaliate after Washington added ...": what happened before the
            // threat is no part of it
            if CLAUSE_BREAKS.contains(&w.norm.as_str())
                || w.norm == ","
                || PAST_SUBORDINATORS.contains(&w.norm.as_str())
                || self.coordinated_past(ws, i)
            {
                governed = false;
            }
            if w.is_punct() || in_party(i) || consumed.contains(&i) {
                i += 1;
                continue;
            }
            if i > 0 && purpose_of_disapproval(ws, out.last(), i - 1, verbs) {
                i += 1;
                continue;
            }
            if let Some((last, code)) = self.demand_cue_at(ws, i, in_party) {
                out.push(Trigger {
                    demand: true,
                    ..Trigger::over(i, last, code.into())
                });
                governed = true;
                i = last + 1;
                continue;
            }
            if let Some((last, code)) = self.stance_at(ws, i, in_party, verbs) {
                out.push(Trigger::over(i, last, code.into()));
                i = last + 1;
                continue;
            }
            // "3 billion pounds", "300 rounds": a verb form after a number is a noun, as after
            // a determiner
            let after_det = i > 0
                && (DETERMINERS.contains(&ws[i - 1].norm.as_str())
                    || quantity_before(ws, i)
                    || (in_party(i - 1)
                        && ((is_adjective_form(&ws[i - 1].norm)
                            && !names_actor(ws, ps, i - 1)
                            && !name_after_title(ws, ps, i - 1))
                            || ps.iter().any(|p| {
                                p.last == i - 1
                                    && p.first > 0
                                    && (self.noun_at(ws, i).is_some()
                                        && DETERMINERS.contains(&ws[p.first - 1].norm.as_str())
                                        // "an Islamic State target": a name after "a" is a modifier
                                        || matches!(ws[p.first - 1].norm.as_str(), "a" | "an"))
                            }))));
            let capitalised_name =
                w.cap && i > 0 && !matches!(ws[i - 1].norm.as_str(), "“" | "\"" | "(" | ":");
            let noun = self.noun_at(ws, i);
            // with the parse, a word is a verb where the tagger says so ("border patrol agents",
            // "security forces" are nouns; "Red Cross officials suspended" is a verb)
            let position = match parse.and_then(|p| parsed_verb(p, &ws[i])) {
                // "the talks left no reason for optimism": an event is not an actor
                Some(v) => v && !parse.is_some_and(|p| self.event_noun_subject(p, &ws[i])),
                None => {
                    let irregular = |w: &str| self.dict.forms.contains_key(w);
                    verb_position(ws, i, in_party, &|k| verbs[k].is_some(), &irregular)
                        && !reduced_relative(ws, i, &irregular)
                }
            };
            // "closed its borders, froze assets and suspended trade": a predicate in a series
            // after a verb already coded
            let position = position
                || (self.in_series(ws, i)
                    && out.last().is_some_and(|t| {
                        !t.noun && !t.demand && self.past_form(&ws[t.first].norm)
                    }));
            // "a deal negotiated by Qatar": a participle describing its noun, with an agent
            let via_agent = !position
                && agent_participle(ws, i, in_party)
                // "the sanctions imposed by the EU", "talks hosted by the EU": the agent of
                // an event noun's act is the noun event's, not a second event
                && !(i > 0 && self.noun_at(ws, i - 1).is_some());
            let position = position || via_agent;
            // "is going to" is a future, not a journey
            let going_to = w.norm == "going" && ws.get(i + 1).is_some_and(|n| n.norm == "to");
            let before_aux = ws
                .get(i + 1)
                .is_some_and(|n| AUX.contains(&n.norm.as_str()) && n.norm != "to");
            let verb = if after_det || capitalised_name || !position || before_aux || going_to {
                None
            } else {
                verbs[i]
            };
            // embedded verbs: gerunds after a preposition, infinitives under a coded verb
            let prev_word = (0..i).rev().find(|&k| !is_quote_mark(&ws[k].norm));
            let embedded = verb.is_some()
                && prev_word.is_some_and(|k| {
                    let prev = ws[k].norm.as_str();
                    (w.norm.ends_with("ing")
                        && matches!(prev, "of" | "for" | "about" | "by" | "from" | "against"))
                        || (prev == "to"
                            && k > 0
                            && out.last().is_some_and(|t| t.last + 2 >= k && !t.noun))
                        || object_controlled(ws, ps, k, &|j| verbs[j].is_some())
                });
            if let (Some((entry, last)), false) = (verb, embedded || governed) {
                if let Some(t) = self.code_verb(
                    ws,
                    i,
                    last,
                    entry,
                    &mut consumed,
                    in_party,
                    &|k| verbs[k].is_some(),
                    present,
                ) {
                    // "a certification granted by the institute": no act on anyone
                    let t = Trigger {
                        needs_target: t.needs_target || via_agent,
                        ..t
                    };
                    let t = self.with_complement(
                        ws,
                        t,
                        &mut consumed,
                        in_party,
                        verbs,
                        &|k| verbs[k].is_some(),
                        present,
                    );
                    let next = t.extent.max(last) + 1;
                    governed = GOVERNING_ROOTS.contains(&&t.code[..2]);
                    out.push(t);
                    i = next;
                    continue;
                }
                i = last + 1;
                continue;
            }
            // "The militarist wing refused to allow ...": a request, refusal or threat verb with
            // no actor for a subject is no event, but its content is still no event of its own
            if verb.is_none()
                && !after_det
                && !capitalised_name
                && w.norm.ends_with("ed")
                && self.governs(verbs[i])
            {
                governed = true;
            }
            // "rejected the complaint", "denied the accusation", "condemned the offensive": the
            // object of a rejection, denial or criticism with no party of its own is what is
            // judged, not a second act of the judging side ("condemned the Russian shelling"
            // keeps the shelling, whose agent is named)
            let rejected_object = out.last().is_some_and(|t| {
                !t.noun
                    && (t.code.starts_with("12") || t.code.starts_with("11") || t.code == DENIAL)
                    && i > t.extent
                    && i - t.extent <= REJECTED_REACH
                    && !(t.extent + 1..i).any(|k| in_party(k) || ws[k].is_punct())
            });
            if let (Some((_, last)), true) = (
                noun,
                (rejected_object || self.violated_object(ws, i)) && verb.is_none(),
            ) {
                i = last + 1;
                continue;
            }
            if let Some((entry, last)) = noun {
                if verb.is_none() {
                    // "its demand that Israel ease", "the threat to attack": the content of a
                    // request or threat is not an event of its own
                    governed = GOVERNING_ROOTS.contains(&&entry.code[..2]);
                    out.push(Trigger {
                        noun: true,
                        reciprocal: entry.reciprocal,
                        ..Trigger::over(i, last, entry.code.clone())
                    });
                    i = last + 1;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// A coded verb and the verb it governs are one event, coded from both ("asked Jordan to
    /// help Iraq" 023, "agreed to lift sanctions" 0354, "claimed that Iran had attacked" 112): the
    /// governed verb is an infinitive after the verb or its object, or, for an `alleges`
    /// verb, the verb of its "that" clause. When the two make no code the governing verb
    /// keeps its own and the governed one is still no event of its own ("gave permission to
    /// Syria to help Iraq" is one permission); so does a verb of another root ("pressured
    /// Obama to help Iran" is coercion).
    #[allow(clippy::too_many_arguments)]
    fn with_complement(
        &self,
        ws: &[Word],
        t: Trigger,
        consumed: &mut Vec<usize>,
        in_party: &dyn Fn(usize) -> bool,
        verbs: &[Option<(&VerbEntry, usize)>],
        is_verb: &dyn Fn(usize) -> bool,
        present: &HashSet<&str>,
    ) -> Trigger {
        let Some((entry, _)) = verbs[t.first] else {
            return t;
        };
        let alleges = self.dict.blocks[entry.block].alleges;
        let found = if alleges {
            that_clause_verb(ws, t.extent, in_party, verbs)
        } else if &t.code[..2] != "01" {
            infinitive_complement(ws, t.extent, in_party, verbs, is_verb)
        } else {
            None
        };
        let Some(k) = found else {
            return t;
        };
        // "condemned Berlin's decision to expel": the act belongs to the noun's possessor
        if !alleges && possessed_noun_before(ws, k) {
            return t;
        }
        let Some((lower_entry, lower_last)) = verbs[k] else {
            return t;
        };
        let mut used = Vec::new();
        let Some(lower) = self.code_verb(
            ws,
            k,
            lower_last,
            lower_entry,
            &mut used,
            in_party,
            is_verb,
            present,
        ) else {
            return t;
        };
        // an allegation against another party accuses it; one's own act is claimed
        let upper = match alleges {
            true if (t.extent + 1..k).any(in_party) => "110",
            true => "010",
            false => t.code.as_str(),
        };
        // only a request, intent, demand, rejection or threat takes its content's code
        // ("pressured Obama to help" is coercion, not aid)
        // and a threat of coercion or protest stays a threat (CAMEO 13)
        let threat_of_act = &t.code[..2] == "13" && self.table.high_level(&lower.code);
        let intent = &t.code[..2] == "03" && !alleges;
        let combined = (alleges || (GOVERNING_ROOTS.contains(&&t.code[..2]) && !threat_of_act))
            .then(|| self.table.combine(upper, &lower.code))
            .flatten()
            // "pledged to expel": an intent the internal ontology does not combine is coded as
            // its act would be when planned (CAMEO 13 for conflict; for cooperation, 03x in
            // place of an unspecified 030, keeping a pattern's own "agreed to a ceasefire" 0356)
            .or_else(|| {
                // a commitment to act is coded as the act made conditional: 03x for
                // cooperation, 13x for conflict ("pledged to impose sanctions" 131, where a
                // plain "will impose sanctions" keeps its 16)
                let planned = self.table.code_with_status(&lower.code, "conditional");
                let specific = planned.starts_with("13") || t.code == "030";
                (intent && planned != lower.code && specific).then(|| planned.to_string())
            });
        // "refused to meet" 125, "declined to send aid" 122: a plain rejection of an act the
        // internal ontology leaves at 120 is coded as that act negated (cameo_status.tsv)
        let combined = match combined.as_deref() {
            None | Some("120") => {
                refusal_of(&t.code, self.table.code_with_status(&lower.code, "negated"))
                    .or(combined)
            }
            _ => combined,
        };
        if alleges && combined.is_none() {
            // "claimed that X helped Y": a report of what X did
            return t;
        }
        consumed.extend(used);
        Trigger {
            // a verb that governs an act it combines with is no bare verb ("voted to impose")
            bare: t.bare && combined.is_none(),
            code: combined.unwrap_or_else(|| t.code.clone()),
            extent: lower.extent.max(lower_last),
            intent,
            ..t
        }
    }

    /// Whether a verb entry's own code has a root that governs the verbs of its clause.
    fn governs(&self, verb: Option<(&VerbEntry, usize)>) -> bool {
        verb.and_then(|(e, _)| {
            e.code
                .clone()
                .unwrap_or_else(|| self.dict.blocks[e.block].code.clone())
        })
        .is_some_and(|c| c.len() >= 2 && GOVERNING_ROOTS.contains(&&c[..2]))
    }

    /// Whether the parse gives the verb at `w` a subject that is a meeting noun ("talks",
    /// "summit": the `reciprocal` nouns), which is an event, not an actor.
    fn event_noun_subject(&self, parse: &Parse, w: &Word) -> bool {
        parse
            .token_at(w.span.start)
            .and_then(|v| parse.child(v, &["nsubj"]))
            .is_some_and(|s| {
                let norm = parse.token(s).text.to_lowercase();
                self.dict
                    .nouns
                    .get(noun_key(&norm))
                    .is_some_and(|es| es.iter().any(|e| e.reciprocal && e.words.len() == 1))
            })
    }

    /// Codes the verb at `first..=last`: the best pattern, a support verb's noun, or its default.
    fn code_verb(
        &self,
        ws: &[Word],
        first: usize,
        last: usize,
        entry: &VerbEntry,
        consumed: &mut Vec<usize>,
        in_party: &dyn Fn(usize) -> bool,
        is_verb: &dyn Fn(usize) -> bool,
        present: &HashSet<&str>,
    ) -> Option<Trigger> {
        // "asked whether …", "asked: “Will Putin invade?”": a question, not an appeal
        if entry.words.len() == 1 && entry.words[0] == "ask" && asks_question(ws, last) {
            return None;
        }
        let block = &self.dict.blocks[entry.block];
        let mut best: Option<(&Pattern, Vec<usize>)> = None;
        for p in block.patterns_for(&entry.words) {
            // a pattern whose words are not all in the sentence cannot match
            let words_present = p.before.iter().chain(&p.after).all(|it| match it {
                PatItem::Word(w) => present.contains(w.as_str()) || present.contains(noun_key(w)),
                _ => true,
            });
            if !words_present {
                continue;
            }
            if let Some(used) = self.match_pattern(p, ws, first, last, in_party, is_verb) {
                let n = p.before.len() + p.after.len();
                if best
                    .as_ref()
                    .is_none_or(|(b, _)| b.before.len() + b.after.len() < n)
                {
                    best = Some((p, used));
                }
            }
        }
        let be_passive = is_passive(ws, first, &|w| self.dict.forms.contains_key(w))
            || reduced_passive(ws, first, in_party);
        let passive = be_passive || victim_verb(entry);
        // "150 prisoners were released": a passive's subject is the object its patterns name
        // and it wins over a pattern matched on the words after the passive verb, which name
        // its agent or circumstances ("diplomats were expelled by Berlin" 161, as active)
        if be_passive {
            // the longest; of equals the first, so the block's own win a tie, as above
            let mut by_subject: Option<(&Pattern, Vec<usize>)> = None;
            for p in block.patterns_for(&entry.words) {
                if let Some(u) = self.match_passive_subject(p, ws, first) {
                    if by_subject
                        .as_ref()
                        .is_none_or(|(b, _)| b.after.len() < p.after.len())
                    {
                        by_subject = Some((p, u));
                    }
                }
            }
            let items = |p: &Pattern| p.before.len() + p.after.len();
            if let Some((sp, su)) = by_subject {
                if best.as_ref().is_none_or(|(b, _)| items(b) <= items(sp)) {
                    best = Some((sp, su));
                }
            }
        }
        if let Some((p, used)) = best {
            consumed.extend(used.iter().copied());
            let code = p.code.clone()?;
            let end = used
                .iter()
                .copied()
                .filter(|&k| k > last)
                .max()
                .unwrap_or(last);
            // "agreed to lift sanctions" 0354: an intent pattern that names the act it governs
            let intent = code.starts_with("03")
                && p.after.first() == Some(&PatItem::Word("to".into()))
                && ws.get(last + 1).is_some_and(|w| w.norm == "to")
                && is_verb(last + 2);
            return Some(Trigger {
                reciprocal: block.reciprocal || code_is_consult(p.code.as_deref()),
                passive,
                extent: end,
                // "held talks with": the pattern's object is a reciprocal event noun
                via_noun: used
                    .iter()
                    .any(|&k| self.noun_at(ws, k).is_some_and(|(n, _)| n.reciprocal)),
                needs_target: block.needs_target,
                intent,
                ..Trigger::over(first, last, code)
            });
        }
        // a support verb takes its code from the event noun it governs ("held talks")
        if let Some(t) = self.support_noun(ws, first, last, consumed) {
            return Some(Trigger { passive, ..t });
        }
        let code = entry.code.clone().unwrap_or_else(|| block.code.clone())?;
        Some(Trigger {
            reciprocal: block.reciprocal || code_is_consult(Some(&code)),
            passive,
            needs_target: block.needs_target,
            bare: block.bare_needs_target,
            ..Trigger::over(first, last, code)
        })
    }

    /// "signed a defence pact with Somalia", "clashed with Tajik forces": a partner verb
    /// (data/events/partner_verbs.txt) whose "with" object is the target party.
    fn partner_with(&self, ws: &[Word], t: &Trigger, tp: &Party) -> bool {
        let partner_verb = self
            .lemmas(&ws[t.first].norm)
            .iter()
            .any(|l| PARTNER_VERBS.contains(l));
        partner_verb && with_object(ws, t.last, tp)
    }

    /// "Modi invited Putin", "was ready to continue contacts with": a trigger verb, or the word
    /// governing its infinitive, that keeps a mutual act one side's
    /// (data/events/one_sided_words.txt).
    fn one_sided(&self, ws: &[Word], t: &Trigger) -> bool {
        let trigger = self
            .lemmas(&ws[t.first].norm)
            .iter()
            .any(|l| ONE_SIDED_WORDS.contains(l));
        let governor = t.first >= 2
            && ws[t.first - 1].norm == "to"
            && ONE_SIDED_WORDS.contains(&ws[t.first - 2].norm);
        trigger || governor
    }

    /// Whether the word at `first` is a support verb ("held", "launched", "carried out").
    fn is_support_verb(&self, ws: &[Word], first: usize) -> bool {
        self.lemmas(&ws[first].norm).iter().any(|l| {
            self.dict.support.get(l).is_some_and(|rests| {
                rests.iter().any(|r| {
                    r.iter()
                        .enumerate()
                        .all(|(k, p)| ws.get(first + 1 + k).is_some_and(|w| word_eq(p, &w.norm)))
                })
            })
        })
    }

    fn support_noun(
        &self,
        ws: &[Word],
        first: usize,
        last: usize,
        consumed: &mut Vec<usize>,
    ) -> Option<Trigger> {
        if !self.is_support_verb(ws, first) {
            return None;
        }
        for k in last + 1..(last + 6).min(ws.len()) {
            // the noun must be the verb's object: no clause break, preposition or actor before it
            let w = ws[k].norm.as_str();
            if CLAUSE_BREAKS.contains(&w)
                || w == ","
                || PLACE.contains(&w)
                || OBJECT_STOPS.contains(&w)
            {
                break;
            }
            if let Some((n, nlast)) = self.noun_at(ws, k) {
                consumed.extend(k..=nlast);
                return Some(Trigger {
                    reciprocal: n.reciprocal,
                    extent: nlast,
                    via_noun: true,
                    ..Trigger::over(first, last, n.code.clone())
                });
            }
        }
        None
    }

    /// "Moscow wants peace. It wants guarantees": a pronoun subject the actors stage left
    /// unresolved continues the subject (an actor opening the sentence) of one of the three
    /// sentences before.
    fn carried_subject(
        &self,
        input: &CodeInput,
        sentence: Span,
        ws: &[Word],
        t: &Trigger,
    ) -> Option<Party> {
        let k = (0..t.first).rev().find(|&k| {
            !ADVERBS.contains(&ws[k].norm.as_str()) && !AUX.contains(&ws[k].norm.as_str())
        })?;
        if !matches!(ws[k].norm.as_str(), "it" | "he" | "she" | "they") {
            return None;
        }
        let before: Vec<Span> = input
            .sentences
            .iter()
            .filter(|s| s.end <= sentence.start)
            .rev()
            .take(3)
            .copied()
            .collect();
        for prev in before {
            let pw = words(input.body, prev);
            // the subject: an actor among the first words of the sentence
            let first = parties(input.body, &pw, prev, input.mentions)
                .into_iter()
                .next();
            if let Some(p) = first.filter(|p| p.first <= 4) {
                // a person is named in two words or more ("Sergei Ryabkov", not "Moscow")
                let is_person = p
                    .name
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .count()
                    >= 2;
                let fits = match ws[k].norm.as_str() {
                    "it" => !is_person,
                    "he" | "she" => is_person,
                    _ => true,
                };
                if fits {
                    return Some(Party {
                        first: k,
                        last: k,
                        ..p
                    });
                }
            }
        }
        None
    }

    /// Roles of an event noun with no party of its own, held by the subject of the support verb
    /// it is the object of ("Hizbollah declared a unilateral ceasefire", "forces launched
    /// artillery and rocket fire against"); with the parse, only a direct object counts.
    fn support_roles(
        &self,
        input: &CodeInput,
        ws: &[Word],
        ps: &[Party],
        t: &Trigger,
    ) -> Option<(Option<Party>, Option<Party>, bool)> {
        let is_support = |k: usize| self.is_support_verb(ws, k);
        let verb = match input.parse {
            Some(parse) => super::parsed::support_verb_of(parse, ws, t.last, &is_support)?,
            None => support_verb_before(ws, ps, t.first, &is_support)?,
        };
        let v = Trigger {
            first: verb,
            last: verb,
            noun: false,
            passive: is_passive(ws, verb, &|w| self.dict.forms.contains_key(w)),
            ..t.clone()
        };
        let irregular = |w: &str| self.dict.forms.contains_key(w);
        let (source, _) = verb_roles(ws, ps, &v, t.code[..2] >= *"15", None, &irregular);
        let parsed = input
            .parse
            .and_then(|p| super::parsed::verb_roles(p, ws, ps, verb, dateline_end(input.body, ws)));
        let source = parsed.and_then(|r| r.source).or(source);
        let target = noun_target(ws, ps, t.last, NOUN_TARGET).or_else(|| demanded_party(ws, ps, t));
        Some((Some(source?), target, t.reciprocal))
    }

    fn events_for(
        &self,
        input: &CodeInput,
        sentence: Span,
        ws: &[Word],
        ps: &[Party],
        t: &Trigger,
        verb_before: Option<&Trigger>,
    ) -> Vec<Event> {
        let root = &t.code[..2];
        // a claim of responsibility is about an act of violence: its target may be the
        // place struck, as the act's own ("claimed the bombing in Kenya")
        let material_conflict = root >= "15" || t.code == "015";
        let parsed = match (t.demand || t.noun || t.via_noun, input.parse) {
            (false, Some(parse)) => {
                let dateline = dateline_end(input.body, ws);
                super::parsed::verb_roles(parse, ws, ps, t.first, dateline)
            }
            _ => None,
        };
        // "three soldiers died in a Turkish drone attack": the subject suffers the act, as a
        // passive's does; the agent is named by "by" or by the act of violence
        let victim = !(t.demand || t.noun || t.via_noun)
            && self
                .verb_at(ws, t.first)
                .is_some_and(|(e, _)| victim_verb(e));
        let parsed = parsed.map(|r| match victim {
            true => super::parsed::ParsedRoles {
                source: None,
                target: r.source,
                passive: true,
                ..r
            },
            false => r,
        });
        let passive = t.passive || parsed.as_ref().is_some_and(|r| r.passive);
        let (source, target, reciprocal) = if t.demand {
            match self.demand_roles(input, ws, ps, t) {
                Some((s, a)) => (Some(s), Some(a), false),
                None => return Vec::new(),
            }
        } else if t.noun {
            match noun_roles(ws, ps, t).or_else(|| self.support_roles(input, ws, ps, t)) {
                Some(r) => r,
                None => return Vec::new(),
            }
        } else {
            let irregular = |w: &str| self.dict.forms.contains_key(w);
            // "Putin met Xi in Beijing and then flew to Pyongyang": the first verb's subject
            let shared = verb_before
                .filter(|v| {
                    !v.passive
                        && (self.shares_subject(ws, ps, t.first)
                            || self.purpose_infinitive(ws, ps, v, t))
                })
                .and_then(|v| {
                    verb_roles(ws, ps, v, material_conflict, None, &irregular)
                        .0
                        // "It said … and blamed Yerevan": the pronoun subject carried over
                        .or_else(|| self.carried_subject(input, sentence, ws, v))
                });
            let (s, tg) = verb_roles(ws, ps, t, material_conflict, shared, &irregular);
            let (s, tg) = match parsed {
                // a passive the patterns missed: their subject is the target
                Some(r) if r.passive && !t.passive => (r.source, r.target.or(s)),
                // "the militant group that has seized parts of Iraq": not the sentence's subject
                Some(r) if r.partyless_relative => (None, r.target.or(tg)),
                // the parse may take a dateline for the subject ("UNITED NATIONS, Nov 18
                // (Reuters) - Russia vetoed"): the word order's subject then
                Some(r) => {
                    let dateline = dateline_end(input.body, ws);
                    let src = r.source.filter(|p| ws[p.first].span.start >= dateline);
                    (src.or(s), r.target.or(tg))
                }
                None => (s, tg),
            };
            let s = s
                .or_else(|| speaker_party(input, ws, t, ps))
                .or_else(|| self.carried_subject(input, sentence, ws, t));
            // "Syria is not a safe place to visit": nobody named visits (roles.rs)
            let s = s.filter(|_| !predicate_infinitive(ws, t.first, t.last));
            (s, tg, t.reciprocal)
        };
        // "Ukraine received F-16 jets from Denmark": the giver acts on the receiver
        let (source, target) = match (source, target) {
            (Some(s), Some(g)) if received_from(ws, t, &g) => (Some(g), Some(s)),
            (s, g) => (s, g),
        };
        // "Pakistan said India attacked its territory": the owner named before the source
        let target = target.or_else(|| owner_of_object(ws, ps, t, source.as_ref()));
        // "were killed in Israeli shelling": the act of violence names the agent
        let source = source.or_else(|| {
            let violence = |k: usize| {
                self.noun_at(ws, k)
                    .is_some_and(|(n, _)| n.code[..2] >= *"17")
            };
            (passive && root >= "17")
                .then(|| means_agent(ws, ps, t.last, &violence))
                .flatten()
        });
        // "twelve people were killed in Kabul", "attended a summit in Switzerland": a place
        // stands for a side the sentence leaves open (places.rs)
        let placed = super::places::place_sides(
            ws,
            ps,
            &super::places::Act {
                code: &t.code,
                first: t.first,
                last: t.extent.max(t.last),
                passive,
                noun: t.noun,
            },
            source.as_ref(),
            target.as_ref(),
        );
        let source = source.or(placed.source);
        let target = placed.target.or(target);
        // "crowds burned down the embassy, a senior Lebanese official said": the speaker after
        // the comma reports the verb's act; it is not its target (an event noun in an opening
        // phrase, "After the NATO meeting, Russian officials said", may have it for a side)
        let target = target.filter(|p| {
            t.noun
                || t.via_noun
                || p.first <= t.last
                || !attribution_speaker(ws, p, &|k| self.speech_cue_at(ws, k))
        });
        let t = &Trigger {
            code: placed.code.map_or_else(|| t.code.clone(), str::to_string),
            ..t.clone()
        };
        let root = &t.code[..2];
        // a place hosts a visit; it does not meet anyone ("attended a summit in Switzerland")
        let reciprocal = reciprocal && placed.code.is_none();
        // the code the trigger names, before its status recodes it ("will meet" 036 is a 040)
        let joint_code = MUTUAL_CODES.iter().any(|c| t.code.starts_with(c));
        // "Russia and the US exchanged prisoners at Ankara airport in a swap mediated by
        // Turkey, the largest exchange between the two countries": two parties acting together
        // act on each other, not on the venue, the mediator or "the two countries" they are
        let target = match &source {
            Some(s) if (reciprocal || joint_code) && s.actors.len() > 1 => target.filter(|tp| {
                place_preposition(ws, tp, PLACE).is_none()
                    && !agent_after_by(ws, tp)
                    && !names_both_sides(tp)
            }),
            _ => target,
        };
        // "three soldiers were killed": violence with a known target and no named agent
        let agentless =
            source.is_none() && (passive || placed.victims) && root >= "17" && target.is_some();
        let (source, target) = match (source, agentless) {
            (Some(s), _) => (s, target),
            (None, true) => match target {
                Some(tg) => (
                    Party {
                        actors: Vec::new(),
                        ..tg.clone()
                    },
                    Some(tg),
                ),
                None => return Vec::new(),
            },
            (None, false) => return Vec::new(),
        };
        // a person named in the subject ("the Parliament's president, Roberta Metsola,
        // condemned what she called") is the source, whatever pronoun stands for them later
        let in_subject = |a: &EventActor| {
            citizen(a)
                && !source.actors.is_empty()
                && source.last < t.first
                && named_between(ws, source.first, t.first, a)
        };
        let target = target
            .map(|tp| Party {
                actors: tp
                    .actors
                    .iter()
                    .filter(|a| !in_subject(a))
                    .cloned()
                    .collect(),
                ..tp
            })
            .filter(|tp| {
                !tp.actors.is_empty()
                    && !tp
                        .actors
                        .iter()
                        .all(|a| source.actors.iter().any(|s| self_target(a, s)))
            });
        // a denial is aimed at its accuser, whom the article context finds ("denied the
        // accusation"); a stance its pattern names ("claimed responsibility", "expressed
        // concern") has none (untargeted_codes.txt), a bare verb ("worried") is no event
        let stance = UNTARGETED_CODES.contains(&t.code) && t.extent > t.last;
        let untargeted_ok = ((UNTARGETED_ROOTS.contains(&root) || t.code == DENIAL || stance)
            && !t.needs_target)
            || (reciprocal && source.actors.len() > 1);
        if target.is_none() && !untargeted_ok {
            return Vec::new();
        }
        // "Japan has a lot to offer": a `bare-needs-target` verb with no pattern needs a target or a
        // compound source ("Brazil and the US agreed to boost trade"); an object pronoun
        // ("pressed them to end the fighting") is a target the article context resolves
        let pronoun_object = ws
            .get(t.last + 1)
            .is_some_and(|w| super::stage::OBJECT_PRONOUNS.contains(&w.norm.as_str()));
        // "Azerbaijan criticised the sale": a reaction to an act the context finds the author of
        let reaction_to_act = matches!(root, "05" | "11" | "12")
            && input
                .body
                .get(ws[t.last].span.end..)
                .is_some_and(super::stage::points_to_an_act);
        if target.is_none()
            && t.bare
            && source.actors.len() < 2
            && !pronoun_object
            && !reaction_to_act
        {
            return Vec::new();
        }
        // "Oklahoma City isn't hurting for coffee shops": a city or region alone acts on no one
        if target.is_none() && super::places::only_place(ws, &source) {
            return Vec::new();
        }
        // as PETRARCH, a countryless agent ("rebels") is a party of a dyadic event only
        if target.is_none() && countryless_agents(&source)
            || source.actors.is_empty() && target.as_ref().is_some_and(countryless_agents)
        {
            return Vec::new();
        }
        let trigger_span = Span::new(ws[t.first].span.start, ws[t.last].span.end);
        let is_past = |w: &str| self.past_form(w);
        let unnamed = without_party_words(ws, ps);
        let status = match status(&self.dict.cues, &unnamed, t.first, t.last, t.noun, &is_past) {
            EventStatus::Occurred if t.intent => EventStatus::Planned,
            s => s,
        };
        // "the dam would not harm Egypt", "troops did not fire": violence that did not happen
        // is no event (a refusal to act is coded by its refusal verb)
        if status == EventStatus::Negated && NEGATED_NO_EVENT.contains(&root) {
            return Vec::new();
        }
        let (date, date_from) = date_for(input, sentence, trigger_span);
        let reported_by = reporter(&self.dict, input, ws, ps, t, trigger_span);
        let Ok(evidence) = TextSpan::from_body(input.body, sentence) else {
            return Vec::new();
        };
        let trigger = TextSpan::from_body(input.body, trigger_span).ok();
        let status_name = status.as_str();
        let table_status = match status {
            EventStatus::Planned if committed(&self.dict.cues, ws, t.first) => "conditional",
            _ => status_name,
        };
        let coded = self
            .table
            .code_with_status(&t.code, table_status)
            .to_string();
        let t = &Trigger {
            code: coded,
            ..t.clone()
        };
        let root = &t.code[..2];
        let info = self.table.get(&t.code);
        let plover = self
            .table
            .plover_with_status(&t.code, table_status)
            .map(|p| Plover {
                category: p.category.clone(),
                mode: p.mode.clone(),
            });
        let make =
            |s: &EventActor, tg: Option<&EventActor>, all_t: &[EventActor], recip: bool| Event {
                code: t.code.clone(),
                root: root.to_string(),
                quad_class: info.map_or(0, |i| i.quad_class),
                goldstein: info.map_or(0.0, |i| i.goldstein),
                plover: plover.clone(),
                source: Some(s.clone()),
                target: tg.cloned(),
                date,
                date_from: date_from.clone(),
                status,
                reported_by: reported_by.clone(),
                evidence: evidence.clone(),
                sources: source.actors.clone(),
                targets: all_t.to_vec(),
                reciprocal: recip,
                trigger: trigger.clone(),
            };
        let mut out = Vec::new();
        if source.actors.is_empty() {
            for tg in target.iter().flat_map(|tp| tp.actors.iter()) {
                let mut e = make(tg, Some(tg), &[], false);
                e.source = None;
                e.sources.clear();
                out.push(e);
            }
            return out;
        }
        let mutual = MUTUAL_ROOTS.contains(&root);
        match &target {
            Some(tp) => {
                // talks with someone are held by both sides, and so are a meeting, a call, a
                // signed pact or a clash "with" them (data/events/mutual_codes.txt,
                // partner_verbs.txt)
                let both_ways = (reciprocal && (t.noun || t.via_noun))
                    || (joint_status(status)
                        && !passive
                        && !tp.place
                        && !self.one_sided(ws, t)
                        && (joint_code || self.partner_with(ws, t, tp)));
                for s in &source.actors {
                    for tg in tp.actors.iter().filter(|a| !self_target(a, s)) {
                        // "met both delegations": a side only the article context resolves
                        // (a countryless group) acts back once it is read, not here
                        let named = tg.country.is_some() || (reciprocal && (t.noun || t.via_noun));
                        let back_too = both_ways && named;
                        push_new(
                            &mut out,
                            make(s, Some(tg), &tp.actors, reciprocal || back_too),
                        );
                        if back_too {
                            let mut back = make(tg, Some(s), &source.actors, true);
                            back.sources = tp.actors.clone();
                            push_new(&mut out, back);
                        }
                    }
                }
            }
            // "fighting between Armenia and Azerbaijan": the sides named by "between" act on
            // each other, whatever the act
            None if (reciprocal || mutual || between_sides(ws, &source))
                && source.actors.len() > 1 =>
            {
                for s in &source.actors {
                    for tg in source.actors.iter().filter(|a| !same(a, s)) {
                        out.push(make(s, Some(tg), &source.actors, reciprocal));
                    }
                }
            }
            None => {
                for s in &source.actors {
                    out.push(make(s, None, &[], false));
                }
            }
        }
        out
    }
}

/// Whether the party is the object of "between" ("fighting between Armenia and Azerbaijan",
/// "clashes between the Indian and Chinese troops").
/// Whether the word "to" at `found`, matched by a coded pattern that is just "_ to" (a verb
/// of motion or speech toward a party: "fly to", "protest to"), is an infinitive marker: followed
/// by a verb of the dictionary ("protested to demand" is no "protest _ to"). Patterns with more
/// words ("_ week to") or with no code ("want _ to") are meant for the infinitive.
fn infinitive_marker(
    p: &Pattern,
    ws: &[Word],
    found: usize,
    in_party: &dyn Fn(usize) -> bool,
    is_verb: &dyn Fn(usize) -> bool,
) -> bool {
    let next = found + 1;
    let only_to =
        p.before.is_empty() && matches!(p.after.as_slice(), [PatItem::Word(w)] if w == "to");
    only_to
        && p.code.is_some()
        && next < ws.len()
        && is_verb(next)
        && !ws[next].cap
        && !in_party(next)
}

/// Whether the party word at `k`, in a pattern's gap `at..found`, modifies the noun at `found`
/// after an article: "withdrew from the Paris climate agreement" names no side in "Paris".
fn noun_modifier(ws: &[Word], at: usize, k: usize, found: usize) -> bool {
    let article = (at..k)
        .rev()
        .find(|&j| matches!(ws[j].norm.as_str(), "the" | "a" | "an"));
    article.is_some_and(|j| {
        !is_preposition(&ws[found].norm)
            && (j + 1..found)
                .all(|x| !ws[x].is_punct() && ws[x].norm != "and" && !is_preposition(&ws[x].norm))
    })
}

fn between_sides(ws: &[Word], party: &Party) -> bool {
    object_of(ws, party, "between")
}

/// Prepositions whose object is the parties of a joint act ("talks between", "among").
const BETWEEN: &[&str] = &["between", "among", "amongst"];

/// Whether the party is the object of "between" (or "among"), directly or as the owner of
/// the people it names: "between Kyiv and Moscow", "between the heads of the two countries'
/// security services", "between officials from Armenia and Azerbaijan".
fn between_object(ws: &[Word], party: &Party) -> bool {
    (1..=5).any(|k| {
        party.first >= k
            && BETWEEN.contains(&ws[party.first - k].norm.as_str())
            && (k == 1 || matches!(ws[party.first - 1].norm.as_str(), "of" | "from"))
            && ws[party.first - k + 1..party.first]
                .iter()
                .all(|w| !w.is_punct() && !w.cap && !BETWEEN.contains(&w.norm.as_str()))
    })
}

/// Whether the party is the agent after "by" ("mediated by Turkey", "hosted by the UAE").
fn agent_after_by(ws: &[Word], party: &Party) -> bool {
    object_of(ws, party, "by")
}

/// Whether the preposition `prep` stands right before the party, or before "the" and it.
fn object_of(ws: &[Word], party: &Party, prep: &str) -> bool {
    let before = |k: usize| {
        k.checked_sub(1)
            .and_then(|j| ws.get(j))
            .map(|w| w.norm.as_str())
    };
    match before(party.first) {
        Some("the") => before(party.first - 1) == Some(prep),
        w => w == Some(prep),
    }
}

/// Whether every actor of the party is the "both sides" / "the two countries" placeholder
/// (data/actors/organizations.txt) the article context resolves.
fn names_both_sides(party: &Party) -> bool {
    party
        .actors
        .iter()
        .all(|a| a.country.is_none() && a.actor_id.as_deref() == Some("BOTH-SIDES"))
}

/// Adds `e` unless `out` has it already: "talks between Russia and Ukraine" names each side as
/// source and target, and each direction comes once, not once per side.
fn push_new(out: &mut Vec<Event>, e: Event) {
    let key = |x: &Event| {
        let id = |a: Option<&EventActor>| a.map(|a| (a.actor_id.clone(), a.name.clone()));
        (x.code.clone(), id(x.source.as_ref()), id(x.target.as_ref()))
    };
    let k = key(&e);
    if !out.iter().any(|x| key(x) == k) {
        out.push(e);
    }
}

/// Whether an event of this status is one of both parties: a meeting that took place or is
/// set ("will meet next week"); an offer or a wish to meet is one side's.
fn joint_status(status: EventStatus) -> bool {
    matches!(status, EventStatus::Occurred | EventStatus::Planned)
}

/// Whether the party `tp` is the object of a "with" after the trigger's last word (within
/// three words: "with his Lithuanian counterpart"), with no infinitive or clause break between
/// ("agreed to cooperate with China" is one side's promise) and no possessive after it
/// ("agreed with China's position" agrees with a view).
fn with_object(ws: &[Word], after: usize, tp: &Party) -> bool {
    let Some(with) = (after + 1..tp.first).rev().find(|&k| ws[k].norm == "with") else {
        return false;
    };
    let possessive = ws
        .get(tp.last + 1)
        .is_some_and(|w| matches!(w.norm.as_str(), "'s" | "’s" | "'" | "’"));
    tp.first - with <= 3
        && !possessive
        && !ws[after + 1..with]
            .iter()
            .any(|w| w.norm == "to" || w.norm == "," || CLAUSE_BREAKS.contains(&w.norm.as_str()))
}

/// Codes whose act is one act of both parties (data/events/mutual_codes.txt).
static MUTUAL_CODES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    super::codes::data_lines(MUTUAL_CODES_FILE)
        .map(|(_, l)| l.trim())
        .collect()
});
pub(crate) const MUTUAL_CODES_FILE: &str = include_str!("../../../../data/events/mutual_codes.txt");
/// Verbs whose "with" object is the other party of a joint act (data/events/partner_verbs.txt).
static PARTNER_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(PARTNER_VERBS_FILE));
pub(crate) const PARTNER_VERBS_FILE: &str =
    include_str!("../../../../data/events/partner_verbs.txt");

/// Words that keep a mutual act one side's (data/events/one_sided_words.txt).
static ONE_SIDED_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(ONE_SIDED_WORDS_FILE));
pub(crate) const ONE_SIDED_WORDS_FILE: &str =
    include_str!("../../../../data/events/one_sided_words.txt");

/// Roots whose negated act is no event: coercion and violence (CAMEO 17–20).
const NEGATED_NO_EVENT: &[&str] = &["17", "18", "19", "20"];

/// Whether the infinitive at `k` follows a possessed noun ("Berlin's decision to", "its plan
/// to"): the possessor, not the governing verb's subject, is the one who acts.
fn possessed_noun_before(ws: &[Word], k: usize) -> bool {
    k >= 4
        && ws[k - 1].norm == "to"
        && matches!(
            ws[k - 3].norm.as_str(),
            "'s" | "’s" | "its" | "their" | "his" | "her"
        )
}

/// "summoned the French ambassador, Anne Boillon, to protest": an infinitive after the object
/// of a disapproval (CAMEO 11: summoning, complaining) and its apposition, with no verb
/// between, is the purpose of that act, not an act of the object.
fn purpose_of_disapproval(
    ws: &[Word],
    last: Option<&Trigger>,
    to: usize,
    verbs: &[Option<(&VerbEntry, usize)>],
) -> bool {
    let Some(t) = last else {
        return false;
    };
    ws[to].norm == "to"
        && !t.noun
        && t.code.starts_with("11")
        && to > t.extent
        && to <= t.extent + PURPOSE_REACH
        && ws[to - 1].norm == ","
        && (t.extent + 1..to).all(|j| ws[j].is_punct() || verbs[j].is_none())
}

/// How many words after a disapproval its purpose infinitive may stand.
const PURPOSE_REACH: usize = 8;

/// The rejection code for a plain rejection (120) of an act whose negation is a more specific
/// rejection (12x).
fn refusal_of(upper: &str, negated: &str) -> Option<String> {
    (upper == "120" && negated.starts_with("12") && negated != "120").then(|| negated.to_string())
}

/// "a deal negotiated by Qatar", "the hostages freed by Hamas": a participle right after its
/// noun with a party as its agent after "by" reports an act of that agent (a reduced passive),
/// though it describes the noun rather than heading the clause.
fn agent_participle(ws: &[Word], i: usize, in_party: &dyn Fn(usize) -> bool) -> bool {
    ws.get(i + 1).is_some_and(|n| n.norm == "by")
        && !in_party(i)
        && reduced_passive(ws, i, in_party)
}

/// The participle whose agent a party is, named after "by" ("an agreement mediated by Qatar").
fn agent_of_participle(ws: &[Word], p: &Party) -> Option<usize> {
    (1..=3).find_map(|k| {
        let by = p.first.checked_sub(k)?;
        let v = &ws.get(by.checked_sub(1)?)?.norm;
        (ws[by].norm == "by"
            && ws[by + 1..p.first]
                .iter()
                .all(|w| !w.is_punct() && !w.cap && w.norm != "by")
            && (v.ends_with("ed") || v.ends_with("en")))
        .then_some(by - 1)
    })
}

/// Whether a party is the agent of a participle inside a prepositional phrase after the verb
/// ("released hostages under an agreement mediated by Qatar"): no object of that verb. The
/// agent of a participle describing the object itself stays its target ("condemned the
/// sanctions imposed by the EU").
fn agent_in_phrase(ws: &[Word], p: &Party, verb_last: usize) -> bool {
    agent_of_participle(ws, p).is_some_and(|v| {
        v > verb_last + 1
            && ws[verb_last + 1..v]
                .iter()
                .any(|w| MODIFIER_BREAKS.contains(&w.norm.as_str()) || w.norm == "under")
    })
}

/// A party with the party coordinated right after it ("by Turkey and the UAE"), one side.
fn with_coordinated(ws: &[Word], p: &Party, others: &[&Party]) -> Party {
    let next = others.iter().find(|q| {
        q.first > p.last + 1
            && ws[p.last + 1].norm == "and"
            && ws[p.last + 2..q.first].iter().all(|w| w.norm == "the")
    });
    match next {
        Some(q) => Party {
            actors: p.actors.iter().chain(&q.actors).cloned().collect(),
            last: q.last,
            ..p.clone()
        },
        None => p.clone(),
    }
}

/// The target of a reduced passive ("the hostages freed by Hamas"): the party the participle
/// describes, right before it; else a party after its agent ("aid pledged by Japan to
/// Ukraine"); else, for a deal's negotiator or mediator, the parties of the clause before it.
fn reduced_target(ws: &[Word], t: &Trigger, before: &[&Party], after: &[&Party]) -> Option<Party> {
    let described = before.iter().rev().find(|p| {
        ws[p.last + 1..t.first]
            .iter()
            .all(|w| !w.is_punct() && !w.cap)
            && t.first - p.last <= 2
    });
    if let Some(p) = described {
        return Some((*p).clone());
    }
    // a prepositional object, not a second agent ("mediated by Turkey and the UAE")
    if let Some(p) = after
        .iter()
        .find(|p| !after_by(ws, p) && preceded_by(ws, p, NOUN_TARGET))
    {
        return Some((*p).clone());
    }
    if !BETWEEN_ROOTS.contains(&&t.code[..2]) && t.code != "045" {
        return None;
    }
    // the parties of the clause: not a place ("at Ankara airport"); a dateline's city and
    // agency are no parties at all (`parties` leaves them out)
    let sides: Vec<&Party> = before
        .iter()
        .copied()
        .filter(|p| !p.place && !preceded_by(ws, p, PLACE))
        .collect();
    let first = sides.first()?;
    let actors = sides
        .iter()
        .flat_map(|p| p.actors.iter().cloned())
        .collect();
    Some(Party {
        actors,
        ..(*first).clone()
    })
}

/// Verbs of receiving (data/events/receipt_verbs.txt), whose "from" party is the giver.
static RECEIPT_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(RECEIPT_VERBS_FILE));
pub(crate) const RECEIPT_VERBS_FILE: &str =
    include_str!("../../../../data/events/receipt_verbs.txt");

/// Whether a receipt verb's object party `g` is its giver ("received jets from Denmark"): the
/// sides then swap. A hosted visit ("received a delegation from Iraq", CAMEO 04) keeps them.
fn received_from(ws: &[Word], t: &Trigger, g: &Party) -> bool {
    !t.noun
        && !t.passive
        && !t.code.starts_with("04")
        && RECEIPT_VERBS.contains(&ws[t.first].norm)
        && g.first > t.last
        && preceded_by(ws, g, &["from"])
}

/// Roots of acts done to a thing "its"/"their" owns that are acts on its owner (coercion,
/// assault, fighting, mass violence): a state rarely strikes its own airport.
const OWNER_TARGET_ROOTS: &[&str] = &["17", "18", "19", "20"];

/// The owner of "its"/"their" right after an act of force (within a preposition: "struck its
/// airport", "the strikes on its nuclear facilities"): the nearest party before the act with a
/// country other than the source's ("Syria said Israeli jets struck its airport"); none for
/// "its own" (the source's own) or when no such party is named.
fn owner_of_object(
    ws: &[Word],
    ps: &[Party],
    t: &Trigger,
    source: Option<&Party>,
) -> Option<Party> {
    let source = source?;
    if !OWNER_TARGET_ROOTS.contains(&&t.code[..2]) || moves_forces(&t.code) {
        return None;
    }
    let at = (t.extent.max(t.last) + 1..(t.extent.max(t.last) + 3).min(ws.len()))
        .take_while(|&k| {
            ws[k].norm == "its"
                || ws[k].norm == "their"
                || NOUN_TARGET.contains(&ws[k].norm.as_str())
        })
        .find(|&k| ws[k].norm == "its" || ws[k].norm == "their")?;
    if ws.get(at + 1).is_some_and(|w| w.norm == "own") {
        return None;
    }
    let other = |p: &&Party| {
        !p.place
            && p.last < source.first.min(t.first)
            && p.actors.iter().all(|a| {
                a.country.is_some() && source.actors.iter().all(|s| s.country != a.country)
            })
    };
    ps.iter().filter(other).last().cloned()
}

/// How many words after an event noun its prepositional party may stand when only directions,
/// kinds of place or determiners come between ("strikes on the northern Syrian city of Aleppo").
const NOUN_OBJECT_REACH: usize = 7;

/// Roots of acts between the parties of a deal, which a reduced passive's mediator or
/// negotiator acts towards ("freed two Americans in a deal negotiated by Qatar").
const BETWEEN_ROOTS: &[&str] = &["04"];

/// Conjunctions opening a clause about an earlier act, which a request, intent or threat
/// before them does not govern.
const PAST_SUBORDINATORS: &[&str] = &["after", "since"];

/// Cooperative roots where a compound subject without a target acts on each other ("Brazil and
/// the US agreed to deepen ties"), as in PETRARCH.
const MUTUAL_ROOTS: &[&str] = &["03", "04", "05", "06"];

/// Codes of moving or readying one's forces (CAMEO 15 force posture, 062 military
/// cooperation: "mobilized the army", "sent military experts to"), whose object is the
/// subject's own forces rather than a target.
fn moves_forces(code: &str) -> bool {
    code.starts_with("15") || code == "062"
}

/// A party of unnamed forces: military agent nouns without a country ("troops", "the army").
fn unnamed_forces(p: &Party) -> bool {
    countryless_agents(p) && p.actors.iter().all(|a| a.sector.as_deref() == Some("MIL"))
}

/// A party named only by agent nouns without a country ("rebels", "the police"; the actor
/// stage gives them the id `---` + sector, PETRARCH's code).
fn countryless_agents(p: &Party) -> bool {
    !p.actors.is_empty()
        && p.actors.iter().all(|a| {
            a.country.is_none()
                && a.actor_id
                    .as_deref()
                    .is_some_and(|id| id.starts_with("---"))
        })
}

/// A target that is the source itself: the same country, unless both name different sectors
/// (a government acting on its own military or opposition) or the target is a named person
/// outside the state ("Russia jailed Navalny", "a Zimbabwean court freed Evan Mawarire": a
/// state acting on one of its citizens). A state's own official stays the state ("U.S.
/// President Trump expressed surprise at a story about his fundraising": "his" is no target).
fn self_target(target: &EventActor, source: &EventActor) -> bool {
    if citizen(target) && target.actor_id != source.actor_id {
        return false;
    }
    match (&target.sector, &source.sector) {
        (Some(a), Some(b)) if a != b => false,
        _ => same(target, source),
    }
}

/// A named person of a country who holds no office of a state or organisation (an opposition
/// leader, an activist; a name only the NER found, an organisation, has no country).
fn citizen(a: &EventActor) -> bool {
    let person = a.country.is_some() && a.actor_id.as_deref().is_some_and(person_id);
    person
        && a.sector
            .as_deref()
            .is_none_or(|s| CITIZEN_SECTORS.contains(&s))
}

/// A person's id: the knowledge base's name slug ("alexei-navalny") or the name patterns'
/// "local:" one; other ids are CAMEO-style codes ("RUSGOV") or carry another prefix.
fn person_id(id: &str) -> bool {
    let slug = id.strip_prefix("local:").unwrap_or(id);
    slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether the last word of the actor's name stands among the words `from..to`.
fn named_between(ws: &[Word], from: usize, to: usize, a: &EventActor) -> bool {
    let Some(last) = a.name.split_whitespace().last() else {
        return false;
    };
    let last = last.to_lowercase();
    let end = to.min(ws.len());
    ws[from.min(end)..end].iter().any(|w| w.norm == last)
}

/// CAMEO agent sectors outside a state's or an organisation's offices: a person of one (an
/// opposition leader, a former official, a rebel commander, an activist) is a party of their
/// own; one holding an office ("GOV", "MIL", "EU") acts as its state or organisation.
const CITIZEN_SECTORS: &[&str] = &[
    "OPP", "ELI", "REB", "INS", "UAF", "CVL", "CRM", "BUS", "EDU", "MED", "LAB", "REL", "HRI",
    "JRN", "NGO", "REF",
];

/// Words that open a clause of their own between two verbs.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "and", "but", "or", "after",
    "before", "while", "because", "if", "as",
];
/// Possessives before a noun ("Berlin's decision", "its plan").
const POSSESSIVES: &[&str] = &["'s", "’s", "its", "their", "his", "her"];
/// Prepositions whose noun an infinitive after them completes ("for its efforts to").
const NOUN_COMPLEMENT_PREPS: &[&str] = &["for", "of"];
/// Auxiliaries and modals: a word after them is in a verb position.
const AUX: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "did", "does",
    "do", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "'ll", "am",
];
/// Words that can stand between a subject and its verb without ending the subject.
const ADVERBS: &[&str] = &[
    "also",
    "not",
    "n't",
    "never",
    "still",
    "already",
    "now",
    "then",
    "further",
    "again",
    "just",
    "once",
    "later",
    "today",
    "yesterday",
    "recently",
    "repeatedly",
    "reportedly",
    "allegedly",
];
/// Time words that can stand between a subject and its verb ("Israel on Tuesday reduced",
/// "the army last week shelled") (data/events/time_words.txt).
pub(super) static TIME_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(TIME_WORDS_FILE));
pub(crate) const TIME_WORDS_FILE: &str = include_str!("../../../../data/events/time_words.txt");
/// How many words a subject's head noun may follow its actor ("Russian aircraft including
/// helicopter gunships").
const SUBJECT_REACH: usize = 5;
/// Copulas (data/events/copulas.txt), as the verb of a stance adjective.
static COPULA_FORMS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(super::roles::COPULAS_FILE));
/// Stance adjectives and their codes ("is skeptical of" 012): data/events/stance_adjectives.txt.
static STANCE_ADJECTIVES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    super::codes::data_lines(STANCE_ADJECTIVES_FILE)
        .filter_map(|(_, l)| l.split_once('\t'))
        .map(|(code, word)| (word.trim(), code.trim()))
        .collect()
});
pub(crate) const STANCE_ADJECTIVES_FILE: &str =
    include_str!("../../../../data/events/stance_adjectives.txt");
/// Words that may stand between a copula and its stance adjective ("is not very optimistic").
const DEGREE_WORDS: &[&str] = &["very", "so", "more", "less", "quite", "rather", "too"];
/// Verbs whose gerund complement is the act ("began withdrawing"): data/events/aspect_verbs.txt.
static ASPECT_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(ASPECT_VERBS_FILE));
pub(crate) const ASPECT_VERBS_FILE: &str = include_str!("../../../../data/events/aspect_verbs.txt");
/// Subject words that are not actor mentions (data/events/subject_pronouns.txt).
pub(super) static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(PRONOUNS_FILE));
pub(crate) const PRONOUNS_FILE: &str = include_str!("../../../../data/events/subject_pronouns.txt");

/// Punctuation inside an actor's name ("U.S.", "US-Russia") is part of it.
fn in_party_word(w: &Word) -> bool {
    w.norm == "-" || w.norm == "/"
}

/// A past participle or gerund: -ed, -en, -ing, or a listed irregular form.
fn looks_participle(w: &str, is_irregular: &dyn Fn(&str) -> bool) -> bool {
    w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing") || is_irregular(w)
}

fn is_quote_mark(w: &str) -> bool {
    matches!(
        w,
        "“" | "”" | "\"" | "'" | "‘" | "’" | "(" | ")" | "«" | "»"
    )
}

/// Whether the word at `i` stands where a verb does: after a subject (an actor, a pronoun, or a
/// noun phrase headed close after an actor), after an auxiliary or "to", with adverbs between.
/// Words elsewhere ("discussed arms control", "substantive, direct") are read as nouns or
/// adjectives, never as event verbs.
fn verb_position(
    ws: &[Word],
    i: usize,
    in_party: &dyn Fn(usize) -> bool,
    is_verb: &dyn Fn(usize) -> bool,
    is_irregular: &dyn Fn(&str) -> bool,
) -> bool {
    let mut k = i;
    let mut saw_aux = false;
    while k > 0 {
        k -= 1;
        let w = ws[k].norm.as_str();
        let time_on = matches!(w, "on" | "this" | "late" | "early" | "last" | "next" | "in")
            && ws.get(k + 1).is_some_and(|n| {
                ADVERBS.contains(&n.norm.as_str())
                    || TIME_WORDS.contains(&n.norm)
                    || n.norm.chars().all(|c| c.is_ascii_digit())
            });
        // "on 15 October", "October 15": a day number beside a month
        let day_number = w.chars().all(|c| c.is_ascii_digit())
            && [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .any(|j| {
                    ws.get(j)
                        .is_some_and(|n| crate::time::MONTHS.contains(&n.norm.as_str()))
                });
        if is_quote_mark(w)
            || ADVERBS.contains(&w)
            || TIME_WORDS.contains(w)
            || time_on
            || day_number
            // "Italy", "Kelly": a party's word ending in -ly is a subject, not an adverb
            || (w.len() > 4 && w.ends_with("ly") && !in_party(k))
        {
            continue;
        }
        // "began withdrawing", "resumed shelling": the gerund is the act, as after an auxiliary
        if ASPECT_VERBS.contains(w) && ws[i].norm.ends_with("ing") && !saw_aux {
            saw_aux = true;
            continue;
        }
        if AUX.contains(&w) {
            // after a form of "be" only a participle is a verb ("is ready" is not)
            let be = matches!(
                w,
                "is" | "are" | "was" | "were" | "am" | "be" | "been" | "being"
            );
            if be && !saw_aux && !looks_participle(&ws[i].norm, is_irregular) {
                return false;
            }
            saw_aux = true;
            continue;
        }
        if saw_aux || in_party(k) || PRONOUNS.contains(w) || w == "to" || w == "and" {
            return true;
        }
        // "Kenzo Oshima, the UN relief coordinator, demanded": an appositive after the subject
        if w == "," {
            let open = (k.saturating_sub(10)..k).rev().find(|&j| ws[j].norm == ",");
            return open.is_some_and(|j| {
                j > 0
                    && (in_party(j - 1)
                        || ws[j - 1].norm == ")"
                        || named_appositive(ws, j, k, in_party, is_verb))
                    && (j + 1..k).all(|x| !is_verb(x))
            }) || (k > 0
                && ws[k - 1].norm == ")"
                && (k.saturating_sub(6)..k).any(in_party));
        }
        // a subject noun phrase ending in a plain word, with an actor at most 3 words before
        let plain = ws[k].norm.chars().all(|c| c.is_alphanumeric() || c == '-');
        let head_ok = !is_verb(k) || (ws[k].norm.ends_with('s') && !ws[k].norm.ends_with("ss"));
        let subject_party = (k.saturating_sub(SUBJECT_REACH)..k)
            .rev()
            .find(|&j| in_party(j));
        return plain
            && head_ok
            && subject_party.is_some_and(|j| {
                // "violations by Algerian security forces": a plural noun, not a verb, ends a
                // noun phrase after a preposition
                let plural_noun =
                    plural_like(&ws[i].norm) && after_preposition(ws, j, in_party, SUBJECT_PREPS);
                // "killed in Israeli tank shelling": a gerund there is a noun too
                let gerund_noun = ws[i].norm.ends_with("ing")
                    && after_preposition(ws, j, in_party, GERUND_NOUN_PREPS);
                !plural_noun
                    && !gerund_noun
                    && (j + 1..k).all(|x| in_party(x) || !is_verb(x))
                    && !ws[j..=k].iter().any(|x| {
                        x.is_punct()
                            && x.norm != "'s"
                            && !in_party_word(x)
                            && !is_quote_mark(&x.norm)
                    })
            })
            && !matches!(
                w,
                "of" | "for" | "as" | "from" | "with" | "in" | "on" | "at" | "by"
            );
    }
    saw_aux
}

/// "The former chief minister of the state, Omar Abdullah, condemned", "Critics, including the
/// European Commission, accuse": an appositive between the commas at `open` and `close` that
/// names a party, after a subject noun phrase that starts the sentence (no verb and no other
/// comma before it, so "After Iran attacked, Israel, ..." is no appositive; nor is a number's
/// comma in "deported 1,086 Myanmar migrants, breaking").
fn named_appositive(
    ws: &[Word],
    open: usize,
    close: usize,
    in_party: &dyn Fn(usize) -> bool,
    is_verb: &dyn Fn(usize) -> bool,
) -> bool {
    const SUBJECT_REACH_BEFORE: usize = 8;
    let finite =
        |k: usize| AUX.contains(&ws[k].norm.as_str()) || (is_verb(k) && ws[k].norm.ends_with("ed"));
    open <= SUBJECT_REACH_BEFORE
        && (open + 1..close).any(in_party)
        && !(0..open).any(finite)
        && !ws[open - 1].norm.chars().all(|c| c.is_ascii_digit())
        && ws[..open].iter().all(|w| !w.is_punct() || w.norm == "'s")
        && ws[..open]
            .first()
            .is_some_and(|w| !opens_clause(&w.norm) && !is_preposition(&w.norm))
}

/// Words that open an adverbial phrase at the start of a sentence ("In Kabul, ...").
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "following"
            | "despite"
            | "amid"
            | "meanwhile"
            | "however"
            | "since"
            | "for"
            | "with"
            | "from"
            | "by"
            | "under"
    )
}

/// Whether the party word at `j` starts after a preposition ("by Algerian forces"), or
/// after a determiner that follows one ("against the Russian army").
fn after_preposition(
    ws: &[Word],
    j: usize,
    in_party: &dyn Fn(usize) -> bool,
    preps: &[&str],
) -> bool {
    let mut k = j;
    while k > 0 && in_party(k - 1) {
        k -= 1;
    }
    let mut before = k.checked_sub(1);
    if let Some(b) = before.filter(|&b| matches!(ws[b].norm.as_str(), "the" | "a" | "an")) {
        before = b.checked_sub(1);
    }
    before.is_some_and(|b| preps.contains(&ws[b].norm.as_str()))
}

/// Prepositions after which a party and a gerund make a noun phrase ("in Israeli shelling",
/// "during Russian shelling"), not a subject and its verb.
const GERUND_NOUN_PREPS: &[&str] = &[
    "by", "against", "between", "among", "toward", "towards", "in", "during", "from", "under",
    "amid", "after", "before", "of", "since",
];

/// Prepositions whose object is not the subject of a verb right after it ("of" is: "a unit of
/// Bangladeshi troops arrived").
const SUBJECT_PREPS: &[&str] = &["by", "against", "between", "among", "toward", "towards"];

/// "forces", "patrols": a form that is a plural noun as often as a verb.
fn plural_like(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss")
}

/// Whether the parse reads the word as a verb of a clause (not an auxiliary, nor a participle
/// modifying a noun); None where no token starts at the word.
fn parsed_verb(parse: &Parse, w: &Word) -> Option<bool> {
    let tok = parse.token(parse.token_at(w.span.start)?);
    Some(
        tok.tag.starts_with("VB")
            && !matches!(tok.dep.as_str(), "amod" | "compound" | "aux" | "auxpass" | "prep")
            // "delegations headed by": a participle after its noun; "plans to invade" stays
            && !(tok.dep == "acl" && tok.tag != "VB"),
    )
}

/// Whether word `k` is the preposition of a time phrase ("called Zelensky on Monday", "met in
/// March"), which is no pattern's particle ("call _ on" is an appeal).
fn opens_time_phrase(ws: &[Word], k: usize) -> bool {
    matches!(ws[k].norm.as_str(), "on" | "upon" | "in" | "at")
        && ws.get(k + 1).is_some_and(|n| TIME_WORDS.contains(&n.norm))
}

/// Whether word `k`, which ends like a nationality adjective, is a surname: the word
/// ending its party after a capitalised title or given name ("Iranian President Pezeshkian", "Italian Prime
/// Minister Giorgia Meloni"), where a nationality adjective opens the party ("Indian") or
/// follows a word of its own name ("South Korean", "Saudi Arabian").
fn name_after_title(ws: &[Word], ps: &[Party], k: usize) -> bool {
    // the party's last word: a surname ends the name ("Abdel Fattah al-Sisi")
    ps.iter().any(|p| p.first + 2 <= k && k == p.last)
        && ws[k - 1].cap
        && !is_adjective_form(&ws[k - 1].norm)
}

/// Whether the word before `k` is a quantity ("3 billion pounds", "300 rounds"), not a day of
/// a date ("his July 25 call with Zelensky", "the 25th call"): after a quantity a verb form is
/// a noun, after a date it keeps its reading.
fn quantity_before(ws: &[Word], k: usize) -> bool {
    let Some(number) = k.checked_sub(1).map(|j| &ws[j]) else {
        return false;
    };
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|end| {
        number.norm.ends_with(end) && number.norm.starts_with(|c: char| c.is_ascii_digit())
    });
    let after_month = k >= 2 && TIME_WORDS.contains(&ws[k - 2].norm);
    is_number(&number.norm) && !ordinal && !after_month
}

/// A number written in digits ("120", "$500", "1,000") or a number word of scale ("million").
fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        || matches!(
            w,
            "hundred" | "thousand" | "million" | "billion" | "trillion"
        )
}

/// "Russian", "Chinese", "Israeli", "British", "US-Russia": a party word that modifies a noun.
fn is_adjective_form(w: &str) -> bool {
    let name = NAMES_LIKE_ADJECTIVES.contains(w) || w.ends_with("stan");
    !name
        && (["an", "ese", "ish", "i", "ic"]
            .iter()
            .any(|s| w.ends_with(s))
            || w.contains('-')
            || w.contains('/'))
}

/// The sentence's words with the parties' words blanked, for the status cues: "Theresa May
/// criticised Russia" is no hypothetical ("may"), "Will Hurd" no plan.
fn without_party_words(ws: &[Word], ps: &[Party]) -> Vec<Word> {
    ws.iter()
        .enumerate()
        .map(|(k, w)| {
            let named = ps.iter().any(|p| p.first <= k && k <= p.last);
            Word {
                norm: if named { String::new() } else { w.norm.clone() },
                ..w.clone()
            }
        })
        .collect()
}

/// Verbs whose subject suffers the event ("died", "perished"): read as passives, their
/// subject is the target (data/events/victim_verbs.txt).
static VICTIM_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(VICTIM_VERBS_FILE));
pub(crate) const VICTIM_VERBS_FILE: &str = include_str!("../../../../data/events/victim_verbs.txt");

/// Whether a verb entry is one word of the victim verbs' list.
fn victim_verb(entry: &VerbEntry) -> bool {
    entry.words.len() == 1 && VICTIM_VERBS.contains(&entry.words[0])
}

/// Names that end like a nationality adjective but are nouns: "Iran accused", "Sudan lifted".
static NAMES_LIKE_ADJECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(NAMES_LIKE_ADJECTIVES_FILE));
pub(crate) const NAMES_LIKE_ADJECTIVES_FILE: &str =
    include_str!("../../../../data/events/names_like_adjectives.txt");

/// A rejection or concession with no target answers the latest request, proposal or threat made
/// of its source earlier in the article ("NATO urged Russia to de-escalate. Russian officials
/// refused"): that request's source becomes its target.
fn answer_targets(events: &mut [Event]) {
    for k in 0..events.len() {
        let answers = matches!(events[k].root.as_str(), "12" | "08") && events[k].target.is_none();
        let Some(src) = events[k].source.clone().filter(|_| answers) else {
            continue;
        };
        let asked = events[..k].iter().rev().find(|e| {
            matches!(e.root.as_str(), "02" | "03" | "10" | "13")
                && e.target.as_ref().is_some_and(|t| same(t, &src))
                && e.source.is_some()
        });
        if let Some(a) = asked.and_then(|a| a.source.clone()) {
            events[k].targets = vec![a.clone()];
            events[k].target = Some(a);
        }
    }
}

/// A pattern word matches a sentence word exactly or as the same noun ("talk" ~ "talks").
fn word_eq(pattern: &str, word: &str) -> bool {
    pattern == word || noun_key(pattern) == noun_key(word)
}

fn code_is_consult(code: Option<&str>) -> bool {
    code.is_some_and(|c| c.starts_with("04"))
}

/// "was presented", "were expelled", "was blown up": a form of "be" (perhaps with an adverb)
/// before a participle, regular or a listed irregular form (`is_irregular`; its "-s" and "-ing"
/// forms are not participles).
fn is_passive(ws: &[Word], first: usize, is_irregular: &dyn Fn(&str) -> bool) -> bool {
    let w = &ws[first].norm;
    let irregular = is_irregular(w) && !w.ends_with('s') && !w.ends_with("ing");
    let participle = w.ends_with("ed") || w.ends_with("en") || w.ends_with('t') || irregular;
    participle
        && (1..=2).any(|k| {
            first >= k
                && BE.contains(&ws[first - k].norm.as_str())
                && (k == 1 || ws[first - 1].norm.ends_with("ly") || ws[first - 1].norm == "also")
        })
}

/// Whether the verb at `i` is coordinated with a verb before it, with no subject of its own:
/// "and", "but" or "or" right before it, past adverbs and auxiliaries ("and then flew", "but
/// has not withdrawn").
fn coordinated(ws: &[Word], ps: &[Party], i: usize) -> bool {
    let in_party = |k: usize| ps.iter().any(|p| p.first <= k && k <= p.last);
    (0..i)
        .rev()
        .find(|&k| !ADVERBS.contains(&ws[k].norm.as_str()) && !AUX.contains(&ws[k].norm.as_str()))
        .is_some_and(|k| matches!(ws[k].norm.as_str(), "and" | "but" | "or") && !in_party(k))
}

/// Conjunctions that open an adverbial clause ("after Armenian forces attacked its positions").
const ADVERBIAL: &[&str] = &[
    "after", "before", "when", "because", "while", "since", "until", "although", "though", "if",
    "unless", "once", "whereas",
];

/// Whether the verb at `i` is in an adverbial clause: one of [`ADVERBIAL`] within the few words
/// before it, with no comma between.
fn in_adverbial_clause(ws: &[Word], i: usize) -> bool {
    (i.saturating_sub(5)..i)
        .rev()
        .take_while(|&k| !matches!(ws[k].norm.as_str(), "," | ";" | ":"))
        .any(|k| ADVERBIAL.contains(&ws[k].norm.as_str()))
}

/// Whether a party opens a subordinate clause ("plans that Russia has to …").
fn subordinate(ws: &[Word], p: &Party) -> bool {
    let before = (0..p.first).rev().find(|&k| ws[k].norm != "the");
    before.is_some_and(|k| {
        matches!(
            ws[k].norm.as_str(),
            "that" | "which" | "who" | "if" | "whether"
        )
    })
}

/// Whether the words after "ask" at `last` are a question: "whether"/"if" within the next three
/// words ("asked Russia whether"), or a colon there with a question mark later in the sentence
/// ("asked Russia: “Will you …?”").
fn asks_question(ws: &[Word], last: usize) -> bool {
    let next = &ws[last + 1..(last + 4).min(ws.len())];
    next.iter().any(|w| w.norm == "whether" || w.norm == "if")
        || (next.iter().any(|w| w.norm == ":") && ws[last + 1..].iter().any(|w| w.norm == "?"))
}

fn preceded_by(ws: &[Word], p: &Party, set: &[&str]) -> bool {
    p.first > 0 && set.contains(&ws[p.first - 1].norm.as_str())
}

/// The agent of a passive: a party after "by", perhaps with a determiner and an adjective
/// between ("was demolished by a Ukrainian protestor", "were attacked by the US").
fn after_by(ws: &[Word], p: &Party) -> bool {
    (1..=3).any(|k| {
        p.first >= k
            && ws[p.first - k].norm == "by"
            && ws[p.first - k + 1..p.first]
                .iter()
                .all(|w| !w.is_punct() && !w.cap && w.norm != "by")
    })
}

/// Source and target of a verb event from their positions around it.
fn verb_roles(
    ws: &[Word],
    ps: &[Party],
    t: &Trigger,
    material: bool,
    shared_subject: Option<Party>,
    is_irregular: &dyn Fn(&str) -> bool,
) -> (Option<Party>, Option<Party>) {
    // a dateline ("GAZA CITY, Palestinian Territories: Four children were killed") or a
    // heading before a colon is no subject of the clause after it
    let clause_start = (0..t.first)
        .rev()
        .find(|&k| matches!(ws[k].norm.as_str(), ";" | ":"))
        .map_or(0, |k| k + 1);
    let before: Vec<&Party> = ps
        .iter()
        .filter(|p| p.last < t.first && p.first >= clause_start)
        .collect();
    // "The deal, negotiated by Qatar, freed": a participle's agent is no subject; nor is a party
    // of a relative clause closed before the verb ("Hezbollah, which Iran backs, fired")
    let before: Vec<&Party> = before
        .into_iter()
        .filter(|p| agent_of_participle(ws, p).is_none())
        .filter(|p| !super::roles::in_closed_relative(ws, p, t.first))
        .collect();
    let subject = before
        .iter()
        .rev()
        .find(|p| place_preposition(ws, p, PLACE).is_none() && !after_by(ws, p))
        .or(before.last().filter(|p| may_name_a_side(ws, p, PLACE)))
        .map(|p| modifier_of_head(ws, ps, p).unwrap_or(p).clone());
    // "the civilians imprisoned for acting against Moscow were released": the subject is
    // the noun the participle describes
    let subject =
        participle_subject(ws, ps, clause_start, t.first, is_irregular).unwrap_or(subject);
    // in a relative clause the subject is the noun the clause describes
    let subject = relative_subject(ws, ps, t.first).unwrap_or(subject);
    let subject = shared_subject.or(subject);
    let limit = (t.last + 1 + TARGET_WINDOW).min(ws.len());
    let stop = (t.last + 1..limit)
        .find(|&k| CLAUSE_BREAKS.contains(&ws[k].norm.as_str()))
        .unwrap_or(limit);
    // the object is not inside a relative clause about a noun after the verb (up to the comma
    // that closes it: "deported children, most of whom grew up here, to Georgia")
    let in_relative = |x: usize| {
        (t.last + 1..x)
            .any(|k| opens_relative(ws, k) && !ws[k + 1..x].iter().any(|w| w.norm == ","))
    };
    let after: Vec<&Party> = ps
        .iter()
        .filter(|p| p.first > t.last && p.first < stop && !in_relative(p.first))
        .collect();
    if t.passive {
        if let Some(agent) = after.iter().find(|p| after_by(ws, p)) {
            let agent = &&with_coordinated(ws, agent, &after);
            if !is_passive(ws, t.first, is_irregular)
                && reduced_passive(ws, t.first, &|k| {
                    ps.iter().any(|p| p.first <= k && k <= p.last)
                })
            {
                return (
                    Some((*agent).clone()),
                    reduced_target(ws, t, &before, &after),
                );
            }
            return (Some((*agent).clone()), subject);
        }
        // "Israel is opposed to", "Russia is committed to": a participle read as an adjective
        // keeps its subject as the one who acts
        let adjectival = ws.get(t.last + 1).is_some_and(|w| w.norm == "to") && !material;
        if !adjectival {
            return (None, subject);
        }
    }
    let object = after
        .iter()
        .find(|p| {
            let own = subject.as_ref().is_some_and(|s| {
                p.actors
                    .iter()
                    .all(|a| s.actors.iter().any(|x| self_target(a, x)))
            });
            // "held talks in the Omani capital": a venue, not a counterpart (places.rs)
            let venue = preceded_by(ws, p, PLACE) || t.reciprocal && super::places::venue(ws, p);
            // "sent troops to X": unnamed forces moved are the source's own, no target
            let own_forces = moves_forces(&t.code) && unnamed_forces(p);
            !own && (material || !venue) && !agent_in_phrase(ws, p, t.last) && !own_forces
        })
        .map(|p| (*p).clone());
    (subject, object)
}

/// Roles of a noun event: "talks between A and B", "A-B talks", "Russia's invasion of Ukraine",
/// "the Russian buildup near Ukraine"; None when the noun has no party of its own.
fn noun_roles(
    ws: &[Word],
    ps: &[Party],
    t: &Trigger,
) -> Option<(Option<Party>, Option<Party>, bool)> {
    let within = |p: &Party, reach: usize| {
        p.first > t.last
            && p.first <= t.last + reach
            && ws[t.last + 1..p.first].iter().all(|w| !w.is_punct())
    };
    // "strikes on Gaza"; with a direction or a kind of place between, "strikes on northern
    // Iraq", "on the eastern city of Dnipro"
    let after = |set: &[&str]| {
        ps.iter()
            .find(|p| {
                p.first > t.last && p.first <= t.last + 4 && preceded_by(ws, p, set)
                    || within(p, NOUN_OBJECT_REACH)
                        && super::places::opened_by(ws, p.first, set)
                        && (t.last + 1..p.first).any(|k| super::places::place_word(&ws[k].norm))
            })
            .cloned()
    };
    // where an act of force struck, further on: "an air strike on a school in Gaza"
    let struck_place = || {
        ps.iter()
            .find(|p| within(p, NOUN_OBJECT_REACH) && super::places::opened_by(ws, p.first, PLACE))
            .cloned()
    };
    // "talks between Russia and Ukraine", "talks between the heads of the two countries'
    // security services" (the "both sides" the article context reads as its main pair)
    let next_between = ws
        .get(t.last + 1)
        .is_some_and(|w| BETWEEN.contains(&w.norm.as_str()));
    let between = after(BETWEEN).or_else(|| {
        ps.iter()
            .find(|p| {
                next_between && p.first > t.last && p.first <= t.last + 6 && between_object(ws, p)
            })
            .cloned()
    });
    if let Some(between) = between {
        if between.actors.len() > 1 || names_both_sides(&between) {
            return Some((Some(between), None, true));
        }
    }
    // a modifier right before the noun, allowing "'s" and up to two adjectives; a place there
    // says where ("their Geneva summit"), not who
    let modifier = ps
        .iter()
        .filter(|p| p.last < t.first && t.first - p.last <= 3 && !p.place)
        .find(|p| {
            ws[p.last + 1..t.first].iter().all(|w| {
                (!w.is_punct() || w.norm == "-" || w.norm == "/")
                    // "accused Russia of shelling": what the party is accused of, not its act
                    && !MODIFIER_BREAKS.contains(&w.norm.as_str())
            })
        })
        .cloned();
    let target = after(NOUN_TARGET)
        .or_else(|| demanded_party(ws, ps, t))
        .or_else(|| {
            if t.code.starts_with("19") || t.code.starts_with("15") || t.code.starts_with("18") {
                after(PLACE).or_else(struck_place)
            } else {
                None
            }
        });
    // "the chance of success from Russian/US negotiations", "besides direct US talks": a noun
    // phrase inside such a prepositional phrase mentions the event rather than reports it
    if let Some(m) = &modifier {
        let mentioned = (m.first.saturating_sub(3)..m.first)
            .rev()
            .take_while(|&k| !ws[k].is_punct())
            .any(|k| MENTION_PREPS.contains(&ws[k].norm.as_str()));
        if mentioned {
            return None;
        }
    }
    match modifier {
        // a meeting of one party with no counterpart named: the parties named together in the
        // sentence ("after the NATO meeting, both Russian and NATO officials said") took part
        Some(m) if t.reciprocal && target.is_none() => {
            let together = ps.iter().find(|p| {
                p.first > t.last
                    && p.actors.len() > 1
                    && m.actors.iter().any(|a| p.actors.iter().any(|b| same(a, b)))
            });
            match together {
                Some(p) => {
                    let others: Vec<EventActor> = p
                        .actors
                        .iter()
                        .filter(|b| !m.actors.iter().any(|a| same(a, b)))
                        .cloned()
                        .collect();
                    let tp = Party {
                        actors: others,
                        ..p.clone()
                    };
                    Some((Some(m), Some(tp), true))
                }
                None => Some((Some(m), None, true)),
            }
        }
        Some(m) => Some((Some(m), target, t.reciprocal)),
        None => None,
    }
}

/// The party a request noun's "that" clause asks to act: "their demand that Myanmar's military
/// government end violence", "a call that Israel withdraw" (the clause's subject, at most three
/// words after "that").
fn demanded_party(ws: &[Word], ps: &[Party], t: &Trigger) -> Option<Party> {
    if !t.code.starts_with("10") || ws.get(t.last + 1).is_none_or(|w| w.norm != "that") {
        return None;
    }
    let that = t.last + 1;
    ps.iter()
        .find(|p| {
            p.first > that
                && p.first <= that + 3
                && !ws[that + 1..p.first].iter().any(Word::is_punct)
        })
        .cloned()
}

/// Prepositions that end a party's reach as the modifier of an event noun after them.
const MODIFIER_BREAKS: &[&str] = &[
    "of", "for", "in", "on", "at", "to", "by", "with", "from", "against", "about", "over",
];

/// "March 14", "14 March": a capitalised month name beside a day number is a date, no verb or
/// event noun ("Russia's army March 3 shelled the city" holds no march).
fn is_dated_month(ws: &[Word], i: usize) -> bool {
    let day = |j: Option<usize>| {
        j.and_then(|j| ws.get(j)).is_some_and(|w| {
            !w.norm.is_empty() && w.norm.len() <= 2 && w.norm.chars().all(|c| c.is_ascii_digit())
        })
    };
    ws[i].cap
        && crate::time::MONTHS.contains(&ws[i].norm.as_str())
        && (day(Some(i + 1)) || day(i.checked_sub(1)))
}

/// The speaker's party for an event word inside a quote ("we will respond").
fn speaker_party(input: &CodeInput, ws: &[Word], t: &Trigger, ps: &[Party]) -> Option<Party> {
    let span = Span::new(ws[t.first].span.start, ws[t.last].span.end);
    let q = input.quotes.iter().find(|q| q.span.span().contains(span))?;
    let id = q.speaker.as_ref()?.actor_id.as_ref()?;
    let m = input
        .mentions
        .iter()
        .find(|m| m.actor.as_ref().is_some_and(|a| &a.id == id))?;
    let a = m.actor.as_ref()?;
    let _ = ps;
    let (country, sector) = crate::actors::cameo::event_country_sector(a);
    Some(Party {
        first: t.first,
        last: t.first,
        actors: vec![EventActor {
            name: a.name.clone(),
            actor_id: Some(a.id.clone()),
            country,
            sector,
        }],
        name: q
            .speaker
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        place: false,
    })
}

/// The date of the nearest time expression in the sentence, else the publication date.
fn date_for(
    input: &CodeInput,
    sentence: Span,
    trigger: Span,
) -> (Option<NaiveDate>, Option<String>) {
    let dist = |s: &Span| {
        if s.end <= trigger.start {
            trigger.start - s.end
        } else {
            s.start.saturating_sub(trigger.end)
        }
    };
    let nearest = input
        .times
        .iter()
        .filter(|(s, _)| sentence.contains(*s))
        .min_by_key(|(s, _)| dist(s));
    match nearest {
        Some((_, d)) => (Some(*d), Some("text".into())),
        None => match input.published {
            Some(d) => (Some(d), Some("published".into())),
            None => (None, None),
        },
    }
}

/// Who reports the event: the speaker of a quote around it, or "<party> said" before it.
fn reporter(
    dict: &Dictionary,
    input: &CodeInput,
    ws: &[Word],
    ps: &[Party],
    t: &Trigger,
    span: Span,
) -> Option<String> {
    if let Some(q) = input.quotes.iter().find(|q| q.span.span().contains(span)) {
        return q.speaker.as_ref().map(|s| s.name.clone());
    }
    let (cue_first, _) = speech_cue_before(&dict.cues, ws, t.first)?;
    ps.iter()
        .rev()
        .find(|p| p.last < cue_first && cue_first - p.last <= 4)
        .map(|p| p.name.clone())
}

/// The status every event of the given words would get; exposed for tests of the cue file.
pub fn status_of(dict: &Dictionary, body: &str, sentence: Span, trigger: Span) -> EventStatus {
    let ws = words(body, sentence);
    let first = ws
        .iter()
        .position(|w| w.span.overlaps(trigger))
        .unwrap_or(0);
    let last = ws
        .iter()
        .rposition(|w| w.span.overlaps(trigger))
        .unwrap_or(first);
    let is_past = |w: &str| past_form(dict, w);
    status(&dict.cues, &ws, first, last, false, &is_past)
}

/// Whether a word is a past-tense or participle form: "-ed", or an irregular form whose lemma
/// differs ("gave", "froze"; not "freezing", "freezes").
fn past_form(dict: &Dictionary, w: &str) -> bool {
    let irregular = !w.ends_with("ing")
        && !w.ends_with('s')
        && dict.forms.get(w).is_some_and(|lemma| lemma != w);
    (w.len() > 3 && w.ends_with("ed")) || irregular
}

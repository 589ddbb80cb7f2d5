//! The article as context for its events: who a side named only as "both sides" is, and whom
//! an event with no target in its sentence is aimed at.
//!
//! News prose names the counterpart of a dispute once and then leaves it implicit: "Pakistan
//! accused Kabul of sheltering militants. The Taliban denied the accusation and condemned the
//! air strikes." — the condemnation is aimed at Pakistan, the counterpart of the Taliban in the
//! sentences before. Two mechanisms, both over the dyads (source country, target country) the
//! coder found in the article itself:
//! * a side whose only actor is "both sides" / "the two countries" (`BOTH-SIDES` in
//!   data/actors/organizations.txt) stands for the two countries of the article's main dyad
//!   (the pair of countries most often coded together before the event, else anywhere in it):
//!   "China called on both sides to show restraint" is one event per country, and "the two
//!   governments signed an agreement" one event each way;
//! * an event of a directed root with a source country and no target takes the counterpart of
//!   its source: the country on the other side of the nearest dyad of that source in the same
//!   sentence or the three before ("Washington was disappointed and urged Moscow to ...").
//!
//! * an untargeted event whose verb takes an object pronoun ("pressed them to stop the
//!   fighting", "accused him of lying") is aimed at the target(s) of the nearest event of the
//!   same source in its sentence or the one before: "them" at all of a compound target.
//!
//! * a reaction to a thing ("Azerbaijan criticised the sale", "Hamas rejected it", "rejected
//!   as false") is aimed at the author of the act the thing is: the latest earlier event or
//!   word of that act (data/events/reference_nouns.tsv), whether or not its sentence coded an
//!   event ("France agreed to sell 24 Rafale jets to Armenia").
//!
//! Only dyads the coder found in the text count, never guessed ones, so an article that names
//! no counterpart keeps its events untargeted.
//!
//! Before those, a side that is a state's office, force or opposition with no country
//! ("Prime Minister Irakli Kobakhidze", "the police", "protesters") takes the article's home
//! country: wire copy names foreign officials with their nationality and leaves the dateline
//! country's own implicit ("TBILISI (Reuters) - Police detained 48 protesters"). The home
//! country is the dateline city's when it is also the country the article names most often,
//! so a story filed from a venue abroad ("VIENNA - Iran barred inspectors") has none.

use super::reference;
use parley_core::text::wire_dateline;
use parley_core::{EntityMention, Event, EventActor, Span};
use std::collections::HashMap;

/// The actor id of "both sides", "the two countries" (data/actors/organizations.txt).
const BOTH_SIDES: &str = "BOTH-SIDES";

/// Roots whose events are aimed at someone: an untargeted one is completed from context.
/// Not statements (01), investigations (09), force posture and violence (15, 18–20), whose
/// target is often a place, the people hurt or nobody.
const DIRECTED_ROOTS: &[&str] = &[
    "02", "03", "04", "05", "06", "07", "08", "10", "11", "12", "13", "14", "16", "17",
];

/// How many sentences before an event a dyad of its source may stand to lend it a target: as
/// far as the coder carries a pronoun subject back (`carried_subject`), since a quote of a
/// sentence or two often stands between a party's act and its next one.
const DYAD_REACH: usize = 3;

/// Resolves "both sides" and implicit targets of the article's events (in text order,
/// `sentences` the article's sentence spans).
pub(super) fn resolve(
    events: Vec<Event>,
    sentences: &[Span],
    body: &str,
    mentions: &[EntityMention],
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // the dyads of `out`, and the sentence of each: a "both sides" read as two countries is a
    // dyad for the events after it; a target taken from context is not
    let mut dyads: Vec<Option<Dyad>> = Vec::new();
    let mut at: Vec<usize> = Vec::new();
    let all: Vec<Option<Dyad>> = events.iter().map(Dyad::of).collect();
    let sentence: Vec<usize> = events
        .iter()
        .map(|e| sentence_of(sentences, e.evidence.start))
        .collect();
    for (i, e) in events.iter().enumerate() {
        let here = sentence[i];
        let own = drop_own_state(e);
        let e = own.as_ref().unwrap_or(e);
        let text = Text {
            body,
            sentences,
            mentions,
        };
        let mut expanded = authored_object(e, &text, &out);
        if expanded.is_empty() {
            expanded = both_sides(e, &dyads, &all, body);
            // "each side of the barbell": a "both sides" source the article has no pair of
            // countries to read as names no one
            if expanded.is_empty() && is_both_sides(e.source.as_ref()) {
                continue;
            }
        }
        if expanded.is_empty() {
            expanded = mutual(e, body);
        }
        if expanded.is_empty() {
            expanded = pronoun_object(e, body, here, &out, &at);
        }
        let news: Vec<(Event, Option<Dyad>)> = if expanded.is_empty() {
            let mut e = e.clone();
            let dyad = Dyad::of(&e);
            // the dyads before the event, then those of its own sentence after it
            let after = (i + 1..events.len())
                .take_while(|&j| sentence[j] == here)
                .map(|j| (all[j].as_ref(), here));
            let seen = dyads.iter().map(Option::as_ref).zip(at.iter().copied());
            if let Some(target) = implicit_target(&e, here, seen.chain(after)) {
                e.target = Some(target);
            }
            let appeals = appeal_to_disputants(&e, &dyads, &all);
            if appeals.is_empty() {
                vec![(e, dyad)]
            } else {
                appeals.into_iter().map(|x| (x, None)).collect()
            }
        } else {
            expanded
                .into_iter()
                .map(|x| (x.clone(), Dyad::of(&x)))
                .collect()
        };
        for (x, d) in news {
            out.push(x);
            dyads.push(d);
            at.push(here);
        }
    }
    out
}

/// Sectors of a state's own institutions and opposition: a side of one of these with no
/// country belongs to the article's home country. Not rebels, armed groups, criminals or
/// civilians, who in a conflict story are as often across the border.
const DOMESTIC_SECTORS: &[&str] = &["GOV", "COP", "MIL", "OPP", "LEG", "JUD", "SPY"];

/// The article's home country: the country of the dateline city ("TBILISI, Dec 2 (Reuters) -",
/// the first of "CAIRO/JERUSALEM"), found as a mention of that city elsewhere in the body,
/// when no other country is named as often in the article's actor mentions.
pub(super) fn home_country(body: &str, mentions: &[EntityMention]) -> Option<String> {
    let city = dateline_city(body)?;
    fn of(m: &EntityMention) -> Option<&str> {
        let c = m.actor.as_ref()?.country.as_deref()?;
        (c.len() == 3 && c != "IGO").then_some(c)
    }
    let home = mentions
        .iter()
        .find(|m| m.span.text.eq_ignore_ascii_case(city) && of(m).is_some())
        .and_then(of)?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for c in mentions.iter().filter_map(of) {
        *counts.entry(c).or_default() += 1;
    }
    let mine = counts.get(home).copied().unwrap_or_default();
    let rival = counts
        .iter()
        .filter(|(c, _)| **c != home)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or_default();
    (mine > rival).then(|| home.to_string())
}

/// The first city of a wire dateline opening the body ([`wire_dateline`]).
fn dateline_city(body: &str) -> Option<&str> {
    wire_dateline(body).and_then(|d| body.get(d.place))
}

/// The mentions with the home country given to every countryless agent group of a domestic
/// sector ("protesters", "security forces", "the government": ids `---` + sector), before
/// coding: the coder takes a countryless agent as a party of dyadic events only, so a home
/// group acting alone ("Riot police dispersed the crowd") would be lost before [`fill_home`].
/// Named people keep no country here: the coder reads a countryless name after a comma as an
/// apposition of the party before ("Russia's envoy, Ivan Petrov,").
pub(super) fn home_groups(mentions: &[EntityMention], home: &str) -> Vec<EntityMention> {
    let mut out = mentions.to_vec();
    for a in out.iter_mut().filter_map(|m| m.actor.as_mut()) {
        let domestic = a
            .sector
            .as_deref()
            .is_some_and(|s| DOMESTIC_SECTORS.contains(&s));
        if a.country.is_none() && domestic && a.id.starts_with("---") {
            a.country = Some(home.to_string());
        }
    }
    out
}

/// Sectors of a government and its army: "the junta", "the regime", "the military
/// government" stand for the owned group of one of these named before ("Niger's junta").
const RULING_SECTORS: &[&str] = &["GOV", "MIL"];

/// The mentions with each countryless government agent ("the junta", "the regime": id `---GOV`)
/// given the country of the group of a ruling sector the article named with its owner before
/// it ("sanctions on Niger's junta ... The junta denounced"): the nearest earlier such group
/// of the same word. Before coding, as [`home_groups`], since the
/// coder takes a countryless agent as a party of dyadic events only. An agent with no owned
/// group before it stays countryless.
pub(super) fn owned_agents(mentions: &[EntityMention]) -> Vec<EntityMention> {
    let ruling = |m: &EntityMention| {
        m.actor.as_ref().is_some_and(|a| {
            a.sector
                .as_deref()
                .is_some_and(|s| RULING_SECTORS.contains(&s))
        })
    };
    let owned = |m: &EntityMention| {
        ruling(m)
            && m.actor.as_ref().is_some_and(|a| {
                a.kind == "group" && a.country.is_some() && !a.id.starts_with("---")
            })
    };
    let mut out = mentions.to_vec();
    for i in 0..out.len() {
        let countryless = out[i]
            .actor
            .as_ref()
            .is_some_and(|a| a.country.is_none() && a.id == "---GOV");
        if !countryless {
            continue;
        }
        let word = out[i].span.text.to_lowercase();
        let start = out[i].span.start;
        let before: Vec<&EntityMention> = mentions
            .iter()
            .filter(|m| m.span.end <= start && owned(m))
            .collect();
        let same_word = before
            .iter()
            .filter(|m| m.span.text.to_lowercase().ends_with(&word))
            .max_by_key(|m| m.span.start);
        // the same word only: "the government" after "Russia's military" is as often the
        // reporting country's own
        let Some(country) = same_word.and_then(|m| m.actor.as_ref()?.country.clone()) else {
            continue;
        };
        if let Some(a) = out[i].actor.as_mut() {
            a.country = Some(country);
        }
    }
    out
}

/// Gives the home country to every side that is a domestic office, force or opposition
/// without a country of its own ([`DOMESTIC_SECTORS`]).
pub(super) fn fill_home(events: &mut [Event], home: &str) {
    let fill = |a: &mut EventActor| {
        let domestic = a
            .sector
            .as_deref()
            .is_some_and(|s| DOMESTIC_SECTORS.contains(&s));
        if a.country.is_none() && domestic {
            a.country = Some(home.to_string());
        }
    };
    for e in events {
        e.source.iter_mut().for_each(fill);
        e.target.iter_mut().for_each(fill);
        e.sources.iter_mut().for_each(fill);
        e.targets.iter_mut().for_each(fill);
    }
}

/// A verbal event of a state's organ (its news agency, ministry, army) aimed at that state as
/// a whole is a misread target, most often the subject of a clause it governs ("KCNA denounced
/// the summit and warned that Pyongyang would bolster its deterrent"): the event without it,
/// for the context to aim; `None` when the event has no such target.
fn drop_own_state(e: &Event) -> Option<Event> {
    let (s, t) = (e.source.as_ref()?, e.target.as_ref()?);
    let c = s.country.as_deref()?;
    let whole = t.country.as_deref() == Some(c) && t.actor_id.as_deref() == Some(c);
    let organ = s.sector.is_some() && s.actor_id.as_deref() != Some(c);
    if !(whole && organ && e.root.as_str() < "15") {
        return None;
    }
    let mut x = e.clone();
    x.target = None;
    x.targets.retain(|a| a.country.as_deref() != Some(c));
    Some(x)
}

/// Two sides with a country each, as the coder found them.
#[derive(Debug, Clone)]
struct Dyad {
    source: EventActor,
    target: EventActor,
}

impl Dyad {
    fn of(e: &Event) -> Option<Dyad> {
        let (s, t) = (e.source.as_ref()?, e.target.as_ref()?);
        let (sc, tc) = (s.country.as_deref()?, t.country.as_deref()?);
        (sc != tc).then(|| Dyad {
            source: s.clone(),
            target: t.clone(),
        })
    }

    /// The side across from a source of country `c`, if the dyad has `c` on one side.
    fn across(&self, c: &str) -> Option<&EventActor> {
        if self.source.country.as_deref() == Some(c) {
            Some(&self.target)
        } else if self.target.country.as_deref() == Some(c) {
            Some(&self.source)
        } else {
            None
        }
    }
}

/// The index of the sentence holding byte `at` (the last that starts at or before it).
pub(super) fn sentence_of(sentences: &[Span], at: usize) -> usize {
    sentences
        .iter()
        .rposition(|s| s.start <= at)
        .unwrap_or_default()
}

fn country(a: Option<&EventActor>) -> Option<&str> {
    a.and_then(|a| a.country.as_deref())
}

fn is_both_sides(a: Option<&EventActor>) -> bool {
    a.is_some_and(|a| a.country.is_none() && a.actor_id.as_deref() == Some(BOTH_SIDES))
}

/// The article's main pair of countries that leaves out `other` (the event's other side): the
/// pair coded together most often in `before`, else in `all`; the later pair on a tie.
fn main_pair(before: &[Option<Dyad>], all: &[Option<Dyad>], other: Option<&str>) -> Option<Dyad> {
    let pick = |dyads: &[Option<Dyad>]| {
        let mut counts: HashMap<(String, String), (usize, usize, Dyad)> = HashMap::new();
        for (k, d) in dyads.iter().enumerate() {
            let Some(d) = d else { continue };
            let (a, b) = (country(Some(&d.source))?, country(Some(&d.target))?);
            if other.is_some_and(|o| o == a || o == b) {
                continue;
            }
            let key = if a < b { (a, b) } else { (b, a) };
            let entry = counts
                .entry((key.0.to_string(), key.1.to_string()))
                .or_insert((0, k, d.clone()));
            entry.0 += 1;
            entry.1 = k;
        }
        counts
            .into_values()
            .max_by_key(|(n, last, _)| (*n, *last))
            .map(|(_, _, d)| d)
    };
    pick(before).or_else(|| pick(all))
}

/// One event per country of the main pair for an event whose source or target is "both
/// sides"; empty when it has no such side or the article has no pair to read it as.
fn both_sides(e: &Event, before: &[Option<Dyad>], all: &[Option<Dyad>], body: &str) -> Vec<Event> {
    let (src_both, tgt_both) = (
        is_both_sides(e.source.as_ref()),
        is_both_sides(e.target.as_ref()),
    );
    if src_both == tgt_both {
        return Vec::new();
    }
    let other = if src_both { &e.target } else { &e.source };
    let Some(pair) = main_pair(before, all, country(other.as_ref())) else {
        return Vec::new();
    };
    let sides = [pair.source, pair.target];
    let mut out = Vec::new();
    for (k, side) in sides.iter().enumerate() {
        let mut x = e.clone();
        if src_both {
            x.source = Some(side.clone());
            x.sources = sides.to_vec();
            // "the two governments signed an agreement", "both sides blamed each other for the
            // attack": each side with the other
            if e.target.is_none() || each_other(e, body) {
                x.target = Some(sides[1 - k].clone());
                x.targets = sides.to_vec();
            }
        } else {
            x.target = Some(side.clone());
            x.targets = sides.to_vec();
        }
        out.push(x);
    }
    out
}

/// Verbs whose compound subject acts on itself (data/events/mutual_verbs.txt).
static MUTUAL_VERBS: &str = include_str!("../../../../../data/events/mutual_verbs.txt");

/// Phrases after a trigger that make its compound subject act on itself
/// (data/events/mutual_complements.txt).
static MUTUAL_COMPLEMENTS: &str = include_str!("../../../../../data/events/mutual_complements.txt");

/// Whether a phrase of data/events/mutual_complements.txt follows the event's trigger ("failed
/// to reach an agreement"), as whole words.
fn mutual_complement(e: &Event, body: &str) -> bool {
    let Some(after) = e.trigger.as_ref().and_then(|t| body.get(t.end..)) else {
        return false;
    };
    let words: Vec<String> = after
        .split_whitespace()
        .take(6)
        .map(|w| w.to_lowercase())
        .collect();
    word_list(MUTUAL_COMPLEMENTS).any(|phrase| {
        let n = phrase.split_whitespace().count();
        n <= words.len()
            && phrase
                .split_whitespace()
                .zip(&words)
                .enumerate()
                .all(|(k, (p, w))| {
                    // the phrase's last word may end the clause ("failed to agree.")
                    let w = if k + 1 == n {
                        w.trim_end_matches(|c: char| !c.is_alphanumeric())
                    } else {
                        w.as_str()
                    };
                    p == w
                })
    })
}

/// The words of a one-word-a-line list, without comments and blank lines.
fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether "each other" or "one another" (or, after "each side", "the other") follows the
/// event's trigger: its object is the other members of its own compound side.
fn each_other(e: &Event, body: &str) -> bool {
    let Some(after) = e.trigger.as_ref().and_then(|t| body.get(t.end..)) else {
        return false;
    };
    let raw: Vec<&str> = after.split_whitespace().take(3).collect();
    let words: Vec<String> = raw
        .iter()
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        })
        .collect();
    // "with each side blaming the other": "the other" as a whole object, not "the other
    // parties"
    let whole_object = raw.len() < 3
        || raw[1].ends_with(|c: char| !c.is_alphabetic())
        || AFTER_OBJECT.contains(&words[2].as_str());
    match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["each", "other", ..] | ["one", "another", ..] => true,
        ["the", "other", ..] => whole_object,
        _ => false,
    }
}

/// A compound side of two or more countries acting on itself: "Pakistan and Afghanistan
/// accused each other", "Kyrgyz and Tajik forces clashed" (a verb of
/// data/events/mutual_verbs.txt, or a trigger before a phrase of mutual_complements.txt, with
/// no target). One event from the event's source to each
/// other country of its side; empty when the event is not such a one.
fn mutual(e: &Event, body: &str) -> Vec<Event> {
    let Some(c) = country(e.source.as_ref()) else {
        return Vec::new();
    };
    let others: Vec<EventActor> = e
        .sources
        .iter()
        .filter(|a| a.country.as_deref().is_some_and(|x| x != c))
        .cloned()
        .collect();
    if others.is_empty() {
        return Vec::new();
    }
    let verb = e
        .trigger
        .as_ref()
        .and_then(|t| t.text.split_whitespace().next())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let mutual_verb = e.target.is_none()
        && (word_list(MUTUAL_VERBS).any(|w| w == verb) || mutual_complement(e, body));
    if !(each_other(e, body) || mutual_verb) {
        return Vec::new();
    }
    others
        .iter()
        .map(|t| {
            let mut x = e.clone();
            x.target = Some(t.clone());
            x.targets = e.sources.clone();
            x.reciprocal = true;
            x
        })
        .collect()
}

/// Roots of appeals and demands, which a third party addresses to the parties of a dispute.
const APPEAL_ROOTS: &[&str] = &["02", "10"];

/// One event per country of the article's main pair for an untargeted appeal or demand of a
/// country that is party to none of the article's dyads: "China, which has close ties with
/// both neighbours, called for restraint" in a story of a Pakistani-Afghan clash is addressed
/// to both. Empty when the event has a target, another root, or the article no pair.
fn appeal_to_disputants(e: &Event, before: &[Option<Dyad>], all: &[Option<Dyad>]) -> Vec<Event> {
    let Some(c) = country(e.source.as_ref()) else {
        return Vec::new();
    };
    let party = all.iter().flatten().any(|d| d.across(c).is_some());
    if e.target.is_some() || !APPEAL_ROOTS.contains(&e.root.as_str()) || party {
        return Vec::new();
    }
    let Some(pair) = main_pair(before, all, Some(c)) else {
        return Vec::new();
    };
    aimed_at_each(e, &[pair.source, pair.target])
}

/// Object pronouns that stand for an earlier event's targets ("her" is as often a possessive,
/// "it" a dummy); the coder keeps a bare verb's event when one follows it.
pub(crate) const OBJECT_PRONOUNS: &[&str] = &["them", "him"];

/// The object pronoun right after an event's trigger (one of [`OBJECT_PRONOUNS`]).
fn object_pronoun(e: &Event, body: &str) -> Option<&'static str> {
    let t = e.trigger.as_ref()?;
    let word = body
        .get(t.end..)?
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()?;
    OBJECT_PRONOUNS.iter().copied().find(|&p| p == word)
}

/// One event per party an object pronoun stands for: the target(s) of the nearest event
/// before it (in `out`, each with its sentence in `at`) with the same source country, in the
/// event's sentence `here` or the one before; empty when there is none.
fn pronoun_object(e: &Event, body: &str, here: usize, out: &[Event], at: &[usize]) -> Vec<Event> {
    if e.target.is_some() {
        return Vec::new();
    }
    let (Some(pronoun), Some(c)) = (object_pronoun(e, body), country(e.source.as_ref())) else {
        return Vec::new();
    };
    let Some(prev) = (0..out.len())
        .rev()
        .take_while(|&j| at[j] + 1 >= here)
        .map(|j| &out[j])
        .find(|x| {
            country(x.source.as_ref()) == Some(c)
                && country(x.target.as_ref()).is_some_and(|t| t != c)
        })
    else {
        return Vec::new();
    };
    let targets: Vec<EventActor> = match (pronoun, prev.targets.len() > 1) {
        ("them", true) => prev
            .targets
            .iter()
            .filter(|t| t.country.as_deref().is_some_and(|t| t != c))
            .cloned()
            .collect(),
        _ => prev.target.iter().cloned().collect(),
    };
    aimed_at_each(e, &targets)
}

/// Roots of reactions to what another party did or said: praise, criticism, rejection (and
/// the denial code).
const REACTION_ROOTS: &[&str] = &["05", "11", "12"];
/// Determiners of an object that points back to something the article reported.
const POINTING: &[&str] = &["the", "this", "that", "these", "those"];
/// Words that may follow an object phrase that names no one ("condemned the sanctions as
/// illegal", "rejected the complaint, saying").
const AFTER_OBJECT: &[&str] = &[
    "as", "and", "for", "in", "on", "at", "but", "which", "that", "while", "after", "before",
    "over", "during", "saying", "calling",
];
/// How many letters an object noun and an earlier trigger share to be one act ("accusations"
/// and "accused", "sanctions" and "sanctioned"); a shorter noun must be whole ("visit").
const SHARED_STEM: usize = 5;

/// The noun of a reaction's object that points back to an act the article reported: "the
/// sanctions", "that charge", "the new complaint" right after the trigger, in lower case (a
/// capitalised word would name a party, which the coder reads), and ending the phrase.
fn pointing_object(e: &Event, body: &str) -> Option<String> {
    let t = e.trigger.as_ref()?;
    pointing_noun(body.get(t.end..)?)
}

/// Whether `rest`, the text after a reaction's trigger, opens with a pointing object whose
/// noun names a reported act (data/events/reference_nouns.tsv): the coder keeps such a
/// reaction without a target for the context to aim ("Azerbaijan criticised the sale").
pub(crate) fn points_to_an_act(rest: &str) -> bool {
    pointing_noun(rest).is_some_and(|n| reference::lookup(&n).is_some()) || objectless(rest)
}

/// Whether `rest`, the text after a reaction's trigger, leaves its object implicit ("rejected
/// as false", "dismissed as propaganda"): the act the article reported just before.
fn objectless(rest: &str) -> bool {
    rest.split_whitespace().next() == Some("as")
}

/// The noun of a pointing object at the start of `rest` ([`pointing_object`]).
fn pointing_noun(rest: &str) -> Option<String> {
    let mut words = rest
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    if first == "what" {
        return called_noun(words);
    }
    if !POINTING.contains(&first) {
        return None;
    }
    phrase_noun(words)
}

/// Verbs of "condemned what she called a sham trial": the speaker's name for the act.
const CALLING: &[&str] = &["called", "calls", "termed", "described"];

/// The noun of "what X called a sham trial", `words` after "what": a name the speaker gives
/// an act the article reported.
fn called_noun<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut words = words.take(8).skip_while(|w| !CALLING.contains(w));
    if words.next()? == "described" && words.next()? != "as" {
        return None;
    }
    let mut words = words.peekable();
    if words.next_if(|w| matches!(*w, "a" | "an")).is_none() {
        words.next_if(|w| *w == "the");
    }
    phrase_noun(words)
}

/// The head noun of a short object phrase after its determiner ("new complaint", "sanctions
/// as illegal"): up to three lower-case words, ended by punctuation or a word of
/// [`AFTER_OBJECT`].
fn phrase_noun<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut noun: Option<String> = None;
    for w in words.take(3) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if POINTING.contains(&bare) || matches!(bare, "a" | "an") {
            return None;
        }
        if bare.is_empty() || !bare.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return noun.filter(|_| AFTER_OBJECT.contains(&bare));
        }
        if noun.is_some() && AFTER_OBJECT.contains(&bare) {
            return noun;
        }
        noun = Some(bare.to_string());
        if bare.len() < w.len() {
            return noun; // punctuation ends the phrase
        }
    }
    None
}

/// Whether a reaction's object is "it" as a whole phrase ("Hamas rejected it on Tuesday",
/// "rejected it.", "refused to sign it", not "found it hard"): "it" right after the trigger or
/// its infinitive, then punctuation or a word of [`AFTER_OBJECT`].
fn it_object(e: &Event, body: &str) -> bool {
    let Some(rest) = e.trigger.as_ref().and_then(|t| body.get(t.end..)) else {
        return false;
    };
    let mut words = rest.split_whitespace().peekable();
    // "refused to sign it": the object of an infinitive the reaction governs
    if words.next_if_eq(&"to").is_some() {
        words.next();
    }
    let Some(it) = words.next() else {
        return false;
    };
    if it == "it" {
        return words.next().is_none_or(|w| {
            AFTER_OBJECT.contains(&w.trim_end_matches(|c: char| !c.is_alphabetic()))
        });
    }
    it.trim_end_matches(|c: char| !c.is_alphabetic()) == "it" && it.len() > 2
}

/// The latest noun of data/events/reference_nouns.tsv in the sentence before sentence `here`
/// and in its own before byte `at`: what "it" in "refused to sign it" stands for ("issued a
/// joint declaration, but Cambodia refused to sign it").
fn antecedent_reference(
    text: &Text,
    here: usize,
    at: usize,
) -> Option<&'static reference::ReferenceNoun> {
    let from = text.sentences.get(here.saturating_sub(1))?.start;
    reference::words(text.body.get(from..at)?)
        .rev()
        .find_map(|w| reference::lookup(&w.to_lowercase()))
}

/// Whether `word` is a form of the act named by `noun` (a shared stem).
fn same_act(noun: &str, word: &str) -> bool {
    let word = word.to_lowercase();
    let shared = noun
        .chars()
        .zip(word.chars())
        .take_while(|(a, b)| a == b)
        .count();
    shared >= SHARED_STEM.min(noun.len()) && shared >= 4
}

/// How many sentences before a reaction a word of the act it names may stand: a story names
/// the thing in its lead ("issued a declaration") and reports reactions paragraphs later.
const WORD_REACH: usize = 6;

/// The article's text as the context reads it: the body, its sentence spans and its actor
/// mentions.
struct Text<'a> {
    body: &'a str,
    sentences: &'a [Span],
    mentions: &'a [EntityMention],
}

/// The trigger of an earlier event and the words of its object ("launched a missile attack"),
/// not a complement naming another act ("accused Russia of attacking").
fn act_words<'a>(x: &Event, body: &'a str) -> Vec<&'a str> {
    let Some(t) = x.trigger.as_ref() else {
        return Vec::new();
    };
    reference::words(body.get(t.start..).unwrap_or_default())
        .take(5)
        .take_while(|w| !matches!(*w, "of" | "for" | "to" | "that"))
        .collect()
}

/// A reaction to an act the article reported, named by a pointing object ("Russia rejected
/// the accusations", "the junta denounced the sanctions", "Azerbaijan criticised the sale"):
/// one event aimed at each author of the latest earlier act by a country other than the
/// reaction's. An act is an earlier event (in `before`) whose trigger, or a word of its object
/// ("imposed sanctions"), is a form of the object noun, or which data/events/reference_nouns.tsv
/// says the noun names (by a word or a code; any material act for "the move" within
/// [`DYAD_REACH`] sentences); or a word of such
/// an act within [`WORD_REACH`] sentences that coded no event ("France agreed to sell jets"),
/// whose author is its passive agent or its subject; else the latest act of another country
/// near it that names the reacting party. The object's author replaces a target guessed from elsewhere in the sentence
/// or from context. Empty when there is no such act.
fn authored_object(e: &Event, text: &Text, before: &[Event]) -> Vec<Event> {
    let body = text.body;
    // "Hamas accepted the proposal" (03) as well
    let reaction = REACTION_ROOTS.contains(&e.root.as_str())
        || e.root == "03"
        || e.code == super::super::coder::DENIAL;
    if !reaction || is_both_sides(e.target.as_ref()) {
        return Vec::new();
    }
    // an intent (03) reacts only to an act a listed noun names ("accepted the proposal"), not
    // to anything its object shares a stem with ("met the freed prisoners")
    let listed = pointing_object(e, body).is_some_and(|n| reference::lookup(&n).is_some());
    if e.root == "03" && !listed {
        return Vec::new();
    }
    let Some(c) = country(e.source.as_ref()) else {
        return Vec::new();
    };
    // "rejected it", "rejected as false": the act just before
    let rest = e.trigger.as_ref().and_then(|t| body.get(t.end..));
    let pronoun = it_object(e, body) || rest.is_some_and(objectless);
    let Some(noun) = pointing_object(e, body).or_else(|| pronoun.then(String::new)) else {
        return Vec::new();
    };
    let Some(at) = e.trigger.as_ref().map(|t| t.start) else {
        return Vec::new();
    };
    let here = sentence_of(text.sentences, at);
    let reference = match pronoun {
        true => antecedent_reference(text, here, at),
        false => reference::lookup(&noun),
    };
    let distance = |x: &Event| here.saturating_sub(sentence_of(text.sentences, x.evidence.start));
    let names_act = |x: &Event| {
        let words = act_words(x, body);
        // "it": the last act of the sentence before or of its own
        (pronoun && distance(x) <= 1)
            || (!pronoun && words.iter().any(|w| same_act(&noun, w)))
            || reference.is_some_and(|r| r.names_event(x, &words))
            || reference.is_some_and(|r| r.names_any(x) && distance(x) <= DYAD_REACH)
    };
    let event_act = before.iter().rev().find(|x| {
        x.trigger != e.trigger
            && x.evidence.start <= at
            && country(x.source.as_ref()).is_some_and(|s| s != c)
            && names_act(x)
    });
    // a word of the act in the sentences before, or earlier in the reaction's own
    let word_act = reference.and_then(|r| {
        (here.saturating_sub(WORD_REACH)..=here)
            .rev()
            .find_map(|s| {
                reference::cognate_author(r, body, text.sentences[s], at, text.mentions, c)
            })
    });
    let event_at = event_act.and_then(|x| x.trigger.as_ref()).map(|t| t.start);
    if let Some((word_at, author)) = word_act {
        if event_at.is_none_or(|a| a < word_at) {
            return aimed_at_each(e, &[author]);
        }
    }
    // a listed act the article names in other words ("asked the Security Council to intervene
    // in its dispute with Ethiopia ... Ethiopia rejected the complaint"): the latest act of
    // another country near it that names the reacting party
    let event_act = event_act.or_else(|| {
        let names_reactor = |x: &Event| {
            text.mentions.iter().any(|m| {
                x.evidence.span().contains(m.span.span())
                    && m.actor.as_ref().and_then(|a| a.country.as_deref()) == Some(c)
            })
        };
        before.iter().rev().find(|x| {
            reference.is_some()
                && !pronoun
                && x.evidence.start <= at
                && distance(x) <= DYAD_REACH
                && country(x.source.as_ref()).is_some_and(|s| s != c)
                && names_reactor(x)
        })
    });
    let Some(act) = event_act else {
        return Vec::new();
    };
    // the act as first coded, not its counterpart ("visited Moscow": the visit, not the hosting)
    let act = before
        .iter()
        .find(|x| x.trigger == act.trigger)
        .unwrap_or(act);
    let authors: Vec<EventActor> = act
        .sources
        .iter()
        .filter(|a| a.country.as_deref().is_some_and(|a| a != c))
        .cloned()
        .collect();
    let authors = match authors.is_empty() {
        true => act.source.iter().cloned().collect(),
        false => authors,
    };
    aimed_at_each(e, &authors)
}

/// One copy of the event aimed at each of `targets`, each listing them all (a compound target).
fn aimed_at_each(e: &Event, targets: &[EventActor]) -> Vec<Event> {
    targets
        .iter()
        .map(|t| {
            let mut x = e.clone();
            x.target = Some(t.clone());
            x.targets = targets.to_vec();
            x
        })
        .collect()
}

/// Roots of force and violence, whose target is often a place or the people hurt: completed
/// only from their own sentence, where it codes two countries acting on each other (both
/// directions: "Armenian and Azerbaijani troops exchanged artillery fire").
const VIOLENT_ROOTS: &[&str] = &["15", "18", "19", "20"];

/// The counterpart of an untargeted event's source, from the `dyads` of the article (each with
/// its sentence). A verbal event takes the country most often across from its source's in the
/// [`DYAD_REACH`] sentences before it, so that one venue or aside does not outweigh the
/// article's dispute (on a tie the one in the latest sentence); a dyad of its own sentence does
/// not count, as an untargeted event beside one is most often about something else ("thanked
/// Russia and rejected the draft"). A violent event takes the country that its sentence codes
/// in both directions with its source's.
fn implicit_target<'a>(
    e: &Event,
    here: usize,
    dyads: impl Iterator<Item = (Option<&'a Dyad>, usize)>,
) -> Option<EventActor> {
    if e.target.is_some() {
        return None;
    }
    let violent = VIOLENT_ROOTS.contains(&e.root.as_str());
    let denial = e.code == super::super::coder::DENIAL;
    if !violent && !denial && !DIRECTED_ROOTS.contains(&e.root.as_str()) {
        return None;
    }
    let c = country(e.source.as_ref())?;
    let dyads: Vec<(&Dyad, usize)> = dyads.filter_map(|(d, s)| Some((d?, s))).collect();
    if violent {
        let mine: Vec<&Dyad> = dyads
            .iter()
            .filter(|&&(_, s)| s == here)
            .map(|&(d, _)| d)
            .collect();
        let from = |d: &Dyad, a: &str, b: &str| {
            country(Some(&d.source)) == Some(a) && country(Some(&d.target)) == Some(b)
        };
        return mine
            .iter()
            .filter(|d| country(Some(&d.source)) == Some(c))
            .find(|d| {
                let other = country(Some(&d.target)).unwrap_or_default();
                mine.iter().any(|back| from(back, other, c))
            })
            .map(|d| d.target.clone());
    }
    // per counterpart country: the actor, how many dyads, the latest sentence
    let mut tally: Vec<(&EventActor, usize, usize)> = Vec::new();
    for (d, s) in dyads {
        if s >= here || here - s > DYAD_REACH {
            continue;
        }
        let Some(other) = d.across(c) else {
            continue;
        };
        match tally
            .iter_mut()
            .find(|(a, _, _)| a.country == other.country)
        {
            Some(t) => {
                t.1 += 1;
                t.2 = t.2.max(s);
            }
            None => tally.push((other, 1, s)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(_, count, latest)| (count, latest))
        .map(|(a, _, _)| a.clone())
}

#[cfg(test)]
mod tests;

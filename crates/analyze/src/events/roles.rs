//! Actor parties of one sentence: mentions grouped into compound parties, placed on words.

use super::tokens::Word;
use crate::actors::words::WordSet;
use parley_core::text::wire_dateline;
use parley_core::{ActorRef, EntityMention, EventActor, Span};
use std::sync::LazyLock;

/// One party: one or more actors named together ("the US and Russia"), over words `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub first: usize,
    pub last: usize,
    pub actors: Vec<EventActor>,
    /// The text of the first mention, for `reported_by`.
    pub name: String,
    /// Every mention is a place (a city or region, not a capital standing for its government):
    /// before an event noun it says where ("their Geneva summit"), not who.
    pub place: bool,
}

/// Words that may stand between two mentions of one compound party.
const JOINERS: &[&str] = &["and", ",", "&", "the", "as", "well", "or", "/", "-"];
/// Words that end a clause when searching for a subject or an object.
pub const CLAUSE_BREAKS: &[&str] = &[
    ";", "but", "while", "whereas", "although", "though", "however", "because",
];

/// Groups the resolved mentions inside `sentence` into parties.
pub fn parties(
    body: &str,
    words: &[Word],
    sentence: Span,
    mentions: &[EntityMention],
) -> Vec<Party> {
    let ner_only: Vec<&str> = mentions
        .iter()
        .filter(|m| m.found_by == "ner")
        .filter_map(|m| m.actor.as_ref().map(|a| a.id.as_str()))
        .collect();
    let mut placed: Vec<(usize, usize, EventActor, String, bool)> = Vec::new();
    let dateline = dateline_end(body, words);
    for m in mentions {
        let span = m.span.span();
        // the wire dateline's city and agency ("WASHINGTON (Reuters) -") act in no event
        if !sentence.contains(span) || span.end <= dateline {
            continue;
        }
        let Some(actor) = &m.actor else { continue };
        // a name only the NER vouches for, with no country, says nothing about whose side it
        // is (nor do its later mentions by coreference); on general news such names doubled
        // the events, nearly all without a country
        if actor.country.is_none() && ner_only.contains(&actor.id.as_str()) {
            continue;
        }
        let idx: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.span.overlaps(span))
            .map(|(i, _)| i)
            .collect();
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
            continue;
        };
        if is_stance_prefixed(&words[a], span.start) || is_backer(&words[b], span.end) {
            continue;
        }
        // International organisations by their CAMEO code (NATO = IGOWSTNAT).
        let (country, sector) = crate::actors::cameo::event_country_sector(actor);
        let ea = EventActor {
            name: actor.name.clone(),
            actor_id: Some(actor.id.clone()),
            country,
            sector,
        };
        placed.push((a, b, ea, m.span.text.clone(), actor.kind == "place"));
    }
    pronoun_owners(words, mentions, dateline, &mut placed);
    placed.sort_by_key(|p| (p.0, p.1));
    groups_of_the_opening_place(words, &mut placed);
    let listed = listed_with_conjunction(words, &placed);
    let mut out: Vec<Party> = Vec::new();
    for (n, (a, b, actor, text, place)) in placed.into_iter().enumerate() {
        if let Some(last) = out.last_mut() {
            let gap = &words[(last.last + 1).min(a)..a];
            let overlapping = a <= last.last;
            // "the envoy of the US, Richard Holbrooke,": a name with no country (or the same
            // country) after a comma is an apposition, one party with the mention before it
            // "In Minsk, protesters ...": a sentence's opening place phrase is no apposition
            let opening_place = last.first == 1 && matches!(words[0].norm.as_str(), "in" | "at");
            let apposition = !opening_place
                && gap.iter().any(|w| w.norm == ",")
                && gap.iter().all(|w| JOINERS.contains(&w.norm.as_str()))
                && (actor.country.is_none()
                    || last.actors.iter().any(|x| x.country.is_none())
                    // "Idlib, Syria": a place and its country
                    || last.actors.iter().any(|x| same(x, &actor)));
            let compound = listed[n] || apposition;
            let same_actor = last.actors.iter().any(|x| same(x, &actor));
            let same_np = same_actor
                && gap.len() <= 6
                && gap
                    .iter()
                    .all(|w| w.cap || ["'s", "of", "the", "-"].contains(&w.norm.as_str()));
            if overlapping || compound || same_np || (gap.is_empty() && same_actor) {
                last.last = last.last.max(b);
                last.place &= place;
                match last.actors.iter_mut().find(|x| same(x, &actor)) {
                    // "Georgian protesters" over "Georgian": the group says which side of the
                    // country acts, so that the government it faces is not read as itself
                    Some(x) if overlapping && x.sector.is_none() && actor.sector.is_some() => {
                        *x = actor
                    }
                    Some(_) => {}
                    None => last.actors.push(actor),
                }
                continue;
            }
            if gap.is_empty() {
                // two different actors side by side ("Russian envoy", "US-Russia"): one party
                last.last = last.last.max(b);
                last.place &= place;
                last.actors.push(actor);
                continue;
            }
        }
        out.push(Party {
            first: a,
            last: b,
            actors: vec![actor],
            name: text,
            place,
        });
    }
    plural_pronoun_objects(words, &mut out);
    out
}

/// "talks with partners including Europe, Japan and Canada, threatening them with tariffs":
/// "them" right after a verb-like word (not a preposition's object) stands for the nearest
/// party before it in the sentence that names two or more countries: a party of those actors.
fn plural_pronoun_objects(words: &[Word], parties: &mut Vec<Party>) {
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let after_verb = i > 0 && {
            let prev = &words[i - 1];
            !prev.is_punct() && !prev.cap && !OBJECT_PREPS.contains(&prev.norm.as_str())
        };
        if w.norm != "them" || !after_verb || parties.iter().any(|p| p.first == i) {
            continue;
        }
        let plural = parties.iter().rev().find(|p| {
            p.last < i && !p.place && p.actors.iter().filter(|a| a.country.is_some()).count() >= 2
        });
        if let Some(p) = plural {
            found.push(Party {
                first: i,
                last: i,
                actors: p.actors.clone(),
                name: w.norm.clone(),
                place: false,
            });
        }
    }
    for p in found {
        let at = parties.partition_point(|q| q.first < p.first);
        parties.insert(at, p);
    }
}

/// Prepositions whose object "them" is not a verb's object ("many of them", "with them").
const OBJECT_PREPS: &[&str] = &[
    "of", "with", "to", "for", "from", "among", "between", "by", "on", "at", "in", "about",
    "against", "without",
];

/// Sectors of the groups a sentence's opening place gives its country: the state's own
/// offices, police and opposition, not its military, which as often fights abroad.
const PLACE_GROUP_SECTORS: &[&str] = &["GOV", "COP", "OPP", "LEG", "JUD"];

/// "In Manila, about 200 protesters rallied ...": a sentence that opens with "In" and a place
/// of some country, then a comma, is set there, so its countryless home groups ("protesters",
/// "police", "the government": ids `---` + sector) are that country's, as the actor stage
/// reads "protesters in Manila".
fn groups_of_the_opening_place(
    words: &[Word],
    placed: &mut [(usize, usize, EventActor, String, bool)],
) {
    let Some((_, last, place, _, true)) = placed.first() else {
        return;
    };
    let opens = words.first().is_some_and(|w| w.norm == "in") && placed[0].0 == 1;
    let comma = words.get(last + 1).is_some_and(|w| w.norm == ",");
    let Some(country) = place.country.clone().filter(|_| opens && comma) else {
        return;
    };
    for (_, _, a, _, _) in placed.iter_mut().skip(1) {
        let group = a
            .actor_id
            .as_deref()
            .is_some_and(|id| id.starts_with("---"));
        let home = a
            .sector
            .as_deref()
            .is_some_and(|s| PLACE_GROUP_SECTORS.contains(&s));
        if a.country.is_none() && group && home {
            a.country = Some(country.clone());
        }
    }
}

/// How far before a possessive or relative pronoun (in bytes) its owner may be named: the
/// sentence or the one before ("The UAE welcomed the swap. Its president, ...").
const OWNER_REACH: usize = 300;

/// Role and agent nouns of the actors knowledge base (`data/actors/roles.txt`, `agents.txt`:
/// "envoy", "foreign minister", "troops"), lower-case: what a state's "its"/"whose" may own
/// and still be a party.
static OWNED_AGENTS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    use crate::actors::kb;
    // The built-in files are checked by the actors tests, so parsing them cannot fail.
    let sources = kb::KbSources::builtin();
    let mut roles = kb::parse_roles(&sources.roles).unwrap_or_default();
    let _ = kb::add_agents(&sources.agents, &mut roles);
    roles.into_iter().map(|r| r.phrase).collect()
});

/// Longest role phrase looked up after a pronoun ("its deputy foreign minister").
const OWNED_AGENT_WORDS: usize = 3;

/// True when the words right after `i` name a role or agent ("its envoy", "whose foreign
/// minister"), not a thing ("its supply chain", "whose talent").
fn owned_agent_follows(words: &[Word], i: usize) -> bool {
    (1..=OWNED_AGENT_WORDS).any(|n| {
        let Some(next) = words.get(i + 1..i + 1 + n) else {
            return false;
        };
        let phrase: Vec<&str> = next.iter().map(|w| w.norm.as_str()).collect();
        OWNED_AGENTS.contains(&phrase.join(" "))
    })
}

/// "its" and "whose" stand for the nearest state or organisation named before them, never a
/// city ("Its envoy in Vienna", "the Emirates, whose government voted"): a countryless agent
/// right after the pronoun ("its government", "whose troops") takes that owner's country, and
/// a role noun after it makes the pronoun a party of that owner ("Its envoy in Vienna
/// criticised Iran"); a pronoun owning a thing ("its supply chain", "whose kitchen team") is
/// no party.
fn pronoun_owners(
    words: &[Word],
    mentions: &[EntityMention],
    dateline: usize,
    placed: &mut Vec<(usize, usize, EventActor, String, bool)>,
) {
    for (i, w) in words.iter().enumerate() {
        if !matches!(w.norm.as_str(), "its" | "whose") {
            continue;
        }
        let Some(owner) = owner_before(mentions, w.span.start, dateline) else {
            continue;
        };
        let (country, sector) = crate::actors::cameo::event_country_sector(owner);
        if country.is_none() {
            continue;
        }
        let agent = placed
            .iter_mut()
            .find(|p| p.0 == i + 1 && p.2.country.is_none());
        match agent {
            Some(p) => p.2.country = country,
            None if !owned_agent_follows(words, i) => {}
            None => placed.push((
                i,
                i,
                EventActor {
                    name: owner.name.clone(),
                    actor_id: Some(owner.id.clone()),
                    country,
                    sector,
                },
                w.norm.clone(),
                false,
            )),
        }
    }
}

/// The nearest state or organisation with a country named before byte `at`, within
/// [`OWNER_REACH`] and after the dateline; not a news outlet.
fn owner_before(mentions: &[EntityMention], at: usize, dateline: usize) -> Option<&ActorRef> {
    mentions
        .iter()
        .filter(|m| {
            let span = m.span.span();
            span.end <= at && at - span.end <= OWNER_REACH && span.start >= dateline
        })
        .filter_map(|m| m.actor.as_ref().map(|a| (m, a)))
        .filter(|(m, a)| !(a.kind == "country" && dateline_city(&m.span.text)))
        .map(|(m, a)| (m.span.span().end, a))
        .filter(|(_, a)| {
            matches!(a.kind.as_str(), "country" | "organization")
                && a.country.is_some()
                // the news agency of the dateline ("(Reuters) -") is not what the story is about
                && a.sector.as_deref() != Some("MED")
        })
        .max_by_key(|(end, _)| *end)
        .map(|(_, a)| a)
}

/// A state's mention written in capitals, four letters or more ("LONDON", "ABU DHABI"): a
/// dateline's city, which says where the story was filed, not whose it is (a capital in the
/// body is written in lower case; "USA", "UAE" are shorter).
fn dateline_city(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !text.chars().any(char::is_lowercase)
}

/// The end (a byte offset into `body`) of a wire dateline opening the sentence of `words`, 0
/// when there is none ([`wire_dateline`]: "MANILA, March 14 (Reuters) -", "KYIV —"). No party
/// inside it is a side of the sentence's events.
pub fn dateline_end(body: &str, words: &[Word]) -> usize {
    let Some(start) = words.first().map(|w| w.span.start) else {
        return 0;
    };
    body.get(start..)
        .and_then(wire_dateline)
        .map_or(0, |d| start + d.end)
}

/// For each placed mention, whether it joins the one before into a list: only joiners between,
/// and, when the gap is only a comma, a conjunction later in the same list ("Russia, China and
/// Iran"); "southwest of Baghdad, the U.S. Central Command said" lists nothing.
fn listed_with_conjunction(
    words: &[Word],
    placed: &[(usize, usize, EventActor, String, bool)],
) -> Vec<bool> {
    let gap = |n: usize| -> &[Word] {
        let prev_end = placed[..n].iter().map(|p| p.1).max().unwrap_or(0);
        &words[(prev_end + 1).min(placed[n].0)..placed[n].0]
    };
    let joined = |n: usize| {
        n > 0 && {
            let g = gap(n);
            !g.is_empty() && g.iter().all(|w| JOINERS.contains(&w.norm.as_str()))
        }
    };
    let conjoined = |n: usize| {
        gap(n)
            .iter()
            .any(|w| matches!(w.norm.as_str(), "and" | "or" | "&" | "/" | "-" | "as"))
    };
    let mut out = vec![false; placed.len()];
    // from the end, so that a comma-only gap can see whether its list goes on to a conjunction
    let mut conj_ahead = false;
    for n in (0..placed.len()).rev() {
        // the last named member of a list may be followed by unnamed ones ("Argentina, Chile,
        // Peru and four other countries"): the list still ends in a conjunction
        if n + 1 == placed.len() || !joined(n + 1) {
            conj_ahead = unnamed_members_follow(&words[(placed[n].1 + 1).min(words.len())..]);
        }
        if !joined(n) {
            conj_ahead = false;
            continue;
        }
        let conj = conjoined(n);
        out[n] = conj || conj_ahead;
        conj_ahead = conj || conj_ahead;
    }
    out
}

/// Whether `rest` (the words after a list's last named member) goes on with "and/or ... other(s)"
/// within a few words: "and four other countries", "and others", "or several other states".
fn unnamed_members_follow(rest: &[Word]) -> bool {
    rest.first()
        .is_some_and(|w| matches!(w.norm.as_str(), "and" | "or"))
        && rest
            .iter()
            .skip(1)
            .take(4)
            .any(|w| matches!(w.norm.as_str(), "other" | "others"))
}

/// "pro-Iranian militia", "anti-Syrian journalist": a mention inside a word after "pro-" or
/// "anti-" names the side someone takes, not who they are.
fn is_stance_prefixed(w: &Word, mention_start: usize) -> bool {
    mention_start > w.span.start
        && STANCE_PREFIXES
            .iter()
            .any(|p| w.norm.starts_with(p) && w.span.start + p.len() == mention_start)
}

/// Word beginnings that turn the actor named after them into a stance.
const STANCE_PREFIXES: &[&str] = &["pro-", "anti-"];

/// "Syrian-backed militia", "NATO-member Norway", "US-made missiles": a mention that opens a
/// hyphenated word ending in one of [`BACKER_SUFFIXES`] names who stands behind the noun, not
/// who acts. ("Russian-led forces" stay Russian: the leader acts.)
fn is_backer(w: &Word, mention_end: usize) -> bool {
    let Some(rest) = mention_end
        .checked_sub(w.span.start)
        .and_then(|k| w.norm.get(k..))
    else {
        return false;
    };
    rest.strip_prefix('-')
        .is_some_and(|suffix| BACKER_SUFFIXES.contains(suffix))
}

/// Second halves of hyphenated modifiers that make the actor before them a backer, maker or
/// membership of the noun (data/events/backer_suffixes.txt).
static BACKER_SUFFIXES: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(BACKER_SUFFIXES_FILE));
pub(crate) const BACKER_SUFFIXES_FILE: &str =
    include_str!("../../../../data/events/backer_suffixes.txt");

/// Whether word `i` is the (last word of the) name of an actor of the party that holds it:
/// "Japan", "Sudan", "Iran" end like the adjectives "Russian", "Israeli" but are names, and a
/// verb after them is in a verb position ("Japan attacked").
pub fn names_actor(ws: &[Word], ps: &[Party], i: usize) -> bool {
    let Some(w) = ws.get(i) else { return false };
    ps.iter()
        .filter(|p| p.first <= i && i <= p.last)
        .flat_map(|p| &p.actors)
        .any(|a| {
            a.name
                .split_whitespace()
                .last()
                .is_some_and(|last| last.to_lowercase() == w.norm)
        })
}

/// The speaker of a reported demand or the subject of a verb at word `at`: the nearest party
/// ending at most `window` words before it, passing over a party that only says where ("The Red
/// Cross operating in Iraq said"), unless no other party is there.
pub fn subject_before<'a>(
    ws: &[Word],
    ps: &'a [Party],
    at: usize,
    window: usize,
    place: &[&str],
) -> Option<&'a Party> {
    let near: Vec<&Party> = ps
        .iter()
        .filter(|p| p.last < at && at - p.last <= window)
        .collect();
    near.iter()
        .rev()
        .find(|p| place_preposition(ws, p, place).is_none())
        .or(near.last().filter(|p| may_name_a_side(ws, p, place)))
        .map(|p| modifier_of_head(ws, ps, p).unwrap_or(p))
}

/// The word index of the preposition (one of `place`) right before a party ("in Sweden", "at
/// Congress"), or before "the" and a party that says where ("in the Netherlands").
pub fn place_preposition(ws: &[Word], p: &Party, place: &[&str]) -> Option<usize> {
    let before = p.first.checked_sub(1)?;
    let prep = match ws[before].norm.as_str() {
        "the" if says_where(p) => before.checked_sub(1)?,
        _ => before,
    };
    place.contains(&ws[prep].norm.as_str()).then_some(prep)
}

/// Whether a party names only places: cities and regions, or countries by themselves (no
/// sector, the id the country's code), not a state's institution, group or person.
pub fn says_where(p: &Party) -> bool {
    p.place
        || p.actors.iter().all(|a| {
            a.sector.is_none()
                && a.country.is_some()
                && a.actor_id.as_deref() == a.country.as_deref()
        })
}

/// Whether a party may stand for who acts: not a place phrase that opens the sentence ("In
/// Rwanda, the sun is used to ...", "In the US, the development of ..."), which says where
/// the sentence is set (its home groups take its country: `groups_of_the_opening_place`). A
/// place after a noun stays that noun's country, as CAMEO codes it ("Prosecutors in Sweden
/// have dropped", "a report released in the Rwandan capital alleged"), and an institution
/// after "in" is a party ("Democrats in Congress").
pub fn may_name_a_side(ws: &[Word], p: &Party, place: &[&str]) -> bool {
    match place_preposition(ws, p, place) {
        Some(0) => !says_where(p),
        _ => true,
    }
}

/// How many words before an event noun its support verb may stand ("launched artillery, mortar
/// and rocket fire", "declared a unilateral ceasefire").
const SUPPORT_REACH: usize = 8;

/// The support verb whose object is the event noun at `noun`: a word `is_support` accepts, at
/// most [`SUPPORT_REACH`] words before it in the same clause, with no party between (a party
/// there is the noun's own: "Russia's attack"). The verb's subject then holds the noun event
/// ("Hizbollah declared a ceasefire") when the noun has no party of its own.
pub fn support_verb_before(
    ws: &[Word],
    ps: &[Party],
    noun: usize,
    is_support: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let in_party = |k: usize| ps.iter().any(|p| p.first <= k && k <= p.last);
    (noun.saturating_sub(SUPPORT_REACH)..noun)
        .rev()
        .take_while(|&k| {
            let w = ws[k].norm.as_str();
            !in_party(k)
                && !CLAUSE_BREAKS.contains(&w)
                && !matches!(w, "." | ":" | "that" | "which" | "who" | "to")
        })
        .find(|&k| is_support(k))
}

/// The party after an event noun that it is aimed at: the first party within four words after
/// `last` that follows one of `preps` ("fire against Thai positions").
pub fn noun_target(ws: &[Word], ps: &[Party], last: usize, preps: &[&str]) -> Option<Party> {
    ps.iter()
        .find(|p| {
            p.first > last && p.first <= last + 4 && preps.contains(&ws[p.first - 1].norm.as_str())
        })
        .cloned()
}

/// "Obama wants Putin to attack", "expects Russia to withdraw": an infinitive (its "to" at `to`)
/// after a party that is the object of a verb is what the verb asks of that party, not an
/// event of its own. (A coded verb, "urged Iran to stop", already governs its infinitive.)
pub fn object_controlled(
    ws: &[Word],
    ps: &[Party],
    to: usize,
    is_verb: &dyn Fn(usize) -> bool,
) -> bool {
    if ws.get(to).is_none_or(|w| w.norm != "to") {
        return false;
    }
    let Some(p) = ps.iter().find(|p| p.last + 1 == to) else {
        return false;
    };
    let in_party = |k: usize| ps.iter().any(|q| q.first <= k && k <= q.last);
    (0..p.first)
        .rev()
        .find(|&k| !matches!(ws[k].norm.as_str(), "the" | "a" | "an"))
        .is_some_and(|k| !in_party(k) && !ws[k].is_punct() && is_verb(k))
}

/// "ten soldiers killed by Russian troops", "civilians held by the rebels": a participle right
/// after a noun, with a party as its agent after "by", is a passive without its "be" (a
/// reduced relative), so the noun is the target. Without such an agent the form is left active:
/// "forces attacked near the border" and "Russia attacked by air" are active.
pub fn reduced_passive(ws: &[Word], first: usize, in_party: &dyn Fn(usize) -> bool) -> bool {
    let (Some(w), Some(next)) = (ws.get(first), ws.get(first + 1)) else {
        return false;
    };
    let participle = w.norm.ends_with("ed") || w.norm.ends_with("en");
    let after_noun = first > 0 && {
        let prev = ws[first - 1].norm.as_str();
        !ws[first - 1].is_punct() && !super::coder::PRONOUNS.contains(prev)
    };
    let agent = next.norm == "by" && (first + 2..(first + 5).min(ws.len())).any(in_party);
    participle && after_noun && (agent || existential(ws, first))
}

/// "The civilians imprisoned for acting against Moscow were released": a past participle right
/// after a noun, followed by a preposition, with an auxiliary and verb later in the same clause,
/// describes the noun (a reduced relative); the clause's main verb is the later one, and the
/// participle reports no event of its own, as with the parse (which tags it `acl`). A
/// participle with its agent after "by" is left to [`reduced_passive`].
pub fn reduced_relative(ws: &[Word], first: usize, is_irregular: &dyn Fn(&str) -> bool) -> bool {
    let (Some(w), Some(next)) = (ws.get(first), ws.get(first + 1)) else {
        return false;
    };
    let participle = w.norm.ends_with("ed") || w.norm.ends_with("en") || is_irregular(&w.norm);
    let after_noun = first > 0 && {
        let prev = ws[first - 1].norm.as_str();
        prev.chars().all(char::is_alphanumeric)
            && !super::coder::PRONOUNS.contains(prev)
            && !super::coder::TIME_WORDS.contains(prev)
            && !NOT_NOUNS.contains(&prev)
    };
    if !(participle && after_noun && RELATIVE_PREPS.contains(&next.norm.as_str())) {
        return false;
    }
    let end = (first + 2 + RELATIVE_REACH).min(ws.len());
    (first + 2..end)
        .take_while(|&k| {
            let n = ws[k].norm.as_str();
            let stop_mark = ws[k].is_punct() && n != "'s" && n != "-";
            !stop_mark && !CLAUSE_BREAKS.contains(&n) && !RELATIVE_STOPS.contains(&n)
        })
        .any(|k| {
            FINITE_AUX.contains(&ws[k].norm.as_str())
                && !super::coder::PRONOUNS.contains(ws[k - 1].norm.as_str())
        })
}

/// The subject of the verb at `verb` when a reduced relative ([`reduced_relative`]) stands
/// between it and the clause start: the party of the noun the participle describes, ending at
/// most two words before the participle ("Ukrainian soldiers captured"), or no party when that
/// noun names none ("the prisoners held in Moscow were freed": not Moscow). None when there
/// is no such participle.
pub fn participle_subject(
    ws: &[Word],
    ps: &[Party],
    clause_start: usize,
    verb: usize,
    is_irregular: &dyn Fn(&str) -> bool,
) -> Option<Option<Party>> {
    let k = (clause_start..verb).find(|&k| reduced_relative(ws, k, is_irregular))?;
    if ws[k + 1..verb]
        .iter()
        .any(|w| w.is_punct() && w.norm != "'s")
    {
        return None;
    }
    let noun = ps
        .iter()
        .rev()
        .find(|p| p.last < k && k - p.last <= 2 && !ws[p.last + 1..k].iter().any(Word::is_punct));
    Some(noun.cloned())
}

/// "The Turkish sides of the island of Cyprus agreed", "the UN envoy to Syria said": when the
/// party nearest a verb stands in a prepositional phrase ("of", "to", "from", "for") of a noun
/// that a party modifies, the modifying party is the subject, not the party of the phrase.
/// Only lower-case words (at most [`HEAD_WORDS`]) stand between the modifier and the first
/// preposition, and no punctuation or other party between it and the nearest party; a party
/// right before the preposition must end in its lower-case head noun ("envoy").
pub fn modifier_of_head<'a>(ws: &[Word], ps: &'a [Party], nearest: &Party) -> Option<&'a Party> {
    let in_party = |k: usize| ps.iter().any(|p| p.first <= k && k <= p.last);
    // the words between the party before and the nearest one
    let from = (nearest.first.saturating_sub(PHRASE_REACH)..nearest.first)
        .rev()
        .take_while(|&k| !ws[k].is_punct() && !in_party(k))
        .last()?;
    // a countryless agent ("troops and aircraft from the United States") is owned by the
    // phrase rather than named instead of it
    let modifier = ps
        .iter()
        .find(|p| p.last + 1 == from && !p.place && p.actors.iter().any(|a| a.country.is_some()))?;
    let open = (from..nearest.first).find(|&k| HEAD_PREPS.contains(&ws[k].norm.as_str()))?;
    let head = &ws[from..open];
    // the party may hold the head noun itself ("the UN envoy to Syria")
    let head_ok = match head.is_empty() {
        true => !ws[modifier.last].cap,
        false => head.len() <= HEAD_WORDS && head.iter().all(|w| !w.cap),
    };
    head_ok.then_some(modifier)
}

/// How far before the nearest party the phrase of a modified head noun may start.
const PHRASE_REACH: usize = 8;
/// How many words the head noun of a modified subject may take ("sides", "and Greek sides").
const HEAD_WORDS: usize = 3;
/// Prepositions that open a phrase of a subject's head noun.
const HEAD_PREPS: &[&str] = &["of", "to", "from", "for"];

/// How many words a reduced relative may run before its clause's auxiliary.
const RELATIVE_REACH: usize = 10;
/// Prepositions that may open a reduced relative's phrase ("imprisoned for", "captured in").
const RELATIVE_PREPS: &[&str] = &[
    "in", "for", "from", "at", "on", "during", "after", "over", "since", "near", "under", "with",
    "without", "into", "across", "inside", "outside", "last", "earlier", "this",
];
/// Words before a participle that make it no participle after a noun: auxiliaries, adverbs,
/// "to" and conjunctions ("has attacked", "also attacked", "and attacked").
const NOT_NOUNS: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "to",
    "and",
    "or",
    "but",
    "also",
    "not",
    "never",
    "then",
    "later",
    "reportedly",
    "allegedly",
    "who",
    "that",
    "which",
];
/// Words that end the clause of a reduced relative before its main verb.
const RELATIVE_STOPS: &[&str] = &[
    "who", "which", "that", "where", "when", "and", "or", "said", "says", "while", "as", "if",
];
/// Finite auxiliaries that start the main verb of a clause whose subject a participle described.
const FINITE_AUX: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must",
];

/// "There were ten Russian soldiers killed in Ukraine": a participle after a counted noun phrase
/// of an existential "there is/are/were" (at most [`EXISTENTIAL_REACH`] words, no punctuation)
/// tells what happened to it; the noun is the target, whatever place follows. ("There were
/// reports Russia attacked" counts nothing and stays active.)
fn existential(ws: &[Word], participle: usize) -> bool {
    (participle.saturating_sub(EXISTENTIAL_REACH)..participle.saturating_sub(2))
        .rev()
        .take_while(|&k| !ws[k + 2..participle].iter().any(Word::is_punct))
        .any(|k| {
            let be = matches!(
                ws[k + 1].norm.as_str(),
                "is" | "are" | "was" | "were" | "have" | "has" | "had"
            );
            // "there have been": the count follows "been"
            let count_at = if ws[k + 2].norm == "been" {
                k + 3
            } else {
                k + 2
            };
            ws[k].norm == "there" && be && count_at < participle && counts(&ws[count_at].norm)
        })
}

/// A number or quantifier opening a noun phrase ("10", "ten", "dozens", "at least").
fn counts(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit()) || QUANTIFIERS.contains(&w)
}

/// Words that count the noun phrase after them.
const QUANTIFIERS: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "scores",
    "thousands",
    "many",
    "several",
    "some",
    "more",
    "at",
    "about",
    "nearly",
    "almost",
    "over",
    "no",
];

/// How far before its participle an existential "there" may stand.
const EXISTENTIAL_REACH: usize = 7;

/// "the militant group that has seized parts of Iraq", "Hamas, which fired rockets": a verb
/// whose subject is a relative pronoun (with only auxiliaries and adverbs between) has the noun
/// the clause describes for its subject, not the sentence's. Some(the party ending right before
/// the pronoun, perhaps with a comma between), or Some(None) when that noun names no party (or
/// only a place: "the camps in Syria that …"); None when the verb opens no relative clause.
pub fn relative_subject(ws: &[Word], ps: &[Party], verb: usize) -> Option<Option<Party>> {
    let k = (0..verb)
        .rev()
        .find(|&k| !SKIPPED_BEFORE_VERB.contains(&ws[k].norm.as_str()))?;
    if !matches!(ws[k].norm.as_str(), "who" | "which" | "that") {
        return None;
    }
    let before = k.checked_sub(1)?;
    // "said that removing the sanctions …" opens a clause whose subject is a gerund; "as that
    // would reward …" has a demonstrative for its subject
    let gerund = k + 1 == verb && ws[verb].norm.ends_with("ing");
    if ws[k].norm == "that" && (gerund || !ends_noun_phrase(&ws[before])) {
        return None;
    }
    let noun = if ws[before].norm == "," {
        before.checked_sub(1)?
    } else {
        before
    };
    // "said that has …" does not occur: a "that" after a verb of saying opens a clause with its
    // own subject, which stands between
    let antecedent = ps
        .iter()
        .find(|p| {
            p.last == noun && !(p.first > 0 && PLACE_PREPS.contains(&ws[p.first - 1].norm.as_str()))
        })
        .cloned();
    Some(antecedent)
}

/// Whether party `p` stands inside a relative clause set off by commas that closes before word
/// `verb` ("Hezbollah, which Iran backs, fired rockets"): it is no subject of `verb`.
pub fn in_closed_relative(ws: &[Word], p: &Party, verb: usize) -> bool {
    let opener = (1..p.first)
        .rev()
        .take_while(|&k| ws[k].norm != ",")
        .find(|&k| matches!(ws[k].norm.as_str(), "which" | "who" | "whom" | "whose"));
    opener.is_some_and(|k| ws[k - 1].norm == ",")
        && (p.last + 1..verb.min(ws.len())).any(|k| ws[k].norm == ",")
}

/// Whether word `k` opens a relative clause about the noun before it ("the group that has
/// seized parts of Iraq", "a militia which attacked Syria"): the parties in it are that clause's,
/// not objects of a verb before the noun. "that" counts only after a noun-phrase end and before
/// an auxiliary or a participle ("warned that Russia would" opens a clause of its own).
pub fn opens_relative(ws: &[Word], k: usize) -> bool {
    let Some(w) = ws.get(k) else { return false };
    match w.norm.as_str() {
        "which" | "who" | "whom" | "whose" => k > 0,
        "that" => {
            let after_noun = k > 0 && !ws[k - 1].cap && ends_noun_phrase(&ws[k - 1]);
            let verb_next = ws.get(k + 1).is_some_and(|n| {
                SKIPPED_BEFORE_VERB.contains(&n.norm.as_str()) || (!n.cap && n.norm.ends_with("ed"))
            });
            after_noun && ws[k - 1].norm != "," && verb_next
        }
        _ => false,
    }
}

/// Whether a word may end the noun phrase a "that" clause describes: not a function word, a
/// time word ("said on Monday that") or punctuation other than a comma.
fn ends_noun_phrase(w: &Word) -> bool {
    w.norm == ","
        || !(w.is_punct()
            || NOT_ANTECEDENTS.contains(&w.norm)
            || super::coder::TIME_WORDS.contains(&w.norm))
}

/// Words before "that" that make it a conjunction or a demonstrative, not a relative pronoun
/// (data/events/not_antecedents.txt).
static NOT_ANTECEDENTS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(NOT_ANTECEDENTS_FILE));
pub(crate) const NOT_ANTECEDENTS_FILE: &str =
    include_str!("../../../../data/events/not_antecedents.txt");

/// Words between a relative pronoun and its verb ("that has also seized").
const SKIPPED_BEFORE_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "be",
    "also",
    "not",
    "n't",
    "never",
    "already",
    "reportedly",
    "allegedly",
    "repeatedly",
    "later",
    "then",
    "still",
];
/// Prepositions before a party that make it the place a noun is in, not the noun itself.
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "across",
    "within",
    "throughout",
];

/// "were killed in Israeli tank shelling", "died in a Russian air strike": the agent of a
/// passive act of violence named as the modifier of an act of violence after "in", "by",
/// "during" or "from" within a few words of the verb (`is_violence` says whether an event noun
/// of violence starts at a word). The party must stand right before the noun, with at most one
/// word between ("tank"), and after the preposition and at most a determiner.
pub fn means_agent(
    ws: &[Word],
    ps: &[Party],
    verb_last: usize,
    is_violence: &dyn Fn(usize) -> bool,
) -> Option<Party> {
    let end = (verb_last + 1 + MEANS_REACH).min(ws.len());
    let prep = (verb_last + 1..end)
        .take_while(|&k| !ws[k].is_punct())
        .find(|&k| matches!(ws[k].norm.as_str(), "in" | "by" | "during" | "from"))?;
    let p = ps.iter().find(|p| {
        p.first > prep
            && ws[prep + 1..p.first]
                .iter()
                .all(|w| matches!(w.norm.as_str(), "a" | "an" | "the"))
    })?;
    let noun = (p.last + 1..(p.last + 3).min(ws.len()))
        .take_while(|&k| !ws[k].is_punct())
        .find(|&k| is_violence(k))?;
    (!p.place && noun > p.last).then(|| p.clone())
}

/// How many words after a passive verb its "in"/"by" phrase of means may start.
const MEANS_REACH: usize = 3;

/// Two actors are the same party member when their countries (or ids) agree.
pub fn same(a: &EventActor, b: &EventActor) -> bool {
    match (&a.country, &b.country) {
        (Some(x), Some(y)) => x == y,
        _ => a.actor_id == b.actor_id,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::events::tokens::words;
    use parley_core::{ActorRef, TextSpan};

    fn mention(body: &str, text: &str, id: &str, country: Option<&str>, by: &str) -> EntityMention {
        let start = body.rfind(text).unwrap();
        EntityMention {
            span: TextSpan::from_body(body, Span::new(start, start + text.len())).unwrap(),
            actor: Some(ActorRef {
                id: id.into(),
                name: text.into(),
                kind: "person".into(),
                country: country.map(Into::into),
                sector: None,
            }),
            found_by: by.into(),
        }
    }

    /// (source, code, target) countries of `body` coded with the built-in actors stage.
    pub(crate) fn kb_triples(body: &str) -> Vec<(String, String, String)> {
        let sentences: Vec<Span> = parley_core::TextLayer::new(body)
            .sentences
            .iter()
            .map(|s| s.span)
            .collect();
        let ms = crate::actors::ActorStage::new().mentions(body, &sentences, None);
        let c = |a: &Option<EventActor>| {
            a.as_ref()
                .and_then(|a| a.country.clone())
                .unwrap_or_else(|| "-".into())
        };
        crate::events::EventStage::new()
            .code(body, &sentences, &ms, &[], None)
            .iter()
            .map(|e| (c(&e.source), e.code.clone(), c(&e.target)))
            .collect()
    }

    #[test]
    fn an_armed_movement_named_as_a_modifier_is_a_party() {
        // "Houthi" before a role word or in a compound subject, as "Houthis" alone
        let ev = kb_triples("Houthi fighters attacked Saudi border posts on Sunday.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "YEM" && c.starts_with("19") && t == "SAU"),
            "{ev:?}"
        );
        let ev = kb_triples("Houthi and Saudi negotiators began talks on a prisoner exchange.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "YEM" && t == "SAU"),
            "{ev:?}"
        );
        assert!(
            ev.iter().any(|(s, _, t)| s == "SAU" && t == "YEM"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_country_named_like_an_adjective_is_the_subject_of_the_verb_after_it() {
        for (body, source) in [
            ("Japan accused China of hacking.", "JPN"),
            ("Iran accused Iraq of shelling.", "IRN"),
            ("Sudan accused Chad of harbouring rebels.", "SDN"),
        ] {
            let ev = kb_triples(body);
            assert!(
                ev.iter()
                    .any(|(s, c, _)| s == source && c.starts_with("11")),
                "{body}: {ev:?}"
            );
        }
        // a demonym before a word is still a modifier: "Russian talks" is a noun
        let ev = kb_triples("Japan welcomed Russian talks with China.");
        assert!(ev.iter().all(|(s, _, _)| s != "RUS"), "{ev:?}");
    }

    #[test]
    fn an_actor_after_pro_or_anti_is_a_stance_not_a_party() {
        let ev = kb_triples("Pro-Iranian gunmen attacked Iraqi police.");
        assert!(ev.iter().all(|(s, _, _)| s != "IRN"), "{ev:?}");
        let ev = kb_triples("Anti-American protesters attacked the embassy of Iraq.");
        assert!(ev.iter().all(|(s, _, _)| s != "USA"), "{ev:?}");
        // a plain demonym stays the source
        let ev = kb_triples("Iranian gunmen attacked Iraqi police.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "IRN" && t == "IRQ"),
            "{ev:?}"
        );
    }

    #[test]
    fn an_actor_that_backs_or_made_the_noun_is_not_a_party() {
        let ev = kb_triples("Syrian-backed militiamen attacked Israeli troops.");
        assert!(ev.iter().all(|(s, _, _)| s != "SYR"), "{ev:?}");
        let ev = kb_triples("NATO-member Norway condemned Russia on Monday.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "NOR" && t == "RUS"),
            "{ev:?}"
        );
        assert!(ev.iter().all(|(s, _, _)| s == "NOR"), "{ev:?}");
        // the leader of the forces acts
        let ev = kb_triples("Russian-led forces attacked Georgia.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "RUS" && t == "GEO"),
            "{ev:?}"
        );
    }

    #[test]
    fn armed_groups_and_the_european_community_are_known_actors() {
        let ev = kb_triples("The Khmer Rouge accused Vietnam of aggression.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "KHM" && t == "VNM"),
            "{ev:?}"
        );
        let ev = kb_triples("European Community ministers condemned Serbia on Monday.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "IGOEUREEC" && t == "SRB"),
            "{ev:?}"
        );
        let ev = kb_triples("UNITA refused to let Zambian planes land.");
        assert!(ev.iter().any(|(s, _, _)| s == "AGO"), "{ev:?}");
    }

    #[test]
    fn a_group_of_a_country_keeps_its_sector_and_may_act_on_its_government() {
        let ev = kb_triples("Georgian demonstrators attacked the Georgian government.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "GEO" && t == "GEO"),
            "{ev:?}"
        );
        // one country's government is not its own target
        let ev = kb_triples("The Georgian government attacked Georgia.");
        assert!(ev.iter().all(|(_, _, t)| t != "GEO"), "{ev:?}");
    }

    #[test]
    fn an_event_noun_after_a_support_verb_belongs_to_the_verbs_subject() {
        // a list of nouns and a parenthesis keep the noun from the support verb's patterns
        let ev = kb_triples("Russian forces launched artillery, mortar and rocket fire against Ukrainian positions.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "RUS" && c.starts_with("19") && t == "UKR"),
            "{ev:?}"
        );
        let ev =
            kb_triples("Hezbollah (the Party of God) declared a unilateral ceasefire on Monday.");
        assert!(
            ev.iter()
                .any(|(s, c, _)| s == "LBN" && c.starts_with("087")),
            "{ev:?}"
        );
        // a verb that is no support verb does not hold the noun: breaking a ceasefire is no truce
        let ev =
            kb_triples("Hezbollah (the Party of God) broke the unilateral ceasefire on Monday.");
        assert!(ev.iter().all(|(_, c, _)| !c.starts_with("087")), "{ev:?}");
    }

    #[test]
    fn the_speaker_of_a_demand_is_not_the_place_it_works_in() {
        let ev = kb_triples("The Red Cross operating in Iraq said Syria must open the border.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "NGO" && t == "SYR"),
            "{ev:?}"
        );
        assert!(ev.iter().all(|(s, _, _)| s != "IRQ"), "{ev:?}");
        // a speaker named after "in" is still the speaker when no other party is there
        let ev = kb_triples("Officials in Iraq said Syria must open the border.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "IRQ" && t == "SYR"),
            "{ev:?}"
        );
    }

    #[test]
    fn an_infinitive_after_a_verbs_object_is_what_the_verb_asks_not_an_event() {
        let ev = kb_triples("Obama wants Putin to attack Switzerland.");
        assert!(ev.iter().all(|(s, _, _)| s != "RUS"), "{ev:?}");
        let ev = kb_triples("Iran expects Iraq to withdraw its troops from Syria.");
        assert!(ev.iter().all(|(s, _, _)| s != "IRQ"), "{ev:?}");
        // a place after "to" is not the asked party: Russia's act stays an event (since the
        // governing verb and its infinitive are coded as one, it is the sending's code)
        let ev = kb_triples("Russia sent troops to Syria to attack the rebels of Turkey.");
        assert!(ev.iter().any(|(s, _, _)| s == "RUS"), "{ev:?}");
    }

    #[test]
    fn a_participle_after_a_noun_with_a_party_after_by_is_a_passive() {
        let ev =
            kb_triples("Ten Ukrainian soldiers killed by Russian troops were buried on Monday.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "RUS" && c.starts_with("19") && t == "UKR"),
            "{ev:?}"
        );
        assert!(ev.iter().all(|(s, _, _)| s != "UKR"), "{ev:?}");
        // "by" before a means, not a party, leaves the verb active
        let ev = kb_triples("Russia attacked Ukraine by air and sea.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "RUS" && t == "UKR"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_relative_clause_verb_takes_the_noun_it_describes_as_its_subject() {
        // the seizer is the group, not the sentence's subject
        let ev = kb_triples("Turkey shelled the militia that has seized parts of Syria.");
        assert!(
            ev.iter()
                .all(|(s, c, t)| !(s == "TUR" && t == "SYR" && c != "190")),
            "{ev:?}"
        );
        // the seizure is the militia's (a countryless agent), never Turkey's
        assert!(
            ev.iter()
                .all(|(s, c, _)| !(c.starts_with("17") && s == "TUR")),
            "{ev:?}"
        );
        // a party before the pronoun is the subject
        let ev = kb_triples("Israel bombed Hamas, which had attacked Egypt.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "PSE" && c.starts_with("19") && t == "EGY"),
            "{ev:?}"
        );
        assert!(
            ev.iter().all(|(s, _, t)| !(s == "ISR" && t == "EGY")),
            "{ev:?}"
        );
        // nor is a party inside a relative clause about the object the verb's target
        // (the militia, a countryless agent, is the attack's source)
        let ev = kb_triples("Turkey condemned the militia that has attacked Syria.");
        assert!(
            ev.iter().all(|(s, _, t)| !(s == "TUR" && t == "SYR")),
            "{ev:?}"
        );
        let ev = kb_triples("Turkey condemned the militia which attacked Syria.");
        assert!(
            ev.iter().all(|(s, _, t)| !(s == "TUR" && t == "SYR")),
            "{ev:?}"
        );
        let ev = kb_triples("Turkey condemned Syria, which had attacked the militia.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "TUR" && t == "SYR"),
            "{ev:?}"
        );
        // a relative clause between commas ends at its comma
        let ev = kb_triples(
            "Austria deported the children, most of whom grew up in Vienna, to Georgia.",
        );
        assert!(
            ev.iter().any(|(s, _, t)| s == "AUT" && t == "GEO"),
            "{ev:?}"
        );
        // a "that" after a verb of saying or a time word opens a clause of its own
        let ev = kb_triples("Russian officials said yesterday that easing the sanctions on Iran is out of the question.");
        assert!(
            ev.iter().any(|(s, _, t)| s == "RUS" && t == "IRN"),
            "{ev:?}"
        );
    }

    #[test]
    fn an_irregular_participle_after_be_is_a_passive() {
        let ev = kb_triples("The Iraqi convoy was struck by Iranian missiles.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "IRN" && c.starts_with("19") && t == "IRQ"),
            "{ev:?}"
        );
        // no agent: the subject is the target, the place after the verb is no party to it
        let ev = kb_triples("The Malaysian airliner was blown up over Ukraine.");
        assert!(ev.iter().all(|(s, _, _)| s != "MYS"), "{ev:?}");
    }

    #[test]
    fn a_participle_after_a_counted_noun_of_there_were_is_a_passive() {
        let ev = kb_triples("There were 12 Iraqi soldiers killed in Syria on Monday.");
        assert!(ev.iter().all(|(s, _, _)| s != "IRQ"), "{ev:?}");
        assert!(ev.iter().all(|(_, _, t)| t != "SYR"), "{ev:?}");
        // "there were reports" counts nothing: the verb after it stays active
        let ev = kb_triples("There were reports Iraqi soldiers attacked Syria on Monday.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "IRQ" && c.starts_with("19") && t == "SYR"),
            "{ev:?}"
        );
    }

    #[test]
    fn the_agent_of_a_passive_killing_may_be_named_by_the_act_of_violence() {
        let ev = kb_triples("Three Palestinians were killed in an Israeli air strike on Monday.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "ISR" && c.starts_with("19") && t == "PSE"),
            "{ev:?}"
        );
        // a dateline before a colon is no party to the killing; the gerund is a noun
        let ev = kb_triples("GAZA CITY, Palestinian Territories: Four children were killed in Israeli tank shelling.");
        assert!(ev.iter().all(|(s, _, _)| s != "PSE"), "{ev:?}");
        assert!(ev.iter().any(|(s, _, _)| s == "ISR"), "{ev:?}");
        // a place after "in" is no agent
        let ev = kb_triples("Three Palestinians were killed in Israel on Monday.");
        assert!(ev.iter().all(|(s, _, _)| s != "ISR"), "{ev:?}");
    }

    #[test]
    fn names_joined_by_a_comma_are_one_party_only_in_a_list_with_a_conjunction() {
        let ev = kb_triples("Russia, China and Iran condemned Israel.");
        for c in ["RUS", "CHN", "IRN"] {
            assert!(ev.iter().any(|(s, _, t)| s == c && t == "ISR"), "{ev:?}");
        }
        // a place and the speaker after it are two parties: the speaker is not in Iraq
        let ev = kb_triples("After a meeting in Baghdad, the Turkish army condemned Syria.");
        assert!(ev.iter().all(|(s, _, _)| s != "IRQ"), "{ev:?}");
        assert!(
            ev.iter().any(|(s, _, t)| s == "TUR" && t == "SYR"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_comma_list_ending_in_unnamed_others_is_one_party() {
        let ev = kb_triples(
            "Russia expelled diplomats from Argentina, Chile, Peru and four other countries.",
        );
        for c in ["ARG", "CHL", "PER"] {
            assert!(ev.iter().any(|(s, _, t)| s == "RUS" && t == c), "{ev:?}");
        }
        // without "other(s)" after the conjunction, a comma still separates two parties
        let ev = kb_triples(
            "After a meeting in Baghdad, the Turkish army and its allies condemned Syria.",
        );
        assert!(ev.iter().all(|(s, _, _)| s != "IRQ"), "{ev:?}");
    }

    #[test]
    fn a_countryless_name_after_a_comma_is_an_apposition_of_the_party_before() {
        let body = "The envoy of the US, Ada Brightwater, accused Russia.";
        let all = Span::new(0, body.len());
        let ms = vec![
            mention(body, "US", "USA", Some("USA"), "kb"),
            mention(body, "Ada Brightwater", "local:ada", None, "pattern"),
            mention(body, "Russia", "RUS", Some("RUS"), "kb"),
        ];
        let ps = parties(body, &words(body, all), all, &ms);
        assert_eq!(ps.len(), 2, "{ps:?}");
        // two countries with only a comma between are two parties
        let body = "A strike south of Baghdad, US officials said, hit Russia.";
        let ms = vec![
            mention(body, "Baghdad", "IRQ", Some("IRQ"), "kb"),
            mention(body, "US", "USA", Some("USA"), "kb"),
            mention(body, "Russia", "RUS", Some("RUS"), "kb"),
        ];
        let all = Span::new(0, body.len());
        assert_eq!(parties(body, &words(body, all), all, &ms).len(), 3);
    }

    #[test]
    fn a_verb_after_and_shares_the_subject_of_the_verb_before() {
        let ev = kb_triples("Putin met Xi in Beijing and then flew to Pyongyang.");
        assert!(
            ev.iter().all(|(s, _, t)| !(s == "CHN" && t == "PRK")),
            "{ev:?}"
        );
        assert!(
            ev.iter().any(|(s, _, t)| s == "RUS" && t == "PRK"),
            "{ev:?}"
        );
        // the shared subject is not the coordinated verb's target, the party after it is
        let ev = kb_triples(
            "Venezuela closed the borders with Brazil and Colombia, and severed ties with Colombia.",
        );
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "VEN" && c.starts_with("16") && t == "COL"),
            "{ev:?}"
        );
        // a party of its own before the verb is its subject
        let ev = kb_triples("Russia attacked Ukraine and NATO condemned Russia.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "IGOWSTNAT" && c.starts_with("11") && t == "RUS"),
            "{ev:?}"
        );
    }

    #[test]
    fn what_a_party_is_accused_of_is_not_its_act() {
        let ev = kb_triples("Ukraine accused Russia of shelling towns in Donetsk.");
        assert!(
            ev.iter()
                .any(|(s, c, t)| s == "UKR" && c.starts_with("11") && t == "RUS"),
            "{ev:?}"
        );
        assert!(ev.iter().all(|(s, _, _)| s != "RUS"), "{ev:?}");
        // a party right before the event noun is its agent
        let ev = kb_triples("Ukraine condemned the Russian shelling of Kharkiv.");
        assert!(
            ev.iter().any(|(s, c, _)| s == "RUS" && c.starts_with("19")),
            "{ev:?}"
        );
    }

    #[test]
    fn a_countryless_name_only_the_ner_found_is_no_party_nor_are_its_coreferents() {
        let body = "Ada Brightwater spoke. Brightwater accused Russia.";
        let second = Span::new(23, body.len());
        let ms = vec![
            mention(&body[..22], "Ada Brightwater", "local:ada", None, "ner"),
            mention(body, "Brightwater", "local:ada", None, "coref"),
            mention(body, "Russia", "RUS", Some("RUS"), "kb"),
        ];
        let ps = parties(body, &words(body, second), second, &ms);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].actors[0].actor_id.as_deref(), Some("RUS"));
        // the same name found by the patterns stays a party
        let mut by_pattern = ms.clone();
        by_pattern[0].found_by = "pattern".into();
        assert_eq!(
            parties(body, &words(body, second), second, &by_pattern).len(),
            2
        );
    }

    #[test]
    fn a_party_inside_a_closed_relative_clause_is_no_subject_after_it() {
        let body = "Hezbollah, which Iran backs, fired rockets at Israel.";
        let ws = words(body, Span::new(0, body.len()));
        let iran = Party {
            first: 3,
            last: 3,
            actors: Vec::new(),
            name: "Iran".into(),
            place: false,
        };
        assert_eq!(ws[3].norm, "iran");
        assert!(in_closed_relative(&ws, &iran, 6));
        // still open: "Hezbollah, which Iran backs" (the verb of the relative clause itself)
        assert!(!in_closed_relative(&ws, &iran, 4));
    }

    #[test]
    fn the_subject_of_a_victim_verb_is_the_target() {
        let t = kb_triples("Three Syrian soldiers died in a Turkish drone attack.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "TUR" && c.starts_with("19") && g == "SYR"),
            "{t:?}"
        );
        assert!(t.iter().all(|(s, _, _)| s != "SYR"), "{t:?}");
        let t = kb_triples("Two Ukrainian civilians perished in Russian shelling.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "RUS" && c.starts_with("19") && g == "UKR"),
            "{t:?}"
        );
        // "by" names the agent; with no agent the dead are no source
        let t = kb_triples("Five Iraqi policemen died by Syrian fire.");
        assert!(t.iter().any(|(s, _, g)| s == "SYR" && g == "IRQ"), "{t:?}");
        let t = kb_triples("Three Syrian soldiers died on Monday.");
        assert!(t.iter().all(|(s, _, _)| s != "SYR"), "{t:?}");
        // the active killing keeps its subject as the source
        let t = kb_triples("Turkish troops killed three Syrian soldiers.");
        assert!(t.iter().any(|(s, _, g)| s == "TUR" && g == "SYR"), "{t:?}");
    }

    #[test]
    fn a_participle_describing_the_subject_is_not_the_main_verb() {
        let t = kb_triples(
            "The Ukrainian civilians imprisoned for acting against Russia were released yesterday by Putin.",
        );
        assert!(t.iter().all(|(_, c, _)| !c.starts_with("17")), "{t:?}");
        assert!(
            // the main verb's target is the noun the participle describes, not Russia
            t.iter()
                .any(|(s, c, g)| s == "RUS" && c.starts_with("08") && g == "UKR"),
            "{t:?}"
        );
        let t = kb_triples("Ukrainian soldiers captured in Mariupol were freed by Russia.");
        assert!(t.iter().all(|(s, _, _)| s != "UKR"), "{t:?}");
        assert!(t.iter().any(|(s, _, g)| s == "RUS" && g == "UKR"), "{t:?}");
        // an active verb with its own clause after it stays the main verb
        let t = kb_triples("Russian forces attacked in the night while Ukraine was asleep.");
        assert!(
            t.iter().any(|(s, c, _)| s == "RUS" && c.starts_with("19")),
            "{t:?}"
        );
        let t = kb_triples("Russia attacked Ukrainian positions that were held by rebels.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "RUS" && c.starts_with("19") && g == "UKR"),
            "{t:?}"
        );
    }

    #[test]
    fn a_party_modifying_the_subjects_head_is_the_source_not_the_party_of_its_phrase() {
        let t = kb_triples("The Turkish sides of the divided island of Cyprus criticized Greece.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "TUR" && c.starts_with("11") && g == "GRC"),
            "{t:?}"
        );
        let t = kb_triples("The Turkish ambassador to France criticized Russia.");
        assert!(t.iter().any(|(s, _, g)| s == "TUR" && g == "RUS"), "{t:?}");
        assert!(t.iter().all(|(s, _, _)| s != "FRA"), "{t:?}");
        // with no party before the head, the party of the phrase is the source
        let t = kb_triples("The leaders of France criticized Russia.");
        assert!(t.iter().any(|(s, _, g)| s == "FRA" && g == "RUS"), "{t:?}");
        // a countryless agent is owned by the phrase, not named instead of it
        let t = kb_triples("Troops and aircraft from Turkey attacked Syria.");
        assert!(t.iter().any(|(s, _, g)| s == "TUR" && g == "SYR"), "{t:?}");
    }

    #[test]
    fn the_datelines_city_and_agency_are_no_sides() {
        // the subject is no mention: the agency before it must not stand in for it
        let t = kb_triples(
            "WASHINGTON, Jan 5 (Reuters) - Republican lawmakers criticised the decision.",
        );
        assert!(t.iter().all(|(s, _, _)| s != "GBR" && s != "USA"), "{t:?}");
        let t = kb_triples("MOSCOW (AP) - Russia accused Ukraine of shelling a power plant.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "RUS" && c.starts_with("11") && g == "UKR"),
            "{t:?}"
        );
    }

    #[test]
    fn a_dateline_ends_at_the_dash_after_the_agency() {
        let end = |text: &str| dateline_end(text, &words(text, Span::new(0, text.len())));
        let text = "MANILA, March 14 (Reuters) - The Philippines summoned China's envoy.";
        assert_eq!(end(text), text.find('-').unwrap() + 1);
        let text = "TBILISI (AP) \u{2014} Police detained protesters.";
        assert_eq!(
            end(text),
            text.find('\u{2014}').unwrap() + '\u{2014}'.len_utf8()
        );
        // a list, a compound word or a dash with no agency before it opens no dateline
        assert_eq!(
            end("Russia, China and Iran - three allies - held talks."),
            0
        );
        assert_eq!(end("Pro-Kremlin groups (and others) protested."), 0);
        assert_eq!(end("US-Russia talks (in Geneva) - a first."), 0);
    }

    #[test]
    fn its_owning_a_thing_is_no_party() {
        for body in [
            "Its products are made in India, but little is known about its supply chain.",
            "The firm's plant in France is small; its production process supports local farms.",
        ] {
            let t = kb_triples(body);
            assert!(t.is_empty(), "{body}: {t:?}");
        }
    }

    #[test]
    fn its_and_whose_stand_for_the_state_named_before_them_not_a_city() {
        let t = kb_triples("Russia rejected the report. Its envoy in Vienna criticised Iran.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "RUS" && c.starts_with("11") && g == "IRN"),
            "{t:?}"
        );
        assert!(t.iter().all(|(s, _, _)| s != "AUT"), "{t:?}");
        // the agency of the dateline is no owner
        let t = kb_triples(
            "LONDON, May 2 (Reuters) - A tanker was seized in the Gulf on Monday. Its owner \
             accused Iran of piracy.",
        );
        assert!(t.iter().all(|(s, _, _)| s != "GBR"), "{t:?}");
        // a countryless agent after "whose" is the owner's
        let t = kb_triples("Britain praised Norway, whose government condemned Iran.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "NOR" && c.starts_with("11") && g == "IRN"),
            "{t:?}"
        );
    }

    /// (source, code, target) countries of `body` through the standard pipeline with the
    /// parse; None when the parse model is not there (crate::parse's tests say so).
    fn parsed_triples(title: &str, body: &str) -> Option<Vec<(String, String, String)>> {
        let parser = crate::parse::Parser::load_default().ok()?;
        let pipeline = crate::pipeline::Pipeline::standard().with_parser(parser);
        let analysis = pipeline.analyze(&parley_core::Article::new(title, body));
        let c = |a: &Option<EventActor>| {
            a.as_ref()
                .and_then(|a| a.country.clone())
                .unwrap_or_else(|| "-".into())
        };
        let t = analysis.events.iter();
        Some(
            t.map(|e| (c(&e.source), e.code.clone(), c(&e.target)))
                .collect(),
        )
    }

    #[test]
    fn its_before_an_officials_title_and_name_is_the_state_named_before() {
        let Some(t) = parsed_triples(
            "Title",
            "Oman welcomed the release of the sailors on Friday. Its foreign minister, Badr \
             Albusaidi, thanked Iran and France for their cooperation.",
        ) else {
            return;
        };
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "OMN" && c.starts_with("05") && g == "IRN"),
            "{t:?}"
        );
        assert!(t.iter().all(|(s, _, _)| s != "-"), "{t:?}");
    }

    #[test]
    fn home_groups_of_a_sentence_opening_in_a_place_are_that_places_countrys() {
        let t = kb_triples("In Minsk, protesters accused the government of rigging the election.");
        assert!(
            t.iter()
                .any(|(s, c, g)| s == "BLR" && c.starts_with("11") && g == "BLR"),
            "{t:?}"
        );
        // the military is not the place's: it as often fights abroad
        let t = kb_triples("In Gaza, troops attacked Hamas positions.");
        assert!(t.iter().all(|(s, _, _)| s != "PSE"), "{t:?}");
    }

    #[test]
    fn them_after_a_verb_stands_for_the_plural_party_before_it() {
        let Some(t) = parsed_triples(
            "Title",
            "U.S. President Donald Trump has brought similar drama to trade talks with other \
             partners, including Japan, Canada and Mexico, publicly threatening them with tariffs.",
        ) else {
            return;
        };
        for c in ["JPN", "CAN", "MEX"] {
            assert!(
                t.iter()
                    .any(|(s, code, g)| s == "USA" && code.starts_with("13") && g == c),
                "{c}: {t:?}"
            );
        }
        // the object of a preposition is no verb's object
        let ws = words("Japan and Canada met, and many of them", Span::new(0, 38));
        let mut ps = vec![Party {
            first: 0,
            last: 2,
            actors: vec![actor_of("JPN"), actor_of("CAN")],
            name: "Japan".into(),
            place: false,
        }];
        plural_pronoun_objects(&ws, &mut ps);
        assert_eq!(ps.len(), 1, "{ps:?}");
    }

    fn actor_of(country: &str) -> EventActor {
        EventActor {
            name: country.into(),
            actor_id: Some(country.into()),
            country: Some(country.into()),
            sector: None,
        }
    }
}

/// How many words may stand between an attribution's comma and its speaker ("a senior Bree").
const ATTRIBUTION_LEAD: usize = 4;
/// How many words may stand between the speaker's mention and the speech verb ("army official").
const ATTRIBUTION_GAP: usize = 2;

/// How many words may follow the speech verb of a closing attribution ("told reporters on
/// Monday"); more, or a comma, and the speaker says something of its own ("said they remained").
const ATTRIBUTION_TAIL: usize = 4;

/// Whether `p` speaks in the attribution clause that closes the sentence after a comma (", a
/// senior Lebanese official said on Monday.", ", Russia's defence ministry said."): it reports
/// the clause before the comma and is no side of its events. `speech_at(k)` says whether a
/// speech cue starts at word `k` (data/events/status_cues.txt, `report`).
pub fn attribution_speaker(ws: &[Word], p: &Party, speech_at: &dyn Fn(usize) -> bool) -> bool {
    let lead = (p.first.saturating_sub(ATTRIBUTION_LEAD + 1)..p.first)
        .rev()
        .find(|&k| ws[k].norm == ",")
        .is_some_and(|c| ws[c + 1..p.first].iter().all(|w| !w.is_punct()));
    let Some(verb) = (p.last + 1..=p.last + 1 + ATTRIBUTION_GAP)
        .take_while(|&k| k < ws.len() && !ws[k].is_punct())
        .find(|&k| speech_at(k))
    else {
        return false;
    };
    let tail = &ws[verb + 1..];
    let closes = !tail.iter().any(|w| w.norm == "," || w.norm == ";")
        && tail.iter().filter(|w| !w.is_punct()).count() <= ATTRIBUTION_TAIL;
    lead && closes
}

/// Copulas (data/events/copulas.txt).
static COPULAS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(COPULAS_FILE));
pub(crate) const COPULAS_FILE: &str = include_str!("../../../../data/events/copulas.txt");
/// Ranks that make a predicate noun the infinitive's doer (data/events/subject_ranks.txt).
static SUBJECT_RANKS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(SUBJECT_RANKS_FILE));
pub(crate) const SUBJECT_RANKS_FILE: &str =
    include_str!("../../../../data/events/subject_ranks.txt");
/// Determiners that open a predicate noun phrase.
const PREDICATE_DETERMINERS: &[&str] = &["a", "an", "the", "no"];
/// Words that may stand between a copula and its predicate ("is not a", "remains still the").
const PREDICATE_ADVERBS: &[&str] = &["not", "n't", "still", "also", "now", "never", "hardly"];
/// How many words a predicate noun phrase may have between its determiner and "to".
const PREDICATE_REACH: usize = 4;

/// Prepositions an infinitive may leave stranded at a clause's end ("a partner to deal with.").
const STRANDED: &[&str] = &[
    "with", "to", "for", "on", "in", "at", "about", "from", "into",
];

/// Whether the verb at words `first..=last` is an infinitive that describes a copula's
/// predicate noun and lacks its object, the noun being that object ("Syria is not a safe place
/// to visit.", "remains a hard partner to deal with."): the copula's subject does not do it (it
/// is rather what is visited). An infinitive with an object of its own ("is an effort to expand
/// trade") is the subject's; so is one after a rank ("Germany was the first country to
/// recognise Kosovo"), whose noun does it.
pub fn predicate_infinitive(ws: &[Word], first: usize, last: usize) -> bool {
    if first < 3 || ws[first - 1].norm != "to" {
        return false;
    }
    // after the verb itself or a two-word verb ("deal with"); a pattern's words reach further
    let end = if last <= first + 1 { last } else { first };
    let ends = |k: usize| ws.get(k).is_none_or(|w| w.is_punct());
    let stranded = |k: usize| {
        ws.get(k)
            .is_some_and(|w| STRANDED.contains(&w.norm.as_str()))
    };
    let gap = ends(end + 1) || (stranded(end + 1) && ends(end + 2));
    if !gap {
        return false;
    }
    let lo = first.saturating_sub(2 + PREDICATE_REACH);
    let Some(det) = (lo..first - 1)
        .rev()
        .find(|&k| PREDICATE_DETERMINERS.contains(&ws[k].norm.as_str()))
    else {
        return false;
    };
    let noun_phrase = &ws[det + 1..first - 1];
    if noun_phrase.is_empty()
        || noun_phrase
            .iter()
            .any(|w| w.is_punct() || SUBJECT_RANKS.contains(&w.norm))
    {
        return false;
    }
    let mut k = det;
    while k > 0 && PREDICATE_ADVERBS.contains(&ws[k - 1].norm.as_str()) {
        k -= 1;
    }
    k > 0 && COPULAS.contains(&ws[k - 1].norm)
}

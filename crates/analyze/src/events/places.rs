//! Places as sides: where a sentence names no party in a role, the named place of the event
//! may stand for it, as news event data code it ("12 people were killed in a bombing in Kabul":
//! the victims' side is Afghanistan). Which event families let a place stand for which side is
//! data (`data/events/place_event_families.txt`); the place itself is a party the actors stage
//! already resolved to its country (Kabul, South Carolina), after a place preposition.

use super::roles::{Party, CLAUSE_BREAKS};
use super::tokens::Word;
use crate::actors::words::WordSet;
use std::sync::LazyLock;

/// What a place may stand for in an event family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRole {
    /// The unnamed people who suffer the act are the place's: the target.
    Victims,
    /// As `Victims`, only when the act's agent is named: a restriction or seizure "in Japan"
    /// with no agent is the place's own rule more often than an act upon it.
    VictimsOfAgent,
    /// A passive act aimed "from" a place: the source.
    Origin,
    /// A journey or meeting in or to a place: a visit to its country.
    Host,
}

/// The code a journey or meeting to a host place is coded as (CAMEO 042, make a visit).
pub const VISIT: &str = "042";
/// The sector of a place's unnamed people (PETRARCH's civilians).
const CIVILIANS: &str = "CVL";

pub(crate) const FAMILIES_FILE: &str =
    include_str!("../../../../data/events/place_event_families.txt");
pub(crate) const PLACE_WORDS_FILE: &str = include_str!("../../../../data/events/place_words.txt");

/// (code prefix, roles), longest prefix first.
static FAMILIES: LazyLock<Vec<(&'static str, Vec<PlaceRole>)>> = LazyLock::new(|| {
    let mut out = parse_families(FAMILIES_FILE);
    out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    out
});
static PLACE_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(PLACE_WORDS_FILE));

/// Parses the families file: `prefix | role role ...`; unknown roles are skipped (the file's
/// test names them).
pub(crate) fn parse_families(file: &'static str) -> Vec<(&'static str, Vec<PlaceRole>)> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (prefix, roles) = l.split_once('|')?;
            let roles = roles.split_whitespace().filter_map(role_named).collect();
            Some((prefix.trim(), roles))
        })
        .collect()
}

pub(crate) fn role_named(name: &str) -> Option<PlaceRole> {
    match name {
        "victims" => Some(PlaceRole::Victims),
        "victims-of-agent" => Some(PlaceRole::VictimsOfAgent),
        "origin" => Some(PlaceRole::Origin),
        "host" => Some(PlaceRole::Host),
        _ => None,
    }
}

/// The roles a place may take in events of `code` (the longest listed prefix's).
pub fn roles_for(code: &str) -> &'static [PlaceRole] {
    FAMILIES
        .iter()
        .find(|(p, _)| code.starts_with(p))
        .map_or(&[], |(_, r)| r.as_slice())
}

/// Prepositions before the place where something happens.
const IN_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "across",
    "throughout",
    "within",
    "around",
    "outside",
];
/// Prepositions before the place a journey goes to or a meeting is held in.
const HOST_PREPS: &[&str] = &["in", "to", "at"];
/// Prepositions before the place an act comes from.
const ORIGIN_PREPS: &[&str] = &["from"];
/// How many words after the trigger the place may be.
const PLACE_REACH: usize = 12;
/// Function words that may follow a place name ("in Kabul on Monday"); any other word makes
/// the name a modifier ("in Israeli tank shelling").
const FOLLOWERS: &[&str] = &[
    "on", "in", "at", "and", "or", "near", "after", "before", "during", "when", "where", "while",
    "with", "as", "since", "last", "this", "early", "late", "earlier", "over", "but", "for", "to",
    "from", "by", "amid", "despite", "killing", "wounding", "injuring", "leaving", "that", "which",
];

/// The place party in the clause after word `last`: a party whose every actor has a country,
/// right after one of `preps` (with determiners, directions and kinds of place between:
/// "in northeastern Nigeria", "in the city of Aleppo"), and not modifying a word after it.
/// The search stops at punctuation, a clause break or a relative pronoun.
pub fn place_after<'a>(
    ws: &[Word],
    ps: &'a [Party],
    last: usize,
    preps: &[&str],
) -> Option<&'a Party> {
    let end = (last + 1 + PLACE_REACH).min(ws.len());
    let stop = (last + 1..end)
        .find(|&k| {
            let w = ws[k].norm.as_str();
            (ws[k].is_punct() && !matches!(w, "'s" | "-"))
                || CLAUSE_BREAKS.contains(&w)
                || matches!(w, "who" | "which" | "that" | "whose" | "said" | "says")
        })
        .unwrap_or(end);
    ps.iter()
        .filter(|p| p.first > last && p.first < stop)
        .find(|p| {
            !p.actors.is_empty()
                && p.actors.iter().all(|a| a.country.is_some())
                && opened_by(ws, p.first, preps)
                && ends_place(ws, p.last + 1)
        })
}

/// Whether a party is the place an act happens in, named with a kind of place after a place
/// preposition: "in the Omani capital", "near the Syrian border", "in the Turkish city of
/// Istanbul" (the country named before the kind of place, or the place after "of" it). A
/// verbal act is held there, not aimed at its country.
pub fn venue(ws: &[Word], p: &Party) -> bool {
    let kind = |k: usize| ws.get(k).is_some_and(|w| PLACE_WORDS.contains(&w.norm));
    let named_kind = kind(p.last + 1) && opened_by(ws, p.first, IN_PREPS);
    // "the Turkish city of Istanbul": "of" after a kind of place after a one- or two-word
    // modifier that a place preposition opens
    let of_kind = p.first >= 3
        && ws[p.first - 1].norm == "of"
        && kind(p.first - 2)
        && (p.first.saturating_sub(4)..p.first - 2).any(|m| m > 0 && opened_by(ws, m, IN_PREPS));
    named_kind || of_kind
}

/// Whether `w` (lower-case) is a direction or a kind of place (data/events/place_words.txt).
pub(crate) fn place_word(w: &str) -> bool {
    PLACE_WORDS.contains(w)
}

/// Whether a place preposition stands before word `first`, with only determiners, directions
/// and kinds or parts of place ("the city of", "some parts of") between.
pub(crate) fn opened_by(ws: &[Word], first: usize, preps: &[&str]) -> bool {
    // "in parts of the western city of Mumbai": six words between
    (first.saturating_sub(7)..first)
        .rev()
        .take_while(|&k| {
            let w = ws[k].norm.as_str();
            preps.contains(&w) || matches!(w, "the" | "of" | "some") || PLACE_WORDS.contains(w)
        })
        .any(|k| preps.contains(&ws[k].norm.as_str()))
}

/// Whether the word at `k` may follow a place: nothing, punctuation, a function or time word,
/// or a kind of place ("Kabul province").
fn ends_place(ws: &[Word], k: usize) -> bool {
    let Some(w) = ws.get(k) else { return true };
    w.is_punct()
        || FOLLOWERS.contains(&w.norm.as_str())
        || PLACE_WORDS.contains(&w.norm)
        || super::coder::TIME_WORDS.contains(&w.norm)
}

/// Whether the subject of the verb at `first` is a personal pronoun (past auxiliaries and
/// adverbs).
fn pronoun_subject(ws: &[Word], first: usize) -> bool {
    (0..first)
        .rev()
        .find(|&k| !SKIPPED_BEFORE_VERB.contains(&ws[k].norm.as_str()))
        .is_some_and(|k| PERSONAL_PRONOUNS.contains(&ws[k].norm.as_str()))
}

/// Personal pronouns ("the bombings that killed": a relative pronoun's act is the noun's).
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Auxiliaries and adverbs between a subject and its verb.
const SKIPPED_BEFORE_VERB: &[&str] = &[
    "can", "could", "will", "would", "may", "might", "must", "should", "has", "have", "had", "did",
    "does", "do", "also", "not", "then", "just", "still", "already",
];

/// A party that names only cities or regions (not a capital standing for its government), not
/// after a place preposition: as the only side of an event it is where something happened, not
/// who acted ("Oklahoma City isn't hurting for coffee shops", "Louisiana came in second to
/// last"). After "in" or "from" it stands for the local authority or people of an agent the
/// actors stage does not name ("a court in Bishkek has freed", "officials from Kansas said").
pub fn only_place(ws: &[Word], p: &Party) -> bool {
    p.place
        && !p.actors.is_empty()
        && !opened_by(ws, p.first, IN_PREPS)
        && !opened_by(ws, p.first, ORIGIN_PREPS)
        && !country_name(&p.name)
}

/// Whether a mention's text is a country's name or other name ("The United States"): a
/// gazetteer may list whole countries as places, and a country acts.
fn country_name(text: &str) -> bool {
    let t = text.to_lowercase();
    let t = t.strip_prefix("the ").unwrap_or(&t);
    COUNTRY_NAMES.contains(t)
}

/// Countries' names and other names, lower case, without "the" (data/actors/countries.txt, read
/// by the knowledge base's own parser; the file is checked by its tests, so a bad line here
/// only leaves the set without it).
static COUNTRY_NAMES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    crate::actors::kb::parse_countries(include_str!("../../../../data/actors/countries.txt"))
        .unwrap_or_default()
        .into_iter()
        .flat_map(|c| std::iter::once(c.name).chain(c.names))
        .map(|n| {
            let n = n.to_lowercase();
            n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
        })
        .collect()
});

/// A target that is a group of people with no country ("civilians": `---CVL`), which the place
/// they are in may give one.
fn countryless_people(p: &Party) -> bool {
    !p.actors.is_empty()
        && p.actors
            .iter()
            .all(|a| a.country.is_none() && a.sector.as_deref() == Some(CIVILIANS))
}

/// The place as the victims' side: its countries' civilians (a place has no government of its
/// own to act or be acted on), named as the people were when they were named ("civilians").
fn as_victims(place: &Party, people: Option<&Party>) -> Party {
    let mut p = place.clone();
    for a in &mut p.actors {
        a.sector = Some(CIVILIANS.to_string());
        if let Some(name) = people.and_then(|q| q.actors.first()) {
            a.name = name.name.clone();
        }
    }
    p
}

/// The event word a place may give sides to.
#[derive(Debug, Clone, Copy)]
pub struct Act<'a> {
    pub code: &'a str,
    /// The trigger's first word.
    pub first: usize,
    /// The last word the trigger's pattern used.
    pub last: usize,
    pub passive: bool,
    /// An event noun ("the G20 summit in Hamburg": a meeting held there, no one's visit).
    pub noun: bool,
}

/// Sides an event takes from a place, where the roles it already has leave them open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceSides {
    /// The source, when a passive act came "from" a place.
    pub source: Option<Party>,
    /// The target, when the victims or the host are a place's.
    pub target: Option<Party>,
    /// The event's code, when a journey or meeting becomes a visit.
    pub code: Option<&'static str>,
    /// The target is the people of a place (an event with no named agent still has a side).
    pub victims: bool,
}

/// What a place gives an event of `code` whose trigger spans words `first..=last` (`last`: the
/// pattern's extent): the target for `victims` and `host` families when it is missing (or, for
/// victims, a countryless group of people, or the place itself taken as the object), the source
/// for `origin` families of a passive with none. A place is never a side already taken (the
/// source's party) nor replaces a named target.
pub fn place_sides(
    ws: &[Word],
    ps: &[Party],
    act: &Act,
    source: Option<&Party>,
    target: Option<&Party>,
) -> PlaceSides {
    let Act {
        code,
        first,
        last,
        passive,
        noun,
    } = *act;
    let roles = roles_for(code);
    let mut out = PlaceSides::default();
    let not_source = |p: &&Party| source.is_none_or(|s| s.first != p.first);
    if roles.contains(&PlaceRole::Origin) && passive && source.is_none() {
        out.source = place_after(ws, ps, last, ORIGIN_PREPS)
            .filter(|p| target.is_none_or(|t| t.first != p.first))
            .cloned();
    }
    let open = target.is_none_or(countryless_people);
    let victims = roles.contains(&PlaceRole::Victims)
        || (roles.contains(&PlaceRole::VictimsOfAgent) && source.is_some());
    // a visit by someone of no known country says nothing of whose place it is; two countries
    // meeting in a third one meet each other there ("the foreign ministers of Armenia and
    // Azerbaijan met in Washington")
    let visitor = source.is_some_and(|s| {
        let mut countries = s.actors.iter().filter_map(|a| a.country.as_deref());
        countries
            .next()
            .is_some_and(|first| countries.all(|c| c == first))
    });
    // a party that only says where ("in Kabul", "in the Gaza Strip")
    let at_place = |p: &Party| {
        p.actors.iter().all(|a| a.country.is_some())
            && opened_by(ws, p.first, IN_PREPS)
            && ends_place(ws, p.last + 1)
    };
    // "you can break up three days in Tokyo": an active verb's unresolved pronoun is someone,
    // not an unnamed attacker
    let victims = victims && (passive || source.is_some() || !pronoun_subject(ws, first));
    if victims && target.is_some_and(at_place) {
        // "overran a base in northeast Nigeria": the place the coder took for the object is
        // the victims' (a rebel group's own country is then no longer read as itself)
        out.target = target.map(|p| as_victims(p, None));
        out.victims = true;
    } else if victims && open {
        if let Some(p) = place_after(ws, ps, last, IN_PREPS).filter(not_source) {
            out.target = Some(as_victims(p, target));
            out.victims = true;
        }
    } else if roles.contains(&PlaceRole::Host) && target.is_none() && visitor && !noun {
        // a meeting at home is no visit ("Obama met in Washington")
        let abroad = |p: &&Party| {
            source.is_none_or(|s| {
                p.actors
                    .iter()
                    .all(|a| s.actors.iter().all(|b| a.country != b.country))
            })
        };
        if let Some(p) = place_after(ws, ps, last, HOST_PREPS)
            .filter(not_source)
            .filter(abroad)
        {
            out.target = Some(p.clone());
            out.code = Some(VISIT);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::roles::tests::kb_triples;

    fn has(ev: &[(String, String, String)], s: &str, code: &str, t: &str) -> bool {
        ev.iter()
            .any(|(a, c, b)| a == s && c.starts_with(code) && b == t)
    }

    #[test]
    fn families_file_names_known_roles_and_codes() {
        for line in FAMILIES_FILE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (prefix, roles) = line.split_once('|').expect("prefix | roles");
            let prefix = prefix.trim();
            assert!(
                !prefix.is_empty()
                    && prefix.len() <= 4
                    && prefix.chars().all(|c| c.is_ascii_digit()),
                "{line:?}"
            );
            for r in roles.split_whitespace() {
                assert!(role_named(r).is_some(), "unknown role {r:?} in {line:?}");
            }
        }
        assert!(roles_for("190").contains(&PlaceRole::Victims));
        assert!(roles_for("0183").contains(&PlaceRole::Victims));
        assert!(
            roles_for("174").is_empty(),
            "an expulsion's place is no side"
        );
        assert!(
            roles_for("010").is_empty(),
            "a statement's place is no side"
        );
        assert!(roles_for("070").is_empty(), "aid's place is no side");
        assert_eq!(roles_for("044"), &[PlaceRole::Host]);
    }

    #[test]
    fn place_words_list_is_one_lower_case_word_a_line() {
        for w in crate::actors::words::words(PLACE_WORDS_FILE) {
            assert!(
                !w.is_empty() && !w.contains(' ') && w == w.to_lowercase(),
                "place_words.txt: {w:?}"
            );
        }
        assert!(PLACE_WORDS.contains("northeastern") && PLACE_WORDS.contains("province"));
    }

    #[test]
    fn a_joint_act_in_a_third_countrys_city_named_by_kind_is_held_there_not_with_it() {
        for body in [
            "Israeli and Egyptian negotiators resumed talks in the Qatari capital on Monday.",
            "Russian and Ukrainian delegations held talks in the Turkish city of Istanbul.",
            "Armenia and Azerbaijan began talks near the Georgian border.",
        ] {
            let ev = kb_triples(body);
            assert!(!ev.is_empty(), "{body}");
            for third in ["QAT", "TUR", "GEO"] {
                assert!(ev.iter().all(|(_, _, t)| t != third), "{body}: {ev:?}");
            }
        }
        let ev =
            kb_triples("Israeli and Egyptian negotiators resumed talks in the Qatari capital.");
        assert!(
            has(&ev, "ISR", "04", "EGY") && has(&ev, "EGY", "04", "ISR"),
            "{ev:?}"
        );
        // another act keeps the country of its object's place
        let ev = kb_triples("Russia criticised the vote in the Ukrainian capital.");
        assert!(has(&ev, "RUS", "11", "UKR"), "{ev:?}");
    }

    #[test]
    fn unnamed_victims_of_violence_in_a_place_are_its_country() {
        let ev =
            kb_triples("Four children were killed in Israeli tank shelling in the Gaza Strip.");
        assert!(has(&ev, "ISR", "19", "PSE"), "{ev:?}");
        let ev = kb_triples("Twelve people were killed in a suicide bombing in Kabul on Monday.");
        assert!(has(&ev, "-", "19", "AFG"), "{ev:?}");
        let ev = kb_triples("Nigerian troops killed dozens of people in northeastern Nigeria.");
        assert!(has(&ev, "NGA", "19", "NGA"), "{ev:?}");
        let ev = kb_triples("Russian forces shelled villages in the Kharkiv region on Sunday.");
        assert!(has(&ev, "RUS", "19", "UKR"), "{ev:?}");
    }

    #[test]
    fn a_countryless_group_of_people_takes_the_country_of_their_place() {
        let ev = kb_triples("Gunmen attacked civilians on Monday in a market in Kabul.");
        assert!(
            ev.iter().any(|(_, c, t)| c.starts_with("19") && t == "AFG"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_place_never_replaces_a_named_target() {
        // the victims' home, not the place they fell in, is the target; the place is no agent
        let ev = kb_triples("Ten Russian soldiers were killed in Ukraine on Monday.");
        assert!(
            ev.iter().all(|(s, _, t)| s != "UKR" && t != "UKR"),
            "{ev:?}"
        );
        let ev = kb_triples("Israel shelled Hezbollah positions in Syria on Monday.");
        assert!(ev.iter().all(|(_, _, t)| t != "SYR"), "{ev:?}");
        let ev = kb_triples("Israeli jets struck Iranian targets in Syria on Monday.");
        assert!(has(&ev, "ISR", "19", "IRN"), "{ev:?}");
        assert!(ev.iter().all(|(_, _, t)| t != "SYR"), "{ev:?}");
    }

    #[test]
    fn a_country_modifying_a_noun_after_in_is_no_place() {
        let ev = kb_triples("Three people were killed in Israeli air strikes on Monday.");
        assert!(ev.iter().all(|(_, _, t)| t != "ISR"), "{ev:?}");
        let ev = kb_triples("Two men were tortured in Egyptian custody.");
        assert!(ev.iter().all(|(_, _, t)| t != "EGY"), "{ev:?}");
    }

    #[test]
    fn a_place_in_a_statement_meeting_or_aid_is_no_side() {
        let ev = kb_triples("Russia said in Geneva that the talks had failed.");
        assert!(ev.iter().all(|(_, _, t)| t != "CHE"), "{ev:?}");
        let ev = kb_triples("Germany sent food aid to refugees in Lebanon.");
        assert!(
            ev.iter()
                .all(|(_, c, t)| !(c.starts_with("07") && t == "LBN")),
            "{ev:?}"
        );
        // a dateline is no side
        let ev = kb_triples("GAZA CITY, Palestinian Territories: Four children were killed in Israeli tank shelling.");
        assert!(
            ev.iter().all(|(s, _, t)| s != "PSE" && t != "PSE"),
            "{ev:?}"
        );
    }

    #[test]
    fn sympathy_over_violence_in_a_place_is_addressed_to_its_people() {
        let ev = kb_triples("Obama expressed condolences over the shootings in South Carolina.");
        assert!(has(&ev, "USA", "018", "USA"), "{ev:?}");
        let ev = kb_triples("Putin expressed sympathy over the bombing in Kabul.");
        assert!(has(&ev, "RUS", "018", "AFG"), "{ev:?}");
    }

    #[test]
    fn a_journey_or_meeting_in_a_place_abroad_is_a_visit_to_its_country() {
        let ev = kb_triples("Putin attended a summit in Switzerland on Monday.");
        assert!(has(&ev, "RUS", "042", "CHE"), "{ev:?}");
        let ev = kb_triples("Putin arrived in Beijing on Monday.");
        assert!(has(&ev, "RUS", "042", "CHN"), "{ev:?}");
        // at home it is no visit
        let ev = kb_triples("Putin arrived in St. Petersburg on Monday.");
        assert!(ev.iter().all(|(_, c, _)| c != "042"), "{ev:?}");
        // another party met there stays the target
        let ev = kb_triples("Putin met Erdogan in Beijing on Monday.");
        assert!(ev.iter().all(|(_, _, t)| t != "CHN"), "{ev:?}");
    }

    #[test]
    fn two_countries_meeting_in_a_third_meet_each_other_not_the_host() {
        let ev = kb_triples("The foreign ministers of Armenia and Azerbaijan met in Washington.");
        assert!(has(&ev, "ARM", "04", "AZE"), "{ev:?}");
        assert!(has(&ev, "AZE", "04", "ARM"), "{ev:?}");
        assert!(
            ev.iter().all(|(s, _, t)| s != "USA" && t != "USA"),
            "{ev:?}"
        );
    }

    #[test]
    fn an_active_verb_with_a_pronoun_subject_has_no_place_victims() {
        let ev = kb_triples("Here is how you can break up three days in Tokyo.");
        assert!(ev.is_empty(), "{ev:?}");
        // a relative clause about an attack: unnamed attackers
        let ev = kb_triples(
            "Islamic State claimed responsibility for the bombings that killed 300 people in Sri Lanka.",
        );
        assert!(has(&ev, "-", "19", "LKA"), "{ev:?}");
    }

    #[test]
    fn a_city_or_region_alone_is_no_side_of_a_one_sided_event() {
        let ev = kb_triples("Oklahoma City is hurting for good coffee shops.");
        assert!(ev.is_empty(), "{ev:?}");
        let ev = kb_triples("Louisiana came in second to last.");
        assert!(ev.is_empty(), "{ev:?}");
        assert!(country_name("The United States") && country_name("Afghanistan"));
        assert!(!country_name("Oklahoma City"));
        // after "in", a place stands for its authorities
        let ev = kb_triples("The authorities in Chicago imposed a curfew on Monday.");
        assert!(
            ev.iter().any(|(s, c, _)| s == "USA" && c.starts_with("17")),
            "{ev:?}"
        );
        // a capital stands for its government
        let ev = kb_triples("Moscow threatened Kyiv with sanctions.");
        assert!(has(&ev, "RUS", "1", "UKR"), "{ev:?}");
    }

    #[test]
    fn a_passive_attack_from_a_place_has_its_country_for_source() {
        let ev = kb_triples("Israel said a mortar bomb was fired at it from the Gaza Strip.");
        assert!(has(&ev, "PSE", "19", "ISR"), "{ev:?}");
        let ev = kb_triples("Rockets were fired at Israel from Lebanon on Monday.");
        assert!(has(&ev, "LBN", "19", "ISR"), "{ev:?}");
    }

    #[test]
    fn troops_on_alert_in_a_named_place_of_another_country_are_aimed_at_it() {
        let ev = kb_triples("Turkish troops remained on alert in northern Iraq.");
        assert!(has(&ev, "TUR", "15", "IRQ"), "{ev:?}");
        // a statement made there is not aimed at it
        let ev = kb_triples("Turkish troops said in northern Iraq that they were ready.");
        assert!(ev.iter().all(|(_, _, t)| t != "IRQ"), "{ev:?}");
    }

    #[test]
    fn a_restriction_in_parts_of_a_place_is_on_that_place() {
        for body in [
            "Ethiopian troops imposed a curfew in parts of Somalia.",
            "Ethiopian troops imposed a curfew in some parts of southern Somalia.",
            "Ethiopian troops imposed a curfew in parts of the southern region of Somalia.",
            "Ethiopian troops imposed a curfew in some areas of Somalia that had seen riots.",
        ] {
            let ev = kb_triples(body);
            assert!(has(&ev, "ETH", "17", "SOM"), "{body}: {ev:?}");
        }
        // a place modifying a later word is still no place ("in Somali custody")
        let ev = kb_triples("Ethiopian troops held the suspects in Somali custody.");
        assert!(ev.iter().all(|(_, _, t)| t != "SOM"), "{ev:?}");
    }
}

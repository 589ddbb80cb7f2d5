//! Dictionary matching: every name and role word of the knowledge base in one aho-corasick
//! automaton over the folded text, with word-boundary and case checks.
//!
//! A hit must start on a word boundary, so the automaton is anchored and run only from the
//! positions where a word can start, each walk ending as soon as no name continues the text:
//! the same hits as an unanchored overlapping scan of every byte, at a fraction of the steps.

use super::fold::fold;
use super::kb::KnowledgeBase;
use super::text::Tok;
use super::words::{files, words};
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::{Builder, NFA};
use aho_corasick::{Anchored, MatchKind};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a dictionary phrase stands for (indices into the knowledge base's lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    CountryName(usize),
    Demonym(usize),
    Capital(usize),
    Org(usize),
    Place(usize),
    Person(usize),
    Role(usize),
    /// A name with several readings in `ambiguous.txt` (the alias as written there).
    Ambiguous(String),
}

impl Target {
    /// Whether the target names a country or place (which a person's name can contain).
    pub fn is_geographic(&self) -> bool {
        matches!(
            self,
            Target::CountryName(_) | Target::Capital(_) | Target::Place(_) | Target::Ambiguous(_)
        )
    }
}

#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    /// The folded phrase; when `case_sensitive`, the text must equal it exactly.
    folded: String,
    case_sensitive: bool,
    /// A name of several words (not a role word): its words must not be capitalised in part
    /// (see [`Matcher::capitalised_as`]).
    needs_capitals: bool,
}

/// The state of one search: the candidate hits so far, and a buffer for the phrases of a walk.
#[derive(Default)]
struct Walk {
    cands: Vec<Hit>,
    phrases: Vec<(usize, usize)>,
}

/// A dictionary hit in folded coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

/// The compiled dictionary.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Walked anchored from each possible start: the walk ends at the first byte no phrase
    /// continues with. (A contiguous NFA: a tenth of the DFA's memory, so it stays in cache and
    /// is faster here.)
    nfa: NFA,
    entries: Vec<Vec<Entry>>,
    /// The bytes some phrase starts with (both ASCII cases): a walk from any other byte dies
    /// at once, so it is not started.
    first_bytes: [bool; 256],
    /// The openings of the phrases (see [`Openings`]): a walk from a word start no phrase
    /// opens with is not started either.
    openings: Openings,
    /// Whether some phrase starts with a byte that can open a white-space character: then the
    /// starts between tokens matter and [`Matcher::find_in_tokens`] scans the text instead.
    starts_at_spaces: bool,
    /// Words of a name that may be in lower case in the text: `name-lower-words.txt` and the
    /// knowledge base's one-word role phrases ("government").
    lower_ok: HashSet<String>,
}

/// Bit sets over the openings of the phrases: the first eight bytes of each phrase that long,
/// the first four bytes of the phrases of four to seven bytes, and the first two bytes of the
/// shorter ones ("US", "IMF"), all lower case. Most words of a text open no phrase, and a walk,
/// though short, steps through states scattered over the automaton's memory; these small sets
/// stay in cache and rule most of those walks out. Eight bytes tell "the Kremlin" from "the new
/// plan", which four ("the ") cannot. A set bit may be a collision or a shorter word (the walk
/// then finds nothing); an unset bit is certain.
#[derive(Debug, Clone)]
struct Openings {
    /// Hashed eight-byte openings of the long phrases, 2^OPENING_BITS bits (8 kB).
    eight: Vec<u64>,
    /// Hashed four-byte openings of the phrases of four to seven bytes (8 kB).
    four: Vec<u64>,
    /// Two-byte openings of the short phrases, indexed by the two bytes (8 kB).
    short: Vec<u64>,
}

const OPENING_LEN: usize = 4;
const LONG_OPENING_LEN: usize = 8;
const OPENING_BITS: u32 = 16;

impl Openings {
    fn new<'k>(keys: impl Iterator<Item = &'k str>) -> Self {
        let mut set = Openings {
            eight: vec![0; 1 << (OPENING_BITS - 6)],
            four: vec![0; 1 << (OPENING_BITS - 6)],
            short: vec![0; 1 << (16 - 6)],
        };
        for key in keys.map(str::as_bytes).filter(|k| !k.is_empty()) {
            if key.len() >= LONG_OPENING_LEN {
                let mut w = [0u8; LONG_OPENING_LEN];
                w.copy_from_slice(&key[..LONG_OPENING_LEN]);
                set_bit(&mut set.eight, eight_slot(long_opening_word(w)));
            } else if key.len() >= OPENING_LEN {
                let mut w = [0u8; OPENING_LEN];
                w.copy_from_slice(&key[..OPENING_LEN]);
                set_bit(&mut set.four, four_slot(opening_word(w)));
            } else if key.len() == 1 {
                // A one-byte phrase: every second byte.
                for b in 0..=255u8 {
                    set_bit(&mut set.short, short_slot(opening_word([key[0], b, 0, 0])));
                }
            } else {
                set_bit(
                    &mut set.short,
                    short_slot(opening_word([key[0], key[1], 0, 0])),
                );
            }
        }
        set
    }

    /// Whether some phrase may start at `text[s..]` (false only when none can).
    fn may_open(&self, text: &[u8], s: usize) -> bool {
        let Some(window) = text.get(s..s + OPENING_LEN) else {
            return true; // near the end of the text: walk
        };
        let mut bytes = [0u8; OPENING_LEN];
        bytes.copy_from_slice(window);
        let w = opening_word(bytes);
        if has_bit(&self.four, four_slot(w)) || has_bit(&self.short, short_slot(w)) {
            return true;
        }
        let Some(window) = text.get(s..s + LONG_OPENING_LEN) else {
            return false; // no long phrase fits in what is left
        };
        let mut bytes = [0u8; LONG_OPENING_LEN];
        bytes.copy_from_slice(window);
        has_bit(&self.eight, eight_slot(long_opening_word(bytes)))
    }
}

fn set_bit(bits: &mut [u64], slot: usize) {
    bits[slot >> 6] |= 1 << (slot & 63);
}

fn has_bit(bits: &[u64], slot: usize) -> bool {
    bits[slot >> 6] & (1 << (slot & 63)) != 0
}

/// Four bytes as one word with every byte's 0x20 bit set: ASCII letters in lower case (other
/// bytes may meet each other, which only sets a bit for more texts than needed).
fn opening_word(bytes: [u8; OPENING_LEN]) -> u32 {
    u32::from_le_bytes(bytes) | 0x2020_2020
}

/// Eight bytes as one word, lower-cased as in [`opening_word`].
fn long_opening_word(bytes: [u8; LONG_OPENING_LEN]) -> u64 {
    u64::from_le_bytes(bytes) | 0x2020_2020_2020_2020
}

fn eight_slot(word: u64) -> usize {
    let m = u128::from(word) * 0x9E37_79B9_7F4A_7C15_u128;
    (((m as u64) ^ ((m >> 64) as u64)) >> (64 - OPENING_BITS)) as usize
}

fn four_slot(word: u32) -> usize {
    (u64::from(word).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - OPENING_BITS)) as usize
}

/// The first two bytes of an opening word.
fn short_slot(word: u32) -> usize {
    (word & 0xffff) as usize
}

/// One-word names are case-sensitive ("US" is not "us", "Turkey" is not "turkey"; but see
/// [`odd_case`]); names of several words are not ("State department"), but need their capitals
/// in normally cased text ([`Matcher::capitalised_as`]).
fn case_sensitive(folded: &str) -> bool {
    !folded.contains(' ')
}

impl Matcher {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut by_key: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |phrase: &str, target: Target, role: bool| {
            // "=Russia Today": match this case only.
            let exact = phrase.starts_with('=');
            let folded = fold(phrase.trim_start_matches('='));
            if folded.is_empty() {
                return;
            }
            let key = folded.to_ascii_lowercase();
            let cs = exact || (!role && case_sensitive(&folded));
            let needs_capitals = !cs && !role;
            let list = by_key.entry(key).or_default();
            if !list
                .iter()
                .any(|e| e.target == target && e.folded == folded)
            {
                list.push(Entry {
                    target,
                    folded,
                    case_sensitive: cs,
                    needs_capitals,
                });
            }
        };
        for (i, c) in kb.countries.iter().enumerate() {
            add(&c.name, Target::CountryName(i), false);
            for n in &c.names {
                add(n, Target::CountryName(i), false);
            }
            for n in &c.demonyms {
                add(n, Target::Demonym(i), false);
            }
            for n in &c.capitals {
                add(n, Target::Capital(i), false);
            }
        }
        for (i, o) in kb.orgs.iter().enumerate() {
            add(&o.name, Target::Org(i), false);
            for n in &o.aliases {
                add(n, Target::Org(i), false);
            }
        }
        for (i, p) in kb.places.iter().enumerate() {
            add(&p.name, Target::Place(i), false);
            for n in &p.aliases {
                add(n, Target::Place(i), false);
            }
        }
        for (i, p) in kb.people.iter().enumerate() {
            add(&p.name, Target::Person(i), false);
            for n in &p.aliases {
                add(n, Target::Person(i), false);
            }
        }
        for (i, r) in kb.roles.iter().enumerate() {
            add(&r.phrase, Target::Role(i), true);
        }
        // An ambiguous alias stands for its readings only, decided in context.
        for alias in kb.ambiguous.keys() {
            let folded = fold(alias);
            let key = folded.to_ascii_lowercase();
            let cs = case_sensitive(&folded);
            by_key.insert(
                key,
                vec![Entry {
                    target: Target::Ambiguous(alias.clone()),
                    folded,
                    case_sensitive: cs,
                    needs_capitals: !cs,
                }],
            );
        }
        let mut keys: Vec<String> = by_key.keys().cloned().collect();
        keys.sort();
        let entries: Vec<Vec<Entry>> = keys
            .iter()
            .map(|k| by_key.remove(k).unwrap_or_default())
            .collect();
        let nfa = Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&keys)
            .expect("the dictionary automaton builds from plain strings");
        let mut first_bytes = [false; 256];
        for b in keys.iter().filter_map(|k| k.bytes().next()) {
            first_bytes[usize::from(b.to_ascii_lowercase())] = true;
            first_bytes[usize::from(b.to_ascii_uppercase())] = true;
        }
        let openings = Openings::new(keys.iter().map(String::as_str));
        // ASCII white space, and the first bytes of the other white-space characters (U+0085,
        // U+00A0, U+1680, U+2000..U+205F, U+3000).
        let space_bytes = [
            b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xc2, 0xe1, 0xe2, 0xe3,
        ];
        let starts_at_spaces = space_bytes.iter().any(|&b| first_bytes[usize::from(b)]);
        let lower_ok = words(files::NAME_LOWER_WORDS)
            .into_iter()
            .map(String::from)
            .chain(
                kb.roles
                    .iter()
                    .filter(|r| !r.phrase.contains(' '))
                    .map(|r| r.phrase.to_lowercase()),
            )
            .collect();
        Matcher {
            nfa,
            entries,
            first_bytes,
            openings,
            starts_at_spaces,
            lower_ok,
        }
    }

    /// Every dictionary phrase that starts at byte `s` of `text`, as (end, pattern index), in
    /// the order the automaton reaches them (shortest first).
    fn phrases_at(&self, text: &[u8], s: usize, out: &mut Vec<(usize, usize)>) {
        let Ok(mut sid) = self.nfa.start_state(Anchored::Yes) else {
            return;
        };
        for (at, &byte) in text.iter().enumerate().skip(s) {
            sid = self.nfa.next_state(Anchored::Yes, sid, byte);
            if !self.nfa.is_special(sid) {
                continue;
            }
            if self.nfa.is_dead(sid) {
                return;
            }
            let end = at + 1;
            for k in 0..self.nfa.match_len(sid) {
                let pid = self.nfa.match_pattern(sid, k);
                // A state also reports the names that end here but start later (its suffixes).
                if end - self.nfa.pattern_len(pid) == s {
                    out.push((end, pid.as_usize()));
                }
            }
        }
    }

    /// All dictionary hits in `text` (folded), longest first where they overlap, on word
    /// boundaries and with the case of case-sensitive names respected.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_in(text, true)
    }

    /// As [`Matcher::find`], for a text already split into `toks` (its [`super::text::tokenize`]
    /// tokens): the starts are read off the tokens instead of a scan of every byte. They are
    /// the starts of [`word_starts`] that are not white space: each token's start, and in a
    /// word token each inner hyphen or apostrophe and the character after it ("Jean-Pierre":
    /// J, the hyphen, P). A word token always follows a character that is not a word character.
    pub fn find_in_tokens(&self, text: &str, toks: &[Tok]) -> Vec<Hit> {
        if self.starts_at_spaces {
            return self.find(text);
        }
        let bytes = text.as_bytes();
        let mut walk = Walk::default();
        for t in toks {
            self.walk_from(text, t.start, true, &mut walk);
            if !t.word {
                continue;
            }
            let joints = (t.start + 1..t.end).filter(|&k| matches!(bytes[k], b'-' | b'\''));
            for k in joints {
                self.walk_from(text, k, true, &mut walk);
                self.walk_from(text, k + 1, true, &mut walk);
            }
        }
        longest_first(walk.cands)
    }

    /// As [`Matcher::find`]; `use_openings` false walks from every possible start (the same
    /// hits, for the tests).
    fn find_in(&self, text: &str, use_openings: bool) -> Vec<Hit> {
        let mut walk = Walk::default();
        for s in word_starts(text) {
            self.walk_from(text, s, use_openings, &mut walk);
        }
        longest_first(walk.cands)
    }

    /// Adds the hits that start at byte `s` to `walk`, unless no phrase can start there.
    fn walk_from(&self, text: &str, s: usize, use_openings: bool, walk: &mut Walk) {
        let bytes = text.as_bytes();
        if !self.first_bytes[usize::from(bytes[s])]
            || (use_openings && !self.openings.may_open(bytes, s))
        {
            return;
        }
        walk.phrases.clear();
        self.phrases_at(bytes, s, &mut walk.phrases);
        for &(e, pattern) in &walk.phrases {
            if let Some(hit) = self.hit(text, s, e, pattern) {
                walk.cands.push(hit);
            }
        }
    }

    /// The hit for dictionary phrase `pattern` found at `s..e`, if it stands on word
    /// boundaries with the case a case-sensitive name needs, and with the capitals a name of
    /// several words needs.
    fn hit(&self, text: &str, s: usize, e: usize, pattern: usize) -> Option<Hit> {
        if !boundary_after(text, e) {
            return None;
        }
        let found = text.get(s..e)?;
        let entry = self.entries[pattern].iter().find(|en| {
            (!en.case_sensitive
                || en.folded == found
                || odd_case(found)
                || title_case_acronym(found, &en.folded, &en.target))
                && (!en.needs_capitals || self.capitalised_as(found, &en.folded, opens(text, s)))
        })?;
        Some(Hit {
            start: s,
            end: e,
            target: entry.target.clone(),
        })
    }

    /// Whether `found` is written as the name `name` (the two differ only in ASCII case): not
    /// with a capital on some word while the last word the name capitalises (its head, words
    /// that may be in lower case such as "of" or "government" aside) is in lower case. "a
    /// strict Islamic state" is no Islamic State (the writer did not capitalise the noun);
    /// "the state department" (all in lower case, as careless text writes it), "eastern
    /// Europe" and "ISLAMIC STATE" are the names. A capital on a first word that opens a
    /// sentence (`at_opening`) says nothing.
    fn capitalised_as(&self, found: &str, name: &str, at_opening: bool) -> bool {
        let (mut upper, mut head_lower) = (false, false);
        let words = found.split(' ').zip(name.split(' ')).enumerate();
        for (k, (f, n)) in words {
            if !starts_upper(n) {
                continue;
            }
            if starts_upper(f) {
                upper |= k > 0 || !at_opening;
                head_lower = false;
            } else if !self.lower_ok.contains(n.to_ascii_lowercase().as_str()) {
                head_lower = true;
            }
        }
        !(upper && head_lower)
    }

    /// The targets a phrase would match on its own (for tests and look-ups).
    pub fn lookup(&self, phrase: &str) -> Vec<Target> {
        let f = fold(phrase);
        self.find(&f)
            .into_iter()
            .filter(|h| h.start == 0 && h.end == f.len())
            .map(|h| h.target)
            .collect()
    }
}

/// The candidate hits without those inside a longer one, by start.
fn longest_first(mut cands: Vec<Hit>) -> Vec<Hit> {
    cands.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
    });
    // Longest first, then leftmost: no hit inside a longer one.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&cands[a], &cands[b]);
        (y.end - y.start)
            .cmp(&(x.end - x.start))
            .then(x.start.cmp(&y.start))
    });
    // The spans taken so far, disjoint, by start: only the last one starting before a hit's
    // end can overlap it.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; cands.len()];
    for i in order {
        let h = &cands[i];
        let overlaps = taken
            .range(..h.end)
            .next_back()
            .is_some_and(|(_, &e)| h.start < e);
        if overlaps {
            continue;
        }
        taken.insert(h.start, h.end);
        keep[i] = true;
    }
    cands
        .into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// A word in capitals of three letters or more ("TURKEY") or with a small first letter and a
/// capital after it ("iSrael"): written so on purpose, so not the common word a one-word name
/// can also be ("turkey"), and matched whatever its case. ("CIs" is a plural, "XI" may be a
/// numeral.)
fn odd_case(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    let (mut n, mut upper, mut lower) = (1, 0, 0);
    for c in letters {
        n += 1;
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    let capitals = first.is_uppercase() && lower == 0 && n >= 3;
    capitals || (first.is_lowercase() && upper > 0)
}

/// An organisation's acronym of four letters or more as British and wire style writes it,
/// with one capital: "Nato", "Farc", "Ecowas", "Unicef" for NATO, FARC, ECOWAS, UNICEF.
/// Shorter acronyms stay exact ("Us", "Who" are words).
fn title_case_acronym(found: &str, name: &str, target: &Target) -> bool {
    let acronym = name.len() >= 4 && name.bytes().all(|b| b.is_ascii_uppercase());
    acronym
        && matches!(target, Target::Org(_))
        && found.len() == name.len()
        && found.as_bytes()[0] == name.as_bytes()[0]
        && found[1..] == name[1..].to_ascii_lowercase()
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether byte `s` of `text` opens a sentence or quotation: nothing but spaces between it and
/// the start of the text or a full stop, question or exclamation mark, quote or colon.
fn opens(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '"', '\'', ':', '(', '\n'])
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The offsets where a hit may start: every character that is not a word character or that
/// follows one that is not (or starts the text).
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut prev_word = false;
    (0..bytes.len()).filter(move |&at| {
        let b = bytes[at];
        let word = if b.is_ascii() {
            b.is_ascii_alphanumeric()
        } else if b & 0xC0 == 0x80 {
            return false; // inside a character
        } else {
            text[at..].chars().next().is_some_and(is_word_char)
        };
        let start = !prev_word || !word;
        prev_word = word;
        start
    })
}

fn boundary_after(text: &str, e: usize) -> bool {
    let bytes = text.as_bytes();
    if e == 0 || !bytes[e - 1].is_ascii_alphanumeric() {
        return true;
    }
    match text.get(e..).and_then(|t| t.chars().next()) {
        None => true,
        Some(c) => !is_word_char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> (KnowledgeBase, Matcher) {
        let kb = KnowledgeBase::builtin().unwrap();
        let m = Matcher::new(&kb);
        (kb, m)
    }

    #[test]
    fn one_word_names_are_case_sensitive() {
        let (_, m) = m();
        let t = "Let us talk to the US about turkey and Turkey.";
        let hits = m.find(t);
        let words: Vec<&str> = hits.iter().map(|h| &t[h.start..h.end]).collect();
        assert_eq!(words, vec!["US", "Turkey"]);
    }

    #[test]
    fn longest_match_wins_and_words_are_whole() {
        let (kb, m) = m();
        let t = "Deputy Secretary of State Wendy Sherman met Nigerians, not Niger.";
        let hits = m.find(t);
        let words: Vec<&str> = hits.iter().map(|h| &t[h.start..h.end]).collect();
        assert_eq!(
            words,
            vec![
                "Deputy Secretary of State",
                "Wendy Sherman",
                "Nigerians",
                "Niger"
            ]
        );
        match &hits[0].target {
            Target::Role(i) => assert_eq!(kb.roles[*i].role.as_deref(), Some("DFM")),
            t => panic!("{t:?}"),
        }
    }

    #[test]
    fn multiword_names_ignore_case() {
        let (_, m) = m();
        assert!(matches!(
            m.lookup("the state department".trim_start_matches("the "))[..],
            [Target::Org(_)]
        ));
        assert!(m.lookup("kremlin").is_empty());
        assert!(matches!(m.lookup("Kremlin")[..], [Target::Org(_)]));
    }

    #[test]
    fn names_of_several_words_need_their_capitals_in_cased_text() {
        let (_, m) = m();
        let words = |t: &str| -> Vec<String> {
            m.find(t)
                .iter()
                .map(|h| t[h.start..h.end].to_string())
                .collect()
        };
        // "state" in lower case is a common noun, not the group's name
        assert!(!words("They want a strict Islamic state in the north.")
            .contains(&"Islamic state".to_string()));
        assert!(words("Islamic State fighters took the town.").contains(&"Islamic State".into()));
        // headlines in Title Case and text all in capitals keep the name
        assert!(words("Islamic State Fighters Take Town").contains(&"Islamic State".into()));
        assert!(words("ISLAMIC STATE FIGHTERS TOOK THE TOWN").contains(&"ISLAMIC STATE".into()));
        // a name all in lower case, as careless text writes it, is still the name
        assert!(words("It slammed the state department.").contains(&"state department".into()));
        // a lower-case word before the name's capitalised head is an adjective
        assert!(words("Prices rose in eastern Europe.").contains(&"eastern Europe".into()));
        // a capital that opens a sentence says nothing: the name in lower case again
        assert!(words("Talks stalled. State department officials said so.")
            .contains(&"State department".into()));
        // function words may stay in lower case ("of", "the")
        assert!(words("The Organization of American States met.")
            .contains(&"Organization of American States".into()));
    }

    #[test]
    fn one_word_names_written_with_odd_capitals_are_names() {
        let (_, m) = m();
        let t = "TURKEY and iSrael, but not turkey or Us, CIs or XI.";
        let words: Vec<&str> = m.find(t).iter().map(|h| &t[h.start..h.end]).collect();
        assert_eq!(words, vec!["TURKEY", "iSrael"]);
    }

    #[test]
    fn word_starts_follow_non_word_characters() {
        let starts: Vec<usize> = word_starts("Lavrov's talks, Kyïv").collect();
        // L, the apostrophe, s, space, t, comma, space, K
        assert_eq!(starts, vec![0, 6, 7, 8, 9, 14, 15, 16]);
    }

    #[test]
    fn hits_from_tokens_are_the_hits_from_the_text() {
        let (_, m) = m();
        assert!(!m.starts_at_spaces);
        for t in [
            "The U.S. State Department and NATO's Secretary-General met Lavrov in Kyiv; \
             the Kremlin spokesman, Mr Peskov, said so. EU, UN and G7 leaders met in Brussels",
            "pro-Russian and anti-NATO crowds; Moscow-backed, Kyiv's\u{a0}US-led -- 'Russia' \
             O'Brien d'Orsay-Kremlin (U.S.-Russia) Ukraine-",
        ] {
            let toks = super::super::text::tokenize(t);
            let hits = m.find_in_tokens(t, &toks);
            assert_eq!(hits, m.find(t), "{t}");
            assert!(hits.len() > 8, "{t}: {hits:?}");
        }
    }

    #[test]
    fn openings_rule_out_only_texts_no_phrase_starts() {
        let keys = ["us", "nato", "state department"];
        let o = Openings::new(keys.iter().copied());
        for text in ["US and", "Nato's", "State Dept", "us"] {
            assert!(o.may_open(text.as_bytes(), 0), "{text}");
        }
        // Unset bits are certain: these start no phrase (collisions could only add bits).
        for text in ["xyzw", "nat ", "u.s.", "stop"] {
            assert!(!o.may_open(text.as_bytes(), 0), "{text}");
        }
    }

    #[test]
    fn long_phrases_need_their_first_eight_bytes() {
        let o = Openings::new(["the kremlin", "nato"].into_iter());
        for text in ["The Kremlin's", "the krem", "NATO allies", "the"] {
            assert!(o.may_open(text.as_bytes(), 0), "{text}");
        }
        for text in ["the new plan", "the kingdom", "the KGB's men"] {
            assert!(!o.may_open(text.as_bytes(), 0), "{text}");
        }
    }

    #[test]
    fn the_openings_filter_keeps_every_hit() {
        let (_, m) = m();
        let t = "The U.S. State Department and NATO's Secretary-General met Lavrov in Kyiv; \
                 the Kremlin spokesman, Mr Peskov, said so. EU, UN and G7 leaders met in Brussels";
        let filtered = m.find_in(t, true);
        assert_eq!(filtered, m.find_in(t, false));
        let words: Vec<&str> = filtered.iter().map(|h| &t[h.start..h.end]).collect();
        for w in [
            "U.S. State Department",
            "NATO",
            "Lavrov",
            "Kyiv",
            "the Kremlin",
            "EU",
            "G7",
        ] {
            assert!(words.contains(&w), "{w}: {words:?}");
        }
    }

    #[test]
    fn a_name_inside_a_word_is_no_hit() {
        let (_, m) = m();
        assert!(m.find("a woman from Iranshahr").is_empty());
        assert_eq!(m.find("Oman and Iran").len(), 2);
    }

    #[test]
    fn ambiguous_names_are_marked() {
        let (_, m) = m();
        assert_eq!(
            m.lookup("Georgia"),
            vec![Target::Ambiguous("Georgia".into())]
        );
        assert_eq!(
            m.lookup("Brussels"),
            vec![Target::Ambiguous("Brussels".into())]
        );
    }

    // coverage2
    #[test]
    fn an_acronym_in_title_case_names_its_organisation() {
        let (_, m) = m();
        for w in ["Nato", "Farc", "Ecowas", "Unicef"] {
            let hits = m.find(&format!("{w} said it would act."));
            assert!(
                hits.iter().any(|h| matches!(h.target, Target::Org(_))),
                "{w}: {hits:?}"
            );
        }
        // two- and three-letter acronyms are words in title case; a lower-case word is none
        assert!(m.find("Us and them").is_empty());
        assert!(m.find("Who said so?").is_empty());
        assert!(m.find("the nato summit").is_empty());
    }
}

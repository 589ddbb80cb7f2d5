//! Word lists compiled in from `data/actors/*.txt` and `data/time/*.txt`: one word (or one
//! `word value` pair) a line, `#` comments and blank lines ignored. Each list is parsed once,
//! on first use, into a vector (order kept) or a hash set (for look-ups in hot loops).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The built-in list files.
pub(crate) mod files {
    pub(crate) const PLACE_PREPOSITIONS: &str =
        include_str!("../../../../data/actors/place-prepositions.txt");
    pub(crate) const NOT_NAME: &str = include_str!("../../../../data/actors/not-name.txt");
    pub(crate) const HONORIFICS: &str = include_str!("../../../../data/actors/honorifics.txt");
    pub(crate) const CHAIN_FILLERS: &str =
        include_str!("../../../../data/actors/chain-fillers.txt");
    pub(crate) const NOT_NAME_TAIL: &str =
        include_str!("../../../../data/actors/not-name-tail.txt");
    pub(crate) const PARTICLES: &str = include_str!("../../../../data/actors/particles.txt");
    pub(crate) const NAME_TAILS: &str = include_str!("../../../../data/actors/name-tails.txt");
    pub(crate) const NAME_LOWER_WORDS: &str =
        include_str!("../../../../data/actors/name-lower-words.txt");
    pub(crate) const WEB_DOMAINS: &str = include_str!("../../../../data/actors/web-domains.txt");
    pub(crate) const NOT_SURNAME: &str = include_str!("../../../../data/actors/not-surname.txt");
    pub(crate) const AFTER_HEAD: &str = include_str!("../../../../data/actors/after-head.txt");
    pub(crate) const OWN_FORCES: &str = include_str!("../../../../data/actors/own-forces.txt");
    pub(crate) const MONTHS: &str = include_str!("../../../../data/time/months.txt");
    pub(crate) const MONTH_ABBR: &str =
        include_str!("../../../../data/time/month-abbreviations.txt");
    pub(crate) const WEEKDAYS: &str = include_str!("../../../../data/time/weekdays.txt");
    pub(crate) const NUMBERS: &str = include_str!("../../../../data/time/numbers.txt");
    pub(crate) const MONTH_TRIGGERS: &str =
        include_str!("../../../../data/time/month-triggers.txt");
    pub(crate) const FUTURE_CUES: &str = include_str!("../../../../data/time/future-cues.txt");
    pub(crate) const FUTURE_TO: &str = include_str!("../../../../data/time/future-to.txt");
    pub(crate) const PAST_IRREGULAR: &str =
        include_str!("../../../../data/time/past-irregular.txt");
    pub(crate) const QUANTITY_NOUNS: &str =
        include_str!("../../../../data/time/quantity-nouns.txt");
}

/// The words of a list file, in file order.
pub(crate) fn words(file: &'static str) -> Vec<&'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The `word value` pairs of a list file, in file order. The files are built in and checked
/// by the tests, so a malformed line is a build defect, reported with the line.
pub(crate) fn pairs<T: std::str::FromStr>(file: &'static str) -> Vec<(&'static str, T)> {
    words(file)
        .into_iter()
        .map(|line| {
            let (word, value) = line
                .split_once(char::is_whitespace)
                .unwrap_or_else(|| panic!("built-in word list line without a value: {line:?}"));
            let value = value
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("built-in word list line with a bad value: {line:?}"));
            (word, value)
        })
        .collect()
}

/// A set of short words with a cheap look-up: membership tests in the per-token loops.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    map: WordMap<()>,
}

/// The hasher of the word lists' sets and maps.
pub(crate) type WordHash = BuildHasherDefault<WordHasher>;

impl WordSet {
    pub(crate) fn parse(file: &'static str) -> Self {
        Self::from_words(words(file))
    }

    pub(crate) fn from_words(words: impl IntoIterator<Item = &'static str>) -> Self {
        WordSet {
            map: words.into_iter().map(|w| (w, ())).collect(),
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.map.words.iter().copied()
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.map.get(word).is_some()
    }
}

/// A map from words to values for the per-token look-ups. A word of up to eight bytes (most
/// words of a text and of the lists) is packed into one number and found with one multiply and
/// mostly one comparison in an open-addressed table, without hashing its bytes one by one;
/// longer words are looked up in a hash map.
#[derive(Debug)]
pub(crate) struct WordMap<V> {
    /// Power-of-two table of (packed word, length; 0 = empty slot), at most half full.
    slots: Vec<(u64, usize)>,
    values: Vec<Option<V>>,
    long: HashMap<&'static str, V, WordHash>,
    /// The words, in insertion order (without repeats).
    words: Vec<&'static str>,
}

/// Words of at most this many bytes go into the packed table.
const PACKED_LEN: usize = 8;

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            slots: vec![(0, 0); 2],
            values: vec![None, None],
            long: HashMap::default(),
            words: Vec::new(),
        }
    }
}

impl<V> FromIterator<(&'static str, V)> for WordMap<V> {
    /// A later value for the same word replaces the earlier one.
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(pairs: I) -> Self {
        let pairs: Vec<(&'static str, V)> = pairs.into_iter().collect();
        let size = (pairs.len() * 2).next_power_of_two().max(2);
        let mut map = WordMap {
            slots: vec![(0, 0); size],
            values: (0..size).map(|_| None).collect(),
            long: HashMap::default(),
            words: Vec::new(),
        };
        for (word, value) in pairs {
            map.insert(word, value);
        }
        map
    }
}

impl<V> WordMap<V> {
    fn insert(&mut self, word: &'static str, value: V) {
        let n = word.len();
        if n == 0 || n > PACKED_LEN {
            if self.long.insert(word, value).is_none() {
                self.words.push(word);
            }
            return;
        }
        let key = packed(word.as_bytes());
        let mut i = self.slot(key, n);
        while self.slots[i].1 != 0 && self.slots[i] != (key, n) {
            i = (i + 1) & (self.slots.len() - 1);
        }
        if self.slots[i].1 == 0 {
            self.words.push(word);
        }
        self.slots[i] = (key, n);
        self.values[i] = Some(value);
    }

    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        let n = word.len();
        if n == 0 || n > PACKED_LEN {
            return self.long.get(word);
        }
        let key = packed(word.as_bytes());
        let mut i = self.slot(key, n);
        loop {
            let (k, len) = self.slots[i];
            if len == 0 {
                return None;
            }
            if k == key && len == n {
                return self.values[i].as_ref();
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The first slot to try for a packed word of `n` bytes.
    fn slot(&self, key: u64, n: usize) -> usize {
        let m = u128::from(key ^ ((n as u64) << 59)) * 0x9E37_79B9_7F4A_7C15_u128;
        let h = (m as u64) ^ ((m >> 64) as u64);
        (h as usize) & (self.slots.len() - 1)
    }
}

/// A word of one to eight bytes as one number that, with the word's length, names it: the
/// first and the last four bytes (overlapping in a shorter word), or for one to three bytes
/// the first, middle and last.
fn packed(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    }
}

/// A hash for short words, eight bytes a step (a word is mostly one step): each step a
/// 64 × 64 → 128-bit multiply whose halves are folded together, so every input bit reaches
/// every output bit.
#[derive(Debug)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl WordHasher {
    fn mix(&mut self, word: u64) {
        let m = u128::from(self.0 ^ word) * 0x9E37_79B9_7F4A_7C15_u128;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        // The length keeps "a" and "a\0" apart.
        self.mix(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
    }
    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b) | (1 << 63));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Checks a built-in list: not empty, no duplicates, one token a line (`fields` of them),
    /// and lower case where the code compares with lower-cased text.
    pub(crate) fn check_list(name: &str, file: &'static str, fields: usize, lower: bool) {
        let lines = words(file);
        assert!(!lines.is_empty(), "{name} is empty");
        let mut seen = HashSet::new();
        for line in &lines {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(
                parts.len(),
                fields,
                "{name}: {line:?} needs {fields} field(s)"
            );
            assert!(
                seen.insert(parts[0]),
                "{name}: {:?} is listed twice",
                parts[0]
            );
            if lower {
                assert_eq!(
                    parts[0],
                    parts[0].to_lowercase(),
                    "{name}: {line:?} is not lower case"
                );
            }
        }
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        assert_eq!(words("# a list\n\n one \ntwo\n"), vec!["one", "two"]);
    }

    #[test]
    fn a_word_map_tells_every_short_word_apart() {
        // Words of each length up to nine bytes that share their packed bytes as far as they
        // can: the length and the overlap of first and last four bytes tell them apart.
        let words = [
            "a",
            "aa",
            "aaa",
            "ab",
            "ba",
            "aba",
            "abc",
            "cba",
            "abca",
            "abcab",
            "abcabc",
            "abcdabcd",
            "abcdbcd",
            "abcdcd",
            "abcd",
            "abcdabcda",
            "abcdabcdb",
        ];
        let map: WordMap<usize> = words.iter().copied().zip(0..).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i), "{w}");
        }
        for w in [
            "",
            "b",
            "bb",
            "abb",
            "abcda",
            "abcdabc",
            "abcdabcdc",
            "A",
            "a\0",
        ] {
            assert_eq!(map.get(w), None, "{w:?}");
        }
        let later: WordMap<u32> = [("one", 1), ("one", 2)].into_iter().collect();
        assert_eq!(later.get("one"), Some(&2));
        assert_eq!(later.words, vec!["one"]);
    }

    #[test]
    fn pairs_read_their_values() {
        assert_eq!(
            pairs::<u32>("# n\nten  10\nsix 6\n"),
            vec![("ten", 10), ("six", 6)]
        );
    }

    #[test]
    fn a_word_set_finds_exactly_its_words() {
        let s = WordSet::parse("Mr\nDr\n");
        assert!(s.contains("Mr") && s.contains("Dr"));
        assert!(!s.contains("mr") && !s.contains("M") && !s.contains(""));
        let long = WordSet::from_words(["presidential", "president", "presidents"]);
        assert!(long.contains("presidential") && long.contains("presidents"));
        assert!(!long.contains("presidentia") && !long.contains("presidential\0"));
    }

    #[test]
    fn list_place_prepositions_loads_without_duplicates() {
        check_list(
            "actors/place-prepositions.txt",
            files::PLACE_PREPOSITIONS,
            1,
            true,
        );
    }

    #[test]
    fn list_after_head_loads_without_duplicates() {
        check_list("actors/after-head.txt", files::AFTER_HEAD, 1, true);
    }

    #[test]
    fn list_own_forces_loads_without_duplicates() {
        check_list("actors/own-forces.txt", files::OWN_FORCES, 1, true);
    }

    #[test]
    fn list_not_name_loads_without_duplicates() {
        check_list("actors/not-name.txt", files::NOT_NAME, 1, false);
    }

    #[test]
    fn list_honorifics_loads_without_duplicates() {
        check_list("actors/honorifics.txt", files::HONORIFICS, 1, false);
    }

    #[test]
    fn list_chain_fillers_loads_without_duplicates() {
        check_list("actors/chain-fillers.txt", files::CHAIN_FILLERS, 1, true);
    }

    #[test]
    fn list_not_name_tail_loads_without_duplicates() {
        check_list("actors/not-name-tail.txt", files::NOT_NAME_TAIL, 1, false);
    }

    #[test]
    fn list_particles_loads_without_duplicates() {
        check_list("actors/particles.txt", files::PARTICLES, 1, true);
    }

    #[test]
    fn list_name_lower_words_loads_without_duplicates() {
        check_list(
            "actors/name-lower-words.txt",
            files::NAME_LOWER_WORDS,
            1,
            true,
        );
    }

    #[test]
    fn list_web_domains_loads_without_duplicates() {
        check_list("actors/web-domains.txt", files::WEB_DOMAINS, 1, true);
    }

    #[test]
    fn list_not_surname_loads_without_duplicates() {
        check_list("actors/not-surname.txt", files::NOT_SURNAME, 1, false);
    }

    #[test]
    fn list_months_loads_without_duplicates() {
        check_list("time/months.txt", files::MONTHS, 1, true);
    }

    #[test]
    fn list_month_abbr_loads_without_duplicates() {
        check_list("time/month-abbreviations.txt", files::MONTH_ABBR, 2, true);
    }

    #[test]
    fn list_weekdays_loads_without_duplicates() {
        check_list("time/weekdays.txt", files::WEEKDAYS, 1, true);
    }

    #[test]
    fn list_numbers_loads_without_duplicates() {
        check_list("time/numbers.txt", files::NUMBERS, 2, true);
    }

    #[test]
    fn list_month_triggers_loads_without_duplicates() {
        check_list("time/month-triggers.txt", files::MONTH_TRIGGERS, 1, true);
    }

    #[test]
    fn list_future_cues_loads_without_duplicates() {
        check_list("time/future-cues.txt", files::FUTURE_CUES, 1, true);
    }

    #[test]
    fn list_future_to_loads_without_duplicates() {
        check_list("time/future-to.txt", files::FUTURE_TO, 1, true);
    }

    #[test]
    fn list_past_irregular_loads_without_duplicates() {
        check_list("time/past-irregular.txt", files::PAST_IRREGULAR, 1, true);
    }

    #[test]
    fn list_quantity_nouns_loads_without_duplicates() {
        check_list("time/quantity-nouns.txt", files::QUANTITY_NOUNS, 1, true);
    }
}

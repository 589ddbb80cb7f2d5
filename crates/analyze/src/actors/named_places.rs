//! Countries and places inside the name of something else (`data/actors/name-tails.txt`): the
//! state is no party of "Qatar Airways said", "the Kyiv Post reported" or "the Georgia
//! Technology Summit will take place". A firm, an outlet or a university keeps its country with
//! its own sector (CAMEO codes Air India as `INDBUS`); an event's name names no party at all.

use super::detect::Doc;
use super::words::{files, words};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a name word makes of the place it follows (or precedes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// The name of an event: the place in it is no party.
    Event,
    /// A body with this sector beside the place's country.
    Sector(&'static str),
}

/// The name words of `name-tails.txt`: (words after the place, words before it).
struct NameWords {
    tails: HashMap<&'static str, NameKind>,
    heads: HashMap<&'static str, NameKind>,
}

static NAME_WORDS: LazyLock<NameWords> = LazyLock::new(|| parse(files::NAME_TAILS));

fn kind(value: &'static str) -> Option<NameKind> {
    match value {
        "event" => Some(NameKind::Event),
        "BUS" | "MED" | "EDU" => Some(NameKind::Sector(value)),
        _ => None,
    }
}

/// Reads `word kind` lines; `head:KIND` marks a word that comes before the place. A line of
/// another shape is skipped (the built-in file is checked by a test).
fn parse(file: &'static str) -> NameWords {
    let mut out = NameWords {
        tails: HashMap::new(),
        heads: HashMap::new(),
    };
    for line in words(file) {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        match value.strip_prefix("head:") {
            Some(k) => kind(k).map(|k| out.heads.insert(word, k)),
            None => kind(value).map(|k| out.tails.insert(word, k)),
        };
    }
    out
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Doc<'_> {
    /// Rereads the country and place mentions that are part of a longer name (see the module).
    pub(crate) fn named_places(&mut self) {
        let mut drop = Vec::new();
        for i in 0..self.found.len() {
            let m = &self.found[i];
            let placed = m
                .actor
                .as_ref()
                .is_some_and(|a| matches!(a.kind.as_str(), "country" | "place"));
            if !placed || m.person.is_some() {
                continue;
            }
            let Some((kind, start, end)) = self.name_around(m.start, m.end) else {
                continue;
            };
            match kind {
                NameKind::Event => drop.push(i),
                NameKind::Sector(sector) => {
                    let m = &mut self.found[i];
                    (m.start, m.end) = (start, end);
                    if let Some(a) = m.actor.as_mut() {
                        a.sector = Some(sector.to_string());
                    }
                }
            }
        }
        for i in drop.into_iter().rev() {
            self.found.remove(i);
        }
    }

    /// The name that the place at `start..end` is part of: its kind and span. The run of
    /// capitalised words right after the place (up to four, in its sentence, one space apart)
    /// ends in a tail word, or the capitalised word right before the place is a head word.
    fn name_around(&self, start: usize, end: usize) -> Option<(NameKind, usize, usize)> {
        let (sent_start, sent_end) = self.sentence_of(start);
        let first = self.toks.partition_point(|t| t.start < end);
        let mut last = None;
        let mut at = end;
        for t in self.toks[first..].iter().take(4) {
            let w = self.text(t.start, t.end);
            if !t.word || t.end > sent_end || self.text(at, t.start) != " " || !is_capitalised(w) {
                break;
            }
            last = Some((w, t.end));
            at = t.end;
        }
        if let Some((w, e)) = last {
            if let Some(k) = NAME_WORDS.tails.get(w) {
                return Some((*k, start, e));
            }
        }
        let before = self
            .toks
            .partition_point(|t| t.end <= start)
            .checked_sub(1)?;
        let t = self.toks[before];
        let w = self.text(t.start, t.end);
        let k = NAME_WORDS.heads.get(w)?;
        (t.word && t.start >= sent_start && self.text(t.end, start) == " ")
            .then_some((*k, t.start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_reads_every_line() {
        let n = words(files::NAME_TAILS).len();
        let w = &*NAME_WORDS;
        assert_eq!(
            w.tails.len() + w.heads.len(),
            n,
            "a line of name-tails.txt is malformed"
        );
        assert_eq!(w.tails.get("Summit"), Some(&NameKind::Event));
        assert_eq!(w.tails.get("Airways"), Some(&NameKind::Sector("BUS")));
        assert_eq!(w.heads.get("Air"), Some(&NameKind::Sector("BUS")));
    }

    #[test]
    fn a_malformed_line_is_skipped() {
        let w = parse("Summit event\nOdd\nPost MED extra\nFoo bar\nAir head:BUS\n");
        assert_eq!(w.tails.len(), 1);
        assert_eq!(w.heads.len(), 1);
    }
}

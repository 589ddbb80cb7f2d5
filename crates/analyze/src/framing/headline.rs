//! Headline support: does the body carry what the headline says?
//!
//! The headline's words, less function words (`stopwords.txt`), are its terms. A term is
//! *carried* by the body when the body has the word, a word sharing its first five letters
//! ("negotiations" / "negotiated"), or a word of the same synonym group
//! (`headline_synonyms.txt`: "backstabs" / "betrayed", "talks" / "negotiations"). Terms the
//! body only ever writes capitalised mid-sentence are names (actors); the others are the key
//! terms, which say what happened. Verdict, on the share of key terms carried:
//! - `supported` at [`SUPPORTED`] or more, when the body also carries every name and every
//!   loaded or name-calling term of the headline;
//! - `unsupported` below [`PARTLY`];
//! - `partly` in between, or when a name or a loaded term of the headline is missing.
//!
//! When the event and claim stages land, the headline's event (actor, code, polarity) can be
//! compared with the body's events instead of its words.

use super::detect::Hit;
use super::lexicon::{self, files, LexiconError, Technique};
use super::matcher::{PhraseMatcher, WordString};
use super::words::{is_capitalized, scan_words, Word};
use parley_core::framing::{HeadlineSupport, HeadlineTerm};
use parley_core::TextSpan;
use std::collections::{HashMap, HashSet};

/// Share of key terms carried from which the headline is supported.
pub const SUPPORTED: f64 = 0.6;
/// Share of key terms carried below which the headline is unsupported.
pub const PARTLY: f64 = 0.34;

/// Letters two words must share at the start to count as the same word.
const STEM: usize = 5;

pub struct HeadlineChecker {
    stopwords: HashSet<String>,
    /// Synonym group of each form.
    groups: PhraseMatcher<usize>,
    group_of: HashMap<String, usize>,
}

fn stem(word: &str) -> String {
    word.chars().take(STEM).collect()
}

/// True when body word `body` carries headline word `head`: equal, a longer form of it
/// ("Iran" / "Iranian", four letters or more), or sharing their first [`STEM`] letters.
/// (Not the other way round: the body's "back" does not carry the headline's "backstabs".)
fn same_word(body: &str, head: &str) -> bool {
    let n = head.chars().count().min(body.chars().count());
    body == head
        || (head.chars().count() >= 4 && body.starts_with(head))
        || (n >= STEM && stem(body) == stem(head))
}

impl HeadlineChecker {
    pub fn shipped() -> Result<Self, LexiconError> {
        let stopwords = lexicon::parse_words("stopwords.txt", files::STOPWORDS)?
            .into_iter()
            .collect();
        let mut entries = Vec::new();
        let mut group_of = HashMap::new();
        for (g, term) in lexicon::parse_terms("headline_synonyms.txt", files::HEADLINE_SYNONYMS)?
            .into_iter()
            .enumerate()
        {
            for form in term.forms {
                group_of.insert(form.clone(), g);
                entries.push((form, g));
            }
        }
        Ok(HeadlineChecker {
            stopwords,
            groups: PhraseMatcher::new(entries),
            group_of,
        })
    }

    /// Judges `title` against `body`; `hits` are the framing hits of the title (spans into
    /// `title`) and `body_hits` those of the body.
    pub fn check(
        &self,
        title: &str,
        body: &str,
        body_words: &[Word],
        title_hits: &[Hit],
        body_hits: &[Hit],
    ) -> Option<HeadlineSupport> {
        let title_words = scan_words(title, 0);
        if title_words.is_empty() {
            return None;
        }
        let ws_body = WordString::new(body, body_words);
        let body_groups: HashMap<usize, TextSpan> = self
            .groups
            .find_longest(body_words, &ws_body)
            .into_iter()
            .rev()
            .filter_map(|m| Some((*m.value, TextSpan::from_body(body, m.span).ok()?)))
            .collect();
        let ws_title = WordString::new(title, &title_words);
        let title_groups: Vec<(usize, usize)> = self
            .groups
            .find_longest(&title_words, &ws_title)
            .into_iter()
            .map(|m| (m.words.0, *m.value))
            .collect();

        let mut seen = HashSet::new();
        let mut supported_by = Vec::new();
        let mut missing = Vec::new();
        let (mut keys, mut keys_found, mut names_missing) = (0usize, 0usize, 0usize);
        for (i, w) in title_words.iter().enumerate() {
            if w.norm.chars().count() < 2
                || self.stopwords.contains(&w.norm)
                || !w.norm.chars().any(char::is_alphabetic)
                || !seen.insert(w.norm.clone())
            {
                continue;
            }
            let found = body_words.iter().find(|b| same_word(&b.norm, &w.norm));
            let is_name = found.is_some()
                && body_words
                    .iter()
                    .filter(|b| b.norm == w.norm)
                    .all(|b| is_capitalized(body, b.span));
            let group = title_groups
                .iter()
                .find(|(at, _)| *at == i)
                .map(|(_, g)| *g)
                .or_else(|| self.group_of.get(&w.norm).copied());
            let evidence = match found {
                Some(b) => TextSpan::from_body(body, b.span).ok(),
                None => group.and_then(|g| body_groups.get(&g).cloned()),
            };
            if !is_name {
                keys += 1;
            }
            match evidence {
                Some(evidence) => {
                    if !is_name {
                        keys_found += 1;
                    }
                    supported_by.push(HeadlineTerm {
                        term: w.norm.clone(),
                        evidence,
                    });
                }
                None => {
                    if is_name {
                        names_missing += 1;
                    }
                    missing.push(w.norm.clone());
                }
            }
        }
        if seen.is_empty() {
            return None;
        }
        let unsupported_framing: Vec<String> = title_hits
            .iter()
            .filter(|h| {
                matches!(
                    h.technique,
                    Technique::LoadedLanguage | Technique::NameCalling
                )
            })
            .filter(|h| !body_hits.iter().any(|b| b.headword == h.headword))
            .filter_map(|h| title.get(h.span.start..h.span.end).map(str::to_string))
            .collect();
        let coverage = if keys == 0 {
            1.0
        } else {
            keys_found as f64 / keys as f64
        };
        let verdict = if coverage < PARTLY {
            "unsupported"
        } else if coverage >= SUPPORTED && names_missing == 0 && unsupported_framing.is_empty() {
            "supported"
        } else {
            "partly"
        };
        Some(HeadlineSupport {
            verdict: verdict.to_string(),
            coverage,
            supported_by,
            missing,
            unsupported_framing,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::detect::Detector;
    use super::super::segment;
    use super::*;

    fn verdict(title: &str, body: &str) -> HeadlineSupport {
        let d = Detector::shipped().unwrap();
        let hits_of = |text: &str| {
            let words = scan_words(text, 0);
            let ws = WordString::new(text, &words);
            d.detect(text, &words, &ws, &[], &segment::quotations(text))
        };
        let body_words = scan_words(body, 0);
        HeadlineChecker::shipped()
            .unwrap()
            .check(title, body, &body_words, &hits_of(title), &hits_of(body))
            .unwrap()
    }

    #[test]
    fn a_headline_the_body_retells_is_supported() {
        let v = verdict(
            "Iran and EU resume nuclear talks in Vienna",
            "Iranian and European diplomats resumed negotiations on the nuclear deal in Vienna on Monday.",
        );
        assert_eq!(v.verdict, "supported", "{v:?}");
    }

    #[test]
    fn a_headline_event_the_body_never_mentions_is_unsupported() {
        let v = verdict(
            "Generals Betray President After Summit, Plot Coup",
            "The president met his counterpart at a summit on Monday. Both sides called the meeting useful.",
        );
        assert_eq!(v.verdict, "unsupported", "{v:?}");
        assert!(v.missing.contains(&"coup".to_string()));
    }

    #[test]
    fn synonyms_carry_a_headline_term() {
        let v = verdict(
            "Talks end without deal",
            "The negotiations ended with no agreement.",
        );
        assert!(v.supported_by.iter().any(|t| t.term == "talks"));
        assert!(v.supported_by.iter().any(|t| t.term == "deal"));
    }

    #[test]
    fn a_loaded_headline_term_the_body_lacks_keeps_it_from_supported() {
        let v = verdict(
            "Regime holds talks in Geneva",
            "The government holds talks in Geneva on Monday.",
        );
        assert_eq!(v.unsupported_framing, vec!["Regime".to_string()]);
        assert_eq!(v.verdict, "partly");
    }

    #[test]
    fn an_empty_headline_gives_no_verdict() {
        let body_words = scan_words("Talks.", 0);
        let c = HeadlineChecker::shipped().unwrap();
        assert!(c.check("", "Talks.", &body_words, &[], &[]).is_none());
    }
}

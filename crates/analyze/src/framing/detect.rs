//! Loaded language, name-calling, doubt and exaggeration spans from the lexicons, with
//! context checks.
//!
//! Context checks, in order:
//! - a hit inside a phrase of `exceptions.txt` is ordinary usage and dropped ("sanctions
//!   regime", "lies ahead", "supposed to");
//! - a capitalised hit right after a capitalised word, not at the start of its sentence, is
//!   part of a proper name and dropped ("Atlanta Hawks", "the Fascist Party");
//! - a hit inside a quotation is the source's words (`voice = "source"`), unless the quotation
//!   is a scare quote: a quotation of at most three words that no colon, comma or reporting
//!   verb introduces; the author put it there, so its words are his (`voice = "author"`), and
//!   the scare quote itself is a doubt signal.

use super::lexicon::{self, files, LexiconError, Technique};
use super::matcher::{PhraseMatcher, WordString};
use super::words::{is_capitalized, Word};
use parley_core::Span;

/// A detected signal, before it becomes a report `FramingSignal`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub span: Span,
    pub technique: Technique,
    pub headword: String,
    /// True when the words are the author's own.
    pub author: bool,
}

/// The term lexicons and the context exceptions, compiled into matchers.
pub struct Detector {
    terms: PhraseMatcher<(Technique, String)>,
    exceptions: PhraseMatcher<()>,
    reporting: PhraseMatcher<()>,
    mentions: PhraseMatcher<()>,
}

/// The headword a scare-quote signal carries.
pub const SCARE_QUOTE: &str = "scare_quote";

impl Detector {
    /// The shipped lexicons.
    pub fn shipped() -> Result<Self, LexiconError> {
        let mut entries = Vec::new();
        for t in Technique::ALL {
            let (name, text) = lexicon::technique_file(t);
            for term in lexicon::parse_terms(name, text)? {
                for form in &term.forms {
                    entries.push((form.clone(), (t, term.headword.clone())));
                }
            }
        }
        let exceptions = lexicon::parse_words("exceptions.txt", files::EXCEPTIONS)?;
        let reporting = lexicon::parse_words("reporting_verbs.txt", files::REPORTING_VERBS)?;
        let mentions = lexicon::parse_words("mention_cues.txt", files::MENTION_CUES)?;
        Ok(Detector {
            terms: PhraseMatcher::new(entries),
            exceptions: PhraseMatcher::new(exceptions.into_iter().map(|e| (e, ())).collect()),
            reporting: PhraseMatcher::new(reporting.into_iter().map(|e| (e, ())).collect()),
            mentions: PhraseMatcher::new(mentions.into_iter().map(|e| (e, ())).collect()),
        })
    }

    /// Reporting-cue spans (said, denied, according to, ...).
    pub fn reporting_cues(&self, words: &[Word], ws: &WordString) -> Vec<Span> {
        self.reporting
            .find_longest(words, ws)
            .into_iter()
            .map(|m| m.span)
            .collect()
    }

    /// Every lexicon hit in `body` that survives the context checks.
    pub fn detect(
        &self,
        body: &str,
        words: &[Word],
        ws: &WordString,
        sentences: &[Span],
        quotations: &[Span],
    ) -> Vec<Hit> {
        let cues = self.reporting_cues(words, ws);
        self.detect_with_cues(body, words, ws, sentences, quotations, &cues)
    }

    /// [`Detector::detect`] with the reporting cues already found.
    pub fn detect_with_cues(
        &self,
        body: &str,
        words: &[Word],
        ws: &WordString,
        sentences: &[Span],
        quotations: &[Span],
        cues: &[Span],
    ) -> Vec<Hit> {
        let exceptions: Vec<Span> = self
            .exceptions
            .find_all(words, ws)
            .into_iter()
            .map(|m| m.span)
            .collect();
        let mentions: Vec<Span> = self
            .mentions
            .find_longest(words, ws)
            .into_iter()
            .map(|m| m.span)
            .collect();
        let scare: Vec<Span> = quotations
            .iter()
            .copied()
            .filter(|q| is_scare_quote(body, *q, words, cues, sentences))
            .filter(|q| !right_after(body, &mentions, *q))
            .collect();
        let mut hits = Vec::new();
        for m in self.terms.find_longest(words, ws) {
            if exceptions.iter().any(|e| e.contains(m.span)) {
                continue;
            }
            if inside_name(body, words, m.words, sentences) {
                continue;
            }
            let (technique, headword) = m.value.clone();
            let quoted = quotations.iter().any(|q| q.contains(m.span));
            let scare_quoted = scare.iter().any(|q| q.contains(m.span));
            hits.push(Hit {
                span: m.span,
                technique,
                headword,
                author: !quoted || scare_quoted,
            });
        }
        for q in scare {
            hits.push(Hit {
                span: q,
                technique: Technique::Doubt,
                headword: SCARE_QUOTE.to_string(),
                author: true,
            });
        }
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits
    }
}

/// True when the hit over words `range` starts capitalised, is not its sentence's first word,
/// and a capitalised word stands right before or after it in the same sentence: part of a proper name
/// ("Atlanta Hawks", "the Fascist Party"). With no sentences given (a headline), never.
fn inside_name(body: &str, words: &[Word], range: (usize, usize), sentences: &[Span]) -> bool {
    let (index, after) = range;
    let word = &words[index];
    if !is_capitalized(body, word.span) {
        return false;
    }
    let Some(sentence) = sentences.iter().find(|s| s.contains(word.span)) else {
        return false;
    };
    let first_in_sentence = index == 0 || !sentence.contains(words[index - 1].span);
    if first_in_sentence {
        return false;
    }
    let joined_name = |other: &Word| {
        let (a, b) = if other.span.start < word.span.start {
            (other.span.end, word.span.start)
        } else {
            (word.span.end, other.span.start)
        };
        sentence.contains(other.span)
            && is_capitalized(body, other.span)
            && body
                .get(a..b)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    };
    let last = &words[after.saturating_sub(1).max(index)];
    let joined_after = words.get(after).is_some_and(|next| {
        sentence.contains(next.span)
            && is_capitalized(body, next.span)
            && body
                .get(last.span.end..next.span.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    });
    joined_name(&words[index - 1]) || joined_after
}

/// True when one of `cues` ends right before `q` (only white space between).
fn right_after(body: &str, cues: &[Span], q: Span) -> bool {
    cues.iter().any(|c| {
        c.end <= q.start
            && body
                .get(c.end..q.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    })
}

/// A scare quote: at most three words, none capitalised, not introduced by a colon or comma right before its
/// opening mark, nor by a reporting cue earlier in its sentence ("said the demands are “simply
/// non-starters”" is a partial quote, not a scare quote).
fn is_scare_quote(body: &str, q: Span, words: &[Word], cues: &[Span], sentences: &[Span]) -> bool {
    let from = words.partition_point(|w| w.span.start < q.start);
    let to = words.partition_point(|w| w.span.start < q.end);
    let inside: Vec<&Word> = words[from..to.max(from)]
        .iter()
        .filter(|w| q.contains(w.span))
        .collect();
    if inside.is_empty() || inside.len() > 3 {
        return false;
    }
    // Titles, names and labels are capitalised ("the “Save” button", "“Foxtrot”"); a scare
    // quote holds an ordinary word.
    if inside.iter().any(|w| is_capitalized(body, w.span)) {
        return false;
    }
    let before = body.get(..q.start).unwrap_or("").trim_end();
    if before.ends_with(':') || before.ends_with(',') || before.is_empty() {
        return false;
    }
    let sentence_start = sentences
        .iter()
        .find(|s| s.start <= q.start && q.start < s.end)
        .map(|s| s.start)
        .unwrap_or_else(|| q.start.saturating_sub(80));
    !cues
        .iter()
        .any(|c| c.start >= sentence_start && c.end <= q.start)
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::super::words::scan_words;
    use super::*;

    fn hits(body: &str) -> Vec<(String, &'static str, bool)> {
        let d = Detector::shipped().unwrap();
        let words = scan_words(body, 0);
        let ws = WordString::new(body, &words);
        d.detect(
            body,
            &words,
            &ws,
            &segment::sentences(body),
            &segment::quotations(body),
        )
        .into_iter()
        .map(|h| {
            (
                body[h.span.start..h.span.end].to_string(),
                h.technique.as_str(),
                h.author,
            )
        })
        .collect()
    }

    fn has(body: &str, text: &str, technique: &str) -> bool {
        hits(body).iter().any(|h| h.0 == text && h.1 == technique)
    }

    #[test]
    fn regime_for_a_government_is_name_calling() {
        assert!(has(
            "The Biden regime sent troops.",
            "regime",
            "name_calling"
        ));
    }

    #[test]
    fn sanctions_regime_is_not_name_calling() {
        assert!(hits("The EU extended its sanctions regime on Monday.").is_empty());
        assert!(hits("Talks on the arms control regime resumed.").is_empty());
    }

    #[test]
    fn inflected_forms_match_with_their_headword_technique() {
        assert!(has("He lied about the plans.", "lied", "loaded_language"));
        assert!(has("Warmongers cheered.", "Warmongers", "name_calling"));
    }

    #[test]
    fn multi_word_terms_win_over_their_parts() {
        let h = hits("It was a Big Lie by the war party.");
        assert!(h.iter().any(|x| x.0 == "Big Lie"));
        assert!(h.iter().any(|x| x.0 == "war party"));
        assert!(!h.iter().any(|x| x.0 == "Lie"));
    }

    #[test]
    fn position_senses_of_lie_are_skipped() {
        assert!(hits("Hard choices lie ahead. The answer lies in Geneva.").is_empty());
    }

    #[test]
    fn supposed_to_is_not_doubt() {
        assert!(hits("The talks were supposed to start on Monday.").is_empty());
        assert!(has(
            "The supposedly imminent attack.",
            "supposedly",
            "doubt"
        ));
    }

    #[test]
    fn a_loaded_word_inside_a_quotation_is_the_sources() {
        let h = hits("Lavrov said: “We warned the hotheads.”");
        assert_eq!(h, vec![("hotheads".into(), "name_calling", false)]);
    }

    #[test]
    fn a_loaded_word_outside_quotes_is_the_authors() {
        let h = hits("Interventionist Blinken spoke.");
        assert_eq!(h, vec![("Interventionist".into(), "name_calling", true)]);
    }

    #[test]
    fn a_scare_quote_is_author_doubt() {
        let h = hits("No such “plans” exist.");
        assert_eq!(h, vec![("“plans”".into(), "doubt", true)]);
    }

    #[test]
    fn a_reported_short_quote_is_not_a_scare_quote() {
        assert!(hits("Moscow called the talks “useful”.").is_empty());
        assert!(hits("Grushko said “no”.").is_empty());
        assert!(hits("Press the “Save” button.").is_empty());
        assert!(hits("Data centres, known as “on-premises” servers, hum.").is_empty());
        assert!(hits("Sherman said some of the demands are “simply non-starters.”").is_empty());
    }

    #[test]
    fn a_loaded_word_in_scare_quotes_is_the_authors() {
        let h = hits("The “puppet” in Kyiv spoke.");
        assert!(h.contains(&("puppet".into(), "name_calling", true)));
        assert!(h.contains(&("“puppet”".into(), "doubt", true)));
    }

    #[test]
    fn a_term_inside_a_proper_name_is_skipped() {
        assert!(hits("He joined the Fascist Party in 1930.").is_empty());
        assert!(has("Fascists marched.", "Fascists", "name_calling"));
    }

    #[test]
    fn doubt_and_exaggeration_are_found() {
        assert!(has("The so-called referendum.", "so-called", "doubt"));
        assert!(has(
            "It was an unprecedented buildup.",
            "unprecedented",
            "exaggeration"
        ));
        assert!(has(
            "There is no evidence of plans.",
            "no evidence",
            "doubt"
        ));
    }
}

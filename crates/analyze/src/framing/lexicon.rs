//! The framing lexicons in `data/lexicons/`: their text format, parsed into terms.
//!
//! A term file holds one term a line, its forms separated by ` | ` (the first form is the
//! headword); `#` starts a comment, also after the forms (` # ...`). Blank lines are skipped.
//! See `data/lexicons/README.md`.

use std::fmt;

/// A propaganda technique, in the names of the Propaganda Techniques Corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Technique {
    LoadedLanguage,
    NameCalling,
    Doubt,
    Exaggeration,
}

impl Technique {
    pub const ALL: [Technique; 4] = [
        Technique::LoadedLanguage,
        Technique::NameCalling,
        Technique::Doubt,
        Technique::Exaggeration,
    ];

    /// The name the report writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Technique::LoadedLanguage => "loaded_language",
            Technique::NameCalling => "name_calling",
            Technique::Doubt => "doubt",
            Technique::Exaggeration => "exaggeration",
        }
    }
}

impl fmt::Display for Technique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One term: its headword and every form the text may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub headword: String,
    pub forms: Vec<String>,
}

/// A line of a lexicon file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for LexiconError {}

/// The shipped lexicon files, compiled in.
pub mod files {
    pub const LOADED_LANGUAGE: &str = include_str!("../../../../data/lexicons/loaded_language.txt");
    pub const NAME_CALLING: &str = include_str!("../../../../data/lexicons/name_calling.txt");
    pub const DOUBT: &str = include_str!("../../../../data/lexicons/doubt.txt");
    pub const EXAGGERATION: &str = include_str!("../../../../data/lexicons/exaggeration.txt");
    pub const EXCEPTIONS: &str = include_str!("../../../../data/lexicons/exceptions.txt");
    pub const REPORTING_VERBS: &str = include_str!("../../../../data/lexicons/reporting_verbs.txt");
    pub const HEADLINE_SYNONYMS: &str =
        include_str!("../../../../data/lexicons/headline_synonyms.txt");
    pub const STOPWORDS: &str = include_str!("../../../../data/lexicons/stopwords.txt");
    pub const PRONOUNS: &str = include_str!("../../../../data/lexicons/pronouns.txt");
    pub const ACTIVITY: &str = include_str!("../../../../data/lexicons/activity.txt");
    pub const VADER: &str = include_str!("../../../../data/lexicons/vader_valence.tsv");
    pub const STANCE_CUES: &str = include_str!("../../../../data/lexicons/stance_cues.txt");
    pub const CLAIM_WORDS: &str = include_str!("../../../../data/lexicons/claim_words.txt");
    pub const MENTION_CUES: &str = include_str!("../../../../data/lexicons/mention_cues.txt");
    pub const BIAS_WEIGHTS: &str = include_str!("../../../../data/lexicons/bias_weights.tsv");
    pub const BIAS_EMBEDDING_WEIGHTS: &str =
        include_str!("../../../../data/lexicons/bias_embedding_weights.tsv");
    pub const BIAS_TOKEN_WEIGHTS: &str =
        include_str!("../../../../data/lexicons/bias_token_weights.tsv");
    pub const BIAS_NGRAM_WEIGHTS: &str =
        include_str!("../../../../data/lexicons/bias_ngram_weights.tsv");
}

/// The shipped text of the term file for `technique`, with its file name.
pub fn technique_file(technique: Technique) -> (&'static str, &'static str) {
    match technique {
        Technique::LoadedLanguage => ("loaded_language.txt", files::LOADED_LANGUAGE),
        Technique::NameCalling => ("name_calling.txt", files::NAME_CALLING),
        Technique::Doubt => ("doubt.txt", files::DOUBT),
        Technique::Exaggeration => ("exaggeration.txt", files::EXAGGERATION),
    }
}

/// Removes a comment: everything from a `#` at the start of the line or after a space.
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Lower-cases a form and folds typographic apostrophes, as the word scanner does.
pub fn normalize_form(form: &str) -> String {
    form.split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a term file: one term a line, forms separated by ` | `.
pub fn parse_terms(file: &'static str, text: &str) -> Result<Vec<Term>, LexiconError> {
    let mut terms = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let mut forms = Vec::new();
        for form in line.split('|') {
            let form = normalize_form(form);
            if form.is_empty() {
                return Err(LexiconError {
                    file,
                    line: i + 1,
                    reason: format!("empty form in {line:?}"),
                });
            }
            if form.contains('#') {
                return Err(LexiconError {
                    file,
                    line: i + 1,
                    reason: format!("stray '#' in {form:?}; comments need a space before '#'"),
                });
            }
            forms.push(form);
        }
        terms.push(Term {
            headword: forms[0].clone(),
            forms,
        });
    }
    Ok(terms)
}

/// Reads a word list: one word or phrase a line.
pub fn parse_words(file: &'static str, text: &str) -> Result<Vec<String>, LexiconError> {
    Ok(parse_terms(file, text)?
        .into_iter()
        .flat_map(|t| t.forms)
        .collect())
}

/// Reads the valence file: `word<TAB>mean valence`.
pub fn parse_valence(file: &'static str, text: &str) -> Result<Vec<(String, f64)>, LexiconError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(word), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(LexiconError {
                file,
                line: i + 1,
                reason: format!("expected `word<TAB>valence`, got {line:?}"),
            });
        };
        let value: f64 = value.trim().parse().map_err(|_| LexiconError {
            file,
            line: i + 1,
            reason: format!("valence {value:?} is not a number"),
        })?;
        out.push((normalize_form(word), value));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_technique_file_parses_and_is_not_empty() {
        for t in Technique::ALL {
            let (name, text) = technique_file(t);
            let terms = parse_terms(name, text).unwrap();
            assert!(terms.len() > 20, "{name} has only {} terms", terms.len());
        }
    }

    #[test]
    fn word_lists_parse() {
        for (name, text) in [
            ("exceptions.txt", files::EXCEPTIONS),
            ("reporting_verbs.txt", files::REPORTING_VERBS),
            ("headline_synonyms.txt", files::HEADLINE_SYNONYMS),
            ("stopwords.txt", files::STOPWORDS),
            ("pronouns.txt", files::PRONOUNS),
            ("activity.txt", files::ACTIVITY),
            ("mention_cues.txt", files::MENTION_CUES),
        ] {
            assert!(!parse_words(name, text).unwrap().is_empty(), "{name}");
        }
    }

    #[test]
    fn vader_valence_parses_with_known_values() {
        let v = parse_valence("vader_valence.tsv", files::VADER).unwrap();
        assert!(v.len() > 7000);
        let good = v.iter().find(|(w, _)| w == "good").unwrap().1;
        assert!((good - 1.9).abs() < 1e-9);
    }

    #[test]
    fn forms_are_split_and_lowercased_and_comments_dropped() {
        let terms =
            parse_terms("t", "# head\nBig Lie | big  lies  # [parley]\n\nregime\n").unwrap();
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].headword, "big lie");
        assert_eq!(terms[0].forms, vec!["big lie", "big lies"]);
        assert_eq!(terms[1].forms, vec!["regime"]);
    }

    #[test]
    fn an_empty_form_is_an_error_with_its_line() {
        let err = parse_terms("t", "ok\nlie | | lies\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn a_bad_valence_is_an_error() {
        assert!(parse_valence("v", "good\tx\n").is_err());
        assert!(parse_valence("v", "good\n").is_err());
    }
}

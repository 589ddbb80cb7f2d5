//! The knowledge files of the quote stage, compiled in from `data/quotes/`.
//!
//! Each file is plain text, one entry a line, `#` starts a comment. See data/quotes/README.md.

use std::collections::HashMap;

const CUE_VERBS: &str = include_str!("../../../../data/quotes/cue_verbs.tsv");
const SOURCE_PHRASES: &str = include_str!("../../../../data/quotes/source_phrases.tsv");
const SPEAKER_NOUNS: &str = include_str!("../../../../data/quotes/speaker_nouns.tsv");
const NOT_NAMES: &str = include_str!("../../../../data/quotes/not_names.txt");

/// How reported content follows a cue verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// "X said (that) CONTENT".
    That,
    /// "X denied that CONTENT": content only after an explicit `that`.
    ThatOnly,
    /// "X told REPORTERS (that) CONTENT".
    Object,
    /// "X accused Y of CONTENT".
    Of,
    /// "X described Y as CONTENT".
    As,
    /// Introduces direct quotes only.
    None,
}

/// One cue verb: its lemma, category and frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueVerb {
    pub lemma: String,
    pub category: String,
    pub frame: Frame,
}

/// What kind of speaker a noun heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounClass {
    Person,
    Group,
    Org,
    /// A lowercase word that may stand inside a speaker phrase before its head ("deputy").
    Modifier,
    /// A lowercase particle inside a personal name ("von", "al").
    Particle,
}

/// The parsed knowledge files.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Inflected form (lowercase) → cue verb.
    pub forms: HashMap<String, CueVerb>,
    /// Source phrases as lowercase word lists with their lemma ("according to").
    pub source_phrases: Vec<(Vec<String>, String)>,
    pub speaker_nouns: HashMap<String, NounClass>,
    pub not_names: std::collections::HashSet<String>,
}

/// A line of a knowledge file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// The non-comment, non-blank lines of a file with their 1-based numbers.
fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn parse_frame(s: &str) -> Option<Frame> {
    Some(match s {
        "that" => Frame::That,
        "that-only" => Frame::ThatOnly,
        "obj" => Frame::Object,
        "of" => Frame::Of,
        "as" => Frame::As,
        "none" => Frame::None,
        _ => return None,
    })
}

pub fn parse_cue_verbs(text: &str) -> Result<HashMap<String, CueVerb>, LexiconError> {
    let file = "cue_verbs.tsv";
    let mut forms = HashMap::new();
    for (line, l) in entries(text) {
        let err = |reason: &str| LexiconError {
            file,
            line,
            reason: reason.to_string(),
        };
        let cols: Vec<&str> = l.split('\t').collect();
        if cols.len() != 5 {
            return Err(err(
                "expected 5 tab-separated columns: lemma category frame forms source",
            ));
        }
        let frame = parse_frame(cols[2])
            .ok_or_else(|| err("frame must be that|that-only|obj|of|as|none"))?;
        if !matches!(cols[4], "ggt" | "parley") {
            return Err(err("source must be ggt or parley"));
        }
        let verb = CueVerb {
            lemma: cols[0].to_string(),
            category: cols[1].to_string(),
            frame,
        };
        for form in cols[3].split(',').map(str::trim).filter(|f| !f.is_empty()) {
            if form.contains(' ') {
                return Err(err("a form is one word"));
            }
            forms.insert(form.to_lowercase(), verb.clone());
        }
    }
    Ok(forms)
}

pub fn parse_source_phrases(text: &str) -> Result<Vec<(Vec<String>, String)>, LexiconError> {
    let mut out = Vec::new();
    for (line, l) in entries(text) {
        let cols: Vec<&str> = l.split('\t').collect();
        if cols.len() != 2 || cols[0].trim().is_empty() {
            return Err(LexiconError {
                file: "source_phrases.tsv",
                line,
                reason: "expected: phrase<TAB>lemma".into(),
            });
        }
        let words = cols[0].split_whitespace().map(str::to_lowercase).collect();
        out.push((words, cols[1].to_string()));
    }
    Ok(out)
}

pub fn parse_speaker_nouns(text: &str) -> Result<HashMap<String, NounClass>, LexiconError> {
    let mut out = HashMap::new();
    for (line, l) in entries(text) {
        let cols: Vec<&str> = l.split('\t').collect();
        let class = match cols.get(1).copied() {
            Some("person") => NounClass::Person,
            Some("group") => NounClass::Group,
            Some("org") => NounClass::Org,
            Some("modifier") => NounClass::Modifier,
            Some("particle") => NounClass::Particle,
            _ => {
                return Err(LexiconError {
                    file: "speaker_nouns.tsv",
                    line,
                    reason: "expected: noun<TAB>person|group|org|modifier|particle".into(),
                })
            }
        };
        if out.insert(cols[0].to_lowercase(), class).is_some() {
            return Err(LexiconError {
                file: "speaker_nouns.tsv",
                line,
                reason: format!("{} is listed twice", cols[0]),
            });
        }
    }
    Ok(out)
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {
            forms: parse_cue_verbs(CUE_VERBS)?,
            source_phrases: parse_source_phrases(SOURCE_PHRASES)?,
            speaker_nouns: parse_speaker_nouns(SPEAKER_NOUNS)?,
            not_names: entries(NOT_NAMES)
                .map(|(_, l)| l.trim().to_lowercase())
                .collect(),
        })
    }

    pub fn cue(&self, word: &str) -> Option<&CueVerb> {
        self.forms.get(word)
    }

    pub fn noun_class(&self, word: &str) -> Option<NounClass> {
        self.speaker_nouns.get(word).copied()
    }

    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_verbs_file_parses_with_every_form_of_say() {
        let forms = parse_cue_verbs(CUE_VERBS).unwrap();
        for f in ["say", "says", "said", "saying"] {
            assert_eq!(forms[f].lemma, "say");
        }
        assert_eq!(forms["denied"].category, "deny");
        assert_eq!(forms["told"].frame, Frame::Object);
        assert!(forms.len() > 300);
    }

    #[test]
    fn source_phrases_file_parses() {
        let p = parse_source_phrases(SOURCE_PHRASES).unwrap();
        assert!(p
            .iter()
            .any(|(w, l)| w == &["according", "to"] && l == "according to"));
    }

    #[test]
    fn speaker_nouns_file_parses() {
        let n = parse_speaker_nouns(SPEAKER_NOUNS).unwrap();
        assert_eq!(n["spokesman"], NounClass::Person);
        assert_eq!(n["kremlin"], NounClass::Org);
        assert_eq!(n["officials"], NounClass::Group);
        assert_eq!(n["deputy"], NounClass::Modifier);
    }

    #[test]
    fn not_names_file_parses() {
        let l = Lexicon::builtin().unwrap();
        assert!(l.is_not_name("monday") && l.is_not_name("however"));
        assert!(!l.is_not_name("lavrov"));
    }

    #[test]
    fn a_bad_cue_line_names_its_line() {
        let e = parse_cue_verbs("# c\nsay\tsay\tbogus\tsay\tggt\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}

//! The linguistic layer in the pipeline: the parse of an article body (parley-nlp's tokens with
//! tags, lemmas, dependency heads and labels, and named entities, all with byte offsets into the
//! body), with the lookups the stages need: the token at a byte, a token's children, the span
//! of its subtree.
//!
//! The parse is optional. [`Parser::load_default`] finds the model (see
//! `scripts/fetch-model.sh`); without it, or with `--no-parse`, stages keep their patterns.
//! It is not written to the JSON report: ten fields per token would make the report several
//! times larger than the article; what the stages draw from it (speakers, event roles, actors)
//! is there.

use parley_core::Span;
pub use parley_nlp::{Ent, Parsed, Token};
use std::ops::Range;
use std::path::PathBuf;

/// The loaded model; load it once and share it across threads.
pub struct Parser {
    nlp: parley_nlp::Pipeline,
}

/// Why no parser could be loaded, worded for a warning that names the fix.
#[derive(Debug, thiserror::Error)]
pub enum ParserUnavailable {
    #[error("no parse model in .models/{} here or above, nor in $PARLEY_NLP_MODEL; fetch it with scripts/fetch-model.sh", parley_nlp::pipeline::MODEL_DIR_NAME)]
    Missing,
    #[error("cannot load the parse model at {}: {reason}", dir.display())]
    Broken { dir: PathBuf, reason: String },
}

/// The loading error with the fix named once (parley-nlp names it for missing files only).
fn broken(dir: PathBuf, source: parley_nlp::Error) -> ParserUnavailable {
    let mut reason = source.to_string();
    if !reason.contains("fetch-model.sh") {
        reason.push_str("; fetch it again with scripts/fetch-model.sh");
    }
    ParserUnavailable::Broken { dir, reason }
}

impl Parser {
    /// Loads the model folder at `dir`.
    pub fn load(dir: impl Into<PathBuf>) -> Result<Parser, ParserUnavailable> {
        let dir = dir.into();
        match parley_nlp::Pipeline::load(&dir) {
            Ok(nlp) => Ok(Parser { nlp }),
            Err(source) => Err(broken(dir, source)),
        }
    }

    /// Loads the model where parley-nlp looks for it by default (`$PARLEY_NLP_MODEL`, else
    /// `.models/en_core_web_sm-3.8.0` in the current directory or an ancestor).
    pub fn load_default() -> Result<Parser, ParserUnavailable> {
        let dir = parley_nlp::Pipeline::default_model_dir().ok_or(ParserUnavailable::Missing)?;
        Parser::load(dir)
    }

    /// Parses an article body.
    pub fn parse(&self, body: &str) -> Parse {
        Parse::new(self.nlp.analyze(body))
    }
}

/// One body's parse with a child index over its dependency tree.
#[derive(Debug, Clone)]
pub struct Parse {
    pub parsed: Parsed,
    /// `children[child_start[i]..child_start[i + 1]]` are the children of token `i`, in order.
    child_start: Vec<usize>,
    children: Vec<usize>,
}

impl Parse {
    pub fn new(parsed: Parsed) -> Parse {
        let n = parsed.tokens.len();
        let mut counts = vec![0usize; n + 1];
        for (i, t) in parsed.tokens.iter().enumerate() {
            if t.head != i && t.head < n {
                counts[t.head + 1] += 1;
            }
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let child_start = counts.clone();
        let mut next = counts;
        let mut children = vec![0; child_start[n]];
        for (i, t) in parsed.tokens.iter().enumerate() {
            if t.head != i && t.head < n {
                children[next[t.head]] = i;
                next[t.head] += 1;
            }
        }
        Parse {
            parsed,
            child_start,
            children,
        }
    }

    pub fn tokens(&self) -> &[Token] {
        &self.parsed.tokens
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.parsed.tokens[i]
    }

    /// The token whose bytes hold `byte`, if any (none for whitespace between tokens).
    pub fn token_at(&self, byte: usize) -> Option<usize> {
        let toks = &self.parsed.tokens;
        let i = toks.partition_point(|t| t.end <= byte);
        (i < toks.len() && toks[i].start <= byte).then_some(i)
    }

    /// The tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let toks = &self.parsed.tokens;
        let from = toks.partition_point(|t| t.start < span.start);
        let to = toks.partition_point(|t| t.end <= span.end).max(from);
        from..to
    }

    /// The children of token `i`, in text order.
    pub fn children(&self, i: usize) -> &[usize] {
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.children[a..b],
            _ => &[],
        }
    }

    /// The first child of `i` with one of these dependency labels.
    pub fn child(&self, i: usize, deps: &[&str]) -> Option<usize> {
        self.children(i)
            .iter()
            .copied()
            .find(|&c| deps.contains(&self.parsed.tokens[c].dep.as_str()))
    }

    /// The head of `i`, or None for a root.
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.parsed.tokens.get(i)?.head;
        (h != i).then_some(h)
    }

    /// `i` and the tokens joined to it by "conj" ("Russia and China": Russia, China), in order.
    pub fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        // conj chains hang off the previous conjunct; the bound keeps a broken tree finite
        while k < out.len() && out.len() < 16 {
            let c = out[k];
            out.extend(
                self.children(c)
                    .iter()
                    .copied()
                    .filter(|&d| self.parsed.tokens[d].dep == "conj"),
            );
            k += 1;
        }
        out
    }

    /// The byte span from the leftmost to the rightmost token under `i` (itself included).
    pub fn subtree_span(&self, i: usize) -> Span {
        let toks = &self.parsed.tokens;
        let (mut lo, mut hi) = (toks[i].start, toks[i].end);
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(k) = stack.pop() {
            seen += 1;
            if seen > toks.len() {
                break; // a cycle would be a model bug; stop rather than loop
            }
            lo = lo.min(toks[k].start);
            hi = hi.max(toks[k].end);
            stack.extend_from_slice(self.children(k));
        }
        Span::new(lo, hi)
    }
}

/// The model for tests, loaded once; None (the test then skips, saying why) when it is absent,
/// unless `PARLEY_REQUIRE_MODEL` is set.
#[cfg(test)]
pub(crate) fn test_parser() -> Option<&'static Parser> {
    static PARSER: std::sync::OnceLock<Option<Parser>> = std::sync::OnceLock::new();
    PARSER
        .get_or_init(|| match Parser::load_default() {
            Ok(p) => Some(p),
            Err(e) if std::env::var_os("PARLEY_REQUIRE_MODEL").is_some() => panic!("{e}"),
            Err(e) => {
                eprintln!("skipping the tests that need the parse: {e}");
                None
            }
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(start: usize, end: usize, text: &str, head: usize, dep: &str) -> Token {
        Token {
            start,
            end,
            text: text.into(),
            norm: text.to_lowercase(),
            tag: String::new(),
            pos: String::new(),
            morph: String::new(),
            lemma: text.to_lowercase(),
            head,
            dep: dep.into(),
            ent_iob: "O",
            ent_type: String::new(),
        }
    }

    /// "Russia and China met." with a hand-written tree.
    fn russia_and_china_met() -> Parse {
        Parse::new(Parsed {
            tokens: vec![
                tok(0, 6, "Russia", 3, "nsubj"),
                tok(7, 10, "and", 0, "cc"),
                tok(11, 16, "China", 0, "conj"),
                tok(17, 20, "met", 3, "ROOT"),
                tok(20, 21, ".", 3, "punct"),
            ],
            sents: vec![(0, 21)],
            ents: Vec::new(),
        })
    }

    #[test]
    fn a_missing_model_names_its_folder_and_the_fetch_script() {
        let Err(e) = Parser::load("/nonexistent/parley-model") else {
            panic!("loaded a model from nowhere")
        };
        let msg = e.to_string();
        assert!(msg.contains("/nonexistent/parley-model"), "{msg}");
        assert_eq!(msg.matches("scripts/fetch-model.sh").count(), 1, "{msg}");
        let msg = broken("m".into(), parley_nlp::Error::model("bad header")).to_string();
        assert!(
            msg.contains("bad header") && msg.contains("fetch-model.sh"),
            "{msg}"
        );
    }

    #[test]
    fn children_follow_the_heads_in_text_order() {
        let p = russia_and_china_met();
        assert_eq!(p.children(3), &[0, 4]);
        assert_eq!(p.children(0), &[1, 2]);
        assert_eq!(p.child(3, &["nsubj", "nsubjpass"]), Some(0));
        assert_eq!(p.head(3), None);
        assert_eq!(p.head(2), Some(0));
    }

    #[test]
    fn token_at_finds_the_token_holding_a_byte_and_none_between_tokens() {
        let p = russia_and_china_met();
        assert_eq!(p.token_at(0), Some(0));
        assert_eq!(p.token_at(5), Some(0));
        assert_eq!(p.token_at(6), None);
        assert_eq!(p.token_at(18), Some(3));
        assert_eq!(p.token_at(99), None);
        assert_eq!(p.tokens_in(Span::new(7, 16)), 1..3);
    }

    #[test]
    fn conjuncts_and_subtrees_cover_coordinated_subjects() {
        let p = russia_and_china_met();
        assert_eq!(p.with_conjuncts(0), vec![0, 2]);
        assert_eq!(p.subtree_span(0), Span::new(0, 16));
        assert_eq!(p.subtree_span(3), Span::new(0, 21));
    }
}

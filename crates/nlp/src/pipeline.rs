//! The whole pipeline: load the model folder once, then `analyze` texts.

use crate::attribute_ruler::{AttributeRuler, RuledToken};
use crate::error::{read, Error, Result};
use crate::hash::string_id;
use crate::lemmatizer::Lemmatizer;
use crate::lexeme::{is_space_str, prefix, shape_into, suffix, NormTable};
use crate::msgpack::ThincModel;
use crate::parser::{DependencyParser, EntityRecognizer};
use crate::tagger::Tagger;
use crate::tok2vec::{Tok2Vec, TokenFeatures};
use crate::tokenizer::{RawToken, Tokenizer};
use std::borrow::Cow;
use std::path::Path;

/// A token with its analysis. `start`/`end` are byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub norm: String,
    pub tag: String,
    /// Universal POS (NOUN, VERB, PROPN, ...) from the attribute ruler's tag map.
    pub pos: String,
    /// Morphological features, e.g. `Number=Sing`.
    pub morph: String,
    pub lemma: String,
    /// Index of the head token in `Parsed::tokens`; a root is its own head.
    pub head: usize,
    /// Dependency label (ClearNLP style, as spaCy's English models: nsubj, dobj, ROOT, ...).
    pub dep: String,
    /// "B", "I" or "O".
    pub ent_iob: &'static str,
    /// Entity label of the entity this token is in, or "".
    pub ent_type: String,
}

/// A span of the text with a label. `start`/`end` are byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ent {
    pub start: usize,
    pub end: usize,
    /// Token range `[first, last + 1)` in `Parsed::tokens`.
    pub tokens: (usize, usize),
    pub label: String,
}

/// The analysis of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub tokens: Vec<Token>,
    /// Sentences as byte spans (from the parse, as spaCy's `doc.sents`).
    pub sents: Vec<(usize, usize)>,
    pub ents: Vec<Ent>,
}

/// The loaded en_core_web_sm pipeline.
pub struct Pipeline {
    tokenizer: Tokenizer,
    norms: NormTable,
    tok2vec: Tok2Vec,
    tagger: Tagger,
    parser: DependencyParser,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
    ner: EntityRecognizer,
}

fn load_model(dir: &Path, component: &str) -> Result<ThincModel> {
    let path = dir.join(component).join("model");
    ThincModel::from_bytes(&read(&path)?, &path.display().to_string())
}

fn load_json(path: &Path) -> Result<serde_json::Value> {
    serde_json::from_slice(&read(path)?)
        .map_err(|e| Error::model(format!("{}: not JSON: {e}", path.display())))
}

/// The model folder's name under `.models/`.
pub const MODEL_DIR_NAME: &str = "en_core_web_sm-3.8.0";

impl Pipeline {
    /// Where the model is: `$PARLEY_NLP_MODEL`, else `.models/en_core_web_sm-3.8.0` in the
    /// current directory or the nearest ancestor that has one.
    pub fn default_model_dir() -> Option<std::path::PathBuf> {
        if let Some(p) = std::env::var_os("PARLEY_NLP_MODEL") {
            return Some(p.into());
        }
        let cwd = std::env::current_dir().ok()?;
        cwd.ancestors()
            .map(|d| d.join(".models").join(MODEL_DIR_NAME))
            .find(|d| d.join("config.cfg").is_file())
    }

    /// Load the model folder (`.models/en_core_web_sm-3.8.0`, see scripts/fetch-model.sh).
    pub fn load(dir: impl AsRef<Path>) -> Result<Pipeline> {
        let dir = dir.as_ref();
        let timing = std::env::var_os("PARLEY_NLP_TIMING").is_some();
        let t0 = std::time::Instant::now();
        let lap = |what: &str| {
            if timing {
                eprintln!("load: {what} done at {:?}", t0.elapsed());
            }
        };
        // The tokenizer (regex compilation, special cases) takes as long as everything else
        // together, so it loads on a thread of its own, and so does the lemmatizer's tables.
        std::thread::scope(|scope| {
            let tokenizer = scope.spawn(|| {
                let t = Tokenizer::from_bytes(&read(&dir.join("tokenizer"))?);
                lap("tokenizer");
                t
            });
            let lemmatizer = scope.spawn(|| {
                let l = Lemmatizer::from_bytes(&read(
                    &dir.join("lemmatizer").join("lookups").join("lookups.bin"),
                )?);
                lap("lemmatizer");
                l
            });
            let lookups = dir.join("vocab").join("lookups.bin");
            let norms = if lookups.exists() {
                NormTable::from_bytes(&read(&lookups)?)?
            } else {
                NormTable::empty()
            };
            let tok2vec = Tok2Vec::from_model(&mut load_model(dir, "tok2vec")?, "tok2vec")?;
            let tagger = Tagger::load(
                &mut load_model(dir, "tagger")?,
                &load_json(&dir.join("tagger").join("cfg"))?,
            )?;
            lap("tok2vec and tagger");
            let parser = DependencyParser::load(dir, tok2vec.width)?;
            let ner = EntityRecognizer::load(dir)?;
            lap("parser and ner");
            let ruler =
                AttributeRuler::from_bytes(&read(&dir.join("attribute_ruler").join("patterns"))?)?;
            lap("attribute ruler");
            let lemmatizer = lemmatizer
                .join()
                .map_err(|_| Error::model("lemmatizer: loading thread panicked"))??;
            let tokenizer = tokenizer
                .join()
                .map_err(|_| Error::model("tokenizer: loading thread panicked"))??;
            Ok(Pipeline {
                tokenizer,
                norms,
                tok2vec,
                tagger,
                parser,
                ruler,
                lemmatizer,
                ner,
            })
        })
    }

    /// Tokens with byte offsets (spaCy's tokenizer).
    pub fn tokenize(&self, text: &str) -> Vec<RawToken> {
        self.tokenizer.tokenize(text)
    }

    /// The features each token gives to the embeddings, and its NORM string.
    pub fn features(&self, text: &str, toks: &[RawToken]) -> (Vec<TokenFeatures>, Vec<String>) {
        let mut feats = Vec::with_capacity(toks.len());
        let mut norms = Vec::with_capacity(toks.len());
        let mut shape_buf = String::new();
        for t in toks {
            let orth = &text[t.start..t.end];
            let norm = match &t.norm {
                Some(n) => n.clone(),
                None => self.norms.norm(orth),
            };
            feats.push(TokenFeatures {
                norm: string_id(&norm),
                prefix: string_id(prefix(orth)),
                suffix: string_id(suffix(orth)),
                shape: {
                    shape_into(orth, &mut shape_buf);
                    string_id(&shape_buf)
                },
                spacy: text[t.end..].starts_with(' ') as u64,
                is_space: is_space_str(orth) as u64,
            });
            norms.push(norm);
        }
        (feats, norms)
    }

    /// The shared tok2vec output (spaCy's `doc.tensor`), n×96 row-major.
    pub fn tensor(&self, text: &str) -> Vec<f32> {
        let toks = self.tokenize(text);
        let (feats, _) = self.features(text, &toks);
        self.tok2vec.forward(&[&feats]).pop().unwrap_or_default()
    }

    /// Analyse one text: tokens, tags, dependency parse, sentences and entities.
    pub fn analyze(&self, text: &str) -> Parsed {
        let toks = self.tokenize(text);
        let n = toks.len();
        let (feats, norms) = self.features(text, &toks);
        let is_space: Vec<bool> = feats.iter().map(|f| f.is_space == 1).collect();
        let tensor = self.tok2vec.forward(&[&feats]).pop().unwrap_or_default();
        let tags = self.tagger.predict(&tensor, n);
        let parse = self.parser.parse(&tensor, n, &is_space);
        let mut ruled: Vec<RuledToken> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| RuledToken {
                lower: lowercase(&text[t.start..t.end]),
                is_space: is_space[i],
                tag: &self.tagger.labels[tags[i]],
                dep: self.parser.label(parse.labels[i]),
                ..RuledToken::default()
            })
            .collect();
        self.ruler.apply(&mut ruled);
        let ents = self.ner.recognize(&feats, &parse.sent_starts, &is_space);
        let mut tokens: Vec<Token> = toks
            .iter()
            .zip(norms)
            .zip(ruled)
            .enumerate()
            .map(|(i, ((t, norm), r))| {
                let text = &text[t.start..t.end];
                let lemma = match r.lemma {
                    Some(l) => l.to_string(),
                    None => self.lemmatizer.lemmatize(text, r.pos, r.morph),
                };
                Token {
                    start: t.start,
                    end: t.end,
                    text: text.to_string(),
                    norm,
                    tag: r.tag.to_string(),
                    pos: r.pos.to_string(),
                    morph: r.morph.to_string(),
                    lemma,
                    head: parse.heads[i],
                    dep: r.dep.to_string(),
                    ent_iob: "O",
                    ent_type: String::new(),
                }
            })
            .collect();
        let mut out_ents = Vec::with_capacity(ents.len());
        for e in ents {
            for (k, tok) in tokens[e.start..e.end].iter_mut().enumerate() {
                tok.ent_iob = if k == 0 { "B" } else { "I" };
                tok.ent_type = e.label.to_string();
            }
            out_ents.push(Ent {
                start: toks[e.start].start,
                end: toks[e.end - 1].end,
                tokens: (e.start, e.end),
                label: e.label.to_string(),
            });
        }
        let mut sents = Vec::new();
        let mut start = 0;
        for i in 1..=n {
            if i == n || parse.sent_starts[i] {
                if start < i {
                    sents.push((toks[start].start, toks[i - 1].end));
                }
                start = i;
            }
        }
        Parsed {
            tokens,
            sents,
            ents: out_ents,
        }
    }
}

/// Lower case, borrowed when the text is already lower-case ASCII (most words).
fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

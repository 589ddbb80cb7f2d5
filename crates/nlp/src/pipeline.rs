//! The whole pipeline: load the model folder once, then `analyze` texts.

use crate::error::{read, Error, Result};
use crate::hash::string_id;
use crate::lexeme::{is_space_str, prefix, shape, suffix, NormTable};
use crate::msgpack::ThincModel;
use crate::tagger::Tagger;
use crate::tok2vec::{Tok2Vec, TokenFeatures};
use crate::tokenizer::{RawToken, Tokenizer};
use std::path::Path;

/// A token with its analysis. `start`/`end` are byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub norm: String,
    pub tag: String,
}

/// The analysis of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub tokens: Vec<Token>,
}

/// The loaded en_core_web_sm pipeline.
pub struct Pipeline {
    tokenizer: Tokenizer,
    norms: NormTable,
    tok2vec: Tok2Vec,
    tagger: Tagger,
}

fn load_model(dir: &Path, component: &str) -> Result<ThincModel> {
    let path = dir.join(component).join("model");
    ThincModel::from_bytes(&read(&path)?, &path.display().to_string())
}

fn load_json(path: &Path) -> Result<serde_json::Value> {
    serde_json::from_slice(&read(path)?)
        .map_err(|e| Error::model(format!("{}: not JSON: {e}", path.display())))
}

impl Pipeline {
    /// Load the model folder (`.models/en_core_web_sm-3.8.0`, see scripts/fetch-model.sh).
    pub fn load(dir: impl AsRef<Path>) -> Result<Pipeline> {
        let dir = dir.as_ref();
        let tokenizer = Tokenizer::from_bytes(&read(&dir.join("tokenizer"))?)?;
        let lookups = dir.join("vocab").join("lookups.bin");
        let norms = if lookups.exists() {
            NormTable::from_bytes(&read(&lookups)?)?
        } else {
            NormTable::empty()
        };
        let tok2vec = Tok2Vec::from_model(&load_model(dir, "tok2vec")?, "tok2vec")?;
        let tagger = Tagger::load(
            &load_model(dir, "tagger")?,
            &load_json(&dir.join("tagger").join("cfg"))?,
        )?;
        Ok(Pipeline {
            tokenizer,
            norms,
            tok2vec,
            tagger,
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
                shape: string_id(&shape(orth)),
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

    /// Analyse one text.
    pub fn analyze(&self, text: &str) -> Parsed {
        let toks = self.tokenize(text);
        let (feats, norms) = self.features(text, &toks);
        let tensor = self.tok2vec.forward(&[&feats]).pop().unwrap_or_default();
        let tags = self.tagger.predict(&tensor, toks.len());
        let tokens = toks
            .iter()
            .zip(norms)
            .zip(tags)
            .map(|((t, norm), tag)| Token {
                start: t.start,
                end: t.end,
                text: text[t.start..t.end].to_string(),
                norm,
                tag: self.tagger.labels[tag].clone(),
            })
            .collect();
        Parsed { tokens }
    }
}

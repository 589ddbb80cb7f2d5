//! parley-nlp: the linguistic layer of parley, a pure-Rust inference of spaCy's
//! `en_core_web_sm` 3.8 pipeline (tokenizer, tagger, dependency parser, named entities),
//! loaded from the model's own files (see `scripts/fetch-model.sh`), with no Python at run time.

pub mod arc_eager;
pub mod attribute_ruler;
#[cfg(feature = "embeddings")]
pub mod embed;
pub mod error;
pub mod hash;
pub mod layers;
pub mod lemmatizer;
pub mod lexeme;
pub mod moves;
pub mod msgpack;
pub mod ner;
pub mod nonproj;
pub mod output;
pub mod parser;
pub mod parser_model;
pub mod tok2vec;
pub mod tokenizer;

pub use error::{Error, Result};
pub mod pipeline;
pub mod pyunicode;
pub mod tagger;

pub use pipeline::{Ent, Parsed, Pipeline, Token};

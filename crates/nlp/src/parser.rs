//! The dependency parser and the entity recognizer: a `ParserModel` network driving the
//! arc-eager or BILUO transition system greedily, as spaCy does with `beam_width = 1`.

use crate::arc_eager::ParseState;
use crate::error::{read, Error, Result};
use crate::moves::{load_moves, Move};
use crate::msgpack::ThincModel;
use crate::ner::{NerState, MISSING, OUT};
use crate::nonproj::{deprojectivize, set_children_from_heads};
use crate::parser_model::{best_valid, ParserModel};
use crate::tok2vec::{Tok2Vec, TokenFeatures};
use std::path::Path;

/// Move labels as small ids; id 0 is the empty label.
struct Labels {
    names: Vec<String>,
}

impl Labels {
    /// The id of `name`, added if new.
    fn id(&mut self, name: &str) -> u32 {
        match self.names.iter().position(|n| n == name) {
            Some(i) => i as u32,
            None => {
                self.names.push(name.to_string());
                (self.names.len() - 1) as u32
            }
        }
    }

    /// For each label id, what a projectivised label `X||Y` stands for: (id of X, id of Y).
    fn decorations(&mut self) -> Vec<Option<(u32, u32)>> {
        let decorated: Vec<(usize, String, String)> = (self.names.iter().enumerate())
            .filter_map(|(i, n)| {
                let (x, y) = n.split_once("||")?;
                Some((i, x.to_string(), y.to_string()))
            })
            .collect();
        let mut out = vec![None; self.names.len()];
        for (i, x, y) in decorated {
            out[i] = Some((self.id(&x), self.id(&y)));
        }
        out
    }

    fn new(moves: &[Move]) -> (Labels, Vec<u32>) {
        let mut names = vec![String::new()];
        let ids = moves
            .iter()
            .map(|m| match names.iter().position(|n| *n == m.label) {
                Some(i) => i as u32,
                None => {
                    names.push(m.label.clone());
                    (names.len() - 1) as u32
                }
            })
            .collect();
        (Labels { names }, ids)
    }
}

/// Scratch buffers for scoring states.
#[derive(Default)]
struct Scratch {
    unmaxed: Vec<f32>,
    hidden: Vec<f32>,
    scores: Vec<f32>,
    valid: Vec<bool>,
}

pub struct DependencyParser {
    model: ParserModel,
    moves: Vec<Move>,
    move_labels: Vec<u32>,
    labels: Labels,
    decorations: Vec<Option<(u32, u32)>>,
    root: u32,
}

/// A parse: heads (a root is its own head), label ids (`DependencyParser::label`), sentence
/// starts.
pub struct Parse {
    pub heads: Vec<usize>,
    pub labels: Vec<u32>,
    pub sent_starts: Vec<bool>,
}

impl DependencyParser {
    pub fn load(dir: &Path, width: usize) -> Result<DependencyParser> {
        let mut model = load_model(dir, "parser")?;
        let model = ParserModel::from_model(&mut model, width, "parser")?;
        let moves = load_moves(&read(&dir.join("parser").join("moves"))?, |_, _| false)?;
        check_classes(&moves, &model, "parser")?;
        let (mut labels, move_labels) = Labels::new(&moves);
        let root = labels.id("ROOT");
        let decorations = labels.decorations();
        if model.n_feats != 8 {
            return Err(Error::model(format!(
                "parser: {} state features, expected 8",
                model.n_feats
            )));
        }
        Ok(DependencyParser {
            model,
            moves,
            move_labels,
            labels,
            decorations,
            root,
        })
    }

    /// The name of a label id of a `Parse`.
    pub fn label(&self, id: u32) -> &str {
        self.labels
            .names
            .get(id as usize)
            .map_or("", String::as_str)
    }

    /// Parse one document from its tok2vec output (n × width).
    pub fn parse(&self, tokvecs: &[f32], n: usize, is_space: &[bool]) -> Parse {
        let pre = self.model.precompute(tokvecs, n);
        let mut state = ParseState::new(n);
        let mut s = Scratch::default();
        let mut ids = [0i32; 8];
        while !state.is_final() {
            state.context(&mut ids);
            self.model
                .scores(&pre, &ids, &mut s.unmaxed, &mut s.hidden, &mut s.scores);
            state.set_valid(&self.moves, &mut s.valid);
            match best_valid(&s.scores, &s.valid) {
                Some(guess) => state.apply(self.moves[guess].action, self.move_labels[guess]),
                None => state.force_final(),
            }
        }
        let (mut heads, mut labels) = state.annotations(self.root);
        deprojectivize(&mut heads, &mut labels, &self.decorations, is_space);
        let edges = set_children_from_heads(&heads);
        let sent_starts = edges.sent_start.iter().map(|&s| s == 1).collect();
        Parse {
            heads,
            labels,
            sent_starts,
        }
    }
}

/// An entity: token range `[start, end)` and label (borrowed from the recognizer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
}

pub struct EntityRecognizer {
    tok2vec: Tok2Vec,
    model: ParserModel,
    moves: Vec<Move>,
    move_labels: Vec<u32>,
    labels: Labels,
}

impl EntityRecognizer {
    pub fn load(dir: &Path) -> Result<EntityRecognizer> {
        let mut thinc = load_model(dir, "ner")?;
        let tok2vec = Tok2Vec::from_model(&mut thinc, "ner")?;
        let model = ParserModel::from_model(&mut thinc, tok2vec.width, "ner")?;
        let moves = load_moves(&read(&dir.join("ner").join("moves"))?, |action, label| {
            action == MISSING || (action == OUT && !label.is_empty())
        })?;
        check_classes(&moves, &model, "ner")?;
        let (labels, move_labels) = Labels::new(&moves);
        if model.n_feats != 3 {
            return Err(Error::model(format!(
                "ner: {} state features, expected 3",
                model.n_feats
            )));
        }
        Ok(EntityRecognizer {
            tok2vec,
            model,
            moves,
            move_labels,
            labels,
        })
    }

    /// Entities of one document, given its token features and the parser's sentence starts.
    pub fn recognize(
        &self,
        feats: &[TokenFeatures],
        sent_starts: &[bool],
        is_space: &[bool],
    ) -> Vec<EntitySpan<'_>> {
        let n = feats.len();
        let tokvecs = self.tok2vec.forward(&[feats]).pop().unwrap_or_default();
        let pre = self.model.precompute(&tokvecs, n);
        let mut state = NerState::new(sent_starts, is_space);
        let mut s = Scratch::default();
        let mut ids = [0i32; 3];
        while !state.is_final() {
            state.context(&mut ids);
            self.model
                .scores(&pre, &ids, &mut s.unmaxed, &mut s.hidden, &mut s.scores);
            state.set_valid(&self.moves, &self.move_labels, &mut s.valid);
            match best_valid(&s.scores, &s.valid) {
                Some(guess) => state.apply(self.moves[guess].action, self.move_labels[guess]),
                None => state.force_final(),
            }
        }
        state
            .ents
            .iter()
            .filter_map(|e| {
                Some(EntitySpan {
                    start: e.start,
                    end: e.end?,
                    label: &self.labels.names[e.label as usize],
                })
            })
            .filter(|e| !e.label.is_empty())
            .collect()
    }
}

fn load_model(dir: &Path, component: &str) -> Result<ThincModel> {
    let path = dir.join(component).join("model");
    ThincModel::from_bytes(&read(&path)?, &path.display().to_string())
}

fn check_classes(moves: &[Move], model: &ParserModel, what: &str) -> Result<()> {
    if moves.len() != model.n_classes {
        return Err(Error::model(format!(
            "{what}: {} moves but the model scores {} classes",
            moves.len(),
            model.n_classes
        )));
    }
    Ok(())
}

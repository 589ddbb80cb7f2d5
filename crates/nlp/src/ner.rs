//! spaCy's BILUO named-entity transition system (`ner.pyx`, `BiluoPushDown`) for texts
//! without preset entities: Begin, In, Last, Unit, Out, with the sentence starts set by
//! the parser and the rule that entities do not start on whitespace.

use crate::moves::Move;

pub const MISSING: u8 = 0;
pub const BEGIN: u8 = 1;
pub const IN: u8 = 2;
pub const LAST: u8 = 3;
pub const UNIT: u8 = 4;
pub const OUT: u8 = 5;

/// An entity under construction or done: token range `[start, end)`; `end` is None while open.
#[derive(Debug, Clone, Copy)]
pub struct OpenEnt {
    pub start: usize,
    pub end: Option<usize>,
    pub label: u32,
}

pub struct NerState<'a> {
    length: usize,
    b_i: usize,
    pub ents: Vec<OpenEnt>,
    /// `sent_start == 1` per token (from the parse)
    sent_start: &'a [bool],
    is_space: &'a [bool],
}

impl<'a> NerState<'a> {
    pub fn new(sent_start: &'a [bool], is_space: &'a [bool]) -> NerState<'a> {
        NerState {
            length: sent_start.len(),
            b_i: 0,
            ents: Vec::new(),
            sent_start,
            is_space,
        }
    }

    fn b(&self, i: usize) -> i32 {
        let b = self.b_i + i;
        if b >= self.length {
            -1
        } else {
            b as i32
        }
    }

    fn buffer_length(&self) -> usize {
        self.length - self.b_i
    }

    pub fn is_final(&self) -> bool {
        self.b_i >= self.length
    }

    fn entity_is_open(&self) -> bool {
        matches!(self.ents.last(), Some(e) if e.end.is_none())
    }

    fn sent_start_at(&self, i: i32) -> bool {
        i >= 0 && self.sent_start[i as usize]
    }

    /// The 3 feature tokens of the NER model (`set_context_tokens` with n = 3).
    pub fn context(&self, ids: &mut [i32; 3]) {
        ids[0] = self.b(0);
        ids[1] = match self.ents.last() {
            Some(e) if e.end.is_none() => e.start as i32,
            _ => -1,
        };
        ids[2] = if ids[0] == -1 || ids[1] == -1 {
            -1
        } else {
            ids[0] - 1
        };
    }

    fn valid(&self, m: &Move, label: u32) -> bool {
        let b0 = self.b(0);
        let b0_space = b0 >= 0 && self.is_space[b0 as usize];
        match m.action {
            BEGIN => {
                !self.entity_is_open()
                    && self.buffer_length() >= 2
                    && label != 0
                    && !self.sent_start_at(self.b(1))
                    && !b0_space
            }
            IN => {
                if !self.entity_is_open() || self.buffer_length() < 2 || label == 0 {
                    return false;
                }
                if self.ents.last().map(|e| e.label) != Some(label) {
                    return false;
                }
                let b1 = self.b(1);
                !(b1 != -1 && self.sent_start_at(b1))
            }
            LAST => {
                label != 0
                    && self.entity_is_open()
                    && self.ents.last().map(|e| e.label) == Some(label)
            }
            UNIT => label != 0 && !self.entity_is_open() && !b0_space,
            OUT => !self.entity_is_open(),
            _ => false,
        }
    }

    pub fn set_valid(&self, moves: &[Move], labels: &[u32], valid: &mut Vec<bool>) {
        valid.clear();
        valid.extend(moves.iter().zip(labels).map(|(m, &l)| self.valid(m, l)));
    }

    pub fn apply(&mut self, action: u8, label: u32) {
        let b0 = self.b_i;
        match action {
            BEGIN => self.ents.push(OpenEnt {
                start: b0,
                end: None,
                label,
            }),
            LAST => {
                if let Some(e) = self.ents.last_mut() {
                    e.end = Some(b0 + 1);
                }
            }
            UNIT => self.ents.push(OpenEnt {
                start: b0,
                end: Some(b0 + 1),
                label,
            }),
            _ => {}
        }
        // push + pop: advance the buffer
        self.b_i += 1;
    }

    pub fn force_final(&mut self) {
        self.b_i = self.length;
    }
}

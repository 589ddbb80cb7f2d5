//! spaCy's arc-eager transition system (non-monotonic, with Break for sentence starts),
//! ported from `arc_eager.pyx` and the `StateC` of `_state.pxd`, including its quirks:
//! arcs are kept per head in insertion order, and deleting an arc that is not the last of
//! its head's list leaves it in place (so later features and the final annotation see it).

use crate::moves::Move;

pub const SHIFT: u8 = 0;
pub const REDUCE: u8 = 1;
pub const LEFT: u8 = 2;
pub const RIGHT: u8 = 3;
pub const BREAK: u8 = 4;

#[derive(Debug, Clone, Copy)]
struct Arc {
    head: i32,
    /// -1 once the arc is deleted
    child: i32,
    label: u32,
    /// The arc added before this one to the same head's list (`NONE` for the first).
    prev: u32,
}

const NONE: u32 = u32::MAX;

/// spaCy's per-head arc lists (`_left_arcs`, `_right_arcs`: vectors keyed by head), kept as
/// linked lists in one buffer, so that adding an arc allocates nothing per token.
struct ArcLists {
    arcs: Vec<Arc>,
    /// Per head: the index in `arcs` of its last arc, or `NONE`.
    last: Vec<u32>,
}

impl ArcLists {
    fn new(length: usize) -> ArcLists {
        ArcLists {
            arcs: Vec::with_capacity(length),
            last: vec![NONE; length],
        }
    }

    fn push(&mut self, head: i32, child: i32, label: u32) {
        let h = head as usize;
        self.arcs.push(Arc {
            head,
            child,
            label,
            prev: self.last[h],
        });
        self.last[h] = (self.arcs.len() - 1) as u32;
    }

    /// Remove the head's last arc if it is `head → child` (spaCy's `del_arc`: an arc that is
    /// not the last of its list stays, because spaCy's loop over the others edits a copy).
    fn delete_if_last(&mut self, head: i32, child: i32) {
        let Some(&i) = self.last.get(head as usize).filter(|&&i| i != NONE) else {
            return;
        };
        let arc = &mut self.arcs[i as usize];
        if arc.head == head && arc.child == child {
            arc.child = -1;
            self.last[head as usize] = arc.prev;
        }
    }

    /// The head's `idx`-th child counting from the last arc added (1-based), or -1.
    fn nth_from_last(&self, head: i32, idx: usize) -> i32 {
        if head < 0 || idx < 1 {
            return -1;
        }
        let mut i = self.last.get(head as usize).copied().unwrap_or(NONE);
        let mut n = 0;
        while i != NONE {
            let arc = &self.arcs[i as usize];
            n += 1;
            if n == idx {
                return arc.child;
            }
            i = arc.prev;
        }
        -1
    }

    /// The arcs still in the lists, head by head (ascending), each head's in the order added.
    fn in_head_order(&self) -> Vec<Arc> {
        let mut live: Vec<Arc> = self
            .arcs
            .iter()
            .filter(|a| a.child != -1)
            .copied()
            .collect();
        // a stable sort keeps each head's arcs in the order they were added
        live.sort_by_key(|a| a.head);
        live
    }
}

/// The parser state for one document.
pub struct ParseState {
    length: usize,
    stack: Vec<usize>,
    rebuffer: Vec<usize>,
    b_i: usize,
    heads: Vec<i32>,
    left_arcs: ArcLists,
    right_arcs: ArcLists,
    unshiftable: Vec<bool>,
    /// `TokenC.sent_start` as the parser sees it: 1 for the first token, 0 otherwise
    preset_sent_start: Vec<i8>,
    sent_starts: Vec<bool>,
}

impl ParseState {
    pub fn new(length: usize) -> ParseState {
        let mut preset = vec![0i8; length];
        if let Some(first) = preset.first_mut() {
            *first = 1;
        }
        ParseState {
            length,
            stack: Vec::with_capacity(length),
            rebuffer: Vec::with_capacity(length),
            b_i: 0,
            heads: vec![-1; length],
            left_arcs: ArcLists::new(length),
            right_arcs: ArcLists::new(length),
            unshiftable: vec![false; length],
            preset_sent_start: preset,
            sent_starts: vec![false; length],
        }
    }

    pub fn s(&self, i: usize) -> i32 {
        if i >= self.stack.len() {
            -1
        } else {
            self.stack[self.stack.len() - (i + 1)] as i32
        }
    }

    pub fn b(&self, i: usize) -> i32 {
        if i < self.rebuffer.len() {
            self.rebuffer[self.rebuffer.len() - (i + 1)] as i32
        } else {
            let b_i = self.b_i + (i - self.rebuffer.len());
            if b_i >= self.length {
                -1
            } else {
                b_i as i32
            }
        }
    }

    pub fn l(&self, head: i32, idx: usize) -> i32 {
        self.left_arcs.nth_from_last(head, idx)
    }

    pub fn r(&self, head: i32, idx: usize) -> i32 {
        self.right_arcs.nth_from_last(head, idx)
    }

    fn stack_depth(&self) -> usize {
        self.stack.len()
    }

    fn buffer_length(&self) -> usize {
        (self.length - self.b_i) + self.rebuffer.len()
    }

    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    fn is_sent_start(&self, word: i32) -> bool {
        if word < 0 || word as usize >= self.length {
            return false;
        }
        let w = word as usize;
        self.preset_sent_start[w] == 1 || self.sent_starts[w]
    }

    fn cannot_sent_start(&self, word: i32) -> bool {
        word >= 0 && (word as usize) < self.length && self.preset_sent_start[word as usize] == -1
    }

    fn has_head(&self, child: i32) -> bool {
        self.heads[child as usize] >= 0
    }

    fn is_unshiftable(&self, item: i32) -> bool {
        item >= 0
            && self
                .unshiftable
                .get(item as usize)
                .copied()
                .unwrap_or(false)
    }

    fn push(&mut self) {
        let b0 = if let Some(b) = self.rebuffer.pop() {
            b
        } else {
            self.b_i += 1;
            self.b_i - 1
        };
        self.stack.push(b0);
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn unshift(&mut self) {
        if let Some(s0) = self.stack.pop() {
            self.unshiftable[s0] = true;
            self.rebuffer.push(s0);
        }
    }

    fn add_arc(&mut self, head: i32, child: i32, label: u32) {
        if self.has_head(child) {
            let old = self.heads[child as usize];
            self.del_arc(old, child);
        }
        if head > child {
            self.left_arcs.push(head, child, label);
        } else {
            self.right_arcs.push(head, child, label);
        }
        self.heads[child as usize] = head;
    }

    fn del_arc(&mut self, head: i32, child: i32) {
        if head > child {
            self.left_arcs.delete_if_last(head, child);
        } else {
            self.right_arcs.delete_if_last(head, child);
        }
    }

    pub fn force_final(&mut self) {
        self.stack.clear();
        self.b_i = self.length;
        self.rebuffer.clear();
    }

    /// The 8 feature tokens of the parser model (`set_context_tokens` with n = 8).
    pub fn context(&self, ids: &mut [i32; 8]) {
        let b0 = self.b(0);
        let s0 = self.s(0);
        ids[0] = b0;
        ids[1] = self.b(1);
        ids[2] = s0;
        ids[3] = self.s(1);
        ids[4] = self.s(2);
        ids[5] = self.l(b0, 1);
        ids[6] = self.l(s0, 1);
        ids[7] = self.r(s0, 1);
        for id in ids.iter_mut() {
            if *id < 0 {
                *id = -1;
            }
        }
    }

    fn valid_shift(&self) -> bool {
        if self.stack_depth() == 0 {
            true
        } else if self.buffer_length() < 2 {
            false
        } else {
            !self.is_sent_start(self.b(0)) && !self.is_unshiftable(self.b(0))
        }
    }

    fn valid_reduce(&self) -> bool {
        if self.stack_depth() == 0 {
            false
        } else if self.buffer_length() == 0 {
            true
        } else {
            !(self.stack_depth() == 1 && self.cannot_sent_start(self.b(0)))
        }
    }

    fn valid_arc(&self) -> bool {
        self.stack_depth() != 0 && self.buffer_length() != 0 && !self.is_sent_start(self.b(0))
    }

    fn valid_break(&self) -> bool {
        if self.buffer_length() < 2 {
            return false;
        }
        let (b0, b1) = (self.b(0), self.b(1));
        b1 == b0 + 1 && !self.is_sent_start(b1) && !self.cannot_sent_start(b1)
    }

    /// Which moves are valid now (spaCy's `ArcEager.set_valid`).
    pub fn set_valid(&self, moves: &[Move], valid: &mut Vec<bool>) {
        let by_action = [
            self.valid_shift(),
            self.valid_reduce(),
            self.valid_arc(),
            self.valid_arc(),
            self.valid_break(),
        ];
        valid.clear();
        valid.extend(
            moves
                .iter()
                .map(|m| by_action.get(m.action as usize).copied().unwrap_or(false)),
        );
    }

    /// Apply a move with its label id.
    pub fn apply(&mut self, action: u8, label: u32) {
        match action {
            SHIFT => self.push(),
            REDUCE => {
                if self.has_head(self.s(0)) || self.stack_depth() == 1 {
                    self.pop();
                } else {
                    self.unshift();
                }
            }
            LEFT => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, label);
                if b0 >= 0 {
                    self.unshiftable[b0 as usize] = false;
                }
                self.pop();
            }
            RIGHT => {
                let (s0, b0) = (self.s(0), self.b(0));
                self.add_arc(s0, b0, label);
                self.push();
            }
            BREAK => {
                let b1 = self.b(1);
                if b1 >= 0 {
                    self.sent_starts[b1 as usize] = true;
                }
            }
            _ => {}
        }
    }

    /// Heads (document indices; a root is its own head) and label ids as spaCy's
    /// `ArcEager.set_annotations` writes them: left arcs first, then right arcs, so a stale
    /// right arc wins over the left arc that replaced it. Unattached tokens get `root`.
    pub fn annotations(&self, root: u32) -> (Vec<usize>, Vec<u32>) {
        let mut heads: Vec<usize> = (0..self.length).collect();
        let mut labels = vec![0u32; self.length];
        for lists in [&self.left_arcs, &self.right_arcs] {
            for arc in lists.in_head_order() {
                if arc.head != -1 && arc.child != -1 {
                    heads[arc.child as usize] = arc.head as usize;
                    labels[arc.child as usize] = arc.label;
                }
            }
        }
        for i in 0..self.length {
            if heads[i] == i {
                labels[i] = root;
            }
        }
        (heads, labels)
    }
}

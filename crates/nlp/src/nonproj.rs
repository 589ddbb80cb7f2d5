//! Undoing the parser's projectivisation (spaCy's `nonproj.deprojectivize`): a label
//! `X||Y` means "attach to the first descendant labelled Y of my head, breadth-first".
//! Children are enumerated as spaCy's `Token.children` does, scanning between the left and
//! right edges computed before the changes (`set_children_from_heads`).

// Index loops mirror spaCy's C loops over token arrays, which keeps the port checkable.
#![allow(clippy::needless_range_loop)]

/// Left and right edges and sentence starts of a parse (spaCy's `set_children_from_heads`).
pub struct Edges {
    pub l_edge: Vec<usize>,
    pub r_edge: Vec<usize>,
    pub sent_start: Vec<i8>,
}

pub fn set_children_from_heads(heads: &[usize]) -> Edges {
    let n = heads.len();
    let mut l_edge: Vec<usize> = (0..n).collect();
    let mut r_edge: Vec<usize> = (0..n).collect();
    let mut loop_count = 0;
    loop {
        for i in 0..n {
            let h = heads[i];
            if l_edge[i] < l_edge[h] {
                l_edge[h] = l_edge[i];
            }
            if r_edge[i] > r_edge[h] {
                r_edge[h] = r_edge[i];
            }
        }
        for i in (0..n).rev() {
            let h = heads[i];
            if r_edge[i] > r_edge[h] {
                r_edge[h] = r_edge[i];
            }
            if l_edge[i] < l_edge[h] {
                l_edge[h] = l_edge[i];
            }
        }
        let within = heads_within_sents(heads, &l_edge);
        if within || loop_count > 10 {
            break;
        }
        loop_count += 1;
    }
    let mut sent_start = vec![-1i8; n];
    for i in 0..n {
        if heads[i] == i {
            sent_start[l_edge[i]] = 1;
        }
    }
    Edges {
        l_edge,
        r_edge,
        sent_start,
    }
}

fn heads_within_sents(heads: &[usize], l_edge: &[usize]) -> bool {
    let n = heads.len();
    let mut is_start = vec![false; n];
    for i in 0..n {
        if heads[i] == i {
            is_start[l_edge[i]] = true;
        }
    }
    let mut cur_start = 0usize;
    for i in 0..n {
        if (i > 0 && is_start[i]) || i == n - 1 {
            let cur_end = i;
            for j in cur_start..cur_end {
                let h = heads[j];
                if h < cur_start || h > cur_end {
                    return false;
                }
            }
            cur_start = i;
        }
    }
    true
}

/// Children of `t` in spaCy's order: lefts (scanning from the left edge), then rights.
fn children(t: usize, heads: &[usize], edges: &Edges, out: &mut Vec<usize>) {
    out.clear();
    for p in edges.l_edge[t]..t {
        if heads[p] == t {
            out.push(p);
        }
    }
    for p in t + 1..=edges.r_edge[t].min(heads.len() - 1) {
        if heads[p] == t {
            out.push(p);
        }
    }
}

/// What a decorated label `X||Y` means, by label id: `Some((X, Y))`, or None for a plain label.
pub type Decorations = [Option<(u32, u32)>];

/// Rewrite decorated labels (`X||Y`, given as label ids with their `decorations`) in place.
/// `is_space[i]` marks whitespace tokens.
pub fn deprojectivize(
    heads: &mut [usize],
    labels: &mut [u32],
    decorations: &Decorations,
    is_space: &[bool],
) {
    let decorated = |l: u32| decorations.get(l as usize).copied().flatten();
    if !labels.iter().any(|&l| decorated(l).is_some()) {
        return;
    }
    let edges = set_children_from_heads(heads);
    // breadth-first search buffers, reused for every decorated token
    let (mut kids, mut queue, mut next) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..heads.len() {
        let Some((new_label, head_label)) = decorated(labels[i]) else {
            continue;
        };
        let mut new_head = heads[i];
        queue.clear();
        queue.push(heads[i]);
        // spaCy has no bound here; a parse is a tree, so this one is never reached there
        let mut budget = heads.len() * heads.len() + 1;
        'search: while !queue.is_empty() && budget > 0 {
            budget -= 1;
            next.clear();
            for &q in &queue {
                children(q, heads, &edges, &mut kids);
                for &c in &kids {
                    if is_space[c] || c == i {
                        continue;
                    }
                    if labels[c] == head_label {
                        new_head = c;
                        break 'search;
                    }
                    next.push(c);
                }
            }
            std::mem::swap(&mut queue, &mut next);
        }
        heads[i] = new_head;
        labels[i] = new_label;
    }
}

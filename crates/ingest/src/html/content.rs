//! Main-text selection: which blocks of a page are the article.
//!
//! A readability-style scorer over the flat block list: every prose block (≥ 25 characters)
//! credits its parent container fully and further ancestors less; a container's score is
//! adjusted by its tag and by content/furniture words in its class and id, then scaled by
//! (1 − link density). The best container, climbed to a parent when the parent holds more of the
//! same text, plus siblings that score nearly as well, is the article; inside it, link lists
//! and short link-heavy blocks are dropped.

use super::blocks::{Block, BlockKind};
use ego_tree::NodeId;
use regex::Regex;
use scraper::{Html, Node};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How far the selection may grow into parents that add prose.
const MAX_GROW_LEVELS: usize = 4;
/// A parent must add at least this share of the current selection's prose to be taken.
const GROW_SHARE: f32 = 0.3;

/// …and that added part must be at least this share prose (not menus or link lists).
const GROW_MIN_GOOD: f32 = 0.4;

/// How many ancestor levels of the selection are searched for split-off prose.
const EXPAND_LEVELS: usize = 2;
/// A split-off container needs one paragraph at least this long (characters)…
const EXPAND_MIN_PARAGRAPH: usize = 150;
/// …and this share of its text in prose blocks.
const EXPAND_MIN_GOOD: f32 = 0.7;

/// A block shorter than this (in characters) does not vote for its container.
const MIN_VOTING_CHARS: usize = 25;

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
        .unwrap()
});
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|recommend|newsletter").unwrap()
});

#[derive(Debug, Default, Clone, Copy)]
struct Stat {
    chars: usize,
    link_chars: usize,
    /// Characters in prose blocks that are not link lists.
    good_chars: usize,
    /// Length of the longest good block.
    longest_good: usize,
    votes: f32,
}

impl Stat {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

fn is_prose(kind: BlockKind) -> bool {
    !matches!(kind, BlockKind::Heading(_))
}

/// A block that reads as prose: long enough and not a link list.
fn is_good(b: &Block) -> bool {
    is_prose(b.kind) && b.chars >= MIN_VOTING_CHARS && b.link_density() < 0.34
}

fn commas(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

fn element_weight(html: &Html, id: NodeId) -> f32 {
    let Some(node) = html.tree.get(id) else {
        return 0.0;
    };
    let Node::Element(el) = node.value() else {
        return 0.0;
    };
    let mut w = match el.name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    if el.name() == "article"
        || el
            .attr("itemprop")
            .is_some_and(|v| v.contains("articleBody"))
    {
        w += 25.0;
    }
    for attr in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        if NEGATIVE.is_match(attr) {
            w -= 25.0;
        }
        if POSITIVE.is_match(attr) {
            w += 25.0;
        }
    }
    w
}

fn class_of(html: &Html, id: NodeId) -> Option<&str> {
    match html.tree.get(id)?.value() {
        Node::Element(el) => el.attr("class"),
        _ => None,
    }
}

fn parent_of(html: &Html, id: NodeId) -> Option<NodeId> {
    html.tree.get(id)?.parent().map(|p| p.id())
}

fn is_body_or_root(html: &Html, id: NodeId) -> bool {
    match html.tree.get(id).map(|n| n.value()) {
        Some(Node::Element(el)) => matches!(el.name(), "body" | "html"),
        _ => true,
    }
}

/// A selection with this much prose (characters) is not retried with relaxed furniture rules.
const ENOUGH_TEXT: usize = 500;

/// A relaxed selection with this many times the prose of the strict one wins anyway.
const RELAXED_GAIN: f32 = 2.0;

/// Furniture-named elements that hold at least this share of the page's prose are kept.
const MISNAMED_WRAPPER_SHARE: f32 = 0.5;

/// Blocks inside furniture-named elements; with `relaxed`, elements that hold most of the
/// page's prose are not counted as furniture.
fn furniture_blocks(blocks: &[Block], relaxed: bool) -> Vec<bool> {
    let prose = |b: &Block| is_prose(b.kind) && b.chars >= MIN_VOTING_CHARS;
    let total: usize = blocks.iter().filter(|b| prose(b)).map(|b| b.chars).sum();
    let mut per_root: HashMap<NodeId, usize> = HashMap::new();
    if relaxed {
        for b in blocks.iter().filter(|b| prose(b)) {
            for u in &b.unlikely {
                *per_root.entry(*u).or_default() += b.chars;
            }
        }
    }
    let wrapper = |u: &NodeId| {
        relaxed
            && per_root.get(u).copied().unwrap_or(0) as f32 >= total as f32 * MISNAMED_WRAPPER_SHARE
    };
    blocks
        .iter()
        .map(|b| b.unlikely.iter().any(|u| !wrapper(u)))
        .collect()
}

fn select_without_furniture(html: &Html, all_blocks: &[Block], relaxed: bool) -> Vec<usize> {
    let furniture = furniture_blocks(all_blocks, relaxed);
    let kept: Vec<usize> = (0..all_blocks.len()).filter(|&i| !furniture[i]).collect();
    let blocks: Vec<Block> = kept.iter().map(|&i| all_blocks[i].clone()).collect();
    select_among(html, &blocks)
        .into_iter()
        .map(|i| kept[i])
        .collect()
}

fn good_chars(blocks: &[Block], chosen: &[usize]) -> usize {
    chosen
        .iter()
        .map(|&i| &blocks[i])
        .filter(|b| is_good(b))
        .map(|b| b.chars)
        .sum()
}

/// The indices of the blocks that make up the main text, in document order.
///
/// First without anything in furniture-named elements; when that leaves less than
/// [`ENOUGH_TEXT`] characters of prose, again with misnamed page wrappers allowed.
pub fn select(html: &Html, all_blocks: &[Block]) -> Vec<usize> {
    let strict = select_without_furniture(html, all_blocks, false);
    let strict_good = good_chars(all_blocks, &strict);
    if all_blocks.iter().all(|b| b.unlikely.is_empty()) {
        return strict;
    }
    let relaxed = select_without_furniture(html, all_blocks, true);
    let relaxed_good = good_chars(all_blocks, &relaxed);
    if (strict_good < ENOUGH_TEXT && relaxed_good > strict_good)
        || relaxed_good as f32 > RELAXED_GAIN * strict_good as f32
    {
        relaxed
    } else {
        strict
    }
}

fn select_among(html: &Html, blocks: &[Block]) -> Vec<usize> {
    let mut stats: HashMap<NodeId, Stat> = HashMap::new();
    for b in blocks {
        for a in &b.ancestors {
            let s = stats.entry(*a).or_default();
            s.chars += b.chars;
            s.link_chars += b.link_chars;
            if is_good(b) {
                s.good_chars += b.chars;
                s.longest_good = s.longest_good.max(b.chars);
            }
        }
        if !is_prose(b.kind) || b.chars < MIN_VOTING_CHARS {
            continue;
        }
        let vote = 1.0 + commas(&b.text) as f32 + (b.chars as f32 / 100.0).min(3.0);
        // ancestors[0] is the block's own element; its parent gets the full vote.
        for (level, a) in b.ancestors.iter().skip(1).take(5).enumerate() {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            stats.get_mut(a).unwrap().votes += vote / divider;
        }
    }

    let mut weights: HashMap<NodeId, f32> = HashMap::new();
    let mut scored: Vec<(NodeId, f32)> = Vec::new();
    for (id, s) in &stats {
        if s.votes <= 0.0 {
            continue;
        }
        let w = element_weight(html, *id);
        weights.insert(*id, w);
        scored.push((*id, (s.votes + w) * (1.0 - s.link_density())));
    }
    let score_of = |id: NodeId| -> Option<f32> {
        stats.get(&id).filter(|s| s.votes > 0.0).map(|s| {
            let w = weights
                .get(&id)
                .copied()
                .unwrap_or_else(|| element_weight(html, id));
            (s.votes + w) * (1.0 - s.link_density())
        })
    };
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let Some(&(mut top, mut top_score)) = scored.first() else {
        return fallback(blocks);
    };

    // Several of the best candidates inside one ancestor: that ancestor is the article.
    let alternatives: Vec<NodeId> = scored
        .iter()
        .skip(1)
        .take(4)
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(id, _)| *id)
        .collect();
    if alternatives.len() >= 2 {
        let mut p = parent_of(html, top);
        while let Some(pid) = p {
            if is_body_or_root(html, pid) {
                break;
            }
            let contained = alternatives
                .iter()
                .filter(|alt| is_ancestor(html, pid, **alt))
                .count();
            if contained >= 2 {
                top = pid;
                top_score = score_of(pid).unwrap_or(top_score);
                break;
            }
            p = parent_of(html, pid);
        }
    }

    // Climb while the parent scores better (it holds more of the same article).
    let mut last = top_score;
    let threshold = top_score / 3.0;
    let mut p = parent_of(html, top);
    while let Some(pid) = p {
        if is_body_or_root(html, pid) {
            break;
        }
        if let Some(ps) = score_of(pid) {
            if ps < threshold {
                break;
            }
            if ps > last {
                top = pid;
                top_score = ps;
                break;
            }
            last = ps;
        }
        p = parent_of(html, pid);
    }

    // Grow into the parent while it adds substantial prose of its own (an article split into
    // several sibling sections, each scored on its own).
    // Wrappers that add no text are climbed for free.
    let mut candidate = top;
    let mut grown = 0;
    while grown < MAX_GROW_LEVELS {
        let Some(pid) = parent_of(html, candidate) else {
            break;
        };
        if is_body_or_root(html, pid) {
            break;
        }
        let (Some(ts), Some(ps)) = (stats.get(&top), stats.get(&pid)) else {
            break;
        };
        let added_good = ps.good_chars.saturating_sub(ts.good_chars);
        let added_all = ps.chars.saturating_sub(ts.chars);
        candidate = pid;
        if added_all == 0 {
            continue;
        }
        grown += 1;
        if (added_good as f32) < GROW_SHARE * ts.good_chars as f32
            || (added_good as f32) < GROW_MIN_GOOD * added_all as f32
        {
            break;
        }
        top = pid;
        top_score = score_of(pid).unwrap_or(top_score);
    }

    // Siblings that score nearly as well, or that are good paragraphs on their own.
    let mut selected: HashSet<NodeId> = HashSet::new();
    selected.insert(top);
    if let Some(parent) = html.tree.get(top).and_then(|n| n.parent()) {
        // Siblings count under any parent, <body> included: the body-only exception this once
        // had was dropped after measuring (it was dead code behind `|| true`).
        {
            let sibling_threshold = (top_score * 0.2).max(10.0);
            let top_class = class_of(html, top).filter(|c| !c.is_empty());
            for sib in parent.children() {
                let sid = sib.id();
                if sid == top || !matches!(sib.value(), Node::Element(_)) {
                    continue;
                }
                let Some(st) = stats.get(&sid) else { continue };
                let mut bonus = 0.0;
                if top_class.is_some() && class_of(html, sid) == top_class {
                    bonus = top_score * 0.2;
                }
                let good = match score_of(sid) {
                    Some(s) if s + bonus >= sibling_threshold => true,
                    _ => {
                        let is_p = matches!(sib.value(), Node::Element(el) if el.name() == "p");
                        let ld = st.link_density();
                        is_p && ((st.chars > 80 && ld < 0.25)
                            || (st.chars > 0 && ld == 0.0 && own_text_ends_sentence(blocks, sid)))
                    }
                };
                if good {
                    selected.insert(sid);
                }
            }
        }
    }

    // Prose that the page split off into neighbouring containers (an ad or a figure between
    // two halves of the article): siblings of the selection's ancestors that are themselves
    // mostly prose with at least one real paragraph.
    let mut node = top;
    let mut levels = 0;
    while levels < EXPAND_LEVELS {
        let Some(parent) = html.tree.get(node).and_then(|n| n.parent()) else {
            break;
        };
        if is_body_or_root(html, parent.id()) {
            break;
        }
        let parent_stat = stats.get(&parent.id()).copied().unwrap_or_default();
        let node_stat = stats.get(&node).copied().unwrap_or_default();
        if parent_stat.chars > node_stat.chars {
            levels += 1;
            for sib in parent.children() {
                let sid = sib.id();
                if sid == node || selected.contains(&sid) {
                    continue;
                }
                let Some(st) = stats.get(&sid) else { continue };
                if st.longest_good >= EXPAND_MIN_PARAGRAPH
                    && st.good_chars as f32 >= EXPAND_MIN_GOOD * st.chars as f32
                    && st.link_density() < 0.25
                    && weights.get(&sid).is_none_or(|w| *w >= 0.0)
                {
                    selected.insert(sid);
                }
            }
        }
        node = parent.id();
    }

    let chosen: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.ancestors.iter().any(|a| selected.contains(a)))
        .filter(|(_, b)| keep_block(b))
        .map(|(i, _)| i)
        .collect();
    let chosen = cut_at_end_cue(blocks, chosen);
    let chosen = drop_empty_headings(blocks, chosen);
    if chosen.iter().map(|&i| blocks[i].chars).sum::<usize>() < 200 {
        let fb = fallback(blocks);
        if fb.iter().map(|&i| blocks[i].chars).sum::<usize>()
            > 3 * chosen.iter().map(|&i| blocks[i].chars).sum::<usize>()
        {
            return fb;
        }
    }
    chosen
}

fn own_text_ends_sentence(blocks: &[Block], id: NodeId) -> bool {
    blocks.iter().any(|b| {
        b.ancestors.first() == Some(&id) && b.text.trim_end().ends_with(['.', '!', '?', '。'])
    })
}

fn is_ancestor(html: &Html, ancestor: NodeId, node: NodeId) -> bool {
    let mut p = html.tree.get(node).and_then(|n| n.parent());
    while let Some(n) = p {
        if n.id() == ancestor {
            return true;
        }
        p = n.parent();
    }
    false
}

/// Share of the selection's text that must come before an end cue for the cue to end it.
const END_CUE_AFTER: f32 = 0.7;

/// Cuts the selection at a "Related articles"-style cue that follows most of the text; an
/// earlier cue block is dropped on its own.
fn cut_at_end_cue(blocks: &[Block], chosen: Vec<usize>) -> Vec<usize> {
    let total: usize = chosen.iter().map(|&i| blocks[i].chars).sum();
    let mut before = 0usize;
    let mut out = Vec::with_capacity(chosen.len());
    for &i in &chosen {
        let b = &blocks[i];
        if super::cues::is_end_cue(&b.text) {
            if before as f32 >= END_CUE_AFTER * total as f32 {
                break;
            }
            continue;
        }
        before += b.chars;
        out.push(i);
    }
    out
}

/// Drops headings that introduce nothing: followed by a heading of the same or a higher
/// rank, or by nothing ("Related articles" above a dropped link list).
fn drop_empty_headings(blocks: &[Block], chosen: Vec<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(chosen.len());
    let mut next_level: Option<u8> = None; // rank of the next kept block if a heading; 0 = end
    let mut next_is_text = false;
    for &i in chosen.iter().rev() {
        if let BlockKind::Heading(level) = blocks[i].kind {
            let introduces = next_is_text || next_level.is_some_and(|n| n > level);
            if !introduces {
                continue;
            }
            next_level = Some(level);
            next_is_text = false;
        } else {
            next_is_text = true;
            next_level = None;
        }
        out.push(i);
    }
    out.reverse();
    out
}

/// True for a short block that is only a date (a dateline or "Posted on …" stamp).
fn is_date_stamp(b: &Block) -> bool {
    if b.chars > 60 {
        return false;
    }
    let Some(_) = super::date::parse_text(&b.text) else {
        return false;
    };
    let letters = b.text.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 25
}

/// A block inside the article that is still furniture: mostly links.
fn keep_block(b: &Block) -> bool {
    let t = &b.text;
    if is_date_stamp(b)
        || super::cues::is_notice(t)
        || super::cues::is_reading_time(t)
        || super::cues::is_furniture_label(t)
        || super::cues::is_server_error(t)
    {
        return false;
    }
    let ld = b.link_density();
    if ld > 0.5 && b.chars < 300 {
        return false;
    }
    if matches!(b.kind, BlockKind::ListItem) && ld > 0.3 && b.chars < 100 {
        return false;
    }
    true
}

/// No container stands out: every prose block that is not a link list.
fn fallback(blocks: &[Block]) -> Vec<usize> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            b.link_density() < 0.34
                && (b.chars >= MIN_VOTING_CHARS || matches!(b.kind, BlockKind::Heading(_)))
        })
        .map(|(i, _)| i)
        .collect()
}

//! The DOM walk: turns a parsed page into a flat list of text blocks.
//!
//! A block is the inline text between two block-level boundaries (a paragraph, a heading, a list
//! item, loose text in a `<div>`…). Each block keeps the chain of its ancestor elements so that
//! the content scorer can credit containers, and the number of characters inside links so that
//! link lists can be told from prose. Boilerplate subtrees (see [`super::boilerplate`]) are skipped.

use super::boilerplate::{verdict, Verdict};
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

/// Deeper nesting than this is not walked (pathological pages; keeps the walk's stack bounded).
const MAX_DEPTH: usize = 400;

/// What kind of element a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    Preformatted,
    TableCell,
    /// Loose text directly inside a generic container.
    Loose,
}

/// One run of text between block boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Characters (not bytes) of `text`.
    pub chars: usize,
    /// Characters inside `<a>` elements.
    pub link_chars: usize,
    pub kind: BlockKind,
    /// The element that bounds the block, then its ancestors up to the root.
    pub ancestors: Vec<NodeId>,
    /// Ancestors whose class or id names page furniture ([`Verdict::Unlikely`]).
    pub unlikely: Vec<NodeId>,
}

impl Block {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Invisible formatting characters that split words for search and matching: soft hyphens
/// ("Mit\u{ad}tel\u{ad}al\u{ad}ter"), zero-width spaces, word joiners, stray BOMs. Zero-width
/// (non-)joiners stay: Persian and Indic scripts need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn is_block_level(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "body"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "address"
            | "center"
            | "hr"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "caption"
            | "html"
    )
}

fn kind_of(name: &str) -> BlockKind {
    match name {
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "p" => BlockKind::Paragraph,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Preformatted,
        "td" | "th" => BlockKind::TableCell,
        _ => BlockKind::Loose,
    }
}

struct Walker {
    blocks: Vec<Block>,
    stack: Vec<NodeId>,
    unlikely: Vec<NodeId>,
    kinds: Vec<BlockKind>,
    buf: String,
    chars: usize,
    link_chars: usize,
    link_depth: usize,
    pre_depth: usize,
    /// A space is owed before the next visible character.
    pending_space: bool,
}

impl Walker {
    fn flush(&mut self) {
        let text = self.buf.trim_end();
        if !text.is_empty() {
            let text = text.to_string();
            let chars = text.chars().count();
            self.blocks.push(Block {
                chars,
                link_chars: self.link_chars.min(chars),
                text,
                kind: *self.kinds.last().unwrap_or(&BlockKind::Loose),
                ancestors: self.stack.iter().rev().copied().collect(),
                unlikely: self.unlikely.clone(),
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = false;
    }

    fn push_text(&mut self, t: &str) {
        if self.pre_depth > 0 {
            for c in t.chars() {
                self.push_char(c);
            }
            return;
        }
        for c in t.chars() {
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() {
                self.pending_space = !self.buf.is_empty();
            } else {
                if self.pending_space {
                    self.push_char(' ');
                    self.pending_space = false;
                }
                self.push_char(c);
            }
        }
    }

    fn push_char(&mut self, c: char) {
        self.buf.push(c);
        self.chars += 1;
        if self.link_depth > 0 && !c.is_whitespace() {
            self.link_chars += 1;
        }
    }

    fn line_break(&mut self) {
        if !self.buf.is_empty() && !self.buf.ends_with('\n') {
            let trimmed = self.buf.trim_end().len();
            self.buf.truncate(trimmed);
            self.buf.push('\n');
        }
        self.pending_space = false;
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match node.value() {
            Node::Text(t) => self.push_text(t),
            Node::Element(el) => {
                let v = verdict(el);
                if v == Verdict::Drop {
                    // A dropped inline element still separates words.
                    self.pending_space = !self.buf.is_empty();
                    return;
                }
                let name = el.name();
                if v == Verdict::Unlikely {
                    self.flush();
                    self.unlikely.push(node.id());
                }
                if name == "br" {
                    self.line_break();
                    return;
                }
                if is_block_level(name) {
                    self.flush();
                    self.stack.push(node.id());
                    self.kinds.push(kind_of(name));
                    if name == "pre" {
                        self.pre_depth += 1;
                    }
                    for child in node.children() {
                        self.walk(child, depth + 1);
                    }
                    self.flush();
                    if name == "pre" {
                        self.pre_depth -= 1;
                    }
                    self.kinds.pop();
                    self.stack.pop();
                } else {
                    let is_link = name == "a";
                    if is_link {
                        self.link_depth += 1;
                    }
                    for child in node.children() {
                        self.walk(child, depth + 1);
                    }
                    if is_link {
                        self.link_depth -= 1;
                    }
                    if matches!(name, "img" | "td" | "th") {
                        self.pending_space = !self.buf.is_empty();
                    }
                }
                if v == Verdict::Unlikely {
                    self.flush();
                    self.unlikely.pop();
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.walk(child, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// All text blocks of `html`, in document order.
pub fn collect(html: &Html) -> Vec<Block> {
    let mut w = Walker {
        blocks: Vec::new(),
        stack: Vec::new(),
        unlikely: Vec::new(),
        kinds: Vec::new(),
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        link_depth: 0,
        pre_depth: 0,
        pending_space: false,
    };
    w.walk(html.tree.root(), 0);
    w.flush();
    w.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        collect(&Html::parse_document(html))
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn paragraphs_become_blocks_with_normalised_spaces() {
        assert_eq!(
            texts("<p>One  <b>two</b>\n three</p><p>Four</p>"),
            vec!["One two three", "Four"]
        );
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_are_dropped() {
        assert_eq!(
            texts("<p>Mit\u{ad}tel\u{ad}al\u{ad}ter und\u{200b}so</p>"),
            vec!["Mittelalter undso"]
        );
        assert_eq!(texts("<p>می\u{200c}خواهم</p>"), vec!["می\u{200c}خواهم"]);
    }

    #[test]
    fn scripts_are_skipped_and_navigation_marked() {
        let b = collect(&Html::parse_document(
            "<nav>Home</nav><script>x=1</script><p>Body</p>",
        ));
        assert_eq!(
            b.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            vec!["Home", "Body"]
        );
        assert_eq!(b[0].unlikely.len(), 1, "navigation is marked as furniture");
        assert!(b[1].unlikely.is_empty());
    }

    #[test]
    fn link_characters_are_counted() {
        let b = collect(&Html::parse_document("<p>ab <a href=x>cd</a></p>"));
        assert_eq!(b[0].link_chars, 2);
        assert_eq!(b[0].chars, 5);
    }

    #[test]
    fn br_becomes_a_line_break() {
        assert_eq!(texts("<p>one<br>two</p>"), vec!["one\ntwo"]);
    }
}

//! An article's body: the Markdown after its front matter, read at build time (by ingest) into a
//! small tree of blocks and inlines that can say only what a news text needs (headings,
//! paragraphs, lists, quotes, code, emphasis, links and images), with its plain text beside it
//! for search.
//!
//! Nothing in the tree is markup: text is text, and every link and image holds an [`HttpUrl`],
//! so the app can draw a body as elements without parsing anything. The tree is stored as a flat
//! list of [`Node`]s read in document order, and rebuilt by [`Body::from_nodes`], which checks
//! that each node is where it may be and that nothing nests deeper than [`MAX_DEPTH`]: decoding
//! a bundle never recurses, so a hostile bundle nested 100,000 deep is refused, not a stack
//! overflow.

use crate::text::url::HttpUrl;
use crate::wire::{Reader, Wire};
use serde::Serialize;

/// The deepest a body may nest, counting blocks (quotes, lists, items) and inlines (emphasis,
/// links) together. Real articles nest a list in a quote in a list with a link in bold: six or
/// so. Ingest flattens what lies deeper to its text.
pub const MAX_DEPTH: usize = 16;

/// A body: its blocks, and their plain text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(into = "Vec<Node>")]
pub struct Body {
    blocks: Vec<Block>,
    text: String,
}

/// A block of a body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of `level` 1 to 6.
    Heading {
        /// 1 for `#`, up to 6.
        level: u8,
        /// Its text.
        inlines: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list; numbered from `start` when it is ordered.
    List {
        /// The first number of an ordered list; `None` for a bulleted one.
        start: Option<u64>,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// Preformatted text: a code block, or raw HTML shown as what it is.
    Code(String),
    /// A thematic break (`---`, `***`).
    Rule,
}

/// A piece of running text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text, shown as it is.
    Text(String),
    /// `*emphasis*`.
    Emphasis(Vec<Inline>),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `` `code` ``.
    Code(String),
    /// A link to an http(s) URL.
    Link {
        /// Where it goes.
        href: HttpUrl,
        /// What it says.
        children: Vec<Inline>,
    },
    /// An image at an http(s) URL.
    Image {
        /// Where the image is.
        src: HttpUrl,
        /// Its alternative text.
        alt: String,
    },
    /// A hard line break.
    LineBreak,
}

/// One step of a body in document order: a container opens (and is closed by [`Node::End`]), or
/// a leaf stands on its own. The stored form of a [`Body`], and what ingest writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Node {
    /// Opens a heading of this level.
    Heading(u8),
    /// Opens a paragraph.
    Paragraph,
    /// Opens a list (`Some(start)` when ordered), whose children are [`Node::Item`]s.
    List(Option<u64>),
    /// Opens a list item (only in a list).
    Item,
    /// Opens a block quote.
    Quote,
    /// Opens emphasis.
    Emphasis,
    /// Opens strong emphasis.
    Strong,
    /// Opens a link.
    Link(HttpUrl),
    /// Closes the innermost open container.
    End,
    /// A code block.
    CodeBlock(String),
    /// A thematic break.
    Rule,
    /// Text.
    Text(String),
    /// Inline code.
    Code(String),
    /// An image.
    Image {
        /// Where it is.
        src: HttpUrl,
        /// Its alternative text.
        alt: String,
    },
    /// A hard line break.
    LineBreak,
}

impl Wire for Node {
    /// The variant's number (its place in the enum), then its fields.
    fn read(r: &mut Reader<'_>) -> Self {
        match r.variant() {
            0 => Self::Heading(r.read()),
            1 => Self::Paragraph,
            2 => Self::List(r.read()),
            3 => Self::Item,
            4 => Self::Quote,
            5 => Self::Emphasis,
            6 => Self::Strong,
            7 => Self::Link(r.read()),
            8 => Self::End,
            9 => Self::CodeBlock(r.read()),
            10 => Self::Rule,
            11 => Self::Text(r.read()),
            12 => Self::Code(r.read()),
            13 => Self::Image {
                src: r.read(),
                alt: r.read(),
            },
            14 => Self::LineBreak,
            _ => r.unknown_variant(Self::End),
        }
    }
}

impl Wire for Body {
    fn read(r: &mut Reader<'_>) -> Self {
        let nodes = r.read();
        Self::from_nodes(nodes)
            .unwrap_or_else(|_| r.invalid("a body is not a tree", Self::default()))
    }
}

/// Why a list of nodes is not a body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    /// Nested deeper than [`MAX_DEPTH`].
    #[error("nests deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// A node where it cannot stand (a block inside text, an item outside a list, …).
    #[error("has a {0} where it cannot stand")]
    Misplaced(&'static str),
    /// A heading level outside 1–6.
    #[error("has a heading of level {0}")]
    BadLevel(u8),
    /// An [`Node::End`] with nothing open.
    #[error("closes more than it opens")]
    UnmatchedEnd,
    /// Containers left open at the end.
    #[error("leaves a container open")]
    Unclosed,
}

/// A container being filled while nodes are read.
enum Frame {
    Root(Vec<Block>),
    Quote(Vec<Block>),
    Item(Vec<Block>),
    List(Option<u64>, Vec<Vec<Block>>),
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(HttpUrl, Vec<Inline>),
}

impl Frame {
    fn blocks(&mut self) -> Option<&mut Vec<Block>> {
        match self {
            Self::Root(blocks) | Self::Quote(blocks) | Self::Item(blocks) => Some(blocks),
            _ => None,
        }
    }

    fn inlines(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Self::Heading(_, inlines)
            | Self::Paragraph(inlines)
            | Self::Emphasis(inlines)
            | Self::Strong(inlines)
            | Self::Link(_, inlines) => Some(inlines),
            _ => None,
        }
    }
}

impl Body {
    /// Builds a body from nodes in document order, checking where each stands and how deep it
    /// nests. Adjacent texts are joined.
    ///
    /// ```
    /// use broadsheet_core::model::body::{Block, Body, Inline, Node};
    /// let body = Body::from_nodes(vec![
    ///     Node::Paragraph,
    ///     Node::Text("Hello, ".into()),
    ///     Node::Strong,
    ///     Node::Text("world".into()),
    ///     Node::End,
    ///     Node::End,
    /// ])
    /// .expect("well nested");
    /// assert_eq!(body.text(), "Hello, world");
    /// assert!(matches!(&body.blocks()[0], Block::Paragraph(p) if p.len() == 2));
    /// assert!(Body::from_nodes(vec![Node::Text("loose".into())]).is_err());
    /// ```
    ///
    /// # Errors
    /// A [`BodyError`] when the nodes do not make a tree that a body may be.
    pub fn from_nodes(nodes: Vec<Node>) -> Result<Self, BodyError> {
        let mut stack = vec![Frame::Root(Vec::new())];
        for node in nodes {
            let top = stack.last_mut().ok_or(BodyError::UnmatchedEnd)?;
            let opened = match node {
                Node::Heading(level) if !(1..=6).contains(&level) => {
                    return Err(BodyError::BadLevel(level))
                }
                Node::Heading(level) => block_frame(top, Frame::Heading(level, Vec::new()))?,
                Node::Paragraph => block_frame(top, Frame::Paragraph(Vec::new()))?,
                Node::List(start) => block_frame(top, Frame::List(start, Vec::new()))?,
                Node::Quote => block_frame(top, Frame::Quote(Vec::new()))?,
                Node::Item => match top {
                    Frame::List(..) => Some(Frame::Item(Vec::new())),
                    _ => return Err(BodyError::Misplaced("list item")),
                },
                Node::Emphasis => inline_frame(top, Frame::Emphasis(Vec::new()))?,
                Node::Strong => inline_frame(top, Frame::Strong(Vec::new()))?,
                Node::Link(href) => inline_frame(top, Frame::Link(href, Vec::new()))?,
                Node::CodeBlock(code) => push_block(top, Block::Code(code))?,
                Node::Rule => push_block(top, Block::Rule)?,
                Node::Text(text) => {
                    let inlines = top.inlines().ok_or(BodyError::Misplaced("text"))?;
                    match inlines.last_mut() {
                        Some(Inline::Text(last)) => last.push_str(&text),
                        _ => inlines.push(Inline::Text(text)),
                    }
                    None
                }
                Node::Code(code) => push_inline(top, Inline::Code(code))?,
                Node::Image { src, alt } => push_inline(top, Inline::Image { src, alt })?,
                Node::LineBreak => push_inline(top, Inline::LineBreak)?,
                Node::End => {
                    if stack.len() == 1 {
                        return Err(BodyError::UnmatchedEnd);
                    }
                    let closed = stack.pop().ok_or(BodyError::UnmatchedEnd)?;
                    let parent = stack.last_mut().ok_or(BodyError::UnmatchedEnd)?;
                    close(closed, parent);
                    None
                }
            };
            if let Some(frame) = opened {
                // The root does not count: `MAX_DEPTH` containers may be open inside it.
                if stack.len() > MAX_DEPTH {
                    return Err(BodyError::TooDeep);
                }
                stack.push(frame);
            }
        }
        match (stack.pop(), stack.is_empty()) {
            (Some(Frame::Root(blocks)), true) => {
                let mut text = String::new();
                blocks_text(&blocks, &mut text);
                Ok(Self { blocks, text })
            }
            _ => Err(BodyError::Unclosed),
        }
    }

    /// A body of plain paragraphs: `text` cut at blank lines (see
    /// [`paragraphs`]), nothing in it read as Markdown.
    #[must_use]
    pub fn from_plain_text(text: &str) -> Self {
        let blocks: Vec<Block> = paragraphs(text)
            .into_iter()
            .map(|p| Block::Paragraph(vec![Inline::Text(p.to_owned())]))
            .collect();
        let mut text = String::new();
        blocks_text(&blocks, &mut text);
        Self { blocks, text }
    }

    /// The blocks, in order.
    #[must_use]
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The plain text a reader sees (what search indexes and exports write): blocks separated
    /// by blank lines, images by their alternative text, no Markdown markup.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when there is no body.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The nodes this body is built from, in document order.
    #[must_use]
    pub fn nodes(&self) -> Vec<Node> {
        let mut nodes = Vec::new();
        blocks_nodes(&self.blocks, &mut nodes);
        nodes
    }
}

fn block_frame(top: &mut Frame, frame: Frame) -> Result<Option<Frame>, BodyError> {
    match top.blocks() {
        Some(_) => Ok(Some(frame)),
        None => Err(BodyError::Misplaced("block")),
    }
}

fn inline_frame(top: &mut Frame, frame: Frame) -> Result<Option<Frame>, BodyError> {
    match top.inlines() {
        Some(_) => Ok(Some(frame)),
        None => Err(BodyError::Misplaced("inline")),
    }
}

fn push_block(top: &mut Frame, block: Block) -> Result<Option<Frame>, BodyError> {
    top.blocks()
        .ok_or(BodyError::Misplaced("block"))?
        .push(block);
    Ok(None)
}

fn push_inline(top: &mut Frame, inline: Inline) -> Result<Option<Frame>, BodyError> {
    top.inlines()
        .ok_or(BodyError::Misplaced("inline"))?
        .push(inline);
    Ok(None)
}

/// Hands a closed container to its parent, which was checked to take it when it opened.
fn close(closed: Frame, parent: &mut Frame) {
    let block = match closed {
        Frame::Item(blocks) => {
            if let Frame::List(_, items) = parent {
                items.push(blocks);
            }
            return;
        }
        Frame::Emphasis(inlines) => Err(Inline::Emphasis(inlines)),
        Frame::Strong(inlines) => Err(Inline::Strong(inlines)),
        Frame::Link(href, children) => Err(Inline::Link { href, children }),
        Frame::Heading(level, inlines) => Ok(Block::Heading { level, inlines }),
        Frame::Paragraph(inlines) => Ok(Block::Paragraph(inlines)),
        Frame::List(start, items) => Ok(Block::List { start, items }),
        Frame::Quote(blocks) | Frame::Root(blocks) => Ok(Block::Quote(blocks)),
    };
    match block {
        Ok(block) => {
            if let Some(blocks) = parent.blocks() {
                blocks.push(block);
            }
        }
        Err(inline) => {
            if let Some(inlines) = parent.inlines() {
                inlines.push(inline);
            }
        }
    }
}

fn blocks_nodes(blocks: &[Block], out: &mut Vec<Node>) {
    for block in blocks {
        match block {
            Block::Heading { level, inlines } => {
                out.push(Node::Heading(*level));
                inlines_nodes(inlines, out);
                out.push(Node::End);
            }
            Block::Paragraph(inlines) => {
                out.push(Node::Paragraph);
                inlines_nodes(inlines, out);
                out.push(Node::End);
            }
            Block::List { start, items } => {
                out.push(Node::List(*start));
                for item in items {
                    out.push(Node::Item);
                    blocks_nodes(item, out);
                    out.push(Node::End);
                }
                out.push(Node::End);
            }
            Block::Quote(blocks) => {
                out.push(Node::Quote);
                blocks_nodes(blocks, out);
                out.push(Node::End);
            }
            Block::Code(code) => out.push(Node::CodeBlock(code.clone())),
            Block::Rule => out.push(Node::Rule),
        }
    }
}

fn inlines_nodes(inlines: &[Inline], out: &mut Vec<Node>) {
    for inline in inlines {
        let children = match inline {
            Inline::Text(text) => {
                out.push(Node::Text(text.clone()));
                continue;
            }
            Inline::Code(code) => {
                out.push(Node::Code(code.clone()));
                continue;
            }
            Inline::Image { src, alt } => {
                out.push(Node::Image {
                    src: src.clone(),
                    alt: alt.clone(),
                });
                continue;
            }
            Inline::LineBreak => {
                out.push(Node::LineBreak);
                continue;
            }
            Inline::Emphasis(children) => {
                out.push(Node::Emphasis);
                children
            }
            Inline::Strong(children) => {
                out.push(Node::Strong);
                children
            }
            Inline::Link { href, children } => {
                out.push(Node::Link(href.clone()));
                children
            }
        };
        inlines_nodes(children, out);
        out.push(Node::End);
    }
}

fn blocks_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        let start = out.len();
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph(inlines) => {
                inlines_text(inlines, out);
            }
            Block::List { items, .. } => items.iter().for_each(|item| blocks_text(item, out)),
            Block::Quote(blocks) => blocks_text(blocks, out),
            Block::Code(code) => out.push_str(code.trim_end()),
            Block::Rule => {}
        }
        if out.len() > start {
            out.push_str("\n\n");
        }
    }
    // Blocks are separated, not followed, by a blank line.
    while out.ends_with("\n\n") {
        out.truncate(out.len() - 2);
    }
}

fn inlines_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::Image { alt: text, .. } => {
                out.push_str(text);
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Link { children, .. } => {
                inlines_text(children, out);
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

impl TryFrom<Vec<Node>> for Body {
    type Error = BodyError;
    fn try_from(nodes: Vec<Node>) -> Result<Self, Self::Error> {
        Self::from_nodes(nodes)
    }
}

impl From<Body> for Vec<Node> {
    fn from(body: Body) -> Self {
        body.nodes()
    }
}

/// The paragraphs of a plain-text body: runs of non-blank lines, separated by one or more blank
/// (or whitespace-only) lines. Line breaks inside a paragraph are kept; `\r\n` is accepted.
///
/// ```
/// let body = "First line\nsame paragraph.\n\n\nSecond.\r\n";
/// assert_eq!(
///     broadsheet_core::model::body::paragraphs(body),
///     ["First line\nsame paragraph.", "Second."]
/// );
/// ```
#[must_use]
pub fn paragraphs(body: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = None;
    let mut end = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(start) = start.take() {
                found.push(&body[start..end]);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(start) = start {
        found.push(&body[start..end]);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> HttpUrl {
        HttpUrl::parse(s).expect("test url")
    }

    fn text(s: &str) -> Node {
        Node::Text(s.into())
    }

    #[test]
    fn builds_every_construct_and_writes_the_same_nodes_back() {
        let nodes = vec![
            Node::Heading(2),
            text("Background"),
            Node::End,
            Node::Paragraph,
            text("The vote was "),
            Node::Strong,
            text("7–5"),
            Node::End,
            text("; "),
            Node::Emphasis,
            text("critics"),
            Node::End,
            text(" read "),
            Node::Link(url("https://example.com/report")),
            text("the report"),
            Node::End,
            Node::LineBreak,
            Node::Code("x = 1".into()),
            Node::Image {
                src: url("https://img.example.com/a.jpg"),
                alt: "a chart".into(),
            },
            Node::End,
            Node::List(Some(3)),
            Node::Item,
            Node::Paragraph,
            text("first"),
            Node::End,
            Node::List(None),
            Node::Item,
            Node::Paragraph,
            text("nested"),
            Node::End,
            Node::End,
            Node::End,
            Node::End,
            Node::End,
            Node::Quote,
            Node::Paragraph,
            text("quoted"),
            Node::End,
            Node::End,
            Node::Rule,
            Node::CodeBlock("<script>alert(1)</script>\n".into()),
        ];
        let body = Body::from_nodes(nodes.clone()).expect("a valid body");
        assert_eq!(body.nodes(), nodes);
        assert_eq!(body.blocks().len(), 6);
        assert_eq!(
            body.text(),
            "Background\n\nThe vote was 7–5; critics read the report\nx = 1a chart\n\n\
             first\n\nnested\n\nquoted\n\n<script>alert(1)</script>"
        );
        let bytes = postcard::to_allocvec(&body).expect("encodes");
        assert_eq!(crate::wire::from_bytes::<Body>(&bytes), Ok(body));
    }

    #[test]
    fn refuses_nodes_that_are_not_a_body() {
        let cases: Vec<(Vec<Node>, BodyError)> = vec![
            (vec![text("loose")], BodyError::Misplaced("text")),
            (vec![Node::Item], BodyError::Misplaced("list item")),
            (vec![Node::Emphasis], BodyError::Misplaced("inline")),
            (
                vec![Node::Paragraph, Node::Quote],
                BodyError::Misplaced("block"),
            ),
            (
                vec![Node::List(None), Node::Paragraph],
                BodyError::Misplaced("block"),
            ),
            (
                vec![Node::Paragraph, Node::Rule],
                BodyError::Misplaced("block"),
            ),
            (
                vec![Node::Quote, Node::LineBreak],
                BodyError::Misplaced("inline"),
            ),
            (vec![Node::Heading(7)], BodyError::BadLevel(7)),
            (vec![Node::Heading(0)], BodyError::BadLevel(0)),
            (vec![Node::End], BodyError::UnmatchedEnd),
            (vec![Node::Quote], BodyError::Unclosed),
        ];
        for (nodes, want) in cases {
            assert_eq!(Body::from_nodes(nodes.clone()), Err(want), "{nodes:?}");
        }
    }

    #[test]
    fn refuses_nesting_past_the_limit_without_recursing() {
        let quotes = |depth: usize| {
            let mut nodes = vec![Node::Quote; depth];
            nodes.extend(vec![Node::End; depth]);
            nodes
        };
        assert!(Body::from_nodes(quotes(MAX_DEPTH)).is_ok());
        assert_eq!(
            Body::from_nodes(quotes(MAX_DEPTH + 1)),
            Err(BodyError::TooDeep)
        );
        // A hostile bundle: decoding reads a flat list, so depth costs no stack.
        let bytes = postcard::to_allocvec(&quotes(100_000)).expect("encodes");
        assert_eq!(
            crate::wire::from_bytes::<Body>(&bytes),
            Err(crate::wire::WireError::Invalid("a body is not a tree"))
        );
    }

    #[test]
    fn plain_text_becomes_paragraphs() {
        let body = Body::from_plain_text("One\nline.\n\n**Two**");
        assert_eq!(body.blocks().len(), 2);
        assert_eq!(body.text(), "One\nline.\n\n**Two**");
        assert!(Body::from_plain_text("").is_empty());
        assert_eq!(Body::default().text(), "");
    }

    #[test]
    fn splits_paragraphs_on_blank_lines() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("\n \n\t\n", &[]),
            ("One.", &["One."]),
            ("One.\nStill one.", &["One.\nStill one."]),
            ("\n\nOne.\n\nTwo.\n", &["One.", "Two."]),
            (
                "One.\r\n\r\nTwo.\r\nMore two.\r\n",
                &["One.", "Two.\r\nMore two."],
            ),
            ("One.\n   \nTwo.", &["One.", "Two."]),
            ("  Indented.\n\nÜnïcödé.", &["  Indented.", "Ünïcödé."]),
        ];
        for (body, want) in cases {
            assert_eq!(paragraphs(body), *want, "{body:?}");
        }
    }
}

//! An article's body, read as Markdown (CommonMark, no extensions) into core's [`Body`] tree at
//! build time, so the app draws elements and never parses markup.
//!
//! What the tree cannot say is kept as text, with a warning where a reader loses something:
//! raw HTML (a block or inline) is shown as the text it is, never parsed; a link or image whose
//! URL the allowlist refuses keeps its text (an image its alternative text); nesting deeper than
//! core's [`MAX_DEPTH`] is flattened to its text. pulldown-cmark reads the text without
//! recursing, and so does everything here, so a body nested 10,000 deep costs no stack.

use crate::article::shorten;
use crate::diagnostic::Problem;
use crate::link;
use crate::text;
use broadsheet_core::model::body::{Body, Node, MAX_DEPTH};
use broadsheet_core::text::url::HttpUrl;
#[cfg(test)]
use broadsheet_core::text::url::UrlError;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Refused links and images reported one by one per body; the rest are counted in one warning.
pub const MAX_LINK_WARNINGS: usize = 10;

/// A body and what was lost reading it.
#[derive(Debug)]
pub struct Converted {
    /// The body.
    pub body: Body,
    /// Each warning with the byte offset in the Markdown where it applies.
    pub warnings: Vec<(usize, Problem)>,
}

/// What a container of the output holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Blocks,
    Items,
    Inlines,
    /// Nothing is written: text goes to [`Reader::buffer`] until the frame that began
    /// collecting it closes.
    Collect,
}

/// What closing a frame writes besides its [`Node::End`].
#[derive(Debug)]
enum Owner {
    /// Nothing more.
    None,
    /// Began collecting a subtree too deep to keep, written as text where its parent takes it.
    Flat(Holds),
    /// Began collecting a code block or raw HTML block.
    CodeBlock,
    /// Began collecting an image's alternative text.
    Image(Option<HttpUrl>),
}

/// One open Markdown container (or an implicit paragraph around a tight list item's text).
#[derive(Debug)]
struct Frame {
    holds: Holds,
    /// Wrote a container node, so closing it writes [`Node::End`].
    ends: bool,
    /// Opened here, not by the Markdown (closed before a block or at its container's end).
    implicit: bool,
    owner: Owner,
}

struct Reader {
    nodes: Vec<Node>,
    frames: Vec<Frame>,
    /// Containers written and still open.
    depth: usize,
    buffer: String,
    warnings: Vec<(usize, Problem)>,
    refused_links: usize,
    raw_html: bool,
    flattened: bool,
    removed: bool,
    marks_cut: bool,
}

/// Reads `markdown` (a body as [`crate::split`] cut it) into a [`Body`].
///
/// ```
/// use broadsheet_ingest::markdown::convert;
/// let got = convert("Read **this** [report](javascript:alert(1)).\n\n<script>x()</script>");
/// assert_eq!(got.body.text(), "Read this report.\n\n<script>x()</script>");
/// assert_eq!(got.warnings.len(), 2, "the refused link, and the raw HTML");
/// ```
#[must_use]
pub fn convert(markdown: &str) -> Converted {
    let mut reader = Reader {
        nodes: Vec::new(),
        frames: vec![Frame {
            holds: Holds::Blocks,
            ends: false,
            implicit: false,
            owner: Owner::None,
        }],
        depth: 0,
        buffer: String::new(),
        warnings: Vec::new(),
        refused_links: 0,
        raw_html: false,
        flattened: false,
        removed: false,
        marks_cut: false,
    };
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        reader.event(event, range.start);
    }
    reader.finish(markdown)
}

impl Reader {
    fn top(&self) -> Holds {
        self.frames.last().map_or(Holds::Blocks, |f| f.holds)
    }

    fn event(&mut self, event: Event<'_>, at: usize) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(end) => self.end(&end),
            Event::Text(t) => self.text(&t),
            Event::Code(code) => {
                if self.top() == Holds::Collect {
                    self.buffer.push_str(&code);
                } else {
                    let code = self.scrub(&code);
                    self.inline(Node::Code(code));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if !self.raw_html {
                    self.raw_html = true;
                    self.warnings.push((at, Problem::RawHtml));
                }
                self.text(&html);
            }
            Event::SoftBreak => self.text("\n"),
            Event::HardBreak => {
                if self.top() == Holds::Collect {
                    self.buffer.push('\n');
                } else {
                    self.inline(Node::LineBreak);
                }
            }
            Event::Rule => self.block(Node::Rule),
            // Extensions that are not switched on; their text is kept should one appear.
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                self.text(&t);
            }
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        if self.top() == Holds::Collect {
            self.push(Holds::Collect, false, Owner::None);
            return;
        }
        match &tag {
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock => self.close_implicit(),
            Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. } => {
                self.ensure_inlines();
            }
            _ => {}
        }
        let (node, holds) = match tag {
            Tag::Paragraph => (Node::Paragraph, Holds::Inlines),
            Tag::Heading { level, .. } => (Node::Heading(level as u8), Holds::Inlines),
            Tag::BlockQuote(_) => (Node::Quote, Holds::Blocks),
            Tag::List(start) => (Node::List(start), Holds::Items),
            Tag::Item => (Node::Item, Holds::Blocks),
            Tag::Emphasis => (Node::Emphasis, Holds::Inlines),
            Tag::Strong => (Node::Strong, Holds::Inlines),
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.buffer.clear();
                self.push(Holds::Collect, false, Owner::CodeBlock);
                return;
            }
            Tag::Image { dest_url, .. } => {
                let src = self.url(&dest_url, at, true);
                self.buffer.clear();
                self.push(Holds::Collect, false, Owner::Image(src));
                return;
            }
            Tag::Link { dest_url, .. } => match self.url(&dest_url, at, false) {
                Some(href) => (Node::Link(href), Holds::Inlines),
                None => {
                    // The link's text stays, in the link's place.
                    self.push(Holds::Inlines, false, Owner::None);
                    return;
                }
            },
            // Extensions that are not switched on: their content flows into the parent.
            _ => {
                let holds = self.top();
                self.push(holds, false, Owner::None);
                return;
            }
        };
        // Two levels stay free: a flattened subtree may need an item and a paragraph.
        if self.depth + 1 > MAX_DEPTH - 2 {
            if !self.flattened {
                self.flattened = true;
                self.warnings
                    .push((at, Problem::BodyTooDeep(MAX_DEPTH - 2)));
            }
            let parent = self.top();
            self.buffer.clear();
            self.push(Holds::Collect, false, Owner::Flat(parent));
            return;
        }
        self.nodes.push(node);
        self.depth += 1;
        self.push(holds, true, Owner::None);
    }

    fn push(&mut self, holds: Holds, ends: bool, owner: Owner) {
        self.frames.push(Frame {
            holds,
            ends,
            implicit: false,
            owner,
        });
    }

    fn end(&mut self, end: &TagEnd) {
        let collecting = self.top() == Holds::Collect;
        if !collecting {
            self.close_implicit();
        }
        // The root frame is never closed: pulldown-cmark's ends match its starts.
        if self.frames.len() > 1 {
            if let Some(frame) = self.frames.pop() {
                self.close(frame, end);
            }
        }
    }

    fn close(&mut self, frame: Frame, end: &TagEnd) {
        if frame.ends {
            self.nodes.push(Node::End);
            self.depth -= 1;
        }
        match frame.owner {
            Owner::None => {
                // Inside a collected subtree, blocks stay apart in its text.
                let is_block = matches!(
                    end,
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock
                );
                if frame.holds == Holds::Collect && is_block && !self.buffer.ends_with('\n') {
                    self.buffer.push('\n');
                }
            }
            Owner::CodeBlock => {
                let code = std::mem::take(&mut self.buffer);
                let code = self.scrub(code.trim_end_matches('\n'));
                self.block(Node::CodeBlock(code));
            }
            Owner::Image(src) => {
                let alt = std::mem::take(&mut self.buffer);
                let alt = self.scrub(&alt);
                match src {
                    Some(src) => self.inline(Node::Image { src, alt }),
                    None => self.inline(Node::Text(alt)),
                }
            }
            Owner::Flat(parent) => {
                let flat = std::mem::take(&mut self.buffer);
                let flat = self.scrub(flat.trim());
                if flat.is_empty() {
                    return;
                }
                match parent {
                    Holds::Inlines => self.nodes.push(Node::Text(flat)),
                    Holds::Items => self.nodes.extend([
                        Node::Item,
                        Node::Paragraph,
                        Node::Text(flat),
                        Node::End,
                        Node::End,
                    ]),
                    Holds::Blocks | Holds::Collect => {
                        self.nodes
                            .extend([Node::Paragraph, Node::Text(flat), Node::End]);
                    }
                }
            }
        }
    }

    /// Closes the paragraph opened around a tight list item's text before a block follows.
    fn close_implicit(&mut self) {
        if self.frames.last().is_some_and(|f| f.implicit) {
            self.frames.pop();
            self.nodes.push(Node::End);
            self.depth -= 1;
        }
    }

    fn text(&mut self, text: &str) {
        if self.top() == Holds::Collect {
            self.buffer.push_str(text);
            return;
        }
        let text = self.scrub(text);
        self.inline(Node::Text(text));
    }

    /// Writes an inline node where text runs.
    fn inline(&mut self, node: Node) {
        self.ensure_inlines();
        if self.top() == Holds::Inlines {
            self.nodes.push(node);
        }
    }

    /// Opens a paragraph where blocks are expected: a tight list item's text comes without one.
    fn ensure_inlines(&mut self) {
        if self.top() == Holds::Blocks {
            self.nodes.push(Node::Paragraph);
            self.depth += 1;
            self.frames.push(Frame {
                holds: Holds::Inlines,
                ends: true,
                implicit: true,
                owner: Owner::None,
            });
        }
    }

    fn block(&mut self, node: Node) {
        self.close_implicit();
        match self.top() {
            Holds::Blocks => self.nodes.push(node),
            Holds::Collect => {}
            // pulldown-cmark puts blocks only among blocks; should one come elsewhere, its
            // text is kept.
            Holds::Items | Holds::Inlines => {
                if let Node::CodeBlock(code) = node {
                    self.inline(Node::Text(code));
                }
            }
        }
    }

    fn scrub(&mut self, text: &str) -> String {
        let cleaned = text::scrub(text, true);
        self.removed |= cleaned.removed;
        self.marks_cut |= cleaned.marks_cut;
        cleaned.text
    }

    /// The link's or image's URL if the allowlist takes it; otherwise a warning.
    fn url(&mut self, raw: &str, at: usize, image: bool) -> Option<HttpUrl> {
        match link::parse(raw) {
            Ok(url) => Some(url),
            Err(reason) => {
                self.refused_links += 1;
                if self.refused_links <= MAX_LINK_WARNINGS {
                    let url = shorten(raw);
                    let problem = if image {
                        Problem::BodyImage { url, reason }
                    } else {
                        Problem::BodyLink { url, reason }
                    };
                    self.warnings.push((at, problem));
                }
                None
            }
        }
    }

    fn finish(mut self, markdown: &str) -> Converted {
        while self.frames.len() > 1 {
            self.close_implicit();
            if let Some(frame) = self.frames.pop() {
                self.close(frame, &TagEnd::Paragraph);
            }
        }
        let more = self.refused_links.saturating_sub(MAX_LINK_WARNINGS);
        if more > 0 {
            self.warnings.push((0, Problem::MoreBodyLinks(more)));
        }
        if self.removed {
            self.warnings.push((0, Problem::ControlCharsRemoved));
        }
        if self.marks_cut {
            self.warnings.push((0, Problem::MarksCut(text::MAX_MARKS)));
        }
        let built = Body::from_nodes(self.nodes);
        debug_assert!(built.is_ok(), "the reader wrote an invalid body: {built:?}");
        // Should the reader ever write a tree a body may not be, the text survives as plain
        // paragraphs rather than the build stopping.
        let body = built.unwrap_or_else(|_| Body::from_plain_text(markdown));
        Converted {
            body,
            warnings: self.warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet_core::model::body::{Block, Inline};

    fn url(s: &str) -> HttpUrl {
        HttpUrl::parse(s).expect("test url")
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(inlines)
    }

    #[test]
    fn reads_each_construct_into_its_block_or_inline() {
        let cases: Vec<(&str, Vec<Block>)> = vec![
            ("Plain text.", vec![para(vec![text("Plain text.")])]),
            (
                "# One\n\n###### Six",
                vec![
                    Block::Heading {
                        level: 1,
                        inlines: vec![text("One")],
                    },
                    Block::Heading {
                        level: 6,
                        inlines: vec![text("Six")],
                    },
                ],
            ),
            (
                "Setext\n---",
                vec![Block::Heading {
                    level: 2,
                    inlines: vec![text("Setext")],
                }],
            ),
            (
                "*a* _b_ **c** __d__ ***e***",
                vec![para(vec![
                    Inline::Emphasis(vec![text("a")]),
                    text(" "),
                    Inline::Emphasis(vec![text("b")]),
                    text(" "),
                    Inline::Strong(vec![text("c")]),
                    text(" "),
                    Inline::Strong(vec![text("d")]),
                    text(" "),
                    Inline::Emphasis(vec![Inline::Strong(vec![text("e")])]),
                ])],
            ),
            (
                "Use `x < y` here",
                vec![para(vec![
                    text("Use "),
                    Inline::Code("x < y".into()),
                    text(" here"),
                ])],
            ),
            (
                "```rust\nfn main() {}\n```\n\n    indented",
                vec![
                    Block::Code("fn main() {}".into()),
                    Block::Code("indented".into()),
                ],
            ),
            (
                "- one\n- two\n  - nested",
                vec![Block::List {
                    start: None,
                    items: vec![
                        vec![para(vec![text("one")])],
                        vec![
                            para(vec![text("two")]),
                            Block::List {
                                start: None,
                                items: vec![vec![para(vec![text("nested")])]],
                            },
                        ],
                    ],
                }],
            ),
            (
                "3. three\n4. **four**",
                vec![Block::List {
                    start: Some(3),
                    items: vec![
                        vec![para(vec![text("three")])],
                        vec![para(vec![Inline::Strong(vec![text("four")])])],
                    ],
                }],
            ),
            (
                "> quoted\n> > twice",
                vec![Block::Quote(vec![
                    para(vec![text("quoted")]),
                    Block::Quote(vec![para(vec![text("twice")])]),
                ])],
            ),
            (
                "[a *b*](https://example.com/x \"title\") <https://example.org>",
                vec![para(vec![
                    Inline::Link {
                        href: url("https://example.com/x"),
                        children: vec![text("a "), Inline::Emphasis(vec![text("b")])],
                    },
                    text(" "),
                    Inline::Link {
                        href: url("https://example.org/"),
                        children: vec![text("https://example.org")],
                    },
                ])],
            ),
            (
                "[ref][r]\n\n[r]: <HTTPS://Example.COM/a b>",
                vec![para(vec![Inline::Link {
                    href: url("https://example.com/a%20b"),
                    children: vec![text("ref")],
                }])],
            ),
            (
                "![a *chart*](https://img.example.com/c.png)",
                vec![para(vec![Inline::Image {
                    src: url("https://img.example.com/c.png"),
                    alt: "a chart".into(),
                }])],
            ),
            (
                "one\ntwo  \nthree\\\nfour",
                vec![para(vec![
                    text("one\ntwo"),
                    Inline::LineBreak,
                    text("three"),
                    Inline::LineBreak,
                    text("four"),
                ])],
            ),
            (
                "a\n\n***\n\nb",
                vec![para(vec![text("a")]), Block::Rule, para(vec![text("b")])],
            ),
            (
                "AT&amp;T &lt;b&gt; &#x41;",
                vec![para(vec![text("AT&T <b> A")])],
            ),
            (
                "\\*not emphasis\\*",
                vec![para(vec![text("*not emphasis*")])],
            ),
            // Extensions stay off: tables, strikethrough and task lists are text.
            (
                "| a |\n| - |\n\n~~x~~",
                vec![para(vec![text("| a |\n| - |")]), para(vec![text("~~x~~")])],
            ),
        ];
        for (markdown, want) in cases {
            let got = convert(markdown);
            assert_eq!(got.body.blocks(), want.as_slice(), "{markdown:?}");
            assert!(got.warnings.is_empty(), "{markdown:?}: {:?}", got.warnings);
        }
    }

    #[test]
    fn what_the_tree_cannot_hold_stays_text_with_a_warning() {
        type Case = (&'static str, Vec<Block>, Vec<(usize, Problem)>);
        let cases: Vec<Case> = vec![
            (
                "<script>alert(1)</script>\n\n<div onclick=\"x()\">\nhi\n</div>",
                vec![
                    Block::Code("<script>alert(1)</script>".into()),
                    Block::Code("<div onclick=\"x()\">\nhi\n</div>".into()),
                ],
                vec![(0, Problem::RawHtml)],
            ),
            (
                "a <img src=x onerror=alert(1)> b <!-- c -->",
                vec![para(vec![text(
                    "a <img src=x onerror=alert(1)> b <!-- c -->",
                )])],
                vec![(2, Problem::RawHtml)],
            ),
            (
                "[go](javascript:alert(1)) and [x](data:text/html,hi)",
                vec![para(vec![text("go and x")])],
                vec![
                    (
                        0,
                        Problem::BodyLink {
                            url: "javascript:alert(1)".into(),
                            reason: UrlError::Scheme("javascript".into()),
                        },
                    ),
                    (
                        30,
                        Problem::BodyLink {
                            url: "data:text/html,hi".into(),
                            reason: UrlError::Scheme("data".into()),
                        },
                    ),
                ],
            ),
            (
                "- ![pic](javascript:x) then",
                vec![Block::List {
                    start: None,
                    items: vec![vec![para(vec![text("pic then")])]],
                }],
                vec![(
                    2,
                    Problem::BodyImage {
                        url: "javascript:x".into(),
                        reason: UrlError::Scheme("javascript".into()),
                    },
                )],
            ),
            (
                "<mailto:a@example.com> <a@example.com>",
                vec![para(vec![text("mailto:a@example.com a@example.com")])],
                vec![
                    (
                        0,
                        Problem::BodyLink {
                            url: "mailto:a@example.com".into(),
                            reason: UrlError::Scheme("mailto".into()),
                        },
                    ),
                    (
                        23,
                        Problem::BodyLink {
                            url: "a@example.com".into(),
                            reason: UrlError::Relative,
                        },
                    ),
                ],
            ),
            (
                "bidi\u{202E}txt and Z\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
                vec![para(vec![text(
                    "biditxt and Z\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
                )])],
                vec![
                    (0, Problem::ControlCharsRemoved),
                    (0, Problem::MarksCut(text::MAX_MARKS)),
                ],
            ),
        ];
        for (markdown, want, warnings) in cases {
            let got = convert(markdown);
            assert_eq!(got.body.blocks(), want.as_slice(), "{markdown:?}");
            assert_eq!(got.warnings, warnings, "{markdown:?}");
        }
    }

    #[test]
    fn refused_links_past_the_first_ten_are_counted_in_one_warning() {
        let got = convert(&"[x](javascript:1) ".repeat(25));
        assert_eq!(got.warnings.len(), MAX_LINK_WARNINGS + 1);
        assert_eq!(got.warnings.last(), Some(&(0, Problem::MoreBodyLinks(15))));
        assert_eq!(got.body.text(), ["x"; 25].join(" "));
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_to_its_text() {
        let quotes = format!("{} deep\n\nafter", ">".repeat(40));
        let got = convert(&quotes);
        assert_eq!(got.body.text(), "deep\n\nafter");
        assert_eq!(
            got.warnings,
            [(MAX_DEPTH - 2, Problem::BodyTooDeep(MAX_DEPTH - 2))]
        );
        let lists: String = (0..40)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect();
        let got = convert(&lists);
        for i in 0..40 {
            assert!(got.body.text().contains(&format!("item {i}")), "item {i}");
        }
        assert_eq!(got.warnings.len(), 1);
        let emphasis = format!("{}x{}", "*a ".repeat(30), " a*".repeat(30));
        let got = convert(&emphasis);
        assert_eq!(got.body.text(), emphasis.replace('*', ""));
        assert_eq!(got.warnings.len(), 1);
    }
}

//! Where every key of the front matter is, and the YAML features the format forbids.
//!
//! serde_yaml locates syntax errors but forgets positions once a value is parsed, and it expands
//! aliases silently. This pass walks the event stream of a second, marking parser (yaml-rust2)
//! without building any value, so it stays linear in the input even for alias bombs and deep
//! nesting (it stops at [`MAX_DEPTH`]). It records the position of every key by field path
//! (`related[2].provider.name`), reports anchors, aliases, merge keys, duplicate keys and absurd
//! nesting, and counts the values, which bounds what serde_yaml may build from the same text
//! (see [`crate::bounded`]).

use crate::diagnostic::Problem;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};

/// Deeper nesting than this is refused; the format needs four levels.
pub const MAX_DEPTH: usize = 32;
/// Events beyond this are not read; a 1 MiB front matter cannot legitimately need more.
const MAX_EVENTS: usize = 2_000_000;
/// More values (scalars, lists and mappings, keys included) than this in one front matter are
/// refused: an article needs a few hundred, and this many take serde_yaml about 25 MB to build.
pub const MAX_VALUES: usize = 200_000;
/// The walk stops after this many problems: one file's report stays readable, and a file of
/// aliases costs no memory per alias.
pub const MAX_PROBLEMS: usize = 20;

/// A position in the YAML text: 1-based line, 0-based column (as the parser reports them).
pub type Mark = (usize, usize);

/// What the marking pass learned.
#[derive(Debug, Default)]
pub struct Located {
    positions: HashMap<String, Mark>,
    /// Forbidden constructs found, with field path and position.
    pub problems: Vec<(String, Mark, Problem)>,
    /// Values (scalars, lists and mappings) read; the whole front matter's when [`Self::complete`].
    pub nodes: usize,
    /// True when the parser read to the end of the text without a syntax error.
    pub complete: bool,
    /// The syntax error that ended the walk early, if any, with its position.
    pub syntax_error: Option<(Mark, String)>,
}

impl Located {
    /// The position of `path`, or of its nearest located ancestor, or of the start.
    #[must_use]
    pub fn position(&self, path: &str) -> Mark {
        let mut path = path;
        loop {
            if let Some(&mark) = self.positions.get(path) {
                return mark;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return (1, 0),
            }
        }
    }
}

enum Frame {
    Map {
        path: String,
        pending_key: Option<String>,
        seen: HashMap<String, usize>,
    },
    Seq {
        path: String,
        index: usize,
    },
}

/// Joins a parent path and a key: `related[0]` + `title` → `related[0].title`.
#[must_use]
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Walks `yaml` and records positions and forbidden constructs. Syntax errors end the walk
/// quietly: serde_yaml reports them with better messages.
#[must_use]
pub fn locate(yaml: &str) -> Located {
    let mut out = Located::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    let mut parser = Parser::new_from_str(yaml);
    for _ in 0..MAX_EVENTS {
        let (event, marker) = match parser.next_token() {
            Ok(next) => next,
            Err(err) => {
                let mark = (err.marker().line(), err.marker().col());
                // The scanner has its own nesting limit, met before ours on flow collections.
                if err.info().contains("recursion limit") {
                    out.problems
                        .push((String::new(), mark, Problem::TooDeep(MAX_DEPTH)));
                }
                out.syntax_error = Some((mark, err.info().to_owned()));
                break;
            }
        };
        let mark = (marker.line(), marker.col());
        match event {
            Event::StreamEnd => {
                out.complete = true;
                break;
            }
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    out.problems
                        .push((String::new(), mark, Problem::MultipleDocuments));
                    break;
                }
            }
            Event::Scalar(value, _, anchor, _) => {
                out.nodes += 1;
                if let Some(Frame::Map {
                    path,
                    pending_key: pending @ None,
                    seen,
                }) = stack.last_mut()
                {
                    let field = join(path, &value);
                    if value == "<<" {
                        out.problems.push((field.clone(), mark, Problem::MergeKey));
                    }
                    if let Some(&first_line) = seen.get(&value) {
                        out.problems.push((
                            field.clone(),
                            mark,
                            Problem::DuplicateKey {
                                key: value.clone(),
                                first_line,
                            },
                        ));
                    } else {
                        seen.insert(value.clone(), mark.0);
                    }
                    if anchor > 0 {
                        out.problems.push((field.clone(), mark, Problem::Anchor));
                    }
                    out.positions.entry(path.clone()).or_insert(mark);
                    out.positions.entry(field).or_insert(mark);
                    *pending = Some(value);
                } else {
                    let path = value_path(&mut stack);
                    if anchor > 0 {
                        out.problems.push((path.clone(), mark, Problem::Anchor));
                    }
                    out.positions.entry(path).or_insert(mark);
                }
            }
            Event::Alias(_) => {
                let path = value_path(&mut stack);
                out.problems.push((path, mark, Problem::Alias));
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                out.nodes += 1;
                let is_map = matches!(event, Event::MappingStart(..));
                let path = value_path(&mut stack);
                if anchor > 0 {
                    out.problems.push((path.clone(), mark, Problem::Anchor));
                }
                if stack.len() >= MAX_DEPTH {
                    out.problems.push((path, mark, Problem::TooDeep(MAX_DEPTH)));
                    break;
                }
                stack.push(if is_map {
                    Frame::Map {
                        path,
                        pending_key: None,
                        seen: HashMap::new(),
                    }
                } else {
                    Frame::Seq { path, index: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
        }
        if out.nodes > MAX_VALUES {
            out.problems
                .push((String::new(), mark, Problem::TooManyValues(MAX_VALUES)));
            break;
        }
        if out.problems.len() >= MAX_PROBLEMS {
            out.problems
                .push((String::new(), mark, Problem::MoreNotListed(MAX_PROBLEMS)));
            break;
        }
    }
    out
}

/// The path of the value node that starts now, advancing the enclosing container.
fn value_path(stack: &mut [Frame]) -> String {
    match stack.last_mut() {
        None => String::new(),
        Some(Frame::Map {
            path, pending_key, ..
        }) => match pending_key.take() {
            Some(key) => join(path, &key),
            // A non-scalar used as a key: the format never does this, and serde reports it.
            None => join(path, "?"),
        },
        Some(Frame::Seq { path, index }) => {
            let item = format!("{path}[{index}]");
            *index += 1;
            item
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: x\nprovider:\n  name: a\nrelated:\n  - title: r\n    provider:\n      name: p\n  - title: s\ntopics: [AI, ML]\n";

    #[test]
    fn finds_keys_by_path() {
        let located = locate(DOC);
        assert!(located.problems.is_empty());
        assert_eq!(located.position("title"), (1, 0));
        assert_eq!(located.position("provider.name"), (3, 2));
        assert_eq!(located.position("related[0].provider.name"), (7, 6));
        assert_eq!(located.position("related[1].title"), (8, 4));
        assert_eq!(located.position("related[1]"), (8, 4));
        assert_eq!(located.position("topics[1]"), (9, 13));
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let located = locate(DOC);
        assert_eq!(located.position("related[1].webUrl"), (8, 4));
        assert_eq!(located.position("provider.domain"), (2, 0));
        assert_eq!(located.position("missing"), (1, 0));
    }

    #[test]
    fn reports_forbidden_constructs() {
        let kinds = |yaml: &str| -> Vec<Problem> {
            locate(yaml).problems.into_iter().map(|p| p.2).collect()
        };
        assert_eq!(kinds("a: &x 1\nb: *x\n"), [Problem::Anchor, Problem::Alias]);
        assert_eq!(kinds("<<: {a: 1}\n"), [Problem::MergeKey]);
        assert_eq!(
            kinds("title: a\nx: 1\ntitle: b\n"),
            [Problem::DuplicateKey {
                key: "title".into(),
                first_line: 1
            }]
        );
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(kinds(&deep), [Problem::TooDeep(MAX_DEPTH)]);
        let wide = format!("a: [{}]\n", vec!["x"; MAX_VALUES].join(","));
        assert_eq!(kinds(&wide), [Problem::TooManyValues(MAX_VALUES)]);
    }

    #[test]
    fn stops_listing_after_enough_problems() {
        let aliases = format!("a: &a x\nb: [{}]\n", vec!["*a"; 1_000].join(","));
        let problems = locate(&aliases).problems;
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].2,
            Problem::MoreNotListed(MAX_PROBLEMS)
        );
    }

    #[test]
    fn counts_values_and_says_whether_it_read_everything() {
        let located = locate(DOC);
        assert!(located.complete);
        assert_eq!(located.nodes, 23);
        // Exactly what serde_yaml builds from it, so a budget of that many values fits.
        let budget = |values| crate::bounded::Budget {
            values,
            text: DOC.len(),
        };
        assert!(crate::bounded::from_str(DOC, budget(23)).is_ok());
        assert!(crate::bounded::from_str(DOC, budget(22)).is_err());
        let broken = locate("a: [1\n");
        assert!(!broken.complete);
        assert!(broken.syntax_error.is_some());
    }

    #[test]
    fn stays_linear_on_an_alias_bomb() {
        let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..20 {
            yaml.push_str(&format!(
                "b{i}: &b{i} [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            ));
        }
        let located = locate(&yaml);
        assert!(located.problems.iter().any(|p| p.2 == Problem::Alias));
    }
}

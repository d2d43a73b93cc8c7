//! Splits an article file into its YAML front matter and its body.
//!
//! The file must open with a `---` line; the front matter runs to the next `---` line and the
//! body is everything after it. Line endings are normalised first (CRLF and lone CR become LF)
//! so line numbers match what an editor shows whichever convention the file uses.

use crate::diagnostic::Problem;
use std::borrow::Cow;

/// A file cut at its `---` lines.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the `---` lines, with `\n` line endings.
    pub yaml: String,
    /// The file line (1-based) on which the YAML starts; add it minus one to YAML line numbers.
    pub yaml_line: usize,
    /// The text after the closing `---`, without blank lines before it or whitespace after it.
    /// The first line keeps its indentation, which Markdown reads (four spaces start code).
    pub body: String,
    /// The file line (1-based) on which [`Split::body`] starts.
    pub body_line: usize,
}

/// Cuts `text` (already valid UTF-8, BOM removed) at its front-matter fences.
pub fn split(text: &str) -> Result<Split, Problem> {
    let text = normalise_newlines(text);
    let first = text.split_inclusive('\n').next().unwrap_or_default();
    if !is_fence(first) {
        return Err(Problem::NoFrontMatter);
    }
    let yaml_start = first.len();
    // Only lines that start with `---` can close the block, so jump from one to the next.
    let mut at = yaml_start;
    loop {
        let start = if text[at..].starts_with("---") {
            at
        } else {
            at + text[at..].find("\n---").ok_or(Problem::Unclosed(1))? + 1
        };
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        if is_fence(&text[start..end]) {
            let yaml = &text[yaml_start..start];
            let rest = &text[end..];
            // Whole blank lines go; the first line with text starts the body.
            let blank = rest.len() - rest.trim_start().len();
            let skipped = rest[..blank].rfind('\n').map_or(0, |at| at + 1);
            return Ok(Split {
                yaml: yaml.to_owned(),
                yaml_line: 2,
                body: rest[skipped..].trim_end().to_owned(),
                body_line: yaml.matches('\n').count() + 3 + rest[..skipped].matches('\n').count(),
            });
        }
        at = end;
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn normalise_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let got = split("---\ntitle: a\n---\n\nHello.\n").expect("splits");
        assert_eq!(got.yaml, "title: a\n");
        assert_eq!(got.yaml_line, 2);
        assert_eq!(got.body, "Hello.");
        assert_eq!(got.body_line, 5);
        let indented = split("---\ntitle: a\n---\n \n\n    code\n").expect("splits");
        assert_eq!(indented.body, "    code");
        assert_eq!(indented.body_line, 6);
    }

    #[test]
    fn accepts_crlf_cr_and_no_final_newline() {
        for input in [
            "---\r\ntitle: a\r\n---\r\nBody",
            "---\rtitle: a\r---\rBody",
            "---\ntitle: a\n---\nBody",
        ] {
            let got = split(input).expect("splits");
            assert_eq!(got.yaml, "title: a\n", "{input:?}");
            assert_eq!(got.body, "Body", "{input:?}");
        }
        assert_eq!(split("---\ntitle: a\n---").expect("splits").body, "");
    }

    #[test]
    fn keeps_later_fences_in_the_body() {
        let got = split("---\na: 1\n---\nintro\n---\nmore\n").expect("splits");
        assert_eq!(got.body, "intro\n---\nmore");
    }

    #[test]
    fn refuses_files_without_an_opening_fence() {
        for input in [
            "",
            "title: a\n",
            "----\ntitle: a\n----\n",
            "# Heading\n---\n",
        ] {
            assert_eq!(split(input), Err(Problem::NoFrontMatter), "{input:?}");
        }
    }

    #[test]
    fn refuses_an_unclosed_block() {
        assert_eq!(split("---\ntitle: a\n"), Err(Problem::Unclosed(1)));
        assert_eq!(split("---\ntitle: a\n----\n"), Err(Problem::Unclosed(1)));
    }
}

//! Problems found while reading articles, each tied to a file, a line, a column and a field.
//!
//! Every problem is a [`Problem`] variant so tests match kinds rather than wording; the
//! [`Display`](std::fmt::Display) form is the `path:line:col: field: message` line the build
//! prints, where the message says what is wrong and what was expected, with control characters
//! escaped.

use broadsheet_core::model::ScoreError;
use broadsheet_core::url::UrlError;
use std::fmt::{self, Write as _};
use std::path::PathBuf;

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; the editor is told.
    Warning,
}

/// What is wrong. Wording lives here, in one place.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The file does not open with a `---` line.
    #[error("the file does not start with a `---` line; did you forget to add `---` before the front matter?")]
    NoFrontMatter,
    /// No closing `---` line.
    #[error("the front matter opened on line {0} is never closed; add a `---` line after the last field")]
    Unclosed(usize),
    /// The YAML does not parse.
    #[error("YAML syntax error: {0}")]
    Syntax(String),
    /// A tab in indentation.
    #[error("tab character in indentation; YAML indents with spaces only")]
    Tab,
    /// The front matter is not a `key: value` mapping.
    #[error("the front matter must be `key: value` lines, found {0}")]
    NotMapping(String),
    /// More than one YAML document between the `---` lines.
    #[error(
        "more than one YAML document in the front matter; remove the `...` or `---` inside it"
    )]
    MultipleDocuments,
    /// A value of the wrong type.
    #[error("{0}")]
    WrongType(String),
    /// A required field is absent or empty.
    #[error("is required; add it, e.g. `{0}`")]
    Missing(&'static str),
    /// A text value is empty where text is required.
    #[error("is empty; write some text")]
    Empty,
    /// A date that is not RFC 3339.
    #[error("`{0}` is not a valid date-time; expected RFC 3339 such as 2022-08-03T06:23:00Z")]
    BadDate(String),
    /// A date without `Z` or `±hh:mm`.
    #[error("`{0}` has no UTC offset; add `Z` (UTC) or an offset such as +02:00")]
    DateWithoutOffset(String),
    /// A date outside years 1–9999.
    #[error("`{0}` is outside the years 1 to 9999")]
    DateOutOfRange(String),
    /// A URL the allowlist refuses.
    #[error("`{url}` {reason}")]
    BadUrl {
        /// The URL as written (after entity decoding), shortened.
        url: String,
        /// Why it is refused.
        reason: UrlError,
    },
    /// An image URL that cannot be resolved, dropped.
    #[error("image URL `{0}` is relative and cannot be resolved; the image is left out (write an absolute https:// URL to keep it)")]
    ImageDropped(String),
    /// A score out of range or not finite.
    #[error("{0}")]
    BadScore(ScoreError),
    /// An image size that is not a whole number of pixels.
    #[error("must be a whole number of pixels from 0 to 100000")]
    BadSize,
    /// A key given twice in one mapping.
    #[error("duplicate key `{key}` (first given on line {first_line}); keep only one")]
    DuplicateKey {
        /// The repeated key.
        key: String,
        /// Where it first appeared.
        first_line: usize,
    },
    /// A key the format does not have.
    #[error("unknown key `{0}`; it is ignored")]
    UnknownKey(String),
    /// A key one or two edits away from a known key.
    #[error("unknown key `{key}`; did you mean `{suggestion}`?")]
    TypoKey {
        /// The key as written.
        key: String,
        /// The known key it resembles.
        suggestion: &'static str,
    },
    /// Two files with the same id (file stem), or ids that look the same.
    #[error("duplicate id `{id}`: {other} has the same file name stem, or one that looks the same; rename one of them")]
    DuplicateId {
        /// The shared id.
        id: String,
        /// The other file.
        other: String,
    },
    /// A file name that cannot be an id.
    #[error("the file name cannot be an article id: it {0}")]
    BadId(broadsheet_core::model::IdError),
    /// A YAML anchor (`&name`).
    #[error("YAML anchors (`&name`) are not allowed; write the value out")]
    Anchor,
    /// A YAML alias (`*name`).
    #[error("YAML aliases (`*name`) are not allowed; write the value out")]
    Alias,
    /// A YAML merge key (`<<`).
    #[error("YAML merge keys (`<<`) are not allowed; write the keys out")]
    MergeKey,
    /// A character YAML reads as a line break where editors show none.
    #[error("{} in the front matter: YAML reads it as a line break that editors do not show; replace it with a space (or write `{}` inside a double-quoted string)", separator_name(.0), separator_escape(.0))]
    LineSeparator(char),
    /// Front matter that builds more values than any article needs.
    #[error("builds more than {0} values; an article needs a few hundred (YAML aliases, `*name`, are not allowed)")]
    TooManyValues(usize),
    /// The marking pass stopped listing problems in this file.
    #[error("more problems of the kinds above may follow; only the first {0} are listed")]
    MoreNotListed(usize),
    /// Nesting deeper than the format ever needs.
    #[error("nesting is deeper than {0} levels")]
    TooDeep(usize),
    /// A file, front matter or value over its size limit.
    #[error("is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Actual size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A list with more entries than the limit.
    #[error("has {count} entries; the limit is {limit}")]
    TooMany {
        /// Actual count.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Bytes that are not UTF-8.
    #[error("invalid UTF-8; save the file as UTF-8")]
    InvalidUtf8,
    /// A UTF-16 byte-order mark.
    #[error("the file is UTF-16; save it as UTF-8")]
    Utf16,
    /// A NUL byte.
    #[error("contains a NUL byte; the file looks binary")]
    Nul,
    /// `secured` is not `ciphertext;iv` in base64.
    #[error("expected `ciphertext;iv`, two base64 strings separated by `;`")]
    BadSecured,
    /// A provider domain with a scheme, path, port or bad characters.
    #[error("`{0}` is not a bare host name; write it like example.com (no scheme, path or port)")]
    BadDomain(String),
    /// Control or bidi characters that were removed from text.
    #[error("control or bidirectional-override characters were removed from this text")]
    ControlCharsRemoved,
    /// Combining marks stacked deeper than writing needs, cut.
    #[error(
        "combining marks stacked more than {0} deep on one character were removed from this text"
    )]
    MarksCut(usize),
    /// A provider domain that is not the site its article's link goes to.
    #[error("`{domain}` is not the site the link goes to (`{host}`); pages show `{host}` beside the name, so check the provider and the link")]
    HostMismatch {
        /// The provider's domain, as given.
        domain: String,
        /// The link's host.
        host: String,
    },
    /// A host name mixing writing systems within one label, as look-alike addresses do.
    #[error("the host `{0}` mixes writing systems in one name (as look-alike addresses such as `аpple.com` with a Cyrillic `а` do); check that it is the site meant")]
    MixedScriptHost(String),
    /// A topic listed twice.
    #[error("topic `{0}` is listed twice; the second is ignored")]
    DuplicateTopic(String),
    /// A file or folder that could not be read.
    #[error("cannot be read: {0}")]
    Io(String),
    /// A symbolic link, not followed so the build never leaves the folder.
    #[error("is a symbolic link; links are not followed, so it is skipped")]
    Symlink,
}

fn separator_name(c: &char) -> &'static str {
    match c {
        '\u{85}' => "U+0085 NEXT LINE",
        '\u{2028}' => "U+2028 LINE SEPARATOR",
        _ => "U+2029 PARAGRAPH SEPARATOR",
    }
}

fn separator_escape(c: &char) -> &'static str {
    match c {
        '\u{85}' => "\\N",
        '\u{2028}' => "\\L",
        _ => "\\P",
    }
}

impl Problem {
    /// Errors fail the build; the rest are warnings.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            Self::ImageDropped(_)
            | Self::UnknownKey(_)
            | Self::ControlCharsRemoved
            | Self::MarksCut(_)
            | Self::HostMismatch { .. }
            | Self::MixedScriptHost(_)
            | Self::DuplicateTopic(_)
            | Self::Symlink => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One located problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file, as the editor would type it (the folder as given, then the relative path).
    pub path: PathBuf,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// The field path (`related[2].webUrl`); empty for problems with the whole file.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

impl Diagnostic {
    /// Errors fail the build; the rest are warnings.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    /// The order reports are printed in: by path, then position.
    pub(crate) fn sort_key(&self) -> (&PathBuf, usize, usize, &str) {
        (&self.path, self.line, self.col, &self.field)
    }
}

impl fmt::Display for Diagnostic {
    /// One line, with every control, bidi and line-break character in it (from a file name, a
    /// key or a value) written as an escape: the line goes to a terminal, where `\e[1A\e[2K`
    /// would erase the lines above it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut line = format!("{}:{}:{}: ", self.path.display(), self.line, self.col);
        if self.severity() == Severity::Warning {
            line.push_str("warning: ");
        }
        if !self.field.is_empty() {
            line.push_str(&self.field);
            line.push_str(": ");
        }
        line.push_str(&self.problem.to_string());
        for c in line.chars() {
            if is_unprintable(c) {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// Characters a terminal would act on or that change how the rest of a line reads.
fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

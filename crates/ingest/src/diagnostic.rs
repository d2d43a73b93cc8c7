//! Problems found while reading articles, each tied to a file, a line, a column and a field.
//!
//! Every problem is a [`Problem`] variant so tests match kinds rather than wording; the
//! [`Display`](std::fmt::Display) form is the `path:line:col: field: message` line the build
//! prints, where the message says what is wrong and what was expected, with control characters
//! escaped.
//!
//! Severity follows what the reader loses ([`Loss`]): a problem that leaves no usable article
//! (unreadable front matter, no title, date or link, a duplicate id) is an error; a bad optional
//! value is left out with a warning, and the article is bundled without it.

use broadsheet_core::model::article::ScoreError;
use broadsheet_core::text::url::UrlError;
use std::fmt;
use std::path::PathBuf;

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is not bundled; by default the build fails.
    Error,
    /// The build goes on; the editor is told.
    Warning,
}

/// What a problem costs the reader, which decides its [`Severity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// The whole article: the file is not bundled (an error).
    File,
    /// This part of the article is left out, and the article bundled without it (a warning).
    Part(Part),
    /// Only what the message says: a key ignored, characters removed, a link not followed (a
    /// warning).
    Nothing,
}

/// A part of an article that a warning leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The value of the field named.
    Value,
    /// One image (an article's, a provider's logo, a related entry's).
    Image,
    /// One related entry.
    Related,
    /// A related entry's provider.
    Provider,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Value => "the value",
            Self::Image => "the image",
            Self::Related => "the related entry",
            Self::Provider => "the provider",
        })
    }
}

/// The fields without which there is no article to show: a bad or missing value in one of them
/// is an error. `published` and `removed` are among them because a guess could publish a draft
/// or a withdrawn article.
pub const ESSENTIAL_FIELDS: &[&str] = &[
    "title",
    "publishedDateTime",
    "webUrl",
    "provider",
    "provider.name",
    "published",
    "removed",
];

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
    #[error("image URL `{0}` is relative and cannot be resolved; write an absolute https:// URL to keep the image")]
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
    BadId(broadsheet_core::model::article::IdError),
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
    /// A link in the body whose URL the allowlist refuses; its text stays.
    #[error("link `{url}` {reason}; its text is kept without the link")]
    BodyLink {
        /// The URL as written, shortened.
        url: String,
        /// Why it is refused.
        reason: UrlError,
    },
    /// An image in the body whose URL the allowlist refuses; its alternative text stays.
    #[error("image `{url}` {reason}; its alternative text is shown instead")]
    BodyImage {
        /// The URL as written, shortened.
        url: String,
        /// Why it is refused.
        reason: UrlError,
    },
    /// More refused links and images in one body than are listed one by one.
    #[error("{0} more links or images in the body are refused as above; their text is kept")]
    MoreBodyLinks(usize),
    /// Raw HTML in the body, shown as text.
    #[error("raw HTML is shown as text, not rendered; write Markdown instead (`**bold**`, `[text](https://…)`)")]
    RawHtml,
    /// Markdown nested deeper than the body may.
    #[error("Markdown nested more than {0} levels deep (lists, quotes, emphasis, links) is shown as plain text; nest less")]
    BodyTooDeep(usize),
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
    /// What this problem costs when it is found in `field` (the value it makes unusable, `""`
    /// for the file as a whole).
    #[must_use]
    pub fn loss_at(&self, field: &str) -> Loss {
        match self {
            Self::UnknownKey(_)
            | Self::ControlCharsRemoved
            | Self::MarksCut(_)
            | Self::HostMismatch { .. }
            | Self::MixedScriptHost(_)
            | Self::DuplicateTopic(_)
            | Self::BodyLink { .. }
            | Self::BodyImage { .. }
            | Self::MoreBodyLinks(_)
            | Self::RawHtml
            | Self::BodyTooDeep(_)
            | Self::Symlink => Loss::Nothing,
            // A misspelt key loses the value of the key it was meant to be.
            Self::TypoKey { suggestion, .. } => {
                let meant = match field.rsplit_once('.') {
                    Some((parent, _)) => format!("{parent}.{suggestion}"),
                    None => (*suggestion).to_owned(),
                };
                if ESSENTIAL_FIELDS.contains(&meant.as_str()) {
                    Loss::File
                } else {
                    Loss::Nothing
                }
            }
            Self::WrongType(_)
            | Self::Missing(_)
            | Self::Empty
            | Self::BadDate(_)
            | Self::DateWithoutOffset(_)
            | Self::DateOutOfRange(_)
            | Self::BadUrl { .. }
            | Self::ImageDropped(_)
            | Self::BadScore(_)
            | Self::BadSize
            | Self::BadSecured
            | Self::BadDomain(_) => value_loss(field),
            // The size caps are there against hostile files, not a feed's slips: a file that
            // exceeds one is refused whole, whichever value does.
            Self::TooLarge { .. } | Self::TooMany { .. } => Loss::File,
            // The file's bytes, its YAML or its name: nothing of it can be trusted.
            Self::NoFrontMatter
            | Self::Unclosed(_)
            | Self::Syntax(_)
            | Self::Tab
            | Self::NotMapping(_)
            | Self::MultipleDocuments
            | Self::DuplicateKey { .. }
            | Self::DuplicateId { .. }
            | Self::BadId(_)
            | Self::Anchor
            | Self::Alias
            | Self::MergeKey
            | Self::LineSeparator(_)
            | Self::TooManyValues(_)
            | Self::MoreNotListed(_)
            | Self::TooDeep(_)
            | Self::InvalidUtf8
            | Self::Utf16
            | Self::Nul
            | Self::Io(_) => Loss::File,
        }
    }
}

/// What a bad value in `field` takes with it: the article when the field is essential (or the
/// whole front matter, body or file), an image when it is the image or its URL, a related entry
/// when it is the entry or its title or link, a related entry's provider when it is that
/// provider or its name, and otherwise the value alone.
fn value_loss(field: &str) -> Loss {
    if matches!(field, "" | "front matter" | "body") || ESSENTIAL_FIELDS.contains(&field) {
        return Loss::File;
    }
    let is_item = |segment: &str, list: &str| {
        segment
            .strip_prefix(list)
            .is_some_and(|index| index.starts_with('['))
    };
    let segments: Vec<&str> = field.split('.').collect();
    Loss::Part(match segments.as_slice() {
        [.., item] | [.., item, "url"] if is_item(item, "images") => Part::Image,
        [item] | [item, "title" | "webUrl"] if is_item(item, "related") => Part::Related,
        [_, .., "provider"] | [_, .., "provider", "name"] => Part::Provider,
        _ => Part::Value,
    })
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
    /// What it costs the reader.
    pub loss: Loss,
}

impl Diagnostic {
    /// A problem at `field`, costing what [`Problem::loss_at`] says for that field.
    #[must_use]
    pub fn new(path: PathBuf, line: usize, col: usize, field: &str, problem: Problem) -> Self {
        let loss = problem.loss_at(field);
        Self {
            path,
            line,
            col,
            field: field.to_owned(),
            problem,
            loss,
        }
    }

    /// Errors leave the file out; the rest are warnings.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self.loss {
            Loss::File => Severity::Error,
            Loss::Part(_) | Loss::Nothing => Severity::Warning,
        }
    }

    /// A few words for why this error leaves its file out (`no title`, `bad webUrl`,
    /// `bad front matter`), which a build's summary counts.
    #[must_use]
    pub fn reason(&self) -> String {
        match &self.problem {
            Problem::NoFrontMatter | Problem::Unclosed(_) => "no front matter".to_owned(),
            Problem::Syntax(_)
            | Problem::Tab
            | Problem::NotMapping(_)
            | Problem::MultipleDocuments
            | Problem::DuplicateKey { .. }
            | Problem::Anchor
            | Problem::Alias
            | Problem::MergeKey
            | Problem::LineSeparator(_)
            | Problem::TooManyValues(_)
            | Problem::MoreNotListed(_)
            | Problem::TooDeep(_) => "bad front matter".to_owned(),
            Problem::InvalidUtf8 | Problem::Utf16 | Problem::Nul => "not UTF-8 text".to_owned(),
            Problem::Io(_) | Problem::Symlink => "unreadable".to_owned(),
            Problem::DuplicateId { .. } => "duplicate id".to_owned(),
            Problem::BadId(_) => "bad file name".to_owned(),
            Problem::TypoKey { key, .. } => format!("misspelt key {key}"),
            Problem::TooLarge { .. } | Problem::TooMany { .. } if self.field.is_empty() => {
                "file too large".to_owned()
            }
            Problem::TooLarge { .. } | Problem::TooMany { .. } => {
                format!("{} too large", self.field)
            }
            Problem::Missing(_) | Problem::Empty => format!("no {}", self.field),
            _ => format!("bad {}", self.field),
        }
    }

    /// The line with its severity always named (`path:line:col: error: …`), for where an error
    /// is printed as a warning: a build that leaves out the files with errors.
    #[must_use]
    pub fn labelled(&self) -> String {
        let label = match self.severity() {
            Severity::Warning => "warning: ",
            Severity::Error => "error: ",
        };
        escaped(&self.line(label))
    }

    /// The line as printed, `label` after the position, before [`escaped`].
    fn line(&self, label: &str) -> String {
        let mut line = format!(
            "{}:{}:{}: {label}",
            self.path.display(),
            self.line,
            self.col
        );
        if !self.field.is_empty() {
            line.push_str(&self.field);
            line.push_str(": ");
        }
        line.push_str(&self.problem.to_string());
        if let Loss::Part(part) = self.loss {
            line.push_str(&format!("; {part} is left out"));
        }
        line
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
        let label = match self.severity() {
            Severity::Warning => "warning: ",
            Severity::Error => "",
        };
        f.write_str(&escaped(&self.line(label)))
    }
}

/// `text` with every [unprintable](is_unprintable) character written as a `\u{…}` escape, for
/// lines that go to a terminal.
#[must_use]
pub(crate) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unprintable(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters a terminal would act on or that change how the rest of a line reads.
fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_value_costs_what_it_belongs_to() {
        let bad = Problem::BadSize;
        let cases: &[(&str, Loss)] = &[
            ("", Loss::File),
            ("front matter", Loss::File),
            ("body", Loss::File),
            ("title", Loss::File),
            ("publishedDateTime", Loss::File),
            ("webUrl", Loss::File),
            ("provider", Loss::File),
            ("provider.name", Loss::File),
            ("published", Loss::File),
            ("removed", Loss::File),
            ("heat", Loss::Part(Part::Value)),
            ("ampWebUrl", Loss::Part(Part::Value)),
            ("images", Loss::Part(Part::Value)),
            ("images[0]", Loss::Part(Part::Image)),
            ("images[0].url", Loss::Part(Part::Image)),
            ("images[0].width", Loss::Part(Part::Value)),
            ("provider.domain", Loss::Part(Part::Value)),
            ("provider.images[1].url", Loss::Part(Part::Image)),
            ("related", Loss::Part(Part::Value)),
            ("related[2]", Loss::Part(Part::Related)),
            ("related[2].title", Loss::Part(Part::Related)),
            ("related[2].webUrl", Loss::Part(Part::Related)),
            ("related[2].ampWebUrl", Loss::Part(Part::Value)),
            ("related[2].publishedDateTime", Loss::Part(Part::Value)),
            ("related[2].provider", Loss::Part(Part::Provider)),
            ("related[2].provider.name", Loss::Part(Part::Provider)),
            ("related[2].provider.domain", Loss::Part(Part::Value)),
            ("related[2].images[0].url", Loss::Part(Part::Image)),
            ("imagesx[0]", Loss::Part(Part::Value)),
        ];
        for (field, loss) in cases {
            assert_eq!(bad.loss_at(field), *loss, "{field}");
        }
    }

    #[test]
    fn a_misspelt_key_costs_what_the_meant_key_would() {
        let typo = |suggestion| Problem::TypoKey {
            key: "x".into(),
            suggestion,
        };
        assert_eq!(typo("published").loss_at("publised"), Loss::File);
        assert_eq!(typo("removed").loss_at("remvoed"), Loss::File);
        assert_eq!(typo("name").loss_at("provider.nmae"), Loss::File);
        assert_eq!(typo("ampWebUrl").loss_at("ampWebURL"), Loss::Nothing);
        assert_eq!(typo("url").loss_at("images[0].urll"), Loss::Nothing);
        assert_eq!(Problem::Syntax("x".into()).loss_at("heat"), Loss::File);
        assert_eq!(
            Problem::UnknownKey("x".into()).loss_at("title"),
            Loss::Nothing
        );
    }

    #[test]
    fn warnings_say_what_is_left_out_and_errors_can_be_labelled() {
        let at =
            |field: &str, problem| Diagnostic::new(PathBuf::from("a.md"), 3, 5, field, problem);
        assert_eq!(
            at("images[0].width", Problem::BadSize).to_string(),
            "a.md:3:5: warning: images[0].width: must be a whole number of pixels from 0 to 100000; the value is left out"
        );
        let error = at("title", Problem::Empty);
        assert_eq!(
            error.to_string(),
            "a.md:3:5: title: is empty; write some text"
        );
        assert_eq!(
            error.labelled(),
            "a.md:3:5: error: title: is empty; write some text"
        );
        let warning = at("author", Problem::UnknownKey("author".into()));
        assert_eq!(warning.labelled(), warning.to_string());
    }

    #[test]
    fn labelled_lines_are_escaped_too() {
        let error = Diagnostic::new(
            PathBuf::from("x\u{1b}[2K.md"),
            1,
            1,
            "",
            Problem::BadId(broadsheet_core::model::article::IdError::Bidi(0x202E)),
        );
        let labelled = error.labelled();
        assert!(
            labelled.starts_with("x\\u{1b}[2K.md:1:1: error: the file name"),
            "{labelled}"
        );
        assert!(!labelled.chars().any(is_unprintable), "{labelled}");
        let warning = Diagnostic::new(
            PathBuf::from("a.md"),
            2,
            1,
            "title",
            Problem::UnknownKey("ti\u{202e}tle".into()),
        );
        assert_eq!(warning.labelled(), warning.to_string());
        assert!(warning.to_string().contains("ti\\u{202e}tle"));
    }
}

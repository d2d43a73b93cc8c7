//! One file → one validated [`Article`], or every problem that stops it.
//!
//! The order of checks matters: bytes (encoding), then fences, then characters the two YAML
//! parsers would read differently, then the marking pass (which refuses aliases and deep
//! nesting before serde_yaml could expand or choke on them), then YAML syntax (serde_yaml,
//! building under a budget of values), then each field on its own, so a file with a wrong type
//! in three fields reports all three. Front matter that [`quick`] parses skips serde_yaml's
//! parser and the marking pass's up-front checks.

use crate::bounded;
use crate::diagnostic::{Diagnostic, Problem, Severity};
use crate::link;
use crate::locate::{self, join, Located, MAX_VALUES};
use crate::markdown;
use crate::quick;
use crate::raw::{self, RawImage, RawProvider, RawRelated};
use crate::split;
use crate::text;
use broadsheet_core::model::article::{Article, ArticleId, Image, Provider, Related, Score};
use broadsheet_core::model::body::Body;
use broadsheet_core::text::time::Timestamp;
use broadsheet_core::text::url::{HttpUrl, UrlError};
use broadsheet_core::view::display::same_site;
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};
use std::borrow::Cow;
use std::path::Path;
use unicode_security::MixedScript;

/// Front matter larger than this is refused.
pub const MAX_FRONT_MATTER: usize = 1 << 20;
/// A body larger than this is refused.
pub const MAX_BODY: usize = 1 << 20;
/// A title, name or topic longer than this (in bytes) is refused.
pub const MAX_LINE_TEXT: usize = 2_000;
/// An excerpt longer than this (in bytes) is refused.
pub const MAX_EXCERPT: usize = 20_000;
/// More topics than this are refused.
pub const MAX_TOPICS: usize = 100;
/// More related entries than this are refused.
pub const MAX_RELATED: usize = 500;
/// More images in one list than this are refused.
pub const MAX_IMAGES: usize = 100;
/// Front matter the marking pass could not read to its end goes to serde_yaml only with at most
/// this many `[` and `{`, which bounds its flow nesting and so its time (tokens times depth).
const MAX_UNCHECKED_OPENERS: usize = 256;
/// The largest image side accepted, in pixels.
const MAX_PIXELS: f64 = 100_000.0;

/// What one file became.
#[derive(Debug)]
pub struct Parsed {
    /// The article, if the file had no errors.
    pub article: Option<Article>,
    /// `removed: true`: withdrawn, never bundled.
    pub removed: bool,
    /// Everything found, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and validates one file's bytes. `path` is how diagnostics name the file; `id` is its
/// stem.
#[must_use]
pub fn parse(path: &Path, id: &str, bytes: &[u8]) -> Parsed {
    let mut ctx = Ctx {
        path,
        yaml: String::new(),
        located: None,
        line_offset: 0,
        diagnostics: Vec::new(),
    };
    let (article, removed) = match parse_inner(&mut ctx, id, bytes) {
        Some((article, removed)) if !ctx.has_errors() => (Some(article), removed),
        Some((_, removed)) => (None, removed),
        None => (None, false),
    };
    Parsed {
        article,
        removed,
        diagnostics: ctx.diagnostics,
    }
}

fn parse_inner(ctx: &mut Ctx<'_>, id: &str, bytes: &[u8]) -> Option<(Article, bool)> {
    let text = decode_bytes(ctx, bytes)?;
    let parts = match split::split(text) {
        Ok(parts) => parts,
        Err(problem) => {
            ctx.file_level(1, 1, problem);
            return None;
        }
    };
    ctx.line_offset = parts.yaml_line - 1;
    if parts.yaml.len() > MAX_FRONT_MATTER {
        let size = parts.yaml.len();
        ctx.whole_field(
            parts.yaml_line,
            "front matter",
            Problem::TooLarge {
                size,
                limit: MAX_FRONT_MATTER,
            },
        );
        return None;
    }
    if let Some((line, col, c)) = find_line_separator(&parts.yaml) {
        ctx.file_level(line + ctx.line_offset, col, Problem::LineSeparator(c));
        return None;
    }
    if let Some((line, col)) = find_tab_indent(&parts.yaml) {
        ctx.file_level(line + ctx.line_offset, col, Problem::Tab);
        return None;
    }
    ctx.yaml = parts.yaml;
    let parsed = match quick::parse(&ctx.yaml) {
        // Front matter the fast path took has no anchors, aliases or deep nesting.
        Some(value) => Ok(value),
        None => parse_checked(ctx)?,
    };
    let mut mapping = match parsed {
        Ok(Value::Mapping(mapping)) => mapping,
        Ok(Value::Null) => Mapping::new(),
        Ok(other) => {
            ctx.file_level(
                parts.yaml_line,
                1,
                Problem::NotMapping(describe(&other).to_owned()),
            );
            return None;
        }
        Err(err) => {
            let (line, col) = err
                .location()
                .map_or((1, 0), |l| (l.line(), l.column().saturating_sub(1)));
            let message = shift_lines(&err.to_string(), ctx.line_offset);
            let message = message.replacen(
                &format!(" at line {} column {}", line + ctx.line_offset, col + 1),
                "",
                1,
            );
            ctx.push("", line, col, syntax_problem(message));
            return None;
        }
    };
    check_mapping_keys(ctx, &mapping, "");
    let article = build_article(ctx, id, &mut mapping, &parts.body, parts.body_line);
    let removed = ctx.field::<bool>("removed", &mut mapping).unwrap_or(false);
    article.map(|a| (a, removed))
}

/// serde_yaml's messages count lines from the start of the YAML; the editor counts from the top
/// of the file.
fn shift_lines(message: &str, offset: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        let (before, after) = rest.split_at(at + "line ".len());
        out.push_str(before);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + offset).to_string()),
            Err(_) => out.push_str(&after[..digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

fn syntax_problem(message: String) -> Problem {
    if message.contains("more than one document") {
        Problem::MultipleDocuments
    } else {
        Problem::Syntax(message)
    }
}

/// Checks the encoding and returns the text without a UTF-8 BOM.
fn decode_bytes<'b>(ctx: &mut Ctx<'_>, bytes: &'b [u8]) -> Option<&'b str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        ctx.file_level(1, 1, Problem::Utf16);
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // `contains` searches bytes many at a time; `position` only runs for a file that has one.
    if let Some(at) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        let (line, col) = line_col(bytes, at);
        ctx.file_level(line, col, Problem::Nul);
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            let (line, col) = line_col(bytes, err.valid_up_to());
            ctx.file_level(line, col, Problem::InvalidUtf8);
            None
        }
    }
}

/// 1-based line and column (in characters) of byte `at`, counting any line-ending convention.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let text = String::from_utf8_lossy(before)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The first character YAML takes for a line break that `\n` line counting (and most editors)
/// do not: NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR, as a YAML line and 1-based column.
/// serde_yaml's parser breaks lines at them and the marking pass does not, so a comment to one
/// could hide from the other what follows it on the same line.
fn find_line_separator(yaml: &str) -> Option<(usize, usize, char)> {
    // One search per character: a single-character pattern is a fast byte search, where a set
    // of characters is read one character at a time (this runs over every file).
    let at = ['\u{85}', '\u{2028}', '\u{2029}']
        .into_iter()
        .filter_map(|c| yaml.find(c))
        .min()?;
    let line_start = yaml[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = yaml[..at].matches('\n').count() + 1;
    let col = yaml[line_start..at].chars().count() + 1;
    yaml[at..].chars().next().map(|c| (line, col, c))
}

/// The first tab in a line's indentation, as a YAML line and 1-based column.
fn find_tab_indent(yaml: &str) -> Option<(usize, usize)> {
    if !yaml.contains('\t') {
        return None;
    }
    yaml.lines().enumerate().find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
        line[..indent].find('\t').map(|col| (i + 1, col + 1))
    })
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Unknown keys: a near miss of a known key is an error (it is almost certainly a typo whose
/// value would be lost); anything else is a warning.
fn check_keys(ctx: &mut Ctx<'_>, value: &Value, path: &str) {
    match value {
        Value::Mapping(mapping) => check_mapping_keys(ctx, mapping, path),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                if holds_keys(item) {
                    check_keys(ctx, item, &format!("{path}[{i}]"));
                }
            }
        }
        _ => {}
    }
}

fn check_mapping_keys(ctx: &mut Ctx<'_>, mapping: &Mapping, path: &str) {
    let known = raw::keys_for(path);
    for (key, child) in mapping {
        let Some(key) = key.as_str() else {
            continue;
        };
        let unknown = known.filter(|k| !k.contains(&key));
        // A field's path is built only when there is something to report or look into.
        if unknown.is_none() && !holds_keys(child) {
            continue;
        }
        let field = join(path, key);
        if let Some(known) = unknown {
            let problem = match suggest(key, known) {
                Some(suggestion) => Problem::TypoKey {
                    key: key.to_owned(),
                    suggestion,
                },
                None => Problem::UnknownKey(key.to_owned()),
            };
            ctx.report(&field, problem);
        }
        check_keys(ctx, child, &field);
    }
}

fn holds_keys(value: &Value) -> bool {
    matches!(value, Value::Mapping(_) | Value::Sequence(_))
}

/// serde_yaml's value of front matter the fast path did not take, or `None` when a problem
/// was reported instead.
///
/// The marking pass runs first: it refuses anchors, aliases, merge keys and nesting deeper
/// than the format needs before serde_yaml's parser sees the text (it would expand the aliases,
/// and its time grows with tokens times flow depth: minutes for a 400 kB file of brackets). It
/// also counts the values, so serde_yaml may build no more than that: any more would be an
/// alias the marking pass did not see.
fn parse_checked(ctx: &mut Ctx<'_>) -> Option<Result<Value, serde_yaml::Error>> {
    if report_structure(ctx) {
        return None;
    }
    let located = ctx
        .located
        .as_ref()
        .expect("report_structure runs the marking pass");
    let (complete, nodes, syntax_error) = (
        located.complete,
        located.nodes,
        located.syntax_error.clone(),
    );
    if !complete && flow_openers(&ctx.yaml) > MAX_UNCHECKED_OPENERS {
        // serde_yaml would read what the marking pass could not; with this many brackets its
        // time is not bounded, so the marking pass's own reading stands.
        let ((line, col), message) = syntax_error.unwrap_or(((1, 0), "unreadable YAML".into()));
        ctx.push("", line, col, Problem::Syntax(message));
        return None;
    }
    let budget = bounded::Budget {
        // Text without a single node (only comments) still builds one null.
        values: if complete { nodes.max(1) } else { MAX_VALUES },
        text: 2 * MAX_FRONT_MATTER,
    };
    match bounded::from_str(&ctx.yaml, budget) {
        Ok(value) => Some(Ok(value)),
        Err(bounded::Error::Yaml(err)) => Some(Err(err)),
        Err(bounded::Error::OverBudget) => {
            // Within the values the marking pass counted, only an alias it did not see can
            // make serde_yaml build more (escapes make text at most 1.5 times longer).
            let problem = if complete {
                Problem::Alias
            } else {
                Problem::TooManyValues(MAX_VALUES)
            };
            ctx.push("", 1, 0, problem);
            None
        }
    }
}

/// The `[` and `{` in the text: more than the flow nesting any parser can find in it.
fn flow_openers(yaml: &str) -> usize {
    yaml.bytes().filter(|&b| b == b'[' || b == b'{').count()
}

/// Runs the marking pass and reports what the format forbids (anchors, aliases, merge keys,
/// duplicate keys, absurd nesting). Returns true when it found any.
fn report_structure(ctx: &mut Ctx<'_>) -> bool {
    ctx.ensure_located();
    let structural = ctx
        .located
        .as_mut()
        .map(|l| std::mem::take(&mut l.problems))
        .unwrap_or_default();
    let found = !structural.is_empty();
    for (field, (line, col), problem) in structural {
        let problem = match problem {
            Problem::DuplicateKey { key, first_line } => Problem::DuplicateKey {
                key,
                first_line: first_line + ctx.line_offset,
            },
            other => other,
        };
        ctx.push(&field, line, col, problem);
    }
    found
}

/// The known key within edit distance 2 of `key` (ignoring case), if any.
fn suggest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    let key = key.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::levenshtein(&key, &k.to_lowercase()), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn build_article(
    ctx: &mut Ctx<'_>,
    id: &str,
    m: &mut Mapping,
    body: &str,
    body_line: usize,
) -> Option<Article> {
    let id = match ArticleId::new(id) {
        Ok(id) => Some(id),
        Err(err) => {
            ctx.file_level(1, 1, Problem::BadId(err));
            None
        }
    };
    let category = ctx
        .field::<String>("category", m)
        .and_then(|s| ctx.line_text("category", &s));
    let title = ctx.required_text("title", m, "title: \"A headline\"");
    let excerpt = ctx
        .field::<String>("excerpt", m)
        .and_then(|s| ctx.text("excerpt", &s, MAX_EXCERPT));
    let published_at = ctx.required_date("publishedDateTime", m);
    let web_url = ctx.required_url("webUrl", m, "webUrl: https://example.com/story");
    let original_url = ctx.optional_url("originalUrl", m);
    let amp_web_url = ctx.optional_url("ampWebUrl", m);
    let cdn_amp_web_url = ctx.optional_url("cdnAmpWebUrl", m);
    let kind = ctx
        .field::<String>("type", m)
        .and_then(|s| ctx.line_text("type", &s));
    let quality = ctx.score("quality", m);
    let heat = ctx.score("heat", m);
    let published = ctx.field::<bool>("published", m).unwrap_or(true);
    let provider = match m.remove("provider") {
        Some(value) if !value.is_null() => ctx
            .raw_provider("provider", value)
            .and_then(|raw| ctx.provider("provider", raw, web_url.as_ref())),
        _ => {
            ctx.missing(
                "provider",
                "provider: {name: Example Times, domain: example.com}",
            );
            None
        }
    };
    let topics = ctx.topics(m);
    let images = ctx
        .field::<Vec<Value>>("images", m)
        .map(|v| ctx.images("images", v));
    let related = ctx
        .field::<Vec<Value>>("related", m)
        .map(|v| ctx.related(v));
    if let Some(secured) = ctx.field::<String>("secured", m) {
        if !is_secured_shape(&secured) {
            ctx.report("secured", Problem::BadSecured);
        }
    }
    let body = if body.len() > MAX_BODY {
        ctx.whole_field(
            body_line,
            "body",
            Problem::TooLarge {
                size: body.len(),
                limit: MAX_BODY,
            },
        );
        Body::default()
    } else {
        let converted = markdown::convert(body);
        for (at, problem) in converted.warnings {
            let (line, col) = body_position(body, at);
            ctx.whole_field_at(body_line + line - 1, col, "body", problem);
        }
        converted.body
    };
    Some(Article {
        id: id?,
        category,
        title: title?,
        excerpt: excerpt.unwrap_or_default(),
        published_at: published_at?,
        web_url: web_url?,
        original_url,
        amp_web_url,
        cdn_amp_web_url,
        kind,
        quality,
        heat,
        draft: !published,
        provider: provider?,
        topics: topics.unwrap_or_default(),
        images: images.unwrap_or_default(),
        related: related.unwrap_or_default(),
        body,
    })
}

/// The 1-based line and column (in characters) of byte `at` of the body.
fn body_position(body: &str, at: usize) -> (usize, usize) {
    let before = &body[..at.min(body.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `ciphertext;iv`, both base64.
fn is_secured_shape(value: &str) -> bool {
    let is_b64 = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    };
    matches!(value.split_once(';'), Some((data, iv)) if is_b64(data) && is_b64(iv))
}

/// A bare host name: lowercase letters, digits, `-` and `.`, at least one dot.
fn is_bare_host(domain: &str) -> bool {
    domain.contains('.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && !domain.contains("..")
        && domain.chars().all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || c == '.'
                || (c.is_alphabetic() && !c.is_uppercase())
        })
}

/// The state of one file's validation: where keys are, and what was found so far.
struct Ctx<'a> {
    path: &'a Path,
    /// The front matter, kept for the marking pass.
    yaml: String,
    /// Key positions, computed on first need.
    located: Option<Located>,
    line_offset: usize,
    diagnostics: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }

    /// A problem at a YAML position (1-based line, 0-based column).
    fn push(&mut self, field: &str, line: usize, col: usize, problem: Problem) {
        self.diagnostics.push(Diagnostic::new(
            self.path.to_path_buf(),
            line + self.line_offset,
            col + 1,
            field,
            problem,
        ));
    }

    /// A problem with the whole file, at a file position.
    fn file_level(&mut self, line: usize, col: usize, problem: Problem) {
        self.diagnostics.push(Diagnostic::new(
            self.path.to_path_buf(),
            line,
            col,
            "",
            problem,
        ));
    }

    /// A problem with a part of the file that has no key (`front matter`, `body`).
    fn whole_field(&mut self, line: usize, field: &str, problem: Problem) {
        self.whole_field_at(line, 1, field, problem);
    }

    /// A problem within such a part, at a file position.
    fn whole_field_at(&mut self, line: usize, col: usize, field: &str, problem: Problem) {
        self.diagnostics.push(Diagnostic::new(
            self.path.to_path_buf(),
            line,
            col,
            field,
            problem,
        ));
    }

    fn ensure_located(&mut self) {
        if self.located.is_none() {
            self.located = Some(locate::locate(&self.yaml));
        }
    }

    /// A problem with a field, located at its key (or nearest located ancestor).
    fn report(&mut self, field: &str, problem: Problem) {
        self.ensure_located();
        let (line, col) = self.located.as_ref().map_or((1, 0), |l| l.position(field));
        self.push(field, line, col, problem);
    }

    /// [`Ctx::report`] for a problem inside `lost`, a value that is dropped as a whole with it.
    fn report_inside(&mut self, at: &str, lost: &str, problem: Problem) {
        let loss = problem.loss_at(lost);
        self.report(at, problem);
        let last = self
            .diagnostics
            .last_mut()
            .expect("report has just pushed a diagnostic");
        last.loss = loss;
    }

    fn missing(&mut self, field: &str, example: &'static str) {
        self.report(field, Problem::Missing(example));
    }

    /// Decodes `value` as `T`, reporting a type error when it has another shape.
    fn decode<T: Field>(&mut self, field: &str, value: Value) -> Option<T> {
        match T::take(value) {
            Ok(decoded) => Some(decoded),
            Err(value) => self.serde_decode(field, value),
        }
    }

    /// Deserializes `value` through serde, which words what it found. A type error is placed at
    /// the innermost path serde reached, and costs the whole of `field`, which is lost with it.
    fn serde_decode<T: DeserializeOwned>(&mut self, field: &str, value: Value) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(v) => Some(v),
            Err(err) => {
                let inner = err.path().to_string();
                let at = if inner == "." {
                    field.to_owned()
                } else if inner.starts_with('[') {
                    format!("{field}{inner}")
                } else {
                    join(field, &inner)
                };
                let problem = Problem::WrongType(type_message(&err.into_inner().to_string()));
                self.report_inside(&at, field, problem);
                None
            }
        }
    }

    /// The string-keyed, non-null entries of a mapping that stands for a struct (a provider, an
    /// image, a related entry), so each key is decoded on its own and a wrong type drops that
    /// key's value alone. Anything but a mapping goes to serde: it says what was found, and
    /// reads a struct written as a list, as it always has.
    fn entries<T: DeserializeOwned>(
        &mut self,
        field: &str,
        value: Value,
    ) -> Result<impl Iterator<Item = (String, Value)>, Option<T>> {
        match value {
            Value::Mapping(mapping) => {
                Ok(mapping
                    .into_iter()
                    .filter_map(|(key, value)| match (key, value) {
                        (_, Value::Null) => None,
                        (Value::String(key), value) => Some((key, value)),
                        _ => None,
                    }))
            }
            other => Err(self.serde_decode(field, other)),
        }
    }

    /// One key of a struct's mapping, decoded as `T`; its path is built only for a report.
    fn key<T: Field>(&mut self, field: &str, key: &str, value: Value) -> Option<T> {
        match T::take(value) {
            Ok(decoded) => Some(decoded),
            Err(value) => self.serde_decode(&join(field, key), value),
        }
    }

    fn raw_image(&mut self, field: &str, value: Value) -> Option<RawImage> {
        let entries = match self.entries(field, value) {
            Ok(entries) => entries,
            Err(whole) => return whole,
        };
        let mut image = RawImage::default();
        for (key, value) in entries {
            match key.as_str() {
                "url" => image.url = self.key(field, &key, value),
                "title" => image.title = self.key(field, &key, value),
                "width" => image.width = self.key(field, &key, value),
                "height" => image.height = self.key(field, &key, value),
                "isCached" => image.is_cached = self.key(field, &key, value),
                _ => {}
            }
        }
        Some(image)
    }

    fn raw_provider(&mut self, field: &str, value: Value) -> Option<RawProvider> {
        let entries = match self.entries(field, value) {
            Ok(entries) => entries,
            Err(whole) => return whole,
        };
        let mut provider = RawProvider::default();
        for (key, value) in entries {
            match key.as_str() {
                "name" => provider.name = self.key(field, &key, value),
                "domain" => provider.domain = self.key(field, &key, value),
                "images" => provider.images = self.key(field, &key, value),
                _ => {}
            }
        }
        Some(provider)
    }

    fn raw_related(&mut self, field: &str, value: Value) -> Option<RawRelated> {
        let entries = match self.entries(field, value) {
            Ok(entries) => entries,
            Err(whole) => return whole,
        };
        let mut related = RawRelated::default();
        for (key, value) in entries {
            match key.as_str() {
                "title" => related.title = self.key(field, &key, value),
                "excerpt" => related.excerpt = self.key(field, &key, value),
                "publishedDateTime" => related.published_date_time = self.key(field, &key, value),
                "webUrl" => related.web_url = self.key(field, &key, value),
                "ampWebUrl" => related.amp_web_url = self.key(field, &key, value),
                "cdnAmpWebUrl" => related.cdn_amp_web_url = self.key(field, &key, value),
                "type" => related.kind = self.key(field, &key, value),
                "quality" => related.quality = self.key(field, &key, value),
                "images" => related.images = self.key(field, &key, value),
                "provider" => {
                    related.provider = self.raw_provider(&join(field, &key), value);
                }
                _ => {}
            }
        }
        Some(related)
    }

    /// Takes a top-level key out of the mapping and decodes it; null counts as absent.
    fn field<T: Field>(&mut self, key: &str, m: &mut Mapping) -> Option<T> {
        match m.remove(key)? {
            Value::Null => None,
            value => self.decode(key, value),
        }
    }

    /// Cleans text, reporting removed characters and over-long values.
    fn text(&mut self, field: &str, raw: &str, limit: usize) -> Option<String> {
        let cleaned = text::clean(raw);
        if cleaned.removed {
            self.report(field, Problem::ControlCharsRemoved);
        }
        if cleaned.marks_cut {
            self.report(field, Problem::MarksCut(text::MAX_MARKS));
        }
        if cleaned.text.len() > limit {
            self.report(
                field,
                Problem::TooLarge {
                    size: cleaned.text.len(),
                    limit,
                },
            );
            return None;
        }
        Some(cleaned.text)
    }

    /// Single-line text; empty becomes `None`.
    fn line_text(&mut self, field: &str, raw: &str) -> Option<String> {
        self.text(field, raw, MAX_LINE_TEXT)
            .filter(|t| !t.is_empty())
    }

    fn required_text(
        &mut self,
        key: &str,
        m: &mut Mapping,
        example: &'static str,
    ) -> Option<String> {
        let present = m.contains_key(key);
        let raw = self.field::<String>(key, m);
        self.required_line_text(key, raw, present, example)
    }

    fn required_line_text(
        &mut self,
        field: &str,
        raw: Option<String>,
        present: bool,
        example: &'static str,
    ) -> Option<String> {
        match raw {
            Some(raw) => {
                let text = self.text(field, &raw, MAX_LINE_TEXT)?;
                if text.is_empty() {
                    self.report(field, Problem::Empty);
                    return None;
                }
                Some(text)
            }
            None => {
                // A present key that failed to decode was reported already.
                if !present || !self.reported(field) {
                    self.missing(field, example);
                }
                None
            }
        }
    }

    fn reported(&self, field: &str) -> bool {
        self.diagnostics.iter().any(|d| {
            d.field == field
                || d.field.starts_with(&format!("{field}."))
                || d.field.starts_with(&format!("{field}["))
        })
    }

    fn required_date(&mut self, key: &str, m: &mut Mapping) -> Option<Timestamp> {
        let present = m.contains_key(key);
        match self.field::<String>(key, m) {
            Some(raw) => self.date(key, &raw),
            None => {
                if !present || !self.reported(key) {
                    self.missing(key, "publishedDateTime: 2022-08-03T06:23:00Z");
                }
                None
            }
        }
    }

    fn date(&mut self, field: &str, raw: &str) -> Option<Timestamp> {
        let raw = raw.trim();
        let problem = match chrono::DateTime::parse_from_rfc3339(raw) {
            Ok(dt) => match Timestamp::from_unix(dt.timestamp()) {
                Ok(t) => return Some(t),
                Err(_) => Problem::DateOutOfRange(raw.to_owned()),
            },
            Err(_) if lacks_offset(raw) => Problem::DateWithoutOffset(raw.to_owned()),
            Err(_) => Problem::BadDate(shorten(raw)),
        };
        self.report(field, problem);
        None
    }

    fn url(&mut self, field: &str, raw: &str) -> Option<HttpUrl> {
        let url = text::clean_url(raw);
        match link::parse(&url) {
            Ok(url) => {
                // Stored hosts are ASCII, so only an IDNA-encoded label can be in another
                // script; most links have none and skip taking their host out.
                if url.as_str().contains("xn--") {
                    self.check_script(field, &url.host());
                }
                Some(url)
            }
            Err(reason) => {
                self.report(
                    field,
                    Problem::BadUrl {
                        url: shorten(&url),
                        reason,
                    },
                );
                None
            }
        }
    }

    fn required_url(
        &mut self,
        key: &str,
        m: &mut Mapping,
        example: &'static str,
    ) -> Option<HttpUrl> {
        let present = m.contains_key(key);
        match self.field::<String>(key, m) {
            Some(raw) => self.url(key, &raw),
            None => {
                if !present || !self.reported(key) {
                    self.missing(key, example);
                }
                None
            }
        }
    }

    fn optional_url(&mut self, key: &str, m: &mut Mapping) -> Option<HttpUrl> {
        self.field::<String>(key, m)
            .and_then(|raw| self.url(key, &raw))
    }

    /// `-1` and absence mean unknown; anything else must be a valid score.
    fn score_value(&mut self, field: &str, value: Option<f64>) -> Option<Score> {
        let value = value?;
        #[allow(clippy::float_cmp)] // -1 is written exactly as a sentinel in real files.
        if value == -1.0 {
            return None;
        }
        match Score::new(value) {
            Ok(score) => Some(score),
            Err(err) => {
                self.report(field, Problem::BadScore(err));
                None
            }
        }
    }

    fn score(&mut self, key: &str, m: &mut Mapping) -> Option<Score> {
        let value = self.field::<f64>(key, m);
        self.score_value(key, value)
    }

    /// A provider; `link` is the URL of the story it published, whose host its domain must
    /// name (a warning otherwise: the pages show the link's host instead).
    fn provider(
        &mut self,
        field: &str,
        raw: RawProvider,
        link: Option<&HttpUrl>,
    ) -> Option<Provider> {
        let name =
            self.required_line_text(&join(field, "name"), raw.name, false, "name: Example Times");
        let domain_field = join(field, "domain");
        // The domain is kept as written (lowercased), which is how pages show it; the link's host
        // is compared with its form as the URL parser writes it (IDNA-encoded, as every stored
        // host is), so `münchen.example` names the site of `https://münchen.example/story`.
        let checked = raw.domain.and_then(|d| {
            let d = text::clean(&d).text.to_lowercase();
            let written = if is_bare_host(&d) {
                link::parse(&format!("https://{d}/")).ok()
            } else {
                None
            };
            match written {
                Some(url) => Some((d, url.host())),
                None => {
                    self.report(&domain_field, Problem::BadDomain(shorten(&d)));
                    None
                }
            }
        });
        if let Some((domain, written)) = &checked {
            self.check_script(&domain_field, domain);
            if let Some(host) = link.map(HttpUrl::host) {
                if !same_site(written, &host) {
                    self.report(
                        &domain_field,
                        Problem::HostMismatch {
                            domain: domain.clone(),
                            host: shorten(&host),
                        },
                    );
                }
            }
        }
        let domain = checked.map(|(domain, _)| domain);
        let images = raw
            .images
            .map(|v| self.images(&join(field, "images"), v))
            .unwrap_or_default();
        Some(Provider {
            name: name?,
            domain,
            images,
        })
    }

    /// Warns when a label of `host` mixes writing systems (`аpple` with a Cyrillic `а`): names
    /// in one script each (`пример.com`) are fine. A host may be written in Unicode or, as
    /// [`link::parse`] stores every host, IDNA-encoded (`xn--pple-43d.com`): encoded labels are
    /// decoded first, because scripts belong to the Unicode name, and the warning names the
    /// decoded host, the look-alike an editor would be fooled by.
    fn check_script(&mut self, field: &str, host: &str) {
        let host: Cow<'_, str> = if host.split('.').any(|label| label.starts_with("xn--")) {
            match idna::domain_to_unicode(host) {
                (unicode, Ok(())) => Cow::Owned(unicode),
                // The URL parser has already refused labels that do not decode.
                (_, Err(_)) => Cow::Borrowed(host),
            }
        } else {
            Cow::Borrowed(host)
        };
        // Most hosts are ASCII, and an ASCII label is in one script.
        if !host.is_ascii() && host.split('.').any(|label| !label.is_single_script()) {
            self.report(field, Problem::MixedScriptHost(shorten(&host)));
        }
    }

    fn topics(&mut self, m: &mut Mapping) -> Option<Vec<String>> {
        let raw = self.field::<Vec<Value>>("topics", m)?;
        if raw.len() > MAX_TOPICS {
            self.report(
                "topics",
                Problem::TooMany {
                    count: raw.len(),
                    limit: MAX_TOPICS,
                },
            );
            return None;
        }
        let mut topics: Vec<String> = Vec::with_capacity(raw.len());
        for (i, value) in raw.into_iter().enumerate() {
            let field = format!("topics[{i}]");
            let Some(topic) = self.decode::<String>(&field, value) else {
                continue;
            };
            let Some(topic) = self.text(&field, &topic, MAX_LINE_TEXT) else {
                continue;
            };
            if topic.is_empty() {
                self.report(&field, Problem::Empty);
            } else if topics
                .iter()
                .any(|t| t.to_lowercase() == topic.to_lowercase())
            {
                self.report(&field, Problem::DuplicateTopic(topic));
            } else {
                topics.push(topic);
            }
        }
        Some(topics)
    }

    fn images(&mut self, field: &str, raw: Vec<Value>) -> Vec<Image> {
        if raw.len() > MAX_IMAGES {
            self.report(
                field,
                Problem::TooMany {
                    count: raw.len(),
                    limit: MAX_IMAGES,
                },
            );
            return Vec::new();
        }
        let mut images = Vec::new();
        for (i, value) in raw.into_iter().enumerate() {
            let item = format!("{field}[{i}]");
            if let Some(image) = self
                .raw_image(&item, value)
                .and_then(|r| self.image(&item, r))
            {
                images.push(image);
            }
        }
        images
    }

    fn image(&mut self, field: &str, raw: RawImage) -> Option<Image> {
        let url_field = join(field, "url");
        let width = self.pixels(&join(field, "width"), raw.width);
        let height = self.pixels(&join(field, "height"), raw.height);
        let title = raw
            .title
            .and_then(|t| self.line_text(&join(field, "title"), &t));
        let Some(raw_url) = raw.url else {
            self.missing(&url_field, "url: https://example.com/picture.jpg");
            return None;
        };
        let url = text::clean_url(&raw_url);
        match link::parse(&url) {
            Ok(url) => Some(Image {
                url,
                width,
                height,
                is_cached: raw.is_cached.unwrap_or(false),
                title,
            }),
            Err(UrlError::Relative | UrlError::ProtocolRelative) => {
                self.report(&url_field, Problem::ImageDropped(shorten(&url)));
                None
            }
            Err(reason) => {
                self.report(
                    &url_field,
                    Problem::BadUrl {
                        url: shorten(&url),
                        reason,
                    },
                );
                None
            }
        }
    }

    // Range and integrality are checked first.
    fn pixels(&mut self, field: &str, value: Option<f64>) -> Option<u32> {
        let value = value?;
        if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= MAX_PIXELS {
            Some(value as u32)
        } else {
            self.report(field, Problem::BadSize);
            None
        }
    }

    fn related(&mut self, raw: Vec<Value>) -> Vec<Related> {
        if raw.len() > MAX_RELATED {
            self.report(
                "related",
                Problem::TooMany {
                    count: raw.len(),
                    limit: MAX_RELATED,
                },
            );
            return Vec::new();
        }
        let mut related = Vec::new();
        for (i, value) in raw.into_iter().enumerate() {
            let field = format!("related[{i}]");
            if let Some(entry) = self
                .raw_related(&field, value)
                .and_then(|r| self.related_entry(&field, r))
            {
                related.push(entry);
            }
        }
        related
    }

    fn related_entry(&mut self, field: &str, raw: RawRelated) -> Option<Related> {
        let title = self.required_line_text(
            &join(field, "title"),
            raw.title,
            false,
            "title: \"A headline\"",
        );
        let excerpt = raw
            .excerpt
            .and_then(|e| self.text(&join(field, "excerpt"), &e, MAX_EXCERPT));
        let published_at = raw
            .published_date_time
            .and_then(|d| self.date(&join(field, "publishedDateTime"), &d));
        let web_url_field = join(field, "webUrl");
        let web_url = match raw.web_url {
            Some(u) => self.url(&web_url_field, &u),
            None => {
                self.missing(&web_url_field, "webUrl: https://example.com/story");
                None
            }
        };
        let amp_web_url = raw
            .amp_web_url
            .and_then(|u| self.url(&join(field, "ampWebUrl"), &u));
        let cdn_amp_web_url = raw
            .cdn_amp_web_url
            .and_then(|u| self.url(&join(field, "cdnAmpWebUrl"), &u));
        let kind = raw
            .kind
            .and_then(|k| self.line_text(&join(field, "type"), &k));
        let provider = raw
            .provider
            .and_then(|p| self.provider(&join(field, "provider"), p, web_url.as_ref()));
        let quality = self.score_value(&join(field, "quality"), raw.quality);
        let images = raw
            .images
            .map(|v| self.images(&join(field, "images"), v))
            .unwrap_or_default();
        Some(Related {
            title: title?,
            excerpt: excerpt.unwrap_or_default(),
            published_at,
            web_url: web_url?,
            amp_web_url,
            cdn_amp_web_url,
            kind,
            provider,
            quality,
            images,
        })
    }
}

/// What a field decodes to. serde (through `serde_path_to_error`) names the place of any
/// problem, but walking a value through it costs more than parsing the YAML did; `take` is the
/// shortcut for a value that already has the wanted shape, which is nearly every value, and
/// builds what serde would build from it.
trait Field: DeserializeOwned {
    /// The decoded value, or `value` handed back for serde when it has another shape.
    fn take(value: Value) -> Result<Self, Value>;
}

impl Field for String {
    fn take(value: Value) -> Result<Self, Value> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(other),
        }
    }
}

impl Field for bool {
    fn take(value: Value) -> Result<Self, Value> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(other),
        }
    }
}

impl Field for f64 {
    /// serde turns integers into floats the same way.
    fn take(value: Value) -> Result<Self, Value> {
        match value {
            Value::Number(n) => n.as_f64().ok_or(Value::Number(n)),
            other => Err(other),
        }
    }
}

impl Field for Vec<Value> {
    fn take(value: Value) -> Result<Self, Value> {
        match value {
            Value::Sequence(items) => Ok(items),
            other => Err(other),
        }
    }
}

/// True when `raw` is a date or date-time that would be valid with an offset added.
fn lacks_offset(raw: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%.f").is_ok()
        || chrono::NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S%.f").is_ok()
        || chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").is_ok()
}

/// serde's wording with its Rust type names replaced by the format's words.
fn type_message(message: &str) -> String {
    let message = message
        .replace("expected f64", "expected a number")
        .replace("expected a boolean", "expected true or false")
        .replace(
            "expected a sequence",
            "expected a list (one `- item` per line)",
        )
        .replace(
            "expected struct RawProvider",
            "expected a mapping such as `{name: Example Times, domain: example.com}`",
        )
        .replace(
            "expected struct RawImage",
            "expected a mapping with `url`, `width`, `height`",
        )
        .replace(
            "expected struct RawRelated",
            "expected a mapping with `title`, `webUrl`, …",
        );
    message.replace("invalid type: ", "wrong type: found ")
}

/// Values quoted in messages are cut so one hostile value cannot flood the report.
/// `value`, cut to 120 bytes for a message.
pub(crate) fn shorten(value: &str) -> String {
    const MAX: usize = 120;
    if value.len() <= MAX {
        return value.to_owned();
    }
    let mut end = MAX;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &value[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(suggest("publised", raw::ARTICLE_KEYS), Some("published"));
        assert_eq!(suggest("titel", raw::ARTICLE_KEYS), Some("title"));
        assert_eq!(suggest("WebURL", raw::ARTICLE_KEYS), Some("webUrl"));
        assert_eq!(suggest("author", raw::ARTICLE_KEYS), None);
    }

    #[test]
    fn secured_must_be_two_base64_parts() {
        assert!(is_secured_shape("QUJD+/==;QUJD"));
        assert!(!is_secured_shape("QUJD"));
        assert!(!is_secured_shape("QU JD;QUJD"));
        assert!(!is_secured_shape(";QUJD"));
    }

    #[test]
    fn domains_must_be_bare_hosts() {
        assert!(is_bare_host("republicworld.com"));
        assert!(is_bare_host("news.example.org"));
        for bad in [
            "https://example.com",
            "example.com/path",
            "example.com:80",
            "localhost",
            "exa mple.com",
            ".example.com",
        ] {
            assert!(!is_bare_host(bad), "{bad}");
        }
    }

    #[test]
    fn refuses_anchors_and_aliases_wherever_they_stand() {
        for (yaml, kind) in [
            ("a: &x 1\n", Problem::Anchor),
            ("&x a: 1\n", Problem::Anchor),
            ("a: !!str &x b\n", Problem::Anchor),
            ("- &x 1\n", Problem::Anchor),
            ("<<: {a: 1}\n", Problem::MergeKey),
            ("a: *x\n", Problem::Alias),
            ("a:\n  - *x\n", Problem::Alias),
            ("a: [1, *x]\n", Problem::Alias),
            ("a: {b: *x}\n", Problem::Alias),
            ("a:\n  *x\n", Problem::Alias),
            ("? *x\n", Problem::Alias),
        ] {
            // An alias needs its anchor, which comes first so that the alias is what is tested.
            let anchor = if kind == Problem::Alias {
                "z: &x 1\n"
            } else {
                ""
            };
            let text = format!("---\n{anchor}{yaml}---\n");
            let parsed = parse(Path::new("a.md"), "a", text.as_bytes());
            assert!(
                parsed.diagnostics.iter().any(|d| d.problem == kind),
                "{yaml:?}: {:?}",
                parsed.diagnostics
            );
        }
    }

    #[test]
    fn finds_line_separators_where_an_editor_would() {
        assert_eq!(
            find_line_separator("a: 1\nb: #\u{2028} &t x\n"),
            Some((2, 5, '\u{2028}'))
        );
        assert_eq!(find_line_separator("\u{85}"), Some((1, 1, '\u{85}')));
        assert_eq!(find_line_separator("é: \u{2029}"), Some((1, 4, '\u{2029}')));
        assert_eq!(find_line_separator("a: \"x\\Ly\"\n"), None);
    }

    /// An article whose provider is `domain` and whose link goes to `web_url`, with one related
    /// entry linking to `related_url`.
    fn article_linking(domain: &str, web_url: &str, related_url: &str) -> Parsed {
        let text = format!(
            "---\ntitle: T\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: {web_url}\nprovider:\n  name: P\n  domain: {domain}\nrelated:\n  - title: R\n    webUrl: {related_url}\n---\n"
        );
        parse(Path::new("a.md"), "a", text.as_bytes())
    }

    /// The fields warned of a mixed-script host, in order, with the host each warning names.
    fn mixed_script_hosts(parsed: &Parsed) -> Vec<(&str, &str)> {
        let mut found: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter_map(|d| match &d.problem {
                Problem::MixedScriptHost(host) => Some((d.field.as_str(), host.as_str())),
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn a_look_alike_host_warns_although_links_are_stored_encoded() {
        // `аpple.com` with a Cyrillic `а`, as written and as the URL parser writes it.
        for related_url in [
            "https://\u{430}pple.com/account",
            "https://xn--pple-43d.com/account",
        ] {
            let parsed = article_linking("example.com", "https://example.com/a", related_url);
            assert_eq!(
                mixed_script_hosts(&parsed),
                [("related[0].webUrl", "\u{430}pple.com")],
                "{related_url}"
            );
            let article = parsed.article.expect("a warning keeps the article");
            assert_eq!(
                article.related[0].web_url.as_str(),
                "https://xn--pple-43d.com/account"
            );
        }
    }

    #[test]
    fn hosts_in_one_script_per_label_do_not_warn() {
        for related_url in [
            "https://apple.com/account",
            "https://xn--e1afmkfd.com/account",
            "https://\u{43f}\u{440}\u{438}\u{43c}\u{435}\u{440}.com/account",
            "https://m\u{fc}nchen.example/stra\u{df}e",
            "https://example.com/xn--in-the-path",
        ] {
            let parsed = article_linking("example.com", "https://example.com/a", related_url);
            assert_eq!(mixed_script_hosts(&parsed), [], "{related_url}");
        }
    }

    #[test]
    fn a_look_alike_provider_domain_warns() {
        for domain in ["\u{430}pple.com", "xn--pple-43d.com"] {
            let parsed = article_linking(domain, "https://xn--pple-43d.com/a", "https://e.com/");
            assert_eq!(
                mixed_script_hosts(&parsed),
                [
                    ("provider.domain", "\u{430}pple.com"),
                    ("webUrl", "\u{430}pple.com")
                ],
                "{domain}"
            );
        }
    }

    #[test]
    fn a_domain_names_its_link_in_either_form_of_an_international_name() {
        for (domain, web_url) in [
            ("m\u{fc}nchen.example", "https://m\u{fc}nchen.example/a"),
            (
                "m\u{fc}nchen.example",
                "https://news.xn--mnchen-3ya.example/a",
            ),
            ("xn--mnchen-3ya.example", "https://M\u{dc}NCHEN.example/a"),
        ] {
            let parsed = article_linking(domain, web_url, "https://e.com/");
            assert!(
                !parsed
                    .diagnostics
                    .iter()
                    .any(|d| matches!(d.problem, Problem::HostMismatch { .. })),
                "{domain} {web_url}: {:?}",
                parsed.diagnostics
            );
            let article = parsed.article.expect("valid");
            assert_eq!(article.provider.domain.as_deref(), Some(domain));
        }
        let parsed = article_linking(
            "m\u{fc}nchen.example",
            "https://munchen.example/a",
            "https://e.com/",
        );
        let mismatches: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| matches!(d.problem, Problem::HostMismatch { .. }))
            .map(|d| d.field.as_str())
            .collect();
        assert_eq!(mismatches, ["provider.domain"]);
    }

    #[test]
    fn finds_tabs_in_indentation_only() {
        assert_eq!(find_tab_indent("a:\n\t- x\n"), Some((2, 1)));
        assert_eq!(find_tab_indent("a: \"x\ty\"\n"), None);
    }
}

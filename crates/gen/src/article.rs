//! A generated article as plain data, and its rendering as a front-matter file.
//!
//! The rendering follows the reference article (`content/000_22f2e7ab458317d0.txt`) key for key
//! and in the same order, so generated files exercise the same ingest paths real files do.

use crate::text::{push_quoted, rfc3339};
use crate::words::Outlet;
use std::fmt::Write as _;

/// A heat or quality value as a file can state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    /// The key is absent.
    Missing,
    /// The key says `-1`: explicitly unknown.
    Unknown,
    /// A known, non-negative value.
    Value(u32),
}

impl Score {
    /// The known value, if any.
    #[must_use]
    pub fn value(self) -> Option<u32> {
        match self {
            Self::Value(v) => Some(v),
            Self::Missing | Self::Unknown => None,
        }
    }
}

/// How an article says whether it is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// `published: true`.
    Yes,
    /// `published: false`: a draft.
    No,
    /// No `published` key, which readers treat as published.
    Unstated,
}

/// An entry of `images:` (of an article, a provider or a related story).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Absolute https URL on a reserved domain.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Writes `isCached: true` when set.
    pub is_cached: bool,
    /// Optional caption.
    pub title: Option<String>,
}

/// An entry of `related:`: another story about the same event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Headline.
    pub title: String,
    /// Summary.
    pub excerpt: String,
    /// Unix seconds.
    pub published_at: i64,
    /// Equal, byte for byte, to the `webUrl` of the generated article it points to, or an
    /// outside URL that no generated article has.
    pub web_url: String,
    /// AMP page, when the target has one.
    pub amp_web_url: Option<String>,
    /// `article` or `video`.
    pub kind: &'static str,
    /// Who published it.
    pub provider: Outlet,
    /// Quality, when known.
    pub quality: Option<u32>,
    /// Lead images.
    pub images: Vec<Image>,
    /// True when `web_url` belongs to another generated article.
    pub inside: bool,
}

/// One fictional article, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// File stem, e.g. `gen-000001-port-alder-council-approves-tram-line`.
    pub id: String,
    /// `news`, `opinion` or `analysis`.
    pub category: &'static str,
    /// Headline.
    pub title: String,
    /// Summary, sometimes truncated with `...` or carrying HTML entities, as real feeds do.
    pub excerpt: String,
    /// Unix seconds.
    pub published_at: i64,
    /// Where the story first appeared, when stated.
    pub original_url: Option<String>,
    /// The canonical link; unique across a generated set.
    pub web_url: String,
    /// AMP page.
    pub amp_web_url: Option<String>,
    /// AMP cache page.
    pub cdn_amp_web_url: Option<String>,
    /// `article` or `video`.
    pub kind: &'static str,
    /// Editorial quality score.
    pub quality: Score,
    /// Popularity score.
    pub heat: Score,
    /// Draft state.
    pub published: Published,
    /// Writes `removed: true` when set.
    pub removed: bool,
    /// The outlet.
    pub provider: Outlet,
    /// The outlet's logo, for outlets that have one.
    pub provider_logo: Option<Image>,
    /// One to four topic names, most specific first.
    pub topics: Vec<&'static str>,
    /// Lead images.
    pub images: Vec<Image>,
    /// Related stories.
    pub related: Vec<Related>,
    /// Markdown after the closing `---`, if any.
    pub body: Option<String>,
    /// `<base64>;<base64>`, opaque like the reference article's.
    pub secured: String,
}

impl Article {
    /// The file name the article is written to: `<id>.md`.
    #[must_use]
    pub fn file_name(&self) -> String {
        format!("{}.md", self.id)
    }

    /// Appends the whole file (front matter and optional body) to `out`.
    pub fn render(&self, out: &mut String) {
        out.push_str("---\ncategory: ");
        push_quoted(out, self.category);
        field(out, "", "title", &self.title);
        field(out, "", "excerpt", &self.excerpt);
        // Dates stay unquoted, exactly as in the reference and the real files: the ingest must
        // accept that form, and a plain RFC 3339 scalar needs no quoting to stay a string.
        line(out, "", "publishedDateTime", &rfc3339(self.published_at));
        optional_field(out, "", "originalUrl", self.original_url.as_deref());
        field(out, "", "webUrl", &self.web_url);
        optional_field(out, "", "ampWebUrl", self.amp_web_url.as_deref());
        optional_field(out, "", "cdnAmpWebUrl", self.cdn_amp_web_url.as_deref());
        field(out, "", "type", self.kind);
        score(out, "", "quality", self.quality);
        score(out, "", "heat", self.heat);
        match self.published {
            Published::Yes => line(out, "", "published", "true"),
            Published::No => line(out, "", "published", "false"),
            Published::Unstated => {}
        }
        if self.removed {
            line(out, "", "removed", "true");
        }

        out.push_str("\n\nprovider:");
        field(out, "  ", "name", self.provider.name);
        field(out, "  ", "domain", self.provider.domain);
        if let Some(logo) = &self.provider_logo {
            out.push_str("\n  images:");
            image(out, "    ", logo);
        }

        out.push_str("\n\ntopics:");
        for topic in &self.topics {
            out.push_str("\n  - ");
            push_quoted(out, topic);
        }

        if !self.images.is_empty() {
            out.push_str("\n\nimages:");
            for img in &self.images {
                image(out, "  ", img);
            }
        }

        if !self.related.is_empty() {
            out.push_str("\n\nrelated:");
            for r in &self.related {
                related(out, r);
            }
        }

        out.push_str("\n\nsecured: ");
        push_quoted(out, &self.secured);
        out.push_str("\n---\n");
        if let Some(body) = &self.body {
            out.push('\n');
            out.push_str(body);
            if !body.ends_with('\n') {
                out.push('\n');
            }
        }
    }
}

/// Writes `\n{indent}{key}: {raw}`; `raw` must already be a valid plain YAML scalar.
fn line(out: &mut String, indent: &str, key: &str, raw: &str) {
    out.push('\n');
    out.push_str(indent);
    out.push_str(key);
    out.push_str(": ");
    out.push_str(raw);
}

/// Writes `\n{indent}{key}: "{value}"`.
fn field(out: &mut String, indent: &str, key: &str, value: &str) {
    out.push('\n');
    out.push_str(indent);
    out.push_str(key);
    out.push_str(": ");
    push_quoted(out, value);
}

fn optional_field(out: &mut String, indent: &str, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        field(out, indent, key, value);
    }
}

fn number(out: &mut String, indent: &str, key: &str, value: i64) {
    out.push('\n');
    write!(out, "{indent}{key}: {value}").expect("writing to a String cannot fail");
}

fn score(out: &mut String, indent: &str, key: &str, value: Score) {
    match value {
        Score::Missing => {}
        Score::Unknown => number(out, indent, key, -1),
        Score::Value(v) => number(out, indent, key, i64::from(v)),
    }
}

/// Writes one list item of an `images:` block whose items start at `indent`.
fn image(out: &mut String, indent: &str, img: &Image) {
    out.push('\n');
    out.push_str(indent);
    out.push_str("- url: ");
    push_quoted(out, &img.url);
    let inner = format!("{indent}  ");
    number(out, &inner, "width", i64::from(img.width));
    number(out, &inner, "height", i64::from(img.height));
    if img.is_cached {
        line(out, &inner, "isCached", "true");
    }
    if let Some(title) = &img.title {
        field(out, &inner, "title", title);
    }
}

fn related(out: &mut String, r: &Related) {
    out.push_str("\n  - title: ");
    push_quoted(out, &r.title);
    let ind = "    ";
    field(out, ind, "excerpt", &r.excerpt);
    line(out, ind, "publishedDateTime", &rfc3339(r.published_at));
    field(out, ind, "webUrl", &r.web_url);
    optional_field(out, ind, "ampWebUrl", r.amp_web_url.as_deref());
    field(out, ind, "type", r.kind);
    out.push_str("\n    provider:");
    field(out, "      ", "name", r.provider.name);
    field(out, "      ", "domain", r.provider.domain);
    if let Some(q) = r.quality {
        number(out, ind, "quality", i64::from(q));
    }
    if !r.images.is_empty() {
        out.push_str("\n    images:");
        for img in &r.images {
            image(out, "      ", img);
        }
    }
}

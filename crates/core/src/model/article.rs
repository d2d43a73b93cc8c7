//! The validated article model: what the app is allowed to see.
//!
//! Ingest builds these from raw front matter once, at build time. Every field whose values could
//! be wrong (ids, URLs, instants, scores) has its own type whose constructor checks it, and those
//! types re-check when a data file is read (their `Wire` impls), so no code path hands the UI
//! an unchecked value.

use crate::model::body::Body;
use crate::text::time::Timestamp;
use crate::text::url::HttpUrl;
use crate::wire::{Reader, Wire};
use serde::Serialize;
use std::fmt;

/// The longest article id accepted (ids are file stems and appear in links).
pub const MAX_ID_LEN: usize = 200;
/// The largest heat or quality accepted; real values are below 1,000.
pub const MAX_SCORE: f64 = 1_000_000.0;

/// An article's id: its file stem, unique within a bundle.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct ArticleId(String);

/// Why a string cannot be an article id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Empty.
    #[error("is empty")]
    Empty,
    /// Longer than [`MAX_ID_LEN`] bytes.
    #[error("is longer than {MAX_ID_LEN} bytes; shorten the file name")]
    TooLong,
    /// Holds a control character, whitespace at either end, or `/`.
    #[error("contains a control character, a `/` or surrounding whitespace; rename the file")]
    BadCharacter,
    /// Holds a bidirectional control, which makes the id read differently from what it is.
    #[error("contains a bidirectional control character (U+{0:04X}), which makes it read differently from what it is; rename the file")]
    Bidi(u32),
}

/// Bidirectional overrides, embeddings, isolates and marks: invisible, and able to reorder how
/// the text around them reads (`report\u{202E}fdp.exe` shows as `reportexe.pdf`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl ArticleId {
    /// Checks and wraps an id.
    pub fn new(id: &str) -> Result<Self, IdError> {
        if id.is_empty() {
            return Err(IdError::Empty);
        }
        if id.len() > MAX_ID_LEN {
            return Err(IdError::TooLong);
        }
        if id.chars().any(|c| c.is_control() || c == '/') || id.trim() != id {
            return Err(IdError::BadCharacter);
        }
        if let Some(c) = id.chars().find(|&c| is_bidi_control(c)) {
            return Err(IdError::Bidi(u32::from(c)));
        }
        Ok(Self(id.to_owned()))
    }

    /// The id as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ArticleId {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(&value)
    }
}

impl Wire for ArticleId {
    fn read(r: &mut Reader<'_>) -> Self {
        let id = r.str();
        Self::new(id)
            .unwrap_or_else(|_| r.invalid("an article id fails its check", Self(String::new())))
    }
}

impl From<ArticleId> for String {
    fn from(value: ArticleId) -> Self {
        value.0
    }
}

/// A known heat or quality: finite, from 0 to [`MAX_SCORE`]. Unknown values are `None` in the
/// model, never a sentinel.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(into = "f64")]
pub struct Score(f64);

/// Why a number cannot be a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    /// NaN or infinite.
    #[error("is not a finite number")]
    NotFinite,
    /// Below zero.
    #[error("is negative; use a number from 0 up, or -1 (or leave it out) for unknown")]
    Negative,
    /// Above [`MAX_SCORE`].
    #[error("is larger than {MAX_SCORE}")]
    TooLarge,
}

impl Score {
    /// Checks and wraps a score.
    pub fn new(value: f64) -> Result<Self, ScoreError> {
        if !value.is_finite() {
            Err(ScoreError::NotFinite)
        } else if value < 0.0 {
            Err(ScoreError::Negative)
        } else if value > MAX_SCORE {
            Err(ScoreError::TooLarge)
        } else {
            Ok(Self(value))
        }
    }

    /// The value.
    #[must_use]
    pub fn get(self) -> f64 {
        self.0
    }
}

/// The value as stored, in the shortest decimal that reads back to it (no trailing zeros):
/// the number the heat and quality filters compare, so "Quality 99.99" is what
/// `quality=99.99..` finds, where a rounded "100.0" would find nothing.
impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl TryFrom<f64> for Score {
    type Error = ScoreError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl Wire for Score {
    fn read(r: &mut Reader<'_>) -> Self {
        let value = r.read();
        Self::new(value).unwrap_or_else(|_| r.invalid("a score is out of range", Self(0.0)))
    }
}

impl From<Score> for f64 {
    fn from(value: Score) -> Self {
        value.0
    }
}

/// An image: an article's picture, or a provider's logo.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// Where the image is.
    pub url: HttpUrl,
    /// Width in pixels, when the file says.
    pub width: Option<u32>,
    /// Height in pixels, when the file says.
    pub height: Option<u32>,
    /// Whether the source marked the image as cached by its CDN.
    pub is_cached: bool,
    /// The image's title (alternative text), when the file gives one.
    pub title: Option<String>,
}

/// The outlet that published an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provider {
    /// Display name, e.g. "Example Times".
    pub name: String,
    /// Bare host name, lowercased, e.g. `example.com`.
    pub domain: Option<String>,
    /// Logos.
    pub images: Vec<Image>,
}

/// A story from elsewhere that the article's source lists as related.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// Headline.
    pub title: String,
    /// Summary; empty when the file has none.
    pub excerpt: String,
    /// When it was published, if known.
    pub published_at: Option<Timestamp>,
    /// Canonical link.
    pub web_url: HttpUrl,
    /// AMP version.
    pub amp_web_url: Option<HttpUrl>,
    /// AMP cache version.
    pub cdn_amp_web_url: Option<HttpUrl>,
    /// Kind of item (`article`, `video`, …), if given.
    pub kind: Option<String>,
    /// Who published it, if given.
    pub provider: Option<Provider>,
    /// Quality, if known.
    pub quality: Option<Score>,
    /// Pictures.
    pub images: Vec<Image>,
}

/// A validated article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Unique id (the file stem).
    pub id: ArticleId,
    /// Section, e.g. `news`; `None` when the file has none.
    pub category: Option<String>,
    /// Headline.
    pub title: String,
    /// Summary; empty when the file has none.
    pub excerpt: String,
    /// Publication instant.
    pub published_at: Timestamp,
    /// Canonical link.
    pub web_url: HttpUrl,
    /// The original source, when it differs from `web_url`.
    pub original_url: Option<HttpUrl>,
    /// AMP version.
    pub amp_web_url: Option<HttpUrl>,
    /// AMP cache version.
    pub cdn_amp_web_url: Option<HttpUrl>,
    /// Kind of item (`article`, `video`, …), if given.
    pub kind: Option<String>,
    /// Editorial quality; `None` is unknown.
    pub quality: Option<Score>,
    /// Popularity; `None` is unknown.
    pub heat: Option<Score>,
    /// `published: false` in the file (only bundled when drafts are asked for).
    pub draft: bool,
    /// Who published it.
    pub provider: Provider,
    /// Subjects, in file order, without duplicates.
    pub topics: Vec<String>,
    /// Pictures.
    pub images: Vec<Image>,
    /// Related stories, in file order.
    pub related: Vec<Related>,
    /// Text after the front matter, read as Markdown; empty when there is none.
    pub body: Body,
}

/// What a list shows of an article: enough to decide whether to read it. A sharded build
/// ships cards apart from the whole articles, so a page of results scattered over the
/// collection costs a few kB rather than every field of every article near them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Unique id (the file stem).
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Summary; may be empty.
    pub excerpt: String,
    /// Publication instant.
    pub published_at: Timestamp,
    /// Canonical link to the story at its outlet.
    pub web_url: HttpUrl,
    /// Editorial quality, if known.
    pub quality: Option<Score>,
    /// Popularity, if known.
    pub heat: Option<Score>,
    /// True when the file says `published: false` (bundled only on request).
    pub draft: bool,
    /// The outlet's display name.
    pub provider_name: String,
    /// The outlet's host name.
    pub provider_domain: Option<String>,
    /// Topic names.
    pub topics: Vec<String>,
    /// The first picture, for a thumbnail.
    pub image: Option<Image>,
}

// Fields in declaration order, as serde writes them.

impl Wire for Image {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            url: r.read(),
            width: r.read(),
            height: r.read(),
            is_cached: r.read(),
            title: r.read(),
        }
    }
}

impl Wire for Provider {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            name: r.read(),
            domain: r.read(),
            images: r.read(),
        }
    }
}

impl Wire for Related {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            title: r.read(),
            excerpt: r.read(),
            published_at: r.read(),
            web_url: r.read(),
            amp_web_url: r.read(),
            cdn_amp_web_url: r.read(),
            kind: r.read(),
            provider: r.read(),
            quality: r.read(),
            images: r.read(),
        }
    }
}

impl Wire for Article {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            id: r.read(),
            category: r.read(),
            title: r.read(),
            excerpt: r.read(),
            published_at: r.read(),
            web_url: r.read(),
            original_url: r.read(),
            amp_web_url: r.read(),
            cdn_amp_web_url: r.read(),
            kind: r.read(),
            quality: r.read(),
            heat: r.read(),
            draft: r.read(),
            provider: r.read(),
            topics: r.read(),
            images: r.read(),
            related: r.read(),
            body: r.read(),
        }
    }
}

impl Wire for Card {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            id: r.read(),
            title: r.read(),
            excerpt: r.read(),
            published_at: r.read(),
            web_url: r.read(),
            quality: r.read(),
            heat: r.read(),
            draft: r.read(),
            provider_name: r.read(),
            provider_domain: r.read(),
            topics: r.read(),
            image: r.read(),
        }
    }
}

impl From<&Article> for Card {
    fn from(a: &Article) -> Self {
        Self {
            id: a.id.clone(),
            title: a.title.clone(),
            excerpt: a.excerpt.clone(),
            published_at: a.published_at,
            web_url: a.web_url.clone(),
            quality: a.quality,
            heat: a.heat,
            draft: a.draft,
            provider_name: a.provider.name.clone(),
            provider_domain: a.provider.domain.clone(),
            topics: a.topics.clone(),
            image: a.images.first().cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(ArticleId::new("2019-12-17-amazon").is_ok());
        assert_eq!(ArticleId::new(""), Err(IdError::Empty));
        assert_eq!(
            ArticleId::new(&"a".repeat(MAX_ID_LEN + 1)),
            Err(IdError::TooLong)
        );
        assert_eq!(ArticleId::new("a/b"), Err(IdError::BadCharacter));
        assert_eq!(ArticleId::new(" a"), Err(IdError::BadCharacter));
        assert_eq!(ArticleId::new("a\u{0}"), Err(IdError::BadCharacter));
        assert_eq!(
            ArticleId::new("report\u{202E}fdp.exe"),
            Err(IdError::Bidi(0x202E))
        );
        assert_eq!(ArticleId::new("a\u{2067}b"), Err(IdError::Bidi(0x2067)));
        assert_eq!(ArticleId::new("a\u{200F}"), Err(IdError::Bidi(0x200F)));
    }

    #[test]
    fn scores_are_finite_and_in_range() {
        assert_eq!(Score::new(60.0).map(Score::get), Ok(60.0));
        assert_eq!(Score::new(0.0).map(Score::get), Ok(0.0));
        assert_eq!(Score::new(f64::NAN), Err(ScoreError::NotFinite));
        assert_eq!(Score::new(f64::INFINITY), Err(ScoreError::NotFinite));
        assert_eq!(Score::new(-1.0), Err(ScoreError::Negative));
        assert_eq!(Score::new(MAX_SCORE * 2.0), Err(ScoreError::TooLarge));
    }

    #[test]
    fn scores_print_without_needless_decimals() {
        assert_eq!(Score::new(60.0).expect("valid").to_string(), "60");
        assert_eq!(Score::new(60.25).expect("valid").to_string(), "60.25");
        assert_eq!(Score::new(99.99).expect("valid").to_string(), "99.99");
        assert_eq!(Score::new(0.005).expect("valid").to_string(), "0.005");
        assert_eq!(
            Score::new(1_000_000.0).expect("valid").to_string(),
            "1000000"
        );
    }
}

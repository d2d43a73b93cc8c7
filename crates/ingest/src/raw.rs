//! Exactly what an article file says: shapes with every field optional, so a missing field is
//! reported by validation with its name rather than by serde on the first one.
//!
//! [`crate::article`] fills them key by key (and reads the top level, which is not a struct, the
//! same way), so one file can report a wrong type in several fields at once and a wrong type
//! drops only its own value. serde reads a shape only from a value that is not a mapping, to word
//! what was found instead.

use serde::Deserialize;

/// The keys of the top level, in the order the format lists them.
pub const ARTICLE_KEYS: &[&str] = &[
    "category",
    "title",
    "excerpt",
    "publishedDateTime",
    "originalUrl",
    "webUrl",
    "ampWebUrl",
    "cdnAmpWebUrl",
    "type",
    "quality",
    "heat",
    "published",
    "removed",
    "provider",
    "topics",
    "images",
    "related",
    "secured",
];
/// The keys of `provider`.
pub const PROVIDER_KEYS: &[&str] = &["name", "domain", "images"];
/// The keys of an image.
pub const IMAGE_KEYS: &[&str] = &["url", "width", "height", "isCached", "title"];
/// The keys of a related entry.
pub const RELATED_KEYS: &[&str] = &[
    "title",
    "excerpt",
    "publishedDateTime",
    "webUrl",
    "ampWebUrl",
    "cdnAmpWebUrl",
    "type",
    "provider",
    "quality",
    "images",
];

/// An image as written.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawImage {
    /// `url`.
    pub url: Option<String>,
    /// `width`.
    pub width: Option<f64>,
    /// `height`.
    pub height: Option<f64>,
    /// `isCached`.
    pub is_cached: Option<bool>,
    /// `title`.
    pub title: Option<String>,
}

/// A provider as written.
#[derive(Debug, Default, Deserialize)]
pub struct RawProvider {
    /// `name`.
    pub name: Option<String>,
    /// `domain`.
    pub domain: Option<String>,
    /// `images`, kept as values so each entry reports its own errors.
    pub images: Option<Vec<serde_yaml::Value>>,
}

/// A related entry as written.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawRelated {
    /// `title`.
    pub title: Option<String>,
    /// `excerpt`.
    pub excerpt: Option<String>,
    /// `publishedDateTime`.
    pub published_date_time: Option<String>,
    /// `webUrl`.
    pub web_url: Option<String>,
    /// `ampWebUrl`.
    pub amp_web_url: Option<String>,
    /// `cdnAmpWebUrl`.
    pub cdn_amp_web_url: Option<String>,
    /// `type`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// `provider`.
    pub provider: Option<RawProvider>,
    /// `quality`.
    pub quality: Option<f64>,
    /// `images`, kept as values so each entry reports its own errors.
    pub images: Option<Vec<serde_yaml::Value>>,
}

/// The known keys of the mapping at `parent` (a field path), or `None` where the format has no
/// mapping (the type check reports that instead).
#[must_use]
pub fn keys_for(parent: &str) -> Option<&'static [&'static str]> {
    let last = parent.rsplit('.').next().unwrap_or_default();
    let last = last.split('[').next().unwrap_or_default();
    let is_item = parent.ends_with(']');
    match (last, is_item) {
        ("", false) => Some(ARTICLE_KEYS),
        ("provider", false) => Some(PROVIDER_KEYS),
        ("images", true) => Some(IMAGE_KEYS),
        ("related", true) if !parent.contains('.') => Some(RELATED_KEYS),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_which_keys_belong_where() {
        assert_eq!(keys_for(""), Some(ARTICLE_KEYS));
        assert_eq!(keys_for("provider"), Some(PROVIDER_KEYS));
        assert_eq!(keys_for("related[3].provider"), Some(PROVIDER_KEYS));
        assert_eq!(keys_for("images[0]"), Some(IMAGE_KEYS));
        assert_eq!(keys_for("provider.images[1]"), Some(IMAGE_KEYS));
        assert_eq!(keys_for("related[0].images[2]"), Some(IMAGE_KEYS));
        assert_eq!(keys_for("related[0]"), Some(RELATED_KEYS));
        assert_eq!(keys_for("topics[0]"), None);
        assert_eq!(keys_for("title"), None);
    }
}

//! The URL hash codec: which page a `#...` fragment names, and the fragment that names a page.
//!
//! The app has no server to route for it, so the hash is the whole address. Parsing is total:
//! whatever a reader pastes or a tool appends, [`Route::from_hash`] returns a page (junk goes
//! home) and never panics. [`Route::to_hash`] writes the one canonical spelling, percent-encoding
//! ids so that any valid [`ArticleId`](crate::model::ArticleId) survives the round trip.

use crate::percent;
use crate::url::MAX_URL_LEN;

/// The path prefix of an article page, after `#/`.
const ARTICLE_PREFIX: &str = "article/";

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Route {
    /// The list of every article, hottest first: `#/`, and also the empty hash.
    #[default]
    Home,
    /// One article's page, `#/article/<id>`, holding the percent-decoded id. The id is not
    /// checked here: an id that names no article is the article page's "not found" case, and
    /// it shows the id the reader asked for.
    Article(String),
}

impl Route {
    /// The page a hash names, with or without its leading `#`.
    ///
    /// Anything that is not a known page (an unknown path, an empty article id, a hash longer
    /// than [`MAX_URL_LEN`]) is [`Route::Home`].
    ///
    /// ```
    /// use broadsheet_core::route::Route;
    /// assert_eq!(Route::from_hash(""), Route::Home);
    /// assert_eq!(Route::from_hash("#/article/a%20b"), Route::Article("a b".into()));
    /// assert_eq!(Route::from_hash("#/nonsense"), Route::Home);
    /// ```
    #[must_use]
    pub fn from_hash(hash: &str) -> Self {
        if hash.len() > MAX_URL_LEN {
            return Self::Home;
        }
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        match path.strip_prefix(ARTICLE_PREFIX) {
            Some(encoded) if !encoded.is_empty() => Self::Article(percent::decode(encoded).text),
            _ => Self::Home,
        }
    }

    /// The canonical hash for this page, starting with `#/`.
    ///
    /// ```
    /// use broadsheet_core::route::Route;
    /// assert_eq!(Route::Home.to_hash(), "#/");
    /// assert_eq!(Route::Article("a b/c".into()).to_hash(), "#/article/a%20b%2Fc");
    /// ```
    #[must_use]
    pub fn to_hash(&self) -> String {
        match self {
            Self::Home => "#/".to_owned(),
            Self::Article(id) => {
                let mut hash = String::with_capacity(2 + ARTICLE_PREFIX.len() + id.len());
                hash.push_str("#/");
                hash.push_str(ARTICLE_PREFIX);
                percent::encode_into(id, &mut hash);
                hash
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_home_in_every_spelling() {
        for hash in ["", "#", "#/", "/", "#//", "#/?x=1"] {
            assert_eq!(Route::from_hash(hash), Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn reads_article_ids_and_decodes_them() {
        let cases = [
            ("#/article/2019-12-17-amazon", "2019-12-17-amazon"),
            ("#article/plain", "plain"),
            ("/article/no-hash-sign", "no-hash-sign"),
            ("#/article/a%20b", "a b"),
            ("#/article/caf%C3%A9", "café"),
            ("#/article/café", "café"),
            ("#/article/a%2Fb", "a/b"),
            ("#/article/a/b", "a/b"),
            ("#/article/100%", "100%"),
            ("#/article/%zz%4", "%zz%4"),
            ("#/article/%FF", "\u{FFFD}"),
            ("#/article/a+b", "a+b"),
        ];
        for (hash, id) in cases {
            assert_eq!(
                Route::from_hash(hash),
                Route::Article(id.into()),
                "{hash:?}"
            );
        }
    }

    #[test]
    fn sends_unknown_and_empty_routes_home() {
        for hash in [
            "#/article/",
            "#/article",
            "#/articles/x",
            "#/ARTICLE/x",
            "#/about",
            "#x",
        ] {
            assert_eq!(Route::from_hash(hash), Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn ignores_hashes_longer_than_any_link() {
        let long = format!("#/article/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(Route::from_hash(&long), Route::Home);
    }

    #[test]
    fn writes_canonical_hashes() {
        assert_eq!(Route::Home.to_hash(), "#/");
        assert_eq!(
            Route::Article("2019-12-17-amazon".into()).to_hash(),
            "#/article/2019-12-17-amazon"
        );
        assert_eq!(
            Route::Article("café 100%".into()).to_hash(),
            "#/article/caf%C3%A9%20100%25"
        );
        assert_eq!(
            Route::Article("a#b?c".into()).to_hash(),
            "#/article/a%23b%3Fc"
        );
    }

    #[test]
    fn round_trips_every_route() {
        let ids = [
            "x",
            "2019-12-17-amazon",
            "a b",
            "a/b",
            "%41",
            "日本語 ニュース",
            "<script>",
            "a#b?c&d",
        ];
        for id in ids {
            let route = Route::Article(id.into());
            assert_eq!(Route::from_hash(&route.to_hash()), route, "{id:?}");
        }
        assert_eq!(Route::from_hash(&Route::Home.to_hash()), Route::Home);
    }

    #[test]
    fn never_panics_on_junk() {
        let junk = [
            "%",
            "#%",
            "#/article/%",
            "#/article/%%%",
            "#/article/\u{0}",
            "#\u{FFFF}/article/é%C3",
        ];
        for hash in junk {
            let _ = Route::from_hash(hash);
        }
        for byte in 0..=u8::MAX {
            let hash = format!("#/article/%{byte:02x}{}", char::from(byte));
            let _ = Route::from_hash(&hash);
        }
    }
}

//! The http/https allowlist: the one place that decides whether a string may become a link.
//!
//! Ingest checks every URL with [`HttpUrl::parse`] at build time; the app checks again with
//! [`safe_href`] when it renders, so a bundle produced by anything else still cannot smuggle a
//! `javascript:` link into the page.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest URL accepted. Real article URLs (AMP cache URLs included) stay far below it; the cap
/// keeps a hostile file from making the bundle or a link attribute arbitrarily large.
pub const MAX_URL_LEN: usize = 4096;

/// Why a string is not an acceptable link.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// The string is empty.
    #[error("is empty; expected an absolute http:// or https:// URL")]
    Empty,
    /// Longer than [`MAX_URL_LEN`].
    #[error("is {0} bytes long; URLs are limited to {MAX_URL_LEN} bytes")]
    TooLong(usize),
    /// Contains whitespace, a control character or a bidirectional-override character.
    #[error("contains whitespace or a control character; percent-encode it (e.g. %20)")]
    BadCharacter,
    /// Starts with `//`: the scheme would be borrowed from whatever page shows it.
    #[error("is protocol-relative (starts with `//`); write it with https://")]
    ProtocolRelative,
    /// Has no scheme at all (a path such as `/assets/logo.png`).
    #[error("is relative; expected an absolute http:// or https:// URL")]
    Relative,
    /// Has a scheme other than http or https.
    #[error("uses the `{0}:` scheme; only http:// and https:// are allowed")]
    Scheme(String),
    /// `http:` or `https:` not followed by `//`.
    #[error("has no `//` after the scheme; expected e.g. https://example.com/path")]
    NoAuthority,
    /// No host name between `//` and the path.
    #[error("has no host name")]
    NoHost,
    /// Carries `user:password@` before the host, a common way to disguise where a link goes.
    #[error("contains user information (`user@host`); remove everything before the host name")]
    UserInfo,
    /// The host name has characters no host name may have.
    #[error("has an invalid host name `{0}`")]
    BadHost(String),
    /// The port is not a number from 1 to 65535.
    #[error("has an invalid port `{0}`; expected a number from 1 to 65535")]
    BadPort(String),
}

/// An absolute `http` or `https` URL that passed [`HttpUrl::parse`].
///
/// The only ways to get one are `parse` and deserialization (which calls `parse`), so holding an
/// `HttpUrl` proves the check was made.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HttpUrl(String);

impl HttpUrl {
    /// Checks `input` against the allowlist: an absolute URL whose scheme is `http` or `https`
    /// (any case), with a host, no user information, a valid port if any, and no whitespace,
    /// control or bidi-override characters anywhere.
    ///
    /// ```
    /// use broadsheet_core::url::{HttpUrl, UrlError};
    /// assert!(HttpUrl::parse("https://example.com/a?b=1#c").is_ok());
    /// assert_eq!(HttpUrl::parse("javascript:alert(1)"), Err(UrlError::Scheme("javascript".into())));
    /// assert_eq!(HttpUrl::parse("/assets/logo.png"), Err(UrlError::Relative));
    /// ```
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        check(input)?;
        Ok(Self(input.to_owned()))
    }

    /// The URL as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host name, lowercased, without port.
    #[must_use]
    pub fn host(&self) -> String {
        let (_, rest) = self
            .0
            .split_once("//")
            .expect("parse guarantees `//` after the scheme");
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        host_and_port(authority).0.to_ascii_lowercase()
    }
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for HttpUrl {
    type Error = UrlError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        check(&value)?;
        Ok(Self(value))
    }
}

impl From<HttpUrl> for String {
    fn from(value: HttpUrl) -> Self {
        value.0
    }
}

/// The render-time gate: `Some(url)` when `url` may be used as an `href` or `src`, else `None`.
#[must_use]
pub fn safe_href(url: &str) -> Option<&str> {
    check(url).ok().map(|()| url)
}

/// True for characters that must never appear in a URL we emit: ASCII whitespace and controls,
/// Unicode controls, and the bidirectional overrides that can make a link read differently than
/// it resolves.
fn is_forbidden_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn check(input: &str) -> Result<(), UrlError> {
    if input.is_empty() {
        return Err(UrlError::Empty);
    }
    if input.len() > MAX_URL_LEN {
        return Err(UrlError::TooLong(input.len()));
    }
    if input.chars().any(is_forbidden_char) {
        return Err(UrlError::BadCharacter);
    }
    if input.starts_with("//") {
        return Err(UrlError::ProtocolRelative);
    }
    let Some((scheme, rest)) = split_scheme(input) else {
        return Err(UrlError::Relative);
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(UrlError::Scheme(scheme.to_ascii_lowercase()));
    }
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(UrlError::NoAuthority);
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    let (host, port) = host_and_port(authority);
    if host.is_empty() {
        return Err(UrlError::NoHost);
    }
    if !valid_host(host) {
        return Err(UrlError::BadHost(host.to_owned()));
    }
    if let Some(port) = port {
        let ok = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !ok {
            return Err(UrlError::BadPort(port.to_owned()));
        }
    }
    Ok(())
}

/// Splits `scheme:rest` when the part before the first `:` is a syntactically valid scheme
/// (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
fn split_scheme(input: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = input.split_once(':')?;
    let mut bytes = scheme.bytes();
    let first = bytes.next()?;
    (first.is_ascii_alphabetic() && bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)))
        .then_some((scheme, rest))
}

fn host_and_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.find(']') {
            Some(end) => {
                let (host, after) = authority.split_at(end + 1);
                (host, after.strip_prefix(':'))
            }
            None => (authority, None),
        };
    }
    match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

fn valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[') {
        return inner.strip_suffix(']').is_some_and(|ip| {
            !ip.is_empty()
                && ip
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        });
    }
    !host.starts_with('.')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_absolute_http_and_https() {
        for ok in [
            "https://example.com",
            "http://example.com/",
            "HTTPS://Example.COM/Path?q=1&r=2#frag",
            "https://news.example.org:8443/a/b",
            "https://[2001:db8::1]/x",
            "https://münchen.example/straße",
            "https://www-example-com.cdn.ampproject.example/c/s/www.example.com/amp/x.html",
        ] {
            assert!(HttpUrl::parse(ok).is_ok(), "{ok} should pass");
            assert_eq!(safe_href(ok), Some(ok));
        }
    }

    #[test]
    fn rejects_everything_else_with_a_reason() {
        let cases: &[(&str, UrlError)] = &[
            ("", UrlError::Empty),
            ("javascript:alert(1)", UrlError::Scheme("javascript".into())),
            ("JaVaScRiPt:alert(1)", UrlError::Scheme("javascript".into())),
            ("data:text/html,<script>", UrlError::Scheme("data".into())),
            ("vbscript:msgbox", UrlError::Scheme("vbscript".into())),
            ("file:///etc/passwd", UrlError::Scheme("file".into())),
            ("java\tscript:alert(1)", UrlError::BadCharacter),
            ("\u{1}javascript:alert(1)", UrlError::BadCharacter),
            ("https://exa\u{202E}mple.com", UrlError::BadCharacter),
            ("https://example.com/a b", UrlError::BadCharacter),
            ("javascript&#58;alert(1)", UrlError::Relative),
            ("javascript%3Aalert(1)", UrlError::Relative),
            ("/assets/logo.png", UrlError::Relative),
            ("logo.png", UrlError::Relative),
            ("//cdn.example.com/x.png", UrlError::ProtocolRelative),
            ("https:example.com", UrlError::NoAuthority),
            ("https://", UrlError::NoHost),
            ("https:///path", UrlError::NoHost),
            ("https://user:pass@example.com/", UrlError::UserInfo),
            ("https://example.com:0/", UrlError::BadPort("0".into())),
            (
                "https://example.com:99999/",
                UrlError::BadPort("99999".into()),
            ),
            ("https://example.com:/", UrlError::BadPort(String::new())),
            ("https://example.com:80a/", UrlError::BadPort("80a".into())),
            (
                "https://exa<mple.com/",
                UrlError::BadHost("exa<mple.com".into()),
            ),
            (
                "https://.example.com/",
                UrlError::BadHost(".example.com".into()),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(HttpUrl::parse(input).as_ref(), Err(want), "{input:?}");
            assert_eq!(safe_href(input), None, "{input:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(HttpUrl::parse(&long), Err(UrlError::TooLong(long.len())));
    }

    #[test]
    fn host_is_lowercased_without_port() {
        let url = HttpUrl::parse("https://News.Example.COM:8080/x").expect("valid");
        assert_eq!(url.host(), "news.example.com");
    }

    #[test]
    fn deserializing_checks_again() {
        let bytes = postcard::to_allocvec(&"javascript:alert(1)".to_owned()).expect("encodes");
        assert!(postcard::from_bytes::<HttpUrl>(&bytes).is_err());
    }
}

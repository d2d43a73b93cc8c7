//! The http/https allowlist: the one place that decides whether a string may become a link.
//!
//! Ingest reads every URL as a browser does (the WHATWG URL parser, at build time) and stores the
//! form the parser writes, then checks it with [`HttpUrl::parse`]; the app checks again when it
//! decodes the bundle and with [`safe_href`] when it renders, so a bundle produced by anything
//! else still cannot smuggle a `javascript:` link into the page.
//!
//! The check is a strict subset of what browsers accept, and it agrees with them on where a link
//! goes: whatever it accepts, the WHATWG parser reads as http or https, without user information,
//! with the host [`HttpUrl::host`] names. So hosts must be written as the parser writes them
//! (ASCII, international names in their `xn--` form, IPv4 as four decimal numbers, IPv6 in its
//! shortest form), never in a shorthand a browser would rewrite (`0x7f.1`, `[0:0::1]`). A
//! property test against the `url` crate (a dev-dependency only) holds the two together.

use crate::wire::{Reader, Wire};
use serde::Serialize;
use std::fmt::{self, Write as _};

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
/// The only ways to get one are `parse` and reading a data file (which makes the same check), so
/// holding an `HttpUrl` proves the check was made.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct HttpUrl(String);

impl HttpUrl {
    /// Checks `input` against the allowlist: an absolute URL whose scheme is `http` or `https`
    /// (any case), with a host as browsers write it (see the module docs), no user information,
    /// a valid port if any, and no whitespace, control or bidi-override characters anywhere.
    ///
    /// ```
    /// use broadsheet_core::text::url::{HttpUrl, UrlError};
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

impl Wire for HttpUrl {
    fn read(r: &mut Reader<'_>) -> Self {
        let url = r.read::<String>();
        match check(&url) {
            Ok(()) => Self(url),
            Err(_) => r.invalid("a URL is not an http(s) link", Self(url)),
        }
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
        // Anything but a port after the bracket leaves the whole authority as the host, which
        // no check accepts.
        return match authority.find(']') {
            Some(end) => match authority.split_at(end + 1) {
                (host, "") => (host, None),
                (host, after) => after
                    .strip_prefix(':')
                    .map_or((authority, None), |port| (host, Some(port))),
            },
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
        return inner.strip_suffix(']').is_some_and(is_shortest_ipv6);
    }
    let name = !host.starts_with('.')
        && !host.contains("..")
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_');
    name && (!ends_in_number(host) || is_dotted_ipv4(host))
}

/// WHATWG's "ends in a number": a browser reads such a host as an IPv4 address, in any of its
/// shorthands (`0x7f.1`, `2130706433`, `0177.0.0.1`), so it names a different host than it
/// spells unless it is [`is_dotted_ipv4`].
fn ends_in_number(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit('.').next().unwrap_or(host);
    let hex = last
        .strip_prefix("0x")
        .or_else(|| last.strip_prefix("0X"))
        .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()));
    !last.is_empty() && (hex || last.bytes().all(|b| b.is_ascii_digit()))
}

/// An IPv4 address as browsers write it: four decimal numbers from 0 to 255 without leading
/// zeros, and no trailing dot.
fn is_dotted_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u8>().is_ok()
        })
}

/// An IPv6 address (between the brackets) as browsers write it: hex digits in any case, the
/// longest run of two or more zero groups as `::`, no leading zeros, no embedded IPv4.
fn is_shortest_ipv6(text: &str) -> bool {
    if !text.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
        return false;
    }
    text.parse::<std::net::Ipv6Addr>()
        .is_ok_and(|ip| shortest_ipv6(ip.segments()).eq_ignore_ascii_case(text))
}

/// The WHATWG URL standard's IPv6 serializer (RFC 5952 without the embedded IPv4 form).
fn shortest_ipv6(pieces: [u16; 8]) -> String {
    // The first of the longest runs of zero groups, if it is at least two long.
    let mut compress: Option<(usize, usize)> = None;
    let mut start = 0;
    while start < 8 {
        let len = pieces[start..].iter().take_while(|&&p| p == 0).count();
        if len > 1 && compress.is_none_or(|(_, best)| len > best) {
            compress = Some((start, len));
        }
        start += len.max(1);
    }
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        match compress {
            Some((at, len)) if at == i => {
                out.push_str(if i == 0 { "::" } else { ":" });
                i += len;
            }
            _ => {
                write!(out, "{:x}", pieces[i]).expect("writing to a String cannot fail");
                if i < 7 {
                    out.push(':');
                }
                i += 1;
            }
        }
    }
    out
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
            "https://[2001:DB8::1]/x",
            "https://[::1]/",
            "https://[::ffff:102:304]/",
            "https://[1:0:0:2::3]/",
            "https://[1::1:0:0:1:1]/",
            "https://[1::]/",
            "https://127.0.0.1/",
            "https://0.0.0.0:8080/",
            "https://xn--mnchen-3ya.example/straße",
            "https://example.com./a",
            "https://1a.example/",
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
            // Hosts a browser would rewrite: they must arrive in the form it writes.
            (
                "https://münchen.example/",
                UrlError::BadHost("münchen.example".into()),
            ),
            ("https://0x7f.1/", UrlError::BadHost("0x7f.1".into())),
            ("https://127.1/", UrlError::BadHost("127.1".into())),
            (
                "https://2130706433/",
                UrlError::BadHost("2130706433".into()),
            ),
            ("https://1.2.3.04/", UrlError::BadHost("1.2.3.04".into())),
            ("https://1.2.3.4./", UrlError::BadHost("1.2.3.4.".into())),
            ("https://1.2.3.256/", UrlError::BadHost("1.2.3.256".into())),
            (
                "https://example.123/",
                UrlError::BadHost("example.123".into()),
            ),
            (
                "https://example.0x/",
                UrlError::BadHost("example.0x".into()),
            ),
            ("https://[0:0::1]/", UrlError::BadHost("[0:0::1]".into())),
            ("https://[::0001]/", UrlError::BadHost("[::0001]".into())),
            (
                "https://[::ffff:1.2.3.4]/",
                UrlError::BadHost("[::ffff:1.2.3.4]".into()),
            ),
            (
                "https://[1::2:0:0:0:3]/",
                UrlError::BadHost("[1::2:0:0:0:3]".into()),
            ),
            (
                "https://[1:0:0:1::1:1]/",
                UrlError::BadHost("[1:0:0:1::1:1]".into()),
            ),
            (
                "http://[2001:db8::1]é:443/",
                UrlError::BadHost("[2001:db8::1]é:443".into()),
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

    /// Where the `url` crate (the WHATWG parser browsers implement) says `input` goes, if it
    /// reads it as an http(s) link without user information.
    fn browser_host(input: &str) -> Option<String> {
        let parsed = url::Url::parse(input).ok()?;
        let web = matches!(parsed.scheme(), "http" | "https");
        let credentials = !parsed.username().is_empty() || parsed.password().is_some();
        (web && !credentials).then(|| parsed.host_str().map(str::to_owned))?
    }

    #[test]
    fn agrees_with_the_browser_on_tricky_urls() {
        // Each accepted URL goes where a browser takes it; each shorthand a browser would rewrite
        // is refused, and the form the browser writes instead is accepted.
        let cases: &[(&str, Option<&str>)] = &[
            ("https://0x7f.1", None),
            ("https://127.0.0.1/", Some("127.0.0.1")),
            ("https://[::1]", Some("[::1]")),
            ("https://[0:0::1]/", None),
            ("https://[::1]/", Some("[::1]")),
            ("https://exa\tmple.com/", None),
            ("https://example.com/a\nb", None),
            ("java\tscript:alert(1)", None),
            ("https://EXAMPLE.com/A", Some("example.com")),
            ("https://example.com\\@evil.example/", None),
            ("https://evil.example\\.example.com/", None),
            ("https://münchen.example/", None),
            (
                "https://xn--mnchen-3ya.example/",
                Some("xn--mnchen-3ya.example"),
            ),
        ];
        for (input, host) in cases {
            let ours = HttpUrl::parse(input).ok().map(|u| u.host());
            assert_eq!(ours.as_deref(), *host, "{input:?}");
            if let Some(host) = host {
                assert_eq!(browser_host(input).as_deref(), Some(*host), "{input:?}");
            }
        }
        for shorthand in [
            "https://0x7f.1",
            "https://[0:0::1]/",
            "https://münchen.example/",
        ] {
            let written = url::Url::parse(shorthand).expect("browsers read it");
            assert!(HttpUrl::parse(written.as_str()).is_ok(), "{written}");
        }
    }

    /// URL-shaped strings built from the pieces that make parsers disagree (each slot is
    /// usually a plain piece and otherwise a tricky one, so that some inputs pass), with a stray
    /// character (whitespace, a control, a non-ASCII letter) sometimes dropped in anywhere.
    fn tricky_url() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        use proptest::sample::select;
        fn slot(
            plain: Vec<&'static str>,
            tricky: Vec<&'static str>,
        ) -> impl Strategy<Value = &'static str> {
            prop_oneof![2 => select(plain), 1 => select(tricky)]
        }
        let parts = (
            slot(
                vec!["https", "http", "HtTpS"],
                vec!["javascript", "ftp", "", "h ttps", "java\tscript"],
            ),
            slot(
                vec!["://"],
                vec![":", ":/", ":///", ":\\\\", ":/\\", "://\t", "\t://"],
            ),
            slot(
                vec![""],
                vec!["user@", "@", "u:p@", "a%40b@", "example.com@"],
            ),
            slot(
                vec![
                    "example.com",
                    "EXAMPLE.com",
                    "example.com.",
                    "a-b.example",
                    "1a.example",
                    "exa_mple.com",
                    "127.0.0.1",
                    "[::1]",
                    "[::ffff:102:304]",
                    "[2001:DB8::1]",
                    "xn--mnchen-3ya.example",
                    "xn--zz.example",
                ],
                vec![
                    "0x7f.1",
                    "127.1",
                    "2130706433",
                    "1.2.3.04",
                    "1.2.3.4.",
                    "example.0x",
                    "example.123",
                    "[0:0::1]",
                    "[::ffff:1.2.3.4]",
                    "[fe80::1%25eth0]",
                    "münchen.example",
                    "ex%61mple.com",
                    "exa mple.com",
                    "exa(mple.com",
                    "a..b",
                    ".a",
                    "",
                ],
            ),
            slot(
                vec!["", ":443", ":8080"],
                vec![":", ":0", ":80", ":0080", ":65535", ":65536", ":x"],
            ),
            slot(
                vec!["", "/", "/news/a-story", "/../x"],
                vec![
                    "/a b",
                    "/\u{feff}x",
                    "/a\nb",
                    "/a\\b",
                    "/ü",
                    "\\evil.example",
                ],
            ),
            slot(
                vec!["", "?id=1", "#top"],
                vec!["?q=a b", "?a=1#b c", "#@evil.example"],
            ),
            (
                any::<usize>(),
                prop_oneof![
                    2 => Just(None),
                    1 => select(vec!['\t', '\n', ' ', '\u{1}', '\u{202e}', 'é', '@', '\\', '/', ':'])
                        .prop_map(Some),
                ],
            ),
        );
        parts.prop_map(|(scheme, sep, user, host, port, path, tail, (at, stray))| {
            let mut url = format!("{scheme}{sep}{user}{host}{port}{path}{tail}");
            if let Some(c) = stray {
                let mut at = at % (url.len() + 1);
                while !url.is_char_boundary(at) {
                    at -= 1;
                }
                url.insert(at, c);
            }
            url
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// What the app accepts on decode, a browser reads as an http(s) link without user
        /// information, going to the same host; `xn--` labels are the one thing the check cannot
        /// decode, and a browser either reads them alike or refuses the URL outright.
        #[test]
        fn whatever_we_accept_goes_where_a_browser_takes_it(input in tricky_url()) {
            if let Ok(ours) = HttpUrl::parse(&input) {
                match browser_host(&input) {
                    Some(host) => proptest::prop_assert_eq!(host, ours.host(), "{:?}", input),
                    None => proptest::prop_assert!(
                        ours.host().contains("xn--") && url::Url::parse(&input).is_err(),
                        "{:?} is refused or read otherwise by the browser", input
                    ),
                }
            }
        }

        /// Whatever a browser reads as a plain http(s) link, the form it writes is accepted:
        /// the URLs ingest stores always decode in the app.
        #[test]
        fn the_form_a_browser_writes_is_accepted(input in tricky_url()) {
            if let (Some(host), Ok(written)) = (browser_host(&input), url::Url::parse(&input)) {
                // A DNS-shaped name (one trailing dot allowed) or an IP address; the parser also
                // takes hosts no DNS name has (`a..b`, `exa(mple`), which the check refuses.
                let name = host.strip_suffix('.').unwrap_or(&host);
                let plain_host = host.starts_with('[')
                    || name.split('.').all(|label| {
                        !label.is_empty()
                            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
                    });
                if plain_host && written.port() != Some(0) {
                    let ours = HttpUrl::parse(written.as_str());
                    proptest::prop_assert!(ours.is_ok(), "{:?} written as {} refused: {:?}", input, written, ours);
                    proptest::prop_assert_eq!(ours.expect("checked").host(), host);
                }
            }
        }
    }

    #[test]
    fn reading_checks_again() {
        let bytes = postcard::to_allocvec(&"javascript:alert(1)".to_owned()).expect("encodes");
        assert_eq!(
            crate::wire::from_bytes::<HttpUrl>(&bytes).map(String::from),
            Err(crate::wire::WireError::Invalid(
                "a URL is not an http(s) link"
            ))
        );
        let good = postcard::to_allocvec(&"https://example.com/a".to_owned()).expect("encodes");
        assert_eq!(
            crate::wire::from_bytes::<HttpUrl>(&good).map(String::from),
            Ok("https://example.com/a".into())
        );
    }
}

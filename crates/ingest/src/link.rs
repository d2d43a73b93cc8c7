//! URLs as a browser reads them: every URL field goes through the WHATWG URL parser (the `url`
//! crate, which costs the wasm nothing because only the build runs it) and is stored in the form
//! that parser writes, then passes core's allowlist, which the app applies again on decode.
//!
//! So what a browser loads without complaint builds: spaces, byte-order marks and other
//! non-ASCII characters in the path, query and fragment are percent-encoded, tabs and newlines
//! are dropped, hosts are lowercased and IDNA-encoded, IPv4 shorthands are written out. A few
//! shapes the parser would take are still refused, because the page showing the link would give
//! them their meaning (`//host` borrows its scheme; `https:host` and `https:/path` resolve
//! against an https page) or because they disguise where a link goes (`user@host`).

use broadsheet_core::text::url::{HttpUrl, UrlError, MAX_URL_LEN};
use std::borrow::Cow;
use url::ParseError;

/// Reads `raw` (entities already decoded) as a browser would and returns it in the form the
/// browser writes, or why it is not an absolute http(s) link.
///
/// ```
/// use broadsheet_core::text::url::UrlError;
/// use broadsheet_ingest::link::parse;
/// let url = parse("https://Example.COM/Cooper SE1.jpeg").expect("a browser loads it");
/// assert_eq!(url.as_str(), "https://example.com/Cooper%20SE1.jpeg");
/// assert_eq!(parse("java\tscript:alert(1)"), Err(UrlError::Scheme("javascript".into())));
/// ```
pub fn parse(raw: &str) -> Result<HttpUrl, UrlError> {
    if raw.len() > MAX_URL_LEN {
        return Err(UrlError::TooLong(raw.len()));
    }
    let input = preprocess(raw);
    if input.is_empty() {
        return Err(UrlError::Empty);
    }
    if input.starts_with(['/', '\\']) && input[1..].starts_with(['/', '\\']) {
        return Err(UrlError::ProtocolRelative);
    }
    let Some((scheme, rest)) = split_scheme(&input) else {
        return Err(UrlError::Relative);
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(UrlError::Scheme(scheme));
    }
    let slashes = rest
        .bytes()
        .take_while(|&b| b == b'/' || b == b'\\')
        .count();
    match slashes {
        0 | 1 => return Err(UrlError::NoAuthority),
        2 => {}
        // `https:///path`: the parser would skip the slashes and take `path` as the host.
        _ => return Err(UrlError::NoHost),
    }
    let authority = rest[2..]
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or_default();
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    let (host, port) = host_and_port(authority);
    if host.is_empty() {
        return Err(UrlError::NoHost);
    }
    // The parser takes an empty port (`host:`) and port 0; neither is a place to link to.
    if let Some(port) = port {
        if port.is_empty()
            || (port.bytes().all(|b| b.is_ascii_digit()) && port.trim_start_matches('0').is_empty())
        {
            return Err(UrlError::BadPort(port.to_owned()));
        }
    }
    let parsed = url::Url::parse(&input).map_err(|err| match err {
        ParseError::EmptyHost => UrlError::NoHost,
        ParseError::InvalidPort => UrlError::BadPort(port.unwrap_or_default().to_owned()),
        ParseError::Overflow => UrlError::TooLong(input.len()),
        ParseError::RelativeUrlWithoutBase
        | ParseError::RelativeUrlWithCannotBeABaseBase
        | ParseError::SetHostOnCannotBeABaseUrl => UrlError::Relative,
        // The rest (invalid IPv4, IPv6, IDNA, a forbidden character) are the host's: the
        // checks above leave nothing else for the parser to refuse.
        _ => UrlError::BadHost(host.to_owned()),
    })?;
    let written = parsed.as_str();
    if written.len() > MAX_URL_LEN {
        return Err(UrlError::TooLong(written.len()));
    }
    // Core's check is narrower than the parser's (host characters a DNS name never has, such
    // as `(`); what it refuses could not be decoded by the app, so it is refused here.
    HttpUrl::parse(written)
}

/// The WHATWG parser's first steps: leading and trailing C0 controls and spaces are stripped,
/// tabs and newlines anywhere removed. The scheme and slashes are judged after them, as a
/// browser judges them, so `java\tscript:` is `javascript:`.
fn preprocess(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim_matches(|c| c <= ' ');
    if trimmed.contains(['\t', '\n', '\r']) {
        Cow::Owned(trimmed.replace(['\t', '\n', '\r'], ""))
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// Splits `scheme:rest` when the text before the first `:` is a scheme (a letter, then letters,
/// digits, `+`, `-`, `.`); otherwise the URL is relative.
fn split_scheme(input: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = input.split_once(':')?;
    let mut bytes = scheme.bytes();
    let first = bytes.next()?;
    (first.is_ascii_alphabetic() && bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)))
        .then_some((scheme, rest))
}

/// Splits `host:port` as the parser does: the first `:` outside brackets starts the port.
fn host_and_port(authority: &str) -> (&str, Option<&str>) {
    let search_from = if authority.starts_with('[') {
        authority.find(']').map_or(authority.len(), |end| end + 1)
    } else {
        0
    };
    match authority[search_from..].find(':') {
        Some(at) => {
            let at = search_from + at;
            (&authority[..at], Some(&authority[at + 1..]))
        }
        None => (authority, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_browsers_load_and_writes_it_encoded() {
        let cases: &[(&str, &str)] = &[
            // The shapes real feeds carry (hosts rewritten to reserved names).
            (
                "https://www.example.com/sites/default/files/styles/large/public/Cooper SE1.jpeg",
                "https://www.example.com/sites/default/files/styles/large/public/Cooper%20SE1.jpeg",
            ),
            (
                "https://cdni.example.org/ExtraImages/20220602061444_Slavia for story image.jpg",
                "https://cdni.example.org/ExtraImages/20220602061444_Slavia%20for%20story%20image.jpg",
            ),
            (
                "https://example.org/wp-content/uploads/2022/01/\u{feff}The-University-of-Manchester.jpg",
                "https://example.org/wp-content/uploads/2022/01/%EF%BB%BFThe-University-of-Manchester.jpg",
            ),
            (
                "https://cdn.example.com/images/237398-ai-nanny.jpg, which can monitor a…",
                "https://cdn.example.com/images/237398-ai-nanny.jpg,%20which%20can%20monitor%20a%E2%80%A6",
            ),
            // Query and fragment are encoded by their own rules; `&` and `=` stay.
            (
                "https://example.com/s?q=a b&x=é#part two",
                "https://example.com/s?q=a%20b&x=%C3%A9#part%20two",
            ),
            // Hosts: lowercased, IDNA-encoded, IPv4 shorthands and IPv6 written out.
            ("HTTPS://News.EXAMPLE.com/A", "https://news.example.com/A"),
            (
                "https://münchen.example/straße",
                "https://xn--mnchen-3ya.example/stra%C3%9Fe",
            ),
            ("https://0x7f.1/x", "https://127.0.0.1/x"),
            ("https://[0:0::1]/x", "https://[::1]/x"),
            ("https://[::1]", "https://[::1]/"),
            // Tabs and newlines vanish; surrounding spaces and controls are trimmed.
            ("https://exa\tmple.com/a\nb", "https://example.com/ab"),
            ("\u{1} https://example.com/ ", "https://example.com/"),
            // Backslashes are slashes in http(s) URLs; default ports go; dot segments resolve.
            ("https:\\\\example.com\\a\\b", "https://example.com/a/b"),
            ("https://example.com:443/a/../b", "https://example.com/b"),
            ("http://example.com:8080", "http://example.com:8080/"),
            // Already in the written form: unchanged.
            (
                "https://example.com/a%20b?c=%C3%A9#d",
                "https://example.com/a%20b?c=%C3%A9#d",
            ),
        ];
        for (input, written) in cases {
            assert_eq!(
                parse(input).map(String::from).as_deref(),
                Ok(*written),
                "{input:?}"
            );
        }
    }

    #[test]
    fn every_existing_rule_still_holds() {
        let cases: &[(&str, UrlError)] = &[
            ("", UrlError::Empty),
            (" \t", UrlError::Empty),
            ("javascript:alert(1)", UrlError::Scheme("javascript".into())),
            ("JaVaScRiPt:alert(1)", UrlError::Scheme("javascript".into())),
            (
                "java\tscript:alert(1)",
                UrlError::Scheme("javascript".into()),
            ),
            (
                "java\nscript:alert(1)",
                UrlError::Scheme("javascript".into()),
            ),
            (
                "\u{1}javascript:alert(1)",
                UrlError::Scheme("javascript".into()),
            ),
            (
                " javascript:alert(1)",
                UrlError::Scheme("javascript".into()),
            ),
            ("data:text/html,<script>", UrlError::Scheme("data".into())),
            ("vbscript:msgbox", UrlError::Scheme("vbscript".into())),
            ("file:///etc/passwd", UrlError::Scheme("file".into())),
            ("javascript%3Aalert(1)", UrlError::Relative),
            ("/assets/logo.png", UrlError::Relative),
            ("logo.png", UrlError::Relative),
            ("//cdn.example.com/x.png", UrlError::ProtocolRelative),
            ("\\\\cdn.example.com/x.png", UrlError::ProtocolRelative),
            ("https:example.com", UrlError::NoAuthority),
            ("https:/example.com", UrlError::NoAuthority),
            ("https://", UrlError::NoHost),
            ("https:///path", UrlError::NoHost),
            ("https://:80/", UrlError::NoHost),
            ("https://user:pass@example.com/", UrlError::UserInfo),
            ("https://@example.com/", UrlError::UserInfo),
            ("https://example.com\t@evil.example/", UrlError::UserInfo),
            ("https://example.com:0/", UrlError::BadPort("0".into())),
            ("https://example.com:000/", UrlError::BadPort("000".into())),
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
                "https://exa mple.com/",
                UrlError::BadHost("exa mple.com".into()),
            ),
            (
                "https://exa\u{202E}mple.com/",
                UrlError::BadHost("exa\u{202E}mple.com".into()),
            ),
            (
                "https://exa(mple.com/",
                UrlError::BadHost("exa(mple.com".into()),
            ),
            (
                "https://.example.com/",
                UrlError::BadHost(".example.com".into()),
            ),
            (
                "https://example.123/",
                UrlError::BadHost("example.123".into()),
            ),
            ("https://[1:2]/", UrlError::BadHost("[1:2]".into())),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input).as_ref(), Err(want), "{input:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(parse(&long), Err(UrlError::TooLong(long.len())));
        let grows = format!("https://example.com/{}", "a ".repeat(MAX_URL_LEN / 3));
        assert!(matches!(parse(&grows), Err(UrlError::TooLong(_))));
    }

    /// Feed-like URLs: a scheme, separator, host and path from pieces real and hostile feeds
    /// use, then up to three characters from a mix of whitespace, controls, BOMs, non-ASCII
    /// letters and URL delimiters dropped in anywhere.
    fn feed_url() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        use proptest::sample::select;
        let pieces = (
            select(vec!["https", "http", "HTTPS", "javascript", "ftp", ""]),
            select(vec!["://", "://", "://", ":", ":/", ":///", ":\\\\", "//"]),
            select(vec![
                "www.example.com",
                "Example.COM",
                "münchen.example",
                "0x7f.1",
                "[0:0::1]",
                "127.0.0.1:8080",
                "user@example.com",
                "example.com:0",
                "exa mple.com",
                "",
            ]),
            select(vec![
                "",
                "/",
                "/a/Cooper SE1.jpeg",
                "/x/\u{feff}The-University.jpg",
                "/a.jpg, which can monitor a…",
                "/s?q=a b#c d",
                "/a/../b/./c",
                "\\a\\b",
            ]),
            proptest::collection::vec(
                (
                    any::<usize>(),
                    select(vec![
                        '\t', '\n', '\r', ' ', '\u{0}', '\u{1}', '\u{7f}', '\u{a0}', '\u{feff}',
                        '\u{202e}', 'é', '…', '%', '#', '?', '@', ':', '/', '\\', '[', '"', '<',
                    ]),
                ),
                0..3,
            ),
        );
        pieces.prop_map(|(scheme, sep, host, path, strays)| {
            let mut url = format!("{scheme}{sep}{host}{path}");
            for (at, c) in strays {
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

        /// What is stored is exactly what a browser makes of the URL as written, in a form that
        /// reads back unchanged, with the host core names; so the app's check on decode, the
        /// browser and the build all mean the same link.
        #[test]
        fn stores_what_a_browser_makes_of_it(input in feed_url()) {
            if let Ok(ours) = parse(&input) {
                let browser = url::Url::parse(&input).expect("a browser reads what we accept");
                proptest::prop_assert_eq!(ours.as_str(), browser.as_str());
                let again = url::Url::parse(ours.as_str()).expect("the written form reads back");
                proptest::prop_assert_eq!(again.as_str(), ours.as_str());
                proptest::prop_assert_eq!(again.host_str().map(str::to_owned), Some(ours.host()));
                proptest::prop_assert!(matches!(again.scheme(), "http" | "https"));
                proptest::prop_assert!(again.username().is_empty() && again.password().is_none());
            }
        }
    }
}

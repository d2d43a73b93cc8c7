//! URL normalisation: the key that decides whether two links are the same story.
//!
//! The related-stories graph ([`crate::index::stories`]) matches a related entry to a bundled
//! article by comparing these keys, so links that differ only in ways a reader would never notice
//! (case of the host, `www.`, a default port, a fragment, tracking parameters, a trailing slash,
//! http versus https) meet in one node.
//!
//! A key is not a link: it has no scheme when the scheme is http or https and must never be put
//! in an `href`. Show the [`crate::text::url::HttpUrl`] it came from instead.

use std::borrow::Cow;

/// Query parameters that only say how a reader arrived, never which page they asked for.
/// Compared case-insensitively; every `utm_*` parameter is dropped as well.
const TRACKING_PARAMETERS: [&str; 2] = ["fbclid", "gclid"];

/// The comparison key of a URL.
///
/// Two URLs are the same story when their keys are equal. The key:
/// - drops the scheme when it is `http` or `https`, because a site that moved to https still
///   publishes the same article and feeds mix the two freely (other schemes stay, lowercased,
///   so they never collide with a web page);
/// - lowercases the host and drops one leading `www.` and a trailing `.`;
/// - drops the port when it is the scheme's default (80 for http, 443 for https) and writes
///   other ports without leading zeros;
/// - drops the fragment and any user information;
/// - drops `utm_*`, `fbclid` and `gclid` query parameters and empty ones, keeping the others in
///   their order, and drops the `?` when nothing is left;
/// - resolves `.` and `..` path segments, uppercases percent-escapes and decodes the ones that
///   stand for unreserved characters (RFC 3986 §6.2.2), and drops trailing slashes, so
///   `https://a.example/` and `https://a.example` are equal.
///
/// Paths and query values keep their case: servers may treat `/A` and `/a` as different pages.
/// The function is total: text that is not a URL still gets a key (trimmed, and normalised as
/// far as it looks like one).
///
/// ```
/// use broadsheet_core::text::normal_url::normalise;
/// assert_eq!(
///     normalise("HTTP://WWW.Example.COM:80/News/?utm_source=x&id=7#top"),
///     normalise("https://example.com/News?id=7"),
/// );
/// assert_ne!(normalise("https://example.com/a"), normalise("https://example.com/A"));
/// ```
#[must_use]
pub fn normalise(url: &str) -> String {
    // Byte-wise trimming and case-insensitive comparisons rather than `trim` and lowercased
    // copies: this runs on every URL of the collection at build time.
    let url = url.trim_ascii();
    let url = url.split_once('#').map_or(url, |(before, _)| before);
    let (scheme, rest) = match split_scheme(url) {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, url.strip_prefix("//").unwrap_or(url)),
    };
    let authority_end = rest
        .bytes()
        .position(|b| b == b'/' || b == b'?')
        .unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_end);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));

    let is = |name: &str| scheme.is_some_and(|s| s.eq_ignore_ascii_case(name));
    let default_ports: &[&str] = match scheme {
        // Without a scheme either default could have been meant.
        None => &["80", "443"],
        Some(_) if is("http") => &["80"],
        Some(_) if is("https") => &["443"],
        Some(_) => &[],
    };
    let mut key = String::with_capacity(url.len());
    if let Some(scheme) = scheme.filter(|_| !is("http") && !is("https")) {
        push_lowercase(&mut key, scheme);
        key.push_str("://");
    }
    push_authority(&mut key, authority, default_ports);
    push_path(&mut key, path);
    push_query(&mut key, query);
    key
}

/// The comparison key of a host name: lowercased, without one leading `www.` or a trailing `.`.
/// Provider domains go through this too, so `www.example.com` and `Example.com` are one outlet.
#[must_use]
pub fn normalise_host(host: &str) -> String {
    let mut key = String::with_capacity(host.len());
    push_host(&mut key, host);
    key
}

fn push_host(key: &mut String, host: &str) {
    let host = host.trim_ascii();
    let host = &host[..host.bytes().rposition(|b| b != b'.').map_or(0, |i| i + 1)];
    let host = match host.get(..4) {
        Some(www) if www.eq_ignore_ascii_case("www.") && host.len() > 4 => &host[4..],
        _ => host,
    };
    push_lowercase(key, host);
}

fn push_lowercase(key: &mut String, text: &str) {
    // Nearly all of it is ASCII, which lowercases in place without Unicode tables.
    if text.is_ascii() {
        let start = key.len();
        key.push_str(text);
        key[start..].make_ascii_lowercase();
    } else {
        key.push_str(&text.to_lowercase());
    }
}

/// Splits `scheme://rest` when the part before `://` is a syntactically valid scheme.
fn split_scheme(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let mut bytes = scheme.bytes();
    let first = bytes.next()?;
    (first.is_ascii_alphabetic() && bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)))
        .then_some((scheme, rest))
}

fn push_authority(key: &mut String, authority: &str, default_ports: &[&str]) {
    // User information never names a different page, and HttpUrl refuses it anyway.
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let (host, port) = split_port(host_port);
    push_host(key, host);
    let Some(port) = port else { return };
    let numeric = port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty();
    let port = if numeric {
        let digits = port.trim_start_matches('0');
        if digits.is_empty() {
            "0"
        } else {
            digits
        }
    } else {
        port
    };
    if !default_ports.contains(&port) && !port.is_empty() {
        key.push(':');
        key.push_str(port);
    }
}

/// Splits `host:port`, leaving an IPv6 literal's colons alone.
fn split_port(host_port: &str) -> (&str, Option<&str>) {
    if host_port.starts_with('[') {
        if let Some(end) = host_port.find(']') {
            let (host, after) = host_port.split_at(end + 1);
            return (host, after.strip_prefix(':'));
        }
        return (host_port, None);
    }
    match host_port.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (host_port, None),
    }
}

fn push_path(key: &mut String, path: &str) {
    let path = normalise_escapes(path);
    let base = key.len();
    // The path starts at its first `/` (or is empty), so the text before it is always empty.
    for segment in path.split('/').skip(1) {
        match segment {
            "." => {}
            ".." => {
                if let Some(cut) = key[base..].rfind('/') {
                    key.truncate(base + cut);
                }
            }
            _ => {
                key.push('/');
                key.push_str(segment);
            }
        }
    }
    while key.len() > base && key.ends_with('/') {
        key.pop();
    }
}

fn push_query(key: &mut String, query: &str) {
    let mut first = true;
    for parameter in query.split('&').filter(|p| !p.is_empty()) {
        let name = parameter.split_once('=').map_or(parameter, |(n, _)| n);
        if is_tracking(&normalise_escapes(name)) {
            continue;
        }
        key.push(if first { '?' } else { '&' });
        first = false;
        key.push_str(&normalise_escapes(parameter));
    }
}

fn is_tracking(name: &str) -> bool {
    name.as_bytes()
        .get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"utm_"))
        || TRACKING_PARAMETERS
            .iter()
            .any(|t| name.eq_ignore_ascii_case(t))
}

/// Uppercases the hex digits of percent-escapes and decodes escapes of unreserved characters,
/// so `%7e`, `%7E` and `~` compare equal while `%2F` stays distinct from `/`.
fn normalise_escapes(text: &str) -> Cow<'_, str> {
    // Most URLs have no escapes at all; they are compared without copying.
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push_str(&text[copied..i]);
                let byte = hi * 16 + lo;
                if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                    out.push(char::from(byte));
                } else {
                    out.push('%');
                    out.push(char::from(bytes[i + 1].to_ascii_uppercase()));
                    out.push(char::from(bytes[i + 2].to_ascii_uppercase()));
                }
                i += 3;
                copied = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .map(|d| u8::try_from(d).expect("a hex digit is below 16"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_stories_get_equal_keys() {
        let cases: &[(&str, &str)] = &[
            // Scheme and host case.
            ("HTTPS://EXAMPLE.COM/a", "https://example.com/a"),
            ("https://News.Example.Org/a", "https://news.example.org/a"),
            // http and https are one story.
            ("http://example.com/a", "https://example.com/a"),
            // www.
            ("https://www.example.com/a", "https://example.com/a"),
            ("https://WWW.example.com/a", "https://example.com/a"),
            // Default ports, by scheme.
            ("http://example.com:80/a", "https://example.com/a"),
            ("https://example.com:443/a", "https://example.com/a"),
            ("https://example.com:0443/a", "https://example.com/a"),
            // Fragments.
            ("https://example.com/a#comments", "https://example.com/a"),
            ("https://example.com/a#", "https://example.com/a"),
            (
                "https://example.com/a?id=1#x?y=2",
                "https://example.com/a?id=1",
            ),
            // Tracking parameters, other parameters kept in order.
            (
                "https://example.com/a?utm_source=feed&utm_medium=rss",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?id=7&utm_campaign=x&page=2",
                "https://example.com/a?id=7&page=2",
            ),
            ("https://example.com/a?fbclid=abc", "https://example.com/a"),
            (
                "https://example.com/a?gclid=abc&x=1",
                "https://example.com/a?x=1",
            ),
            (
                "https://example.com/a?UTM_Source=x",
                "https://example.com/a",
            ),
            ("https://example.com/a?FBCLID", "https://example.com/a"),
            (
                "https://example.com/a?utm%5Fsource=x",
                "https://example.com/a",
            ),
            ("https://example.com/a?", "https://example.com/a"),
            (
                "https://example.com/a?&&id=1&",
                "https://example.com/a?id=1",
            ),
            // Trailing slashes.
            ("https://a.example/", "https://a.example"),
            ("https://a.example/news/", "https://a.example/news"),
            ("https://a.example/news//", "https://a.example/news"),
            ("https://a.example/?id=1", "https://a.example?id=1"),
            (
                "https://a.example/news/?id=1",
                "https://a.example/news?id=1",
            ),
            // Dot segments.
            ("https://a.example/x/./y", "https://a.example/x/y"),
            ("https://a.example/x/../y", "https://a.example/y"),
            ("https://a.example/../y", "https://a.example/y"),
            // Percent-escapes.
            ("https://a.example/%7euser", "https://a.example/~user"),
            ("https://a.example/caf%c3%a9", "https://a.example/caf%C3%A9"),
            ("https://a.example/a?q=%2f", "https://a.example/a?q=%2F"),
            // Host details.
            ("https://example.com./a", "https://example.com/a"),
            ("https://MÜNCHEN.example/a", "https://münchen.example/a"),
            ("https://user@example.com/a", "https://example.com/a"),
            ("  https://example.com/a  ", "https://example.com/a"),
            // Everything at once.
            (
                "HTTP://WWW.Example.COM:80/News/?utm_source=x&id=7#top",
                "https://example.com/News?id=7",
            ),
        ];
        for (a, b) in cases {
            assert_eq!(normalise(a), normalise(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn different_stories_keep_different_keys() {
        let cases: &[(&str, &str)] = &[
            ("https://example.com/a", "https://example.com/A"),
            ("https://example.com/a", "https://example.com/b"),
            ("https://example.com/a", "https://example.org/a"),
            ("https://example.com/a", "https://news.example.com/a"),
            ("https://example.com:8080/a", "https://example.com/a"),
            ("http://example.com:443/a", "https://example.com/a"),
            ("https://example.com/a?id=1", "https://example.com/a?id=2"),
            (
                "https://example.com/a?id=1&p=2",
                "https://example.com/a?p=2&id=1",
            ),
            ("https://example.com/a?ID=1", "https://example.com/a?id=1"),
            ("https://example.com/a?utm=1", "https://example.com/a"),
            ("https://example.com/a%2Fb", "https://example.com/a/b"),
            ("https://example.com/a//b", "https://example.com/a/b"),
            ("https://wwwexample.com/a", "https://example.com/a"),
            ("ftp://example.com/a", "https://example.com/a"),
            ("https://[2001:db8::1]/a", "https://[2001:db8::2]/a"),
        ];
        for (a, b) in cases {
            assert_ne!(normalise(a), normalise(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn keys_read_as_host_path_and_query() {
        let cases: &[(&str, &str)] = &[
            ("https://www.Example.com/", "example.com"),
            (
                "http://example.com:8080/a/?b=1&utm_x=2",
                "example.com:8080/a?b=1",
            ),
            ("https://[2001:DB8::1]:443/x", "[2001:db8::1]/x"),
            ("https://www./x", "www/x"),
            ("FTP://Example.com/x", "ftp://example.com/x"),
            ("example.com/x/", "example.com/x"),
            ("//example.com:443/x", "example.com/x"),
            ("", ""),
            ("#", ""),
            ("https://example.com/a%", "example.com/a%"),
            ("https://example.com/a%4", "example.com/a%4"),
            ("https://example.com/%41%zz", "example.com/A%zz"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise(input), *want, "{input:?}");
        }
    }

    #[test]
    fn is_idempotent() {
        for url in [
            "HTTP://WWW.Example.COM:80/News/?utm_source=x&id=7#top",
            "https://a.example/x/../y/%7e?q=%2f",
            "ftp://Example.com:21/x/",
            "https://example.com:8080",
        ] {
            let once = normalise(url);
            assert_eq!(normalise(&once), once, "{url:?}");
        }
    }

    #[test]
    fn provider_domains_compare_like_hosts() {
        assert_eq!(normalise_host("WWW.Example.com."), "example.com");
        assert_eq!(normalise_host("example.com"), "example.com");
        assert_eq!(normalise_host("www."), "www");
    }
}

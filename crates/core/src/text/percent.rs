//! Percent-encoding for the URL hash, shared by the page path ([`crate::view::route`]) and the
//! view's query string ([`crate::view::fragment`]), so both read and write escapes the same way.

use std::fmt::Write as _;

/// Appends `text` with every byte other than RFC 3986's unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) percent-encoded, so the result survives any browser untouched.
///
/// ```
/// let mut out = String::new();
/// broadsheet_core::text::percent::encode_into("café 100%/x", &mut out);
/// assert_eq!(out, "caf%C3%A9%20100%25%2Fx");
/// ```
pub fn encode_into(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            write!(out, "%{byte:02X}").expect("writing to a String cannot fail");
        }
    }
}

/// Text read from percent-encoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// True when the input held a `%` not followed by two hex digits, or escapes that do not
    /// form UTF-8.
    pub malformed: bool,
}

/// Decodes `%XX` escapes. Decoding is total: a `%` not followed by two hex digits is kept as
/// written, and bytes that do not form UTF-8 become U+FFFD; either sets
/// [`Decoded::malformed`]. `+` is left alone (it is a space only in query strings).
///
/// ```
/// use broadsheet_core::text::percent::decode;
/// assert_eq!(decode("caf%C3%A9").text, "café");
/// let odd = decode("100%");
/// assert_eq!((odd.text.as_str(), odd.malformed), ("100%", true));
/// ```
#[must_use]
pub fn decode(text: &str) -> Decoded {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut malformed = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let escaped = match bytes.get(i + 1..i + 3) {
                Some(&[hi, lo]) => hex_value(hi).zip(hex_value(lo)).map(|(h, l)| (h << 4) | l),
                _ => None,
            };
            if let Some(byte) = escaped {
                out.push(byte);
                i += 3;
                continue;
            }
            malformed = true;
        }
        out.push(bytes[i]);
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(text) => Decoded { text, malformed },
        Err(e) => Decoded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            malformed: true,
        },
    }
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_keeps_what_is_not_one() {
        let cases = [
            ("plain", "plain", false),
            ("a%20b", "a b", false),
            ("caf%c3%a9", "café", false),
            ("a+b", "a+b", false),
            ("100%", "100%", true),
            ("%zz%4", "%zz%4", true),
            ("%+1", "%+1", true),
            ("%FF", "\u{FFFD}", true),
            ("%E0%A4%A", "\u{FFFD}%A", true),
            ("é%C3", "é\u{FFFD}", true),
        ];
        for (input, text, malformed) in cases {
            assert_eq!(
                decode(input),
                Decoded {
                    text: text.into(),
                    malformed
                },
                "{input:?}"
            );
        }
    }

    #[test]
    fn encodes_all_but_unreserved_and_round_trips() {
        let mut out = String::new();
        encode_into("aZ09-._~ /?#&=,+%", &mut out);
        assert_eq!(out, "aZ09-._~%20%2F%3F%23%26%3D%2C%2B%25");
        for text in ["", "日本語", "<script>", "%41", "a\u{0}b"] {
            let mut out = String::new();
            encode_into(text, &mut out);
            assert_eq!(decode(&out).text, text);
        }
    }
}

//! Small text helpers the generator needs: dates, slugs, base64, YAML string quoting.
//!
//! Written by hand to keep the crate dependency-free (see `Cargo.toml`).

use std::fmt::Write as _;

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
#[must_use]
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1–12, day 1–31) of a day count since 1970-01-01.
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Formats Unix seconds as RFC 3339 in UTC with a `Z` offset, like the reference article:
/// `2022-08-03T06:23:00Z`.
#[must_use]
pub fn rfc3339(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(DAY));
    let s = seconds.rem_euclid(DAY);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// A URL- and file-name-safe slug of at most `max` bytes: ASCII letters and digits in lower
/// case, runs of anything else turned into one `-`, cut at a word boundary.
#[must_use]
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            // The only accented letters in the word lists; folding keeps "Évora" readable.
            'é' | 'É' => 'e',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Port Alder's" reads better as "port-alders" than "port-alder-s".
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > max {
        let cut = out[..=max].rfind('-').filter(|&i| i > 0).unwrap_or(max);
        out.truncate(cut);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// `text` with its first letter in upper case.
#[must_use]
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Standard base64 with `=` padding, the encoding of the `secured` field.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    // Bytes first, one conversion at the end: pushing chars one by one was the generator's
    // hottest loop under the workspace's size-optimized release profile.
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let quad = [18, 12, 6, 0].map(|shift| ALPHABET[(n >> shift & 63) as usize]);
        out.extend_from_slice(&quad[..=chunk.len()]);
        out.extend_from_slice(&b"=="[..3 - chunk.len()]);
    }
    String::from_utf8(out).expect("the base64 alphabet is ASCII")
}

/// Appends `text` as a YAML double-quoted scalar.
///
/// Every string the generator writes goes through here, so no title can break the YAML: `"` and
/// `\` are escaped, and so is anything a YAML reader would fold, strip or reject (line breaks,
/// tabs, other control characters, the Unicode line separators and the byte-order mark).
pub fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    // Scan bytes and copy runs of ordinary text as slices: this is the generator's hottest loop.
    // Everything that needs an escape is ASCII or starts with lead byte C2 (C1 controls), E2
    // (U+2028, U+2029) or EF (U+FEFF); lead bytes and ASCII are always char boundaries.
    let bytes = text.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(
            bytes[i],
            0x00..=0x1F | b'"' | b'\\' | 0x7F | 0xC2 | 0xE2 | 0xEF
        ) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') => "",
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[run_start..i]);
        if escape.is_empty() {
            write!(out, "\\u{:04X}", u32::from(c)).expect("writing to a String cannot fail");
        } else {
            out.push_str(escape);
        }
        i += c.len_utf8();
        run_start = i;
    }
    out.push_str(&text[run_start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for days in [-1, 0, 10_957, 19_207, 19_723, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(
            days_from_civil(2024, 2, 29) + 1,
            days_from_civil(2024, 3, 1)
        );
    }

    #[test]
    fn formats_like_the_reference_article() {
        let t = days_from_civil(2022, 8, 3) * DAY + 6 * 3600 + 23 * 60;
        assert_eq!(rfc3339(t), "2022-08-03T06:23:00Z");
    }

    #[test]
    fn slugs_are_short_lowercase_and_dashed() {
        assert_eq!(
            slug("Port Alder's tram line — again!", 80),
            "port-alders-tram-line-again"
        );
        assert_eq!(slug("Sankt Évora council", 80), "sankt-evora-council");
        assert_eq!(slug("one two three", 9), "one-two");
        assert_eq!(slug("“”", 9), "");
    }

    #[test]
    fn base64_matches_the_standard_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn quoting_escapes_what_yaml_needs() {
        let mut s = String::new();
        push_quoted(&mut s, "say \"hi\" \\ now\n\u{2028}ok\u{85}–é\u{7}\u{FEFF}");
        assert_eq!(s, r#""say \"hi\" \\ now\n\u2028ok\u0085–é\u0007\uFEFF""#);
    }
}

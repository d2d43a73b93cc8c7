//! JSON for the two places the app meets it: reading and writing the saved views file, and
//! writing the JSON export. A small reader and writer of our own rather than serde_json, whose
//! generic parser, value type and float writer cost the wasm about 30 kB for two small files.
//!
//! The reader takes any JSON text (RFC 8259), nested at most [`MAX_DEPTH`] deep, and reports
//! where the text stops being JSON in serde_json's words (`expected value at line 1 column 1`),
//! so messages stay as readers have seen them. Numbers are kept as written: the files need only
//! whole numbers of them, which [`Number::as_u64`] and [`Number::as_i64`] read exactly (so a
//! number beyond `f64`'s range, `1e400`, which serde_json refuses, reads here as no whole
//! number).

use std::fmt;

/// How deep arrays and objects may nest: a hostile file cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members in file order (see [`Json::get`] for repeated names).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object's member named `key`; the last one when the name repeats, as serde_json reads
    /// it. `None` for a value that is not an object.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Self::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }
}

/// A JSON number's text, checked against the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number when it is written as a whole number from 0 to `u64::MAX`.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The number when it is written as a whole number in `i64`'s range (`-0` is not: serde_json
    /// reads it as a float).
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        (self.0 != "-0").then(|| self.0.parse().ok()).flatten()
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a text is not JSON, and where: line and column (in bytes, from 1; column 0 on an empty
/// line) as serde_json counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    what: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

/// Reads `text` as one JSON value, with nothing but whitespace around it.
///
/// # Errors
/// When it is not JSON, or nests deeper than [`MAX_DEPTH`].
pub fn parse(text: &str) -> Result<Json, Error> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.space();
    if reader.at < reader.text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    /// An error at the byte being read (or the end), as serde_json places it: the column of
    /// that byte, counted from 1.
    fn error(&self, what: &'static str) -> Error {
        self.error_at(what, self.text.len().min(self.at + 1))
    }

    /// An error after the bytes read so far (serde_json's place for a bad escape once read).
    fn error_after(&self, what: &'static str) -> Error {
        self.error_at(what, self.at)
    }

    fn error_at(&self, what: &'static str, end: usize) -> Error {
        let before = &self.text[..end];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error {
            what,
            line: 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count(),
            column: end - line_start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, Error> {
        self.space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, Error> {
        for &b in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(c) if c == b => self.at += 1,
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json, Error>) -> Result<Json, Error> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Json, Error> {
        let mut items = Vec::new();
        self.space();
        if self.peek().is_none() {
            return Err(self.error("EOF while parsing a list"));
        }
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.comma_or(b']', "EOF while parsing a list", "expected `,` or `]`")? {
                return Ok(Json::Array(items));
            }
        }
    }

    /// After a list item or an object member: true at `close` (read), false at a comma (read).
    fn comma_or(
        &mut self,
        close: u8,
        eof: &'static str,
        expected: &'static str,
    ) -> Result<bool, Error> {
        self.space();
        match self.peek() {
            None => Err(self.error(eof)),
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            Some(_) => Err(self.error(expected)),
        }
    }

    fn object(&mut self) -> Result<Json, Error> {
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            match self.peek() {
                None => return Err(self.error("EOF while parsing an object")),
                Some(b'"') => {}
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.space();
            match self.peek() {
                None => return Err(self.error("EOF while parsing an object")),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error("expected `:`")),
            }
            members.push((key, self.value()?));
            if self.comma_or(b'}', "EOF while parsing an object", "expected `,` or `}`")? {
                return Ok(Json::Object(members));
            }
        }
    }

    /// Digits after a number's `.` or exponent, of which there must be one at least.
    fn some_digits(&mut self) -> Result<(), Error> {
        if self.digits() > 0 {
            Ok(())
        } else if self.peek().is_some() {
            Err(self.error("invalid number"))
        } else {
            Err(self.error("EOF while parsing a value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, Error> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        let text = std::str::from_utf8(&self.text[start..self.at])
            .expect("a number is ASCII digits and signs");
        Ok(Json::Number(Number(text.to_owned())))
    }

    /// A string, the reader on its opening quote.
    fn string(&mut self) -> Result<String, Error> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    self.at += 1;
                    // Only whole UTF-8 sequences of the text and encoded chars were copied.
                    return Ok(String::from_utf8(out).expect("UTF-8 in, UTF-8 out"));
                }
                b'\\' => {
                    self.at += 1;
                    let c = self.escape()?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1f => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                _ => {
                    out.push(b);
                    self.at += 1;
                }
            }
        }
    }

    /// The character an escape stands for, the reader after its backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex()?;
                match unit {
                    0xD800..=0xDBFF => {
                        if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                            return Err(self.error("unexpected end of hex escape"));
                        }
                        self.at += 2;
                        let low = self.hex()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error_after("lone leading surrogate in hex escape"));
                        }
                        let c = 0x10000
                            + ((u32::from(unit) - 0xD800) << 10)
                            + (u32::from(low) - 0xDC00);
                        char::from_u32(c).expect("a surrogate pair is a scalar value")
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error_after("lone leading surrogate in hex escape"))
                    }
                    _ => char::from_u32(u32::from(unit)).expect("not a surrogate"),
                }
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex(&mut self) -> Result<u16, Error> {
        let Some(digits) = self.text.get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 4;
        digits
            .iter()
            .try_fold(0, |unit, &b| Some(unit * 16 + char::from(b).to_digit(16)?))
            .map(|unit| u16::try_from(unit).expect("four hex digits fit 16 bits"))
            .ok_or_else(|| self.error_after("invalid escape"))
    }
}

/// Writes `text` as a JSON string, quoted, escaping what JSON must (quote, backslash, control
/// characters) as serde_json does, and also `<`, U+2028 and U+2029, so the text is safe pasted
/// into an HTML `<script>` block or a JavaScript string.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' | '<' | '\u{2028}' | '\u{2029}' => {
                out.push_str("\\u");
                let code = u32::from(c);
                for shift in [12, 8, 4, 0] {
                    let digit = char::from_digit((code >> shift) & 0xf, 16);
                    out.push(digit.expect("a nibble is a hex digit"));
                }
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        parse(text).expect_err("not JSON").to_string()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-12.5e+3",
            "1E-2",
            "18446744073709551615",
            "18446744073709551616",
            r#""plain""#,
            r#""esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 \u2028""#,
            "\"héllo 😀\"",
            "[]",
            "[1, [2, []], {}]",
            r#"{"a": 1, "b": {"c": [true, null]}, "a": 2}"#,
            "\n\t{ \"k\" :\r\n\"v\" }\n",
        ];
        for text in texts {
            let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let theirs: serde_json::Value =
                serde_json::from_str(text).expect("serde_json reads it");
            assert_eq!(to_serde(&ours), theirs, "{text}");
        }
    }

    fn to_serde(value: &Json) -> serde_json::Value {
        match value {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Number(n) => serde_json::from_str(&n.0).expect("a JSON number"),
            Json::String(s) => serde_json::Value::String(s.clone()),
            Json::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
            Json::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_serde(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn the_last_of_repeated_names_counts() {
        let value = parse(r#"{"a": 1, "a": 2}"#).expect("JSON");
        assert_eq!(
            value.get("a").and_then(|n| match n {
                Json::Number(n) => n.as_u64(),
                _ => None,
            }),
            Some(2)
        );
        assert_eq!(value.get("b"), None);
        assert_eq!(parse("[]").expect("JSON").get("a"), None);
    }

    #[test]
    fn whole_numbers_are_read_exactly() {
        let number = |text: &str| match parse(text) {
            Ok(Json::Number(n)) => n,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(number("18446744073709551616").as_u64(), None);
        assert_eq!(number("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert_eq!(number("9223372036854775808").as_i64(), None);
        assert_eq!(number("-5").as_u64(), None);
        assert_eq!(number("-5").as_i64(), Some(-5));
        assert_eq!(number("-0").as_i64(), None);
        assert_eq!(number("0").as_i64(), Some(0));
        for fraction in ["1.0", "1e3", "1E3", "2.5"] {
            assert_eq!(number(fraction).as_u64(), None, "{fraction}");
            assert_eq!(number(fraction).as_i64(), None, "{fraction}");
        }
        assert_eq!(number("12.5e-3").to_string(), "12.5e-3");
    }

    #[test]
    fn says_where_the_text_stops_being_json_as_serde_json_does() {
        let texts = [
            "",
            "   ",
            "# my views",
            "{\"views\": [",
            "{\"views\": [1,",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1 \"b\"}",
            "{1: 2}",
            "{\"a\"",
            "{",
            "[",
            "nul",
            "nulx",
            "tru",
            "01",
            "-",
            "-x",
            "1.",
            "1.x",
            "1e",
            "1e+",
            "1ex",
            "\"abc",
            "\"a\\",
            "\"a\\x\"",
            "\"a\\u12\"",
            "\"a\\u12x4\"",
            "\"a\\uD83D\\uDE0\"",
            "\"a\\u12",
            "\"a\\ud800\"",
            "\"a\\ud800\\u0041\"",
            "\"a\\udc00\"",
            "\"a\u{1}\"",
            "[1]x",
            "{}\n\n  x",
            "[\n1,\n2\n3]",
        ];
        let wrong: Vec<String> = texts
            .iter()
            .filter_map(|text| {
                let theirs = serde_json::from_str::<serde_json::Value>(text)
                    .expect_err("not JSON to serde_json either")
                    .to_string();
                let ours = message(text);
                (ours != theirs).then(|| format!("{text:?}: {ours} (serde_json: {theirs})"))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            message(&deep),
            "recursion limit exceeded at line 1 column 129"
        );
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
        let deep_objects = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert!(message(&deep_objects).starts_with("recursion limit exceeded"));
    }

    #[test]
    fn every_prefix_of_a_file_reads_or_errs_without_panicking() {
        let text = r##"{"format": "x", "version": 1, "views": [{"name": "é 😀", "hash": "#/?q=a\u00e9\ud83d\ude00", "seen": -5}]}"##;
        assert!(parse(text).is_ok());
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert!(parse(&text[..end]).is_err(), "{end}");
        }
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them_and_script_safe() {
        let texts = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "é 😀 \u{2028}\u{2029} </script>",
        ];
        for text in texts {
            let mut ours = String::new();
            write_string(&mut ours, text);
            let theirs = serde_json::to_string(text)
                .expect("a string")
                .replace('<', "\\u003c")
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029");
            assert_eq!(ours, theirs, "{text:?}");
            assert_eq!(parse(&ours), Ok(Json::String(text.to_owned())));
        }
    }
}

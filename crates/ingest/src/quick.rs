//! A fast path for front matter written the way article files are in practice: block mappings
//! and lists with one key or item per line and single-line scalars. It builds the same
//! `serde_yaml::Value` serde_yaml would, several times faster (serde_yaml's parser is most of
//! the cost of a large build), and gives up on anything else by returning `None`; that front
//! matter then goes through serde_yaml and the marking pass as before.
//!
//! Giving up is always safe; building a value serde_yaml would not is the bug to avoid, so
//! anything unusual gives up (flow collections, block scalars, anchors, tags, comments,
//! multi-line scalars, escapes other than the common ones, scalars that might be numbers in a
//! form other than plain decimals), and the tests compare both parsers. What the fast path
//! accepts has no anchors, aliases, merge keys, duplicate keys or deep nesting, so
//! [`crate::article`] skips the marking pass's checks for it.

use serde_yaml::{Mapping, Number, Value};

/// Deeper nesting gives up (the format needs four levels).
const MAX_DEPTH: usize = 8;

/// Parses `yaml` if it is in the plain block style, as serde_yaml would.
#[must_use]
pub fn parse(yaml: &str) -> Option<Value> {
    if !is_plain_text(yaml) {
        return None;
    }
    let mut lines = Vec::with_capacity(64);
    for line in yaml.split('\n') {
        let text = line.trim_start_matches(' ');
        if text.is_empty() {
            continue;
        }
        let indent = line.len() - text.len();
        // Comments, and document markers and directives, which only count in column 0.
        if text.starts_with('#')
            || (indent == 0 && (text.starts_with("---") || text.starts_with("...")))
            || (indent == 0 && text.starts_with('%'))
        {
            return None;
        }
        lines.push(Line {
            indent,
            text: text.trim_end_matches(' '),
        });
    }
    let indent = lines.first()?.indent;
    let mut parser = Parser { lines, pos: 0 };
    let value = parser.block(indent, 0)?;
    (parser.pos == parser.lines.len()).then_some(value)
}

/// Text libyaml takes as it is: no tabs (which YAML treats specially in places), no control
/// characters (refused), no line breaks other than `\n` and no byte-order marks. Checked on the
/// UTF-8 bytes, in blocks that are skipped when they are plain ASCII (the check the compiler can
/// vectorise), since this runs over every byte of every file.
fn is_plain_text(yaml: &str) -> bool {
    let bytes = yaml.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let byte_is_plain = |i: usize| match at(i) {
        b'\n' | b' '..=b'~' => true,
        // U+0080 to U+009F: C1 controls, NEL among them.
        0xC2 => at(i + 1) > 0x9F,
        // U+2028 and U+2029, line and paragraph separators.
        0xE2 => !(at(i + 1) == 0x80 && matches!(at(i + 2), 0xA8 | 0xA9)),
        // U+FEFF, U+FFFE and U+FFFF.
        0xEF => !matches!((at(i + 1), at(i + 2)), (0xBB, 0xBF) | (0xBF, 0xBE | 0xBF)),
        0x80.. => true,
        _ => false,
    };
    (0..bytes.len()).step_by(32).all(|start| {
        let end = (start + 32).min(bytes.len());
        bytes[start..end]
            .iter()
            .all(|&b| b == b'\n' || (b' '..=b'~').contains(&b))
            || (start..end).all(byte_is_plain)
    })
}

/// A line without its indentation and trailing spaces.
struct Line<'a> {
    indent: usize,
    text: &'a str,
}

struct Parser<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
}

impl Parser<'_> {
    /// The mapping or list whose first line is the current one, at `indent`.
    fn block(&mut self, indent: usize, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        if is_item(self.lines.get(self.pos)?.text) {
            self.sequence(indent, depth)
        } else {
            self.mapping(indent, depth)
        }
    }

    fn mapping(&mut self, indent: usize, depth: usize) -> Option<Value> {
        let mut mapping = Mapping::with_capacity(8);
        while let Some(line) = self.lines.get(self.pos) {
            if line.indent < indent {
                break;
            }
            // Deeper lines here would continue a scalar or be an error; items at this indent
            // belong to no key.
            if line.indent > indent || is_item(line.text) {
                return None;
            }
            let (key, rest) = split_key(line.text)?;
            self.pos += 1;
            let value = if rest.is_empty() {
                self.value_below(indent, depth)?
            } else {
                scalar(rest)?
            };
            if mapping
                .insert(Value::String(key.to_owned()), value)
                .is_some()
            {
                return None;
            }
        }
        Some(Value::Mapping(mapping))
    }

    /// The value of a key with nothing after its colon: a deeper block, a list at the key's own
    /// indent (YAML allows that one), or null.
    fn value_below(&mut self, indent: usize, depth: usize) -> Option<Value> {
        match self.lines.get(self.pos) {
            Some(next) if next.indent > indent => self.block(next.indent, depth + 1),
            Some(next) if next.indent == indent && is_item(next.text) => {
                self.sequence(indent, depth + 1)
            }
            _ => Some(Value::Null),
        }
    }

    fn sequence(&mut self, indent: usize, depth: usize) -> Option<Value> {
        let mut items = Vec::new();
        while let Some(line) = self.lines.get(self.pos) {
            if line.indent < indent || (line.indent == indent && !is_item(line.text)) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let after_dash = &line.text[1..];
            let content = after_dash.trim_start_matches(' ');
            if content.is_empty() || is_item(content) {
                return None;
            }
            if split_key(content).is_some() {
                // A mapping that starts on the item's line: its keys line up with the first.
                let column = indent + 1 + after_dash.len() - content.len();
                self.lines[self.pos] = Line {
                    indent: column,
                    text: content,
                };
                items.push(self.mapping(column, depth + 1)?);
            } else {
                self.pos += 1;
                items.push(scalar(content)?);
            }
        }
        Some(Value::Sequence(items))
    }
}

fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// `key: rest` or `key:`, for a key that is a plain word serde_yaml reads as a string.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let (key, rest) = text.split_once(':')?;
    let is_word = key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    // A word is a string to serde_yaml unless it spells null or a boolean.
    let is_reserved = matches!(
        key,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    );
    if !is_word || is_reserved {
        return None;
    }
    if rest.is_empty() {
        return Some((key, rest));
    }
    Some((key, rest.strip_prefix(' ')?.trim_start_matches(' ')))
}

fn scalar(text: &str) -> Option<Value> {
    match text.as_bytes().first()? {
        b'"' => double_quoted(text).map(Value::String),
        b'\'' => single_quoted(text).map(Value::String),
        _ => plain(text),
    }
}

fn double_quoted(text: &str) -> Option<String> {
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.bytes().any(|b| b == b'"' || b == b'\\') {
        return Some(inner.to_owned());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '"' => return None,
            '\\' => match chars.next()? {
                c @ ('\\' | '"' | '/') => c,
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                _ => return None,
            },
            c => c,
        });
    }
    Some(out)
}

fn single_quoted(text: &str) -> Option<String> {
    let mut rest = text.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut out = String::with_capacity(rest.len());
    while let Some(at) = rest.find('\'') {
        if !rest[at + 1..].starts_with('\'') {
            return None;
        }
        out.push_str(&rest[..=at]);
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    Some(out)
}

/// A plain scalar resolved as serde_yaml resolves it: null, boolean, number or string.
fn plain(text: &str) -> Option<Value> {
    let bytes = text.as_bytes();
    let negative_number = *bytes.first()? == b'-' && bytes.get(1).is_some_and(u8::is_ascii_digit);
    if b"-?:,[]{}#&*!|>'\"%@`".contains(bytes.first()?) && !negative_number {
        return None;
    }
    // `: ` would start a mapping and ` #` a comment; a final `:` makes a key.
    let ends_early = bytes.windows(2).any(|pair| pair == b": " || pair == b" #");
    if ends_early || text.ends_with(':') {
        return None;
    }
    Some(match text {
        "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => return number_or_string(text),
    })
}

fn number_or_string(text: &str) -> Option<Value> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if all_digits && digits.len() <= 18 && (digits == "0" || !digits.starts_with('0')) {
        if digits.len() == text.len() {
            return Some(Value::Number(Number::from(digits.parse::<u64>().ok()?)));
        }
        // `-0` is left to serde_yaml, like every other spelling whose storage is in doubt.
        if digits != "0" {
            return Some(Value::Number(Number::from(text.parse::<i64>().ok()?)));
        }
    }
    if let Some((whole, fraction)) = digits.split_once('.') {
        let decimal = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if decimal(whole) && decimal(fraction) {
            let value = text.parse::<f64>().ok().filter(|f| f.is_finite())?;
            return Some(Value::Number(Number::from(value)));
        }
    }
    // Other spellings of numbers (`+1`, `0x1F`, `1e3`, `.5`, `.inf`, `007`) are left to
    // serde_yaml; whatever is not a number in any of them is a string.
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if text.parse::<f64>().is_ok()
        || unsigned.starts_with('.')
        || ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p))
    {
        return None;
    }
    Some(Value::String(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both parsers on one input: the fast path either gives up or agrees, key order included.
    fn agrees(yaml: &str) -> bool {
        let Some(quick) = parse(yaml) else {
            return false;
        };
        let slow = serde_yaml::from_str::<Value>(yaml).expect("serde_yaml parses what we parse");
        assert_eq!(format!("{quick:?}"), format!("{slow:?}"), "{yaml:?}");
        true
    }

    #[test]
    fn takes_the_plain_block_style() {
        for yaml in [
            "title: \"A \\\"quoted\\\" \\\\ headline\"\nheat: 13\nquality: -1\npublished: true\n",
            "title: 'It''s'\nexcerpt: plain text, with commas [and] brackets\n",
            "publishedDateTime: 2024-01-02T03:04:05Z\nwebUrl: https://example.com/a?b=c#d\n",
            "provider:\n  name: Example\n  domain: example.com\n\ntopics:\n  - AI\n  - Computer Vision\n",
            "topics:\n- AI\n- ML\nheat: 1.5\n",
            "related:\n  - title: r\n    provider:\n      name: p\n    images:\n    - url: u\n      width: 50\n  - title: s\nsecured: x\n",
            "a:\nb: ~\nc: null\nd: False\ne: 0\nf: 2024-01-01\ng: 12:30\nh: 1_000\ni: inf-ish\n",
            "-   a: 1\n    b: 2\n-   c\n",
            "title:   spaced   \n",
        ] {
            assert!(agrees(yaml), "gave up on {yaml:?}");
        }
    }

    #[test]
    fn gives_up_on_everything_else() {
        for yaml in [
            "",
            "a: &x 1\nb: *x\n",
            "<<: {a: 1}\n",
            "a: 1\na: 2\n",
            "a: [1, 2]\n",
            "a: |\n  text\n",
            "a: plain\n  continued\n",
            "a: \"two\n  lines\"\n",
            "a: 1 # comment\n",
            "# comment\na: 1\n",
            "a: !!str 1\n",
            "a: \"\\u00e9\"\n",
            "a:\tb\n",
            "a: 0x1F\n",
            "a: 1e3\n",
            "a: +1\n",
            "a: .inf\n",
            "a: 007\n",
            "a: -0\n",
            "a: 99999999999999999999\n",
            "true: 1\n",
            "\"a\": 1\n",
            "a: b: c\n",
            "a:b\n",
            "- - a\n",
            "-\n  a: 1\n",
            "a:\n    b: 1\n  c: 2\n",
            "---\na: 1\n",
            "a: 1\n...\n",
            "a: \u{85}\n",
            "plain scalar\n",
        ] {
            assert!(parse(yaml).is_none(), "took {yaml:?}");
        }
    }
}

//! Cleaning text values: HTML entities decoded, control and bidi-override characters removed,
//! combining marks stacked deeper than any script needs cut, whitespace trimmed. Text stays
//! text: nothing here produces or interprets markup.

use unicode_normalization::char::is_combining_mark;

/// Combining marks kept on one base character. Writing stacks a few (Vietnamese two, Hebrew
/// with cantillation or a Tibetan stack four or five); hundreds stacked on one letter (“Zalgo”
/// text) paint far above and below their line, over the rest of the page.
pub const MAX_MARKS: usize = 6;

/// Cleaned text, and what had to be removed (each reported as a warning).
#[derive(Debug, PartialEq, Eq)]
pub struct Cleaned {
    /// The text to keep.
    pub text: String,
    /// True when control or bidi-override characters were removed.
    pub removed: bool,
    /// True when combining marks beyond [`MAX_MARKS`] on one character were removed.
    pub marks_cut: bool,
}

/// Bidirectional overrides and isolates can make text read differently from what it is.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that [`clean`] replaces or removes, or counts.
fn needs_care(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\u{A0}' || (!c.is_ascii() && is_combining_mark(c))
}

/// Cleans one value of the front matter: line breaks and tabs become spaces.
#[must_use]
pub fn clean(raw: &str) -> Cleaned {
    // Most values have no entity and nothing to replace or remove; printable ASCII other than
    // `&` is the quick test for that, and decoding characters the thorough one.
    let printable_ascii = raw.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'&');
    if printable_ascii || (!raw.contains('&') && !raw.chars().any(needs_care)) {
        return Cleaned {
            text: raw.trim().to_owned(),
            removed: false,
            marks_cut: false,
        };
    }
    let cleaned = scrub(&html_escape::decode_html_entities(raw), false);
    Cleaned {
        text: cleaned.text.trim().to_owned(),
        ..cleaned
    }
}

/// [`clean`] without decoding entities or trimming: for a run of Markdown text, whose entities
/// the Markdown parser has decoded and whose spaces join it to its neighbours. With `multiline`
/// (a body's text), line breaks and tabs stay.
#[must_use]
pub fn scrub(decoded: &str, multiline: bool) -> Cleaned {
    if !decoded.chars().any(needs_care) {
        return Cleaned {
            text: decoded.to_owned(),
            removed: false,
            marks_cut: false,
        };
    }
    let mut removed = false;
    let mut marks_cut = false;
    // Marks since the last other character (entities decoded first, so `&#x301;` counts too).
    let mut marks = 0;
    let mut text = String::with_capacity(decoded.len());
    for c in decoded.chars() {
        if !c.is_ascii() && is_combining_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                marks_cut = true;
                continue;
            }
        } else {
            marks = 0;
        }
        match c {
            '\n' | '\t' if multiline => text.push(c),
            '\n' | '\t' | '\r' | '\u{A0}' => text.push(' '),
            c if c.is_control() || is_bidi_control(c) => removed = true,
            c => text.push(c),
        }
    }
    Cleaned {
        text,
        removed,
        marks_cut,
    }
}

/// Decodes entities in a URL (`&#038;` in real feeds stands for `&`) and trims it. Control
/// characters are kept: [`crate::link`] judges them as a browser would.
#[must_use]
pub fn clean_url(raw: &str) -> String {
    html_escape::decode_html_entities(raw).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities_seen_in_real_files() {
        let got = clean("Q&amp;A &#038; more&nbsp;text &hellip; &lt;b&gt;");
        assert_eq!(got.text, "Q&A & more text … <b>");
        assert!(!got.removed);
    }

    #[test]
    fn strips_controls_and_bidi_overrides_and_says_so() {
        let got = clean("  evil\u{202E}txt.exe\u{0007} ");
        assert_eq!(
            got,
            Cleaned {
                text: "eviltxt.exe".into(),
                removed: true,
                marks_cut: false,
            }
        );
    }

    #[test]
    fn cuts_marks_stacked_deeper_than_writing_needs() {
        let zalgo = format!("Z{}algo", "\u{301}\u{302}\u{303}\u{304}\u{305}".repeat(190));
        let got = clean(&zalgo);
        assert!(got.marks_cut && !got.removed);
        assert_eq!(
            got.text,
            format!("Z{}algo", &"\u{301}\u{302}\u{303}\u{304}\u{305}\u{301}")
        );
        let entities = format!("e{}", "&#x301;".repeat(20));
        assert_eq!(clean(&entities).text.chars().count(), 1 + MAX_MARKS);
        for natural in ["Tiê\u{323}\u{302}ng Viê\u{323}t", "שָׁלוֹם", "བསྒྲུབས", "हिन्दी"]
        {
            let got = clean(natural);
            assert_eq!((got.text.as_str(), got.marks_cut), (natural, false));
        }
    }

    #[test]
    fn keeps_line_breaks_only_in_multiline_text() {
        assert_eq!(clean("a\nb\tc").text, "a b c");
        assert_eq!(scrub("a\nb\tc\u{7}", true).text, "a\nb\tc");
    }

    #[test]
    fn urls_lose_entities_but_keep_controls_for_the_check() {
        assert_eq!(
            clean_url(" https://x.example/?a=1&#038;b=2 "),
            "https://x.example/?a=1&b=2"
        );
        assert_eq!(clean_url("java\tscript:x"), "java\tscript:x");
    }
}

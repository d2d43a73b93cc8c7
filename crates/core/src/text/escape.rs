//! Escaping text for markup: the embed snippets' HTML and the Atom export's XML, one family so
//! both write the five special characters the same way.

/// `text` with `& < > " '` written as character references: safe as element text and inside a
/// quoted attribute value, in HTML and in XML.
///
/// ```
/// use broadsheet_core::text::escape::markup;
/// assert_eq!(markup(r#"<a href="x">O'Hara & co</a>"#), "&lt;a href=&quot;x&quot;&gt;O&#39;Hara &amp; co&lt;/a&gt;");
/// ```
#[must_use]
pub fn markup(text: &str) -> String {
    escape(text, false)
}

/// [`markup`] for XML 1.0: characters XML cannot hold at all are left out, and a carriage
/// return is written `&#13;`, since a raw one would be read back as a line feed.
///
/// ```
/// use broadsheet_core::text::escape::xml;
/// assert_eq!(xml("a\r\nb\u{1}c & 'd'"), "a&#13;\nbc &amp; &#39;d&#39;");
/// ```
#[must_use]
pub fn xml(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, xml: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' if xml => out.push_str("&#13;"),
            c if xml && !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` at all, escaped or not: tab, line feed and carriage return among
/// the controls, and no U+FFFE or U+FFFF (Rust strings hold no surrogates). The C1 controls,
/// allowed but discouraged, are left out too.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_write_the_five_characters_alike_and_only_xml_drops_what_xml_cannot_hold() {
        let cases = [
            ("plain", "plain", "plain"),
            (
                "<>&\"'",
                "&lt;&gt;&amp;&quot;&#39;",
                "&lt;&gt;&amp;&quot;&#39;",
            ),
            ("tab\tline\n", "tab\tline\n", "tab\tline\n"),
            ("cr\r", "cr\r", "cr&#13;"),
            (
                "nul\u{0}bell\u{7}c1\u{85}",
                "nul\u{0}bell\u{7}c1\u{85}",
                "nulbellc1",
            ),
            ("\u{FFFE}\u{FFFF}é", "\u{FFFE}\u{FFFF}é", "é"),
        ];
        for (text, html, x) in cases {
            assert_eq!(markup(text), html, "{text:?}");
            assert_eq!(xml(text), x, "{text:?}");
        }
    }
}

//! Property tests standing in for a fuzzer: the splitter and the whole per-file parse are total
//! over arbitrary bytes and over front matter built from YAML-ish fragments. Inputs that once
//! broke something are kept in `REGRESSIONS` and replayed on every run.

use broadsheet_ingest::{article, split};
use proptest::prelude::*;
use std::path::Path;

/// Inputs that found bugs; each must keep parsing without a panic.
const REGRESSIONS: &[&[u8]] = &[
    b"---\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n",
    b"---\ntitle: &a x\n---\n",
    b"---\n...\ntitle: x\n---\n",
    b"\xEF\xBB\xBF---\r\n---\r\n",
    b"---\n- a\n---",
    b"---\n\t\n---\n",
];

#[test]
fn regressions_stay_fixed() {
    for input in REGRESSIONS {
        let parsed = article::parse(Path::new("r.md"), "r", input);
        assert!(
            parsed.article.is_none(),
            "{:?}",
            String::from_utf8_lossy(input)
        );
        assert!(!parsed.diagnostics.is_empty());
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "title: ",
        "publishedDateTime: ",
        "webUrl: ",
        "provider:",
        "  name: ",
        "topics:",
        "  - ",
        "related:",
        "  - title: ",
        "    webUrl: ",
        "images:",
        "  - url: ",
        "heat: ",
        "&a ",
        "*a",
        "<<: ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "\"",
        "'",
        ":",
        "-",
        "\t",
        "\n",
        "\r\n",
        "---",
        "...",
        "2024-01-01T00:00:00Z",
        "https://example.com/x",
        "javascript:alert(1)",
        "-1",
        ".nan",
        "1e400",
        "~",
        "yes",
        "\u{202E}",
        "&amp;",
        "%00",
        "\u{0}",
    ])
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn split_is_total(input in any::<String>()) {
        let _ = split::split(&input);
    }

    #[test]
    fn parse_is_total_on_bytes(input in prop::collection::vec(any::<u8>(), 0..400)) {
        let parsed = article::parse(Path::new("f.md"), "f", &input);
        prop_assert!(parsed.article.is_some() || !parsed.diagnostics.is_empty());
    }

    #[test]
    fn parse_is_total_on_yamlish_front_matter(parts in prop::collection::vec(fragment(), 0..60)) {
        let text = format!("---\n{}\n---\n", parts.concat());
        let parsed = article::parse(Path::new("f.md"), "f", text.as_bytes());
        prop_assert!(parsed.article.is_some() || !parsed.diagnostics.is_empty());
        for d in &parsed.diagnostics {
            prop_assert!(d.line >= 1 && d.col >= 1);
        }
    }
}

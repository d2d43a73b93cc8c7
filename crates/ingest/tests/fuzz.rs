//! Property tests standing in for a fuzzer: the splitter and the whole per-file parse are total
//! over arbitrary bytes and over front matter built from YAML-ish fragments, and the fast YAML
//! path builds what serde_yaml builds whenever it does not give up; the marking pass counts the
//! values serde_yaml builds; a file is bundled unless an error says why, and bad optional values
//! never cost the article. Inputs that once broke something are kept in `REGRESSIONS` and
//! replayed on every run.

use broadsheet_ingest::diagnostic::Severity;
use broadsheet_ingest::{article, locate, quick, split};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

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
        prop_assert!(parsed.article.is_some() || has_error(&parsed));
    }

    #[test]
    fn parse_is_total_on_yamlish_front_matter(parts in prop::collection::vec(fragment(), 0..60)) {
        let text = format!("---\n{}\n---\n", parts.concat());
        let parsed = article::parse(Path::new("f.md"), "f", text.as_bytes());
        prop_assert!(parsed.article.is_some() || has_error(&parsed));
        for d in &parsed.diagnostics {
            prop_assert!(d.line >= 1 && d.col >= 1);
        }
    }

    /// However bad its optional values, an article with a title, date, link and provider is
    /// bundled: each bad value is dropped with a warning that names it.
    #[test]
    fn bad_optional_values_never_cost_the_article(values in prop::collection::vec(optional_value(), OPTIONAL_SLOTS)) {
        let mut text = String::from(
            "---\ntitle: T\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: https://example.com/a\n",
        );
        let mut values = values.into_iter();
        let mut next = || values.next().expect("one value per slot");
        for key in ["category", "excerpt", "originalUrl", "ampWebUrl", "cdnAmpWebUrl", "type", "quality", "heat", "secured", "topics"] {
            text.push_str(&format!("{key}: {}\n", next()));
        }
        text.push_str(&format!("provider:\n  name: P\n  domain: {}\n  images:\n    - url: {}\n", next(), next()));
        text.push_str(&format!(
            "images:\n  - url: {}\n    width: {}\n    height: {}\n    isCached: {}\n    title: {}\n  - {}\n",
            next(), next(), next(), next(), next(), next(),
        ));
        text.push_str(&format!(
            "related:\n  - title: {}\n    webUrl: {}\n    publishedDateTime: {}\n    quality: {}\n    provider: {}\n    images: {}\n  - {}\n---\n",
            next(), next(), next(), next(), next(), next(), next(),
        ));
        let parsed = article::parse(Path::new("f.md"), "f", text.as_bytes());
        let errors: Vec<String> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(ToString::to_string)
            .collect();
        prop_assert!(errors.is_empty(), "{}\n{}", text, errors.join("\n"));
        prop_assert!(parsed.article.is_some());
        for d in &parsed.diagnostics {
            prop_assert!(!d.field.is_empty(), "a warning names its field: {}", d);
        }
    }
}

/// How many values [`bad_optional_values_never_cost_the_article`] fills in.
const OPTIONAL_SLOTS: usize = 25;

/// A value for an optional field: valid YAML, and often of the wrong type or shape for it.
fn optional_value() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "x",
        "-1",
        "3",
        "1.5",
        "-7",
        "1e400",
        ".nan",
        ".inf",
        "true",
        "~",
        "\"\"",
        "[a, b]",
        "{a: 1}",
        "{url: /rel.jpg}",
        "{title: R}",
        "2024-13-01",
        "\"\\u202Eevil\"",
        "javascript:alert(1)",
        "\"https://exa mple.com/a b\"",
        "//cdn.example.com/x",
        "/rel.jpg",
        "ftp://example.com/x",
        "https://0x7f.1/x",
        "\"https://user@example.com/\"",
        "https://example.com/x",
        // Look-alike hosts (a Cyrillic `а`), as written and IDNA-encoded: warnings only.
        "https://\u{430}pple.example/x",
        "https://xn--pple-43d.example/x",
        "\u{430}pple.example",
    ])
}

fn has_error(parsed: &article::Parsed) -> bool {
    parsed
        .diagnostics
        .iter()
        .any(|d| d.severity() == Severity::Error)
}

/// Values in a tree as the marking pass counts them: every scalar, list and mapping, keys
/// included (a tag adds none).
fn values(value: &serde_yaml::Value) -> usize {
    use serde_yaml::Value;
    match value {
        Value::Sequence(items) => 1 + items.iter().map(values).sum::<usize>(),
        Value::Mapping(m) => 1 + m.iter().map(|(k, v)| values(k) + values(v)).sum::<usize>(),
        Value::Tagged(tagged) => values(&tagged.value),
        _ => 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// serde_yaml may build only as many values as the marking pass counted (more would be an
    /// alias it did not see), so on alias-free text the two counts must agree; text with no
    /// node at all still builds one null.
    #[test]
    fn the_marking_pass_counts_what_serde_yaml_builds(parts in prop::collection::vec(fragment(), 0..60)) {
        let yaml = parts.concat().replace(['&', '*'], "");
        let located = locate::locate(&yaml);
        if let (true, Ok(value)) = (located.complete, serde_yaml::from_str::<serde_yaml::Value>(&yaml)) {
            prop_assert_eq!(values(&value), located.nodes.max(1), "{:?}", yaml);
        }
    }
}

/// The fast path either gives up or builds exactly serde_yaml's value, key order included.
fn quick_agrees(yaml: &str) -> bool {
    let Some(fast) = quick::parse(yaml) else {
        return false;
    };
    let slow = serde_yaml::from_str::<serde_yaml::Value>(yaml)
        .unwrap_or_else(|e| panic!("quick took what serde_yaml refuses ({e}): {yaml:?}"));
    assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{yaml:?}");
    true
}

fn article_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            article_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn quick_takes_the_sample_and_agrees_on_every_file_here() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        "../../content",
        "tests/fixtures",
        "../../../shared/real-articles/articles",
    ] {
        let mut files = Vec::new();
        article_files(&manifest.join(dir), &mut files);
        for file in files {
            let bytes = std::fs::read(&file).expect("readable");
            let Ok(parts) = std::str::from_utf8(&bytes)
                .map_err(drop)
                .and_then(|t| split::split(t).map_err(drop))
            else {
                continue;
            };
            let took = quick_agrees(&parts.yaml);
            if dir == "../../content" {
                assert!(
                    took,
                    "the fast path gave up on the sample's {}",
                    file.display()
                );
            }
        }
    }
}

/// A front-matter tree, rendered in block style below: mostly the shapes the fast path takes,
/// with scalars and keys that make it give up mixed in.
#[derive(Debug, Clone)]
enum Node {
    Scalar(&'static str),
    Map(Vec<(&'static str, Node)>),
    /// A list, written at its key's own indent when the flag is set.
    List(bool, Vec<Node>),
}

fn node() -> impl Strategy<Value = Node> {
    let scalar = prop::sample::select(vec![
        "",
        "x",
        "plain words",
        "\"dq\"",
        "\"d\\\"q \\\\ \\/ \\n\"",
        "\" padded \"",
        "'sq'",
        "'it''s'",
        "13",
        "-1",
        "0",
        "1.5",
        "-2.25",
        "01.5",
        "true",
        "FALSE",
        "~",
        "null",
        "Null",
        "2024-01-01T00:00:00Z",
        "https://e.com/a?b=c#d",
        "a, b [c] {d}",
        "a#b",
        "12:30",
        "1_0",
        "é ü ✓",
        "-x",
        "~x",
        "inf",
        "nan",
        "x:",
        "a:b",
    ]);
    // Spellings the fast path leaves to serde_yaml.
    let odd_scalar = prop::sample::select(vec![
        "-0",
        "00",
        "1e3",
        "+1",
        "0x1F",
        ".inf",
        "99999999999999999999",
        "a: b",
        "a #c",
        "[a]",
        "&a x",
        "*a",
        "!!str x",
        "|",
        "- x",
        "\"open",
        "'open",
        "\"\\u00e9\"",
        ":x",
        "?x",
        "@x",
    ]);
    let key = prop::sample::select(vec![
        "title", "heat", "provider", "name", "images", "url", "a", "b-c", "d_e", "isCached",
    ]);
    let odd_key = prop::sample::select(vec!["null", "True", "x y", "<<", "\"q\""]);
    let scalar = prop_oneof![4 => scalar, 1 => odd_scalar];
    let key = prop_oneof![9 => key, 1 => odd_key];
    scalar
        .prop_map(Node::Scalar)
        .prop_recursive(4, 40, 5, move |inner| {
            prop_oneof![
                prop::collection::vec((key.clone(), inner.clone()), 1..5).prop_map(Node::Map),
                (any::<bool>(), prop::collection::vec(inner, 1..4))
                    .prop_map(|(flat, items)| Node::List(flat, items)),
            ]
        })
}

fn render(node: &Node, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match node {
        Node::Scalar(s) => out.push_str(&format!("{pad}{s}\n")),
        Node::Map(entries) => {
            for (key, value) in entries {
                match value {
                    Node::Scalar("") => out.push_str(&format!("{pad}{key}:\n")),
                    Node::Scalar(s) => out.push_str(&format!("{pad}{key}: {s}\n")),
                    Node::Map(_) => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        render(value, indent + 2, out);
                    }
                    Node::List(flat, _) => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        render(value, if *flat { indent } else { indent + 2 }, out);
                    }
                }
            }
        }
        Node::List(_, items) => {
            for item in items {
                // The item's first line, with the dash in place of two spaces of its indent.
                let mut inner = String::new();
                render(item, indent + 2, &mut inner);
                out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn quick_builds_what_serde_yaml_builds(tree in node(), blank in any::<bool>()) {
        let mut yaml = String::new();
        render(&tree, 0, &mut yaml);
        if blank {
            yaml = yaml.replace('\n', "\n\n");
        }
        quick_agrees(&yaml);
    }
}

//! The seed article (bundled unchanged in `content/`) parses to the expected values, field by
//! field; and the inputs real folders contain (BOM, CRLF, entities, drafts, hidden files) behave.

use broadsheet_core::model::article::Article;
use broadsheet_core::model::body::{Block, Inline};
use broadsheet_ingest::{article, ingest, Options};
use std::fs;
use std::path::Path;

const SEED_ID: &str = "000_22f2e7ab458317d0";

fn seed_bytes() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../content/{SEED_ID}.txt"));
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_ok(bytes: &[u8]) -> Article {
    let parsed = article::parse(Path::new("seed.txt"), SEED_ID, bytes);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.article.expect("the seed is valid")
}

#[test]
fn seed_parses_field_by_field() {
    let a = parse_ok(&seed_bytes());
    assert_eq!(a.id.as_str(), SEED_ID);
    assert_eq!(a.category.as_deref(), Some("news"));
    assert_eq!(
        a.title,
        "Myanmar Military Using Chinese Facial Recognition Tech To Track, Remove Opponents: Report"
    );
    assert!(a
        .excerpt
        .starts_with("Military Junta of the nation is reported"));
    assert_eq!(a.published_at.to_string(), "2022-08-03T06:23:00Z");
    let web = "https://www.republicworld.com/world-news/rest-of-the-world-news/myanmar-military-using-chinese-facial-recognition-tech-to-track-remove-opponents-report-articleshow.html";
    assert_eq!(a.web_url.as_str(), web);
    assert_eq!(
        a.original_url
            .as_ref()
            .map(broadsheet_core::text::url::HttpUrl::as_str),
        Some(web)
    );
    assert_eq!(
        a.amp_web_url.as_ref().map(broadsheet_core::text::url::HttpUrl::as_str),
        Some("https://www.republicworld.com/amp/world-news/rest-of-the-world-news/myanmar-military-using-chinese-facial-recognition-tech-to-track-remove-opponents-report-articleshow.html")
    );
    assert!(a.cdn_amp_web_url.as_ref().is_some_and(|u| u
        .as_str()
        .starts_with("https://www-republicworld-com.cdn.ampproject.org/c/s/")));
    assert_eq!(a.kind.as_deref(), Some("article"));
    assert_eq!(
        a.quality.map(broadsheet_core::model::article::Score::get),
        Some(50.0)
    );
    assert_eq!(
        a.heat.map(broadsheet_core::model::article::Score::get),
        Some(60.0)
    );
    assert!(a.draft, "published: false makes a draft");
    assert_eq!(a.provider.name, "RepublicWorld");
    assert_eq!(a.provider.domain.as_deref(), Some("republicworld.com"));
    assert!(a.provider.images.is_empty());
    assert_eq!(a.topics, ["Computer Vision", "AI"]);
    assert_eq!(a.images.len(), 1);
    let image = &a.images[0];
    assert!(image
        .url
        .as_str()
        .ends_with("vbilgueyjr62uwy0_1659506305.jpeg"));
    assert_eq!(
        (image.width, image.height, image.is_cached),
        (Some(768), Some(438), true)
    );
    assert_eq!(image.title, None);
    assert_eq!(a.related.len(), 1);
    let r = &a.related[0];
    assert_eq!(
        r.title,
        "Myanmar's junta using Chinese facial recognition technology to track, eliminate opponents"
    );
    assert!(r
        .excerpt
        .contains("\"This is another threat coming, not just on the ground."));
    assert_eq!(
        r.published_at.map(|t| t.to_string()).as_deref(),
        Some("2022-08-03T10:56:00Z")
    );
    assert_eq!(
        r.web_url.as_str(),
        "https://news.webindia123.com/news/Articles/World/20220803/3969348.html"
    );
    assert_eq!(r.kind.as_deref(), Some("article"));
    let provider = r.provider.as_ref().expect("related provider");
    assert_eq!(
        (provider.name.as_str(), provider.domain.as_deref()),
        ("Webindia 123", Some("webindia123.com"))
    );
    assert_eq!(
        r.quality.map(broadsheet_core::model::article::Score::get),
        Some(10.0)
    );
    assert!(a.body.is_empty());
}

#[test]
fn bom_and_crlf_are_accepted() {
    let seed = String::from_utf8(seed_bytes()).expect("utf-8");
    let crlf = format!("\u{feff}{}", seed.replace('\n', "\r\n"));
    assert_eq!(parse_ok(crlf.as_bytes()), parse_ok(seed.as_bytes()));
}

fn folder(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn minimal(title: &str, extra: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\npublishedDateTime: 2024-01-02T03:04:05+02:00\nwebUrl: https://example.com/{}\nprovider:\n  name: Example\n{extra}---\n",
        title.len()
    )
}

#[test]
fn drafts_are_left_out_unless_asked_for_and_removed_always() {
    let dir = folder(&[
        ("a.md", minimal("Live", "")),
        ("b.md", minimal("Draft", "published: false\n")),
        ("c.md", minimal("Withdrawn", "removed: true\n")),
        (
            "d.md",
            minimal("Withdrawn draft", "removed: true\npublished: false\n"),
        ),
    ]);
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let ids: Vec<_> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    assert_eq!((report.drafts_left_out, report.removed), (1, 2));
    let report = ingest(
        dir.path(),
        Path::new("x"),
        Options {
            include_drafts: true,
            ..Options::default()
        },
    );
    let ids: Vec<_> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!((report.drafts_bundled, report.removed), (1, 2));
    assert_eq!(
        report.summary(Path::new("x")),
        "x: 2 articles bundled from 4 files (1 drafts included, 2 removed left out), 0 warnings"
    );
}

#[test]
fn hidden_backup_and_other_files_are_not_articles() {
    let dir = folder(&[
        ("a.md", minimal("One", "")),
        ("nested/deeper/b.markdown", minimal("Two", "")),
        ("c.TXT", minimal("Three", "")),
        (".hidden.md", "not an article".into()),
        (".git/x.md", "not an article".into()),
        ("a.md~", "backup".into()),
        ("#a.md#", "autosave".into()),
        ("picture.jpg", "binary".into()),
    ]);
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    assert!(report.is_ok(), "{:?}", report.diagnostics);
    let ids: Vec<_> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c", "b"]);
    assert_eq!(report.ignored, 1, "only picture.jpg counts as another file");
}

#[test]
fn entities_are_decoded_and_text_stays_text() {
    let dir = folder(&[(
        "a.md",
        minimal(
            "Q&amp;A: &lt;script&gt;alert(1)&lt;/script&gt;",
            "excerpt: \"Caf&eacute;&nbsp;news &#038; more\"\nimages:\n  - url: https://example.com/i.jpg?w=600&#038;h=600\n",
        ),
    )]);
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let a = &report.articles[0];
    assert_eq!(a.title, "Q&A: <script>alert(1)</script>");
    assert_eq!(a.excerpt, "Café news & more");
    assert_eq!(
        a.images[0].url.as_str(),
        "https://example.com/i.jpg?w=600&h=600"
    );
}

#[test]
fn heat_minus_one_and_missing_mean_unknown() {
    let dir = folder(&[
        ("a.md", minimal("A", "heat: -1\nquality: -1\n")),
        ("b.md", minimal("B", "heat: ~\n")),
        ("c.md", minimal("C", "heat: 12.5\n")),
    ]);
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let heats: Vec<_> = report
        .articles
        .iter()
        .map(|a| a.heat.map(broadsheet_core::model::article::Score::get))
        .collect();
    assert_eq!(heats, [None, None, Some(12.5)]);
}

#[test]
fn body_is_read_as_markdown_and_raw_html_stays_text() {
    let dir = folder(&[(
        "a.md",
        format!(
            "{}\n# Heading\n\nSome *markdown* <b>text</b>.\n",
            minimal("A", "")
        ),
    )]);
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let body = &report.articles[0].body;
    assert_eq!(body.text(), "Heading\n\nSome markdown <b>text</b>.");
    let Block::Paragraph(inlines) = &body.blocks()[1] else {
        panic!("a paragraph: {body:?}");
    };
    assert_eq!(
        inlines,
        &[
            Inline::Text("Some ".into()),
            Inline::Emphasis(vec![Inline::Text("markdown".into())]),
            Inline::Text(" <b>text</b>.".into()),
        ]
    );
    let warnings: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "x/a.md:11:17: warning: body: raw HTML is shown as text, not rendered; write Markdown \
          instead (`**bold**`, `[text](https://…)`)"
        ]
    );
}

#[test]
fn ids_differing_only_in_case_collide() {
    let dir = folder(&[
        ("Story.md", minimal("A", "")),
        ("story.md", minimal("B", "")),
    ]);
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    assert_eq!(report.errors().count(), 2);
    assert!(report.articles.is_empty());
}

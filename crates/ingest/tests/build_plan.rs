//! What `build.rs` prints and writes, for the default folder, a named folder, and a broken one.

use broadsheet_core::library::Library;
use broadsheet_ingest::build::plan;
use std::fs;

const ARTICLE: &str = "---\ntitle: \"A\"\npublishedDateTime: 2024-01-02T03:04:05Z\nwebUrl: https://example.com/a\nprovider:\n  name: Example\n---\n";

#[test]
fn default_folder_is_the_sample() {
    let root = tempfile::tempdir().expect("temp dir");
    fs::create_dir(root.path().join("content")).expect("mkdir");
    fs::write(root.path().join("content/a.md"), ARTICLE).expect("write");
    let plan = plan(root.path(), |_| None);
    assert!(plan
        .directives
        .contains(&"cargo::rustc-env=BROADSHEET_SAMPLE=1".to_owned()));
    assert!(plan
        .directives
        .contains(&"cargo::rerun-if-env-changed=ARTICLES_DIR".to_owned()));
    assert!(plan
        .directives
        .contains(&"cargo::rerun-if-env-changed=INCLUDE_DRAFTS".to_owned()));
    assert!(plan
        .directives
        .iter()
        .any(|d| d.starts_with("cargo::rerun-if-changed=") && d.ends_with("content")));
    assert_eq!(
        plan.directives.last().map(String::as_str),
        Some("cargo::warning=broadsheet: content: 1 articles bundled from 1 files (0 drafts left out, 0 removed left out), 0 warnings")
    );
    let pack = plan.pack.expect("no errors");
    assert!(plan.directives.contains(&format!(
        "cargo::rustc-env=BROADSHEET_ENTRY={}",
        pack.entry.name
    )));
    let library = Library::open(&pack.entry.bytes).expect("decodes");
    assert_eq!(library.len(), 1);
    assert!(
        pack.shards.is_empty(),
        "one small article travels in the entry"
    );
}

#[test]
fn named_folder_with_errors_prints_them_and_writes_nothing() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("mine");
    fs::create_dir(&dir).expect("mkdir");
    fs::write(
        dir.join("bad.md"),
        ARTICLE.replace("https://example.com/a", "ftp://example.com/a"),
    )
    .expect("write");
    let plan = plan(root.path(), |name| {
        (name == "ARTICLES_DIR").then(|| "mine".to_owned())
    });
    assert!(plan.pack.is_none());
    assert!(plan
        .directives
        .contains(&"cargo::rustc-env=BROADSHEET_SAMPLE=0".to_owned()));
    assert!(plan.directives.contains(
        &"cargo::error=mine/bad.md:4:1: webUrl: `ftp://example.com/a` uses the `ftp:` scheme; only http:// and https:// are allowed".to_owned()
    ));
}

#[test]
fn include_drafts_accepts_one_true_yes() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("content");
    fs::create_dir(&dir).expect("mkdir");
    fs::write(
        dir.join("d.md"),
        ARTICLE.replace("provider:", "published: false\nprovider:"),
    )
    .expect("write");
    for (value, bundled) in [("1", 1), ("true", 1), ("yes", 1), ("0", 0), ("", 0)] {
        let plan = plan(root.path(), |name| {
            (name == "INCLUDE_DRAFTS").then(|| value.to_owned())
        });
        let pack = plan.pack.expect("no errors");
        let library = Library::open(&pack.entry.bytes).expect("decodes");
        assert_eq!(library.len(), bundled, "INCLUDE_DRAFTS={value:?}");
    }
}

#[test]
fn long_builds_say_how_long_they_took() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("content");
    fs::create_dir(&dir).expect("mkdir");
    for i in 0..broadsheet_ingest::build::LONG_BUILD {
        fs::write(
            dir.join(format!("a{i}.md")),
            ARTICLE.replace("/a\n", &format!("/a{i}\n")),
        )
        .expect("write");
    }
    let plan = plan(root.path(), |_| None);
    let last = plan.directives.last().expect("directives");
    assert!(
        last.starts_with("cargo::warning=broadsheet: 5000 files read, validated and bundled in ")
            && last.ends_with(" s"),
        "{last}"
    );
}

//! What `build.rs` prints and writes, for the default folder, a named folder, and broken ones,
//! with errors failing the build (the default) or leaving their files out (`BROADSHEET_ON_ERROR=skip`).

#[path = "common/copy.rs"]
mod copy;

use broadsheet_ingest::build::plan;
use copy::copy_dir;
use std::fs;
use std::path::Path;

const ARTICLE: &str = "---\ntitle: \"A\"\npublishedDateTime: 2024-01-02T03:04:05Z\nwebUrl: https://example.com/a\nprovider:\n  name: Example\n---\n";

#[test]
fn default_folder_is_the_sample() {
    let root = tempfile::tempdir().expect("temp dir");
    fs::create_dir(root.path().join("content")).expect("mkdir");
    fs::write(root.path().join("content/a.md"), ARTICLE).expect("write");
    let plan = plan(root.path(), |_| None);
    assert_eq!(
        plan.directives.last().map(String::as_str),
        Some("warning: broadsheet: content: 1 articles bundled from 1 files (0 drafts left out, 0 removed left out), 0 warnings")
    );
    let pack = plan.pack.expect("no errors");
    let library = pack.open().expect("decodes");
    assert!(library.is_sample(), "the default folder is the sample");
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
    assert!(plan.directives.contains(
        &"error: mine/bad.md:4:1: webUrl: `ftp://example.com/a` uses the `ftp:` scheme; only http:// and https:// are allowed".to_owned()
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
        let library = pack.open().expect("decodes");
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
        last.starts_with("warning: broadsheet: 5000 files read, validated and bundled in ")
            && last.ends_with(" s"),
        "{last}"
    );
}

/// A project folder holding a copy of the broken-files fixtures as `bad/`.
fn project_with_bad_fixtures() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad"),
        &root.path().join("bad"),
    );
    root
}

/// The lines of the pinned report for the broken-files fixtures, as (is an error, line), less
/// the oversized file that `errors.rs` generates.
fn pinned_report() -> Vec<(bool, String)> {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad.expected"))
        .expect("pinned report")
        .lines()
        .filter(|l| !l.starts_with("bad/oversized.md"))
        .map(|l| (!l.contains(": warning: "), l.to_owned()))
        .collect()
}

fn env_of<'a>(vars: &'a [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        vars.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

#[test]
fn errors_fail_the_build_by_default() {
    let root = project_with_bad_fixtures();
    for setting in [None, Some("fail"), Some(" FAIL "), Some("")] {
        let mut vars = vec![("ARTICLES_DIR", "bad")];
        vars.extend(setting.map(|s| ("BROADSHEET_ON_ERROR", s)));
        let plan = plan(root.path(), env_of(&vars));
        assert!(plan.pack.is_none(), "{setting:?}");
        let printed: Vec<_> = plan
            .directives
            .iter()
            .filter_map(|d| {
                d.strip_prefix("error: ")
                    .map(|l| (true, l.to_owned()))
                    .or_else(|| {
                        d.strip_prefix("warning: ")
                            .filter(|l| !l.starts_with("broadsheet: "))
                            .map(|l| (false, l.to_owned()))
                    })
            })
            .collect();
        assert_eq!(printed, pinned_report(), "{setting:?}");
        assert_eq!(
            plan.directives.last().map(String::as_str),
            Some("warning: broadsheet: bad: 20 errors in 28 files; nothing bundled, 9 warnings")
        );
    }
}

#[test]
fn skip_bundles_the_valid_files_and_names_the_rest() {
    let root = project_with_bad_fixtures();
    let plan = plan(
        root.path(),
        env_of(&[("ARTICLES_DIR", "bad"), ("BROADSHEET_ON_ERROR", "skip")]),
    );
    assert!(
        !plan.directives.iter().any(|d| d.starts_with("error: ")),
        "nothing fails the build"
    );
    // The same sorted list, every error labelled as one.
    let labelled: Vec<String> = pinned_report()
        .into_iter()
        .map(|(error, line)| match line.split_once(": ") {
            Some((place, rest)) if error => format!("{place}: error: {rest}"),
            _ => line,
        })
        .collect();
    let printed: Vec<String> = plan
        .directives
        .iter()
        .filter_map(|d| d.strip_prefix("warning: "))
        .filter(|l| !l.starts_with("broadsheet: "))
        .map(str::to_owned)
        .collect();
    assert_eq!(printed, labelled);
    assert_eq!(
        plan.directives.last().map(String::as_str),
        Some(
            "warning: broadsheet: bad: 9 articles bundled from 28 files (0 drafts left out, 0 removed left out), \
             19 files with errors left out (5 bad front matter, 3 not UTF-8 text, 2 bad publishedDateTime, \
             2 duplicate id, 2 no front matter, 5 for other reasons), 9 warnings"
        )
    );
    let pack = plan.pack.expect("the valid files are bundled");
    let library = pack.open().expect("decodes");
    let valid = [
        "bad-domain",
        "bad-secured",
        "fractional-size",
        "negative-number",
        "non-finite-number",
        "related-missing-url",
        "relative-image",
        "unknown-key",
        "wrong-type",
    ];
    assert_eq!(library.len(), valid.len());
    for id in valid {
        assert!(library.find(id).is_some(), "{id} is bundled");
    }
}

#[test]
fn skip_counts_drafts_and_removed_apart_from_files_with_errors() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("feed");
    fs::create_dir(&dir).expect("mkdir");
    let files = [
        ("live.md", ARTICLE.to_owned()),
        (
            "draft.md",
            ARTICLE.replace("provider:", "published: false\nprovider:"),
        ),
        (
            "removed.md",
            ARTICLE.replace("provider:", "removed: true\nprovider:"),
        ),
        ("untitled.md", ARTICLE.replace("title: \"A\"\n", "")),
        (
            "undated.md",
            ARTICLE.replace("2024-01-02T03:04:05Z", "yesterday"),
        ),
    ];
    for (name, text) in files {
        fs::write(dir.join(name), text).expect("write");
    }
    let plan = plan(
        root.path(),
        env_of(&[("ARTICLES_DIR", "feed"), ("BROADSHEET_ON_ERROR", "skip")]),
    );
    assert_eq!(
        plan.directives.last().map(String::as_str),
        Some(
            "warning: broadsheet: feed: 1 articles bundled from 5 files (1 drafts left out, 1 removed left out), \
             2 files with errors left out (1 bad publishedDateTime, 1 no title), 0 warnings"
        )
    );
    assert!(plan.directives.contains(
        &"warning: feed/untitled.md:2:1: error: title: is required; add it, e.g. `title: \"A headline\"`"
            .to_owned()
    ));
    let pack = plan.pack.expect("the valid file is bundled");
    let library = pack.open().expect("decodes");
    assert_eq!(library.len(), 1);
    assert!(library.find("live").is_some());
}

#[test]
fn skip_still_fails_when_no_valid_article_is_left() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("feed");
    fs::create_dir(&dir).expect("mkdir");
    fs::write(dir.join("a.md"), ARTICLE.replace("title: \"A\"\n", "")).expect("write");
    fs::write(dir.join("b.md"), "no front matter\n").expect("write");
    fs::write(
        dir.join("c.md"),
        ARTICLE.replace("provider:", "removed: true\nprovider:"),
    )
    .expect("write");
    let plan = plan(
        root.path(),
        env_of(&[("ARTICLES_DIR", "feed"), ("BROADSHEET_ON_ERROR", "skip")]),
    );
    assert!(plan.pack.is_none());
    let errors = plan
        .directives
        .iter()
        .filter(|d| d.starts_with("error: feed/"))
        .count();
    assert_eq!(errors, 2, "{:#?}", plan.directives);
    assert_eq!(
        plan.directives.last().map(String::as_str),
        Some(
            "warning: broadsheet: feed: 2 errors in 3 files; nothing bundled: \
             no valid article is left once the 2 files with errors are left out, 0 warnings"
        )
    );
}

#[test]
fn an_unknown_on_error_setting_is_an_error() {
    let root = tempfile::tempdir().expect("temp dir");
    fs::create_dir(root.path().join("content")).expect("mkdir");
    fs::write(root.path().join("content/a.md"), ARTICLE).expect("write");
    let misspelt = plan(root.path(), env_of(&[("BROADSHEET_ON_ERROR", "skipp")]));
    assert!(misspelt.pack.is_none());
    assert_eq!(
        misspelt.directives.last().map(String::as_str),
        Some(
            "error: BROADSHEET_ON_ERROR=`skipp` is not a setting; use `skip` (leave out the files \
             with errors, bundle the rest) or `fail` (the default)"
        )
    );
    let plan = plan(root.path(), env_of(&[("BROADSHEET_ON_ERROR", " Skip ")]));
    assert!(
        plan.pack.is_some(),
        "settings are read without case or spaces"
    );
}

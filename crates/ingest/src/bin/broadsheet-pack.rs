//! `broadsheet-pack DIST`: reads, validates and packs the articles folder into `DIST/data/` and
//! points `DIST/index.html` at the new entry file (and preloads its catalog parts). The Trunk hook `scripts/trunk-boot` runs it
//! after every build, so `ARTICLES_DIR=… trunk build --release` stays the one command; run on its
//! own it gives an app already built new articles without compiling anything.

use broadsheet_ingest::build::{plan, DATA_DIR, ENV_VARS};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: broadsheet-pack [--root DIR] DIST

Packs the articles folder named by ARTICLES_DIR (default: content/ under --root, itself the
current folder by default; relative paths against --root) into DIST/data/, replacing what was
there, and points DIST/index.html (a built Broadsheet) at the new entry file.";

/// The attribute that marks the `<link>` naming the entry file in `index.html`.
const ENTRY_LINK: &str = "data-entry";
/// The attribute that marks the `<link>`s preloading the catalog parts, written after it.
const PART_LINK: &str = "data-part";

fn main() -> ExitCode {
    let mut root = PathBuf::from(".");
    let mut dist = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--root") => match args.next() {
                Some(dir) => root = PathBuf::from(dir),
                None => return usage("--root needs a folder"),
            },
            Some("-h" | "--help") => {
                eprintln!("{USAGE}\n\nreads: {}", ENV_VARS.join(", "));
                return ExitCode::SUCCESS;
            }
            _ if dist.is_none() => dist = Some(PathBuf::from(arg)),
            _ => return usage("one DIST folder only"),
        }
    }
    let Some(dist) = dist else {
        return usage("name the DIST folder");
    };
    let plan = plan(&root, |name| std::env::var(name).ok());
    for line in &plan.directives {
        eprintln!("{line}");
    }
    let Some(pack) = plan.pack else {
        return ExitCode::FAILURE;
    };
    match write(&dist, &pack) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}: {e}", dist.display());
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("broadsheet-pack: {problem}\n{USAGE}");
    ExitCode::from(2)
}

/// Replaces `dist/data/` with the pack's files and names the entry in `dist/index.html`.
fn write(dist: &Path, pack: &broadsheet_core::data::pack::Pack) -> std::io::Result<()> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)?;
    let parts = broadsheet_core::data::library::EntryFile::read(&pack.entry.bytes)
        .map_err(|e| std::io::Error::other(format!("the new entry does not open: {e}")))?
        .catalog_parts();
    let entry = format!("./{DATA_DIR}/{}", pack.entry.name);
    let html = point_at(&html, &entry, &parts).ok_or_else(|| {
        std::io::Error::other(format!(
            "index.html has no <link {ENTRY_LINK} href=\"…\"> to name the entry in"
        ))
    })?;
    let data = dist.join(DATA_DIR);
    if data.exists() {
        // Only this build's files: a file no build refers to any more would be served for ever.
        std::fs::remove_dir_all(&data)?;
    }
    std::fs::create_dir_all(&data)?;
    for file in std::iter::once(&pack.entry).chain(&pack.shards) {
        let path = data.join(&file.name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, &file.bytes)?;
    }
    std::fs::write(index, html)
}

/// `html` with the `href` of its `<link … data-entry …>` set to `href`, followed by preload
/// links for `parts` (the first screen needs them too) in place of any an earlier run wrote.
fn point_at(html: &str, href: &str, parts: &[String]) -> Option<String> {
    let html: String = html
        .split_inclusive('\n')
        .filter(|line| !line.contains(PART_LINK))
        .collect();
    let mark = html.find(ENTRY_LINK)?;
    let start = html[..mark].rfind("<link")?;
    let end = mark + html[mark..].find('>')?;
    let tag = &html[start..end];
    let at = tag.find("href=\"")? + "href=\"".len();
    let close = at + tag[at..].find('"')?;
    let preloads: String = parts
        .iter()
        .map(|name| {
            format!(
                "\n    <link rel=\"preload\" href=\"./{DATA_DIR}/{name}\" as=\"fetch\" \
                 crossorigin=\"anonymous\" {PART_LINK} />"
            )
        })
        .collect();
    Some(format!(
        "{}{href}{}{preloads}{}",
        &html[..start + at],
        &html[start + close..=end],
        &html[end + 1..]
    ))
}

#[cfg(test)]
mod tests {
    use super::point_at;

    #[test]
    fn the_entry_link_is_rewritten_and_nothing_else() {
        let html = r#"<link rel="icon" href="x"><link rel="preload" href="./data/entry.bin" as="fetch" data-entry /><p>"#;
        assert_eq!(
            point_at(html, "./data/entry-1.bin", &[]).as_deref(),
            Some(
                r#"<link rel="icon" href="x"><link rel="preload" href="./data/entry-1.bin" as="fetch" data-entry /><p>"#
            )
        );
        let parts = ["k0-00000001.bin".to_owned()];
        let once = point_at(html, "./data/entry-1.bin", &parts).expect("a link");
        assert!(once
            .contains("data-entry />\n    <link rel=\"preload\" href=\"./data/k0-00000001.bin\""));
        let again = point_at(&once, "./data/entry-2.bin", &parts).expect("a link");
        assert_eq!(again.matches("data-part").count(), 1, "{again}");
        assert_eq!(point_at("<link href=\"x\">", "y", &[]), None);
    }
}

//! Finding article files: `*.md`, `*.markdown` and `*.txt` below the folder, in a stable order.
//!
//! Hidden files and folders (a leading `.`) and editor backups (`name.md~`, `#name.md#`) are not
//! articles. Symbolic links are never followed, so a build cannot read outside its folder or loop.
//! An entry that cannot be read (a folder without permission, a path too long to open) is an
//! error on that entry rather than a file quietly missing from the build.

use crate::diagnostic::{Diagnostic, Problem};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Extensions of article files (compared case-insensitively).
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// The files found, and what could not be read.
#[derive(Debug, Default)]
pub struct Found {
    /// Article files, relative to the folder, sorted.
    pub files: Vec<PathBuf>,
    /// Unreadable entries and skipped links.
    pub diagnostics: Vec<Diagnostic>,
    /// Other files (not articles by their name), counted for the summary.
    pub ignored: usize,
}

/// Editor leftovers: `name~` backups and `#name#` autosaves (hidden `.swp` files are hidden).
fn is_backup(name: &str) -> bool {
    name.ends_with('~') || (name.starts_with('#') && name.ends_with('#'))
}

/// Whether a file name is an article file name.
#[must_use]
pub fn is_article_name(name: &str) -> bool {
    if name.starts_with('.') || is_backup(name) {
        return false;
    }
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Lists the article files below `root`. `shown_root` is how diagnostics name the folder.
#[must_use]
pub fn walk(root: &Path, shown_root: &Path) -> Found {
    let mut found = Found::default();
    let shown = |path: &Path| shown_root.join(path.strip_prefix(root).unwrap_or(path));
    let mut entries = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        // Hidden entries and backups are skipped with their contents; names that are not UTF-8
        // are kept so that the loop below can report them.
        .filter_entry(|entry| {
            entry.depth() == 0
                || entry
                    .file_name()
                    .to_str()
                    .is_none_or(|name| !name.starts_with('.') && !is_backup(name))
        });
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root);
                let message = err
                    .io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string);
                found.diagnostics.push(io_problem(&shown(path), &message));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let file_type = entry.file_type();
        let Some(name) = entry.file_name().to_str() else {
            if file_type.is_dir() {
                entries.skip_current_dir();
            }
            found.diagnostics.push(io_problem(
                &shown(entry.path()),
                "the file name is not valid UTF-8; rename it",
            ));
            continue;
        };
        if file_type.is_symlink() {
            found.diagnostics.push(Diagnostic::new(
                shown(entry.path()),
                1,
                1,
                "",
                Problem::Symlink,
            ));
        } else if file_type.is_dir() {
            // Descended into by the walk.
        } else if is_article_name(name) {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            found.files.push(rel.to_path_buf());
        } else {
            found.ignored += 1;
        }
    }
    found.files.sort();
    found
}

fn io_problem(path: &Path, message: &str) -> Diagnostic {
    Diagnostic::new(
        path.to_path_buf(),
        1,
        1,
        "",
        Problem::Io(message.to_owned()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_article_names() {
        for ok in ["a.md", "b.MARKDOWN", "c.txt", "2019-12-17-x.md"] {
            assert!(is_article_name(ok), "{ok}");
        }
        for no in [
            ".hidden.md",
            "a.md~",
            "#a.md#",
            "a.md.swp",
            "a.yaml",
            "README",
            "a.html",
        ] {
            assert!(!is_article_name(no), "{no}");
        }
    }

    /// The lines `walk` reports, as the build prints them.
    fn reported(root: &Path) -> Vec<String> {
        walk(root, Path::new("x"))
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::os::unix::fs::symlink(dir.path().join("gone.md"), dir.path().join("a.md"))
            .expect("link");
        assert_eq!(
            reported(dir.path()),
            ["x/a.md:1:1: warning: is a symbolic link; links are not followed, so it is skipped"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_without_permission_is_an_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).expect("create");
        std::fs::write(locked.join("a.md"), "---\n").expect("write");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let readable = std::fs::read_dir(&locked).is_ok();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700))
            .expect("chmod back, so the folder can be removed");
        if readable {
            eprintln!("skipped: permissions do not stop this user (root) from reading a folder");
            return;
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let found = walk(dir.path(), Path::new("x"));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700))
            .expect("chmod back");
        let lines: Vec<String> = found.diagnostics.iter().map(ToString::to_string).collect();
        assert!(found.files.is_empty());
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("x/locked:1:1: cannot be read: Permission denied"),
            "{lines:?}"
        );
    }

    /// A path longer than the system opens (`PATH_MAX`, 4096 bytes on Linux) fails even for
    /// root, so this error can be produced anywhere: the folders are made one at a time by a
    /// shell that changes into each (`cd -P`, as a logical `cd` would open the whole path), and
    /// the walk fails to open the deepest.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_too_deep_to_open_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let name = "d".repeat(250);
        let made = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!(
                "for i in $(seq 20); do mkdir {name} && cd -P {name} || exit 1; done; echo x > a.md"
            ))
            .status()
            .expect("sh runs");
        assert!(made.success());
        let found = walk(dir.path(), Path::new("x"));
        assert!(found.files.is_empty());
        let lines: Vec<String> = found.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].ends_with(": cannot be read: File name too long (os error 36)"),
            "{lines:?}"
        );
        assert!(lines[0].starts_with(&format!("x/{name}/")), "{lines:?}");
    }
}

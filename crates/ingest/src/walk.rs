//! Finding article files: `*.md`, `*.markdown` and `*.txt` below the folder, in a stable order.
//!
//! Hidden files and folders (a leading `.`) and editor backups (`name.md~`, `#name.md#`) are not
//! articles. Symbolic links are never followed, so a build cannot read outside its folder or loop.

use crate::diagnostic::{Diagnostic, Problem};
use std::fs;
use std::path::{Path, PathBuf};

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
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let entries = match fs::read_dir(root.join(&rel)) {
            Ok(entries) => entries,
            Err(err) => {
                found
                    .diagnostics
                    .push(io_problem(&shown_root.join(&rel), &err.to_string()));
                continue;
            }
        };
        // The entry's own type needs no extra system call on most file systems, and like
        // `symlink_metadata` it describes a link rather than what the link points to.
        let mut names: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| (e.file_name(), e.file_type()))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, file_type) in names {
            let rel = rel.join(&name);
            let Some(name) = name.to_str() else {
                found.diagnostics.push(io_problem(
                    &shown_root.join(&rel),
                    "the file name is not valid UTF-8; rename it",
                ));
                continue;
            };
            if name.starts_with('.') || is_backup(name) {
                continue;
            }
            let file_type = match file_type {
                Ok(file_type) => file_type,
                Err(err) => {
                    found
                        .diagnostics
                        .push(io_problem(&shown_root.join(&rel), &err.to_string()));
                    continue;
                }
            };
            if file_type.is_symlink() {
                found.diagnostics.push(Diagnostic::new(
                    shown_root.join(&rel),
                    1,
                    1,
                    "",
                    Problem::Symlink,
                ));
            } else if file_type.is_dir() {
                pending.push(rel);
            } else if is_article_name(name) {
                found.files.push(rel);
            } else {
                found.ignored += 1;
            }
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
}

//! Copying a fixture folder into a temporary one, for tests that build a project around it.
//! Included by path (`#[path = "common/copy.rs"] mod copy;`) by the tests that use it, so the
//! others do not carry an unused function.

use std::fs;
use std::path::Path;

/// Copies `from` into `to`, folders and all.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("fixtures readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

//! Packs the articles folder for the app: everything happens in `broadsheet-ingest`; this file
//! only wires cargo's environment to it and writes the data files to `OUT_DIR/data/`, where
//! `scripts/trunk-boot` finds them (by the entry's name, which the app is compiled with).

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let plan = broadsheet_ingest::build::plan(&root, |name| std::env::var(name).ok());
    for line in &plan.directives {
        println!("{line}");
    }
    // Without a pack (errors, unless `BROADSHEET_ON_ERROR=skip` left their files out and
    // valid articles remain), cargo fails the build from the `cargo::error` lines.
    if let Some(pack) = plan.pack {
        // Only this build's files: the hook copies the whole folder.
        let data = out.join(broadsheet_ingest::build::DATA_DIR);
        if data.exists() {
            std::fs::remove_dir_all(&data).expect("OUT_DIR is writable");
        }
        std::fs::create_dir_all(&data).expect("OUT_DIR is writable");
        for file in std::iter::once(&pack.entry).chain(&pack.shards) {
            let path = data.join(&file.name);
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).expect("OUT_DIR is writable");
            }
            std::fs::write(path, &file.bytes).expect("OUT_DIR is writable");
        }
    }
}

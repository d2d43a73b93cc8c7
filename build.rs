//! Bundles the articles folder into the app: everything happens in `broadsheet-ingest`; this
//! file only wires cargo's environment to it and writes the artefact to `OUT_DIR`.

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
    // On errors cargo fails the build from the `cargo::error` lines; nothing is written.
    if let Some(bytes) = plan.artefact {
        std::fs::write(out.join(broadsheet_ingest::build::ARTEFACT), bytes)
            .expect("OUT_DIR is writable");
    }
}

//! The folders of `src/` are layers (ARCHITECTURE.md, and each folder's `mod.rs`): a folder's
//! code may use the folders before it in [`LAYERS`] and none after it; `rng` and the crate root's
//! helpers are leaves anyone may use. Tests (from a file's first `#[cfg(test)]` on) and doc
//! comments may reach further, to build a bundle. This test reads the sources and holds every
//! `crate::` path to that rule, so the map in ARCHITECTURE.md cannot drift from the code.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["text", "model", "index", "view", "data", "graph"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a readable entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layers a file's code (not its tests, not its docs) names through `crate::`.
fn used_layers(text: &str) -> Vec<(usize, &'static str)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut used = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + "crate::".len()..];
            if let Some(layer) = LAYERS
                .iter()
                .find(|l| rest.starts_with(*l) && rest[l.len()..].starts_with("::"))
            {
                used.push((n + 1, *layer));
            }
        }
    }
    used
}

#[test]
fn every_folder_uses_only_the_layers_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut checked = 0;
    let mut broken = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("below src/");
        let Some(folder) = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .filter(|_| relative.components().count() > 1)
        else {
            continue;
        };
        let rank = LAYERS
            .iter()
            .position(|l| *l == folder)
            .unwrap_or_else(|| panic!("src/{folder}/ is not a known layer: add it to LAYERS"));
        checked += 1;
        let text = std::fs::read_to_string(file).expect("a readable source");
        if let Some(n) = text.lines().position(|l| l.contains("crate::{")) {
            broken.push(format!(
                "src/{}:{}: name one path per `use crate::` line, so this check can read it",
                relative.display(),
                n + 1
            ));
        }
        for (line, layer) in used_layers(&text) {
            let used = LAYERS.iter().position(|l| *l == layer).expect("listed");
            if used > rank {
                broken.push(format!(
                    "src/{}:{line}: {folder}/ uses {layer}/, which comes after it",
                    relative.display()
                ));
            }
        }
    }
    assert!(checked > 30, "only {checked} files found below src/");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_checker_sees_code_and_skips_docs_and_tests() {
    let text = "use crate::graph::layout::Layout;\n/// [`crate::data::pack`]\nfn f() { crate::view::x(); }\n#[cfg(test)]\nmod tests { use crate::data::bundle::Bundle; }\n";
    assert_eq!(used_layers(text), vec![(1, "graph"), (3, "view")]);
}

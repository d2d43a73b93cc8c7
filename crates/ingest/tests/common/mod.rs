//! Helpers shared by the fixture tests: a table row names a file, the line and field a problem
//! must be reported at, and a check of its kind.

use broadsheet_ingest::diagnostic::Problem;
use broadsheet_ingest::Report;
use std::path::Path;

/// Tells whether a problem is of the expected kind.
pub type Check = fn(&Problem) -> bool;

/// One expectation: file (relative to the shown folder), line, field, kind.
pub type Row = (&'static str, usize, &'static str, Check);

/// Fails unless every row's file has a problem of its kind at its line and field.
pub fn assert_rows(report: &Report, shown_root: &str, table: &[Row]) {
    for (file, line, field, check) in table {
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.path == Path::new(shown_root).join(file))
            .collect();
        assert!(
            found
                .iter()
                .any(|d| d.line == *line && d.field == *field && check(&d.problem)),
            "{file}: expected a problem on line {line} at `{field}`, got:\n{}",
            found
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

//! Saved views: explore views a reader named and kept in their own browser, each with the mark
//! of what they had seen of it, and the small JSON file that carries the list out and back in.
//!
//! The app keeps the list in localStorage as the same JSON it exports; this module owns every
//! rule about it (names, the limit, duplicates, reading a file someone edited by hand, counting
//! what is new), so the app only moves strings in and out of storage and files.
//!
//! A view's mark works like [`crate::view::visit`]'s: the newest publication time in the collection
//! (Unix seconds) when the reader last opened the view. Articles of the view published after
//! it are new; an article added later with an older date is not announced.
//!
//! Reading is total: any text gives either a list or messages saying what is wrong, in terms
//! of the file ("entry 3: `hash` is missing"), and never panics. Hashes are read by
//! [`Route::parse`] and kept in their canonical spelling, so two spellings of one view are one
//! saved view.
//!
//! ```
//! use broadsheet_core::view::saved::SavedViews;
//! use broadsheet_core::view::route::Route;
//! let Route::Explore(state) = Route::from_hash("#/?q=rail") else { unreachable!() };
//! let (list, _) = SavedViews::default().save(" Rail  news ", &state, 1_700_000_000).expect("saved");
//! assert_eq!(list.views()[0].name(), "Rail news");
//! assert_eq!(SavedViews::load(&list.to_json()), list);
//! ```

use crate::text::json::{parse, write_string, Json};
use crate::view::explore::{explore, Collection};
use crate::view::route::Route;
use crate::view::state::ViewState;

/// What the file's `format` field says, so another JSON file is told apart from this one.
pub const FORMAT: &str = "broadsheet-saved-views";
/// The version of the file this code writes and reads.
pub const VERSION: u64 = 1;
/// At most this many views are kept.
pub const MAX_VIEWS: usize = 100;
/// A name has at most this many characters.
pub const MAX_NAME_CHARS: usize = 80;
/// A file larger than this is not read: a full list of views is a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// At most this many problems are listed; the last line says how many more there were.
const MAX_PROBLEMS: usize = 5;

/// Why a name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing but spaces.
    #[error("Give the view a name.")]
    Empty,
    /// Longer than [`MAX_NAME_CHARS`].
    #[error("A name is at most {MAX_NAME_CHARS} characters.")]
    TooLong,
}

/// A name as it is kept: runs of spaces, line breaks and other control characters become one
/// space, and the ends are trimmed.
///
/// ```
/// use broadsheet_core::view::saved::{name, NameError};
/// assert_eq!(name("  AI\n\tnews "), Ok("AI news".to_owned()));
/// assert_eq!(name("   "), Err(NameError::Empty));
/// ```
pub fn name(text: &str) -> Result<String, NameError> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let name = words.join(" ");
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(NameError::TooLong)
    } else {
        Ok(name)
    }
}

/// One saved view.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedView {
    name: String,
    state: ViewState,
    hash: String,
    seen: i64,
}

impl SavedView {
    fn new(name: String, state: ViewState, seen: i64) -> Self {
        let hash = Route::Explore(state.clone()).to_hash();
        Self {
            name,
            state,
            hash,
            seen,
        }
    }

    /// The reader's name for it.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The view.
    #[must_use]
    pub fn state(&self) -> &ViewState {
        &self.state
    }

    /// The view's canonical hash, starting with `#/`.
    #[must_use]
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The newest publication time (Unix seconds) in the collection when the reader last opened
    /// it: later articles of the view are new.
    #[must_use]
    pub fn seen(&self) -> i64 {
        self.seen
    }
}

/// What saving did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// The view is new to the list.
    Added,
    /// The view was saved before under the name `from`; it is kept once, under the new name.
    Renamed {
        /// The name it had.
        from: String,
    },
}

/// Why a view was not saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The name.
    #[error(transparent)]
    Name(#[from] NameError),
    /// The list already holds [`MAX_VIEWS`].
    #[error("The list is full ({MAX_VIEWS} views): remove one to save another.")]
    Full,
}

/// A file that was not imported, and why; the list it was to be added to is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The file was not imported: {}.", .problems.join("; "))]
pub struct ImportError {
    /// What is wrong, at most a few lines, in terms of the file.
    pub problems: Vec<String>,
}

/// A successful import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The list with the file's views added.
    pub views: SavedViews,
    /// How many views were added.
    pub added: usize,
    /// What the reader should know: views already saved, views left out, hashes tidied.
    pub notes: Vec<String>,
}

/// The saved views, most recently saved first (imported ones after, in the file's order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SavedViews {
    views: Vec<SavedView>,
}

/// What a file held: its good views (each view once), the entries that are wrong, and notes
/// about entries read with changes.
struct Read {
    views: Vec<SavedView>,
    problems: Vec<String>,
    notes: Vec<String>,
}

impl SavedViews {
    /// The views.
    #[must_use]
    pub fn views(&self) -> &[SavedView] {
        &self.views
    }

    /// The list kept in storage (as [`Self::to_json`] wrote it). Entries that are wrong are
    /// dropped and text that is not a list is an empty one: what the page kept must never stop
    /// it from working.
    #[must_use]
    pub fn load(text: &str) -> Self {
        let mut views = read(text, 0).map(|r| r.views).unwrap_or_default();
        views.truncate(MAX_VIEWS);
        Self { views }
    }

    /// The file form: `format`, `version` and the views' `name`, `hash` and `seen`.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Laid out as serde_json's pretty printer did (fields sorted, two-space indents), so
        // files written before read the same to a person comparing them.
        let mut out = String::from("{\n  \"format\": ");
        write_string(&mut out, FORMAT);
        out.push_str(",\n  \"version\": ");
        out.push_str(&VERSION.to_string());
        out.push_str(",\n  \"views\": [");
        for (i, view) in self.views.iter().enumerate() {
            out.push_str(if i == 0 {
                "\n    {\n      \"hash\": "
            } else {
                ",\n    {\n      \"hash\": "
            });
            write_string(&mut out, &view.hash);
            out.push_str(",\n      \"name\": ");
            write_string(&mut out, &view.name);
            out.push_str(",\n      \"seen\": ");
            out.push_str(&view.seen.to_string());
            out.push_str("\n    }");
        }
        out.push_str(if self.views.is_empty() {
            "]\n}"
        } else {
            "\n  ]\n}"
        });
        out
    }

    /// Saves `state` as `name`, seen up to `mark` (see [`SavedView::seen`]). A view saved
    /// before keeps its place and takes the new name.
    pub fn save(
        &self,
        name: &str,
        state: &ViewState,
        mark: i64,
    ) -> Result<(Self, Saved), SaveError> {
        let name = self::name(name)?;
        let mut views = self.views.clone();
        if let Some(view) = views.iter_mut().find(|v| v.state == *state) {
            let from = std::mem::replace(&mut view.name, name);
            view.seen = view.seen.max(mark);
            return Ok((Self { views }, Saved::Renamed { from }));
        }
        if views.len() >= MAX_VIEWS {
            return Err(SaveError::Full);
        }
        views.insert(0, SavedView::new(name, state.clone(), mark));
        Ok((Self { views }, Saved::Added))
    }

    /// The list without the view at `index`, and that view (to put back with
    /// [`Self::restore`]); `None` when there is no such view.
    #[must_use]
    pub fn remove(&self, index: usize) -> Option<(Self, SavedView)> {
        let mut views = self.views.clone();
        (index < views.len()).then(|| {
            let removed = views.remove(index);
            (Self { views }, removed)
        })
    }

    /// Puts back a removed view at `index` (or at the end): an undo. Nothing changes when the
    /// view was saved again meanwhile or the list is full.
    #[must_use]
    pub fn restore(&self, index: usize, view: SavedView) -> Self {
        let mut views = self.views.clone();
        if views.len() < MAX_VIEWS && !views.iter().any(|v| v.hash == view.hash) {
            views.insert(index.min(views.len()), view);
        }
        Self { views }
    }

    /// The list with the view of `hash` seen up to `mark`. A mark never moves back (a build
    /// rolled back), so articles already announced are not announced twice.
    #[must_use]
    pub fn mark_seen(&self, hash: &str, mark: i64) -> Self {
        let mut views = self.views.clone();
        for view in views.iter_mut().filter(|v| v.hash == hash) {
            view.seen = view.seen.max(mark);
        }
        Self { views }
    }

    /// Adds the views of a file (see [`Self::to_json`]) after these. A view already saved is
    /// kept once, with its name and mark here; views beyond [`MAX_VIEWS`] are left out; entries
    /// without `seen` are seen up to `mark`. A file with anything wrong adds nothing.
    pub fn import(&self, text: &str, mark: i64) -> Result<Imported, ImportError> {
        let read = read(text, mark).map_err(|problem| ImportError {
            problems: vec![problem],
        })?;
        if !read.problems.is_empty() {
            return Err(ImportError {
                problems: capped(read.problems),
            });
        }
        let mut views = self.views.clone();
        let mut notes = read.notes;
        let (mut added, mut left_out) = (0, 0);
        for view in read.views {
            if let Some(kept) = views.iter().find(|v| v.hash == view.hash) {
                notes.push(format!(
                    "“{}” is already saved as “{}”; kept that one",
                    view.name, kept.name
                ));
            } else if views.len() < MAX_VIEWS {
                views.push(view);
                added += 1;
            } else {
                left_out += 1;
            }
        }
        if left_out > 0 {
            notes.push(format!(
                "{left_out} {} left out: the list holds at most {MAX_VIEWS}",
                if left_out == 1 {
                    "view was"
                } else {
                    "views were"
                }
            ));
        }
        Ok(Imported {
            views: Self { views },
            added,
            notes: capped(notes),
        })
    }
}

/// Refuses a file of `bytes` bytes before it is read, when it is larger than
/// [`MAX_FILE_BYTES`]: a file chosen by mistake (a video) need not be read into memory first.
///
/// ```
/// use broadsheet_core::view::saved::check_size;
/// assert!(check_size(2_000).is_ok());
/// assert!(check_size(1 << 30).is_err());
/// ```
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES as u64 {
        return Err(ImportError {
            problems: vec![format!(
                "it is larger than {} KiB, far more than {MAX_VIEWS} views take",
                MAX_FILE_BYTES / 1024
            )],
        });
    }
    Ok(())
}

/// At most [`MAX_PROBLEMS`] lines, the last saying how many more there were.
fn capped(mut lines: Vec<String>) -> Vec<String> {
    if lines.len() > MAX_PROBLEMS {
        let more = lines.len() - MAX_PROBLEMS;
        lines.truncate(MAX_PROBLEMS);
        lines.push(if more == 1 {
            "and 1 more".to_owned()
        } else {
            format!("and {more} more")
        });
    }
    lines
}

/// Reads a file; `Err` when it is not a list of saved views at all. Entries without `seen`
/// are seen up to `mark`.
fn read(text: &str, mark: i64) -> Result<Read, String> {
    if let Err(mut e) = check_size(text.len() as u64) {
        return Err(e.problems.remove(0));
    }
    let file = parse(text).map_err(|e| format!("it is not JSON ({e})"))?;
    let Json::Object(_) = file else {
        return Err("it is not a saved views file (expected a JSON object with `views`)".into());
    };
    match file.get("format") {
        Some(Json::String(f)) if f == FORMAT => {}
        Some(_) => {
            return Err(format!(
                "it is not a saved views file (`format` is not “{FORMAT}”)"
            ))
        }
        None => return Err("it is not a saved views file (`format` is missing)".into()),
    }
    match file.get("version") {
        Some(Json::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(Json::Number(n)) if n.as_u64().is_some_and(|v| v > VERSION) => {
            return Err(format!(
                "it was written by a newer Broadsheet (`version` {n}; this one reads {VERSION})"
            ))
        }
        Some(_) => return Err(format!("`version` is not {VERSION}")),
        None => return Err("`version` is missing".into()),
    }
    let entries = match file.get("views") {
        Some(Json::Array(entries)) => entries,
        Some(_) => return Err("`views` is not a list".into()),
        None => return Err("`views` is missing".into()),
    };
    let mut out = Read {
        views: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    // Entry numbers count from 1, as a person reading the file would.
    let mut first_of: Vec<(String, usize)> = Vec::new();
    for (i, entry) in (1..).zip(entries) {
        match read_entry(entry, mark) {
            Ok((view, notices)) => {
                out.notes.extend(
                    notices
                        .into_iter()
                        .map(|n| format!("entry {i}: the view's link {n}")),
                );
                if let Some((_, first)) = first_of.iter().find(|(h, _)| *h == view.hash) {
                    out.notes.push(format!(
                        "entry {i} is the same view as entry {first}; kept entry {first}"
                    ));
                } else {
                    first_of.push((view.hash.clone(), i));
                    out.views.push(view);
                }
            }
            Err(problem) => out.problems.push(format!("entry {i}: {problem}")),
        }
    }
    Ok(out)
}

/// One entry of `views`, and what its hash had that was ignored.
fn read_entry(entry: &Json, mark: i64) -> Result<(SavedView, Vec<String>), String> {
    let Json::Object(_) = entry else {
        return Err("it is not an object with `name` and `hash`".into());
    };
    let name = self::name(text(entry, "name")?).map_err(|e| match e {
        NameError::Empty => "`name` is empty".to_owned(),
        NameError::TooLong => format!("`name` is longer than {MAX_NAME_CHARS} characters"),
    })?;
    let hash = text(entry, "hash")?;
    let not_a_view = || {
        format!(
            "`hash` “{}” is not a view of the explore page",
            crate::view::fragment::shorten(hash)
        )
    };
    // Checked before parsing: the route parser sends a hash that names no page to the explore
    // view, which would save the front page under this name.
    if !is_explore_hash(hash) {
        return Err(not_a_view());
    }
    let parsed = Route::parse(hash);
    let Route::Explore(state) = parsed.route else {
        return Err(not_a_view());
    };
    let seen = match entry.get("seen") {
        None | Some(Json::Null) => mark,
        Some(Json::Number(n)) => n
            .as_i64()
            .ok_or_else(|| "`seen` is not a whole number of seconds".to_owned())?,
        Some(_) => return Err("`seen` is not a whole number of seconds".into()),
    };
    Ok((SavedView::new(name, state, seen), parsed.notices))
}

/// Whether `hash` is spelled as the explore page's: empty, `#`, `#/`, or with a `?` query.
fn is_explore_hash(hash: &str) -> bool {
    let path = hash.strip_prefix('#').unwrap_or(hash);
    let path = path.strip_prefix('/').unwrap_or(path);
    path.is_empty() || path.starts_with('?')
}

/// The string field `key` of an entry.
fn text<'a>(entry: &'a Json, key: &str) -> Result<&'a str, String> {
    match entry.get(key) {
        Some(Json::String(text)) => Ok(text),
        Some(_) => Err(format!("`{key}` is not text")),
        None => Err(format!("`{key}` is missing")),
    }
}

/// How many articles of `view` were published after it was last opened. In a sharded build a
/// view with a search counts the articles found so far: fetch the files
/// [`crate::data::library::Library::missing`] names for its query first.
#[must_use]
pub fn new_since(collection: &impl Collection, view: &SavedView) -> usize {
    let catalog = collection.catalog();
    explore(collection, &view.state)
        .articles
        .iter()
        .filter(|&&n| catalog.published(n).unix() > view.seen)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundle::Bundle;
    use crate::testing::article;

    fn state(hash: &str) -> ViewState {
        match Route::from_hash(hash) {
            Route::Explore(state) => state,
            other => panic!("{hash} is {other:?}"),
        }
    }

    fn list(views: &[(&str, &str, i64)]) -> SavedViews {
        SavedViews {
            views: views
                .iter()
                .map(|&(name, hash, seen)| SavedView::new(name.into(), state(hash), seen))
                .collect(),
        }
    }

    fn file(views: &str) -> String {
        format!(r##"{{"format": "broadsheet-saved-views", "version": 1, "views": {views}}}"##)
    }

    fn names(list: &SavedViews) -> Vec<(&str, &str, i64)> {
        list.views
            .iter()
            .map(|v| (v.name(), v.hash(), v.seen()))
            .collect()
    }

    #[test]
    fn names_are_trimmed_collapsed_and_bounded() {
        let long = "x".repeat(MAX_NAME_CHARS);
        let cases: &[(&str, Result<&str, NameError>)] = &[
            ("AI news", Ok("AI news")),
            ("  AI \n\t news  ", Ok("AI news")),
            ("a\u{0}b", Ok("a b")),
            ("Ünïcödé ✓", Ok("Ünïcödé ✓")),
            ("", Err(NameError::Empty)),
            (" \n\t ", Err(NameError::Empty)),
            (&long, Ok(&long)),
        ];
        for (text, want) in cases {
            assert_eq!(name(text), want.clone().map(str::to_owned), "{text:?}");
        }
        assert_eq!(name(&format!("{long}y")), Err(NameError::TooLong));
        // Characters, not bytes: 80 two-byte letters fit.
        assert!(name(&"é".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn saving_adds_first_and_renames_a_view_saved_before() {
        let start = list(&[("Rail", "#/?q=rail", 100)]);
        let (added, how) = start.save("AI", &state("#/?topic=ai"), 200).expect("saves");
        assert_eq!(how, Saved::Added);
        assert_eq!(
            names(&added),
            [("AI", "#/?topic=ai", 200), ("Rail", "#/?q=rail", 100)]
        );
        // The same view in another spelling is the same view.
        let (renamed, how) = added
            .save("Trains", &state("#/?q=rail&zzz=1"), 300)
            .expect("saves");
        assert_eq!(
            how,
            Saved::Renamed {
                from: "Rail".into()
            }
        );
        assert_eq!(
            names(&renamed),
            [("AI", "#/?topic=ai", 200), ("Trains", "#/?q=rail", 300)]
        );
        assert_eq!(
            start.save("  ", &state("#/"), 1),
            Err(SaveError::Name(NameError::Empty))
        );
    }

    #[test]
    fn a_full_list_refuses_a_new_view_but_renames_a_saved_one() {
        let mut full = SavedViews::default();
        for i in 0..MAX_VIEWS {
            full = full
                .save(&format!("v{i}"), &state(&format!("#/?q=w{i}")), 0)
                .expect("room")
                .0;
        }
        assert_eq!(
            full.save("one more", &state("#/?q=more"), 0),
            Err(SaveError::Full)
        );
        assert!(full.save("renamed", &state("#/?q=w3"), 0).is_ok());
    }

    #[test]
    fn removing_and_undoing_puts_the_view_back_in_its_place() {
        let start = list(&[("A", "#/?q=a", 1), ("B", "#/?q=b", 2), ("C", "#/?q=c", 3)]);
        let (without, removed) = start.remove(1).expect("there is a second view");
        assert_eq!(names(&without), [("A", "#/?q=a", 1), ("C", "#/?q=c", 3)]);
        assert_eq!(without.restore(1, removed.clone()), start);
        // Saved again meanwhile: kept once.
        let again = without
            .save("B again", &state("#/?q=b"), 5)
            .expect("saves")
            .0;
        assert_eq!(again.restore(1, removed).views.len(), 3);
        assert!(start.remove(3).is_none());
    }

    #[test]
    fn opening_marks_a_view_seen_and_never_moves_the_mark_back() {
        let start = list(&[("A", "#/?q=a", 100), ("B", "#/?q=b", 100)]);
        assert_eq!(
            names(&start.mark_seen("#/?q=a", 300)),
            [("A", "#/?q=a", 300), ("B", "#/?q=b", 100)]
        );
        assert_eq!(start.mark_seen("#/?q=a", 50), start);
        assert_eq!(start.mark_seen("#/?q=zzz", 300), start);
    }

    #[test]
    fn the_file_form_reads_back_as_the_same_list() {
        let start = list(&[
            ("AI “news”, \\ & <b>", "#/?topic=ai,-sports&sort=date", -5),
            ("Everything", "#/", i64::MAX),
        ]);
        let json = start.to_json();
        assert!(
            json.contains("\"format\": \"broadsheet-saved-views\""),
            "{json}"
        );
        assert!(json.contains("\"version\": 1"), "{json}");
        assert_eq!(SavedViews::load(&json), start);
        assert_eq!(
            SavedViews::default()
                .import(&json, 0)
                .expect("imports")
                .views,
            start
        );
    }

    #[test]
    fn the_file_is_laid_out_as_serde_json_pretty_printed_it() {
        let reference = |list: &SavedViews| {
            let views: Vec<serde_json::Value> = list
                .views
                .iter()
                .map(|v| serde_json::json!({ "name": v.name, "hash": v.hash, "seen": v.seen }))
                .collect();
            let file = serde_json::json!({ "format": FORMAT, "version": VERSION, "views": views });
            serde_json::to_string_pretty(&file)
                .expect("strings and numbers")
                .replace('<', "\\u003c")
        };
        let lists = [
            SavedViews::default(),
            list(&[("Rail", "#/?q=rail", 0)]),
            list(&[
                (
                    "AI “news”, \\ & <b>\t\u{1}",
                    "#/?topic=ai,-sports&sort=date",
                    -5,
                ),
                ("Everything", "#/", i64::MAX),
            ]),
        ];
        for list in lists {
            assert_eq!(list.to_json(), reference(&list));
        }
    }

    #[test]
    fn a_file_that_is_not_a_list_of_views_says_what_it_is() {
        let cases = [
            (
                "",
                "it is not JSON (EOF while parsing a value at line 1 column 0)",
            ),
            (
                "{\"views\": [",
                "it is not JSON (EOF while parsing a list at line 1 column 11)",
            ),
            (
                "[]",
                "it is not a saved views file (expected a JSON object with `views`)",
            ),
            ("{}", "it is not a saved views file (`format` is missing)"),
            (
                r##"{"format": "broadsheet-articles"}"##,
                "it is not a saved views file (`format` is not “broadsheet-saved-views”)",
            ),
            (
                r##"{"format": "broadsheet-saved-views"}"##,
                "`version` is missing",
            ),
            (
                r##"{"format": "broadsheet-saved-views", "version": 2, "views": []}"##,
                "it was written by a newer Broadsheet (`version` 2; this one reads 1)",
            ),
            (
                r##"{"format": "broadsheet-saved-views", "version": "1", "views": []}"##,
                "`version` is not 1",
            ),
            (
                r##"{"format": "broadsheet-saved-views", "version": 1}"##,
                "`views` is missing",
            ),
            (
                r##"{"format": "broadsheet-saved-views", "version": 1, "views": {}}"##,
                "`views` is not a list",
            ),
        ];
        let start = list(&[("A", "#/?q=a", 1)]);
        for (text, problem) in cases {
            assert_eq!(
                start.import(text, 0),
                Err(ImportError {
                    problems: vec![problem.to_owned()]
                }),
                "{text:?}"
            );
            assert_eq!(SavedViews::load(text), SavedViews::default(), "{text:?}");
        }
        let huge = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            start.import(&huge, 0).map_err(|e| e.problems),
            Err(vec![
                "it is larger than 1024 KiB, far more than 100 views take".to_owned()
            ])
        );
    }

    #[test]
    fn wrong_entries_are_named_by_number_and_nothing_is_imported() {
        let cases = [
            (r##"[{"hash": "#/"}]"##, "entry 1: `name` is missing"),
            (
                r##"[{"name": "A", "hash": "#/"}, {"name": "B"}]"##,
                "entry 2: `hash` is missing",
            ),
            (
                r##"[{"name": 7, "hash": "#/"}]"##,
                "entry 1: `name` is not text",
            ),
            (
                r##"[{"name": " ", "hash": "#/"}]"##,
                "entry 1: `name` is empty",
            ),
            (
                r##"[{"name": "A", "hash": null}]"##,
                "entry 1: `hash` is not text",
            ),
            (
                r##"["#/?q=a"]"##,
                "entry 1: it is not an object with `name` and `hash`",
            ),
            (
                r##"[{"name": "A", "hash": "#/article/x"}]"##,
                "entry 1: `hash` “#/article/x” is not a view of the explore page",
            ),
            (
                r##"[{"name": "A", "hash": "#/graph?q=x"}]"##,
                "entry 1: `hash` “#/graph?q=x” is not a view of the explore page",
            ),
            (
                r##"[{"name": "A", "hash": "#/nonsense"}]"##,
                "entry 1: `hash` “#/nonsense” is not a view of the explore page",
            ),
            (
                r##"[{"name": "A", "hash": "#/", "seen": "yesterday"}]"##,
                "entry 1: `seen` is not a whole number of seconds",
            ),
            (
                r##"[{"name": "A", "hash": "#/", "seen": 1.5}]"##,
                "entry 1: `seen` is not a whole number of seconds",
            ),
        ];
        let start = list(&[("A", "#/?q=a", 1)]);
        for (views, problem) in cases {
            let text = file(views);
            assert_eq!(
                start.import(&text, 0).map_err(|e| e.problems),
                Err(vec![problem.to_owned()]),
                "{views}"
            );
        }
        let long = format!(r##"[{{"name": "{}", "hash": "#/"}}]"##, "n".repeat(81));
        assert_eq!(
            start.import(&file(&long), 0).map_err(|e| e.problems),
            Err(vec![
                "entry 1: `name` is longer than 80 characters".to_owned()
            ])
        );
    }

    #[test]
    fn many_wrong_entries_give_a_short_message() {
        let views = format!("[{}]", ["{}"; 9].join(","));
        let err = SavedViews::default()
            .import(&file(&views), 0)
            .expect_err("nothing is right");
        assert_eq!(err.problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(err.problems[MAX_PROBLEMS], "and 4 more");
        assert!(err
            .to_string()
            .starts_with("The file was not imported: entry 1: `name` is missing; entry 2:"));
    }

    #[test]
    fn storage_keeps_the_good_entries_of_a_damaged_list() {
        let text = file(r##"[{"name": "A", "hash": "#/?q=a", "seen": 5}, {"name": ""}, 3]"##);
        assert_eq!(names(&SavedViews::load(&text)), [("A", "#/?q=a", 5)]);
    }

    #[test]
    fn importing_adds_new_views_and_keeps_one_of_each() {
        let start = list(&[("Rail", "#/?q=rail", 100)]);
        let text = file(
            r##"[
                {"name": "Trains", "hash": "#/?q=rail", "seen": 900},
                {"name": "AI", "hash": "?topic=AI&zzz=1", "seen": 50},
                {"name": "AI again", "hash": "#/?topic=ai"},
                {"name": "All", "hash": ""},
                {"name": "Unseen", "hash": "#/?q=new", "extra": true}
            ]"##,
        );
        let imported = start.import(&text, 777).expect("imports");
        assert_eq!(
            names(&imported.views),
            [
                ("Rail", "#/?q=rail", 100),
                ("AI", "#/?topic=ai", 50),
                ("All", "#/", 777),
                ("Unseen", "#/?q=new", 777),
            ]
        );
        assert_eq!(imported.added, 3);
        assert_eq!(
            imported.notes,
            [
                "entry 2: the view's link ignored the unknown setting “zzz”",
                "entry 3 is the same view as entry 2; kept entry 2",
                "“Trains” is already saved as “Rail”; kept that one",
            ]
        );
    }

    #[test]
    fn importing_into_a_nearly_full_list_says_what_was_left_out() {
        let mut start = SavedViews::default();
        for i in 0..MAX_VIEWS - 1 {
            start = start
                .save(&format!("v{i}"), &state(&format!("#/?q=w{i}")), 0)
                .expect("room")
                .0;
        }
        let text = file(
            r##"[{"name": "a", "hash": "#/?q=a"}, {"name": "b", "hash": "#/?q=b"},
                {"name": "c", "hash": "#/?q=c"}]"##,
        );
        let imported = start.import(&text, 0).expect("imports");
        assert_eq!(imported.views.views().len(), MAX_VIEWS);
        assert_eq!(imported.added, 1);
        assert_eq!(
            imported.notes,
            ["2 views were left out: the list holds at most 100"]
        );
    }

    #[test]
    fn reading_junk_never_panics() {
        let junk = [
            "\u{0}",
            "{\"format\": \"broadsheet-saved-views\", \"version\": 18446744073709551615, \"views\": []}",
            "{\"format\": \"broadsheet-saved-views\", \"version\": -1, \"views\": []}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            "\"\\ud800\"",
        ];
        for text in junk {
            assert!(SavedViews::default().import(text, 0).is_err(), "{text:?}");
        }
        let odd = file(
            r##"[{"name": "x", "hash": "#/?q=%FF%zz&heat=abc&from=2024-02-30", "seen": -9223372036854775808}]"##,
        );
        let imported = SavedViews::default()
            .import(&odd, 0)
            .expect("a view, tidied");
        assert_eq!(imported.views.views()[0].seen(), i64::MIN);
        assert!(!imported.notes.is_empty());
    }

    #[test]
    fn counts_the_views_articles_published_after_its_mark() {
        let mut rail = article("rail", None, 300);
        rail.title = "Rail strike".into();
        let mut old_rail = article("old-rail", None, 100);
        old_rail.title = "Rail history".into();
        let other = article("other", None, 400);
        let bundle = Bundle::new(vec![rail, old_rail, other]);
        let cases = [
            ("#/?q=rail", 200, 1),
            ("#/?q=rail", 300, 0),
            ("#/?q=rail", 0, 2),
            ("#/", 200, 2),
            ("#/?q=nothing", 0, 0),
        ];
        for (hash, seen, want) in cases {
            let view = SavedView::new("v".into(), state(hash), seen);
            assert_eq!(new_since(&bundle, &view), want, "{hash} after {seen}");
        }
    }
}

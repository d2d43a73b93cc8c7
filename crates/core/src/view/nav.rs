//! Navigation: the page shown, how it got there, and how each change moves it — the app's
//! route reducer, kept here so it is tested natively. The app's adapter (`src/route.rs`) reads
//! the address bar into [`NavAction::Load`], dispatches what the pages ask for, and writes the
//! route back with a new history entry when [`Nav::pushes`] grew, in place otherwise.
//!
//! ```
//! use broadsheet_core::view::history::{Control, Edit};
//! use broadsheet_core::view::nav::{Nav, NavAction};
//! use broadsheet_core::view::state::Action;
//!
//! let nav = Nav::load("#/", None, "#/", 0);
//! let typed = |nav: &Nav, text: &str| {
//!     let action = NavAction::View(Action::SetQuery(text.into()), Edit::Typing(Control::Search));
//!     nav.apply(action, 0.0).expect("the view changes")
//! };
//! let r = typed(&nav, "r");
//! let ra = typed(&r, "ra");
//! // The first keystroke is a step Back returns from; the next rewrites it.
//! assert_eq!((r.pushes(), ra.pushes()), (1, 1));
//! assert_eq!(ra.last_results, "#/?q=ra");
//! ```

use crate::view::history::{Edit, Step, Trail};
use crate::view::route::Route;
use crate::view::state::{Action, PAGE_ROWS};
use std::rc::Rc;

/// What the app shows, and how it got there.
#[derive(Clone, Debug, PartialEq)]
pub struct Nav {
    /// The page shown.
    pub route: Route,
    /// What the link that opened this page had that was ignored.
    pub notices: Rc<[String]>,
    /// The hash of the last explore view, graph or story shown: where an article's "Back to
    /// results" goes.
    pub last_results: String,
    /// How many result rows the list shows.
    pub rows: usize,
    /// Whether the address bar changed to this page under the app (Back, Forward, a link), as
    /// against the app's first page or an edit in place. Such a page can return to where the
    /// reader left it, scrolled down or with focus on a card, so its list is drawn whole at
    /// once; other lists draw their first screen first and the rest in the tasks after.
    pub arrived: bool,
    /// How many changes so far asked for a new history entry. Several changes can reach one
    /// render (keystrokes typed faster than the page draws): the render pushes an entry when
    /// this grew since the last, so the first keystroke's push is not lost to the next one's
    /// replace.
    pushes: u64,
    /// Whether the reader is in the middle of typing, to coalesce keystrokes into one entry.
    trail: Trail,
    /// Where the page was scrolled when the last change that pushes a new entry was made: the
    /// position of the entry it leaves (read before the new view renders and perhaps shortens
    /// the page).
    left_at: f64,
}

/// A change to [`Nav`].
#[derive(Debug)]
pub enum NavAction {
    /// The address bar changed (a link, Back or Forward, an edit): read it. `rows` is how many
    /// rows the list showed when the reader last left this view.
    Load {
        /// `location.hash`.
        hash: String,
        /// Rows to show, when this view was shown before.
        rows: Option<usize>,
    },
    /// Change the explore view (or the widget's), as a step or not as [`Edit`] says.
    View(Action, Edit),
    /// Show another page of results.
    MoreRows,
    /// Select a node of the graph view by its key, or nothing. The selection replaces the
    /// history entry: clicking around a picture is not a trail of pages to go Back through.
    Select(Option<String>),
    /// Show the page shown under another address that names the same page (a story opened by
    /// one of its articles' ids, written with its own key). The history entry is rewritten in
    /// place.
    Rename(Route),
    /// Hide the notices.
    Dismiss,
}

impl Nav {
    /// The page `hash` names, showing `rows` rows (a page's worth when `None`), after a
    /// results page at `last_results`, with `pushes` entries asked for so far.
    #[must_use]
    pub fn load(hash: &str, rows: Option<usize>, last_results: &str, pushes: u64) -> Self {
        let parsed = Route::parse(hash);
        let last_results = match &parsed.route {
            Route::Explore(_) | Route::Graph(..) | Route::Story(..) => parsed.route.to_hash(),
            Route::Article(_) | Route::Embed(..) | Route::Saved => last_results.to_owned(),
        };
        Self {
            route: parsed.route,
            notices: parsed.notices.into(),
            last_results,
            rows: rows.unwrap_or(PAGE_ROWS),
            arrived: false,
            pushes,
            trail: Trail::default(),
            left_at: 0.0,
        }
    }

    /// How many changes so far asked for a new history entry.
    #[must_use]
    pub fn pushes(&self) -> u64 {
        self.pushes
    }

    /// Where the page was scrolled when the last new entry was asked for: the position of
    /// the entry it left.
    #[must_use]
    pub fn left_at(&self) -> f64 {
        self.left_at
    }

    /// The navigation after `action`, or `None` when nothing changes (the app then skips the
    /// render). `scroll` is where the page is scrolled now: a change that adds an entry
    /// remembers it as the position of the entry it leaves.
    #[must_use]
    pub fn apply(&self, action: NavAction, scroll: f64) -> Option<Self> {
        match action {
            NavAction::Load { hash, rows } => {
                let next = Self {
                    arrived: true,
                    ..Self::load(&hash, rows, &self.last_results, self.pushes)
                };
                (next.route != self.route || !next.notices.is_empty()).then_some(next)
            }
            NavAction::View(action, edit) => {
                let (route, edit, last_results) = match &self.route {
                    Route::Explore(state) => {
                        let route = Route::Explore(state.apply(action));
                        let last_results = route.to_hash();
                        (route, edit, last_results)
                    }
                    // The widget's view changes like the app's, but always in place: entries
                    // pushed inside a frame would land in the host page's history.
                    Route::Embed(state, options) => (
                        Route::Embed(state.apply(action), options.clone()),
                        Edit::InPlace,
                        self.last_results.clone(),
                    ),
                    Route::Article(_) | Route::Graph(..) | Route::Story(..) | Route::Saved => {
                        return None
                    }
                };
                if route == self.route {
                    return None;
                }
                let (trail, step) = self.trail.step(edit);
                let (pushes, left_at) = match step {
                    Step::Push => (self.pushes + 1, scroll),
                    Step::Replace => (self.pushes, self.left_at),
                };
                Some(Self {
                    last_results,
                    route,
                    notices: Rc::clone(&self.notices),
                    rows: PAGE_ROWS,
                    arrived: false,
                    pushes,
                    trail,
                    left_at,
                })
            }
            NavAction::Select(key) => {
                let Route::Graph(state, node) = &self.route else {
                    return None;
                };
                if *node == key {
                    return None;
                }
                let route = Route::Graph(state.clone(), key);
                Some(Self {
                    last_results: route.to_hash(),
                    route,
                    ..self.clone()
                })
            }
            NavAction::Rename(route) => (route != self.route).then(|| Self {
                last_results: route.to_hash(),
                route,
                ..self.clone()
            }),
            NavAction::MoreRows => Some(Self {
                rows: self.rows.saturating_add(PAGE_ROWS),
                ..self.clone()
            }),
            NavAction::Dismiss if self.notices.is_empty() => None,
            NavAction::Dismiss => Some(Self {
                notices: Rc::from([]),
                ..self.clone()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::facet::Facet;
    use crate::view::history::Control;

    fn view(nav: &Nav, action: Action, edit: Edit, scroll: f64) -> Nav {
        nav.apply(NavAction::View(action, edit), scroll)
            .expect("the view changes")
    }

    fn search(text: &str) -> Action {
        Action::SetQuery(text.into())
    }

    #[test]
    fn loading_reads_the_hash_and_keeps_where_results_were() {
        let cases = [
            ("#/?q=rail", "#/?q=rail"),
            ("#/graph?q=rail", "#/graph?q=rail"),
            ("#/story/a", "#/story/a"),
            ("#/article/a", "#/?q=before"),
            ("#/saved", "#/?q=before"),
            ("#/embed?q=x", "#/?q=before"),
        ];
        for (hash, last) in cases {
            let nav = Nav::load(hash, None, "#/?q=before", 3);
            assert_eq!(nav.last_results, last, "{hash}");
            assert_eq!((nav.rows, nav.pushes()), (PAGE_ROWS, 3), "{hash}");
        }
        assert_eq!(Nav::load("#/", Some(75), "#/", 0).rows, 75);
        let junk = Nav::load("#/?zzz=1", None, "#/", 0);
        assert_eq!(junk.notices.len(), 1, "{:?}", junk.notices);
    }

    #[test]
    fn loading_the_page_shown_changes_nothing_unless_it_has_notices() {
        let nav = Nav::load("#/?q=rail", None, "#/", 0);
        let again = NavAction::Load {
            hash: "#/?q=rail".into(),
            rows: None,
        };
        assert_eq!(nav.apply(again, 0.0), None);
        let noisy = NavAction::Load {
            hash: "#/?q=rail&zzz=1".into(),
            rows: None,
        };
        assert!(nav.apply(noisy, 0.0).is_some());
        let other = NavAction::Load {
            hash: "#/article/a".into(),
            rows: None,
        };
        let article = nav.apply(other, 0.0).expect("another page");
        assert_eq!(article.last_results, "#/?q=rail");
        assert!(
            !nav.arrived && article.arrived,
            "the first page is not arrived at; one the address bar brings is"
        );
        let back = article
            .apply(
                NavAction::Load {
                    hash: "#/?q=rail".into(),
                    rows: Some(100),
                },
                0.0,
            )
            .expect("back to the list");
        let more = back.apply(NavAction::MoreRows, 0.0).expect("more rows");
        let typed = view(&more, search("rails"), Edit::Typing(Control::Search), 0.0);
        assert_eq!(
            [back.arrived, more.arrived, typed.arrived],
            [true, true, false],
            "a page arrived at stays so until it is edited in place"
        );
    }

    #[test]
    fn a_run_of_keystrokes_is_one_step_and_a_commit_another() {
        let nav = Nav::load("#/", None, "#/", 0);
        let typing = Edit::Typing(Control::Search);
        let r = view(&nav, search("r"), typing, 120.0);
        let ra = view(&r, search("ra"), typing, 400.0);
        let ticked = view(
            &ra,
            Action::Include(Facet::Topic, "transit".into(), true),
            Edit::Commit,
            800.0,
        );
        assert_eq!(
            [r.pushes(), ra.pushes(), ticked.pushes()],
            [1, 1, 2],
            "the first key and the commit add entries"
        );
        // Each push keeps where the page was when the entry was left.
        assert_eq!(
            [r.left_at(), ra.left_at(), ticked.left_at()],
            [120.0, 120.0, 800.0]
        );
        assert_eq!(ticked.last_results, ticked.route.to_hash());
        assert_eq!(ticked.rows, PAGE_ROWS);
        // A change to the same view is no change.
        assert_eq!(
            ticked.apply(NavAction::View(search("ra"), Edit::Commit), 0.0),
            None
        );
    }

    #[test]
    fn a_widget_never_adds_entries_and_other_pages_take_no_view_changes() {
        let widget = Nav::load("#/embed", None, "#/?q=kept", 0);
        let changed = view(&widget, search("rail"), Edit::Commit, 0.0);
        assert_eq!(changed.pushes(), 0);
        assert_eq!(changed.route.to_hash(), "#/embed?q=rail");
        assert_eq!(changed.last_results, "#/?q=kept");
        for hash in ["#/article/a", "#/graph", "#/story/a", "#/saved"] {
            let nav = Nav::load(hash, None, "#/", 0);
            assert_eq!(
                nav.apply(NavAction::View(search("x"), Edit::Commit), 0.0),
                None,
                "{hash}"
            );
        }
    }

    #[test]
    fn selecting_renaming_more_rows_and_dismissing() {
        let graph = Nav::load("#/graph?q=rail", None, "#/", 0);
        let picked = graph
            .apply(NavAction::Select(Some("a".into())), 0.0)
            .expect("a node");
        assert_eq!(picked.route.to_hash(), "#/graph?q=rail&node=a");
        assert_eq!(picked.last_results, "#/graph?q=rail&node=a");
        assert_eq!(picked.pushes(), 0, "selecting rewrites the entry");
        assert_eq!(picked.apply(NavAction::Select(Some("a".into())), 0.0), None);
        assert_eq!(
            Nav::load("#/", None, "#/", 0).apply(NavAction::Select(None), 0.0),
            None,
            "only the graph selects"
        );

        let story = Nav::load("#/story/b", None, "#/", 0);
        let renamed = story
            .apply(NavAction::Rename(Route::from_hash("#/story/a")), 0.0)
            .expect("renamed");
        assert_eq!(renamed.last_results, "#/story/a");
        assert_eq!(
            renamed.apply(NavAction::Rename(Route::from_hash("#/story/a")), 0.0),
            None
        );

        let more = story.apply(NavAction::MoreRows, 0.0).expect("more");
        assert_eq!(more.rows, 2 * PAGE_ROWS);

        assert_eq!(
            story.apply(NavAction::Dismiss, 0.0),
            None,
            "no notices to hide"
        );
        let noisy = Nav::load("#/?zzz=1", None, "#/", 0);
        let quiet = noisy.apply(NavAction::Dismiss, 0.0).expect("hidden");
        assert!(quiet.notices.is_empty());
    }
}

//! The route adapter: the page and explore view named by `location.hash`, as a Yew reducer.
//!
//! The hash is the source of truth. What a hash means is `broadsheet_core::route`'s answer and
//! how a view changes is `ViewState::apply`; this module only wires them to the browser: it
//! reads the hash on load, `hashchange` and `popstate`, writes it back after every change of
//! view (replacing the history entry while the reader types or drags, pushing one for discrete
//! choices), and keeps each view's scroll position so Back and Forward return to it.

use broadsheet_core::route::Route;
use broadsheet_core::view::Action;
use gloo::events::EventListener;
use gloo::utils::{history, window};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::ScrollRestoration;
use yew::prelude::*;

use broadsheet_core::view::PAGE_ROWS;

/// How many explore views' scroll positions are remembered.
const REMEMBERED_VIEWS: usize = 50;

/// How a change of view reaches the address bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// A new history entry: Back returns to the view before.
    Push,
    /// The current entry changes: for typing and dragging, which would otherwise leave one
    /// entry per keystroke.
    Replace,
}

/// What the app shows, and how it got there.
#[derive(Clone, Debug, PartialEq)]
pub struct Nav {
    /// The page shown.
    pub route: Route,
    /// What the link that opened this page had that was ignored.
    pub notices: Rc<[String]>,
    /// The hash of the last explore view or graph shown: where an article's "Back to results"
    /// goes.
    pub last_home: AttrValue,
    /// How many result rows the list shows.
    pub rows: usize,
    /// How `route` must reach the address bar once rendered (`Replace` after a load only
    /// rewrites a link into its canonical spelling).
    write: Write,
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
    /// Change the explore view.
    View(Action, Write),
    /// Show another page of results.
    MoreRows,
    /// Select a node of the graph view by its key, or nothing. The selection replaces the
    /// history entry: clicking around a picture is not a trail of pages to go Back through.
    Select(Option<String>),
    /// Hide the notices.
    Dismiss,
}

impl Nav {
    fn load(hash: &str, rows: Option<usize>, last_home: AttrValue) -> Self {
        let parsed = Route::parse(hash);
        let last_home = match &parsed.route {
            Route::Home(_) | Route::Graph(..) => AttrValue::from(parsed.route.to_hash()),
            Route::Article(_) | Route::Embed(..) => last_home,
        };
        Self {
            route: parsed.route,
            notices: parsed.notices.into(),
            last_home,
            rows: rows.unwrap_or(PAGE_ROWS),
            write: Write::Replace,
        }
    }
}

impl Reducible for Nav {
    type Action = NavAction;

    /// Returns `self` itself when nothing changes, so Yew skips the render.
    fn reduce(self: Rc<Self>, action: NavAction) -> Rc<Self> {
        match action {
            NavAction::Load { hash, rows } => {
                let next = Self::load(&hash, rows, self.last_home.clone());
                if next.route == self.route && next.notices.is_empty() {
                    self
                } else {
                    Rc::new(next)
                }
            }
            NavAction::View(action, write) => {
                let (route, write, last_home) = match &self.route {
                    Route::Home(state) => {
                        let route = Route::Home(state.apply(action));
                        let last_home = AttrValue::from(route.to_hash());
                        (route, write, last_home)
                    }
                    // The widget's view changes like the app's, but always in place: entries
                    // pushed inside a frame would land in the host page's history.
                    Route::Embed(state, options) => (
                        Route::Embed(state.apply(action), options.clone()),
                        Write::Replace,
                        self.last_home.clone(),
                    ),
                    Route::Article(_) | Route::Graph(..) => return self,
                };
                if route == self.route {
                    return self;
                }
                Rc::new(Self {
                    last_home,
                    route,
                    notices: Rc::clone(&self.notices),
                    rows: PAGE_ROWS,
                    write,
                })
            }
            NavAction::Select(key) => {
                let Route::Graph(state, node) = &self.route else {
                    return self;
                };
                if *node == key {
                    return self;
                }
                let route = Route::Graph(state.clone(), key);
                Rc::new(Self {
                    last_home: AttrValue::from(route.to_hash()),
                    route,
                    write: Write::Replace,
                    ..(*self).clone()
                })
            }
            NavAction::MoreRows => Rc::new(Self {
                rows: self.rows.saturating_add(PAGE_ROWS),
                ..(*self).clone()
            }),
            NavAction::Dismiss if self.notices.is_empty() => self,
            NavAction::Dismiss => Rc::new(Self {
                notices: Rc::from([]),
                ..(*self).clone()
            }),
        }
    }
}

/// What the hook remembers outside the render cycle.
#[derive(Default)]
struct Memory {
    /// The canonical hash of the page shown, and the rows its list shows.
    shown: RefCell<String>,
    rows: Cell<usize>,
    /// Explore views the reader left: canonical hash, scroll offset, rows shown. Oldest first.
    views: RefCell<VecDeque<(String, f64, usize)>>,
    /// Set when the address bar changes, taken by the effect that runs after the new page
    /// renders.
    pending_scroll: Cell<Option<f64>>,
}

impl Memory {
    fn remember(&self, hash: String, scroll: f64, rows: usize) {
        let mut views = self.views.borrow_mut();
        views.retain(|(h, _, _)| *h != hash);
        if views.len() == REMEMBERED_VIEWS {
            views.pop_front();
        }
        views.push_back((hash, scroll, rows));
    }

    fn recall(&self, hash: &str) -> Option<(f64, usize)> {
        self.views
            .borrow()
            .iter()
            .find(|(h, _, _)| h == hash)
            .map(|(_, scroll, rows)| (*scroll, *rows))
    }

    /// Bookkeeping when the address bar changed under the app: remember where the reader was
    /// in the view they left, and decide where the new page should scroll to. Returns the
    /// rows to show when the new page is a view seen before.
    fn arrive(&self, hash: &str) -> Option<usize> {
        let route = Route::from_hash(hash);
        let key = route.to_hash();
        let left = self.shown.replace(key.clone());
        // `hashchange` and `popstate` both report one traversal; the second finds it done.
        if left == key {
            return None;
        }
        if matches!(Route::from_hash(&left), Route::Home(_)) {
            let scroll = window().scroll_y().unwrap_or_default();
            self.remember(left, scroll, self.rows.get());
        }
        match route {
            Route::Article(_) | Route::Graph(..) | Route::Embed(..) => {
                self.pending_scroll.set(Some(0.0));
                None
            }
            Route::Home(_) => {
                let seen = self.recall(&key);
                self.pending_scroll.set(seen.map(|(scroll, _)| scroll));
                seen.map(|(_, rows)| rows)
            }
        }
    }
}

/// The navigation state, re-rendering the caller on every change. Dispatch [`NavAction`]s to
/// change the view; the hook writes the hash and restores scroll positions.
#[hook]
pub fn use_route() -> UseReducerHandle<Nav> {
    let nav = use_reducer(|| Nav::load(&current_hash(), None, AttrValue::Static("#/")));
    let memory = use_memo((), |()| {
        let memory = Memory::default();
        memory.shown.replace(nav.route.to_hash());
        memory
    });
    {
        let dispatcher = nav.dispatcher();
        let memory = Rc::clone(&memory);
        use_effect_with((), move |()| {
            // The app restores positions itself, after the new page has rendered; the
            // browser's own attempt would land on the old, differently sized page.
            history()
                .set_scroll_restoration(ScrollRestoration::Manual)
                .ok();
            let on_change = move |_: &Event| {
                let hash = current_hash();
                let rows = memory.arrive(&hash);
                dispatcher.dispatch(NavAction::Load { hash, rows });
            };
            let on_change = Rc::new(on_change);
            let listeners = ["hashchange", "popstate"].map(|name| {
                let on_change = Rc::clone(&on_change);
                EventListener::new(&window(), name, move |e| on_change(e))
            });
            move || drop(listeners)
        });
    }
    {
        let memory = Rc::clone(&memory);
        let write = nav.write;
        use_effect_with((nav.route.clone(), nav.rows), move |(route, rows)| {
            memory.rows.set(*rows);
            let target = route.to_hash();
            memory.shown.replace(target.clone());
            write_hash(&target, write);
            if let Some(y) = memory.pending_scroll.take() {
                window().scroll_to_with_x_and_y(0.0, y);
            }
        });
    }
    nav
}

/// Puts `target` into the address bar unless it is already there. A bare address (no hash)
/// already means the default view and is left alone.
fn write_hash(target: &str, write: Write) {
    let current = current_hash();
    if current == target || (target == "#/" && (current.is_empty() || current == "#")) {
        return;
    }
    let history = history();
    let done = match write {
        Write::Push => history.push_state_with_url(&JsValue::NULL, "", Some(target)),
        Write::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(target)),
    };
    // A browser that refuses (too many history calls in a short time) keeps the old hash;
    // the view on screen is still right, and the next change writes again.
    done.ok();
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

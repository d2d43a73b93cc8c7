//! The route adapter: the page and explore view named by `location.hash`, as a Yew reducer
//! over `broadsheet_core::view::nav`.
//!
//! The hash is the source of truth. What a hash means is `broadsheet_core::view::route`'s answer
//! and how a view changes is `ViewState::apply`; this module only wires them to the browser: it
//! reads the hash on load, `hashchange` and `popstate`, writes it back after every change of
//! view (a new history entry or the same one, as `broadsheet_core::view::history` decides), and
//! keeps each history entry's scroll position so Back and Forward return to where the reader was.

use broadsheet_core::view::history::{Edit, Step};
use broadsheet_core::view::nav::{Nav, NavAction};
use broadsheet_core::view::route::Route;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::{history, window};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::ops::Deref;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::ScrollRestoration;
use yew::prelude::*;

/// How many history entries' scroll positions are remembered.
const REMEMBERED_VIEWS: usize = 100;

/// What kind of change a control sends: pages say what the reader did, core decides whether it
/// is a step in the history.
pub type Write = Edit;

/// The navigation state, as Yew's reducer holds it: `broadsheet_core::view::nav`'s [`Nav`],
/// told where the page is scrolled when a change comes.
#[derive(Clone, Debug, PartialEq)]
pub struct NavState(Nav);

impl Deref for NavState {
    type Target = Nav;

    fn deref(&self) -> &Nav {
        &self.0
    }
}

impl Reducible for NavState {
    type Action = NavAction;

    /// Returns `self` itself when nothing changes, so Yew skips the render.
    fn reduce(self: Rc<Self>, action: NavAction) -> Rc<Self> {
        match self
            .0
            .apply(action, window().scroll_y().unwrap_or_default())
        {
            Some(next) => Rc::new(Self(next)),
            None => self,
        }
    }
}

/// What the hook remembers outside the render cycle.
#[derive(Default)]
struct Memory {
    /// The canonical hash of the page shown, whether that is the explore page (kept beside it
    /// rather than parsed again at every write), and the rows its list shows.
    shown: RefCell<String>,
    shown_explore: Cell<bool>,
    rows: Cell<usize>,
    /// The history entry shown, by the id kept in its `history.state`.
    entry: Cell<f64>,
    /// Entries the reader left on an explore view: entry id, scroll offset, rows shown.
    /// Oldest first. Keyed by entry, not by view, because the same view can sit at two places
    /// in the history, each left at its own position.
    views: RefCell<VecDeque<(f64, f64, usize)>>,
    /// Set when the address bar changes, taken by the effect that runs after the new page
    /// renders.
    pending_scroll: Cell<Option<f64>>,
    /// [`Nav::pushes`] as of the last write.
    pushes: Cell<u64>,
    /// The canonical hash of the page shown, when the address bar still shows an older one of
    /// the same history entry: see [`replace_later`].
    unwritten: RefCell<Option<String>>,
}

impl Memory {
    /// Notes `route`, whose canonical hash is `hash`, as the page shown; returns the hash of
    /// the page it replaces and whether that was the explore page.
    fn show(&self, route: &Route, hash: String) -> (String, bool) {
        let explore = self
            .shown_explore
            .replace(matches!(route, Route::Explore(_)));
        (self.shown.replace(hash), explore)
    }

    fn remember(&self, entry: f64, scroll: f64, rows: usize) {
        let mut views = self.views.borrow_mut();
        views.retain(|(e, _, _)| *e != entry);
        if views.len() == REMEMBERED_VIEWS {
            views.pop_front();
        }
        views.push_back((entry, scroll, rows));
    }

    fn recall(&self, entry: f64) -> Option<(f64, usize)> {
        self.views
            .borrow()
            .iter()
            .find(|(e, _, _)| *e == entry)
            .map(|(_, scroll, rows)| (*scroll, *rows))
    }

    /// Bookkeeping when the address bar changed under the app: remember where the reader was
    /// in the entry they left, and decide where the new page should scroll to. Returns the
    /// canonical hash of the page arrived at and the rows to show when the new entry was shown
    /// before, or `None` when the event reports a change already handled.
    fn arrive(&self, hash: &str) -> Option<(String, Option<usize>)> {
        let entry = entry_id();
        let route = Route::from_hash(hash);
        let key = route.to_hash();
        // `hashchange` and `popstate` both report one traversal; the second finds it done.
        if entry == self.entry.get() && *self.shown.borrow() == key {
            return None;
        }
        let (left, left_explore) = self.show(&route, key.clone());
        let same_view = left == key;
        if left_explore {
            let scroll = window().scroll_y().unwrap_or_default();
            self.remember(self.entry.get(), scroll, self.rows.get());
        }
        self.entry.set(entry);
        let seen = self.recall(entry);
        // A view not seen in this entry before (a link followed, an entry from before a
        // reload) starts at its top, like any new page.
        let scroll = seen.map_or(0.0, |(scroll, _)| scroll);
        if same_view {
            // The page does not change, so no effect runs after a render to scroll it.
            window().scroll_to_with_x_and_y(0.0, scroll);
        } else {
            self.pending_scroll.set(Some(scroll));
        }
        Some((key, seen.map(|(_, rows)| rows)))
    }

    /// Bookkeeping when the app adds an entry: the one left keeps `scroll`, the new one gets
    /// an id.
    fn push(&self, scroll: f64) -> f64 {
        self.remember(self.entry.get(), scroll, self.rows.get());
        let entry = new_entry_id();
        self.entry.set(entry);
        entry
    }
}

/// The id of the history entry shown, giving it one when it has none (entries made by
/// following a link or by the browser's first load).
fn entry_id() -> f64 {
    stored_entry_id().unwrap_or_else(|| {
        let id = new_entry_id();
        // A browser that refuses keeps the entry without an id: its position is then not
        // restored, which is all that is lost.
        history().replace_state(&JsValue::from_f64(id), "").ok();
        id
    })
}

/// The id of the history entry the app starts on, as [`entry_id`] gives it, except that an
/// entry without one gets it written a task after the first render: the `replaceState` took
/// 9-20 ms of the first render with the CPU slowed 4× (CPU profiles of a search link at 10,000
/// articles), on the way to the first screen. A write of the hash in between carries the same
/// id; the delayed write leaves alone an entry that has one by then (should the reader reach a
/// new entry within those milliseconds, the first one gets a new id when they come back to it,
/// and starts at its top).
fn first_entry_id() -> f64 {
    stored_entry_id().unwrap_or_else(|| {
        let id = new_entry_id();
        Timeout::new(0, move || {
            if stored_entry_id().is_none() {
                history().replace_state(&JsValue::from_f64(id), "").ok();
            }
        })
        .forget();
        id
    })
}

/// The id kept in the shown history entry's state, if it has one.
fn stored_entry_id() -> Option<f64> {
    history().state().ok().and_then(|s| s.as_f64())
}

/// A fresh entry id: the time plus a counter, so ids kept in entries from before a reload
/// never collide with new ones.
fn new_entry_id() -> f64 {
    thread_local! {
        static COUNT: Cell<f64> = const { Cell::new(0.0) };
    }
    let n = COUNT.with(|c| {
        c.set(c.get() + 1.0);
        c.get()
    });
    js_sys::Date::now() * 1000.0 + n
}

/// The navigation state, re-rendering the caller on every change. Dispatch [`NavAction`]s to
/// change the view; the hook writes the hash and restores scroll positions.
#[hook]
pub fn use_route() -> UseReducerHandle<NavState> {
    let nav = use_reducer(|| NavState(Nav::load(&current_hash(), None, "#/", 0)));
    let memory = use_memo((), |()| {
        let memory = Memory::default();
        memory.show(&nav.route, nav.route.to_hash());
        memory.entry.set(first_entry_id());
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
                // The address bar left the entry that replacement was for; written now, it
                // would land on the entry arrived at. The entry left keeps the view before.
                memory.unwritten.take();
                let hash = current_hash();
                if let Some((canonical, rows)) = memory.arrive(&hash) {
                    // A link spelled another way than the canonical hash of its view is
                    // rewritten now: when the view is the one shown, no render follows to do
                    // it.
                    write_hash(&memory, &canonical, Step::Replace, 0.0);
                    dispatcher.dispatch(NavAction::Load { hash, rows });
                }
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
        let (pushes, left_at) = (nav.pushes(), nav.left_at());
        use_effect_with((nav.route.clone(), nav.rows), move |(route, rows)| {
            let write = if memory.pushes.replace(pushes) == pushes {
                Step::Replace
            } else {
                Step::Push
            };
            let target = route.to_hash();
            match write {
                Step::Push => {
                    // Entries keep their order: the one left gets its last view first.
                    if let Some(last) = memory.unwritten.take() {
                        write_hash(&memory, &last, Step::Replace, 0.0);
                    }
                    write_hash(&memory, &target, Step::Push, left_at);
                }
                // The explore page edited in place (a keystroke, a box ticked) waits for the
                // frame; any other replacement (a story link renamed to its canonical key, a
                // node selected) is written at once, over one that was waiting.
                Step::Replace
                    if matches!(route, Route::Explore(_)) && memory.shown_explore.get() =>
                {
                    replace_later(&memory, target.clone());
                }
                Step::Replace => {
                    memory.unwritten.take();
                    write_hash(&memory, &target, Step::Replace, 0.0);
                }
            }
            memory.rows.set(*rows);
            memory.show(route, target);
            if let Some(y) = memory.pending_scroll.take() {
                window().scroll_to_with_x_and_y(0.0, y);
            }
        });
    }
    nav
}

/// Replaces the hash with `target` once the page has painted: `history.replaceState` took
/// 0.3 ms at the median but 10-27 ms one call in twenty (Chromium, measured in a loop), which a
/// keystroke's results waited for when it ran in the render's effect (so this is for the explore
/// page edited in place; other replacements are written at once). Keystrokes typed within
/// one frame write only the last one's hash. A push writes it first; a change of the address bar
/// under the app (Back, a link) drops it, the entry it was for being gone from the screen.
fn replace_later(memory: &Rc<Memory>, target: String) {
    if memory.unwritten.replace(Some(target)).is_some() {
        return;
    }
    let write = {
        let memory = Rc::clone(memory);
        move || {
            if let Some(target) = memory.unwritten.take() {
                write_hash(&memory, &target, Step::Replace, 0.0);
            }
        }
    };
    // A hidden page has no frames to wait for.
    if gloo::utils::document().hidden() {
        write();
        return;
    }
    // The animation frame comes just before the paint, and a task queued from it just after. A
    // page the browser does not draw gets no frames even when it does not say it is hidden (a
    // tab behind one a link opened, headless): a timer writes the hash then, or the replacements
    // after the first would wait on it for good. Whichever comes first writes; the other finds
    // nothing left.
    let write = Rc::new(write);
    let after_paint = {
        let write = Rc::clone(&write);
        Closure::once_into_js(move || {
            let write = Closure::once_into_js(move || write());
            window()
                .set_timeout_with_callback(write.unchecked_ref())
                .ok();
        })
    };
    window()
        .request_animation_frame(after_paint.unchecked_ref())
        .ok();
    let fallback = Closure::once_into_js(move || write());
    if window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            fallback.unchecked_ref(),
            UNDRAWN_WRITE_MS,
        )
        .is_err()
    {
        if let Some(target) = memory.unwritten.take() {
            write_hash(memory, &target, Step::Replace, 0.0);
        }
    }
}

/// How long a replacement waits for a frame before it is written anyway (see [`replace_later`]):
/// several frames, so a drawn page always writes after its paint.
const UNDRAWN_WRITE_MS: i32 = 100;

/// Puts `target` into the address bar unless it is already there. A bare address (no hash)
/// already means the default view and is left alone. A push records `left_at` as the scroll
/// position of the entry it leaves.
fn write_hash(memory: &Memory, target: &str, write: Step, left_at: f64) {
    let current = current_hash();
    if current == target || (target == "#/" && (current.is_empty() || current == "#")) {
        return;
    }
    let history = history();
    let done = match write {
        Step::Push => {
            let entry = memory.push(left_at);
            history.push_state_with_url(&JsValue::from_f64(entry), "", Some(target))
        }
        Step::Replace => {
            let entry = JsValue::from_f64(memory.entry.get());
            history.replace_state_with_url(&entry, "", Some(target))
        }
    };
    // A browser that refuses (too many history calls in a short time) keeps the old hash;
    // the view on screen is still right, and the next change writes again.
    done.ok();
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

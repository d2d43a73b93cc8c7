//! The article data: the entry file fetched at start-up, the shards fetched as pages need them
//! (see `broadsheet_core::data::pack`), and the cheap handles pages and components receive as
//! props.
//!
//! A page says what it shows as `Need`s, asks [`Library::missing`] which files that takes, and
//! hands them to [`use_files`]; when they have arrived the app re-renders with a new
//! [`SharedLibrary`] snapshot, and the page finds what it needs. A small collection's entry
//! carries everything, so nothing is ever missing.

use crate::timing::measure;
use broadsheet_core::data::library::{EntryFile, Library, Need};
use broadsheet_core::graph::picture::Graphed;
use broadsheet_core::index::search::Query;
use broadsheet_core::index::stories::Stories;
use broadsheet_core::model::article::{Article, Card};
use broadsheet_core::view::route::Route;
use futures::stream::{self, StreamExt};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Deref;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// Where the data files are, relative to the page.
const DATA_DIR: &str = "data/";

/// The entry file's name (content-hashed, below [`DATA_DIR`]), as the page names it: the app is
/// the same for every articles folder, and `broadsheet-pack` writes the current entry into
/// `index.html`'s `<link rel="preload" data-entry href="./data/entry-….bin">`, which also lets
/// the browser start downloading it alongside the wasm.
fn entry_name() -> Result<String, String> {
    let link = gloo::utils::document()
        .query_selector("link[data-entry]")
        .ok()
        .flatten()
        .ok_or("the page names no data file (no <link data-entry>)")?;
    let href = link.get_attribute("href").unwrap_or_default();
    href.strip_prefix("./")
        .unwrap_or(&href)
        .strip_prefix(DATA_DIR)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| format!("the page's data file {href:?} is not in {DATA_DIR}"))
}

/// The name under which the entry's decode time is recorded in the page's Performance
/// timeline, so tests and DevTools can read it without the app logging anything.
const DECODE_MEASURE: &str = "broadsheet:bundle-decode";

fn js_error(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}

/// How a download competes with others for the connection.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// Something the reader waits for: search words, an article, the graph.
    Wanted,
    /// Something that fills in a page already shown (the cards of a list). Measured at 100,000
    /// articles: each keystroke asked for ~47 card shards, and over HTTP/1.1's six connections
    /// the next keystroke's search shard waited behind them. Started at once all the same, in
    /// the task that shows the results: a reader waits for a keystroke's first cards, and
    /// started a task later (to keep fetch()'s 4-10 ms out of that task) they came ~10-20 ms
    /// later (keys-bench, 10,000 articles).
    Filler,
    /// What may be wanted later (the small search index, ahead of typing): downloaded like a
    /// filler, then kept as bytes, each file read only when a page first asks for it. Read as
    /// they landed, the 24 search files of 10,000 articles kept the main thread busy just after
    /// the first screen was drawn, time a phone spends blocked (Lighthouse's TBT), for words
    /// nobody may type; a keystroke reads the one or two files its word falls in.
    Ahead,
}

/// Starts downloading one data file: the request is under way when this returns, so several
/// started in a row download side by side.
fn start(name: &str, priority: Priority) -> JsFuture {
    let init = web_sys::RequestInit::new();
    if priority != Priority::Wanted {
        // Fetch priority (Chromium 101+; ignored elsewhere) is not in web-sys's RequestInit yet.
        js_sys::Reflect::set(&init, &"priority".into(), &"low".into()).ok();
    }
    let url = format!("{DATA_DIR}{name}");
    JsFuture::from(gloo::utils::window().fetch_with_str_and_init(&url, &init))
}

/// The bytes of a started download.
async fn bytes(name: &str, download: JsFuture) -> Result<Vec<u8>, String> {
    let response = download.await.map_err(|e| js_error(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| js_error(&e))?;
    if !response.ok() {
        return Err(format!(
            "{DATA_DIR}{name} answered HTTP {}",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| js_error(&e))?)
        .await
        .map_err(|e| js_error(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// How many data files download at once. A page may want thousands: an export of every result
/// at 100,000 articles, or the graph of 2,659 of them (2,014 article files, 100 MB, in one
/// batch). Started all at once, Chromium refused many with `ERR_INSUFFICIENT_RESOURCES`. Each
/// download here is read as soon as it arrives, with at most this many under way; measured on
/// that graph, 8 read in order took 37 s, 32 took 35 s and 256 took 30 s: the bytes, not the
/// window, are the cost there, since the graph reads every article file behind its nodes.
const IN_FLIGHT: usize = 256;

/// Downloads `names`, at most [`IN_FLIGHT`] at a time, and answers each name with its bytes or
/// why they did not come (in the order they arrived).
async fn download_all(
    names: Vec<String>,
    priority: Priority,
) -> Vec<(String, Result<Vec<u8>, String>)> {
    stream::iter(names)
        .map(|name| async move {
            let result = bytes(&name, start(&name, priority)).await;
            (name, result)
        })
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await
}

/// What the page a link opens will ask for first, kept from the route the app started on.
struct Early {
    id: Option<String>,
    query: Query,
    graph: bool,
}

impl Early {
    fn of(route: &Route) -> Self {
        let (id, state, graph) = match route {
            Route::Explore(state) => (None, Some(state), state.by_story()),
            Route::Embed(state, _) => (None, Some(state), false),
            Route::Graph(state, _) => (None, Some(state), true),
            Route::Story(key, state) => (Some(key.clone()), Some(state), true),
            Route::Article(id) => (Some(id.clone()), None, false),
            Route::Saved => (None, None, false),
        };
        Self {
            id,
            query: state.map_or_else(Query::default, |s| Query::parse(s.query())),
            graph,
        }
    }

    fn needs(&self) -> Vec<Need<'_>> {
        let mut needs = vec![Need::Query(&self.query)];
        needs.extend(self.id.as_deref().map(Need::Id));
        if self.graph {
            needs.push(Need::Graph);
        }
        needs
    }
}

/// The files a first screen needs, as names and bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The entry (read once, here), its catalog parts' bytes, and the files of the page the app
/// starts on that the entry names (`EntryFile::first_files`): all download side by side
/// (index.html preloads the parts too, alongside the wasm), rather than the page's after the
/// catalog has been read and a first screen drawn. One of the page's files that does not come
/// is left out: the page asks for it again, and the alert says why if it fails again.
async fn open_files(early: &Early) -> Result<(EntryFile, Files, Files), String> {
    let name = entry_name()?;
    let entry = bytes(&name, start(&name, Priority::Wanted)).await?;
    let entry = EntryFile::read(&entry).map_err(|e| e.to_string())?;
    let (names, page) = entry.first_files(&early.needs());
    let (parts, page) = futures::join!(
        download_all(names, Priority::Wanted),
        download_all(page, Priority::Wanted)
    );
    let mut got = Vec::new();
    for (name, part) in parts {
        got.push((name, part?));
    }
    let page = page
        .into_iter()
        .filter_map(|(name, file)| file.ok().map(|b| (name, b)))
        .collect();
    Ok((entry, got, page))
}

/// Reads downloaded files into a new snapshot of the library, so that pages holding the old one
/// render again.
fn land(
    current: &RefCell<Option<Rc<Library>>>,
    failures: &RefCell<BTreeMap<String, Failure>>,
    attempts: &RefCell<HashMap<String, u32>>,
    arrived: Vec<(String, Vec<u8>)>,
) {
    let next = current.borrow().as_deref().cloned();
    if let Some(mut next) = next {
        take_in(&mut next, failures, attempts, arrived);
        *current.borrow_mut() = Some(Rc::new(next));
    }
}

/// Reads downloaded files into `library`. A file that arrives but does not fit the entry comes
/// from another build: fetching it again would bring the same bytes, so it fails for good.
fn take_in(
    library: &mut Library,
    failures: &RefCell<BTreeMap<String, Failure>>,
    attempts: &RefCell<HashMap<String, u32>>,
    arrived: Vec<(String, Vec<u8>)>,
) {
    for (name, b) in arrived {
        match library.insert(&name, &b) {
            Ok(()) => {
                failures.borrow_mut().remove(&name);
                attempts.borrow_mut().remove(&name);
            }
            Err(e) => {
                failures.borrow_mut().insert(
                    name,
                    Failure {
                        error: e.to_string(),
                        attempts: ATTEMPTS,
                    },
                );
            }
        }
    }
}

/// Where start-up stands.
#[derive(Clone, PartialEq)]
pub enum Boot {
    /// The entry is on its way.
    Loading,
    /// The data is ready.
    Ready(SharedLibrary),
    /// Why the app cannot show anything.
    Failed(AttrValue),
}

/// How many times a data file is fetched before the app stops trying and suggests a reload.
const ATTEMPTS: u32 = 5;

/// How many files fetched ahead start in one task.
const AHEAD_PER_TASK: usize = 6;

/// The wait before fetching a failed file again: 1 s, doubling with each failure.
fn backoff_ms(failures: u32) -> u32 {
    1000 << failures.saturating_sub(1).min(4)
}

/// A data file that failed to arrive, and what became of it.
struct Failure {
    error: String,
    attempts: u32,
}

impl Failure {
    /// The line the alert shows for it.
    fn describe(&self) -> String {
        if self.attempts < ATTEMPTS {
            let seconds = backoff_ms(self.attempts) / 1000;
            format!(
                "{} (attempt {} of {ATTEMPTS}; trying again in {seconds} s)",
                self.error, self.attempts
            )
        } else {
            format!("{} (gave up after {ATTEMPTS} attempts)", self.error)
        }
    }
}

/// Fetches and opens the entry (with what the page of `route`, the one the app starts on, will
/// ask for first, as far as the entry names it), and loads shards on request; re-renders the
/// caller with a new snapshot when a shard arrives. Shards that failed to load are listed in
/// the second value, each saying whether it will be fetched again.
///
/// A file that fails is fetched again after a backoff, when a page still needs it then: the
/// retry hands out a snapshot of a new generation, pages that still miss the file ask for it
/// again, and pages that moved on do not.
#[hook]
pub fn use_library(route: &Route) -> (Boot, Rc<[String]>) {
    let opened = use_state(|| None::<Result<(), AttrValue>>);
    let current = use_mut_ref(|| None::<Rc<Library>>);
    let requested = use_mut_ref(HashSet::<String>::new);
    let failures = use_mut_ref(BTreeMap::<String, Failure>::new);
    let attempts = use_mut_ref(HashMap::<String, u32>::new);
    let generation = use_mut_ref(|| 0_u32);
    // Files fetched ahead (`Priority::Ahead`): `None` while on their way, then their bytes until
    // a page asks for them; and the ones a page asked for while they were still on their way.
    let ahead = use_mut_ref(HashMap::<String, Option<Vec<u8>>>::new);
    let asked = use_mut_ref(HashSet::<String>::new);
    // Batches under way, and batches landed: the prefetch below waits until the page's own
    // files are in.
    let under_way = use_mut_ref(|| 0_usize);
    let landed = use_mut_ref(|| 0_u32);
    let refresh = use_force_update();
    {
        let (opened, current) = (opened.clone(), current.clone());
        let (failures, attempts) = (failures.clone(), attempts.clone());
        // Read once, from the route the app starts on.
        let early = use_memo((), |()| Early::of(route));
        use_effect_with((), move |()| {
            spawn_local(async move {
                let result = match open_files(&early).await {
                    Ok((entry, parts, page)) => measure(DECODE_MEASURE, || {
                        let parts: Vec<(&str, &[u8])> = parts
                            .iter()
                            .map(|(n, b)| (n.as_str(), b.as_slice()))
                            .collect();
                        Library::open_with(entry, &parts)
                    })
                    .map(|mut library| {
                        // The link's own files go in before the library is shared, so that no
                        // snapshot is copied on the way to the first screen.
                        take_in(&mut library, &failures, &attempts, page);
                        *current.borrow_mut() = Some(Rc::new(library));
                    })
                    .map_err(|e| {
                        AttrValue::from(format!(
                            "The article data of this page could not be read: {e}. \
                             Rebuild the site so the page and its data come from the same build."
                        ))
                    }),
                    Err(e) => Err(AttrValue::from(format!(
                        "The article data could not be downloaded ({e}). Reloading the page may \
                         help; if the site was just updated, its files may be out of step for a \
                         few minutes."
                    ))),
                };
                opened.set(Some(result));
            });
        });
    }
    // A page's files come as one batch: all download side by side, and the app takes them in
    // (one new snapshot, one render) when the last has arrived, rather than rendering once per
    // file.
    let load = {
        let (current, failures) = (current.clone(), failures.clone());
        let (requested, generation, attempts) =
            (requested.clone(), generation.clone(), attempts.clone());
        let (under_way, landed) = (under_way.clone(), landed.clone());
        let (ahead, asked) = (ahead.clone(), asked.clone());
        Callback::from(move |(files, priority): (Vec<String>, Priority)| {
            // What was fetched ahead is read now, or as soon as it lands.
            let mut kept = Vec::new();
            let files: Vec<String> = {
                let mut ahead = ahead.borrow_mut();
                files
                    .into_iter()
                    .filter(|name| match ahead.get(name) {
                        None => true,
                        Some(None) => {
                            asked.borrow_mut().insert(name.clone());
                            false
                        }
                        Some(Some(_)) => {
                            kept.extend(ahead.remove(name).flatten().map(|b| (name.clone(), b)));
                            false
                        }
                    })
                    .filter(|name| requested.borrow_mut().insert(name.clone()))
                    .collect()
            };
            if !kept.is_empty() {
                land(&current, &failures, &attempts, kept);
                refresh.force_update();
            }
            if files.is_empty() {
                return;
            }
            if priority == Priority::Ahead {
                ahead
                    .borrow_mut()
                    .extend(files.iter().map(|name| (name.clone(), None)));
            }
            let (current, failures) = (current.clone(), failures.clone());
            let (requested, generation, attempts) =
                (requested.clone(), generation.clone(), attempts.clone());
            let (under_way, landed) = (under_way.clone(), landed.clone());
            let (ahead, asked) = (ahead.clone(), asked.clone());
            let refresh = refresh.clone();
            *under_way.borrow_mut() += 1;
            spawn_local(async move {
                let mut arrived = Vec::new();
                let mut failed = false;
                for (name, result) in download_all(files, priority).await {
                    if priority == Priority::Ahead && !asked.borrow_mut().remove(&name) {
                        if let Ok(b) = result {
                            ahead.borrow_mut().insert(name, Some(b));
                            continue;
                        }
                    }
                    ahead.borrow_mut().remove(&name);
                    match result {
                        Ok(b) => arrived.push((name, b)),
                        Err(error) => {
                            failed = true;
                            let tries = {
                                let mut attempts = attempts.borrow_mut();
                                let tries = attempts.entry(name.clone()).or_insert(0);
                                *tries += 1;
                                *tries
                            };
                            failures.borrow_mut().insert(
                                name.clone(),
                                Failure {
                                    error,
                                    attempts: tries,
                                },
                            );
                            if tries < ATTEMPTS {
                                // When the wait is over the file leaves the alert, and the pages
                                // that still need it ask for it again; if it fails again it is
                                // back, with a longer wait.
                                let (requested, generation) =
                                    (requested.clone(), generation.clone());
                                let (failures, refresh) = (failures.clone(), refresh.clone());
                                Timeout::new(backoff_ms(tries), move || {
                                    requested.borrow_mut().remove(&name);
                                    failures.borrow_mut().remove(&name);
                                    *generation.borrow_mut() += 1;
                                    refresh.force_update();
                                })
                                .forget();
                            }
                        }
                    }
                }
                // No await from here on: no other batch can land in between.
                let changed = failed || !arrived.is_empty();
                if !arrived.is_empty() {
                    land(&current, &failures, &attempts, arrived);
                }
                *under_way.borrow_mut() -= 1;
                *landed.borrow_mut() += 1;
                // Files kept for later change nothing on screen.
                if changed {
                    refresh.force_update();
                }
            });
        })
    };
    // Once the first screen is up: a small search index, whole (see PREFETCH_WORDS_BELOW). Not
    // before the page's own files are in: started with the entry, its 20-odd files took the
    // connections the first results' search and card files wanted, and at 10,000 articles a
    // search link's first cards waited for 290 kB (brotli) of index they did not need.
    {
        let (load, current, under_way) = (load.clone(), current.clone(), under_way.clone());
        let open = matches!(&*opened, Some(Ok(())));
        let prefetched = use_mut_ref(|| false);
        let idle = *under_way.borrow() == 0;
        use_effect_with((open, idle, *landed.borrow()), move |&(open, idle, _)| {
            if open && idle && !*prefetched.borrow() {
                // After this render's effects, which are where the pages ask for their files.
                Timeout::new(0, move || {
                    if *under_way.borrow() > 0 || *prefetched.borrow() {
                        return;
                    }
                    let ahead = current.borrow().as_deref().map(Library::words_to_prefetch);
                    *prefetched.borrow_mut() = true;
                    // A few files a task: starting a download takes the main thread about
                    // 3 ms with the CPU slowed 4× (a phone), and the 24 of 10,000 articles
                    // started together made one task of 70 ms.
                    for files in ahead.unwrap_or_default().chunks(AHEAD_PER_TASK) {
                        let (load, files) = (load.clone(), files.to_vec());
                        Timeout::new(0, move || load.emit((files, Priority::Ahead))).forget();
                    }
                })
                .forget();
            }
        });
    }
    let failed: Rc<[String]> = failures.borrow().values().map(Failure::describe).collect();
    let snapshot = current.borrow().clone();
    let boot = match (&*opened, snapshot) {
        (Some(Err(message)), _) => Boot::Failed(message.clone()),
        (Some(Ok(())), Some(library)) => Boot::Ready(SharedLibrary {
            library,
            load,
            generation: *generation.borrow(),
        }),
        _ => Boot::Loading,
    };
    (boot, failed)
}

/// Asks for `files` (what [`Library::missing`] answered) once per distinct list and snapshot
/// generation (a failed file is asked for again once its retry is due).
#[hook]
pub fn use_files(library: &SharedLibrary, files: Vec<String>) {
    use_files_at(library, files, Priority::Wanted);
}

/// Asks for `files` once per distinct list and snapshot generation, at `priority`.
#[hook]
pub fn use_files_at(library: &SharedLibrary, files: Vec<String>, priority: Priority) {
    let fetcher = library.clone();
    use_effect_with((files, library.generation), move |(files, _)| {
        fetcher.fetch(files.clone(), priority);
    });
}

/// The files drawing some nodes of the related graph takes: the graph first, then the articles
/// behind the nodes `nodes` picks from it.
pub fn graph_missing(
    library: &SharedLibrary,
    nodes: impl FnOnce(&Stories) -> Vec<u32>,
) -> Vec<String> {
    match library.stories() {
        None => library.missing(&[Need::Graph]),
        Some(stories) => {
            let articles = stories.articles_behind(&nodes(stories));
            library.missing(&[Need::Articles(&articles)])
        }
    }
}

/// What a part of a page shows while the data it needs is on its way.
pub fn loading(what: &'static str) -> Html {
    html! { <p class="loading muted" data-testid="loading" aria-busy="true">{ what }</p> }
}

/// The data as loaded so far: an immutable snapshot, replaced when a shard arrives. Equality
/// is identity (and generation), so every page holding the old snapshot renders again with the
/// new one.
#[derive(Clone)]
pub struct SharedLibrary {
    library: Rc<Library>,
    load: Callback<(Vec<String>, Priority)>,
    /// Counts the retries that came due: a page that still misses a file asks for it again.
    generation: u32,
}

impl PartialEq for SharedLibrary {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library) && self.generation == other.generation
    }
}

impl std::fmt::Debug for SharedLibrary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedLibrary").finish_non_exhaustive()
    }
}

impl Deref for SharedLibrary {
    type Target = Library;
    fn deref(&self) -> &Library {
        &self.library
    }
}

impl SharedLibrary {
    /// Starts downloading `files` (what [`Library::missing`] answered) now, outside of a render:
    /// for an event handler that knows what the next page will need, or a timer.
    pub fn fetch(&self, files: Vec<String>, priority: Priority) {
        if !files.is_empty() {
            self.load.emit((files, priority));
        }
    }

    /// How many articles are drafts.
    pub fn draft_count(&self) -> usize {
        self.catalog().draft_count()
    }

    /// The article with this number, if loaded.
    pub fn nth(&self, number: u32) -> Option<ArticleRef> {
        self.library
            .article(number)
            .map(|article| self.numbered(article, number))
    }

    /// Article `number`'s card, if loaded.
    pub fn card(&self, number: u32) -> Option<CardRef> {
        self.library
            .card(number)
            .map(|card| self.numbered(card, number))
    }

    fn numbered<T>(&self, item: &Rc<T>, number: u32) -> Numbered<T> {
        Numbered {
            item: Rc::clone(item),
            number,
            coverage: self.catalog().coverage(number),
        }
    }

    /// The library with its graph, once the graph has been read.
    pub fn graphed(&self) -> Option<Graphed<'_>> {
        self.library.stories().map(|stories| Graphed {
            library: &self.library,
            stories,
        })
    }
}
/// An article (whole, or its card) as a prop: cloning it copies a pointer, and comparing two
/// compares their numbers, not their text.
#[derive(Debug)]
pub struct Numbered<T> {
    item: Rc<T>,
    number: u32,
    coverage: u32,
}

/// A whole article.
pub type ArticleRef = Numbered<Article>;
/// What a list shows of an article.
pub type CardRef = Numbered<Card>;

impl<T> Clone for Numbered<T> {
    fn clone(&self) -> Self {
        Self {
            item: Rc::clone(&self.item),
            number: self.number,
            coverage: self.coverage,
        }
    }
}

impl<T> PartialEq for Numbered<T> {
    fn eq(&self, other: &Self) -> bool {
        self.number == other.number && Rc::ptr_eq(&self.item, &other.item)
    }
}

impl<T> Numbered<T> {
    /// The article's number: its position in the collection, and its node in the related graph.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// How many distinct outlets cover its story.
    pub fn coverage(&self) -> u32 {
        self.coverage
    }
}

impl<T> Deref for Numbered<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.item
    }
}

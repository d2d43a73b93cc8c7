//! The explore page (`#/` and `#/?…`): search, facets, ranges and sorting beside the matching
//! articles. The view comes in as a prop (the route adapter owns it and keeps it in the URL);
//! every control sends an `Action` back out. What matches and how it is counted and ordered is
//! `broadsheet_core::view::explore`'s answer, computed once per view.

use crate::components::boost_controls::boost_controls;
use crate::components::coverage_filter::coverage_filter;
use crate::components::date_filter::DateFilter;
use crate::components::did_you_mean::DidYouMean;
use crate::components::empty_results::empty_results;
use crate::components::export_buttons::ExportButtons;
use crate::components::facet_panel::FacetPanel;
use crate::components::filter_chips::filter_chips;
use crate::components::notice::notice;
use crate::components::result_list::ResultList;
use crate::components::save_view::SaveView;
use crate::components::score_filter::ScoreFilter;
use crate::components::search_box::SearchBox;
use crate::components::share_button::ShareButton;
use crate::components::sort_controls::sort_controls;
use crate::hooks::{use_document_title, use_media, use_shortcuts};
use crate::library::{loading, use_files, Priority, SharedLibrary};
use crate::location::Deployment;
use crate::numbers::digits;
use crate::route::Write;
use crate::timing::measure;
use broadsheet_core::data::library::{Library, Need};
use broadsheet_core::index::facet::Facet;
use broadsheet_core::index::search::Query;
use broadsheet_core::text::time::{Day, Timestamp};
use broadsheet_core::view::display::{
    count_label, filter_label, order_label, stories_label, view_title,
};
use broadsheet_core::view::explore::{
    explore, facet_rows, newest, without_each, Bar, FacetRow, Histogram,
};
use broadsheet_core::view::group::{by_story, StoryCard};
use broadsheet_core::view::history::Control;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::{
    Action, ActiveFilter, Boost, Bounds, CountRange, DayRange, Order, Preset, Sort, ViewState,
};
use std::rc::Rc;
use yew::prelude::*;

/// The name of the Performance measure around each explore run.
const EXPLORE_MEASURE: &str = "broadsheet:explore";

/// The most filters the empty-results message offers to drop, each costing one more explore.
const SUGGESTIONS: usize = 12;

/// Where the filters are a sheet over the list, hidden until opened (`static/app.css`, the
/// `@media (max-width: 52rem)` block). There the sheet's content is drawn only while it is
/// open: the timeline, facets and histograms are a quarter of the page's elements (about 500
/// of 1,950 on a search link at 10,000 articles), drawn again for every keystroke, unseen.
const SHEET: &str = "(max-width: 52rem)";

/// Props of [`ExplorePage`].
#[derive(Properties, PartialEq)]
pub struct ExplorePageProps {
    /// The articles.
    pub library: SharedLibrary,
    /// The view.
    pub state: ViewState,
    /// What the link ignored, for a notice.
    pub notices: Rc<[String]>,
    /// How many result rows to show.
    pub rows: usize,
    /// Whether the list draws all of its rows at once (see [`crate::components::result_list::ResultListProps::whole`]).
    pub whole: bool,
    /// Called with each change of view and how it should reach the history.
    pub on_action: Callback<(Action, Write)>,
    /// Called to show another page of results.
    pub on_more: Callback<()>,
    /// Called to hide the notice.
    pub on_dismiss: Callback<()>,
}

/// Everything the page draws that depends on the view, computed once per view.
struct Explored {
    articles: Rc<Vec<u32>>,
    facets: Vec<(Facet, Rc<Vec<FacetRow>>)>,
    dates: Rc<Vec<Bar>>,
    heat: Rc<Histogram>,
    quality: Rc<Histogram>,
    query: Rc<Query>,
    active: Vec<ActiveFilter>,
    chips: Rc<Vec<String>>,
    /// Per active filter, its label and the results without it; only for an empty result.
    suggestions: Rc<Vec<(String, usize)>>,
    /// The results one card per story, when the view groups them.
    groups: Option<Rc<Vec<StoryCard>>>,
}

impl Explored {
    fn new(library: &Library, state: &ViewState) -> Self {
        let results = measure(EXPLORE_MEASURE, || explore(library, state));
        let catalog = library.catalog();
        let drafts = catalog.draft_count() > 0;
        let facets = Facet::ALL
            .into_iter()
            .filter(|f| *f != Facet::Status || drafts || state.selection(*f).is_some())
            .map(|f| (f, facet_rows(catalog, state, &results, f)))
            .filter(|(_, rows)| !rows.is_empty())
            .map(|(f, rows)| (f, Rc::new(rows)))
            .collect();
        let active = state.active_filters();
        let chips = active.iter().map(|f| filter_label(catalog, f)).collect();
        let suggestions = if results.articles.is_empty() {
            without_each(library, state, SUGGESTIONS)
                .into_iter()
                .map(|(f, count)| (filter_label(catalog, &f), count))
                .collect()
        } else {
            Vec::new()
        };
        let groups = state
            .by_story()
            .then(|| library.stories())
            .flatten()
            .map(|stories| Rc::new(by_story(&results.articles, |a| stories.story_of(a))));
        Self {
            groups,
            facets,
            dates: Rc::new(results.dates.bars),
            heat: Rc::new(results.heat),
            quality: Rc::new(results.quality),
            articles: Rc::new(results.articles),
            query: Rc::new(Query::parse(state.query())),
            active,
            chips: Rc::new(chips),
            suggestions: Rc::new(suggestions),
        }
    }
}

/// A facet value's key and whether it is now chosen.
type Choose = Callback<(String, bool)>;

/// The callbacks the page hands its controls, made once (`on_action` never changes), so that a
/// panel whose own values did not change skips re-rendering: made afresh on every render, they
/// made every facet panel, histogram and control draw again on every keystroke.
struct Handlers {
    /// Per facet, in [`Facet::ALL`] order: include, exclude.
    facets: Vec<(Choose, Choose)>,
    dates: Callback<DayRange>,
    heat: Callback<Bounds>,
    quality: Callback<Bounds>,
    boost: Callback<Boost>,
    coverage: Callback<CountRange>,
    sort: Callback<Sort>,
    order: Callback<Order>,
    preset: Callback<Option<Preset>>,
}

impl Handlers {
    fn new(on_action: &Callback<(Action, Write)>) -> Self {
        let facets = Facet::ALL
            .into_iter()
            .map(|facet| {
                let include = on_action
                    .reform(move |(key, on)| (Action::Include(facet, key, on), Write::Commit));
                let exclude = on_action
                    .reform(move |(key, on)| (Action::Exclude(facet, key, on), Write::Commit));
                (include, exclude)
            })
            .collect();
        // A range is one step Back returns from, however it was set: its fields report each
        // complete value (a date typed digit by digit is complete several times on the way), so
        // changes to one range coalesce until the reader does something else. So do the boost
        // sliders' steps.
        Self {
            facets,
            dates: send(on_action, Write::Typing(Control::Dates), Action::SetDates),
            heat: send(on_action, Write::Typing(Control::Heat), Action::SetHeat),
            quality: send(
                on_action,
                Write::Typing(Control::Quality),
                Action::SetQuality,
            ),
            boost: send(on_action, Write::Typing(Control::Boost), Action::SetBoost),
            coverage: send(
                on_action,
                Write::Typing(Control::Coverage),
                Action::SetCoverage,
            ),
            sort: send(on_action, Write::Commit, Action::SetSort),
            order: send(on_action, Write::Commit, Action::SetOrder),
            preset: send(on_action, Write::Commit, Action::SetPreset),
        }
    }
}

/// The explore page.
#[component]
pub fn ExplorePage(props: &ExplorePageProps) -> Html {
    // In a sharded build the search shards of the query's words come first; until they are
    // here the page keeps showing the last results it had.
    let query = Query::parse(props.state.query());
    // Grouping by story needs the story of every result: the graph file, in a sharded build.
    let missing = if props.state.by_story() {
        props.library.missing(&[Need::Query(&query), Need::Graph])
    } else {
        props.library.missing(&[Need::Query(&query)])
    };
    let ready = missing.is_empty();
    use_files(&props.library, missing);
    let library = props.library.clone();
    let fresh = use_memo((props.state.clone(), ready), move |(state, ready)| {
        ready.then(|| Rc::new(Explored::new(&library, state)))
    });
    let last = use_mut_ref(|| None::<Rc<Explored>>);
    if let Some(explored) = &*fresh {
        *last.borrow_mut() = Some(Rc::clone(explored));
    }
    let last = last.borrow().clone();
    let filters_open = use_state_eq(|| false);
    let sheet = use_media(SHEET);
    let actions_open = use_state_eq(|| false);
    let deployment = use_memo((), |()| Deployment::current());
    let state = &props.state;
    // The heading names the view the list shows, so it follows the results, not the typing.
    let heading = last
        .as_ref()
        .map_or_else(|| view_title(&[]), |explored| view_title(&explored.chips));
    let title = if last.as_ref().is_some_and(|e| !e.chips.is_empty()) {
        AttrValue::from(format!("{heading} – Broadsheet"))
    } else {
        AttrValue::Static("Broadsheet")
    };
    use_document_title(title);
    use_shortcuts();

    let Some(explored) = last else {
        return loading("Searching…");
    };
    if props.library.is_empty() {
        return html! {
            <section class="home" aria-labelledby="home-title">
                <header class="page-header">
                    <h1 id="home-title" tabindex="-1">{ "Top stories" }</h1>
                    <p class="result-summary">
                        <span data-testid="result-count">{ count_label(0, &digits()) }</span>
                    </p>
                </header>
                <p class="empty" data-testid="empty-list">
                    { "There are no articles in this build. Add article files to the content folder and rebuild." }
                </p>
            </section>
        };
    }

    let handlers = use_memo(props.on_action.clone(), Handlers::new);
    let panels = explored.facets.iter().map(|(facet, rows)| {
        let facet = *facet;
        let (on_include, on_exclude) = Facet::ALL
            .iter()
            .zip(&handlers.facets)
            .find(|(f, _)| **f == facet)
            .map(|(_, callbacks)| callbacks.clone())
            .unwrap_or_default();
        html! {
            <FacetPanel key={facet.key()} {facet} rows={Rc::clone(rows)} {on_include} {on_exclude} />
        }
    });
    let on_action = &props.on_action;
    let on_query = {
        let (library, on_action) = (props.library.clone(), on_action.clone());
        Callback::from(move |(text, edit): (String, Write)| {
            // The search files start downloading now rather than after the page has rendered
            // the new query with the old results (10-20 ms later, measured at 100,000 articles).
            let query = Query::parse(&text);
            library.fetch(library.missing(&[Need::Query(&query)]), Priority::Wanted);
            on_action.emit((Action::SetQuery(text), edit));
        })
    };
    let on_dates = handlers.dates.clone();
    let on_heat = handlers.heat.clone();
    let on_quality = handlers.quality.clone();
    let on_boost = handlers.boost.clone();
    let on_coverage = handlers.coverage.clone();
    let on_sort = handlers.sort.clone();
    let on_order = handlers.order.clone();
    let on_clear = on_action.reform(|()| (Action::ClearFilters, Write::Commit));
    let on_preset = handlers.preset.clone();
    // Saving a view counts as having seen it up to the newest article.
    let mark = newest(props.library.catalog());
    let newest = (!props.library.is_empty())
        .then(|| Timestamp::from_unix(mark).ok())
        .flatten()
        .map(Day::of);
    let on_group = {
        let on = !state.by_story();
        on_action.reform(move |_: Event| (Action::GroupByStory(on), Write::Commit))
    };
    let on_remove = {
        let explored = Rc::clone(&explored);
        let on_action = on_action.clone();
        Callback::from(move |i: usize| {
            if let Some(filter) = explored.active.get(i) {
                on_action.emit((filter.removal(), Write::Commit));
            }
        })
    };
    let on_toggle_filters = {
        let open = filters_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_close_filters = {
        let open = filters_open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            // Back at the list, where the results the button counted are.
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        })
    };
    let on_toggle_actions = {
        let open = actions_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let sort = state.sort();
    let count = explored.articles.len();
    let filter_count = state.filter_count();
    let toggle_label = if filter_count > 0 {
        format!("Filters ({filter_count})")
    } else {
        "Filters".to_owned()
    };
    html! {
        <section class="home" aria-labelledby="home-title">
            { notice(&props.notices, &props.on_dismiss) }
            <header class="page-header">
                <h1 id="home-title" tabindex="-1" data-testid="view-title">{ heading }</h1>
                <SearchBox value={AttrValue::from(state.query().to_owned())} on_input={on_query} />
            </header>
            <div class="explore">
                <button
                    type="button"
                    class="filters-toggle"
                    data-testid="filters-toggle"
                    aria-controls="filters"
                    aria-expanded={if *filters_open { "true" } else { "false" }}
                    onclick={on_toggle_filters}
                >
                    { toggle_label }
                </button>
                <aside id="filters" class={classes!("filters", filters_open.then_some("open"))} aria-label="Filters">
                    if !sheet || *filters_open {
                        // The timeline comes first: facets above it would grow and shrink with
                        // every choice and move it from under the reader's pointer.
                        <DateFilter
                            range={state.dates()}
                            bars={Rc::clone(&explored.dates)}
                            on_change={on_dates}
                            preset={state.preset()}
                            newest={newest}
                            {on_preset}
                        />
                        { for panels }
                        <ScoreFilter
                            name="heat"
                            label="Heat"
                            bounds={state.heat()}
                            histogram={Rc::clone(&explored.heat)}
                            on_change={on_heat}
                        />
                        <ScoreFilter
                            name="quality"
                            label="Quality"
                            bounds={state.quality()}
                            histogram={Rc::clone(&explored.quality)}
                            on_change={on_quality}
                        />
                        { coverage_filter(state.coverage(), &on_coverage) }
                        // On a phone the filters are a sheet over the list: this button, always in
                        // view at its foot, says what the choices so far give and goes back to them.
                        <div class="sheet-foot">
                            <button type="button" class="button sheet-done" data-testid="filters-done" onclick={on_close_filters}>
                                { format!("Show {}", count_label(count, &digits())) }
                            </button>
                        </div>
                    }
                </aside>
                // Busy while the results shown are the last view's, waiting for search files.
                <div
                    class="results"
                    id="results"
                    tabindex="-1"
                    aria-label="Results"
                    aria-busy={(!ready).then_some("true")}
                >
                    <div class="toolbar">
                        <p class="result-summary" aria-live="polite">
                            <span data-testid="result-count">{ match &explored.groups {
                                Some(groups) => stories_label(groups.len(), count, &digits()),
                                None => count_label(count, &digits()),
                            } }</span>
                            { ", " }{ order_label(sort, state.order()) }
                        </p>
                        if count > 0 {
                            <a class="graph-link" data-testid="graph-link" href={Route::Graph(state.clone(), None).to_hash()}>
                                { "Graph of these results" }
                            </a>
                        }
                        <label class="group-toggle">
                            <input
                                type="checkbox"
                                data-testid="group-by-story"
                                checked={state.by_story()}
                                onchange={on_group}
                            />
                            { " One card per story" }
                        </label>
                        { sort_controls(sort, state.order(), !explored.query.is_empty(), &on_sort, &on_order) }
                    </div>
                    // Save, share, download and boost: beside the list on a wide screen, one menu
                    // on a phone, where they would push the first card off the screen.
                    <button
                        type="button"
                        class="actions-toggle"
                        data-testid="actions-toggle"
                        aria-controls="view-menu"
                        aria-expanded={if *actions_open { "true" } else { "false" }}
                        onclick={on_toggle_actions}
                    >
                        { if sort == Sort::Relevance { "Save, share, download, boost" } else { "Save, share, download" } }
                    </button>
                    <div id="view-menu" class={classes!("view-menu", actions_open.then_some("open"))}>
                        <div class="view-actions">
                            <SaveView state={state.clone()} {mark} />
                            <ShareButton state={state.clone()} deployment={Rc::clone(&deployment)} />
                            <ExportButtons
                                library={props.library.clone()}
                                articles={Rc::clone(&explored.articles)}
                                state={state.clone()}
                                deployment={Rc::clone(&deployment)}
                            />
                        </div>
                        if sort == Sort::Relevance {
                            { boost_controls(state.boost(), &on_boost) }
                        }
                    </div>
                    { filter_chips(&explored.chips, count > 0, &on_remove, &on_clear) }
                    <DidYouMean library={props.library.clone()} state={state.clone()} {count} />
                    if count == 0 {
                        { empty_results(&explored.suggestions, &on_remove, &on_clear) }
                    } else {
                        <ResultList
                            library={props.library.clone()}
                            articles={Rc::clone(&explored.articles)}
                            rows={props.rows}
                            whole={props.whole}
                            query={Rc::clone(&explored.query)}
                            groups={explored.groups.clone()}
                            on_more={props.on_more.clone()}
                        />
                    }
                </div>
            </div>
        </section>
    }
}

/// A callback that turns a control's value into an action and sends it with how it should reach
/// the history.
fn send<T: 'static>(
    on_action: &Callback<(Action, Write)>,
    write: Write,
    make: fn(T) -> Action,
) -> Callback<T> {
    on_action.reform(move |value| (make(value), write))
}

//! A story's whole coverage (`#/story/<key>?<view>`): every article of one story of the
//! related-stories graph and the stories elsewhere they link to, as a timeline grouped by the
//! reader's days, under a strip of its outlets. The view's filters narrow the story's
//! articles, so a filtered story is a link. Which story a key names, what the view keeps and
//! the order of the timeline are `broadsheet_core::graph::story`'s answers.

use crate::components::external_link::external_link;
use crate::components::notice::notice;
use crate::components::share_button::ShareButton;
use crate::dates::{local, utc_offset, DateStyle};
use crate::hooks::use_document_title;
use crate::library::{loading, use_files, SharedLibrary};
use crate::location::Deployment;
use crate::numbers::digits;
use crate::pages::not_found::no_such_story;
use crate::timing::measure;
use broadsheet_core::data::library::Need;
use broadsheet_core::graph::picture::node_key;
use broadsheet_core::graph::story::{key_article, shown_articles, timeline, Report, Timeline};
use broadsheet_core::index::search::Query;
use broadsheet_core::index::stories::{Node, Stories};
use broadsheet_core::view::display::{filter_label, story_reports_label, story_span_label};
use broadsheet_core::view::explore::explore;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// The name of the Performance measure around building the timeline.
const TIMELINE_MEASURE: &str = "broadsheet:story-timeline";

/// Props of [`StoryPage`].
#[derive(Properties, PartialEq)]
pub struct StoryPageProps {
    /// The articles.
    pub library: SharedLibrary,
    /// The id of an article of the story, as the link has it.
    pub id: AttrValue,
    /// The view whose filters narrow the story.
    pub state: ViewState,
    /// What the link ignored, for a notice.
    pub notices: Rc<[String]>,
    /// Called with the story's canonical route when the link named it by another article.
    pub on_rename: Callback<Route>,
    /// Called to hide the notice.
    pub on_dismiss: Callback<()>,
}

/// What the link resolved to, once the files it needs are read.
pub(crate) enum Found {
    /// Still reading.
    Waiting(Vec<String>),
    /// No article has this id.
    Unknown,
    /// The story, and the number of its key article.
    Story { story: u32, key: u32 },
}

/// What `id` names, reading (in a sharded build) the graph, the id's shard and the view's
/// search shards at once, then every article of the story (each one's text and its related
/// entries) at once: two round trips. `known` is an id whose number the page already knows
/// (the story's key, after the page renamed itself to it), which needs no id shard.
fn resolve(
    library: &SharedLibrary,
    id: &str,
    state: &ViewState,
    known: Option<&(String, u32)>,
) -> Found {
    let query = Query::parse(state.query());
    let number = library
        .number_of(id)
        .or_else(|| known.filter(|(k, _)| k == id).map(|&(_, n)| n));
    let mut needs = vec![Need::Graph, Need::Query(&query)];
    if number.is_none() {
        needs.push(Need::Id(id));
    }
    let first = library.missing(&needs);
    if !first.is_empty() {
        return Found::Waiting(first);
    }
    let (Some(stories), Some(number)) = (library.stories(), number) else {
        return Found::Unknown;
    };
    if number as usize >= stories.article_count() {
        return Found::Unknown;
    }
    let story = stories.story_of(number);
    let behind = stories.articles_behind(stories.members(story));
    let rest = library.missing(&[Need::Articles(&behind)]);
    if rest.is_empty() {
        Found::Story {
            story,
            key: key_article(stories, story),
        }
    } else {
        Found::Waiting(rest)
    }
}

/// The story page.
#[component]
pub fn StoryPage(props: &StoryPageProps) -> Html {
    let library = &props.library;
    // The story's key and its number, once resolved: the page renames itself to the key, and
    // must not go back to loading to look up the id it just wrote.
    let known = use_mut_ref(|| None::<(String, u32)>);
    let shown = use_story(library, &props.id, &props.state, known.borrow().clone());
    let (found, ready, line) = (shown.found, shown.ready, shown.line);
    if let Some((_, key)) = ready {
        if let Some(article) = library.article(key) {
            *known.borrow_mut() = Some((article.id.to_string(), key));
        }
    }
    let canonical = ready
        .and_then(|(_, key)| library.article(key))
        .map(|article| Route::Story(article.id.to_string(), props.state.clone()));
    {
        // A story opened by another of its articles' ids is written with its own key, in place.
        let (on_rename, id) = (props.on_rename.clone(), props.id.clone());
        use_effect_with(canonical.clone(), move |canonical| {
            if let Some(route @ Route::Story(key, _)) = canonical {
                if *key != *id {
                    on_rename.emit(route.clone());
                }
            }
        });
    }
    let title = ready
        .and_then(|(_, key)| library.article(key))
        .map(|a| a.title.clone());
    use_document_title(AttrValue::from(match &title {
        Some(title) => format!("Story: {title} – Broadsheet"),
        None if matches!(found, Found::Unknown) => "Story not found – Broadsheet".to_owned(),
        None => "Story – Broadsheet".to_owned(),
    }));
    let back = AttrValue::from(Route::Explore(props.state.clone()).to_hash());
    if matches!(found, Found::Unknown) {
        return no_such_story(&props.id, back);
    }
    let (Some(line), Some(title), Some(canonical)) = ((*line).clone(), title, canonical) else {
        return loading("Loading the story…");
    };
    let digits = digits();
    let filters: Vec<String> = props
        .state
        .active_filters()
        .iter()
        .map(|f| filter_label(library.catalog(), f))
        .collect();
    let whole = match &canonical {
        Route::Story(key, _) => Route::Story(key.clone(), ViewState::default()).to_hash(),
        _ => String::new(),
    };
    let key = match &canonical {
        Route::Story(key, _) => AttrValue::from(key.clone()),
        _ => AttrValue::default(),
    };
    html! {
        <section class="story-page" data-testid="story-page" aria-labelledby="story-title">
            { notice(&props.notices, &props.on_dismiss) }
            <header class="page-header">
                <p><a class="back" href={back} data-testid="story-back">{ "← Back to the list" }</a></p>
                <p class="kicker">{ "The whole story" }</p>
                <h1 id="story-title" tabindex="-1">{ title }</h1>
                <ShareButton state={props.state.clone()} deployment={Rc::new(Deployment::current())} story={key} />
                <p class="result-summary" data-testid="story-summary">
                    <span data-testid="story-reports">{ story_reports_label(line.articles, line.elsewhere, &digits) }</span>
                    <span class="sep" aria-hidden="true">{ ", " }</span>
                    <span data-testid="story-span">{ story_span_label(line.span_days, line.outlets.len(), &digits) }</span>
                </p>
                if !filters.is_empty() {
                    <p class="story-filtered" data-testid="story-filtered">
                        { format!("Only what matches {}. ", filters.join(", ")) }
                        <a href={whole} data-testid="whole-story">{ "Show the whole story" }</a>
                    </p>
                }
            </header>
            { outlet_strip(&line) }
            if line.reports().next().is_none() {
                <p class="empty" data-testid="story-empty">
                    { "No article of this story matches these filters." }
                </p>
            } else {
                { timeline_list(library, &line) }
            }
        </section>
    }
}

/// What a story link shows: what it resolved to, the story and its key article's number once
/// read, and the timeline the view keeps of it.
pub(crate) struct ShownStory {
    /// What the link resolved to so far.
    pub found: Found,
    /// The story and its key article's number, once every file it needs is read.
    pub ready: Option<(u32, u32)>,
    /// The reports the view keeps, once ready.
    pub line: Rc<Option<Rc<Timeline>>>,
}

/// Resolves `id` (see [`resolve`]), asks for the files still missing, and builds the story's
/// timeline for `state` once they are here.
#[hook]
pub(crate) fn use_story(
    library: &SharedLibrary,
    id: &str,
    state: &ViewState,
    known: Option<(String, u32)>,
) -> ShownStory {
    let found = resolve(library, id, state, known.as_ref());
    let (ready, files) = match &found {
        Found::Waiting(files) => (None, files.clone()),
        Found::Unknown => (None, Vec::new()),
        Found::Story { story, key } => (Some((*story, *key)), Vec::new()),
    };
    use_files(library, files);
    let line = {
        let library = library.clone();
        use_memo(
            (state.clone(), ready),
            move |(state, ready)| -> Option<Rc<Timeline>> {
                let (story, _) = (*ready)?;
                let stories = library.stories()?;
                Some(Rc::new(measure(TIMELINE_MEASURE, || {
                    story_timeline(&library, stories, state, story)
                })))
            },
        )
    };
    ShownStory { found, ready, line }
}

/// The reports of `story` that the view keeps, in the order they came. Its articles must be
/// read (see [`resolve`]).
fn story_timeline(
    library: &SharedLibrary,
    stories: &Stories,
    state: &ViewState,
    story: u32,
) -> Timeline {
    let matching = filtered(state).then(|| {
        let mut results = explore(&**library, state).articles;
        broadsheet_core::sort::ascending(&mut results);
        results
    });
    let shown = shown_articles(stories, story, matching.as_deref());
    timeline(
        stories,
        &shown,
        |n| library.article(n).map(|a| &**a),
        utc_offset,
    )
}

/// True when the view narrows the story (a sort alone does not).
fn filtered(state: &ViewState) -> bool {
    !state.active_filters().is_empty()
}

/// Each outlet once, in the order it joined the story, with how many reports are its own.
fn outlet_strip(line: &Timeline) -> Html {
    let items = line.outlets.iter().map(|outlet| {
        html! {
            <li key={outlet.key.clone()} class="outlet" data-testid="outlet" data-outlet={outlet.key.clone()}>
                { outlet.name.clone() }
                if outlet.reports > 1 {
                    <span class="outlet-count">{ format!(" ×{}", outlet.reports) }</span>
                }
            </li>
        }
    });
    html! {
        <section class="outlet-strip" aria-labelledby="outlet-strip-title">
            <h2 id="outlet-strip-title" class="visually-hidden">{ "Outlets" }</h2>
            <ul class="outlets" data-testid="outlet-strip">{ for items }</ul>
        </section>
    }
}

/// The reports by day, each with when it came after the first.
fn timeline_list(library: &SharedLibrary, line: &Timeline) -> Html {
    let Some(graphed) = library.graphed() else {
        return Html::default();
    };
    let item = |report: &Report| -> Option<Html> {
        let key = node_key(&graphed, report.node)?;
        let outlet = line.outlet_name(report).map(str::to_owned);
        let when = line.when(report).map(|(at, after)| {
            html! {
                <p class="timeline-when">
                    <time datetime={at.to_string()} title={at.to_string()}>{ local(at, DateStyle::Time) }</time>
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    <span class="timeline-delay" data-testid="delay">{ after }</span>
                </p>
            }
        });
        let body = match graphed.stories.node(report.node) {
            Node::Article(a) => {
                let article = library.article(a)?;
                let id = article.id.to_string();
                html! {
                    <li key={key.clone()} class="timeline-item" data-testid="timeline-item" data-node={key} data-article-id={id.clone()}>
                        { when }
                        <p class="timeline-title">
                            <a data-testid="open-article" href={Route::Article(id).to_hash()}>{ article.title.clone() }</a>
                        </p>
                        <p class="related-meta">{ outlet.unwrap_or_default() }</p>
                    </li>
                }
            }
            Node::Outside(at) => {
                let entry = library.article(at.article).and_then(|a| at.in_article(a))?;
                html! {
                    <li key={key.clone()} class="timeline-item outside" data-testid="timeline-item" data-node={key}>
                        { when }
                        <p class="timeline-title">
                            { external_link(entry.web_url.to_string(), Classes::new(), None, html! { entry.title.clone() }) }
                        </p>
                        <p class="related-meta">
                            { outlet.unwrap_or_default() }
                            <span class="muted">{ " · elsewhere" }</span>
                        </p>
                    </li>
                }
            }
        };
        Some(body)
    };
    let days = line.days.iter().map(|day| {
        let heading = day
            .reports
            .first()
            .and_then(|r| r.at)
            .map(|at| local(at, DateStyle::Day))
            .unwrap_or_default();
        html! {
            <li key={day.day} class="timeline-day" data-testid="timeline-day">
                <h2 class="timeline-day-title">{ heading }</h2>
                <ol class="timeline-items">{ for day.reports.iter().filter_map(item) }</ol>
            </li>
        }
    });
    html! {
        <ol class="timeline" data-testid="timeline">
            { for days }
            if !line.undated.is_empty() {
                <li key="undated" class="timeline-day" data-testid="timeline-day">
                    <h2 class="timeline-day-title">{ "Date not given" }</h2>
                    <ol class="timeline-items">{ for line.undated.iter().filter_map(item) }</ol>
                </li>
            }
        </ol>
    }
}

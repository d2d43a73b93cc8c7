//! The results as cards, a page at a time, so the page stays small however many match.

use crate::components::article_card::ArticleCard;
use crate::library::{use_files_at, Priority, SharedLibrary};
use crate::numbers::digits;
use broadsheet_core::data::library::Need;
use broadsheet_core::index::search::Query;
use broadsheet_core::view::group::StoryCard;
use gloo::timers::callback::Timeout;
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// The cards fetched as soon as a page of results is known, and drawn in the task that shows
/// the results: a screenful or more.
const FIRST_CARDS: usize = 8;

/// The cards drawn in each task after the first screen's. A card is ~27 elements; a phone
/// (CPU 4× slower) spent ~3.5 ms creating each, so a page of 50 at once was one task of ~175 ms
/// before the reader saw anything, and again at every keystroke.
const CARDS_PER_TASK: usize = 8;

/// How long the results must stay the same before the rest of the page's cards are fetched.
/// Measured at 100,000 articles: a page of 50 scattered results takes ~47 card shards, and
/// fetched on every keystroke they kept HTTP/1.1's six connections busy when the next keystroke
/// wanted its search shard. Readers pause longer than this when they stop typing.
const REST_AFTER_MS: u32 = 250;

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// Where the articles are.
    pub library: SharedLibrary,
    /// Article numbers in display order.
    pub articles: Rc<Vec<u32>>,
    /// How many to show.
    pub rows: usize,
    /// The search, for highlighting.
    pub query: Rc<Query>,
    /// The results one card per story, when the view groups them: `rows` then counts cards.
    #[prop_or_default]
    pub groups: Option<Rc<Vec<StoryCard>>>,
    /// Draw every row at once, for a page that returns to where the reader left it (scrolled
    /// down, or with focus on a card): otherwise the first screen's cards are drawn with the
    /// results and the rest a few per task after, `aria-busy` until all are.
    #[prop_or_default]
    pub whole: bool,
    /// Called to show another page.
    pub on_more: Callback<()>,
}

/// A `<div class="cards">` and, when more match, a "Show more" button. Cards whose articles
/// are still on their way (in a sharded build) are placeholders until they arrive.
#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    // Stories whose other articles the reader opened, by their lead.
    let open = use_state_eq(HashSet::<u32>::new);
    // The cards drawn so far (articles, or stories' leads), in order.
    let drawn = use_state_eq(Vec::<u32>::new);
    // The articles the cards show: a story's lead, and its other articles once opened.
    let shown: Vec<u32> = match &props.groups {
        Some(groups) => groups
            .iter()
            .take(props.rows)
            .flat_map(|g| {
                let others = if open.contains(&g.lead) {
                    &g.others[..]
                } else {
                    &[]
                };
                std::iter::once(g.lead).chain(others.iter().copied())
            })
            .collect(),
        None => props.articles.iter().take(props.rows).copied().collect(),
    };
    let units: Vec<u32> = match &props.groups {
        Some(groups) => groups.iter().take(props.rows).map(|g| g.lead).collect(),
        None => shown.clone(),
    };
    // Cards already drawn at the head of the list stay; a new list starts with a screenful.
    let kept = drawn.iter().zip(&units).take_while(|(a, b)| a == b).count();
    let limit = if props.whole {
        units.len()
    } else {
        kept.max(FIRST_CARDS).min(units.len())
    };
    let busy = limit < units.len();
    {
        let drawn = drawn.clone();
        use_effect_with((units, limit), move |(units, limit)| {
            let next = units[..units.len().min(limit + CARDS_PER_TASK)].to_vec();
            // Dropped (so cancelled) when the list changes first.
            let timer = (next.len() > *limit).then(|| Timeout::new(0, move || drawn.set(next)));
            move || drop(timer)
        });
    }
    let first = props
        .library
        .missing(&[Need::Cards(&shown[..shown.len().min(FIRST_CARDS)])]);
    let rest = if first.is_empty() {
        props.library.missing(&[Need::Cards(&shown)])
    } else {
        Vec::new()
    };
    use_files_at(&props.library, first, Priority::Filler);
    {
        let library = props.library.clone();
        use_effect_with(rest, move |rest| {
            let rest = rest.clone();
            // Dropped (so cancelled) when the results change first.
            let timer = (!rest.is_empty()).then(|| {
                Timeout::new(REST_AFTER_MS, move || library.fetch(rest, Priority::Filler))
            });
            move || drop(timer)
        });
    }
    let card = |number: u32| match props.library.card(number) {
        Some(article) => {
            let key = article.id.to_string();
            html! { <ArticleCard {key} {article} query={Rc::clone(&props.query)} /> }
        }
        None => html! {
            <article key={format!("#{number}")} class="card card-loading" aria-busy="true" data-testid="card-loading">
                <p class="muted">{ "Loading…" }</p>
            </article>
        },
    };
    let cards: Html = match &props.groups {
        Some(groups) => groups
            .iter()
            .take(limit)
            .map(|g| story_card(g, open.contains(&g.lead), &open, &card))
            .collect(),
        None => shown.iter().take(limit).map(|&n| card(n)).collect(),
    };
    let total = props
        .groups
        .as_ref()
        .map_or(props.articles.len(), |g| g.len());
    let rest = total.saturating_sub(props.rows);
    let onclick = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="cards" aria-busy={busy.then_some("true")}>{ cards }</div>
            if rest > 0 {
                <p class="more">
                    <button type="button" class="button" data-testid="more-results" {onclick}>
                        { format!("Show more ({} left)", digits().format(rest)) }
                    </button>
                </p>
            }
        </>
    }
}

/// One story's card: its lead and, when the story has more results, a button that opens
/// them in place below it.
fn story_card(
    group: &StoryCard,
    expanded: bool,
    open: &UseStateHandle<HashSet<u32>>,
    card: &dyn Fn(u32) -> Html,
) -> Html {
    let lead = group.lead;
    let more = group.others.len();
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*open).clone();
            if !next.remove(&lead) {
                next.insert(lead);
            }
            open.set(next);
        })
    };
    let id = format!("story-more-{lead}");
    html! {
        <div key={format!("story-{lead}")} class="story-card" data-testid="story-card">
            { card(lead) }
            if more > 0 {
                <button
                    type="button"
                    class="link-button story-toggle"
                    data-testid="story-toggle"
                    aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={id.clone()}
                    onclick={on_toggle}
                >
                    { if expanded {
                        "Hide the rest of this story".to_owned()
                    } else {
                        format!("+{} more on this story", digits().format(more))
                    } }
                </button>
                if expanded {
                    <div class="story-more" id={id} data-testid="story-more">
                        { for group.others.iter().map(|&n| card(n)) }
                    </div>
                }
            }
        </div>
    }
}

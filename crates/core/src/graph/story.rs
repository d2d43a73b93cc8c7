//! One story's whole coverage (`#/story/<key>`): every report of a connected component of the
//! related-stories graph ([`crate::index::stories`]), bundled or elsewhere, as a timeline grouped
//! by day, with each outlet once in the order it joined the story.
//!
//! The app asks three questions here: which story a link names ([`key_article`] and the
//! lookup of an id), which of its articles a view keeps ([`shown_articles`]) and what the
//! timeline of those is ([`timeline`]). Days are the reader's, so the caller passes the
//! offset of the reader's time zone at an instant; everything else is decided here.

use crate::index::stories::{outlet_key, Node, Stories};
use crate::model::article::{Article, Provider};
use crate::text::time::Timestamp;
use crate::view::display::delay_label;
use std::collections::HashMap;

/// The article whose id is a story's key in links: its earliest article (articles are numbered
/// in publication order, then id, so the lowest number).
///
/// Why the earliest: a story has no name of its own, and its number (see [`crate::index::stories`])
/// shifts whenever an earlier story gains or loses a node, so it cannot be a link. An article
/// id is a file name and stays the same across rebuilds. Of a story's articles, the first
/// report is the one most likely to stay in it: news grows forwards, so an update adds later
/// reports and leaves the first one the first. The app also opens a story from any of its
/// articles' ids (a card links to its own article's story before the graph is loaded) and
/// then writes the earliest one's id, so every link to a story ends up spelled one way, and an
/// old link whose article is no longer the first still opens the story it belongs to.
///
/// # Panics
/// If there is no such story.
#[must_use]
pub fn key_article(stories: &Stories, story: u32) -> u32 {
    // Every story has an article: an outside story is a node only because an article links it.
    stories.story_articles(story)[0]
}

/// The story's articles a view keeps, ascending: all of them when `matching` is `None` (a view
/// without filters), else those in `matching` (the view's results, sorted ascending).
///
/// # Panics
/// If there is no such story.
#[must_use]
pub fn shown_articles(stories: &Stories, story: u32, matching: Option<&[u32]>) -> Vec<u32> {
    let members = stories.story_articles(story);
    match matching {
        None => members.to_vec(),
        Some(matching) => members
            .iter()
            .copied()
            .filter(|a| matching.binary_search(a).is_ok())
            .collect(),
    }
}

/// One report on the timeline: a bundled article or a story elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Its node in the related-stories graph (an article number, or an outside story).
    pub node: u32,
    /// When it was published; stories elsewhere may not say.
    pub at: Option<Timestamp>,
    /// Its outlet, as a position in [`Timeline::outlets`]; `None` when its source names none.
    pub outlet: Option<usize>,
}

/// An outlet of the story, once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The key it is counted by (see [`outlet_key`]).
    pub key: String,
    /// Its name, as its first mention spells it.
    pub name: String,
    /// When it first published or was cited in the story, when known.
    pub first: Option<Timestamp>,
    /// How many reports of the timeline are its own (an outlet only cited by a related entry
    /// that is not on the timeline has none).
    pub reports: usize,
}

/// The reports of one day, in the reader's time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayGroup {
    /// The day, as days since 1970-01-01 in the reader's time zone.
    pub day: i64,
    /// Its reports, earliest first.
    pub reports: Vec<Report>,
}

/// A story's reports in order, and its outlets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// Dated reports by day, earliest first; the first report of the first day broke the story.
    pub days: Vec<DayGroup>,
    /// Reports from elsewhere that give no date, after the rest.
    pub undated: Vec<Report>,
    /// Every outlet of the shown articles and their related entries, once, in the order they
    /// joined the story (undated ones last, then by key). For a whole story their number is
    /// the story's coverage, the "N outlets" of its cards.
    pub outlets: Vec<Outlet>,
    /// Bundled articles on the timeline.
    pub articles: usize,
    /// Stories elsewhere on the timeline.
    pub elsewhere: usize,
    /// Calendar days from the first dated report to the last, both counted; 0 when none is
    /// dated.
    pub span_days: i64,
}

impl Timeline {
    /// The report that broke the story, when any is dated.
    #[must_use]
    pub fn first(&self) -> Option<&Report> {
        self.days.first().and_then(|d| d.reports.first())
    }

    /// Every report in timeline order.
    pub fn reports(&self) -> impl Iterator<Item = &Report> {
        self.days
            .iter()
            .flat_map(|d| &d.reports)
            .chain(&self.undated)
    }

    /// The name of `report`'s outlet, when its source names one.
    #[must_use]
    pub fn outlet_name(&self, report: &Report) -> Option<&str> {
        let outlet = self.outlets.get(report.outlet?)?;
        Some(&outlet.name)
    }

    /// When `report` came and how long after the first: "first report" for the one that
    /// broke the story, "5 h 15 min later" for the rest; `None` when it gives no date.
    #[must_use]
    pub fn when(&self, report: &Report) -> Option<(Timestamp, String)> {
        let at = report.at?;
        let after = match self.first().and_then(|f| f.at) {
            Some(first) if Some(report) != self.first() => delay_label(at.unix() - first.unix()),
            _ => "first report".to_owned(),
        };
        Some((at, after))
    }
}

/// The outlets seen so far, by key.
#[derive(Default)]
struct Outlets {
    list: Vec<Outlet>,
    by_key: HashMap<String, usize>,
}

impl Outlets {
    /// Notes that `provider` published or was cited at `at`; its position, if it is an outlet.
    fn note(&mut self, provider: &Provider, at: Option<Timestamp>) -> Option<usize> {
        let key = outlet_key(provider)?;
        if let Some(&i) = self.by_key.get(&key) {
            let outlet = &mut self.list[i];
            if at.is_some() && (outlet.first.is_none() || at < outlet.first) {
                outlet.first = at;
                outlet.name.clone_from(&provider.name);
            }
            return Some(i);
        }
        let i = self.list.len();
        self.by_key.insert(key.clone(), i);
        self.list.push(Outlet {
            key,
            name: provider.name.clone(),
            first: at,
            reports: 0,
        });
        Some(i)
    }
}

/// The timeline of `shown` (articles of one story, from [`shown_articles`]) and of the stories
/// elsewhere they link to. `article` gives articles by number (any not at hand is left out, so
/// the caller waits for all of them); `offset` gives the reader's UTC offset in seconds at an
/// instant, which decides the day a report falls on.
///
/// Reports are ordered by time, bundled articles before stories elsewhere at the same second,
/// then by node, so the order is total and the same on every run.
pub fn timeline<'a>(
    stories: &Stories,
    shown: &[u32],
    article: impl Fn(u32) -> Option<&'a Article>,
    offset: impl Fn(Timestamp) -> i64,
) -> Timeline {
    let mut outlets = Outlets::default();
    let mut reports: Vec<(Report, bool)> = Vec::new();
    let mut outside: Vec<u32> = Vec::new();
    let n = stories.article_count();
    for &a in shown {
        let Some(found) = article(a) else { continue };
        let own = outlets.note(&found.provider, Some(found.published_at));
        reports.push((
            Report {
                node: a,
                at: Some(found.published_at),
                outlet: own,
            },
            false,
        ));
        // Every related entry's outlet counts, as in the build's coverage, whether or not the
        // entry is a report of its own on the timeline.
        for entry in &found.related {
            if let Some(provider) = &entry.provider {
                outlets.note(provider, entry.published_at.or(Some(found.published_at)));
            }
        }
        outside.extend(stories.neighbours(a).iter().filter(|&&x| x as usize >= n));
    }
    crate::sort::ascending(&mut outside);
    outside.dedup();
    for node in outside {
        let Node::Outside(at) = stories.node(node) else {
            continue;
        };
        let Some(entry) = article(at.article).and_then(|a| at.in_article(a)) else {
            continue;
        };
        let outlet = entry
            .provider
            .as_ref()
            .and_then(|p| outlets.note(p, entry.published_at));
        reports.push((
            Report {
                node,
                at: entry.published_at,
                outlet,
            },
            true,
        ));
    }
    let articles = reports.iter().filter(|(_, elsewhere)| !elsewhere).count();
    let elsewhere = reports.len() - articles;
    let key = |(r, elsewhere): &(Report, bool)| (r.at.is_none(), r.at, *elsewhere, r.node);
    crate::sort::items_by(&mut reports, |a, b| key(a).cmp(&key(b)));
    let mut outlets = outlets.list;
    for (report, _) in &reports {
        if let Some(i) = report.outlet {
            outlets[i].reports += 1;
        }
    }
    let day = |t: Timestamp| (t.unix() + offset(t)).div_euclid(86_400);
    let mut days: Vec<DayGroup> = Vec::new();
    let mut undated = Vec::new();
    for (report, _) in reports {
        let Some(at) = report.at else {
            undated.push(report);
            continue;
        };
        let d = day(at);
        match days.last_mut() {
            Some(group) if group.day == d => group.reports.push(report),
            _ => days.push(DayGroup {
                day: d,
                reports: vec![report],
            }),
        }
    }
    let span_days = match (days.first(), days.last()) {
        (Some(first), Some(last)) => last.day - first.day + 1,
        _ => 0,
    };
    // The strip reads in the order outlets joined the story; positions in `Report::outlet`
    // follow the sort.
    let mut order: Vec<usize> = (0..outlets.len()).collect();
    crate::sort::items_by(&mut order, |&i, &j| {
        let (a, b) = (&outlets[i], &outlets[j]);
        (a.first.is_none(), a.first, &a.key).cmp(&(b.first.is_none(), b.first, &b.key))
    });
    let mut place = vec![0; outlets.len()];
    for (to, &from) in order.iter().enumerate() {
        place[from] = to;
    }
    for report in days
        .iter_mut()
        .flat_map(|d| &mut d.reports)
        .chain(&mut undated)
    {
        report.outlet = report.outlet.map(|i| place[i]);
    }
    let mut sorted: Vec<Option<Outlet>> = outlets.into_iter().map(Some).collect();
    let outlets = order.iter().filter_map(|&i| sorted[i].take()).collect();
    Timeline {
        days,
        undated,
        outlets,
        articles,
        elsewhere,
        span_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Related;
    use crate::testing::article;
    use crate::text::url::HttpUrl;

    const HOUR: i64 = 3_600;
    const DAY: i64 = 86_400;

    fn provider(name: &str, domain: Option<&str>) -> Provider {
        Provider {
            name: name.into(),
            domain: domain.map(Into::into),
            images: Vec::new(),
        }
    }

    fn entry(link: &str, at: Option<i64>, outlet: Option<Provider>) -> Related {
        Related {
            title: format!("About {link}"),
            excerpt: String::new(),
            published_at: at.map(|t| Timestamp::from_unix(t).expect("test instant")),
            web_url: HttpUrl::parse(link).expect("test url"),
            amp_web_url: None,
            cdn_amp_web_url: None,
            kind: None,
            provider: outlet,
            quality: None,
            images: Vec::new(),
        }
    }

    /// A story of three bundled articles over two days and two stories elsewhere (one
    /// undated), and an unrelated article.
    fn corpus() -> Vec<Article> {
        let mut a = article("a", None, 10 * DAY + 22 * HOUR);
        a.provider = provider("Alpha", Some("alpha.example"));
        a.related = vec![
            entry("https://example.com/b", None, None),
            entry(
                "https://far.example/x",
                Some(10 * DAY + 23 * HOUR),
                Some(provider("Far", Some("far.example"))),
            ),
        ];
        let mut b = article("b", None, 11 * DAY + HOUR);
        b.provider = provider("Beta", Some("www.beta.example"));
        b.related = vec![entry(
            "https://nodate.example/y",
            None,
            Some(provider("No Date", None)),
        )];
        let mut c = article("c", None, 12 * DAY + 5 * HOUR);
        c.provider = provider("Alpha Again", Some("ALPHA.example"));
        c.related = vec![entry("https://example.com/b", None, None)];
        let mut d = article("d", None, 12 * DAY + 6 * HOUR);
        d.provider = provider("Delta", Some("delta.example"));
        vec![a, b, c, d]
    }

    fn utc(_: Timestamp) -> i64 {
        0
    }

    #[test]
    fn keys_a_story_by_its_earliest_article() {
        let list = corpus();
        let stories = Stories::build(&list);
        let story = stories.story_of(2);
        assert_eq!(key_article(&stories, story), 0);
        assert_eq!(key_article(&stories, stories.story_of(3)), 3);
    }

    #[test]
    fn keeps_the_articles_a_view_matches() {
        let list = corpus();
        let stories = Stories::build(&list);
        let story = stories.story_of(0);
        assert_eq!(shown_articles(&stories, story, None), [0, 1, 2]);
        assert_eq!(shown_articles(&stories, story, Some(&[1, 2, 3])), [1, 2]);
        assert!(shown_articles(&stories, story, Some(&[3])).is_empty());
    }

    #[test]
    fn orders_reports_by_time_and_groups_them_by_day() {
        let list = corpus();
        let stories = Stories::build(&list);
        let story = stories.story_of(0);
        let shown = shown_articles(&stories, story, None);
        let line = timeline(&stories, &shown, |n| list.get(n as usize), utc);
        let far = stories.story_outside(story)[0];
        let nodate = stories.story_outside(story)[1];
        let days: Vec<(i64, Vec<u32>)> = line
            .days
            .iter()
            .map(|d| (d.day, d.reports.iter().map(|r| r.node).collect()))
            .collect();
        assert_eq!(days, [(10, vec![0, far]), (11, vec![1]), (12, vec![2])]);
        assert_eq!(line.undated.len(), 1);
        assert_eq!(line.undated[0].node, nodate);
        assert_eq!(line.first().map(|r| r.node), Some(0));
        assert_eq!((line.articles, line.elsewhere, line.span_days), (3, 2, 3));
        assert_eq!(line.reports().count(), 5);
        let whens: Vec<Option<String>> = line
            .reports()
            .map(|r| line.when(r).map(|(_, after)| after))
            .collect();
        assert_eq!(whens[0].as_deref(), Some("first report"));
        assert!(
            whens[1..4]
                .iter()
                .all(|w| w.as_deref().is_some_and(|w| w.ends_with("later"))),
            "{whens:?}"
        );
        assert_eq!(whens[4], None, "an undated report");
        assert!(line
            .reports()
            .all(|r| line.outlet_name(r) == r.outlet.map(|i| line.outlets[i].name.as_str())));
    }

    #[test]
    fn the_reader_s_time_zone_decides_the_day() {
        let list = corpus();
        let stories = Stories::build(&list);
        let shown = shown_articles(&stories, stories.story_of(0), None);
        // Three hours ahead of UTC: 22:00 and 23:00 on day 10 fall on day 11 with 01:00.
        let line = timeline(&stories, &shown, |n| list.get(n as usize), |_| 3 * HOUR);
        let sizes: Vec<(i64, usize)> = line.days.iter().map(|d| (d.day, d.reports.len())).collect();
        assert_eq!(sizes, [(11, 3), (12, 1)]);
        assert_eq!(line.span_days, 2);
    }

    #[test]
    fn lists_each_outlet_once_in_the_order_it_joined_and_agrees_with_coverage() {
        let list = corpus();
        let stories = Stories::build(&list);
        let story = stories.story_of(0);
        let shown = shown_articles(&stories, story, None);
        let line = timeline(&stories, &shown, |n| list.get(n as usize), utc);
        let names: Vec<(&str, usize)> = line
            .outlets
            .iter()
            .map(|o| (o.name.as_str(), o.reports))
            .collect();
        // Alpha twice under two spellings of one domain; the undated outlet last.
        assert_eq!(
            names,
            [("Alpha", 2), ("Far", 1), ("Beta", 1), ("No Date", 1)]
        );
        assert_eq!(
            line.outlets.len(),
            stories.coverage(story) as usize,
            "the strip counts what the cards count"
        );
        let keys: Vec<String> = line.outlets.iter().map(|o| o.key.clone()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(sorted, stories.outlets(|n| list.get(n as usize), story));
        for report in line.reports() {
            let outlet = report.outlet.map(|i| line.outlets[i].name.as_str());
            let want = match report.node {
                0 | 2 => "Alpha",
                1 => "Beta",
                n if n == stories.story_outside(story)[0] => "Far",
                _ => "No Date",
            };
            assert_eq!(outlet, Some(want), "node {}", report.node);
        }
    }

    #[test]
    fn a_filtered_story_shows_only_what_its_articles_link_to() {
        let list = corpus();
        let stories = Stories::build(&list);
        let story = stories.story_of(0);
        let shown = shown_articles(&stories, story, Some(&[1]));
        let line = timeline(&stories, &shown, |n| list.get(n as usize), utc);
        let nodes: Vec<u32> = line.reports().map(|r| r.node).collect();
        assert_eq!(nodes, [1, stories.story_outside(story)[1]]);
        assert_eq!(line.outlets.len(), 2);
        assert_eq!((line.articles, line.elsewhere, line.span_days), (1, 1, 1));
    }

    #[test]
    fn leaves_out_articles_not_at_hand_and_handles_an_empty_view() {
        let list = corpus();
        let stories = Stories::build(&list);
        let shown = shown_articles(&stories, stories.story_of(0), None);
        let line = timeline(
            &stories,
            &shown,
            |n| (n != 1).then(|| list.get(n as usize)).flatten(),
            utc,
        );
        assert_eq!(line.articles, 2);
        let empty = timeline(&stories, &[], |n| list.get(n as usize), utc);
        assert_eq!(empty, Timeline::default());
        assert!(empty.first().is_none());
    }
}

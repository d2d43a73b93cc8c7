//! The plan of a generated set: which articles cover which story, and how each article is built.
//!
//! Articles are grouped into stories (clusters): a story fixes the place, actor, verb, object and
//! topics, and each article covering it picks its own outlet, headline wording, date and scores.
//! Only the grouping is stored; every article, story and outside story is rebuilt on demand from
//! its own seeded stream, which is what lets a `related:` entry copy its target's exact title,
//! `webUrl` and quality without keeping 100,000 articles in memory.

use crate::article::{Article, Image, Published, Related, Score};
use crate::rng::{heavy_tail, Rng, Zipf};
use crate::text::{base64, capitalize, days_from_civil, slug, DAY};
use crate::words::{
    Outlet, Verb, ACTORS, CONCERNS, COUNT_WORDS, GROUPS, HEADINGS, IMAGE_SIZES, MONTHS,
    OUTSIDE_OUTLETS, PLACES, PROVIDERS, QUOTES, REASONS, TOPICS, VERBS, VERDICTS, WEEKDAYS,
};

/// Which kind of set to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Any size, every outlet and topic, random rates for drafts, bodies and the like.
    Bulk,
    /// The small set bundled in `content/`: fixed seed and size, a subset of outlets and topics,
    /// and drafts, removals, bodies and odd characters at fixed positions so the sample always
    /// shows each case.
    Sample,
}

/// Everything that decides what a generated set contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Bulk or sample.
    pub mode: Mode,
    /// Number of articles.
    pub count: usize,
    /// The seed every random choice derives from.
    pub seed: u64,
    /// First part of every id and file name.
    pub id_prefix: &'static str,
    /// Zero-padded width of the number in ids.
    pub id_digits: usize,
    /// How many of [`PROVIDERS`] may publish.
    pub providers: usize,
    /// How many of [`TOPICS`] may be used.
    pub topics: usize,
    /// First possible publication day, in days since 1970-01-01.
    pub first_day: i64,
    /// Number of days stories start in.
    pub span_days: i64,
    /// Chance, per thousand, that a story is covered by one article only.
    pub singleton_per_mille: u64,
    /// The most articles one story may have (at least 2).
    pub max_story: usize,
    /// When not 0, the first story has this many articles (up to `count`), whatever
    /// `max_story` says: a story of hundreds, for measuring the story page.
    pub big_story: usize,
}

/// The largest `--count` accepted: URL numbers are unique below 90 million and ids stay short.
pub const MAX_COUNT: usize = 10_000_000;

/// The number of articles in the bundled sample.
pub const SAMPLE_COUNT: usize = 72;

/// The seed of the bundled sample.
pub const SAMPLE_SEED: u64 = 20_240_601;

// Fixed positions (0-based) of the cases the sample must always show.
const SAMPLE_DRAFTS: &[usize] = &[5, 19, 33, 47, 61];
const SAMPLE_REMOVED: &[usize] = &[40];
const SAMPLE_BODIES: &[usize] = &[2, 14, 26, 38, 50, 62];
const SAMPLE_ENTITIES: &[usize] = &[8, 44];
const SAMPLE_STRAIGHT_QUOTES: &[usize] = &[11];
const SAMPLE_BACKSLASH: &[usize] = &[23];

// Salts that separate the random streams of different kinds of items.
const SALT_LAYOUT: u64 = 1;
const SALT_STORY: u64 = 2;
const SALT_ARTICLE: u64 = 3;
const SALT_RELATED: u64 = 4;
const SALT_OUTSIDE: u64 = 5;

/// At most this many outside stories per story.
const MAX_OUTSIDE: u64 = 3;

impl Profile {
    /// A bulk set of `count` articles dated 2023-01-01 to 2024-12-31.
    #[must_use]
    pub fn bulk(count: usize, seed: u64) -> Self {
        let digits = count.to_string().len().max(6);
        Self {
            mode: Mode::Bulk,
            count,
            seed,
            id_prefix: "gen",
            id_digits: digits,
            providers: PROVIDERS.len(),
            topics: TOPICS.len(),
            first_day: days_from_civil(2023, 1, 1),
            span_days: 731,
            singleton_per_mille: 850,
            max_story: 30,
            big_story: 0,
        }
    }

    /// The bundled sample: [`SAMPLE_COUNT`] articles from 10 outlets on 12 topics, dated over
    /// nine months of 2024.
    #[must_use]
    pub fn sample() -> Self {
        Self {
            mode: Mode::Sample,
            count: SAMPLE_COUNT,
            seed: SAMPLE_SEED,
            id_prefix: "sample",
            id_digits: 3,
            providers: 10,
            topics: 12,
            first_day: days_from_civil(2024, 1, 1),
            span_days: 270,
            singleton_per_mille: 550,
            // One big story would crowd out the rest of a 72-article set.
            max_story: 7,
            big_story: 0,
        }
    }
}

/// What one story fixes for every article that covers it.
#[derive(Debug, Clone)]
struct Story {
    place: &'static str,
    /// The possessive of `place`: "Port Alder's", "Brindle Heights'".
    places: String,
    actor: &'static str,
    verb: Verb,
    topic: usize,
    extra_topics: Vec<usize>,
    object: &'static str,
    reason: &'static str,
    group: &'static str,
    verdict: &'static str,
    concern: &'static str,
    quote: &'static str,
    votes: (u64, u64),
    cost: (u64, u64),
    months: u64,
    start: i64,
    size: usize,
    outside: u64,
}

/// A planned set of articles; build each with [`Corpus::article`].
#[derive(Debug, Clone)]
pub struct Corpus {
    profile: Profile,
    /// For article `i`: its story and its rank within the story (rank 0 broke the news).
    slots: Vec<(u32, u32)>,
    /// Articles of story `s` are `members[starts[s]..starts[s + 1]]`, by rank.
    starts: Vec<u32>,
    members: Vec<u32>,
    provider_weights: Zipf,
    topic_weights: Zipf,
    url_offset: u64,
}

impl Corpus {
    /// Plans the set: splits the articles into stories and spreads each story over the ids.
    ///
    /// # Panics
    /// When `profile.count` exceeds [`MAX_COUNT`] (the CLI rejects that first).
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        assert!(profile.count <= MAX_COUNT, "count above MAX_COUNT");
        let mut rng = Rng::derive(profile.seed, SALT_LAYOUT, 0);
        let mut sizes = Vec::new();
        let mut total = 0;
        if profile.big_story > 0 {
            total = profile.big_story.min(profile.count);
            sizes.push(total);
        }
        while total < profile.count {
            let size = if rng.chance(profile.singleton_per_mille) {
                1
            } else {
                // Heavy tail: most shared stories have 2–4 articles, a few have dozens.
                2 + (heavy_tail(&mut rng, 1.5) as usize).min(profile.max_story.saturating_sub(2))
            };
            let size = size.min(profile.count - total);
            sizes.push(size);
            total += size;
        }
        let mut slots: Vec<(u32, u32)> = sizes
            .iter()
            .enumerate()
            .flat_map(|(story, &size)| (0..size).map(move |rank| (story as u32, rank as u32)))
            .collect();
        // Without the shuffle a story's articles would sit next to each other in id order.
        rng.shuffle(&mut slots);

        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut acc = 0u32;
        for &size in &sizes {
            starts.push(acc);
            acc += size as u32;
        }
        starts.push(acc);
        let mut members = vec![0u32; profile.count];
        for (i, &(story, rank)) in slots.iter().enumerate() {
            members[(starts[story as usize] + rank) as usize] = i as u32;
        }
        Self {
            provider_weights: Zipf::new(profile.providers),
            topic_weights: Zipf::new(profile.topics),
            url_offset: crate::rng::mix(profile.seed) % 90_000_000,
            profile,
            slots,
            starts,
            members,
        }
    }

    /// The profile the set was planned from.
    #[must_use]
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The number of articles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when the set has no articles.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Article `index` (0-based), complete with related stories.
    ///
    /// # Panics
    /// When `index >= self.len()`.
    #[must_use]
    pub fn article(&self, index: usize) -> Article {
        let (story_index, _) = self.slots[index];
        let story = self.story(story_index);
        let mut article = self.core(index, &story);
        article.related = self.related(index, story_index, &story);
        article
    }

    /// Iterates over every article in id order.
    pub fn articles(&self) -> impl Iterator<Item = Article> + '_ {
        (0..self.len()).map(|i| self.article(i))
    }

    fn story_members(&self, story: u32) -> &[u32] {
        let s = story as usize;
        &self.members[self.starts[s] as usize..self.starts[s + 1] as usize]
    }

    fn story(&self, index: u32) -> Story {
        let mut r = Rng::derive(self.profile.seed, SALT_STORY, u64::from(index));
        // The sample's first stories take each topic once, so the small set still shows them all.
        let topic = if self.profile.mode == Mode::Sample && (index as usize) < self.profile.topics {
            index as usize
        } else {
            self.topic_weights.sample(&mut r)
        };
        let mut extra_topics = Vec::new();
        let wanted = match r.below(100) {
            0..=44 => 0,
            45..=79 => 1,
            _ => 2,
        };
        // A bounded number of tries: with few topics the wanted count may be unreachable.
        for _ in 0..8 {
            if extra_topics.len() == wanted {
                break;
            }
            let t = self.topic_weights.sample(&mut r);
            if t != topic && !extra_topics.contains(&t) {
                extra_topics.push(t);
            }
        }
        let size = self.story_members(index).len();
        let yes = r.between(4, 9);
        let day = self.profile.first_day + r.below(self.profile.span_days as u64) as i64;
        // News breaks in the daytime more often than at night.
        let hour = if r.chance(800) {
            r.between(6, 21)
        } else {
            r.below(24)
        } as i64;
        let start = day * DAY + hour * 3600 + r.below(3600) as i64;
        let outside_chance = if size > 1 { 600 } else { 200 };
        let outside = if r.chance(outside_chance) {
            r.between(1, MAX_OUTSIDE)
        } else {
            0
        };
        let place = r.pick(PLACES);
        Story {
            place,
            places: if place.ends_with('s') {
                format!("{place}'")
            } else {
                format!("{place}'s")
            },
            actor: r.pick(ACTORS),
            verb: r.pick(VERBS),
            topic,
            extra_topics,
            object: r.pick(TOPICS[topic].objects),
            reason: r.pick(REASONS),
            group: r.pick(GROUPS),
            verdict: r.pick(VERDICTS),
            concern: r.pick(CONCERNS),
            quote: r.pick(QUOTES),
            votes: (yes, r.below(yes)),
            cost: (r.between(1, 90), r.below(10)),
            months: r.between(3, 36),
            start,
            size,
            outside,
        }
    }

    fn in_sample(&self, list: &[usize], index: usize) -> bool {
        self.profile.mode == Mode::Sample && list.contains(&index)
    }

    /// Builds article `index` without its related stories.
    fn core(&self, index: usize, story: &Story) -> Article {
        let sample = self.profile.mode == Mode::Sample;
        let mut r = Rng::derive(self.profile.seed, SALT_ARTICLE, index as u64);
        let (_, rank) = self.slots[index];
        // Likewise the sample's first articles take each outlet once.
        let provider_index = if sample && index < self.profile.providers {
            index
        } else {
            self.provider_weights.sample(&mut r)
        };
        let provider = PROVIDERS[provider_index];

        let kind = if r.chance(60) { "video" } else { "article" };
        let roll = r.below(100);
        let category = if kind == "video" || roll >= 13 {
            "news"
        } else if roll < 10 || sample {
            "opinion"
        } else {
            "analysis"
        };

        // The first article breaks the story; the rest follow within three days.
        let delay = if rank == 0 {
            r.below(6 * 3600)
        } else {
            r.below(72 * 3600)
        } as i64;
        let mut published_at = story.start + delay;
        if r.chance(700) {
            // Most feeds report whole minutes, as the reference article does.
            published_at -= published_at.rem_euclid(60);
        }

        let title = headline(story, category, kind, &mut r);
        let quotes = if self.in_sample(SAMPLE_STRAIGHT_QUOTES, index) || (!sample && r.chance(80)) {
            QuoteStyle::Straight
        } else {
            QuoteStyle::Curly
        };
        let extras = Extras {
            quotes,
            entity: self.in_sample(SAMPLE_ENTITIES, index) || (!sample && r.chance(20)),
            backslash: self.in_sample(SAMPLE_BACKSLASH, index) || (!sample && r.chance(5)),
        };
        let excerpt = excerpt(story, category, kind, extras, &mut r);

        let number = self.url_number(index);
        let title_slug = slug(&title, 60);
        let section = match (category, kind) {
            (_, "video") => "video".to_owned(),
            ("news", _) => slug(TOPICS[story.topic].name, 40),
            (other, _) => other.to_owned(),
        };
        let (y, m, d) = crate::text::civil_from_days(published_at.div_euclid(DAY));
        let path = match provider_index % 4 {
            0 => format!("{section}/{y}/{m:02}/{d:02}/{title_slug}-{number}"),
            1 => format!("{section}/{title_slug}-{number}.html"),
            2 => format!("story/{number}/{title_slug}"),
            _ => format!("{y}{m:02}{d:02}/{title_slug}?id={number}&src=feed"),
        };
        let web_url = format!("https://{}/{path}", provider.domain);
        let amp_web_url = r
            .chance(250)
            .then(|| format!("https://{}/amp/{path}", provider.domain));
        let cdn_amp_web_url = amp_web_url.as_ref().filter(|_| r.chance(600)).map(|_| {
            let host = provider.domain.replace('-', "--").replace('.', "-");
            format!(
                "https://{host}.cdn.example.net/c/s/{}/amp/{path}",
                provider.domain
            )
        });
        let original_url = match r.below(100) {
            0..=11 => Some(web_url.clone()),
            12..=23 => Some(format!(
                "https://syndication.example.org/{}/{number}",
                slug(provider.domain, 40)
            )),
            _ => None,
        };

        let mut topics = vec![TOPICS[story.topic].name];
        topics.extend(story.extra_topics.iter().map(|&t| TOPICS[t].name));
        if r.chance(150) {
            let t = TOPICS[self.topic_weights.sample(&mut r)].name;
            if !topics.contains(&t) {
                topics.push(t);
            }
        }

        let mut images = Vec::new();
        if r.chance(800) {
            images.push(lead_image(provider_index, published_at, &title, &mut r));
            if r.chance(120) {
                images.push(lead_image(provider_index, published_at, &title, &mut r));
            }
        }

        // Shared stories draw more readers, so their heat is scaled up a little.
        let boost = 1.0 + (story.size.min(21) - 1) as f64 / 5.0;
        let heat = score(&mut r, 333, |r| {
            (heavy_tail(r, 15.0) * boost).min(5_000.0) as u32
        });
        let quality = score(&mut r, 250, |r| {
            (5.0 + r.below(50) as f64 + heavy_tail(r, 12.0)).min(2_000.0) as u32
        });

        let (published, removed) = if sample {
            let draft = SAMPLE_DRAFTS.contains(&index);
            let removed = SAMPLE_REMOVED.contains(&index);
            let stated = draft || r.chance(850);
            (
                if draft {
                    Published::No
                } else if stated {
                    Published::Yes
                } else {
                    Published::Unstated
                },
                removed,
            )
        } else {
            let roll = r.below(1000);
            let published = match roll {
                0..=29 => Published::No,
                30..=179 => Published::Unstated,
                _ => Published::Yes,
            };
            (published, roll >= 990)
        };

        let wants_body = if sample {
            SAMPLE_BODIES.contains(&index)
        } else {
            r.chance(80)
        };
        let body = wants_body.then(|| markdown_body(story, provider, &title_slug, &mut r));

        let mut secret = vec![0u8; 241 + r.index(16)];
        r.fill(&mut secret);
        let mut nonce = [0u8; 16];
        r.fill(&mut nonce);

        Article {
            id: format!(
                "{}-{:0width$}-{}",
                self.profile.id_prefix,
                index + 1,
                if title_slug.is_empty() {
                    "article"
                } else {
                    &title_slug
                },
                width = self.profile.id_digits
            ),
            category,
            title,
            excerpt,
            published_at,
            original_url,
            web_url,
            amp_web_url,
            cdn_amp_web_url,
            kind,
            quality,
            heat,
            published,
            removed,
            provider,
            provider_logo: (provider_index % 3 == 0).then(|| Image {
                url: format!(
                    "https://img.example.net/logos/{}-50x50.jpg",
                    provider.domain
                ),
                width: 50,
                height: 50,
                is_cached: false,
                title: None,
            }),
            topics,
            images,
            related: Vec::new(),
            body,
            secured: format!("{};{}", base64(&secret), base64(&nonce)),
        }
    }

    /// A number unique to each article of the set, used in its URLs: a bijection of the index
    /// (7919 is prime and shares no factor with 90 million), offset by the seed so two seeds
    /// give different URLs.
    fn url_number(&self, index: usize) -> u64 {
        10_000_000 + (index as u64 * 7919 + self.url_offset) % 90_000_000
    }

    fn related(&self, index: usize, story_index: u32, story: &Story) -> Vec<Related> {
        let mut r = Rng::derive(self.profile.seed, SALT_RELATED, index as u64);
        let mut out = Vec::new();
        let members = self.story_members(story_index);
        if members.len() > 1 && r.chance(850) {
            let mut others: Vec<u32> = members
                .iter()
                .copied()
                .filter(|&m| m as usize != index)
                .collect();
            r.shuffle(&mut others);
            let take = (1 + r.index(5)).min(others.len());
            for &other in &others[..take] {
                let target = self.core(other as usize, story);
                out.push(Related {
                    title: target.title,
                    excerpt: target.excerpt,
                    published_at: target.published_at,
                    web_url: target.web_url,
                    amp_web_url: target.amp_web_url,
                    kind: target.kind,
                    provider: target.provider,
                    quality: target.quality.value(),
                    images: target.images.into_iter().take(1).collect(),
                    inside: true,
                });
            }
        }
        for k in 0..story.outside {
            if r.chance(650) {
                out.push(self.outside(story_index, k, story));
            }
        }
        r.shuffle(&mut out);
        out
    }

    /// Outside story `k` of a story: covered elsewhere, on a domain no generated article uses.
    fn outside(&self, story_index: u32, k: u64, story: &Story) -> Related {
        let mut r = Rng::derive(
            self.profile.seed,
            SALT_OUTSIDE + k * 16,
            u64::from(story_index),
        );
        let provider = r.pick(OUTSIDE_OUTLETS);
        let title = headline(story, "news", "article", &mut r);
        let published_at = story.start + r.below(48 * 3600) as i64;
        let (y, m, _) = crate::text::civil_from_days(published_at.div_euclid(DAY));
        let web_url = format!(
            "https://{}/news/{y}/{m:02}/{}-{story_index:x}{k}",
            provider.domain,
            slug(&title, 60)
        );
        let (actor, place, object) = (capitalize(story.actor), story.place, story.object);
        let excerpt = match r.below(3) {
            0 => format!(
                "{actor} in {place} {} the {object} after {}.",
                story.verb.third, story.reason
            ),
            1 => format!(
                "{} in {place} called the {object} {} {}.",
                capitalize(story.group),
                story.verb.noun,
                story.verdict
            ),
            _ => format!("What we know so far about the {object} in {place}, and what comes next."),
        };
        let images = if r.chance(500) {
            let (width, height) = r.pick(IMAGE_SIZES);
            vec![Image {
                url: format!("https://img.example.net/outside/{:016x}.jpg", r.next_u64()),
                width,
                height,
                is_cached: r.chance(500),
                title: None,
            }]
        } else {
            Vec::new()
        };
        Related {
            title,
            excerpt,
            published_at,
            web_url,
            amp_web_url: None,
            kind: "article",
            provider,
            quality: r.chance(700).then(|| r.between(5, 150) as u32),
            images,
            inside: false,
        }
    }
}

/// A score that is unknown with probability `unknown_per_mille` (then half the time `-1`, half
/// the time no key at all), otherwise drawn by `draw`.
fn score(r: &mut Rng, unknown_per_mille: u64, draw: impl FnOnce(&mut Rng) -> u32) -> Score {
    if r.chance(unknown_per_mille) {
        if r.chance(500) {
            Score::Unknown
        } else {
            Score::Missing
        }
    } else {
        Score::Value(draw(r))
    }
}

fn lead_image(provider_index: usize, published_at: i64, title: &str, r: &mut Rng) -> Image {
    let domain = PROVIDERS[provider_index].domain;
    let (y, m, _) = crate::text::civil_from_days(published_at.div_euclid(DAY));
    let file = format!("{y}/{m:02}/{:016x}.jpg", r.next_u64());
    let url = if provider_index % 2 == 0 {
        format!("https://img.example.net/{}/{file}", slug(domain, 40))
    } else {
        format!("https://cdn.{domain}/images/{file}")
    };
    let (width, height) = r.pick(IMAGE_SIZES);
    Image {
        url,
        width,
        height,
        is_cached: r.chance(650),
        title: r.chance(250).then(|| title.to_owned()),
    }
}

/// The headline of one article about `story`: stories share their nouns, so a search for the
/// place or object finds every article of the story, while the wording varies per article.
fn headline(story: &Story, category: &str, kind: &str, r: &mut Rng) -> String {
    let Story {
        place,
        places,
        actor,
        verb,
        object,
        reason,
        votes,
        ..
    } = story;
    let Verb {
        third,
        base,
        past,
        noun,
    } = verb;
    let title = if kind == "video" {
        match r.below(3) {
            0 => format!("Video: {place} {actor} {third} {object}"),
            1 => format!("Watch: inside {places} {object}"),
            _ => format!("Video explainer: the {object} {noun} in {place}"),
        }
    } else if category == "opinion" {
        match r.below(6) {
            0 => format!("{place} should not {base} the {object}"),
            1 => format!("Why the {object} {noun} is a mistake for {place}"),
            2 => format!("The {object} {noun} is overdue, and {place} knows it"),
            3 => format!("Letter: the {actor} got the {object} wrong"),
            4 => format!("In defense of {places} {object}"),
            _ => format!("{place} cannot afford to {base} the {object}"),
        }
    } else {
        let t = match r.below(12) {
            0 | 1 => format!("{place} {actor} {third} {object}"),
            2 => format!("{place} {actor} {third} {object}, citing {reason}"),
            3 => format!("{place} {actor} {third} {object} after {reason}"),
            4 => format!("What the {object} {noun} means for {place}"),
            5 => format!("{object} {past} in {place}: what happens next"),
            6 => format!("Residents split as {place} {actor} {third} {object}"),
            7 => format!("{} questions about {places} {object}", r.pick(COUNT_WORDS)),
            8 => format!("Inside the {object} debate in {place}"),
            9 => format!("{places} {actor} {third} {object} — again"),
            10 => format!("After {reason}, {place} {actor} {third} {object}"),
            _ => format!(
                "{place} {object}: {actor} {third} plan in {}–{} vote",
                votes.0, votes.1
            ),
        };
        if category == "analysis" {
            format!("Analysis: {t}")
        } else {
            t
        }
    };
    capitalize(&title)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteStyle {
    Curly,
    Straight,
}

/// Features real excerpts have that a reader of the files must cope with.
#[derive(Debug, Clone, Copy)]
struct Extras {
    quotes: QuoteStyle,
    /// An HTML entity (`&amp;`), as feeds that scrape HTML leave behind.
    entity: bool,
    /// A backslash, which YAML double-quoted strings must escape.
    backslash: bool,
}

fn excerpt(story: &Story, category: &str, kind: &str, extras: Extras, r: &mut Rng) -> String {
    let Story {
        place,
        places,
        actor,
        verb,
        object,
        reason,
        group,
        verdict,
        concern,
        quote,
        ..
    } = story;
    let mut sentences: Vec<String> = Vec::new();
    if category == "opinion" {
        sentences.push(format!("{place} has argued about the {object} for years."));
        sentences.push(match r.below(3) {
            0 => format!(
                "The {actor}'s {} deserves a harder look than it got.",
                verb.noun
            ),
            1 => format!("Here is what the {actor} got right, and what it missed."),
            _ => format!("Ask {group} what they think, and you hear about {concern}."),
        });
    } else if kind == "video" {
        sentences.push(format!(
            "Watch how {group} in {place} react to the {object} {}.",
            verb.noun
        ));
    } else {
        sentences.push(match r.below(2) {
            0 => format!(
                "The {actor} in {place} voted {}–{} on {} to {} the {object}, a decision {group} called {verdict}.",
                story.votes.0,
                story.votes.1,
                r.pick(WEEKDAYS),
                verb.base
            ),
            _ => format!("{places} {actor} {} the {object} after {reason}.", verb.third),
        });
        // Distinct kinds, so an excerpt never repeats a sentence.
        let mut kinds = [0, 1, 2, 3, 4];
        r.shuffle(&mut kinds);
        let extra = r.index(2) + 1;
        for kind in &kinds[..extra] {
            sentences.push(match kind {
                0 => format!(
                    "Officials said the {object} would cost about ${}.{} million and take {} months.",
                    story.cost.0, story.cost.1, story.months
                ),
                1 => match extras.quotes {
                    QuoteStyle::Curly => format!("“{quote},” said a spokesperson for the {actor}."),
                    QuoteStyle::Straight => format!("\"{quote},\" said a spokesperson for the {actor}."),
                },
                2 => format!("Critics say the plan ignores {concern}."),
                3 => format!("A public hearing is set for {} {}.", r.pick(MONTHS), r.between(1, 28)),
                _ => format!("{} in {place} have pushed for a {} since last year.", capitalize(group), verb.noun),
            });
        }
    }
    if extras.quotes == QuoteStyle::Straight && !sentences.iter().any(|s| s.contains('"')) {
        sentences.push(format!("Some called it \"{verdict}\"."));
    }
    if extras.entity {
        sentences.push(format!(
            "{} &amp; {} packed the hearing.",
            capitalize(group),
            r.pick(GROUPS)
        ));
    }
    if extras.backslash {
        sentences.push(format!(
            "The draft is filed as {}\\{}\\v{}.",
            slug(place, 30),
            slug(object, 30),
            r.between(2, 9)
        ));
    }
    let mut text = sentences.join(" ");
    // Feeds often cut excerpts mid-sentence and mark it with an ellipsis.
    if text.len() > 160 && r.chance(150) {
        let mut end = 150;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cut = text[..end].rfind(' ').unwrap_or(end);
        text.truncate(cut);
        text.push_str(" ...");
    }
    text
}

fn markdown_body(story: &Story, provider: Outlet, title_slug: &str, r: &mut Rng) -> String {
    let Story {
        places,
        actor,
        verb,
        object,
        reason,
        group,
        verdict,
        concern,
        votes,
        cost,
        months,
        ..
    } = story;
    let (yes, no) = votes;
    let (millions, tenths) = cost;
    let third = verb.third;
    let (weekday, heading, month, day) = (
        r.pick(WEEKDAYS),
        r.pick(HEADINGS),
        r.pick(MONTHS),
        r.between(1, 28),
    );
    let group = capitalize(group);
    let domain = provider.domain;
    format!(
        "{places} {actor} {third} the {object} on {weekday}, after {reason}.\n\n\
         ## {heading}\n\n\
         The vote was {yes}–{no}. {group} called the decision **{verdict}**; critics pointed to *{concern}*.\n\n\
         - Cost: about ${millions}.{tenths} million\n\
         - Timeline: {months} months\n\
         - Next hearing: {month} {day}\n\n\
         Read the [full report](https://{domain}/reports/{title_slug}) for details.\n"
    )
}

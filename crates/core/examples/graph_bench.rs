//! Benchmarks the related-stories graph and the layout natively, and prints the timings.
//!
//! ```text
//! cargo run -p broadsheet-core --release --example graph_bench [-- ARTICLES]
//! ```
//!
//! The articles are generated in memory (ARTICLES of them, 100,000 by default) in the shape
//! `broadsheet-gen` writes: stories of one to eight articles from different outlets that list
//! each other (in varied URL spellings) and shared outside stories, with the odd self-link and
//! duplicate entry. Budgets from the related-stories issue: clustering 100,000 articles in at
//! most 1 s; a 1,000-node layout converged in at most 500 ms in the browser.

#![allow(clippy::print_stdout, reason = "a benchmark's output is its report")]

use broadsheet_core::graph::layout::Layout;
use broadsheet_core::index::stories::Stories;
use broadsheet_core::model::article::{Article, ArticleId, Provider, Related};
use broadsheet_core::rng::Rng;
use broadsheet_core::text::time::Timestamp;
use broadsheet_core::text::url::HttpUrl;
use std::time::{Duration, Instant};

/// A chance of `percent` in 100, from the seeded generator, so every run benchmarks the same
/// articles.
fn chance(rng: &mut Rng, percent: usize) -> bool {
    rng.index(100) < percent
}

fn url(text: &str) -> HttpUrl {
    HttpUrl::parse(text).expect("generated URLs are valid")
}

fn provider(domain: &str) -> Provider {
    Provider {
        name: domain.to_uppercase(),
        domain: Some(domain.to_owned()),
        images: Vec::new(),
    }
}

fn entry(title: &str, link: &str, domain: &str) -> Related {
    Related {
        title: title.to_owned(),
        excerpt: String::new(),
        published_at: None,
        web_url: url(link),
        amp_web_url: None,
        cdn_amp_web_url: None,
        kind: None,
        provider: Some(provider(domain)),
        quality: None,
        images: Vec::new(),
    }
}

/// A URL of `domain`/`path` in one of the spellings feeds use for the same page.
fn spelling(rng: &mut Rng, domain: &str, path: &str) -> String {
    match rng.index(6) {
        0 => format!("http://{domain}/{path}"),
        1 => format!("https://www.{domain}/{path}/"),
        2 => format!("https://{domain}/{path}?utm_source=feed&utm_medium=rss"),
        3 => format!("https://{}/{path}#comments", domain.to_uppercase()),
        _ => format!("https://{domain}/{path}"),
    }
}

/// `count` articles in stories of one to eight, in id order (as a bundle holds them).
fn generate(count: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let outlets: Vec<String> = (0..40).map(|i| format!("outlet{i}.example")).collect();
    let outside_outlets: Vec<String> = (0..20).map(|i| format!("elsewhere{i}.example")).collect();
    let mut articles: Vec<Article> = Vec::with_capacity(count);
    let mut story = 0;
    while articles.len() < count {
        let size = (1 + rng.index(8)).min(count - articles.len());
        let first = articles.len();
        let members: Vec<(String, String)> = (0..size)
            .map(|k| {
                let domain = outlets[rng.index(outlets.len())].clone();
                (domain, format!("news/{story}/{k}"))
            })
            .collect();
        let outside: Vec<(String, String)> = (0..rng.index(4))
            .map(|k| {
                let domain = outside_outlets[rng.index(outside_outlets.len())].clone();
                (domain, format!("world/{story}-{k}"))
            })
            .collect();
        for (k, (domain, path)) in members.iter().enumerate() {
            let number = first + k;
            let mut related = Vec::new();
            for (j, (other_domain, other_path)) in members.iter().enumerate() {
                if (j != k || chance(&mut rng, 3)) && related.len() < 5 && chance(&mut rng, 85) {
                    let link = spelling(&mut rng, other_domain, other_path);
                    related.push(entry("Same story", &link, other_domain));
                }
            }
            for (other_domain, other_path) in &outside {
                if chance(&mut rng, 65) {
                    let link = spelling(&mut rng, other_domain, other_path);
                    related.push(entry("Elsewhere", &link, other_domain));
                }
            }
            if let Some(again) = related.first().filter(|_| chance(&mut rng, 5)).cloned() {
                related.push(again);
            }
            articles.push(Article {
                id: ArticleId::new(&format!("a{number:07}")).expect("valid id"),
                category: None,
                title: format!("Story {story}, part {k}"),
                excerpt: String::new(),
                published_at: Timestamp::from_unix(1_700_000_000 + i64::from(story))
                    .expect("valid instant"),
                web_url: url(&format!("https://{domain}/{path}")),
                original_url: None,
                amp_web_url: chance(&mut rng, 30)
                    .then(|| url(&format!("https://{domain}/amp/{path}"))),
                cdn_amp_web_url: None,
                kind: None,
                quality: None,
                heat: None,
                draft: false,
                provider: provider(domain),
                topics: Vec::new(),
                images: Vec::new(),
                related,
                body: broadsheet_core::model::body::Body::default(),
            });
        }
        story += 1;
    }
    articles
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

/// CPU time this thread has used, where Linux reports it: on a shared machine it is steadier
/// than the wall clock, which also counts time spent waiting for a core.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Best wall-clock and best CPU time (zero where unknown) of `runs` runs, and the last result.
fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let (mut wall, mut cpu) = (Duration::MAX, Duration::MAX);
    let mut last = None;
    for _ in 0..runs {
        let (start, cpu_start) = (Instant::now(), cpu_time());
        let out = f();
        wall = wall.min(start.elapsed());
        let used = cpu_time().zip(cpu_start).map(|(end, start)| end - start);
        cpu = cpu.min(used.unwrap_or_default());
        last = Some(out);
    }
    (wall, cpu, last.expect("at least one run"))
}

fn bench_stories(count: usize) {
    let articles = generate(count, 1);
    let entries: usize = articles.iter().map(|a| a.related.len()).sum();
    let (built, built_cpu, stories) = best_of(5, || Stories::build(&articles));
    println!(
        "clustering {count} articles ({entries} related entries): {:.0} ms ({:.0} ms CPU), \
         best of 5; {} nodes, {} stories, largest coverage {}",
        ms(built),
        ms(built_cpu),
        stories.node_count(),
        stories.story_count(),
        (0..stories.story_count())
            .map(|s| stories.coverage(u32::try_from(s).expect("few stories")))
            .max()
            .unwrap_or(0),
    );
    let bytes = postcard::to_allocvec(&stories).expect("encodes");
    let (decoded, decoded_cpu, back) = best_of(5, || {
        let back: Stories = broadsheet_core::wire::from_bytes(&bytes).expect("decodes");
        assert!(back.is_valid_for(&articles));
        back
    });
    assert!(back == stories, "the graph round-trips");
    println!(
        "  stored: {:.2} MB; decode + derive + validate: {:.0} ms ({:.0} ms CPU)",
        bytes.len() as f64 / 1e6,
        ms(decoded),
        ms(decoded_cpu)
    );
}

fn bench_layout(articles: &[Article], target_nodes: usize) {
    let stories = Stories::build(articles);
    // The graph view of the fewest first articles that reach the target size.
    let view = |take: u32| stories.subgraph(&(0..take).collect::<Vec<_>>());
    let (mut low, mut high) = (1, u32::try_from(articles.len()).expect("few articles"));
    while low < high {
        let mid = low + (high - low) / 2;
        if view(mid).nodes.len() < target_nodes {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    let sub = view(low);
    let (total, total_cpu, (ticks, slowest)) = best_of(3, || {
        let mut layout = Layout::new(sub.nodes.len(), &sub.edges, 42);
        let (mut ticks, mut slowest) = (0, Duration::ZERO);
        while !layout.is_converged() {
            let start = Instant::now();
            layout.step();
            slowest = slowest.max(start.elapsed());
            ticks += 1;
        }
        (ticks, slowest)
    });
    println!(
        "layout of {} nodes, {} edges: converged in {ticks} ticks, {:.0} ms ({:.0} ms CPU), \
         best of 3; {:.2} ms per tick on average, slowest {:.2} ms",
        sub.nodes.len(),
        sub.edges.len(),
        ms(total),
        ms(total_cpu),
        ms(total) / f64::from(ticks),
        ms(slowest),
    );
}

fn main() {
    let count = std::env::args()
        .nth(1)
        .map_or(100_000, |n| n.parse().expect("ARTICLES is a number"));
    bench_stories(count);
    let small = generate(20_000, 2);
    for nodes in [1_000, 10_000] {
        bench_layout(&small, nodes);
    }
}

//! Tests of whole generated sets: determinism, counts, URLs, that ingest reads every file as
//! meant, and the bundled sample.

use crate::article::{Article, Published, Score};
use crate::corpus::{Corpus, Profile};
use crate::text::DAY;
use crate::{render_all, write_all, Summary};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

fn texts(corpus: &Corpus) -> Vec<String> {
    render_all(corpus)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

fn summary(corpus: &Corpus) -> Summary {
    let mut s = Summary::default();
    for a in corpus.articles() {
        s.add(&a, 0);
    }
    s
}

/// Whether `host` is reserved for documentation (RFC 2606 / RFC 6761).
fn is_reserved_host(host: &str) -> bool {
    ["example.com", "example.org", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || host.ends_with(".example")
}

/// Every `http…` link in a text, ending at a quote, bracket or whitespace.
fn links(text: &str) -> Vec<&str> {
    text.match_indices("http")
        .map(|(i, _)| {
            let rest = &text[i..];
            let end = rest
                .find(|c: char| c == '"' || c == ')' || c.is_whitespace())
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// Reads one generated file as a build does, with ingest's own parser, and checks it against the
/// article it was rendered from: ingest must take it without an error or a warning, and read
/// the fields the generator meant (text as ingest cleans it: entities decoded).
fn check(meant: &Article, text: &str) -> Result<(), String> {
    let parsed = broadsheet_ingest::article::parse(
        Path::new(&meant.file_name()),
        &meant.id,
        text.as_bytes(),
    );
    if !parsed.diagnostics.is_empty() {
        let lines: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
        return Err(lines.join("\n"));
    }
    let read = parsed.article.ok_or("ingest read no article")?;
    let clean = |text: &str| broadsheet_ingest::text::clean(text).text;
    let score = |score: Score| format!("{:?}", score.value().map(f64::from));
    let fields = [
        ("id", read.id.as_str().to_owned(), meant.id.clone()),
        (
            "category",
            read.category.unwrap_or_default(),
            meant.category.to_owned(),
        ),
        ("title", read.title, clean(&meant.title)),
        ("excerpt", read.excerpt, clean(&meant.excerpt)),
        (
            "publishedDateTime",
            read.published_at.unix().to_string(),
            meant.published_at.to_string(),
        ),
        (
            "webUrl",
            read.web_url.as_str().to_owned(),
            meant.web_url.clone(),
        ),
        ("type", read.kind.unwrap_or_default(), meant.kind.to_owned()),
        (
            "quality",
            format!(
                "{:?}",
                read.quality
                    .map(broadsheet_core::model::article::Score::get)
            ),
            score(meant.quality),
        ),
        (
            "heat",
            format!(
                "{:?}",
                read.heat.map(broadsheet_core::model::article::Score::get)
            ),
            score(meant.heat),
        ),
        (
            "published",
            (!read.draft).to_string(),
            (meant.published != Published::No).to_string(),
        ),
        (
            "removed",
            parsed.removed.to_string(),
            meant.removed.to_string(),
        ),
        (
            "provider.name",
            read.provider.name,
            clean(meant.provider.name),
        ),
        ("topics", read.topics.join("|"), meant.topics.join("|")),
        (
            "images",
            read.images.len().to_string(),
            meant.images.len().to_string(),
        ),
        (
            "related",
            read.related
                .iter()
                .map(|r| r.web_url.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            meant
                .related
                .iter()
                .map(|r| r.web_url.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    ];
    for (field, read, meant) in fields {
        if read != meant {
            return Err(format!("{field}: ingest read {read:?}, meant {meant:?}"));
        }
    }
    Ok(())
}

#[test]
fn same_arguments_give_byte_identical_files() {
    let a = render_all(&Corpus::new(Profile::bulk(300, 7)));
    let b = render_all(&Corpus::new(Profile::bulk(300, 7)));
    assert_eq!(a, b);
}

#[test]
fn different_seeds_give_different_files() {
    let a = texts(&Corpus::new(Profile::bulk(300, 7)));
    let b = texts(&Corpus::new(Profile::bulk(300, 8)));
    let same = a.iter().zip(&b).filter(|(x, y)| x == y).count();
    assert_eq!(same, 0, "no file should survive a seed change");
}

#[test]
fn a_longer_run_starts_with_different_files_but_the_same_ids_format() {
    let small = Corpus::new(Profile::bulk(10, 3)).article(0);
    let big = Corpus::new(Profile::bulk(2_000_000, 3)).article(0);
    assert!(small.id.starts_with("gen-000001-"));
    assert!(
        big.id.starts_with("gen-0000001-"),
        "ids widen to fit the count: {}",
        big.id
    );
}

#[test]
fn writes_exactly_count_files_with_unique_ids_and_urls() {
    let dir = std::env::temp_dir().join(format!("broadsheet-gen-test-{}", std::process::id()));
    let corpus = Corpus::new(Profile::bulk(123, 11));
    let summary = write_all(&corpus, &dir).expect("temp dir is writable");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("dir was created")
        .map(|e| e.expect("readable entry").path())
        .collect();
    std::fs::remove_dir_all(&dir).expect("cleanup");
    assert_eq!(summary.articles, 123);
    assert_eq!(files.len(), 123);
    assert!(files
        .iter()
        .all(|p| p.extension().is_some_and(|e| e == "md")));

    let articles: Vec<Article> = corpus.articles().collect();
    let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let urls: HashSet<&str> = articles.iter().map(|a| a.web_url.as_str()).collect();
    assert_eq!(ids.len(), 123);
    assert_eq!(urls.len(), 123);
    assert!(articles
        .iter()
        .all(|a| a.id.len() <= 80 && !a.id.contains('/')));
}

#[test]
fn every_url_is_https_on_a_reserved_domain() {
    let mut all = texts(&Corpus::new(Profile::bulk(3_000, 5)));
    all.extend(texts(&Corpus::new(Profile::sample())));
    let mut seen = 0;
    for text in &all {
        for link in links(text) {
            seen += 1;
            let rest = link
                .strip_prefix("https://")
                .unwrap_or_else(|| panic!("not https: {link}"));
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            assert!(
                is_reserved_host(host),
                "{host} is not a reserved domain ({link})"
            );
        }
    }
    assert!(seen > 10_000, "the scan found the links ({seen})");
}

#[test]
fn related_entries_resolve_by_exact_web_url() {
    let corpus = Corpus::new(Profile::bulk(2_000, 21));
    let articles: Vec<Article> = corpus.articles().collect();
    let by_url: std::collections::HashMap<&str, &Article> =
        articles.iter().map(|a| (a.web_url.as_str(), a)).collect();
    let mut linked = 0;
    for a in &articles {
        for r in &a.related {
            match (r.inside, by_url.get(r.web_url.as_str())) {
                (true, Some(target)) => {
                    assert_ne!(target.id, a.id, "an article never lists itself");
                    assert_eq!(
                        (&r.title, r.published_at),
                        (&target.title, target.published_at)
                    );
                    assert_eq!(r.quality, target.quality.value());
                }
                (true, None) => panic!("{}: inside link {} resolves to nothing", a.id, r.web_url),
                (false, Some(_)) => panic!(
                    "{}: outside link {} is a generated article",
                    a.id, r.web_url
                ),
                (false, None) => {}
            }
        }
        linked += usize::from(a.related.iter().any(|r| r.inside));
    }
    assert!(
        linked * 10 > articles.len(),
        "at least a tenth link to other articles ({linked})"
    );

    // The same holds in the files themselves, not just in the structs.
    let files = texts(&corpus);
    let top: HashSet<&str> = files
        .iter()
        .flat_map(|t| t.lines().filter_map(|l| l.strip_prefix("webUrl: ")))
        .collect();
    let related: Vec<&str> = files
        .iter()
        .flat_map(|t| t.lines().filter_map(|l| l.strip_prefix("    webUrl: ")))
        .collect();
    let inside = related.iter().filter(|u| top.contains(*u)).count();
    assert!(
        inside > 0 && inside < related.len(),
        "{inside} of {} related links are inside",
        related.len()
    );
}

#[test]
fn ingest_reads_every_generated_file_as_meant() {
    for corpus in [
        Corpus::new(Profile::bulk(3_000, 13)),
        Corpus::new(Profile::sample()),
    ] {
        for article in corpus.articles() {
            let mut text = String::new();
            article.render(&mut text);
            if let Err(e) = check(&article, &text) {
                panic!("{}: {e}\n{text}", article.id);
            }
        }
    }
}

#[test]
fn the_check_catches_broken_files() {
    let article = Corpus::new(Profile::sample())
        .articles()
        .find(|a| a.title.contains('"') || a.excerpt.contains('"'))
        .expect("the sample has a title or an excerpt with a quote");
    let mut text = String::new();
    article.render(&mut text);
    assert_eq!(check(&article, &text), Ok(()));
    let escaped = text
        .lines()
        .find(|l| (l.starts_with("title: ") || l.starts_with("excerpt: ")) && l.contains("\\\""))
        .expect("quotes in a value are escaped");
    for broken in [
        // An unescaped quote ends the string early.
        text.replacen(escaped, &escaped.replace("\\\"", "\""), 1),
        // A key the format does not have.
        text.replacen("\ntitle: ", "\nauthor: \"x\"\ntitle: ", 1),
        // A key under the wrong parent.
        text.replacen("\nprovider:\n", "\nprovider:\n  url: \"x\"\n", 1),
        // A tab in the indentation.
        text.replacen("\n  name: ", "\n\tname: ", 1),
        // The front matter never closed.
        text.replacen("\n---\n", "\n", 1),
        // A value ingest reads, but not the one meant.
        text.replacen("\ntitle: \"", "\ntitle: \"Not ", 1),
    ] {
        assert_ne!(broken, text);
        assert!(check(&article, &broken).is_err(), "{broken}");
    }
}

#[test]
fn bulk_sets_have_realistic_shapes() {
    let corpus = Corpus::new(Profile::bulk(20_000, 99));
    let articles: Vec<Article> = corpus.articles().collect();
    let s = summary(&corpus);
    let n = articles.len() as f64;
    let share = |count: usize| count as f64 / n;
    assert_eq!(s.providers.len(), 40);
    assert_eq!(s.topics.len(), 30);
    assert_eq!(
        s.categories,
        BTreeSet::from(["analysis", "news", "opinion"])
    );
    assert!(
        (0.02..0.04).contains(&share(s.drafts)),
        "drafts {}",
        s.drafts
    );
    assert!(
        (0.005..0.015).contains(&share(s.removed)),
        "removed {}",
        s.removed
    );
    assert!(
        (0.29..0.38).contains(&share(s.unknown_heat)),
        "unknown heat {}",
        s.unknown_heat
    );
    assert!(
        (0.75..0.85).contains(&share(s.with_images)),
        "images {}",
        s.with_images
    );
    assert!(s.related_inside > 5_000 && s.related_outside > 1_000);
    let span = s.last.unwrap_or(0) - s.first.unwrap_or(0);
    assert!(
        (700 * DAY..740 * DAY).contains(&span),
        "about two years: {} days",
        span / DAY
    );
    assert!(articles.iter().all(|a| (1..=4).contains(&a.topics.len())));
    let videos = articles.iter().filter(|a| a.kind == "video").count();
    assert!((0.03..0.1).contains(&share(videos)));
    assert!(articles
        .iter()
        .any(|a| a.original_url.is_some() && a.cdn_amp_web_url.is_some()));

    // Popularity is skewed: the top outlet publishes far more than the 40th.
    let by = |name: &str| articles.iter().filter(|a| a.provider.name == name).count();
    assert!(by(crate::words::PROVIDERS[0].name) > 10 * by(crate::words::PROVIDERS[39].name));

    // Heat: many low, a few very high.
    let mut heat: Vec<u32> = articles.iter().filter_map(|a| a.heat.value()).collect();
    heat.sort_unstable();
    assert!(
        heat[heat.len() / 2] < 60,
        "median heat {}",
        heat[heat.len() / 2]
    );
    assert!(
        heat[heat.len() - 1] >= 1_000,
        "max heat {}",
        heat[heat.len() - 1]
    );
}

#[test]
fn the_sample_meets_its_minimums() {
    let corpus = Corpus::new(Profile::sample());
    let articles: Vec<Article> = corpus.articles().collect();
    let s = summary(&corpus);
    let published = articles
        .iter()
        .filter(|a| a.published != Published::No && !a.removed)
        .count();
    assert!(published >= 60, "published {published}");
    assert!((4..=5).contains(&s.drafts), "drafts {}", s.drafts);
    assert_eq!(s.removed, 1);
    assert!(s.providers.len() >= 8, "providers {:?}", s.providers);
    assert!(s.topics.len() >= 10, "topics {:?}", s.topics);
    assert_eq!(s.categories, BTreeSet::from(["news", "opinion"]));
    let span = s.last.unwrap_or(0) - s.first.unwrap_or(0);
    assert!(span >= 183 * DAY, "dates span {} days", span / DAY);
    assert!(s.with_images > 0 && s.with_images < articles.len());
    assert!(
        s.related_inside >= 10 && s.related_outside >= 3,
        "{} / {}",
        s.related_inside,
        s.related_outside
    );
    assert!((3..=8).contains(&s.with_body));
    assert!(articles.iter().any(|a| a.heat == Score::Unknown));
    assert!(articles.iter().any(|a| a.heat == Score::Missing));
    assert!(articles.iter().any(|a| a.quality == Score::Missing));
    assert!(articles.iter().any(|a| a.excerpt.contains("&amp;")));
    assert!(articles
        .iter()
        .any(|a| a.excerpt.contains('"') || a.title.contains('"')));
    assert!(articles.iter().any(|a| a.excerpt.contains('\\')));
    assert!(articles.iter().any(|a| a.kind == "video"));
    assert!(articles.iter().any(|a| a.amp_web_url.is_some()));
    // A story shared by published articles, so the app's related view has something to show.
    let live: HashSet<&str> = articles
        .iter()
        .filter(|a| a.published != Published::No && !a.removed)
        .map(|a| a.web_url.as_str())
        .collect();
    assert!(articles
        .iter()
        .any(|a| a.related.iter().any(|r| live.contains(r.web_url.as_str()))));
}

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

#[test]
fn content_folder_holds_exactly_the_sample_and_the_seed() {
    const SEED: &str = "000_22f2e7ab458317d0.txt";
    let expected = render_all(&Corpus::new(Profile::sample()));
    let mut on_disk: Vec<String> = std::fs::read_dir(content_dir())
        .expect("content/ exists")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut names: Vec<String> = expected.iter().map(|(name, _)| name.clone()).collect();
    names.push(SEED.to_owned());
    names.sort();
    assert_eq!(
        on_disk, names,
        "content/ is out of date: run `cargo run -p broadsheet-gen -- --sample --out content`"
    );
    for (name, text) in &expected {
        let bytes = std::fs::read(content_dir().join(name)).expect("listed above");
        assert!(
            bytes == text.as_bytes(),
            "content/{name} differs from the generator's output: regenerate it"
        );
    }
    let seed =
        std::fs::read_to_string(content_dir().join(SEED)).expect("the seed article is bundled");
    assert!(seed.starts_with("---\ncategory: news\ntitle: \"Myanmar"));
}

#[test]
fn a_big_story_is_one_connected_story_of_about_its_length() {
    let profile = Profile {
        big_story: 200,
        ..Profile::bulk(1_000, 5)
    };
    let articles: Vec<Article> = Corpus::new(profile).articles().collect();
    let index: std::collections::HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.web_url.as_str(), i))
        .collect();
    // Union-find over inside links: the stories as the app's graph finds them.
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, a) in articles.iter().enumerate() {
        for r in a.related.iter().filter(|r| r.inside) {
            let j = index[r.web_url.as_str()];
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a] = b;
        }
    }
    let mut sizes = std::collections::HashMap::new();
    for i in 0..articles.len() {
        *sizes.entry(root(&mut parent, i)).or_insert(0usize) += 1;
    }
    let largest = sizes.values().copied().max().unwrap_or(0);
    // A few of its articles link to no other and are linked by none; the rest hold together.
    assert!((180..=200).contains(&largest), "largest story: {largest}");
    assert!(
        sizes.values().filter(|&&n| n > 30).count() == 1,
        "one story above the usual 30"
    );
}

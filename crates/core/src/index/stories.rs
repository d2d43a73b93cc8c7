//! The related-stories graph: which bundled articles and outside links are one story, and how
//! many outlets covered it.
//!
//! Every bundled article is a node, and so is every distinct outside story (a related entry whose
//! URL, after [`normalise`], is none of a bundled article's URLs). Each article has an edge to
//! each of its related entries. A story is a connected component; its coverage is the number of
//! distinct outlets in it. [`Stories::build`] does the URL matching once, at build time; the
//! bundle stores only which node each related entry resolved to, the outside stories'
//! representative entries and the coverage counts, and decoding rebuilds the adjacency and the
//! components from those (a linear pass, cheaper than carrying them, and nothing to disagree).
//!
//! Node numbers: article `i` of the bundle is node `i`; outside story `k` is node
//! `article_count + k`, numbered in order of first mention (by article number, then entry).
//! Stories are numbered in order of their lowest node. Every list is sorted, so the same
//! articles always give the same numbers.

use crate::model::article::{Article, Provider, Related};
use crate::text::normal_url::{normalise, normalise_host};
use crate::to_u32;
use crate::wire::{Reader, Wire};
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map whose hashing depends on nothing but its keys: core takes no randomness, not
/// even for hash seeds, and the keys (URLs of our own articles) are not chosen by an attacker.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash rustc uses for its own tables (`rustc-hash`): several times faster
/// than SipHash on short keys such as URLs, and hashing them is much of the build's work.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(
                chunk.try_into().expect("chunks_exact gives 8 bytes"),
            ));
        }
        let mut tail = [0; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(tail));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn finish(&self) -> u64 {
        // The multiply mixes upwards only, and the table picks buckets by the low bits: rotate
        // the well-mixed high bits down (as rustc-hash 2 does), or URLs that differ only near
        // their end would share buckets.
        self.0.rotate_left(26)
    }
}

/// A related entry's place: entry `entry` of article `article`'s `related` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntryRef {
    /// The article number.
    pub article: u32,
    /// The position in the article's `related` list.
    pub entry: u32,
}

impl EntryRef {
    /// The entry itself (its title, URL, provider, date and quality), read from article
    /// number `self.article`.
    #[must_use]
    pub fn in_article(self, article: &Article) -> Option<&Related> {
        article.related.get(self.entry as usize)
    }
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A bundled article, by number.
    Article(u32),
    /// A story outside the bundle, shown through the first related entry that mentions it.
    Outside(EntryRef),
}

/// A part of the graph to draw: nodes and the edges among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subgraph {
    /// Node numbers (see the module docs).
    pub nodes: Vec<u32>,
    /// Undirected edges as pairs of positions in `nodes`, the smaller position first, sorted.
    pub edges: Vec<[u32; 2]>,
    /// True when the cap left out nodes that the query would otherwise have reached.
    pub truncated: bool,
}

/// Compressed rows: row `i` is `items[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
struct Rows {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Rows {
    fn row(&self, i: usize) -> &[u32] {
        &self.items[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when the offsets start at 0, never decrease and end at the number of items.
    fn is_well_formed(&self) -> bool {
        self.offsets.first() == Some(&0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self
                .offsets
                .last()
                .is_some_and(|&l| l as usize == self.items.len())
    }

    /// Groups `(row, item)` pairs into `rows` rows, keeping each row's items sorted and unique.
    fn from_pairs(rows: usize, pairs: &[(u32, u32)]) -> Self {
        let mut offsets = vec![0u32; rows + 1];
        for &(r, _) in pairs {
            offsets[r as usize + 1] += 1;
        }
        for i in 0..rows {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0; pairs.len()];
        for &(r, item) in pairs {
            items[fill[r as usize] as usize] = item;
            fill[r as usize] += 1;
        }
        // Sort and deduplicate each row in place, then close the gaps duplicates left.
        let mut write = 0;
        let mut start = 0;
        for i in 0..rows {
            let end = offsets[i + 1] as usize;
            crate::sort::ascending(&mut items[start..end]);
            let row_start = write;
            for j in start..end {
                if write == row_start || items[write - 1] != items[j] {
                    items[write] = items[j];
                    write += 1;
                }
            }
            start = end;
            offsets[i + 1] = to_u32(write);
        }
        items.truncate(write);
        Self { offsets, items }
    }
}

/// What the bundle carries; everything else is rebuilt from it when decoding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
struct Stored {
    /// Per article, the node each related entry resolved to, in file order. An entry that is
    /// the article itself resolves to the article's own number.
    targets: Rows,
    /// Per outside story, the first entry that mentions it.
    outside: Vec<EntryRef>,
    /// Per story, the number of distinct outlets.
    coverage: Vec<u32>,
}

/// The related-stories graph of a bundle, its stories and their coverage.
///
/// Build it with [`Stories::build`] from the bundle's articles (in bundle order); after decoding
/// one, check it with [`Stories::is_valid_for`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stories {
    stored: Stored,
    /// Per node, its neighbours (either direction), sorted, without itself.
    adjacency: Rows,
    /// Per node, its story.
    story: Vec<u32>,
    /// Per story, its nodes, ascending (so its articles come first).
    members: Rows,
}

/// Why stored graph data cannot be a [`Stories`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the related-stories graph is inconsistent: {0}")]
struct Inconsistent(&'static str);

impl Serialize for Stories {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.stored.serialize(serializer)
    }
}

impl Wire for EntryRef {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            article: r.read(),
            entry: r.read(),
        }
    }
}

impl Wire for Stories {
    fn read(r: &mut Reader<'_>) -> Self {
        let stored = Stored {
            targets: Rows {
                offsets: r.read(),
                items: r.read(),
            },
            outside: r.read(),
            coverage: r.read(),
        };
        // What a failed read answers (see `crate::wire`).
        let fallback = || Self {
            stored: Stored::default(),
            adjacency: Rows::default(),
            story: Vec::new(),
            members: Rows::default(),
        };
        if r.failed() {
            return fallback();
        }
        match Self::derive(stored).and_then(|s| s.check_coverage().map(|()| s)) {
            Ok(stories) => stories,
            Err(Inconsistent(what)) => r.invalid(what, fallback()),
        }
    }
}

/// An outlet before normalisation, so each spelling is normalised once however often it occurs.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum RawOutlet<'a> {
    Domain(&'a str),
    Name(&'a str),
}

impl<'a> RawOutlet<'a> {
    fn of(provider: &'a Provider) -> Self {
        match provider.domain.as_deref() {
            Some(domain) if !domain.trim_ascii().is_empty() => Self::Domain(domain),
            _ => Self::Name(&provider.name),
        }
    }

    /// The outlet's key: its domain as a host key, else its name lowercased; `None` for a
    /// provider with neither, which counts as no outlet.
    fn key(self) -> Option<String> {
        match self {
            Self::Domain(domain) => Some(normalise_host(domain)),
            Self::Name(name) => {
                let name = name.trim().to_lowercase();
                (!name.is_empty()).then_some(name)
            }
        }
    }
}

/// The key an outlet is counted by in [`Stories::coverage`]: its domain as a host key, else its
/// name lowercased; `None` for a provider with neither, which counts as no outlet.
#[must_use]
pub fn outlet_key(provider: &Provider) -> Option<String> {
    RawOutlet::of(provider).key()
}

/// Every outlet an article brings into its story: its own provider and the providers of its
/// related entries.
fn raw_outlets(article: &Article) -> impl Iterator<Item = RawOutlet<'_>> {
    std::iter::once(RawOutlet::of(&article.provider)).chain(
        article
            .related
            .iter()
            .filter_map(|r| r.provider.as_ref().map(RawOutlet::of)),
    )
}

/// Union-find with path halving. Which member ends up the root does not matter: stories are
/// numbered afterwards, by their lowest node.
struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let grandparent = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = grandparent;
            x = grandparent;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        self.0[b as usize] = a;
    }
}

impl Stories {
    /// Builds the graph of `articles` (in bundle order: article numbers are positions here).
    ///
    /// A related entry resolves to a bundled article when its `web_url`, or failing that its
    /// AMP or AMP-cache URL, has the same [`normalise`]d key as any of the article's `web_url`,
    /// `original_url`, `amp_web_url` or `cdn_amp_web_url`; when two articles share a key, the
    /// lower-numbered one gets the link. Otherwise it is an outside story, keyed by its
    /// `web_url`. Self-links and duplicate entries add no edge.
    ///
    /// # Panics
    /// If there are 2^32 or more nodes or related entries.
    #[must_use]
    pub fn build(articles: &[Article]) -> Self {
        let n = to_u32(articles.len());
        let mut by_url: Map<String, u32> = Map::default();
        for (i, a) in (0..n).zip(articles) {
            let urls = [&a.original_url, &a.amp_web_url, &a.cdn_amp_web_url];
            for url in std::iter::once(&a.web_url).chain(urls.into_iter().flatten()) {
                by_url.entry(normalise(url.as_str())).or_insert(i);
            }
        }

        let mut outside_ids: Map<String, u32> = Map::default();
        let mut outside = Vec::new();
        let mut offsets = vec![0];
        let mut items = Vec::new();
        for (i, a) in (0..n).zip(articles) {
            for (e, r) in (0..).zip(&a.related) {
                let key = normalise(r.web_url.as_str());
                let inside = by_url.get(&key).copied().or_else(|| {
                    [&r.amp_web_url, &r.cdn_amp_web_url]
                        .into_iter()
                        .flatten()
                        .find_map(|url| by_url.get(&normalise(url.as_str())).copied())
                });
                let target = inside.unwrap_or_else(|| {
                    let next = n + to_u32(outside.len());
                    *outside_ids.entry(key).or_insert_with(|| {
                        outside.push(EntryRef {
                            article: i,
                            entry: e,
                        });
                        next
                    })
                });
                items.push(target);
            }
            offsets.push(to_u32(items.len()));
        }

        let mut stories = Self::derive(Stored {
            targets: Rows { offsets, items },
            outside,
            coverage: Vec::new(),
        })
        .expect("a graph built from articles is consistent");
        stories.stored.coverage = stories.count_coverage(articles);
        stories
    }

    fn count_coverage(&self, articles: &[Article]) -> Vec<u32> {
        let mut raw_ids: Map<RawOutlet<'_>, Option<u32>> = Map::default();
        let mut key_ids: Map<String, u32> = Map::default();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (a, &story) in articles.iter().zip(&self.story) {
            for raw in raw_outlets(a) {
                let id = *raw_ids.entry(raw).or_insert_with(|| {
                    raw.key().map(|key| {
                        let next = to_u32(key_ids.len());
                        *key_ids.entry(key).or_insert(next)
                    })
                });
                pairs.extend(id.map(|id| (story, id)));
            }
        }
        crate::sort::items(&mut pairs);
        pairs.dedup();
        let mut coverage = vec![0; self.story_count()];
        for (story, _) in pairs {
            coverage[story as usize] += 1;
        }
        coverage
    }

    /// Checks what `build` guarantees about entries and outside stories (what the queries index
    /// by), and derives the adjacency and the stories.
    fn derive(stored: Stored) -> Result<Self, Inconsistent> {
        let targets = &stored.targets;
        if !targets.is_well_formed() {
            return Err(Inconsistent("entry rows are malformed"));
        }
        let n = targets.len();
        let nodes = n
            .checked_add(stored.outside.len())
            .filter(|&nodes| u32::try_from(nodes).is_ok())
            .ok_or(Inconsistent("too many nodes"))?;
        if targets.items.iter().any(|&t| t as usize >= nodes) {
            return Err(Inconsistent("an entry resolves to no node"));
        }
        for (k, r) in stored.outside.iter().enumerate() {
            let resolves_here = (r.article as usize) < n
                && targets.row(r.article as usize).get(r.entry as usize) == Some(&to_u32(n + k));
            if !resolves_here {
                return Err(Inconsistent("an outside story's entry resolves elsewhere"));
            }
        }

        let mut edges = Vec::with_capacity(2 * targets.items.len());
        let mut sets = Sets((0..to_u32(nodes)).collect());
        for i in 0..n {
            let a = to_u32(i);
            for &t in targets.row(i).iter().filter(|&&t| t != a) {
                edges.push((a, t));
                edges.push((t, a));
                sets.union(a, t);
            }
        }
        let adjacency = Rows::from_pairs(nodes, &edges);

        let mut story = Vec::with_capacity(nodes);
        let mut story_of_root = vec![u32::MAX; nodes];
        let mut count = 0;
        for x in 0..to_u32(nodes) {
            let root = sets.find(x) as usize;
            if story_of_root[root] == u32::MAX {
                story_of_root[root] = count;
                count += 1;
            }
            story.push(story_of_root[root]);
        }
        let pairs: Vec<(u32, u32)> = (0..).zip(&story).map(|(x, &s)| (s, x)).collect();
        let members = Rows::from_pairs(count as usize, &pairs);

        Ok(Self {
            stored,
            adjacency,
            story,
            members,
        })
    }

    /// Checks the stored coverage against the stories: one count per story, and no more
    /// outlets than the story's articles and entries could name.
    fn check_coverage(&self) -> Result<(), Inconsistent> {
        if self.stored.coverage.len() != self.story_count() {
            return Err(Inconsistent("coverage does not match the stories"));
        }
        for (story, &coverage) in (0..).zip(&self.stored.coverage) {
            let mentions: usize = self
                .story_articles(story)
                .iter()
                .map(|&a| 1 + self.targets(a).len())
                .sum();
            if coverage as usize > mentions {
                return Err(Inconsistent("a story has more outlets than mentions"));
            }
        }
        Ok(())
    }

    /// True when this graph was built from articles shaped like `articles`: as many of them,
    /// each with as many related entries. The rest of the structure was checked when decoding.
    #[must_use]
    pub fn is_valid_for(&self, articles: &[Article]) -> bool {
        self.article_count() == articles.len()
            && articles
                .iter()
                .enumerate()
                .all(|(i, a)| self.stored.targets.row(i).len() == a.related.len())
    }

    /// How many bundled articles (nodes `0..article_count`).
    #[must_use]
    pub fn article_count(&self) -> usize {
        self.stored.targets.len()
    }

    /// How many nodes: articles, then outside stories.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.story.len()
    }

    /// How many stories.
    #[must_use]
    pub fn story_count(&self) -> usize {
        self.members.len()
    }

    /// What node `node` stands for.
    ///
    /// # Panics
    /// If there is no such node.
    #[must_use]
    pub fn node(&self, node: u32) -> Node {
        let n = self.article_count();
        match (node as usize).checked_sub(n) {
            None => Node::Article(node),
            Some(k) => Node::Outside(self.stored.outside[k]),
        }
    }

    /// The story of a node (of an article, when `node` is an article number).
    ///
    /// # Panics
    /// If there is no such node.
    #[must_use]
    pub fn story_of(&self, node: u32) -> u32 {
        self.story[node as usize]
    }

    /// The number of distinct outlets covering a story: the providers of its articles and of
    /// their related entries, by domain (or by name, lowercased, when there is no domain).
    ///
    /// # Panics
    /// If there is no such story.
    #[must_use]
    pub fn coverage(&self, story: u32) -> u32 {
        self.stored.coverage[story as usize]
    }

    /// The coverage of the story article `article` belongs to.
    ///
    /// # Panics
    /// If there is no such article.
    #[must_use]
    pub fn article_coverage(&self, article: u32) -> u32 {
        self.coverage(self.story_of(article))
    }

    /// A story's nodes, ascending: its articles, then its outside stories.
    ///
    /// # Panics
    /// If there is no such story.
    #[must_use]
    pub fn members(&self, story: u32) -> &[u32] {
        self.members.row(story as usize)
    }

    /// A story's bundled articles, ascending.
    ///
    /// # Panics
    /// If there is no such story.
    #[must_use]
    pub fn story_articles(&self, story: u32) -> &[u32] {
        let members = self.members(story);
        let n = self.article_count();
        &members[..members.partition_point(|&x| (x as usize) < n)]
    }

    /// A story's outside stories (node numbers), ascending.
    ///
    /// # Panics
    /// If there is no such story.
    #[must_use]
    pub fn story_outside(&self, story: u32) -> &[u32] {
        let members = self.members(story);
        let n = self.article_count();
        &members[members.partition_point(|&x| (x as usize) < n)..]
    }

    /// The articles whose text drawing `nodes` reads: each article node, and for each outside
    /// story the article whose related entry stands for it. Sorted, without repeats.
    #[must_use]
    pub fn articles_behind(&self, nodes: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = nodes
            .iter()
            .filter(|&&node| (node as usize) < self.node_count())
            .map(|&node| match self.node(node) {
                Node::Article(a) => a,
                Node::Outside(at) => at.article,
            })
            .collect();
        crate::sort::ascending(&mut out);
        out.dedup();
        out
    }

    /// The distinct outlets covering a story, sorted (see [`Stories::coverage`]); `article`
    /// gives the articles this graph was built from, by number (a story's articles must all be
    /// at hand for a complete answer).
    ///
    /// # Panics
    /// If there is no such story.
    #[must_use]
    pub fn outlets<'a>(
        &self,
        article: impl Fn(u32) -> Option<&'a Article>,
        story: u32,
    ) -> Vec<String> {
        let mut keys: Vec<String> = self
            .story_articles(story)
            .iter()
            .filter_map(|&a| article(a))
            .flat_map(raw_outlets)
            .filter_map(RawOutlet::key)
            .collect();
        crate::sort::items(&mut keys);
        keys.dedup();
        keys
    }

    /// The node each of an article's related entries resolved to, in file order; an entry
    /// pointing at the article itself gives the article's own number. This is what splits an
    /// article page's related list into "in this collection" and "elsewhere".
    ///
    /// # Panics
    /// If there is no such article.
    #[must_use]
    pub fn targets(&self, article: u32) -> &[u32] {
        self.stored.targets.row(article as usize)
    }

    /// A node's neighbours in either direction (what it links to and what links to it),
    /// ascending, without itself.
    ///
    /// # Panics
    /// If there is no such node.
    #[must_use]
    pub fn neighbours(&self, node: u32) -> &[u32] {
        self.adjacency.row(node as usize)
    }

    /// The ego graph of an article: the article (first), then everything within `depth` links
    /// of it, layer by layer, at most `cap` nodes (never fewer than the article itself), with
    /// every edge among them. Each layer is in ascending node order, so when the cap bites the
    /// nearest layers and, within a layer, bundled articles are kept; `truncated` then says
    /// "show more".
    ///
    /// # Panics
    /// If there is no such article.
    #[must_use]
    pub fn ego(&self, article: u32, depth: u32, cap: usize) -> Subgraph {
        assert!(
            (article as usize) < self.article_count(),
            "ego graph of a missing article"
        );
        let mut nodes = vec![article];
        let mut local: Map<u32, u32> = Map::default();
        local.insert(article, 0);
        let mut truncated = false;
        let mut layer = 0..1;
        for _ in 0..depth {
            let mut next: Vec<u32> = nodes[layer.clone()]
                .iter()
                .flat_map(|&x| self.neighbours(x))
                .copied()
                .filter(|x| !local.contains_key(x))
                .collect();
            crate::sort::ascending(&mut next);
            next.dedup();
            let room = cap.max(1).saturating_sub(nodes.len());
            truncated |= next.len() > room;
            for x in next.into_iter().take(room) {
                local.insert(x, to_u32(nodes.len()));
                nodes.push(x);
            }
            layer = layer.end..nodes.len();
        }
        let edges = self.edges_among(&nodes, |x| local.get(&x).copied());
        Subgraph {
            nodes,
            edges,
            truncated,
        }
    }

    /// The graph of a list of articles (a filtered view): the articles that exist, ascending,
    /// then the outside stories any of them links to, ascending, with every edge among them.
    /// Articles outside the list are left out even when they link to an included node.
    #[must_use]
    pub fn subgraph(&self, article_numbers: &[u32]) -> Subgraph {
        let n = self.article_count();
        let mut nodes: Vec<u32> = article_numbers
            .iter()
            .copied()
            .filter(|&a| (a as usize) < n)
            .collect();
        crate::sort::ascending(&mut nodes);
        nodes.dedup();
        let mut outside: Vec<u32> = nodes
            .iter()
            .flat_map(|&a| self.neighbours(a))
            .copied()
            .filter(|&x| (x as usize) >= n)
            .collect();
        crate::sort::ascending(&mut outside);
        outside.dedup();
        nodes.extend(outside);
        let edges = self.edges_among(&nodes, |x| nodes.binary_search(&x).ok().map(to_u32));
        Subgraph {
            nodes,
            edges,
            truncated: false,
        }
    }

    /// Every edge between two of `nodes`, as sorted pairs of positions.
    fn edges_among(&self, nodes: &[u32], position: impl Fn(u32) -> Option<u32>) -> Vec<[u32; 2]> {
        let mut edges: Vec<[u32; 2]> = Vec::new();
        for (i, &x) in (0..).zip(nodes) {
            for &y in self.neighbours(x).iter().filter(|&&y| y > x) {
                if let Some(j) = position(y) {
                    edges.push([i.min(j), i.max(j)]);
                }
            }
        }
        crate::sort::items(&mut edges);
        edges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;
    use crate::text::url::HttpUrl;

    fn url(text: &str) -> HttpUrl {
        HttpUrl::parse(text).expect("test url")
    }

    fn provider(domain: Option<&str>, name: &str) -> Provider {
        Provider {
            name: name.into(),
            domain: domain.map(Into::into),
            images: Vec::new(),
        }
    }

    fn entry(link: &str) -> Related {
        Related {
            title: format!("About {link}"),
            excerpt: String::new(),
            published_at: None,
            web_url: url(link),
            amp_web_url: None,
            cdn_amp_web_url: None,
            kind: None,
            provider: None,
            quality: None,
            images: Vec::new(),
        }
    }

    /// Articles `id` at `https://example.com/{id}`, each listing the given links.
    fn articles(spec: &[(&str, &[&str])]) -> Vec<Article> {
        spec.iter()
            .enumerate()
            .map(|(i, (id, links))| {
                let mut a = article(id, None, i64::try_from(i).expect("small"));
                a.related = links.iter().map(|l| entry(l)).collect();
                a
            })
            .collect()
    }

    fn story_sets(stories: &Stories) -> Vec<Vec<u32>> {
        (0..stories.story_count())
            .map(|s| stories.members(to_u32(s)).to_vec())
            .collect()
    }

    #[test]
    fn clusters_articles_linked_by_related_entries() {
        let list = articles(&[
            ("a", &["https://www.example.com/b/?utm_source=feed"]),
            ("b", &["https://elsewhere.example/x"]),
            ("c", &["http://elsewhere.example/y#top"]),
            ("d", &[]),
        ]);
        let stories = Stories::build(&list);
        assert_eq!(stories.article_count(), 4);
        assert_eq!(stories.node_count(), 6);
        assert_eq!(story_sets(&stories), [vec![0, 1, 4], vec![2, 5], vec![3]]);
        assert_eq!(stories.targets(0), [1]);
        assert_eq!(stories.targets(1), [4]);
        assert_eq!(stories.story_articles(0), [0, 1]);
        assert_eq!(stories.story_outside(0), [4]);
        assert_eq!(
            stories.node(4),
            Node::Outside(EntryRef {
                article: 1,
                entry: 0
            })
        );
        assert_eq!(stories.node(2), Node::Article(2));
        assert_eq!(
            EntryRef {
                article: 2,
                entry: 0
            }
            .in_article(&list[2])
            .map(|r| r.web_url.as_str()),
            Some("http://elsewhere.example/y#top")
        );
        assert_eq!(stories.neighbours(1), [0, 4]);
        assert_eq!(stories.story_of(5), 1);
    }

    #[test]
    fn handles_self_links_duplicates_cycles_and_shared_outside_stories() {
        let list = articles(&[
            (
                "a",
                &[
                    "https://example.com/a",
                    "https://example.com/b",
                    "http://EXAMPLE.com/b/",
                    "https://out.example/s?fbclid=1",
                ],
            ),
            ("b", &["https://example.com/a", "https://example.com/c"]),
            ("c", &["https://example.com/a", "https://out.example/s"]),
            ("d", &["https://example.com/d"]),
        ]);
        let stories = Stories::build(&list);
        assert_eq!(stories.targets(0), [0, 1, 1, 4]);
        assert_eq!(stories.targets(3), [3]);
        assert_eq!(
            stories.node_count(),
            5,
            "one outside story for both spellings"
        );
        assert_eq!(stories.neighbours(0), [1, 2, 4]);
        assert_eq!(stories.neighbours(3), [] as [u32; 0]);
        assert_eq!(story_sets(&stories), [vec![0, 1, 2, 4], vec![3]]);
        assert_eq!(
            stories.node(4),
            Node::Outside(EntryRef {
                article: 0,
                entry: 3
            }),
            "shown through its first mention"
        );
    }

    #[test]
    fn resolves_entries_by_any_url_of_an_article() {
        let mut list = articles(&[
            (
                "a",
                &[
                    "https://origin.example/b",
                    "https://amp.example/c",
                    "https://cache.example/d",
                    "https://moved.example/e",
                ],
            ),
            ("b", &[]),
            ("c", &[]),
            ("d", &[]),
            ("e", &[]),
        ]);
        list[1].original_url = Some(url("https://origin.example/b"));
        list[2].amp_web_url = Some(url("https://amp.example/c"));
        list[3].cdn_amp_web_url = Some(url("https://cache.example/d"));
        list[0].related[3].amp_web_url = Some(url("https://example.com/e"));
        let stories = Stories::build(&list);
        assert_eq!(stories.targets(0), [1, 2, 3, 4]);
        assert_eq!(stories.node_count(), 5);
        assert_eq!(stories.story_count(), 1);
    }

    #[test]
    fn counts_distinct_outlets_per_story() {
        type Case = (&'static str, Provider, Vec<Option<Provider>>, u32);
        let cases: Vec<Case> = vec![
            (
                "own outlet only",
                provider(Some("a.example"), "A"),
                vec![],
                1,
            ),
            (
                "entries add outlets",
                provider(Some("a.example"), "A"),
                vec![
                    Some(provider(Some("b.example"), "B")),
                    Some(provider(Some("c.example"), "C")),
                ],
                3,
            ),
            (
                "domains compare as hosts",
                provider(Some("a.example"), "A"),
                vec![
                    Some(provider(Some("WWW.A.example"), "A")),
                    Some(provider(Some("a.example."), "A again")),
                ],
                1,
            ),
            (
                "names stand in for missing domains",
                provider(None, "Town Crier"),
                vec![
                    Some(provider(None, " town crier ")),
                    Some(provider(Some(""), "Other Paper")),
                ],
                2,
            ),
            (
                "entries without provider count nothing",
                provider(Some("a.example"), "A"),
                vec![None, None, Some(provider(None, "  "))],
                1,
            ),
            (
                "a nameless provider is no outlet",
                provider(None, ""),
                vec![None],
                0,
            ),
        ];
        for (name, own, entries, want) in cases {
            let mut a = article("a", None, 0);
            a.provider = own;
            a.related = (0..)
                .zip(entries)
                .map(|(i, p)| Related {
                    provider: p,
                    ..entry(&format!("https://out.example/{i}"))
                })
                .collect();
            let list = [a];
            let stories = Stories::build(&list);
            assert_eq!(stories.article_coverage(0), want, "{name}");
            assert_eq!(
                stories.outlets(|n| list.get(n as usize), 0).len(),
                want as usize,
                "{name}: outlets agree with coverage"
            );
        }
    }

    #[test]
    fn coverage_spans_the_whole_story() {
        let mut list = articles(&[
            ("a", &["https://example.com/b"]),
            ("b", &["https://out.example/x"]),
            ("c", &[]),
        ]);
        list[1].provider = provider(Some("b.example"), "B");
        list[1].related[0].provider = Some(provider(Some("x.example"), "X"));
        let stories = Stories::build(&list);
        assert_eq!(stories.article_coverage(0), 3);
        assert_eq!(stories.article_coverage(1), 3);
        assert_eq!(stories.article_coverage(2), 1);
        assert_eq!(
            stories.outlets(|n| list.get(n as usize), 0),
            ["b.example", "example.com", "x.example"]
        );
    }

    /// A hub `h` linking to `a`, `b` and an outside story; `a` links to `c`; `c` to `d`.
    fn chain() -> Stories {
        Stories::build(&articles(&[
            ("a", &["https://example.com/c"]),
            ("b", &[]),
            ("c", &["https://example.com/d"]),
            ("d", &[]),
            (
                "h",
                &[
                    "https://example.com/a",
                    "https://example.com/b",
                    "https://out.example/x",
                ],
            ),
        ]))
    }

    #[test]
    fn ego_graph_reaches_depth_and_respects_the_cap() {
        let stories = chain();
        type Case = (
            &'static str,
            u32,
            u32,
            usize,
            &'static [u32],
            &'static [[u32; 2]],
            bool,
        );
        let cases: &[Case] = &[
            ("depth 0", 4, 0, 10, &[4], &[], false),
            (
                "depth 1",
                4,
                1,
                10,
                &[4, 0, 1, 5],
                &[[0, 1], [0, 2], [0, 3]],
                false,
            ),
            (
                "depth 2",
                4,
                2,
                10,
                &[4, 0, 1, 5, 2],
                &[[0, 1], [0, 2], [0, 3], [1, 4]],
                false,
            ),
            ("capped", 4, 2, 3, &[4, 0, 1], &[[0, 1], [0, 2]], true),
            ("cap below one", 4, 1, 0, &[4], &[], true),
            (
                "edges among reached nodes",
                2,
                2,
                10,
                &[2, 0, 3, 4],
                &[[0, 1], [0, 2], [1, 3]],
                false,
            ),
        ];
        for (name, centre, depth, cap, nodes, edges, truncated) in cases {
            let ego = stories.ego(*centre, *depth, *cap);
            assert_eq!(ego.nodes, *nodes, "{name}");
            assert_eq!(ego.edges, *edges, "{name}");
            assert_eq!(ego.truncated, *truncated, "{name}");
        }
    }

    #[test]
    fn subgraph_holds_the_view_and_its_outside_stories() {
        let stories = chain();
        let sub = stories.subgraph(&[4, 0, 99, 4]);
        assert_eq!(sub.nodes, [0, 4, 5]);
        assert_eq!(sub.edges, [[0, 1], [1, 2]]);
        assert!(!sub.truncated);
        assert_eq!(stories.subgraph(&[]), Subgraph::default());
    }

    #[test]
    fn builds_the_same_graph_every_time() {
        let list = articles(&[
            ("a", &["https://out.example/1", "https://example.com/b"]),
            ("b", &["https://out.example/2", "https://out.example/1"]),
        ]);
        assert_eq!(Stories::build(&list), Stories::build(&list));
        let empty = Stories::build(&[]);
        assert_eq!(empty.node_count(), 0);
        assert_eq!(empty.story_count(), 0);
        assert!(empty.is_valid_for(&[]));
    }

    #[test]
    fn round_trips_and_checks_what_it_carries() {
        let list = articles(&[
            ("a", &["https://out.example/1", "https://example.com/b"]),
            ("b", &["https://out.example/2"]),
            ("c", &["https://example.com/c"]),
        ]);
        let stories = Stories::build(&list);
        let bytes = postcard::to_allocvec(&stories).expect("encodes");
        let decoded: Stories = crate::wire::from_bytes(&bytes).expect("decodes");
        assert_eq!(decoded, stories);
        assert!(decoded.is_valid_for(&list));
        assert!(!decoded.is_valid_for(&list[..2]));
        let mut fewer = list.clone();
        fewer[0].related.pop();
        assert!(!decoded.is_valid_for(&fewer));

        let tamper = |edit: fn(&mut Stored)| {
            let mut stored = stories.stored.clone();
            edit(&mut stored);
            let bytes = postcard::to_allocvec(&stored).expect("encodes");
            crate::wire::from_bytes::<Stories>(&bytes).is_err()
        };
        type Edit = (&'static str, fn(&mut Stored));
        let edits: &[Edit] = &[
            ("target past the nodes", |s| s.targets.items[0] = 99),
            ("offsets out of order", |s| s.targets.offsets.swap(1, 2)),
            ("offsets short of the items", |s| {
                s.targets.offsets.pop();
            }),
            ("outside entry elsewhere", |s| s.outside[0].entry = 1),
            ("outside entry missing", |s| s.outside[0].article = 7),
            ("coverage missing", |s| {
                s.coverage.pop();
            }),
            ("coverage too large", |s| s.coverage[0] = 40),
        ];
        for (name, edit) in edits {
            assert!(tamper(*edit), "{name} is rejected");
        }
        assert!(!tamper(|_| {}), "untouched data is accepted");
    }
}

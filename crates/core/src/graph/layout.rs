//! Force-directed layout of a graph, for the article page's ego graph and the graph view.
//!
//! The simulation is d3-force's, rewritten so it is pure and deterministic: velocities with
//! friction, a "temperature" `alpha` that cools geometrically towards zero, many-body
//! repulsion, springs on edges and a weak pull to the origin that keeps disconnected stories
//! from drifting apart. Repulsion is exact (every pair) up to [`BARNES_HUT_ABOVE`] nodes and
//! approximated with a Barnes–Hut quadtree above, so a step costs O(n log n).
//!
//! The caller owns time: [`Layout::step`] advances one tick, so the app can run a few ticks per
//! animation frame and never block the page. Nothing here uses trigonometry or platform maths
//! beyond IEEE `+ - × ÷ √`, and the only randomness is a generator seeded by the caller, so a
//! seed and a graph give bit-identical positions natively and in WebAssembly.

use crate::rng::Rng;
use crate::to_u32;

/// Above this many nodes, repulsion uses the Barnes–Hut approximation; at or below, it is exact.
pub const BARNES_HUT_ABOVE: usize = 300;

/// Repulsion of every node, in d3-force's units (negative pushes apart).
const CHARGE: f64 = -30.0;
/// The length springs pull edges towards.
const LINK_DISTANCE: f64 = 30.0;
/// The pull towards the origin, per unit of distance.
const GRAVITY: f64 = 0.04;
/// The share of velocity a node keeps from one tick to the next.
const VELOCITY_KEEP: f64 = 0.6;
/// Below this temperature the layout counts as converged.
const ALPHA_MIN: f64 = 0.001;
/// Squared speed (units per tick) under which every node counts as settled: a tenth of a unit,
/// a tenth of a pixel at the natural zoom. Most layouts get there in well under half of the
/// cooling schedule, and the ticks after it would not change a pixel.
const SETTLED_SPEED_SQUARED: f64 = 0.01;
/// How much of the temperature each tick removes: 1 - ALPHA_MIN^(1/300), so the layout cools
/// from 1 to `ALPHA_MIN` in 300 ticks. Written out rather than computed because `powf` is not
/// guaranteed to round the same on every platform.
const ALPHA_DECAY: f64 = 0.022_762_7;
/// The temperature a drag brings the layout back to, so neighbours follow the dragged node.
const REHEAT: f64 = 0.3;
/// Barnes–Hut opening criterion, squared: a cell of side `w` counts as one body for a leaf when
/// `w / d < √2`, `d` being the distance from the cell's centre of mass to the nearest point of
/// the leaf. Measured from the leaf's edge rather than from each node, that is stricter than
/// d3's `w / d < 0.9` per node; forces stay within about 2% of exact.
const THETA_SQUARED: f64 = 2.0;
/// Squared distance under which repulsion stops growing, so near-coincident nodes push each
/// other hard but finitely.
const MIN_DISTANCE_SQUARED: f64 = 1.0;
/// The fastest a node may move in one tick.
const MAX_SPEED: f64 = 1_000.0;
/// How far from the origin a node may be; nothing real comes near, it only bounds the numbers.
const MAX_COORDINATE: f64 = 1e7;
/// Spacing of the initial positions: nodes start in a disc of radius `SPREAD × √n`.
const SPREAD: f64 = 10.0;
/// The most nodes a quadtree leaf holds before it splits. Nodes in one leaf repel each other
/// exactly and share one walk of the tree, so a few per leaf trade a little exact work for far
/// fewer walks.
const LEAF_CAPACITY: usize = 8;
/// Quadtree depth at which cells stop splitting; only coincident nodes get this deep.
const MAX_DEPTH: u32 = 40;

/// A tiny nudge for separating coincident points, as d3 does.
fn jiggle(rng: &mut Rng) -> f64 {
    (rng.unit() - 0.5) * 1e-6
}

/// A spring on an edge, with d3-force's degree-based strength and bias: a spring between two
/// hubs is weak, and a leaf moves more than the hub it hangs from.
#[derive(Debug, Clone, Copy)]
struct Link {
    source: usize,
    target: usize,
    strength: f64,
    /// The share of the correction the target takes.
    bias: f64,
}

/// A quadtree cell. Children are indices into the cell list; every cell owns the range
/// `start..end` of the tree order, the nodes inside it.
#[derive(Debug, Clone, Copy)]
struct Cell {
    x0: f64,
    y0: f64,
    size: f64,
    /// Centre of mass.
    cx: f64,
    cy: f64,
    count: u32,
    leaf: bool,
    children: [u32; 4],
    start: u32,
    end: u32,
}

const NO_CELL: u32 = u32::MAX;

// The helpers below sit in the innermost loop, and the release profile optimises for size,
// which on its own declines to inline even these.
impl Cell {
    #[inline(always)]
    fn contains(&self, [x, y]: [f64; 2]) -> bool {
        x >= self.x0 && x <= self.x0 + self.size && y >= self.y0 && y <= self.y0 + self.size
    }

    #[inline(always)]
    fn centre(&self) -> [f64; 2] {
        [self.x0 + self.size / 2.0, self.y0 + self.size / 2.0]
    }

    /// Squared distance from `p` to the nearest point of the cell's square.
    #[inline(always)]
    fn distance_squared(&self, [x, y]: [f64; 2]) -> f64 {
        let dx = (self.x0 - x).max(x - self.x0 - self.size).max(0.0);
        let dy = (self.y0 - y).max(y - self.y0 - self.size).max(0.0);
        dx * dx + dy * dy
    }
}

/// The quadtree, rebuilt every tick; its vectors are kept between ticks to avoid reallocating.
#[derive(Debug, Clone, Default)]
struct QuadTree {
    cells: Vec<Cell>,
    /// Leaf cells, in tree order.
    leaves: Vec<u32>,
    /// Node numbers in tree order: each cell's nodes are contiguous.
    order: Vec<u32>,
    /// Positions and accumulated pushes in tree order, so leaves read memory in sequence.
    points: Vec<[f64; 2]>,
    pushes: Vec<[f64; 2]>,
    stack: Vec<u32>,
}

impl QuadTree {
    fn build(&mut self, pos: &[[f64; 2]]) {
        self.cells.clear();
        self.leaves.clear();
        self.order.clear();
        self.order.extend((0..pos.len()).map(to_u32));
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in pos {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        let size = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-9);
        self.split(pos, [lo[0], lo[1], size], 0..self.order.len(), 0);
        self.points.clear();
        self.points
            .extend(self.order.iter().map(|&i| pos[i as usize]));
        self.pushes.clear();
        self.pushes.resize(pos.len(), [0.0; 2]);
    }

    /// Builds the cell for `order[range]` in the square `[x0, y0, size]` and returns its index.
    fn split(
        &mut self,
        pos: &[[f64; 2]],
        [x0, y0, size]: [f64; 3],
        range: std::ops::Range<usize>,
        depth: u32,
    ) -> u32 {
        let (start, end) = (range.start, range.end);
        let (mut sx, mut sy) = (0.0, 0.0);
        for &i in &self.order[range] {
            sx += pos[i as usize][0];
            sy += pos[i as usize][1];
        }
        let count = to_u32(end - start);
        let index = to_u32(self.cells.len());
        self.cells.push(Cell {
            x0,
            y0,
            size,
            cx: sx / f64::from(count),
            cy: sy / f64::from(count),
            count,
            leaf: true,
            children: [NO_CELL; 4],
            start: to_u32(start),
            end: to_u32(end),
        });
        if end - start <= LEAF_CAPACITY || depth >= MAX_DEPTH {
            self.leaves.push(index);
            return index;
        }
        let half = size / 2.0;
        let (mx, my) = (x0 + half, y0 + half);
        let order = &mut self.order[start..end];
        let bottom = partition(order, |i| pos[i as usize][1] < my);
        let left_bottom = partition(&mut order[..bottom], |i| pos[i as usize][0] < mx);
        let left_top = bottom + partition(&mut order[bottom..], |i| pos[i as usize][0] < mx);
        let bounds = [
            start,
            start + left_bottom,
            start + bottom,
            start + left_top,
            end,
        ];
        let corners = [(x0, y0), (mx, y0), (x0, my), (mx, my)];
        let mut children = [NO_CELL; 4];
        for q in 0..4 {
            if bounds[q] < bounds[q + 1] {
                let (cx0, cy0) = corners[q];
                children[q] =
                    self.split(pos, [cx0, cy0, half], bounds[q]..bounds[q + 1], depth + 1);
            }
        }
        let cell = &mut self.cells[index as usize];
        cell.leaf = false;
        cell.children = children;
        index
    }

    /// Accumulates every node's repulsion into `pushes`. The walk is done once per leaf rather
    /// than once per node: a far cell is accepted for the whole leaf when it passes the
    /// criterion against the leaf's nearest edge, which is stricter than against any one node,
    /// and each node of the leaf then takes the far cell's push from its own position.
    fn repel(&mut self, charge: f64, rng: &mut Rng) {
        let Self {
            cells,
            leaves,
            points,
            pushes,
            stack,
            ..
        } = self;
        for &leaf in leaves.iter() {
            let mine = &cells[leaf as usize];
            let (first, last) = (mine.start as usize, mine.end as usize);
            let centre = mine.centre();
            stack.clear();
            stack.push(0);
            while let Some(c) = stack.pop() {
                let cell = &cells[c as usize];
                if cell.leaf {
                    for i in first..last {
                        let p = points[i];
                        let mut push = pushes[i];
                        for (j, q) in (cell.start as usize..)
                            .zip(&points[cell.start as usize..cell.end as usize])
                        {
                            if j == i {
                                continue;
                            }
                            let (mut dx, mut dy) = (q[0] - p[0], q[1] - p[1]);
                            if dx == 0.0 && dy == 0.0 {
                                dx = jiggle(rng);
                                dy = jiggle(rng);
                            }
                            repel(&mut push, dx, dy, dx * dx + dy * dy, charge);
                        }
                        pushes[i] = push;
                    }
                    continue;
                }
                // A cell holding this leaf is always opened: otherwise the leaf's own nodes
                // would push themselves through the centre of mass.
                let far = !cell.contains(centre)
                    && cell.size * cell.size
                        < THETA_SQUARED * mine.distance_squared([cell.cx, cell.cy]);
                if far {
                    let cell_charge = charge * f64::from(cell.count);
                    for (p, push) in points[first..last].iter().zip(&mut pushes[first..last]) {
                        let (dx, dy) = (cell.cx - p[0], cell.cy - p[1]);
                        repel(push, dx, dy, dx * dx + dy * dy, cell_charge);
                    }
                } else {
                    for &child in &cell.children {
                        if child != NO_CELL {
                            stack.push(child);
                        }
                    }
                }
            }
        }
    }
}

/// Moves the items for which `left` holds to the front and returns how many there are.
fn partition(items: &mut [u32], left: impl Fn(u32) -> bool) -> usize {
    let mut boundary = 0;
    for i in 0..items.len() {
        if left(items[i]) {
            items.swap(i, boundary);
            boundary += 1;
        }
    }
    boundary
}

/// Adds to `v` the push of a body of `charge` at offset (`dx`, `dy`) and squared distance `l`.
#[inline(always)]
fn repel(v: &mut [f64; 2], dx: f64, dy: f64, l: f64, charge: f64) {
    let l = if l < MIN_DISTANCE_SQUARED {
        (MIN_DISTANCE_SQUARED * l).sqrt()
    } else {
        l
    };
    let k = charge / l;
    v[0] += dx * k;
    v[1] += dy * k;
}

/// A running force-directed layout.
///
/// ```
/// use broadsheet_core::graph::layout::Layout;
/// let mut layout = Layout::new(3, &[[0, 1], [1, 2]], 7);
/// while !layout.is_converged() {
///     layout.step();
/// }
/// assert!(layout.positions().iter().flatten().all(|c| c.is_finite()));
/// ```
#[derive(Debug, Clone)]
pub struct Layout {
    pos: Vec<[f64; 2]>,
    vel: Vec<[f64; 2]>,
    pinned: Vec<bool>,
    links: Vec<Link>,
    alpha: f64,
    /// The largest squared speed of the last tick; infinite before the first and after a pin.
    fastest: f64,
    exact: bool,
    rng: Rng,
    tree: QuadTree,
}

impl Layout {
    /// A layout of `nodes` nodes joined by `edges` (pairs of node positions, such as
    /// [`crate::index::stories::Subgraph::edges`]), starting hot from positions drawn with `seed`.
    ///
    /// Self-loops, repeated edges (either direction) and edges to missing nodes are ignored.
    #[must_use]
    pub fn new(nodes: usize, edges: &[[u32; 2]], seed: u64) -> Self {
        let mut pairs: Vec<(usize, usize)> = edges
            .iter()
            .map(|&[a, b]| (a as usize, b as usize))
            .filter(|&(a, b)| a != b && a < nodes && b < nodes)
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        crate::sort::items(&mut pairs);
        pairs.dedup();
        let mut degree = vec![0u32; nodes];
        for &(a, b) in &pairs {
            degree[a] += 1;
            degree[b] += 1;
        }
        let links = pairs
            .into_iter()
            .map(|(source, target)| {
                let (s, t) = (f64::from(degree[source]), f64::from(degree[target]));
                Link {
                    source,
                    target,
                    strength: 1.0 / s.min(t),
                    bias: s / (s + t),
                }
            })
            .collect();

        let mut rng = Rng::new(seed);
        let radius = SPREAD * (nodes as f64).sqrt();
        let pos = (0..nodes)
            .map(|_| loop {
                // Rejection sampling gives a uniform disc without trigonometry.
                let (x, y) = (rng.unit() * 2.0 - 1.0, rng.unit() * 2.0 - 1.0);
                if x * x + y * y <= 1.0 {
                    break [x * radius, y * radius];
                }
            })
            .collect();
        Self {
            pos,
            vel: vec![[0.0; 2]; nodes],
            pinned: vec![false; nodes],
            links,
            alpha: 1.0,
            fastest: f64::INFINITY,
            exact: nodes <= BARNES_HUT_ABOVE,
            rng,
            tree: QuadTree::default(),
        }
    }

    /// Advances one tick and returns the mean squared speed of the nodes: a kinetic energy
    /// that falls towards zero as the layout cools (0 for an empty layout).
    pub fn step(&mut self) -> f64 {
        self.alpha *= 1.0 - ALPHA_DECAY;
        if self.pos.is_empty() {
            self.fastest = 0.0;
            return 0.0;
        }
        self.pull_links();
        if self.exact {
            self.repel_exact();
        } else {
            self.repel_barnes_hut();
        }
        let pull = GRAVITY * self.alpha;
        let (mut energy, mut fastest) = (0.0, 0.0_f64);
        for ((p, v), &pinned) in self.pos.iter_mut().zip(&mut self.vel).zip(&self.pinned) {
            if pinned {
                *v = [0.0; 2];
                continue;
            }
            for k in 0..2 {
                v[k] = (v[k] - p[k] * pull) * VELOCITY_KEEP;
            }
            let speed_squared = v[0] * v[0] + v[1] * v[1];
            if !speed_squared.is_finite() {
                *v = [0.0; 2];
            } else if speed_squared > MAX_SPEED * MAX_SPEED {
                let scale = MAX_SPEED / speed_squared.sqrt();
                *v = [v[0] * scale, v[1] * scale];
            }
            for k in 0..2 {
                p[k] = (p[k] + v[k]).clamp(-MAX_COORDINATE, MAX_COORDINATE);
            }
            let speed_squared = v[0] * v[0] + v[1] * v[1];
            energy += speed_squared;
            fastest = fastest.max(speed_squared);
        }
        self.fastest = fastest;
        energy / self.pos.len() as f64
    }

    /// Springs, applied one edge at a time against predicted positions as d3 does, which lets
    /// a chain straighten in one tick instead of one link per tick.
    fn pull_links(&mut self) {
        for link in &self.links {
            let (s, t) = (link.source, link.target);
            let mut dx = self.pos[t][0] + self.vel[t][0] - self.pos[s][0] - self.vel[s][0];
            let mut dy = self.pos[t][1] + self.vel[t][1] - self.pos[s][1] - self.vel[s][1];
            if dx == 0.0 {
                dx = jiggle(&mut self.rng);
            }
            if dy == 0.0 {
                dy = jiggle(&mut self.rng);
            }
            let length = (dx * dx + dy * dy).sqrt();
            let k = (length - LINK_DISTANCE) / length * self.alpha * link.strength;
            let (fx, fy) = (dx * k, dy * k);
            self.vel[t][0] -= fx * link.bias;
            self.vel[t][1] -= fy * link.bias;
            self.vel[s][0] += fx * (1.0 - link.bias);
            self.vel[s][1] += fy * (1.0 - link.bias);
        }
    }

    fn repel_exact(&mut self) {
        let charge = CHARGE * self.alpha;
        for i in 0..self.pos.len() {
            for j in i + 1..self.pos.len() {
                let mut dx = self.pos[j][0] - self.pos[i][0];
                let mut dy = self.pos[j][1] - self.pos[i][1];
                if dx == 0.0 && dy == 0.0 {
                    dx = jiggle(&mut self.rng);
                    dy = jiggle(&mut self.rng);
                }
                let l = dx * dx + dy * dy;
                let mut push = [0.0; 2];
                repel(&mut push, dx, dy, l, charge);
                let [px, py] = push;
                self.vel[i][0] += px;
                self.vel[i][1] += py;
                self.vel[j][0] -= px;
                self.vel[j][1] -= py;
            }
        }
    }

    fn repel_barnes_hut(&mut self) {
        self.tree.build(&self.pos);
        self.tree.repel(CHARGE * self.alpha, &mut self.rng);
        for (&i, push) in self.tree.order.iter().zip(&self.tree.pushes) {
            let v = &mut self.vel[i as usize];
            v[0] += push[0];
            v[1] += push[1];
        }
    }

    /// True once further ticks would not visibly move anything: every node settled (moving
    /// less than a tenth of a unit per tick) or the layout cooled completely. Pinning a node
    /// warms it up again.
    #[must_use]
    pub fn is_converged(&self) -> bool {
        self.alpha < ALPHA_MIN || self.fastest < SETTLED_SPEED_SQUARED
    }

    /// The current temperature, from 1 (just started) towards 0.
    #[must_use]
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// Node positions, in node order. Always finite.
    #[must_use]
    pub fn positions(&self) -> &[[f64; 2]] {
        &self.pos
    }

    /// The number of nodes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.pos.len()
    }

    /// True for a layout without nodes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// The smallest box holding every node, as `[min_x, min_y, max_x, max_y]`, for fitting
    /// the picture to the screen; `None` without nodes.
    #[must_use]
    pub fn bounds(&self) -> Option<[f64; 4]> {
        let first = self.pos.first()?;
        Some(self.pos.iter().fold(
            [first[0], first[1], first[0], first[1]],
            |[x0, y0, x1, y1], p| [x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1])],
        ))
    }

    /// Holds `node` at (`x`, `y`) until [`Layout::unpin`], as while the reader drags it, and
    /// warms the layout so its neighbours follow. Coordinates are clamped to the layout's
    /// range; a missing node or a non-finite coordinate is ignored.
    pub fn pin(&mut self, node: usize, x: f64, y: f64) {
        if node >= self.pos.len() || !x.is_finite() || !y.is_finite() {
            return;
        }
        self.pos[node] = [
            x.clamp(-MAX_COORDINATE, MAX_COORDINATE),
            y.clamp(-MAX_COORDINATE, MAX_COORDINATE),
        ];
        self.vel[node] = [0.0; 2];
        self.pinned[node] = true;
        self.alpha = self.alpha.max(REHEAT);
        self.fastest = f64::INFINITY;
    }

    /// Lets a pinned node move again (it stays where it was until forces move it).
    pub fn unpin(&mut self, node: usize) {
        if let Some(pinned) = self.pinned.get_mut(node) {
            *pinned = false;
        }
    }

    /// True when `node` is pinned.
    #[must_use]
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }
}

/// A small graph laid out to rest at once, and the box to draw it in.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    /// Each node's position.
    pub positions: Vec<[f64; 2]>,
    /// The box around them, as `[x, y, width, height]` (an SVG `viewBox`).
    pub view_box: [f64; 4],
}

/// Lays out a graph small enough to settle before it is drawn (the article page's ego graph):
/// steps until converged or `max_ticks`, then frames the nodes with `pad` on every side, each
/// side at least `min_side` before padding so a lone node still gets a square.
#[must_use]
pub fn settle(
    nodes: usize,
    edges: &[[u32; 2]],
    seed: u64,
    max_ticks: usize,
    pad: f64,
    min_side: f64,
) -> Settled {
    let mut layout = Layout::new(nodes, edges, seed);
    for _ in 0..max_ticks {
        if layout.is_converged() {
            break;
        }
        layout.step();
    }
    let [x0, y0, x1, y1] = layout.bounds().unwrap_or([0.0; 4]);
    let (w, h) = ((x1 - x0).max(min_side), (y1 - y0).max(min_side));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (w, h) = (w + 2.0 * pad, h + 2.0 * pad);
    Settled {
        positions: layout.positions().to_vec(),
        view_box: [cx - w / 2.0, cy - h / 2.0, w, h],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settle_frames_every_node_with_its_padding() {
        let star: Vec<[u32; 2]> = (1..8).map(|i| [0, i]).collect();
        let cases: [(usize, &[[u32; 2]]); 3] = [(1, &[]), (2, &[[0, 1]]), (8, &star)];
        for (nodes, edges) in cases {
            let settled = settle(nodes, edges, 1, 600, 10.0, 60.0);
            assert_eq!(settled.positions.len(), nodes);
            let [x, y, w, h] = settled.view_box;
            assert!(
                w >= 80.0 && h >= 80.0,
                "at least the minimum plus padding: {w} × {h}"
            );
            for p in &settled.positions {
                assert!(
                    p[0] >= x + 10.0 - 1e-9 && p[0] <= x + w - 10.0 + 1e-9,
                    "{p:?} in {:?}",
                    settled.view_box
                );
                assert!(
                    p[1] >= y + 10.0 - 1e-9 && p[1] <= y + h - 10.0 + 1e-9,
                    "{p:?} in {:?}",
                    settled.view_box
                );
            }
            assert_eq!(
                settle(nodes, edges, 1, 600, 10.0, 60.0),
                settled,
                "the same picture every time"
            );
        }
        let lone = settle(1, &[], 1, 600, 10.0, 60.0);
        assert_eq!([lone.view_box[2], lone.view_box[3]], [80.0, 80.0]);
    }

    /// Stars of five (a hub and four leaves), each hub linked to the next: the shape of stories
    /// with a few outside links, joined into one component.
    fn sample_edges(nodes: u32) -> Vec<[u32; 2]> {
        let mut edges = Vec::new();
        for i in 0..nodes {
            let hub = i / 5 * 5;
            if i != hub {
                edges.push([hub, i]);
            } else if hub >= 5 {
                edges.push([hub - 5, hub]);
            }
        }
        edges
    }

    fn converge(layout: &mut Layout) -> Vec<f64> {
        let mut energies = Vec::new();
        while !layout.is_converged() {
            energies.push(layout.step());
            assert!(energies.len() < 10_000, "the layout cools in bounded time");
        }
        energies
    }

    fn all_finite(layout: &Layout) -> bool {
        layout.positions().iter().flatten().all(|c| c.is_finite())
    }

    fn mean_edge_length(layout: &Layout, edges: &[[u32; 2]]) -> f64 {
        let p = layout.positions();
        let total: f64 = edges
            .iter()
            .map(|&[a, b]| {
                let (a, b) = (p[a as usize], p[b as usize]);
                ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
            })
            .sum();
        total / edges.len() as f64
    }

    fn rms_radius(layout: &Layout) -> f64 {
        let p = layout.positions();
        let total: f64 = p.iter().map(|q| q[0] * q[0] + q[1] * q[1]).sum();
        (total / p.len() as f64).sqrt()
    }

    #[test]
    fn same_graph_and_seed_give_the_same_layout() {
        for nodes in [40, 400] {
            let edges = sample_edges(nodes);
            let run = |seed| {
                let mut layout = Layout::new(nodes as usize, &edges, seed);
                for _ in 0..50 {
                    layout.step();
                }
                layout.positions().to_vec()
            };
            assert_eq!(run(1), run(1), "{nodes} nodes");
            assert_ne!(run(1), run(2), "{nodes} nodes: the seed matters");
        }
    }

    #[test]
    fn positions_stay_finite_on_degenerate_inputs() {
        let complete: Vec<[u32; 2]> = (0..120u32)
            .flat_map(|a| (0..120u32).map(move |b| [a, b]))
            .collect();
        let star_with_junk: Vec<[u32; 2]> = (0..2_000u32)
            .flat_map(|i| [[0, i], [i, 0], [i, i], [i, 5_000]])
            .collect();
        let cases: &[(&str, usize, &[[u32; 2]])] = &[
            ("no nodes", 0, &[]),
            ("one node", 1, &[]),
            ("one node, self-loop", 1, &[[0, 0]]),
            ("two nodes, one edge", 2, &[[0, 1]]),
            ("edges to missing nodes", 3, &[[0, 9], [9, 9]]),
            ("complete graph", 120, &complete),
            (
                "star with loops, duplicates and strays",
                2_000,
                &star_with_junk,
            ),
        ];
        for (name, nodes, edges) in cases {
            let mut layout = Layout::new(*nodes, edges, 3);
            assert_eq!(layout.len(), *nodes, "{name}");
            // The hottest ticks are where numbers could blow up.
            for tick in 0..60 {
                assert!(layout.step().is_finite(), "{name}: tick {tick}");
                assert!(all_finite(&layout), "{name}: tick {tick}");
            }
        }
    }

    #[test]
    fn coincident_nodes_separate_without_blowing_up() {
        for nodes in [2, 50, 600] {
            let edges = sample_edges(nodes);
            let mut layout = Layout::new(nodes as usize, &edges, 9);
            for i in 0..nodes as usize {
                layout.pin(i, 5.0, 5.0);
            }
            for i in 0..nodes as usize {
                layout.unpin(i);
            }
            layout.step();
            assert!(all_finite(&layout), "{nodes} nodes after one tick");
            converge(&mut layout);
            assert!(all_finite(&layout), "{nodes} nodes");
            let p = layout.positions();
            assert!(
                p.iter().skip(1).any(|q| q != &p[0]),
                "{nodes} nodes: they moved apart"
            );
        }
    }

    #[test]
    fn energy_falls_as_the_layout_cools() {
        let edges = sample_edges(200);
        let mut layout = Layout::new(200, &edges, 11);
        let energies = converge(&mut layout);
        let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
        let peak = energies.iter().copied().fold(0.0, f64::max);
        assert!(energies.len() <= 305, "{} ticks", energies.len());
        assert!(mean(&energies[energies.len() - 30..]) < mean(&energies[..30]) / 100.0);
        assert!(*energies.last().expect("ticks ran") < peak / 1_000.0);
    }

    #[test]
    fn linked_nodes_end_up_near_each_other() {
        let edges = sample_edges(200);
        let mut layout = Layout::new(200, &edges, 5);
        converge(&mut layout);
        let linked = mean_edge_length(&layout, &edges);
        let everything: Vec<[u32; 2]> = (0..200).map(|i| [i, (i * 7 + 3) % 200]).collect();
        assert!(
            (LINK_DISTANCE / 3.0..LINK_DISTANCE * 3.0).contains(&linked),
            "edges are about the spring length: {linked}"
        );
        assert!(linked < mean_edge_length(&layout, &everything) / 2.0);
    }

    #[test]
    fn pinned_nodes_stay_where_they_are_put() {
        let edges = sample_edges(30);
        let mut layout = Layout::new(30, &edges, 1);
        converge(&mut layout);
        layout.pin(0, 400.0, -250.0);
        assert!(layout.is_pinned(0));
        assert!(!layout.is_converged(), "a drag warms the layout");
        converge(&mut layout);
        assert_eq!(layout.positions()[0], [400.0, -250.0]);
        let leaf = layout.positions()[1];
        assert!(leaf[0] > 200.0, "its neighbour followed: {leaf:?}");
        layout.unpin(0);
        assert!(!layout.is_pinned(0));
        layout.pin(0, f64::NAN, 1.0);
        layout.pin(99, 1.0, 1.0);
        assert!(!layout.is_pinned(0) && !layout.is_pinned(99));
        layout.pin(1, 1e300, -1e300);
        assert_eq!(layout.positions()[1], [MAX_COORDINATE, -MAX_COORDINATE]);
        for _ in 0..20 {
            layout.step();
        }
        assert!(all_finite(&layout));
    }

    #[test]
    fn barnes_hut_forces_are_close_to_exact() {
        let nodes = 800;
        let edges = sample_edges(nodes);
        let mut layout = Layout::new(nodes as usize, &edges, 21);
        assert!(!layout.exact, "{nodes} nodes use Barnes–Hut");
        for _ in 0..40 {
            layout.step();
        }
        let forces = |exact: bool| {
            let mut l = layout.clone();
            l.vel = vec![[0.0; 2]; l.pos.len()];
            if exact {
                l.repel_exact();
            } else {
                l.repel_barnes_hut();
            }
            l.vel
        };
        let (exact, approx) = (forces(true), forces(false));
        let norm = |v: [f64; 2]| (v[0] * v[0] + v[1] * v[1]).sqrt();
        let error: f64 = exact
            .iter()
            .zip(&approx)
            .map(|(e, a)| norm([e[0] - a[0], e[1] - a[1]]))
            .sum();
        let total: f64 = exact.iter().map(|&e| norm(e)).sum();
        assert!(error / total < 0.03, "relative error {}", error / total);
    }

    #[test]
    fn barnes_hut_layouts_look_like_exact_ones() {
        let nodes = 400;
        let edges = sample_edges(nodes);
        let run = |exact: bool| {
            let mut layout = Layout::new(nodes as usize, &edges, 8);
            layout.exact = exact;
            converge(&mut layout);
            (mean_edge_length(&layout, &edges), rms_radius(&layout))
        };
        let ((edge_e, radius_e), (edge_a, radius_a)) = (run(true), run(false));
        assert!((edge_a / edge_e - 1.0).abs() < 0.1, "{edge_a} vs {edge_e}");
        assert!(
            (radius_a / radius_e - 1.0).abs() < 0.1,
            "{radius_a} vs {radius_e}"
        );
    }

    #[test]
    fn bounds_hold_every_node() {
        assert_eq!(Layout::new(0, &[], 0).bounds(), None);
        let mut layout = Layout::new(3, &[[0, 1]], 0);
        layout.pin(0, -10.0, 2.0);
        layout.pin(1, 4.0, -3.0);
        layout.pin(2, 0.0, 8.0);
        assert_eq!(layout.bounds(), Some([-10.0, -3.0, 4.0, 8.0]));
    }
}

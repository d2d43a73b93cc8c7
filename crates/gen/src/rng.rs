//! The seeded randomness behind the generator: SplitMix64 plus the picks built on it.
//!
//! Hand-rolled rather than taken from a crate so that what a seed produces can never change with
//! a dependency upgrade: the sample in `content/` is pinned byte for byte by a test. Only integer
//! arithmetic and basic IEEE operations (no `powf`, `ln`) are used, so every platform agrees.

/// A SplitMix64 generator: tiny, fast, and good enough for fake data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

/// The SplitMix64 output function; also used to hash seeds into independent streams.
#[must_use]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator starting from `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// An independent stream for item `index` of kind `salt` under `seed`.
    ///
    /// Every article, story and outside story draws from its own stream, so any one of them can
    /// be rebuilt alone (related entries rebuild their targets) and adding a draw to one kind of
    /// item does not shift the values of every item after it.
    #[must_use]
    pub fn derive(seed: u64, salt: u64, index: u64) -> Self {
        Self::new(mix(mix(seed ^ mix(salt)) ^ index))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// A number in `0..n`; `n` must be positive.
    ///
    /// Uses the multiply-shift reduction: its bias is below 2^-40 for the small `n` used here.
    pub fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0, "below(0) has no valid result");
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a collection of `len` items; `len` must be positive.
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// A uniform number in `(0, 1]`, never zero so it can be divided by.
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// A value with a Pareto-like tail: `scale * (1/u - 1)`, so the median is `scale` and one
    /// draw in `k` exceeds `scale * (k - 1)`. This is the "many low, a few very high" shape of
    /// real heat and quality scores.
    pub fn heavy_tail(&mut self, scale: f64) -> f64 {
        scale * (1.0 / self.unit() - 1.0)
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }

    /// Fills `out` with random bytes.
    pub fn fill(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }
}

/// Picks positions `0..n` with weight `1 / (rank + 1)`: Zipf's law with exponent 1, the shape of
/// outlet and topic popularity in real feeds (a few dominate, a long tail appears rarely).
#[derive(Debug, Clone)]
pub struct Zipf {
    cumulative: Vec<u64>,
}

impl Zipf {
    /// A table over `n` positions; `n` must be positive.
    #[must_use]
    pub fn new(n: usize) -> Self {
        // Integer weights keep the table identical on every platform.
        const SCALE: u64 = 1 << 40;
        let mut total = 0;
        let cumulative = (1..=n as u64)
            .map(|rank| {
                total += SCALE / rank;
                total
            })
            .collect();
        Self { cumulative }
    }

    /// A position in `0..n`, low positions far more often than high ones.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let target = rng.below(total.max(1));
        self.cumulative.partition_point(|&c| c <= target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_same_stream() {
        let stream = |seed| {
            let mut r = Rng::new(seed);
            (0..5).map(|_| r.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(stream(9), stream(9));
        assert_ne!(stream(9), stream(10));
        assert_ne!(stream(9)[0], stream(9)[1]);
    }

    #[test]
    fn derived_streams_differ_by_index_and_salt() {
        let x = Rng::derive(1, 2, 3).next_u64();
        assert_ne!(x, Rng::derive(1, 2, 4).next_u64());
        assert_ne!(x, Rng::derive(1, 5, 3).next_u64());
        assert_ne!(x, Rng::derive(6, 2, 3).next_u64());
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = Rng::new(1);
        assert!((0..10_000).all(|_| r.below(7) < 7));
        assert!((0..10_000).all(|_| (3..=5).contains(&r.between(3, 5))));
    }

    #[test]
    fn zipf_prefers_low_positions() {
        let z = Zipf::new(30);
        let mut r = Rng::new(4);
        let mut counts = [0u32; 30];
        for _ in 0..30_000 {
            counts[z.sample(&mut r)] += 1;
        }
        assert!(counts[0] > counts[1] && counts[1] > counts[9] && counts[9] > counts[29]);
        assert!(counts[29] > 0, "the tail still appears");
    }

    #[test]
    fn heavy_tail_has_low_median_and_rare_peaks() {
        let mut r = Rng::new(8);
        let mut v: Vec<f64> = (0..10_001).map(|_| r.heavy_tail(15.0)).collect();
        v.sort_by(f64::total_cmp);
        assert!((10.0..20.0).contains(&v[5_000]), "median near the scale");
        assert!(v[10_000] > 1_000.0, "a few very high values");
    }
}

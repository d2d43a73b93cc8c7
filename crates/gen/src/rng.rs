//! The generator's draws beyond the shared seeded generator ([`broadsheet_core::rng`]): the
//! heavy-tailed scores and the Zipf table of real feeds.
//!
//! Only integer arithmetic and basic IEEE operations (no `powf`, `ln`) are used, so every
//! platform agrees: the sample in `content/` is pinned byte for byte by a test.

pub use broadsheet_core::rng::{mix, Rng};

/// A value with a Pareto-like tail: `scale * (1/u - 1)`, so the median is `scale` and one draw in
/// `k` exceeds `scale * (k - 1)`. This is the "many low, a few very high" shape of real heat and
/// quality scores.
pub fn heavy_tail(rng: &mut Rng, scale: f64) -> f64 {
    scale * (1.0 / rng.unit_above_zero() - 1.0)
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
        let mut v: Vec<f64> = (0..10_001).map(|_| heavy_tail(&mut r, 15.0)).collect();
        v.sort_by(f64::total_cmp);
        assert!((10.0..20.0).contains(&v[5_000]), "median near the scale");
        assert!(v[10_000] > 1_000.0, "a few very high values");
    }
}

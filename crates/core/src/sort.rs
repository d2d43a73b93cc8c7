//! Sorting article and graph-node numbers. Every order over `u32`s goes through one compiled
//! sort: each `sort_by` with its own closure compiles the standard library's sort afresh (a
//! few kB of wasm each at this crate's opt-level), so sorting numbers through a `&dyn` order
//! keeps one copy for all of them.

use std::cmp::Ordering;

/// Sorts `numbers` by `order`, stably: equal numbers under `order` keep their relative order.
pub fn by(numbers: &mut [u32], order: &dyn Fn(u32, u32) -> Ordering) {
    numbers.sort_by(|a, b| order(*a, *b));
}

/// Sorts `numbers` ascending.
pub fn ascending(numbers: &mut [u32]) {
    by(numbers, &|a, b| a.cmp(&b));
}

/// Sorts `items` stably by `order` through [`by`]: their positions are sorted, then the items
/// moved into place, so another element type costs a small permutation rather than a sort.
pub fn items_by<T>(items: &mut Vec<T>, order: impl Fn(&T, &T) -> Ordering) {
    let mut positions: Vec<u32> = (0..crate::to_u32(items.len())).collect();
    by(&mut positions, &|a, b| {
        order(&items[a as usize], &items[b as usize])
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(positions.iter().map(|&p| {
        slots[p as usize]
            .take()
            .expect("each position is taken once")
    }));
}

/// Sorts `items` ascending through [`by`] (see [`items_by`]).
pub fn items<T: Ord>(items: &mut Vec<T>) {
    items_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascending_matches_the_standard_sort() {
        let mut numbers = vec![5, 3, 9, 3, 0, u32::MAX, 7];
        let mut expected = numbers.clone();
        expected.sort_unstable();
        ascending(&mut numbers);
        assert_eq!(numbers, expected);
    }

    #[test]
    fn items_sort_like_the_standard_sort() {
        let mut pairs = vec![(3, "c"), (1, "b"), (3, "a"), (0, "z"), (1, "b")];
        let mut expected = pairs.clone();
        expected.sort_unstable();
        items(&mut pairs);
        assert_eq!(pairs, expected);
        let mut empty: Vec<String> = Vec::new();
        items(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn items_ties_keep_their_order() {
        let mut words = vec!["bb", "a", "cc", "d", "ee"];
        items_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["a", "d", "bb", "cc", "ee"]);
    }

    #[test]
    fn ties_keep_their_order() {
        let mut numbers = vec![21, 10, 31, 20, 11, 30];
        by(&mut numbers, &|a, b| (a / 10).cmp(&(b / 10)));
        assert_eq!(numbers, [10, 11, 21, 20, 31, 30]);
    }
}

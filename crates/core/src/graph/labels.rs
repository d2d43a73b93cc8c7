//! What the graph view's picture names, decided here so it is tested natively: each story's
//! hub gets a short title, labels that would collide with a bigger story's are dropped, and
//! the arrow keys step through the nodes in the order of the story list beside the picture.
//!
//! The app measures each label's text (only the browser knows its fonts) and places boxes in
//! screen pixels; everything else is answered here.

use crate::graph::picture::StoryGroup;

/// The most characters a hub's label shows before it is cut.
pub const LABEL_CHARS: usize = 28;

/// The hub of each story in `groups` (largest first, as [`crate::graph::picture::story_groups`]
/// orders them): the position in `nodes` of its node with the most neighbours in the picture,
/// the lowest position on a tie. The result is in the same order, which is the order labels
/// are kept in when they collide.
#[must_use]
pub fn hubs(groups: &[StoryGroup], nodes: &[u32], neighbours: &[Vec<u32>]) -> Vec<usize> {
    groups
        .iter()
        .filter_map(|group| {
            group
                .articles
                .iter()
                .chain(&group.outside)
                .filter_map(|node| nodes.binary_search(node).ok())
                .min_by_key(|&p| (std::cmp::Reverse(neighbours.get(p).map_or(0, Vec::len)), p))
        })
        .collect()
}

/// `title` in at most `max` characters: whole when it fits, else cut at the last space that
/// leaves at least half of it (at `max - 1` characters when there is none) and ended with "…".
///
/// ```
/// use broadsheet_core::graph::labels::short_title;
/// assert_eq!(short_title("Rail strike ends", 28), "Rail strike ends");
/// assert_eq!(short_title("Council approves the new tram line", 20), "Council approves…");
/// assert_eq!(short_title("Supercalifragilistic", 10), "Supercali…");
/// ```
#[must_use]
pub fn short_title(title: &str, max: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max {
        return title.to_owned();
    }
    let room = max.saturating_sub(1);
    let cut: String = title.chars().take(room).collect();
    let at_space = cut
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .next_back()
        .filter(|&i| cut[..i].chars().count() >= room / 2);
    let kept = at_space.map_or(cut.as_str(), |i| &cut[..i]).trim_end();
    format!("{kept}…")
}

/// The box (`[left, top, width, height]`, screen pixels) of a label `size` wide and high,
/// centred below a node drawn at `at` with screen radius `radius`.
#[must_use]
pub fn label_box(at: [f64; 2], radius: f64, size: [f64; 2]) -> [f64; 4] {
    [
        at[0] - size[0] / 2.0,
        at[1] + radius + 2.0,
        size[0],
        size[1],
    ]
}

fn overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Which of `boxes` (in priority order: the largest story's first) to draw: each one that lies
/// wholly inside a drawing of `bounds` (width, height) and overlaps no box kept before it. A
/// box with a non-finite side is never kept.
///
/// ```
/// use broadsheet_core::graph::labels::keep_labels;
/// let boxes = [[0.0, 0.0, 50.0, 10.0], [40.0, 5.0, 50.0, 10.0], [60.0, 20.0, 30.0, 10.0]];
/// assert_eq!(keep_labels(&boxes, [200.0, 100.0]), [true, false, true]);
/// ```
#[must_use]
pub fn keep_labels(boxes: &[[f64; 4]], bounds: [f64; 2]) -> Vec<bool> {
    let mut kept: Vec<[f64; 4]> = Vec::new();
    boxes
        .iter()
        .map(|b| {
            let inside = b.iter().all(|v| v.is_finite())
                && b[0] >= 0.0
                && b[1] >= 0.0
                && b[0] + b[2] <= bounds[0]
                && b[1] + b[3] <= bounds[1];
            let keep = inside && !kept.iter().any(|k| overlap(k, b));
            if keep {
                kept.push(*b);
            }
            keep
        })
        .collect()
}

/// The positions of `nodes` in the order a reader steps through them with the arrow keys: the
/// story list's order (largest story first; in each, its articles, then its stories
/// elsewhere).
#[must_use]
pub fn reading_order(groups: &[StoryGroup], nodes: &[u32]) -> Vec<usize> {
    groups
        .iter()
        .flat_map(|g| g.articles.iter().chain(&g.outside))
        .filter_map(|node| nodes.binary_search(node).ok())
        .collect()
}

/// Where an arrow key moves the selection along `order`: the next (or previous) node, staying
/// put at either end; from no selection, or one not in `order`, the first (or last).
///
/// ```
/// use broadsheet_core::graph::labels::step;
/// let order = [4, 2, 7];
/// assert_eq!(step(&order, None, true), Some(4));
/// assert_eq!(step(&order, None, false), Some(7));
/// assert_eq!(step(&order, Some(2), true), Some(7));
/// assert_eq!(step(&order, Some(7), true), Some(7));
/// assert_eq!(step(&order, Some(4), false), Some(4));
/// assert_eq!(step(&[], None, true), None);
/// ```
#[must_use]
pub fn step(order: &[usize], current: Option<usize>, forward: bool) -> Option<usize> {
    let at = current.and_then(|c| order.iter().position(|&p| p == c));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => order.len().checked_sub(1)?,
        (Some(i), true) => (i + 1).min(order.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    order.get(next).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(story: u32, articles: &[u32], outside: &[u32]) -> StoryGroup {
        StoryGroup {
            story,
            articles: articles.to_vec(),
            outside: outside.to_vec(),
        }
    }

    #[test]
    fn a_story_s_hub_is_its_best_connected_node() {
        let nodes = [0, 1, 2, 3, 10, 11];
        // Positions: 0-1, 1-2, 1-4 (node 10), 3-5 (node 11).
        let neighbours = vec![vec![1], vec![0, 2, 4], vec![1], vec![5], vec![1], vec![3]];
        let groups = [group(0, &[0, 1, 2], &[10]), group(1, &[3], &[11])];
        assert_eq!(hubs(&groups, &nodes, &neighbours), [1, 3]);
        // A tie goes to the lower position; a group of one is its own hub.
        assert_eq!(hubs(&[group(1, &[3], &[11])], &nodes, &neighbours), [3]);
        assert_eq!(hubs(&[group(2, &[2], &[])], &nodes, &[]), [2]);
        assert!(hubs(&[], &nodes, &neighbours).is_empty());
    }

    #[test]
    fn cuts_titles_at_a_word_and_never_splits_a_character() {
        let cases = [
            ("Short", 28, "Short"),
            ("  padded  ", 28, "padded"),
            ("exactly ten", 11, "exactly ten"),
            (
                "Council approves the new tram line",
                20,
                "Council approves…",
            ),
            ("Ünïcödé wörds àrè fïnë hërë", 12, "Ünïcödé…"),
            ("日本語のニュースの見出し", 6, "日本語のニ…"),
            ("a verylongwordthatdoesnotfit", 10, "a verylon…"),
            ("", 5, ""),
        ];
        for (title, max, want) in cases {
            let got = short_title(title, max);
            assert_eq!(got, want, "{title:?}");
            assert!(got.chars().count() <= max, "{got:?}");
        }
        assert_eq!(short_title("abc", 0), "…");
    }

    #[test]
    fn keeps_the_first_of_colliding_labels_and_drops_those_outside() {
        let boxes = [
            [10.0, 10.0, 100.0, 14.0],
            // Overlaps the first.
            [60.0, 15.0, 100.0, 14.0],
            // Touches the first's edge without overlapping.
            [110.0, 10.0, 40.0, 14.0],
            // Overlaps only the dropped second: kept.
            [120.0, 26.0, 40.0, 14.0],
            // Leaves the drawing.
            [280.0, 50.0, 40.0, 14.0],
            [-1.0, 80.0, 10.0, 14.0],
            [f64::NAN, 0.0, 1.0, 1.0],
        ];
        assert_eq!(
            keep_labels(&boxes, [300.0, 100.0]),
            [true, false, true, true, false, false, false]
        );
        assert!(keep_labels(&[], [10.0, 10.0]).is_empty());
    }

    #[test]
    fn kept_labels_never_overlap() {
        // A dense grid of boxes: whatever is kept is pairwise apart.
        let boxes: Vec<[f64; 4]> = (0..400)
            .map(|i| {
                let (x, y) = (f64::from(i % 20) * 13.0, f64::from(i / 20) * 7.0);
                [x, y, 40.0 + f64::from(i % 7) * 5.0, 12.0]
            })
            .collect();
        let kept: Vec<&[f64; 4]> = keep_labels(&boxes, [400.0, 200.0])
            .iter()
            .zip(&boxes)
            .filter_map(|(k, b)| k.then_some(b))
            .collect();
        assert!(kept.len() > 5);
        for (i, a) in kept.iter().enumerate() {
            for b in &kept[i + 1..] {
                assert!(!overlap(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn places_a_label_under_its_node() {
        assert_eq!(
            label_box([100.0, 50.0], 6.0, [40.0, 12.0]),
            [80.0, 58.0, 40.0, 12.0]
        );
    }

    #[test]
    fn steps_through_nodes_in_the_story_list_s_order() {
        let nodes = [0, 1, 2, 3, 10];
        let groups = [
            group(1, &[1, 3], &[10]),
            group(0, &[0], &[]),
            group(2, &[2], &[]),
        ];
        let order = reading_order(&groups, &nodes);
        assert_eq!(order, [1, 3, 4, 0, 2]);
        assert_eq!(step(&order, Some(4), true), Some(0));
        assert_eq!(step(&order, Some(4), false), Some(3));
        assert_eq!(step(&order, Some(99), true), Some(1));
        assert_eq!(step(&order, Some(2), true), Some(2));
    }
}

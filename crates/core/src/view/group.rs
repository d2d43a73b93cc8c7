//! One card per story: a result list folded so that an article stands for the rest of its
//! story, as news front pages do, and a list of 50 is 50 events rather than one event five
//! times.
//!
//! ```
//! use broadsheet_core::view::group::by_story;
//!
//! // Articles 3 and 1 share story 7; the list is in display order.
//! let story = |article: u32| if article == 3 || article == 1 { 7 } else { article };
//! let cards = by_story(&[3, 2, 1], story);
//! assert_eq!(cards.len(), 2);
//! assert_eq!((cards[0].lead, cards[0].others.as_slice()), (3, &[1][..]));
//! ```

use std::collections::HashMap;

/// A story as the grouped list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryCard {
    /// The article on the card: the story's first in the list's order (the hottest, the
    /// newest, the best match: whatever the sort puts first).
    pub lead: u32,
    /// The story's other articles in the list, in the list's order.
    pub others: Vec<u32>,
}

impl StoryCard {
    /// How many articles the card stands for.
    #[must_use]
    pub fn len(&self) -> usize {
        1 + self.others.len()
    }

    /// Always false: a card has its lead.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Folds `articles` (in display order) into one card per story; `story_of` names an
/// article's story. Cards are in the order of their leads, so the grouped list keeps the sort.
#[must_use]
pub fn by_story(articles: &[u32], story_of: impl Fn(u32) -> u32) -> Vec<StoryCard> {
    let mut cards: Vec<StoryCard> = Vec::new();
    let mut at: HashMap<u32, usize> = HashMap::new();
    for &article in articles {
        let story = story_of(article);
        match at.get(&story) {
            Some(&i) => cards[i].others.push(article),
            None => {
                at.insert(story, cards.len());
                cards.push(StoryCard {
                    lead: article,
                    others: Vec::new(),
                });
            }
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_of_the_list_and_leads_with_its_first_article() {
        let story = |a: u32| a % 3;
        let cards = by_story(&[5, 4, 2, 3, 1, 0], story);
        let seen: Vec<(u32, Vec<u32>)> = cards.iter().map(|c| (c.lead, c.others.clone())).collect();
        assert_eq!(seen, [(5, vec![2]), (4, vec![1]), (3, vec![0])]);
        assert_eq!(cards.iter().map(StoryCard::len).sum::<usize>(), 6);
    }

    #[test]
    fn articles_alone_in_their_story_are_cards_of_one() {
        let cards = by_story(&[9, 8, 7], |a| a);
        assert!(cards.iter().all(|c| c.others.is_empty()));
        assert!(by_story(&[], |a| a).is_empty());
    }
}

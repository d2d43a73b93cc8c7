//! Which changes of view are steps a reader can go Back from: the rule the app's route adapter
//! follows when it writes a view into the address bar.
//!
//! A committed change (a ticked box, a date picked or typed and entered, a sort, Clear all)
//! adds a history entry. Typing and dragging coalesce: the first keystroke of a run adds an
//! entry, so Back after a search returns to the view before it, and the keystrokes after it
//! rewrite that entry, so Back does not replay the word letter by letter.
//!
//! ```
//! use broadsheet_core::view::history::{Control, Edit, Step, Trail};
//!
//! let trail = Trail::default();
//! let (trail, first) = trail.step(Edit::Typing(Control::Search));
//! let (trail, second) = trail.step(Edit::Typing(Control::Search));
//! let (_, commit) = trail.step(Edit::Commit);
//! assert_eq!((first, second, commit), (Step::Push, Step::Replace, Step::Push));
//! ```

/// How a change of view reaches the address bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A new history entry: Back returns to the view before.
    Push,
    /// The current entry changes.
    Replace,
}

/// A control whose changes arrive as a run (keystrokes, slider steps) that makes one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The search field.
    Search,
    /// The boost sliders.
    Boost,
    /// The date fields and histogram: a date typed digit by digit is complete (and reported)
    /// several times on the way, and From then To set one range.
    Dates,
    /// The heat fields.
    Heat,
    /// The quality fields.
    Quality,
    /// The coverage fields.
    Coverage,
}

/// What kind of change the reader made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// A finished choice: always its own step.
    Commit,
    /// One keystroke or slider step in a run on this control.
    Typing(Control),
    /// A change the reader did not ask for as a step (a selection in a picture, a view that
    /// must never add entries, such as a widget's inside a host page).
    InPlace,
}

/// The control being typed into, if the last change was typing: the memory [`Trail::step`]
/// needs to coalesce a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Trail {
    typing: Option<Control>,
}

impl Trail {
    /// The step for `edit` after this trail, and the trail after it.
    #[must_use]
    pub fn step(self, edit: Edit) -> (Self, Step) {
        match edit {
            Edit::Commit => (Self { typing: None }, Step::Push),
            Edit::InPlace => (self, Step::Replace),
            Edit::Typing(control) => {
                let step = if self.typing == Some(control) {
                    Step::Replace
                } else {
                    Step::Push
                };
                (
                    Self {
                        typing: Some(control),
                    },
                    step,
                )
            }
        }
    }

    /// The trail after the reader moved through history or followed a link: the next
    /// keystroke starts a new run.
    #[must_use]
    pub fn arrived(self) -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(edits: &[Edit]) -> Vec<Step> {
        let mut trail = Trail::default();
        edits
            .iter()
            .map(|edit| {
                let (next, step) = trail.step(*edit);
                trail = next;
                step
            })
            .collect()
    }

    #[test]
    fn the_first_keystroke_of_a_run_adds_an_entry_and_the_rest_rewrite_it() {
        let t = Edit::Typing(Control::Search);
        assert_eq!(
            steps(&[t, t, t]),
            [Step::Push, Step::Replace, Step::Replace]
        );
    }

    #[test]
    fn every_commit_is_a_step_and_ends_a_run() {
        let t = Edit::Typing(Control::Search);
        assert_eq!(
            steps(&[Edit::Commit, Edit::Commit, t, Edit::Commit, t]),
            [Step::Push, Step::Push, Step::Push, Step::Push, Step::Push]
        );
    }

    #[test]
    fn switching_controls_starts_a_new_run() {
        let search = Edit::Typing(Control::Search);
        let boost = Edit::Typing(Control::Boost);
        assert_eq!(
            steps(&[search, boost, boost, search]),
            [Step::Push, Step::Push, Step::Replace, Step::Push]
        );
    }

    #[test]
    fn in_place_changes_rewrite_and_keep_the_run() {
        let t = Edit::Typing(Control::Search);
        assert_eq!(
            steps(&[t, Edit::InPlace, t]),
            [Step::Push, Step::Replace, Step::Replace]
        );
    }

    #[test]
    fn arriving_ends_a_run() {
        let (trail, _) = Trail::default().step(Edit::Typing(Control::Boost));
        let (_, step) = trail.arrived().step(Edit::Typing(Control::Boost));
        assert_eq!(step, Step::Push);
    }
}

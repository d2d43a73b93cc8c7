//! The graph view's pointer gestures as a state machine with plain inputs and outputs, so what a
//! tap, a drag, a pan and a pinch do is tested natively. The app feeds it each pointer event
//! (where it happened in drawing pixels, and which node is under it) and does what the returned
//! [`Effect`] asks of the DOM, the layout and the viewport.
//!
//! A press that moves at most [`CLICK_SLOP`] pixels is a tap: lifted, it selects the node under
//! it, or clears the selection on empty space. One that moves further drags the node it started
//! on, or pans the picture when it started on empty space, and selects nothing. A second
//! pointer turns whatever was going on into a pinch, which zooms about the two pointers' middle
//! and pans as the middle moves. Lifting or cancelling any pointer ends the gesture.

/// How far (in CSS pixels) a press may move and still count as a click.
pub const CLICK_SLOP: f64 = 4.0;

/// Which kind of pointer an event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    /// A mouse: it hovers with no button down, and only its main button presses.
    Mouse,
    /// A finger or a pen: anything the browser does not call a mouse.
    Touch,
}

/// What the app must do for one pointer event. Positions are in drawing pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// Nothing.
    Nothing,
    /// The pointer that went down takes part: capture it, so its moves keep coming when it
    /// leaves the drawing mid-gesture, and keep the browser from scrolling or zooming the page.
    /// `release` is a node a drag held until this pointer turned the drag into a pinch: let it
    /// go.
    Capture {
        /// The node to let go, as [`Effect::Release`].
        release: Option<usize>,
    },
    /// No gesture is on: highlight whatever is under this point.
    Hover([f64; 2]),
    /// A mouse left the drawing with no gesture on: highlight nothing.
    Unhover,
    /// Hold `node` under the point `to`.
    Drag {
        /// The dragged node.
        node: usize,
        /// Where the pointer is.
        to: [f64; 2],
    },
    /// Move the picture by this many pixels.
    Pan([f64; 2]),
    /// Zoom by `factor` about `around`, then move the picture by `by`.
    Pinch {
        /// The new distance between the two pointers over the last one.
        factor: f64,
        /// The pointers' middle.
        around: [f64; 2],
        /// How far the middle moved.
        by: [f64; 2],
    },
    /// The drag of this node ended: let it go, so it settles among its neighbours instead of
    /// staying nailed down.
    Release(usize),
    /// A tap: select this node, or nothing.
    Select(Option<usize>),
}

/// What the reader's pointers are doing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Gesture {
    #[default]
    Idle,
    /// A pointer went down (on a node or not) and has not moved far yet.
    Press {
        pointer: i32,
        node: Option<usize>,
        start: [f64; 2],
    },
    /// A node follows the pointer.
    Drag { pointer: i32, node: usize },
    /// The picture follows the pointer.
    Pan { pointer: i32, last: [f64; 2] },
    /// Two pointers zoom and pan.
    Pinch { distance: f64, middle: [f64; 2] },
}

/// The pointers that are down on the drawing and the gesture they make.
#[derive(Debug, Clone, Default)]
pub struct Gestures {
    gesture: Gesture,
    /// Each pointer that is down, with where it was last seen.
    pointers: Vec<(i32, [f64; 2])>,
}

impl Gestures {
    /// `pointer` went down at `at`, over `node`. A mouse's other buttons are left to the
    /// browser (`button` 0 is the main one); a first pointer starts a press, a second a pinch.
    pub fn down(
        &mut self,
        pointer: i32,
        device: Device,
        button: i16,
        at: [f64; 2],
        node: Option<usize>,
    ) -> Effect {
        if device == Device::Mouse && button != 0 {
            return Effect::Nothing;
        }
        self.pointers.retain(|&(p, _)| p != pointer);
        self.pointers.push((pointer, at));
        let mut release = None;
        if let [(_, a), (_, b)] = self.pointers[..] {
            release = self.dragged();
            self.gesture = Gesture::Pinch {
                distance: distance(a, b),
                middle: middle(a, b),
            };
        } else if self.pointers.len() == 1 {
            self.gesture = Gesture::Press {
                pointer,
                node,
                start: at,
            };
        }
        // A third pointer changes nothing, and the pinch waits until one is lifted.
        Effect::Capture { release }
    }

    /// `pointer` moved to `at`.
    pub fn moved(&mut self, pointer: i32, at: [f64; 2]) -> Effect {
        if let Some(slot) = self.pointers.iter_mut().find(|(p, _)| *p == pointer) {
            slot.1 = at;
        }
        match self.gesture {
            Gesture::Idle => Effect::Hover(at),
            Gesture::Press {
                pointer: p,
                node,
                start,
            } if p == pointer && distance(start, at) > CLICK_SLOP => {
                self.gesture = match node {
                    Some(node) => Gesture::Drag { pointer, node },
                    None => Gesture::Pan {
                        pointer,
                        last: start,
                    },
                };
                // The whole way from the press counts, not just what is beyond the slop.
                self.moved(pointer, at)
            }
            Gesture::Drag { pointer: p, node } if p == pointer => Effect::Drag { node, to: at },
            Gesture::Pan { pointer: p, last } if p == pointer => {
                self.gesture = Gesture::Pan { pointer, last: at };
                Effect::Pan([at[0] - last[0], at[1] - last[1]])
            }
            Gesture::Pinch {
                distance: before,
                middle: was,
            } => {
                let [(_, a), (_, b)] = self.pointers[..] else {
                    return Effect::Nothing;
                };
                let (now, mid) = (distance(a, b), middle(a, b));
                self.gesture = Gesture::Pinch {
                    distance: now,
                    middle: mid,
                };
                Effect::Pinch {
                    factor: if before > 0.0 { now / before } else { 1.0 },
                    around: mid,
                    by: [mid[0] - was[0], mid[1] - was[1]],
                }
            }
            _ => Effect::Nothing,
        }
    }

    /// `pointer` was lifted: a press that never moved far is a tap, which selects; any other
    /// gesture ends.
    pub fn up(&mut self, pointer: i32) -> Effect {
        let tapped = match self.gesture {
            Gesture::Press {
                pointer: p, node, ..
            } if p == pointer => Some(node),
            _ => None,
        };
        let ended = self.end(pointer);
        tapped.map_or(ended, Effect::Select)
    }

    /// The browser took `pointer` over (a scroll, a system gesture): whatever was going on ends,
    /// and a press selects nothing.
    pub fn cancel(&mut self, pointer: i32) -> Effect {
        self.end(pointer)
    }

    /// A pointer of `device` left the drawing.
    #[must_use]
    pub fn leave(&self, device: Device) -> Effect {
        // A captured pointer leaves the drawing mid-gesture and comes back: only a free
        // pointer's leaving ends the hover.
        if self.gesture == Gesture::Idle && device == Device::Mouse {
            Effect::Unhover
        } else {
            Effect::Nothing
        }
    }

    fn end(&mut self, pointer: i32) -> Effect {
        self.pointers.retain(|&(p, _)| p != pointer);
        let ended = self.dragged().map_or(Effect::Nothing, Effect::Release);
        self.gesture = Gesture::Idle;
        ended
    }

    /// The node a drag holds.
    fn dragged(&self) -> Option<usize> {
        match self.gesture {
            Gesture::Drag { node, .. } => Some(node),
            _ => None,
        }
    }
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

fn middle(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]
}

#[cfg(test)]
mod tests {
    use super::Effect::{Capture, Drag, Hover, Nothing, Pan, Pinch, Release, Select, Unhover};
    use super::*;

    /// One pointer event as the app hands it over.
    #[derive(Debug, Clone, Copy)]
    enum Input {
        /// A finger (`Device::Touch`, button 0) goes down.
        Down(i32, [f64; 2], Option<usize>),
        /// Pointer 1 of `device` goes down with `button`.
        Button(Device, i16, [f64; 2], Option<usize>),
        Move(i32, [f64; 2]),
        Up(i32),
        Cancel(i32),
        Leave(Device),
    }
    use Input::{Button, Cancel, Down, Leave, Move, Up};

    const TAKEN: Effect = Capture { release: None };

    fn feed(gestures: &mut Gestures, input: Input) -> Effect {
        match input {
            Down(pointer, at, node) => gestures.down(pointer, Device::Touch, 0, at, node),
            Button(device, button, at, node) => gestures.down(1, device, button, at, node),
            Move(pointer, at) => gestures.moved(pointer, at),
            Up(pointer) => gestures.up(pointer),
            Cancel(pointer) => gestures.cancel(pointer),
            Leave(device) => gestures.leave(device),
        }
    }

    /// Feeds each case's inputs to fresh gestures and checks every step's effect.
    fn run(cases: &[(&str, &[(Input, Effect)])]) {
        for (name, steps) in cases {
            let mut gestures = Gestures::default();
            for (i, &(input, want)) in steps.iter().enumerate() {
                let got = feed(&mut gestures, input);
                assert_eq!(got, want, "{name}: step {i}, {input:?}");
            }
        }
    }

    #[test]
    fn a_press_that_stays_put_is_a_tap_that_selects() {
        run(&[
            (
                "a tap on a node selects it",
                &[
                    (Down(1, [10.0, 10.0], Some(3)), TAKEN),
                    (Move(1, [12.0, 11.0]), Nothing),
                    (Up(1), Select(Some(3))),
                ],
            ),
            (
                "a tap on empty space clears the selection",
                &[(Down(1, [10.0, 10.0], None), TAKEN), (Up(1), Select(None))],
            ),
            (
                "a press may move exactly the slop and still be a tap",
                &[
                    (Down(1, [0.0, 0.0], Some(2)), TAKEN),
                    (Move(1, [CLICK_SLOP, 0.0]), Nothing),
                    (Up(1), Select(Some(2))),
                ],
            ),
            (
                "the main mouse button taps",
                &[
                    (Button(Device::Mouse, 0, [0.0, 0.0], Some(4)), TAKEN),
                    (Up(1), Select(Some(4))),
                ],
            ),
            (
                "a pen's other buttons press",
                &[
                    (Button(Device::Touch, 2, [0.0, 0.0], Some(4)), TAKEN),
                    (Up(1), Select(Some(4))),
                ],
            ),
            (
                "a pointer that goes down again is still one pointer, pressing where it is now",
                &[
                    (Down(1, [0.0, 0.0], None), TAKEN),
                    (Down(1, [50.0, 50.0], Some(2)), TAKEN),
                    (Move(1, [52.0, 50.0]), Nothing),
                    (Up(1), Select(Some(2))),
                ],
            ),
        ]);
    }

    #[test]
    fn a_press_that_moves_further_drags_a_node_or_pans_and_selects_nothing() {
        run(&[
            (
                "a press on a node that moves further drags it, selects nothing and lets it go",
                &[
                    (Down(1, [0.0, 0.0], Some(2)), TAKEN),
                    (
                        Move(1, [3.0, 4.0]),
                        Drag {
                            node: 2,
                            to: [3.0, 4.0],
                        },
                    ),
                    // Back within the slop, the drag goes on.
                    (
                        Move(1, [1.0, 1.0]),
                        Drag {
                            node: 2,
                            to: [1.0, 1.0],
                        },
                    ),
                    (Up(1), Release(2)),
                    (Move(1, [5.0, 5.0]), Hover([5.0, 5.0])),
                ],
            ),
            (
                "a press on empty space that moves further pans the whole way, step by step",
                &[
                    (Down(1, [10.0, 10.0], None), TAKEN),
                    (Move(1, [15.0, 10.0]), Pan([5.0, 0.0])),
                    (Move(1, [15.0, 20.0]), Pan([0.0, 10.0])),
                    (Up(1), Nothing),
                ],
            ),
        ]);
    }

    #[test]
    fn a_free_mouse_hovers() {
        run(&[
            (
                "a mouse with no button down hovers, and leaving ends the hover",
                &[
                    (Move(1, [7.0, 8.0]), Hover([7.0, 8.0])),
                    (Leave(Device::Mouse), Unhover),
                ],
            ),
            (
                "a finger leaving ends no hover",
                &[(Leave(Device::Touch), Nothing)],
            ),
            (
                "a mouse leaving mid-drag keeps the hover, which ends when it leaves after",
                &[
                    (Button(Device::Mouse, 0, [0.0, 0.0], Some(1)), TAKEN),
                    (
                        Move(1, [10.0, 0.0]),
                        Drag {
                            node: 1,
                            to: [10.0, 0.0],
                        },
                    ),
                    (Leave(Device::Mouse), Nothing),
                    (Up(1), Release(1)),
                    (Leave(Device::Mouse), Unhover),
                ],
            ),
            (
                "a mouse's other buttons are left to the browser",
                &[
                    (Button(Device::Mouse, 2, [0.0, 0.0], Some(4)), Nothing),
                    (Move(1, [10.0, 0.0]), Hover([10.0, 0.0])),
                    (Up(1), Nothing),
                ],
            ),
        ]);
    }

    #[test]
    fn two_pointers_pinch_zoom_about_their_middle() {
        run(&[
            (
                "two fingers zoom about their middle and pan as it moves",
                &[
                    (Down(1, [0.0, 0.0], None), TAKEN),
                    (Down(2, [100.0, 0.0], Some(5)), TAKEN),
                    (
                        Move(2, [200.0, 0.0]),
                        Pinch {
                            factor: 2.0,
                            around: [100.0, 0.0],
                            by: [50.0, 0.0],
                        },
                    ),
                    (
                        Move(1, [100.0, 0.0]),
                        Pinch {
                            factor: 0.5,
                            around: [150.0, 0.0],
                            by: [50.0, 0.0],
                        },
                    ),
                    // Any pointer's move recomputes the pinch, which has not changed.
                    (
                        Move(9, [0.0, 0.0]),
                        Pinch {
                            factor: 1.0,
                            around: [150.0, 0.0],
                            by: [0.0, 0.0],
                        },
                    ),
                ],
            ),
            (
                "lifting one finger of a pinch ends it: the other pans nothing and taps nothing",
                &[
                    (Down(1, [0.0, 0.0], None), TAKEN),
                    (Down(2, [100.0, 0.0], None), TAKEN),
                    (Up(2), Nothing),
                    (Move(1, [90.0, 0.0]), Hover([90.0, 0.0])),
                    (Up(1), Nothing),
                ],
            ),
            (
                "two fingers down at one point zoom by nothing until they part",
                &[
                    (Down(1, [5.0, 5.0], None), TAKEN),
                    (Down(2, [5.0, 5.0], None), TAKEN),
                    (
                        Move(2, [5.0, 15.0]),
                        Pinch {
                            factor: 1.0,
                            around: [5.0, 10.0],
                            by: [0.0, 5.0],
                        },
                    ),
                ],
            ),
            (
                "a second finger turns a drag into a pinch and lets the node go",
                &[
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (
                        Move(1, [10.0, 0.0]),
                        Drag {
                            node: 3,
                            to: [10.0, 0.0],
                        },
                    ),
                    (Down(2, [10.0, 30.0], None), Capture { release: Some(3) }),
                    (
                        Move(2, [10.0, 60.0]),
                        Pinch {
                            factor: 2.0,
                            around: [10.0, 30.0],
                            by: [0.0, 15.0],
                        },
                    ),
                    (Up(1), Nothing),
                ],
            ),
            (
                "a second finger during a press makes it no tap",
                &[
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (Down(2, [0.0, 40.0], None), TAKEN),
                    (Up(2), Nothing),
                    (Up(1), Nothing),
                ],
            ),
            (
                "a third finger stops the pinch, and lifting it ends the gesture",
                &[
                    (Down(1, [0.0, 0.0], None), TAKEN),
                    (Down(2, [100.0, 0.0], None), TAKEN),
                    (Down(3, [50.0, 50.0], None), TAKEN),
                    (Move(3, [50.0, 90.0]), Nothing),
                    (Move(1, [-100.0, 0.0]), Nothing),
                    (Up(3), Nothing),
                    (Move(1, [-90.0, 0.0]), Hover([-90.0, 0.0])),
                ],
            ),
        ]);
    }

    #[test]
    fn a_cancel_ends_the_gesture_and_selects_nothing() {
        run(&[
            (
                "a cancelled press selects nothing",
                &[
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (Cancel(1), Nothing),
                    (Move(1, [1.0, 1.0]), Hover([1.0, 1.0])),
                ],
            ),
            (
                "a cancelled drag lets the node go",
                &[
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (
                        Move(1, [0.0, 10.0]),
                        Drag {
                            node: 3,
                            to: [0.0, 10.0],
                        },
                    ),
                    (Cancel(1), Release(3)),
                ],
            ),
            (
                "a cancelled pinch ends",
                &[
                    (Down(1, [0.0, 0.0], None), TAKEN),
                    (Down(2, [100.0, 0.0], None), TAKEN),
                    (Cancel(1), Nothing),
                    (Move(2, [120.0, 0.0]), Hover([120.0, 0.0])),
                ],
            ),
        ]);
    }

    #[test]
    fn other_pointers_moves_are_ignored_but_their_lifting_ends_the_gesture() {
        run(&[
            (
                "other pointers' moves neither drag, pan nor spoil a tap",
                &[
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (Move(9, [50.0, 50.0]), Nothing),
                    (Up(1), Select(Some(3))),
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (
                        Move(1, [10.0, 0.0]),
                        Drag {
                            node: 3,
                            to: [10.0, 0.0],
                        },
                    ),
                    (Move(9, [50.0, 50.0]), Nothing),
                    (Up(1), Release(3)),
                    (Down(1, [0.0, 0.0], None), TAKEN),
                    (Move(1, [10.0, 0.0]), Pan([10.0, 0.0])),
                    (Move(9, [50.0, 50.0]), Nothing),
                    (Move(1, [20.0, 0.0]), Pan([10.0, 0.0])),
                ],
            ),
            (
                "any pointer's lifting ends the gesture, even one that never pressed here",
                &[
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (Up(9), Nothing),
                    (Up(1), Nothing),
                    (Down(1, [0.0, 0.0], Some(3)), TAKEN),
                    (
                        Move(1, [10.0, 0.0]),
                        Drag {
                            node: 3,
                            to: [10.0, 0.0],
                        },
                    ),
                    (Up(9), Release(3)),
                    (Move(1, [20.0, 0.0]), Hover([20.0, 0.0])),
                ],
            ),
        ]);
    }
}

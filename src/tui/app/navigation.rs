//! Where the reader is and how they got there: the screen, the pane in
//! focus, the selection of each list, the claim being followed, and the
//! history that `back` walks. Opening a claim, a passage, an article or a
//! comparison goes through here, so every step can be taken back.

use newsdigest::PassageRef;

use super::{App, Filters};
use crate::tui::action::Action;
pub use crate::tui::layout::Pane;

/// How many screens `back` remembers.
const HISTORY_LIMIT: usize = 100;

/// A selection in a list and the first item shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    pub(super) fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len as isize - 1) as usize;
    }

    pub(super) fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Moves the offset the least so that the selected item is in view
    /// (the selected item alone may be taller than the rows).
    pub(super) fn fit(&mut self, len: usize, rows: usize, height: impl Fn(usize) -> usize) {
        if len == 0 {
            *self = ListCursor::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        // Walk back from the selection while the items still fit.
        let mut used = height(self.selected);
        let mut first = self.selected;
        while first > self.offset && used + height(first - 1) <= rows {
            first -= 1;
            used += height(first);
        }
        self.offset = first;
    }
}

/// Following one claim's supporting passages with `n` / `N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trail {
    pub claim: usize,
    /// Index into the claim's `support`.
    pub position: usize,
}

/// Where the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderState {
    pub article: usize,
    /// First screen line shown.
    pub top: usize,
    /// The screen line under the cursor.
    pub cursor: usize,
    /// The passage jumped to, highlighted.
    pub target: Option<usize>,
    pub trail: Option<Trail>,
}

/// The compare view: one claim, and the passage or denying claim selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareState {
    pub claim: usize,
    pub cursor: ListCursor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Main,
    Reader(ReaderState),
    /// Every dispute and discrepancy, one side of each selectable.
    Disagreements(ListCursor),
    /// One claim's passages by stance, and the claims denying it.
    Compare(CompareState),
}

/// A screen to go back to, and the claim to select again there when the
/// step away changed it (a jump to a denial in the claim list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub screen: Screen,
    pub claim: Option<usize>,
}

/// The last jump between a claim and a claim that denies it (or that it
/// denies): the same key goes back, then on to the next counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DenialJump {
    pub from: usize,
    pub to: usize,
    /// The history's length right after the jump: going back with the
    /// same key is only offered while nothing else was stepped into.
    pub depth: usize,
}

/// The claims of the reader's current line, to pick one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimPicker {
    pub claims: Vec<usize>,
    pub selected: usize,
}

impl App {
    pub(super) fn selected_support(&self) -> &[PassageRef] {
        self.selected_claim()
            .and_then(|c| self.story.digest.claims.get(c))
            .map_or(&[], |c| c.support.as_slice())
    }

    /// The claim selected in the claim list (which the filters may narrow).
    pub fn selected_claim(&self) -> Option<usize> {
        self.shown_claims.get(self.claims.selected).copied()
    }

    /// Selects a claim in the list; when the filters hide it, they are
    /// cleared first, and the status bar says so.
    pub(super) fn show_claim(&mut self, claim: usize) {
        if !self.shown_claims.contains(&claim) && !self.filters.is_empty() {
            self.filters = Filters::default();
            self.apply_filters();
            self.message = Some("Filters cleared to show the claim".to_string());
        }
        if let Some(row) = self.shown_claims.iter().position(|&c| c == claim) {
            self.claims.select(row, self.shown_claims.len());
        }
    }

    pub(super) fn cursor(&mut self, pane: Pane) -> &mut ListCursor {
        match pane {
            Pane::Articles => &mut self.articles,
            Pane::Claims => &mut self.claims,
            Pane::Passages => &mut self.passages,
        }
    }

    pub(super) fn move_in_pane(&mut self, pane: Pane, delta: isize) {
        let len = self.pane_len(pane);
        let before = self.claims.selected;
        self.cursor(pane).move_by(delta, len);
        if pane == Pane::Claims && self.claims.selected != before {
            self.passages = ListCursor::default();
        }
    }

    pub(super) fn push_history(&mut self) {
        self.push_place(None);
    }

    pub(super) fn push_place(&mut self, claim: Option<usize>) {
        self.history.push(Place {
            screen: self.screen,
            claim,
        });
        if self.history.len() > HISTORY_LIMIT {
            self.history.remove(0);
        }
    }

    /// Returns to the previous place; false when there is none.
    pub(super) fn go_back(&mut self) -> bool {
        let Some(place) = self.history.pop() else {
            return false;
        };
        if let Some(claim) = place.claim
            && Some(claim) != self.selected_claim()
        {
            self.show_claim(claim);
            self.passages = ListCursor::default();
        }
        self.screen = place.screen;
        self.relayout_reader();
        true
    }

    /// From a claim to a claim that denies it, or that it denies. On the
    /// claim just jumped to, the same key goes back; from where the jump
    /// started, it goes on to the next counterpart, round and round.
    pub(super) fn denial(&mut self, claim: usize) {
        let Some(current_id) = self.story.digest.claims.get(claim).map(|c| c.id.clone()) else {
            return;
        };
        let key = self.key_for(Action::Denial);
        if let Some(jump) = self.denial_jump
            && jump.to == claim
            && jump.depth == self.history.len()
            && self.go_back()
        {
            let total = self.story.counterparts(jump.from).len();
            let from = self
                .story
                .digest
                .claims
                .get(jump.from)
                .map_or("", |c| c.id.as_str());
            self.message = Some(if total > 1 {
                format!("Back at {from} · {key} goes on to the next of {total}")
            } else {
                format!("Back at {from}")
            });
            return;
        }
        let others = self.story.counterparts(claim);
        if others.is_empty() {
            self.message = Some(format!("{current_id} is not disputed and denies no claim"));
            return;
        }
        let next = match self.denial_jump {
            Some(jump) if jump.from == claim => others
                .iter()
                .position(|(other, _)| *other == jump.to)
                .map_or(0, |i| (i + 1) % others.len()),
            _ => 0,
        };
        let (other, dispute) = others[next];
        let summary = self.story.dispute_summary(dispute);
        let position = if others.len() > 1 {
            format!(" · {} of {}", next + 1, others.len())
        } else {
            String::new()
        };
        let arrival = if dispute.asserting == other {
            dispute.passages.0
        } else {
            dispute.passages.1
        };
        match self.screen {
            Screen::Reader(_) => self.open_passage(arrival, Some(other)),
            _ => {
                self.push_place(Some(claim));
                self.show_claim(other);
                self.passages = ListCursor::default();
            }
        }
        self.denial_jump = Some(DenialJump {
            from: claim,
            to: other,
            depth: self.history.len(),
        });
        self.message = Some(format!("{summary}{position} · {key} goes back"));
    }

    pub(super) fn open_disagreements(&mut self) {
        self.push_history();
        self.screen = Screen::Disagreements(ListCursor::default());
        if self.story.disagreement_sides.is_empty() {
            self.message = Some("The sources agree: no dispute or discrepancy found".to_string());
        }
    }

    pub(super) fn open_compare(&mut self, claim: usize) {
        if claim >= self.story.digest.claims.len() {
            return;
        }
        self.push_history();
        self.screen = Screen::Compare(CompareState {
            claim,
            cursor: ListCursor::default(),
        });
    }

    /// Opens the reader at a passage: on its claim's trail when it has one,
    /// so `n` / `N` go on through that claim's passages.
    pub(super) fn open_passage(&mut self, passage: PassageRef, claim: Option<usize>) {
        let on_trail = claim.and_then(|c| {
            let position = self
                .story
                .digest
                .claims
                .get(c)?
                .support
                .iter()
                .position(|r| *r == passage)?;
            Some((c, position))
        });
        if let Some((claim, position)) = on_trail {
            self.open_claim(claim, position);
            return;
        }
        if passage.article >= self.story.corpus.articles.len() {
            return;
        }
        self.push_history();
        self.screen = Screen::Reader(ReaderState {
            article: passage.article,
            top: 0,
            cursor: 0,
            target: Some(passage.passage),
            trail: None,
        });
        self.show_passage(passage);
    }

    pub(super) fn open_article(&mut self, article: usize) {
        if article >= self.story.corpus.articles.len() {
            return;
        }
        self.push_history();
        self.screen = Screen::Reader(ReaderState {
            article,
            top: 0,
            cursor: 0,
            target: None,
            trail: None,
        });
        self.relayout_reader();
    }

    /// Opens the reader at one supporting passage of a claim.
    pub(super) fn open_claim(&mut self, claim: usize, position: usize) {
        let Some(c) = self.story.digest.claims.get(claim) else {
            return;
        };
        let position = position.min(c.support.len().saturating_sub(1));
        let support = c.support.len();
        self.picker = None;
        self.show_claim(claim);
        self.passages.select(position, support);
        self.push_history();
        self.screen = Screen::Reader(ReaderState {
            article: 0,
            top: 0,
            cursor: 0,
            target: None,
            trail: Some(Trail { claim, position }),
        });
        self.follow_trail();
    }

    /// Moves the reader to the trail's current passage.
    pub(super) fn follow_trail(&mut self) {
        let Screen::Reader(mut state) = self.screen else {
            return;
        };
        let Some(trail) = state.trail else {
            return;
        };
        let Some(r) = self
            .story
            .digest
            .claims
            .get(trail.claim)
            .and_then(|c| c.support.get(trail.position))
            .copied()
        else {
            return;
        };
        state.article = r.article;
        state.target = Some(r.passage);
        self.screen = Screen::Reader(state);
        self.show_passage(r);
    }

    pub(super) fn step_trail(&mut self, mut state: ReaderState, forward: bool) {
        let Some(mut trail) = state.trail else {
            self.message =
                Some("n and N follow a claim's passages: open a claim first".to_string());
            return;
        };
        let count = self
            .story
            .digest
            .claims
            .get(trail.claim)
            .map_or(0, |c| c.support.len());
        let next = if forward {
            trail.position + 1
        } else {
            trail.position.wrapping_sub(1)
        };
        if next >= count {
            self.message = Some(if forward {
                format!("That was the last of {count} passages · N goes back")
            } else {
                "That was the first passage · n goes on".to_string()
            });
            return;
        }
        trail.position = next;
        state.trail = Some(trail);
        self.screen = Screen::Reader(state);
        self.passages.select(next, count);
        self.follow_trail();
    }
}

#[cfg(test)]
mod tests {
    use super::ListCursor;

    #[test]
    fn fit_scrolls_the_least_to_show_the_selection() {
        let heights = [2, 3, 1, 4, 2];
        let h = |i: usize| heights[i];
        let mut c = ListCursor {
            selected: 3,
            offset: 0,
        };
        c.fit(5, 6, h);
        // Items 2 and 3 take 5 rows; adding item 1 would need 8.
        assert_eq!(c.offset, 2);
        c.selected = 4;
        c.fit(5, 6, h);
        assert_eq!(c.offset, 3);
        c.selected = 0;
        c.fit(5, 6, h);
        assert_eq!(c.offset, 0);
        // Taller than the rows: the selected item starts the view.
        c.selected = 3;
        c.fit(5, 3, h);
        assert_eq!(c.offset, 3);
        c.selected = 9;
        c.fit(5, 100, h);
        assert_eq!((c.selected, c.offset), (4, 3), "already in view: no scroll");
    }
}

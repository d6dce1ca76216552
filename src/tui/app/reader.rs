//! What an action does in the reader, and what is under its cursor.

use newsdigest::PassageRef;

use super::{App, ClaimPicker, FindState, ReaderState, Screen, clamp_reader};
use crate::tui::action::Action;

impl App {
    pub(super) fn update_reader(&mut self, mut state: ReaderState, action: Action) {
        let height = self.reader_height();
        let half = (height / 2).max(1);
        let len = self.reader_text.as_ref().map_or(1, |t| t.lines.len());
        let scroll = |state: &mut ReaderState, delta: isize| {
            state.cursor = (state.cursor as isize + delta).max(0) as usize;
            state.top = (state.top as isize + delta).max(0) as usize;
        };
        match action {
            Action::Up => state.cursor = state.cursor.saturating_sub(1),
            Action::Down => state.cursor += 1,
            Action::First => {
                state.cursor = 0;
                state.top = 0;
            }
            Action::Last => {
                state.cursor = len.saturating_sub(1);
                state.top = len;
            }
            Action::HalfPageDown => scroll(&mut state, half as isize),
            Action::HalfPageUp => scroll(&mut state, -(half as isize)),
            Action::PageDown => scroll(&mut state, height as isize),
            Action::PageUp => scroll(&mut state, -(height as isize)),
            Action::NextPassage | Action::PreviousPassage
                if self
                    .find
                    .as_ref()
                    .is_some_and(|f| f.article == state.article) =>
            {
                self.step_find(action == Action::NextPassage);
                return;
            }
            Action::NextPassage | Action::PreviousPassage => {
                self.step_trail(state, action == Action::NextPassage);
                return;
            }
            Action::Copy => {
                match self.passage_at_cursor(&state) {
                    Some(r) => self.copy_passage(r),
                    None => self.message = Some("No passage on this line to copy".to_string()),
                }
                return;
            }
            Action::OpenExternal => {
                let offset = self
                    .reader_text
                    .as_ref()
                    .and_then(|t| t.lines.get(state.cursor))
                    .map_or(0, |l| l.bytes.start);
                self.open_external(state.article, offset);
                return;
            }
            Action::Compare => {
                let claim = state
                    .trail
                    .map(|t| t.claim)
                    .or_else(|| self.claims_at_cursor(&state).first().copied());
                match claim {
                    Some(claim) => self.open_compare(claim),
                    None => self.message = Some("No claim on this line".to_string()),
                }
                return;
            }
            Action::Find => {
                self.find = Some(FindState {
                    editing: true,
                    article: state.article,
                    ..FindState::default()
                });
                return;
            }
            Action::Back if self.find.is_some() => {
                self.find = None;
                return;
            }
            Action::ClaimsHere | Action::Open => {
                self.pick_claims_here(state);
                return;
            }
            Action::Denial => {
                self.denial_in_reader(state);
                return;
            }
            Action::Disagreements => {
                self.open_disagreements();
                return;
            }
            Action::Back => {
                if !self.go_back() {
                    self.screen = Screen::Main;
                }
                return;
            }
            _ => {}
        }
        clamp_reader(&mut state, len, height);
        self.screen = Screen::Reader(state);
    }

    /// The claims of the passages on the cursor's line.
    pub(super) fn claims_at_cursor(&self, state: &ReaderState) -> Vec<usize> {
        let Some(line) = self
            .reader_text
            .as_ref()
            .and_then(|t| t.lines.get(state.cursor))
        else {
            return Vec::new();
        };
        let article = &self.story.corpus.articles[state.article];
        let mut claims = Vec::new();
        for p in &article.passages {
            let overlaps = p.span.start < line.bytes.end.max(line.bytes.start + 1)
                && line.bytes.start < p.span.end;
            if overlaps {
                for &c in self.story.digest.claims_of(PassageRef {
                    article: state.article,
                    passage: p.index,
                }) {
                    if !claims.contains(&c) {
                        claims.push(c);
                    }
                }
            }
        }
        claims
    }

    /// The passage on the reader's cursor line: the one jumped to when it
    /// is there, else the first.
    pub(super) fn passage_at_cursor(&self, state: &ReaderState) -> Option<PassageRef> {
        let line = self.reader_text.as_ref()?.lines.get(state.cursor)?;
        let article = self.story.corpus.articles.get(state.article)?;
        let on_line = |p: &&newsdigest::Passage| {
            p.span.start < line.bytes.end.max(line.bytes.start + 1) && line.bytes.start < p.span.end
        };
        let mut here = article.passages.iter().filter(on_line);
        let first = here.next()?;
        let chosen = std::iter::once(first)
            .chain(here)
            .find(|p| state.target == Some(p.index))
            .unwrap_or(first);
        Some(PassageRef {
            article: state.article,
            passage: chosen.index,
        })
    }

    pub(super) fn pick_claims_here(&mut self, state: ReaderState) {
        let claims = self.claims_at_cursor(&state);
        if claims.is_empty() {
            self.message = Some("No claim on this line".to_string());
        } else {
            self.picker = Some(ClaimPicker {
                claims,
                selected: 0,
            });
        }
    }

    /// The reader's claim for a denial: the one whose passages it follows,
    /// else the first disputed claim of the cursor's line.
    pub(super) fn denial_in_reader(&mut self, state: ReaderState) {
        let claim = state.trail.map(|t| t.claim).or_else(|| {
            let here = self.claims_at_cursor(&state);
            here.iter()
                .copied()
                .find(|&c| self.story.disagreements.disputes_of(c).next().is_some())
                .or_else(|| here.first().copied())
        });
        match claim {
            Some(claim) => self.denial(claim),
            None => self.message = Some("No claim on this line".to_string()),
        }
    }
}

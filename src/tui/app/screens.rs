//! What an action does on the main screen, in the claim picker, in the
//! disagreements view and in the compare view.

use super::{App, CompareState, ListCursor, Pane, Screen};
use crate::tui::action::Action;
use crate::tui::rows::compare::{self, CompareItem};

impl App {
    pub(super) fn update_main(&mut self, action: Action) {
        let pane = self.focus;
        let page = self.items_per_page(pane) as isize;
        match action {
            Action::Up => self.move_in_pane(pane, -1),
            Action::Down => self.move_in_pane(pane, 1),
            Action::First => self.move_in_pane(pane, isize::MIN / 2),
            Action::Last => self.move_in_pane(pane, isize::MAX / 2),
            Action::HalfPageDown => self.move_in_pane(pane, (page / 2).max(1)),
            Action::HalfPageUp => self.move_in_pane(pane, -(page / 2).max(1)),
            Action::PageDown => self.move_in_pane(pane, page),
            Action::PageUp => self.move_in_pane(pane, -page),
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Pane::Articles => Pane::Claims,
                    Pane::Claims => Pane::Passages,
                    Pane::Passages => Pane::Articles,
                }
            }
            Action::PreviousPane => {
                self.focus = match self.focus {
                    Pane::Articles => Pane::Passages,
                    Pane::Claims => Pane::Articles,
                    Pane::Passages => Pane::Claims,
                }
            }
            Action::NextPassage => self.move_in_pane(Pane::Passages, 1),
            Action::PreviousPassage => self.move_in_pane(Pane::Passages, -1),
            Action::Denial => {
                if let Some(claim) = self.selected_claim() {
                    self.denial(claim);
                }
            }
            Action::Disagreements => self.open_disagreements(),
            Action::Compare => {
                if let Some(claim) = self.selected_claim() {
                    self.open_compare(claim);
                }
            }
            Action::FilterArticle
            | Action::FilterSource
            | Action::FilterStance
            | Action::FilterDisputed
            | Action::ClearFilters => self.update_filters(action),
            Action::Copy => match pane {
                Pane::Passages => {
                    if let Some(&r) = self.selected_support().get(self.passages.selected) {
                        self.copy_passage(r);
                    }
                }
                _ => {
                    if let Some(claim) = self.selected_claim() {
                        self.copy_claim(claim);
                    }
                }
            },
            Action::OpenExternal => {
                let at = match pane {
                    Pane::Articles => Some((self.articles.selected, 0)),
                    Pane::Claims => self
                        .selected_claim()
                        .and_then(|c| self.story.digest.claims.get(c))
                        .map(|c| c.representative)
                        .and_then(|r| self.story.passage_start(r)),
                    Pane::Passages => self
                        .selected_support()
                        .get(self.passages.selected)
                        .copied()
                        .and_then(|r| self.story.passage_start(r)),
                };
                if let Some((article, offset)) = at {
                    self.open_external(article, offset);
                }
            }
            Action::Open => match pane {
                Pane::Articles => self.open_article(self.articles.selected),
                Pane::Claims | Pane::Passages => {
                    let position = if pane == Pane::Passages {
                        self.passages.selected
                    } else {
                        0
                    };
                    if let Some(claim) = self.selected_claim() {
                        self.open_claim(claim, position);
                    }
                }
            },
            Action::Back => {
                let went_back = self.go_back();
                if !went_back {
                    self.message = Some("Nothing to go back to · q quits".to_string());
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let Some(picker) = self.picker.as_mut() else {
            return;
        };
        let len = picker.claims.len();
        match action {
            Action::Back => self.picker = None,
            Action::Down => picker.selected = (picker.selected + 1).min(len.saturating_sub(1)),
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::First => picker.selected = 0,
            Action::Last => picker.selected = len.saturating_sub(1),
            Action::Open => {
                let claim = picker.claims.get(picker.selected).copied();
                self.picker = None;
                if let Some(claim) = claim {
                    self.push_history();
                    self.screen = Screen::Main;
                    self.focus = Pane::Claims;
                    self.show_claim(claim);
                    self.passages = ListCursor::default();
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_disagreements(&mut self, mut cursor: ListCursor, action: Action) {
        let len = self.story.disagreement_sides.len();
        let page = self.sides_per_page(cursor) as isize;
        match action {
            Action::Up => cursor.move_by(-1, len),
            Action::Down => cursor.move_by(1, len),
            Action::First => cursor.move_by(isize::MIN / 2, len),
            Action::Last => cursor.move_by(isize::MAX / 2, len),
            Action::HalfPageDown => cursor.move_by((page / 2).max(1), len),
            Action::HalfPageUp => cursor.move_by(-(page / 2).max(1), len),
            Action::PageDown => cursor.move_by(page, len),
            Action::PageUp => cursor.move_by(-page, len),
            Action::Open => {
                self.screen = Screen::Disagreements(cursor);
                if let Some(side) = self.story.disagreement_sides.get(cursor.selected).copied() {
                    self.open_passage(side.passage, side.claim);
                }
                return;
            }
            Action::Back | Action::Disagreements => {
                if !self.go_back() {
                    self.screen = Screen::Main;
                }
                return;
            }
            Action::Copy | Action::OpenExternal => {
                if let Some(side) = self.story.disagreement_sides.get(cursor.selected).copied() {
                    if action == Action::Copy {
                        self.copy_passage(side.passage);
                    } else if let Some((article, offset)) = self.story.passage_start(side.passage) {
                        self.open_external(article, offset);
                    }
                }
            }
            _ => {}
        }
        self.screen = Screen::Disagreements(cursor);
    }

    pub(super) fn update_compare(&mut self, mut state: CompareState, action: Action) {
        let items = compare::items(&self.rows(), state.claim);
        let len = items.len();
        let page = (self.reader_height() / 4).max(1) as isize;
        match action {
            Action::Up => state.cursor.move_by(-1, len),
            Action::Down => state.cursor.move_by(1, len),
            Action::First => state.cursor.move_by(isize::MIN / 2, len),
            Action::Last => state.cursor.move_by(isize::MAX / 2, len),
            Action::HalfPageDown => state.cursor.move_by((page / 2).max(1), len),
            Action::HalfPageUp => state.cursor.move_by(-(page / 2).max(1), len),
            Action::PageDown => state.cursor.move_by(page, len),
            Action::PageUp => state.cursor.move_by(-page, len),
            Action::Open => {
                match items.get(state.cursor.selected) {
                    Some(CompareItem::Passage { passage, .. }) => {
                        let passage = *passage;
                        self.screen = Screen::Compare(state);
                        self.open_passage(passage, Some(state.claim));
                    }
                    Some(CompareItem::Discrepant { passage, .. }) => {
                        let passage = *passage;
                        let claim = self.story.digest.claims_of(passage).first().copied();
                        self.screen = Screen::Compare(state);
                        self.open_passage(passage, claim);
                    }
                    Some(CompareItem::Denier { claim, .. }) => {
                        let claim = *claim;
                        self.screen = Screen::Compare(state);
                        self.open_compare(claim);
                    }
                    None => {}
                }
                return;
            }
            Action::Denial => {
                let denier = items.iter().find_map(|i| match i {
                    CompareItem::Denier { claim, .. } => Some(*claim),
                    _ => None,
                });
                match denier {
                    Some(claim) => {
                        self.screen = Screen::Compare(state);
                        self.open_compare(claim);
                        return;
                    }
                    None => {
                        let id = self
                            .story
                            .digest
                            .claims
                            .get(state.claim)
                            .map_or(String::new(), |c| c.id.clone());
                        // A claim that denies others compares with the first of them.
                        match self
                            .story
                            .counterparts(state.claim)
                            .first()
                            .map(|(c, _)| *c)
                        {
                            Some(other) => {
                                self.screen = Screen::Compare(state);
                                self.open_compare(other);
                                return;
                            }
                            None => {
                                self.message =
                                    Some(format!("{id} is not disputed and denies no claim"));
                            }
                        }
                    }
                }
            }
            Action::Copy | Action::OpenExternal => {
                if let Some(
                    CompareItem::Passage { passage, .. } | CompareItem::Discrepant { passage, .. },
                ) = items.get(state.cursor.selected)
                {
                    if action == Action::Copy {
                        self.copy_passage(*passage);
                    } else if let Some((article, offset)) = self.story.passage_start(*passage) {
                        self.open_external(article, offset);
                    }
                }
            }
            Action::Disagreements => {
                self.screen = Screen::Compare(state);
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
        self.screen = Screen::Compare(state);
    }
}

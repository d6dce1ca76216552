//! The mouse: the wheel scrolls what is under it, a click selects the
//! item under it (measured as the views draw it), a double click opens.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::{App, ListCursor, Pane, Screen, clamp_reader};
use crate::tui::action::Action;
use crate::tui::layout;
use crate::tui::rows::{self, compare};

/// Lines per mouse wheel step in the reader.
const WHEEL_LINES: i16 = 3;

/// Two clicks on one cell within this long are a double click, which opens.
const DOUBLE_CLICK: std::time::Duration = std::time::Duration::from_millis(400);

impl App {
    pub(super) fn handle_mouse(&mut self, mouse: &MouseEvent) {
        let (column, row) = (mouse.column, mouse.row);
        match mouse.kind {
            MouseEventKind::ScrollDown => self.update(Action::Scroll {
                column,
                row,
                lines: 1,
            }),
            MouseEventKind::ScrollUp => self.update(Action::Scroll {
                column,
                row,
                lines: -1,
            }),
            MouseEventKind::Down(MouseButton::Left) => {
                let here = Position::new(column, row);
                let now = std::time::Instant::now();
                let double = self.last_click.is_some_and(|(when, at)| {
                    at == here && now.duration_since(when) <= DOUBLE_CLICK
                });
                let overlay = self.help.is_some() || self.picker.is_some();
                self.update(Action::Click { column, row });
                if double && !overlay {
                    // A third click starts over rather than opening again.
                    self.last_click = None;
                    self.update(Action::Open);
                } else {
                    self.last_click = Some((now, here));
                }
            }
            _ => {}
        }
    }

    pub(super) fn pane_at(&self, position: Position) -> Option<Pane> {
        let areas = self.main_areas();
        [
            (Pane::Articles, areas.articles),
            (Pane::Claims, areas.claims),
            (Pane::Passages, areas.passages),
        ]
        .into_iter()
        .find(|(_, rect)| rect.contains(position))
        .map(|(pane, _)| pane)
    }

    pub(super) fn scroll_at(&mut self, position: Position, lines: i16) {
        if self.help.is_some() {
            self.update_help(if lines > 0 { Action::Down } else { Action::Up });
            return;
        }
        if self.search.is_some() {
            self.update_search(if lines > 0 { Action::Down } else { Action::Up });
            return;
        }
        match self.screen {
            Screen::Main => {
                if let Some(pane) = self.pane_at(position) {
                    self.move_in_pane(pane, lines as isize);
                }
            }
            Screen::Reader(mut state) => {
                let height = self.reader_height();
                let len = self.reader_text.as_ref().map_or(1, |t| t.lines.len());
                let delta = (lines * WHEEL_LINES) as isize;
                state.top = (state.top as isize + delta).max(0) as usize;
                state.top = state.top.min(len.saturating_sub(height));
                state.cursor = state.cursor.clamp(state.top, state.top + height - 1);
                clamp_reader(&mut state, len, height);
                self.screen = Screen::Reader(state);
            }
            Screen::Disagreements(cursor) => {
                self.update_disagreements(cursor, if lines > 0 { Action::Down } else { Action::Up })
            }
            Screen::Compare(state) => {
                self.update_compare(state, if lines > 0 { Action::Down } else { Action::Up })
            }
        }
    }

    pub(super) fn click_at(&mut self, position: Position) {
        if self.help.is_some() || self.picker.is_some() {
            return;
        }
        if let Some(search) = self.search.as_mut() {
            let results = layout::search_areas(self.area).results;
            if results.contains(position) {
                let index = search.results.offset + (position.y - results.y) as usize;
                search.results.select(index, search.hits.len());
            }
            return;
        }
        match self.screen {
            Screen::Main => {
                let Some(pane) = self.pane_at(position) else {
                    return;
                };
                // The rows as they were seen: focusing a pane resizes the
                // panes once this click is handled.
                let rect = self.pane_rect(pane);
                self.focus = pane;
                if !rect.contains(position) {
                    return;
                }
                let mut row = (position.y - rect.y) as usize;
                let first = match pane {
                    Pane::Articles => self.articles.offset,
                    Pane::Claims => self.claims.offset,
                    Pane::Passages => self.passages.offset,
                };
                for i in first..self.pane_len(pane) {
                    let height = self.item_height(pane, i);
                    if row < height {
                        let len = self.pane_len(pane);
                        let before = self.claims.selected;
                        self.cursor(pane).select(i, len);
                        if pane == Pane::Claims && before != i {
                            self.passages = ListCursor::default();
                        }
                        break;
                    }
                    row -= height;
                }
            }
            Screen::Reader(mut state) => {
                let text = layout::reader_areas(self.area).body;
                if text.contains(position) {
                    state.cursor = state.top + (position.y - text.y) as usize;
                    let len = self.reader_text.as_ref().map_or(1, |t| t.lines.len());
                    clamp_reader(&mut state, len, self.reader_height());
                    self.screen = Screen::Reader(state);
                }
            }
            Screen::Compare(mut state) => {
                for (text, lines) in compare::columns(&self.rows(), state.claim, self.area) {
                    if !text.contains(position) {
                        continue;
                    }
                    let top =
                        compare::first_shown(&lines, state.cursor.selected, text.height as usize);
                    let row = top + (position.y - text.y) as usize;
                    if let Some(((_, true), Some(item))) = lines.get(row) {
                        let len = compare::items(&self.rows(), state.claim).len();
                        state.cursor.select(*item, len);
                        self.screen = Screen::Compare(state);
                    }
                }
            }
            Screen::Disagreements(mut cursor) => {
                let text = layout::reader_areas(self.area).text;
                if !text.contains(position) {
                    return;
                }
                let mut row = (position.y - text.y) as usize;
                for i in cursor.offset..self.story.disagreement_sides.len() {
                    let height = rows::disagreements::side_lines(&self.rows(), i, text.width).len();
                    if row < height {
                        cursor.select(i, self.story.disagreement_sides.len());
                        self.screen = Screen::Disagreements(cursor);
                        return;
                    }
                    row -= height;
                }
            }
        }
    }
}

//! Sizes: where each pane's items go, how many rows an item takes, how
//! many fit, and the reader's text wrapped to the window. Rows are
//! measured by computing them (`crate::tui::rows`), the same rows the
//! views draw, so what is measured is what is shown.

use newsdigest::PassageRef;
use ratatui::layout::Rect;

use super::{App, ListCursor, Pane, ReaderState, Screen};
use crate::tui::layout::{self, MainAreas};
use crate::tui::rows::{self, ReaderText};

impl App {
    /// Lines of the help overlay at the window's size.
    pub(super) fn help_lines(&self) -> usize {
        let width = layout::inner(layout::help_area(self.area)).width;
        rows::help::lines(&self.rows(), width).len()
    }

    pub(super) fn main_areas(&self) -> MainAreas {
        layout::main_areas(self.area, self.story.corpus.articles.len(), self.focus)
    }

    /// Rows of a pane's list and the number of items in it.
    pub(super) fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Articles => self.story.corpus.articles.len(),
            Pane::Claims => self.shown_claims.len(),
            Pane::Passages => self.selected_support().len(),
        }
    }

    /// Where a pane's items go: inside its border, and in the passages
    /// pane below the selected claim's detail.
    pub(super) fn pane_rect(&self, pane: Pane) -> Rect {
        let areas = self.main_areas();
        match pane {
            Pane::Articles => layout::inner(areas.articles),
            Pane::Claims => layout::inner(areas.claims),
            Pane::Passages => {
                let inner = layout::inner(areas.passages);
                let detail =
                    rows::passages::header_lines(&self.rows(), self.selected_claim(), inner.width);
                let room = layout::detail_rows(inner.height, self.focus == Pane::Passages);
                let header = (detail.len() as u16).min(room);
                Rect {
                    y: inner.y + header,
                    height: inner.height - header,
                    ..inner
                }
            }
        }
    }

    /// How many rows an item of a pane takes.
    pub(super) fn item_height(&self, pane: Pane, index: usize) -> usize {
        let width = self.pane_rect(pane).width;
        let rows = self.rows();
        match pane {
            Pane::Articles => rows::articles::item_lines(&rows, index, width).len(),
            Pane::Claims => rows::claims::item_lines(&rows, index, width).len(),
            Pane::Passages => {
                rows::passages::item_lines(&rows, self.selected_claim(), index, width).len()
            }
        }
    }

    /// Items that fit in a pane from its first shown item, at least one.
    pub(super) fn items_per_page(&self, pane: Pane) -> usize {
        let rows = self.pane_rect(pane).height as usize;
        let cursor = match pane {
            Pane::Articles => self.articles,
            Pane::Claims => self.claims,
            Pane::Passages => self.passages,
        };
        let mut used = 0;
        let mut count = 0;
        for i in cursor.offset..self.pane_len(pane) {
            used += self.item_height(pane, i);
            if used > rows {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    /// Keeps each list's selection in view.
    pub(super) fn fit_lists(&mut self) {
        if let Screen::Disagreements(mut cursor) = self.screen
            && !layout::too_small(self.area)
        {
            let width = layout::reader_areas(self.area).text.width;
            let rows = layout::reader_areas(self.area).text.height as usize;
            cursor.fit(self.story.disagreement_sides.len(), rows, |i| {
                rows::disagreements::side_lines(&self.rows(), i, width).len()
            });
            self.screen = Screen::Disagreements(cursor);
        }
        // Only the main screen shows the lists, and typing a query leaves
        // them alone; they are fitted again when they show and change.
        if layout::too_small(self.area) || self.screen != Screen::Main || self.search.is_some() {
            return;
        }
        for pane in [Pane::Articles, Pane::Claims, Pane::Passages] {
            let len = self.pane_len(pane);
            let rows = self.pane_rect(pane).height as usize;
            // Heights are measured only between the first shown item and
            // the selection.
            let mut cursor = *self.cursor(pane);
            cursor.fit(len, rows, |i| self.item_height(pane, i));
            *self.cursor(pane) = cursor;
        }
    }

    /// Sides of the disagreements view that fit from the first one shown.
    pub(super) fn sides_per_page(&self, cursor: ListCursor) -> usize {
        let text = layout::reader_areas(self.area).text;
        let mut used = 0;
        let mut count = 0;
        for i in cursor.offset..self.story.disagreement_sides.len() {
            used += rows::disagreements::side_lines(&self.rows(), i, text.width).len();
            if used > text.height as usize {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    pub(super) fn reader_height(&self) -> usize {
        layout::reader_areas(self.area).text.height.max(1) as usize
    }

    /// Rewraps the reader's article for the current width, keeping the
    /// cursor on the same text.
    pub(super) fn relayout_reader(&mut self) {
        let Screen::Reader(mut state) = self.screen else {
            return;
        };
        let width = layout::reader_areas(self.area).text.width.max(1);
        let current = self.reader_text.as_ref();
        if current.is_some_and(|t| t.article == state.article && t.width == width) {
            return;
        }
        let anchor = current
            .filter(|t| t.article == state.article)
            .and_then(|t| t.lines.get(state.cursor))
            .map(|l| l.bytes.start);
        let Some(article) = self.story.corpus.articles.get(state.article) else {
            return;
        };
        let text = ReaderText::build(state.article, article, width);
        if let Some(offset) = anchor {
            let delta = state.cursor.saturating_sub(state.top);
            state.cursor = text.line_of(offset);
            state.top = state.cursor.saturating_sub(delta);
        }
        clamp_reader(&mut state, text.lines.len(), self.reader_height());
        self.reader_text = Some(text);
        self.screen = Screen::Reader(state);
    }

    /// Wraps the reader's article and puts the cursor on a passage, a
    /// third of the way down.
    pub(super) fn show_passage(&mut self, r: PassageRef) {
        self.relayout_reader();
        let Some(start) = self
            .story
            .corpus
            .articles
            .get(r.article)
            .and_then(|a| a.passages.get(r.passage))
            .map(|p| p.span.start)
        else {
            return;
        };
        let height = self.reader_height();
        if let (Screen::Reader(state), Some(text)) = (&mut self.screen, &self.reader_text) {
            state.cursor = text.line_of(start);
            state.top = state.cursor.saturating_sub(height / 3);
            clamp_reader(state, text.lines.len(), height);
        }
    }
}
/// Keeps the cursor on a line and in view, and the view on the text.
pub(super) fn clamp_reader(state: &mut ReaderState, len: usize, height: usize) {
    let height = height.max(1);
    state.cursor = state.cursor.min(len.saturating_sub(1));
    state.top = state.top.min(len.saturating_sub(height));
    if state.cursor < state.top {
        state.top = state.cursor;
    }
    if state.cursor >= state.top + height {
        state.top = state.cursor + 1 - height;
    }
}

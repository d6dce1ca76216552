//! The search box over the claims and the find in the reader's article:
//! the query being typed, the results handed over by the matcher, and
//! going from match to match.

use std::ops::Range;

use newsdigest::search::ClaimHit;

use super::{App, ListCursor, Screen, clamp_reader};
use crate::tui::action::Action;
use crate::tui::layout;

/// The longest query the search box takes, in characters: far more than
/// any search needs, and short enough that ranking and highlighting a
/// query stay quick on a large story.
pub const MAX_QUERY_CHARS: usize = 200;

/// The incremental search over claims.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    /// Byte offset of the cursor in the query.
    pub cursor: usize,
    /// The query `hits` were ranked for.
    pub hits_query: String,
    pub hits: Vec<ClaimHit>,
    pub results: ListCursor,
    /// The query changed since it was last handed to the matcher.
    pub stale: bool,
    /// Results for the current query have not arrived yet.
    pub waiting: bool,
}

impl SearchState {
    /// Whether the hits on screen were ranked for the query as it stands.
    pub fn answers_query(&self) -> bool {
        !self.stale && self.hits_query == self.query
    }
}

/// A find in the reader's article: the query typed after `/`, and where
/// it occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindState {
    pub query: String,
    /// Byte offset of the cursor in the query.
    pub cursor: usize,
    /// The query is being typed (the status bar is its prompt).
    pub editing: bool,
    pub article: usize,
    /// Byte ranges of the article's text, in order.
    pub matches: Vec<Range<usize>>,
    /// The match the cursor went to last.
    pub current: usize,
}

/// What an edit did to a query line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QueryEdit {
    Changed,
    /// Only the cursor moved, or nothing was there to delete.
    Moved,
    /// A character was refused: the query has `max_chars` already.
    TooLong,
}

/// The line editing the search box and the reader's find share: insert at
/// the cursor, delete the character or (like a shell's ctrl-w) the spaces
/// and the word before it, move the cursor, clear. Other actions change
/// nothing.
fn edit_query(
    query: &mut String,
    cursor: &mut usize,
    action: &Action,
    max_chars: usize,
) -> QueryEdit {
    match *action {
        Action::Insert(c) => {
            if query.chars().count() >= max_chars {
                return QueryEdit::TooLong;
            }
            query.insert(*cursor, c);
            *cursor += c.len_utf8();
            QueryEdit::Changed
        }
        Action::DeleteChar => match query[..*cursor].chars().next_back() {
            Some(c) => {
                *cursor -= c.len_utf8();
                query.remove(*cursor);
                QueryEdit::Changed
            }
            None => QueryEdit::Moved,
        },
        Action::DeleteWord => {
            let before = &query[..*cursor];
            let start = before[..before.trim_end().len()]
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            query.replace_range(start..*cursor, "");
            *cursor = start;
            QueryEdit::Changed
        }
        Action::CursorLeft => {
            if let Some(c) = query[..*cursor].chars().next_back() {
                *cursor -= c.len_utf8();
            }
            QueryEdit::Moved
        }
        Action::CursorRight => {
            if let Some(c) = query[*cursor..].chars().next() {
                *cursor += c.len_utf8();
            }
            QueryEdit::Moved
        }
        Action::ClearQuery => {
            query.clear();
            *cursor = 0;
            QueryEdit::Changed
        }
        _ => QueryEdit::Moved,
    }
}

fn query_limit_message() -> String {
    format!("The query is limited to {MAX_QUERY_CHARS} characters")
}

impl App {
    /// The query to hand to the matcher, if it changed since the last
    /// hand-over. The loop asks once after draining pending input.
    pub fn take_search_request(&mut self) -> Option<String> {
        let search = self.search.as_mut()?;
        if !search.stale {
            return None;
        }
        search.stale = false;
        search.waiting = true;
        Some(search.query.clone())
    }

    pub fn search_waiting(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.waiting || s.stale)
    }

    /// Text pasted into the terminal (bracketed paste): one edit of the
    /// search query, however long the text. Line breaks and tabs become
    /// spaces; other control characters are dropped.
    pub fn paste(&mut self, text: &str) {
        if self.help.is_some() || self.search.is_none() {
            self.message = Some("Pasted text goes into the search box; open it first".to_string());
            return;
        }
        self.message = None;
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let mut room = MAX_QUERY_CHARS.saturating_sub(search.query.chars().count());
        let mut cut = false;
        for c in text.chars() {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if room == 0 {
                cut = true;
                break;
            }
            search.query.insert(search.cursor, c);
            search.cursor += c.len_utf8();
            room -= 1;
        }
        search.stale = true;
        if cut {
            self.message = Some(query_limit_message());
        }
    }

    /// Takes results from the matcher if they answer the current query.
    pub fn receive_search(&mut self, query: &str, hits: Vec<ClaimHit>) {
        if let Some(search) = self.search.as_mut()
            && search.query == query
            && !search.stale
        {
            search.hits = hits;
            search.hits_query = query.to_string();
            search.results = ListCursor::default();
            search.waiting = false;
        }
    }

    /// Searches now, on this thread: for Enter, which must act on the
    /// query as typed.
    pub(super) fn search_now(&mut self) {
        if let Some(search) = self.search.as_mut()
            && (search.stale || search.waiting)
        {
            search.hits = self.search_index.search(&search.query);
            search.hits_query = search.query.clone();
            search.results = ListCursor::default();
            search.stale = false;
            search.waiting = false;
        }
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        // The cursor stays on a character of the query, whatever else
        // changed the query.
        search.cursor = char_boundary_at_or_before(&search.query, search.cursor);
        let len = search.hits.len();
        let page = layout::search_areas(self.area).results.height.max(1) as isize;
        match action {
            Action::Back => {
                self.last_query = search.query.clone();
                self.search = None;
            }
            Action::Insert(_)
            | Action::DeleteChar
            | Action::DeleteWord
            | Action::CursorLeft
            | Action::CursorRight
            | Action::ClearQuery => {
                match edit_query(
                    &mut search.query,
                    &mut search.cursor,
                    &action,
                    MAX_QUERY_CHARS,
                ) {
                    QueryEdit::Changed => search.stale = true,
                    QueryEdit::TooLong => self.message = Some(query_limit_message()),
                    QueryEdit::Moved => {}
                }
            }
            Action::Down => search.results.move_by(1, len),
            Action::Up => search.results.move_by(-1, len),
            Action::PageDown | Action::HalfPageDown => search.results.move_by(page, len),
            Action::PageUp | Action::HalfPageUp => search.results.move_by(-page, len),
            Action::First => search.results.select(0, len),
            Action::Last => search.results.select(len.saturating_sub(1), len),
            Action::Open => {
                self.search_now();
                let chosen = self
                    .search
                    .as_ref()
                    .and_then(|s| s.hits.get(s.results.selected))
                    .copied();
                match chosen {
                    Some(hit) => {
                        if let Some(search) = self.search.take() {
                            self.last_query = search.query;
                        }
                        // At the passage that matched, when one did.
                        let position = self
                            .search_index
                            .owner(hit.text)
                            .and_then(|o| o.passage)
                            .and_then(|r| {
                                self.story
                                    .digest
                                    .claims
                                    .get(hit.claim)?
                                    .support
                                    .iter()
                                    .position(|s| *s == r)
                            })
                            .unwrap_or(0);
                        self.open_claim(hit.claim, position);
                    }
                    None => self.message = Some("No claim matches the query".to_string()),
                }
            }
            _ => {}
        }
        if let Some(search) = self.search.as_mut() {
            let rows = page as usize;
            search.results.fit(search.hits.len(), rows, |_| 1);
        }
    }

    /// Typing the find's query: the search field's keys, matches found as
    /// the query grows; enter goes to the first match after the cursor.
    pub(super) fn update_find_prompt(&mut self, action: Action) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        find.cursor = char_boundary_at_or_before(&find.query, find.cursor);
        match action {
            Action::Back => {
                self.find = None;
                return;
            }
            Action::Insert(_)
            | Action::DeleteChar
            | Action::DeleteWord
            | Action::CursorLeft
            | Action::CursorRight
            | Action::ClearQuery => {
                // The find reads the article in view, not the ranked
                // claims: its query needs no length cap.
                edit_query(&mut find.query, &mut find.cursor, &action, usize::MAX);
            }
            Action::Open => {
                find.editing = false;
                if find.query.trim().is_empty() {
                    self.find = None;
                    return;
                }
                let Screen::Reader(state) = self.screen else {
                    return;
                };
                // The first match at or after the cursor's line, else the first.
                let from = self
                    .reader_text
                    .as_ref()
                    .and_then(|t| t.lines.get(state.cursor))
                    .map_or(0, |l| l.bytes.start);
                let first = find
                    .matches
                    .iter()
                    .position(|m| m.start >= from)
                    .unwrap_or(0);
                if find.matches.is_empty() {
                    let query = find.query.clone();
                    self.find = None;
                    self.message = Some(format!(
                        "“{}” is not in this article",
                        crate::tui::terminal_text::visible(&query)
                    ));
                    return;
                }
                find.current = first;
                self.go_to_match();
                return;
            }
            _ => return,
        }
        let article = find.article;
        let query = find.query.clone();
        let matches = self
            .story
            .corpus
            .articles
            .get(article)
            .map(|a| newsdigest::search::find_folded(&a.text, &query))
            .unwrap_or_default();
        if let Some(find) = self.find.as_mut() {
            find.matches = matches;
        }
    }

    /// `n` / `N` after a find: the next or previous match, round the end.
    pub(super) fn step_find(&mut self, forward: bool) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        let count = find.matches.len();
        if count == 0 {
            return;
        }
        find.current = if forward {
            (find.current + 1) % count
        } else {
            (find.current + count - 1) % count
        };
        self.go_to_match();
    }

    /// Puts the reader's cursor on the find's current match, a third of
    /// the way down, and says which match it is.
    pub(super) fn go_to_match(&mut self) {
        let Some(find) = self.find.as_ref() else {
            return;
        };
        let Some(at) = find.matches.get(find.current).map(|m| m.start) else {
            return;
        };
        let message = format!(
            "match {} of {} · “{}” · esc clears",
            find.current + 1,
            find.matches.len(),
            crate::tui::terminal_text::visible(find.query.trim())
        );
        let height = self.reader_height();
        if let (Screen::Reader(state), Some(text)) = (&mut self.screen, &self.reader_text) {
            let line = text.line_of(at);
            if line < state.top || line >= state.top + height {
                state.top = line.saturating_sub(height / 3);
            }
            state.cursor = line;
            clamp_reader(state, text.lines.len(), height);
        }
        self.message = Some(message);
    }
}
/// The nearest character boundary of `text` at or before `at`.
pub fn char_boundary_at_or_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

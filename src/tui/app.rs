//! The interface's state and the one place it changes: [`App::update`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use newsdigest::analyze::Attribution;
use newsdigest::corpus::LineKind;
use newsdigest::disputes::{Disagreements, Dispute};
use newsdigest::search::{ClaimHit, ClaimSearch};
use newsdigest::{Article, Corpus, Digest, PassageRef};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Context};
use super::keymap::{KeyPress, Keymap, Lookup, keys_to_string};
use super::layout::{self, MainAreas};
use super::terminal_text::wrap_ranges;
use super::theme::Theme;
use super::view;

/// How many screens `back` remembers.
const HISTORY_LIMIT: usize = 100;
/// Lines per mouse wheel step in the reader.
const WHEEL_LINES: i16 = 3;
/// Two clicks on one cell within this long are a double click, which opens.
const DOUBLE_CLICK: std::time::Duration = std::time::Duration::from_millis(400);

/// The three panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Articles,
    Claims,
    Passages,
}

/// A selection in a list and the first item shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len as isize - 1) as usize;
    }

    fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Moves the offset the least so that the selected item is in view
    /// (the selected item alone may be taller than the rows).
    fn fit(&mut self, len: usize, rows: usize, height: impl Fn(usize) -> usize) {
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

/// What a side in the disagreements view belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disagreement {
    /// Index into `Disagreements::disputes`.
    Dispute(usize),
    /// Index into `Disagreements::discrepancies`.
    Discrepancy(usize),
}

/// One selectable side of a dispute or a discrepancy: a passage, and the
/// claim it supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisagreementSide {
    pub of: Disagreement,
    /// 0 or 1: asserting and denying claim, or the two sides of a discrepancy.
    pub side: usize,
    pub passage: PassageRef,
    pub claim: Option<usize>,
}

/// One screen line of the reader: a byte range of the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLine {
    pub bytes: Range<usize>,
    pub noise: bool,
    /// Columns left blank before the text: continuation lines of a bullet
    /// or an indented paragraph line up with its first word.
    pub indent: u16,
}

/// An article wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderText {
    pub article: usize,
    pub width: u16,
    pub lines: Vec<ScreenLine>,
}

impl ReaderText {
    pub fn build(article_index: usize, article: &Article, width: u16) -> ReaderText {
        let mut lines = Vec::new();
        for line in &article.lines {
            match line.kind {
                // Runs of blank lines (a saved page's layout) show as one,
                // and none opens the article: the text starts at the top.
                LineKind::Blank if lines.last().is_none_or(|l: &ScreenLine| l.bytes.is_empty()) => {
                }
                LineKind::Blank => lines.push(ScreenLine {
                    bytes: line.span.start..line.span.start,
                    noise: false,
                    indent: 0,
                }),
                LineKind::Text | LineKind::Noise(_) => {
                    let noise = matches!(line.kind, LineKind::Noise(_));
                    let indent = hanging_indent(article.slice(line.span));
                    let indent = if indent * 2 < width { indent } else { 0 };
                    let wrapped = wrap_ranges(&article.text, line.span.range(), width as usize);
                    let mut first = true;
                    let rest_start = wrapped.get(1).map(|r| r.start);
                    for bytes in wrapped
                        .into_iter()
                        .take(if indent > 0 { 1 } else { usize::MAX })
                    {
                        lines.push(ScreenLine {
                            bytes,
                            noise,
                            indent: if first { 0 } else { indent },
                        });
                        first = false;
                    }
                    if let (true, Some(start)) = (indent > 0, rest_start) {
                        let rest = (width - indent) as usize;
                        for bytes in wrap_ranges(&article.text, start..line.span.end, rest) {
                            lines.push(ScreenLine {
                                bytes,
                                noise,
                                indent,
                            });
                        }
                    }
                }
            }
        }
        if lines.is_empty() {
            lines.push(ScreenLine {
                bytes: 0..0,
                noise: false,
                indent: 0,
            });
        }
        ReaderText {
            article: article_index,
            width,
            lines,
        }
    }

    /// The screen line that shows a byte offset (or the next one after it).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .iter()
            .position(|l| l.bytes.start <= offset && offset < l.bytes.end)
            .or_else(|| self.lines.iter().position(|l| l.bytes.start >= offset))
            .unwrap_or(self.lines.len().saturating_sub(1))
    }
}

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

/// What narrows the claim list; each is shown in the list's title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// An article, and whether the claims are those in it or not in it.
    pub article: Option<(usize, bool)>,
    /// A source a passage of the claim names ("The Guardian").
    pub source: Option<String>,
    /// A stance a passage of the claim takes.
    pub stance: Option<newsdigest::analyze::Stance>,
    /// Only claims in a dispute.
    pub disputed: bool,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// The claims of the reader's current line, to pick one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimPicker {
    pub claims: Vec<usize>,
    pub selected: usize,
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

pub struct App {
    pub corpus: Corpus,
    pub digest: Digest,
    /// Disputes and discrepancies, found once at start-up.
    pub disagreements: Disagreements,
    /// The sides of `disagreements`, in the order the view lists them.
    pub disagreement_sides: Vec<DisagreementSide>,
    /// Who stands behind each supporting passage, and how.
    pub attributions: HashMap<PassageRef, Attribution>,
    pub denial_jump: Option<DenialJump>,
    /// The claims, searchable through every passage.
    pub search_index: Arc<ClaimSearch>,
    /// The last query typed, offered again when search opens.
    pub last_query: String,
    pub keymap: Keymap,
    pub theme: Theme,
    pub area: Rect,
    pub screen: Screen,
    pub history: Vec<Place>,
    pub focus: Pane,
    pub articles: ListCursor,
    pub claims: ListCursor,
    pub passages: ListCursor,
    pub reader_text: Option<ReaderText>,
    pub search: Option<SearchState>,
    /// A find in the reader's article.
    pub find: Option<FindState>,
    pub help: Option<usize>,
    pub picker: Option<ClaimPicker>,
    pub pending: Vec<KeyPress>,
    pub message: Option<String>,
    pub quit: bool,
    /// Distinct claims per article.
    pub claims_per_article: Vec<usize>,
    /// When and where the last left click was, to tell a double click.
    pub last_click: Option<(std::time::Instant, Position)>,
    /// What narrows the claim list.
    pub filters: Filters,
    /// The claims the list shows, in order: all, or those the filters pass.
    pub shown_claims: Vec<usize>,
    /// What the loop is to do outside the screen, in order.
    pub effects: Vec<super::effect::Effect>,
    /// Widths of the claim list's columns, measured once.
    pub claim_columns: view::claims::ClaimColumns,
}

impl App {
    pub fn new(
        corpus: Corpus,
        digest: Digest,
        disagreements: Disagreements,
        keymap: Keymap,
        theme: Theme,
        area: Rect,
    ) -> App {
        let search_index = Arc::new(ClaimSearch::new(&corpus, &digest));
        let disagreement_sides = sides_of(&disagreements);
        let attributions = digest
            .claims
            .iter()
            .flat_map(|c| c.support.iter().copied())
            .filter_map(|r| Some((r, digest.voices().attribution(r)?)))
            .collect();
        let claims_per_article = (0..corpus.articles.len())
            .map(|a| {
                digest
                    .claims
                    .iter()
                    .filter(|c| c.articles.contains(&a))
                    .count()
            })
            .collect();
        let mut app = App {
            corpus,
            digest,
            disagreements,
            disagreement_sides,
            attributions,
            denial_jump: None,
            search_index,
            last_query: String::new(),
            keymap,
            theme,
            area,
            screen: Screen::Main,
            history: Vec::new(),
            focus: Pane::Claims,
            articles: ListCursor::default(),
            claims: ListCursor::default(),
            passages: ListCursor::default(),
            reader_text: None,
            search: None,
            find: None,
            help: None,
            picker: None,
            pending: Vec::new(),
            message: None,
            quit: false,
            claims_per_article,
            last_click: None,
            claim_columns: view::claims::ClaimColumns::default(),
            effects: Vec::new(),
            filters: Filters::default(),
            shown_claims: Vec::new(),
        };
        app.shown_claims = (0..app.digest.claims.len()).collect();
        app.claim_columns = view::claims::ClaimColumns::of(&app);
        app.fit_lists();
        app
    }

    /// The context whose bindings apply now.
    pub fn context(&self) -> Context {
        // The find prompt edits like the search field.
        if self.search.is_some() || self.find.as_ref().is_some_and(|f| f.editing) {
            return Context::Search;
        }
        match self.screen {
            Screen::Main if self.focus == Pane::Articles => Context::Articles,
            Screen::Main => Context::Claims,
            Screen::Reader(_) => Context::Reader,
            Screen::Disagreements(_) => Context::Disagreements,
            Screen::Compare(_) => Context::Compare,
        }
    }

    /// Turns a terminal event into actions.
    pub fn handle_event(&mut self, event: &Event) {
        // While the window is too small the screen shows only that: a key
        // acting unseen would leave the user somewhere unexpected once the
        // window grows. Quitting still works, as the message says.
        if layout::too_small(self.area) {
            match event {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    let press = KeyPress::from_event(key);
                    let keys = [press];
                    let quits = press.is_ctrl_c()
                        || matches!(
                            self.keymap.lookup_in(Context::Global, &keys),
                            Lookup::Action(Action::Quit)
                        );
                    if quits {
                        self.quit = true;
                    }
                    self.pending.clear();
                    return;
                }
                Event::Mouse(_) => return,
                _ => {}
            }
        }
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Mouse(mouse) => self.handle_mouse(mouse),
            Event::Resize(width, height) => self.update(Action::Resize {
                width: *width,
                height: *height,
            }),
            Event::Paste(text) => self.paste(text),
            _ => {}
        }
    }

    fn handle_mouse(&mut self, mouse: &MouseEvent) {
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

    pub fn handle_key(&mut self, key: &KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let press = KeyPress::from_event(key);
        if press.is_ctrl_c() {
            self.quit = true;
            return;
        }
        let context = self.context();
        let mut keys = std::mem::take(&mut self.pending);
        keys.push(press);
        match self.resolve(context, &keys, press) {
            Lookup::Action(action) => self.update(action),
            Lookup::Pending => self.pending = keys,
            Lookup::Unbound if keys.len() > 1 => match self.resolve(context, &[press], press) {
                Lookup::Action(action) => self.update(action),
                Lookup::Pending => self.pending = vec![press],
                Lookup::Unbound => self.unbound(&[press]),
            },
            // A terminal cannot tell Esc quickly followed by a key from
            // alt-key: when alt-key means nothing, take it as the two keys.
            Lookup::Unbound if press.modifiers == KeyModifiers::ALT => {
                self.handle_key(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                self.handle_key(&KeyEvent::new(press.code, KeyModifiers::NONE));
            }
            Lookup::Unbound => self.unbound(&keys),
        }
    }

    fn unbound(&mut self, keys: &[KeyPress]) {
        self.message = Some(format!(
            "{} does nothing here · ? lists the keys",
            keys_to_string(keys)
        ));
    }

    fn resolve(&self, context: Context, keys: &[KeyPress], press: KeyPress) -> Lookup {
        match self.keymap.lookup_in(context, keys) {
            Lookup::Unbound => {}
            found => return found,
        }
        if context == Context::Search
            && keys.len() == 1
            && let Some(c) = press.printable()
        {
            return Lookup::Action(Action::Insert(c));
        }
        self.keymap.lookup_in(Context::Global, keys)
    }

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
    fn search_now(&mut self) {
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

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        match action {
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                self.relayout_reader();
            }
            Action::Quit => self.quit = true,
            Action::Scroll { column, row, lines } => {
                self.scroll_at(Position::new(column, row), lines)
            }
            Action::Click { column, row } => self.click_at(Position::new(column, row)),
            _ if self.help.is_some() => self.update_help(action),
            Action::Help => self.help = Some(0),
            _ if self.search.is_some() => self.update_search(action),
            Action::Search => {
                // The last query comes back, its results ranked anew.
                let query = self.last_query.clone();
                self.search = Some(SearchState {
                    cursor: query.len(),
                    hits: self.search_index.search(""),
                    stale: !query.is_empty(),
                    query,
                    ..SearchState::default()
                });
            }
            _ if self.find.as_ref().is_some_and(|f| f.editing) => self.update_find_prompt(action),
            _ if self.picker.is_some() => self.update_picker(action),
            _ => match self.screen {
                Screen::Main => self.update_main(action),
                Screen::Reader(state) => self.update_reader(state, action),
                Screen::Disagreements(cursor) => self.update_disagreements(cursor, action),
                Screen::Compare(state) => self.update_compare(state, action),
            },
        }
        self.fit_lists();
    }

    fn update_help(&mut self, action: Action) {
        let Some(scroll) = self.help.as_mut() else {
            return;
        };
        let page = self.area.height.saturating_sub(4).max(1) as usize;
        match action {
            Action::Help | Action::Back => self.help = None,
            Action::Down => *scroll += 1,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *scroll += page / 2,
            Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page / 2),
            Action::First => *scroll = 0,
            Action::Last => *scroll = usize::MAX / 2,
            _ => {}
        }
        let max = view::help::line_count(self).saturating_sub(page);
        if let Some(scroll) = self.help.as_mut() {
            *scroll = (*scroll).min(max);
        }
    }

    fn update_search(&mut self, action: Action) {
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
                                self.digest
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

    fn update_picker(&mut self, action: Action) {
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

    fn main_areas(&self) -> MainAreas {
        layout::main_areas(self.area, self.corpus.articles.len(), self.focus)
    }

    fn selected_support(&self) -> &[PassageRef] {
        self.selected_claim()
            .and_then(|c| self.digest.claims.get(c))
            .map_or(&[], |c| c.support.as_slice())
    }

    /// The claim selected in the claim list (which the filters may narrow).
    pub fn selected_claim(&self) -> Option<usize> {
        self.shown_claims.get(self.claims.selected).copied()
    }

    /// Selects a claim in the list; when the filters hide it, they are
    /// cleared first, and the status bar says so.
    fn show_claim(&mut self, claim: usize) {
        if !self.shown_claims.contains(&claim) && !self.filters.is_empty() {
            self.filters = Filters::default();
            self.apply_filters();
            self.message = Some("Filters cleared to show the claim".to_string());
        }
        if let Some(row) = self.shown_claims.iter().position(|&c| c == claim) {
            self.claims.select(row, self.shown_claims.len());
        }
    }

    /// Recomputes the claims the list shows from the filters.
    fn apply_filters(&mut self) {
        let before = self.selected_claim();
        let filters = &self.filters;
        let keep = |(index, claim): &(usize, &newsdigest::Claim)| {
            let article_ok = filters
                .article
                .is_none_or(|(a, inside)| claim.articles.contains(&a) == inside);
            let passages = || {
                claim
                    .support
                    .iter()
                    .filter_map(|r| self.attributions.get(r))
            };
            let source_ok = filters
                .source
                .as_deref()
                .is_none_or(|s| passages().any(|a| a.source_label() == s));
            let stance_ok = filters
                .stance
                .is_none_or(|s| passages().any(|a| a.stance == s));
            let disputed_ok =
                !filters.disputed || self.disagreements.disputes_of(*index).next().is_some();
            article_ok && source_ok && stance_ok && disputed_ok
        };
        self.shown_claims = self
            .digest
            .claims
            .iter()
            .enumerate()
            .filter(keep)
            .map(|(i, _)| i)
            .collect();
        // Stay on the claim when it is still shown.
        let row = before
            .and_then(|c| self.shown_claims.iter().position(|&s| s == c))
            .unwrap_or(0);
        self.claims = ListCursor {
            selected: row,
            offset: 0,
        };
        self.passages = ListCursor::default();
    }

    /// "in Title", "source: The Guardian", "alleges", "disputed": the
    /// filters in force, for the claim list's title.
    pub fn filter_labels(&self) -> Vec<String> {
        let f = &self.filters;
        let mut out = Vec::new();
        if let Some((article, inside)) = f.article {
            let title = self
                .corpus
                .articles
                .get(article)
                .map(|a| a.display_title())
                .unwrap_or_default();
            out.push(format!("{} {title}", if inside { "in" } else { "not in" }));
        }
        if let Some(source) = &f.source {
            out.push(format!("source: {source}"));
        }
        if let Some(stance) = f.stance {
            out.push(stance.name().to_string());
        }
        if f.disputed {
            out.push("disputed".to_string());
        }
        out
    }

    fn update_filters(&mut self, action: Action) {
        let selected_passage = self
            .selected_support()
            .get(self.passages.selected)
            .and_then(|r| self.attributions.get(r))
            .cloned();
        match action {
            Action::FilterArticle => {
                let article = self.articles.selected;
                self.filters.article = match self.filters.article {
                    Some((a, true)) if a == article => Some((article, false)),
                    Some((a, false)) if a == article => None,
                    _ => Some((article, true)),
                };
            }
            Action::FilterSource => {
                let source = selected_passage.map(|a| a.source_label().to_string());
                self.filters.source = if self.filters.source == source {
                    None
                } else {
                    source
                };
            }
            Action::FilterStance => {
                let stance = selected_passage.map(|a| a.stance);
                self.filters.stance = if self.filters.stance == stance {
                    None
                } else {
                    stance
                };
            }
            Action::FilterDisputed => self.filters.disputed = !self.filters.disputed,
            Action::ClearFilters => {
                if self.filters.is_empty() {
                    self.message = Some("No filter to clear".to_string());
                }
                self.filters = Filters::default();
            }
            _ => return,
        }
        self.apply_filters();
        if self.shown_claims.is_empty() {
            let key = self.key_for(Action::ClearFilters);
            self.message = Some(format!("No claim passes these filters · {key} clears them"));
        }
    }

    /// Rows of a pane's list and the number of items in it.
    fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Articles => self.corpus.articles.len(),
            Pane::Claims => self.shown_claims.len(),
            Pane::Passages => self.selected_support().len(),
        }
    }

    /// Where a pane's items go: inside its border, and in the passages
    /// pane below the selected claim's detail.
    fn pane_rect(&self, pane: Pane) -> Rect {
        let areas = self.main_areas();
        match pane {
            Pane::Articles => layout::inner(areas.articles),
            Pane::Claims => layout::inner(areas.claims),
            Pane::Passages => {
                let inner = layout::inner(areas.passages);
                let header = (view::passages::header_lines(self, inner.width).len() as u16).min(
                    layout::detail_rows(inner.height, self.focus == Pane::Passages),
                );
                Rect {
                    y: inner.y + header,
                    height: inner.height - header,
                    ..inner
                }
            }
        }
    }

    /// How many rows an item of a pane takes.
    pub fn item_height(&self, pane: Pane, index: usize) -> usize {
        let width = self.pane_rect(pane).width;
        match pane {
            Pane::Articles => view::articles::item_lines(self, index, width).len(),
            Pane::Claims => view::claims::item_lines(self, index, width).len(),
            Pane::Passages => view::passages::item_lines(self, index, width).len(),
        }
    }

    fn cursor(&mut self, pane: Pane) -> &mut ListCursor {
        match pane {
            Pane::Articles => &mut self.articles,
            Pane::Claims => &mut self.claims,
            Pane::Passages => &mut self.passages,
        }
    }

    /// Items that fit in a pane from its first shown item, at least one.
    fn items_per_page(&self, pane: Pane) -> usize {
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

    fn move_in_pane(&mut self, pane: Pane, delta: isize) {
        let len = self.pane_len(pane);
        let before = self.claims.selected;
        self.cursor(pane).move_by(delta, len);
        if pane == Pane::Claims && self.claims.selected != before {
            self.passages = ListCursor::default();
        }
    }

    /// Keeps each list's selection in view.
    pub fn fit_lists(&mut self) {
        if let Screen::Disagreements(mut cursor) = self.screen
            && !layout::too_small(self.area)
        {
            let width = layout::reader_areas(self.area).text.width;
            let rows = layout::reader_areas(self.area).text.height as usize;
            cursor.fit(self.disagreement_sides.len(), rows, |i| {
                view::disagreements::side_lines(self, i, width).len()
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

    fn update_main(&mut self, action: Action) {
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
                        .and_then(|c| self.digest.claims.get(c))
                        .map(|c| c.representative)
                        .and_then(|r| self.passage_start(r)),
                    Pane::Passages => self
                        .selected_support()
                        .get(self.passages.selected)
                        .copied()
                        .and_then(|r| self.passage_start(r)),
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

    fn push_history(&mut self) {
        self.push_place(None);
    }

    fn push_place(&mut self, claim: Option<usize>) {
        self.history.push(Place {
            screen: self.screen,
            claim,
        });
        if self.history.len() > HISTORY_LIMIT {
            self.history.remove(0);
        }
    }

    /// Returns to the previous place; false when there is none.
    fn go_back(&mut self) -> bool {
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

    /// The first key bound to an action where the user is, for messages.
    fn key_for(&self, action: Action) -> String {
        let context = self.context();
        let keys = self.keymap.keys_of(context, action);
        let keys = if keys.is_empty() {
            self.keymap.keys_of(Context::Global, action)
        } else {
            keys
        };
        keys.first()
            .cloned()
            .unwrap_or_else(|| "(unbound)".to_string())
    }

    /// The claims on the other side of a claim's disputes, each with its
    /// dispute, in the order the disputes were found.
    pub fn counterparts(&self, claim: usize) -> Vec<(usize, &Dispute)> {
        self.disagreements
            .disputes_of(claim)
            .map(|d| {
                let other = if d.asserting == claim {
                    d.denying
                } else {
                    d.asserting
                };
                (other, d)
            })
            .collect()
    }

    /// From a claim to a claim that denies it, or that it denies. On the
    /// claim just jumped to, the same key goes back; from where the jump
    /// started, it goes on to the next counterpart, round and round.
    fn denial(&mut self, claim: usize) {
        let Some(current_id) = self.digest.claims.get(claim).map(|c| c.id.clone()) else {
            return;
        };
        let key = self.key_for(Action::Denial);
        if let Some(jump) = self.denial_jump
            && jump.to == claim
            && jump.depth == self.history.len()
            && self.go_back()
        {
            let total = self.counterparts(jump.from).len();
            let from = self
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
        let others = self.counterparts(claim);
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
        let summary = self.dispute_summary(dispute);
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

    /// "c4 denies c1 · 3 vs 4 articles": the denying side first.
    pub fn dispute_summary(&self, dispute: &Dispute) -> String {
        let (Some(asserting), Some(denying)) = (
            self.digest.claims.get(dispute.asserting),
            self.digest.claims.get(dispute.denying),
        ) else {
            return String::new();
        };
        format!(
            "{} denies {} · {} vs {} articles",
            denying.id,
            asserting.id,
            denying.article_count(),
            asserting.article_count()
        )
    }

    fn open_disagreements(&mut self) {
        self.push_history();
        self.screen = Screen::Disagreements(ListCursor::default());
        if self.disagreement_sides.is_empty() {
            self.message = Some("The sources agree: no dispute or discrepancy found".to_string());
        }
    }

    /// Sides of the disagreements view that fit from the first one shown.
    fn sides_per_page(&self, cursor: ListCursor) -> usize {
        let text = layout::reader_areas(self.area).text;
        let mut used = 0;
        let mut count = 0;
        for i in cursor.offset..self.disagreement_sides.len() {
            used += view::disagreements::side_lines(self, i, text.width).len();
            if used > text.height as usize {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    fn update_disagreements(&mut self, mut cursor: ListCursor, action: Action) {
        let len = self.disagreement_sides.len();
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
                if let Some(side) = self.disagreement_sides.get(cursor.selected).copied() {
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
                if let Some(side) = self.disagreement_sides.get(cursor.selected).copied() {
                    if action == Action::Copy {
                        self.copy_passage(side.passage);
                    } else if let Some((article, offset)) = self.passage_start(side.passage) {
                        self.open_external(article, offset);
                    }
                }
            }
            _ => {}
        }
        self.screen = Screen::Disagreements(cursor);
    }

    fn open_compare(&mut self, claim: usize) {
        if claim >= self.digest.claims.len() {
            return;
        }
        self.push_history();
        self.screen = Screen::Compare(CompareState {
            claim,
            cursor: ListCursor::default(),
        });
    }

    fn update_compare(&mut self, mut state: CompareState, action: Action) {
        let items = view::compare::items(self, state.claim);
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
                    Some(view::compare::CompareItem::Passage { passage, .. }) => {
                        let passage = *passage;
                        self.screen = Screen::Compare(state);
                        self.open_passage(passage, Some(state.claim));
                    }
                    Some(view::compare::CompareItem::Discrepant { passage, .. }) => {
                        let passage = *passage;
                        let claim = self.digest.claims_of(passage).first().copied();
                        self.screen = Screen::Compare(state);
                        self.open_passage(passage, claim);
                    }
                    Some(view::compare::CompareItem::Denier { claim, .. }) => {
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
                    view::compare::CompareItem::Denier { claim, .. } => Some(*claim),
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
                            .digest
                            .claims
                            .get(state.claim)
                            .map_or(String::new(), |c| c.id.clone());
                        // A claim that denies others compares with the first of them.
                        match self.counterparts(state.claim).first().map(|(c, _)| *c) {
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
                    view::compare::CompareItem::Passage { passage, .. }
                    | view::compare::CompareItem::Discrepant { passage, .. },
                ) = items.get(state.cursor.selected)
                {
                    if action == Action::Copy {
                        self.copy_passage(*passage);
                    } else if let Some((article, offset)) = self.passage_start(*passage) {
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

    /// Opens the reader at a passage: on its claim's trail when it has one,
    /// so `n` / `N` go on through that claim's passages.
    fn open_passage(&mut self, passage: PassageRef, claim: Option<usize>) {
        let on_trail = claim.and_then(|c| {
            let position = self
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
        if passage.article >= self.corpus.articles.len() {
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

    fn open_article(&mut self, article: usize) {
        if article >= self.corpus.articles.len() {
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
    pub fn open_claim(&mut self, claim: usize, position: usize) {
        let Some(c) = self.digest.claims.get(claim) else {
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
    fn follow_trail(&mut self) {
        let Screen::Reader(mut state) = self.screen else {
            return;
        };
        let Some(trail) = state.trail else {
            return;
        };
        let Some(r) = self
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

    /// Wraps the reader's article and puts the cursor on a passage, a
    /// third of the way down.
    fn show_passage(&mut self, r: PassageRef) {
        self.relayout_reader();
        let Some(start) = self
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

    fn reader_height(&self) -> usize {
        layout::reader_areas(self.area).text.height.max(1) as usize
    }

    /// Rewraps the reader's article for the current width, keeping the
    /// cursor on the same text.
    fn relayout_reader(&mut self) {
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
        let Some(article) = self.corpus.articles.get(state.article) else {
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

    fn update_reader(&mut self, mut state: ReaderState, action: Action) {
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

    /// Typing the find's query: the search field's keys, matches found as
    /// the query grows; enter goes to the first match after the cursor.
    fn update_find_prompt(&mut self, action: Action) {
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
                        super::terminal_text::visible(&query)
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
    fn step_find(&mut self, forward: bool) {
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
    fn go_to_match(&mut self) {
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
            super::terminal_text::visible(find.query.trim())
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

    /// Where a passage starts: its article and byte offset.
    fn passage_start(&self, r: PassageRef) -> Option<(usize, usize)> {
        let article = self.corpus.articles.get(r.article)?;
        Some((r.article, article.passages.get(r.passage)?.span.start))
    }

    /// The passage on the reader's cursor line: the one jumped to when it
    /// is there, else the first.
    fn passage_at_cursor(&self, state: &ReaderState) -> Option<PassageRef> {
        let line = self.reader_text.as_ref()?.lines.get(state.cursor)?;
        let article = self.corpus.articles.get(state.article)?;
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

    /// A passage and where it comes from, as one would quote it:
    /// “text” — title · byline · date · file, bytes start–end.
    pub fn citation(&self, r: PassageRef) -> Option<String> {
        use newsdigest::text::{collapse_spaces, escape_controls, printable_path};
        let article = self.corpus.articles.get(r.article)?;
        let passage = article.passages.get(r.passage)?;
        // Control characters would reach whatever the text is pasted into.
        let clean = |t: &str| escape_controls(&collapse_spaces(t)).into_owned();
        let mut source = vec![clean(&article.display_title())];
        source.extend(article.byline.as_deref().map(clean));
        source.extend(article.date.as_deref().map(clean));
        source.push(format!(
            "{}, bytes {}–{}",
            printable_path(&article.path),
            passage.span.start,
            passage.span.end
        ));
        Some(format!(
            "“{}”\n— {}",
            clean(article.passage_text(passage)),
            source.join(" · ")
        ))
    }

    fn copy_passage(&mut self, r: PassageRef) {
        if let Some(text) = self.citation(r) {
            self.effects.push(super::effect::Effect::Copy(text));
            self.message =
                Some("Copied the passage with its citation (OSC 52 clipboard)".to_string());
        }
    }

    /// A claim's text, its counts, and the citation of its representative.
    fn copy_claim(&mut self, claim: usize) {
        let Some(c) = self.digest.claims.get(claim) else {
            return;
        };
        let Some(citation) = self.citation(c.representative) else {
            return;
        };
        let text = format!(
            "{} ({}, {}): {}\n{citation}",
            c.id,
            view::plural(c.article_count(), "article", "articles"),
            view::plural(c.passage_count(), "passage", "passages"),
            newsdigest::text::escape_controls(&newsdigest::text::collapse_spaces(&c.text))
        );
        let id = c.id.clone();
        self.effects.push(super::effect::Effect::Copy(text));
        self.message = Some(format!("Copied {id} with its citation (OSC 52 clipboard)"));
    }

    /// Asks the loop to open an article's file at the line of a byte.
    fn open_external(&mut self, article: usize, offset: usize) {
        let Some(a) = self.corpus.articles.get(article) else {
            return;
        };
        if !a.path.is_file() {
            self.message = Some(format!(
                "{} is built into newsdigest: there is no file to open",
                newsdigest::text::printable_path(&a.path)
            ));
            return;
        }
        let line = a.text.get(..offset).map_or(0, |t| t.matches('\n').count()) + 1;
        self.effects.push(super::effect::Effect::Open {
            path: a.path.clone(),
            line,
        });
    }

    /// The effects asked for since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<super::effect::Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The reader's claim for a denial: the one whose passages it follows,
    /// else the first disputed claim of the cursor's line.
    fn denial_in_reader(&mut self, state: ReaderState) {
        let claim = state.trail.map(|t| t.claim).or_else(|| {
            let here = self.claims_at_cursor(&state);
            here.iter()
                .copied()
                .find(|&c| self.disagreements.disputes_of(c).next().is_some())
                .or_else(|| here.first().copied())
        });
        match claim {
            Some(claim) => self.denial(claim),
            None => self.message = Some("No claim on this line".to_string()),
        }
    }

    fn step_trail(&mut self, mut state: ReaderState, forward: bool) {
        let Some(mut trail) = state.trail else {
            self.message =
                Some("n and N follow a claim's passages: open a claim first".to_string());
            return;
        };
        let count = self
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

    /// The claims of the passages on the cursor's line.
    pub fn claims_at_cursor(&self, state: &ReaderState) -> Vec<usize> {
        let Some(line) = self
            .reader_text
            .as_ref()
            .and_then(|t| t.lines.get(state.cursor))
        else {
            return Vec::new();
        };
        let article = &self.corpus.articles[state.article];
        let mut claims = Vec::new();
        for p in &article.passages {
            let overlaps = p.span.start < line.bytes.end.max(line.bytes.start + 1)
                && line.bytes.start < p.span.end;
            if overlaps {
                for &c in self.digest.claims_of(PassageRef {
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

    fn pick_claims_here(&mut self, state: ReaderState) {
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

    fn pane_at(&self, position: Position) -> Option<Pane> {
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

    fn scroll_at(&mut self, position: Position, lines: i16) {
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

    fn click_at(&mut self, position: Position) {
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
                for (text, lines) in view::compare::columns(self, &state, self.area) {
                    if !text.contains(position) {
                        continue;
                    }
                    let top = view::compare::first_shown(
                        &lines,
                        state.cursor.selected,
                        text.height as usize,
                    );
                    let row = top + (position.y - text.y) as usize;
                    if let Some(((_, true), Some(item))) = lines.get(row) {
                        let len = view::compare::items(self, state.claim).len();
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
                for i in cursor.offset..self.disagreement_sides.len() {
                    let height = view::disagreements::side_lines(self, i, text.width).len();
                    if row < height {
                        cursor.select(i, self.disagreement_sides.len());
                        self.screen = Screen::Disagreements(cursor);
                        return;
                    }
                    row -= height;
                }
            }
        }
    }
}

/// The sides of every dispute, then of every discrepancy.
fn sides_of(disagreements: &Disagreements) -> Vec<DisagreementSide> {
    let mut sides = Vec::new();
    for (i, d) in disagreements.disputes.iter().enumerate() {
        for (side, (passage, claim)) in [(d.passages.0, d.asserting), (d.passages.1, d.denying)]
            .into_iter()
            .enumerate()
        {
            sides.push(DisagreementSide {
                of: Disagreement::Dispute(i),
                side,
                passage,
                claim: Some(claim),
            });
        }
    }
    for (i, d) in disagreements.discrepancies.iter().enumerate() {
        for (side, value) in d.sides.iter().enumerate() {
            sides.push(DisagreementSide {
                of: Disagreement::Discrepancy(i),
                side,
                passage: value.passage,
                claim: value.claim,
            });
        }
    }
    sides
}

/// Columns before the text of a bulleted or indented line: its leading
/// white space and bullet ("  • ", "- ", "1. ").
fn hanging_indent(line: &str) -> u16 {
    let trimmed = line.trim_start();
    let lead = &line[..line.len() - trimmed.len()];
    let marker_len = if let Some(c) = trimmed.chars().next().filter(|c| "•·-*–—▪◦‣".contains(*c))
    {
        c.len_utf8()
    } else {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits < 3 && trimmed[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            0
        }
    };
    let after = &trimmed[marker_len..];
    let spaces = after.len() - after.trim_start().len();
    if marker_len > 0 && spaces == 0 {
        return 0;
    }
    let prefix = &line[..lead.len() + marker_len + spaces];
    unicode_width::UnicodeWidthStr::width(super::terminal_text::visible(prefix).as_ref()) as u16
}

/// The nearest character boundary of `text` at or before `at`.
pub fn char_boundary_at_or_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Keeps the cursor on a line and in view, and the view on the text.
fn clamp_reader(state: &mut ReaderState, len: usize, height: usize) {
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

#[cfg(test)]
mod tests {
    use super::ListCursor;

    #[test]
    fn bullets_and_indented_lines_hang() {
        use super::hanging_indent;
        assert_eq!(hanging_indent("    • Hastings joined"), 6);
        assert_eq!(hanging_indent("- item"), 2);
        assert_eq!(hanging_indent("12. step"), 4);
        assert_eq!(hanging_indent("  indented"), 2);
        assert_eq!(hanging_indent("Plain text"), 0);
        assert_eq!(hanging_indent("-5 degrees"), 0);
    }

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

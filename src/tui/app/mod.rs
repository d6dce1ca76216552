//! The interface's state and the one place it changes: [`App::update`].
//!
//! The state is split by concern, each in its own module: what was read
//! and found at start-up ([`Story`]), where the reader is and how they got
//! there ([`navigation`]), sizes and scrolling ([`measure`]), the mouse
//! ([`mouse`]), the search box and the find ([`search`]), the claim list's
//! filters ([`filters`]), copying and opening outside ([`citation`]), and
//! what each action does on each screen ([`screens`], [`reader`]). Rows are
//! computed from data by [`crate::tui::rows`], which update and drawing
//! both call; nothing here reads the views.

mod citation;
mod filters;
mod measure;
mod mouse;
mod navigation;
mod reader;
mod screens;
mod search;

use std::sync::Arc;

use newsdigest::disputes::Disagreements;
use newsdigest::search::ClaimSearch;
use newsdigest::{Corpus, Digest};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Context};
use super::effect::Effect;
use super::keymap::{KeyPress, Keymap, Lookup, keys_to_string};
use super::layout;
use super::rows::claims::ClaimColumns;
use super::rows::{self, Rows};
use super::story::Story;
use super::theme::Theme;

pub use filters::Filters;
use measure::clamp_reader;
pub use navigation::{
    ClaimPicker, CompareState, DenialJump, ListCursor, Pane, Place, ReaderState, Screen,
};
#[cfg(test)]
pub use search::MAX_QUERY_CHARS;
pub use search::{FindState, SearchState, char_boundary_at_or_before};

pub struct App {
    /// The articles, the digest and what was found in them at start-up.
    pub story: Story,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The window.
    pub area: Rect,
    pub screen: Screen,
    pub focus: Pane,
    pub articles: ListCursor,
    pub claims: ListCursor,
    pub passages: ListCursor,
    /// The reader's article wrapped to the window.
    pub reader_text: Option<rows::ReaderText>,
    /// The claims, searchable through every passage.
    pub search_index: Arc<ClaimSearch>,
    pub search: Option<SearchState>,
    /// A find in the reader's article.
    pub find: Option<FindState>,
    /// The help overlay's scroll, while it shows.
    pub help: Option<usize>,
    pub picker: Option<ClaimPicker>,
    pub message: Option<String>,
    pub quit: bool,
    /// The claims the list shows, in order: all, or those the filters pass.
    pub shown_claims: Vec<usize>,
    /// Keys pressed so far of a sequence (`g` of `gg`).
    pending: Vec<KeyPress>,
    /// What narrows the claim list.
    filters: Filters,
    /// Screens to go back to, the latest last.
    history: Vec<Place>,
    denial_jump: Option<DenialJump>,
    /// The last query typed, offered again when search opens.
    last_query: String,
    /// When and where the last left click was, to tell a double click.
    last_click: Option<(std::time::Instant, Position)>,
    /// What the loop is to do outside the screen, in order.
    effects: Vec<Effect>,
    /// Widths of the claim list's columns, measured once.
    claim_columns: ClaimColumns,
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
        let story = Story::new(corpus, digest, disagreements);
        let mut app = App {
            shown_claims: (0..story.digest.claims.len()).collect(),
            story,
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
            denial_jump: None,
            last_click: None,
            claim_columns: ClaimColumns::default(),
            effects: Vec::new(),
            filters: Filters::default(),
        };
        app.claim_columns = ClaimColumns::of(&app.rows());
        app.fit_lists();
        app
    }

    /// What rows are computed from: the story as the list shows it, styled
    /// by the theme. The views draw these rows and update measures them.
    pub fn rows(&self) -> Rows<'_> {
        Rows {
            story: &self.story,
            theme: &self.theme,
            keymap: &self.keymap,
            shown_claims: &self.shown_claims,
            claim_columns: self.claim_columns,
        }
    }

    /// Keys pressed so far of a sequence that is not complete yet. Nothing
    /// on screen shows them, so only the tests read them.
    #[cfg(test)]
    pub fn pending_keys(&self) -> &[KeyPress] {
        &self.pending
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

    fn handle_key(&mut self, key: &KeyEvent) {
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
        let max = self.help_lines().saturating_sub(page);
        if let Some(scroll) = self.help.as_mut() {
            *scroll = (*scroll).min(max);
        }
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
}

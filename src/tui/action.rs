//! The closed set of actions, and the one registry of the bindable ones:
//! name, description and default keys per context. The keymap parser, the
//! help overlay, `keymap.toml` and the README key table all come from it.

/// Where a key binding applies. `Global` bindings apply everywhere unless
/// the context itself binds the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Articles,
    Claims,
    Reader,
    Disagreements,
    Compare,
    Search,
}

impl Context {
    pub const ALL: [Context; 7] = [
        Context::Global,
        Context::Articles,
        Context::Claims,
        Context::Reader,
        Context::Disagreements,
        Context::Compare,
        Context::Search,
    ];

    /// The table name in `keymap.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Articles => "articles",
            Context::Claims => "claims",
            Context::Reader => "reader",
            Context::Disagreements => "disagreements",
            Context::Compare => "compare",
            Context::Search => "search",
        }
    }

    /// The heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Articles => "Article list",
            Context::Claims => "Claim list and supporting passages",
            Context::Reader => "Reader",
            Context::Disagreements => "Disputes and discrepancies",
            Context::Compare => "One claim, every telling",
            Context::Search => "Search",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Everything that can change the interface's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Search,
    Back,
    Up,
    Down,
    First,
    Last,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    SwitchPane,
    PreviousPane,
    Open,
    NextPassage,
    PreviousPassage,
    ClaimsHere,
    /// Find in the reader's article.
    Find,
    /// Copy the claim or passage with its citation to the clipboard.
    Copy,
    /// Open the article in the pager or editor, at the passage.
    OpenExternal,
    /// From a claim to the claim that denies it, or the one it denies.
    Denial,
    /// The view of every dispute and discrepancy of the story.
    Disagreements,
    /// One claim's passages side by side, grouped by stance.
    Compare,
    FilterArticle,
    FilterSource,
    FilterStance,
    FilterDisputed,
    ClearFilters,
    DeleteChar,
    DeleteWord,
    CursorLeft,
    CursorRight,
    ClearQuery,
    /// A character typed into the search field.
    Insert(char),
    /// The terminal now has this many columns and rows.
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel at a cell: positive is down.
    Scroll {
        column: u16,
        row: u16,
        lines: i16,
    },
    /// Left click at a cell.
    Click {
        column: u16,
        row: u16,
    },
}

/// A bindable action as the keymap, the help and the README know it.
#[derive(Debug)]
pub struct ActionSpec {
    pub action: Action,
    /// The name used in `keymap.toml`.
    pub name: &'static str,
    pub description: &'static str,
    /// The contexts where the action works, each with its default keys.
    pub defaults: &'static [(Context, &'static [&'static str])],
}

impl ActionSpec {
    pub fn applies_in(&self, context: Context) -> bool {
        self.defaults.iter().any(|(c, _)| *c == context)
    }
}

use Context::{Articles, Claims, Compare, Disagreements, Global, Reader, Search};

const LISTS_AND_READER_UP: &[(Context, &[&str])] = &[
    (Articles, &["k", "up"]),
    (Claims, &["k", "up"]),
    (Reader, &["k", "up"]),
    (Disagreements, &["k", "up"]),
    (Compare, &["k", "up"]),
    (Search, &["up", "ctrl-p"]),
];
const LISTS_AND_READER_DOWN: &[(Context, &[&str])] = &[
    (Articles, &["j", "down"]),
    (Claims, &["j", "down"]),
    (Reader, &["j", "down"]),
    (Disagreements, &["j", "down"]),
    (Compare, &["j", "down"]),
    (Search, &["down", "ctrl-n"]),
];

/// The registry: every bindable action, in help order.
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec {
        action: Action::Quit,
        name: "quit",
        description: "Quit newsdigest (ctrl-c always quits)",
        defaults: &[(Global, &["q"])],
    },
    ActionSpec {
        action: Action::Help,
        name: "help",
        description: "Show or hide this help",
        defaults: &[(Global, &["?"])],
    },
    ActionSpec {
        action: Action::Search,
        name: "search",
        description: "Search the claims and their passages",
        defaults: &[(Global, &["/"])],
    },
    ActionSpec {
        action: Action::Back,
        name: "back",
        description: "Close the overlay or the find, or go back to the previous view",
        defaults: &[(Global, &["esc"]), (Search, &["esc"])],
    },
    ActionSpec {
        action: Action::Up,
        name: "up",
        description: "Move up one item or line",
        defaults: LISTS_AND_READER_UP,
    },
    ActionSpec {
        action: Action::Down,
        name: "down",
        description: "Move down one item or line",
        defaults: LISTS_AND_READER_DOWN,
    },
    ActionSpec {
        action: Action::First,
        name: "first",
        description: "Go to the first item or line",
        defaults: &[
            (Articles, &["g g", "home"]),
            (Claims, &["g g", "home"]),
            (Reader, &["g g", "home"]),
            (Disagreements, &["g g", "home"]),
            (Compare, &["g g", "home"]),
            (Search, &["home"]),
        ],
    },
    ActionSpec {
        action: Action::Last,
        name: "last",
        description: "Go to the last item or line",
        defaults: &[
            (Articles, &["G", "end"]),
            (Claims, &["G", "end"]),
            (Reader, &["G", "end"]),
            (Disagreements, &["G", "end"]),
            (Compare, &["G", "end"]),
            (Search, &["end"]),
        ],
    },
    ActionSpec {
        action: Action::HalfPageDown,
        name: "half-page-down",
        description: "Move down half a page",
        defaults: &[
            (Articles, &["ctrl-d"]),
            (Claims, &["ctrl-d"]),
            (Reader, &["ctrl-d"]),
            (Disagreements, &["ctrl-d"]),
            (Compare, &["ctrl-d"]),
        ],
    },
    ActionSpec {
        action: Action::HalfPageUp,
        name: "half-page-up",
        description: "Move up half a page",
        defaults: &[
            (Articles, &["ctrl-u"]),
            (Claims, &["ctrl-u"]),
            (Reader, &["ctrl-u"]),
            (Disagreements, &["ctrl-u"]),
            (Compare, &["ctrl-u"]),
        ],
    },
    ActionSpec {
        action: Action::PageDown,
        name: "page-down",
        description: "Move down a page",
        defaults: &[
            (Articles, &["pagedown"]),
            (Claims, &["pagedown"]),
            (Reader, &["pagedown", "space"]),
            (Disagreements, &["pagedown", "space"]),
            (Compare, &["pagedown", "space"]),
            (Search, &["pagedown"]),
        ],
    },
    ActionSpec {
        action: Action::PageUp,
        name: "page-up",
        description: "Move up a page",
        defaults: &[
            (Articles, &["pageup"]),
            (Claims, &["pageup"]),
            (Reader, &["pageup"]),
            (Disagreements, &["pageup"]),
            (Compare, &["pageup"]),
            (Search, &["pageup"]),
        ],
    },
    ActionSpec {
        action: Action::SwitchPane,
        name: "switch-pane",
        description: "Switch between articles, claims and passages",
        defaults: &[(Articles, &["tab"]), (Claims, &["tab"])],
    },
    ActionSpec {
        action: Action::PreviousPane,
        name: "previous-pane",
        description: "Switch back: passages, claims, articles",
        defaults: &[(Articles, &["backtab"]), (Claims, &["backtab"])],
    },
    ActionSpec {
        action: Action::Open,
        name: "open",
        description: "Open the article, claim, passage, search result or disagreement; in the reader, list the claims of the line",
        defaults: &[
            (Articles, &["enter"]),
            (Claims, &["enter"]),
            (Reader, &["enter"]),
            (Disagreements, &["enter"]),
            (Compare, &["enter"]),
            (Search, &["enter"]),
        ],
    },
    ActionSpec {
        action: Action::NextPassage,
        name: "next-passage",
        description: "Next supporting passage of the claim, across articles (after a find: the next match)",
        defaults: &[(Claims, &["n"]), (Reader, &["n"])],
    },
    ActionSpec {
        action: Action::PreviousPassage,
        name: "previous-passage",
        description: "Previous supporting passage of the claim, across articles (after a find: the previous match)",
        defaults: &[(Claims, &["N"]), (Reader, &["N"])],
    },
    ActionSpec {
        action: Action::ClaimsHere,
        name: "claims-here",
        description: "List the claims of the sentence under the cursor",
        defaults: &[(Reader, &["c"])],
    },
    ActionSpec {
        action: Action::Find,
        name: "find",
        description: "Find in the article's text; then n and N go to the next and previous match, esc clears",
        defaults: &[(Reader, &["/"])],
    },
    ActionSpec {
        action: Action::Copy,
        name: "copy",
        description: "Copy the claim or passage with its citation (title, outlet, date, file, bytes) to the clipboard",
        defaults: &[
            (Claims, &["y"]),
            (Reader, &["y"]),
            (Disagreements, &["y"]),
            (Compare, &["y"]),
        ],
    },
    ActionSpec {
        action: Action::OpenExternal,
        name: "open-in-pager",
        description: "Open the article in $PAGER (else $EDITOR, else less) at the passage, and come back",
        defaults: &[
            (Articles, &["o"]),
            (Claims, &["o"]),
            (Reader, &["o"]),
            (Disagreements, &["o"]),
            (Compare, &["o"]),
        ],
    },
    ActionSpec {
        action: Action::Denial,
        name: "denial",
        description: "Go to the claim that denies this one, or that this one denies (again: back, then the next)",
        defaults: &[(Claims, &["d"]), (Reader, &["d"]), (Compare, &["d"])],
    },
    ActionSpec {
        action: Action::Compare,
        name: "compare",
        description: "Compare every telling of the claim: its passages by stance, who says it, the figures that differ, the claims that deny it",
        defaults: &[(Claims, &["c"]), (Reader, &["C"])],
    },
    ActionSpec {
        action: Action::FilterArticle,
        name: "filter-article",
        description: "Show only the claims of the selected article; again: those not in it; again: all",
        defaults: &[(Articles, &["f"])],
    },
    ActionSpec {
        action: Action::FilterSource,
        name: "filter-source",
        description: "Show only the claims with a passage from the selected passage's source (again: all)",
        defaults: &[(Claims, &["s"])],
    },
    ActionSpec {
        action: Action::FilterStance,
        name: "filter-stance",
        description: "Show only the claims with a passage of the selected passage's stance (again: all)",
        defaults: &[(Claims, &["t"])],
    },
    ActionSpec {
        action: Action::FilterDisputed,
        name: "filter-disputed",
        description: "Show only the disputed claims (again: all)",
        defaults: &[(Claims, &["x"])],
    },
    ActionSpec {
        action: Action::ClearFilters,
        name: "clear-filters",
        description: "Clear every filter of the claim list",
        defaults: &[(Articles, &["F"]), (Claims, &["F"])],
    },
    ActionSpec {
        action: Action::Disagreements,
        name: "disagreements",
        description: "List the disputes and discrepancies of the story",
        defaults: &[(Global, &["D"])],
    },
    ActionSpec {
        action: Action::DeleteChar,
        name: "delete-char",
        description: "Delete the character before the cursor",
        defaults: &[(Search, &["backspace"])],
    },
    ActionSpec {
        action: Action::DeleteWord,
        name: "delete-word",
        description: "Delete the word before the cursor",
        defaults: &[(Search, &["ctrl-w"])],
    },
    ActionSpec {
        action: Action::CursorLeft,
        name: "cursor-left",
        description: "Move the cursor one character left in the query",
        defaults: &[(Search, &["left"])],
    },
    ActionSpec {
        action: Action::CursorRight,
        name: "cursor-right",
        description: "Move the cursor one character right in the query",
        defaults: &[(Search, &["right"])],
    },
    ActionSpec {
        action: Action::ClearQuery,
        name: "clear-query",
        description: "Clear the query",
        defaults: &[(Search, &["ctrl-u"])],
    },
];

pub fn spec_by_name(name: &str) -> Option<&'static ActionSpec> {
    ACTIONS.iter().find(|s| s.name == name)
}

//! Where each part of the screen goes. Shared by drawing and by the state
//! updates that need page sizes or have to find what a click hit.

use ratatui::layout::{Constraint, Layout, Rect};

/// The three panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Articles,
    Claims,
    Passages,
}

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// The reader's text column is never wider than this.
pub const MAX_READER_TEXT: u16 = 96;
/// Columns left of the reader text: the cursor mark and a space.
pub const READER_GUTTER: u16 = 2;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The main screen: three panes and the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MainAreas {
    pub articles: Rect,
    pub claims: Rect,
    pub passages: Rect,
    pub status: Rect,
}

/// Inside a pane's border.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

/// Rows a pane keeps when another has the focus, border included: the
/// articles pane shows the selected article's title, the passages pane the
/// start of the selected claim.
const COLLAPSED_ARTICLES: u16 = 3;
const COLLAPSED_DETAIL: u16 = 5;
/// Rows the claim list keeps while the articles pane has the focus.
const COLLAPSED_CLAIMS: u16 = 6;
/// Rows the claim list keeps, at least, while the passages pane has it:
/// the selected claim's row.
const FOLLOWED_CLAIMS: u16 = 3;

/// Where the panes go. Side by side when the window is wide; stacked when
/// it is not, and then the focused pane grows and the others keep a few
/// rows each (lazygit's accordion), so the list being read always has
/// the room.
pub fn main_areas(area: Rect, article_count: usize, focus: Pane) -> MainAreas {
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    // Two rows per article plus the border.
    let wanted = (article_count as u16).saturating_mul(2).saturating_add(2);
    if body.width >= 110 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)])
                .areas(body);
        let articles_height = if focus == Pane::Articles {
            wanted.min(left.height / 2)
        } else {
            wanted.min(left.height / 4)
        }
        .max(COLLAPSED_ARTICLES);
        let [articles, claims] =
            Layout::vertical([Constraint::Length(articles_height), Constraint::Min(3)]).areas(left);
        return MainAreas {
            articles,
            claims,
            passages: right,
            status,
        };
    }
    let height = body.height;
    let (articles_height, claims_height) = match focus {
        Pane::Articles => {
            let articles = wanted.min(height.saturating_sub(COLLAPSED_CLAIMS + COLLAPSED_DETAIL));
            let claims = height.saturating_sub(articles + COLLAPSED_DETAIL);
            (articles.max(COLLAPSED_ARTICLES), claims)
        }
        Pane::Claims => {
            // The detail pane grows with the window, a quarter of it.
            let detail = (height / 4).max(COLLAPSED_DETAIL);
            (
                COLLAPSED_ARTICLES,
                height.saturating_sub(COLLAPSED_ARTICLES + detail),
            )
        }
        Pane::Passages => (COLLAPSED_ARTICLES, FOLLOWED_CLAIMS.max(height / 5)),
    };
    let [articles, claims, passages] = Layout::vertical([
        Constraint::Length(articles_height),
        Constraint::Length(claims_height),
        Constraint::Min(0),
    ])
    .areas(body);
    MainAreas {
        articles,
        claims,
        passages,
        status,
    }
}

/// The reader: a header row, the text and the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    pub header: Rect,
    pub body: Rect,
    /// The text column inside the body, right of the gutter.
    pub text: Rect,
    pub status: Rect,
}

pub fn reader_areas(area: Rect) -> ReaderAreas {
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let available = body.width.saturating_sub(READER_GUTTER + 1);
    let text_width = available.min(MAX_READER_TEXT);
    let left = body.x + (available - text_width) / 2 + READER_GUTTER;
    ReaderAreas {
        header,
        body,
        text: Rect {
            x: left,
            y: body.y,
            width: text_width,
            height: body.height,
        },
        status,
    }
}

/// Columns of margin a popup leaves on each side, at least: fewer would
/// show cut fragments of the screen beneath ("│s│") rather than a margin.
const POPUP_MARGIN: u16 = 6;

/// Rows the selected claim's detail may take above its passages: all of
/// the pane when it shows little else, a third when the passages have the
/// focus and are what is being read.
pub fn detail_rows(inner_height: u16, passages_focused: bool) -> u16 {
    if passages_focused {
        inner_height / 3
    } else {
        inner_height
    }
}

/// A centred box of at most the given size. Where the window leaves less
/// than a real margin beside it, the box takes the whole width.
pub fn centered(area: Rect, max_width: u16, max_height: u16) -> Rect {
    let width = if max_width.saturating_add(2 * POPUP_MARGIN) > area.width {
        area.width
    } else {
        max_width
    }
    .max(1);
    let height = max_height.min(area.height.saturating_sub(2)).max(1);
    Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    }
}

/// The search box: the popup, its query row, its result rows and the
/// preview of the selected result's matching passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchAreas {
    pub popup: Rect,
    pub query: Rect,
    pub results: Rect,
    /// Below a rule; no rows when the popup is too low for one.
    pub preview: Rect,
}

/// Rows of the search preview, its rule included, when the popup has room.
const SEARCH_PREVIEW: u16 = 6;

pub fn search_areas(area: Rect) -> SearchAreas {
    let popup = centered(area, 110, area.height.saturating_mul(4) / 5);
    let inside = inner(popup);
    let preview_height = if inside.height >= 2 + 4 + SEARCH_PREVIEW {
        SEARCH_PREVIEW
    } else {
        0
    };
    let [query, _, results, preview] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(preview_height),
    ])
    .areas(inside);
    SearchAreas {
        popup,
        query,
        results,
        preview,
    }
}

pub fn help_area(area: Rect) -> Rect {
    centered(area, 100, area.height)
}

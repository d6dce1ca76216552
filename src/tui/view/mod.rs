//! Drawing: a pure function of the state. One module per view.

pub mod compare;
pub mod disagreements;
pub mod help;
pub mod picker;
pub mod reader;
pub mod search;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    StatefulWidget, Widget, Wrap,
};
use unicode_width::UnicodeWidthStr;

use super::action::{Action, Context};
use super::app::{App, ListCursor, Pane, Screen};
use super::layout;
use super::rows::{self, claims, item_width, plural};
use super::terminal_text::truncate;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small(area) {
        render_too_small(frame, area);
        return;
    }
    match app.screen {
        Screen::Main => render_main(app, frame, area),
        Screen::Reader(state) => reader::render(app, &state, frame, area),
        Screen::Disagreements(cursor) => disagreements::render(app, cursor, frame, area),
        Screen::Compare(state) => compare::render(app, &state, frame, area),
    }
    if let Some(picker) = &app.picker {
        picker::render(app, picker, frame, area);
    }
    if let Some(search) = &app.search {
        search::render(app, search, frame, area);
    }
    if let Some(scroll) = app.help {
        help::render(app, scroll, frame, area);
    }
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "newsdigest needs at least {}×{}\nthis terminal is {}×{} · q quits",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT,
        area.width,
        area.height
    );
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

fn render_main(app: &App, frame: &mut Frame, area: Rect) {
    let areas = layout::main_areas(area, app.story.corpus.articles.len(), app.focus);
    let claim = app
        .selected_claim()
        .and_then(|c| app.story.digest.claims.get(c));
    let passages_title = claim.map_or_else(
        || " Supporting passages ".to_string(),
        |c| format!(" Supporting passages of {} ({}) ", c.id, c.support.len()),
    );
    let position = |cursor: ListCursor, len: usize| {
        if len == 0 {
            "0".to_string()
        } else {
            format!("{}/{len}", cursor.selected + 1)
        }
    };
    let panes = [
        (
            Pane::Articles,
            areas.articles,
            format!(
                " Articles {} ",
                position(app.articles, app.story.corpus.articles.len())
            ),
            app.articles,
        ),
        (
            Pane::Claims,
            areas.claims,
            claims_title(
                app,
                position(app.claims, app.shown_claims.len()),
                areas.claims.width,
            ),
            app.claims,
        ),
        (Pane::Passages, areas.passages, passages_title, app.passages),
    ];
    let legend_room = layout::inner(areas.claims).width as usize;
    let rows = app.rows();
    for (pane, rect, title, cursor) in panes {
        let focused = app.focus == pane;
        let len = match pane {
            Pane::Articles => app.story.corpus.articles.len(),
            Pane::Claims => app.shown_claims.len(),
            Pane::Passages => claim.map_or(0, |c| c.support.len()),
        };
        let header = match pane {
            Pane::Passages => {
                let inner = layout::inner(rect);
                let mut lines =
                    rows::passages::header_lines(&rows, app.selected_claim(), inner.width);
                lines.truncate(layout::detail_rows(inner.height, focused) as usize);
                lines
            }
            _ => Vec::new(),
        };
        let legend = match pane {
            Pane::Claims => claims::legend(legend_room),
            _ => None,
        };
        render_list(
            app,
            frame.buffer_mut(),
            List {
                legend,
                rect,
                title: &title,
                focused,
                len,
                cursor,
                header,
            },
            |i, width| match pane {
                Pane::Articles => rows::articles::item_lines(&rows, i, width),
                Pane::Claims => claims::item_lines(&rows, i, width),
                Pane::Passages => rows::passages::item_lines(&rows, app.selected_claim(), i, width),
            },
            |i| match pane {
                Pane::Claims => claims::lead_lines(&rows, i),
                _ => 0,
            },
        );
    }
    let left = app.message.clone().unwrap_or_else(|| {
        format!(
            "{} · {}",
            plural(app.story.corpus.articles.len(), "article", "articles"),
            plural(app.story.digest.claims.len(), "claim", "claims")
        )
    });
    // The pane's keys, also while an overlay covers it.
    let context = if app.focus == Pane::Articles {
        Context::Articles
    } else {
        Context::Claims
    };
    // Least wanted first: a narrow window drops hints from the front, and
    // help and quit always stay.
    let hints = hints(
        app,
        context,
        &[
            (Action::Denial, "denial"),
            (Action::Disagreements, "disputes"),
            (Action::Compare, "compare"),
            (Action::SwitchPane, "pane"),
            (Action::Open, "open"),
            (Action::Search, "search"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    );
    render_status(app, frame.buffer_mut(), areas.status, &left, &hints);
}

/// " Claims 3/12 · in Title · disputed · F clears ": the position, and the
/// filters in force with the key that clears them, cut to the pane.
fn claims_title(app: &App, position: String, width: u16) -> String {
    let labels = app.filter_labels();
    if labels.is_empty() {
        return format!(" Claims {position} ");
    }
    let key = app
        .keymap
        .keys_of(Context::Claims, Action::ClearFilters)
        .first()
        .map(|k| format!(" · {k} clears"))
        .unwrap_or_default();
    let room = (width as usize).saturating_sub(6 + key.width() + position.width() + 10);
    format!(
        " Claims {position} · {}{key} ",
        truncate(&labels.join(" · "), room.max(8))
    )
}

/// "key label · key label" for the actions bound here, first key each.
pub fn hints(app: &App, context: Context, actions: &[(Action, &str)]) -> Vec<String> {
    actions
        .iter()
        .filter_map(|(action, label)| {
            let keys = app.keymap.keys_of(context, *action);
            let keys = if keys.is_empty() {
                app.keymap.keys_of(Context::Global, *action)
            } else {
                keys
            };
            keys.first().map(|k| format!("{k} {label}"))
        })
        .collect()
}

/// Draws a popup's frame over what is under it: cleared, bordered as
/// focused, titled, with the keys that act in it (and `note`) at the bottom.
pub fn popup_frame(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    keys: (Context, &[(Action, &str)]),
    note: &str,
) {
    Clear.render(area, buf);
    let (context, actions) = keys;
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focused_border)
        .title(Span::styled(format!(" {title} "), app.theme.title))
        .title_bottom(Span::styled(
            format!(" {}{note} ", hints(app, context, actions).join(" · ")),
            app.theme.dim,
        ))
        .render(area, buf);
}

/// Hints that stay however narrow the window: the last two (help and quit
/// where a view offers them), so a newcomer always learns about `?`.
const KEPT_HINTS: usize = 2;

/// The status bar: a message or position on the left, key hints on the
/// right. Hints are listed least wanted first and dropped from the front
/// when they do not fit beside a third of the bar for the left side; the
/// last two always show, and the left side is cut with "…" to make room.
pub fn render_status(app: &App, buf: &mut Buffer, area: Rect, left: &str, hints: &[String]) {
    buf.set_style(area, app.theme.status);
    let room = area.width.saturating_sub(2) as usize;
    // A long title keeps a third of the bar and gives the rest to the
    // hints; a message (the answer to what the user just did) keeps all it
    // needs but the two hints that always show.
    let is_message = app.message.as_deref() == Some(left);
    let left_width = truncate(left, usize::MAX).width();
    let left_width = if is_message {
        left_width
    } else {
        left_width.min(room / 3)
    };
    let kept = hints.len().saturating_sub(KEPT_HINTS);
    let mut first = 0;
    let right = loop {
        let right = hints[first..].join(" · ");
        if first >= kept || left_width + 3 + right.width() <= room {
            break right;
        }
        first += 1;
    };
    let right_width = right.width();
    let left_room = room.saturating_sub(if right.is_empty() { 0 } else { right_width + 3 });
    buf.set_string(
        area.x + 1,
        area.y,
        truncate(left, left_room),
        app.theme.status,
    );
    if !right.is_empty() {
        let x = area.x + area.width.saturating_sub(right_width as u16 + 1);
        buf.set_stringn(x, area.y, &right, room, app.theme.status);
    }
}

/// A bordered list to draw: its frame, its state, and lines shown above
/// the items (the detail of the selected claim).
pub struct List<'a> {
    pub rect: Rect,
    pub title: &'a str,
    pub focused: bool,
    pub len: usize,
    pub cursor: ListCursor,
    pub header: Vec<Line<'static>>,
    /// What the marks mean, on the bottom border.
    pub legend: Option<&'static str>,
}

/// A bordered list of multi-line items, the selected one marked; items
/// may open with lines that belong to no item (`lead`: a divider), which
/// are not marked. A scrollbar on the right border shows where the view
/// is when the items do not all fit.
pub fn render_list(
    app: &App,
    buf: &mut Buffer,
    list: List<'_>,
    item: impl Fn(usize, u16) -> Vec<Line<'static>>,
    lead: impl Fn(usize) -> usize,
) {
    let List {
        rect,
        title,
        focused,
        len,
        cursor,
        header,
        legend,
    } = list;
    let border = if focused {
        app.theme.focused_border
    } else {
        app.theme.border
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title.to_string(), app.theme.title));
    if let Some(legend) = legend {
        block = block.title_bottom(Span::styled(legend, app.theme.dim));
    }
    let mut inner = block.inner(rect);
    ratatui::widgets::Widget::render(block, rect, buf);
    let width = item_width(inner.width);
    for line in header.iter().take(inner.height as usize) {
        buf.set_line(inner.x + 2, inner.y, line, width);
        inner.y += 1;
        inner.height -= 1;
    }
    if len == 0 {
        buf.set_stringn(
            inner.x + 2,
            inner.y,
            "(none)",
            width as usize,
            app.theme.dim,
        );
        return;
    }
    let mut y = inner.y;
    let mut all_shown = cursor.offset == 0;
    for i in cursor.offset..len {
        if y >= inner.bottom() {
            all_shown = false;
            break;
        }
        let lines = item(i, inner.width);
        let unmarked = lead(i);
        let selected = i == cursor.selected;
        for (n, line) in lines.into_iter().enumerate() {
            if y >= inner.bottom() {
                all_shown = false;
                break;
            }
            let row = Rect::new(inner.x, y, inner.width, 1);
            if selected && n >= unmarked {
                buf.set_style(row, app.theme.selected);
                let mark = if focused { "▌" } else { "▏" };
                buf.set_string(inner.x, y, mark, app.theme.marker);
            }
            buf.set_line(inner.x + 2, y, &line, width);
            y += 1;
        }
    }
    if !all_shown && inner.height > 0 {
        let mut state = ScrollbarState::new(len).position(cursor.selected);
        let track = Rect {
            x: rect.x,
            y: inner.y,
            width: rect.width,
            height: inner.height,
        };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(border)
            .thumb_symbol("┃")
            .thumb_style(border)
            .render(track, buf, &mut state);
    }
}

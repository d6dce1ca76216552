//! Drawing: a pure function of the state. One module per view.

pub mod articles;
pub mod claims;
pub mod disagreements;
pub mod help;
pub mod passages;
pub mod picker;
pub mod reader;
pub mod search;

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::{Action, Context};
use super::app::{App, ListCursor, Pane, Screen};
use super::layout;
use super::terminal_text::{truncate, visible};

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
    let areas = layout::main_areas(area, app.corpus.articles.len());
    let claim_title = app.digest.claims.get(app.claims.selected).map_or_else(
        || " Supporting passages ".to_string(),
        |c| format!(" Supporting passages of {} ({}) ", c.id, c.support.len()),
    );
    let panes = [
        (
            Pane::Articles,
            areas.articles,
            format!(" Articles ({}) ", app.corpus.articles.len()),
            app.articles,
        ),
        (
            Pane::Claims,
            areas.claims,
            format!(" Claims ({}) ", app.digest.claims.len()),
            app.claims,
        ),
        (Pane::Passages, areas.passages, claim_title, app.passages),
    ];
    for (pane, rect, title, cursor) in panes {
        let focused = app.focus == pane;
        let len = match pane {
            Pane::Articles => app.corpus.articles.len(),
            Pane::Claims => app.digest.claims.len(),
            Pane::Passages => app
                .digest
                .claims
                .get(app.claims.selected)
                .map_or(0, |c| c.support.len()),
        };
        render_list(
            app,
            frame.buffer_mut(),
            rect,
            &title,
            focused,
            len,
            cursor,
            |i, width| match pane {
                Pane::Articles => articles::item_lines(app, i, width),
                Pane::Claims => claims::item_lines(app, i, width),
                Pane::Passages => passages::item_lines(app, i, width),
            },
        );
    }
    let left = app.message.clone().unwrap_or_else(|| {
        format!(
            "{} · {}",
            plural(app.corpus.articles.len(), "article", "articles"),
            plural(app.digest.claims.len(), "claim", "claims")
        )
    });
    let context = app.context();
    let hints = hints(
        app,
        context,
        &[
            (Action::SwitchPane, "pane"),
            (Action::Open, "open"),
            (Action::Denial, "denial"),
            (Action::Disagreements, "disputes"),
            (Action::Search, "search"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    );
    render_status(app, frame.buffer_mut(), areas.status, &left, &hints);
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

/// The status bar: a message or position on the left, key hints on the
/// right. Hints that do not fit are dropped from the end; the left side is
/// cut with "…" only when no hint is left.
pub fn render_status(app: &App, buf: &mut Buffer, area: Rect, left: &str, hints: &[String]) {
    buf.set_style(area, app.theme.status);
    let room = area.width.saturating_sub(2) as usize;
    let left_width = truncate(left, usize::MAX).width();
    let mut shown = hints.len();
    let right = loop {
        let right = hints[..shown].join(" · ");
        if shown == 0 || left_width + 3 + right.width() <= room {
            break right;
        }
        shown -= 1;
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
        buf.set_string(x, area.y, &right, app.theme.status);
    }
}

/// A bordered list of multi-line items, the selected one marked.
#[allow(clippy::too_many_arguments)]
pub fn render_list(
    app: &App,
    buf: &mut Buffer,
    rect: Rect,
    title: &str,
    focused: bool,
    len: usize,
    cursor: ListCursor,
    item: impl Fn(usize, u16) -> Vec<Line<'static>>,
) {
    let border = if focused {
        app.theme.focused_border
    } else {
        app.theme.border
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title.to_string(), app.theme.title));
    let inner = block.inner(rect);
    ratatui::widgets::Widget::render(block, rect, buf);
    if len == 0 {
        buf.set_stringn(
            inner.x + 2,
            inner.y,
            "(none)",
            inner.width.saturating_sub(2) as usize,
            app.theme.dim,
        );
        return;
    }
    let mut y = inner.y;
    for i in cursor.offset..len {
        if y >= inner.bottom() {
            break;
        }
        let lines = item(i, inner.width);
        let selected = i == cursor.selected;
        for line in lines {
            if y >= inner.bottom() {
                break;
            }
            let row = Rect::new(inner.x, y, inner.width, 1);
            if selected {
                buf.set_style(row, app.theme.selected);
                let mark = if focused { "▌" } else { "▏" };
                buf.set_string(inner.x, y, mark, app.theme.marker);
            }
            buf.set_line(inner.x + 2, y, &line, inner.width.saturating_sub(2));
            y += 1;
        }
    }
}

/// Spans of `text[range]` shown safely, each part styled by the
/// highlights that cover it (later ones win) over a base style.
pub fn styled_segments(
    text: &str,
    range: Range<usize>,
    highlights: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Span<'static>> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for (h, _) in highlights {
        for b in [h.start, h.end] {
            if b > range.start && b < range.end && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let style = highlights
            .iter()
            .filter(|(h, _)| h.start <= a && b <= h.end)
            .fold(base, |s, (_, hs)| s.patch(*hs));
        spans.push(Span::styled(visible(piece).into_owned(), style));
    }
    spans
}

/// "The Guardian · reports" for a passage, from the attributions found at
/// start-up.
pub fn attribution_label(app: &App, passage: newsdigest::PassageRef) -> Option<String> {
    app.attributions
        .get(&passage)
        .map(|a| format!("{} · {}", visible(a.source_label()), a.stance.name()))
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The badge of a claim: "4 articles · 6 passages".
pub fn badge(article_count: usize, passage_count: usize) -> String {
    format!(
        "{} · {}",
        plural(article_count, "article", "articles"),
        plural(passage_count, "passage", "passages")
    )
}

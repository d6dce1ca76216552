//! One claim, every telling: its passages grouped by stance (alleges,
//! reports, asserts, denies), each with who says it and where, the figures
//! that differ between them highlighted; then the claims that deny it.
//! Each passage and each denying claim is one selectable item.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{hints, render_status};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, CompareState};
use crate::tui::layout;
use crate::tui::rows::compare::{columns, first_shown, items};
use crate::tui::rows::plural;
use crate::tui::terminal_text::truncate;

pub fn render(app: &App, state: &CompareState, frame: &mut Frame, area: Rect) {
    let areas = layout::reader_areas(area);
    let buf = frame.buffer_mut();
    buf.set_style(areas.header, app.theme.status);
    let id = app
        .story
        .digest
        .claims
        .get(state.claim)
        .map_or("", |c| c.id.as_str());
    let rows = app.rows();
    let count = items(&rows, state.claim).len();
    let header = format!(
        "Every telling of {id} · {}",
        plural(
            app.story
                .digest
                .claims
                .get(state.claim)
                .map_or(0, |c| c.support.len()),
            "passage",
            "passages"
        )
    );
    buf.set_string(
        areas.header.x + 1,
        areas.header.y,
        truncate(&header, areas.header.width.saturating_sub(2) as usize),
        app.theme.status.patch(app.theme.title),
    );
    for (text, lines) in columns(&rows, state.claim, area) {
        let top = first_shown(&lines, state.cursor.selected, text.height as usize);
        let height = text.height as usize;
        for (row, ((line, selectable), item)) in lines.iter().skip(top).take(height).enumerate() {
            let y = text.y + row as u16;
            if *selectable && *item == Some(state.cursor.selected) {
                buf.set_style(Rect::new(text.x, y, text.width, 1), app.theme.selected);
                buf.set_string(
                    text.x.saturating_sub(layout::READER_GUTTER),
                    y,
                    "▌",
                    app.theme.marker,
                );
            }
            buf.set_line(text.x, y, line, text.width);
        }
    }
    let left = app.message.clone().unwrap_or_else(|| {
        if count == 0 {
            "No passage".to_string()
        } else {
            format!("{} of {count}", state.cursor.selected + 1)
        }
    });
    let hints = hints(
        app,
        Context::Compare,
        &[
            (Action::Copy, "copy"),
            (Action::Denial, "denial"),
            (Action::Back, "back"),
            (Action::Open, "open"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    );
    render_status(app, buf, areas.status, &left, &hints);
}

//! Where the sources disagree: every dispute (a claim and the claim that
//! denies it, with their article counts) and every discrepancy (a value
//! told differently, each side with its values, article and passage).
//! Each side is one selectable item; `enter` opens the reader at it.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{hints, render_status};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, ListCursor};
use crate::tui::layout;
use crate::tui::rows::disagreements::side_lines;
use crate::tui::rows::plural;
use crate::tui::story::Disagreement;
use crate::tui::terminal_text::truncate;

/// "Dispute 2 of 5" or "Discrepancy (year) 1 of 2" for the selected side.
fn position(app: &App, cursor: ListCursor) -> String {
    match app
        .story
        .disagreement_sides
        .get(cursor.selected)
        .map(|s| s.of)
    {
        Some(Disagreement::Dispute(i)) => {
            format!(
                "Dispute {} of {}",
                i + 1,
                app.story.disagreements.disputes.len()
            )
        }
        Some(Disagreement::Discrepancy(i)) => format!(
            "Discrepancy {} of {}",
            i + 1,
            app.story.disagreements.discrepancies.len()
        ),
        None => "The sources agree: no dispute or discrepancy found".to_string(),
    }
}

pub fn render(app: &App, cursor: ListCursor, frame: &mut Frame, area: Rect) {
    let areas = layout::reader_areas(area);
    let buf = frame.buffer_mut();
    buf.set_style(areas.header, app.theme.status);
    let header = format!(
        "Where the sources disagree · {} · {}",
        plural(
            app.story.disagreements.disputes.len(),
            "dispute",
            "disputes"
        ),
        plural(
            app.story.disagreements.discrepancies.len(),
            "discrepancy",
            "discrepancies"
        )
    );
    buf.set_string(
        areas.header.x + 1,
        areas.header.y,
        truncate(&header, areas.header.width.saturating_sub(2) as usize),
        app.theme.status.patch(app.theme.title),
    );
    let text = areas.text;
    if app.story.disagreement_sides.is_empty() {
        buf.set_stringn(text.x, text.y, "(none)", text.width as usize, app.theme.dim);
    }
    let rows = app.rows();
    let mut y = text.y;
    'sides: for i in cursor.offset..app.story.disagreement_sides.len() {
        let selected = i == cursor.selected;
        for (line, selectable) in side_lines(&rows, i, text.width) {
            if y >= text.bottom() {
                break 'sides;
            }
            if selected && selectable {
                buf.set_style(Rect::new(text.x, y, text.width, 1), app.theme.selected);
                buf.set_string(
                    text.x.saturating_sub(layout::READER_GUTTER),
                    y,
                    "▌",
                    app.theme.marker,
                );
            }
            buf.set_line(text.x, y, &line, text.width);
            y += 1;
        }
    }
    let left = app.message.clone().unwrap_or_else(|| position(app, cursor));
    let hints = hints(
        app,
        Context::Disagreements,
        &[
            (Action::Back, "back"),
            (Action::Open, "open passage"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    );
    render_status(app, buf, areas.status, &left, &hints);
}

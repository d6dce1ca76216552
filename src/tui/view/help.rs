//! The help overlay, generated from the live keymap: every action of each
//! context with its keys and description.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::popup_frame;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::rows::help::lines;

pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let popup = layout::help_area(area);
    let buf = frame.buffer_mut();
    popup_frame(
        app,
        buf,
        popup,
        "Keys",
        (
            app.context(),
            &[(Action::Help, "closes"), (Action::Down, "scrolls")],
        ),
        " · keymap.toml changes these",
    );
    let inner = layout::inner(popup);
    for (row, line) in lines(&app.rows(), inner.width)
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}

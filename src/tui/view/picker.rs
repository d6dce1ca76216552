//! The claims of the reader's current line, to go to one of them.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::popup_frame;
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, ClaimPicker, Screen};
use crate::tui::layout;
use crate::tui::rows::claims;

pub fn render(app: &App, picker: &ClaimPicker, frame: &mut Frame, area: Rect) {
    let inner_width = layout::centered(area, 90, 1).width.saturating_sub(2);
    // The picker lists claims by their index in the digest, whatever the
    // claim list's filters hide: a row of the list would be another claim.
    let rows = app.rows();
    let items: Vec<Vec<_>> = picker
        .claims
        .iter()
        .map(|&c| {
            claims::claim_line(&rows, c, inner_width)
                .into_iter()
                .collect()
        })
        .collect();
    let height: usize = items.iter().map(Vec::len).sum();
    let mut popup = layout::centered(area, 90, height as u16 + 2);
    // Beside the cursor line, not over it: below it in the upper half of
    // the screen, above it in the lower half.
    if let Screen::Reader(state) = app.screen {
        let text = layout::reader_areas(area).text;
        let cursor_row = text.y + state.cursor.saturating_sub(state.top) as u16;
        if cursor_row < area.height / 2 {
            popup.y = (cursor_row + 1).min(area.bottom().saturating_sub(popup.height));
        } else {
            popup.y = cursor_row.saturating_sub(popup.height).max(area.y);
        }
    }
    let buf = frame.buffer_mut();
    popup_frame(
        app,
        buf,
        popup,
        "Claims of this line",
        (
            Context::Reader,
            &[
                (Action::Open, "goes to the claim"),
                (Action::Back, "closes"),
            ],
        ),
        "",
    );
    let inner = layout::inner(popup);
    let mut y = inner.y;
    for (i, lines) in items.iter().enumerate() {
        for line in lines {
            if y >= inner.bottom() {
                return;
            }
            if i == picker.selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), app.theme.selected);
                buf.set_string(inner.x, y, "▌", app.theme.marker);
            }
            buf.set_line(inner.x + 2, y, line, inner.width.saturating_sub(2));
            y += 1;
        }
    }
}

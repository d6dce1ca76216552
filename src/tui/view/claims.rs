//! The claim list: the representative text wrapped, then its badge.

use ratatui::text::{Line, Span};

use super::badge;
use crate::tui::app::App;
use crate::tui::terminal_text::visible;

pub fn item_lines(app: &App, index: usize, width: u16) -> Vec<Line<'static>> {
    let Some(claim) = app.digest.claims.get(index) else {
        return Vec::new();
    };
    let width = width.saturating_sub(2).max(1) as usize;
    let text = visible(&claim.text);
    let mut lines: Vec<Line<'static>> = textwrap::wrap(&text, width)
        .into_iter()
        .map(|l| Line::from(l.into_owned()))
        .collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{} · ", claim.id), app.theme.dim),
        Span::styled(
            badge(claim.article_count(), claim.passage_count()),
            app.theme.badge,
        ),
    ]));
    lines
}

//! The help overlay, generated from the live keymap: every action of each
//! context with its keys and description.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::popup_frame;
use crate::tui::action::{ACTIONS, Action, Context};
use crate::tui::app::App;
use crate::tui::layout;

const KEYS_COLUMN: usize = 18;
const NAME_COLUMN: usize = 18;

pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let description_width = (width as usize)
        .saturating_sub(KEYS_COLUMN + NAME_COLUMN + 1)
        .max(10);
    let mut out = legend(app, width);
    for context in Context::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(
            format!("{} [{}]", context.title(), context.name()),
            app.theme.heading,
        )));
        if context == Context::Global {
            out.push(row(app, "ctrl-c", "", "Quit, always", description_width));
        }
        // The context's own actions, and global ones the user bound here.
        let listed = ACTIONS.iter().filter(|s| {
            s.applies_in(context)
                || (s.applies_in(Context::Global)
                    && !app.keymap.keys_of(context, s.action).is_empty())
        });
        for spec in listed {
            let keys = app.keymap.keys_of(context, spec.action);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                keys.join(", ")
            };
            let mut first = true;
            for part in textwrap::wrap(spec.description, description_width) {
                if first {
                    out.push(row(app, &keys, spec.name, &part, description_width));
                    first = false;
                } else {
                    out.push(row(app, "", "", &part, description_width));
                }
            }
        }
    }
    out
}

/// What the marks and the reader's colours mean, each shown as it is on
/// screen, so the legend reads the same under NO_COLOR.
pub fn legend(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let room = (width as usize).saturating_sub(KEYS_COLUMN).max(10);
    let entries = [
        ("4a 6p", t.badge, "made by 4 articles in 6 passages"),
        (
            "disputed",
            t.disputed,
            "others deny it (\"4 vs 3 articles\": asserting vs denying)",
        ),
        ("denies", t.disputed, "it denies another claim"),
        (
            "≠ year",
            t.discrepancy,
            "another article gives this value differently",
        ),
        (
            "claim",
            t.claim,
            "in the reader: a claim several articles make",
        ),
        ("passage", t.current, "in the reader: the passage jumped to"),
        ("match", t.matched, "a match of the search or the find"),
        (
            "boilerplate",
            t.noise,
            "share buttons, sign-ups, captions: never claims",
        ),
    ];
    let mut out = vec![Line::from(Span::styled(
        "What the marks and colours mean",
        t.heading,
    ))];
    for (sample, style, meaning) in entries {
        // The meaning wraps under itself, as the key descriptions do.
        for (n, part) in textwrap::wrap(meaning, room).into_iter().enumerate() {
            let lead = if n == 0 { sample } else { "" };
            let pad = " ".repeat(KEYS_COLUMN.saturating_sub(lead.width() + 1).max(1));
            out.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(lead.to_string(), style),
                Span::raw(format!("{pad}{part}")),
            ]));
        }
    }
    out
}

fn row(app: &App, keys: &str, name: &str, description: &str, _width: usize) -> Line<'static> {
    let pad = |s: &str, n: usize| {
        let w = s.width();
        format!("{s}{}", " ".repeat(n.saturating_sub(w).max(1)))
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(pad(keys, KEYS_COLUMN - 1), app.theme.key),
        Span::styled(pad(name, NAME_COLUMN), app.theme.dim),
        Span::raw(description.to_string()),
    ])
}

fn inner_width(app: &App) -> u16 {
    layout::inner(layout::help_area(app.area)).width
}

pub fn line_count(app: &App) -> usize {
    lines(app, inner_width(app)).len()
}

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
    for (row, line) in lines(app, inner.width)
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}

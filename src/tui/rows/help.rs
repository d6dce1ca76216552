//! The rows of the help overlay, generated from the live keymap: what the
//! marks and colours mean, then every action of each context with its keys
//! and description.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Rows;
use crate::tui::action::{ACTIONS, Context};

const KEYS_COLUMN: usize = 18;
const NAME_COLUMN: usize = 18;

pub fn lines(rows: &Rows<'_>, width: u16) -> Vec<Line<'static>> {
    let description_width = (width as usize)
        .saturating_sub(KEYS_COLUMN + NAME_COLUMN + 1)
        .max(10);
    let mut out = legend(rows, width);
    for context in Context::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(
            format!("{} [{}]", context.title(), context.name()),
            rows.theme.heading,
        )));
        if context == Context::Global {
            out.push(row(rows, "ctrl-c", "", "Quit, always", description_width));
        }
        // The context's own actions, and global ones the user bound here.
        let listed = ACTIONS.iter().filter(|s| {
            s.applies_in(context)
                || (s.applies_in(Context::Global)
                    && !rows.keymap.keys_of(context, s.action).is_empty())
        });
        for spec in listed {
            let keys = rows.keymap.keys_of(context, spec.action);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                keys.join(", ")
            };
            let mut first = true;
            for part in textwrap::wrap(spec.description, description_width) {
                if first {
                    out.push(row(rows, &keys, spec.name, &part, description_width));
                    first = false;
                } else {
                    out.push(row(rows, "", "", &part, description_width));
                }
            }
        }
    }
    out
}

/// What the marks and the reader's colours mean, each shown as it is on
/// screen, so the legend reads the same under NO_COLOR.
pub fn legend(rows: &Rows<'_>, width: u16) -> Vec<Line<'static>> {
    let t = &rows.theme;
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

fn row(rows: &Rows<'_>, keys: &str, name: &str, description: &str, _width: usize) -> Line<'static> {
    let pad = |s: &str, n: usize| {
        let w = s.width();
        format!("{s}{}", " ".repeat(n.saturating_sub(w).max(1)))
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(pad(keys, KEYS_COLUMN - 1), rows.theme.key),
        Span::styled(pad(name, NAME_COLUMN), rows.theme.dim),
        Span::raw(description.to_string()),
    ])
}

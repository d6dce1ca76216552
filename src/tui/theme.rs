//! Styles, with and without colour (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub focused_border: Style,
    pub title: Style,
    /// The selected item of a list.
    pub selected: Style,
    /// The selection mark left of the selected item.
    pub marker: Style,
    /// Secondary text: bylines, dates, claim ids.
    pub dim: Style,
    /// Boilerplate lines in the reader.
    pub noise: Style,
    /// Passages that support a claim.
    pub claim: Style,
    /// The passage jumped to.
    pub current: Style,
    /// Matched characters of a search.
    pub matched: Style,
    pub badge: Style,
    /// "disputed …" and "denies …" marks of a claim.
    pub disputed: Style,
    /// "≠ year" marks, and the values of a discrepancy.
    pub discrepancy: Style,
    pub status: Style,
    pub heading: Style,
    pub key: Style,
}

impl Theme {
    /// Colours unless the `NO_COLOR` variable is set to anything but "".
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::no_color(),
            _ => Theme::color(),
        }
    }

    pub fn color() -> Theme {
        Theme {
            border: Style::new().fg(Color::DarkGray),
            focused_border: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().bg(Color::Indexed(237)),
            marker: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            noise: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
            claim: Style::new().fg(Color::LightCyan),
            current: Style::new().fg(Color::Black).bg(Color::Yellow),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            badge: Style::new().fg(Color::Green),
            disputed: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            discrepancy: Style::new().fg(Color::LightMagenta),
            status: Style::new().fg(Color::White).bg(Color::Indexed(236)),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Yellow),
        }
    }

    /// Modifiers only: bold, dim, underline, reverse.
    pub fn no_color() -> Theme {
        Theme {
            border: Style::new(),
            focused_border: Style::new().add_modifier(Modifier::BOLD),
            // Titles stay plain so that bold marks the selection.
            title: Style::new(),
            selected: Style::new().add_modifier(Modifier::BOLD),
            marker: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            noise: Style::new().add_modifier(Modifier::DIM),
            claim: Style::new().add_modifier(Modifier::UNDERLINED),
            current: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            badge: Style::new(),
            // Bold marks the selection; the marks are words in any case.
            disputed: Style::new().add_modifier(Modifier::UNDERLINED),
            discrepancy: Style::new().add_modifier(Modifier::ITALIC),
            status: Style::new().add_modifier(Modifier::REVERSED),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

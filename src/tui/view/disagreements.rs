//! Where the sources disagree: every dispute (a claim and the claim that
//! denies it, with their article counts) and every discrepancy (a value
//! told differently, each side with its values, article and passage).
//! Each side is one selectable item; `enter` opens the reader at it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{attribution_label, hints, plural, render_status};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Disagreement, ListCursor};
use crate::tui::layout;
use crate::tui::terminal_text::{truncate, visible};

/// A line of the view, and whether it belongs to the selectable side
/// (headings and the blank line after an entry do not).
pub type ViewLine = (Line<'static>, bool);

fn wrapped(text: &str, width: usize) -> Vec<String> {
    let shown = visible(text);
    textwrap::wrap(&shown, width.max(1))
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The lines of one side, with its entry's heading before the first side
/// and a blank line after the last.
pub fn side_lines(app: &App, index: usize, width: u16) -> Vec<ViewLine> {
    let Some(side) = app.disagreement_sides.get(index) else {
        return Vec::new();
    };
    let width = width.max(1) as usize;
    let theme = &app.theme;
    let mut out: Vec<ViewLine> = Vec::new();
    let article = app.corpus.articles.get(side.passage.article);
    let title = article.map_or_else(String::new, |a| visible(&a.display_title()).into_owned());
    match side.of {
        Disagreement::Dispute(i) => {
            let Some(dispute) = app.disagreements.disputes.get(i) else {
                return Vec::new();
            };
            if side.side == 0 {
                let heading = format!(
                    "Dispute {} of {} · {}",
                    i + 1,
                    app.disagreements.disputes.len(),
                    app.dispute_summary(dispute)
                );
                out.push((
                    Line::from(Span::styled(truncate(&heading, width), theme.heading)),
                    false,
                ));
            }
            let Some(claim) = side.claim.and_then(|c| app.digest.claims.get(c)) else {
                return out;
            };
            let role = if side.side == 0 { "claims" } else { "denies" };
            // The side's own passage, not the claim's representative text:
            // the label below names this passage's source and article, and
            // enter opens the reader at it, so all three must agree.
            let text = article
                .and_then(|a| {
                    a.passages
                        .get(side.passage.passage)
                        .map(|p| a.passage_text(p).trim())
                })
                .unwrap_or(claim.text.as_str());
            for line in wrapped(text, width) {
                out.push((Line::from(line), true));
            }
            let mut meta = format!(
                "{} {role} · {}",
                claim.id,
                plural(claim.article_count(), "article", "articles")
            );
            if let Some(label) = attribution_label(app, side.passage) {
                meta.push_str(&format!(" · {label}"));
            }
            meta.push_str(&format!(" · in {title}"));
            out.push((
                Line::from(Span::styled(truncate(&meta, width), theme.dim)),
                true,
            ));
        }
        Disagreement::Discrepancy(i) => {
            let Some(discrepancy) = app.disagreements.discrepancies.get(i) else {
                return Vec::new();
            };
            if side.side == 0 {
                let heading = format!(
                    "≠ {} · discrepancy {} of {}",
                    discrepancy.kind.name(),
                    i + 1,
                    app.disagreements.discrepancies.len()
                );
                out.push((
                    Line::from(Span::styled(truncate(&heading, width), theme.heading)),
                    false,
                ));
            }
            let values = discrepancy
                .sides
                .get(side.side)
                .map_or_else(String::new, |s| visible(&s.values.join(", ")).into_owned());
            let values = truncate(&values, width);
            let mut rest = format!(" in {title}");
            if let Some(claim) = side.claim.and_then(|c| app.digest.claims.get(c)) {
                rest.push_str(&format!(" · {}", claim.id));
            }
            let rest = truncate(&rest, width.saturating_sub(values.width()));
            out.push((
                Line::from(vec![
                    Span::styled(values, theme.discrepancy),
                    Span::styled(rest, theme.dim),
                ]),
                true,
            ));
            if let Some(article) = article
                && let Some(passage) = article.passages.get(side.passage.passage)
            {
                let quote = format!("“{}”", article.passage_text(passage).trim());
                for line in wrapped(&quote, width) {
                    out.push((Line::from(line), true));
                }
            }
            if let Some(label) = attribution_label(app, side.passage) {
                out.push((
                    Line::from(Span::styled(truncate(&label, width), theme.dim)),
                    true,
                ));
            }
        }
    }
    if side.side == 1 {
        out.push((Line::default(), false));
    }
    out
}

/// "Dispute 2 of 5" or "Discrepancy (year) 1 of 2" for the selected side.
fn position(app: &App, cursor: ListCursor) -> String {
    match app.disagreement_sides.get(cursor.selected).map(|s| s.of) {
        Some(Disagreement::Dispute(i)) => {
            format!("Dispute {} of {}", i + 1, app.disagreements.disputes.len())
        }
        Some(Disagreement::Discrepancy(i)) => format!(
            "Discrepancy {} of {}",
            i + 1,
            app.disagreements.discrepancies.len()
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
        plural(app.disagreements.disputes.len(), "dispute", "disputes"),
        plural(
            app.disagreements.discrepancies.len(),
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
    if app.disagreement_sides.is_empty() {
        buf.set_stringn(text.x, text.y, "(none)", text.width as usize, app.theme.dim);
    }
    let mut y = text.y;
    'sides: for i in cursor.offset..app.disagreement_sides.len() {
        let selected = i == cursor.selected;
        for (line, selectable) in side_lines(app, i, text.width) {
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

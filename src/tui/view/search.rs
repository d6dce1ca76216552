//! The search box: the query, the count of matches, and the ranked claims
//! with their matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{plural, popup_frame, styled_segments};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, SearchState};
use crate::tui::layout;
use crate::tui::terminal_text::visible;

pub fn render(app: &App, search: &SearchState, frame: &mut Frame, area: Rect) {
    let areas = layout::search_areas(area);
    let buf = frame.buffer_mut();
    popup_frame(
        app,
        buf,
        areas.popup,
        "Search claims",
        (
            Context::Search,
            &[(Action::Open, "opens"), (Action::Back, "cancels")],
        ),
        "",
    );

    let total = plural(app.digest.claims.len(), "claim", "claims");
    // While the worker ranks, the last count stays, marked with "…", so
    // the line does not flicker on every key.
    let pending = if search.waiting || search.stale {
        "…"
    } else {
        ""
    };
    let count = format!("{} of {total}{pending}", search.hits.len());
    let count_width = count.width() as u16;
    let query = Line::from(vec![
        Span::styled("/ ", app.theme.key),
        Span::raw(visible(&search.query).into_owned()),
        Span::styled("█", app.theme.marker),
    ]);
    let query_room = areas.query.width.saturating_sub(count_width + 2);
    buf.set_line(areas.query.x, areas.query.y, &query, query_room);
    buf.set_string(
        areas.query.right().saturating_sub(count_width),
        areas.query.y,
        &count,
        app.theme.dim,
    );

    let rows = areas.results;
    if search.hits.is_empty() {
        buf.set_stringn(
            rows.x + 2,
            rows.y,
            format!("No claim matches “{}”", visible(&search.query)),
            rows.width.saturating_sub(2) as usize,
            app.theme.dim,
        );
        return;
    }
    for (row, hit) in search
        .hits
        .iter()
        .enumerate()
        .skip(search.results.offset)
        .take(rows.height as usize)
    {
        let Some(claim) = app.digest.claims.get(hit.item) else {
            continue;
        };
        let y = rows.y + (row - search.results.offset) as u16;
        if row == search.results.selected {
            buf.set_style(Rect::new(rows.x, y, rows.width, 1), app.theme.selected);
            buf.set_string(rows.x, y, "▌", app.theme.marker);
        }
        let badge = format!(
            " {}",
            newsdigest::copies::support_label(claim.source_count(), claim.article_count())
        );
        let badge_width = badge.width() as u16;
        let id = format!("{:<4} ", claim.id);
        // Positions only for the rows on screen; ranking used scores
        // alone. Never for a query the rows do not answer (typing on):
        // highlighting must not fall behind the keys.
        let matched = if search.answers_query() {
            app.index.highlights(hit.item, &search.query)
        } else {
            Vec::new()
        };
        let highlights: Vec<_> = matched
            .iter()
            .map(|r| (r.clone(), app.theme.matched))
            .collect();
        let text_room = rows.width.saturating_sub(2 + badge_width);
        let start = window_start(
            &claim.text,
            matched.first().map_or(0, |r| r.start),
            (text_room as usize).saturating_sub(id.len()),
        );
        let mut spans = vec![Span::styled(id, app.theme.dim)];
        if start > 0 {
            spans.push(Span::styled("…", app.theme.dim));
        }
        spans.extend(styled_segments(
            &claim.text,
            start..claim.text.len(),
            &highlights,
            ratatui::style::Style::new(),
        ));
        buf.set_line(rows.x + 2, y, &Line::from(spans), text_room);
        buf.set_string(
            rows.right().saturating_sub(badge_width),
            y,
            &badge,
            app.theme.badge,
        );
    }
}

/// Where to start showing a text so that its first match is in view: the
/// start, or a word boundary a little before the match when the match
/// would fall past the first two thirds of the room.
pub fn window_start(text: &str, first_match: usize, room: usize) -> usize {
    let before = text.get(..first_match).unwrap_or("");
    if before.width() <= room * 2 / 3 {
        return 0;
    }
    // Keep about a quarter of the room of context before the match.
    let keep = room / 4;
    let mut start = first_match;
    let mut used = 0;
    for (i, c) in before.char_indices().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > keep {
            break;
        }
        used += w;
        start = i;
    }
    // Prefer to start at a word.
    match text[start..first_match].find(' ') {
        Some(space) if start + space + 1 < first_match => start + space + 1,
        _ => start,
    }
}

#[cfg(test)]
mod tests {
    use super::window_start;

    #[test]
    fn late_matches_are_brought_into_view() {
        let text =
            "The lawsuit suggests a close relationship between Facebook and Netflix and Zuckerberg";
        let at = text.find("Zuckerberg").unwrap_or(0);
        let start = window_start(text, at, 40);
        assert!(start > 0 && start <= at);
        assert!(text[start..].starts_with(|c: char| c.is_alphanumeric()));
        assert!(unicode_width::UnicodeWidthStr::width(&text[start..at]) <= 10);
        assert_eq!(window_start(text, 4, 40), 0);
    }
}

//! The search box: the query with its cursor, the count of matches, the
//! ranked claims, each shown by the text that matched (its own or one of
//! its passages) with the match highlighted, and a preview of the
//! selected one's passage whole.

use newsdigest::PassageRef;
use newsdigest::search::ClaimHit;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::popup_frame;
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, SearchState};
use crate::tui::layout;
use crate::tui::rows::{attribution_label, plural, styled_segments};
use crate::tui::terminal_text::{truncate, visible, wrap_ranges};

/// The text a hit matched: the passage's, or the claim's own.
fn matched_text<'a>(app: &'a App, hit: &ClaimHit) -> (&'a str, Option<PassageRef>) {
    let passage = app.search_index.owner(hit.text).and_then(|o| o.passage);
    let text = passage.and_then(|r| {
        let article = app.story.corpus.articles.get(r.article)?;
        Some(article.passage_text(article.passages.get(r.passage)?))
    });
    match (text, app.story.digest.claims.get(hit.claim)) {
        (Some(text), _) => (text, passage),
        (None, Some(claim)) => (claim.text.as_str(), None),
        (None, None) => ("", None),
    }
}

pub fn render(app: &App, search: &SearchState, frame: &mut Frame, area: Rect) {
    let areas = layout::search_areas(area);
    let buf = frame.buffer_mut();
    popup_frame(
        app,
        buf,
        areas.popup,
        "Search claims and their passages",
        (
            Context::Search,
            &[(Action::Open, "opens"), (Action::Back, "cancels")],
        ),
        " · 'exact ^start end$ !not",
    );

    let total = plural(app.story.digest.claims.len(), "claim", "claims");
    // While the worker ranks, the last count stays, marked with "…", so
    // the line does not flicker on every key.
    let pending = if search.waiting || search.stale {
        "…"
    } else {
        ""
    };
    let count = format!("{} of {total}{pending} ", search.hits.len());
    let count_width = count.width() as u16;
    let cursor = crate::tui::app::char_boundary_at_or_before(&search.query, search.cursor);
    let (before, after) = search.query.split_at(cursor);
    let mut after_chars = after.chars();
    let under = after_chars.next();
    let query = Line::from(vec![
        Span::styled("/ ", app.theme.key),
        Span::raw(visible(before).into_owned()),
        match under {
            Some(c) => Span::styled(
                visible(&c.to_string()).into_owned(),
                app.theme.marker.add_modifier(Modifier::REVERSED),
            ),
            None => Span::styled("█", app.theme.marker),
        },
        Span::raw(visible(after_chars.as_str()).into_owned()),
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
            rows.width.saturating_sub(3) as usize,
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
        let Some(claim) = app.story.digest.claims.get(hit.claim) else {
            continue;
        };
        let y = rows.y + (row - search.results.offset) as u16;
        if row == search.results.selected {
            buf.set_style(Rect::new(rows.x, y, rows.width, 1), app.theme.selected);
            buf.set_string(rows.x, y, "▌", app.theme.marker);
        }
        // A space before the border.
        let badge = format!(
            " {} ",
            newsdigest::copies::support_label(claim.source_count(), claim.article_count())
        );
        let badge_width = badge.width() as u16;
        let id = format!("{:<4} ", claim.id);
        let (text, _) = matched_text(app, hit);
        // Positions only for the rows on screen; ranking used scores
        // alone. Never for a query the rows do not answer (typing on):
        // highlighting must not fall behind the keys.
        let matched = if search.answers_query() {
            app.search_index.highlights(hit.text, &search.query)
        } else {
            Vec::new()
        };
        let highlights: Vec<_> = matched
            .iter()
            .map(|r| (r.clone(), app.theme.matched))
            .collect();
        let text_room = rows.width.saturating_sub(2 + badge_width);
        let start = window_start(
            text,
            matched.first().map_or(0, |r| r.start),
            (text_room as usize).saturating_sub(id.len()),
        );
        let mut spans = vec![Span::styled(id, app.theme.dim)];
        if start > 0 {
            spans.push(Span::styled("…", app.theme.dim));
        }
        spans.extend(styled_segments(
            text,
            start..text.len(),
            &highlights,
            Style::new(),
        ));
        buf.set_line(rows.x + 2, y, &Line::from(spans), text_room);
        buf.set_string(
            rows.right().saturating_sub(badge_width),
            y,
            &badge,
            app.theme.badge,
        );
    }
    if let Some(hit) = search.hits.get(search.results.selected) {
        render_preview(app, hit, &search.query, buf, areas.preview);
    }
}

/// The selected result's matching text whole, its match highlighted,
/// under a rule naming where it comes from.
fn render_preview(app: &App, hit: &ClaimHit, query: &str, buf: &mut Buffer, area: Rect) {
    if area.height < 2 {
        return;
    }
    let (text, passage) = matched_text(app, hit);
    let id = app
        .story
        .digest
        .claims
        .get(hit.claim)
        .map_or("", |c| c.id.as_str());
    let source = match passage {
        Some(r) => {
            let title = app
                .story
                .corpus
                .articles
                .get(r.article)
                .map(|a| a.display_title())
                .unwrap_or_default();
            let label = attribution_label(&app.rows(), r)
                .map(|l| format!(" · {l}"))
                .unwrap_or_default();
            format!("{id} · passage in {title}{label}")
        }
        None => format!("{id} · the claim's text"),
    };
    let width = area.width.saturating_sub(3) as usize;
    let heading = truncate(&format!("── {source} "), width);
    let rule = "─".repeat(width.saturating_sub(heading.width()));
    buf.set_string(
        area.x + 2,
        area.y,
        format!("{heading}{rule}"),
        app.theme.dim,
    );
    let highlights: Vec<_> = app
        .search_index
        .highlights(hit.text, query)
        .into_iter()
        .map(|r| (r, app.theme.matched))
        .collect();
    for (row, bytes) in wrap_ranges(text, 0..text.len(), width)
        .into_iter()
        .take(area.height as usize - 1)
        .enumerate()
    {
        let spans = styled_segments(text, bytes, &highlights, Style::new());
        buf.set_line(
            area.x + 2,
            area.y + 1 + row as u16,
            &Line::from(spans),
            width as u16,
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

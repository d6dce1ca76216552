//! The reader: a whole article wrapped to the pane, passages of claims
//! that more than one article makes highlighted, the passage jumped to highlighted more, boilerplate dimmed.

use newsdigest::PassageRef;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{hints, render_status};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, FindState, ReaderState};
use crate::tui::layout;
use crate::tui::rows::{plural, styled_segments};
use crate::tui::terminal_text::truncate;
use crate::tui::terminal_text::visible;
use newsdigest::text::collapse_spaces;
use ratatui::buffer::Buffer;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, state: &ReaderState, frame: &mut Frame, area: Rect) {
    let areas = layout::reader_areas(area);
    let Some(article) = app.story.corpus.articles.get(state.article) else {
        return;
    };
    let buf = frame.buffer_mut();
    let Some(text) = app
        .reader_text
        .as_ref()
        .filter(|t| t.article == state.article)
    else {
        return;
    };

    // Header: title, byline, date; position on the right.
    buf.set_style(areas.header, app.theme.status);
    let percent = if text.lines.len() <= areas.text.height as usize {
        "all".to_string()
    } else {
        let bottom = (state.top + areas.text.height as usize).min(text.lines.len());
        format!("{}%", bottom * 100 / text.lines.len())
    };
    // The claim followed, when one is (`n` / `N` walk its passages), and
    // where the article is; shorter forms when the window is narrow, so
    // the title keeps some room.
    let article_position = format!(
        "article {} of {} · {percent}",
        state.article + 1,
        app.story.corpus.articles.len()
    );
    let followed = state.trail.and_then(|trail| {
        let claim = app.story.digest.claims.get(trail.claim)?;
        Some((claim.id.as_str(), trail.position + 1, claim.support.len()))
    });
    let forms = match followed {
        Some((id, n, count)) => vec![
            format!("following {id} · passage {n} of {count} · {article_position}"),
            format!("following {id} · passage {n} of {count} · {percent}"),
            format!("{id} · {n}/{count} · {percent}"),
        ],
        None => vec![article_position],
    };
    let room = areas.header.width as usize * 3 / 5;
    let position = forms
        .iter()
        .find(|f| f.width() <= room)
        .or(forms.last())
        .cloned()
        .unwrap_or_default();
    let position_width = position.width() as u16;
    let mut header = vec![article.display_title()];
    header.extend(article.byline.clone());
    header.extend(article.date.clone());
    // The title gives way to the position, never the other way round.
    let header_max = areas.header.width.saturating_sub(position_width + 4) as usize;
    buf.set_string(
        areas.header.x + 1,
        areas.header.y,
        truncate(&header.join(" · "), header_max),
        app.theme.status.patch(app.theme.title),
    );
    buf.set_stringn(
        areas.header.right().saturating_sub(position_width + 1),
        areas.header.y,
        &position,
        areas.header.width.saturating_sub(2) as usize,
        app.theme.status,
    );

    // Text.
    for row in 0..areas.text.height {
        let index = state.top + row as usize;
        let Some(line) = text.lines.get(index) else {
            break;
        };
        let y = areas.text.y + row;
        if index == state.cursor {
            buf.set_string(
                areas.text.x - layout::READER_GUTTER,
                y,
                "▌",
                app.theme.marker,
            );
        }
        let mut highlights: Vec<(std::ops::Range<usize>, Style)> = Vec::new();
        let first = article
            .passages
            .partition_point(|p| p.span.end <= line.bytes.start);
        for p in article.passages[first..]
            .iter()
            .take_while(|p| p.span.start < line.bytes.end)
        {
            let r = PassageRef {
                article: state.article,
                passage: p.index,
            };
            if state.target == Some(p.index) {
                highlights.push((p.span.range(), app.theme.current));
            } else if app
                .story
                .digest
                .claims_of(r)
                .iter()
                .any(|&c| app.story.digest.claims[c].article_count() > 1)
            {
                highlights.push((p.span.range(), app.theme.claim));
            }
        }
        // The find's matches, over the passages' colours.
        if let Some(find) = app.find.as_ref().filter(|f| f.article == state.article) {
            let first = find.matches.partition_point(|m| m.end <= line.bytes.start);
            for m in find.matches[first..]
                .iter()
                .take_while(|m| m.start < line.bytes.end)
            {
                highlights.push((m.clone(), app.theme.matched));
            }
        }
        let base = if line.noise {
            app.theme.noise
        } else {
            Style::new()
        };
        let spans = styled_segments(&article.text, line.bytes.clone(), &highlights, base);
        let indent = line.indent.min(areas.text.width);
        buf.set_line(
            areas.text.x + indent,
            y,
            &Line::from(spans),
            areas.text.width - indent,
        );
    }

    // Status: a message, else the claim followed, else the title.
    let left = match (&app.message, state.trail) {
        (Some(message), _) => message.clone(),
        (None, Some(trail)) => app
            .story
            .digest
            .claims
            .get(trail.claim)
            .map_or_else(String::new, |c| {
                format!("{}: {}", c.id, collapse_spaces(&c.text))
            }),
        (None, None) => article.display_title(),
    };
    // Least wanted first; "n next" only when there is a claim to follow.
    let mut offered = vec![
        (Action::OpenExternal, "pager"),
        (Action::Copy, "copy"),
        (Action::Compare, "compare"),
        (Action::Denial, "denial"),
        (Action::ClaimsHere, "claims"),
        (Action::Find, "find"),
        (Action::Back, "back"),
    ];
    if state.trail.is_some() {
        offered.push((Action::NextPassage, "next"));
    }
    offered.extend([(Action::Help, "help"), (Action::Quit, "quit")]);
    if let Some(find) = app.find.as_ref().filter(|f| f.editing) {
        render_find_prompt(app, find, buf, areas.status);
        return;
    }
    if app
        .find
        .as_ref()
        .is_some_and(|f| f.article == state.article)
    {
        offered.retain(|(a, _)| *a != Action::NextPassage);
        offered.insert(offered.len() - 2, (Action::NextPassage, "next match"));
    }
    let hints = hints(app, Context::Reader, &offered);
    render_status(app, buf, areas.status, &left, &hints);
}

/// The status bar as the find's prompt: "/ query█ · 3 matches".
fn render_find_prompt(app: &App, find: &FindState, buf: &mut Buffer, area: Rect) {
    buf.set_style(area, app.theme.status);
    let cursor = crate::tui::app::char_boundary_at_or_before(&find.query, find.cursor);
    let (before, after) = find.query.split_at(cursor);
    let count = if find.query.trim().is_empty() {
        "find in this article".to_string()
    } else {
        plural(find.matches.len(), "match", "matches")
    };
    let line = Line::from(vec![
        Span::styled("/ ", app.theme.status.patch(app.theme.key)),
        Span::styled(visible(before).into_owned(), app.theme.status),
        Span::styled("█", app.theme.status.patch(app.theme.marker)),
        Span::styled(visible(after).into_owned(), app.theme.status),
        Span::styled(
            format!("  {count} · enter goes · esc cancels"),
            app.theme.status,
        ),
    ]);
    buf.set_line(area.x + 1, area.y, &line, area.width.saturating_sub(2));
}

//! The supporting passages of the selected claim, each labelled with its
//! article and shown in context (the sentences around it on its line),
//! the passage itself highlighted.

use std::ops::Range;

use newsdigest::PassageRef;
use ratatui::text::{Line, Span};

use unicode_width::UnicodeWidthStr;

use super::Rows;
use super::{attribution_label, claims, styled_segments};
use crate::tui::terminal_text::{truncate, wrap_ranges};

/// The passage's context: from the previous passage to the next one, when
/// they stand on the same line of the file.
pub fn context_range(rows: &Rows<'_>, r: PassageRef) -> Option<(Range<usize>, Range<usize>)> {
    let article = rows.story.corpus.articles.get(r.article)?;
    let passage = article.passages.get(r.passage)?;
    let line = article.lines.iter().find(|l| {
        l.span.start <= passage.span.start && passage.span.start < l.span.end.max(l.span.start + 1)
    })?;
    let start = r
        .passage
        .checked_sub(1)
        .and_then(|i| article.passages.get(i))
        .filter(|p| p.span.start >= line.span.start)
        .map_or(passage.span.start, |p| p.span.start);
    let end = article
        .passages
        .get(r.passage + 1)
        .filter(|p| p.span.end <= line.span.end)
        .map_or(passage.span.end, |p| p.span.end);
    Some((start..end.max(passage.span.end), passage.span.range()))
}

/// The lines above the passages: the selected claim in full, then a
/// blank line.
pub fn header_lines(rows: &Rows<'_>, claim: Option<usize>, inner_width: u16) -> Vec<Line<'static>> {
    let Some(claim) = claim else {
        return Vec::new();
    };
    let mut lines = claims::detail_lines(rows, claim, super::item_width(inner_width) as usize);
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

/// The `index`th supporting passage of a claim (the selected one).
pub fn item_lines(
    rows: &Rows<'_>,
    claim: Option<usize>,
    index: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let Some(claim) = claim.and_then(|c| rows.story.digest.claims.get(c)) else {
        return Vec::new();
    };
    let Some(&r) = claim.support.get(index) else {
        return Vec::new();
    };
    let Some(article) = rows.story.corpus.articles.get(r.article) else {
        return Vec::new();
    };
    let width = super::item_width(width);
    // "2. Title · The Guardian · reports": the title gives way first.
    let attribution = attribution_label(rows, r)
        .map(|label| format!(" · {label}"))
        .unwrap_or_default();
    let number = format!("{}. ", index + 1);
    let title_room = (width as usize).saturating_sub(number.width() + attribution.width());
    let title = truncate(&article.display_title(), title_room.max(8));
    let label = format!("{number}{title}{attribution}");
    let mut lines = vec![Line::from(Span::styled(
        truncate(&label, width as usize),
        rows.theme.title,
    ))];
    if let Some((context, passage)) = context_range(rows, r) {
        let highlights = [(passage, rows.theme.current)];
        for bytes in wrap_ranges(&article.text, context, width as usize) {
            lines.push(Line::from(styled_segments(
                &article.text,
                bytes,
                &highlights,
                rows.theme.dim,
            )));
        }
    }
    lines.push(Line::default());
    lines
}

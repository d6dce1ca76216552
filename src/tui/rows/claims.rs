//! The claim list, one line per claim: id, counts and short marks first,
//! then the representative text as far as it fits; a divider before the
//! claims only one article makes. The detail pane shows the selected claim
//! whole, with its badge and its marks ("disputed · 4 vs 3 articles").

use std::collections::BTreeSet;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use newsdigest::text::collapse_spaces;

use super::Rows;
use super::badge;
use crate::tui::terminal_text::{truncate, visible};

/// The marks of a claim: words, each with its style, so they read the
/// same without colour.
pub fn marks(rows: &Rows<'_>, index: usize) -> Vec<(String, Style)> {
    let Some(claim) = rows.story.digest.claims.get(index) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let disputes: Vec<_> = rows.story.disagreements.disputes_of(index).collect();
    // Articles on the denying side: every article of the claims denying it.
    let denying_articles: BTreeSet<usize> = disputes
        .iter()
        .filter(|d| d.asserting == index)
        .filter_map(|d| rows.story.digest.claims.get(d.denying))
        .flat_map(|c| c.articles.iter().copied())
        .collect();
    if !denying_articles.is_empty() {
        out.push((
            format!(
                "disputed · {} vs {} articles",
                claim.article_count(),
                denying_articles.len()
            ),
            rows.theme.disputed,
        ));
    }
    let denied: Vec<_> = disputes
        .iter()
        .filter(|d| d.denying == index)
        .filter_map(|d| rows.story.digest.claims.get(d.asserting))
        .collect();
    match denied.as_slice() {
        [] => {}
        [one] => out.push((
            format!(
                "denies {} · {} vs {} articles",
                one.id,
                claim.article_count(),
                one.article_count()
            ),
            rows.theme.disputed,
        )),
        several => out.push((
            format!("denies {} claims", several.len()),
            rows.theme.disputed,
        )),
    }
    out.extend(discrepancy_marks(rows, index));
    out
}

/// "≠ year", "≠ date": each kind of value another claim tells differently,
/// once.
fn discrepancy_marks(rows: &Rows<'_>, index: usize) -> Vec<(String, Style)> {
    let mut kinds: Vec<&str> = Vec::new();
    for d in rows.story.disagreements.discrepancies_of(index) {
        if !kinds.contains(&d.kind.name()) {
            kinds.push(d.kind.name());
        }
    }
    kinds
        .into_iter()
        .map(|kind| (format!("≠ {kind}"), rows.theme.discrepancy))
        .collect()
}

/// The claim list's legend for its bottom border: the longest form that
/// fits in `width` columns (the help shows the whole legend).
pub fn legend(width: usize) -> Option<&'static str> {
    [
        " 4a 6p: articles, passages · disputed, denies: a denial · ≠: a value told differently · ? more ",
        " 4a 6p: articles, passages · ≠: a value told differently · ? more ",
        " a: articles · p: passages · ? more ",
    ]
    .into_iter()
    .find(|l| l.width() + 2 <= width)
}

/// The short marks of the one-line claim row: "disputed", "denies",
/// "≠ year"; the long forms are in the detail pane.
pub fn short_marks(rows: &Rows<'_>, index: usize) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    let disputes: Vec<_> = rows.story.disagreements.disputes_of(index).collect();
    if disputes.iter().any(|d| d.asserting == index) {
        out.push(("disputed".to_string(), rows.theme.disputed));
    }
    if disputes.iter().any(|d| d.denying == index) {
        out.push(("denies".to_string(), rows.theme.disputed));
    }
    out.extend(discrepancy_marks(rows, index));
    out
}

/// Widths of the claim row's columns, the same for every row so the
/// texts line up: id, article count, passage count, marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimColumns {
    pub id: usize,
    pub articles: usize,
    pub passages: usize,
    pub marks: usize,
}

impl ClaimColumns {
    pub fn of(rows: &Rows<'_>) -> ClaimColumns {
        let digits = |n: usize| n.to_string().len();
        let mut columns = ClaimColumns::default();
        for (i, claim) in rows.story.digest.claims.iter().enumerate() {
            columns.id = columns.id.max(claim.id.width());
            columns.articles = columns.articles.max(digits(claim.article_count()));
            columns.passages = columns.passages.max(digits(claim.passage_count()));
            let (mark, more) = first_mark(rows, i);
            let width = mark.map_or(0, |(m, _)| m.width() + more.len());
            columns.marks = columns.marks.max(width);
        }
        columns
    }
}

/// The row shows the first mark, and "+" when the claim has more (the
/// detail pane lists them all).
fn first_mark(rows: &Rows<'_>, index: usize) -> (Option<(String, Style)>, &'static str) {
    let mut marks = short_marks(rows, index).into_iter();
    let first = marks.next();
    let more = if marks.next().is_some() { "+" } else { "" };
    (first, more)
}

/// Whether a claim is the first one only one article makes, after claims
/// that several make: the list draws a divider above it.
fn opens_single_source(rows: &Rows<'_>, row: usize) -> bool {
    let count = |row: usize| {
        let claim = *rows.shown_claims.get(row)?;
        rows.story
            .digest
            .claims
            .get(claim)
            .map(|c| c.article_count())
    };
    row > 0 && count(row) == Some(1) && count(row - 1).is_some_and(|n| n > 1)
}

/// Lines of a row's item that are not the claim: the divider.
pub fn lead_lines(rows: &Rows<'_>, row: usize) -> usize {
    usize::from(opens_single_source(rows, row))
}

/// A row of the claim list: the divider before the first claim only one
/// article makes, then the claim's line.
pub fn item_lines(rows: &Rows<'_>, row: usize, width: u16) -> Vec<Line<'static>> {
    let Some(index) = rows.shown_claims.get(row).copied() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if opens_single_source(rows, row) {
        let width = super::item_width(width) as usize;
        let label = " told by one article ";
        let rule = width.saturating_sub(label.width()) / 2;
        lines.push(Line::from(Span::styled(
            format!(
                "{}{label}{}",
                "─".repeat(rule),
                "─".repeat(width.saturating_sub(rule + label.width()))
            ),
            rows.theme.dim,
        )));
    }
    lines.extend(claim_line(rows, index, width));
    lines
}

/// One line for a claim (by its index in the digest), counts and marks
/// first, then as much of the text as fits: `c1   4a 6p disputed  Sharing
/// private messages: …`. The whole text is in the detail pane.
pub fn claim_line(rows: &Rows<'_>, index: usize, width: u16) -> Option<Line<'static>> {
    let claim = rows.story.digest.claims.get(index)?;
    let width = super::item_width(width) as usize;
    let columns = rows.claim_columns;
    let mut spans = vec![
        Span::styled(format!("{:<w$} ", claim.id, w = columns.id), rows.theme.dim),
        Span::styled(
            format!(
                "{:>a$}a {:>p$}p ",
                claim.article_count(),
                claim.passage_count(),
                a = columns.articles,
                p = columns.passages
            ),
            rows.theme.badge,
        ),
    ];
    let (mark, more) = first_mark(rows, index);
    let mut marks_used = 0;
    if let Some((mark, style)) = mark {
        let shown = format!("{mark}{more}");
        marks_used = shown.width();
        spans.push(Span::styled(shown, style));
    }
    if columns.marks > 0 {
        spans.push(Span::raw(" ".repeat(columns.marks - marks_used + 1)));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let text = collapse_spaces(&claim.text);
    spans.push(Span::raw(truncate(&text, width.saturating_sub(used))));
    Some(Line::from(spans))
}

/// The selected claim in full, for the detail pane: its text wrapped, then
/// its badge and its marks in their long form.
pub fn detail_lines(rows: &Rows<'_>, index: usize, width: usize) -> Vec<Line<'static>> {
    let Some(claim) = rows.story.digest.claims.get(index) else {
        return Vec::new();
    };
    let text = visible(&collapse_spaces(&claim.text)).into_owned();
    let mut lines: Vec<Line<'static>> = textwrap::wrap(&text, width.max(1))
        .into_iter()
        .map(|l| Line::from(Span::styled(l.into_owned(), rows.theme.title)))
        .collect();
    let mut spans = vec![
        Span::styled(format!("{} · ", claim.id), rows.theme.dim),
        Span::styled(badge(claim), rows.theme.badge),
    ];
    let mut used: usize = spans.iter().map(|s| s.content.width()).sum();
    // The marks follow the badge, each whole: one that does not fit on the
    // line starts the next.
    for (mark, style) in marks(rows, index) {
        let separator = if spans.is_empty() { "" } else { " · " };
        if !spans.is_empty() && used + separator.width() + mark.width() > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        let separator = if spans.is_empty() { "" } else { " · " };
        if !separator.is_empty() {
            spans.push(Span::styled(separator, rows.theme.dim));
        }
        used += separator.width() + mark.width();
        spans.push(Span::styled(mark, style));
    }
    lines.push(Line::from(spans));
    lines
}

//! The claim list: the representative text wrapped, then its badge and
//! its marks ("disputed · 4 vs 3 articles", "≠ year").

use std::collections::BTreeSet;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::badge;
use crate::tui::app::App;
use crate::tui::terminal_text::visible;

/// The marks of a claim: words, each with its style, so they read the
/// same without colour.
pub fn marks(app: &App, index: usize) -> Vec<(String, Style)> {
    let Some(claim) = app.digest.claims.get(index) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let disputes: Vec<_> = app.disagreements.disputes_of(index).collect();
    // Articles on the denying side: every article of the claims denying it.
    let denying_articles: BTreeSet<usize> = disputes
        .iter()
        .filter(|d| d.asserting == index)
        .filter_map(|d| app.digest.claims.get(d.denying))
        .flat_map(|c| c.articles.iter().copied())
        .collect();
    if !denying_articles.is_empty() {
        out.push((
            format!(
                "disputed · {} vs {} articles",
                claim.article_count(),
                denying_articles.len()
            ),
            app.theme.disputed,
        ));
    }
    let denied: Vec<_> = disputes
        .iter()
        .filter(|d| d.denying == index)
        .filter_map(|d| app.digest.claims.get(d.asserting))
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
            app.theme.disputed,
        )),
        several => out.push((
            format!("denies {} claims", several.len()),
            app.theme.disputed,
        )),
    }
    let mut kinds: Vec<&str> = Vec::new();
    for d in app.disagreements.discrepancies_of(index) {
        if !kinds.contains(&d.kind.name()) {
            kinds.push(d.kind.name());
        }
    }
    for kind in kinds {
        out.push((format!("≠ {kind}"), app.theme.discrepancy));
    }
    out
}

pub fn item_lines(app: &App, index: usize, width: u16) -> Vec<Line<'static>> {
    let Some(claim) = app.digest.claims.get(index) else {
        return Vec::new();
    };
    let width = width.saturating_sub(2).max(1) as usize;
    let text = visible(&claim.text);
    let mut lines: Vec<Line<'static>> = textwrap::wrap(&text, width)
        .into_iter()
        .map(|l| l.into_owned().into())
        .collect();
    let badge = badge(claim);
    let mut spans = vec![
        Span::styled(format!("{} · ", claim.id), app.theme.dim),
        Span::styled(badge, app.theme.badge),
    ];
    let mut used: usize = spans.iter().map(|s| s.content.width()).sum();
    // The marks follow the badge, each whole: one that does not fit on the
    // line starts the next.
    for (mark, style) in marks(app, index) {
        let separator = if spans.is_empty() { "" } else { " · " };
        if !spans.is_empty() && used + separator.width() + mark.width() > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        let separator = if spans.is_empty() { "" } else { " · " };
        if !separator.is_empty() {
            spans.push(Span::styled(separator, app.theme.dim));
        }
        used += separator.width() + mark.width();
        spans.push(Span::styled(mark, style));
    }
    lines.push(Line::from(spans));
    lines
}

//! The rows of the disagreements view: each side of a dispute or a
//! discrepancy, with its entry's heading before the first side.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Rows, attribution_label, plural};
use crate::tui::story::Disagreement;
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
pub fn side_lines(rows: &Rows<'_>, index: usize, width: u16) -> Vec<ViewLine> {
    let Some(side) = rows.story.disagreement_sides.get(index) else {
        return Vec::new();
    };
    let width = width.max(1) as usize;
    let theme = &rows.theme;
    let mut out: Vec<ViewLine> = Vec::new();
    let article = rows.story.corpus.articles.get(side.passage.article);
    let title = article.map_or_else(String::new, |a| visible(&a.display_title()).into_owned());
    match side.of {
        Disagreement::Dispute(i) => {
            let Some(dispute) = rows.story.disagreements.disputes.get(i) else {
                return Vec::new();
            };
            if side.side == 0 {
                let heading = format!(
                    "Dispute {} of {} · {}",
                    i + 1,
                    rows.story.disagreements.disputes.len(),
                    rows.story.dispute_summary(dispute)
                );
                out.push((
                    Line::from(Span::styled(truncate(&heading, width), theme.heading)),
                    false,
                ));
            }
            let Some(claim) = side.claim.and_then(|c| rows.story.digest.claims.get(c)) else {
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
            if let Some(label) = attribution_label(rows, side.passage) {
                meta.push_str(&format!(" · {label}"));
            }
            meta.push_str(&format!(" · in {title}"));
            out.push((
                Line::from(Span::styled(truncate(&meta, width), theme.dim)),
                true,
            ));
        }
        Disagreement::Discrepancy(i) => {
            let Some(discrepancy) = rows.story.disagreements.discrepancies.get(i) else {
                return Vec::new();
            };
            if side.side == 0 {
                let heading = format!(
                    "≠ {} · discrepancy {} of {}",
                    discrepancy.kind.name(),
                    i + 1,
                    rows.story.disagreements.discrepancies.len()
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
            if let Some(claim) = side.claim.and_then(|c| rows.story.digest.claims.get(c)) {
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
            if let Some(label) = attribution_label(rows, side.passage) {
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

//! The rows of the compare view: one claim's passages grouped by stance,
//! the passages of other claims that tell one of its values differently,
//! and the claims that deny it; each passage and each denying claim is one
//! selectable item.

use newsdigest::PassageRef;
use newsdigest::analyze::Stance;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Rows, attribution_label, claims, plural, styled_segments};
use crate::tui::layout;
use crate::tui::terminal_text::{truncate, visible, wrap_ranges};

/// A selectable item of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareItem {
    Passage {
        passage: PassageRef,
        stance: Stance,
        /// The first of its stance: a heading goes above it.
        opens_group: bool,
    },
    /// A passage of another claim that gives one of this claim's values
    /// differently (a discrepancy).
    Discrepant {
        passage: PassageRef,
        kind: &'static str,
        opens_group: bool,
    },
    /// A claim that denies the one compared.
    Denier { claim: usize, opens_group: bool },
}

/// The passages of other claims that tell one of this claim's values
/// differently, with the kind of value, each once.
fn discrepant(rows: &Rows<'_>, claim: usize) -> Vec<(PassageRef, &'static str)> {
    let Some(c) = rows.story.digest.claims.get(claim) else {
        return Vec::new();
    };
    let mut out: Vec<(PassageRef, &'static str)> = Vec::new();
    for d in rows.story.disagreements.discrepancies_of(claim) {
        for side in &d.sides {
            if !c.support.contains(&side.passage) && !out.iter().any(|(r, _)| *r == side.passage) {
                out.push((side.passage, d.kind.name()));
            }
        }
    }
    out
}

const STANCE_ORDER: [Stance; 4] = [
    Stance::Alleges,
    Stance::Reports,
    Stance::Asserts,
    Stance::Denies,
];

/// The items of a claim's compare view, in the order shown.
pub fn items(rows: &Rows<'_>, claim: usize) -> Vec<CompareItem> {
    let Some(c) = rows.story.digest.claims.get(claim) else {
        return Vec::new();
    };
    let stance_of = |r: &PassageRef| {
        rows.story
            .attributions
            .get(r)
            .map_or(Stance::Asserts, |a| a.stance)
    };
    let mut out = Vec::new();
    for stance in STANCE_ORDER {
        let mut first = true;
        for r in c.support.iter().filter(|r| stance_of(r) == stance) {
            out.push(CompareItem::Passage {
                passage: *r,
                stance,
                opens_group: first,
            });
            first = false;
        }
    }
    let mut first = true;
    for (passage, kind) in discrepant(rows, claim) {
        out.push(CompareItem::Discrepant {
            passage,
            kind,
            opens_group: first,
        });
        first = false;
    }
    let mut first = true;
    for (other, dispute) in rows.story.counterparts(claim) {
        // Only the claims on the denying side: this claim is denied by them.
        if dispute.asserting != claim {
            continue;
        }
        out.push(CompareItem::Denier {
            claim: other,
            opens_group: first,
        });
        first = false;
    }
    out
}

/// A line of the view and whether it belongs to the selectable item.
pub type ViewLine = (Line<'static>, bool);
/// A line of the view and the item it belongs to (none for headings).
pub type ItemLine = (ViewLine, Option<usize>);

/// The figures of each supporting passage that another passage gives
/// differently, as byte ranges of the article's text.
fn differing(rows: &Rows<'_>, claim: usize) -> Vec<(PassageRef, Vec<std::ops::Range<usize>>)> {
    let Some(c) = rows.story.digest.claims.get(claim) else {
        return Vec::new();
    };
    // The claim's passages, and the other claims' passages that give one
    // of its values differently.
    let others = discrepant(rows, claim);
    let texts: Vec<(PassageRef, usize, &str)> = c
        .support
        .iter()
        .chain(others.iter().map(|(r, _)| r))
        .filter_map(|r| {
            let article = rows.story.corpus.articles.get(r.article)?;
            let passage = article.passages.get(r.passage)?;
            Some((*r, passage.span.start, article.passage_text(passage)))
        })
        .collect();
    let plain: Vec<&str> = texts.iter().map(|(_, _, t)| *t).collect();
    newsdigest::disputes::differing_figures(&plain)
        .into_iter()
        .zip(&texts)
        .map(|(ranges, (r, start, _))| {
            (
                *r,
                ranges
                    .into_iter()
                    .map(|x| x.start + start..x.end + start)
                    .collect(),
            )
        })
        .collect()
}

/// The lines of one item, its group's heading first when it opens one.
pub fn item_lines(
    rows: &Rows<'_>,
    claim: usize,
    item: CompareItem,
    width: u16,
    figures: &[(PassageRef, Vec<std::ops::Range<usize>>)],
) -> Vec<ViewLine> {
    let width = width.max(1) as usize;
    let theme = &rows.theme;
    let mut out: Vec<ViewLine> = Vec::new();
    match item {
        CompareItem::Discrepant {
            passage,
            kind,
            opens_group,
        } => {
            if opens_group {
                out.push((
                    Line::from(Span::styled(
                        "told differently by other claims",
                        theme.heading,
                    )),
                    false,
                ));
            }
            let claim_id = rows
                .story
                .digest
                .claims_of(passage)
                .first()
                .and_then(|&c| rows.story.digest.claims.get(c))
                .map_or(String::new(), |c| format!("{} · ", c.id));
            out.extend(passage_lines(
                rows,
                passage,
                &format!("≠ {kind} · {claim_id}"),
                width,
                figures,
            ));
        }
        CompareItem::Passage {
            passage,
            stance,
            opens_group,
        } => {
            if opens_group {
                let count = rows.story.digest.claims.get(claim).map_or(0, |c| {
                    c.support
                        .iter()
                        .filter(|r| {
                            rows.story.attributions.get(r).map(|a| a.stance) == Some(stance)
                        })
                        .count()
                });
                let heading = format!(
                    "{} · {}",
                    stance.name(),
                    plural(count, "passage", "passages")
                );
                out.push((Line::from(Span::styled(heading, theme.heading)), false));
            }
            out.extend(passage_lines(rows, passage, "", width, figures));
        }
        CompareItem::Denier {
            claim: other,
            opens_group,
        } => {
            if opens_group {
                out.push((
                    Line::from(Span::styled(
                        "denied by · d goes to the first, enter to the one selected",
                        theme.heading,
                    )),
                    false,
                ));
            }
            let Some(c) = rows.story.digest.claims.get(other) else {
                return out;
            };
            // The denying claim whole, then who denies it and where.
            out.push((
                Line::from(Span::styled(
                    format!(
                        "{} · {}",
                        c.id,
                        plural(c.article_count(), "article", "articles")
                    ),
                    theme.disputed,
                )),
                true,
            ));
            let text = visible(&newsdigest::text::collapse_spaces(&c.text)).into_owned();
            for line in textwrap::wrap(&text, width) {
                out.push((Line::from(line.into_owned()), true));
            }
            for r in &c.support {
                let title = rows
                    .story
                    .corpus
                    .articles
                    .get(r.article)
                    .map(|a| visible(&a.display_title()).into_owned())
                    .unwrap_or_default();
                let who = attribution_label(rows, *r).unwrap_or_default();
                out.push((
                    Line::from(Span::styled(
                        truncate(&format!("{who} · in {title}"), width),
                        theme.dim,
                    )),
                    true,
                ));
            }
            out.push((Line::default(), false));
        }
    }
    out
}

/// A passage's label (`prefix`, who says it, where) and its text with the
/// differing figures highlighted, then a blank line.
fn passage_lines(
    rows: &Rows<'_>,
    passage: PassageRef,
    prefix: &str,
    width: usize,
    figures: &[(PassageRef, Vec<std::ops::Range<usize>>)],
) -> Vec<ViewLine> {
    let theme = &rows.theme;
    let mut out: Vec<ViewLine> = Vec::new();
    let Some(article) = rows.story.corpus.articles.get(passage.article) else {
        return out;
    };
    let Some(p) = article.passages.get(passage.passage) else {
        return out;
    };
    let who = attribution_label(rows, passage).unwrap_or_else(|| {
        let a = rows
            .story
            .digest
            .voices()
            .attribution(passage)
            .unwrap_or_default();
        format!("{} · {}", visible(a.source_label()), a.stance.name())
    });
    let label = format!("{prefix}{who} · in {}", visible(&article.display_title()));
    out.push((
        Line::from(Span::styled(truncate(&label, width), theme.dim)),
        true,
    ));
    let highlights: Vec<(std::ops::Range<usize>, Style)> = figures
        .iter()
        .filter(|(r, _)| *r == passage)
        .flat_map(|(_, ranges)| ranges.iter().cloned())
        .map(|r| (r, theme.discrepancy))
        .collect();
    for bytes in wrap_ranges(&article.text, p.span.range(), width) {
        out.push((
            Line::from(styled_segments(
                &article.text,
                bytes,
                &highlights,
                Style::new(),
            )),
            true,
        ));
    }
    out.push((Line::default(), false));
    out
}

/// Lines above the items: the claim whole, with its badge and marks.
pub fn header_lines(rows: &Rows<'_>, claim: usize, width: u16) -> Vec<ViewLine> {
    let mut lines: Vec<ViewLine> = claims::detail_lines(rows, claim, width.max(1) as usize)
        .into_iter()
        .map(|l| (l, false))
        .collect();
    lines.push((Line::default(), false));
    lines
}

/// Every line of the view, with the item each belongs to.
pub fn all_lines(rows: &Rows<'_>, claim: usize, width: u16) -> Vec<ItemLine> {
    let figures = differing(rows, claim);
    let mut out: Vec<ItemLine> = header_lines(rows, claim, width)
        .into_iter()
        .map(|l| (l, None))
        .collect();
    for (i, item) in items(rows, claim).into_iter().enumerate() {
        for line in item_lines(rows, claim, item, width, &figures) {
            out.push((line, Some(i)));
        }
    }
    out
}

/// Columns wide enough for two: the claim's own tellings on the left,
/// what tells it otherwise (other claims' values, denials) on the right.
const SIDE_BY_SIDE: u16 = 150;

/// Where the view's columns go and what each shows: one column of every
/// line, or, on a wide window with something on the other side, the
/// claim's passages beside the passages and claims that contradict it.
pub fn columns(rows: &Rows<'_>, claim: usize, area: Rect) -> Vec<(Rect, Vec<ItemLine>)> {
    let areas = layout::reader_areas(area);
    let all = items(rows, claim);
    let split = all
        .iter()
        .position(|i| !matches!(i, CompareItem::Passage { .. }))
        .unwrap_or(all.len());
    if areas.body.width < SIDE_BY_SIDE || split == all.len() {
        return vec![(areas.text, all_lines(rows, claim, areas.text.width))];
    }
    let gap = 3;
    let width =
        ((areas.body.width - layout::READER_GUTTER * 2 - gap) / 2).min(layout::MAX_READER_TEXT);
    let left_x = areas.body.x + layout::READER_GUTTER;
    let left = Rect {
        x: left_x,
        width,
        ..areas.text
    };
    let right = Rect {
        x: left_x + width + gap + layout::READER_GUTTER,
        width,
        ..areas.text
    };
    let figures = differing(rows, claim);
    let mut left_lines: Vec<ItemLine> = header_lines(rows, claim, width)
        .into_iter()
        .map(|l| (l, None))
        .collect();
    let mut right_lines: Vec<ItemLine> = Vec::new();
    for (i, item) in all.into_iter().enumerate() {
        let target = if i < split {
            &mut left_lines
        } else {
            &mut right_lines
        };
        for line in item_lines(rows, claim, item, width, &figures) {
            target.push((line, Some(i)));
        }
    }
    vec![(left, left_lines), (right, right_lines)]
}

/// The first line shown: the top, or as far down as brings the selected
/// item whole into view (its start, when it is taller than the view).
pub fn first_shown(lines: &[ItemLine], selected: usize, height: usize) -> usize {
    let first = lines
        .iter()
        .position(|(_, item)| *item == Some(selected))
        .unwrap_or(0);
    let last = lines
        .iter()
        .rposition(|(_, item)| *item == Some(selected))
        .unwrap_or(0);
    if last < height {
        0
    } else {
        (last + 1)
            .saturating_sub(height)
            .min(first.saturating_sub(1))
    }
}

//! Rows computed from data: what each list, view and overlay shows, line
//! by line, for a width. Update measures these rows (how many lines an
//! item takes, which item a click lands on) and the views draw them, so the
//! two always agree. Nothing here knows the app's state or the views: rows
//! are a function of the story, the theme and a width.

pub mod articles;
pub mod claims;
pub mod compare;
pub mod disagreements;
pub mod help;
pub mod passages;
pub mod reader;

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

pub use reader::ReaderText;

use super::keymap::Keymap;
use super::story::Story;
use super::terminal_text::visible;
use super::theme::Theme;
use claims::ClaimColumns;

/// What rows are computed from: the story, the claims the list shows (the
/// filters applied), and the theme and keymap that style and label them.
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    pub story: &'a Story,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// The claims the list shows, in order.
    pub shown_claims: &'a [usize],
    /// Widths of the claim list's columns, the same for every row.
    pub claim_columns: ClaimColumns,
}

/// Columns an item's text may use in a pane of this inner width: the
/// selection mark and a space on the left, a space before the border.
pub fn item_width(inner_width: u16) -> u16 {
    inner_width.saturating_sub(3).max(1)
}

/// Spans of `text[range]` shown safely, each part styled by the
/// highlights that cover it (later ones win) over a base style.
pub fn styled_segments(
    text: &str,
    range: Range<usize>,
    highlights: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Span<'static>> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for (h, _) in highlights {
        for b in [h.start, h.end] {
            if b > range.start && b < range.end && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let style = highlights
            .iter()
            .filter(|(h, _)| h.start <= a && b <= h.end)
            .fold(base, |s, (_, hs)| s.patch(*hs));
        spans.push(Span::styled(visible(piece).into_owned(), style));
    }
    spans
}

/// "The Guardian · reports" for a passage, from the attributions found at
/// start-up.
pub fn attribution_label(rows: &Rows<'_>, passage: newsdigest::PassageRef) -> Option<String> {
    rows.story
        .attributions
        .get(&passage)
        .map(|a| format!("{} · {}", visible(a.source_label()), a.stance.name()))
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The badge of a claim: "4 articles · 6 passages", or "3 sources · 6
/// passages" when wire copies count once.
pub fn badge(claim: &newsdigest::Claim) -> String {
    format!(
        "{} · {}",
        newsdigest::copies::support_label(claim.source_count(), claim.article_count()),
        plural(claim.passage_count(), "passage", "passages")
    )
}

//! Article text on its way to the terminal: control characters made
//! visible or removed, and wrapping that keeps byte offsets.
//!
//! Scraped text may hold ESC sequences, other C0/C1 controls and bidi
//! overrides; none of them is ever emitted. Wrapping runs on a stand-in
//! text of the same byte length whose replacements have the display width
//! of what will be shown, so wrapped lines are byte ranges of the original.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

/// Bidi controls, which could reorder what the terminal shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn needs_care(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// What the terminal shows for one character: C0 controls as their
/// Control Pictures (␛), DEL as ␡, C1 controls as �, tabs and line feeds
/// as a space, bidi controls removed.
fn shown(c: char, out: &mut String) {
    match c {
        '\t' | '\n' => out.push(' '),
        '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => out.push('\u{2421}'),
        c if is_bidi_control(c) => {}
        c if c.is_control() => out.push('\u{FFFD}'),
        c => out.push(c),
    }
}

/// Text safe to hand to the terminal.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        shown(c, &mut out);
    }
    Cow::Owned(out)
}

/// A stand-in of the same byte length as `text` whose characters have the
/// display width of [`visible`]'s: one-byte controls become '?', two-byte
/// C1 controls '¤', bidi controls zero-width spaces (or a combining
/// grapheme joiner, for the two-byte one).
fn wrap_stand_in(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let replacement = match c {
            '\t' => ' ',
            // Line breaks stay: textwrap starts a new line there.
            '\n' => '\n',
            c if is_bidi_control(c) && c.len_utf8() == 3 => '\u{200B}',
            c if is_bidi_control(c) => '\u{034F}',
            c if c.is_control() && c.len_utf8() == 1 => '?',
            c if c.is_control() => '\u{A4}',
            c => c,
        };
        debug_assert_eq!(replacement.len_utf8(), c.len_utf8());
        out.push(replacement);
    }
    Cow::Owned(out)
}

/// Wraps `text[range]` to `width` columns; returns the byte ranges of the
/// screen lines in `text`. An empty or blank range gives one empty line.
pub fn wrap_ranges(text: &str, range: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let Some(slice) = text.get(range.clone()) else {
        let empty = range.start..range.start;
        return Vec::from([empty]);
    };
    let stand_in = wrap_stand_in(slice);
    let base = stand_in.as_ptr() as usize;
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    let mut out = Vec::new();
    let mut search_from = 0;
    for line in textwrap::wrap(&stand_in, options) {
        let offset = match &line {
            Cow::Borrowed(s) => (s.as_ptr() as usize).checked_sub(base),
            Cow::Owned(_) => None,
        };
        let start = offset
            .filter(|o| stand_in.get(*o..*o + line.len()) == Some(line.as_ref()))
            .or_else(|| {
                stand_in[search_from..]
                    .find(line.as_ref())
                    .map(|i| i + search_from)
            })
            .unwrap_or(search_from);
        let end = (start + line.len()).min(stand_in.len());
        search_from = end;
        out.push(range.start + start..range.start + end);
    }
    if out.is_empty() {
        out.push(range.start..range.start);
    }
    out
}

/// Display width of text as shown.
#[cfg(test)]
pub fn width(text: &str) -> usize {
    visible(text).width()
}

/// Cuts text to at most `max` columns, adding "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let text = visible(text);
    if text.width() <= max {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    // "has vehemently …" reads as one cut: no space before the mark, and
    // no second mark after text that already ends in one.
    let kept = out.trim_end().len();
    out.truncate(kept);
    if !out.ends_with('…') {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_shows_one_ellipsis_and_no_space_before_it() {
        assert_eq!(truncate("has vehemently… denied", 16), "has vehemently…");
        assert_eq!(truncate("has vehemently denied", 16), "has vehemently…");
        assert_eq!(truncate("short", 16), "short");
    }

    #[test]
    fn controls_never_reach_the_terminal() {
        let text = "red \u{1b}[31mALERT\u{7}\u{9b}2J \u{202E}desrever\u{202C} end";
        let shown = visible(text);
        assert!(
            !shown.chars().any(|c| c.is_control() || is_bidi_control(c)),
            "{shown:?}"
        );
        assert_eq!(shown, "red ␛[31mALERT␇\u{FFFD}2J desrever end");
    }

    #[test]
    fn wrapped_ranges_cover_words_in_order() {
        let text = "alpha beta gamma delta epsilon";
        let lines = wrap_ranges(text, 0..text.len(), 11);
        let shown: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, vec!["alpha beta", "gamma delta", "epsilon"]);
    }

    #[test]
    fn wrapping_counts_controls_and_wide_chars_as_shown() {
        let text = "\u{1b}[1m東京 タワー";
        let lines = wrap_ranges(text, 0..text.len(), 8);
        for r in &lines {
            assert!(width(&text[r.clone()]) <= 8, "{:?}", &text[r.clone()]);
        }
        assert_eq!(lines.first().map(|r| r.start), Some(0));
        assert_eq!(lines.last().map(|r| r.end), Some(text.len()));
    }

    #[test]
    fn line_feeds_break_lines_and_are_not_shown() {
        let text = "first line\nsecond";
        let lines = wrap_ranges(text, 0..text.len(), 40);
        let shown: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, vec!["first line", "second"]);
    }

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate("東京タワー", 7), "東京タ…");
        assert_eq!(truncate("short", 10), "short");
    }
}

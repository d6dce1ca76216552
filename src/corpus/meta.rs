//! Reading an article's title, date and byline from its lines.

use super::{Line, LineKind, NoiseReason, Span, markup};
use crate::text;

pub(super) struct ArticleMeta {
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// A title is at most this many words long.
const MAX_TITLE_WORDS: usize = 30;

pub(super) fn read_meta(source: &str, lines: &[Line]) -> ArticleMeta {
    let date = lines
        .iter()
        .filter(|l| l.kind == LineKind::Noise(NoiseReason::Dateline))
        .find_map(|l| text::parse_date_line(&source[l.span.range()]));

    // The title is the first line of text, when it reads like a headline
    // rather than the opening sentence of the story.
    let title_span = lines
        .iter()
        .find(|l| l.kind == LineKind::Text)
        .map(|l| trimmed_span(source, l.span))
        .map(|span| match markup::line_prefix(&source[span.range()]) {
            Some((skip, _)) => Span::new(span.start + skip, span.end),
            None => span,
        })
        .filter(|&span| {
            let line = &source[span.range()];
            text::word_count(line) <= MAX_TITLE_WORDS && !line.ends_with('.')
        });
    let title = title_span.map(|span| text::collapse_spaces(&source[span.range()]));

    let byline = lines
        .iter()
        .filter(|l| l.kind == LineKind::Noise(NoiseReason::Byline))
        .find_map(|l| byline_value(&source[l.span.range()]))
        .or_else(|| author_after_about_heading(source, lines));

    ArticleMeta {
        title,
        title_span,
        byline,
        date,
    }
}

/// The span without white space at either end.
pub(super) fn trimmed_span(source: &str, span: Span) -> Span {
    let s = &source[span.range()];
    let start = span.start + (s.len() - s.trim_start_matches(text::is_space).len());
    let end = span.end - (s.len() - s.trim_end_matches(text::is_space).len());
    Span::new(start, end.max(start))
}

/// "Source: Big Wire" gives "Big Wire"; "By Jane Doe" gives "Jane Doe".
fn byline_value(line: &str) -> Option<String> {
    let line = line.trim_matches(text::is_space);
    let value = if let Some((_, value)) = line.split_once(':') {
        value
    } else {
        line.strip_prefix("By ")
            .or_else(|| line.strip_prefix("by "))?
    };
    let value = text::collapse_spaces(value);
    (!value.is_empty()).then_some(value)
}

/// The short name line right after an "About the author" heading.
fn author_after_about_heading(source: &str, lines: &[Line]) -> Option<String> {
    let bio: Vec<&Line> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Noise(NoiseReason::AuthorBio))
        .collect();
    let name = bio.get(1)?;
    let name = text::collapse_spaces(&source[name.span.range()]);
    let words = text::word_count(&name);
    ((1..=4).contains(&words) && !text::ends_sentence(&name)).then_some(name)
}

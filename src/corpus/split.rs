//! Splitting news lines into passages with exact byte spans.
//!
//! Lines are first joined into units (a paragraph's sentences, a bullet, a
//! heading), then `sentencex` finds sentence boundaries inside each unit. A
//! small post-pass splits what it leaves whole: several sentences inside one
//! quotation.

use super::markup::{self, LinePrefix};
use super::meta::trimmed_span;
use super::{Line, LineKind, Passage, PassageKind, Span};
use crate::text;

/// A run of lines that reads as one piece of text.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: Span,
    bullet: bool,
    /// A Markdown heading ("## What happens next").
    heading: bool,
    lines: usize,
}

pub(super) fn split_passages(
    source: &str,
    lines: &[Line],
    title_span: Option<Span>,
) -> Vec<Passage> {
    let mut passages = Vec::new();
    for unit in units(source, lines) {
        let unit_text = &source[unit.span.range()];
        for piece in sentences(unit_text) {
            let span = trimmed_span(
                source,
                Span::new(unit.span.start + piece.start, unit.span.start + piece.end),
            );
            let body = &source[span.range()];
            if !body.chars().any(char::is_alphanumeric) {
                continue;
            }
            let kind = passage_kind(
                body,
                unit,
                title_span.is_some_and(|t| t.start <= span.start && span.end <= t.end),
            );
            passages.push(Passage {
                index: passages.len(),
                span,
                kind,
            });
        }
    }
    passages
}

/// Bullet markers that start a list item.
const BULLETS: &[char] = &['•', '◦', '▪', '●', '‣', '·', '-', '*', '–', '—'];

/// The byte length of a bullet marker and the space after it, if the line starts with one.
fn bullet_prefix(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start_matches(text::is_space).len();
    let rest = &line[indent..];
    let marker = rest.chars().next()?;
    let after = if BULLETS.contains(&marker) {
        marker.len_utf8()
    } else {
        // "1." or "2)" numbered items
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        match rest[digits..].chars().next() {
            Some('.') | Some(')') => digits + 1,
            _ => return None,
        }
    };
    let spaces = rest[after..].len() - rest[after..].trim_start_matches(text::is_space).len();
    (spaces > 0 && after + spaces < rest.len()).then_some(indent + after + spaces)
}

/// Joins lines into units: a line continues the unit above when that line
/// broke mid-sentence.
fn units(source: &str, lines: &[Line]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut previous_was_text = false;
    for line in lines {
        if line.kind != LineKind::Text {
            previous_was_text = false;
            continue;
        }
        let raw = &source[line.span.range()];
        let markup = markup::line_prefix(raw);
        let heading = matches!(markup, Some((_, LinePrefix::Heading)));
        let (span, bullet) = match (markup, bullet_prefix(raw)) {
            (Some((skip, _)), _) => (Span::new(line.span.start + skip, line.span.end), false),
            (None, Some(skip)) => (Span::new(line.span.start + skip, line.span.end), true),
            (None, None) => (line.span, false),
        };
        let span = trimmed_span(source, span);
        if span.is_empty() {
            continue;
        }
        let body = &source[span.range()];
        if previous_was_text
            && !bullet
            && !heading
            && let Some(last) = units.last_mut()
            && !last.heading
        {
            let above = &source[last.span.range()];
            if continues_sentence(above, body) {
                last.span.end = span.end;
                last.lines += 1;
                continue;
            }
        }
        units.push(Unit {
            span,
            bullet,
            heading,
            lines: 1,
        });
        previous_was_text = true;
    }
    units
}

/// Is `below` the rest of a sentence that `above` left open?
fn continues_sentence(above: &str, below: &str) -> bool {
    let above = above.trim_end();
    if text::ends_sentence(above) || above.ends_with(':') {
        return false;
    }
    let starts_lower = below
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let last_word = above.rsplit(text::is_space).next().unwrap_or("");
    // Hard-wrapped text: a long line that stops on a small word or a comma.
    let wrapped = above.chars().count() >= 50
        && (above.ends_with(',') || last_word.chars().all(char::is_lowercase));
    starts_lower || wrapped
}

/// Sentence spans inside a unit, relative to its start.
fn sentences(unit: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    for boundary in sentencex::get_sentence_boundaries("en", unit) {
        let (start, end) = (boundary.start_byte, boundary.end_byte);
        if start >= end
            || end > unit.len()
            || !unit.is_char_boundary(start)
            || !unit.is_char_boundary(end)
        {
            continue;
        }
        split_inside_quotes(unit, Span::new(start, end), &mut spans);
    }
    if spans.is_empty() && !unit.is_empty() {
        spans.push(Span::new(0, unit.len()));
    }
    spans
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "inc", "ltd", "co", "corp", "llc", "plc", "vs", "etc", "no", "nos",
    "vol", "pp", "p", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
];

/// sentencex keeps a quotation whole; split it where one of its sentences
/// ends and the next begins with a capital letter.
fn split_inside_quotes(unit: &str, span: Span, out: &mut Vec<Span>) {
    let piece = &unit[span.range()];
    let mut start = 0;
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !matches!(c, '.' | '!' | '?') {
            i += 1;
            continue;
        }
        // Take closing quotes and brackets along with the stop.
        let mut j = i + 1;
        while j < chars.len() && text::is_closing_mark(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(piece.len(), |&(b, _)| b);
        let mut k = j;
        while k < chars.len() && text::is_space(chars[k].1) {
            k += 1;
        }
        let next = chars.get(k).map(|&(_, c)| c);
        let opens_sentence =
            next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '\u{201C}' | '\u{2018}'));
        let boundary =
            k > j && opens_sentence && (c != '.' || !ends_with_abbreviation(&piece[start..at]));
        if boundary {
            out.push(Span::new(span.start + start, span.start + end));
            start = chars[k].0;
        }
        i = j.max(i + 1);
    }
    if start < piece.len() {
        out.push(Span::new(span.start + start, span.end));
    }
}

/// Does the text before a full stop end with an abbreviation or an initial?
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| text::is_space(c) || c == '(' || c == '"' || c == '\u{201C}')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Dotted abbreviations (U.S, a.m) and single initials (J).
    if word.contains('.') || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic)) {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Openings of sentences that announce rather than assert.
const FILLER_OPENINGS: &[&str] = &[
    "here's",
    "here is",
    "here are",
    "let us",
    "let's",
    "the following",
    "below is",
    "below are",
    "read on",
    "in this article",
    "we explain",
    "we break down",
    "find out",
    "this is what",
    "this is how",
    "here's what",
    "here's how",
];

/// Phrases by which a writer steers the reader instead of asserting.
const DISCOURSE_PHRASES: &[&str] = &[
    "let us go through",
    "let's go through",
    "let us take a look",
    "let's take a look",
    "let us look at",
    "let's look at",
    "let us dive",
    "let's dive",
    "let us break",
    "let's break",
    "read on to",
    "keep reading",
    "scroll down",
];

/// A sentence shorter than this is a fragment left by the page ("users."),
/// not an assertion.
const MIN_CLAIM_WORDS: usize = 3;

/// A short piece that starts in lower case is the tail of a sentence the
/// page broke ("“private Facebook users.”").
const FRAGMENT_MAX_WORDS: usize = 6;

fn starts_lowercase(body: &str) -> bool {
    body.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

fn passage_kind(body: &str, unit: Unit, is_title: bool) -> PassageKind {
    let trimmed = body.trim_end_matches(|c: char| text::is_space(c) || text::is_closing_mark(c));
    if trimmed.ends_with('?') {
        return PassageKind::Question;
    }
    if is_title {
        return PassageKind::Title;
    }
    let lower = text::fold_quotes(&body.to_lowercase());
    let words = text::word_count(body);
    let announces = FILLER_OPENINGS.iter().any(|f| lower.starts_with(f)) && words <= 14;
    if trimmed.ends_with(':') || announces || DISCOURSE_PHRASES.iter().any(|f| lower.contains(f)) {
        return PassageKind::Filler;
    }
    if (words < MIN_CLAIM_WORDS || (words <= FRAGMENT_MAX_WORDS && starts_lowercase(body)))
        && !unit.bullet
        && !is_title
    {
        return PassageKind::Fragment;
    }
    if unit.bullet {
        return PassageKind::Bullet;
    }
    if unit.heading {
        return PassageKind::Heading;
    }
    let single_line = unit.lines == 1 && body.len() == unit.span.len();
    if single_line
        && !text::ends_sentence(body)
        && (text::word_count(body) <= 3 || text::title_case_ratio(body) >= 0.6)
    {
        return PassageKind::Heading;
    }
    PassageKind::Sentence
}

#[cfg(test)]
mod tests {
    use crate::corpus::Article;

    fn passages(text: &str) -> Vec<String> {
        let article = Article::parse("t", "t.txt", text.to_string());
        article.passage_texts().map(str::to_string).collect()
    }

    #[test]
    fn keeps_abbreviations_and_money_inside_sentences() {
        let got = passages(
            "The U.S. Senate voted. Dr. Smith of Acme Inc. agreed on Feb. 3 at 9 a.m. today. It cost $1.3 billion, or €1.2bn.",
        );
        assert_eq!(
            got,
            vec![
                "The U.S. Senate voted.",
                "Dr. Smith of Acme Inc. agreed on Feb. 3 at 9 a.m. today.",
                "It cost $1.3 billion, or €1.2bn."
            ]
        );
    }

    #[test]
    fn splits_sentences_inside_a_quotation() {
        let got = passages(
            "He said, “It is untrue. We did not share data. Deals like this are common.” Then he left.",
        );
        assert_eq!(
            got,
            vec![
                "He said, “It is untrue.",
                "We did not share data.",
                "Deals like this are common.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn bullets_headings_and_broken_lines() {
        let text = "A Heading Line Here\n\nThe court said the fine\nwas excessive. It appealed.\n\n  • First item: one thing.\n  - Second item\n";
        assert_eq!(
            passages(text),
            vec![
                "A Heading Line Here",
                "The court said the fine\nwas excessive.",
                "It appealed.",
                "First item: one thing.",
                "Second item"
            ]
        );
    }
}

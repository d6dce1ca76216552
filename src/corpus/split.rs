//! Splitting news lines into passages with exact byte spans.
//!
//! Lines are first joined into units (a paragraph's sentences, a bullet, a
//! heading), then `sentencex` finds sentence boundaries inside each unit. A
//! small post-pass splits what it leaves whole: several sentences inside one
//! quotation.

use super::markup::{self, LinePrefix};
use super::meta::trimmed_span;
use super::{Line, LineKind, Passage, PassageKind, Span};
use std::sync::OnceLock;

use crate::{lexicon, text};

/// A run of lines that reads as one piece of text.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: Span,
    bullet: bool,
    /// A Markdown heading ("## What happens next").
    heading: bool,
    lines: usize,
    /// Characters in `span`, kept as lines join so that deciding whether
    /// the next line joins does not count the whole unit again.
    chars: usize,
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

/// Bullet markers that start a list item: a closed set of typographic
/// marks, so it stays here.
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
            if continues_sentence(above, last.chars, body) {
                last.chars += source[last.span.end..span.end].chars().count();
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
            chars: body.chars().count(),
        });
        previous_was_text = true;
    }
    units
}

/// Is `below` the rest of a sentence that `above` (of `above_chars`
/// characters) left open? Looks only at the ends of `above`, so joining a
/// long run of lines stays linear.
fn continues_sentence(above: &str, above_chars: usize, below: &str) -> bool {
    let untrimmed = above;
    let above = above.trim_end();
    let above_chars = above_chars - untrimmed[above.len()..].chars().count();
    if text::ends_sentence(above) || above.ends_with(':') {
        return false;
    }
    let starts_lower = below
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let last_word = above.rsplit(text::is_space).next().unwrap_or("");
    // Hard-wrapped text: a long line that stops on a small word or a comma.
    let wrapped =
        above_chars >= 50 && (above.ends_with(',') || last_word.chars().all(char::is_lowercase));
    starts_lower || wrapped
}

/// Sentence spans inside a unit, relative to its start.
fn sentences(unit: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let segmented = without_costly_unclosed_quotes(unit);
    for boundary in sentencex::get_sentence_boundaries("en", &segmented) {
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

/// Opening quotation marks whose closing mark differs, each with the
/// closing mark sentencex looks for. (A mark that closes itself, like `"`,
/// pairs with the next one and costs nothing.)
const ASYMMETRIC_QUOTES: [(char, char); 6] = [
    ('\u{201C}', '\u{201D}'),
    ('\u{00AB}', '\u{00BB}'),
    ('\u{2018}', '\u{2019}'),
    ('\u{201E}', '\u{201C}'),
    ('\u{00BB}', '\u{00AB}'),
    ('\u{2039}', '\u{203A}'),
];

/// Above this many bytes searched for missing closing quotes, a unit's
/// unclosed opening quotes are hidden from sentencex (a few megabytes: a
/// few milliseconds; no real article comes near).
const QUOTE_SEARCH_BUDGET: usize = 1 << 22;

/// sentencex pairs each opening quotation mark with the next closing one
/// by searching the rest of the text, so a text of many opening marks and
/// no closing ones (`“““…`) costs the square of its length. This follows
/// the same scan at the cost of a binary search per mark, and when the
/// searches that find nothing would cost more than the budget, returns the
/// text with those marks (which pair with nothing anyway) replaced by a
/// neutral symbol of the same byte length, so spans stay exact.
fn without_costly_unclosed_quotes(unit: &str) -> std::borrow::Cow<'_, str> {
    let closer_of = |c: char| {
        ASYMMETRIC_QUOTES
            .iter()
            .find(|(o, _)| *o == c)
            .map(|(_, x)| *x)
    };
    if !unit.contains(|c: char| closer_of(c).is_some()) {
        return std::borrow::Cow::Borrowed(unit);
    }
    // Where each closing mark stands, in order.
    let mut closers: Vec<(char, Vec<usize>)> = ASYMMETRIC_QUOTES
        .iter()
        .map(|(_, close)| (*close, Vec::new()))
        .collect();
    for (at, c) in unit.char_indices() {
        for (close, positions) in closers.iter_mut() {
            if *close == c {
                positions.push(at);
            }
        }
    }
    let mut cursor = 0;
    let mut cost = 0usize;
    let mut unclosed = Vec::new();
    for (at, c) in unit.char_indices() {
        if at < cursor {
            continue;
        }
        let Some(close) = closer_of(c) else {
            continue;
        };
        let content = at + c.len_utf8();
        let positions = closers
            .iter()
            .find(|(x, _)| *x == close)
            .map_or(&[][..], |(_, p)| p.as_slice());
        let next = positions.partition_point(|&p| p < content);
        match positions.get(next) {
            Some(&p) => cursor = p + close.len_utf8(),
            None => {
                cost += unit.len() - content;
                unclosed.push((at, c.len_utf8()));
            }
        }
    }
    if cost <= QUOTE_SEARCH_BUDGET {
        return std::borrow::Cow::Borrowed(unit);
    }
    let mut text = String::with_capacity(unit.len());
    let mut copied = 0;
    for (at, len) in unclosed {
        text.push_str(&unit[copied..at]);
        // '¤' is two bytes, the invisible separator three.
        text.push(if len == 2 { '\u{00A4}' } else { '\u{2063}' });
        copied = at + len;
    }
    text.push_str(&unit[copied..]);
    std::borrow::Cow::Owned(text)
}

/// Words that end with a full stop without ending a sentence, from
/// `lexicon/abbreviations.tsv`.
fn abbreviations() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::words_in(lexicon::abbreviations(), &WORDS)
}

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
    abbreviations().contains(&word.to_lowercase().as_str())
}

/// Openings of sentences that announce rather than assert, from
/// `lexicon/filler-openings.tsv`.
fn filler_openings() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::words_in(lexicon::filler_openings(), &WORDS)
}

/// Phrases by which a writer steers the reader instead of asserting, from
/// `lexicon/discourse-phrases.tsv`.
fn discourse_phrases() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::words_in(lexicon::discourse_phrases(), &WORDS)
}

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
    let announces = filler_openings().iter().any(|f| lower.starts_with(f)) && words <= 14;
    if trimmed.ends_with(':') || announces || discourse_phrases().iter().any(|f| lower.contains(f))
    {
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
    use crate::corpus::{Article, PassageKind};
    use crate::lexicon;

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
    fn unclosed_quotes_are_hidden_from_sentencex_only_when_costly() {
        use super::without_costly_unclosed_quotes;
        let normal = "He said, “It is untrue. And “so on. «Fin";
        assert_eq!(without_costly_unclosed_quotes(normal), normal);
        let hostile = format!("A “b” c. {}", "“«‹".repeat(20_000));
        let shown = without_costly_unclosed_quotes(&hostile);
        assert_eq!(shown.len(), hostile.len(), "byte offsets stay exact");
        assert!(shown.starts_with("A “b” c. "), "a closed pair stays");
        assert!(!shown[9..].contains(['“', '«', '‹']));
    }

    #[test]
    fn hostile_shapes_are_read_in_reasonable_time() {
        // Each took minutes when a step grew with the square of the input;
        // the deadline only turns such a regression into a failure.
        let shapes = [
            "“".repeat(100_000),
            (0..100_000).map(|i| format!("w{}\n", i % 97)).collect(),
            "Mr. Dr. U.S. ".repeat(50_000),
        ];
        let (done, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let counts: Vec<usize> = shapes.into_iter().map(|t| passages(&t).len()).collect();
            let _ = done.send(counts);
        });
        let counts = result
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("hostile shapes are split without hanging");
        assert_eq!(counts.len(), 3);
        assert!(counts[1] >= 1);
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

    /// The passages of an article whose body is `line`, under a title.
    fn passages_under_title(line: &str) -> Vec<(String, PassageKind)> {
        let text = format!("Council votes on the bridge plan\n\n{line}\n");
        let article = Article::parse("t", "t.txt", text);
        article
            .passages
            .iter()
            .skip(1)
            .map(|p| (article.passage_text(p).to_string(), p.kind))
            .collect()
    }

    #[test]
    fn every_abbreviation_keeps_its_quotation_whole() {
        let list = lexicon::abbreviations();
        let count = |line: &str| passages(line).len();
        let mut failures = Vec::new();
        for e in &list.entries {
            if count(e.fires_on) != 1 {
                failures.push(format!("{:?} splits {:?}", e.words, e.fires_on));
            }
            if count(e.spares) < 2 {
                failures.push(format!("{:?}: spare {:?} is not split", e.words, e.spares));
            }
            if lexicon::without(list.file, e.words, || count(e.fires_on)) == 1 {
                failures.push(format!(
                    "{:?} is kept whole without {:?}",
                    e.fires_on, e.words
                ));
            }
        }
        // Single letters are initials by the rule itself.
        let known = ["\"“See p. Ten of the report,” she said.\" is kept whole without \"p\""];
        assert_eq!(failures, known, "{failures:#?}");
    }

    #[test]
    fn every_filler_opening_and_discourse_phrase_makes_filler() {
        let kind = |line: &str| {
            let got = passages_under_title(line);
            match &got[..] {
                [(text, kind)] if text == line => Some(*kind),
                _ => None,
            }
        };
        let mut failures = Vec::new();
        for list in [lexicon::filler_openings(), lexicon::discourse_phrases()] {
            for e in &list.entries {
                if kind(e.fires_on) != Some(PassageKind::Filler) {
                    failures.push(format!(
                        "{:?}: {:?} reads {:?}",
                        e.words,
                        e.fires_on,
                        kind(e.fires_on)
                    ));
                }
                if kind(e.spares) != Some(PassageKind::Sentence) {
                    failures.push(format!(
                        "{:?}: spare {:?} reads {:?}",
                        e.words,
                        e.spares,
                        kind(e.spares)
                    ));
                }
                let without = lexicon::without(list.file, e.words, || kind(e.fires_on));
                if without == Some(PassageKind::Filler) {
                    failures.push(format!("{:?} is filler without {:?}", e.fires_on, e.words));
                }
            }
        }
        // "here's" starts every passage these two start.
        let known = [
            "\"Here's what we know.\" is filler without \"here's what\"",
            "\"Here's how the fire spread.\" is filler without \"here's how\"",
        ];
        assert_eq!(failures, known, "{failures:#?}");
    }
}

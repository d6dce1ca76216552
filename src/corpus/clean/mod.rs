//! Telling news text from the rest of a scraped page, line by line.
//!
//! Scraped articles carry comment forms, newsletter prompts, author bios,
//! photo credits and headlines of other stories. Each rule here looks at the
//! shape and wording of a line, never at particular articles, and a line it
//! rejects stays in the article (dimmed in the reader), marked with why.

mod context;
mod line;
mod phrases;

use super::{Line, Span};
use crate::text;

/// How the cleaner classified a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "reason")]
pub enum LineKind {
    /// Empty or only white space.
    Blank,
    /// News text: title, headings and sentences.
    Text,
    /// Not news; kept to be shown dimmed, never a claim.
    Noise(NoiseReason),
}

impl LineKind {
    pub fn is_noise(self) -> bool {
        matches!(self, LineKind::Noise(_))
    }
}

/// Why a line is not news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoiseReason {
    /// A section label such as "Tech" above the title.
    Category,
    /// A line that only gives the date.
    Dateline,
    /// "By …" or "Source: …" naming the author or outlet.
    Byline,
    /// A photo caption or credit.
    PhotoCredit,
    /// Comment and reply forms.
    CommentForm,
    /// Newsletter, sign-up, sharing and other calls to action.
    Promotion,
    /// Page controls: "Show more", "Back to top", copy protection.
    PageControl,
    /// The author's biography, or an "About the author" block.
    AuthorBio,
    /// A contact e-mail address.
    Contact,
    /// The headline of an unrelated story pasted into the page.
    UnrelatedHeadline,
    /// A correction or editor's note about the article itself.
    EditorsNote,
    /// The outlet's name, tagline or breadcrumbs above the headline.
    Masthead,
    /// The `---` block of title, outlet, author, date and address at the top
    /// of a saved article: read as metadata, never as text.
    FrontMatter,
}

impl NoiseReason {
    pub fn describe(self) -> &'static str {
        match self {
            NoiseReason::Category => "section label",
            NoiseReason::Dateline => "date line",
            NoiseReason::Byline => "byline or source",
            NoiseReason::PhotoCredit => "photo caption or credit",
            NoiseReason::CommentForm => "comment form",
            NoiseReason::Promotion => "newsletter or promotion",
            NoiseReason::PageControl => "page control",
            NoiseReason::AuthorBio => "author biography",
            NoiseReason::Contact => "contact address",
            NoiseReason::UnrelatedHeadline => "unrelated headline",
            NoiseReason::EditorsNote => "editor's note",
            NoiseReason::Masthead => "masthead or tagline",
            NoiseReason::FrontMatter => "front matter",
        }
    }
}

/// Splits text into lines (LF, CRLF or lone CR) and classifies each one.
pub(crate) fn classify_lines(text: &str) -> Vec<Line> {
    let spans = line_spans(text);
    let mut lines: Vec<Line> = spans
        .iter()
        .map(|&span| {
            let kind = if text::is_blank(&text[span.range()]) {
                LineKind::Blank
            } else {
                LineKind::Text
            };
            Line { span, kind }
        })
        .collect();

    // A paragraph wrapped over several lines is judged whole: its lines are
    // pieces of sentences, never judged alone, but a bio or a sign-up
    // prompt wrapped like the prose around it is still page furniture.
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind == LineKind::Blank {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < lines.len() && runs_into_next(text, &lines, end - 1) {
            end += 1;
        }
        let paragraph = lines[i..end]
            .iter()
            .map(|l| text[l.span.range()].trim_matches(text::is_space))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(reason) = line::classify_line(&paragraph) {
            for l in &mut lines[i..end] {
                l.kind = LineKind::Noise(reason);
            }
        }
        i = end;
    }
    context::mark_captions(text, &mut lines);
    context::mark_author_block(text, &mut lines);
    context::mark_comment_sections(text, &mut lines);
    context::mark_bio_continuations(text, &mut lines);
    context::mark_link_lists(text, &mut lines);
    context::mark_top_labels(text, &mut lines);
    context::mark_masthead(text, &mut lines);
    context::mark_unrelated_headlines(text, &mut lines);
    lines
}

/// Whether line `i` runs on into the next: a sentence of a paragraph
/// wrapped over several lines goes on in a line that opens in lower case.
/// Such a line is a piece of a sentence, whatever words it holds ("… 260
/// million subscribers worldwide at the end of" / "March, up from …" is
/// news).
fn runs_into_next(text: &str, lines: &[Line], i: usize) -> bool {
    let content = |k: usize| {
        lines
            .get(k)
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| text[l.span.range()].trim_matches(text::is_space))
    };
    // A wrapped line is a long piece of prose; the next goes on with a
    // plain lower-case word ("error: Content is protected" is no prose).
    let (Some(upper), Some(lower)) = (content(i), content(i + 1)) else {
        return false;
    };
    let first = lower.split_whitespace().next().unwrap_or("");
    // "… two and a" / "half. Brightwater …": the word goes on whatever
    // stop follows it.
    let first = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    // "I" and "I'd" go on a sentence as any lower-case word does; so does
    // anything after a line that stops on "and", "the" or "of".
    let goes_on = first == "I"
        || first.starts_with("I'")
        || (!first.is_empty()
            && first
                .chars()
                .all(|c| c.is_lowercase() || c == '\'' || c == '-'))
        || upper
            .split_whitespace()
            .last()
            .is_some_and(|w| matches!(w, "and" | "the" | "of" | "a" | "an" | "to" | "or"));
    text::word_count(upper) >= 6 && !text::ends_sentence(upper) && goes_on
}

/// Whether line `i` is part of a paragraph wrapped over several lines.
fn is_wrapped(text: &str, lines: &[Line], i: usize) -> bool {
    runs_into_next(text, lines, i) || (i > 0 && runs_into_next(text, lines, i - 1))
}

/// Byte spans of the lines of `text`, without their terminators.
pub(crate) fn line_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                spans.push(Span::new(start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                spans.push(Span::new(start, i));
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        spans.push(Span::new(start, bytes.len()));
    }
    spans
}

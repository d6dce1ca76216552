//! Rules that read a line among its neighbours: captions above credits,
//! what follows an author's bio, lists of links under their heading, labels
//! above the title, headlines that share nothing with the article.

use std::collections::{HashMap, HashSet};

use super::line::is_about_author_heading;
use super::phrases::{link_list_headings, section_words};
use super::{LineKind, NoiseReason, is_wrapped};
use crate::corpus::Line;
use crate::text;

/// A caption is the short line directly above a photo credit, unless that
/// line is the first of the article: its title.
pub(super) fn mark_captions(text: &str, lines: &mut [Line]) {
    let first_text = lines.iter().position(|l| l.kind == LineKind::Text);
    for i in 1..lines.len() {
        if lines[i].kind == LineKind::Noise(NoiseReason::PhotoCredit)
            && lines[i - 1].kind == LineKind::Text
            && Some(i - 1) != first_text
        {
            let above = &text[lines[i - 1].span.range()];
            if text::word_count(above) <= 15 && !text::ends_sentence(above.trim_end()) {
                lines[i - 1].kind = LineKind::Noise(NoiseReason::PhotoCredit);
            }
        }
    }
}

/// Everything after an "About the author" heading is the author's block.
pub(super) fn mark_author_block(text: &str, lines: &mut [Line]) {
    let Some(start) = lines.iter().position(|l| {
        l.kind == LineKind::Noise(NoiseReason::AuthorBio)
            && is_about_author_heading(&text[l.span.range()].trim().to_lowercase())
    }) else {
        return;
    };
    for line in &mut lines[start + 1..] {
        if line.kind == LineKind::Text {
            line.kind = LineKind::Noise(NoiseReason::AuthorBio);
        }
    }
}

/// The indices of the lines still read as text.
fn text_line_indices(lines: &[Line]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .map(|(i, _)| i)
        .collect()
}

/// Whether a line heads the readers' comments: "Comments (23)", "388
/// comments", "Reader comments", "Show comments". A comment form ("Leave a
/// reply") heads none: a bio may follow it.
fn is_comments_header(line: &str) -> bool {
    let plain = crate::corpus::markup::plain_text(line);
    let lower = plain.trim().trim_end_matches(':').to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let counted = |w: &str| w.chars().all(|c| c.is_ascii_digit() || c == 'k');
    match words[..] {
        ["comments" | "comment"]
        | ["reader" | "readers", "comments"]
        | ["show" | "view" | "read", "comments"] => true,
        ["comments" | "comment", n] | [n, "comments" | "comment"] => counted(n),
        ["have", "your", "say"] => true,
        ["have", "your", "say", n] => counted(n),
        ["show" | "view" | "read", "all", n, "comments"] => counted(n),
        _ => false,
    }
}

/// Readers' comments: everything under a comments heading in the second
/// half of the page. One heading near the top ("3 comments" beside the
/// byline) counts them and heads nothing.
pub(super) fn mark_comment_sections(text: &str, lines: &mut [Line]) {
    let text_lines: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind != LineKind::Blank)
        .map(|(i, _)| i)
        .collect();
    let half = text_lines.len() / 2;
    let Some(&start) = text_lines[half..]
        .iter()
        .find(|&&i| is_comments_header(&text[lines[i].span.range()]))
    else {
        return;
    };
    lines[start].kind = LineKind::Noise(NoiseReason::CommentForm);
    for line in &mut lines[start + 1..] {
        if line.kind == LineKind::Text {
            line.kind = LineKind::Noise(NoiseReason::CommentForm);
        }
    }
}

/// The sentence after an author's biography that goes on about the author
/// ("She previously reported for the Tribune.").
pub(super) fn mark_bio_continuations(text: &str, lines: &mut [Line]) {
    let mut after_bio = false;
    for line in lines.iter_mut() {
        match line.kind {
            LineKind::Blank => {}
            LineKind::Noise(NoiseReason::AuthorBio) => after_bio = true,
            LineKind::Text if after_bio => {
                let first = text[line.span.range()]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                if matches!(
                    first,
                    "He" | "She" | "They" | "Previously," | "Before" | "Prior" | "Follow"
                ) {
                    line.kind = LineKind::Noise(NoiseReason::AuthorBio);
                } else {
                    after_bio = false;
                }
            }
            _ => after_bio = false,
        }
    }
}

pub(super) fn is_link_list_heading(line: &str) -> bool {
    let plain = crate::corpus::markup::plain_text(line);
    let line = plain.trim();
    let lower = text::fold_quotes(&line.to_lowercase());
    let lower = lower.trim().trim_end_matches(':');
    text::word_count(line) <= 8
        && !text::ends_sentence(line)
        && link_list_headings().iter().any(|h| lower.starts_with(h))
}

/// Under a heading such as "Most Popular" or "More from …", the short lines
/// that do not end a sentence are the headlines of other stories.
pub(super) fn mark_link_lists(text: &str, lines: &mut [Line]) {
    let mut in_list = false;
    for line in lines.iter_mut() {
        if line.kind == LineKind::Blank {
            continue;
        }
        let content = text[line.span.range()].trim_matches(text::is_space);
        if is_link_list_heading(content) {
            line.kind = LineKind::Noise(NoiseReason::PageControl);
            in_list = true;
            continue;
        }
        if !in_list {
            continue;
        }
        // Headlines end without a full stop; a question mark may end one.
        let headline =
            text::word_count(content) <= 20 && !content.ends_with(['.', '!', ':', '"', '\u{201D}']);
        if !headline {
            in_list = false;
            continue;
        }
        if line.kind == LineKind::Text {
            line.kind = LineKind::Noise(NoiseReason::UnrelatedHeadline);
        }
    }
}

/// Short section labels ("Tech", "News Tech and Science") above the first
/// real line of text.
pub(super) fn mark_top_labels(text: &str, lines: &mut [Line]) {
    let text_lines: Vec<usize> = text_line_indices(lines).into_iter().take(4).collect();
    for (n, &i) in text_lines.iter().enumerate() {
        let line = text[lines[i].span.range()].trim();
        let is_last = n + 1 == text_lines.len();
        if is_last || !is_section_label(line) {
            break;
        }
        lines[i].kind = LineKind::Noise(NoiseReason::Category);
    }
}

pub(super) fn is_section_label(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty()
        && words.len() <= 6
        && !text::ends_sentence(line)
        && words.iter().all(|w| section_words().contains(&w.as_str()))
}

/// The lines above the headline: the outlet's name, its tagline ("The
/// city's paper — independent since 1858"), breadcrumbs. Among the short
/// lines that open a page before its first paragraph, the headline is the
/// one that shares most words with the story below; what stands above it
/// is the page's, not the story's.
pub(super) fn mark_masthead(text: &str, lines: &mut [Line]) {
    const HEADER_LINES: usize = 8;
    let text_lines = text_line_indices(lines);
    let content = |i: usize| text[lines[i].span.range()].trim_matches(text::is_space);
    // The first paragraph: a long line that ends a sentence, or a line of a
    // hard-wrapped one.
    let Some(body_at) = text_lines.iter().take(HEADER_LINES + 1).position(|&i| {
        (text::word_count(content(i)) >= 12 && text::ends_sentence(content(i)))
            || is_wrapped(text, lines, i)
    }) else {
        return;
    };
    let header = &text_lines[..body_at];
    let candidates: Vec<usize> = header
        .iter()
        .copied()
        .filter(|&i| {
            let words = text::word_count(content(i));
            (3..=30).contains(&words) && !content(i).ends_with('.')
        })
        .collect();
    if candidates.len() < 2 {
        return;
    }
    let body: HashSet<String> = text_lines[body_at..]
        .iter()
        .flat_map(|&i| text::content_stems(content(i)))
        .collect();
    let shared = |i: usize| {
        text::content_stems(content(i))
            .into_iter()
            .collect::<HashSet<_>>()
            .intersection(&body)
            .count()
    };
    // The first of the lines sharing most, so that a standfirst under the
    // headline does not take its place (`max_by_key` keeps the last of
    // equals, hence the reversed walk).
    let Some(headline) = candidates.iter().rev().copied().max_by_key(|&i| shared(i)) else {
        return;
    };
    for &i in header.iter().take_while(|&&i| i != headline) {
        lines[i].kind = LineKind::Noise(NoiseReason::Masthead);
    }
}

/// A headline-like line that shares no content word with the rest of the
/// article belongs to another story.
pub(super) fn mark_unrelated_headlines(text: &str, lines: &mut [Line]) {
    let text_lines = text_line_indices(lines);
    if text_lines.len() < 4 {
        return;
    }
    fn distinct_stems(line: &str) -> HashSet<String> {
        text::content_stems(line).into_iter().collect()
    }
    // In how many lines each stem stands: a stem in two or more lines is
    // shared by the line with some other line. Only the counts are kept:
    // the stems of every line at once cost four times a long article.
    let mut lines_with: HashMap<String, u32> = HashMap::new();
    for &i in &text_lines {
        for s in distinct_stems(&text[lines[i].span.range()]) {
            *lines_with.entry(s).or_default() += 1;
        }
    }
    for (n, &i) in text_lines.iter().enumerate() {
        let line = text[lines[i].span.range()].trim();
        // Headlines come in Title Case or in sentence case without a full
        // stop ("Celebrity chef opens new restaurant downtown"); the first
        // line, the article's own title, may say it in other words.
        let sentence_case_headline = n > 0
            && !text::ends_sentence(line)
            && !line.ends_with(':')
            && text::word_count(line) <= 20;
        if !(text::is_headline_like(line) || sentence_case_headline) || is_wrapped(text, lines, i) {
            continue;
        }
        // Read again for the few lines that look like headlines.
        let stems = distinct_stems(&text[lines[i].span.range()]);
        if stems.len() < 3 {
            continue;
        }
        let shared = stems
            .iter()
            .any(|s| lines_with.get(s.as_str()).is_some_and(|&c| c > 1));
        if !shared {
            lines[i].kind = LineKind::Noise(NoiseReason::UnrelatedHeadline);
        }
    }
}

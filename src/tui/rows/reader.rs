//! An article wrapped to a width: which bytes of its text each screen line
//! of the reader shows.

use std::ops::Range;

use newsdigest::Article;
use newsdigest::corpus::LineKind;

use crate::tui::terminal_text::wrap_ranges;

/// One screen line of the reader: a byte range of the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLine {
    pub bytes: Range<usize>,
    pub noise: bool,
    /// Columns left blank before the text: continuation lines of a bullet
    /// or an indented paragraph line up with its first word.
    pub indent: u16,
}

/// An article wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderText {
    pub article: usize,
    pub width: u16,
    pub lines: Vec<ScreenLine>,
}

impl ReaderText {
    pub fn build(article_index: usize, article: &Article, width: u16) -> ReaderText {
        let mut lines = Vec::new();
        for line in &article.lines {
            match line.kind {
                // Runs of blank lines (a saved page's layout) show as one,
                // and none opens the article: the text starts at the top.
                LineKind::Blank if lines.last().is_none_or(|l: &ScreenLine| l.bytes.is_empty()) => {
                }
                LineKind::Blank => lines.push(ScreenLine {
                    bytes: line.span.start..line.span.start,
                    noise: false,
                    indent: 0,
                }),
                LineKind::Text | LineKind::Noise(_) => {
                    let noise = matches!(line.kind, LineKind::Noise(_));
                    let indent = hanging_indent(article.slice(line.span));
                    let indent = if indent * 2 < width { indent } else { 0 };
                    let wrapped = wrap_ranges(&article.text, line.span.range(), width as usize);
                    let mut first = true;
                    let rest_start = wrapped.get(1).map(|r| r.start);
                    for bytes in wrapped
                        .into_iter()
                        .take(if indent > 0 { 1 } else { usize::MAX })
                    {
                        lines.push(ScreenLine {
                            bytes,
                            noise,
                            indent: if first { 0 } else { indent },
                        });
                        first = false;
                    }
                    if let (true, Some(start)) = (indent > 0, rest_start) {
                        let rest = (width - indent) as usize;
                        for bytes in wrap_ranges(&article.text, start..line.span.end, rest) {
                            lines.push(ScreenLine {
                                bytes,
                                noise,
                                indent,
                            });
                        }
                    }
                }
            }
        }
        if lines.is_empty() {
            lines.push(ScreenLine {
                bytes: 0..0,
                noise: false,
                indent: 0,
            });
        }
        ReaderText {
            article: article_index,
            width,
            lines,
        }
    }

    /// The screen line that shows a byte offset (or the next one after it).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .iter()
            .position(|l| l.bytes.start <= offset && offset < l.bytes.end)
            .or_else(|| self.lines.iter().position(|l| l.bytes.start >= offset))
            .unwrap_or(self.lines.len().saturating_sub(1))
    }
}

/// Columns before the text of a bulleted or indented line: its leading
/// white space and bullet ("  • ", "- ", "1. ").
fn hanging_indent(line: &str) -> u16 {
    let trimmed = line.trim_start();
    let lead = &line[..line.len() - trimmed.len()];
    let marker_len = if let Some(c) = trimmed.chars().next().filter(|c| "•·-*–—▪◦‣".contains(*c))
    {
        c.len_utf8()
    } else {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits < 3 && trimmed[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            0
        }
    };
    let after = &trimmed[marker_len..];
    let spaces = after.len() - after.trim_start().len();
    if marker_len > 0 && spaces == 0 {
        return 0;
    }
    let prefix = &line[..lead.len() + marker_len + spaces];
    unicode_width::UnicodeWidthStr::width(crate::tui::terminal_text::visible(prefix).as_ref())
        as u16
}

#[cfg(test)]
mod tests {
    use super::hanging_indent;

    #[test]
    fn bullets_and_indented_lines_hang() {
        assert_eq!(hanging_indent("    • Hastings joined"), 6);
        assert_eq!(hanging_indent("- item"), 2);
        assert_eq!(hanging_indent("12. step"), 4);
        assert_eq!(hanging_indent("  indented"), 2);
        assert_eq!(hanging_indent("Plain text"), 0);
        assert_eq!(hanging_indent("-5 degrees"), 0);
    }
}

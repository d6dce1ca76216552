//! Markdown and HTML that pages and converters leave in article text.
//!
//! Spans always point at the source bytes; these helpers say where a line's
//! markup prefix ends, and give a passage's words without the markup for
//! matching and display ("[the ruling](https://…)" reads "the ruling").

use std::borrow::Cow;

/// What a line's leading markup makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinePrefix {
    /// "## What happens next"
    Heading,
    /// "> A quoted paragraph"
    Quote,
}

/// The byte length of a Markdown heading marker ("# ", "## ") or quote
/// marker ("> ", "> > ") at the start of a line, with the spaces after it.
pub(crate) fn line_prefix(line: &str) -> Option<(usize, LinePrefix)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let hashes = rest.chars().take_while(|&c| c == '#').count();
    let (marker, kind) = if (1..=6).contains(&hashes) {
        (hashes, LinePrefix::Heading)
    } else if rest.starts_with('>') {
        let quotes = rest
            .chars()
            .take_while(|&c| c == '>' || c == ' ')
            .map(char::len_utf8)
            .sum::<usize>();
        (quotes, LinePrefix::Quote)
    } else {
        return None;
    };
    let after = &rest[marker..];
    let spaces = after.len() - after.trim_start().len();
    let body = after.trim_start();
    let spaced = spaces > 0 || kind == LinePrefix::Quote;
    (spaced && !body.is_empty()).then_some((indent + marker + spaces, kind))
}

/// A line that is only a Markdown image: `![alt](url)`.
pub(crate) fn is_image_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("![") && t.ends_with(')') && t.contains("](")
}

/// A line that is only a web address.
pub(crate) fn is_url_line(line: &str) -> bool {
    let t = line.trim().trim_start_matches('<').trim_end_matches('>');
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// A line of HTML tags and nothing else ("</p>", "<div class=\"ad\">").
pub(crate) fn is_tag_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('<') && t.ends_with('>') && plain_text(t).trim().is_empty()
}

/// The words of a passage without its markup: Markdown links keep their
/// text, images go, emphasis and code marks go, HTML tags go and entities
/// are decoded. Text with none of these comes back borrowed.
pub fn plain_text(s: &str) -> Cow<'_, str> {
    if !s.contains(['[', '*', '`', '<', '&', '_']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some((consumed, kept)) = link_or_image(rest) {
            out.push_str(kept);
            rest = &rest[consumed..];
            continue;
        }
        if c == '<'
            && let Some(end) = html_tag_end(rest)
        {
            rest = &rest[end..];
            continue;
        }
        if c == '&'
            && let Some((consumed, decoded)) = entity(rest)
        {
            out.push(decoded);
            rest = &rest[consumed..];
            continue;
        }
        if matches!(c, '*' | '`') || (c == '_' && rest.starts_with("__")) {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// `[text](url)` gives its text; `![alt](url)` gives nothing. Returns the
/// bytes consumed and what to keep.
fn link_or_image(s: &str) -> Option<(usize, &str)> {
    let image = s.starts_with("![");
    let open = if image { 2 } else { 1 };
    if !image && !s.starts_with('[') {
        return None;
    }
    let close = s[open..].find(']')? + open;
    let target = s[close + 1..].strip_prefix('(')?;
    let end = target.find(')')?;
    if target[..end].contains(char::is_whitespace) {
        return None;
    }
    let consumed = close + 2 + end + 1;
    Some((consumed, if image { "" } else { &s[open..close] }))
}

/// The byte just after an HTML tag at the start of `s`: `<p>`, `</a>`,
/// `<img src="…">`; none for a lone "<" ("<5%").
fn html_tag_end(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    let end = s.find('>')?;
    (!s[..end].contains('\n')).then_some(end + 1)
}

/// A named or numeric HTML entity at the start of `s`, decoded.
fn entity(s: &str) -> Option<(usize, char)> {
    // Entity names are short ASCII: look for the ';' among the first bytes.
    let end = s
        .char_indices()
        .take_while(|&(i, _)| i < 12)
        .find(|&(_, c)| c == ';')?
        .0;
    let name = &s[1..end];
    let decoded = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((end + 1, decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup_and_keeps_words() {
        assert_eq!(
            plain_text("They were [reviewing the ruling](https://example.com/r) today."),
            "They were reviewing the ruling today."
        );
        assert_eq!(
            plain_text("![A store](https://x.jpg) Shoppers"),
            " Shoppers"
        );
        assert_eq!(
            plain_text("blocked the **$24.6 billion** merger"),
            "blocked the $24.6 billion merger"
        );
        assert_eq!(
            plain_text("<p>rose 3&nbsp;percent &amp; more&#8217;s</p>"),
            "rose 3 percent & more\u{2019}s"
        );
        // Text that only looks like markup stays.
        assert_eq!(
            plain_text("AT&T said prices rose <5% [sic]."),
            "AT&T said prices rose <5% [sic]."
        );
        assert_eq!(plain_text("snake_case stays"), "snake_case stays");
        assert_eq!(plain_text("R&éééééééé;D"), "R&éééééééé;D");
        assert!(matches!(plain_text("Plain news text."), Cow::Borrowed(_)));
    }

    #[test]
    fn line_prefixes() {
        assert_eq!(
            line_prefix("## What happens next"),
            Some((3, LinePrefix::Heading))
        );
        assert_eq!(
            line_prefix("> \"A quote,\" she said."),
            Some((2, LinePrefix::Quote))
        );
        assert_eq!(line_prefix("#MeToo spread online."), None);
        assert_eq!(line_prefix("Plain line"), None);
        assert!(is_image_line("![alt text](https://example.com/a.jpg)"));
        assert!(is_url_line("https://example.com/full-coverage"));
        assert!(!is_url_line("https://example.com is the site"));
        assert!(is_tag_line("</p>"));
        assert!(!is_tag_line("<p>News text.</p>"));
    }
}

//! The front matter of a saved article: a block of `key: value` lines between
//! `---` lines at the top of a Markdown file, as `newsdigest extract` writes
//! it. It carries the article's title, outlet, author, date and URL, and is
//! never part of the article's text.

/// What a front matter block says about its article. Unknown keys are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// An ISO date (`2024-03-05`), when the page gave one.
    pub date: Option<String>,
    /// The page's canonical address.
    pub url: Option<String>,
}

/// A front matter block found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFrontMatter {
    pub fields: FrontMatter,
    /// Byte offset where the article's body starts, just after the closing `---` line.
    pub body_start: usize,
}

/// The front matter at the very start of `text`, if it has one: an opening
/// `---` line and a closing `---` (or `...`) line. A text that opens with
/// `---` but never closes it has none, and is read as ordinary text.
pub fn find(text: &str) -> Option<FoundFrontMatter> {
    let text_after_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_after_bom.len();
    let mut offset = bom;
    let mut lines = text_after_bom.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    offset += first.len();
    let mut fields = FrontMatter::default();
    for line in lines {
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            return Some(FoundFrontMatter {
                fields,
                body_start: offset,
            });
        }
        let Some((key, value)) = line.split_once(':') else {
            // YAML's list items, comments and blank lines may sit in a
            // block; a line of prose means the `---` was a rule, not
            // front matter.
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("- ") {
                continue;
            }
            return None;
        };
        let key_is_a_name = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if key.starts_with([' ', '\t']) {
            // A nested value belongs to the key above it, not to the article.
            continue;
        }
        if !key_is_a_name {
            return None;
        }
        let value = unquote(value.trim());
        let value = (!value.is_empty()).then_some(value);
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => fields.title = value,
            "outlet" | "site" | "publisher" => fields.outlet = value,
            "author" | "byline" => fields.author = value,
            "date" => fields.date = value,
            "url" | "canonical" => fields.url = value,
            _ => {}
        }
    }
    None
}

/// A YAML scalar as written: `"…"` with JSON escapes, `'…'` with `''` for a
/// quote, or plain.
fn unquote(value: &str) -> String {
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        if let Ok(text) = serde_json::from_str::<String>(value) {
            return text;
        }
        return value[1..value.len() - 1].to_string();
    }
    if value.len() >= 2 && value.starts_with('\'') && value.ends_with('\'') {
        return value[1..value.len() - 1].replace("''", "'");
    }
    value.to_string()
}

impl FrontMatter {
    /// The block as `newsdigest extract` prints it, `---` lines included.
    /// Every key is written, empty when unknown, so the shape never varies.
    pub fn render(&self) -> String {
        let mut out = String::from("---\n");
        for (key, value) in [
            ("title", &self.title),
            ("outlet", &self.outlet),
            ("author", &self.author),
            ("date", &self.date),
            ("url", &self.url),
        ] {
            match value {
                Some(value) => out.push_str(&format!("{key}: {}\n", scalar(value))),
                None => out.push_str(&format!("{key}:\n")),
            }
        }
        out.push_str("---\n");
        out
    }
}

/// A value as a YAML scalar: plain when that reads back unchanged, else
/// double-quoted with JSON escapes (valid YAML too).
fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| c.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !value.ends_with(|c: char| c.is_whitespace() || c == ':')
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(char::is_control);
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).unwrap_or_else(|_| format!("\"{value}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes() {
        let fields = FrontMatter {
            title: Some("Storm: \"worst\" in years # 1".to_string()),
            outlet: Some("AP".to_string()),
            author: None,
            date: Some("2024-03-05".to_string()),
            url: Some("https://example.com/a?b=1#c".to_string()),
        };
        let text = format!("{}\nBody text.\n", fields.render());
        let found = find(&text).expect("a front matter block");
        assert_eq!(found.fields, fields);
        assert_eq!(&text[found.body_start..], "\nBody text.\n");
    }

    #[test]
    fn an_unclosed_block_is_not_front_matter() {
        assert_eq!(find("---\ntitle: x\nno end here\n"), None);
        assert_eq!(find("Title\n---\n"), None);
    }

    #[test]
    fn rules_around_prose_are_not_front_matter() {
        assert_eq!(find("---\nThe storm hit the coast\n---\nMore text\n"), None);
        assert_eq!(find("---\nOfficials said: the storm is over\n---\n"), None);
        let found = find("---\ntags:\n  - storm\n# a comment\n\ntitle: T\n---\n").unwrap();
        assert_eq!(found.fields.title.as_deref(), Some("T"));
    }

    #[test]
    fn single_quotes_and_crlf_are_read() {
        let found = find("---\r\ntitle: 'It''s here'\r\nDate: 2020-01-02\r\n---\r\nBody").unwrap();
        assert_eq!(found.fields.title.as_deref(), Some("It's here"));
        assert_eq!(found.fields.date.as_deref(), Some("2020-01-02"));
    }
}

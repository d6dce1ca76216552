//! Pulling the article out of a web page.
//!
//! `dom_smoothie`, a port of Mozilla's Readability (the algorithm behind
//! Firefox Reader View), decides which part of the page is the article and
//! reads the metadata from `<meta>`, Open Graph and JSON-LD. The article is
//! then written as Markdown here, from its DOM, so that only words a reader
//! sees reach the text: link targets, image addresses and emphasis marks
//! would otherwise become words of passages.

use dom_query::{Document, NodeRef};

use crate::corpus::front_matter::FrontMatter;
use crate::text;

/// An article taken from a page: its metadata and its text as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedArticle {
    pub meta: FrontMatter,
    /// Paragraphs, headings, lists and block quotes, separated by blank lines.
    pub body: String,
}

impl ExtractedArticle {
    /// The front matter block followed by the body: what `extract` prints and
    /// `add` saves.
    pub fn to_markdown(&self) -> String {
        let mut out = self.meta.render();
        out.push('\n');
        out.push_str(&self.body);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }

    pub fn word_count(&self) -> usize {
        text::word_count(&self.body)
    }
}

/// Why a page gave no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("empty file")]
    Empty,
    #[error("not a web page: binary data (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("no article found in the page")]
    NoArticle,
    #[error("the page has too many elements to read ({found}, at most {limit})")]
    TooLarge { found: usize, limit: usize },
}

/// A page's bytes as they were saved or served: decoded in the encoding it
/// declares (see [`crate::ingest::charset`]), then extracted. Binary data is
/// refused before it is parsed.
pub fn extract_page(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
) -> Result<ExtractedArticle, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    // UTF-16 pages have NUL bytes but a byte order mark; other NULs mean binary.
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if !utf16 && let Some(offset) = bytes.iter().take(64 * 1024).position(|&b| b == 0) {
        return Err(ExtractError::Binary { offset });
    }
    let html = crate::ingest::charset::decode_html(bytes, content_type);
    extract_article(&html, url)
}

/// Pages with more elements than this are refused rather than read for
/// seconds: the largest real news page of the test set has about 9 000.
const MAX_ELEMENTS: usize = 200_000;

/// Extracts the article of an HTML page. `url` is where the page came from,
/// when known: it resolves a relative canonical link and names the outlet
/// when the page does not.
pub fn extract_article(html: &str, url: Option<&str>) -> Result<ExtractedArticle, ExtractError> {
    let document = Document::from(html);
    let canonical = canonical_url(&document, url);
    // dom_smoothie refuses a relative or malformed address; the page can be
    // read without one.
    let page_url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let mut readability =
        dom_smoothie::Readability::with_document(document, page_url, Some(config))
            .or_else(|_| dom_smoothie::Readability::with_document(Document::from(html), None, None))
            .map_err(|_| ExtractError::NoArticle)?;
    let article = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(found, limit) => {
            ExtractError::TooLarge { found, limit }
        }
        _ => ExtractError::NoArticle,
    })?;
    let body = markdown_from_html(&article.content);
    if body.trim().is_empty() {
        return Err(ExtractError::NoArticle);
    }
    let address = canonical.or_else(|| page_url.map(str::to_string));
    let meta = FrontMatter {
        title: clean_value(&article.title),
        outlet: article
            .site_name
            .as_deref()
            .and_then(clean_value)
            .or_else(|| address.as_deref().and_then(host_name)),
        author: article.byline.as_deref().and_then(author_name),
        date: article.published_time.as_deref().and_then(iso_date),
        url: address,
    };
    Ok(ExtractedArticle { meta, body })
}

/// One line, spaces collapsed, or nothing when empty.
fn clean_value(value: &str) -> Option<String> {
    let value = text::collapse_spaces(value.trim());
    (!value.is_empty()).then_some(value)
}

/// "By Jane Doe" gives "Jane Doe"; a byline that is a sentence is no name.
fn author_name(byline: &str) -> Option<String> {
    let value = clean_value(byline)?;
    let value = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| value.strip_prefix(p))
        .unwrap_or(&value)
        .trim()
        .to_string();
    (!value.is_empty() && text::word_count(&value) <= 12).then_some(value)
}

/// The `YYYY-MM-DD` of a published time: ISO 8601 as pages give it
/// ("2015-01-05T13:06:00Z"), or a date written out ("March 5, 2024").
pub fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let bytes = value.as_bytes();
    let iso = bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if iso {
        let month: u32 = value[5..7].parse().ok()?;
        let day: u32 = value[8..10].parse().ok()?;
        return ((1..=12).contains(&month) && (1..=31).contains(&day))
            .then(|| value[..10].to_string());
    }
    text::parse_date_line(value).filter(|d| iso_date_shape(d))
}

fn iso_date_shape(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-'
}

/// `<link rel="canonical">`, else `og:url`, made absolute against the page's
/// address.
fn canonical_url(document: &Document, page_url: Option<&str>) -> Option<String> {
    let link = document
        .select("link[rel~=canonical][href]")
        .attr("href")
        .map(|h| h.to_string());
    let og = document
        .select("meta[property=\"og:url\"][content]")
        .attr("content")
        .map(|h| h.to_string());
    [link, og]
        .into_iter()
        .flatten()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .find_map(|h| absolute_url(&h, page_url))
}

/// `href` made absolute against `base`; `None` when it cannot be.
fn absolute_url(href: &str, base: Option<&str>) -> Option<String> {
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    if let Some(path) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    None
}

/// "www.example.com" from "https://www.example.com/a": the outlet when the
/// page names none.
fn host_name(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Elements whose text is not read: code and media that Readability may keep.
const SKIPPED: [&str; 11] = [
    "script", "style", "noscript", "template", "svg", "img", "video", "audio", "iframe", "button",
    "select",
];

/// Elements that end the line of text before them and start a new block.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "dl",
    "dt",
    "dd",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
];

/// Markdown for an article's HTML: one paragraph per block, `#` headings,
/// `-` and `1.` lists, `>` quotes, `<br>` as a line break; inline markup
/// keeps only its words.
pub fn markdown_from_html(html: &str) -> String {
    let document = Document::fragment(html);
    let mut writer = MarkdownWriter::default();
    for child in document.root().children() {
        writer.node(&child);
    }
    writer.flush();
    let mut out = writer.blocks.join("");
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    out
}

#[derive(Default)]
struct MarkdownWriter {
    /// Finished blocks, each with its trailing newlines.
    blocks: Vec<String>,
    /// The words of the block being read, white space not yet collapsed.
    inline: String,
    /// One entry per open list: the next number of an ordered list.
    lists: Vec<Option<usize>>,
    /// The marker waiting for the first line of the current list item.
    item_marker: Option<String>,
    quote_depth: usize,
}

impl MarkdownWriter {
    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.inline.push_str(&node.text());
            return;
        }
        if !node.is_element() {
            // Documents and fragments hold elements; comments say nothing.
            if node.is_document() || node.is_fragment() {
                self.children(node);
            }
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) {
            return;
        }
        match name {
            "br" => self.inline.push('\n'),
            "hr" => {
                self.flush();
                self.push_block("---".to_string(), false);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.children(node);
                let level = name[1..].parse::<usize>().unwrap_or(2);
                self.flush_with_prefix(&format!("{} ", "#".repeat(level)));
            }
            "ul" | "ol" => {
                self.flush();
                let start = node
                    .attr("start")
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                self.lists.push((name == "ol").then_some(start));
                self.children(node);
                self.flush();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.end_list();
                }
            }
            "li" => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "- ".to_string(),
                };
                self.item_marker = Some(format!("{}{marker}", "  ".repeat(depth)));
                self.children(node);
                self.flush();
                self.item_marker = None;
            }
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
                self.children(node);
                self.flush();
                self.quote_depth -= 1;
            }
            "pre" => {
                self.flush();
                let code = node.text().to_string();
                let code = code.trim_matches('\n');
                if !code.trim().is_empty() {
                    self.push_block(format!("```\n{code}\n```"), false);
                }
            }
            "td" | "th" => {
                self.inline.push(' ');
                self.children(node);
                self.inline.push(' ');
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    fn children(&mut self, node: &NodeRef) {
        for child in node.children() {
            self.node(&child);
        }
    }

    fn flush(&mut self) {
        self.flush_with_prefix("");
    }

    /// Ends the current block: white space collapsed within each line of it.
    fn flush_with_prefix(&mut self, prefix: &str) {
        let raw = std::mem::take(&mut self.inline);
        let lines: Vec<String> = raw
            .split('\n')
            .map(|line| text::collapse_spaces(&readable_line(line)))
            .map(|line| line.trim().to_string())
            .filter(|line| !line.is_empty())
            .collect();
        if lines.is_empty() {
            return;
        }
        let in_item = self.item_marker.is_some() || !self.lists.is_empty();
        let marker = self.item_marker.take();
        let indent = " ".repeat(marker.as_ref().map_or(0, |m| m.chars().count()));
        let mut block = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                // A `<br>` inside a paragraph: two spaces make Markdown's hard break.
                block.push_str("  \n");
            }
            match (&marker, i) {
                (Some(m), 0) => block.push_str(m),
                (None, 0) if in_item => block.push_str(&indent),
                _ => block.push_str(&indent),
            }
            block.push_str(prefix);
            block.push_str(line);
        }
        self.push_block(block, in_item);
    }

    /// Adds a block, quoted when inside a block quote; list items are kept
    /// together, other blocks are separated by a blank line.
    fn push_block(&mut self, block: String, tight: bool) {
        let mut block = if self.quote_depth > 0 {
            let quote = "> ".repeat(self.quote_depth);
            block
                .lines()
                .map(|l| format!("{quote}{l}"))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            block
        };
        block.push_str(if tight { "\n" } else { "\n\n" });
        self.blocks.push(block);
    }

    /// A list's last item is followed by a blank line like any block.
    fn end_list(&mut self) {
        if let Some(last) = self.blocks.last_mut()
            && !last.ends_with("\n\n")
        {
            last.push('\n');
        }
    }
}

/// A line of page text as it may be saved: no-break spaces as spaces, and
/// control characters (an escape sequence hidden in a page) dropped, so
/// that nothing saved can act on a terminal that prints it.
fn readable_line(line: &str) -> String {
    line.chars()
        .filter_map(|c| match c {
            '\u{a0}' => Some(' '),
            c if c.is_whitespace() => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_and_tables_keep_their_shape() {
        assert_eq!(
            markdown_from_html(
                "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>\
                 <table><tr><th>Town</th><th>Homes</th></tr><tr><td>Ellis</td><td>4,000</td></tr></table>"
            ),
            "- a\n  - b\n- c\n\nTown Homes\n\nEllis 4,000\n"
        );
    }

    #[test]
    fn control_characters_of_a_page_are_dropped() {
        assert_eq!(
            markdown_from_html("<p>Red\u{1b}[31m alert&#7;\u{a0}now</p>"),
            "Red[31m alert now\n"
        );
    }

    #[test]
    fn blocks_lists_quotes_and_breaks_become_markdown() {
        let html = "<div><h2>Storm &amp; flood</h2><p>First <b>bold</b> line<br>second line.</p>\
            <ul><li>one</li><li>two <a href=\"https://x.example/\">link</a></li></ul>\
            <ol start=\"3\"><li>three</li></ol><blockquote><p>Said so.</p></blockquote>\
            <p>After <img src=\"a.png\" alt=\"pic\"> image.</p></div>";
        assert_eq!(
            markdown_from_html(html),
            "## Storm & flood\n\nFirst bold line  \nsecond line.\n\n- one\n- two link\n\n\
             3. three\n\n> Said so.\n\nAfter image.\n"
        );
    }

    #[test]
    fn iso_dates_are_cut_to_the_day() {
        assert_eq!(
            iso_date("2015-01-05T13:06:00Z").as_deref(),
            Some("2015-01-05")
        );
        assert_eq!(iso_date("2015-13-05"), None);
        assert_eq!(iso_date("soon"), None);
    }

    #[test]
    fn canonical_links_are_made_absolute() {
        assert_eq!(
            absolute_url("/news/1", Some("https://example.com/x?y")).as_deref(),
            Some("https://example.com/news/1")
        );
        assert_eq!(absolute_url("news/1", None), None);
        assert_eq!(
            host_name("https://www.example.com:8080/a").as_deref(),
            Some("example.com")
        );
    }

    #[test]
    fn metadata_comes_from_json_ld_and_open_graph() {
        let html = r#"<html><head><title>Ignored | Site</title>
            <meta property="og:site_name" content="The Daily Example">
            <link rel="canonical" href="/2024/03/storm">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "headline":"Storm hits the coast","datePublished":"2024-03-05T08:00:00Z",
              "author":{"@type":"Person","name":"Jane Doe"}}</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
            <p>The storm reached the coast early on Tuesday, flooding streets in three towns and cutting power to thousands of homes, officials said.</p>
            <p>Rescue teams worked through the night to reach families cut off by the water, and schools stayed closed on Wednesday.</p>
            <p>Forecasters expect the rain to ease by the weekend, though rivers will stay high for several days after that.</p>
            </article></body></html>"#;
        let article = extract_article(html, Some("https://example.com/page")).unwrap();
        assert_eq!(article.meta.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(article.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(article.meta.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(article.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://example.com/2024/03/storm")
        );
        assert!(article.body.starts_with("The storm reached the coast"));
        assert!(!article.body.contains("Home"));
    }
}

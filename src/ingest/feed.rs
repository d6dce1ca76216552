//! Reading RSS, Atom and JSON feeds with `feed-rs`: each item's date, outlet,
//! title, link and summary, for listing and for choosing what to add.

use crate::text;

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// `YYYY-MM-DD` of its publication (or last update).
    pub date: Option<String>,
    /// The feed's own title: the outlet that publishes it.
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// The article's address.
    pub link: Option<String>,
    /// The summary, as plain text.
    pub summary: Option<String>,
}

impl FeedItem {
    /// Whether every word of `words` is in the title or the summary (case
    /// and accents ignored).
    pub fn matches(&self, words: &str) -> bool {
        let haystack = text::fold_for_match(&format!(
            "{} {}",
            self.title.as_deref().unwrap_or(""),
            self.summary.as_deref().unwrap_or("")
        ));
        let haystack: Vec<&str> = haystack
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let wanted = text::fold_for_match(words);
        wanted
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| haystack.contains(&w))
    }
}

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not a feed that can be read (RSS, Atom or JSON Feed): {0}")]
pub struct FeedError(String);

/// A feed's items, in the feed's order. An item the feed gives without a
/// link is kept (it is listed) with `link: None`.
pub fn read_feed(bytes: &[u8], address: Option<&str>) -> Result<Vec<FeedItem>, FeedError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(address)
        .sanitize_content(false)
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| FeedError(one_line(&e.to_string())))?;
    let outlet = feed.title.as_ref().and_then(|t| plain(&t.content));
    Ok(feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|h| !h.is_empty())
                // RSS items without <link> often give the address as their guid.
                .or_else(|| {
                    crate::ingest::fetch::is_web_address(&entry.id).then(|| entry.id.clone())
                });
            FeedItem {
                date: entry
                    .published
                    .or(entry.updated)
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                outlet: outlet.clone(),
                title: entry.title.as_ref().and_then(|t| plain(&t.content)),
                link,
                summary: entry.summary.as_ref().and_then(|t| plain(&t.content)),
            }
        })
        .collect())
}

/// Feed text, which may hold HTML, as one plain line.
fn plain(value: &str) -> Option<String> {
    let value = if value.contains('<') {
        dom_query::Document::fragment(value).text().to_string()
    } else {
        value.to_string()
    };
    let value = text::collapse_spaces(value.trim());
    (!value.is_empty()).then_some(value)
}

fn one_line(message: &str) -> String {
    text::collapse_spaces(message.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_atom_and_json_feeds_give_their_items() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Big Wire</title>
            <item><title>Storm floods towns</title><link>https://wire.example/storm</link>
            <pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;Three towns &lt;b&gt;flooded&lt;/b&gt;&lt;/p&gt;</description></item>
            </channel></rss>"#;
        let items = read_feed(rss, None).unwrap();
        assert_eq!(
            items,
            vec![FeedItem {
                date: Some("2024-03-05".to_string()),
                outlet: Some("Big Wire".to_string()),
                title: Some("Storm floods towns".to_string()),
                link: Some("https://wire.example/storm".to_string()),
                summary: Some("Three towns flooded".to_string()),
            }]
        );
        assert!(items[0].matches("STORM flooded"));
        assert!(!items[0].matches("storm drought"));

        let atom =
            br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title>Daily</title><id>urn:x</id><updated>2024-03-05T08:00:00Z</updated>
            <entry><title>Rain eases</title><id>urn:y</id><updated>2024-03-06T08:00:00Z</updated>
            <link href="https://daily.example/rain"/></entry></feed>"#;
        let items = read_feed(atom, None).unwrap();
        assert_eq!(items[0].link.as_deref(), Some("https://daily.example/rain"));
        assert_eq!(items[0].date.as_deref(), Some("2024-03-06"));

        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON News",
            "items":[{"id":"1","url":"https://json.example/1","title":"Roads closed","date_published":"2024-03-07T10:00:00Z"}]}"#;
        let items = read_feed(json, None).unwrap();
        assert_eq!(items[0].outlet.as_deref(), Some("JSON News"));
        assert_eq!(items[0].link.as_deref(), Some("https://json.example/1"));
    }

    #[test]
    fn a_page_is_not_a_feed() {
        assert!(read_feed(b"<html><body>hi</body></html>", None).is_err());
    }
}

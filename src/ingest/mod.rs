//! Bringing articles in: extracting them from web pages, reading feeds and
//! fetching pages. Nothing here touches the network unless a command asks:
//! the reader and `export` only ever read files.

pub mod charset;
pub mod extract;
pub mod feed;
pub mod fetch;
pub mod save;

pub use extract::{ExtractError, ExtractedArticle, extract_article};

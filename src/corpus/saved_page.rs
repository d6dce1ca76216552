//! Saved web pages in a folder of articles: read as the article they hold.
//!
//! A `.html` file is extracted when the folder is loaded, and the article is
//! the Markdown `newsdigest extract` would print for it: front matter, then
//! the text. Spans and passages point into that text, which `passages` shows;
//! nothing is fetched.

use std::path::Path;

use crate::ingest;

/// Saved pages have one of these extensions (compared without case).
const PAGE_EXTENSIONS: [&str; 3] = ["html", "htm", "xhtml"];

pub(super) fn is_saved_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The article of a saved page as Markdown, or why there is none. Read as
/// article files are: regular files only, never blocking, up to `limit`.
pub(super) fn read_saved_page(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = crate::files::read_limited(path, limit).map_err(|e| e.to_string())?;
    let article = ingest::extract::extract_page(&bytes, None, None).map_err(|e| e.to_string())?;
    Ok(article.to_markdown())
}

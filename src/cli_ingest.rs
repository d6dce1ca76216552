//! The commands that bring articles in: `extract`, `add` and `feed`. The work
//! is in `newsdigest::ingest`; this file reads arguments and prints.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, bail};
use newsdigest::ingest::{self, ExtractedArticle};
use newsdigest::text::{escape_controls, printable_path};

use crate::cli::print;

/// Whether a source names a web address rather than a file.
fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads a saved page and extracts its article; the error names the file.
fn extract_file(path: &Path) -> Result<ExtractedArticle> {
    let bytes = std::fs::read(path).with_context(|| printable_path(path))?;
    ingest::extract::extract_page(&bytes, None, None).with_context(|| printable_path(path))
}

pub fn run_extract(source: &str) -> Result<()> {
    let article = if is_url(source) {
        bail!("{}: fetching is not available yet", escape_controls(source));
    } else {
        extract_file(Path::new(source))?
    };
    print_for_people(&article.to_markdown())
}

/// Prints text that came from a page: on a terminal, control and bidi
/// characters are shown as escapes rather than obeyed.
fn print_for_people(text: &str) -> Result<()> {
    if std::io::stdout().is_terminal() {
        let lines: Vec<_> = text.split('\n').map(escape_controls).collect();
        print(&lines.join("\n"))
    } else {
        print(text)
    }
}

pub fn run_add(
    _sources: &[String],
    _into: &Path,
    _feed: Option<&str>,
    _match_words: Option<&str>,
) -> Result<bool> {
    bail!("add is not available yet")
}

pub fn run_feed(_source: &str) -> Result<()> {
    bail!("feed is not available yet")
}

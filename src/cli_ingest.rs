//! The commands that bring articles in: `extract`, `add` and `feed`. The work
//! is in `newsdigest::ingest`; this file reads arguments and prints.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use newsdigest::ingest::ExtractedArticle;
use newsdigest::ingest::extract::extract_page;
use newsdigest::ingest::feed::{FeedItem, read_feed};
use newsdigest::ingest::fetch::{FetchLimits, Fetcher, Wanted, is_web_address};
use newsdigest::ingest::save::{Added, ArticleFolder};
use newsdigest::text::{escape_controls, printable_path};

use crate::cli::print;

/// Addresses fetched at once by `add`: enough to hide each server's
/// latency, few enough to be polite to one site.
const PARALLEL_FETCHES: usize = 6;

fn fetcher(timeout_secs: u64) -> Fetcher {
    Fetcher::new(FetchLimits {
        timeout: Duration::from_secs(timeout_secs),
        ..FetchLimits::default()
    })
}

/// Reads a saved page and extracts its article; the error names the file.
fn extract_file(path: &Path) -> Result<ExtractedArticle> {
    let bytes = std::fs::read(path).with_context(|| printable_path(path))?;
    extract_page(&bytes, None, None).with_context(|| printable_path(path))
}

/// Fetches a page and extracts its article; the error names the address.
fn extract_url(fetcher: &Fetcher, url: &str) -> Result<ExtractedArticle> {
    let page = fetcher.get(url, Wanted::Page)?;
    extract_fetched(url, &page)
}

fn extract_fetched(
    url: &str,
    page: &newsdigest::ingest::fetch::Fetched,
) -> Result<ExtractedArticle> {
    extract_page(&page.bytes, page.content_type.as_deref(), Some(&page.url))
        .with_context(|| escape_controls(url).into_owned())
}

pub fn run_extract(source: &str, timeout: u64) -> Result<()> {
    let article = if is_web_address(source) {
        extract_url(&fetcher(timeout), source)?
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

/// A feed's items, from an address or a file.
fn feed_items(source: &str, timeout: u64) -> Result<Vec<FeedItem>> {
    let shown = escape_controls(source).into_owned();
    if is_web_address(source) {
        let fetched = fetcher(timeout).get(source, Wanted::Feed)?;
        read_feed(&fetched.bytes, Some(&fetched.url)).context(shown)
    } else {
        let bytes = std::fs::read(source).with_context(|| shown.clone())?;
        read_feed(&bytes, None).context(shown)
    }
}

/// One field for a listing line: escaped, "-" when missing.
fn field(value: Option<&str>) -> String {
    value.map_or_else(|| "-".to_string(), |v| escape_controls(v).into_owned())
}

pub fn run_feed(source: &str, timeout: u64) -> Result<bool> {
    let items = feed_items(source, timeout)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            field(item.date.as_deref()),
            field(item.outlet.as_deref()),
            field(item.title.as_deref()),
            field(item.link.as_deref())
        ));
        warn_if_unusable(i, item);
    }
    if items.is_empty() {
        eprintln!(
            "newsdigest: {}: the feed has no items",
            escape_controls(source)
        );
    }
    print(&out)?;
    Ok(true)
}

/// Says on standard error when an item cannot be added: it has no link.
fn warn_if_unusable(index: usize, item: &FeedItem) {
    if item.link.is_none() {
        eprintln!(
            "newsdigest: warning: item {} ({}) has no link to an article",
            index + 1,
            field(item.title.as_deref())
        );
    }
}

pub fn run_add(
    sources: &[String],
    into: &Path,
    feed: Option<&str>,
    match_words: Option<&str>,
    timeout: u64,
) -> Result<bool> {
    let mut sources: Vec<String> = sources.to_vec();
    if let Some(feed) = feed {
        let items = feed_items(feed, timeout)?;
        let chosen: Vec<(usize, &FeedItem)> = items
            .iter()
            .enumerate()
            .filter(|(_, item)| match_words.is_none_or(|words| item.matches(words)))
            .collect();
        for (i, item) in &chosen {
            warn_if_unusable(*i, item);
        }
        if chosen.is_empty() {
            eprintln!("newsdigest: {}: no item matches", escape_controls(feed));
        }
        sources.extend(chosen.iter().filter_map(|(_, item)| item.link.clone()));
    }
    let mut folder = ArticleFolder::open(into)?;
    let mut all_well = true;

    // Addresses already saved are not fetched again.
    let mut urls = Vec::new();
    let mut files = Vec::new();
    for source in sources {
        if is_web_address(&source) {
            match folder.file_with_url(&source) {
                Some(path) => say_already_there(path, &source)?,
                None if !urls.contains(&source) => urls.push(source),
                None => {}
            }
        } else {
            files.push(source);
        }
    }

    for file in &files {
        let added = extract_file(Path::new(file)).and_then(|a| save(&mut folder, &a));
        all_well &= report_failure(added);
    }

    let progress = Progress::new(urls.len());
    let fetcher = fetcher(timeout);
    let pages = fetcher.get_many(&urls, Wanted::Page, PARALLEL_FETCHES, &|_, _| {
        progress.tick()
    });
    progress.finish();
    for (url, page) in urls.iter().zip(pages) {
        let added = page
            .map_err(anyhow::Error::from)
            .and_then(|page| extract_fetched(url, &page))
            .and_then(|article| save(&mut folder, &article));
        all_well &= report_failure(added);
    }
    Ok(all_well)
}

/// Prints a failure on standard error; whether there was none.
fn report_failure(result: Result<()>) -> bool {
    match result {
        Ok(()) => true,
        Err(e) => {
            eprintln!("newsdigest: {e:#}");
            false
        }
    }
}

fn say_already_there(path: &Path, url: &str) -> Result<()> {
    print(&format!(
        "already there: {} ({})\n",
        printable_path(path),
        escape_controls(url)
    ))
}

/// Saves an article and prints one line: file, title, outlet, words.
fn save(folder: &mut ArticleFolder, article: &ExtractedArticle) -> Result<()> {
    let added = folder.add(article)?;
    let about = format!(
        "{} · {} · {} words",
        field(article.meta.title.as_deref()),
        field(article.meta.outlet.as_deref()),
        article.word_count()
    );
    let line = match added {
        Added::Saved { path } => format!("saved {} · {about}\n", printable_path(&path)),
        Added::SavedCopy { path, of } => format!(
            "saved {} · {about} · a copy of {}\n",
            printable_path(&path),
            printable_path(&of)
        ),
        Added::AlreadyThere { path } => format!(
            "already there: {} ({})\n",
            printable_path(&path),
            field(article.meta.url.as_deref())
        ),
    };
    print(&line)
}

/// "fetching 3 of 10" on standard error, rewritten in place, when it is a
/// terminal; nothing otherwise, so logs stay clean.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let shown = total > 1 && std::io::stderr().is_terminal();
        let progress = Progress {
            total,
            done: AtomicUsize::new(0),
            shown,
        };
        progress.draw(0);
        progress
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.draw(done);
    }

    fn draw(&self, done: usize) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2Kfetching {done} of {}", self.total);
            let _ = err.flush();
        }
    }

    fn finish(&self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

//! Reading a folder of articles from disk, and the copy compiled into the binary.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::saved_page::{is_saved_page, read_saved_page};
use super::{Article, Corpus};
use crate::files::{self, ReadError};
use crate::text::printable_path;

/// Why a folder could not be read as a story at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such folder", printable_path(path))]
    NotFound { path: PathBuf },
    #[error("{}: not a folder", printable_path(path))]
    NotADirectory { path: PathBuf },
    #[error("{}: cannot read folder: {source}", printable_path(path))]
    Unreadable { path: PathBuf, source: io::Error },
    #[error(
        "{}: no .txt, .md or .html articles in this folder",
        printable_path(path)
    )]
    NoArticles { path: PathBuf },
    #[error(
        "{}: none of its {count} article files could be read",
        printable_path(path)
    )]
    NoReadableArticles {
        path: PathBuf,
        count: usize,
        /// Why each file was skipped.
        skipped: Vec<LoadWarning>,
    },
}

/// A file that was skipped while the rest of the folder was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A file name may hold control characters: shown as escapes.
        write!(f, "skipped {}: {}", printable_path(&self.path), self.reason)
    }
}

/// Article files have one of these extensions (compared without case).
const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

fn is_article_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// How a folder is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// A larger file is skipped with a warning that names the limit.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: files::DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// How far loading a folder has got, read by another thread to show
/// progress while a large folder loads.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Article files found in the folder.
    pub files_found: AtomicUsize,
    /// Files read from disk (or skipped).
    pub files_read: AtomicUsize,
    /// Bytes of article text read.
    pub bytes_read: AtomicUsize,
    /// Articles cleaned and split into passages.
    pub articles_parsed: AtomicUsize,
}

pub(super) fn load_dir(
    dir: &Path,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> Result<Corpus, LoadError> {
    let meta = match fs::metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(LoadError::NotFound {
                path: dir.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(LoadError::Unreadable {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    let entries = fs::read_dir(dir).map_err(|source| LoadError::Unreadable {
        path: dir.to_path_buf(),
        source,
    })?;

    let mut names = Vec::new();
    let mut warnings = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push(entry.file_name()),
            Err(e) => warnings.push(LoadWarning {
                path: dir.to_path_buf(),
                reason: format!("cannot list an entry: {e}"),
            }),
        }
    }
    names.sort();

    let mut paths = Vec::new();
    for name in names {
        let path = dir.join(&name);
        if path.is_dir() {
            warnings.push(LoadWarning {
                path,
                reason: "is a folder; articles are read from the top level only".to_string(),
            });
            continue;
        }
        if is_article_name(&path) || is_saved_page(&path) {
            paths.push(path);
        }
    }
    let candidates = paths.len();
    progress.files_found.store(candidates, Ordering::Relaxed);

    let mut texts = Vec::new();
    for path in paths {
        let read = if is_saved_page(&path) {
            read_saved_page(&path, options.max_file_bytes)
        } else {
            read_article_text(&path, options.max_file_bytes)
        };
        progress.files_read.fetch_add(1, Ordering::Relaxed);
        match read {
            Ok(text) => {
                progress.bytes_read.fetch_add(text.len(), Ordering::Relaxed);
                texts.push((path, text));
            }
            Err(reason) => warnings.push(LoadWarning { path, reason }),
        }
    }
    let ids = unique_ids(texts.iter().map(|(path, _)| path.as_path()));
    // Cleaning and splitting are independent per article: use every core.
    let articles: Vec<Article> = texts
        .into_par_iter()
        .zip(ids)
        .map(|((path, text), id)| {
            let article = Article::parse(id, path, text);
            progress.articles_parsed.fetch_add(1, Ordering::Relaxed);
            article
        })
        .collect();

    if articles.is_empty() {
        return Err(if candidates == 0 {
            LoadError::NoArticles {
                path: dir.to_path_buf(),
            }
        } else {
            LoadError::NoReadableArticles {
                path: dir.to_path_buf(),
                count: candidates,
                skipped: warnings,
            }
        });
    }
    Ok(Corpus { articles, warnings })
}

/// One id per file: its stem, or its whole name when another file of the
/// folder has the same stem (`story.txt` and `story.md`), and a number
/// after that in the rare case the name is taken too. Ids name articles in
/// the export, so two files must never share one.
pub(crate) fn unique_ids<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<String> {
    let names: Vec<(String, String)> = paths
        .map(|path| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = path
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (stem, name)
        })
        .collect();
    let mut stems: HashMap<&str, usize> = HashMap::new();
    for (stem, _) in &names {
        *stems.entry(stem.as_str()).or_default() += 1;
    }
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut ids = Vec::with_capacity(names.len());
    for (stem, name) in &names {
        let base = if stems.get(stem.as_str()).copied().unwrap_or(0) > 1 {
            name.clone()
        } else {
            stem.clone()
        };
        let mut id = base.clone();
        let mut n = 1;
        while taken.contains(&id) {
            n += 1;
            id = format!("{base}~{n}");
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

/// Reads one file as article text, or says why it is not one.
fn read_article_text(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = files::read_limited(path, limit).map_err(|e| match e {
        ReadError::NotRegular { kind: "a folder" } => {
            "is a folder, not an article file".to_string()
        }
        other => other.to_string(),
    })?;
    decode_article(bytes)
}

/// Checks that bytes are article text: not empty, not binary, valid UTF-8.
pub(crate) fn decode_article(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".to_string());
    }
    if let Some(encoding) = files::utf16_bom(&bytes) {
        return Err(format!(
            "{encoding} text (it starts with a byte-order mark); save it as UTF-8, e.g. with iconv -f UTF-16 -t UTF-8"
        ));
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(format!("binary data (NUL byte at offset {offset})"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

// `EMBEDDED_ARTICLES: &[(&str, &str)]`, generated by build.rs from `articles/`.
include!(concat!(env!("OUT_DIR"), "/embedded_articles.rs"));

/// The default articles compiled into the binary: (file name, text), in name order.
pub fn embedded_articles() -> &'static [(&'static str, &'static str)] {
    EMBEDDED_ARTICLES
}

//! Reading a folder of articles from disk, and the copy compiled into the binary.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::saved_page::{is_saved_page, read_saved_page};
use super::{Article, Corpus};

/// Why a folder could not be read as a story at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such folder", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: not a folder", path.display())]
    NotADirectory { path: PathBuf },
    #[error("{}: cannot read folder: {source}", path.display())]
    Unreadable { path: PathBuf, source: io::Error },
    #[error("{}: no .txt, .md or .html articles in this folder", path.display())]
    NoArticles { path: PathBuf },
    #[error("{}: none of its {count} article files could be read", path.display())]
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
        write!(f, "skipped {}: {}", self.path.display(), self.reason)
    }
}

/// Article files have one of these extensions (compared without case).
const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

fn is_article_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

pub(super) fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
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

    let mut texts = Vec::new();
    let mut candidates = 0;
    for name in names {
        let path = dir.join(&name);
        if path.is_dir() {
            warnings.push(LoadWarning {
                path,
                reason: "is a folder; articles are read from the top level only".to_string(),
            });
            continue;
        }
        if !is_article_name(&path) && !is_saved_page(&path) {
            continue;
        }
        candidates += 1;
        let read = if is_saved_page(&path) {
            read_saved_page(&path)
        } else {
            read_article_text(&path)
        };
        match read {
            Ok(text) => texts.push((path, text)),
            Err(reason) => warnings.push(LoadWarning { path, reason }),
        }
    }
    // Cleaning and splitting are independent per article: use every core.
    let articles: Vec<Article> = texts
        .into_par_iter()
        .map(|(path, text)| {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Article::parse(id, path, text)
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

/// Reads one file as article text, or says why it is not one.
fn read_article_text(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| describe_io_error(&e))?;
    if meta.is_dir() {
        return Err("is a folder, not an article file".to_string());
    }
    let bytes = fs::read(path).map_err(|e| describe_io_error(&e))?;
    decode_article(bytes)
}

fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "does not exist (a broken or looping link?)".to_string(),
        _ => {
            // ELOOP has no stable ErrorKind; say it plainly.
            if e.raw_os_error() == Some(40) {
                "symbolic link loop".to_string()
            } else {
                e.to_string()
            }
        }
    }
}

/// Checks that bytes are article text: not empty, not binary, valid UTF-8.
pub(crate) fn decode_article(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".to_string());
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
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

//! Saving extracted articles into a folder of articles: one `<slug>.md` per
//! article, never overwriting, and saying when a page is already there
//! (same canonical address) or is a wire copy of one that is.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::copies::Fingerprint;
use crate::corpus::{Article, front_matter};
use crate::ingest::ExtractedArticle;
use crate::text::printable_path;

/// What became of an article given to [`ArticleFolder::add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Written to a new file.
    Saved { path: PathBuf },
    /// Written to a new file; the text is a copy of the article in `of`.
    SavedCopy { path: PathBuf, of: PathBuf },
    /// Not written: the file at `path` has the same address.
    AlreadyThere { path: PathBuf },
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot create the folder: {source}", printable_path(path))]
    CreateFolder { path: PathBuf, source: io::Error },
    #[error("{}: cannot read the folder: {source}", printable_path(path))]
    ReadFolder { path: PathBuf, source: io::Error },
    #[error("{}: not a folder", printable_path(path))]
    NotAFolder { path: PathBuf },
    #[error("{}: cannot write: {source}", printable_path(path))]
    Write { path: PathBuf, source: io::Error },
}

/// Files of one title tried before giving up: `<slug>-2.md` … `-999`.
const MAX_SAME_NAME: usize = 999;

/// An article already in the folder.
struct Known {
    path: PathBuf,
    url: Option<String>,
    fingerprint: Fingerprint,
}

/// A folder of articles being added to.
pub struct ArticleFolder {
    dir: PathBuf,
    known: Vec<Known>,
}

impl ArticleFolder {
    /// Opens a folder, creating it when missing, and reads the address and
    /// text of the articles already in it.
    pub fn open(dir: &Path) -> Result<ArticleFolder, SaveError> {
        if dir.exists() && !dir.is_dir() {
            return Err(SaveError::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        fs::create_dir_all(dir).map_err(|source| SaveError::CreateFolder {
            path: dir.to_path_buf(),
            source,
        })?;
        let entries = fs::read_dir(dir).map_err(|source| SaveError::ReadFolder {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        // A file that cannot be read is no article to compare with; the
        // reader will warn about it when the folder is opened.
        let known = paths
            .into_iter()
            .filter_map(|path| {
                let text = known_article_text(&path)?;
                let url = front_matter::find(&text).and_then(|f| f.fields.url);
                let article = Article::parse("known", &path, text);
                Some(Known {
                    fingerprint: Fingerprint::of_article(&article),
                    url,
                    path,
                })
            })
            .collect();
        Ok(ArticleFolder {
            dir: dir.to_path_buf(),
            known,
        })
    }

    /// The file already holding the page at `url`, if any.
    pub fn file_with_url(&self, url: &str) -> Option<&Path> {
        let wanted = comparable_url(url);
        self.known
            .iter()
            .find(|k| k.url.as_deref().map(comparable_url).as_deref() == Some(wanted.as_str()))
            .map(|k| k.path.as_path())
    }

    /// Saves an article as `<slug>.md` unless its address is already there.
    pub fn add(&mut self, article: &ExtractedArticle) -> Result<Added, SaveError> {
        if let Some(url) = &article.meta.url
            && let Some(path) = self.file_with_url(url)
        {
            return Ok(Added::AlreadyThere {
                path: path.to_path_buf(),
            });
        }
        let text = article.to_markdown();
        let parsed = Article::parse("new", "new.md", text.clone());
        let fingerprint = Fingerprint::of_article(&parsed);
        let copy_of = self
            .known
            .iter()
            .find(|k| k.fingerprint.is_copy_of(&fingerprint))
            .map(|k| k.path.clone());
        let path = self.write_new(&slug(article.meta.title.as_deref()), &text)?;
        self.known.push(Known {
            path: path.clone(),
            url: article.meta.url.clone(),
            fingerprint,
        });
        Ok(match copy_of {
            Some(of) => Added::SavedCopy { path, of },
            None => Added::Saved { path },
        })
    }

    /// Writes to `<slug>.md`, or `<slug>-2.md` and so on: a file that exists
    /// is never replaced, even one created meanwhile by another process.
    fn write_new(&self, slug: &str, text: &str) -> Result<PathBuf, SaveError> {
        for n in 1..=MAX_SAME_NAME {
            let name = if n == 1 {
                format!("{slug}.md")
            } else {
                format!("{slug}-{n}.md")
            };
            let path = self.dir.join(name);
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    file.write_all(text.as_bytes())
                        .map_err(|source| SaveError::Write {
                            path: path.clone(),
                            source,
                        })?;
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(source) => return Err(SaveError::Write { path, source }),
            }
        }
        Err(SaveError::Write {
            path: self.dir.join(format!("{slug}.md")),
            source: io::Error::other(format!("{MAX_SAME_NAME} files of that name already")),
        })
    }
}

/// The text of a file in the folder, as the reader would see it.
fn known_article_text(path: &Path) -> Option<String> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    let bytes = fs::read(path).ok()?;
    match extension.as_str() {
        "md" | "txt" => String::from_utf8(bytes).ok(),
        "html" | "htm" | "xhtml" => crate::ingest::extract::extract_page(&bytes, None, None)
            .ok()
            .map(|a| a.to_markdown()),
        _ => None,
    }
}

/// A file name from a title: lower-case words joined by `-`, at most 80
/// bytes; "article" when the title gives no word.
pub fn slug(title: Option<&str>) -> String {
    let mut out = String::new();
    for word in title
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if out.len() + word.len() + 1 > 80 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

/// An address as compared for "already there": scheme, `www.`, the
/// fragment and a final `/` do not make another page.
fn comparable_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_words_of_the_title() {
        assert_eq!(
            slug(Some("Storm: 3 towns flooded!")),
            "storm-3-towns-flooded"
        );
        assert_eq!(
            slug(Some("Zürich — Überschwemmung")),
            "zürich-überschwemmung"
        );
        assert_eq!(slug(Some("?!")), "article");
        assert_eq!(slug(None), "article");
        assert!(slug(Some(&"word ".repeat(40))).len() <= 80);
    }

    #[test]
    fn addresses_compare_without_scheme_www_fragment_or_final_slash() {
        assert_eq!(
            comparable_url("https://www.Example.com/a/b/#top"),
            comparable_url("http://example.com/a/b")
        );
        assert_ne!(
            comparable_url("https://example.com/a?id=1"),
            comparable_url("https://example.com/a?id=2")
        );
    }
}

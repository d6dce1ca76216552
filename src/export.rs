//! The digest as JSON or Markdown, for other tools and for reading.

use std::path::Path;

use serde::Serialize;

use crate::corpus::Corpus;
use crate::digest::Digest;

#[derive(Debug, Serialize)]
pub struct ExportArticle<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub byline: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportPassage<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportClaim<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub articles: Vec<&'a str>,
    pub passages: Vec<ExportPassage<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub articles: Vec<ExportArticle<'a>>,
    pub claims: Vec<ExportClaim<'a>>,
}

/// `path` is the folder as given joined with the file name, as stored in
/// the corpus; paths are written with `/`.
fn path_string(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

pub fn export<'a>(corpus: &'a Corpus, digest: &'a Digest) -> Export<'a> {
    let articles = corpus
        .articles
        .iter()
        .map(|a| ExportArticle {
            id: &a.id,
            path: path_string(&a.path),
            title: a.title.as_deref(),
            date: a.date.as_deref(),
            byline: a.byline.as_deref(),
        })
        .collect();
    let claims = digest
        .claims
        .iter()
        .map(|c| ExportClaim {
            id: &c.id,
            text: &c.text,
            articles: c
                .articles
                .iter()
                .map(|&a| corpus.articles[a].id.as_str())
                .collect(),
            passages: c
                .support
                .iter()
                .map(|r| {
                    let article = &corpus.articles[r.article];
                    let passage = &article.passages[r.passage];
                    ExportPassage {
                        article: &article.id,
                        start: passage.span.start,
                        end: passage.span.end,
                        text: article.passage_text(passage),
                    }
                })
                .collect(),
        })
        .collect();
    Export { articles, claims }
}

pub fn to_json(corpus: &Corpus, digest: &Digest) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&export(corpus, digest)).unwrap_or_default()
}

pub fn to_markdown(corpus: &Corpus, digest: &Digest) -> String {
    let mut out = String::from("# Digest\n\n## Articles\n\n");
    for a in &corpus.articles {
        out.push_str(&format!("- **{}** (`{}`)", a.display_title(), a.id));
        if let Some(b) = &a.byline {
            out.push_str(&format!(" · {b}"));
        }
        if let Some(d) = &a.date {
            out.push_str(&format!(" · {d}"));
        }
        out.push('\n');
    }
    out.push_str("\n## Claims\n");
    for c in &digest.claims {
        out.push_str(&format!(
            "\n### {}. {}\n\n{} · {}\n\n",
            c.id,
            c.text,
            plural(c.article_count(), "article"),
            plural(c.passage_count(), "passage")
        ));
        for r in &c.support {
            let article = &corpus.articles[r.article];
            let passage = &article.passages[r.passage];
            let text = article
                .passage_text(passage)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "> {text}\n> — *{}* (`{}`, bytes {}–{})\n\n",
                article.display_title(),
                article.id,
                passage.span.start,
                passage.span.end
            ));
        }
    }
    out
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

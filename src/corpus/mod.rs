//! Reading articles: loading files, cleaning scraped text, and splitting it
//! into passages whose byte spans point into the original file.
//!
//! Nothing here knows about terminals; the digest and the interface both read
//! the [`Corpus`] built here and never re-parse text.

mod clean;
pub mod front_matter;
mod load;
pub mod markup;
mod meta;
mod saved_page;
mod split;

pub use clean::{LineKind, NoiseReason};
pub use load::{LoadError, LoadOptions, LoadProgress, LoadWarning, embedded_articles};

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A byte range into an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// One physical line of an article, classified by the cleaner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line without its line terminator.
    pub span: Span,
    pub kind: LineKind,
}

/// What a passage is, which decides whether it can carry a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PassageKind {
    /// The article's title line.
    Title,
    /// An ordinary sentence of running text.
    Sentence,
    /// An item of a bulleted list.
    Bullet,
    /// A section heading: a short line without final punctuation.
    Heading,
    /// A question, which asks rather than asserts.
    Question,
    /// A sentence that announces rather than asserts ("Here's a breakdown:").
    Filler,
    /// A scrap of a sentence too short to assert anything ("users.").
    Fragment,
}

/// A sentence-sized piece of an article's news text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Position of this passage in its article, from 0.
    pub index: usize,
    /// Byte span into the article's original text: `text == article.text[span]`.
    pub span: Span,
    pub kind: PassageKind,
}

/// One article: its original text, what the cleaner made of each line, and
/// its passages.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem, or the file name when two files share a stem: unique
    /// within a corpus.
    pub id: String,
    /// The folder as given joined with the file name.
    pub path: PathBuf,
    /// The file's text, byte for byte as read (after UTF-8 validation).
    pub text: String,
    pub title: Option<String>,
    /// Span of the title line, when the title came from the text.
    pub title_span: Option<Span>,
    /// An outlet or author named by the text ("Source: …", "By …").
    pub byline: Option<String>,
    /// A date given by the text, as written (ISO dates are kept as they are).
    pub date: Option<String>,
    /// The page's address, from the front matter of a saved article.
    pub url: Option<String>,
    pub lines: Vec<Line>,
    pub passages: Vec<Passage>,
}

impl Article {
    /// Builds an article from its text: cleans the lines, reads the title,
    /// date and byline, and splits the news lines into passages.
    pub fn parse(id: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Article {
        let front = front_matter::find(&text);
        let body_start = front.as_ref().map_or(0, |f| f.body_start);
        let lines = classify_with_front_matter(&text, body_start);
        let mut meta = meta::read_meta(&text, &lines);
        let mut url = None;
        if let Some(front) = front {
            let fields = front.fields;
            // The page's own metadata beats what the text seems to say; a
            // title from the front matter is no line of the text.
            if fields.title.is_some() {
                meta.title = fields.title;
                meta.title_span = None;
            }
            meta.byline = fields.outlet.or(fields.author).or(meta.byline);
            meta.date = fields.date.or(meta.date);
            url = fields.url;
        }
        let passages = split::split_passages(&text, &lines, meta.title_span);
        Article {
            id: id.into(),
            path: path.into(),
            text,
            title: meta.title,
            title_span: meta.title_span,
            byline: meta.byline,
            date: meta.date,
            url,
            lines,
            passages,
        }
    }

    /// The text of a passage, exactly as it stands in the file.
    /// A passage's words without Markdown or HTML markup, for matching and
    /// display (see [`markup::plain_text`]).
    pub fn passage_plain_text(&self, passage: &Passage) -> std::borrow::Cow<'_, str> {
        markup::plain_text(self.passage_text(passage))
    }

    pub fn passage_text(&self, passage: &Passage) -> &str {
        &self.text[passage.span.range()]
    }

    /// The texts of all passages, in order.
    pub fn passage_texts(&self) -> impl Iterator<Item = &str> {
        self.passages.iter().map(|p| self.passage_text(p))
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The passage that contains a byte offset, if any.
    pub fn passage_at(&self, offset: usize) -> Option<&Passage> {
        let i = self.passages.partition_point(|p| p.span.end <= offset);
        self.passages.get(i).filter(|p| p.span.contains(offset))
    }

    /// The title, or else the first words of the text, for lists.
    pub fn display_title(&self) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        let first = self
            .passages
            .first()
            .map(|p| self.passage_text(p))
            .unwrap_or(self.id.as_str());
        let words: Vec<&str> = first.split_whitespace().collect();
        if words.len() > 10 {
            format!("{}…", words[..10].join(" "))
        } else {
            words.join(" ")
        }
    }
}

/// The lines of a text whose first `body_start` bytes are front matter:
/// those lines are noise, and the cleaner reads only the body, so its rules
/// about the top of an article see the article's own first lines.
fn classify_with_front_matter(text: &str, body_start: usize) -> Vec<Line> {
    if body_start == 0 {
        return clean::classify_lines(text);
    }
    let mut lines: Vec<Line> = clean::line_spans(&text[..body_start])
        .into_iter()
        .map(|span| Line {
            span,
            kind: LineKind::Noise(NoiseReason::FrontMatter),
        })
        .collect();
    lines.extend(
        clean::classify_lines(&text[body_start..])
            .into_iter()
            .map(|line| Line {
                span: Span::new(line.span.start + body_start, line.span.end + body_start),
                kind: line.kind,
            }),
    );
    lines
}

/// The articles of one story.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Files that were skipped, with the reason; the rest was read.
    pub warnings: Vec<LoadWarning>,
}

impl Corpus {
    /// Reads every `.txt` and `.md` file of a folder, in name order.
    pub fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
        load::load_dir(dir, &LoadOptions::default(), &LoadProgress::default())
    }

    /// Reads a folder with the given limits, counting progress as it goes
    /// (for a display on another thread).
    pub fn load_dir_with(
        dir: &Path,
        options: &LoadOptions,
        progress: &LoadProgress,
    ) -> Result<Corpus, LoadError> {
        load::load_dir(dir, options, progress)
    }

    /// Passages of every article.
    pub fn passage_count(&self) -> usize {
        self.articles.iter().map(|a| a.passages.len()).sum()
    }

    /// The five articles compiled into the binary.
    pub fn embedded() -> Corpus {
        let articles = embedded_articles()
            .iter()
            .map(|(name, text)| {
                let id = Path::new(name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| (*name).to_string());
                Article::parse(id, Path::new("articles").join(name), (*text).to_string())
            })
            .collect();
        Corpus {
            articles,
            warnings: Vec::new(),
        }
    }

    /// Builds a corpus from texts in memory, for tests and generators.
    pub fn from_texts<I, S>(texts: I) -> Corpus
    where
        I: IntoIterator<Item = (S, String)>,
        S: Into<String>,
    {
        let articles = texts
            .into_iter()
            .map(|(id, text)| {
                let id: String = id.into();
                let path = PathBuf::from(format!("{id}.txt"));
                Article::parse(id, path, text)
            })
            .collect();
        Corpus {
            articles,
            warnings: Vec::new(),
        }
    }
}

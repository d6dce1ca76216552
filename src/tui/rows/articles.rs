//! The article list: title, then byline (or first words), date and claims.

use ratatui::text::{Line, Span};

use newsdigest::PassageKind;
use newsdigest::text::fold_for_match;

use super::Rows;
use super::plural;
use crate::tui::terminal_text::truncate;

pub fn item_lines(rows: &Rows<'_>, index: usize, width: u16) -> Vec<Line<'static>> {
    let Some(article) = rows.story.corpus.articles.get(index) else {
        return Vec::new();
    };
    let width = super::item_width(width) as usize;
    let title = Line::from(Span::styled(
        truncate(&article.display_title(), width),
        rows.theme.title,
    ));
    // The claim count and the date first: the first words give way.
    let claims = rows
        .story
        .claims_per_article
        .get(index)
        .copied()
        .unwrap_or(0);
    let mut meta = vec![plural(claims, "claim", "claims")];
    if let Some(date) = &article.date {
        meta.push(date.clone());
    }
    let source = match &article.byline {
        Some(byline) => byline.clone(),
        None => {
            // The first sentence that is not the title said again. An
            // article without a title line is titled by its first passage
            // (`display_title`), so that passage is not said again either.
            let title = article.title.as_deref().map(comparable);
            let titled_by = article
                .title
                .is_none()
                .then(|| article.passages.first().map(|p| p.span))
                .flatten();
            let first = article
                .passages
                .iter()
                .filter(|p| matches!(p.kind, PassageKind::Sentence | PassageKind::Bullet))
                .filter(|p| Some(p.span) != titled_by)
                .map(|p| article.passage_text(p))
                .find(|t| title.as_deref() != Some(comparable(t).as_str()))
                .unwrap_or(article.id.as_str());
            let words: Vec<&str> = first.split_whitespace().take(8).collect();
            format!("{}…", words.join(" "))
        }
    };
    // Wire copies read as one source: the original says how many articles
    // run it ("AP · 3 copies"), each copy says whose it is.
    match rows.story.digest.copies.source_of_copy(index) {
        Some(original) => meta.extend([format!("copy of {}", source_name(rows, original)), source]),
        None => match rows.story.digest.copies.copies_of(index) {
            0 => meta.push(source),
            n => meta.extend([source, plural(n + 1, "copy", "copies")]),
        },
    }
    let meta = Line::from(Span::styled(
        truncate(&meta.join(" · "), width),
        rows.theme.dim,
    ));
    vec![title, meta]
}

/// The byline of an article, or its title, to name the story a copy copies.
fn source_name(rows: &Rows<'_>, index: usize) -> String {
    rows.story
        .corpus
        .articles
        .get(index)
        .map(|a| a.byline.clone().unwrap_or_else(|| a.display_title()))
        .unwrap_or_default()
}

/// Text folded and stripped of final punctuation, to spot a repeated title.
fn comparable(text: &str) -> String {
    fold_for_match(text)
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

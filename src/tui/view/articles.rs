//! The article list: title, then byline (or first words), date and claims.

use ratatui::text::{Line, Span};

use super::plural;
use crate::tui::app::App;
use crate::tui::terminal_text::truncate;

pub fn item_lines(app: &App, index: usize, width: u16) -> Vec<Line<'static>> {
    let Some(article) = app.corpus.articles.get(index) else {
        return Vec::new();
    };
    let width = width.saturating_sub(2) as usize;
    let title = Line::from(Span::styled(
        truncate(&article.display_title(), width),
        app.theme.title,
    ));
    let source = match &article.byline {
        Some(byline) => byline.clone(),
        None => {
            let skip = usize::from(article.title_span.is_some());
            let first = article
                .passages
                .iter()
                .skip(skip)
                .map(|p| article.passage_text(p))
                .next()
                .unwrap_or(article.id.as_str());
            let words: Vec<&str> = first.split_whitespace().take(8).collect();
            format!("{}…", words.join(" "))
        }
    };
    let mut meta = vec![source];
    if let Some(date) = &article.date {
        meta.push(date.clone());
    }
    let claims = app.claims_per_article.get(index).copied().unwrap_or(0);
    meta.push(plural(claims, "claim", "claims"));
    let meta = Line::from(Span::styled(
        truncate(&meta.join(" · "), width),
        app.theme.dim,
    ));
    vec![title, meta]
}

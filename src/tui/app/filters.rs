//! What narrows the claim list: an article, a source, a stance, disputed
//! claims only.

use super::{App, ListCursor};
use crate::tui::action::Action;

/// What narrows the claim list; each is shown in the list's title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// An article, and whether the claims are those in it or not in it.
    pub article: Option<(usize, bool)>,
    /// A source a passage of the claim names ("The Guardian").
    pub source: Option<String>,
    /// A stance a passage of the claim takes.
    pub stance: Option<newsdigest::analyze::Stance>,
    /// Only claims in a dispute.
    pub disputed: bool,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

impl App {
    /// Recomputes the claims the list shows from the filters.
    pub(super) fn apply_filters(&mut self) {
        let before = self.selected_claim();
        let filters = &self.filters;
        let keep = |(index, claim): &(usize, &newsdigest::Claim)| {
            let article_ok = filters
                .article
                .is_none_or(|(a, inside)| claim.articles.contains(&a) == inside);
            let passages = || {
                claim
                    .support
                    .iter()
                    .filter_map(|r| self.story.attributions.get(r))
            };
            let source_ok = filters
                .source
                .as_deref()
                .is_none_or(|s| passages().any(|a| a.source_label() == s));
            let stance_ok = filters
                .stance
                .is_none_or(|s| passages().any(|a| a.stance == s));
            let disputed_ok = !filters.disputed
                || self
                    .story
                    .disagreements
                    .disputes_of(*index)
                    .next()
                    .is_some();
            article_ok && source_ok && stance_ok && disputed_ok
        };
        self.shown_claims = self
            .story
            .digest
            .claims
            .iter()
            .enumerate()
            .filter(keep)
            .map(|(i, _)| i)
            .collect();
        // Stay on the claim when it is still shown.
        let row = before
            .and_then(|c| self.shown_claims.iter().position(|&s| s == c))
            .unwrap_or(0);
        self.claims = ListCursor {
            selected: row,
            offset: 0,
        };
        self.passages = ListCursor::default();
    }

    /// "in Title", "source: The Guardian", "alleges", "disputed": the
    /// filters in force, for the claim list's title.
    pub fn filter_labels(&self) -> Vec<String> {
        let f = &self.filters;
        let mut out = Vec::new();
        if let Some((article, inside)) = f.article {
            let title = self
                .story
                .corpus
                .articles
                .get(article)
                .map(|a| a.display_title())
                .unwrap_or_default();
            out.push(format!("{} {title}", if inside { "in" } else { "not in" }));
        }
        if let Some(source) = &f.source {
            out.push(format!("source: {source}"));
        }
        if let Some(stance) = f.stance {
            out.push(stance.name().to_string());
        }
        if f.disputed {
            out.push("disputed".to_string());
        }
        out
    }

    pub(super) fn update_filters(&mut self, action: Action) {
        let selected_passage = self
            .selected_support()
            .get(self.passages.selected)
            .and_then(|r| self.story.attributions.get(r))
            .cloned();
        match action {
            Action::FilterArticle => {
                let article = self.articles.selected;
                self.filters.article = match self.filters.article {
                    Some((a, true)) if a == article => Some((article, false)),
                    Some((a, false)) if a == article => None,
                    _ => Some((article, true)),
                };
            }
            Action::FilterSource => {
                let source = selected_passage.map(|a| a.source_label().to_string());
                self.filters.source = if self.filters.source == source {
                    None
                } else {
                    source
                };
            }
            Action::FilterStance => {
                let stance = selected_passage.map(|a| a.stance);
                self.filters.stance = if self.filters.stance == stance {
                    None
                } else {
                    stance
                };
            }
            Action::FilterDisputed => self.filters.disputed = !self.filters.disputed,
            Action::ClearFilters => {
                if self.filters.is_empty() {
                    self.message = Some("No filter to clear".to_string());
                }
                self.filters = Filters::default();
            }
            _ => return,
        }
        self.apply_filters();
        if self.shown_claims.is_empty() {
            let key = self.key_for(Action::ClearFilters);
            self.message = Some(format!("No claim passes these filters · {key} clears them"));
        }
    }
}

//! Copying a claim or a passage with its citation, and opening an
//! article's file outside: both leave the screen, so they are effects the
//! loop carries out.

use newsdigest::PassageRef;

use super::App;
use crate::tui::effect::Effect;
use crate::tui::rows::plural;

impl App {
    pub(super) fn copy_passage(&mut self, r: PassageRef) {
        if let Some(text) = self.story.citation(r) {
            self.effects.push(Effect::Copy(text));
            self.message =
                Some("Copied the passage with its citation (OSC 52 clipboard)".to_string());
        }
    }

    /// A claim's text, its counts, and the citation of its representative.
    pub(super) fn copy_claim(&mut self, claim: usize) {
        let Some(c) = self.story.digest.claims.get(claim) else {
            return;
        };
        let Some(citation) = self.story.citation(c.representative) else {
            return;
        };
        let text = format!(
            "{} ({}, {}): {}\n{citation}",
            c.id,
            plural(c.article_count(), "article", "articles"),
            plural(c.passage_count(), "passage", "passages"),
            newsdigest::text::escape_controls(&newsdigest::text::collapse_spaces(&c.text))
        );
        let id = c.id.clone();
        self.effects.push(Effect::Copy(text));
        self.message = Some(format!("Copied {id} with its citation (OSC 52 clipboard)"));
    }

    /// Asks the loop to open an article's file at the line of a byte.
    pub(super) fn open_external(&mut self, article: usize, offset: usize) {
        let Some(a) = self.story.corpus.articles.get(article) else {
            return;
        };
        if !a.path.is_file() {
            self.message = Some(format!(
                "{} is built into newsdigest: there is no file to open",
                newsdigest::text::printable_path(&a.path)
            ));
            return;
        }
        let line = a.text.get(..offset).map_or(0, |t| t.matches('\n').count()) + 1;
        self.effects.push(Effect::Open {
            path: a.path.clone(),
            line,
        });
    }

    /// The effects asked for since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }
}

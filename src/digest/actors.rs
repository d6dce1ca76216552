//! Named actors: the people, companies and institutions a passage names.
//!
//! Which words are names is learnt from the story itself: a word written
//! with a capital inside sentences and never in lower case is a name, so the
//! first word of a sentence counts when the story names it elsewhere.

use std::collections::{HashMap, HashSet};

use crate::text;

#[derive(Debug, Clone, Default)]
pub struct ProperNouns {
    names: HashSet<String>,
}

/// Words written with a capital that still name no one.
fn is_calendar_word(word: &str) -> bool {
    text::month_number(word).is_some()
        || matches!(
            word,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
}

/// Words of a passage with whether each opens a sentence or a quotation.
fn words_with_position(passage: &str) -> Vec<(String, bool, bool)> {
    let mut out = Vec::new();
    let mut opening = true;
    for raw in passage.split(text::is_space) {
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if trimmed.is_empty() {
            continue;
        }
        let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
        let folded = text::fold_for_match(trimmed);
        let word = folded.strip_suffix("'s").unwrap_or(&folded).to_string();
        out.push((word, capital, opening));
        opening = raw.ends_with(['.', ':', '!', '?', '"', '\u{201C}'])
            || raw.starts_with(['"', '\u{201C}', '(']);
    }
    out
}

impl ProperNouns {
    /// Learns the names of a story from its sentences.
    pub fn learn<'a>(passages: impl IntoIterator<Item = &'a str>) -> ProperNouns {
        let mut capital_inside: HashMap<String, usize> = HashMap::new();
        let mut lower: HashSet<String> = HashSet::new();
        for passage in passages {
            // Title Case headings capitalise every word: they teach nothing.
            if text::title_case_ratio(passage) > 0.7 {
                continue;
            }
            for (word, capital, opening) in words_with_position(passage) {
                if !word.chars().any(char::is_alphabetic) {
                    continue;
                }
                if !capital {
                    lower.insert(word);
                } else if !opening {
                    *capital_inside.entry(word).or_default() += 1;
                }
            }
        }
        let names = capital_inside
            .into_keys()
            .filter(|w| {
                !lower.contains(w)
                    && !text::is_stop_word(w)
                    && !is_calendar_word(w)
                    && w.chars().count() > 1
            })
            .collect();
        ProperNouns { names }
    }

    /// The passage with its names left out. The embedding judges what is
    /// said; who says it is the actor guard's business, and rare names would
    /// otherwise dominate a static embedding's average.
    pub fn without_names(&self, passage: &str) -> String {
        passage
            .split(text::is_space)
            .filter(|raw| {
                let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
                let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
                let folded = text::fold_for_match(trimmed);
                let word = folded.strip_suffix("'s").unwrap_or(&folded);
                !(capital && self.names.contains(word))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The names a passage mentions, folded to lower case, sorted.
    pub fn actors(&self, passage: &str) -> Vec<String> {
        let mut out: Vec<String> = words_with_position(passage)
            .into_iter()
            .filter(|(w, capital, _)| *capital && self.names.contains(w))
            .map(|(w, _, _)| w)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_names_from_inside_sentences() {
        let nouns = ProperNouns::learn([
            "The court said Acme paid Reed Hastings.",
            "Acme denied it on Monday.",
            "Critics said the court was slow.",
        ]);
        assert_eq!(nouns.actors("Acme denied it."), vec!["acme"]);
        assert_eq!(
            nouns.actors("Hastings, Acme and the Court met in March."),
            vec!["acme", "hastings"]
        );
        assert!(nouns.actors("Critics agreed.").is_empty());
    }
}

//! Searching a digest's claims through every passage that makes them, the
//! way fzf ranks: fzf's extended terms (`'exact`, `^start`, `end$`,
//! `!not`), and matches inside a word or at a word's start above letters
//! scattered across a sentence.
//!
//! The fuzzy matcher of [`SearchIndex`] (and its incremental
//! [`SearchSession`](super::SearchSession)) finds the texts whose letters
//! hold each word in order and scores them; this module then reads each of
//! those texts once more, for each word: where the word stands whole at a
//! word's start it earns [`AT_WORD_START`], inside a word [`IN_WORD`],
//! and letters spread further than [`spread_allowed`] do not match at all.
//! The bonuses are larger than any difference of fuzzy scores, so they
//! decide the order and the fuzzy score orders matches of one kind. Each
//! claim is then represented by its best text: its own, or one of its
//! passages, which is what a preview shows.

use std::ops::Range;

use rayon::prelude::*;

use super::{SearchHit, SearchIndex, fold_query};
use crate::PassageRef;
use crate::corpus::Corpus;
use crate::digest::Digest;

/// Added per query word found whole at the start of a word of the text.
pub const AT_WORD_START: i64 = 1_000;
/// Added per query word found whole inside a word of the text.
pub const IN_WORD: i64 = 500;
/// Score added per corroborating article beyond the first (as
/// [`SearchIndex::of_claims`]).
const CORROBORATION_BONUS: i64 = 4;

/// One term of a query, as fzf's extended search reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// `word`: its letters in order, close together.
    Fuzzy(String),
    /// `'word`: the word whole, anywhere.
    Exact(String),
    /// `^word`: the text starts with the word.
    Prefix(String),
    /// `word$`: the text ends with the word.
    Suffix(String),
    /// `!word`: texts holding the word whole are left out.
    Without(String),
}

impl Term {
    fn word(&self) -> &str {
        match self {
            Term::Fuzzy(w)
            | Term::Exact(w)
            | Term::Prefix(w)
            | Term::Suffix(w)
            | Term::Without(w) => w,
        }
    }
}

/// The terms of a query, folded like the texts (case, accents, quotes).
/// A marker alone (`'`, `^`, `!`, `$`) is a literal character to find.
pub fn parse_query(query: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for raw in query.split_whitespace() {
        let (term, body): (fn(String) -> Term, &str) =
            if let Some(rest) = raw.strip_prefix('!').filter(|r| !r.is_empty()) {
                (Term::Without, rest.trim_start_matches('\''))
            } else if let Some(rest) = raw.strip_prefix('\'').filter(|r| !r.is_empty()) {
                (Term::Exact, rest)
            } else if let Some(rest) = raw.strip_prefix('^').filter(|r| !r.is_empty()) {
                (Term::Prefix, rest)
            } else if let Some(rest) = raw.strip_suffix('$').filter(|r| !r.is_empty()) {
                (Term::Suffix, rest)
            } else {
                (Term::Fuzzy, raw)
            };
        let folded = fold_query(body).join(" ");
        if !folded.is_empty() {
            terms.push(term(folded));
        }
    }
    terms
}

/// The words the fuzzy matcher must find for a query: every term but the
/// ones that leave texts out, without their markers. Exact, prefix and
/// suffix terms are fuzzy matches too, so the matcher narrows the texts
/// and this module checks the rest.
pub fn fuzzy_words(query: &str) -> String {
    parse_query(query)
        .iter()
        .filter(|t| !matches!(t, Term::Without(_)))
        .map(Term::word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How far a word's letters may spread in a text and still match: its
/// length and half as much again, at least two more. "hstngs" finds
/// "hastings"; "dms" does not find "d-ocu-m-ent-s".
pub fn spread_allowed(word_chars: usize) -> usize {
    word_chars + (word_chars / 2).max(2)
}

/// Whether a folded byte opens a word: the text's start, or after a
/// character that is not a letter or digit.
fn at_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `text` holds the word's characters in order within a window
/// of at most `limit` characters. Each start of the word's first character
/// is followed for `limit` characters at most, so the cost is bounded by
/// the occurrences, not the text's length squared.
fn within_spread<T: PartialEq + Copy>(text: &[T], word: &[T], limit: usize) -> bool {
    let Some(&first) = word.first() else {
        return true;
    };
    text.iter().enumerate().any(|(start, &c)| {
        if c != first {
            return false;
        }
        let mut next = 1;
        for &c in text.iter().skip(start + 1).take(limit.saturating_sub(1)) {
            if next == word.len() {
                break;
            }
            if c == word[next] {
                next += 1;
            }
        }
        next == word.len()
    })
}

/// Where a word stands whole in a folded text: the first occurrence at a
/// word start, else the first inside a word.
fn whole_word_at(text: &str, word: &str) -> Option<(usize, bool)> {
    let mut inside = None;
    for (at, _) in text.match_indices(word) {
        if at_word_start(text, at) {
            return Some((at, true));
        }
        inside.get_or_insert((at, false));
    }
    inside
}

/// The bonus a folded text earns for the query's terms, or `None` when a
/// term rules it out.
pub fn term_bonus(folded: &str, terms: &[Term]) -> Option<i64> {
    let mut bonus = 0;
    let mut chars: Option<Vec<char>> = None;
    for term in terms {
        let word = term.word();
        let whole = whole_word_at(folded, word);
        let earned = match whole {
            Some((_, true)) => AT_WORD_START,
            Some((_, false)) => IN_WORD,
            None => 0,
        };
        match term {
            Term::Without(_) => {
                if whole.is_some() {
                    return None;
                }
            }
            Term::Exact(_) => bonus += whole.map(|_| earned)?,
            Term::Prefix(_) => {
                if !folded.trim_start().starts_with(word) {
                    return None;
                }
                bonus += AT_WORD_START;
            }
            Term::Suffix(_) => {
                let end = folded.trim_end_matches(|c: char| !c.is_alphanumeric());
                if !end.ends_with(word) {
                    return None;
                }
                bonus += IN_WORD;
            }
            Term::Fuzzy(_) if whole.is_some() => bonus += earned,
            Term::Fuzzy(_) => {
                let limit = spread_allowed(word.chars().count());
                // Bytes for ASCII text and word (news text, mostly): no copy.
                let close = if folded.is_ascii() && word.is_ascii() {
                    within_spread(folded.as_bytes(), word.as_bytes(), limit)
                } else {
                    let text = chars.get_or_insert_with(|| folded.chars().collect());
                    let word: Vec<char> = word.chars().collect();
                    within_spread(text, &word, limit)
                };
                if !close {
                    return None;
                }
            }
        }
    }
    Some(bonus)
}

/// Hits whose terms one parallel task checks, at least.
const TERMS_CHUNK: usize = 2048;

/// Who a searchable text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOwner {
    pub claim: usize,
    /// The passage, for a passage's text; `None` for the claim's own text.
    pub passage: Option<PassageRef>,
}

/// A claim found, with the text that matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimHit {
    pub claim: usize,
    /// The text that matched: an index for [`ClaimSearch::highlights`]
    /// and [`ClaimSearch::owner`].
    pub text: usize,
    pub score: i64,
}

/// The claims of a digest, searchable through their passages.
pub struct ClaimSearch {
    /// Each claim's text, then the texts of its passages.
    pub index: std::sync::Arc<SearchIndex>,
    owners: Vec<TextOwner>,
    /// The folded text of each text, to check terms.
    folded: Vec<String>,
    /// Each claim's own text: where the empty query points.
    own_text: Vec<usize>,
}

impl std::fmt::Debug for ClaimSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimSearch")
            .field("texts", &self.owners.len())
            .finish()
    }
}

impl ClaimSearch {
    pub fn new(corpus: &Corpus, digest: &Digest) -> ClaimSearch {
        let mut texts: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        let mut priors = Vec::new();
        let mut own_text = Vec::with_capacity(digest.claims.len());
        for (claim, c) in digest.claims.iter().enumerate() {
            own_text.push(texts.len());
            let prior = CORROBORATION_BONUS * c.article_count().saturating_sub(1) as i64;
            texts.push(&c.text);
            owners.push(TextOwner {
                claim,
                passage: None,
            });
            priors.push(prior);
            for &r in &c.support {
                let Some(text) = corpus
                    .articles
                    .get(r.article)
                    .and_then(|a| a.passages.get(r.passage).map(|p| a.passage_text(p)))
                else {
                    continue;
                };
                texts.push(text);
                owners.push(TextOwner {
                    claim,
                    passage: Some(r),
                });
                priors.push(prior);
            }
        }
        let folded = texts
            .iter()
            .map(|t| {
                let mut folded = String::new();
                super::fold_into(t, &mut folded);
                folded
            })
            .collect();
        ClaimSearch {
            index: std::sync::Arc::new(SearchIndex::with_priors(&texts, priors)),
            owners,
            folded,
            own_text,
        }
    }

    pub fn owner(&self, text: usize) -> Option<TextOwner> {
        self.owners.get(text).copied()
    }

    /// Ranks a query from scratch.
    pub fn search(&self, query: &str) -> Vec<ClaimHit> {
        let hits = self.index.search(&fuzzy_words(query));
        self.rank(query, &hits)
    }

    /// The claims found, best first, from the fuzzy matcher's hits for
    /// [`fuzzy_words`] of the same query: terms checked, bonuses added,
    /// each claim once with its best text. An empty query lists every
    /// claim in order.
    pub fn rank(&self, query: &str, fuzzy: &[SearchHit]) -> Vec<ClaimHit> {
        let terms = parse_query(query);
        if terms.is_empty() {
            return self
                .own_text
                .iter()
                .enumerate()
                .map(|(claim, &text)| ClaimHit {
                    claim,
                    text,
                    score: 0,
                })
                .collect();
        }
        // The terms are checked on both cores, in the hits' order.
        let passed: Vec<ClaimHit> = fuzzy
            .par_iter()
            .with_min_len(TERMS_CHUNK)
            .filter_map(|hit| {
                let owner = self.owners.get(hit.item)?;
                let bonus = term_bonus(self.folded.get(hit.item)?, &terms)?;
                Some(ClaimHit {
                    claim: owner.claim,
                    text: hit.item,
                    score: hit.score + bonus,
                })
            })
            .collect();
        let mut best: Vec<Option<ClaimHit>> = vec![None; self.own_text.len()];
        for candidate in passed {
            let Some(slot) = best.get_mut(candidate.claim) else {
                continue;
            };
            // On a tie a passage wins over the claim's own text (the same
            // words): a passage can say where it comes from. Between
            // passages, the first.
            let own = |hit: &ClaimHit| self.own_text.get(hit.claim) == Some(&hit.text);
            if slot.is_none_or(|b| {
                candidate.score > b.score || (candidate.score == b.score && own(&b))
            }) {
                *slot = Some(candidate);
            }
        }
        let mut hits: Vec<ClaimHit> = best.into_iter().flatten().collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.claim.cmp(&b.claim)));
        hits
    }

    /// Byte ranges of text `text` to highlight for a query: each term's
    /// whole occurrence where it has one, else the matcher's letters.
    pub fn highlights(&self, text: usize, query: &str) -> Vec<Range<usize>> {
        let (Some(folded), Some(candidate)) = (self.folded.get(text), self.index.candidate(text))
        else {
            return Vec::new();
        };
        let mut ranges = Vec::new();
        for term in parse_query(query) {
            if matches!(term, Term::Without(_)) {
                continue;
            }
            let word = term.word();
            let at = match term {
                Term::Prefix(_) => {
                    let start = folded.len() - folded.trim_start().len();
                    folded[start..].starts_with(word).then_some(start)
                }
                Term::Suffix(_) => {
                    let end = folded.trim_end_matches(|c: char| !c.is_alphanumeric());
                    end.ends_with(word).then(|| end.len() - word.len())
                }
                _ => whole_word_at(folded, word).map(|(at, _)| at),
            };
            match at {
                Some(at) => {
                    // Folded bytes to original ones, character by character.
                    let first = folded[..at].chars().count();
                    let count = word.chars().count();
                    let start = candidate.origin(first).map(|r| r.start);
                    let end = candidate.origin(first + count - 1).map(|r| r.end);
                    if let (Some(start), Some(end)) = (start, end) {
                        ranges.push(start..end);
                    }
                }
                None => ranges.extend(self.index.highlights(text, word)),
            }
        }
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if last.end >= r.start => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_of_texts_that_do_not_match_are_safe() {
        let corpus = crate::Corpus::from_texts([(
            "a",
            "Board approves plan\n\nThe board approved the plan on Monday.\n".to_string(),
        )]);
        let digest = crate::Digest::build(&corpus);
        let search = ClaimSearch::new(&corpus, &digest);
        for query in ["é$", "^é", "'zz", "!board", "plan$ ^the", "monday."] {
            for text in 0..search.owners.len() {
                let _ = search.highlights(text, query);
            }
        }
        let hits = search.search("monday$");
        assert!(!hits.is_empty());
        let owner = search.owner(hits[0].text).expect("owner");
        let text = match owner.passage {
            Some(r) => {
                let a = &corpus.articles[r.article];
                a.passage_text(&a.passages[r.passage]).to_string()
            }
            None => digest.claims[hits[0].claim].text.clone(),
        };
        let marked: Vec<&str> = search
            .highlights(hits[0].text, "monday$")
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect();
        assert!(
            marked.iter().any(|m| m.eq_ignore_ascii_case("monday")),
            "{marked:?}"
        );
    }

    #[test]
    fn extended_terms_parse_like_fzf() {
        assert_eq!(
            parse_query("'Board ^the plan$ !Vote fuzzy ' !"),
            vec![
                Term::Exact("board".into()),
                Term::Prefix("the".into()),
                Term::Suffix("plan".into()),
                Term::Without("vote".into()),
                Term::Fuzzy("fuzzy".into()),
                Term::Fuzzy("'".into()),
                Term::Fuzzy("!".into()),
            ]
        );
        assert_eq!(fuzzy_words("'board !vote plan$"), "board plan");
    }

    #[test]
    fn whole_words_beat_scattered_letters_and_far_letters_do_not_match() {
        let fold = |t: &str| {
            let mut f = String::new();
            super::super::fold_into(t, &mut f);
            f
        };
        let terms = parse_query("dms");
        assert_eq!(term_bonus(&fold("These documents allege"), &terms), None);
        assert_eq!(
            term_bonus(&fold("shared users' DMs with Netflix"), &terms),
            Some(AT_WORD_START)
        );
        assert_eq!(term_bonus(&fold("admsx"), &terms), Some(IN_WORD));
        // A typo'd word still finds its word.
        assert_eq!(
            term_bonus(&fold("The Hastings board"), &parse_query("hstngs")),
            Some(0)
        );
        // Letters of "hastings" across a sentence do not.
        assert_eq!(
            term_bonus(
                &fold("he also said that the inquiry was on going since"),
                &parse_query("hastings")
            ),
            None
        );
        assert_eq!(
            term_bonus(&fold("the board voted"), &parse_query("!vote")),
            None
        );
        assert_eq!(
            term_bonus(&fold("the board voted"), &parse_query("^the voted$ 'boar")),
            Some(AT_WORD_START + IN_WORD + AT_WORD_START)
        );
        assert_eq!(term_bonus(&fold("a board"), &parse_query("^board")), None);
    }
}

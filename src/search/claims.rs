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
//! passages, which is what a preview shows. A text that several claims or
//! passages share word for word is matched and checked once (see
//! [`ClaimSearch`]).

use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

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

/// Whether the word's characters follow `text[start]` (its first one) in
/// order within a window of at most `limit` characters.
fn follows_within<T: PartialEq + Copy>(text: &[T], start: usize, word: &[T], limit: usize) -> bool {
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
}

/// Whether `text` holds the word's characters in order within a window
/// of at most `limit` characters. Each start of the word's first character
/// is followed for `limit` characters at most, so the cost is bounded by
/// the occurrences, not the text's length squared.
fn within_spread<T: PartialEq + Copy>(text: &[T], word: &[T], limit: usize) -> bool {
    let Some(&first) = word.first() else {
        return true;
    };
    text.iter()
        .enumerate()
        .any(|(start, &c)| c == first && follows_within(text, start, word, limit))
}

/// [`within_spread`] for ASCII bytes, finding the starts by vector search.
fn within_spread_bytes(text: &[u8], word: &[u8], limit: usize) -> bool {
    let Some(&first) = word.first() else {
        return true;
    };
    memchr::memchr_iter(first, text).any(|start| follows_within(text, start, word, limit))
}

/// Where a word stands whole in a folded text: the first occurrence at a
/// word start, else the first inside a word.
fn whole_word_at(text: &str, word: &str) -> Option<(usize, bool)> {
    whole_word_found(text, &memchr::memmem::Finder::new(word))
}

/// [`whole_word_at`] with the word's finder built once for many texts.
/// Occurrences do not overlap, as `str::match_indices` finds them.
fn whole_word_found(text: &str, finder: &memchr::memmem::Finder<'_>) -> Option<(usize, bool)> {
    let mut inside = None;
    for at in finder.find_iter(text.as_bytes()) {
        if at_word_start(text, at) {
            return Some((at, true));
        }
        inside.get_or_insert((at, false));
    }
    inside
}

/// A query's term ready to check many texts: its word's substring finder
/// and characters prepared once, not once per text.
struct PreparedTerm<'t> {
    term: &'t Term,
    finder: memchr::memmem::Finder<'t>,
    chars: Vec<char>,
    /// [`spread_allowed`] for the word.
    limit: usize,
}

fn prepare(terms: &[Term]) -> Vec<PreparedTerm<'_>> {
    terms
        .iter()
        .map(|term| {
            let chars: Vec<char> = term.word().chars().collect();
            PreparedTerm {
                term,
                finder: memchr::memmem::Finder::new(term.word()),
                limit: spread_allowed(chars.len()),
                chars,
            }
        })
        .collect()
}

/// The bonus a folded text earns for the query's terms, or `None` when a
/// term rules it out.
pub fn term_bonus(folded: &str, terms: &[Term]) -> Option<i64> {
    let chars: Option<Vec<char>> = (!folded.is_ascii()).then(|| folded.chars().collect());
    prepared_bonus(folded, chars.as_deref(), &prepare(terms))
}

/// [`term_bonus`] with the terms prepared and the folded text's chars
/// given when it is not ASCII (`None`: it is), as the index holds them:
/// reading the text again per keystroke to tell would cost as much as a
/// term's check.
fn prepared_bonus(folded: &str, chars: Option<&[char]>, terms: &[PreparedTerm<'_>]) -> Option<i64> {
    let mut bonus = 0;
    for prepared in terms {
        let term = prepared.term;
        let word = term.word();
        let whole = whole_word_found(folded, &prepared.finder);
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
                let limit = prepared.limit;
                // Bytes for ASCII text and word (news text, mostly): no copy.
                let close = match chars {
                    None if word.is_ascii() => {
                        within_spread_bytes(folded.as_bytes(), word.as_bytes(), limit)
                    }
                    // An ASCII text cannot hold a word that is not.
                    None => false,
                    Some(text) => within_spread(text, &prepared.chars, limit),
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

/// A distinct text whose earlier terms are not checked yet (see [`TermCache`]).
const UNCHECKED: i64 = i64::MIN;
/// A distinct text that an earlier term rules out.
const RULED_OUT: i64 = i64::MIN + 1;

/// The bonus of a query's terms before its last one, per distinct text,
/// kept from one keystroke to the next: while the last word is typed, the
/// checks of the earlier terms do not change. A bonus depends only on the
/// text and the terms, so the cache holds for any query that has the same
/// terms before its last, whatever its hits.
#[derive(Debug, Default)]
struct TermCache {
    /// The terms the bonuses are those of.
    terms: Vec<Term>,
    /// Per distinct text: [`UNCHECKED`], [`RULED_OUT`] or the bonus.
    bonus: Vec<AtomicI64>,
}

impl TermCache {
    /// Makes the cache one of `terms` over `len` texts, forgetting the
    /// bonuses of other terms.
    fn hold(&mut self, terms: &[Term], len: usize) {
        if self.bonus.len() != len {
            self.bonus = (0..len).map(|_| AtomicI64::new(UNCHECKED)).collect();
        } else if self.terms != terms {
            self.bonus
                .par_iter()
                .with_min_len(TERMS_CHUNK)
                .for_each(|b| b.store(UNCHECKED, Ordering::Relaxed));
        }
        if self.terms != terms {
            self.terms = terms.to_vec();
        }
    }
}

/// The bonus of the earlier terms of a text, from its cache slot or
/// checked and stored there.
fn cached_bonus(
    slot: &AtomicI64,
    folded: &str,
    chars: Option<&[char]>,
    terms: &[PreparedTerm<'_>],
) -> Option<i64> {
    match slot.load(Ordering::Relaxed) {
        UNCHECKED => {
            let bonus = prepared_bonus(folded, chars, terms);
            slot.store(bonus.unwrap_or(RULED_OUT), Ordering::Relaxed);
            bonus
        }
        RULED_OUT => None,
        bonus => Some(bonus),
    }
}

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
///
/// A claim's own text is usually one of its passages word for word, and
/// wire copies repeat a passage in several articles, so the fuzzy index
/// holds each distinct text once: a keystroke scores and checks the terms
/// of each distinct text once, then hands its score to every copy.
pub struct ClaimSearch {
    /// The distinct texts (of claims and passages), in order of first
    /// appearance. Its hits are what [`ClaimSearch::rank`] takes.
    pub index: std::sync::Arc<SearchIndex>,
    /// Who each text belongs to: each claim's text, then the texts of its
    /// passages, claim after claim.
    owners: Vec<TextOwner>,
    /// Which distinct text (item of `index`) each text is.
    distinct_of: Vec<u32>,
    /// The texts that are distinct text n: `copies[copy_starts[n]..copy_starts[n + 1]]`,
    /// in text order.
    copy_starts: Vec<u32>,
    copies: Vec<u32>,
    /// What each claim's texts start from: its corroboration.
    priors: Vec<i64>,
    /// Each claim's own text: where the empty query points.
    own_text: Vec<usize>,
    /// The earlier terms' checks of the last query ranked.
    term_cache: Mutex<TermCache>,
}

impl std::fmt::Debug for ClaimSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimSearch")
            .field("texts", &self.owners.len())
            .field("distinct", &self.index.len())
            .finish()
    }
}

/// The best text of a claim so far, with what decides between two.
#[derive(Debug, Clone, Copy)]
struct Best {
    text: u32,
    score: i64,
    /// The fuzzy score alone: the order the texts used to be read in.
    fuzzy: i64,
    own: bool,
}

impl Best {
    /// Whether `self` beats `other` for their claim. Read in the fuzzy
    /// matcher's ranked order (fuzzy score down, then text up), the first
    /// text of the best score won, except that a passage displaced the
    /// claim's own text on a tie (a passage can say where it comes from).
    /// This is that outcome as an order, so the hits can come in any order.
    fn beats(&self, other: &Best) -> bool {
        (
            self.score,
            !self.own,
            self.fuzzy,
            std::cmp::Reverse(self.text),
        ) > (
            other.score,
            !other.own,
            other.fuzzy,
            std::cmp::Reverse(other.text),
        )
    }
}

impl ClaimSearch {
    pub fn new(corpus: &Corpus, digest: &Digest) -> ClaimSearch {
        let mut texts: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        let mut own_text = Vec::with_capacity(digest.claims.len());
        let priors = digest
            .claims
            .iter()
            .map(|c| CORROBORATION_BONUS * c.article_count().saturating_sub(1) as i64)
            .collect();
        for (claim, c) in digest.claims.iter().enumerate() {
            own_text.push(texts.len());
            texts.push(&c.text);
            owners.push(TextOwner {
                claim,
                passage: None,
            });
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
            }
        }
        // Identical texts (byte for byte, so that their highlights map to
        // the same bytes) are one distinct text.
        let mut first_seen: std::collections::HashMap<&str, u32> =
            std::collections::HashMap::with_capacity(texts.len());
        let mut distinct: Vec<&str> = Vec::new();
        let distinct_of: Vec<u32> = texts
            .iter()
            .map(|&t| {
                *first_seen.entry(t).or_insert_with(|| {
                    distinct.push(t);
                    (distinct.len() - 1) as u32
                })
            })
            .collect();
        drop(first_seen);
        // Copies grouped by distinct text (a counting sort keeps text order).
        let mut copy_starts = vec![0u32; distinct.len() + 1];
        for &d in &distinct_of {
            copy_starts[d as usize + 1] += 1;
        }
        for n in 1..copy_starts.len() {
            copy_starts[n] += copy_starts[n - 1];
        }
        let mut filled = copy_starts.clone();
        let mut copies = vec![0u32; texts.len()];
        for (text, &d) in distinct_of.iter().enumerate() {
            copies[filled[d as usize] as usize] = text as u32;
            filled[d as usize] += 1;
        }
        ClaimSearch {
            index: std::sync::Arc::new(SearchIndex::new(&distinct)),
            owners,
            distinct_of,
            copy_starts,
            copies,
            priors,
            own_text,
            term_cache: Mutex::default(),
        }
    }

    /// The texts that are distinct text `item` of the index.
    fn copies_of(&self, item: usize) -> &[u32] {
        match (self.copy_starts.get(item), self.copy_starts.get(item + 1)) {
            (Some(&start), Some(&end)) => &self.copies[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The distinct text (item of the index) that text `text` is.
    fn distinct(&self, text: usize) -> Option<usize> {
        self.distinct_of.get(text).map(|&d| d as usize)
    }

    pub fn owner(&self, text: usize) -> Option<TextOwner> {
        self.owners.get(text).copied()
    }

    /// Ranks a query from scratch.
    pub fn search(&self, query: &str) -> Vec<ClaimHit> {
        let hits = self.index.matches(&fuzzy_words(query));
        self.rank(query, &hits)
    }

    /// The claims found, best first, from the fuzzy matcher's hits for
    /// [`fuzzy_words`] of the same query over [`ClaimSearch::index`], in
    /// any order: terms checked, bonuses added, each claim once with its
    /// best text. An empty query lists every claim in order.
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
        // With no word to match (only `!word` terms) every text is a hit
        // of score 0, corroboration aside, as the matcher answers an
        // empty query.
        let with_priors = terms.iter().any(|t| !matches!(t, Term::Without(_)));
        // The terms are checked once per distinct text, on both cores.
        let prepared = prepare(&terms);
        // The terms before the last are checked through the cache (unless
        // another thread ranks with it now): a bonus is the sum of the
        // terms' bonuses, and a text any term rules out is out.
        let (earlier, last) = prepared.split_at(prepared.len() - 1);
        let mut cache = if earlier.is_empty() {
            None
        } else {
            self.term_cache.try_lock().ok()
        };
        if let Some(cache) = cache.as_mut() {
            cache.hold(&terms[..earlier.len()], self.index.len());
        }
        let slots = cache.as_ref().map(|c| c.bonus.as_slice());
        let passed: Vec<(usize, i64, i64)> = fuzzy
            .par_iter()
            .with_min_len(TERMS_CHUNK)
            .filter_map(|hit| {
                let candidate = self.index.candidate(hit.item)?;
                let (folded, chars) = (candidate.folded, candidate.chars);
                let bonus = match slots.and_then(|s| s.get(hit.item)) {
                    Some(slot) => {
                        cached_bonus(slot, folded, chars, earlier)?
                            + prepared_bonus(folded, chars, last)?
                    }
                    None => prepared_bonus(folded, chars, &prepared)?,
                };
                Some((hit.item, hit.score, bonus))
            })
            .collect();
        drop(cache);
        let mut best: Vec<Option<Best>> = vec![None; self.own_text.len()];
        for (item, fuzzy, bonus) in passed {
            for &text in self.copies_of(item) {
                let Some(owner) = self.owners.get(text as usize) else {
                    continue;
                };
                let (Some(slot), Some(&prior)) =
                    (best.get_mut(owner.claim), self.priors.get(owner.claim))
                else {
                    continue;
                };
                let prior = if with_priors { prior } else { 0 };
                let candidate = Best {
                    text,
                    score: fuzzy + prior + bonus,
                    fuzzy,
                    own: owner.passage.is_none(),
                };
                if slot.is_none_or(|b| candidate.beats(&b)) {
                    *slot = Some(candidate);
                }
            }
        }
        let mut hits: Vec<ClaimHit> = best
            .into_iter()
            .enumerate()
            .filter_map(|(claim, b)| {
                b.map(|b| ClaimHit {
                    claim,
                    text: b.text as usize,
                    score: b.score,
                })
            })
            .collect();
        // Each claim once, so no two hits compare equal: unstable is stable.
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.claim.cmp(&b.claim)));
        hits
    }

    /// Byte ranges of text `text` to highlight for a query: each term's
    /// whole occurrence where it has one, else the matcher's letters.
    pub fn highlights(&self, text: usize, query: &str) -> Vec<Range<usize>> {
        let Some(item) = self.distinct(text) else {
            return Vec::new();
        };
        let Some(candidate) = self.index.candidate(item) else {
            return Vec::new();
        };
        let folded = candidate.folded;
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
                None => ranges.extend(self.index.highlights(item, word)),
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
    use std::sync::Arc;

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

    /// The ranking as it was before texts were kept once, with every
    /// text of every claim scored by `fuzzy-matcher` itself: each claim's
    /// text and its passages' texts, a fresh `SkimMatcherV2` per word,
    /// the corroboration added, the fuzzy hits ranked, then the terms
    /// checked and the first best text of each claim kept in that order.
    fn reference_rank(corpus: &Corpus, digest: &Digest, query: &str) -> Vec<ClaimHit> {
        use fuzzy_matcher::FuzzyMatcher;
        use fuzzy_matcher::skim::SkimMatcherV2;
        let terms = parse_query(query);
        let words = fold_query(&fuzzy_words(query));
        let mut texts: Vec<(usize, bool, String)> = Vec::new();
        let mut own_text = Vec::new();
        for (claim, c) in digest.claims.iter().enumerate() {
            own_text.push(texts.len());
            texts.push((claim, true, c.text.clone()));
            for r in &c.support {
                let a = &corpus.articles[r.article];
                texts.push((claim, false, a.passage_text(&a.passages[r.passage]).into()));
            }
        }
        if terms.is_empty() {
            return own_text
                .iter()
                .enumerate()
                .map(|(claim, &text)| ClaimHit {
                    claim,
                    text,
                    score: 0,
                })
                .collect();
        }
        let mut fuzzy: Vec<(usize, i64)> = Vec::new();
        for (item, (claim, _, text)) in texts.iter().enumerate() {
            let mut folded = String::new();
            crate::search::fold_into(text, &mut folded);
            if words.is_empty() {
                fuzzy.push((item, 0));
                continue;
            }
            let scores: Option<Vec<i64>> = words
                .iter()
                .map(|w| {
                    let matcher = SkimMatcherV2::default().respect_case();
                    matcher.fuzzy_indices(&folded, w).map(|(s, _)| s)
                })
                .collect();
            let Some(scores) = scores else {
                continue;
            };
            let prior = CORROBORATION_BONUS
                * digest.claims[*claim].article_count().saturating_sub(1) as i64;
            fuzzy.push((item, scores.iter().sum::<i64>() + prior));
        }
        fuzzy.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut best: Vec<Option<ClaimHit>> = vec![None; digest.claims.len()];
        for (item, score) in fuzzy {
            let (claim, _, text) = &texts[item];
            let mut folded = String::new();
            crate::search::fold_into(text, &mut folded);
            let Some(bonus) = term_bonus(&folded, &terms) else {
                continue;
            };
            let candidate = ClaimHit {
                claim: *claim,
                text: item,
                score: score + bonus,
            };
            let slot = &mut best[*claim];
            if slot.is_none_or(|b| {
                candidate.score > b.score || (candidate.score == b.score && texts[b.text].1)
            }) {
                *slot = Some(candidate);
            }
        }
        let mut hits: Vec<ClaimHit> = best.into_iter().flatten().collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.claim.cmp(&b.claim)));
        hits
    }

    #[test]
    fn distinct_texts_rank_as_every_text_scored_by_the_matcher() {
        let mut articles: Vec<(String, String)> = crate::synthetic::generate(160, 9)
            .articles
            .into_iter()
            .collect();
        // Wire copies across articles and text that is not ASCII, so that
        // texts are shared between claims and folded off the byte path.
        for n in 0..4 {
            articles.push((
                format!("wire{n}"),
                "Zürich board fines the company\n\nThe Zürich board fined the company \
                 €3 million on Monday. Its chair, Beyoncé Knowles, denied the charges."
                    .to_string(),
            ));
        }
        let corpus = Corpus::from_texts(articles);
        let digest = Digest::build(&corpus);
        let search = ClaimSearch::new(&corpus, &digest);
        // The corpus must exercise what keeping texts once changes.
        assert!(
            search.index.len() * 10 < search.owners.len() * 9,
            "{} distinct of {} texts",
            search.index.len(),
            search.owners.len()
        );
        let mut session = crate::search::SearchSession::new(Arc::clone(&search.index));
        // Typed a key at a time, as the interface's worker answers them.
        let typed = [
            "board member",
            "'fine ^the",
            "company$ zur",
            "!million paid",
            "!denied",
            "zü boa",
            "2012 ye",
            "invstors",
        ];
        let mut compared = 0;
        for query in typed {
            let ends = query.char_indices().map(|(i, c)| i + c.len_utf8());
            for typed in ends.map(|end| &query[..end]) {
                let expected = reference_rank(&corpus, &digest, typed);
                let hits = search.rank(typed, session.matches(&fuzzy_words(typed)));
                assert_eq!(hits, expected, "typed {typed:?}");
                assert_eq!(search.search(typed), expected, "from scratch {typed:?}");
                compared += expected.len();
            }
        }
        assert!(compared > 3_000, "only {compared} claim hits compared");
    }

    /// The earlier terms' checks kept between keystrokes: queries that keep,
    /// change and return to the terms before their last, in any order of
    /// hits, rank as the reference scorer ranks them.
    #[test]
    fn cached_term_checks_rank_as_the_reference() {
        let corpus = synthetic_with_accents(5, &["accents"]);
        let digest = Digest::build(&corpus);
        let search = ClaimSearch::new(&corpus, &digest);
        let mut session = crate::search::SearchSession::new(Arc::clone(&search.index));
        let queries = [
            "board m",
            "board me",
            "board mem",
            "zür bo",
            "board member",
            "board m",
            "!million p",
            "!million pa",
            "'the comp",
            "'the com",
            "^the co",
            "the co",
            "the company$ 2",
            "the company$ 20",
            "beyonce b",
            "zur b",
            "zur bo",
            "board me",
            "board",
        ];
        let mut compared = 0;
        for query in queries {
            let expected = reference_rank(&corpus, &digest, query);
            let hits = search.rank(query, session.matches(&fuzzy_words(query)));
            assert_eq!(hits, expected, "typed {query:?}");
            assert_eq!(search.search(query), expected, "from scratch {query:?}");
            // Hits in another order (ranked) give the same claims.
            let ranked = search.index.search(&fuzzy_words(query));
            assert_eq!(search.rank(query, &ranked), expected, "ranked {query:?}");
            compared += expected.len();
        }
        assert!(compared > 200, "only {compared} claim hits compared");
    }

    /// Single characters (a query's first key), deletions back to them and
    /// characters that are not ASCII, typed over ASCII and accented texts,
    /// rank as the reference: the terms are checked on the index's record
    /// of which texts are ASCII, not on a fresh reading of each text.
    #[test]
    fn single_characters_and_deletions_rank_as_the_reference() {
        let corpus = synthetic_with_accents(7, &["wire0", "wire1", "wire2"]);
        let digest = Digest::build(&corpus);
        let search = ClaimSearch::new(&corpus, &digest);
        let mut session = crate::search::SearchSession::new(Arc::clone(&search.index));
        let queries = [
            "e", "b", "bo", "b", "", "z", "zü", "z", "ü", "é", "€", "2", "!e", "!b", "board m",
            "board", "bo", "x", "e", "'e", "^t", "n$", "'zü", "beyoncé", "e",
        ];
        let mut compared = 0;
        for query in queries {
            let expected = reference_rank(&corpus, &digest, query);
            let hits = search.rank(query, session.matches(&fuzzy_words(query)));
            assert_eq!(hits, expected, "typed {query:?}");
            assert_eq!(search.search(query), expected, "from scratch {query:?}");
            compared += expected.len();
        }
        assert!(compared > 1_000, "only {compared} claim hits compared");
    }

    /// 120 synthetic articles (`seed`) and, under each id of `accented`, one
    /// story whose words are not all ASCII.
    fn synthetic_with_accents(seed: u64, accented: &[&str]) -> Corpus {
        let mut articles: Vec<(String, String)> = crate::synthetic::generate(120, seed)
            .articles
            .into_iter()
            .collect();
        for id in accented {
            articles.push((
                (*id).to_string(),
                "Zürich board fines\n\nThe Zürich board fined Beyoncé's company €3 million."
                    .to_string(),
            ));
        }
        Corpus::from_texts(articles)
    }

    /// Where a word stands whole, found as `str::match_indices` finds it
    /// (how it was found before the finder was built once per query).
    fn whole_word_by_match_indices(text: &str, word: &str) -> Option<(usize, bool)> {
        let mut inside = None;
        for (at, _) in text.match_indices(word) {
            if at_word_start(text, at) {
                return Some((at, true));
            }
            inside.get_or_insert((at, false));
        }
        inside
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn finders_agree_with_the_plain_searches(
            text in "[ab -é.]{0,30}",
            word in "[ab -é.]{1,4}",
            limit in 0usize..8,
        ) {
            // Overlapping occurrences ("a-a" in "ba-a-a") must be skipped alike.
            proptest::prop_assert_eq!(
                whole_word_at(&text, &word),
                whole_word_by_match_indices(&text, &word)
            );
            if text.is_ascii() && word.is_ascii() {
                proptest::prop_assert_eq!(
                    within_spread_bytes(text.as_bytes(), word.as_bytes(), limit),
                    within_spread(text.as_bytes(), word.as_bytes(), limit)
                );
            }
        }
    }

    #[test]
    fn an_overlapping_occurrence_is_not_read() {
        // The second "a-a" overlaps the first, which is inside a word.
        assert_eq!(whole_word_at("ba-a-a", "a-a"), Some((1, false)));
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

//! Fuzzy search over claim texts (or any lines), returning byte ranges of
//! the original text to highlight.
//!
//! `fuzzy-matcher` folds ASCII case only, so both sides are folded here:
//! case, accents (NFKD with combining marks dropped), curly quotes, dashes
//! and exotic spaces. Each candidate is folded once, when the index is
//! built, together with a map from each folded character back to the byte
//! range of the original character it came from; a keystroke then costs a
//! bitmask test per candidate and a score on those that pass, split across
//! the cores. The score is `fuzzy-matcher`'s skim score, computed over the
//! word's occurrences (module `skim_score`); the matcher itself finds the
//! positions to highlight, only for the rows on screen
//! ([`SearchIndex::highlights`]).

mod candidates;
pub mod claims;
mod session;
mod skim_score;

pub use claims::{ClaimHit, ClaimSearch};
pub use session::SearchSession;

use std::ops::Range;

use candidates::{Candidate, Candidates};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use skim_score::{Scratch, word_score};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::digest::Digest;
use crate::text::fold_punct;

/// One ranked result: which text matched and how well. Its highlights come
/// from [`SearchIndex::highlights`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit {
    /// Index of the text in the order given to [`SearchIndex::new`].
    pub item: usize,
    /// Higher is better; the sum over the query's words.
    pub score: i64,
}

/// Texts prepared for fuzzy search.
pub struct SearchIndex {
    candidates: Candidates,
    /// Added to each item's match score (by item index); empty for plain lines.
    priors: Vec<i64>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("candidates", &self.candidates.len())
            .finish()
    }
}

/// A matcher for one comparison. Both sides are folded to lower case
/// already, so matching respects case: the same matches and scores as
/// ignoring it, without folding ASCII again on every comparison.
///
/// A fresh one each time: fuzzy-matcher 0.3.7 keeps its score matrix per
/// thread between calls and reads cells it did not write in the current
/// call, so a reused matcher scores by the history of its thread (96 or 99
/// for the same text and words), which on several threads would make the
/// ranking change from run to run. (`use_cache(false)` panics.)
fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Candidates scored per parallel task at least: below this, splitting
/// costs more than it saves.
const PARALLEL_CHUNK: usize = 2048;

/// Folds one character the way candidates and queries are folded, pushing
/// the folded characters.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if let Ok(byte) = u8::try_from(c)
        && byte.is_ascii()
    {
        out(char::from(fold_ascii(byte)));
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in fold_punct(d).to_lowercase() {
            out(l);
        }
    });
}

/// What [`fold_char`]'s general path gives for an ASCII character,
/// without the tables: lower case, a backtick as a quote, white space as a
/// space.
fn fold_ascii(byte: u8) -> u8 {
    match byte {
        b'A'..=b'Z' => byte.to_ascii_lowercase(),
        b'`' => b'\'',
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => b' ',
        _ => byte,
    }
}

/// Folds `text` into `folded` (cleared first) and returns its character
/// mask (see [`char_bit`]).
fn fold_into(text: &str, folded: &mut String) -> u64 {
    folded.clear();
    let mut mask = 0u64;
    if text.is_ascii() {
        // Byte by byte, the common case of news text.
        for byte in text.bytes() {
            let f = char::from(fold_ascii(byte));
            folded.push(f);
            if f != ' ' {
                mask |= char_bit(f);
            }
        }
        return mask;
    }
    for c in text.chars() {
        fold_char(c, &mut |f| {
            folded.push(f);
            if f != ' ' {
                mask |= char_bit(f);
            }
        });
    }
    mask
}

/// Folds a query: the same folding as candidates, split into words.
pub fn fold_query(query: &str) -> Vec<String> {
    let mut folded = String::with_capacity(query.len());
    for c in query.chars() {
        fold_char(c, &mut |f| folded.push(f));
    }
    folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every occurrence of `needle` in `text`, case and accents ignored, as
/// byte ranges of `text`; for a find in an article, as `less` does.
pub fn find_folded(text: &str, needle: &str) -> Vec<Range<usize>> {
    let mut wanted: Vec<char> = Vec::new();
    for c in needle.chars() {
        fold_char(c, &mut |f| wanted.push(f));
    }
    while wanted.last() == Some(&' ') {
        wanted.pop();
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    // Each folded character with the byte range of the original one.
    let mut folded: Vec<(char, Range<usize>)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        fold_char(c, &mut |f| folded.push((f, at..at + c.len_utf8())));
    }
    let mut found = Vec::new();
    let mut start = 0;
    while start + wanted.len() <= folded.len() {
        let window = &folded[start..start + wanted.len()];
        if window.iter().map(|(c, _)| c).eq(wanted.iter()) {
            found.push(window[0].1.start..window[wanted.len() - 1].1.end);
            start += wanted.len();
        } else {
            start += 1;
        }
    }
    found
}

/// The bit of a folded character in a candidate's mask: one per ASCII
/// letter and digit, the rest share buckets. A query whose bits are not all
/// in a candidate's mask cannot match it.
fn char_bit(c: char) -> u64 {
    let n = c as u32;
    let bit = match c {
        'a'..='z' => n - 'a' as u32,
        '0'..='9' => 26 + n - '0' as u32,
        _ => 36 + n % 28,
    };
    1u64 << bit
}

/// A query folded and split into words, ready to score candidates.
struct Query {
    words: Vec<String>,
    /// The chars of each word, to score candidates that are not ASCII.
    word_chars: Vec<Vec<char>>,
    /// Every character of the words (see [`char_bit`]).
    mask: u64,
}

impl Query {
    fn new(query: &str) -> Query {
        let words = fold_query(query);
        let word_chars = words.iter().map(|w| w.chars().collect()).collect();
        let mask = words
            .iter()
            .flat_map(|w| w.chars())
            .fold(0u64, |m, c| m | char_bit(c));
        Query {
            words,
            word_chars,
            mask,
        }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The sum of the words' scores in a folded text (`chars` are its
    /// chars when it is not ASCII), or `None` when a word does not match.
    /// Each word's score is the one `fuzzy_indices` of a fresh matcher
    /// gives (see [`skim_score`] and [`fresh_matcher`]).
    fn score(&self, folded: &str, chars: Option<&[char]>, scratch: &mut Scratch) -> Option<i64> {
        let mut total = 0i64;
        for (word, word_chars) in self.words.iter().zip(&self.word_chars) {
            total += i64::from(word_score_in(folded, chars, word, word_chars, scratch)?);
        }
        Some(total)
    }
}

/// A word's score in a folded text (`chars` are its chars when it is not
/// ASCII, `word_chars` the word's).
fn word_score_in(
    folded: &str,
    chars: Option<&[char]>,
    word: &str,
    word_chars: &[char],
    scratch: &mut Scratch,
) -> Option<i32> {
    match chars {
        Some(chars) => word_score(chars, word_chars, scratch),
        // An ASCII text cannot hold a character that is not.
        None if !word.is_ascii() => None,
        None => word_score(folded.as_bytes(), word.as_bytes(), scratch),
    }
}

/// Best first; ties keep the original order.
fn ranked_order(a: &SearchHit, b: &SearchHit) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.item.cmp(&b.item))
}

/// Sorts hits best first, on both cores.
fn rank(hits: &mut [SearchHit]) {
    // Sorting plain integers is several times faster than sorting by a
    // comparison of two fields; a hit packs into one when its score fits
    // in 32 bits and its item in 32 (always, in practice).
    let packable = hits
        .iter()
        .all(|h| i32::try_from(h.score).is_ok() && u32::try_from(h.item).is_ok());
    if !packable {
        hits.par_sort_unstable_by(ranked_order);
        return;
    }
    // Higher scores first, then lower items: the score's complement in
    // the high half, the item in the low half, ascending.
    let pack = |h: &SearchHit| -> u64 {
        let inverted = (i64::from(i32::MAX) - h.score) as u64;
        (inverted << 32) | h.item as u64
    };
    let mut keys: Vec<u64> = hits.par_iter().map(pack).collect();
    keys.par_sort_unstable();
    hits.par_iter_mut().zip(keys).for_each(|(hit, key)| {
        *hit = SearchHit {
            item: (key & u64::from(u32::MAX)) as usize,
            score: i64::from(i32::MAX) - (key >> 32) as i64,
        };
    });
}

/// Keeps the best `limit` hits, best first: a partial sort, so the hits
/// below the cut are never ordered.
fn rank_best(hits: &mut Vec<SearchHit>, limit: usize) {
    if limit == 0 {
        hits.clear();
        return;
    }
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit - 1, ranked_order);
        hits.truncate(limit);
    }
    rank(hits);
}

/// Ranks `lines` against a query in one pass, without keeping an index:
/// each line is folded into a buffer of its worker thread, tested against
/// the query's character mask and scored. Returns the best `limit` hits
/// (all with `None`), best first, ties in line order; the same ranking as
/// [`SearchIndex::search`] over the same lines. An empty query matches
/// every line, in order.
pub fn rank_lines(lines: &[&str], query: &str, limit: Option<usize>) -> Vec<SearchHit> {
    let query = Query::new(query);
    let limit = limit.unwrap_or(usize::MAX);
    if query.is_empty() {
        return (0..lines.len().min(limit))
            .map(|item| SearchHit { item, score: 0 })
            .collect();
    }
    let mut hits: Vec<SearchHit> = lines
        .par_iter()
        .enumerate()
        .with_min_len(PARALLEL_CHUNK)
        .map_init(LineBuffers::default, |buffers, (item, line)| {
            if fold_into(line, &mut buffers.folded) & query.mask != query.mask {
                return None;
            }
            let chars = if buffers.folded.is_ascii() {
                None
            } else {
                buffers.chars.clear();
                buffers.chars.extend(buffers.folded.chars());
                Some(buffers.chars.as_slice())
            };
            let score = query.score(&buffers.folded, chars, &mut buffers.scratch)?;
            Some(SearchHit { item, score })
        })
        .flatten()
        .collect();
    rank_best(&mut hits, limit);
    hits
}

/// What [`rank_lines`] reuses from one line to the next on a thread.
#[derive(Default)]
struct LineBuffers {
    folded: String,
    chars: Vec<char>,
    scratch: Scratch,
}

impl Candidate<'_> {
    fn word_score(&self, word: &str, word_chars: &[char], scratch: &mut Scratch) -> Option<i32> {
        word_score_in(self.folded, self.chars, word, word_chars, scratch)
    }
}

/// Score added per corroborating article beyond the first. A skim score
/// grows by about 16 per well-placed matched character, so this moves a
/// claim of four articles past a single-article one that matched a little
/// better, never past a clearly better match.
const CORROBORATION_BONUS: i64 = 4;

impl SearchIndex {
    /// Folds every text once, on both cores.
    pub fn new<I, S>(texts: I) -> SearchIndex
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str> + Sync,
    {
        let texts: Vec<S> = texts.into_iter().collect();
        SearchIndex {
            candidates: Candidates::new(&texts),
            priors: Vec::new(),
        }
    }

    /// Texts with a score each starts from (by text index).
    pub fn with_priors<S: AsRef<str> + Sync>(texts: &[S], priors: Vec<i64>) -> SearchIndex {
        SearchIndex {
            candidates: Candidates::new(texts),
            priors,
        }
    }

    /// A text as folded for matching, with the way back to its bytes.
    fn candidate(&self, item: usize) -> Option<Candidate<'_>> {
        self.candidates.get(item)
    }

    /// An index over the claim texts of a digest, in claim order. Among
    /// matches of about the same quality, the claim more independent sources
    /// make ranks first (wire copies count once): a digest is read for what
    /// is corroborated.
    pub fn of_claims(digest: &Digest) -> SearchIndex {
        let mut index = SearchIndex::new(digest.claims.iter().map(|c| c.text.as_str()));
        index.priors = digest
            .claims
            .iter()
            .map(|c| CORROBORATION_BONUS * (c.source_count().saturating_sub(1)) as i64)
            .collect();
        index
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.len() == 0
    }

    /// Ranks the texts that contain every word of the query as a fuzzy
    /// subsequence, best first (ties keep the original order). An empty
    /// query matches everything, unranked.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let mut hits = self.matches(query);
        rank(&mut hits);
        hits
    }

    /// The hits of [`SearchIndex::search`] in text order, unranked: for a
    /// caller that ranks them its own way (sorting a million hits costs
    /// more than finding them).
    pub fn matches(&self, query: &str) -> Vec<SearchHit> {
        let query = Query::new(query);
        if query.is_empty() {
            return (0..self.candidates.len())
                .map(|item| SearchHit { item, score: 0 })
                .collect();
        }
        self.matched((0..self.candidates.len()).into_par_iter(), &query)
    }

    /// Scores the given items against the query, on both cores, and keeps
    /// those that match, in the items' order.
    fn matched(
        &self,
        items: impl IndexedParallelIterator<Item = usize>,
        query: &Query,
    ) -> Vec<SearchHit> {
        items
            .with_min_len(PARALLEL_CHUNK)
            .map_init(Scratch::default, |scratch, item| {
                if self.candidates.mask(item) & query.mask != query.mask {
                    return None;
                }
                let candidate = self.candidates.get(item)?;
                let score = query.score(candidate.folded, candidate.chars, scratch)?;
                Some(SearchHit {
                    item,
                    score: score + self.prior(item),
                })
            })
            .flatten()
            .collect()
    }

    /// What an item's score starts from: its corroboration, for claims.
    fn prior(&self, item: usize) -> i64 {
        self.priors.get(item).copied().unwrap_or(0)
    }

    /// The byte ranges of text `item` that the query's words matched,
    /// sorted and merged; empty when it does not match or is out of range.
    /// Meant for the rows on screen: it fills the matcher's whole score
    /// matrix to find the positions.
    pub fn highlights(&self, item: usize, query: &str) -> Vec<Range<usize>> {
        let Some(c) = self.candidates.get(item) else {
            return Vec::new();
        };
        let mut positions: Vec<usize> = Vec::new();
        for word in fold_query(query) {
            let Some((_score, idx)) = fresh_matcher().fuzzy_indices(c.folded, &word) else {
                return Vec::new();
            };
            // The ranking's score and the matcher's are one and the same.
            debug_assert_eq!(
                Some(_score),
                Query::new(&word).score(c.folded, c.chars, &mut Scratch::default()),
                "{word:?} in {:?}",
                c.folded
            );
            positions.extend(idx);
        }
        positions.sort_unstable();
        positions.dedup();
        let mut highlights: Vec<Range<usize>> = Vec::new();
        for p in positions {
            let Some(range) = c.origin(p) else {
                continue;
            };
            match highlights.last_mut() {
                Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                _ => highlights.push(range),
            }
        }
        highlights
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighted<'a>(
        index: &SearchIndex,
        text: &'a str,
        hit: &SearchHit,
        query: &str,
    ) -> Vec<&'a str> {
        index
            .highlights(hit.item, query)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn find_ignores_case_and_accents_and_gives_original_bytes() {
        let text = "Zürich said: the ZURICH office, zurich.";
        let found: Vec<&str> = find_folded(text, "zurich")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Zürich", "ZURICH", "zurich"]);
        assert!(find_folded(text, "  ").is_empty());
        assert!(find_folded(text, "geneva").is_empty());
    }

    #[test]
    fn folds_accents_on_both_sides() {
        let texts = [
            "The Zürich office closed.",
            "Beyoncé sang.",
            "Nothing here.",
        ];
        let index = SearchIndex::new(texts);
        let hits = index.search("zurich");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].item, 0);
        assert_eq!(
            highlighted(&index, texts[0], &hits[0], "zurich"),
            vec!["Zürich"]
        );
        let hits = index.search("BEYONCÉ");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            highlighted(&index, texts[1], &hits[0], "BEYONCÉ"),
            vec!["Beyoncé"]
        );
        let hits = index.search("beyonce");
        assert_eq!(hits.iter().map(|h| h.item).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn decomposed_accents_map_to_whole_characters() {
        // "é" written as e + combining acute: the highlight covers both.
        let text = "Cafe\u{301} owners";
        let index = SearchIndex::new([text]);
        let hits = index.search("cafe");
        assert_eq!(hits.len(), 1);
        assert_eq!(highlighted(&index, text, &hits[0], "cafe"), vec!["Cafe"]);
        let ranges = index.highlights(hits[0].item, "cafe");
        assert!(text.is_char_boundary(ranges[0].end));
    }

    #[test]
    fn ranks_best_first_and_requires_every_word() {
        let texts = [
            "The board met in Hastings.",
            "Hastings board approves the plan.",
            "The board resigned.",
        ];
        let index = SearchIndex::new(texts);
        let hits = index.search("hastings board");
        let items: Vec<usize> = hits.iter().map(|h| h.item).collect();
        assert_eq!(items.len(), 2);
        assert!(items.contains(&0) && items.contains(&1));
        assert_eq!(items[0], 1, "contiguous match ranks first: {hits:?}");
        assert_eq!(
            highlighted(&index, texts[1], &hits[0], "hastings board"),
            vec!["Hastings", "board"]
        );
        assert!(index.search("hastings xyz").is_empty());
    }

    #[test]
    fn emoji_and_cjk_give_char_boundaries() {
        let texts = ["🚀 launch of 東京 rocket", "東京タワー is tall"];
        let index = SearchIndex::new(texts);
        let hits = index.search("東京");
        assert_eq!(hits.len(), 2);
        for hit in &hits {
            assert_eq!(
                highlighted(&index, texts[hit.item], hit, "東京"),
                vec!["東京"]
            );
        }
        let hits = index.search("🚀 rocket");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            highlighted(&index, texts[0], &hits[0], "🚀 rocket"),
            vec!["🚀", "rocket"]
        );
    }

    #[test]
    fn curly_quotes_and_ligatures_fold() {
        let texts = ["It’s the “ﬁnal” word"];
        let index = SearchIndex::new(texts);
        let hits = index.search("it's final");
        assert_eq!(hits.len(), 1);
        // The ligature "ﬁ" folds to two chars and highlights as one.
        assert_eq!(
            highlighted(&index, texts[0], &hits[0], "it's final"),
            vec!["It’s", "ﬁnal"]
        );
    }

    #[test]
    fn a_typed_query_over_texts_that_are_not_ascii() {
        let texts: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "claim {i}: the Hastings board {} in Zürich",
                    ["met", "voted", "resigned"][i % 3]
                )
            })
            .collect();
        let index = std::sync::Arc::new(SearchIndex::new(&texts));
        let mut session = SearchSession::new(std::sync::Arc::clone(&index));
        let typed = [
            "h",
            "ha",
            "has",
            "hast b",
            "hast bo",
            "hast bo zu",
            "hast bo zü",
            "hast",
        ];
        for query in typed {
            assert_eq!(
                session.search(query),
                index.search(query),
                "query {query:?}"
            );
        }
    }

    #[test]
    fn empty_query_keeps_everything_in_order() {
        let index = SearchIndex::new(["b", "a"]);
        let hits = index.search("   ");
        assert_eq!(hits.iter().map(|h| h.item).collect::<Vec<_>>(), vec![0, 1]);
        assert!(hits.iter().all(|h| h.score == 0));
        assert!(index.highlights(0, "   ").is_empty());
    }

    #[test]
    fn mask_prefilter_agrees_with_the_matcher() {
        let texts = ["alpha beta", "gamma", "Ünïcödé"];
        let index = SearchIndex::new(texts);
        for query in ["ab", "gm", "unicode", "q", "ä"] {
            // The matcher as the user would call it, on the folded text.
            let matcher = SkimMatcherV2::default().ignore_case();
            let words = fold_query(query);
            let expected: Vec<usize> = (0..index.len())
                .filter(|&i| {
                    let folded = index.candidates.get(i).expect("in range").folded;
                    words
                        .iter()
                        .all(|w| matcher.fuzzy_match(folded, w).is_some())
                })
                .collect();
            let mut got: Vec<usize> = index.search(query).iter().map(|h| h.item).collect();
            got.sort_unstable();
            assert_eq!(got, expected, "query {query:?}");
        }
    }

    #[test]
    fn highlights_only_for_a_matching_text() {
        let texts = ["The board met.", "Nothing here."];
        let index = SearchIndex::new(texts);
        assert_eq!(index.highlights(0, "board"), vec![4..9]);
        assert!(index.highlights(1, "board").is_empty());
        assert!(index.highlights(7, "board").is_empty());
    }

    #[test]
    fn ranking_lines_agrees_with_the_index() {
        let texts: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    "Line {i}: the Zürich board {} “fines” of ${}M",
                    ["met", "voted on", "resigned over"][i % 3],
                    i % 97
                )
            })
            .collect();
        let lines: Vec<&str> = texts.iter().map(String::as_str).collect();
        let index = SearchIndex::new(&lines);
        for query in ["zu bo", "fines 9", "RESIGNED", "xq", "  "] {
            let all = index.search(query);
            assert_eq!(rank_lines(&lines, query, None), all, "query {query:?}");
            // The partial sort keeps the same best ten, in the same order.
            let best: Vec<SearchHit> = all.iter().take(10).copied().collect();
            assert_eq!(rank_lines(&lines, query, Some(10)), best, "query {query:?}");
        }
        assert!(rank_lines(&lines, "board", Some(0)).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn packed_ranking_is_the_ranked_order(
            hits in proptest::collection::vec((-300i64..300, 0usize..50), 0..200),
            wide in proptest::bool::ANY,
        ) {
            let mut hits: Vec<SearchHit> = hits
                .into_iter()
                .map(|(score, item)| SearchHit { item, score })
                .collect();
            if wide {
                // A score beyond 32 bits takes the comparison path.
                hits.push(SearchHit { item: 7, score: i64::from(i32::MAX) + 1 });
            }
            let mut expected = hits.clone();
            expected.sort_by(ranked_order);
            rank(&mut hits);
            proptest::prop_assert_eq!(hits, expected);
        }
    }

    #[test]
    fn ascii_folding_agrees_with_the_unicode_path() {
        for c in (0u8..128).map(char::from) {
            let mut fast = Vec::new();
            fold_char(c, &mut |f| fast.push(f));
            let mut general = Vec::new();
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    general.extend(fold_punct(d).to_lowercase());
                }
            });
            assert_eq!(fast, general, "{c:?}");
        }
    }

    #[test]
    fn scores_are_those_of_the_whole_score_matrix() {
        // Scores of a fresh matcher filling the whole matrix, whatever the
        // thread and the texts compared before: `fuzzy_match` (two rows)
        // and reused matchers differ on some of these texts.
        let texts = crate::synthetic::claim_texts(3000, 7);
        let index = SearchIndex::new(&texts);
        let lines: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut compared = 0;
        for query in [
            "fine",
            "board member",
            "paid million",
            "the company",
            "cor fine",
        ] {
            let words = fold_query(query);
            let hits = index.search(query);
            assert_eq!(rank_lines(&lines, query, None), hits, "query {query:?}");
            for hit in hits {
                let folded = index.candidates.get(hit.item).expect("a hit").folded;
                let expected: i64 = words
                    .iter()
                    .filter_map(|w| {
                        let matcher = SkimMatcherV2::default().ignore_case();
                        matcher.fuzzy_indices(folded, w).map(|(s, _)| s)
                    })
                    .sum();
                assert_eq!(hit.score, expected, "{query:?} in {folded:?}");
                compared += 1;
            }
        }
        assert!(compared > 1000, "only {compared} hits compared");
    }
}

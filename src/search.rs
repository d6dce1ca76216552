//! Fuzzy search over claim texts (or any lines), returning byte ranges of
//! the original text to highlight.
//!
//! `fuzzy-matcher` folds ASCII case only, so both sides are folded here:
//! case, accents (NFKD with combining marks dropped), curly quotes, dashes
//! and exotic spaces. Each candidate is folded once, when the index is
//! built, together with a map from each folded character back to the byte
//! range of the original character it came from; a keystroke then costs a
//! bitmask test per candidate and a match on the few that pass.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::digest::Digest;
use crate::text::fold_punct;

/// One ranked result: which text matched, how well, and what to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// Index of the text in the order given to [`SearchIndex::new`].
    pub item: usize,
    /// Higher is better; the sum over the query's words.
    pub score: i64,
    /// Byte ranges of the original text, sorted and merged.
    pub highlights: Vec<Range<usize>>,
}

/// A folded candidate and the way back to its original bytes.
#[derive(Debug, Clone)]
struct Candidate {
    folded: String,
    /// For the n-th char of `folded`, the byte range of the original char.
    origin: Vec<Range<usize>>,
    /// Which character classes occur in `folded` (see [`char_bit`]).
    mask: u64,
}

/// Texts prepared for fuzzy search.
pub struct SearchIndex {
    candidates: Vec<Candidate>,
    matcher: SkimMatcherV2,
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

/// Folds one character the way candidates and queries are folded, pushing
/// the folded characters.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in fold_punct(d).to_lowercase() {
            out(l);
        }
    });
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

impl Candidate {
    fn new(text: &str) -> Candidate {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut mask = 0u64;
        for (start, c) in text.char_indices() {
            let range = start..start + c.len_utf8();
            fold_char(c, &mut |f| {
                folded.push(f);
                origin.push(range.clone());
                if f != ' ' {
                    mask |= char_bit(f);
                }
            });
        }
        Candidate {
            folded,
            origin,
            mask,
        }
    }
}

/// Score added per corroborating article beyond the first. A skim score
/// grows by about 16 per well-placed matched character, so this moves a
/// claim of four articles past a single-article one that matched a little
/// better, never past a clearly better match.
const CORROBORATION_BONUS: i64 = 4;

impl SearchIndex {
    /// Folds every text once.
    pub fn new<I, S>(texts: I) -> SearchIndex
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        SearchIndex {
            candidates: texts
                .into_iter()
                .map(|t| Candidate::new(t.as_ref()))
                .collect(),
            matcher: SkimMatcherV2::default().ignore_case(),
            priors: Vec::new(),
        }
    }

    /// An index over the claim texts of a digest, in claim order. Among
    /// matches of about the same quality, the claim more articles make
    /// ranks first: a digest is read for what is corroborated.
    pub fn of_claims(digest: &Digest) -> SearchIndex {
        let mut index = SearchIndex::new(digest.claims.iter().map(|c| c.text.as_str()));
        index.priors = digest
            .claims
            .iter()
            .map(|c| CORROBORATION_BONUS * (c.article_count().saturating_sub(1)) as i64)
            .collect();
        index
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// Ranks the texts that contain every word of the query as a fuzzy
    /// subsequence, best first (ties keep the original order). An empty
    /// query matches everything, unranked and without highlights.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let words = fold_query(query);
        if words.is_empty() {
            return (0..self.candidates.len())
                .map(|item| SearchHit {
                    item,
                    score: 0,
                    highlights: Vec::new(),
                })
                .collect();
        }
        let query_mask = words
            .iter()
            .flat_map(|w| w.chars())
            .fold(0u64, |m, c| m | char_bit(c));
        let mut hits: Vec<SearchHit> = self
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.mask & query_mask == query_mask)
            .filter_map(|(item, c)| self.match_candidate(item, c, &words))
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
        hits
    }

    /// The same ranking as [`search`](Self::search), faster while a query
    /// is being typed: when every word of the previous query is a
    /// subsequence of the new query's word at the same place (the user
    /// typed more), only the previous hits can match, so only they are
    /// matched again.
    pub fn refine(
        &self,
        query: &str,
        previous_query: &str,
        previous: &[SearchHit],
    ) -> Vec<SearchHit> {
        let words = fold_query(query);
        let old = fold_query(previous_query);
        let narrows = !old.is_empty()
            && old.len() <= words.len()
            && old.iter().zip(&words).all(|(o, n)| is_subsequence(o, n));
        if !narrows {
            return self.search(query);
        }
        let mut hits: Vec<SearchHit> = previous
            .iter()
            .filter_map(|h| {
                let candidate = self.candidates.get(h.item)?;
                self.match_candidate(h.item, candidate, &words)
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
        hits
    }

    fn match_candidate(&self, item: usize, c: &Candidate, words: &[String]) -> Option<SearchHit> {
        let mut score = 0i64;
        let mut positions: Vec<usize> = Vec::new();
        for word in words {
            let (s, idx) = self.matcher.fuzzy_indices(&c.folded, word)?;
            score += s;
            positions.extend(idx);
        }
        positions.sort_unstable();
        positions.dedup();
        let mut highlights: Vec<Range<usize>> = Vec::new();
        for p in positions {
            let Some(range) = c.origin.get(p) else {
                continue;
            };
            match highlights.last_mut() {
                Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                _ => highlights.push(range.clone()),
            }
        }
        Some(SearchHit {
            item,
            score: score + self.priors.get(item).copied().unwrap_or(0),
            highlights,
        })
    }
}

/// Whether the characters of `short` occur in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighted<'a>(text: &'a str, hit: &SearchHit) -> Vec<&'a str> {
        hit.highlights.iter().map(|r| &text[r.clone()]).collect()
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
        assert_eq!(highlighted(texts[0], &hits[0]), vec!["Zürich"]);
        let hits = index.search("BEYONCÉ");
        assert_eq!(hits.len(), 1);
        assert_eq!(highlighted(texts[1], &hits[0]), vec!["Beyoncé"]);
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
        assert_eq!(highlighted(text, &hits[0]), vec!["Cafe"]);
        assert!(text.is_char_boundary(hits[0].highlights[0].end));
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
        assert_eq!(highlighted(texts[1], &hits[0]), vec!["Hastings", "board"]);
        assert!(index.search("hastings xyz").is_empty());
    }

    #[test]
    fn emoji_and_cjk_give_char_boundaries() {
        let texts = ["🚀 launch of 東京 rocket", "東京タワー is tall"];
        let index = SearchIndex::new(texts);
        let hits = index.search("東京");
        assert_eq!(hits.len(), 2);
        for hit in &hits {
            assert_eq!(highlighted(texts[hit.item], hit), vec!["東京"]);
        }
        let hits = index.search("🚀 rocket");
        assert_eq!(hits.len(), 1);
        assert_eq!(highlighted(texts[0], &hits[0]), vec!["🚀", "rocket"]);
    }

    #[test]
    fn curly_quotes_and_ligatures_fold() {
        let texts = ["It’s the “ﬁnal” word"];
        let index = SearchIndex::new(texts);
        let hits = index.search("it's final");
        assert_eq!(hits.len(), 1);
        // The ligature "ﬁ" folds to two chars and highlights as one.
        assert_eq!(highlighted(texts[0], &hits[0]), vec!["It’s", "ﬁnal"]);
    }

    #[test]
    fn refining_a_typed_query_gives_the_same_ranking() {
        let texts: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "claim {i}: the Hastings board {} in Zürich",
                    ["met", "voted", "resigned"][i % 3]
                )
            })
            .collect();
        let index = SearchIndex::new(&texts);
        let typed = [
            "h",
            "ha",
            "has",
            "hast b",
            "hast bo",
            "hast bo zu",
            "hast bo zü",
        ];
        let mut previous_query = "";
        let mut previous = index.search(previous_query);
        for query in typed {
            let refined = index.refine(query, previous_query, &previous);
            assert_eq!(refined, index.search(query), "query {query:?}");
            previous_query = query;
            previous = refined;
        }
        // Not a narrowing (a letter deleted): searches everything again.
        assert_eq!(
            index.refine("hast", "hast bo", &previous),
            index.search("hast")
        );
        assert!(is_subsequence("hsg", "hastings") && !is_subsequence("gh", "hastings"));
    }

    #[test]
    fn empty_query_keeps_everything_in_order() {
        let index = SearchIndex::new(["b", "a"]);
        let hits = index.search("   ");
        assert_eq!(hits.iter().map(|h| h.item).collect::<Vec<_>>(), vec![0, 1]);
        assert!(hits.iter().all(|h| h.highlights.is_empty()));
    }

    #[test]
    fn mask_prefilter_agrees_with_the_matcher() {
        let texts = ["alpha beta", "gamma", "Ünïcödé"];
        let index = SearchIndex::new(texts);
        for query in ["ab", "gm", "unicode", "q", "ä"] {
            let matcher = SkimMatcherV2::default().ignore_case();
            let words = fold_query(query);
            let expected: Vec<usize> = index
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    words
                        .iter()
                        .all(|w| matcher.fuzzy_match(&c.folded, w).is_some())
                })
                .map(|(i, _)| i)
                .collect();
            let mut got: Vec<usize> = index.search(query).iter().map(|h| h.item).collect();
            got.sort_unstable();
            assert_eq!(got, expected, "query {query:?}");
        }
    }
}

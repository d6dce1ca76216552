//! The score `fuzzy-matcher`'s `SkimMatcherV2` gives a word in a text,
//! computed over the word's occurrences instead of a whole score matrix.
//!
//! Why not call the matcher for every candidate: with 100,000 claims a
//! short word matches tens of thousands of them, and the matcher fills a
//! (word length + 1) × (text length + 1) matrix of 16-byte cells for each,
//! on a freshly allocated matcher (a reused one reads cells a previous call
//! left behind; see `fresh_matcher` in the parent module). That costs
//! 150–400 ms a keystroke, ten times a frame. The matrix is mostly wasted:
//! a cell can only score where the text holds the word's character, and
//! the gap penalty is affine, so the best way to reach a match after a gap
//! is a running maximum. This module walks those occurrences only and
//! returns the same number the matcher returns (tests compare the two on
//! thousands of texts and on arbitrary strings), so the ranking is the
//! matcher's; the matcher itself still finds the positions to highlight.
//!
//! The recurrence (`SkimMatcherV2::build_score_matrix`, default
//! `SkimScoreConfig`, case respected, no element limit), for the word's
//! i-th character matched at text position k:
//!
//! ```text
//! M[0][k] = 16 − 1 + bonus(k)
//! M[i][k] = 16 + max( M[i−1][k−1] + max(bonus(k), 4)            consecutive
//!                     max_{a ≤ k−2} (M[i−1][a] − 4 − (k−2−a)) + bonus(k) )   after a gap
//! score   = max_k M[last][k]
//! ```
//!
//! where bonus(k) comes from the character classes of positions k−1 and k
//! (8 at the head of a word and 16 at the very start, 7 after
//! punctuation, 6 at a camel hump). The matcher's "bonus of the previous match" term
//! reads a cell it has not written in the same call, which in a fresh
//! matrix is always 0, so it drops out.

use std::cmp::max;
use std::ops::Range;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const FIRST_CHAR_MULTIPLIER: i32 = 2;

/// The character classes the matcher's bonuses are built on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    Empty,
    Upper,
    Lower,
    Number,
    HardSeparator,
    SoftSeparator,
}

const fn char_class(c: char) -> CharClass {
    match c {
        '\0' => CharClass::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharClass::HardSeparator,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharClass::SoftSeparator,
        '0'..='9' => CharClass::Number,
        'A'..='Z' => CharClass::Upper,
        _ => CharClass::Lower,
    }
}

/// The bonus for matching at a character of class `class` that follows
/// one of class `previous`: the head of a word, after punctuation, or a
/// camel hump.
fn in_place_bonus(previous: CharClass, class: CharClass) -> i32 {
    use CharClass::*;
    match (previous, class) {
        (Empty | HardSeparator, _) => BONUS_HEAD,
        (SoftSeparator, _) => BONUS_BREAK,
        (Lower | Number, Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// A unit of text the score is computed over: bytes for ASCII text (the
/// common case), chars otherwise.
pub trait Symbol: Copy + Eq {
    fn class(self) -> CharClass;
    /// The positions of `symbol` in `text[range]`.
    fn positions(text: &[Self], symbol: Self, range: Range<usize>) -> impl Iterator<Item = usize>;
}

/// [`char_class`] of every ASCII byte.
const ASCII_CLASSES: [CharClass; 128] = {
    let mut classes = [CharClass::Lower; 128];
    let mut b = 0;
    while b < 128 {
        classes[b] = char_class(b as u8 as char);
        b += 1;
    }
    classes
};

impl Symbol for u8 {
    fn class(self) -> CharClass {
        match ASCII_CLASSES.get(usize::from(self)) {
            Some(&class) => class,
            None => CharClass::Lower,
        }
    }

    fn positions(text: &[u8], symbol: u8, range: Range<usize>) -> impl Iterator<Item = usize> {
        // Vector search: a letter occurs a few times in a sentence.
        let start = range.start;
        memchr::memchr_iter(symbol, &text[range]).map(move |k| k + start)
    }
}

impl Symbol for char {
    fn class(self) -> CharClass {
        char_class(self)
    }

    fn positions(text: &[char], symbol: char, range: Range<usize>) -> impl Iterator<Item = usize> {
        range.filter(move |&k| text[k] == symbol)
    }
}

/// One cell of a row of the score matrix that can hold a score: a text
/// position where the row's word character occurs, and the best score of
/// the word up to that character when it matches there.
pub type Cell = (u32, i32);

/// Buffers reused from one score to the next (one per worker thread).
#[derive(Debug, Default)]
pub struct Scratch {
    /// Earliest position of each word character in a match.
    earliest: Vec<usize>,
    /// Latest position of each word character in a match.
    latest: Vec<usize>,
    previous_row: Vec<Cell>,
    current_row: Vec<Cell>,
}

/// The bonus for matching at position `k` of `text`.
fn bonus_at<S: Symbol>(text: &[S], k: usize) -> i32 {
    let class = text[k].class();
    if k == 0 {
        return in_place_bonus(CharClass::Empty, class) * FIRST_CHAR_MULTIPLIER;
    }
    in_place_bonus(text[k - 1].class(), class)
}

/// Appends to `row` the cells of a word's first character, `symbol`, at
/// the positions of `range`.
pub fn first_row<S: Symbol>(text: &[S], symbol: S, range: Range<usize>, row: &mut Vec<Cell>) {
    for k in S::positions(text, symbol, range) {
        row.push((k as u32, SCORE_MATCH + GAP_EXTENSION + bonus_at(text, k)));
    }
}

/// Appends to `row` the cells of the word's next character, `symbol`, at
/// the positions of `range`, from the cells of the previous character.
pub fn next_row<S: Symbol>(
    text: &[S],
    symbol: S,
    range: Range<usize>,
    previous: &[Cell],
    row: &mut Vec<Cell>,
) {
    // max over earlier cells a ≤ k − 2 of M[a] + a: the best start of a
    // gap, whatever its length (the penalty grows by one a step).
    let mut best_before_gap: Option<i32> = None;
    let mut next_previous = 0;
    for k in S::positions(text, symbol, range) {
        while let Some(&(a, score)) = previous.get(next_previous)
            && a as usize + 2 <= k
        {
            let at_zero = score - GAP_EXTENSION * a as i32;
            best_before_gap = Some(best_before_gap.map_or(at_zero, |b| max(b, at_zero)));
            next_previous += 1;
        }
        let bonus = bonus_at(text, k);
        let consecutive = previous
            .get(next_previous)
            .filter(|&&(a, _)| a as usize + 1 == k)
            .map(|&(_, score)| score + max(bonus, BONUS_CONSECUTIVE));
        // M[a] − 4 − (k − 2 − a) = (M[a] + a) + GAP_START + GAP_EXTENSION × (k − 1)
        let after_gap =
            best_before_gap.map(|b| b + GAP_START + GAP_EXTENSION * (k as i32 - 1) + bonus);
        let best = match (consecutive, after_gap) {
            (Some(c), Some(g)) => Some(max(c, g)),
            (c, g) => c.or(g),
        };
        if let Some(best) = best {
            row.push((k as u32, SCORE_MATCH + best));
        }
    }
}

/// Where the next character's cells can start: after the first cell.
pub fn after_first(row: &[Cell]) -> usize {
    row.first().map_or(usize::MAX, |&(k, _)| k as usize + 1)
}

/// The word's score from its last row: the best cell.
pub fn best_of(row: &[Cell]) -> Option<i32> {
    row.iter().map(|&(_, score)| score).max()
}

/// Fills `previous_row` with the last row of `word` (a row per character
/// in turn, `current_row` as the other buffer), each row over the text
/// positions `band` gives for it from the row before.
fn fill_rows<S: Symbol>(
    text: &[S],
    word: &[S],
    band: impl Fn(usize, &[Cell]) -> Range<usize>,
    previous_row: &mut Vec<Cell>,
    current_row: &mut Vec<Cell>,
) {
    previous_row.clear();
    let Some((&first, rest)) = word.split_first() else {
        return;
    };
    // Cells hold positions as u32.
    if text.len() > u32::MAX as usize {
        return;
    }
    first_row(text, first, band(0, previous_row), previous_row);
    for (i, &symbol) in rest.iter().enumerate() {
        current_row.clear();
        let range = band(i + 1, previous_row);
        next_row(text, symbol, range, previous_row, current_row);
        std::mem::swap(previous_row, current_row);
    }
}

/// The last row of `word` in `text`, every cell of it (so that more
/// characters can be matched on from it), or `None` when the word is not
/// a subsequence of the text.
pub fn last_row<'s, S: Symbol>(
    text: &[S],
    word: &[S],
    scratch: &'s mut Scratch,
) -> Option<&'s [Cell]> {
    let Scratch {
        previous_row,
        current_row,
        ..
    } = scratch;
    let band = |i: usize, previous: &[Cell]| match i {
        0 => 0..text.len(),
        _ => after_first(previous).min(text.len())..text.len(),
    };
    fill_rows(text, word, band, previous_row, current_row);
    (!previous_row.is_empty()).then_some(previous_row.as_slice())
}

/// The score `SkimMatcherV2::default().respect_case().fuzzy_indices(text,
/// word)` returns, or `None` when the word is not a subsequence of the
/// text. Equal to the matcher's for texts under about 30,000 characters;
/// beyond, the matcher's sentinel for "no alignment" (−32,768) can outscore
/// a real alignment with very long gaps, and this keeps the real one.
pub fn word_score<S: Symbol>(text: &[S], word: &[S], scratch: &mut Scratch) -> Option<i32> {
    let Scratch {
        earliest,
        latest,
        previous_row,
        current_row,
    } = scratch;
    // Only occurrences between the earliest and the latest place a
    // character can take in a whole match can be part of one.
    earliest.clear();
    let mut wanted = word.iter();
    let mut next = wanted.next();
    for (k, &symbol) in text.iter().enumerate() {
        if next == Some(&symbol) {
            earliest.push(k);
            next = wanted.next();
            if next.is_none() {
                break;
            }
        }
    }
    if next.is_some() {
        return None;
    }
    latest.clear();
    let mut wanted = word.iter().rev();
    let mut next = wanted.next();
    for (k, &symbol) in text.iter().enumerate().rev() {
        if next == Some(&symbol) {
            latest.push(k);
            next = wanted.next();
            if next.is_none() {
                break;
            }
        }
    }
    latest.reverse();

    let band = |i: usize, _: &[Cell]| earliest[i]..latest[i] + 1;
    fill_rows(text, word, band, previous_row, current_row);
    best_of(previous_row)
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    use super::*;

    /// The matcher as the search module calls it: fresh, case respected.
    fn matcher_score(text: &str, word: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .respect_case()
            .fuzzy_indices(text, word)
            .map(|(score, _)| score)
    }

    fn our_score(text: &str, word: &str) -> Option<i64> {
        let mut scratch = Scratch::default();
        let by_chars = {
            let text: Vec<char> = text.chars().collect();
            let word: Vec<char> = word.chars().collect();
            word_score(&text, &word, &mut scratch)
        };
        if text.is_ascii() && word.is_ascii() {
            let by_bytes = word_score(text.as_bytes(), word.as_bytes(), &mut scratch);
            assert_eq!(
                by_bytes, by_chars,
                "bytes and chars differ: {text:?} {word:?}"
            );
        }
        by_chars.map(i64::from)
    }

    #[test]
    fn equals_the_matcher_on_news_claims() {
        let texts = crate::synthetic::claim_texts(2000, 11);
        let words = [
            "f",
            "fi",
            "fine",
            "regulator",
            "rgltr",
            "board",
            "member",
            "paid",
            "million",
            "2012",
            "invstors",
            "pol",
            "pres",
            "the",
            "company",
            "zen",
            "e",
            "ee",
            "ss",
            "a.",
            "'s",
        ];
        let mut matched = 0;
        for text in &texts {
            let folded = text.to_lowercase();
            for word in words {
                let expected = matcher_score(&folded, word);
                assert_eq!(our_score(&folded, word), expected, "{word:?} in {folded:?}");
                matched += usize::from(expected.is_some());
            }
        }
        assert!(matched > 10_000, "only {matched} matches compared");
    }

    #[test]
    fn known_scores() {
        // A word head at position 0 doubles the bonus: 16 − 1 + 16.
        assert_eq!(our_score("fine", "f"), Some(31));
        // Head of a later word: 16 − 1 + 8, then 16 + 4 per consecutive char.
        assert_eq!(our_score("a fine", "fi"), Some(23 + 20));
        assert_eq!(our_score("a fine", "x"), None);
        assert_eq!(our_score("", "x"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn equals_the_matcher_on_arbitrary_strings(
            text in "[ab cA.(0é-]{0,40}",
            word in "[ab cA.(0é-]{1,6}",
        ) {
            prop_assert_eq!(our_score(&text, &word), matcher_score(&text, &word));
        }

        #[test]
        fn equals_the_matcher_on_any_unicode(text in "\\PC{0,60}", word in "\\PC{1,4}") {
            prop_assert_eq!(our_score(&text, &word), matcher_score(&text, &word));
        }
    }
}

//! Search while a query is typed: each keystroke is answered from the
//! previous one.
//!
//! A word's score is the last row of a score matrix, and the rows of a
//! word's first characters do not depend on the characters that follow.
//! So the session keeps, for every text still matching, the last row of
//! the word being typed (only the cells where its character occurs); a key
//! that adds a character computes one more row from it, over the texts
//! that matched before. Only a query that is not the previous one plus
//! characters (a deletion, a paste, an edit in the middle) is matched from
//! scratch. The ranking is always the one [`SearchIndex::search`] gives.

use std::sync::Arc;

use rayon::prelude::*;

use super::skim_score::{
    Cell, Scratch, Symbol, after_first, best_of, first_row, last_row, next_row,
};
use super::{Candidate, Query, SearchHit, SearchIndex, char_bit, rank};

/// Texts per parallel task: the unit the session's state is split in.
const CHUNK: usize = 4096;

/// A text that matches the query so far.
#[derive(Debug, Clone, Copy)]
struct Entry {
    item: usize,
    /// The prior plus the scores of the query's words before the last.
    finished: i64,
    /// The best cell of the last word's row: its score so far.
    best: i32,
    /// The last word's row: `cells[start..start + len]` of the chunk.
    start: usize,
    len: usize,
}

/// Some of the matching texts and the rows of their last word.
#[derive(Debug, Default)]
struct Chunk {
    entries: Vec<Entry>,
    cells: Vec<Cell>,
}

/// One character added to the query.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Another character of the last word.
    Extend(char),
    /// The first character of a new word.
    NewWord(char),
}

/// A search being typed over an index. See the module documentation.
pub struct SearchSession {
    index: Arc<SearchIndex>,
    /// The folded words the state answers.
    words: Vec<String>,
    chunks: Vec<Chunk>,
    /// The chunks before the last step, their memory reused by the next,
    /// so that a key does not allocate (and fault in) megabytes afresh.
    spare: Vec<Chunk>,
    hits: Vec<SearchHit>,
    /// Whether `hits` are ranked (else in item order).
    ranked: bool,
}

impl std::fmt::Debug for SearchSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchSession")
            .field("words", &self.words)
            .field("hits", &self.hits.len())
            .finish()
    }
}

/// The characters that turn the words `old` into `new`, when `new` is
/// `old` with characters added at the end (spaces aside).
fn steps(old: &[String], new: &[String]) -> Option<Vec<Step>> {
    let (last, before) = old.split_last()?;
    if new.len() < old.len() || new[..before.len()] != *before {
        return None;
    }
    let grown = new[before.len()].strip_prefix(last.as_str())?;
    let mut steps: Vec<Step> = grown.chars().map(Step::Extend).collect();
    for word in &new[old.len()..] {
        let mut chars = word.chars();
        steps.extend(chars.next().map(Step::NewWord));
        steps.extend(chars.map(Step::Extend));
    }
    Some(steps)
}

/// Appends to `cells` the row of `symbol` typed as `step`, from `row`, the
/// row of the character before in the same word.
fn step_cells<S: Symbol>(text: &[S], symbol: S, step: Step, row: &[Cell], cells: &mut Vec<Cell>) {
    match step {
        Step::Extend(_) => {
            let from = after_first(row).min(text.len());
            next_row(text, symbol, from..text.len(), row, cells);
        }
        Step::NewWord(_) => first_row(text, symbol, 0..text.len(), cells),
    }
}

impl Candidate<'_> {
    /// Appends the row of the step's character to `cells`, from `row`, the
    /// row of the character before in the same word.
    fn step_row(&self, step: Step, row: &[Cell], cells: &mut Vec<Cell>) {
        let (Step::Extend(symbol) | Step::NewWord(symbol)) = step;
        match (self.chars, u8::try_from(symbol)) {
            (Some(chars), _) => step_cells(chars, symbol, step, row, cells),
            (None, Ok(byte)) if byte.is_ascii() => {
                step_cells(self.folded.as_bytes(), byte, step, row, cells);
            }
            // An ASCII text cannot hold a character that is not.
            (None, _) => {}
        }
    }

    /// The whole last row of `word` (its chars are `word_chars`).
    fn word_row<'s>(
        &self,
        word: &str,
        word_chars: &[char],
        scratch: &'s mut Scratch,
    ) -> Option<&'s [Cell]> {
        match self.chars {
            Some(chars) => last_row(chars, word_chars, scratch),
            None if word.is_ascii() => last_row(self.folded.as_bytes(), word.as_bytes(), scratch),
            None => None,
        }
    }
}

impl Chunk {
    fn clear(&mut self) {
        self.entries.clear();
        self.cells.clear();
    }

    /// Fills `next` (cleared first) with the entries that still match once
    /// `step` is typed, and their new rows.
    fn step_into(&self, index: &SearchIndex, step: Step, next: &mut Chunk) {
        let (Step::Extend(c) | Step::NewWord(c)) = step;
        let bit = char_bit(c);
        next.clear();
        for entry in &self.entries {
            if index.candidates.mask(entry.item) & bit == 0 {
                continue;
            }
            let Some(candidate) = index.candidates.get(entry.item) else {
                continue;
            };
            let start = next.cells.len();
            let row = &self.cells[entry.start..entry.start + entry.len];
            candidate.step_row(step, row, &mut next.cells);
            let Some(best) = best_of(&next.cells[start..]) else {
                continue;
            };
            let finished = match step {
                Step::Extend(_) => entry.finished,
                Step::NewWord(_) => entry.finished + i64::from(entry.best),
            };
            next.entries.push(Entry {
                item: entry.item,
                finished,
                best,
                start,
                len: next.cells.len() - start,
            });
        }
    }
}

impl SearchSession {
    /// A session with an empty query.
    pub fn new(index: Arc<SearchIndex>) -> SearchSession {
        let hits = index.search("");
        SearchSession {
            index,
            words: Vec::new(),
            chunks: Vec::new(),
            spare: Vec::new(),
            hits,
            ranked: true,
        }
    }

    /// The ranked hits of `query`: the same as [`SearchIndex::search`].
    pub fn search(&mut self, query: &str) -> &[SearchHit] {
        self.answer(query);
        if !self.ranked {
            rank(&mut self.hits);
            self.ranked = true;
        }
        &self.hits
    }

    /// The hits of `query` in text order, unranked: the same as
    /// [`SearchIndex::matches`], for a caller that ranks them its own way.
    pub fn matches(&mut self, query: &str) -> &[SearchHit] {
        self.answer(query);
        if self.ranked {
            // Ranked by an earlier `search` of the same words.
            self.hits.sort_unstable_by_key(|h| h.item);
            self.ranked = false;
        }
        &self.hits
    }

    /// Brings `hits` to the hits of `query`, in text order, unless they
    /// already are those of its words.
    fn answer(&mut self, query: &str) {
        let query = Query::new(query);
        if query.words == self.words {
            return;
        }
        if query.is_empty() {
            self.words.clear();
            self.chunks.iter_mut().for_each(Chunk::clear);
            self.hits.clear();
            self.hits
                .extend((0..self.index.len()).map(|item| SearchHit { item, score: 0 }));
            // Every score is 0, so text order is the ranked order.
            self.ranked = true;
            return;
        }
        match steps(&self.words, &query.words) {
            Some(steps) => {
                for step in steps {
                    let index = &self.index;
                    self.spare.resize_with(self.chunks.len(), Chunk::default);
                    self.chunks
                        .par_iter()
                        .zip(self.spare.par_iter_mut())
                        .for_each(|(chunk, next)| chunk.step_into(index, step, next));
                    std::mem::swap(&mut self.chunks, &mut self.spare);
                }
            }
            None => {
                self.match_from_scratch(&query);
                std::mem::swap(&mut self.chunks, &mut self.spare);
            }
        }
        self.words = query.words;
        self.hits.clear();
        self.hits.extend(self.chunks.iter().flat_map(|chunk| {
            chunk.entries.iter().map(|e| SearchHit {
                item: e.item,
                score: e.finished + i64::from(e.best),
            })
        }));
        self.ranked = false;
    }

    /// Every text against the query, into the spare chunks: the complete
    /// words scored, the last one's row kept.
    fn match_from_scratch(&mut self, query: &Query) {
        let Some((last, complete)) = query.words.split_last() else {
            return;
        };
        let chars = &query.word_chars;
        let mask = query.mask;
        let index = &self.index;
        let count = index.candidates.len();
        self.spare
            .resize_with(count.div_ceil(CHUNK), Chunk::default);
        self.spare.par_iter_mut().enumerate().for_each_init(
            Scratch::default,
            |scratch, (n, chunk)| {
                chunk.clear();
                for item in n * CHUNK..count.min((n + 1) * CHUNK) {
                    if index.candidates.mask(item) & mask != mask {
                        continue;
                    }
                    let Some(candidate) = index.candidates.get(item) else {
                        continue;
                    };
                    let finished = complete.iter().zip(chars).try_fold(
                        index.prior(item),
                        |total, (word, word_chars)| {
                            let score = candidate.word_score(word, word_chars, scratch)?;
                            Some(total + i64::from(score))
                        },
                    );
                    let Some(finished) = finished else {
                        continue;
                    };
                    let Some(row) = candidate.word_row(last, &chars[complete.len()], scratch)
                    else {
                        continue;
                    };
                    let start = chunk.cells.len();
                    chunk.cells.extend_from_slice(row);
                    chunk.entries.push(Entry {
                        item,
                        finished,
                        best: best_of(row).unwrap_or_default(),
                        start,
                        len: row.len(),
                    });
                }
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_gives_the_ranking_of_a_fresh_search() {
        let texts = crate::synthetic::claim_texts(5000, 3);
        let index = Arc::new(SearchIndex::new(&texts));
        let mut session = SearchSession::new(Arc::clone(&index));
        // Typed one key at a time, with a deletion, a new word, a paste,
        // spaces and a character no text holds.
        let typed = [
            "b",
            "bo",
            "boa",
            "boa ",
            "boa m",
            "boa me",
            "boa m",
            "boa mil",
            "",
            "Zü",
            "zür",
            "paid million 2012",
            "paid million 2012x",
            "paid",
            "p  a",
            "é",
            "the company",
        ];
        for query in typed {
            let hits = session.search(query).to_vec();
            assert_eq!(hits, index.search(query), "query {query:?}");
        }
    }

    #[test]
    fn steps_only_for_added_characters() {
        let words = |q: &str| crate::search::fold_query(q);
        assert!(matches!(
            steps(&words("boa"), &words("boar d")).as_deref(),
            Some([Step::Extend('r'), Step::NewWord('d')])
        ));
        assert!(steps(&words("boa"), &words("bo")).is_none());
        assert!(steps(&words("boa m"), &words("boa")).is_none());
        assert!(steps(&words("boa m"), &words("bob m")).is_none());
        assert!(steps(&[], &words("b")).is_none());
    }
}

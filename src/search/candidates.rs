//! The texts of a search index, folded once and stored side by side.
//!
//! A keystroke reads every text still matching, so the layout is what the
//! time goes to: all folded texts in one buffer, in index order (a pass
//! over them reads memory in order), their character masks in an array of
//! their own (most rejections read nothing else), and the chars and the way
//! back to the original bytes only for texts that are not ASCII (for ASCII
//! text, folded byte n is original byte n).

use std::ops::Range;

use rayon::prelude::*;

use super::{PARALLEL_CHUNK, char_bit, fold_char, fold_into};

/// What a text that is not ASCII needs besides its folded bytes.
#[derive(Debug)]
struct NonAscii {
    /// The chars of the folded text, when it is not ASCII either (an
    /// accented word folds to ASCII).
    chars: Option<Box<[char]>>,
    /// For the n-th char of the folded text, the byte range of the
    /// original char it came from.
    origin: Box<[Range<usize>]>,
}

/// One folded text, as scoring reads it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate<'a> {
    pub folded: &'a str,
    /// The chars of `folded` when it is not ASCII (ASCII is scored by byte).
    pub chars: Option<&'a [char]>,
    origin: Option<&'a [Range<usize>]>,
}

impl Candidate<'_> {
    /// The byte range of the original character that folded char `n` came from.
    pub fn origin(&self, n: usize) -> Option<Range<usize>> {
        match self.origin {
            Some(origin) => origin.get(n).cloned(),
            None => (n < self.folded.len()).then_some(n..n + 1),
        }
    }
}

/// Folded texts, by item.
#[derive(Debug, Default)]
pub(super) struct Candidates {
    /// Every folded text, one after the other.
    folded: String,
    /// Where text n ends in `folded` (it starts where text n − 1 ends).
    ends: Vec<usize>,
    /// Which characters occur in each text (see [`char_bit`]).
    masks: Vec<u64>,
    non_ascii: Vec<Option<Box<NonAscii>>>,
}

/// Folds one text: the folded text, its mask and, when it is not ASCII,
/// its chars and origins.
fn fold_text(text: &str) -> (String, u64, Option<Box<NonAscii>>) {
    let mut folded = String::with_capacity(text.len());
    if text.is_ascii() {
        let mask = fold_into(text, &mut folded);
        return (folded, mask, None);
    }
    let mut mask = 0u64;
    let mut origin = Vec::with_capacity(text.len());
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
    let chars = (!folded.is_ascii()).then(|| folded.chars().collect());
    let non_ascii = NonAscii {
        chars,
        origin: origin.into_boxed_slice(),
    };
    (folded, mask, Some(Box::new(non_ascii)))
}

impl Candidates {
    /// Folds every text, on both cores.
    pub fn new<S: AsRef<str> + Sync>(texts: &[S]) -> Candidates {
        let folded: Vec<(String, u64, Option<Box<NonAscii>>)> = texts
            .par_iter()
            .with_min_len(PARALLEL_CHUNK)
            .map(|t| fold_text(t.as_ref()))
            .collect();
        let mut candidates = Candidates {
            folded: String::with_capacity(folded.iter().map(|(f, _, _)| f.len()).sum()),
            ends: Vec::with_capacity(folded.len()),
            masks: Vec::with_capacity(folded.len()),
            non_ascii: Vec::with_capacity(folded.len()),
        };
        for (text, mask, non_ascii) in folded {
            candidates.folded.push_str(&text);
            candidates.ends.push(candidates.folded.len());
            candidates.masks.push(mask);
            candidates.non_ascii.push(non_ascii);
        }
        candidates
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The character mask of text `item` (0 when out of range: it holds
    /// no character).
    pub fn mask(&self, item: usize) -> u64 {
        self.masks.get(item).copied().unwrap_or(0)
    }

    pub fn get(&self, item: usize) -> Option<Candidate<'_>> {
        let end = *self.ends.get(item)?;
        let start = match item.checked_sub(1) {
            Some(before) => self.ends[before],
            None => 0,
        };
        let non_ascii = self.non_ascii[item].as_deref();
        Some(Candidate {
            folded: &self.folded[start..end],
            chars: non_ascii.and_then(|n| n.chars.as_deref()),
            origin: non_ascii.map(|n| &*n.origin),
        })
    }
}

//! Wire copies: articles that are one agency story run by several sites.
//!
//! An agency's story reaches many sites with small edits: a new opening
//! line, a trimmed ending, the site's own headline and furniture. Counted as
//! independent articles, the copies would inflate corroboration ("4
//! articles" when one agency said it once), so copies are found here and a
//! claim's support is counted by independent sources.
//!
//! Two articles are copies when most of the shorter one's word 5-shingles
//! (runs of five words) are in the longer one. Independent reports of one
//! event share names, figures and the odd quote, but seldom five words in a
//! row over most of their text. The shingles come from the article's
//! passages, so furniture lines the cleaner sets aside do not count.
//!
//! Comparing every pair of a day of news (10,000 articles, 50 million pairs)
//! would take minutes, so MinHash with locality-sensitive hashing proposes
//! the pairs: 64 min-hashes an article, 32 bands of 2; two articles are
//! compared when one band agrees. A pair whose shingle sets overlap by a
//! third (Jaccard 0.33, a copy cut to half its length) is proposed with
//! probability 0.97, one overlapping by half with 0.9999; the exact
//! containment test then decides, so a proposal never makes a copy by
//! itself.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::corpus::{Article, Corpus};

/// Words in a shingle.
const SHINGLE_WORDS: usize = 5;

/// Share of the shorter article's shingles found in the longer one from which
/// two articles are copies. Measured (`cargo run --release --example
/// wire_copies`): between articles of one story in `tests/data/stories` the
/// highest share is far below, and copies made by rewriting a story's
/// opening, dropping its closing and adding furniture stay far above.
pub const COPY_THRESHOLD: f32 = 0.5;

/// An article shorter than this many shingles is never called a copy: a few
/// sentences can coincide by chance.
const MIN_SHINGLES: usize = 12;

/// The set of an article's word shingles, sorted, for exact comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    shingles: Vec<u64>,
}

impl Fingerprint {
    /// The fingerprint of an article's passages (its news text).
    pub fn of_article(article: &Article) -> Fingerprint {
        let text: Vec<String> = article
            .passages
            .iter()
            .map(|p| article.passage_plain_text(p).into_owned())
            .collect();
        Fingerprint::of_text(&text.join("\n"))
    }

    /// The fingerprint of any text.
    pub fn of_text(text: &str) -> Fingerprint {
        // Each word is hashed as it is read (lower-cased letters and digits),
        // and a shingle's hash combines its words' hashes in order.
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|word| {
                let mut hasher = DefaultHasher::new();
                for c in word.chars().flat_map(char::to_lowercase) {
                    c.hash(&mut hasher);
                }
                hasher.finish()
            })
            .collect();
        let mut shingles: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|window| {
                window
                    .iter()
                    .fold(0u64, |acc, &w| mix(acc.rotate_left(17) ^ w))
            })
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        Fingerprint { shingles }
    }

    pub fn len(&self) -> usize {
        self.shingles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }

    /// Share of the smaller set that is in the other: 1.0 when one text is
    /// wholly inside the other, near 0 for independent texts.
    pub fn containment(&self, other: &Fingerprint) -> f32 {
        let smaller = self.len().min(other.len());
        if smaller == 0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < self.shingles.len() && j < other.shingles.len() {
            match self.shingles[i].cmp(&other.shingles[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f32 / smaller as f32
    }

    /// Whether two articles are copies of one story.
    pub fn is_copy_of(&self, other: &Fingerprint) -> bool {
        self.len().min(other.len()) >= MIN_SHINGLES && self.containment(other) >= COPY_THRESHOLD
    }
}

/// Which articles of a corpus are copies, and of which.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireCopies {
    /// For each article, the article it copies (the first of its group:
    /// earliest date, then first in the folder), or `None`.
    pub copy_of: Vec<Option<usize>>,
}

impl WireCopies {
    pub fn find(corpus: &Corpus) -> WireCopies {
        let fingerprints: Vec<Fingerprint> = corpus
            .articles
            .par_iter()
            .map(Fingerprint::of_article)
            .collect();
        let n = fingerprints.len();
        // Union-find over the pairs that are copies: a copy of a copy is a copy.
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for (i, j) in candidate_pairs(&fingerprints) {
            if fingerprints[i].is_copy_of(&fingerprints[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
        let groups: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
        // The original of a group: the earliest dated article, then the first.
        let mut original: Vec<usize> = (0..n).collect();
        for (i, &group) in groups.iter().enumerate() {
            let best = original[group];
            if earlier(&corpus.articles[i], i, &corpus.articles[best], best) {
                original[group] = i;
            }
        }
        let copy_of = (0..n)
            .map(|i| {
                let first = original[groups[i]];
                (first != i).then_some(first)
            })
            .collect();
        WireCopies { copy_of }
    }

    /// The article that stands for `article`'s group: itself, or what it copies.
    pub fn source_of(&self, article: usize) -> usize {
        self.copy_of
            .get(article)
            .copied()
            .flatten()
            .unwrap_or(article)
    }

    /// The article that `article` copies, if it is a copy.
    pub fn source_of_copy(&self, article: usize) -> Option<usize> {
        self.copy_of.get(article).copied().flatten()
    }

    /// How many copies stand behind an original, itself not counted.
    pub fn copies_of(&self, article: usize) -> usize {
        self.copy_of.iter().filter(|c| **c == Some(article)).count()
    }

    /// Independent sources among some articles: copies of one story count once.
    pub fn count_sources(&self, articles: &[usize]) -> usize {
        let mut sources: Vec<usize> = articles.iter().map(|&a| self.source_of(a)).collect();
        sources.sort_unstable();
        sources.dedup();
        sources.len()
    }

    pub fn any(&self) -> bool {
        self.copy_of.iter().any(Option::is_some)
    }
}

/// Min-hashes an article, and how they are banded: `BANDS * ROWS == HASHES`.
const HASHES: usize = 64;
const BANDS: usize = 32;
const ROWS: usize = 2;

/// The pairs `(i, j)`, `i < j`, that agree on at least one band of their
/// MinHash signatures, in order; articles too short to be copies are left out.
fn candidate_pairs(fingerprints: &[Fingerprint]) -> Vec<(usize, usize)> {
    let signatures: Vec<Option<[u64; HASHES]>> = fingerprints
        .par_iter()
        .map(|f| (f.len() >= MIN_SHINGLES).then(|| min_hashes(f)))
        .collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, signature) in signatures.iter().enumerate() {
        let Some(signature) = signature else { continue };
        for (band, rows) in signature.chunks(ROWS).take(BANDS).enumerate() {
            let key = rows
                .iter()
                .fold(0u64, |acc, &h| mix(acc.rotate_left(23) ^ h));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in buckets.into_values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The smallest value of each of `HASHES` hash functions over the shingles.
fn min_hashes(fingerprint: &Fingerprint) -> [u64; HASHES] {
    // The k-th hash is h1 + k·h2 (Kirsch and Mitzenmacher): two mixes a
    // shingle instead of 64, and the minima are as good for banding.
    let mut minima = [u64::MAX; HASHES];
    for &shingle in &fingerprint.shingles {
        let h1 = mix(shingle ^ SEEDS[0]);
        let h2 = mix(shingle ^ SEEDS[1]) | 1;
        let mut h = h1;
        for minimum in minima.iter_mut() {
            *minimum = (*minimum).min(h);
            h = h.wrapping_add(h2);
        }
    }
    minima
}

/// The seeds of the two base hashes: fixed, so a folder always gives the
/// same copies (the first digits of pi and of e).
const SEEDS: [u64; 2] = [0x243F_6A88_85A3_08D3, 0xB7E1_5162_8AED_2A6A];

/// A 64-bit finaliser (MurmurHash3's): every input bit moves every output bit.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// How a claim's support reads: "4 articles" when every article is its own
/// source, "3 sources" when wire copies make some articles one source.
pub fn support_label(sources: usize, articles: usize) -> String {
    let (n, word) = if sources < articles {
        (sources, "source")
    } else {
        (articles, "article")
    };
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Whether article `a` (at `i`) came before article `b` (at `j`): by ISO
/// date when both have one, else by place in the folder.
fn earlier(a: &Article, i: usize, b: &Article, j: usize) -> bool {
    let iso = |d: &Option<String>| {
        d.as_deref()
            .filter(|d| d.len() >= 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
            .map(|d| d[..10].to_string())
    };
    match (iso(&a.date), iso(&b.date)) {
        (Some(x), Some(y)) if x != y => x < y,
        _ => i < j,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Storm floods coastal towns\n\nA storm flooded three coastal towns on Tuesday and cut power to 40,000 homes, the regional government said.\n\nRescue teams worked through the night to reach families cut off by the water, officials said.\n\nForecasters said the rain should ease by the weekend, though rivers would stay high for several days.\n\nThe government has promised emergency funds for the towns worst hit by the flooding.\n";

    #[test]
    fn an_edited_copy_is_a_copy_and_an_independent_report_is_not() {
        let copy = WIRE
            .replace("A storm flooded", "LONDON (Wire) — A storm flooded")
            .replace(
                "The government has promised emergency funds for the towns worst hit by the flooding.\n",
                "Sign up for our newsletter.\n",
            );
        let independent = "Coast towns under water\n\nThree towns on the coast were under water on Tuesday after a night of heavy rain, and some 40,000 homes lost power.\n\nThe mayor said crews had reached most of the stranded families by morning.\n\nMore rain is expected before the weekend.\n";
        let wire = Fingerprint::of_text(WIRE);
        assert!(wire.is_copy_of(&Fingerprint::of_text(&copy)));
        assert!(!wire.is_copy_of(&Fingerprint::of_text(independent)));
    }

    #[test]
    fn minhash_proposes_copies_and_few_independent_pairs() {
        let wire = Fingerprint::of_text(WIRE);
        let half: Vec<&str> = WIRE.split("\n\n").take(3).collect();
        let half = Fingerprint::of_text(&half.join("\n\n"));
        let other = Fingerprint::of_text(
            "Something else entirely happened in another town on Monday, according to the police there, who gave no further details about the fire or the people hurt by it.",
        );
        assert_eq!(
            candidate_pairs(&[wire.clone(), half.clone(), other]),
            vec![(0, 1)]
        );
        assert!(wire.is_copy_of(&half));
    }

    #[test]
    fn sources_count_copies_once_and_the_earliest_is_the_original() {
        let mut corpus = Corpus::default();
        let texts = [
            ("a", WIRE.to_string()),
            ("b", WIRE.replace("Tuesday", "Tuesday morning")),
            ("c", "Other take\n\nSomething else entirely happened in another town on Monday, according to the police there, who gave no further details.\n".to_string()),
        ];
        for (id, text) in texts {
            corpus
                .articles
                .push(Article::parse(id, format!("{id}.txt"), text));
        }
        corpus.articles[1].date = Some("2024-03-01".to_string());
        corpus.articles[0].date = Some("2024-03-02".to_string());
        let copies = WireCopies::find(&corpus);
        assert_eq!(copies.copy_of, vec![Some(1), None, None]);
        assert_eq!(copies.count_sources(&[0, 1, 2]), 2);
        assert_eq!(copies.copies_of(1), 1);
    }
}

//! Fuzzy search over claims, on corpora the benchmark builds itself: the
//! size of a busy story (2,000 claims) and ten times that. A keystroke
//! costs one `search`; building the index happens once.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdigest::search::SearchIndex;

const WORDS: &[&str] = &[
    "Netflix",
    "Facebook",
    "Meta",
    "board",
    "Hastings",
    "lawsuit",
    "messages",
    "private",
    "Zürich",
    "Beyoncé",
    "access",
    "court",
    "documents",
    "advertising",
    "millions",
    "users",
    "data",
    "partnership",
    "denied",
    "allegations",
    "東京",
    "🚀",
    "agreement",
    "inbox",
];

/// Deterministic sentences of 8 to 30 words.
fn claims(count: usize) -> Vec<String> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = 8 + (next() % 23) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect();
            format!("{}.", words.join(" "))
        })
        .collect()
}

fn bench_search(c: &mut Criterion) {
    for count in [2_000, 20_000] {
        let texts = claims(count);
        c.bench_function(&format!("index {count} claims"), |b| {
            b.iter(|| SearchIndex::new(black_box(&texts)))
        });
        let index = SearchIndex::new(&texts);
        for query in ["h", "hastings board", "zurich", "xq"] {
            c.bench_function(&format!("search {count} claims for {query:?}"), |b| {
                b.iter(|| index.search(black_box(query)))
            });
        }
    }
}

criterion_group!(benches, bench_search);
criterion_main!(benches);

//! Fuzzy search over claims, on corpora the benchmark builds itself from
//! the vocabulary of the built-in articles: the size of a busy story (2,000
//! claims) and ten times that. A query costs one `search`, a keystroke
//! while typing one step of a `SearchSession`; building the index happens
//! once.

use std::hint::black_box;

use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsdigest::search::{SearchIndex, SearchSession};

/// The words of the built-in articles, with accented, CJK and emoji words
/// mixed in: a real vocabulary, so that a query matches some claims only.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = newsdigest::corpus::embedded_articles()
        .iter()
        .flat_map(|(_, text)| text.split_whitespace())
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words.extend(["Zürich", "Beyoncé", "東京", "🚀"].map(String::from));
    words
}

/// Deterministic sentences of 8 to 30 words.
fn claims(count: usize) -> Vec<String> {
    let words = vocabulary();
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
            let sentence: Vec<&str> = (0..len)
                .map(|_| words[(next() % words.len() as u64) as usize].as_str())
                .collect();
            format!("{}.", sentence.join(" "))
        })
        .collect()
}

fn bench_search(c: &mut Criterion) {
    for count in [2_000, 20_000] {
        let texts = claims(count);
        c.bench_function(&format!("index {count} claims"), |b| {
            b.iter(|| SearchIndex::new(black_box(&texts)))
        });
        let index = Arc::new(SearchIndex::new(&texts));
        for query in ["h", "hastings board", "zurich", "xq"] {
            c.bench_function(&format!("search {count} claims for {query:?}"), |b| {
                b.iter(|| index.search(black_box(query)))
            });
        }
        // One keystroke while typing: "hastings boar" becomes "hastings board".
        c.bench_function(&format!("session {count} claims, last keystroke"), |b| {
            b.iter_batched(
                || {
                    let mut session = SearchSession::new(Arc::clone(&index));
                    session.search("hastings boar");
                    session
                },
                |mut session| session.search(black_box("hastings board")).len(),
                BatchSize::LargeInput,
            )
        });
    }
}

criterion_group!(benches, bench_search);
criterion_main!(benches);

//! Loading and digesting the five default articles (target: under 50 ms).
//! Run: `cargo bench --bench digest`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdigest::{Corpus, Digest};

fn load_and_digest(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    c.bench_function("load + digest 5 articles", |b| {
        b.iter(|| {
            let corpus = Corpus::load_dir(black_box(&dir)).expect("articles load");
            black_box(Digest::build(&corpus))
        })
    });
    let corpus = Corpus::load_dir(&dir).expect("articles load");
    c.bench_function("digest only, 5 articles", |b| {
        b.iter(|| black_box(Digest::build(black_box(&corpus))))
    });
}

criterion_group!(benches, load_and_digest);
criterion_main!(benches);

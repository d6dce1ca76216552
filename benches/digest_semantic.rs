//! Digest time of the five built-in articles with and without the built-in
//! static embedder, and the one-off cost of parsing that model.

use criterion::{Criterion, criterion_group, criterion_main};
use newsdigest::digest::{DigestOptions, StaticEmbedder};
use newsdigest::{Corpus, Digest};

fn digest_five_articles(c: &mut Criterion) {
    let corpus = Corpus::embedded();
    let lexical = DigestOptions::lexical();
    let semantic = DigestOptions::default();
    c.bench_function("digest five articles, lexical", |b| {
        b.iter(|| Digest::build_with(&corpus, &lexical))
    });
    c.bench_function("digest five articles, with embedder", |b| {
        b.iter(|| Digest::build_with(&corpus, &semantic))
    });
    c.bench_function("parse the built-in model", |b| {
        b.iter(StaticEmbedder::parse_built_in)
    });
}

criterion_group!(benches, digest_five_articles);
criterion_main!(benches);

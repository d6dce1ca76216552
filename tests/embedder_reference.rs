//! The built-in static embedder against Python model2vec, the library that
//! distilled it: the same sentences must get the same cosines, so that the
//! Rust tokenizer, the int8 table and the pooling stay faithful to the model.
//!
//! `tests/data/embedder-pairs.model2vec.txt` holds model2vec's cosines (with
//! the float32 table) for the pairs of `tests/data/embedder-pairs.tsv`;
//! `scripts/distill-model.sh` writes it again with the table.

use newsdigest::digest::{SentenceEmbedder, StaticEmbedder, cosine};

/// The int8 rows move a cosine by about 0.002 at most on STS news pairs.
const TOLERANCE: f32 = 0.005;

#[test]
fn cosines_match_python_model2vec() {
    let pairs = include_str!("data/embedder-pairs.tsv");
    let expected = include_str!("data/embedder-pairs.model2vec.txt");
    let model = StaticEmbedder::built_in();
    let mut compared = 0;
    for (line, want) in pairs.lines().zip(expected.lines()) {
        let (a, b) = line.split_once('\t').expect("two tab-separated sentences");
        let want: f32 = want.trim().parse().expect("a cosine per line");
        let got = cosine(&model.embed(a), &model.embed(b));
        assert!(
            (got - want).abs() <= TOLERANCE,
            "{a:?} / {b:?}: Rust {got:.4}, model2vec {want:.4}"
        );
        compared += 1;
    }
    assert_eq!(
        compared,
        pairs.lines().count(),
        "one reference cosine per pair"
    );
    assert!(compared >= 10);
}

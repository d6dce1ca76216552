//! The development sample's targets, for the default digest (with the
//! built-in embedder) and for the lexical one.

use newsdigest::digest::DigestOptions;
use newsdigest::{Corpus, Digest, eval};

fn report(options: &DigestOptions) -> eval::EvalReport {
    let json = include_str!("data/dev-gold.json");
    let gold = eval::Gold::from_json(json).expect("dev-gold.json parses");
    let corpus = Corpus::embedded();
    let digest = Digest::build_with(&corpus, options);
    eval::evaluate(&corpus, &digest, &gold)
}

#[test]
fn default_digest_meets_the_development_targets() {
    let report = report(&DigestOptions::default());
    assert!(report.must_link_recall() >= 0.95, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
    assert_eq!(report.noise_offered, 0, "{}", report.summary());
}

#[test]
fn lexical_digest_meets_the_development_targets() {
    let report = report(&DigestOptions::lexical());
    assert!(report.must_link_recall() >= 0.95, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
    assert_eq!(report.noise_offered, 0, "{}", report.summary());
}

/// Needs the weights: `scripts/fetch-transformer.sh`, then
/// `NEWSDIGEST_TRANSFORMER_DIR=… cargo test --features transformer`.
#[cfg(feature = "transformer")]
#[test]
fn transformer_digest_meets_the_development_targets() {
    use newsdigest::digest::{ScoreWeights, transformer::TransformerEmbedder};
    let Some(dir) = std::env::var_os("NEWSDIGEST_TRANSFORMER_DIR") else {
        eprintln!("NEWSDIGEST_TRANSFORMER_DIR not set: transformer digest test skipped");
        return;
    };
    let embedder =
        TransformerEmbedder::load(std::path::Path::new(&dir), None).expect("model loads");
    let report = report(&DigestOptions {
        weights: ScoreWeights::with_transformer(),
        embedder: Some(Box::new(embedder)),
        exhaustive_pairs: false,
    });
    assert!(report.must_link_recall() >= 0.95, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
    assert_eq!(report.noise_offered, 0, "{}", report.summary());
}

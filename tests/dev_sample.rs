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

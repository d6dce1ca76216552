//! The digest measured against the labelled development sample.

use std::path::Path;

use newsdigest::eval::{Gold, evaluate};
use newsdigest::{Corpus, Digest};

#[test]
fn development_sample_meets_its_targets() {
    let corpus = Corpus::load_dir(Path::new("articles")).expect("the default articles load");
    let gold = Gold::from_json(include_str!("data/dev-gold.json")).expect("the sample parses");
    let digest = Digest::build(&corpus);
    let report = evaluate(&corpus, &digest, &gold);
    println!("dev sample: {}", report.summary());
    for miss in &report.misses {
        println!("  {miss:?}");
    }
    assert!(
        !report
            .misses
            .iter()
            .any(|m| matches!(m, newsdigest::eval::Miss::NotFound(_))),
        "every labelled passage is found whole"
    );
    assert!(report.must_link_recall() >= 0.9, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
    assert_eq!(report.noise_offered, 0, "{}", report.summary());
}

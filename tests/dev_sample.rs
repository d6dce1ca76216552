//! The development sample's targets, for the default digest (with the
//! built-in embedder) and for the lexical one; and the team's own labels
//! of the same articles (`data/team-labels.json`).

use newsdigest::digest::DigestOptions;
use newsdigest::{Corpus, Digest, eval};

fn report(options: &DigestOptions) -> eval::EvalReport {
    report_on(include_str!("data/dev-gold.json"), options)
}

fn report_on(json: &str, options: &DigestOptions) -> eval::EvalReport {
    let gold = eval::Gold::from_json(json).expect("the labels parse");
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

/// A denial reported and quoted is one claim; an earlier outlet's report,
/// an allegation and the defence that answers them are three.
#[test]
fn default_digest_keeps_the_team_labels() {
    let report = report_on(
        include_str!("data/team-labels.json"),
        &DigestOptions::default(),
    );
    assert_eq!(report.must_link_recall(), 1.0, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
}

/// Word overlap alone cannot tell "denied claims that Netflix had access"
/// and "didn't share … messages" are one denial; it must still keep the
/// allegation, the report and the defence apart.
#[test]
fn lexical_digest_joins_none_of_the_team_cannot_links() {
    let report = report_on(
        include_str!("data/team-labels.json"),
        &DigestOptions::lexical(),
    );
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
}

#[test]
fn lexical_digest_meets_the_development_targets() {
    let report = report(&DigestOptions::lexical());
    assert!(report.must_link_recall() >= 0.95, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
    assert_eq!(report.noise_offered, 0, "{}", report.summary());
}

/// The built-in transformer (`--transformer`), on the sample its hand
/// threshold was set on.
#[test]
fn transformer_digest_meets_the_development_targets() {
    let options = DigestOptions::transformer(None, None).expect("no cache to create");
    let report = report(&options);
    assert!(report.must_link_recall() >= 0.95, "{}", report.summary());
    assert_eq!(report.cannot_link_joined, 0, "{}", report.summary());
    assert_eq!(report.noise_offered, 0, "{}", report.summary());
}

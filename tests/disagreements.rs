//! Disputes and discrepancies, measured on labelled cases from the five
//! articles: which claims deny which, which values disagree, and pairs that
//! must not be reported.

use newsdigest::digest::DigestOptions;
use newsdigest::disputes::{Disagreements, DiscrepancyKind, find};
use newsdigest::text::fold_for_match;
use newsdigest::{Corpus, Digest, PassageRef};

/// (asserting passage, denying passage)
const DISPUTES: &[(&str, &str)] = &[
    (
        "Lawyers claim Netflix could access user message inboxes",
        "Meta didn't share people's private messages with Netflix",
    ),
    (
        "providing programmatic access to users' private message inboxes",
        "Meta didn't share people's private messages with Netflix",
    ),
    (
        "Facebook provided access to users' private messages in return for their viewing history",
        "Meta didn't share people's private messages",
    ),
];
const NOT_DISPUTES: &[(&str, &str)] = &[
    (
        "Such agreements are commonplace in the industry",
        "Meta didn't share people's private messages",
    ),
    (
        "paid Facebook over $100 million",
        "Meta didn't share people's private messages",
    ),
    (
        "The document is part of a lawsuit against Meta filed by",
        "While Meta denies any wrongdoing",
    ),
];
/// (passage, passage, kind of value that differs)
const DISCREPANCIES: &[(&str, &str, DiscrepancyKind)] = &[
    (
        "$150 million yearly by early 2019",
        "$150 million in 2017",
        DiscrepancyKind::Year,
    ),
    (
        "The Guardian reported that Facebook had granted Netflix",
        "one by The New York Times in 2018",
        DiscrepancyKind::Source,
    ),
    (
        "Court documents, filed on March 23",
        "Court documents filed in April 2023",
        DiscrepancyKind::Date,
    ),
];
const NOT_DISCREPANCIES: &[(&str, &str)] = &[
    (
        "In May 2023, Meta was fined",
        "Meta was fined millions for a data leak",
    ),
    (
        "allegedly shared users' DMs with Netflix for almost a decade",
        "Meta gave Netflix access to user data for ten years",
    ),
    (
        "served on Facebook's board from 2011 to 2019",
        "Hastings joining Facebook's board in 2011",
    ),
    (
        "Court documents filed in April 2023",
        "These documents were filed last April",
    ),
];

fn locate(corpus: &Corpus, label: &str) -> Vec<PassageRef> {
    let needle = fold_for_match(label);
    let mut out = Vec::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        for p in &article.passages {
            if fold_for_match(article.passage_text(p)).contains(&needle) {
                out.push(PassageRef {
                    article: a,
                    passage: p.index,
                });
            }
        }
    }
    assert!(!out.is_empty(), "no passage holds {label:?}");
    out
}

fn disputed(
    corpus: &Corpus,
    digest: &Digest,
    found: &Disagreements,
    asserting: &str,
    denying: &str,
) -> bool {
    let claims = |label: &str| -> Vec<usize> {
        locate(corpus, label)
            .iter()
            .flat_map(|r| digest.claims_of(*r).to_vec())
            .collect()
    };
    let (ca, cd) = (claims(asserting), claims(denying));
    found
        .disputes
        .iter()
        .any(|d| ca.contains(&d.asserting) && cd.contains(&d.denying))
}

fn discrepant(corpus: &Corpus, found: &Disagreements, a: &str, b: &str) -> Option<DiscrepancyKind> {
    let (ra, rb) = (locate(corpus, a), locate(corpus, b));
    // Each side names every passage that gives its values.
    let on = |side: &newsdigest::disputes::DiscrepantValue, refs: &[PassageRef]| {
        side.passages.iter().any(|p| refs.contains(p))
    };
    found.discrepancies.iter().find_map(|d| {
        let [x, y] = &d.sides;
        let hit = (on(x, &ra) && on(y, &rb)) || (on(y, &ra) && on(x, &rb));
        hit.then_some(d.kind)
    })
}

#[test]
fn labelled_disputes_and_discrepancies_are_found() {
    let corpus = Corpus::embedded();
    let options = DigestOptions::default();
    let digest = Digest::build_with(&corpus, &options);
    let found = find(&corpus, &digest, &options);

    let dispute_hits = DISPUTES
        .iter()
        .filter(|(a, d)| disputed(&corpus, &digest, &found, a, d))
        .count();
    let dispute_false = NOT_DISPUTES
        .iter()
        .filter(|(a, d)| disputed(&corpus, &digest, &found, a, d))
        .count();
    let discrepancy_hits = DISCREPANCIES
        .iter()
        .filter(|(a, b, kind)| discrepant(&corpus, &found, a, b) == Some(*kind))
        .count();
    let discrepancy_false = NOT_DISCREPANCIES
        .iter()
        .filter(|(a, b)| discrepant(&corpus, &found, a, b).is_some())
        .count();
    println!(
        "disputes: recall {dispute_hits}/{} labelled, {dispute_false}/{} labelled non-disputes reported, {} reported in all",
        DISPUTES.len(),
        NOT_DISPUTES.len(),
        found.disputes.len()
    );
    println!(
        "discrepancies: recall {discrepancy_hits}/{} labelled, {discrepancy_false}/{} labelled non-discrepancies reported, {} reported in all",
        DISCREPANCIES.len(),
        NOT_DISCREPANCIES.len(),
        found.discrepancies.len()
    );
    assert_eq!(dispute_hits, DISPUTES.len());
    assert_eq!(dispute_false, 0);
    assert_eq!(discrepancy_hits, DISCREPANCIES.len());
    assert_eq!(discrepancy_false, 0);
}

#[test]
fn export_carries_stance_source_disputes_and_discrepancies() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(["export", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let passage = &json["claims"][0]["passages"][0];
    assert!(
        ["asserts", "alleges", "reports", "denies"].contains(&passage["stance"].as_str().unwrap())
    );
    assert!(passage.get("source").is_some());
    assert!(!json["disputes"].as_array().unwrap().is_empty());
    let d = &json["disputes"][0];
    assert!(
        d["claim"].as_str().unwrap().starts_with('c')
            && d["denied_by"].as_str().unwrap().starts_with('c')
    );
    let kinds: Vec<&str> = json["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"year") && kinds.contains(&"source"),
        "{kinds:?}"
    );
}

#[test]
fn a_denial_that_points_back_disputes_the_allegation_before_it() {
    let corpus = Corpus::from_texts([
        (
            "a".to_string(),
            "Skyways fined for meltdown refunds\n\n\
             Skyways Airlines will pay $30 million after regulators found it was too slow to refund travelers.\n\n\
             Officials said Skyways deliberately delayed refunds to keep cash on hand.\n\n\
             The airline rejected that claim, saying it never held back refunds on purpose.\n"
                .to_string(),
        ),
        (
            "b".to_string(),
            "Skyways to pay $30M penalty\n\n\
             The federal government fined Skyways $30 million over refunds.\n\n\
             Skyways said it has paid all refunds and will not appeal the penalty.\n"
                .to_string(),
        ),
    ]);
    let options = DigestOptions::default();
    let digest = Digest::build_with(&corpus, &options);
    let found = find(&corpus, &digest, &options);
    assert!(
        disputed(
            &corpus,
            &digest,
            &found,
            "deliberately delayed refunds",
            "rejected that claim"
        ),
        "{:?}",
        found.disputes
    );
    // The denial answers the allegation, not the fine.
    assert!(!disputed(
        &corpus,
        &digest,
        &found,
        "will pay $30 million",
        "rejected that claim"
    ));
}

/// One event dated differently by two outlets is a discrepancy even when
/// the sentences around the dates share nothing else; two events that share
/// a value (a fine in 2023 over a breach of 2022) are not.
#[test]
fn an_event_dated_differently_is_a_discrepancy_and_two_events_are_not() {
    let corpus = Corpus::from_texts([
        (
            "first",
            "Singer wins libel case\n\nThe claim form was issued on 3 November 2023 at the High Court in London.\n\n\
             Acme was fined in May 2023 over a data breach.\n"
                .to_string(),
        ),
        (
            "second",
            "Court rules for singer\n\nHer lawyers said the claim form was issued on 5 November 2023.\n\n\
             Customer records were breached in 2022, the regulator found.\n"
                .to_string(),
        ),
    ]);
    let options = DigestOptions::default();
    let digest = Digest::build_with(&corpus, &options);
    let found = find(&corpus, &digest, &options);
    assert_eq!(
        discrepant(
            &corpus,
            &found,
            "issued on 3 November",
            "issued on 5 November"
        ),
        Some(DiscrepancyKind::Date)
    );
    assert_eq!(
        discrepant(&corpus, &found, "fined in May 2023", "breached in 2022"),
        None
    );
}

//! Near-identical copies of a passage meet at any scale (issue 18): the
//! blocking that keeps the digest fast lists at most a few hundred passages
//! per word, and copies that differ by a word or two are not identical
//! texts, so hundreds of them once missed each other.

use newsdigest::digest::DigestOptions;
use newsdigest::{Corpus, Digest, PassageRef, disputes};

/// The five articles of `articles/`, in name order.
fn articles() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("articles/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("a");
            (
                stem.to_string(),
                std::fs::read_to_string(p).expect("article"),
            )
        })
        .collect()
}

/// Copy `k`'s own words: `k` in base four, each digit a stop word, so
/// every copy reads differently while its content words stay the same.
fn marker(k: usize) -> String {
    const DIGITS: [&str; 4] = ["also", "just", "very", "too"];
    let mut words = Vec::new();
    let mut rest = k;
    while rest > 0 {
        words.push(DIGITS[rest % 4]);
        rest /= 4;
    }
    words.join(" ")
}

/// `copies` copies of the five articles; copy 0 is the original, copy `k`
/// has its marker after every "the".
fn copies(copies: usize) -> Corpus {
    let originals = articles();
    Corpus::from_texts((0..copies).flat_map(|k| {
        let marker = marker(k);
        originals.iter().map(move |(id, text)| {
            let text = if marker.is_empty() {
                text.clone()
            } else {
                text.replace(" the ", &format!(" the {marker} "))
            };
            (format!("{id}-{k}"), text)
        })
    }))
}

fn every_copy_meets(count: usize) {
    let options = DigestOptions::default();
    let original = copies(1);
    let one = Digest::build_with(&original, &options);
    let corpus = copies(count);
    let digest = Digest::build_with(&corpus, &options);
    let per_copy = one
        .passages()
        .iter()
        .map(|r| r.article)
        .max()
        .map_or(0, |a| a + 1);
    let mut near = 0;
    for original in one.passages() {
        let text = |r: PassageRef| {
            let article = &corpus.articles[r.article];
            article
                .passage_text(&article.passages[r.passage])
                .to_string()
        };
        let claims = digest.claims_of(*original);
        assert!(!claims.is_empty(), "{original:?} supports a claim");
        for k in 1..count {
            let copy = PassageRef {
                article: k * per_copy + original.article,
                passage: original.passage,
            };
            assert_eq!(
                digest.claims_of(copy),
                claims,
                "copy {k} of “{}” (“{}”) is in the original's claims",
                text(*original),
                text(copy)
            );
            near += usize::from(text(copy) != text(*original));
        }
    }
    // The markers did make copies that are not identical texts.
    assert!(near > one.passages().len() * (count - 1) / 2, "{near}");
    assert_eq!(
        digest.claims.len(),
        one.claims.len(),
        "copies add no claims"
    );
    // Disagreements are found among near-copies as among the originals,
    // each once, each side naming every copy.
    let found = disputes::find(&corpus, &digest, &options);
    let expected = disputes::find(&original, &one, &options);
    assert_eq!(found.disputes.len(), expected.disputes.len());
    assert_eq!(found.discrepancies.len(), expected.discrepancies.len());
    assert!(!found.discrepancies.is_empty());
    for (d, e) in found.discrepancies.iter().zip(&expected.discrepancies) {
        for (side, original_side) in d.sides.iter().zip(&e.sides) {
            assert_eq!(side.values, original_side.values);
            assert_eq!(side.passages.len(), count * original_side.passages.len());
        }
    }
}

#[test]
fn three_hundred_near_copies_of_each_passage_meet() {
    every_copy_meets(300);
}

#[test]
fn a_thousand_near_copies_of_each_passage_meet() {
    every_copy_meets(1000);
}

//! Scoring a digest against labelled passages (the development sample in
//! `tests/data/dev-gold.json`, or any file of the same shape).
//!
//! Passages are named by a substring of one sentence, compared after folding
//! case, accents, quotes, dashes and white space.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::corpus::Corpus;
use crate::digest::{Digest, PassageRef};
use crate::text::fold_for_match;

/// A labelled sample. Unknown keys are refused, so a misspelt key cannot
/// leave a sample silently empty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// What the sample is, for people.
    #[serde(default)]
    pub about: Option<String>,
    #[serde(default)]
    pub must_link: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub cannot_link: Vec<(String, String)>,
    #[serde(default)]
    pub noise: Vec<String>,
}

/// Why a labelled sample cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// Not JSON, or not the shape of a sample (an unknown key, say).
    #[error("{0}")]
    Parse(serde_json::Error),
    #[error("labels nothing: must_link, cannot_link and noise are all empty")]
    Empty,
}

impl From<serde_json::Error> for GoldError {
    fn from(e: serde_json::Error) -> GoldError {
        GoldError::Parse(e)
    }
}

impl Gold {
    pub fn from_json(json: &str) -> Result<Gold, GoldError> {
        let gold: Gold = serde_json::from_str(json)?;
        let labels = gold.must_link.values().any(|group| !group.is_empty());
        if !labels && gold.cannot_link.is_empty() && gold.noise.is_empty() {
            return Err(GoldError::Empty);
        }
        Ok(gold)
    }
}

/// One failed expectation, for the report; shown as a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// A labelled substring found in no passage (a splitting error).
    NotFound(String),
    /// Two passages that should share a claim do not.
    Split { group: String, a: String, b: String },
    /// Two passages that must stay apart share a claim.
    Joined { a: String, b: String },
    /// A noise line was offered as a claim's passage.
    Noise(String),
}

impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Labels come from the sample file: control characters escaped.
        let quote = |label: &str| format!("“{}”", crate::text::escape_controls(label));
        match self {
            Miss::NotFound(label) => write!(
                f,
                "not found: no passage contains {} (split differently, or not news)",
                quote(label)
            ),
            Miss::Split { group, a, b } => write!(
                f,
                "split: {} and {} should share a claim (group {}) but do not",
                quote(a),
                quote(b),
                crate::text::escape_controls(group)
            ),
            Miss::Joined { a, b } => write!(
                f,
                "joined: {} and {} must stay apart but share a claim",
                quote(a),
                quote(b)
            ),
            Miss::Noise(label) => write!(
                f,
                "noise offered: {} is not news but supports a claim",
                quote(label)
            ),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub must_link_pairs: usize,
    pub must_link_kept: usize,
    pub cannot_link_pairs: usize,
    pub cannot_link_joined: usize,
    pub noise_lines: usize,
    pub noise_offered: usize,
    pub misses: Vec<Miss>,
}

impl EvalReport {
    pub fn must_link_recall(&self) -> f64 {
        if self.must_link_pairs == 0 {
            1.0
        } else {
            self.must_link_kept as f64 / self.must_link_pairs as f64
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "must-link recall {:.3} ({}/{} pairs) · cannot-link joined {}/{} · noise offered {}/{}",
            self.must_link_recall(),
            self.must_link_kept,
            self.must_link_pairs,
            self.cannot_link_joined,
            self.cannot_link_pairs,
            self.noise_offered,
            self.noise_lines
        )
    }
}

/// Every passage whose folded text contains the folded label.
fn locate(folded: &[(PassageRef, String)], label: &str) -> Vec<PassageRef> {
    let needle = fold_for_match(label);
    folded
        .iter()
        .filter(|(_, text)| text.contains(&needle))
        .map(|(r, _)| *r)
        .collect()
}

/// Every passage of the corpus with its folded text, for [`locate`].
fn folded_passages(corpus: &Corpus) -> Vec<(PassageRef, String)> {
    corpus
        .articles
        .iter()
        .enumerate()
        .flat_map(|(a, article)| {
            article.passages.iter().map(move |p| {
                (
                    PassageRef {
                        article: a,
                        passage: p.index,
                    },
                    fold_for_match(article.passage_text(p)),
                )
            })
        })
        .collect()
}

/// For each miss, how the digest scored the passages a split or joined
/// pair names (the first passage each label names): the score in their
/// story or the guard that kept them apart. `None` for other misses.
pub fn explain_misses(corpus: &Corpus, digest: &Digest, misses: &[Miss]) -> Vec<Option<String>> {
    let folded = folded_passages(corpus);
    let explain = |a: &str, b: &str| {
        let ra = *locate(&folded, a).first()?;
        let rb = *locate(&folded, b).first()?;
        digest.explain_pair(ra, rb).map(|e| e.to_string())
    };
    misses
        .iter()
        .map(|miss| match miss {
            Miss::Split { a, b, .. } | Miss::Joined { a, b } => explain(a, b),
            _ => None,
        })
        .collect()
}

pub fn evaluate(corpus: &Corpus, digest: &Digest, gold: &Gold) -> EvalReport {
    let folded = folded_passages(corpus);
    let mut report = EvalReport::default();
    let share_claim = |x: &[PassageRef], y: &[PassageRef]| {
        x.iter().any(|a| {
            y.iter().any(|b| {
                let ca = digest.claims_of(*a);
                digest.claims_of(*b).iter().any(|c| ca.contains(c))
            })
        })
    };

    for (group, labels) in &gold.must_link {
        let found: Vec<Vec<PassageRef>> = labels.iter().map(|l| locate(&folded, l)).collect();
        for (label, refs) in labels.iter().zip(&found) {
            if refs.is_empty() {
                report.misses.push(Miss::NotFound(label.clone()));
            }
        }
        for i in 0..labels.len() {
            for j in i + 1..labels.len() {
                report.must_link_pairs += 1;
                if share_claim(&found[i], &found[j]) {
                    report.must_link_kept += 1;
                } else {
                    report.misses.push(Miss::Split {
                        group: group.clone(),
                        a: labels[i].clone(),
                        b: labels[j].clone(),
                    });
                }
            }
        }
    }
    for (a, b) in &gold.cannot_link {
        report.cannot_link_pairs += 1;
        let (ra, rb) = (locate(&folded, a), locate(&folded, b));
        for (label, refs) in [(a, &ra), (b, &rb)] {
            if refs.is_empty() {
                report.misses.push(Miss::NotFound(label.clone()));
            }
        }
        if share_claim(&ra, &rb) {
            report.cannot_link_joined += 1;
            report.misses.push(Miss::Joined {
                a: a.clone(),
                b: b.clone(),
            });
        }
    }
    for label in &gold.noise {
        report.noise_lines += 1;
        let refs = locate(&folded, label);
        if refs.iter().any(|r| !digest.claims_of(*r).is_empty()) {
            report.noise_offered += 1;
            report.misses.push(Miss::Noise(label.clone()));
        }
    }
    report
}

/// How a digest fares on sentences whose facts are known (synthetic news).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactReport {
    /// Labelled sentences found whole as passages.
    pub located: usize,
    pub labels: usize,
    /// Pairs of sentences stating one fact, and how many share a claim.
    pub same_fact_pairs: usize,
    pub same_fact_kept: usize,
    /// Pairs of sentences stating different facts that share a claim.
    pub different_facts_joined: usize,
}

impl FactReport {
    pub fn recall(&self) -> f64 {
        if self.same_fact_pairs == 0 {
            1.0
        } else {
            self.same_fact_kept as f64 / self.same_fact_pairs as f64
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "same-fact recall {:.3} ({}/{} pairs) · different facts joined {} · located {}/{}",
            self.recall(),
            self.same_fact_kept,
            self.same_fact_pairs,
            self.different_facts_joined,
            self.located,
            self.labels
        )
    }
}

/// Scores a digest of a synthetic corpus against its fact labels.
pub fn evaluate_facts(
    corpus: &Corpus,
    digest: &Digest,
    labels: &[crate::synthetic::FactLabel],
) -> FactReport {
    use std::collections::{HashMap, HashSet};
    let mut report = FactReport {
        labels: labels.len(),
        ..FactReport::default()
    };
    // Each label's passage, and the fact behind each labelled passage.
    let mut label_passages: Vec<Option<PassageRef>> = Vec::with_capacity(labels.len());
    let mut fact_of: HashMap<PassageRef, usize> = HashMap::new();
    for label in labels {
        let found = corpus.articles.get(label.article).and_then(|article| {
            article
                .passages
                .iter()
                .find(|p| article.passage_text(p) == label.sentence)
                .map(|p| PassageRef {
                    article: label.article,
                    passage: p.index,
                })
        });
        if let Some(r) = found {
            report.located += 1;
            fact_of.insert(r, label.fact);
        }
        label_passages.push(found);
    }
    let mut by_fact: HashMap<usize, Vec<PassageRef>> = HashMap::new();
    for (label, r) in labels.iter().zip(&label_passages) {
        if let Some(r) = r {
            by_fact.entry(label.fact).or_default().push(*r);
        }
    }
    for refs in by_fact.values() {
        for i in 0..refs.len() {
            for j in i + 1..refs.len() {
                report.same_fact_pairs += 1;
                let ci = digest.claims_of(refs[i]);
                if digest.claims_of(refs[j]).iter().any(|c| ci.contains(c)) {
                    report.same_fact_kept += 1;
                }
            }
        }
    }
    let mut joined: HashSet<(PassageRef, PassageRef)> = HashSet::new();
    for claim in &digest.claims {
        let labelled: Vec<(PassageRef, usize)> = claim
            .support
            .iter()
            .filter_map(|r| fact_of.get(r).map(|f| (*r, *f)))
            .collect();
        for i in 0..labelled.len() {
            for j in i + 1..labelled.len() {
                if labelled[i].1 != labelled[j].1 {
                    joined.insert((labelled[i].0, labelled[j].0));
                }
            }
        }
    }
    report.different_facts_joined = joined.len();
    report
}

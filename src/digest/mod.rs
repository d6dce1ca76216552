//! From passages to claims: features, same-claim scoring, clustering.
//!
//! Every claimable passage (a sentence, a bullet or the title; never a
//! heading, question, filler or noise) is described by its
//! [`PassageFeatures`]. Pairs that share a term or a quantity are scored;
//! pairs that contradict each other (opposite polarity, different numbers)
//! are marked as never to be merged; then average-link clustering groups
//! the passages into claims.

mod cluster;
pub mod embedding;
mod features;
mod polarity;
pub mod quantity;
mod sentence_pairs;
mod similarity;
#[cfg(feature = "transformer")]
pub mod transformer;

pub use embedding::StaticEmbedder;
pub use features::{PassageFeatures, TermWeights};
pub use polarity::{Polarity, polarity};
pub use sentence_pairs::{score_sentence_pairs, sentence_pair_signals};
pub use similarity::{
    Incompatibility, PairScore, ScoreWeights, incompatibility, score, unguarded_score,
};

use std::collections::HashMap;

use crate::corpus::{Corpus, PassageKind};
use cluster::Edge;

/// Names one passage of a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct PassageRef {
    pub article: usize,
    pub passage: usize,
}

/// One distinct assertion and every passage that makes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// "c1", "c2", … in display order.
    pub id: String,
    /// The representative passage's text, white space collapsed.
    pub text: String,
    pub representative: PassageRef,
    /// Supporting passages, in corpus order.
    pub support: Vec<PassageRef>,
    /// Distinct articles behind the claim, in corpus order.
    pub articles: Vec<usize>,
    pub polarity: Polarity,
}

impl Claim {
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }
    pub fn passage_count(&self) -> usize {
        self.support.len()
    }
}

/// Turns sentences into vectors for the semantic signal. Implementations
/// must be deterministic: the same text gives the same vector.
pub trait SentenceEmbedder: Send + Sync {
    fn embed(&self, text: &str) -> Vec<f32>;
}

/// How the digest is built.
pub struct DigestOptions {
    pub weights: ScoreWeights,
    pub embedder: Option<Box<dyn SentenceEmbedder>>,
}

impl Default for DigestOptions {
    /// Word overlap and the built-in static embedding model, with the
    /// weights calibrated for that pair.
    fn default() -> Self {
        DigestOptions {
            weights: ScoreWeights::with_semantic(),
            embedder: Some(Box::new(StaticEmbedder::built_in())),
        }
    }
}

impl DigestOptions {
    /// Word overlap only, no embedding model.
    pub fn lexical() -> Self {
        DigestOptions {
            weights: ScoreWeights::lexical(),
            embedder: None,
        }
    }
}

/// The claims of a story and the way back from a passage to its claims.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    pub claims: Vec<Claim>,
    claims_by_passage: HashMap<PassageRef, Vec<usize>>,
}

/// Can this kind of passage carry a claim?
pub fn is_claimable(kind: PassageKind) -> bool {
    matches!(
        kind,
        PassageKind::Title | PassageKind::Sentence | PassageKind::Bullet
    )
}

impl Digest {
    pub fn build(corpus: &Corpus) -> Digest {
        Digest::build_with(corpus, &DigestOptions::default())
    }

    pub fn build_with(corpus: &Corpus, options: &DigestOptions) -> Digest {
        let refs: Vec<PassageRef> = corpus
            .articles
            .iter()
            .enumerate()
            .flat_map(|(a, article)| {
                article
                    .passages
                    .iter()
                    .filter(|p| is_claimable(p.kind))
                    .map(move |p| PassageRef {
                        article: a,
                        passage: p.index,
                    })
            })
            .collect();
        let texts: Vec<&str> = refs.iter().map(|r| passage_text(corpus, *r)).collect();
        let features: Vec<PassageFeatures> = texts.iter().map(|t| PassageFeatures::of(t)).collect();
        let weights = TermWeights::from_passages(&features);
        let embeddings: Option<Vec<Vec<f32>>> = options
            .embedder
            .as_ref()
            .map(|e| texts.iter().map(|t| e.embed(t)).collect());

        let edges = score_pairs(&features, &weights, embeddings.as_deref(), &options.weights);
        let groups = cluster::average_link(refs.len(), &edges, options.weights.threshold);
        let similarity = |i: usize, j: usize| -> f32 {
            let semantic = embeddings.as_ref().map(|e| cosine(&e[i], &e[j]));
            score(
                &features[i],
                &features[j],
                &weights,
                semantic,
                &options.weights,
            )
            .map_or(0.0, |s| s.total)
        };

        let mut claims: Vec<Claim> = groups
            .into_iter()
            .map(|members| {
                let representative = representative(&members, &texts, &similarity);
                let support: Vec<PassageRef> = members.iter().map(|&m| refs[m]).collect();
                let mut articles: Vec<usize> = support.iter().map(|r| r.article).collect();
                articles.dedup();
                Claim {
                    id: String::new(),
                    text: collapse_spaces(texts[representative]),
                    representative: refs[representative],
                    support,
                    articles,
                    polarity: features[representative].polarity,
                }
            })
            .collect();

        // Most corroborated first, then first appearance.
        claims.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| b.support.len().cmp(&a.support.len()))
                .then_with(|| a.support[0].cmp(&b.support[0]))
        });
        let mut claims_by_passage: HashMap<PassageRef, Vec<usize>> = HashMap::new();
        for (i, claim) in claims.iter_mut().enumerate() {
            claim.id = format!("c{}", i + 1);
            for r in &claim.support {
                claims_by_passage.entry(*r).or_default().push(i);
            }
        }
        Digest {
            claims,
            claims_by_passage,
        }
    }

    /// The claims a passage supports (most often one, none for headings and noise).
    pub fn claims_of(&self, passage: PassageRef) -> &[usize] {
        self.claims_by_passage
            .get(&passage)
            .map_or(&[], Vec::as_slice)
    }
}

fn passage_text(corpus: &Corpus, r: PassageRef) -> &str {
    let article = &corpus.articles[r.article];
    article.passage_text(&article.passages[r.passage])
}

fn collapse_spaces(s: &str) -> String {
    s.split(crate::text::is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Scores every pair that shares at least one term, and marks the pairs
/// that must never meet.
fn score_pairs(
    features: &[PassageFeatures],
    weights: &TermWeights,
    embeddings: Option<&[Vec<f32>]>,
    score_weights: &ScoreWeights,
) -> Vec<Edge> {
    // Candidate pairs share a term: an inverted index finds them without
    // comparing all pairs.
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        for t in &f.terms {
            postings.entry(t.as_str()).or_default().push(i);
        }
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for list in postings.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                candidates.push((i, j));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();

    let mut edges = Vec::with_capacity(candidates.len());
    for (i, j) in candidates {
        let semantic = embeddings.map(|e| cosine(&e[i], &e[j]));
        match score(&features[i], &features[j], weights, semantic, score_weights) {
            Ok(s) => edges.push(Edge::Similar(i, j, s.total)),
            Err(_) => edges.push(Edge::CannotLink(i, j)),
        }
    }
    edges
}

/// The member most like the others; among near ties, a complete sentence of
/// moderate length reads best.
fn representative(
    members: &[usize],
    texts: &[&str],
    similarity: &dyn Fn(usize, usize) -> f32,
) -> usize {
    if members.len() == 1 {
        return members[0];
    }
    let quality = |m: usize| -> f32 {
        let centrality: f32 = members
            .iter()
            .filter(|&&o| o != m)
            .map(|&o| similarity(m, o))
            .sum::<f32>()
            / (members.len() - 1) as f32;
        let t = texts[m].trim();
        let words = crate::text::word_count(t) as f32;
        let complete = if crate::text::ends_sentence(t) {
            0.05
        } else {
            0.0
        };
        let length = if (8.0..=35.0).contains(&words) {
            0.05
        } else {
            0.0
        };
        centrality + complete + length
    };
    members
        .iter()
        .copied()
        .max_by(|&a, &b| quality(a).total_cmp(&quality(b)).then_with(|| b.cmp(&a)))
        .unwrap_or(members[0])
}

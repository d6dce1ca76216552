//! From passages to claims: features, same-claim scoring, clustering.
//!
//! Every claimable passage (a sentence, a bullet or the title; never a
//! heading, question, filler or noise) is described by its
//! [`PassageFeatures`]. Pairs that share a term or a quantity are scored;
//! pairs that contradict each other (opposite polarity, different numbers)
//! are marked as never to be merged; then average-link clustering groups
//! the passages into claims.

mod actors;
mod cluster;
pub mod decision;
mod direction;
pub mod embedding;
mod features;
mod polarity;
pub mod quantity;
mod representative;
mod sentence_pairs;
mod similarity;
mod stories;
pub mod transformer;
mod wordpiece;

pub use actors::ProperNouns;
pub use decision::{FEATURE_NAMES, PairFeatures, SameClaimModel, pair_features};
pub use embedding::StaticEmbedder;
use embedding::TextEmbeddings;
pub use features::{PassageFeatures, TermVector, TermWeights, Terms};
pub use polarity::{DENIAL_STEMS, Polarity, polarity};
pub use sentence_pairs::{
    ScoredPair, score_sentence_pairs, scored_sentence_pairs, sentence_pair_signals,
};
pub use similarity::{
    Incompatibility, PairScore, ScoreWeights, incompatibility, reported_similarity, score,
    score_prepared, unguarded_prepared, unguarded_score,
};

use crate::analyze::{Annotations, Voices};
use std::collections::HashMap;

use rayon::prelude::*;

use crate::copies::WireCopies;
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
    /// Independent sources behind the claim: its articles, with the wire
    /// copies of one story counted once (see [`crate::copies`]).
    pub sources: usize,
    pub polarity: Polarity,
}

impl Claim {
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }
    pub fn source_count(&self) -> usize {
        self.sources
    }
    pub fn passage_count(&self) -> usize {
        self.support.len()
    }
}

/// Turns sentences into vectors for the semantic signal. Implementations
/// must be deterministic: the same text gives the same vector.
pub trait SentenceEmbedder: Send + Sync {
    fn embed(&self, text: &str) -> Vec<f32>;

    /// The vectors of several texts, in order: an embedder that works
    /// faster on a batch says so here.
    fn embed_batch(&self, texts: &[String]) -> Vec<Vec<f32>> {
        texts.iter().map(|t| self.embed(t)).collect()
    }

    /// The built-in static model, when that is what embeds: the digest
    /// then keeps token ids instead of vectors (see [`StaticEmbedder::embed_known`]).
    fn static_model(&self) -> Option<&'static StaticEmbedder> {
        None
    }
}

/// How the digest is built.
pub struct DigestOptions {
    pub weights: ScoreWeights,
    /// The learned same-claim decision; without one, the hand-weighted
    /// score is compared with `weights.threshold`.
    pub model: Option<SameClaimModel>,
    pub embedder: Option<Box<dyn SentenceEmbedder>>,
    /// Score every pair that shares any term, with no blocking and no
    /// pruning: slow on large corpora, kept to measure what blocking costs
    /// in quality.
    pub exhaustive_pairs: bool,
}

impl Default for DigestOptions {
    /// Word overlap and the built-in static embedding model, with the
    /// weights calibrated for that pair.
    fn default() -> Self {
        DigestOptions {
            weights: ScoreWeights::with_semantic(),
            model: None,
            embedder: Some(Box::new(StaticEmbedder::built_in())),
            exhaustive_pairs: false,
        }
    }
}

impl DigestOptions {
    /// Word overlap with the cosine of the built-in transformer (or of
    /// `model`, loaded from a folder) blended half and half with the static
    /// model's, its vectors cached under `cache_root` when given; the hand
    /// weights calibrated for that blend. What the program scores with unless
    /// told otherwise; `Default` stays the static model, the fast path for
    /// very large folders and for code that wants no model to load.
    pub fn transformer(
        model: Option<&'static transformer::Transformer>,
        cache_root: Option<&std::path::Path>,
    ) -> Result<Self, transformer::TransformerError> {
        let embedder = match model {
            None => transformer::TransformerEmbedder::built_in(cache_root)?,
            Some(model) => transformer::TransformerEmbedder::new(model, cache_root)?,
        };
        Ok(DigestOptions::with_transformer_embedder(embedder))
    }

    /// [`DigestOptions::transformer`] around an embedder made by the caller
    /// (one that counts its progress, say).
    pub fn with_transformer_embedder(embedder: transformer::TransformerEmbedder) -> Self {
        DigestOptions {
            weights: ScoreWeights::with_transformer(),
            model: None,
            embedder: Some(Box::new(transformer::BlendedEmbedder {
                transformer: embedder,
                share: transformer::TRANSFORMER_SHARE,
            })),
            exhaustive_pairs: false,
        }
    }

    /// Word overlap only, no embedding model.
    pub fn lexical() -> Self {
        DigestOptions {
            weights: ScoreWeights::lexical(),
            model: None,
            embedder: None,
            exhaustive_pairs: false,
        }
    }

    /// These options with the learned same-claim decision in place of the
    /// hand-weighted score (`--learned`). Not the default: on the labelled
    /// stories it kept to report on, it joins as many paraphrases as the
    /// hand weights and two pairs that must never meet (BENCHMARKS.md,
    /// "A learned same-claim decision").
    pub fn learned(mut self) -> Self {
        self.model = Some(if self.embedder.is_some() {
            SameClaimModel::with_semantic().clone()
        } else {
            SameClaimModel::lexical().clone()
        });
        self
    }

    /// Two passages (and, on average, two groups) are one claim at or above
    /// this: the model's threshold, or the hand-weighted score's.
    pub fn merge_threshold(&self) -> f32 {
        self.model
            .as_ref()
            .map_or(self.weights.threshold, |m| m.threshold)
    }
}

/// The claims of a story and the way back from a passage to its claims.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    pub claims: Vec<Claim>,
    /// Which articles are wire copies of which.
    pub copies: WireCopies,
    claims_by_passage: ClaimsByPassage,
    /// The claimable passages in corpus order, with the features and
    /// embeddings the digest computed for them: kept so that later readers
    /// (disputes, discrepancies) need not compute them again.
    passages: Vec<PassageRef>,
    /// Features and embeddings per distinct text: identical passages
    /// (copies) share one, so a folder of copies costs no more memory.
    features: Vec<PassageFeatures>,
    embeddings: Option<TextEmbeddings>,
    /// The distinct text of each passage: its index into `features`.
    text_of: Vec<usize>,
    /// The first passage of each distinct text.
    first_of_text: Vec<usize>,
    /// For each text of a class of near-copies too large to pair (see
    /// `NearCopies`), the class's first text, which stood for all of them.
    near_copy_class: HashMap<usize, usize>,
    /// The story of each passage, and the weights the claims were built
    /// with: what [`Digest::explain_pair`] needs to score a pair again.
    story_of: Vec<usize>,
    weights: ScoreWeights,
    model: Option<SameClaimModel>,
    /// Who speaks in every passage and the events it dates, read once.
    annotations: Annotations,
}

/// How the digest saw two passages, for a reader asking why they do or do
/// not share a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PairExplanation {
    /// Scored, in their story's term weights; average-link clustering then
    /// decides with the rest of the story.
    Scored(PairScore),
    /// A guard keeps them apart whatever they share.
    Guarded(Incompatibility),
    /// They fall in different stories, which are never compared.
    OtherStories,
}

impl std::fmt::Display for PairExplanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PairExplanation::Scored(s) => {
                if let Some(p) = s.probability {
                    write!(f, "probability {p:.3}, ")?;
                }
                write!(
                    f,
                    "score {:.3} (word cosine {:.3}, containment {:.3}",
                    s.total, s.cosine, s.containment
                )?;
                if let Some(semantic) = s.semantic {
                    write!(f, ", embedding {semantic:.3}")?;
                }
                write!(f, ")")
            }
            PairExplanation::Guarded(why) => write!(f, "guard: {}", why.name()),
            PairExplanation::OtherStories => write!(f, "in different stories"),
        }
    }
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
        // First, while little else is held: fingerprinting a long article
        // takes a while as much memory as its text, briefly.
        let wire = WireCopies::find(corpus);
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
        // Matching reads the words, not the Markdown or HTML around them.
        let plain: Vec<std::borrow::Cow<str>> = refs
            .iter()
            .map(|r| passage_plain_text(corpus, *r))
            .collect();
        let texts: Vec<&str> = plain.iter().map(|t| t.as_ref()).collect();
        // Identical passages (copies of an article, a wire story run by
        // many outlets) are one node: read once, they always meet however
        // many there are, and their number neither crowds the blocking
        // index nor multiplies the pairs to score.
        let copies = IdenticalPassages::of(&texts);
        let nodes = &copies.first;
        let n_texts: Vec<&str> = nodes.iter().map(|&i| texts[i]).collect();
        let names = actors::ProperNouns::learn(n_texts.iter().copied());
        let text_features: Vec<PassageFeatures> = n_texts
            .par_iter()
            .map(|t| PassageFeatures::with_names(t, &names))
            .collect();
        let text_embeddings: Option<TextEmbeddings> = options.embedder.as_ref().map(|e| {
            TextEmbeddings::of(e.as_ref(), n_texts.len(), |t| {
                names.without_names(n_texts[t])
            })
        });
        let story_of = {
            let passage_features: Vec<&PassageFeatures> =
                copies.node_of.iter().map(|&n| &text_features[n]).collect();
            stories::assign(&refs, &passage_features, corpus.articles.len())
        };
        let n_story: Vec<usize> = nodes.iter().map(|&i| story_of[i]).collect();
        let n_features = text_features.as_slice();
        let n_embeddings = text_embeddings.as_ref();

        let max_posting = if options.exhaustive_pairs {
            usize::MAX
        } else {
            MAX_POSTING_FOR_CANDIDATES
        };
        let near = NearCopies::of(n_features, &n_story, max_posting);
        // Term weights count each text once, and a class of near-copies
        // as one: copies do not make its words common.
        let vectors = story_term_vectors(n_features, &n_story, &near.absorbed);
        let n_vectors = vectors.as_slice();
        let mut links = cluster::Links::new(nodes.len());
        score_pairs(
            n_features,
            n_vectors,
            &n_story,
            n_embeddings,
            &options.weights,
            options.model.as_ref(),
            max_posting,
            &near,
            &mut |edges| links.add(edges),
        );
        let mut groups = links.cluster(options.merge_threshold());
        // A text absorbed into its class's first was never scored: it joins
        // that text's claim below, not a claim of its own.
        groups.retain(|members| !(members.len() == 1 && near.absorbed[members[0]]));
        let similarity = |i: usize, j: usize, semantic: Option<f32>| -> f32 {
            score_prepared(
                &n_features[i],
                &n_vectors[i],
                &n_features[j],
                &n_vectors[j],
                semantic,
                &options.weights,
            )
            .map_or(0.0, |s| s.total)
        };

        let groups: Vec<(Vec<usize>, usize)> = groups
            .into_iter()
            .map(|members| {
                // The group's vectors, made once each: every pair of
                // members is compared.
                let vectors: Option<HashMap<usize, Vec<f32>>> = n_embeddings.map(|e| {
                    members
                        .iter()
                        .map(|&m| (m, e.vector(m).map(|v| v.into_owned()).unwrap_or_default()))
                        .collect()
                });
                let member_similarity = |i: usize, j: usize| -> f32 {
                    let semantic = vectors.as_ref().map(|v| cosine(&v[&i], &v[&j]));
                    similarity(i, j, semantic)
                };
                let rep = representative::choose(&members, &n_texts, &member_similarity);
                (members, rep)
            })
            .collect();
        let groups = add_restating_passages(
            groups,
            n_features,
            n_vectors,
            &n_story,
            &near.absorbed,
            max_posting,
        );
        let groups = near.restore(groups);
        let near_copy_class = near.class_by_text();
        // Back from nodes to every passage.
        let (starts, node_passages) = copies.passages_by_group();
        let groups: Vec<(Vec<usize>, usize)> = groups
            .into_iter()
            .map(|(members, rep)| {
                let mut passages: Vec<usize> = members
                    .iter()
                    .flat_map(|&m| node_passages[starts[m]..starts[m + 1]].iter().copied())
                    .collect();
                passages.sort_unstable();
                (passages, nodes[rep])
            })
            .collect();

        let mut claims: Vec<Claim> = groups
            .into_iter()
            .map(|(members, representative)| {
                let support: Vec<PassageRef> = members.iter().map(|&m| refs[m]).collect();
                let mut articles: Vec<usize> = support.iter().map(|r| r.article).collect();
                articles.dedup();
                Claim {
                    id: String::new(),
                    text: representative::claim_text(texts[representative]),
                    representative: refs[representative],
                    support,
                    sources: wire.count_sources(&articles),
                    articles,
                    polarity: n_features[copies.node_of[representative]].polarity,
                }
            })
            .collect();

        // Most corroborated first (independent sources, then articles), then
        // first appearance.
        claims.sort_by(|a, b| {
            b.sources
                .cmp(&a.sources)
                .then_with(|| b.articles.len().cmp(&a.articles.len()))
                .then_with(|| b.support.len().cmp(&a.support.len()))
                .then_with(|| a.support[0].cmp(&b.support[0]))
        });
        let mut pairs: Vec<(PassageRef, usize)> = Vec::new();
        for (i, claim) in claims.iter_mut().enumerate() {
            claim.id = format!("c{}", i + 1);
            pairs.extend(claim.support.iter().map(|r| (*r, i)));
        }
        let claims_by_passage = ClaimsByPassage::of(pairs);
        Digest {
            claims,
            copies: wire,
            claims_by_passage,
            passages: refs,
            features: text_features,
            embeddings: text_embeddings,
            text_of: copies.node_of,
            first_of_text: copies.first,
            near_copy_class,
            story_of,
            weights: options.weights,
            model: options.model.clone(),
            annotations: Annotations::of(corpus),
        }
    }

    /// Who speaks in each passage, and how.
    pub fn voices(&self) -> &Voices {
        &self.annotations.voices
    }

    /// The story of the claimable passage `i` (an index into
    /// [`Digest::passages`]): passages of different stories never meet.
    pub fn story_of(&self, i: usize) -> usize {
        self.story_of[i]
    }

    /// Every reading of the passages that later stages share.
    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// Scores two claimable passages again as the digest did (their story's
    /// term weights, the same embeddings and guards). `None` when either is
    /// not a claimable passage.
    pub fn explain_pair(&self, a: PassageRef, b: PassageRef) -> Option<PairExplanation> {
        let i = self.passages.binary_search(&a).ok()?;
        let j = self.passages.binary_search(&b).ok()?;
        let story = self.story_of[i];
        if self.story_of[j] != story {
            return Some(PairExplanation::OtherStories);
        }
        // Each distinct text counts once, as when the digest was built.
        let members = (0..self.features.len()).filter(|&t| {
            self.first_of_text
                .get(t)
                .is_some_and(|&first| self.story_of[first] == story)
        });
        let weights = TermWeights::from_passages(members.map(|t| &self.features[t]));
        let semantic = self
            .embedding_of(i)
            .zip(self.embedding_of(j))
            .map(|(a, b)| cosine(&a, &b));
        Some(
            match score(
                self.features_of(i),
                self.features_of(j),
                &weights,
                semantic,
                &self.weights,
            ) {
                Ok(s) => PairExplanation::Scored(match &self.model {
                    Some(model) => decision::decide(
                        s,
                        self.features_of(i),
                        &weights.vector(self.features_of(i)),
                        self.features_of(j),
                        &weights.vector(self.features_of(j)),
                        model,
                    ),
                    None => s,
                }),
                Err(why) => PairExplanation::Guarded(why),
            },
        )
    }

    /// Every pair of claimable passages of one story with the features the
    /// learned decision reads, or the guard that keeps the pair apart: what
    /// `examples/pair_features.rs` writes for `scripts/train-same-claim.py`.
    pub fn pair_features(
        &self,
    ) -> Vec<(
        PassageRef,
        PassageRef,
        Result<PairFeatures, Incompatibility>,
    )> {
        let mut out = Vec::new();
        let stories = self.story_of.iter().copied().max().map_or(0, |s| s + 1);
        for story in 0..stories {
            let members: Vec<usize> = (0..self.passages.len())
                .filter(|&i| self.story_of[i] == story)
                .collect();
            // Each distinct text counts once, as when the digest was built.
            let weights = TermWeights::from_passages((0..self.features.len()).filter_map(|t| {
                let first = *self.first_of_text.get(t)?;
                (self.story_of[first] == story).then(|| &self.features[t])
            }));
            let vectors: Vec<TermVector> = members
                .iter()
                .map(|&i| weights.vector(self.features_of(i)))
                .collect();
            for (x, &i) in members.iter().enumerate() {
                for (y, &j) in members.iter().enumerate().skip(x + 1) {
                    let semantic = self
                        .embedding_of(i)
                        .zip(self.embedding_of(j))
                        .map(|(a, b)| cosine(&a, &b));
                    let (fi, fj) = (self.features_of(i), self.features_of(j));
                    let result =
                        score_prepared(fi, &vectors[x], fj, &vectors[y], semantic, &self.weights)
                            .map(|s| {
                                pair_features(
                                    fi,
                                    &vectors[x],
                                    fj,
                                    &vectors[y],
                                    s.semantic,
                                    s.cosine,
                                    s.containment,
                                )
                            });
                    out.push((self.passages[i], self.passages[j], result));
                }
            }
        }
        out
    }

    /// The claimable passages in corpus order.
    pub fn passages(&self) -> &[PassageRef] {
        &self.passages
    }

    /// The features of passage `i` of [`passages`](Self::passages).
    pub fn features_of(&self, i: usize) -> &PassageFeatures {
        &self.features[self.text_of[i]]
    }

    /// The embedding of passage `i`, when the digest had an embedder
    /// (made again from its tokens for the built-in model).
    pub fn embedding_of(&self, i: usize) -> Option<std::borrow::Cow<'_, [f32]>> {
        self.embeddings.as_ref()?.vector(*self.text_of.get(i)?)
    }

    /// For passage `i` of [`passages`](Self::passages), when it is one of
    /// hundreds of near-copies that the digest read as one text, that text:
    /// later readers can then compare them once, as the digest did.
    pub fn near_copy_class(&self, i: usize) -> Option<usize> {
        self.near_copy_class.get(self.text_of.get(i)?).copied()
    }

    /// The claims a passage supports (most often one, none for headings and noise).
    pub fn claims_of(&self, passage: PassageRef) -> &[usize] {
        self.claims_by_passage.of_passage(passage)
    }
}

/// The claims of each passage that supports any, in claim order: three
/// flat lists, where a map from each passage to a list of its own cost a
/// small allocation per passage.
#[derive(Debug, Clone, Default)]
struct ClaimsByPassage {
    /// The passages, sorted.
    passages: Vec<PassageRef>,
    /// Where the claims of each passage end in `claims`.
    ends: Vec<u32>,
    claims: Vec<usize>,
}

impl ClaimsByPassage {
    /// From (passage, claim) pairs given in claim order.
    fn of(mut pairs: Vec<(PassageRef, usize)>) -> ClaimsByPassage {
        // Stable: a passage's claims stay in claim order.
        pairs.sort_by_key(|&(r, _)| r);
        let mut index = ClaimsByPassage::default();
        for (r, claim) in pairs {
            if index.passages.last() != Some(&r) {
                index.passages.push(r);
                index.ends.push(index.claims.len() as u32);
            }
            index.claims.push(claim);
            if let Some(end) = index.ends.last_mut() {
                *end += 1;
            }
        }
        index.passages.shrink_to_fit();
        index.ends.shrink_to_fit();
        index.claims.shrink_to_fit();
        index
    }

    fn of_passage(&self, passage: PassageRef) -> &[usize] {
        let Ok(i) = self.passages.binary_search(&passage) else {
            return &[];
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.claims[start..self.ends[i] as usize]
    }
}

/// A passage's words without markup (see [`crate::corpus::markup`]).
fn passage_plain_text(corpus: &Corpus, r: PassageRef) -> std::borrow::Cow<'_, str> {
    let article = &corpus.articles[r.article];
    article.passage_plain_text(&article.passages[r.passage])
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

/// Terms held by more passages than this do not propose candidate pairs.
const MAX_POSTING_FOR_CANDIDATES: usize = 256;

/// Scores the pairs that can reach the threshold, and marks the pairs that
/// must never meet.
///
/// Candidates come from an inverted index over terms: a pair is looked at
/// only when it shares a term held by at most [`MAX_POSTING_FOR_CANDIDATES`]
/// passages. A term in very many passages ("company", the story's main
/// actor) is still weighed when a pair is scored, but it does not make pairs
/// candidates by itself: that would compare everything with everything. A
/// candidate whose score cannot reach the threshold, by an upper bound from
/// the shared term weight, is not scored at all; every candidate is still
/// checked against the hard guards.
///
/// The edges go to `read` a block of [`ROWS_PER_BLOCK`] passages at a
/// time, in passage order, so they are never all held at once.
#[allow(clippy::too_many_arguments)]
fn score_pairs(
    features: &[PassageFeatures],
    vectors: &[TermVector],
    story_of: &[usize],
    embeddings: Option<&TextEmbeddings>,
    score_weights: &ScoreWeights,
    model: Option<&SameClaimModel>,
    max_posting: usize,
    near: &NearCopies,
    read: &mut dyn FnMut(Vec<Edge>),
) {
    let postings = story_postings(vectors, story_of, &near.absorbed);
    // The weight of each passage's terms that propose no candidates: shared
    // weight found through the index can be short by at most this much.
    let unindexed_mass: Vec<f32> = vectors
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.entries()
                .iter()
                .filter(|(t, _)| {
                    postings
                        .get(&(story_of[i], *t))
                        .is_some_and(|l| l.len() > max_posting)
                })
                .map(|(_, w)| w)
                .sum()
        })
        .collect();
    let lexical_weight = score_weights.cosine + score_weights.containment;
    let semantic_room = if embeddings.is_some() {
        score_weights.semantic.max(0.0)
    } else {
        0.0
    };

    let score_row = |(shared, touched): &mut (Vec<f32>, Vec<u32>), i: usize| {
        // Made once per row, and each other vector once per pair scored.
        let mut vector_i: Option<Vec<f32>> = None;
        if near.absorbed[i] {
            return Vec::new();
        }
        for (term, weight) in vectors[i].entries() {
            let Some(list) = postings.get(&(story_of[i], *term)) else {
                continue;
            };
            if list.len() > max_posting {
                continue;
            }
            for &j in list.iter().filter(|&&j| j as usize > i) {
                if shared[j as usize] == 0.0 {
                    touched.push(j);
                }
                shared[j as usize] += weight;
            }
        }
        // Near-copies always meet, even when every word they share is too
        // common to be indexed: their shared weight is taken directly.
        for &j in near.peers(i).iter().filter(|&&j| j as usize > i) {
            if shared[j as usize] == 0.0 {
                touched.push(j);
                shared[j as usize] = vectors[i].shared_mass(&vectors[j as usize]);
            }
        }
        let mut edges = Vec::new();
        for j in touched.drain(..) {
            let j = j as usize;
            let indexed = std::mem::take(&mut shared[j]);
            if incompatibility(&features[i], &features[j]).is_some() {
                edges.push(Edge::CannotLink(i as u32, j as u32));
                continue;
            }
            let smaller = vectors[i].mass().min(vectors[j].mass());
            let most_shared = indexed + unindexed_mass[i].min(unindexed_mass[j]);
            let bound = if smaller > 0.0 {
                lexical_weight * most_shared / smaller
            } else {
                0.0
            };
            // The bound holds for the hand-weighted score only; the
            // model reads every candidate.
            if model.is_none()
                && max_posting != usize::MAX
                && bound + semantic_room < score_weights.threshold
            {
                continue;
            }
            let semantic = embeddings.map(|e| {
                let a = vector_i
                    .get_or_insert_with(|| e.vector(i).map(|v| v.into_owned()).unwrap_or_default());
                e.vector(j).map_or(0.0, |b| cosine(a, &b))
            });
            if let Ok(s) = score_prepared(
                &features[i],
                &vectors[i],
                &features[j],
                &vectors[j],
                semantic,
                score_weights,
            ) {
                let s = match model {
                    Some(model) => decision::decide(
                        s,
                        &features[i],
                        &vectors[i],
                        &features[j],
                        &vectors[j],
                        model,
                    ),
                    None => s,
                };
                edges.push(Edge::Similar(i as u32, j as u32, s.merge_weight()));
            }
        }
        edges
    };
    for start in (0..vectors.len()).step_by(ROWS_PER_BLOCK) {
        let end = (start + ROWS_PER_BLOCK).min(vectors.len());
        let block: Vec<Edge> = (start..end)
            .into_par_iter()
            .map_init(
                || (vec![0.0f32; vectors.len()], Vec::<u32>::new()),
                score_row,
            )
            .flatten_iter()
            .collect();
        read(block);
    }
}

/// Passages scored against the rest before their edges are read into the
/// clustering: enough for the threads to share, few enough that a block's
/// edges are a small part of the links they become.
const ROWS_PER_BLOCK: usize = 2048;

/// A passage may make two assertions: "spending reached $40 million in 2015
/// and $150 million in 2017" supports two claims. Clustering gives each
/// passage one claim; here a passage also joins every other claim whose
/// representative it restates almost whole, as long as it contradicts none
/// of that claim's passages.
fn add_restating_passages(
    mut groups: Vec<(Vec<usize>, usize)>,
    features: &[PassageFeatures],
    vectors: &[TermVector],
    story_of: &[usize],
    absorbed: &[bool],
    max_posting: usize,
) -> Vec<(Vec<usize>, usize)> {
    let postings = story_postings(vectors, story_of, absorbed);
    for (members, rep) in &mut groups {
        let rep_vector = &vectors[*rep];
        if rep_vector.len() < MIN_RESTATED_TERMS {
            continue;
        }
        // A passage that restates most of the representative holds at least
        // one of its two rarest terms.
        let mut rare: Vec<&(u64, f32)> = rep_vector.entries().iter().collect();
        rare.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut candidates: Vec<usize> = rare
            .iter()
            .take(2)
            .filter_map(|(term, _)| postings.get(&(story_of[*rep], *term)))
            .filter(|list| list.len() <= max_posting)
            .flatten()
            .map(|&c| c as usize)
            .filter(|c| !members.contains(c))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut added = Vec::new();
        for c in candidates {
            let restated = rep_vector.shared_mass(&vectors[c]);
            let compatible = members
                .iter()
                .all(|&m| incompatibility(&features[m], &features[c]).is_none());
            if restated / rep_vector.mass() >= RESTATED_SHARE && compatible {
                added.push(c);
            }
        }
        members.extend(added);
        members.sort_unstable();
    }
    groups
}

/// Passages whose texts are the same but for typesetting: case, accents,
/// quotation marks, punctuation and white space (see
/// [`crate::text::copy_key`]).
struct IdenticalPassages {
    /// The first passage of each group, in order.
    first: Vec<usize>,
    /// The group of each passage.
    node_of: Vec<usize>,
}

impl IdenticalPassages {
    fn of(texts: &[&str]) -> IdenticalPassages {
        let mut group_of: HashMap<String, usize> = HashMap::new();
        let mut first = Vec::new();
        let mut node_of = Vec::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let key = crate::text::copy_key(text);
            let next = first.len();
            let group = *group_of.entry(key).or_insert(next);
            if group == next {
                first.push(i);
            }
            node_of.push(group);
        }
        IdenticalPassages { first, node_of }
    }

    /// The passages of every group, in order, as one list, and where each
    /// group's part of it starts (one more entry than groups). Made when
    /// the claims go back to passages: a list per group, held through the
    /// scoring, cost a small allocation per passage.
    fn passages_by_group(&self) -> (Vec<usize>, Vec<usize>) {
        let mut starts = vec![0usize; self.first.len() + 1];
        for &group in &self.node_of {
            starts[group + 1] += 1;
        }
        for group in 0..self.first.len() {
            starts[group + 1] += starts[group];
        }
        let mut next = starts.clone();
        let mut passages = vec![0; self.node_of.len()];
        for (passage, &group) in self.node_of.iter().enumerate() {
            passages[next[group]] = passage;
            next[group] += 1;
        }
        (starts, passages)
    }
}

/// Texts that say the same in nearly the same words: one story, the same
/// terms, numbers, names, polarity and direction ("the" for "a", a word
/// such as "also" added). They must always meet, at any scale. A class no
/// larger than the index's lists gets every pair of its texts scored; a
/// larger one (hundreds of near-copies of a wire story) is one text, its
/// first, with the others absorbed into it, as identical texts are.
struct NearCopies {
    /// Whether each text is absorbed into its class's first.
    absorbed: Vec<bool>,
    /// The class of each text, when it is small enough to be paired.
    class_of: Vec<u32>,
    /// The texts of each class small enough to be paired.
    classes: Vec<Vec<u32>>,
    /// The texts each class's first absorbed.
    absorbed_by: HashMap<usize, Vec<usize>>,
}

/// `class_of` for a text with no near-copy to pair with.
const NO_CLASS: u32 = u32::MAX;

impl NearCopies {
    fn of(features: &[PassageFeatures], story_of: &[usize], max_posting: usize) -> NearCopies {
        // Texts are grouped by a hash of their signature, and a group that
        // shares a hash is split by the signatures themselves: a signature
        // is as long as its text, and holding one per text at once cost
        // three times the article.
        let mut by_hash: HashMap<u64, Vec<u32>> = HashMap::new();
        for (t, f) in features.iter().enumerate() {
            // A text without content words shares nothing to be sure of.
            if let Some(signature) = near_copy_signature(f, story_of[t]) {
                by_hash
                    .entry(signature_hash(&signature))
                    .or_default()
                    .push(t as u32);
            }
        }
        let mut by_signature: Vec<Vec<u32>> = Vec::new();
        for (_, texts) in by_hash {
            if texts.len() < 2 {
                continue;
            }
            let mut exact: HashMap<String, Vec<u32>> = HashMap::new();
            for t in texts {
                let i = t as usize;
                if let Some(signature) = near_copy_signature(&features[i], story_of[i]) {
                    exact.entry(signature).or_default().push(t);
                }
            }
            by_signature.extend(exact.into_values());
        }
        let mut near = NearCopies {
            absorbed: vec![false; features.len()],
            class_of: vec![NO_CLASS; features.len()],
            classes: Vec::new(),
            absorbed_by: HashMap::new(),
        };
        let mut classes: Vec<Vec<u32>> = by_signature
            .into_iter()
            .filter(|class| class.len() > 1)
            .collect();
        // In order of their first text, so the result does not depend on
        // hash order.
        classes.sort_unstable_by_key(|class| class[0]);
        for class in classes {
            if class.len() > max_posting {
                let first = class[0] as usize;
                let rest: Vec<usize> = class[1..].iter().map(|&t| t as usize).collect();
                for &t in &rest {
                    near.absorbed[t] = true;
                }
                near.absorbed_by.insert(first, rest);
            } else {
                let id = near.classes.len() as u32;
                for &t in &class {
                    near.class_of[t as usize] = id;
                }
                near.classes.push(class);
            }
        }
        near
    }

    /// The texts of `t`'s class (itself among them), when it is paired.
    fn peers(&self, t: usize) -> &[u32] {
        match self.class_of[t] {
            NO_CLASS => &[],
            class => &self.classes[class as usize],
        }
    }

    /// Each text of an absorbing class (its first among them) → the first.
    fn class_by_text(&self) -> HashMap<usize, usize> {
        self.absorbed_by
            .iter()
            .flat_map(|(&first, rest)| {
                std::iter::once((first, first)).chain(rest.iter().map(move |&t| (t, first)))
            })
            .collect()
    }

    /// Adds to each group the texts its members absorbed.
    fn restore(&self, groups: Vec<(Vec<usize>, usize)>) -> Vec<(Vec<usize>, usize)> {
        if self.absorbed_by.is_empty() {
            return groups;
        }
        groups
            .into_iter()
            .map(|(members, rep)| {
                let mut all = members.clone();
                for m in members {
                    all.extend(self.absorbed_by.get(&m).into_iter().flatten().copied());
                }
                all.sort_unstable();
                (all, rep)
            })
            .collect()
    }
}

/// What near-copies share: their story and every feature the guards and
/// the word overlap read, as one string. `None` without content terms.
fn near_copy_signature(f: &PassageFeatures, story: usize) -> Option<String> {
    if f.terms.is_empty() {
        return None;
    }
    let mut terms: Vec<&str> = f.terms.iter().collect();
    terms.sort_unstable();
    let mut quantities: Vec<String> = f.quantities.iter().map(|q| q.key()).collect();
    quantities.sort_unstable();
    Some(format!(
        "{story}\u{1}{}\u{1}{}\u{1}{:?}\u{1}{:?}\u{1}{}\u{1}{}\u{1}{}",
        terms.join("\u{2}"),
        quantities.join("\u{2}"),
        f.polarity,
        f.directions,
        f.actors.join("\u{2}"),
        f.places.join("\u{2}"),
        f.sources.join("\u{2}"),
    ))
}

/// A stable 64-bit hash of a signature (FNV-1a), to group texts before
/// their signatures are compared.
fn signature_hash(signature: &str) -> u64 {
    signature.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Which passages of each story hold each term: (story, term hash) →
/// passages. Texts absorbed into a near-copy are not listed: their class's
/// first stands for them.
fn story_postings(
    vectors: &[TermVector],
    story_of: &[usize],
    absorbed: &[bool],
) -> HashMap<(usize, u64), Vec<u32>> {
    let mut postings: HashMap<(usize, u64), Vec<u32>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate().filter(|(i, _)| !absorbed[*i]) {
        for (term, _) in v.entries() {
            postings
                .entry((story_of[i], *term))
                .or_default()
                .push(i as u32);
        }
    }
    postings
}

/// Term vectors weighted by the IDF of each passage's own story, counting
/// the texts not absorbed into a near-copy.
fn story_term_vectors(
    features: &[PassageFeatures],
    story_of: &[usize],
    absorbed: &[bool],
) -> Vec<TermVector> {
    let stories = story_of.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); stories];
    for (i, &s) in story_of.iter().enumerate().filter(|(i, _)| !absorbed[*i]) {
        members[s].push(i);
    }
    let weights: Vec<TermWeights> = members
        .par_iter()
        .map(|m| TermWeights::from_passages(m.iter().map(|&i| &features[i])))
        .collect();
    features
        .par_iter()
        .zip(story_of)
        .map(|(f, &s)| weights[s].vector(f))
        .collect()
}

/// A claim's representative needs this many terms before another passage
/// can be said to restate it.
const MIN_RESTATED_TERMS: usize = 4;
/// Share of the representative's term weight that a passage must repeat.
const RESTATED_SHARE: f32 = 0.8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_passages_list_every_passage_under_its_group() {
        let copies = IdenticalPassages::of(&["A b.", "C d.", "a B", "E f.", "c, d"]);
        assert_eq!(copies.first, vec![0, 1, 3]);
        assert_eq!(copies.node_of, vec![0, 1, 0, 2, 1]);
        let (starts, passages) = copies.passages_by_group();
        assert_eq!(starts, vec![0, 2, 4, 5]);
        assert_eq!(passages, vec![0, 2, 1, 4, 3]);
    }

    #[test]
    fn claims_by_passage_keeps_claim_order_and_misses_nothing() {
        let r = |article, passage| PassageRef { article, passage };
        // Given in claim order, passages in any order.
        let index = ClaimsByPassage::of(vec![
            (r(1, 4), 0),
            (r(0, 2), 0),
            (r(0, 2), 1),
            (r(1, 0), 2),
            (r(0, 2), 3),
        ]);
        assert_eq!(index.of_passage(r(0, 2)), &[0, 1, 3]);
        assert_eq!(index.of_passage(r(1, 0)), &[2]);
        assert_eq!(index.of_passage(r(1, 4)), &[0]);
        assert!(index.of_passage(r(0, 0)).is_empty());
        assert!(index.of_passage(r(2, 0)).is_empty());
    }
}

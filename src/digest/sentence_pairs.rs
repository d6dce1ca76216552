//! Scoring free-standing sentence pairs with the digest's own scorer, so the
//! same-claim score can be benchmarked on any labelled pairs.

use std::collections::HashMap;

use super::{
    DigestOptions, Incompatibility, PairFeatures, PairScore, PassageFeatures, ProperNouns,
    TermWeights, cosine, incompatibility, pair_features, unguarded_score,
};

/// Scores each pair exactly as the digest scores two passages: guards first,
/// then word overlap and the embedding cosine. Term weights (IDF) are taken
/// over every sentence given, as the digest takes them over a story.
pub fn score_sentence_pairs(
    pairs: &[(&str, &str)],
    options: &DigestOptions,
) -> Vec<Result<PairScore, Incompatibility>> {
    sentence_pair_signals(pairs, options)
        .into_iter()
        .map(|(signals, guard)| guard.map_or(Ok(signals), Err))
        .collect()
}

/// Like [`score_sentence_pairs`], but gives every pair's signals, with the
/// guard that keeps it apart (if any) beside them.
pub fn sentence_pair_signals(
    pairs: &[(&str, &str)],
    options: &DigestOptions,
) -> Vec<(PairScore, Option<Incompatibility>)> {
    scored_sentence_pairs(pairs, options)
        .into_iter()
        .map(|p| (p.signals, p.guard))
        .collect()
}

/// One free-standing pair as the digest reads it.
#[derive(Debug, Clone, Copy)]
pub struct ScoredPair {
    pub signals: PairScore,
    /// What the learned decision reads.
    pub features: PairFeatures,
    pub guard: Option<Incompatibility>,
}

/// Every pair's signals, model features and guard.
pub fn scored_sentence_pairs(pairs: &[(&str, &str)], options: &DigestOptions) -> Vec<ScoredPair> {
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    let mut sentences: Vec<&str> = Vec::new();
    let mut pair_indices = Vec::with_capacity(pairs.len());
    for &(a, b) in pairs {
        let mut index = |s| {
            *index_of.entry(s).or_insert_with(|| {
                sentences.push(s);
                sentences.len() - 1
            })
        };
        pair_indices.push((index(a), index(b)));
    }
    // Names are learnt from all the sentences, as the digest learns them from a story.
    let names = ProperNouns::learn(sentences.iter().copied());
    let features: Vec<PassageFeatures> = sentences
        .iter()
        .map(|s| PassageFeatures::with_names(s, &names))
        .collect();
    let weights = TermWeights::from_passages(&features);
    let embeddings: Option<Vec<Vec<f32>>> = options.embedder.as_ref().map(|e| {
        sentences
            .iter()
            .map(|s| e.embed(&names.without_names(s)))
            .collect()
    });
    pair_indices
        .into_iter()
        .map(|(i, j)| {
            let semantic = embeddings.as_ref().map(|e| cosine(&e[i], &e[j]));
            let signals = unguarded_score(
                &features[i],
                &features[j],
                &weights,
                semantic,
                &options.weights,
            );
            let (va, vb) = (weights.vector(&features[i]), weights.vector(&features[j]));
            let pair = pair_features(
                &features[i],
                &va,
                &features[j],
                &vb,
                signals.semantic,
                signals.cosine,
                signals.containment,
            );
            let mut signals = signals;
            signals.probability = options.model.as_ref().map(|m| m.probability(&pair));
            ScoredPair {
                signals,
                features: pair,
                guard: incompatibility(&features[i], &features[j]),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrase_outscores_unrelated_and_denial_is_guarded() {
        let pairs = [
            (
                "Meta allegedly shared users' DMs with Netflix for almost a decade.",
                "For almost 10 years Netflix had access to Facebook users' messages.",
            ),
            (
                "Meta allegedly shared users' DMs with Netflix for almost a decade.",
                "The central bank raised interest rates on Tuesday.",
            ),
            (
                "Netflix had access to users' private messages.",
                "Netflix never had access to users' private messages.",
            ),
        ];
        for options in [DigestOptions::default(), DigestOptions::lexical()] {
            let scores = score_sentence_pairs(&pairs, &options);
            let total = |i: usize| scores[i].map_or(0.0, |s| s.total);
            assert!(total(0) > total(1), "{scores:?}");
            assert_eq!(scores[2], Err(Incompatibility::OppositePolarity));
        }
    }

    #[test]
    fn semantic_signal_only_with_an_embedder() {
        // No word in common: only the embedding tells the paraphrase from
        // the unrelated pair.
        let pairs = [
            ("Prices rose sharply.", "Costs went up fast."),
            ("Prices rose sharply.", "The cat sat on the mat."),
        ];
        let with = score_sentence_pairs(&pairs, &DigestOptions::default());
        let without = score_sentence_pairs(&pairs, &DigestOptions::lexical());
        let semantic = |i: usize| with[i].as_ref().ok().and_then(|s| s.semantic).unwrap();
        assert!(semantic(0) > semantic(1) + 0.2, "{with:?}");
        assert!(
            without
                .iter()
                .all(|s| s.is_ok_and(|s| s.semantic.is_none()))
        );
    }
}

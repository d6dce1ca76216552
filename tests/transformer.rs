//! The Rust transformer against an independent float32 NumPy forward pass of
//! the same model (`scripts/transformer-reference.sh` wrote the probe file):
//! tokens, truncation and vectors must agree, to the rounding of the
//! float16 weights compiled in.

use newsdigest::digest::transformer::Transformer;
use newsdigest::digest::{SentenceEmbedder, cosine};

#[derive(serde::Deserialize)]
struct Probe {
    text: String,
    tokens: usize,
    vector: Vec<f32>,
}

#[derive(serde::Deserialize)]
struct Probes {
    probes: Vec<Probe>,
}

#[test]
fn vectors_match_the_reference_forward_pass() {
    let probes: Probes =
        serde_json::from_str(include_str!("data/transformer-probe.json")).expect("probe file");
    let model = Transformer::built_in();
    let texts: Vec<&str> = probes.probes.iter().map(|p| p.text.as_str()).collect();
    let together = model.embed_texts(&texts);
    for (probe, batched) in probes.probes.iter().zip(&together) {
        assert_eq!(
            model.token_count(&probe.text),
            probe.tokens,
            "{:?}",
            probe.text
        );
        let alone = model.embed(&probe.text);
        let agreement = cosine(&alone, &probe.vector);
        assert!(agreement > 0.9999, "{:?}: cosine {agreement}", probe.text);
        let drift = alone
            .iter()
            .zip(batched)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(drift < 1e-5, "{:?}: batched differs by {drift}", probe.text);
    }
}

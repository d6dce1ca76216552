//! The learned same-claim decision: a pair of passages becomes a vector of
//! features, and a logistic model fitted by `scripts/train-same-claim.py`
//! turns it into the probability that the two tell one claim. The weights,
//! the feature standardisation and the merge threshold (chosen on a
//! validation split the fit never saw) are data in `models/same-claim.json`;
//! nothing here is tuned by hand. The hard guards (a claim and its denial,
//! a rise and a fall, conflicting figures, different actors) stay in front
//! of the model: what they forbid, no probability can join.

use std::sync::OnceLock;

use super::features::{PassageFeatures, TermVector};

/// The names of the features, in the order of [`PairFeatures::values`] and
/// of the model file's coefficients.
pub const FEATURE_NAMES: [&str; 11] = [
    "cosine",
    "containment",
    "semantic",
    "semantic_x_cosine",
    "shared_quantities",
    "unshared_quantities",
    "names_meet",
    "both_named",
    "log_min_terms",
    "term_ratio",
    "shared_term_share",
];

/// One pair's features, as the model reads them.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PairFeatures {
    pub values: [f32; FEATURE_NAMES.len()],
}

/// What two passages share, feature by feature.
pub fn pair_features(
    a: &PassageFeatures,
    va: &TermVector,
    b: &PassageFeatures,
    vb: &TermVector,
    semantic: Option<f32>,
    cosine: f32,
    containment: f32,
) -> PairFeatures {
    let semantic = semantic.unwrap_or(0.0);
    let shared = super::similarity::shared_distinctive_quantities(a, b) as f32;
    let distinctive_a = a
        .quantities
        .iter()
        .filter(|q| super::similarity::is_distinctive(q))
        .count();
    let distinctive_b = b
        .quantities
        .iter()
        .filter(|q| super::similarity::is_distinctive(q))
        .count();
    let unshared = (distinctive_a + distinctive_b) as f32 - 2.0 * shared;
    let names_meet = super::actors::share_an_actor(
        a.actors.iter().chain(&a.places).chain(&a.sources),
        b.actors.iter().chain(&b.places).chain(&b.sources),
    );
    let named = |f: &PassageFeatures| !f.actors.is_empty() || !f.places.is_empty();
    let (na, nb) = (va.len() as f32, vb.len() as f32);
    let (min_terms, max_terms) = (na.min(nb), na.max(nb));
    let shared_terms = va.shared_count(vb) as f32;
    PairFeatures {
        values: [
            cosine,
            containment,
            semantic,
            semantic * cosine,
            shared.min(3.0),
            unshared.clamp(0.0, 6.0),
            f32::from(u8::from(names_meet)),
            f32::from(u8::from(named(a) && named(b))),
            (1.0 + min_terms).ln(),
            if max_terms > 0.0 {
                min_terms / max_terms
            } else {
                0.0
            },
            if min_terms > 0.0 {
                shared_terms / min_terms
            } else {
                0.0
            },
        ],
    }
}

/// `score` with the model's probability beside its signals.
pub fn decide(
    mut score: super::PairScore,
    a: &PassageFeatures,
    va: &TermVector,
    b: &PassageFeatures,
    vb: &TermVector,
    model: &SameClaimModel,
) -> super::PairScore {
    let x = pair_features(
        a,
        va,
        b,
        vb,
        score.semantic,
        score.cosine,
        score.containment,
    );
    score.probability = Some(model.probability(&x));
    score
}

/// A fitted logistic model over [`PairFeatures`], with its threshold.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct SameClaimModel {
    pub features: Vec<String>,
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub coef: Vec<f32>,
    pub intercept: f32,
    /// Two passages are one claim when the probability reaches this.
    pub threshold: f32,
}

/// The model file: one model for the digest with the built-in embedder,
/// one for word overlap alone (`--lexical`) and, when it has been fitted,
/// one for the full transformer's cosine (`--transformer`).
#[derive(Debug, Clone, serde::Deserialize)]
struct ModelFile {
    semantic: SameClaimModel,
    lexical: SameClaimModel,
    #[serde(default)]
    transformer: Option<SameClaimModel>,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelFileError {
    #[error("the same-claim model file does not parse: {0}")]
    Parse(#[from] serde_json::Error),
    #[error(
        "the same-claim model {which} names features {found:?}, the program computes {expected:?}"
    )]
    Features {
        which: &'static str,
        found: Vec<String>,
        expected: Vec<String>,
    },
    #[error("the same-claim model {which} has {found} values where {expected} are needed")]
    Length {
        which: &'static str,
        found: usize,
        expected: usize,
    },
}

const BUILT_IN: &str = include_str!("../../models/same-claim.json");

fn parse(json: &str) -> Result<ModelFile, ModelFileError> {
    let file: ModelFile = serde_json::from_str(json)?;
    let models = [
        Some(("semantic", &file.semantic)),
        Some(("lexical", &file.lexical)),
        file.transformer.as_ref().map(|m| ("transformer", m)),
    ];
    for (which, model) in models.into_iter().flatten() {
        let expected: Vec<String> = FEATURE_NAMES.iter().map(|s| s.to_string()).collect();
        if model.features != expected {
            return Err(ModelFileError::Features {
                which,
                found: model.features.clone(),
                expected,
            });
        }
        for found in [model.mean.len(), model.scale.len(), model.coef.len()] {
            if found != FEATURE_NAMES.len() {
                return Err(ModelFileError::Length {
                    which,
                    found,
                    expected: FEATURE_NAMES.len(),
                });
            }
        }
    }
    Ok(file)
}

fn built_in() -> &'static ModelFile {
    static MODELS: OnceLock<ModelFile> = OnceLock::new();
    // The file is compiled in and checked by a unit test, so a failure here
    // is a build that never passed its tests.
    MODELS.get_or_init(|| parse(BUILT_IN).unwrap_or_else(|e| panic!("{e}")))
}

impl SameClaimModel {
    /// The model for a digest with the built-in embedder.
    pub fn with_semantic() -> &'static SameClaimModel {
        &built_in().semantic
    }

    /// The model for word overlap alone.
    pub fn lexical() -> &'static SameClaimModel {
        &built_in().lexical
    }

    /// The model for the full transformer's cosine, when one was fitted.
    pub fn with_transformer() -> Option<&'static SameClaimModel> {
        built_in().transformer.as_ref()
    }

    /// The probability that a pair tells one claim.
    pub fn probability(&self, x: &PairFeatures) -> f32 {
        let mut z = self.intercept;
        for (k, v) in x.values.iter().enumerate() {
            let scale = if self.scale[k] > 0.0 {
                self.scale[k]
            } else {
                1.0
            };
            z += self.coef[k] * (v - self.mean[k]) / scale;
        }
        1.0 / (1.0 + (-z).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_file_parses_and_names_the_computed_features() {
        let file = parse(BUILT_IN).expect("models/same-claim.json");
        let (semantic, lexical) = (&file.semantic, &file.lexical);
        for model in [semantic, lexical]
            .into_iter()
            .chain(file.transformer.as_ref())
        {
            assert!(model.threshold > 0.0 && model.threshold < 1.0);
            assert!(model.scale.iter().all(|s| s.is_finite() && *s >= 0.0));
        }
        // The lexical model has no embedding to read.
        let k = FEATURE_NAMES.iter().position(|n| *n == "semantic").unwrap();
        assert_eq!(lexical.coef[k], 0.0);
    }

    #[test]
    fn a_model_file_with_other_features_is_refused() {
        let json = BUILT_IN.replacen("\"cosine\"", "\"cosinus\"", 1);
        assert!(matches!(parse(&json), Err(ModelFileError::Features { .. })));
    }

    #[test]
    fn probability_is_monotone_in_a_positive_coefficient() {
        let model = SameClaimModel {
            features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
            mean: vec![0.0; FEATURE_NAMES.len()],
            scale: vec![1.0; FEATURE_NAMES.len()],
            coef: {
                let mut c = vec![0.0; FEATURE_NAMES.len()];
                c[0] = 2.0;
                c
            },
            intercept: -1.0,
            threshold: 0.5,
        };
        let mut low = PairFeatures {
            values: [0.0; FEATURE_NAMES.len()],
        };
        let mut high = low;
        low.values[0] = 0.1;
        high.values[0] = 0.9;
        assert!(model.probability(&high) > model.probability(&low));
        assert!((model.probability(&low) - 1.0 / (1.0 + (0.8f32).exp())).abs() < 1e-6);
    }
}

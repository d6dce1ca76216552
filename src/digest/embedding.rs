//! A static sentence embedder: one vector per WordPiece token, averaged over
//! the tokens of a sentence and normalised to unit length.
//!
//! The built-in model (`models/minilm-static/`) is a model2vec distillation
//! of all-MiniLM-L6-v2 with the directions all its rows share taken out
//! (all-but-the-top), reduced to int8 rows with one scale per row; see
//! `models/README.md` for its provenance and `scripts/distill-model.sh` for
//! how it is rebuilt. It is compiled into the binary, so nothing is read at
//! run time.
//!
//! The tokenizer is BERT's uncased one (`wordpiece.rs`). Like model2vec,
//! unknown words are left out of the average.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

use super::SentenceEmbedder;
use super::wordpiece::WordPiece;

const BUILT_IN_CONFIG: &str = include_str!("../../models/minilm-static/config.json");
const BUILT_IN_VOCAB: &str = include_str!("../../models/minilm-static/vocab.txt");
const BUILT_IN_EMBEDDINGS: &[u8] = include_bytes!("../../models/minilm-static/embeddings.i8");
const BUILT_IN_SCALES: &[u8] = include_bytes!("../../models/minilm-static/scales.f32");

/// What `config.json` of a model folder says.
#[derive(Debug, Clone, Deserialize)]
pub struct StaticModelConfig {
    /// Length of every token vector.
    pub dims: usize,
    /// Number of tokens: lines of `vocab.txt`, rows of the matrix.
    pub rows: usize,
    pub unk_token: String,
    pub continuing_subword_prefix: String,
    pub max_input_chars_per_word: usize,
    /// Only the first tokens of a longer text count, as in model2vec.
    #[serde(default)]
    pub max_tokens: Option<usize>,
    pub lowercase: bool,
    pub strip_accents: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("reading {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("parsing the model's config.json")]
    Config(#[source] serde_json::Error),
    #[error("vocab.txt has {found} tokens, config.json says {expected}")]
    VocabLength { expected: usize, found: usize },
    #[error("token {token:?} appears twice in vocab.txt")]
    DuplicateToken { token: String },
    #[error("the unknown token {0:?} is not in vocab.txt")]
    MissingUnknownToken(String),
    #[error("embeddings.i8 has {found} bytes, expected {expected} (rows × dims)")]
    MatrixLength { expected: usize, found: usize },
    #[error("scales.f32 has {found} bytes, expected {expected} (4 per row)")]
    ScalesLength { expected: usize, found: usize },
}

/// Token vectors stored as int8 with one f32 scale per token.
pub struct StaticEmbedder {
    config: StaticModelConfig,
    tokenizer: WordPiece,
    embeddings: Cow<'static, [u8]>,
    scales: Vec<f32>,
}

impl std::fmt::Debug for StaticEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaticEmbedder")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl StaticEmbedder {
    /// The model compiled into newsdigest, parsed once per process.
    pub fn built_in() -> &'static StaticEmbedder {
        static BUILT_IN: OnceLock<StaticEmbedder> = OnceLock::new();
        BUILT_IN.get_or_init(|| {
            // The files are part of the source tree, not user input, and the
            // test `built_in_model_loads` checks them on every build.
            StaticEmbedder::parse_built_in()
                .expect("the model compiled into newsdigest is consistent")
        })
    }

    /// Parses the compiled-in model anew (what [`StaticEmbedder::built_in`]
    /// does once per process).
    pub fn parse_built_in() -> Result<StaticEmbedder, ModelError> {
        StaticEmbedder::from_parts(
            BUILT_IN_CONFIG,
            BUILT_IN_VOCAB,
            Cow::Borrowed(BUILT_IN_EMBEDDINGS),
            BUILT_IN_SCALES,
        )
    }

    /// Reads a model folder with `config.json`, `vocab.txt`, `embeddings.i8`
    /// and `scales.f32`, as written by `scripts/distill-model.sh`.
    pub fn load_dir(dir: &Path) -> Result<StaticEmbedder, ModelError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| ModelError::Read { path, source })
        };
        let text = |name: &str| {
            let bytes = read(name)?;
            String::from_utf8(bytes).map_err(|e| ModelError::Read {
                path: dir.join(name),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            })
        };
        let config = text("config.json")?;
        let vocab = text("vocab.txt")?;
        let embeddings = read("embeddings.i8")?;
        let scales = read("scales.f32")?;
        StaticEmbedder::from_parts(&config, &vocab, Cow::Owned(embeddings), &scales)
    }

    pub fn from_parts(
        config_json: &str,
        vocab: &str,
        embeddings: Cow<'static, [u8]>,
        scales: &[u8],
    ) -> Result<StaticEmbedder, ModelError> {
        let config: StaticModelConfig =
            serde_json::from_str(config_json).map_err(ModelError::Config)?;
        let tokenizer = WordPiece::new(
            vocab,
            &config.unk_token,
            &config.continuing_subword_prefix,
            config.max_input_chars_per_word,
            config.lowercase,
            config.strip_accents,
        )?;
        if tokenizer.vocab_size() != config.rows {
            return Err(ModelError::VocabLength {
                expected: config.rows,
                found: tokenizer.vocab_size(),
            });
        }
        let expected = config.rows * config.dims;
        if embeddings.len() != expected {
            return Err(ModelError::MatrixLength {
                expected,
                found: embeddings.len(),
            });
        }
        if scales.len() != config.rows * 4 {
            return Err(ModelError::ScalesLength {
                expected: config.rows * 4,
                found: scales.len(),
            });
        }
        let scales = scales
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        Ok(StaticEmbedder {
            config,
            tokenizer,
            embeddings,
            scales,
        })
    }

    pub fn dims(&self) -> usize {
        self.config.dims
    }

    /// The vocabulary ids of a text's tokens, unknown words included as the
    /// unknown token's id.
    pub fn token_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = self.tokenizer.ids(text);
        if let Some(max) = self.config.max_tokens {
            ids.truncate(max);
        }
        ids
    }
}

impl StaticEmbedder {
    /// The known tokens of a text, whose vectors its embedding sums: what
    /// [`StaticEmbedder::embed_known`] needs to give the embedding again.
    pub fn known_token_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = self.token_ids(text);
        ids.retain(|&id| id != self.tokenizer.unk_id());
        ids
    }

    /// The embedding of a text from its known tokens (see
    /// [`StaticEmbedder::known_token_ids`]): the same vector, to the bit, as
    /// [`SentenceEmbedder::embed`] gives for the text.
    pub fn embed_known(&self, ids: &[u32]) -> Vec<f32> {
        let dims = self.config.dims;
        let mut sum = vec![0.0f32; dims];
        for &id in ids {
            let row = id as usize;
            let scale = self.scales[row];
            let values = &self.embeddings[row * dims..(row + 1) * dims];
            for (s, &v) in sum.iter_mut().zip(values) {
                *s += f32::from(v as i8) * scale;
            }
        }
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            for s in &mut sum {
                *s /= norm;
            }
        }
        sum
    }
}

impl SentenceEmbedder for StaticEmbedder {
    /// The mean of the known tokens' vectors, L2-normalised; all zeros for a
    /// text with no known token.
    fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_known(&self.known_token_ids(text))
    }
}

impl SentenceEmbedder for &'static StaticEmbedder {
    fn embed(&self, text: &str) -> Vec<f32> {
        (**self).embed(text)
    }

    fn static_model(&self) -> Option<&'static StaticEmbedder> {
        Some(*self)
    }
}

/// The embeddings of the texts of a digest.
#[derive(Debug, Clone)]
pub(crate) enum TextEmbeddings {
    /// Each text's vector, as its embedder gave it.
    Vectors(Vec<Vec<f32>>),
    /// For the built-in static model, each text's known token ids: a
    /// vector is summed again when it is read. A vector is 256 `f32`s
    /// (1 KB) and a sentence some 30 tokens, so this holds about an eighth
    /// as much, and a large story's embeddings were the largest thing the
    /// digest held. The vectors are the same to the bit, so every score is.
    Tokens {
        model: &'static StaticEmbedder,
        ids: Vec<Box<[u32]>>,
    },
}

impl TextEmbeddings {
    /// Embeds `count` texts, `text(t)` giving text `t`, kept in the
    /// smallest form the embedder allows.
    pub(crate) fn of(
        embedder: &dyn SentenceEmbedder,
        count: usize,
        text: impl Fn(usize) -> String + Sync,
    ) -> TextEmbeddings {
        use rayon::prelude::*;
        match embedder.static_model() {
            Some(model) => TextEmbeddings::Tokens {
                model,
                ids: (0..count)
                    .into_par_iter()
                    .map(|t| model.known_token_ids(&text(t)).into_boxed_slice())
                    .collect(),
            },
            None => {
                let texts: Vec<String> = (0..count).into_par_iter().map(&text).collect();
                TextEmbeddings::Vectors(
                    texts
                        .par_chunks(super::transformer::BATCH)
                        .flat_map_iter(|batch| embedder.embed_batch(batch))
                        .collect(),
                )
            }
        }
    }

    /// The vector of text `t`.
    pub(crate) fn vector(&self, t: usize) -> Option<Cow<'_, [f32]>> {
        match self {
            TextEmbeddings::Vectors(v) => v.get(t).map(|v| Cow::Borrowed(v.as_slice())),
            TextEmbeddings::Tokens { model, ids } => {
                ids.get(t).map(|ids| Cow::Owned(model.embed_known(ids)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::cosine;

    #[test]
    fn built_in_model_loads() {
        let model = StaticEmbedder::parse_built_in();
        assert!(model.is_ok(), "{model:?}");
    }

    #[test]
    fn splits_punctuation_accents_and_word_pieces() {
        let model = StaticEmbedder::built_in();
        let ids = model.token_ids("unaffable");
        assert!(ids.len() > 1, "a rare word is cut into pieces: {ids:?}");
        assert!(!ids.contains(&model.tokenizer.unk_id()));
        assert_eq!(model.token_ids("netflix"), model.token_ids("NETFLIX"));
    }

    #[test]
    fn unknown_text_embeds_to_zeros() {
        let model = StaticEmbedder::built_in();
        let v = model.embed("\u{1F600}\u{1F600}");
        assert_eq!(v.len(), model.dims());
        assert!(v.iter().all(|&x| x == 0.0));
    }

    #[test]
    fn embeddings_are_unit_length_and_deterministic() {
        let model = StaticEmbedder::built_in();
        let a = model.embed("Meta shared users' private messages with Netflix.");
        let b = model.embed("Meta shared users' private messages with Netflix.");
        assert_eq!(a, b);
        let norm = a.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
    }

    #[test]
    fn paraphrases_score_higher_than_unrelated_sentences() {
        let model = StaticEmbedder::built_in();
        let cases = [
            (
                "Meta allegedly shared users' DMs with Netflix for almost a decade",
                "For almost 10 years Netflix had access to Facebook users' messages",
                "The central bank raised interest rates by a quarter point on Tuesday",
            ),
            (
                "The company fired 300 employees after the merger",
                "After the merger the firm laid off 300 workers",
                "Heavy rain flooded several villages in the north of the country",
            ),
            (
                "The president signed the climate bill into law",
                "The climate legislation was signed by the president",
                "A new smartphone with a larger screen goes on sale next week",
            ),
        ];
        for (a, paraphrase, unrelated) in cases {
            let (ea, ep, eu) = (
                model.embed(a),
                model.embed(paraphrase),
                model.embed(unrelated),
            );
            let near = cosine(&ea, &ep);
            let far = cosine(&ea, &eu);
            assert!(
                near > far + 0.1,
                "{a:?}: paraphrase {near:.3} vs unrelated {far:.3}"
            );
        }
    }

    #[test]
    fn rejects_inconsistent_files() {
        let config = r###"{"dims":2,"rows":2,"unk_token":"[UNK]","continuing_subword_prefix":"##",
            "max_input_chars_per_word":100,"lowercase":true,"strip_accents":true}"###;
        let ok =
            StaticEmbedder::from_parts(config, "[UNK]\nnews\n", Cow::Owned(vec![1; 4]), &[0; 8]);
        assert!(ok.is_ok());
        let short =
            StaticEmbedder::from_parts(config, "[UNK]\nnews\n", Cow::Owned(vec![1; 3]), &[0; 8]);
        assert!(matches!(short, Err(ModelError::MatrixLength { .. })));
        let twice =
            StaticEmbedder::from_parts(config, "news\nnews\n", Cow::Owned(vec![1; 4]), &[0; 8]);
        assert!(matches!(twice, Err(ModelError::DuplicateToken { .. })));
        let no_unk =
            StaticEmbedder::from_parts(config, "a\nnews\n", Cow::Owned(vec![1; 4]), &[0; 8]);
        assert!(matches!(no_unk, Err(ModelError::MissingUnknownToken(_))));
    }
}

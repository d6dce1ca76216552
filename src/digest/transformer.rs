//! The full all-MiniLM-L6-v2 transformer in pure Rust (candle's BERT), behind
//! the `transformer` cargo feature: the best quality, at the cost of a
//! forward pass per sentence. Weights come from `scripts/fetch-transformer.sh`.
//!
//! As sentence-transformers does: tokens with `[CLS]`/`[SEP]`, at most 256 of
//! them, no padding; mean-pool the last hidden states over the attention
//! mask; L2-normalise. Embeddings are cached on disk by a hash of the text,
//! so a second start is instant.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::Tokenizer;

use super::SentenceEmbedder;

/// sentence-transformers' `max_seq_length` for all-MiniLM-L6-v2.
const MAX_TOKENS: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum TransformerError {
    #[error("reading {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("parsing {path}")]
    Config {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("loading the tokenizer {path}: {message}")]
    Tokenizer { path: PathBuf, message: String },
    #[error("running the model")]
    Model(#[from] candle_core::Error),
    #[error("tokenizing: {0}")]
    Tokenize(String),
    #[error("creating the embedding cache {path}")]
    Cache {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub struct TransformerEmbedder {
    model: BertModel,
    tokenizer: Tokenizer,
    cache_dir: Option<PathBuf>,
    failures: AtomicUsize,
    dims: usize,
}

impl TransformerEmbedder {
    /// Loads `config.json`, `tokenizer.json` and `model.safetensors` from
    /// `model_dir`; caches embeddings under `cache_dir` when given.
    pub fn load(
        model_dir: &Path,
        cache_dir: Option<&Path>,
    ) -> Result<TransformerEmbedder, TransformerError> {
        let read = |name: &str| {
            let path = model_dir.join(name);
            fs::read(&path).map_err(|source| TransformerError::Read { path, source })
        };
        let config_path = model_dir.join("config.json");
        let config: Config = serde_json::from_slice(&read("config.json")?).map_err(|source| {
            TransformerError::Config {
                path: config_path,
                source,
            }
        })?;
        let tokenizer_path = model_dir.join("tokenizer.json");
        let mut tokenizer =
            Tokenizer::from_file(&tokenizer_path).map_err(|e| TransformerError::Tokenizer {
                path: tokenizer_path.clone(),
                message: e.to_string(),
            })?;
        // The file pads every text to 128 tokens: pooling must see the real ones only.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(tokenizers::TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(|e| TransformerError::Tokenizer {
                path: tokenizer_path,
                message: e.to_string(),
            })?;
        let weights = read("model.safetensors")?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu)?;
        let model = BertModel::load(vb, &config)?;
        if let Some(dir) = cache_dir {
            fs::create_dir_all(dir).map_err(|source| TransformerError::Cache {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        Ok(TransformerEmbedder {
            model,
            tokenizer,
            cache_dir: cache_dir.map(Path::to_path_buf),
            failures: AtomicUsize::new(0),
            dims: config.hidden_size,
        })
    }

    /// How many texts could not be embedded (their vector is all zeros).
    pub fn failures(&self) -> usize {
        self.failures.load(Ordering::Relaxed)
    }

    pub fn try_embed(&self, text: &str) -> Result<Vec<f32>, TransformerError> {
        let cache_file = self
            .cache_dir
            .as_ref()
            .map(|dir| dir.join(format!("{:016x}.f32", text_hash(text))));
        if let Some(vector) = cache_file.as_deref().and_then(|p| read_cached(p, text)) {
            return Ok(vector);
        }
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| TransformerError::Tokenize(e.to_string()))?;
        let ids = Tensor::new(encoding.get_ids(), &Device::Cpu)?.unsqueeze(0)?;
        let type_ids = ids.zeros_like()?;
        let mask = Tensor::new(encoding.get_attention_mask(), &Device::Cpu)?.unsqueeze(0)?;
        let hidden = self.model.forward(&ids, &type_ids, Some(&mask))?;
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let count = mask.sum(1)?;
        let mean = summed.broadcast_div(&count)?.squeeze(0)?;
        let mut vector: Vec<f32> = mean.to_vec1()?;
        let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            for v in &mut vector {
                *v /= norm;
            }
        }
        if let Some(path) = cache_file {
            // A cache that cannot be written only costs time next start.
            let _ = write_cached(&path, text, &vector);
        }
        Ok(vector)
    }
}

impl SentenceEmbedder for TransformerEmbedder {
    /// All zeros, counted in [`TransformerEmbedder::failures`], when the
    /// model fails on a text.
    fn embed(&self, text: &str) -> Vec<f32> {
        self.try_embed(text).unwrap_or_else(|_| {
            self.failures.fetch_add(1, Ordering::Relaxed);
            vec![0.0; self.dims]
        })
    }
}

impl SentenceEmbedder for std::sync::Arc<TransformerEmbedder> {
    fn embed(&self, text: &str) -> Vec<f32> {
        self.as_ref().embed(text)
    }
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
fn text_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A cache file holds the text's length, the text (to rule out a hash
/// collision), then the vector as little-endian f32.
fn read_cached(path: &Path, text: &str) -> Option<Vec<f32>> {
    let bytes = fs::read(path).ok()?;
    let length_bytes: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    let length = usize::try_from(u64::from_le_bytes(length_bytes)).ok()?;
    let stored = bytes.get(8..8 + length)?;
    if stored != text.as_bytes() {
        return None;
    }
    let floats = bytes.get(8 + length..)?;
    if floats.is_empty() || floats.len() % 4 != 0 {
        return None;
    }
    Some(
        floats
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
    )
}

fn write_cached(path: &Path, text: &str, vector: &[f32]) -> std::io::Result<()> {
    let mut bytes = Vec::with_capacity(8 + text.len() + vector.len() * 4);
    bytes.extend_from_slice(&(text.len() as u64).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
    for v in vector {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    let partial = path.with_extension("partial");
    fs::write(&partial, bytes)?;
    fs::rename(partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_round_trip_and_collision_check() {
        let dir =
            std::env::temp_dir().join(format!("newsdigest-cache-test-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("entry.f32");
        write_cached(&path, "Netflix read DMs", &[0.5, -0.25]).expect("write");
        assert_eq!(
            read_cached(&path, "Netflix read DMs"),
            Some(vec![0.5, -0.25])
        );
        assert_eq!(read_cached(&path, "another text"), None);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(text_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(text_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    /// Needs the weights: `scripts/fetch-transformer.sh` then
    /// `NEWSDIGEST_TRANSFORMER_DIR=… cargo test --features transformer`.
    #[test]
    fn paraphrase_beats_unrelated_when_weights_are_present() {
        let Some(dir) = std::env::var_os("NEWSDIGEST_TRANSFORMER_DIR") else {
            eprintln!("NEWSDIGEST_TRANSFORMER_DIR not set: transformer weights test skipped");
            return;
        };
        let model = TransformerEmbedder::load(Path::new(&dir), None).expect("model loads");
        let a = model.embed("Meta allegedly shared users' DMs with Netflix for almost a decade");
        let p = model.embed("For almost 10 years Netflix had access to Facebook users' messages");
        let u = model.embed("The central bank raised interest rates on Tuesday");
        let (near, far) = (super::super::cosine(&a, &p), super::super::cosine(&a, &u));
        assert!(
            near > far + 0.2,
            "paraphrase {near:.3} vs unrelated {far:.3}"
        );
        assert_eq!(model.failures(), 0);
    }
}

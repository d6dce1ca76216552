//! The sentence transformer: all-MiniLM-L6-v2 (a six-layer BERT) run in pure
//! Rust on ndarray, its weights compiled in from `models/minilm/` (float16,
//! see `models/README.md`).
//!
//! As sentence-transformers does: the text's WordPiece tokens between
//! `[CLS]` and `[SEP]`, at most 256 of them, no padding; the last hidden
//! states mean-pooled and L2-normalised. A forward pass costs some 20 million
//! multiply-adds per token, so embeddings are cached on disk by a hash of the
//! model and the text, and a second start reads them back.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use ndarray::{Array1, Array2, ArrayView2, Axis, Slice};
use serde::Deserialize;

use super::SentenceEmbedder;
use super::embedding::ModelError;
use super::wordpiece::WordPiece;

const BUILT_IN_CONFIG: &str = include_str!("../../models/minilm/config.json");
const BUILT_IN_VOCAB: &str = include_str!("../../models/minilm/vocab.txt");
const BUILT_IN_WEIGHTS: &[u8] = include_bytes!("../../models/minilm/model.safetensors");

/// Texts embedded together (see [`Transformer::embed_texts`]).
pub const BATCH: usize = 16;

/// What a packed model folder's `config.json` says (`scripts/pack_transformer.py`).
#[derive(Debug, Clone, Deserialize)]
pub struct TransformerConfig {
    pub hidden_size: usize,
    pub intermediate_size: usize,
    pub num_attention_heads: usize,
    pub num_hidden_layers: usize,
    pub max_position_embeddings: usize,
    pub layer_norm_eps: f32,
    pub vocab_size: usize,
    pub hidden_act: String,
    /// Tokens read from a text, `[CLS]` and `[SEP]` included.
    pub max_tokens: usize,
    pub lowercase: bool,
    pub strip_accents: bool,
    pub unk_token: String,
    pub continuing_subword_prefix: String,
    pub max_input_chars_per_word: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum TransformerError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("model.safetensors: {0}")]
    Weights(String),
    #[error("config.json: {0}")]
    Config(String),
    #[error("creating the embedding cache {path}")]
    Cache {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

struct Linear {
    /// `[outputs, inputs]`, as PyTorch stores it.
    weight: Array2<f32>,
    bias: Array1<f32>,
}

impl Linear {
    fn forward(&self, x: &Array2<f32>) -> Array2<f32> {
        let mut y = x.dot(&self.weight.t());
        y += &self.bias;
        y
    }
}

struct LayerNorm {
    weight: Array1<f32>,
    bias: Array1<f32>,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_output: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
}

/// The token table stays as stored (float16 in the built-in model) and a
/// row is widened when a token is read: it is half the weights.
struct TokenTable {
    bytes: Cow<'static, [u8]>,
    offset: usize,
    dtype: Dtype,
    dims: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Dtype {
    F16,
    F32,
}

impl TokenTable {
    fn add_row_to(&self, id: usize, out: &mut [f32]) {
        let width = match self.dtype {
            Dtype::F16 => 2,
            Dtype::F32 => 4,
        };
        let start = self.offset + id * self.dims * width;
        let row = &self.bytes[start..start + self.dims * width];
        for (o, b) in out.iter_mut().zip(row.chunks_exact(width)) {
            *o += match self.dtype {
                Dtype::F16 => f16_to_f32(u16::from_le_bytes([b[0], b[1]])),
                Dtype::F32 => f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            };
        }
    }
}

pub struct Transformer {
    config: TransformerConfig,
    tokenizer: WordPiece,
    cls: u32,
    sep: u32,
    tokens: TokenTable,
    positions: Array2<f32>,
    token_type: Array1<f32>,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    /// Names the weights in the embedding cache, so that another model's
    /// vectors are never read back.
    id: u64,
}

impl std::fmt::Debug for Transformer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transformer")
            .field("config", &self.config)
            .field("id", &format_args!("{:016x}", self.id))
            .finish_non_exhaustive()
    }
}

impl Transformer {
    /// The model compiled into newsdigest, parsed once per process.
    pub fn built_in() -> &'static Transformer {
        static BUILT_IN: OnceLock<Transformer> = OnceLock::new();
        BUILT_IN.get_or_init(|| {
            // The files are part of the source tree, not user input, and the
            // test `built_in_model_loads` checks them on every build.
            Transformer::parse_built_in().expect("the model compiled into newsdigest is consistent")
        })
    }

    pub fn parse_built_in() -> Result<Transformer, TransformerError> {
        Transformer::from_parts(
            BUILT_IN_CONFIG,
            BUILT_IN_VOCAB,
            Cow::Borrowed(BUILT_IN_WEIGHTS),
        )
    }

    /// Reads a folder written by `scripts/pack_transformer.py`:
    /// `config.json`, `vocab.txt` and `model.safetensors`.
    pub fn load_dir(dir: &Path) -> Result<Transformer, TransformerError> {
        let read = |name: &str| {
            let path = dir.join(name);
            fs::read(&path).map_err(|source| ModelError::Read { path, source })
        };
        let text = |name: &str| -> Result<String, ModelError> {
            String::from_utf8(read(name)?).map_err(|e| ModelError::Read {
                path: dir.join(name),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            })
        };
        let config = text("config.json")?;
        let vocab = text("vocab.txt")?;
        let weights = read("model.safetensors")?;
        Transformer::from_parts(&config, &vocab, Cow::Owned(weights))
    }

    pub fn from_parts(
        config_json: &str,
        vocab: &str,
        weights: Cow<'static, [u8]>,
    ) -> Result<Transformer, TransformerError> {
        let config: TransformerConfig =
            serde_json::from_str(config_json).map_err(ModelError::Config)?;
        if config.hidden_act != "gelu" {
            return Err(TransformerError::Config(format!(
                "activation {:?} is not supported (only gelu)",
                config.hidden_act
            )));
        }
        let heads = config.num_attention_heads;
        if heads == 0 || !config.hidden_size.is_multiple_of(heads) {
            return Err(TransformerError::Config(format!(
                "{} attention heads do not divide the hidden size {}",
                heads, config.hidden_size
            )));
        }
        if config.max_tokens < 2 || config.max_tokens > config.max_position_embeddings {
            return Err(TransformerError::Config(format!(
                "max_tokens {} is not between 2 and {} positions",
                config.max_tokens, config.max_position_embeddings
            )));
        }
        let tokenizer = WordPiece::new(
            vocab,
            &config.unk_token,
            &config.continuing_subword_prefix,
            config.max_input_chars_per_word,
            config.lowercase,
            config.strip_accents,
        )?;
        if tokenizer.vocab_size() != config.vocab_size {
            return Err(ModelError::VocabLength {
                expected: config.vocab_size,
                found: tokenizer.vocab_size(),
            }
            .into());
        }
        let special = |token: &str| {
            tokenizer
                .id_of(token)
                .ok_or_else(|| TransformerError::Config(format!("{token} is not in vocab.txt")))
        };
        let (cls, sep) = (special("[CLS]")?, special("[SEP]")?);
        let file = Safetensors::parse(&weights)?;
        let (h, inner) = (config.hidden_size, config.intermediate_size);
        let vector = |name: &str, len: usize| -> Result<Array1<f32>, TransformerError> {
            Ok(Array1::from_vec(file.floats(&weights, name, &[len])?))
        };
        let matrix = |name: &str, rows: usize, cols: usize| {
            Array2::from_shape_vec((rows, cols), file.floats(&weights, name, &[rows, cols])?)
                .map_err(|e| TransformerError::Weights(format!("{name}: {e}")))
        };
        let linear =
            |name: &str, outputs: usize, inputs: usize| -> Result<Linear, TransformerError> {
                Ok(Linear {
                    weight: matrix(&format!("{name}.weight"), outputs, inputs)?,
                    bias: vector(&format!("{name}.bias"), outputs)?,
                })
            };
        let norm = |name: &str| -> Result<LayerNorm, TransformerError> {
            Ok(LayerNorm {
                weight: vector(&format!("{name}.weight"), h)?,
                bias: vector(&format!("{name}.bias"), h)?,
            })
        };
        let layers = (0..config.num_hidden_layers)
            .map(|l| {
                let p = format!("encoder.layer.{l}");
                Ok(Layer {
                    query: linear(&format!("{p}.attention.self.query"), h, h)?,
                    key: linear(&format!("{p}.attention.self.key"), h, h)?,
                    value: linear(&format!("{p}.attention.self.value"), h, h)?,
                    attention_output: linear(&format!("{p}.attention.output.dense"), h, h)?,
                    attention_norm: norm(&format!("{p}.attention.output.LayerNorm"))?,
                    intermediate: linear(&format!("{p}.intermediate.dense"), inner, h)?,
                    output: linear(&format!("{p}.output.dense"), h, inner)?,
                    output_norm: norm(&format!("{p}.output.LayerNorm"))?,
                })
            })
            .collect::<Result<Vec<_>, TransformerError>>()?;
        let word = file.tensor("embeddings.word_embeddings.weight", &[config.vocab_size, h])?;
        let tokens = TokenTable {
            offset: word.start,
            dtype: word.dtype,
            dims: h,
            bytes: Cow::Borrowed(&[]),
        };
        let positions = matrix(
            "embeddings.position_embeddings.weight",
            config.max_position_embeddings,
            h,
        )?;
        let token_types = matrix("embeddings.token_type_embeddings.weight", 2, h)?;
        let embedding_norm = norm("embeddings.LayerNorm")?;
        let id = weights_id(config_json, vocab, &weights);
        Ok(Transformer {
            tokenizer,
            cls,
            sep,
            tokens: TokenTable {
                bytes: weights,
                ..tokens
            },
            positions,
            token_type: token_types.row(0).to_owned(),
            embedding_norm,
            layers,
            id,
            config,
        })
    }

    pub fn dims(&self) -> usize {
        self.config.hidden_size
    }

    /// `[CLS]`, the text's first tokens, `[SEP]`.
    fn token_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::with_capacity(64);
        ids.push(self.cls);
        ids.extend(self.tokenizer.ids(text));
        ids.truncate(self.config.max_tokens - 1);
        ids.push(self.sep);
        ids
    }

    /// How many tokens the model reads of a text, `[CLS]` and `[SEP]` included.
    pub fn token_count(&self, text: &str) -> usize {
        self.token_ids(text).len()
    }

    /// The sentence vector of a text: the mean of its last hidden states,
    /// unit length.
    pub fn embed_text(&self, text: &str) -> Vec<f32> {
        self.embed_texts(&[text]).pop().unwrap_or_default()
    }

    /// [`Transformer::embed_text`] of several texts at once: their tokens go
    /// through each matrix product together, which is faster than one by one
    /// (the weights are packed for the kernel once per product).
    pub fn embed_texts(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        let sequences: Vec<Vec<u32>> = texts.iter().map(|t| self.token_ids(t)).collect();
        let hidden = self.forward(&sequences);
        let mut start = 0;
        sequences
            .iter()
            .map(|ids| {
                let rows = hidden.slice_axis(Axis(0), Slice::from(start..start + ids.len()));
                start += ids.len();
                let mut mean = rows
                    .mean_axis(Axis(0))
                    .map_or_else(Vec::new, |m| m.to_vec());
                let norm = mean.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for v in &mut mean {
                        *v /= norm;
                    }
                }
                mean
            })
            .collect()
    }

    /// The last hidden states of token sequences, one row per token, the
    /// sequences one after the other. Each attends only to itself.
    fn forward(&self, sequences: &[Vec<u32>]) -> Array2<f32> {
        let h = self.config.hidden_size;
        let eps = self.config.layer_norm_eps;
        let total: usize = sequences.iter().map(Vec::len).sum();
        let mut x = Array2::<f32>::zeros((total, h));
        let positions = sequences.iter().flat_map(|ids| 0..ids.len());
        let ids = sequences.iter().flatten();
        for ((position, &id), mut row) in positions.zip(ids).zip(x.rows_mut()) {
            row.assign(&self.positions.row(position));
            row += &self.token_type;
            if let Some(out) = row.as_slice_mut() {
                self.tokens.add_row_to(id as usize, out);
            }
        }
        layer_norm(&mut x, &self.embedding_norm, eps);
        let heads = self.config.num_attention_heads;
        let head_dims = h / heads;
        let scale = 1.0 / (head_dims as f32).sqrt();
        for layer in &self.layers {
            let q = layer.query.forward(&x);
            let k = layer.key.forward(&x);
            let v = layer.value.forward(&x);
            let mut context = Array2::<f32>::zeros(x.raw_dim());
            let mut start = 0;
            for ids in sequences {
                let tokens = Slice::from(start..start + ids.len());
                start += ids.len();
                for head in 0..heads {
                    let columns = Slice::from(head * head_dims..(head + 1) * head_dims);
                    fn part(m: &Array2<f32>, tokens: Slice, columns: Slice) -> ArrayView2<'_, f32> {
                        m.slice_axis(Axis(0), tokens)
                            .slice_axis_move(Axis(1), columns)
                    }
                    let mut scores = part(&q, tokens, columns).dot(&part(&k, tokens, columns).t());
                    scores *= scale;
                    for mut row in scores.rows_mut() {
                        let max = row.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
                        row.mapv_inplace(|v| (v - max).exp());
                        let sum = row.sum();
                        row /= sum;
                    }
                    context
                        .slice_axis_mut(Axis(0), tokens)
                        .slice_axis_move(Axis(1), columns)
                        .assign(&scores.dot(&part(&v, tokens, columns)));
                }
            }
            x += &layer.attention_output.forward(&context);
            layer_norm(&mut x, &layer.attention_norm, eps);
            let mut inner = layer.intermediate.forward(&x);
            inner.mapv_inplace(gelu);
            x += &layer.output.forward(&inner);
            layer_norm(&mut x, &layer.output_norm, eps);
        }
        x
    }
}

fn layer_norm(x: &mut Array2<f32>, norm: &LayerNorm, eps: f32) {
    for mut row in x.rows_mut() {
        let n = row.len() as f32;
        let mean = row.sum() / n;
        let variance = row.fold(0.0, |acc, &v| acc + (v - mean) * (v - mean)) / n;
        let inverse = 1.0 / (variance + eps).sqrt();
        row.zip_mut_with(&norm.weight, |v, &w| *v = (*v - mean) * inverse * w);
        row += &norm.bias;
    }
}

/// BERT's GELU, with the error function (not the tanh approximation).
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// Abramowitz and Stegun 7.1.26 (absolute error under 1.5e-7), in f64 so
/// that f32 rounding is the only loss.
fn erf(x: f32) -> f32 {
    let x = f64::from(x);
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let y = 1.0 - poly * (-x * x).exp();
    (if x < 0.0 { -y } else { y }) as f32
}

fn f16_to_f32(half: u16) -> f32 {
    let sign = u32::from(half >> 15) << 31;
    let exponent = u32::from((half >> 10) & 0x1f);
    let mantissa = u32::from(half & 0x3ff);
    match exponent {
        0 => {
            // Zero or subnormal: mantissa × 2^-24.
            let magnitude = mantissa as f32 * f32::from_bits(0x3380_0000);
            if sign == 0 { magnitude } else { -magnitude }
        }
        0x1f => f32::from_bits(sign | 0x7f80_0000 | (mantissa << 13)),
        _ => f32::from_bits(sign | ((exponent + 112) << 23) | (mantissa << 13)),
    }
}

/// FNV-1a over the model's files, eight bytes at a time: the cache key of
/// its vectors.
fn weights_id(config: &str, vocab: &str, weights: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |word: u64| {
        hash ^= word;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for bytes in [config.as_bytes(), vocab.as_bytes(), weights] {
        let chunks = bytes.chunks_exact(8);
        let rest = chunks.remainder();
        for c in chunks {
            eat(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        for &b in rest {
            eat(u64::from(b));
        }
        eat(bytes.len() as u64);
    }
    hash
}

#[derive(Deserialize)]
struct TensorEntry {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [usize; 2],
}

struct TensorAt {
    dtype: Dtype,
    start: usize,
}

/// The header of a safetensors file: where each tensor's bytes are.
struct Safetensors {
    entries: HashMap<String, TensorEntry>,
    data_start: usize,
}

impl Safetensors {
    fn parse(bytes: &[u8]) -> Result<Safetensors, TransformerError> {
        let bad = |what: &str| TransformerError::Weights(what.to_string());
        let length: [u8; 8] = bytes
            .get(..8)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| bad("shorter than its header"))?;
        let length = usize::try_from(u64::from_le_bytes(length))
            .map_err(|_| bad("header length out of range"))?;
        let header = bytes
            .get(8..8usize.saturating_add(length))
            .ok_or_else(|| bad("header runs past the end of the file"))?;
        let mut raw: HashMap<String, serde_json::Value> = serde_json::from_slice(header)
            .map_err(|e| TransformerError::Weights(format!("header: {e}")))?;
        raw.remove("__metadata__");
        let entries = raw
            .into_iter()
            .map(|(name, value)| {
                serde_json::from_value(value)
                    .map(|entry| (name.clone(), entry))
                    .map_err(|e| TransformerError::Weights(format!("{name}: {e}")))
            })
            .collect::<Result<HashMap<_, _>, _>>()?;
        Ok(Safetensors {
            entries,
            data_start: 8 + length,
        })
    }

    /// Where a tensor of this shape starts, checked against the file's length.
    fn tensor(&self, name: &str, shape: &[usize]) -> Result<TensorAt, TransformerError> {
        let bad = |what: String| TransformerError::Weights(format!("{name}: {what}"));
        let entry = self
            .entries
            .get(name)
            .ok_or_else(|| bad("missing".to_string()))?;
        if entry.shape != shape {
            return Err(bad(format!("shape {:?}, expected {shape:?}", entry.shape)));
        }
        let (dtype, width) = match entry.dtype.as_str() {
            "F16" => (Dtype::F16, 2),
            "F32" => (Dtype::F32, 4),
            other => return Err(bad(format!("dtype {other} is not supported"))),
        };
        let [start, end] = entry.data_offsets;
        let expected = shape.iter().product::<usize>() * width;
        if end < start || end - start != expected {
            return Err(bad(format!(
                "{} bytes, expected {expected}",
                end.saturating_sub(start)
            )));
        }
        Ok(TensorAt {
            dtype,
            start: self.data_start + start,
        })
    }

    fn floats(
        &self,
        bytes: &[u8],
        name: &str,
        shape: &[usize],
    ) -> Result<Vec<f32>, TransformerError> {
        let at = self.tensor(name, shape)?;
        let count = shape.iter().product::<usize>();
        let width = if at.dtype == Dtype::F16 { 2 } else { 4 };
        let data = bytes
            .get(at.start..at.start + count * width)
            .ok_or_else(|| {
                TransformerError::Weights(format!("{name}: runs past the end of the file"))
            })?;
        Ok(match at.dtype {
            Dtype::F16 => data
                .chunks_exact(2)
                .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
                .collect(),
            Dtype::F32 => data
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        })
    }
}

/// A transformer with its embeddings cached on disk (`cache_dir`, one file
/// per text) when a folder is given.
pub struct TransformerEmbedder {
    model: Source,
    dims: usize,
    cache_dir: Option<PathBuf>,
    progress: Arc<EmbeddingProgress>,
}

/// How many texts an embedder has handed out so far, for a progress display
/// on another thread: a cold start spends most of its time here.
#[derive(Debug, Default)]
pub struct EmbeddingProgress {
    /// Texts run through the model.
    pub embedded: AtomicUsize,
    /// Texts whose vector was read back from the cache.
    pub cached: AtomicUsize,
}

enum Source {
    /// Parsed at the first text the cache does not hold, so that a warm
    /// start never pays for it.
    BuiltIn,
    Loaded(&'static Transformer),
}

impl TransformerEmbedder {
    /// The built-in model; vectors cached under `cache_root/<model id>/`.
    pub fn built_in(cache_root: Option<&Path>) -> Result<TransformerEmbedder, TransformerError> {
        static ID: OnceLock<(u64, usize)> = OnceLock::new();
        let &(id, dims) = ID.get_or_init(|| {
            let dims = serde_json::from_str::<TransformerConfig>(BUILT_IN_CONFIG)
                .map_or(0, |c| c.hidden_size);
            (
                weights_id(BUILT_IN_CONFIG, BUILT_IN_VOCAB, BUILT_IN_WEIGHTS),
                dims,
            )
        });
        TransformerEmbedder::with(Source::BuiltIn, id, dims, cache_root)
    }

    /// A model loaded for the life of the process (`Transformer::load_dir`).
    pub fn new(
        model: &'static Transformer,
        cache_root: Option<&Path>,
    ) -> Result<TransformerEmbedder, TransformerError> {
        TransformerEmbedder::with(Source::Loaded(model), model.id, model.dims(), cache_root)
    }

    fn with(
        model: Source,
        id: u64,
        dims: usize,
        cache_root: Option<&Path>,
    ) -> Result<TransformerEmbedder, TransformerError> {
        let cache_dir = cache_root.map(|root| root.join(format!("{id:016x}")));
        if let Some(dir) = &cache_dir {
            fs::create_dir_all(dir).map_err(|source| TransformerError::Cache {
                path: dir.clone(),
                source,
            })?;
        }
        Ok(TransformerEmbedder {
            model,
            dims,
            cache_dir,
            progress: Arc::default(),
        })
    }

    /// Counts what this embedder does into `progress` (shared with a display).
    #[must_use]
    pub fn counting_into(mut self, progress: Arc<EmbeddingProgress>) -> TransformerEmbedder {
        self.progress = progress;
        self
    }

    fn model(&self) -> &'static Transformer {
        match self.model {
            Source::BuiltIn => Transformer::built_in(),
            Source::Loaded(model) => model,
        }
    }
}

impl TransformerEmbedder {
    fn cache_file(&self, text: &str) -> Option<PathBuf> {
        self.cache_dir
            .as_ref()
            .map(|dir| dir.join(format!("{:016x}.f32", text_hash(text))))
    }

    fn cached(&self, text: &str) -> Option<Vec<f32>> {
        read_cached(&self.cache_file(text)?, text).filter(|v| v.len() == self.dims)
    }
}

impl SentenceEmbedder for TransformerEmbedder {
    fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_batch(&[text.to_string()])
            .pop()
            .unwrap_or_default()
    }

    /// Cached vectors are read back; the others are embedded together and
    /// written to the cache.
    fn embed_batch(&self, texts: &[String]) -> Vec<Vec<f32>> {
        let mut vectors: Vec<Option<Vec<f32>>> = texts.iter().map(|t| self.cached(t)).collect();
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| vectors[i].is_none()).collect();
        self.progress
            .cached
            .fetch_add(texts.len() - missing.len(), Ordering::Relaxed);
        if !missing.is_empty() {
            let batch: Vec<&str> = missing.iter().map(|&i| texts[i].as_str()).collect();
            for (&i, vector) in missing.iter().zip(self.model().embed_texts(&batch)) {
                if let Some(path) = self.cache_file(&texts[i]) {
                    // A cache that cannot be written only costs time next start.
                    let _ = write_cached(&path, &texts[i], &vector);
                }
                vectors[i] = Some(vector);
            }
            self.progress
                .embedded
                .fetch_add(missing.len(), Ordering::Relaxed);
        }
        vectors.into_iter().map(Option::unwrap_or_default).collect()
    }
}

impl SentenceEmbedder for &'static Transformer {
    fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_text(text)
    }
}

/// The transformer's part of the blend the digest scores with (see
/// `ScoreWeights::with_transformer` for how it was chosen).
pub const TRANSFORMER_SHARE: f32 = 0.5;

/// The static model's and the transformer's vectors side by side, scaled so
/// that the cosine of two blends is `share` × the transformer's cosine +
/// (1 − `share`) × the static model's: the static model, fitted to news
/// words with the directions all words share taken out, tells the facts of
/// one story apart better; the transformer reads syntax and paraphrase.
pub struct BlendedEmbedder {
    pub transformer: TransformerEmbedder,
    pub share: f32,
}

impl BlendedEmbedder {
    fn blend(&self, text: &str, transformer: Vec<f32>) -> Vec<f32> {
        let fixed = super::StaticEmbedder::built_in().embed(text);
        let (a, b) = ((1.0 - self.share).sqrt(), self.share.sqrt());
        fixed
            .iter()
            .map(|x| x * a)
            .chain(transformer.iter().map(|x| x * b))
            .collect()
    }
}

impl SentenceEmbedder for BlendedEmbedder {
    fn embed(&self, text: &str) -> Vec<f32> {
        self.blend(text, self.transformer.embed(text))
    }

    fn embed_batch(&self, texts: &[String]) -> Vec<Vec<f32>> {
        texts
            .iter()
            .zip(self.transformer.embed_batch(texts))
            .map(|(t, v)| self.blend(t, v))
            .collect()
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
    let stored = bytes.get(8..8usize.checked_add(length)?)?;
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
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    fs::write(&partial, bytes)?;
    fs::rename(partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::cosine;

    #[test]
    fn built_in_model_loads() {
        let model = Transformer::parse_built_in();
        assert!(model.is_ok(), "{model:?}");
    }

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

    #[test]
    fn half_floats_widen_exactly() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x0001), 5.960_464_5e-8);
        assert_eq!(f16_to_f32(0x8000), -0.0);
        assert_eq!(f16_to_f32(0x7c00), f32::INFINITY);
        assert!(f16_to_f32(0x7e00).is_nan());
    }

    #[test]
    fn erf_matches_known_values() {
        for (x, want) in [
            (0.0, 0.0),
            (0.5, 0.520_499_9),
            (1.0, 0.842_700_8),
            (-2.0, -0.995_322_3),
        ] {
            assert!((erf(x) - want).abs() < 2e-7, "erf({x}) = {}", erf(x));
        }
    }

    #[test]
    fn paraphrase_beats_unrelated() {
        let model = Transformer::built_in();
        let a =
            model.embed_text("Meta allegedly shared users' DMs with Netflix for almost a decade");
        let p =
            model.embed_text("For almost 10 years Netflix had access to Facebook users' messages");
        let u = model.embed_text("The central bank raised interest rates on Tuesday");
        let (near, far) = (cosine(&a, &p), cosine(&a, &u));
        assert!(
            near > far + 0.2,
            "paraphrase {near:.3} vs unrelated {far:.3}"
        );
        let norm = a.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
    }

    #[test]
    fn long_texts_are_cut_to_the_model_length() {
        let model = Transformer::built_in();
        let long = "word ".repeat(1000);
        assert_eq!(model.token_ids(&long).len(), model.config.max_tokens);
        assert_eq!(model.embed_text(&long).len(), model.dims());
        assert_eq!(model.token_ids("").len(), 2);
    }

    #[test]
    fn rejects_broken_weights() {
        let cut = Transformer::from_parts(
            BUILT_IN_CONFIG,
            BUILT_IN_VOCAB,
            Cow::Borrowed(&BUILT_IN_WEIGHTS[..BUILT_IN_WEIGHTS.len() / 2]),
        );
        assert!(matches!(cut, Err(TransformerError::Weights(_))), "{cut:?}");
        let garbage =
            Transformer::from_parts(BUILT_IN_CONFIG, BUILT_IN_VOCAB, Cow::Borrowed(b"12345678"));
        assert!(garbage.is_err());
    }

    #[test]
    fn a_blend_scores_the_weighted_mean_of_its_cosines() {
        let blend = BlendedEmbedder {
            transformer: TransformerEmbedder::built_in(None).expect("no cache to create"),
            share: 0.5,
        };
        let (a, b) = (
            "The mayor resigned on Friday.",
            "On Friday the mayor stepped down.",
        );
        let fixed = super::super::StaticEmbedder::built_in();
        let model = Transformer::built_in();
        let want = 0.5 * cosine(&fixed.embed(a), &fixed.embed(b))
            + 0.5 * cosine(&model.embed_text(a), &model.embed_text(b));
        let got = cosine(&blend.embed(a), &blend.embed(b));
        assert!((got - want).abs() < 1e-5, "{got} vs {want}");
    }

    #[test]
    fn cached_vectors_are_read_back_and_misses_written() {
        let root = std::env::temp_dir().join(format!("newsdigest-vectors-{}", std::process::id()));
        let embedder = TransformerEmbedder::built_in(Some(&root)).expect("cache folder");
        let text = "Netflix could read message inboxes.";
        let path = embedder.cache_file(text).expect("a cache file");
        let computed = embedder.embed(text);
        assert_eq!(
            read_cached(&path, text).as_deref(),
            Some(computed.as_slice())
        );
        // A vector planted in the cache is what the embedder answers.
        let planted = vec![0.5; embedder.dims];
        write_cached(&path, text, &planted).expect("write");
        assert_eq!(embedder.embed_batch(&[text.to_string()]), vec![planted]);
        let _ = fs::remove_dir_all(&root);
    }
}

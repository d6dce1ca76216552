//! Writes, for every pair of claimable passages of one story in a folder,
//! the features the learned same-claim decision reads, as JSON lines:
//! `{"a": {...}, "b": {...}, "guard": null, "features": [...]}`, where each
//! side names its article id, byte span and text. `scripts/train-same-claim.py`
//! labels the pairs from gold files and fits the model on them.
//!
//! `cargo run --release --example pair_features -- DIR [--lexical | --transformer MODEL_DIR]`
//! (`--transformer` needs `--features transformer`)

use std::io::Write;
use std::path::PathBuf;

use newsdigest::digest::DigestOptions;
use newsdigest::{Corpus, Digest, PassageRef};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: pair_features DIR [--lexical]"))?,
    );
    let corpus = Corpus::load_dir(&dir)?;
    let options = match args.next().as_deref() {
        Some("--lexical") => DigestOptions::lexical(),
        Some("--transformer") => {
            let model = PathBuf::from(
                args.next()
                    .ok_or_else(|| anyhow::anyhow!("--transformer needs a folder"))?,
            );
            transformer(&model)?
        }
        Some(other) => anyhow::bail!("unknown argument {other:?}"),
        None => DigestOptions::default(),
    };
    let digest = Digest::build_with(&corpus, &options);
    let side = |r: PassageRef| {
        let article = &corpus.articles[r.article];
        let passage = &article.passages[r.passage];
        serde_json::json!({
            "article": article.id,
            "start": passage.span.start,
            "end": passage.span.end,
            "text": article.passage_text(passage),
        })
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (a, b, result) in digest.pair_features() {
        let (features, guard) = match result {
            Ok(f) => (Some(f.values), None),
            Err(why) => (None, Some(why.name())),
        };
        let line = serde_json::json!({
            "a": side(a),
            "b": side(b),
            "guard": guard,
            "features": features,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(feature = "transformer")]
fn transformer(dir: &std::path::Path) -> anyhow::Result<DigestOptions> {
    use newsdigest::digest::{ScoreWeights, transformer::TransformerEmbedder};
    let cache = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cache/newsdigest/transformer-embeddings"));
    Ok(DigestOptions {
        weights: ScoreWeights::with_transformer(),
        model: None,
        embedder: Some(Box::new(TransformerEmbedder::load(dir, cache.as_deref())?)),
        exhaustive_pairs: false,
    })
}

#[cfg(not(feature = "transformer"))]
fn transformer(_dir: &std::path::Path) -> anyhow::Result<DigestOptions> {
    anyhow::bail!("built without the `transformer` feature")
}

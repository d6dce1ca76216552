//! Writes, for every pair of claimable passages of one story in a folder,
//! the features the learned same-claim decision reads, as JSON lines:
//! `{"a": {...}, "b": {...}, "guard": null, "features": [...]}`, where each
//! side names its article id, byte span and text. `scripts/train-same-claim.py`
//! labels the pairs from gold files and fits the model on them.
//!
//! `cargo run --release --example pair_features -- DIR [--lexical | --transformer [MODEL_DIR]]`
//! (the built-in transformer, or a folder packed by `scripts/pack_transformer.py`)

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
        Some("--transformer") => transformer(args.next().map(PathBuf::from))?,
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

/// The built-in transformer or a packed folder, vectors cached where the
/// command line's are.
fn transformer(dir: Option<PathBuf>) -> anyhow::Result<DigestOptions> {
    use newsdigest::digest::transformer::Transformer;
    let model: Option<&'static Transformer> = match dir {
        None => None,
        Some(dir) => Some(Box::leak(Box::new(Transformer::load_dir(&dir)?))),
    };
    let cache = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cache/newsdigest/sentence-vectors"));
    Ok(DigestOptions::transformer(model, cache.as_deref())?)
}

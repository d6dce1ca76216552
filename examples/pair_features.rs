//! Writes, for every pair of claimable passages of one story in a folder,
//! the features the learned same-claim decision reads, as JSON lines:
//! `{"a": {...}, "b": {...}, "guard": null, "features": [...]}`, where each
//! side names its article id, byte span and text. `scripts/train-same-claim.py`
//! labels the pairs from gold files and fits the model on them.
//!
//! `cargo run --release --example pair_features -- DIR [--lexical]`

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
    let lexical = args.next().as_deref() == Some("--lexical");
    let corpus = Corpus::load_dir(&dir)?;
    let options = if lexical {
        DigestOptions::lexical()
    } else {
        DigestOptions::default()
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

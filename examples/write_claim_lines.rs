//! Writes synthetic claim texts, one per line, for `newsdigest search
//! --lines` and `fzf --filter` (see `scripts/bench-search-vs-fzf.sh`).
//! Run: `cargo run --release --example write_claim_lines -- COUNT FILE [SEED]`

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(file)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: write_claim_lines COUNT FILE [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
    for text in newsdigest::synthetic::claim_texts(count, seed) {
        writeln!(out, "{text}")?;
    }
    out.flush()?;
    Ok(())
}

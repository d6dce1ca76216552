//! Embeds each line of a file with the built-in transformer and prints the
//! rate (and, with `--vectors`, each vector as a JSON line), to check the
//! Rust port against a reference and to measure it:
//! `cargo run --release --example sentence_vectors -- LINES [--vectors]`.

use std::time::Instant;

use newsdigest::digest::transformer::Transformer;
use rayon::prelude::*;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: sentence_vectors LINES [--vectors]"))?;
    let print = args.next().as_deref() == Some("--vectors");
    let text = std::fs::read_to_string(&path)?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = Instant::now();
    let model = Transformer::built_in();
    let loaded = start.elapsed();
    let start = Instant::now();
    let vectors: Vec<Vec<f32>> = lines
        .par_chunks(newsdigest::digest::transformer::BATCH)
        .flat_map_iter(|batch| model.embed_texts(batch))
        .collect();
    let took = start.elapsed();
    let tokens: usize = lines.iter().map(|l| model.token_count(l)).sum();
    if print {
        for v in &vectors {
            println!("{}", serde_json::to_string(v)?);
        }
    }
    eprintln!(
        "model parsed in {:.1} ms; {} texts, {} tokens in {:.2} s: {:.0} texts/s, {:.0} tokens/s ({} threads)",
        loaded.as_secs_f64() * 1e3,
        lines.len(),
        tokens,
        took.as_secs_f64(),
        lines.len() as f64 / took.as_secs_f64(),
        tokens as f64 / took.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok(())
}

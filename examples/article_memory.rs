//! Peak memory for one huge article, per byte of input: the article is
//! written to a folder, then read, cleaned, split and digested as the
//! interface would, and the process's peak resident memory (VmHWM) is
//! divided by the file's size.
//!
//! Run: `cargo run --release --example article_memory -- [MB] [synthetic|repeated]`
//! (default 50 MB of synthetic news, every sentence its own; `repeated`
//! writes the five built-in articles over and over). For a second opinion,
//! `/usr/bin/time -v target/release/examples/article_memory 50`.

use std::time::Instant;

use newsdigest::digest::DigestOptions;
use newsdigest::synthetic::generate;
use newsdigest::{Corpus, Digest, corpus::embedded_articles, disputes};

/// Peak resident memory of this process so far, from /proc (Linux).
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// About `bytes` of news text as one article.
fn article(bytes: usize, repeated: bool) -> String {
    let mut text = String::from("One Very Long Article\n\n");
    if repeated {
        let all: String = embedded_articles().iter().map(|(_, t)| *t).collect();
        while text.len() < bytes {
            text.push_str(&all);
            text.push_str("\n\n");
        }
        return text;
    }
    let mut seed = 1;
    while text.len() < bytes {
        // Synthetic stories, each with its own names and figures.
        let corpus = generate(200, seed);
        for (_, body) in &corpus.articles {
            text.push_str(body);
            text.push_str("\n\n");
        }
        seed += 1;
    }
    text
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice()
        && flag == "--measure"
    {
        return measure(std::path::Path::new(dir));
    }
    let megabytes: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(50);
    let repeated = args.iter().any(|a| a == "repeated");
    let dir =
        std::env::temp_dir().join(format!("newsdigest-article-memory-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let text = article(megabytes * 1024 * 1024, repeated);
    std::fs::write(dir.join("huge.txt"), &text)?;
    drop(text);
    println!(
        "one article of {}",
        if repeated {
            "the five built-in articles repeated"
        } else {
            "synthetic news"
        }
    );
    // Measured in a fresh process, so writing the article is not counted.
    let status = std::process::Command::new(std::env::current_exe()?)
        .arg("--measure")
        .arg(&dir)
        .status()?;
    let _ = std::fs::remove_dir_all(&dir);
    if !status.success() {
        return Err(format!("the measuring run failed: {status}").into());
    }
    Ok(())
}

fn measure(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let size: u64 = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let before = peak_rss_bytes().unwrap_or(0);
    let started = Instant::now();
    let corpus = Corpus::load_dir(dir)?;
    let loaded = started.elapsed();
    let after_load = peak_rss_bytes().unwrap_or(0);
    let options = DigestOptions::default();
    let digest = Digest::build_with(&corpus, &options);
    let disagreements = disputes::find(&corpus, &digest, &options);
    let built = started.elapsed();
    let peak = peak_rss_bytes().unwrap_or(0);
    let passages: usize = corpus.articles.iter().map(|a| a.passages.len()).sum();
    println!(
        "{size} bytes, {passages} passages, {} claims, {} discrepancies",
        digest.claims.len(),
        disagreements.discrepancies.len()
    );
    println!(
        "loaded in {:.1} s, digest and disagreements by {:.1} s",
        loaded.as_secs_f64(),
        built.as_secs_f64()
    );
    println!(
        "peak memory: {:.0} MB at start, {:.0} MB after loading, {:.0} MB at the end",
        before as f64 / 1e6,
        after_load as f64 / 1e6,
        peak as f64 / 1e6
    );
    println!(
        "bytes of peak memory per input byte: {:.1}",
        peak as f64 / size as f64
    );
    Ok(())
}

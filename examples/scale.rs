//! The digest at scale, on synthetic news written to disk and read back:
//! time, peak memory and quality, with blocking on and (for the smaller
//! sizes) off.
//!
//! Run: `cargo run --release --example scale -- 100 1000 10000`
//! Add `--exhaustive` to also build without blocking (slow at 10,000), and
//! `--transformer` to embed with the built-in transformer (vectors cached
//! under `$NEWSDIGEST_CACHE` when it is set, else not cached: a cold start).

use std::time::Instant;

use newsdigest::digest::DigestOptions;
use newsdigest::eval::evaluate_facts;
use newsdigest::synthetic::generate;
use newsdigest::{Corpus, Digest};

/// Peak resident memory of this process so far, from /proc (Linux).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let exhaustive = args.iter().any(|a| a == "--exhaustive");
    let transformer = args.iter().any(|a| a == "--transformer");
    let cache = std::env::var_os("NEWSDIGEST_CACHE")
        .filter(|dir| !dir.is_empty())
        .map(|dir| std::path::PathBuf::from(dir).join("sentence-vectors"));
    let options = || -> Result<DigestOptions, Box<dyn std::error::Error>> {
        Ok(if transformer {
            DigestOptions::transformer(None, cache.as_deref())?
        } else {
            DigestOptions::default()
        })
    };
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![100, 1000]
    } else {
        sizes
    };
    let mut previous: Option<(usize, f64)> = None;
    for n in sizes {
        let synthetic = generate(n, 42);
        let dir = std::env::temp_dir().join(format!("newsdigest-scale-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        for (id, text) in &synthetic.articles {
            std::fs::write(dir.join(format!("{id}.txt")), text)?;
        }
        let started = Instant::now();
        let corpus = Corpus::load_dir(&dir)?;
        let digest = Digest::build_with(&corpus, &options()?);
        let seconds = started.elapsed().as_secs_f64();
        let passages: usize = corpus.articles.iter().map(|a| a.passages.len()).sum();
        let report = evaluate_facts(&corpus, &digest, &synthetic.labels);
        print!(
            "{n:>6} articles · {passages:>7} passages · {:>6} claims · {seconds:>7.3} s · peak {:>6.0} MiB · blocking: {}",
            digest.claims.len(),
            peak_rss_mib().unwrap_or(f64::NAN),
            report.summary()
        );
        if let Some((m, t)) = previous {
            print!(
                " · time ×{:.1} for ×{:.0} articles",
                seconds / t,
                n as f64 / m as f64
            );
        }
        println!();
        previous = Some((n, seconds));
        if exhaustive {
            let started = Instant::now();
            let options = DigestOptions {
                exhaustive_pairs: true,
                ..options()?
            };
            let digest = Digest::build_with(&corpus, &options);
            let seconds = started.elapsed().as_secs_f64();
            let report = evaluate_facts(&corpus, &digest, &synthetic.labels);
            println!(
                "{n:>6} articles · without blocking: {seconds:.3} s (digest only) · {}",
                report.summary()
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

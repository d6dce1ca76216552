//! How reading an article grows with hostile input: each shape at two
//! sizes, timed, with the ratio of the times. Work that grows with the size
//! shows a ratio near the size ratio (2); work that grows with its square
//! shows about 4.
//!
//! Run: `cargo run --release --example hostile_growth -- [SCALE]`
//! (SCALE multiplies the default sizes; 1 by default). Add `--digest` to
//! time the digest and disagreements too, not only cleaning and splitting.

use std::time::{Duration, Instant};

use newsdigest::digest::DigestOptions;
use newsdigest::{Article, Corpus, Digest, disputes};

/// A hostile shape: its name, its default count, and its text for a count.
type Shape = (&'static str, usize, fn(usize) -> String);

/// The hostile shapes of issue 18, as a function of a count.
fn shapes() -> Vec<Shape> {
    vec![
        ("curly opening quotes", 150_000, |n| "\u{201C}".repeat(n)),
        ("curly quoted sentences", 20_000, |n| {
            "He said, \u{201C}It is untrue. We did not share data.\u{201D} ".repeat(n)
        }),
        ("one-word lines, no blank lines", 250_000, |n| {
            (0..n).map(|i| format!("word{}\n", i % 97)).collect()
        }),
        ("Mr. Dr. U.S. only", 50_000, |n| "Mr. Dr. U.S. ".repeat(n)),
        ("Mr. Dr. U.S. abbreviations", 30_000, |n| {
            "Mr. Dr. U.S. Gen. Smith met Mrs. Jones. ".repeat(n)
        }),
        ("one long line of words", 200_000, |n| "word ".repeat(n)),
        ("sentences on one line", 30_000, |n| {
            "The council approved a $2 billion budget on Monday. ".repeat(n)
        }),
    ]
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scale: f64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1.0);
    let with_digest = args.iter().any(|a| a == "--digest");
    println!(
        "shape | n | bytes | parse | ×2 parse | ratio{}",
        if with_digest {
            " | digest | ×2 digest | ratio"
        } else {
            ""
        }
    );
    for (name, base, make) in shapes() {
        let n = (base as f64 * scale) as usize;
        let mut parse_times = Vec::new();
        let mut digest_times = Vec::new();
        let mut bytes = 0;
        for size in [n, 2 * n] {
            let text = make(size);
            bytes = text.len();
            let (article, parsed) = time(|| Article::parse("hostile", "hostile.txt", text));
            parse_times.push(parsed);
            if with_digest {
                let corpus = Corpus {
                    articles: vec![article],
                    warnings: Vec::new(),
                };
                let options = DigestOptions::default();
                let (_, built) = time(|| {
                    let digest = Digest::build_with(&corpus, &options);
                    disputes::find(&corpus, &digest, &options)
                });
                digest_times.push(built);
            }
        }
        let ratio = |t: &[Duration]| t[1].as_secs_f64() / t[0].as_secs_f64().max(1e-9);
        print!(
            "{name} | {n} | {bytes} (at ×2) | {:.3} s | {:.3} s | {:.2}",
            parse_times[0].as_secs_f64(),
            parse_times[1].as_secs_f64(),
            ratio(&parse_times)
        );
        if with_digest {
            print!(
                " | {:.3} s | {:.3} s | {:.2}",
                digest_times[0].as_secs_f64(),
                digest_times[1].as_secs_f64(),
                ratio(&digest_times)
            );
        }
        println!();
    }
}

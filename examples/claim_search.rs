//! The cost of the interface's claim search, which matches every passage
//! of every claim and then checks fzf's terms and ranks the claims
//! (`newsdigest::search::ClaimSearch`), on synthetic news
//! (`newsdigest::synthetic::generate`): building the index, then each of
//! the queries of `examples/search_latency.rs` answered from scratch, the
//! fuzzy matching and the ranking timed apart; then the same queries typed
//! one character at a time, each keystroke answered as the interface's
//! worker answers it (`src/tui/search_worker.rs`: one `SearchSession`
//! that extends the previous query, then the claim search's terms and
//! ranking), so the figure is the typing latency through every passage.
//!
//! Run: `cargo run --release --example claim_search -- [ARTICLES] [ROUNDS]`

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use newsdigest::search::claims::fuzzy_words;
use newsdigest::search::{ClaimSearch, SearchSession};
use newsdigest::synthetic::generate;
use newsdigest::{Corpus, Digest};

const QUERIES: [&str; 20] = [
    "fine",
    "regulator",
    "board member",
    "partnership",
    "paid million",
    "denied",
    "years",
    "2012",
    "sharing data",
    "maria",
    "analysts expect",
    "quarter growth",
    "zen",
    "cor fine",
    "between",
    "decade",
    "dollars",
    "invstors",
    "pol pres",
    "the company",
];

/// The value at a fraction of the sorted values (0.5: the median).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(rank).copied().unwrap_or(f64::NAN)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The process's resident memory now and at its peak so far, in MiB, as
/// Linux reports them (`None` elsewhere): to tell the index's share of the
/// peak from the digest's.
fn memory_mib() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn main() {
    // A closed pipe (`| head`) ends the report quietly.
    if let Err(error) = run()
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("claim_search: {error}");
        std::process::exit(1);
    }
}

fn run() -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let articles = args.first().copied().unwrap_or(1000);
    let rounds = args.get(1).copied().unwrap_or(3).max(1);
    let synthetic = generate(articles, 42);
    let corpus = Corpus::from_texts(synthetic.articles);
    let digest = Digest::build(&corpus);
    let before_index = memory_mib();
    let started = Instant::now();
    let search = ClaimSearch::new(&corpus, &digest);
    let built = started.elapsed().as_secs_f64() * 1000.0;
    if let (Some((rss, peak)), Some((rss_after, peak_after))) = (before_index, memory_mib()) {
        writeln!(
            out,
            "memory: corpus and digest {rss:.0} MiB resident (peak so far {peak:.0} MiB); \
             with the search index {rss_after:.0} MiB (peak so far {peak_after:.0} MiB)"
        )?;
    }
    let texts: usize = digest.claims.iter().map(|c| 1 + c.support.len()).sum();
    writeln!(
        out,
        "{articles} articles · {} claims · {texts} texts searched ({} distinct) · index built in {built:.1} ms",
        digest.claims.len(),
        search.index.len()
    )?;
    let (mut fuzzy_ms, mut rank_ms, mut total_ms) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        for query in QUERIES {
            let started = Instant::now();
            let hits = search.index.matches(&fuzzy_words(query));
            let matched = started.elapsed();
            let claims = search.rank(query, &hits);
            let ranked = started.elapsed();
            fuzzy_ms.push(matched.as_secs_f64() * 1000.0);
            rank_ms.push((ranked - matched).as_secs_f64() * 1000.0);
            total_ms.push(ranked.as_secs_f64() * 1000.0);
            if rounds == 1 {
                writeln!(
                    out,
                    "{query:>16}: {:>6} texts matched, {:>6} claims ranked",
                    hits.len(),
                    claims.len()
                )?;
            }
        }
    }
    writeln!(
        out,
        "per query, median of {}: fuzzy matching {:.2} ms, terms and ranking {:.2} ms, total {:.2} ms (worst {:.2} ms)",
        total_ms.len(),
        median(&mut fuzzy_ms),
        median(&mut rank_ms),
        median(&mut total_ms.clone()),
        total_ms.iter().copied().fold(0.0, f64::max)
    )?;
    // Typing: every prefix of every query, in order, through one session
    // as the worker keeps it, so a character added to the query is answered
    // from the previous answer and a new query starts from scratch.
    let mut session = SearchSession::new(Arc::clone(&search.index));
    let (mut keystrokes, mut typed_fuzzy_ms) = (Vec::new(), Vec::new());
    // The keystrokes of a word after the first (the earlier terms' checks
    // are kept from the key before), apart.
    let mut later_word_ms = Vec::new();
    for _ in 0..rounds {
        for query in QUERIES {
            let ends: Vec<usize> = query
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .collect();
            for end in ends {
                let typed = &query[..end];
                let started = Instant::now();
                let hits = session.matches(&fuzzy_words(typed));
                typed_fuzzy_ms.push(started.elapsed().as_secs_f64() * 1000.0);
                let claims = search.rank(typed, hits);
                let elapsed = started.elapsed().as_secs_f64() * 1000.0;
                keystrokes.push(elapsed);
                if typed.split_whitespace().count() > 1 && !typed.ends_with(' ') {
                    later_word_ms.push(elapsed);
                }
                // Kept alive until timed, as the worker sends the hits on.
                std::hint::black_box(claims);
            }
        }
    }
    let ranking_ms: Vec<f64> = keystrokes
        .iter()
        .zip(&typed_fuzzy_ms)
        .map(|(total, fuzzy)| total - fuzzy)
        .collect();
    keystrokes.sort_by(f64::total_cmp);
    writeln!(
        out,
        "typed a character at a time, {} keystrokes: median {:.2} ms, p99 {:.2} ms, worst {:.2} ms \
         (median of the session's fuzzy matching {:.2} ms, of terms and ranking {:.2} ms); \
         the {} keystrokes of a word after the first: median {:.2} ms",
        keystrokes.len(),
        percentile(&keystrokes, 0.5),
        percentile(&keystrokes, 0.99),
        keystrokes.last().copied().unwrap_or(f64::NAN),
        median(&mut typed_fuzzy_ms),
        median(&mut ranking_ms.clone()),
        later_word_ms.len(),
        median(&mut later_word_ms),
    )
}

//! Keystroke latency of the interface's search at scale: 100,000 synthetic
//! claim texts (`newsdigest::synthetic::claim_texts`), 20 queries typed one
//! character at a time. Matching runs as in the interface
//! (`src/tui/search_worker.rs`): a worker thread takes the newest waiting
//! query, answers it with a `SearchSession` (one more row per added
//! character, from scratch otherwise) and sends the ranked hits back over
//! a channel. Two replays:
//!
//! - every keystroke: the next key is pressed once the previous results
//!   are back, so every keystroke is searched; latency = key sent →
//!   its results received.
//! - paced typing: a key every `--pace` ms (default 120) whatever the
//!   worker is doing, so queries overtaken while the worker is busy are
//!   dropped, as in the interface; latency = key sent → results of that
//!   query or a newer one received.
//!
//! Prints per query the hits and slowest keystroke, then the median, 99th
//! percentile and worst latency of each replay.
//!
//! Run: `cargo run --release --example search_latency -- [CLAIMS] [ROUNDS] [--pace MS]`
//! `--queries` prints the typed queries, one per line, and exits.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use newsdigest::search::{SearchHit, SearchIndex, SearchSession};
use newsdigest::synthetic::claim_texts;

/// The queries typed; `scripts/bench-search-vs-fzf.sh` reads them from
/// `--queries`.
pub const QUERIES: [&str; 20] = [
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

/// A query and the number of the keystroke that produced it.
type Request = (usize, String);
/// The keystroke number of the query answered, and its hits.
type Answer = (usize, Vec<SearchHit>);

/// The interface's worker: newest waiting query first, answered by one
/// session.
fn spawn_worker(index: Arc<SearchIndex>) -> (Sender<Request>, Receiver<Answer>) {
    let (requests, queries) = mpsc::channel::<Request>();
    let (answers, results) = mpsc::channel::<Answer>();
    thread::spawn(move || {
        let mut session = SearchSession::new(index);
        while let Ok(mut request) = queries.recv() {
            while let Ok(newer) = queries.try_recv() {
                request = newer;
            }
            let (keystroke, query) = request;
            let hits = session.search(&query).to_vec();
            if answers.send((keystroke, hits)).is_err() {
                break;
            }
        }
    });
    (requests, results)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(rank).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn summary(name: &str, latencies: &mut [Duration]) {
    latencies.sort();
    println!(
        "{name}: {} keystrokes, median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        ms(percentile(latencies, 0.5)),
        ms(percentile(latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default())
    );
}

/// Clears the query (the next one starts from scratch) and waits for it.
fn clear(
    requests: &Sender<Request>,
    results: &Receiver<Answer>,
    keystroke: &mut usize,
) -> Result<(), Box<dyn std::error::Error>> {
    *keystroke += 1;
    requests.send((*keystroke, String::new()))?;
    while results.recv()?.0 < *keystroke {}
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--queries") {
        println!("{}", QUERIES.join("\n"));
        return Ok(());
    }
    let pace_position = args.iter().position(|a| a == "--pace");
    let pace = pace_position
        .and_then(|p| args.get(p + 1))
        .and_then(|a| a.parse().ok())
        .map_or(Duration::from_millis(120), Duration::from_millis);
    let numbers: Vec<usize> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| pace_position.is_none_or(|p| *i != p + 1))
        .filter_map(|(_, a)| a.parse().ok())
        .collect();
    let claims = numbers.first().copied().unwrap_or(100_000);
    let rounds = numbers.get(1).copied().unwrap_or(3);

    let texts = claim_texts(claims, 42);
    let started = Instant::now();
    let index = Arc::new(SearchIndex::new(&texts));
    println!(
        "{} claims, index built in {:.0} ms, {} threads for matching",
        index.len(),
        ms(started.elapsed()),
        rayon::current_num_threads()
    );
    let (requests, results) = spawn_worker(Arc::clone(&index));
    let mut keystroke = 0;

    // Every keystroke searched.
    let mut every = Vec::new();
    for round in 0..rounds {
        for query in QUERIES {
            let mut slowest = Duration::ZERO;
            let mut hit_count = 0;
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                keystroke += 1;
                let sent = Instant::now();
                requests.send((keystroke, typed.clone()))?;
                let (answered, hits) = results.recv()?;
                let latency = sent.elapsed();
                if answered != keystroke {
                    return Err(format!("answer to keystroke {answered}, not {keystroke}").into());
                }
                hit_count = hits.len();
                slowest = slowest.max(latency);
                every.push(latency);
            }
            if round == 0 {
                println!(
                    "  {query:<16} {hit_count:>6} hits, slowest keystroke {:>7.1} ms",
                    ms(slowest)
                );
            }
            clear(&requests, &results, &mut keystroke)?;
        }
    }
    summary("every keystroke searched", &mut every);

    // Paced typing: keys do not wait for results.
    let mut paced = Vec::new();
    for _ in 0..rounds {
        for query in QUERIES {
            let first = keystroke + 1;
            let mut sent_at = Vec::new();
            let mut typed = String::new();
            let mut next_key = Instant::now();
            let mut answered_up_to = keystroke;
            for c in query.chars() {
                typed.push(c);
                keystroke += 1;
                // Collect answers that arrive before the next key is due.
                while let Some(wait) = next_key.checked_duration_since(Instant::now()) {
                    match results.recv_timeout(wait) {
                        Ok((answered, _)) => {
                            let now = Instant::now();
                            for k in answered_up_to.max(first - 1) + 1..=answered {
                                if let Some(sent) = sent_at.get(k - first) {
                                    paced.push(now.duration_since(*sent));
                                }
                            }
                            answered_up_to = answered_up_to.max(answered);
                        }
                        Err(_) => break,
                    }
                }
                sent_at.push(Instant::now());
                requests.send((keystroke, typed.clone()))?;
                next_key = Instant::now() + pace;
            }
            while answered_up_to < keystroke {
                let (answered, _) = results.recv()?;
                let now = Instant::now();
                for k in answered_up_to.max(first - 1) + 1..=answered {
                    if let Some(sent) = sent_at.get(k - first) {
                        paced.push(now.duration_since(*sent));
                    }
                }
                answered_up_to = answered_up_to.max(answered);
            }
            clear(&requests, &results, &mut keystroke)?;
        }
    }
    summary(
        &format!("paced typing, a key every {} ms", pace.as_millis()),
        &mut paced,
    );
    Ok(())
}

//! Matching off the input thread: the loop hands queries to a worker and
//! keeps reading keys and drawing; results come back when they are ready.
//! The worker skips queries that were overtaken by newer ones.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use newsdigest::search::claims::fuzzy_words;
use newsdigest::search::{ClaimHit, ClaimSearch, SearchSession};

/// A query and its ranked claims.
pub type SearchResult = (String, Vec<ClaimHit>);

pub struct SearchWorker {
    requests: Sender<String>,
    results: Receiver<SearchResult>,
}

impl SearchWorker {
    /// Starts the worker thread; it ends when the worker is dropped.
    pub fn spawn(search: Arc<ClaimSearch>) -> SearchWorker {
        let (requests, queries) = mpsc::channel::<String>();
        let (answers, results) = mpsc::channel::<SearchResult>();
        thread::spawn(move || {
            // Answers each query from the previous one while the user types on.
            // The session matches the fuzzy words over the distinct texts,
            // unranked; the claim search checks the extended terms and ranks
            // the claims (sorting every matching text first would cost more
            // than matching them).
            let mut session = SearchSession::new(Arc::clone(&search.index));
            while let Ok(mut query) = queries.recv() {
                // Only the newest of the queries waiting matters.
                while let Ok(newer) = queries.try_recv() {
                    query = newer;
                }
                let hits = search.rank(&query, session.matches(&fuzzy_words(&query)));
                if answers.send((query, hits)).is_err() {
                    break;
                }
            }
        });
        SearchWorker { requests, results }
    }

    /// Asks for a search; returns at once.
    pub fn request(&self, query: String) {
        // A send only fails if the worker thread is gone; the app then
        // keeps waiting, and Enter still searches on its own.
        let _ = self.requests.send(query);
    }

    /// Results that are ready, oldest first, without waiting.
    pub fn ready(&self) -> Vec<SearchResult> {
        self.results.try_iter().collect()
    }

    /// Waits up to `timeout` for the next result.
    pub fn wait(&self, timeout: Duration) -> Option<SearchResult> {
        // Timed out, or the worker is gone: nothing to show.
        self.results.recv_timeout(timeout).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_the_newest_query() {
        let texts: Vec<(String, String)> = (0..300)
            .map(|i| {
                (
                    format!("a{i}"),
                    format!("Title {i}\n\nClaim number {i} about boards.\n"),
                )
            })
            .collect();
        let corpus = newsdigest::Corpus::from_texts(texts);
        let digest = newsdigest::Digest::build(&corpus);
        let wanted = digest
            .claims
            .iter()
            .position(|c| c.text == "Claim number 299 about boards.")
            .expect("the claim");
        let worker = SearchWorker::spawn(Arc::new(ClaimSearch::new(&corpus, &digest)));
        for query in ["c", "cl", "cla", "'299 claim"] {
            worker.request(query.to_string());
        }
        let mut last = None;
        while let Some(result) = worker.wait(Duration::from_secs(10)) {
            let done = result.0 == "'299 claim";
            last = Some(result);
            if done {
                break;
            }
        }
        let (query, hits) = last.expect("an answer");
        assert_eq!(query, "'299 claim");
        assert_eq!(hits.first().map(|h| h.claim), Some(wanted));
    }
}

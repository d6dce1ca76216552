//! Matching off the input thread: the loop hands queries to a worker and
//! keeps reading keys and drawing; results come back when they are ready.
//! The worker skips queries that were overtaken by newer ones.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use newsdigest::search::{SearchHit, SearchIndex, SearchSession};

/// A query and its ranked hits.
pub type SearchResult = (String, Vec<SearchHit>);

pub struct SearchWorker {
    requests: Sender<String>,
    results: Receiver<SearchResult>,
}

impl SearchWorker {
    /// Starts the worker thread; it ends when the worker is dropped.
    pub fn spawn(index: Arc<SearchIndex>) -> SearchWorker {
        let (requests, queries) = mpsc::channel::<String>();
        let (answers, results) = mpsc::channel::<SearchResult>();
        thread::spawn(move || {
            // Answers each query from the previous one while the user types on.
            let mut session = SearchSession::new(index);
            while let Ok(mut query) = queries.recv() {
                // Only the newest of the queries waiting matters.
                while let Ok(newer) = queries.try_recv() {
                    query = newer;
                }
                let hits = session.search(&query).to_vec();
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
        let texts: Vec<String> = (0..2000)
            .map(|i| format!("claim number {i} about boards"))
            .collect();
        let worker = SearchWorker::spawn(Arc::new(SearchIndex::new(&texts)));
        for query in ["c", "cl", "cla", "claim 1999"] {
            worker.request(query.to_string());
        }
        let mut last = None;
        while let Some(result) = worker.wait(Duration::from_secs(10)) {
            let done = result.0 == "claim 1999";
            last = Some(result);
            if done {
                break;
            }
        }
        let (query, hits) = last.expect("an answer");
        assert_eq!(query, "claim 1999");
        assert_eq!(hits.first().map(|h| h.item), Some(1999));
    }
}

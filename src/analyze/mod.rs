//! What each passage says and who says it, read once for every later stage:
//! the digest, disputes, discrepancies, exports and the interface read these
//! readings instead of parsing passages again.

pub mod attribution;
pub mod credited;
pub mod dated;
pub mod sources;
pub mod voices;

pub use attribution::{Attribution, Stance};
pub use dated::{Date, DatedEvent};
pub use sources::Sources;
pub use voices::{Voice, Voices};

use crate::corpus::Corpus;
use crate::digest::PassageRef;

/// The readings of every passage of a corpus that depend on more than the
/// passage's words alone, or that only later stages need.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub voices: Voices,
    /// The dated events of each passage, by article.
    dated: Vec<Vec<Vec<DatedEvent>>>,
    /// The sources each passage credits a report to, by article.
    credited: Vec<Vec<Vec<String>>>,
}

impl Annotations {
    pub fn of(corpus: &Corpus) -> Annotations {
        Annotations {
            voices: Voices::of(corpus),
            dated: corpus
                .articles
                .iter()
                .map(|a| {
                    a.passages
                        .iter()
                        .map(|p| dated::dated_events(a.passage_text(p)))
                        .collect()
                })
                .collect(),
            credited: corpus
                .articles
                .iter()
                .map(|a| {
                    a.passages
                        .iter()
                        .map(|p| credited::credited_sources(a.passage_text(p)))
                        .collect()
                })
                .collect(),
        }
    }

    /// The sources a passage credits a report to ("one by The New York
    /// Times").
    pub fn credited(&self, r: PassageRef) -> &[String] {
        self.credited
            .get(r.article)
            .and_then(|a| a.get(r.passage))
            .map_or(&[], Vec::as_slice)
    }

    /// The events a passage dates ("filed on March 23").
    pub fn dated(&self, r: PassageRef) -> &[DatedEvent] {
        self.dated
            .get(r.article)
            .and_then(|a| a.get(r.passage))
            .map_or(&[], Vec::as_slice)
    }
}

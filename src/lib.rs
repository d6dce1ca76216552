//! newsdigest: read how several outlets tell the same story, claim by claim.
//!
//! The library knows nothing of terminals. Data flows one way: files →
//! [`corpus::Corpus`] (articles, cleaned lines, passages with byte spans) →
//! [`digest::Digest`] (claims with their supporting passages) → views,
//! exports and search.

#![forbid(unsafe_code)]

pub mod analyze;
pub mod copies;
pub mod corpus;
pub mod digest;
pub mod disputes;
pub mod eval;
pub mod export;
pub mod files;
pub mod ingest;
pub mod lexicon;
pub mod search;
pub mod synthetic;
pub mod text;

pub use corpus::{Article, Corpus, Passage, PassageKind, Span};
pub use digest::{Claim, Digest, PassageRef};

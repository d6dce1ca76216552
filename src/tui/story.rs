//! What the interface shows, read and found once at start-up: the
//! articles, the digest, the disputes and discrepancies, and who stands
//! behind each supporting passage. Nothing changes it afterwards; the
//! state reads it, and rows are computed from it.

use std::collections::HashMap;

use newsdigest::analyze::Attribution;
use newsdigest::disputes::{Disagreements, Dispute};
use newsdigest::{Corpus, Digest, PassageRef};

pub struct Story {
    pub corpus: Corpus,
    pub digest: Digest,
    /// Disputes and discrepancies, found once at start-up.
    pub disagreements: Disagreements,
    /// The sides of `disagreements`, in the order the view lists them.
    pub disagreement_sides: Vec<DisagreementSide>,
    /// Who stands behind each supporting passage, and how.
    pub attributions: HashMap<PassageRef, Attribution>,
    /// Distinct claims per article.
    pub claims_per_article: Vec<usize>,
}

/// What a side in the disagreements view belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disagreement {
    /// Index into `Disagreements::disputes`.
    Dispute(usize),
    /// Index into `Disagreements::discrepancies`.
    Discrepancy(usize),
}

/// One selectable side of a dispute or a discrepancy: a passage, and the
/// claim it supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisagreementSide {
    pub of: Disagreement,
    /// 0 or 1: asserting and denying claim, or the two sides of a discrepancy.
    pub side: usize,
    pub passage: PassageRef,
    pub claim: Option<usize>,
}

/// The sides of every dispute, then of every discrepancy.
fn sides_of(disagreements: &Disagreements) -> Vec<DisagreementSide> {
    let mut sides = Vec::new();
    for (i, d) in disagreements.disputes.iter().enumerate() {
        for (side, (passage, claim)) in [(d.passages.0, d.asserting), (d.passages.1, d.denying)]
            .into_iter()
            .enumerate()
        {
            sides.push(DisagreementSide {
                of: Disagreement::Dispute(i),
                side,
                passage,
                claim: Some(claim),
            });
        }
    }
    for (i, d) in disagreements.discrepancies.iter().enumerate() {
        for (side, value) in d.sides.iter().enumerate() {
            sides.push(DisagreementSide {
                of: Disagreement::Discrepancy(i),
                side,
                passage: value.passage,
                claim: value.claim,
            });
        }
    }
    sides
}

impl Story {
    pub fn new(corpus: Corpus, digest: Digest, disagreements: Disagreements) -> Story {
        let disagreement_sides = sides_of(&disagreements);
        let attributions = digest
            .claims
            .iter()
            .flat_map(|c| c.support.iter().copied())
            .filter_map(|r| Some((r, digest.voices().attribution(r)?)))
            .collect();
        let claims_per_article = (0..corpus.articles.len())
            .map(|a| {
                digest
                    .claims
                    .iter()
                    .filter(|c| c.articles.contains(&a))
                    .count()
            })
            .collect();
        Story {
            corpus,
            digest,
            disagreements,
            disagreement_sides,
            attributions,
            claims_per_article,
        }
    }

    /// The claims on the other side of a claim's disputes, each with its
    /// dispute, in the order the disputes were found.
    pub fn counterparts(&self, claim: usize) -> Vec<(usize, &Dispute)> {
        self.disagreements
            .disputes_of(claim)
            .map(|d| {
                let other = if d.asserting == claim {
                    d.denying
                } else {
                    d.asserting
                };
                (other, d)
            })
            .collect()
    }

    /// "c4 denies c1 · 3 vs 4 articles": the denying side first.
    pub fn dispute_summary(&self, dispute: &Dispute) -> String {
        let (Some(asserting), Some(denying)) = (
            self.digest.claims.get(dispute.asserting),
            self.digest.claims.get(dispute.denying),
        ) else {
            return String::new();
        };
        format!(
            "{} denies {} · {} vs {} articles",
            denying.id,
            asserting.id,
            denying.article_count(),
            asserting.article_count()
        )
    }

    /// Where a passage starts: its article and byte offset.
    pub fn passage_start(&self, r: PassageRef) -> Option<(usize, usize)> {
        let article = self.corpus.articles.get(r.article)?;
        Some((r.article, article.passages.get(r.passage)?.span.start))
    }

    /// A passage and where it comes from, as one would quote it:
    /// “text” — title · byline · date · file, bytes start–end.
    pub fn citation(&self, r: PassageRef) -> Option<String> {
        use newsdigest::text::{collapse_spaces, escape_controls, printable_path};
        let article = self.corpus.articles.get(r.article)?;
        let passage = article.passages.get(r.passage)?;
        // Control characters would reach whatever the text is pasted into.
        let clean = |t: &str| escape_controls(&collapse_spaces(t)).into_owned();
        let mut source = vec![clean(&article.display_title())];
        source.extend(article.byline.as_deref().map(clean));
        source.extend(article.date.as_deref().map(clean));
        source.push(format!(
            "{}, bytes {}–{}",
            printable_path(&article.path),
            passage.span.start,
            passage.span.end
        ));
        Some(format!(
            "“{}”\n— {}",
            clean(article.passage_text(passage)),
            source.join(" · ")
        ))
    }
}

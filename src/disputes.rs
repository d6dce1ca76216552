//! Where sources disagree: claims that deny each other (disputes), and
//! numbers, dates or credited sources that differ between passages telling
//! the same fact (discrepancies).
//!
//! Everything here is read from the digest and general cues: polarity,
//! normalised quantities (hedges such as "nearly" or "over" are already
//! folded away, so "nearly a decade" and "ten years" agree), and the names a
//! passage credits a report to.

use std::collections::HashMap;

use crate::analyze::sources::source_key;
use crate::analyze::{Date, Stance};
use crate::corpus::Corpus;
use crate::digest::quantity::{Quantity, QuantityKind};
use crate::digest::{
    Digest, DigestOptions, Incompatibility, PassageFeatures, PassageRef, Polarity, ScoreWeights,
    TermWeights, cosine, incompatibility, unguarded_score,
};
use crate::text;

/// A claim and a claim that denies it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dispute {
    /// Index of the asserting claim in `Digest::claims`.
    pub asserting: usize,
    /// Index of the denying claim.
    pub denying: usize,
    /// The pair of passages that meet best, ignoring polarity.
    pub passages: (PassageRef, PassageRef),
    pub similarity: f32,
}

/// What kind of value differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiscrepancyKind {
    Amount,
    Year,
    Date,
    Duration,
    Percentage,
    Count,
    /// A time of day.
    Time,
    /// The same report credited to different sources.
    Source,
}

impl DiscrepancyKind {
    pub fn name(self) -> &'static str {
        match self {
            DiscrepancyKind::Amount => "amount",
            DiscrepancyKind::Year => "year",
            DiscrepancyKind::Date => "date",
            DiscrepancyKind::Duration => "duration",
            DiscrepancyKind::Percentage => "percentage",
            DiscrepancyKind::Count => "count",
            DiscrepancyKind::Time => "time",
            DiscrepancyKind::Source => "source",
        }
    }

    fn of(kind: &QuantityKind) -> DiscrepancyKind {
        match kind {
            QuantityKind::Money(_) | QuantityKind::VagueMoney => DiscrepancyKind::Amount,
            QuantityKind::Year => DiscrepancyKind::Year,
            QuantityKind::DayOfMonth | QuantityKind::Weekday => DiscrepancyKind::Date,
            QuantityKind::TimeOfDay => DiscrepancyKind::Time,
            QuantityKind::Duration => DiscrepancyKind::Duration,
            QuantityKind::Percent => DiscrepancyKind::Percentage,
            QuantityKind::Count(_) => DiscrepancyKind::Count,
        }
    }
}

/// One side of a discrepancy: a passage and the values it gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DiscrepantValue {
    /// The first passage that gives these values.
    pub passage: PassageRef,
    /// Every passage that gives these values for this fact, `passage`
    /// among them, in corpus order: copies of one article, or outlets
    /// telling it alike.
    pub passages: Vec<PassageRef>,
    /// The claim the passage supports (its first, when it supports several).
    pub claim: Option<usize>,
    /// The values as normal forms ("2019", "USD 150000000") or source names.
    pub values: Vec<String>,
}

/// Two passages telling one fact with different values.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    pub sides: [DiscrepantValue; 2],
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Disagreements {
    pub disputes: Vec<Dispute>,
    pub discrepancies: Vec<Discrepancy>,
}

impl Disagreements {
    /// The disputes a claim takes part in, on either side.
    pub fn disputes_of(&self, claim: usize) -> impl Iterator<Item = &Dispute> {
        self.disputes
            .iter()
            .filter(move |d| d.asserting == claim || d.denying == claim)
    }

    /// The discrepancies that involve a claim's passages.
    pub fn discrepancies_of(&self, claim: usize) -> impl Iterator<Item = &Discrepancy> {
        self.discrepancies
            .iter()
            .filter(move |d| d.sides.iter().any(|s| s.claim == Some(claim)))
    }
}

/// Word overlap (lexical score, polarity ignored) that a denial must have
/// with some passage of a claim to dispute it. Read off the five articles:
/// true disputes score 0.40–0.51, unrelated denials of the same story
/// (“Meta denies any wrongdoing”) below 0.30.
const DISPUTE_MIN_OVERLAP: f32 = 0.40;
/// Passages whose numbers conflict tell one fact when they are this alike
/// and share another value ("$150 million … by 2019" / "$150 million in 2017").
const DISCREPANCY_SHARE_OF_THRESHOLD: f32 = 0.6;

/// Per passage of the digest: its features, term weights and embedding.
struct PassageSignals<'a> {
    refs: &'a [PassageRef],
    index: HashMap<PassageRef, usize>,
    features: Vec<&'a PassageFeatures>,
    weights: TermWeights,
    /// The digest, for the passages' embeddings.
    digest: &'a Digest,
    texts: Vec<&'a str>,
    /// Groups of identical passages (copies), each in order, in order of
    /// its first: pairs are looked for among the firsts, so copies neither
    /// crowd the blocking nor repeat what they find.
    copies: Vec<Vec<usize>>,
}

impl<'a> PassageSignals<'a> {
    /// The digest's own passage signals, with IDF weights over the whole
    /// corpus (disputes may cross the stories the digest weighs apart).
    fn new(corpus: &'a Corpus, digest: &'a Digest) -> PassageSignals<'a> {
        let refs = digest.passages();
        let texts: Vec<&str> = refs
            .iter()
            .map(|r| {
                let article = &corpus.articles[r.article];
                article.passage_text(&article.passages[r.passage])
            })
            .collect();
        let features: Vec<&PassageFeatures> =
            (0..refs.len()).map(|i| digest.features_of(i)).collect();
        let copies = with_near_copies(identical_groups(&texts), digest);
        // Each text counts once towards the weights of its words.
        let weights = TermWeights::from_passages(copies.iter().map(|m| features[m[0]]));
        let index = refs.iter().enumerate().map(|(i, r)| (*r, i)).collect();
        PassageSignals {
            refs,
            index,
            features,
            weights,
            digest,
            texts,
            copies,
        }
    }

    /// Word overlap alone, every guard ignored.
    fn lexical_similarity(&self, i: usize, j: usize) -> f32 {
        unguarded_score(
            self.features[i],
            self.features[j],
            &self.weights,
            None,
            &ScoreWeights::lexical(),
        )
        .total
    }

    /// How alike two passages are, every guard ignored.
    fn similarity(&self, i: usize, j: usize, options: &DigestOptions) -> f32 {
        let semantic = self
            .digest
            .embedding_of(i)
            .zip(self.digest.embedding_of(j))
            .map(|(a, b)| cosine(&a, &b));
        unguarded_score(
            self.features[i],
            self.features[j],
            &self.weights,
            semantic,
            &options.weights,
        )
        .total
    }
}

/// Objects by which a denial points back at the allegation before it.
const BACK_REFERENCES: &[&str] = &[
    "that claim",
    "this claim",
    "these claims",
    "those claims",
    "that allegation",
    "this allegation",
    "these allegations",
    "those allegations",
    "that accusation",
    "these accusations",
    "those accusations",
    "that report",
    "these reports",
    "that characterization",
    "that characterisation",
    "that account",
];

/// Whether a passage names what it answers as what was just said: "that
/// claim", "these allegations". With a denial's polarity, it disputes the
/// passage before it.
fn refers_back(text: &str) -> bool {
    let folded = text::fold_for_match(text);
    BACK_REFERENCES.iter().any(|r| folded.contains(r))
}

/// Finds the disputes and discrepancies of a digest.
pub fn find(corpus: &Corpus, digest: &Digest, options: &DigestOptions) -> Disagreements {
    let signals = PassageSignals::new(corpus, digest);
    Disagreements {
        disputes: disputes(digest, &signals),
        discrepancies: discrepancies(digest, &signals, options),
    }
}

/// A key held by more passages than this proposes no pairs: comparing
/// everything with everything does not scale to a day of news.
const MAX_PASSAGES_PER_KEY: usize = 256;

/// Pairs of items (i < j) that share at least one key held by at most
/// [`MAX_PASSAGES_PER_KEY`] items.
///
/// Made one item at a time, in order (by `i`, then `j`), never all held at
/// once: a story of tens of thousands of passages shares millions of them.
fn pairs_sharing_a_key<K: std::hash::Hash + Eq>(
    keys: &[Vec<K>],
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut holders: HashMap<&K, Vec<usize>> = HashMap::new();
    for (item, item_keys) in keys.iter().enumerate() {
        for key in item_keys {
            let list = holders.entry(key).or_default();
            if list.last() != Some(&item) {
                list.push(item);
            }
        }
    }
    holders.retain(|_, list| list.len() <= MAX_PASSAGES_PER_KEY);
    (0..keys.len()).flat_map(move |a| {
        let mut partners: Vec<usize> = keys[a]
            .iter()
            .filter_map(|key| holders.get(key))
            .flatten()
            .copied()
            .filter(|&b| b > a)
            .collect();
        partners.sort_unstable();
        partners.dedup();
        partners.into_iter().map(move |b| (a, b))
    })
}

fn disputes(digest: &Digest, s: &PassageSignals) -> Vec<Dispute> {
    // A dispute sets an allegation or a report against a denial; the
    // article's own background sentences dispute nothing.
    let reported: Vec<bool> = s
        .refs
        .iter()
        .map(|&r| {
            digest
                .voices()
                .voice(r)
                .is_some_and(|v| matches!(v.stance, Stance::Alleges | Stance::Reports))
        })
        .collect();
    let alleged: Vec<bool> = digest
        .claims
        .iter()
        .map(|c| {
            c.support
                .iter()
                .any(|r| s.index.get(r).is_some_and(|&i| reported[i]))
        })
        .collect();
    let asserting_claims = |i: usize| -> Vec<usize> {
        digest
            .claims_of(s.refs[i])
            .iter()
            .copied()
            .filter(|&a| digest.claims[a].polarity == Polarity::Asserts && alleged[a])
            .collect()
    };
    let denying_claims = |j: usize| -> Vec<usize> {
        digest
            .claims_of(s.refs[j])
            .iter()
            .copied()
            .filter(|&d| digest.claims[d].polarity == Polarity::Denies)
            .collect()
    };
    // Opposite polarity is the point; the other guards still hold: a denial
    // about other actors or other numbers disputes nothing.
    let kept_apart_by_more_than_polarity = |i: usize, j: usize| {
        let mut aligned = (*s.features[j]).clone();
        aligned.polarity = s.features[i].polarity;
        incompatibility(s.features[i], &aligned).is_some()
    };
    let mut best: HashMap<(usize, usize), (f32, PassageRef, PassageRef)> = HashMap::new();
    let mut record = |i: usize, j: usize, score: f32, asserting: &[usize], denying: &[usize]| {
        for &a in asserting {
            for &d in denying {
                let entry = best.entry((a, d)).or_insert((score, s.refs[i], s.refs[j]));
                if score > entry.0 {
                    *entry = (score, s.refs[i], s.refs[j]);
                }
            }
        }
    };
    // Copies share their first's terms: listed once per distinct text.
    let node_terms: Vec<Vec<&str>> = s
        .copies
        .iter()
        .map(|m| s.features[m[0]].terms.iter().collect())
        .collect();
    for (a, b) in pairs_sharing_a_key(&node_terms) {
        let (x, y) = (s.copies[a][0], s.copies[b][0]);
        for (i, j) in [(x, y), (y, x)] {
            let (asserting, denying) = (asserting_claims(i), denying_claims(j));
            if asserting.is_empty() || denying.is_empty() || kept_apart_by_more_than_polarity(i, j)
            {
                continue;
            }
            // Word overlap, not the embedding: a denial repeats the words
            // it denies ("didn't share … private messages"), while the
            // embeddings of any two sentences of one story are close.
            let score = s.lexical_similarity(i, j);
            if score >= DISPUTE_MIN_OVERLAP {
                record(i, j, score, &asserting, &denying);
            }
        }
    }
    // A denial that points back at what was just said ("The airline
    // rejected that claim, saying …") disputes the passage before it, in
    // whatever words it answers.
    for j in 1..s.refs.len() {
        let i = j - 1;
        let answers = s.refs[i].article == s.refs[j].article
            && s.features[j].polarity == Polarity::Denies
            && refers_back(s.texts[j]);
        if answers && !kept_apart_by_more_than_polarity(i, j) {
            let score = s.lexical_similarity(i, j);
            record(i, j, score, &asserting_claims(i), &denying_claims(j));
        }
    }
    let mut out: Vec<Dispute> = best
        .into_iter()
        .map(|((asserting, denying), (similarity, pa, pd))| Dispute {
            asserting,
            denying,
            passages: (pa, pd),
            similarity,
        })
        .collect();
    out.sort_by_key(|d| (d.asserting, d.denying));
    out
}

fn discrepancies(digest: &Digest, s: &PassageSignals, options: &DigestOptions) -> Vec<Discrepancy> {
    let threshold = options.weights.threshold * DISCREPANCY_SHARE_OF_THRESHOLD;
    let claim_of = |r: PassageRef| digest.claims_of(r).first().copied();
    let annotations = digest.annotations();
    let credited: Vec<&[String]> = s.refs.iter().map(|&r| annotations.credited(r)).collect();
    // Candidates share a value (conflicting numbers beside an agreeing one),
    // or a year while both credit a report to someone.
    let keys: Vec<Vec<String>> = s
        .features
        .iter()
        .zip(&credited)
        .map(|(f, sources)| {
            let mut keys: Vec<String> = f
                .quantities
                .iter()
                .filter(|q| q.kind != QuantityKind::VagueMoney)
                .map(|q| q.key())
                .collect();
            if !sources.is_empty() {
                keys.extend(
                    f.quantities
                        .iter()
                        .filter(|q| q.kind == QuantityKind::Year)
                        .map(|q| format!("credited {}", q.key())),
                );
            }
            keys
        })
        .collect();
    // Identical passages (copies) are compared once, through their first;
    // a discrepancy then names all of them.
    let copies = &s.copies;
    let node_keys: Vec<Vec<String>> = copies.iter().map(|m| keys[m[0]].clone()).collect();
    let mut out = Vec::new();
    for (a, b) in pairs_sharing_a_key(&node_keys) {
        {
            let (i, j) = (copies[a][0], copies[b][0]);
            let other_articles = copies[a].iter().any(|&x| {
                copies[b]
                    .iter()
                    .any(|&y| s.refs[x].article != s.refs[y].article)
            });
            if !other_articles {
                continue;
            }
            let (fi, fj) = (s.features[i], s.features[j]);
            let side = |node: usize, values: Vec<String>| {
                let k = copies[node][0];
                DiscrepantValue {
                    passage: s.refs[k],
                    passages: copies[node].iter().map(|&x| s.refs[x]).collect(),
                    claim: claim_of(s.refs[k]),
                    values,
                }
            };
            // Compare as if both asserted: a report credited to another paper
            // disagrees whatever the sentence around it says.
            let mut fj_aligned = fj.clone();
            fj_aligned.polarity = fi.polarity;
            let same_polarity = fi.polarity == fj.polarity;
            match incompatibility(fi, &fj_aligned) {
                Some(Incompatibility::ConflictingQuantities) if same_polarity => {
                    // One fact told with different numbers shares another value
                    // and most of its words.
                    let shares_value = fi.quantities.iter().any(|qa| {
                        fj.quantities
                            .iter()
                            .any(|qb| qb.agrees_with(qa) && qa.kind != QuantityKind::VagueMoney)
                    });
                    if !shares_value || s.similarity(i, j, options) < threshold {
                        continue;
                    }
                    for kind in conflicting_kinds(&fi.quantities, &fj.quantities) {
                        out.push(Discrepancy {
                            kind: DiscrepancyKind::of(&kind),
                            sides: [
                                side(a, values_of(&fi.quantities, &kind)),
                                side(b, values_of(&fj.quantities, &kind)),
                            ],
                        });
                    }
                }
                None => {
                    // The same report credited to different sources.
                    let (ci, cj) = (credited[i], credited[j]);
                    let key =
                        |names: &[String]| names.iter().map(|n| source_key(n)).collect::<Vec<_>>();
                    let (ki, kj) = (key(ci), key(cj));
                    let differ =
                        !ki.is_empty() && !kj.is_empty() && !ki.iter().any(|x| kj.contains(x));
                    let same_year = fi.quantities.iter().any(|q| {
                        q.kind == QuantityKind::Year
                            && fj.quantities.iter().any(|r| r.agrees_with(q))
                    });
                    if differ && same_year && s.similarity(i, j, options) >= threshold {
                        out.push(Discrepancy {
                            kind: DiscrepancyKind::Source,
                            sides: [side(a, ci.to_vec()), side(b, cj.to_vec())],
                        });
                    }
                }
                Some(_) => {}
            }
        }
    }
    out.extend(dated_discrepancies(digest, s));
    merge_same_discrepancies(out)
}

/// More differing dates than this for one subject and verb are many events.
const MAX_DATINGS_OF_ONE_EVENT: usize = 8;

/// One event dated differently by two articles ("Court documents, filed on
/// March 23" / "Court documents filed in April 2023"), read from the dated
/// events of the annotations: the same subject and verb in one story, and
/// dates that differ in a part both give. Passages whose dates agree
/// ("April", "April 2023") are gathered on one side, so any number of
/// copies or tellings makes one discrepancy.
fn dated_discrepancies(digest: &Digest, s: &PassageSignals) -> Vec<Discrepancy> {
    type Event<'a> = (usize, &'a str, &'a str);
    /// Dates that agree, and the copy groups giving them.
    type Agreeing = (Vec<Date>, Vec<usize>);
    let annotations = digest.annotations();
    // Per event (story, subject, verb): groups of agreeing dates.
    let mut events: HashMap<Event, Vec<Agreeing>> = HashMap::new();
    for (node, members) in s.copies.iter().enumerate() {
        let first = members[0];
        for e in annotations.dated(s.refs[first]) {
            let key = (digest.story_of(first), e.subject.as_str(), e.verb.as_str());
            let groups = events.entry(key).or_default();
            // Past this many, the event is skipped below: stop gathering.
            if groups.len() > MAX_DATINGS_OF_ONE_EVENT {
                continue;
            }
            let agreeing = groups
                .iter_mut()
                .find(|(dates, _)| dates.iter().all(|d| !d.conflicts_with(&e.date)));
            match agreeing {
                Some((dates, nodes)) => {
                    if !dates.contains(&e.date) {
                        dates.push(e.date);
                    }
                    nodes.push(node);
                }
                None => groups.push((vec![e.date], vec![node])),
            }
        }
    }
    let claim_of = |r: PassageRef| digest.claims_of(r).first().copied();
    let side = |dates: &[Date], nodes: &[usize]| {
        let mut passages: Vec<PassageRef> = nodes
            .iter()
            .flat_map(|&n| s.copies[n].iter().map(|&x| s.refs[x]))
            .collect();
        passages.sort_unstable();
        passages.dedup();
        let passage = s.refs[s.copies[nodes[0]][0]];
        DiscrepantValue {
            passage,
            passages,
            claim: claim_of(passage),
            values: dates.iter().map(Date::describe).collect(),
        }
    };
    let mut keys: Vec<&Event> = events.keys().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for key in keys {
        let dates = &events[key];
        // A subject and verb dated many ways is many events ("a report was
        // published on …" down a long page), not one fact told differently.
        if dates.len() > MAX_DATINGS_OF_ONE_EVENT {
            continue;
        }
        let articles: Vec<Vec<usize>> = dates
            .iter()
            .map(|(_, nodes)| {
                let mut a: Vec<usize> = nodes
                    .iter()
                    .flat_map(|&n| s.copies[n].iter().map(|&k| s.refs[k].article))
                    .collect();
                a.sort_unstable();
                a.dedup();
                a
            })
            .collect();
        for (x, (dx, nx)) in dates.iter().enumerate() {
            for (y, (dy, ny)) in dates.iter().enumerate().skip(x + 1) {
                let (ax, ay) = (&articles[x], &articles[y]);
                // Two articles at least, one on each side.
                let other_articles = ax.len() > 1 || ay.len() > 1 || ax != ay;
                let conflict = dx.iter().any(|a| dy.iter().any(|b| a.conflicts_with(b)));
                if other_articles && conflict {
                    out.push(Discrepancy {
                        kind: DiscrepancyKind::Date,
                        sides: [side(dx, nx), side(dy, ny)],
                    });
                }
            }
        }
    }
    out
}

/// Passages whose texts are the same but for typesetting (see
/// [`text::copy_key`]), each group in order, in order of its first.
fn identical_groups(texts: &[&str]) -> Vec<Vec<usize>> {
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let next = groups.len();
        let g = *group_of.entry(text::copy_key(t)).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g].push(i);
    }
    groups
}

/// Groups of identical passages joined when the digest read them as one
/// class of near-copies (hundreds of copies differing by a word): compared
/// once, through their first, they are not hundreds of holders of every key,
/// past the limit that makes a key propose pairs. Other groups stay as they are.
fn with_near_copies(groups: Vec<Vec<usize>>, digest: &Digest) -> Vec<Vec<usize>> {
    let mut at: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
    for group in groups {
        let class = digest.near_copy_class(group[0]);
        match class.and_then(|c| at.get(&c)) {
            Some(&k) => {
                out[k].extend(group);
                out[k].sort_unstable();
            }
            None => {
                if let Some(c) = class {
                    at.insert(c, out.len());
                }
                out.push(group);
            }
        }
    }
    out
}

/// One fact told with different values is one discrepancy, however many
/// passages tell each side: discrepancies of the same kind whose sides
/// belong to the same claims with the same values are merged, their
/// passages gathered on each side.
fn merge_same_discrepancies(found: Vec<Discrepancy>) -> Vec<Discrepancy> {
    type SideKey = (Option<usize>, Vec<String>);
    let mut merged: Vec<Discrepancy> = Vec::new();
    let mut index: HashMap<(DiscrepancyKind, SideKey, SideKey), usize> = HashMap::new();
    for d in found {
        let key_of = |side: &DiscrepantValue| (side.claim, side.values.clone());
        let (k0, k1) = (key_of(&d.sides[0]), key_of(&d.sides[1]));
        // Sides without a claim are told apart by their passages.
        if k0.0.is_none() || k1.0.is_none() {
            merged.push(d);
            continue;
        }
        let forward = (d.kind, k0.clone(), k1.clone());
        let backward = (d.kind, k1, k0);
        let found = index
            .get(&forward)
            .map(|&m| (m, false))
            .or_else(|| index.get(&backward).map(|&m| (m, true)));
        match found {
            Some((m, swapped)) => {
                let [first, second] = d.sides;
                let (to_first, to_second) = if swapped {
                    (second, first)
                } else {
                    (first, second)
                };
                let target = &mut merged[m].sides;
                for (side, from) in target.iter_mut().zip([to_first, to_second]) {
                    side.passages.extend(from.passages);
                    side.passages.sort_unstable();
                    side.passages.dedup();
                }
            }
            None => {
                index.insert(forward, merged.len());
                merged.push(d);
            }
        }
    }
    merged
}

/// Kinds given by both passages with no agreeing value.
fn conflicting_kinds(a: &[Quantity], b: &[Quantity]) -> Vec<QuantityKind> {
    let mut kinds: Vec<QuantityKind> = a
        .iter()
        .filter(|qa| qa.kind != QuantityKind::VagueMoney)
        .filter(|qa| {
            let same: Vec<&Quantity> = b.iter().filter(|qb| qb.kind == qa.kind).collect();
            !same.is_empty()
                && !a
                    .iter()
                    .filter(|x| x.kind == qa.kind)
                    .any(|x| same.iter().any(|qb| qb.agrees_with(x)))
        })
        .map(|q| q.kind.clone())
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

fn values_of(quantities: &[Quantity], kind: &QuantityKind) -> Vec<String> {
    quantities
        .iter()
        .filter(|q| &q.kind == kind)
        .map(describe)
        .collect()
}

/// A value in a form a reader can compare: "2019", "USD 150 million", "March 23".
pub fn describe(q: &Quantity) -> String {
    let v = q.value;
    match &q.kind {
        QuantityKind::Year => format!("{v:.0}"),
        QuantityKind::Money(currency) => format!("{currency} {}", scaled(v)),
        QuantityKind::VagueMoney => format!("{}s", scaled(v).trim_start_matches("1 ")),
        QuantityKind::DayOfMonth => {
            let month = (v / 100.0) as usize;
            let day = v as u32 % 100;
            let name = text::MONTH_NAMES
                .get(month.wrapping_sub(1))
                .copied()
                .unwrap_or("?");
            format!("{name} {day}")
        }
        QuantityKind::Duration => format!("{} years", trim_number(v)),
        QuantityKind::Percent => format!("{}%", trim_number(v)),
        QuantityKind::Weekday => text::WEEKDAY_NAMES
            .get((v as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
        QuantityKind::TimeOfDay => format!("{:02}:{:02}", v as u32 / 60, v as u32 % 60),
        QuantityKind::Count(unit) if unit.is_empty() => scaled(v),
        QuantityKind::Count(unit) => format!("{} {unit}", scaled(v)),
    }
}

fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}").trim_end_matches('0').to_string()
    }
}

fn scaled(v: f64) -> String {
    for (size, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v >= size {
            return format!("{} {word}", trim_number(v / size));
        }
    }
    trim_number(v)
}

/// For the passages of one claim, the figures of each that tell a value
/// the others give differently: byte ranges (into that passage's text) of
/// the words holding a digit that some other passage with figures does
/// not write, in a passage one of whose quantities no other passage of
/// the same kind agrees with. Passages whose figures all agree ("ten
/// years" and "a decade") get none.
pub fn differing_figures(passages: &[&str]) -> Vec<Vec<std::ops::Range<usize>>> {
    let quantities: Vec<Vec<Quantity>> = passages
        .iter()
        .map(|p| crate::digest::quantity::extract(p))
        .collect();
    let figures: Vec<Vec<(std::ops::Range<usize>, String)>> =
        passages.iter().map(|p| figure_words(p)).collect();
    passages
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let differs = quantities[i].iter().any(|q| {
                let mut same_kind = quantities
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .flat_map(|(_, qs)| qs.iter().filter(|o| o.kind == q.kind))
                    .peekable();
                same_kind.peek().is_some() && !same_kind.any(|o| o.agrees_with(q))
            });
            if !differs {
                return Vec::new();
            }
            figures[i]
                .iter()
                .filter(|(_, word)| {
                    figures.iter().enumerate().any(|(j, other)| {
                        j != i && !other.is_empty() && !other.iter().any(|(_, w)| w == word)
                    })
                })
                .map(|(range, _)| range.clone())
                .collect()
        })
        .collect()
}

/// The words of a text that hold a digit ("2019", "$100M", "10-year"),
/// with their byte ranges, compared without case or trailing punctuation.
fn figure_words(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let word: &str = &text[s..at];
                let trimmed = word.trim_matches(|c: char| {
                    !c.is_alphanumeric() && c != '$' && c != '€' && c != '£'
                });
                if trimmed.chars().any(|c| c.is_ascii_digit()) {
                    let offset = s + word.find(trimmed).unwrap_or(0);
                    out.push((offset..offset + trimmed.len(), trimmed.to_lowercase()));
                }
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    out
}

#[cfg(test)]
mod figure_tests {
    use super::differing_figures;

    #[test]
    fn figures_told_differently_are_marked_and_agreeing_ones_are_not() {
        let passages = [
            "Hastings sat on the board from 2011 to 2019.",
            "Hastings was on the board from 2011 to 2015.",
            "Hastings joined the board.",
        ];
        let marked = differing_figures(&passages);
        let words: Vec<Vec<&str>> = marked
            .iter()
            .zip(passages)
            .map(|(ranges, text)| ranges.iter().map(|r| &text[r.clone()]).collect())
            .collect();
        assert_eq!(words[0], ["2019"]);
        assert_eq!(words[1], ["2015"]);
        assert!(words[2].is_empty());
        let agreeing = differing_figures(&["It lasted ten years.", "It lasted 10 years."]);
        assert!(agreeing.iter().all(Vec::is_empty), "{agreeing:?}");
    }
}

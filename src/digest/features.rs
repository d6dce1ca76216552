//! What the digest knows about one passage: weighted terms, quantities,
//! named actors, polarity and direction. Computed once per passage.

use std::collections::{HashMap, HashSet};

use super::actors::ProperNouns;
use super::direction::{Directions, directions};
use super::polarity::{Polarity, negated_clauses};
use super::quantity::{self, Quantity, QuantityKind};
use crate::analyze::dated::{TellingDay, telling_days};
use crate::text;

/// Features of one claimable passage.
#[derive(Debug, Clone)]
pub struct PassageFeatures {
    /// Content stems, synonyms folded together, without repeats.
    pub terms: Terms,
    pub quantities: Vec<Quantity>,
    pub polarity: Polarity,
    /// The terms of the clauses a denial or negation stands in: what the
    /// passage denies. Empty when it asserts.
    pub negated: Vec<String>,
    /// Whether it reports a rise, a fall, both or neither.
    pub directions: Directions,
    /// Names of people, companies and institutions, lower case, sorted.
    pub actors: Vec<String>,
    /// Names of where it happened ("in Dresden"), lower case, sorted.
    pub places: Vec<String>,
    /// Names of who tells it ("according to LSEG", "Oduya said"): they
    /// keep no two passages apart, but a name they share with the other
    /// passage's actors still meets.
    pub sources: Vec<String>,
}

/// Equivalent words of news writing, folded to one form before stemming so
/// that word overlap sees "DMs" and "messages" or "firm" and "company" as one.
const SYNONYMS: &[(&str, &str)] = &[
    ("dm", "message"),
    ("dms", "message"),
    ("messages", "message"),
    ("inbox", "message"),
    ("inboxes", "message"),
    ("texts", "message"),
    ("docs", "document"),
    ("doc", "document"),
    ("paperwork", "document"),
    ("filing", "document"),
    ("filings", "document"),
    ("firm", "company"),
    ("firms", "company"),
    ("corporation", "company"),
    ("sector", "industry"),
    ("commonplace", "common"),
    ("widespread", "common"),
    ("customary", "common"),
    ("typical", "common"),
    ("suit", "lawsuit"),
    ("complaint", "lawsuit"),
    ("litigation", "lawsuit"),
    ("ceo", "chief"),
    ("executive", "chief"),
    ("sold", "pay"),
    ("sell", "pay"),
    ("selling", "pay"),
    ("paid", "pay"),
    ("paying", "pay"),
    ("purchased", "bought"),
    ("acquired", "bought"),
    ("acquire", "buy"),
    ("purchase", "buy"),
    ("revealed", "disclosed"),
    ("unveiled", "disclosed"),
    ("reveal", "disclose"),
    ("unveil", "disclose"),
    ("penalty", "fine"),
    ("penalties", "fine"),
    ("penalised", "fined"),
    ("penalized", "fined"),
    ("employees", "staff"),
    ("workers", "staff"),
    ("plaintiffs", "plaintiff"),
    ("claimants", "plaintiff"),
    ("spending", "spend"),
    ("spent", "spend"),
    ("advertising", "ad"),
    ("advertisements", "ad"),
    ("ads", "ad"),
    ("adverts", "ad"),
    ("relationship", "relation"),
    ("connection", "relation"),
    ("ties", "relation"),
    ("partnership", "partner"),
    ("streaming", "stream"),
    ("streamer", "stream"),
    ("job", "jobs"),
    ("position", "jobs"),
    ("positions", "jobs"),
    ("workforce", "staff"),
    ("staffers", "staff"),
    ("personnel", "staff"),
    ("eliminate", "cut"),
    ("eliminated", "cut"),
    ("eliminating", "cut"),
    ("axe", "cut"),
    ("axed", "cut"),
    ("shed", "cut"),
    ("shedding", "cut"),
    ("slash", "cut"),
    ("slashed", "cut"),
    ("cuts", "cut"),
    ("cutting", "cut"),
    ("layoffs", "cut"),
    ("redundancies", "cut"),
    ("killed", "death"),
    ("died", "death"),
    ("dead", "death"),
    ("deaths", "death"),
    ("fatalities", "death"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("injuries", "injured"),
    ("quake", "earthquake"),
    ("tremor", "earthquake"),
    ("epicenter", "epicentre"),
    ("sales", "revenue"),
    ("turnover", "revenue"),
    ("earnings", "profit"),
    ("stock", "shares"),
    ("verdict", "ruling"),
    ("judgment", "ruling"),
    ("judgement", "ruling"),
    ("attorneys", "lawyers"),
    ("attorney", "lawyer"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("takeover", "merger"),
    ("discussions", "talks"),
    ("negotiations", "talks"),
    ("hack", "breach"),
    ("hacked", "breach"),
    ("cyberattack", "breach"),
    ("intrusion", "breach"),
    ("watchdog", "regulator"),
    ("probe", "investigation"),
    ("inquiry", "investigation"),
    ("wildfire", "fire"),
    ("blaze", "fire"),
    ("us", "united-states"),
    ("u.s", "united-states"),
    ("usa", "united-states"),
    ("uk", "united-kingdom"),
    ("u.k", "united-kingdom"),
    ("eu", "european-union"),
];

fn canonical(word: &str) -> &str {
    SYNONYMS
        .iter()
        .find(|(from, _)| *from == word)
        .map_or(word, |(_, to)| to)
}

impl PassageFeatures {
    /// Features of a passage on its own; names are those it writes with a
    /// capital inside the sentence.
    pub fn of(passage: &str) -> PassageFeatures {
        PassageFeatures::with_names(passage, &ProperNouns::learn([passage]))
    }

    /// Features of a passage of a story whose names are known.
    pub fn with_names(passage: &str, names: &ProperNouns) -> PassageFeatures {
        let mut quantities = quantity::extract(passage);
        // When a thing was said is not when it happened: "the force said on
        // Thursday" neither conflicts with "arrested on Tuesday" nor makes
        // two tellings alike.
        let telling = telling_days(passage);
        if !telling.is_empty() {
            quantities.retain(|q| {
                let day = q.value as u32;
                !match q.kind {
                    QuantityKind::Weekday => telling.contains(&TellingDay::Weekday(day)),
                    QuantityKind::DayOfMonth => telling.contains(&TellingDay::DayOfMonth(day)),
                    _ => false,
                }
            });
        }
        // Folded once for polarity and direction.
        let folded = text::fold_for_match(passage);
        let mut terms = content_terms(passage);
        // Figure keys start with "#", so they meet no word's stem.
        let words = terms.len();
        for key in figure_keys(&quantities) {
            if !terms[words..].contains(&key) {
                terms.push(key);
            }
        }
        let negated_clauses = negated_clauses(&folded);
        let polarity = if negated_clauses.is_empty() {
            Polarity::Asserts
        } else {
            Polarity::Denies
        };
        // The figures a clause denies count as what it denies ("There is no
        // £22 million black hole").
        let denied_text = negated_clauses.join(" , ");
        let mut negated = content_terms(&denied_text);
        if !denied_text.is_empty() {
            negated.extend(figure_keys(&quantity::extract(&denied_text)));
        }
        let super::actors::Names {
            actors,
            places,
            sources,
        } = names.names_by_role(passage, polarity == Polarity::Denies);
        PassageFeatures {
            terms: terms.iter().collect(),
            quantities,
            polarity,
            negated,
            directions: directions(&folded),
            actors,
            places,
            sources,
        }
    }
}

/// The keys of the figures that count as terms: a vague "millions" says too
/// little to make two passages alike.
fn figure_keys(quantities: &[Quantity]) -> impl Iterator<Item = String> + '_ {
    quantities
        .iter()
        .filter(|q| q.kind != QuantityKind::VagueMoney)
        .map(Quantity::key)
}

/// Content stems of a text, synonyms folded, without repeats, in order.
fn content_terms(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut terms = Vec::new();
    for word in text::words(text) {
        if text::is_stop_word(&word) || !word.chars().any(char::is_alphabetic) {
            continue;
        }
        // Numbers are compared as quantities, not as words ("ten", "decade").
        if is_number_word(&word) {
            continue;
        }
        let stem = text::stem(canonical(&word));
        if seen.insert(stem.clone()) {
            terms.push(stem);
        }
    }
    terms
}

/// A passage's terms in order, packed into one string with the end of each:
/// a large story holds tens of thousands of passages, and one `String` per
/// term cost about four times the text it held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    packed: Box<str>,
    ends: Box<[u32]>,
}

impl Terms {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The terms in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.packed[start as usize..end as usize])
    }

    pub fn contains(&self, term: &str) -> bool {
        self.iter().any(|t| t == term)
    }
}

impl<S: AsRef<str>> FromIterator<S> for Terms {
    fn from_iter<I: IntoIterator<Item = S>>(terms: I) -> Terms {
        let mut packed = String::new();
        let mut ends = Vec::new();
        for term in terms {
            let term = term.as_ref();
            // Ends are 32-bit: a passage whose terms alone pass 4 GiB
            // (only with the file size limit raised that far) keeps the
            // terms that fit.
            let Ok(end) = u32::try_from(packed.len() + term.len()) else {
                break;
            };
            packed.push_str(term);
            ends.push(end);
        }
        Terms {
            packed: packed.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }
}

fn is_number_word(word: &str) -> bool {
    matches!(
        word,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "thousand"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "trillion"
            | "decade"
            | "decades"
            | "year"
            | "years"
            | "dozen"
            | "half"
            | "m"
            | "bn"
            | "k"
    ) || text::month_number(word).is_some()
}

/// Terms as sorted hashes with squared weights: overlap is one merge walk
/// instead of comparing strings.
#[derive(Debug, Clone, Default)]
pub struct TermVector {
    entries: Vec<(u64, f32)>,
    mass: f32,
}

impl TermVector {
    /// Sum of squared weights of all terms.
    pub fn mass(&self) -> f32 {
        self.mass
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// (term hash, squared weight), sorted by hash.
    pub fn entries(&self) -> &[(u64, f32)] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sum of squared weights of the terms both vectors hold.
    pub fn shared_mass(&self, other: &TermVector) -> f32 {
        self.shared_weights(other).sum()
    }

    /// How many terms both vectors hold.
    pub fn shared_count(&self, other: &TermVector) -> usize {
        self.shared_weights(other).count()
    }

    /// The weight (in `self`) of each term both vectors hold: a merge of
    /// the two sorted entry lists.
    fn shared_weights<'a>(&'a self, other: &'a TermVector) -> impl Iterator<Item = f32> + 'a {
        let (a, b) = (&self.entries, &other.entries);
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < a.len() && j < b.len() {
                match a[i].0.cmp(&b[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        let w = a[i].1;
                        i += 1;
                        j += 1;
                        return Some(w);
                    }
                }
            }
            None
        })
    }
}

/// A stable 64-bit hash of a term (FNV-1a); collisions among a story's few
/// thousand terms are vanishingly rare.
fn term_hash(term: &str) -> u64 {
    term.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Inverse document frequency of each term over the passages of a story.
#[derive(Debug, Clone, Default)]
pub struct TermWeights {
    idf: HashMap<String, f32>,
    default: f32,
}

impl TermWeights {
    pub fn from_passages<'a>(
        passages: impl IntoIterator<Item = &'a PassageFeatures>,
    ) -> TermWeights {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut n = 0u32;
        for p in passages {
            n += 1;
            for t in p.terms.iter() {
                if let Some(d) = df.get_mut(t) {
                    *d += 1;
                } else {
                    df.insert(t.to_string(), 1);
                }
            }
        }
        let idf_of = |d: u32| ((1.0 + n as f32) / (1.0 + d as f32)).ln() + 1.0;
        let idf = df.into_iter().map(|(t, d)| (t, idf_of(d))).collect();
        TermWeights {
            idf,
            default: idf_of(1),
        }
    }

    /// The passage's terms with their squared weights, ready for fast overlap.
    pub fn vector(&self, features: &PassageFeatures) -> TermVector {
        let mut entries: Vec<(u64, f32)> = features
            .terms
            .iter()
            .map(|t| (term_hash(t), self.weight(t).powi(2)))
            .collect();
        entries.sort_unstable_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let mass = entries.iter().map(|e| e.1).sum();
        TermVector { entries, mass }
    }

    pub fn weight(&self, term: &str) -> f32 {
        let w = self.idf.get(term).copied().unwrap_or(self.default);
        // Agreeing quantities are strong evidence of the same fact.
        if term.starts_with('#') { w * 1.5 } else { w }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_synonyms_and_numbers() {
        let a = PassageFeatures::of("Meta shared users' DMs with Netflix for almost a decade.");
        let b = PassageFeatures::of("For ten years Netflix read Facebook users' messages.");
        let shared: Vec<&str> = a.terms.iter().filter(|t| b.terms.contains(t)).collect();
        assert!(shared.contains(&"messag"), "{shared:?}");
        assert!(shared.contains(&"#duration:10"), "{shared:?}");
    }
}

//! A deterministic generator of synthetic news, for benchmarks at scale and
//! for measuring the digest where the truth is known.
//!
//! Each story has a handful of facts (fines, durations, dates, board seats,
//! payments), and every article of a story retells some of them in its own
//! words: other word orders, synonyms, numbers in other forms ("a decade",
//! "10 years", "ten years"; "$120M", "$120 million"). Stories also carry
//! denials of their facts, look-alike facts that differ only in a year or an
//! amount, filler sentences and page boilerplate. Every fact sentence is
//! labelled with its fact, so the digest can be scored on it.

use std::fmt::Write as _;

/// SplitMix64: small, fast and the same on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: &[&str] = &[
    "nor", "vex", "tal", "brin", "qua", "dor", "mel", "kin", "sar", "to", "vi", "lum", "pra",
    "zen", "cor", "ith", "bel", "mar", "ro", "fen", "ga", "lix", "ston", "wey", "ar", "dun", "el",
    "sko",
];
const FIRST_NAMES: &[&str] = &[
    "Maria", "James", "Aiko", "Omar", "Lena", "Tomasz", "Priya", "Diego", "Nadia", "Felix",
    "Grace", "Kwame", "Ingrid", "Rafael", "Sofia", "Hugo",
];
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];
const FILLER_WORDS: &[&str] = &[
    "analysts",
    "expect",
    "markets",
    "quarter",
    "investors",
    "growth",
    "policy",
    "pressure",
    "strategy",
    "outlook",
    "observers",
    "debate",
    "industry",
    "rivals",
    "critics",
    "consumers",
    "pricing",
    "launch",
    "platform",
    "network",
    "season",
    "region",
    "supply",
    "demand",
];
const BOILERPLATE: &[&str] = &[
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Sign up for our daily newsletter",
    "Back to top button",
    "Show More",
    "Please enter your comment!",
    "Share this article",
];

/// Hands out names that no other story uses, as real stories name their own actors.
#[derive(Debug, Default)]
struct Names {
    used: std::collections::HashSet<String>,
}

impl Names {
    fn fresh(&mut self, rng: &mut Rng, syllables: usize) -> String {
        let mut length = syllables;
        loop {
            for _ in 0..8 {
                let candidate = name(rng, length);
                if self.used.insert(candidate.clone()) {
                    return candidate;
                }
            }
            // This length is crowded: longer names have more room.
            length += 1;
        }
    }
}

fn name(rng: &mut Rng, syllables: usize) -> String {
    let mut s = String::new();
    for _ in 0..syllables {
        let syllable: &str = SYLLABLES[rng.below(SYLLABLES.len())];
        s.push_str(syllable);
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

/// One fact of a story, with the values its sentences render.
#[derive(Debug, Clone)]
enum FactShape {
    Fine {
        regulator: String,
        company: String,
        millions: u32,
        year: u32,
    },
    Sharing {
        company: String,
        partner: String,
        years: u32,
        denied: bool,
    },
    Unsealed {
        court: String,
        month: usize,
        day: u32,
        year: u32,
    },
    BoardSeat {
        person: String,
        company: String,
        from: u32,
        to: u32,
    },
    Payment {
        payer: String,
        payee: String,
        millions: u32,
    },
}

#[derive(Debug, Clone)]
struct Fact {
    id: usize,
    shape: FactShape,
}

fn money(rng: &mut Rng, millions: u32) -> String {
    match rng.below(4) {
        0 => format!("${millions} million"),
        1 => format!("${millions}M"),
        2 => format!("{millions} million dollars"),
        _ => format!("${millions}m"),
    }
}

fn duration(rng: &mut Rng, years: u32) -> String {
    let word = NUMBER_WORDS.get(years as usize).copied().unwrap_or("many");
    match (years, rng.below(4)) {
        (10, 0) => "a decade".to_string(),
        (10, 1) => "nearly a decade".to_string(),
        (_, 2) => format!("{word} years"),
        (_, 3) => format!("almost {years} years"),
        _ => format!("{years} years"),
    }
}

fn day(rng: &mut Rng, month: usize, day: u32, year: u32) -> String {
    let m = crate::text::MONTH_NAMES[month % 12];
    match rng.below(3) {
        0 => format!("{m} {day}"),
        1 => format!("{m} {day}th, {year}"),
        _ => format!("{m} {day}, {year}"),
    }
}

/// One sentence stating a fact, in one of several wordings.
fn render(rng: &mut Rng, fact: &FactShape) -> String {
    match fact {
        FactShape::Fine {
            regulator,
            company,
            millions,
            year,
        } => {
            let m = money(rng, *millions);
            match rng.below(3) {
                0 => format!("The {regulator} regulator fined {company} {m} in {year}."),
                1 => format!("{company} was fined {m} by the {regulator} regulator in {year}."),
                _ => {
                    format!("In {year}, the {regulator} regulator imposed a {m} fine on {company}.")
                }
            }
        }
        FactShape::Sharing {
            company,
            partner,
            years,
            denied,
        } => {
            let d = duration(rng, *years);
            if *denied {
                match rng.below(2) {
                    0 => format!(
                        "{company} did not share customer data with {partner}, a spokesperson said."
                    ),
                    _ => format!(
                        "A {company} spokesperson denied that the firm shared customer data with {partner}."
                    ),
                }
            } else {
                match rng.below(3) {
                    0 => format!(
                        "{company} shared customer data with {partner} for {d}, the lawsuit alleges."
                    ),
                    1 => {
                        format!("For {d}, {partner} had access to customer data held by {company}.")
                    }
                    _ => format!(
                        "The complaint says {company} gave {partner} access to customer data for {d}."
                    ),
                }
            }
        }
        FactShape::Unsealed {
            court,
            month,
            day: d,
            year,
        } => {
            let when = day(rng, *month, *d, *year);
            match rng.below(2) {
                0 => format!("Documents filed in the {court} court were unsealed on {when}."),
                _ => format!("The {court} court unsealed the filings on {when}."),
            }
        }
        FactShape::BoardSeat {
            person,
            company,
            from,
            to,
        } => match rng.below(3) {
            0 => format!("{person} served on the {company} board from {from} to {to}."),
            1 => format!("From {from}-{to}, {person} sat on the board of {company}."),
            _ => format!("{person} was a {company} board member between {from} and {to}."),
        },
        FactShape::Payment {
            payer,
            payee,
            millions,
        } => {
            let m = money(rng, *millions);
            match rng.below(3) {
                0 => format!("{payer} paid {payee} {m} for the partnership."),
                1 => format!("{payee} sold the partnership to {payer} for {m}."),
                _ => format!("The partnership cost {payer} about {m}, paid to {payee}."),
            }
        }
    }
}

fn story_facts(rng: &mut Rng, names: &mut Names, next_id: &mut usize) -> Vec<Fact> {
    let company = names.fresh(rng, 2);
    let partner = names.fresh(rng, 3);
    let regulator = names.fresh(rng, 2);
    let person = format!("{} {}", rng.pick(FIRST_NAMES), names.fresh(rng, 2));
    let year = 2005 + rng.below(18) as u32;
    let years = 3 + rng.below(8) as u32;
    let millions = 20 + 10 * rng.below(30) as u32;
    let mut shapes = vec![
        FactShape::Fine {
            regulator: regulator.clone(),
            company: company.clone(),
            millions,
            year,
        },
        // A look-alike: the same regulator and company, another year and amount.
        FactShape::Fine {
            regulator,
            company: company.clone(),
            millions: millions + 150,
            year: year + 3,
        },
        FactShape::Sharing {
            company: company.clone(),
            partner: partner.clone(),
            years,
            denied: false,
        },
        // Its denial.
        FactShape::Sharing {
            company: company.clone(),
            partner: partner.clone(),
            years,
            denied: true,
        },
        FactShape::Unsealed {
            court: names.fresh(rng, 2),
            month: rng.below(12),
            day: 1 + rng.below(28) as u32,
            year: year + 1,
        },
        FactShape::BoardSeat {
            person,
            company: company.clone(),
            from: year - 4,
            to: year + 2,
        },
        FactShape::Payment {
            payer: partner,
            payee: company,
            millions: millions * 2 + 5,
        },
    ];
    shapes.truncate(5 + rng.below(3));
    shapes
        .into_iter()
        .map(|shape| {
            *next_id += 1;
            Fact {
                id: *next_id - 1,
                shape,
            }
        })
        .collect()
}

/// A labelled sentence: `article` holds `sentence`, which states fact `fact`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactLabel {
    pub article: usize,
    pub sentence: String,
    pub fact: usize,
}

/// Articles (id, text) and the labels of their fact sentences.
#[derive(Debug, Clone, Default)]
pub struct SyntheticCorpus {
    pub articles: Vec<(String, String)>,
    pub labels: Vec<FactLabel>,
}

/// Articles per story, on average.
const ARTICLES_PER_STORY: usize = 8;

/// Generates `count` articles; the same seed gives the same articles.
pub fn generate(count: usize, seed: u64) -> SyntheticCorpus {
    let mut rng = Rng::new(seed);
    let stories = count.div_ceil(ARTICLES_PER_STORY).max(1);
    let mut next_id = 0;
    let mut names = Names::default();
    let facts: Vec<Vec<Fact>> = (0..stories)
        .map(|_| story_facts(&mut rng, &mut names, &mut next_id))
        .collect();
    let mut out = SyntheticCorpus::default();
    for a in 0..count {
        let story = &facts[a % stories];
        let mut text = String::new();
        let headline_fact = &story[rng.below(story.len())];
        let headline = render(&mut rng, &headline_fact.shape);
        let _ = write!(text, "{}\n\n", headline.trim_end_matches('.'));
        let mut paragraph = String::new();
        for fact in story {
            if !rng.chance(70) {
                continue;
            }
            let sentence = render(&mut rng, &fact.shape);
            out.labels.push(FactLabel {
                article: a,
                sentence: sentence.clone(),
                fact: fact.id,
            });
            paragraph.push_str(&sentence);
            paragraph.push(' ');
            if rng.chance(40) {
                paragraph.push_str(&filler(&mut rng));
                paragraph.push(' ');
            }
            if rng.chance(35) {
                text.push_str(paragraph.trim_end());
                text.push_str("\n\n");
                paragraph.clear();
            }
        }
        for _ in 0..rng.below(6) {
            paragraph.push_str(&filler(&mut rng));
            paragraph.push(' ');
        }
        if !paragraph.is_empty() {
            text.push_str(paragraph.trim_end());
            text.push_str("\n\n");
        }
        for _ in 0..rng.below(3) {
            let line: &str = BOILERPLATE[rng.below(BOILERPLATE.len())];
            text.push_str(line);
            text.push_str("\n\n");
        }
        out.articles.push((format!("{a:06}"), text));
    }
    out
}

/// `count` claim-like sentences for search benchmarks: the fact sentences
/// of synthetic articles in order, every third one followed by a filler
/// sentence, so lengths vary; the same seed gives the same texts.
pub fn claim_texts(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0x005E_A2C4);
    let mut texts = Vec::with_capacity(count);
    // About five fact sentences per article.
    let mut articles = count.div_ceil(5).max(1);
    while texts.len() < count {
        texts.clear();
        let corpus = generate(articles, seed);
        for label in corpus.labels {
            if texts.len() == count {
                break;
            }
            let mut text = label.sentence;
            if texts.len() % 3 == 2 {
                text.push(' ');
                text.push_str(&filler(&mut rng));
            }
            texts.push(text);
        }
        articles *= 2;
    }
    texts
}

/// A sentence of common business words that states nothing in particular.
fn filler(rng: &mut Rng) -> String {
    let words = 6 + rng.below(14);
    let mut s = String::new();
    for i in 0..words {
        let w = *rng.pick(FILLER_WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(first) = c.next() {
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

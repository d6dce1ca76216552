//! Which way a passage says something moved: "shares rose" and "shares fell"
//! share every word but one, and a static embedding puts them side by side,
//! yet they report opposite facts. So do a decision and its reverse:
//! "regulators approved the merger" and "regulators blocked the merger".
//! Like polarity, direction is a guard in front of the other signals.

/// Which of the two directions, and which of the two outcomes of a
/// decision, a passage reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Directions {
    up: bool,
    down: bool,
    allowed: bool,
    stopped: bool,
}

/// Words that report a decision letting something go ahead.
const ALLOWED: &[&str] = &[
    "approve",
    "approves",
    "approved",
    "approving",
    "approval",
    "uphold",
    "upholds",
    "upheld",
    "authorize",
    "authorizes",
    "authorized",
    "authorise",
    "authorises",
    "authorised",
    "greenlit",
];
/// Verbs that end a ban or a block: "lifted the ban" lets something go ahead,
/// and the stopping word after them is what ended, not what was decided.
const LIFTING: &[&str] = &["lift", "lifts", "lifted", "lifting"];
/// Words that report a decision stopping it.
const STOPPED: &[&str] = &[
    "block",
    "blocks",
    "blocked",
    "blocking",
    "ban",
    "bans",
    "banned",
    "banning",
    "veto",
    "vetoes",
    "vetoed",
    "vetoing",
    "overturn",
    "overturns",
    "overturned",
    "overturning",
    "halt",
    "halts",
    "halted",
    "halting",
    "scrap",
    "scraps",
    "scrapped",
    "prohibit",
    "prohibits",
    "prohibited",
    "struck",
];

/// Words that report a rise. Inflected forms are listed rather than stems:
/// "rose" and "fell" do not stem to "rise" and "fall", and "lower" would
/// stem to "low", which reports no movement.
const UP: &[&str] = &[
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "higher",
    "climb",
    "climbs",
    "climbed",
    "jump",
    "jumps",
    "jumped",
    "surge",
    "surges",
    "surged",
    "soar",
    "soars",
    "soared",
    "advance",
    "advances",
    "advanced",
    "increase",
    "increases",
    "increased",
    "rally",
    "rallies",
    "rallied",
    "rebound",
    "rebounds",
    "rebounded",
    "up",
    "strengthen",
    "strengthens",
    "strengthened",
    "improve",
    "improves",
    "improved",
    "grow",
    "grows",
    "grew",
    "grown",
    "widen",
    "widens",
    "widened",
    "boost",
    "boosts",
    "boosted",
];
/// Words that report a fall.
const DOWN: &[&str] = &[
    "fall",
    "falls",
    "fell",
    "fallen",
    "falling",
    "lower",
    "drop",
    "drops",
    "dropped",
    "decline",
    "declines",
    "declined",
    "decrease",
    "decreases",
    "decreased",
    "slip",
    "slips",
    "slipped",
    "slide",
    "slides",
    "slid",
    "plunge",
    "plunges",
    "plunged",
    "tumble",
    "tumbles",
    "tumbled",
    "sink",
    "sinks",
    "sank",
    "slump",
    "slumps",
    "slumped",
    "dip",
    "dips",
    "dipped",
    "down",
    "weaken",
    "weakens",
    "weakened",
    "worsen",
    "worsens",
    "worsened",
    "deteriorate",
    "deteriorates",
    "deteriorated",
    "shrink",
    "shrinks",
    "shrank",
    "shrunk",
    "narrow",
    "narrows",
    "narrowed",
    "reduce",
    "reduces",
    "reduced",
    "lowered",
    "lowers",
    "slash",
    "slashes",
    "slashed",
];

/// What rises and falls in the news: prices, markets, figures, counts.
const MEASURES: &[&str] = &[
    "shares",
    "share",
    "stock",
    "stocks",
    "price",
    "prices",
    "rate",
    "rates",
    "index",
    "indexes",
    "market",
    "markets",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "earnings",
    "income",
    "inflation",
    "unemployment",
    "toll",
    "number",
    "numbers",
    "figure",
    "figures",
    "yield",
    "yields",
    "currency",
    "dollar",
    "euro",
    "yen",
    "pound",
    "yuan",
    "rupee",
    "value",
    "output",
    "growth",
    "demand",
    "exports",
    "imports",
    "costs",
    "cost",
    "spending",
    "debt",
    "deficit",
    "temperature",
    "temperatures",
    "level",
    "levels",
    "condition",
    "lead",
    "gap",
    "forecast",
    "outlook",
    "guidance",
    "estimate",
    "estimates",
    "turnover",
    "margin",
    "margins",
    "dow",
    "nasdaq",
    "ftse",
    "nikkei",
    "sensex",
    "bond",
    "bonds",
    "oil",
    "gold",
    "bitcoin",
    "pay",
    "wages",
    "salary",
    "fees",
    "tax",
    "taxes",
    "rent",
    "rents",
    "ratings",
    "support",
    "cases",
    "deaths",
    "count",
    "total",
    "population",
    "membership",
    "attendance",
    "traffic",
    "production",
    "investment",
    "confidence",
    "sentiment",
    "volume",
    "volumes",
];
/// Numbers written as words, after a movement ("rose to nine").
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "percent",
    "record",
];

/// The directions of movement a passage reports, from its text folded by
/// [`crate::text::fold_for_match`]. "up to" is a bound, not a rise; a passage that
/// reports both ways ("rose, then fell") is left to the other signals.
pub fn directions(folded: &str) -> Directions {
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Directions::default();
    // Where a "lift" reaches: the stopping word in the next few words is
    // the thing lifted.
    let mut lifted_until = 0;
    for (i, &word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        if LIFTING.contains(&word) {
            out.allowed = true;
            lifted_until = i + 4;
            continue;
        }
        if word == "up" && next == Some("to") {
            continue;
        }
        // "declined to comment" refuses; it reports no fall.
        if word.starts_with("declin") && super::polarity::infinitive_follows(&words[i + 1..]) {
            continue;
        }
        // A train "slid down an embankment" moves no figure: a rise or a
        // fall counts when it moves a measure ("shares fell", "the toll
        // rose to nine", "Dow up 12").
        let moves_a_measure = || {
            let before = &words[i.saturating_sub(5)..i];
            let after = &words[i + 1..words.len().min(i + 4)];
            before.iter().any(|w| MEASURES.contains(w))
                || after.iter().any(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit())
                        || NUMBER_WORDS.contains(w)
                        || MEASURES.contains(w)
                })
        };
        if (UP.contains(&word) || DOWN.contains(&word)) && moves_a_measure() {
            out.up |= UP.contains(&word);
            out.down |= DOWN.contains(&word);
        }
        out.allowed |= ALLOWED.contains(&word);
        // "struck" stops something only when it is "struck down".
        out.stopped |= STOPPED.contains(&word)
            && (word != "struck" || next == Some("down"))
            && i >= lifted_until;
    }
    out
}

impl Directions {
    /// One passage reports only a rise where the other reports only a fall,
    /// or only a decision allowing something where the other reports only
    /// one stopping it.
    pub fn opposite(self, other: Directions) -> bool {
        let opposed = |a: (bool, bool), b: (bool, bool)| {
            let only_first = |d: (bool, bool)| d.0 && !d.1;
            let only_second = |d: (bool, bool)| d.1 && !d.0;
            (only_first(a) && only_second(b)) || (only_second(a) && only_first(b))
        };
        opposed((self.up, self.down), (other.up, other.down))
            || opposed((self.allowed, self.stopped), (other.allowed, other.stopped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directions(passage: &str) -> Directions {
        super::directions(&crate::text::fold_for_match(passage))
    }

    #[test]
    fn a_rise_and_a_fall_are_opposite() {
        let rose = directions("Shares of Acme rose 3% on Monday.");
        let fell = directions("Acme shares fell 3% on Monday.");
        let jumped = directions("Acme's stock jumped three percent.");
        assert!(rose.opposite(fell));
        assert!(fell.opposite(rose));
        assert!(!rose.opposite(jumped));
        let both = directions("Acme rose early, then fell back.");
        assert!(!both.opposite(rose) && !both.opposite(fell));
        let bound = directions("Acme faces fines of up to 4% of turnover.");
        assert!(!bound.opposite(fell));
        let approved = directions("EU regulators approved the merger.");
        let blocked = directions("The merger was blocked by regulators in the EU.");
        let struck = directions("The court struck down the law.");
        let upheld = directions("The court upheld the law.");
        assert!(approved.opposite(blocked) && struck.opposite(upheld));
        assert!(!directions("Regulators approved the ban.").opposite(blocked));
        assert!(!directions("The striker struck the ball.").opposite(upheld));
        let lifted = directions("The FAA lifted its ban on flights to Tel Aviv.");
        let continued = directions("The FAA extends its ban on flights to Tel Aviv.");
        assert!(lifted.opposite(continued) && !lifted.opposite(approved));
        let weakened = directions("The yuan weakened against the dollar.");
        let strengthened = directions("The yuan strengthened to a new high.");
        assert!(weakened.opposite(strengthened));
        let refused = directions("Acme declined to comment.");
        assert!(!refused.opposite(rose));
        // Bodies and vehicles move; only figures rise and fall.
        let slid = directions("Two carriages slid down an embankment.");
        let toll = directions("The death toll rose to nine on Wednesday.");
        assert!(!slid.opposite(toll));
        assert!(directions("The yuan weakened.").opposite(directions("The yuan strengthened.")));
        let none = directions("Acme was fined by the regulator.");
        assert!(!none.opposite(rose) && !none.opposite(fell));
    }
}

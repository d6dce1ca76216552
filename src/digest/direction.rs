//! Which way a passage says something moved: "shares rose" and "shares fell"
//! share every word but one, and a static embedding puts them side by side,
//! yet they report opposite facts. Like polarity, direction is a guard in
//! front of the other signals.

/// Which of the two directions a passage reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Directions {
    up: bool,
    down: bool,
}

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
    for (i, &word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        if word == "up" && next == Some("to") {
            continue;
        }
        // "declined to comment" refuses; it reports no fall.
        if word.starts_with("declin") && super::polarity::infinitive_follows(&words[i + 1..]) {
            continue;
        }
        out.up |= UP.contains(&word);
        out.down |= DOWN.contains(&word);
    }
    out
}

impl Directions {
    /// One passage reports only a rise where the other reports only a fall.
    pub fn opposite(self, other: Directions) -> bool {
        let only_up = |d: Directions| d.up && !d.down;
        let only_down = |d: Directions| d.down && !d.up;
        (only_up(self) && only_down(other)) || (only_down(self) && only_up(other))
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
        let refused = directions("Acme declined to comment.");
        assert!(!refused.opposite(rose));
        let none = directions("Acme was fined by the regulator.");
        assert!(!none.opposite(rose) && !none.opposite(fell));
    }
}

//! Whether a passage asserts something or denies it.
//!
//! Embeddings and word overlap both score "Meta shared DMs" and "Meta didn't
//! share DMs" as near twins, so polarity is a hard guard in front of every
//! other signal: a denial never shares a claim with a passage that says what
//! its negated clauses deny.

use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    Asserts,
    Denies,
}

/// Words that negate the clause they stand in. "Without" is not one: "cut
/// off without explanation", "shared without consent" still assert the act.
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot",
];
/// Stems of verbs and adjectives that deny or reject what follows.
pub const DENIAL_STEMS: &[&str] = &[
    "deni",
    "disagre",
    "repudiat",
    "deny",
    "refut",
    "reject",
    "dismiss",
    "disput",
    "disprov",
    "rebut",
    "untru",
    "fals",
    "baseless",
    "meritless",
    "unfound",
    "debunk",
    "contest",
];
/// Stems of verbs that say an act did not happen ("refused to recuse
/// himself" is "would not recuse himself"), with whether they need a "to"
/// after them to mean that: prices "declined", a spokesman "declined to
/// comment"; "has yet to respond" has not responded.
const NEGATIVE_IMPLICATIVES: &[(&str, bool)] = &[
    ("refus", false),
    ("acquit", false),
    ("declin", true),
    ("fail", true),
    ("failur", true),
    ("unabl", true),
    ("yet", true),
];
/// Prepositions that open a reason or a circumstance of what a sentence
/// asserts: a negation right after one ("for not refunding", "after failing
/// to agree", "despite never meeting") leaves the sentence an assertion.
const REASON_PREPOSITIONS: &[&str] = &["for", "after", "over", "despite", "by"];
/// Phrases where a negation word does not negate the assertion.
const NOT_NEGATING: &[&str] = &[
    "not only",
    "no doubt",
    "no great mystery",
    "no mystery",
    "no secret",
    "no surprise",
    "no coincidence",
    "no accident",
    "no small",
    "no stranger to",
    "no longer a secret",
    "not least",
    "nothing new",
    "no wonder",
    "not just",
    "if not",
    "whether or not",
    "no more than",
    "no fewer than",
    "no less than",
    "no later than",
    "at no cost",
    "at no extra cost",
    "at no charge",
    "at no additional cost",
    "no-cost",
];

/// Whether the words start with "to" and a verb: "declined to comment",
/// "yet to be identified", but not "declined to $5 billion" or "declined to
/// a record low", where the verb reports a movement.
pub(super) fn infinitive_follows(words: &[&str]) -> bool {
    const MOVEMENT_TARGETS: &[&str] =
        &["record", "low", "lows", "high", "highs", "level", "levels"];
    match words {
        [to, verb, ..] if *to == "to" => {
            verb.chars().all(char::is_alphabetic)
                && (matches!(*verb, "be" | "have" | "do") || !text::is_stop_word(verb))
                && !MOVEMENT_TARGETS.contains(verb)
        }
        _ => false,
    }
}

/// Words that open a clause about something else than what the passage
/// asserts: a relative clause after a comma ("…, which members rejected").
const ASIDE_OPENINGS: &[&str] = &["which", "who", "whom", "whose", "where"];
/// Words after which a negation belongs to a condition, not to what is
/// asserted: "strikes on 28 and 29 October if no deal is reached".
const CONDITIONS: &[&str] = &["if", "unless", "until", "whether"];

/// The negations of one clause (text between commas and the like).
fn clause_negations(clause: &str) -> usize {
    // Hyphens stay inside words: a "no-frills airline" or a "no-fly zone"
    // negates nothing. Quotation marks written as apostrophes ("sees 'no
    // chance'") are not part of the word.
    let words: Vec<&str> = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches('-').trim_start_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| ASIDE_OPENINGS.contains(w)) {
        return 0;
    }
    let mut negations = 0;
    for (i, word) in words.iter().enumerate() {
        if CONDITIONS.contains(word) {
            break;
        }
        // "fined for failing to refund", "criticised for not acting": the
        // negation gives the reason for what the sentence asserts.
        let in_a_reason = i
            .checked_sub(1)
            .is_some_and(|p| REASON_PREPOSITIONS.contains(&words[p]));
        if in_a_reason {
            continue;
        }
        if word.ends_with("n't") || NEGATIONS.contains(&word.trim_end_matches('\'')) {
            negations += 1;
            continue;
        }
        let stem = text::stem(word.trim_matches('\''));
        let to_follows = infinitive_follows(&words[i + 1..]);
        let implies_not = NEGATIVE_IMPLICATIVES
            .iter()
            .any(|&(s, needs_to)| stem == s && (to_follows || !needs_to));
        if implies_not || DENIAL_STEMS.iter().any(|d| stem.starts_with(d)) {
            negations += 1;
        }
    }
    negations
}

/// Reads the polarity of a passage from negation words, contracted "n't"
/// and verbs of denial.
pub fn polarity(passage: &str) -> Polarity {
    polarity_of_folded(&text::fold_for_match(passage))
}

/// [`polarity`] of a passage already folded by [`text::fold_for_match`].
pub fn polarity_of_folded(folded: &str) -> Polarity {
    // Two negations ("denied it did not …") still deny; what matters is that
    // the passage is not a plain assertion.
    if negated_clauses(folded).is_empty() {
        Polarity::Asserts
    } else {
        Polarity::Denies
    }
}

/// The clauses of a folded passage that a negation or a denial stands in:
/// what the passage denies ("finding that the article was false" in a
/// sentence whose main clause awards damages).
pub fn negated_clauses(folded: &str) -> Vec<String> {
    let mut lower = folded.to_string();
    for phrase in NOT_NEGATING {
        lower = lower.replace(phrase, " ");
    }
    // "247 passengers, not 212 as first claimed": a figure corrected, not a
    // clause denied.
    let mut corrected = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    while let Some(at) = rest.find(", not ") {
        let after = &rest[at + ", not ".len()..];
        corrected.push_str(&rest[..at + ", ".len()]);
        if !after.starts_with(|c: char| c.is_ascii_digit()) {
            corrected.push_str("not ");
        }
        rest = after;
    }
    corrected.push_str(rest);
    corrected
        .split([',', ';', ':', '(', ')', '\u{2014}'])
        .filter(|clause| clause_negations(clause) > 0)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_and_negations() {
        assert_eq!(polarity("Meta shared DMs with Netflix."), Polarity::Asserts);
        assert_eq!(
            polarity("Meta didn’t share people’s private messages with Netflix."),
            Polarity::Denies
        );
        assert_eq!(
            polarity("Meta did not share private messages."),
            Polarity::Denies
        );
        assert_eq!(
            polarity("Andy Stone denied claims that Netflix had access."),
            Polarity::Denies
        );
        assert_eq!(
            polarity("The claims are shockingly untrue."),
            Polarity::Denies
        );
        assert_eq!(
            polarity("Netflix read messages without their consent."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Riders were cut off from work without explanation."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("The no-frills airline's chairman steps down."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Snowden sees 'no chance' of a fair trial."),
            Polarity::Denies
        );
        assert_eq!(
            polarity("The fine must be paid no later than March."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Customers are offered a year of credit monitoring at no cost."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("There were 247 passengers on board, not 212 as first claimed."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Couriers are employees, not contractors."),
            Polarity::Denies
        );
        // A relative clause or a condition holds its own negation.
        assert_eq!(
            polarity("In July the trust offered 2 percent, which members rejected."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("A second strike will take place on 28 October if no agreement is reached."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Meta will not appeal unless the fine is raised."),
            Polarity::Denies
        );
        assert_eq!(
            polarity("Couriers are not employees, the company said."),
            Polarity::Denies
        );
    }

    #[test]
    fn verbs_that_say_an_act_did_not_happen() {
        for denial in [
            "Carlson refused to recuse himself.",
            "A spokesman declined to comment.",
            "The dollar failed to stay above 75 cents.",
            "Monitors were unable to reach the site.",
            "Meta has yet to respond.",
            "Edwards was acquitted on one count.",
        ] {
            assert_eq!(polarity(denial), Polarity::Denies, "{denial}");
        }
        // Without "to", "declined" and "failed" report what happened.
        assert_eq!(polarity("Shares declined 3%."), Polarity::Asserts);
        assert_eq!(
            polarity("Revenue declined to $5 billion."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Regulators fined the airline for failing to refund passengers."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("The bank was criticised for not acting sooner."),
            Polarity::Asserts
        );
        assert_eq!(
            polarity("Sales declined to a record low."),
            Polarity::Asserts
        );
        assert_eq!(polarity("The bank failed in 2008."), Polarity::Asserts);
    }
}

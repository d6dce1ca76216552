//! Whether a passage asserts something or denies it.
//!
//! Embeddings and word overlap both score "Meta shared DMs" and "Meta didn't
//! share DMs" as near twins, so polarity is a hard guard in front of every
//! other signal: a denial never shares a claim with a passage that says what
//! its negated clauses deny.

use std::sync::{LazyLock, OnceLock};

use crate::{lexicon, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    Asserts,
    Denies,
}

/// The word lists polarity reads, from `lexicon/`: `negations.tsv`,
/// `denial-stems.tsv`, `negative-implicatives.tsv`, `reason-prepositions.tsv`,
/// `not-negating.tsv` and `movement-targets.tsv`. Held as plain slices so
/// that the tests can read a passage with one entry taken out and show that
/// the entry, and nothing else, decides it.
#[derive(Debug, Clone)]
struct Rules {
    negations: Vec<&'static str>,
    denial_stems: Vec<&'static str>,
    /// Stems with whether they need "to" and a verb after them.
    negative_implicatives: Vec<(&'static str, bool)>,
    reason_prepositions: Vec<&'static str>,
    not_negating: Vec<&'static str>,
    movement_targets: Vec<&'static str>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules {
        negations: lexicon::negations().words().collect(),
        denial_stems: lexicon::denial_stems().words().collect(),
        negative_implicatives: lexicon::negative_implicatives()
            .iter()
            .map(|n| (n.stem, n.needs_to))
            .collect(),
        reason_prepositions: lexicon::reason_prepositions().words().collect(),
        not_negating: lexicon::not_negating().words().collect(),
        movement_targets: lexicon::movement_targets().words().collect(),
    })
}

/// Stems of verbs and adjectives that deny or reject what follows, from
/// `lexicon/denial-stems.tsv`; attribution reads them too. Kept under this
/// name because `digest` re-exports it.
pub static DENIAL_STEMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::denial_stems().words().collect());

/// Whether the words start with "to" and a verb: "declined to comment",
/// "yet to be identified", but not "declined to $5 billion" or "declined to
/// record lows", where the verb reports a movement.
pub(super) fn infinitive_follows(words: &[&str]) -> bool {
    infinitive_follows_by(rules(), words)
}

fn infinitive_follows_by(rules: &Rules, words: &[&str]) -> bool {
    match words {
        [to, verb, ..] if *to == "to" => {
            verb.chars().all(char::is_alphabetic)
                && (matches!(*verb, "be" | "have" | "do") || !text::is_stop_word(verb))
                && !rules.movement_targets.contains(verb)
        }
        _ => false,
    }
}

/// Words that open a clause about something else than what the passage
/// asserts: a relative clause after a comma ("…, which members rejected").
/// The relative pronouns are a closed class, so they stay here.
const ASIDE_OPENINGS: &[&str] = &["which", "who", "whom", "whose", "where"];
/// Words after which a negation belongs to a condition, not to what is
/// asserted: "strikes on 28 and 29 October if no deal is reached". The
/// conditional conjunctions are a closed class, so they stay here.
const CONDITIONS: &[&str] = &["if", "unless", "until", "whether"];

/// The negations of one clause (text between commas and the like).
fn clause_negations(rules: &Rules, clause: &str) -> usize {
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
            .is_some_and(|p| rules.reason_prepositions.contains(&words[p]));
        if in_a_reason {
            continue;
        }
        if word.ends_with("n't") || rules.negations.contains(&word.trim_end_matches('\'')) {
            negations += 1;
            continue;
        }
        let stem = text::stem(word.trim_matches('\''));
        let to_follows = infinitive_follows_by(rules, &words[i + 1..]);
        let implies_not = rules
            .negative_implicatives
            .iter()
            .any(|&(s, needs_to)| stem == s && (to_follows || !needs_to));
        if implies_not || rules.denial_stems.iter().any(|d| stem.starts_with(d)) {
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
    polarity_by(rules(), folded)
}

fn polarity_by(rules: &Rules, folded: &str) -> Polarity {
    // Two negations ("denied it did not …") still deny; what matters is that
    // the passage is not a plain assertion.
    if negated_clauses_by(rules, folded).is_empty() {
        Polarity::Asserts
    } else {
        Polarity::Denies
    }
}

/// The clauses of a folded passage that a negation or a denial stands in:
/// what the passage denies ("finding that the article was false" in a
/// sentence whose main clause awards damages).
pub fn negated_clauses(folded: &str) -> Vec<String> {
    negated_clauses_by(rules(), folded)
}

fn negated_clauses_by(rules: &Rules, folded: &str) -> Vec<String> {
    let mut lower = folded.to_string();
    for phrase in &rules.not_negating {
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
        .filter(|clause| clause_negations(rules, clause) > 0)
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

    /// Reads each entry's two passages through [`polarity_by`], then the
    /// passage it fires on again with the entry taken out of its list
    /// (`without`): the entry fires when its passage reads `fired` and
    /// reads the other way without it. Returns every failure, not the first.
    fn check_entries(
        entries: impl IntoIterator<Item = (&'static str, &'static str, &'static str)>,
        fired: Polarity,
        without: impl Fn(&mut Rules, &str),
    ) -> Vec<String> {
        let other = match fired {
            Polarity::Asserts => Polarity::Denies,
            Polarity::Denies => Polarity::Asserts,
        };
        let read =
            |rules: &Rules, passage: &str| polarity_by(rules, &text::fold_for_match(passage));
        let mut failures = Vec::new();
        for (words, fires_on, spares) in entries {
            if read(rules(), fires_on) != fired {
                failures.push(format!("{words:?} should fire on {fires_on:?}"));
            }
            if read(rules(), spares) != other {
                failures.push(format!("{words:?} should spare {spares:?}"));
            }
            let mut less = rules().clone();
            without(&mut less, words);
            if read(&less, fires_on) != other {
                failures.push(format!(
                    "{fires_on:?} reads {fired:?} even without {words:?}"
                ));
            }
        }
        failures
    }

    fn entries(
        list: &'static lexicon::WordList,
    ) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
        list.entries.iter().map(|e| (e.words, e.fires_on, e.spares))
    }

    #[test]
    fn every_negation_and_denial_entry_fires_and_spares() {
        let mut failures =
            check_entries(entries(lexicon::negations()), Polarity::Denies, |r, w| {
                r.negations.retain(|x| *x != w)
            });
        failures.extend(check_entries(
            entries(lexicon::denial_stems()),
            Polarity::Denies,
            |r, w| r.denial_stems.retain(|x| *x != w),
        ));
        failures.extend(check_entries(
            lexicon::negative_implicatives()
                .iter()
                .map(|n| (n.stem, n.fires_on, n.spares)),
            Polarity::Denies,
            |r, w| r.negative_implicatives.retain(|(x, _)| *x != w),
        ));
        // Entries that do not decide their passage today, kept so that
        // moving the lists changed nothing; each is listed so that a change
        // to the rule shows up here.
        let known = [
            // Snowball stems "repudiated" to "repudi": the stem never matches.
            "\"repudiat\" should fire on \"The minister repudiated the report.\"",
            // Snowball stems "deny" to "deni", which the list already holds.
            "\"Officials deny the report.\" reads Denies even without \"deny\"",
        ];
        assert_eq!(failures, known, "{failures:#?}");
    }

    #[test]
    fn every_exception_entry_keeps_its_passage_an_assertion() {
        let mut failures = check_entries(
            entries(lexicon::not_negating()),
            Polarity::Asserts,
            |r, w| r.not_negating.retain(|x| *x != w),
        );
        failures.extend(check_entries(
            entries(lexicon::reason_prepositions()),
            Polarity::Asserts,
            |r, w| r.reason_prepositions.retain(|x| *x != w),
        ));
        failures.extend(check_entries(
            entries(lexicon::movement_targets()),
            Polarity::Asserts,
            |r, w| r.movement_targets.retain(|x| *x != w),
        ));
        // Entries whose passage another rule already keeps an assertion,
        // kept so that moving the lists changed nothing (they still cut
        // their letters out of longer words, see not-negating.tsv).
        let known = [
            // "if" opens a condition: the negations after it do not count.
            "\"Thousands, if not millions, were affected.\" reads Asserts even without \"if not\"",
            // "whether" opens a condition too.
            "\"The levy applies whether or not the firm profits.\" reads Asserts even without \"whether or not\"",
            // A hyphen keeps "no-cost" one word, which is not "no".
            "\"The council offers no-cost parking.\" reads Asserts even without \"no-cost\"",
        ];
        assert_eq!(failures, known, "{failures:#?}");
    }
}

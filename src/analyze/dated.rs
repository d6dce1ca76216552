//! When something happened, tied to what happened: "documents, filed on
//! March 23" gives the event (documents, file) the date March 23; "were
//! unsealed on March 23rd, 2024" gives (documents, unseal) that date. Two
//! outlets that date one event differently disagree even when their
//! sentences share no other value; two events that share a date (a fine in
//! one year over a breach of the year before) are not one fact.

use crate::text;

/// A date as precise as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Date {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Whether two dates cannot be the same day: a part both give differs.
    pub fn conflicts_with(&self, other: &Date) -> bool {
        let differ =
            |a: Option<u16>, b: Option<u16>| matches!((a, b), (Some(x), Some(y)) if x != y);
        differ(self.year, other.year)
            || differ(self.month.map(u16::from), other.month.map(u16::from))
            || (self.month == other.month
                && differ(self.day.map(u16::from), other.day.map(u16::from)))
    }

    /// "March 23, 2024", "April 2023", "March 23".
    pub fn describe(&self) -> String {
        let month = self
            .month
            .and_then(|m| text::MONTH_NAMES.get(usize::from(m).wrapping_sub(1)));
        match (month, self.day, self.year) {
            (Some(m), Some(d), Some(y)) => format!("{m} {d}, {y}"),
            (Some(m), Some(d), None) => format!("{m} {d}"),
            (Some(m), None, Some(y)) => format!("{m} {y}"),
            (Some(m), None, None) => m.to_string(),
            (None, _, Some(y)) => y.to_string(),
            (None, _, None) => String::new(),
        }
    }
}

/// An event a passage dates: what (the subject's stem), the verb's stem, and
/// when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DatedEvent {
    pub subject: String,
    pub verb: String,
    pub date: Date,
}

/// Words between a verb and its date ("filed on", "were unsealed in").
const DATE_PREPOSITIONS: &[&str] = &["on", "in", "last", "since", "by"];
/// Words between a subject and its verb ("documents were filed").
const AUXILIARIES: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "first",
    "later",
    "originally",
    "initially",
    "reportedly",
    "allegedly",
];

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A day of a month as written: "23", "23rd", "1st".
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    let day: u8 = digits.parse().ok()?;
    let suffix_ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    ((1..=31).contains(&day) && suffix_ok).then_some(day)
}

fn year_number(word: &str) -> Option<u16> {
    let year: u16 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2100).contains(&year)).then_some(year)
}

/// The date written from word `i` on, and the number of words it takes.
fn date_at(words: &[&str], i: usize) -> Option<(Date, usize)> {
    let mut date = Date::default();
    let mut k = i;
    let w = |k: usize| words.get(k).map(|w| bare(w));
    if let Some(month) = w(k).and_then(text::month_number) {
        date.month = Some(month as u8);
        k += 1;
        if let Some(day) = w(k).and_then(day_number) {
            // "March 23," — a comma after the day ends it unless a year follows.
            date.day = Some(day);
            k += 1;
        }
        if let Some(year) = w(k).and_then(year_number) {
            date.year = Some(year);
            k += 1;
        }
    } else if let Some(day) = w(k).and_then(day_number) {
        // "23 March 2024"
        let month = w(k + 1).and_then(text::month_number)?;
        date.day = Some(day);
        date.month = Some(month as u8);
        k += 2;
        if let Some(year) = w(k).and_then(year_number) {
            date.year = Some(year);
            k += 1;
        }
    } else if let Some(year) = w(k).and_then(year_number) {
        date.year = Some(year);
        k += 1;
    } else {
        return None;
    }
    Some((date, k - i))
}

/// A verb form that takes a date: a past participle or past tense ("filed",
/// "unsealed", "began"), read by its ending.
fn is_dated_verb(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_alphabetic)
}

/// The events a passage dates.
pub fn dated_events(passage: &str) -> Vec<DatedEvent> {
    let folded = text::fold_quotes(passage);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut out = Vec::new();
    for (v, verb) in words.iter().enumerate() {
        if !is_dated_verb(bare(verb)) {
            continue;
        }
        // The date: right after the verb and one preposition ("filed on
        // March 23", "filed last April", "filed in April 2023").
        let Some(prep) = words.get(v + 1).map(|w| bare(w).to_lowercase()) else {
            continue;
        };
        if !DATE_PREPOSITIONS.contains(&prep.as_str()) || verb.ends_with(',') {
            continue;
        }
        let Some((date, _)) = date_at(&words, v + 2) else {
            continue;
        };
        // The subject: the noun before the verb, past auxiliaries and a
        // comma ("Court documents, filed on …", "documents were filed").
        let mut s = v;
        while s > 0 && AUXILIARIES.contains(&bare(words[s - 1]).to_lowercase().as_str()) {
            s -= 1;
        }
        let Some(subject) = s.checked_sub(1).map(|k| bare(words[k]).to_lowercase()) else {
            continue;
        };
        if subject.is_empty() || !subject.chars().all(char::is_alphabetic) {
            continue;
        }
        out.push(DatedEvent {
            subject: text::stem(&subject),
            verb: text::stem(&bare(verb).to_lowercase()),
            date,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(passage: &str) -> Vec<(String, String, String)> {
        dated_events(passage)
            .into_iter()
            .map(|e| (e.subject, e.verb, e.date.describe()))
            .collect()
    }

    #[test]
    fn an_event_keeps_its_subject_verb_and_date() {
        assert_eq!(
            dates("Court documents, filed on March 23, claim that the firm had access."),
            [("document".into(), "file".into(), "March 23".into())]
        );
        assert_eq!(
            dates(
                "Court documents filed in April 2023 as part of a lawsuit were unsealed on March 23rd, 2024."
            ),
            [
                ("document".into(), "file".into(), "April 2023".into()),
                ("lawsuit".into(), "unseal".into(), "March 23, 2024".into())
            ]
        );
        assert_eq!(
            dates("These documents were filed last April."),
            [("document".into(), "file".into(), "April".into())]
        );
        assert_eq!(
            dates("The fine was imposed on 3 May 2023 over a breach in 2022."),
            [("fine".into(), "impos".into(), "May 3, 2023".into())]
        );
    }

    #[test]
    fn dates_conflict_only_in_a_part_both_give() {
        let d = |year, month, day| Date { year, month, day };
        assert!(d(None, Some(3), Some(23)).conflicts_with(&d(Some(2023), Some(4), None)));
        assert!(!d(None, Some(3), Some(23)).conflicts_with(&d(Some(2024), Some(3), Some(23))));
        assert!(!d(None, Some(4), None).conflicts_with(&d(Some(2023), Some(4), None)));
        assert!(d(Some(2022), None, None).conflicts_with(&d(Some(2023), Some(4), None)));
    }
}

//! Who makes an assertion and how: the article's own voice, a lawsuit,
//! a named spokesperson, another outlet; asserting, alleging, reporting or
//! denying. Read from general cues — reporting verbs, "according to",
//! "told …:", negation — never from particular names.

use crate::digest::{DENIAL_STEMS, Polarity, polarity};
use crate::lexicon::{Credits, hearsay, reporting_verbs};
use crate::text;

/// How a passage puts its assertion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// States it as fact.
    #[default]
    Asserts,
    /// Puts it as an allegation or claim ("the lawsuit alleges").
    Alleges,
    /// Passes on what someone said or found ("The Guardian reported").
    Reports,
    /// Denies or negates it.
    Denies,
}

impl Stance {
    pub fn name(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Alleges => "alleges",
            Stance::Reports => "reports",
            Stance::Denies => "denies",
        }
    }
}

/// Who stands behind a passage and how.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Attribution {
    /// The source as written ("The Guardian", "A Meta spokesperson"), or
    /// `None` when the article speaks in its own voice.
    pub source: Option<String>,
    pub stance: Stance,
}

impl Attribution {
    /// The source for display: the named source or "the article".
    pub fn source_label(&self) -> &str {
        self.source.as_deref().unwrap_or("the article")
    }
}

/// Connectives that open a sentence without being its subject.
const CONNECTIVES: &[&str] = &[
    "however",
    "additionally",
    "moreover",
    "meanwhile",
    "specifically",
    "also",
    "furthermore",
    "still",
    "yet",
    "recently",
    "previously",
    "separately",
    "instead",
    "indeed",
    "later",
    "earlier",
];
const OPENING_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "since", "by", "for", "from", "with", "as",
    "under", "over", "amid", "until", "last", "earlier", "when", "while", "although", "though",
];
/// Words that open where or when something was said, after a trailing
/// reporting verb ("said in a statement", "told reporters on Tuesday").
const ADJUNCT_OPENINGS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "via",
    "through",
    "last",
    "this",
    "yesterday",
    "today",
    "earlier",
    "later",
    "late",
    "reporters",
    "journalists",
];
/// Words that make a would-be subject a clause of its own ("We are confident
/// the facts will show …"): no source is named there.
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "has", "have", "had",
    "can", "could", "may", "might", "should", "did", "does", "do", "to", "that", "if", "it's",
    // A preposition puts the reporting verb's subject elsewhere ("This denial
    // contrasts with previous reports").
    "with", "of", "about", "into", "from", "for", "on", "in", "by", "at", "against", "between",
];
/// Words that modify the verb, not the subject ("The document further outlines").
const VERB_MODIFIERS: &[&str] = &[
    "further", "also", "later", "then", "now", "still", "again", "first",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
];
const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "we", "this", "these", "that", "those", "it's",
];
/// The longest source, in words, worth naming.
const MAX_SOURCE_WORDS: usize = 8;

fn starts_with_any(word: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| word.starts_with(p))
}

/// The reporting verb a word is a form of, from `lexicon/reporting-verbs.tsv`.
pub(crate) fn reporting_verb(word: &str) -> Option<Credits> {
    reporting_verbs()
        .iter()
        .find(|v| word.starts_with(v.stem.as_str()))
        .map(|v| v.credits)
}

/// Whether a word may close a sentence with its source ("…, Reuters reported.").
fn closes_with_source(word: &str) -> bool {
    reporting_verbs()
        .iter()
        .any(|v| v.closing_forms.iter().any(|f| f == word))
}

/// Whether a passage is put as second-hand without a source, from
/// `lexicon/hearsay.tsv`: single words match whole words, phrases match
/// anywhere.
fn is_hearsay(lower: &str) -> bool {
    hearsay().iter().any(|h| {
        if h.words.contains(' ') {
            lower.contains(h.words.as_str())
        } else {
            lower
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .any(|w| w == h.words)
        }
    })
}

/// Who a passage read alone names as its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A source named in the passage ("The Guardian", "Andy Stone").
    Named(String),
    /// A pronoun pointing back at a source named earlier ("According to
    /// him", "It alleges"), lower case.
    Pronoun(String),
    /// No source: the article's own voice.
    Unnamed,
}

/// Reads who makes the assertion of a passage and how, from the passage
/// alone; [`crate::analyze::Voices`] reads it in its article.
pub fn attribute(passage: &str) -> Attribution {
    let (subject, stance) = read(passage);
    Attribution {
        source: match subject {
            Subject::Named(name) => Some(name),
            Subject::Pronoun(_) | Subject::Unnamed => None,
        },
        stance,
    }
}

/// The subject and stance of a passage read alone.
pub fn read(passage: &str) -> (Subject, Stance) {
    let text = text::fold_quotes(passage);
    let denies = polarity(passage) == Polarity::Denies;
    let lower = text.to_lowercase();

    if let Some(source) = according_to(&text) {
        let stance = if denies {
            Stance::Denies
        } else {
            Stance::Reports
        };
        return (source, stance);
    }
    if let Some((source, verb)) = subject_of_reporting_verb(&text) {
        let stance = if denies || starts_with_any(&verb, &DENIAL_STEMS) {
            Stance::Denies
        } else if reporting_verb(&verb) == Some(Credits::Alleges) {
            Stance::Alleges
        } else {
            Stance::Reports
        };
        return (source, stance);
    }
    let hearsay = is_hearsay(&lower);
    let stance = if denies {
        Stance::Denies
    } else if hearsay {
        Stance::Alleges
    } else {
        Stance::Asserts
    };
    (Subject::Unnamed, stance)
}

/// Object pronouns after "according to": the passage points back at a
/// source named elsewhere, so this passage names none ("According to him").
const OBJECT_PRONOUNS: &[&str] = &[
    "him", "her", "them", "it", "us", "me", "this", "that", "these", "those",
];

/// "According to the document, …", "As per the report, …" → the source,
/// which may be a pronoun ("according to him").
fn according_to(text: &str) -> Option<Subject> {
    let lower = text.to_lowercase();
    for cue in ["according to ", "as per ", "in accordance with "] {
        if let Some(at) = lower.find(cue) {
            let rest = &text[at + cue.len()..];
            let source = rest[..source_end(rest)].trim();
            let words = text::word_count(source);
            if (1..=MAX_SOURCE_WORDS).contains(&words) {
                let source = name_source(source);
                let lower = source.to_lowercase();
                if OBJECT_PRONOUNS.contains(&lower.as_str()) {
                    return Some(Subject::Pronoun(lower));
                }
                return Some(Subject::Named(source));
            }
        }
    }
    None
}

/// Where a source named after "according to" ends: at a comma, semicolon,
/// colon or quote, or at a full stop that ends the sentence — not the one of
/// an initial or abbreviation ("J.P. Morgan", "U.S. officials").
fn source_end(rest: &str) -> usize {
    for (i, c) in rest.char_indices() {
        match c {
            ',' | ';' | ':' | '"' => return i,
            '.' => {
                let word = rest[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                let initial_or_abbreviation =
                    word.contains('.') || word.chars().filter(|c| c.is_alphabetic()).count() == 1;
                let next = rest[i + 1..].chars().next();
                let next_opens_word = next.is_some_and(|n| !n.is_whitespace());
                if !initial_or_abbreviation && !next_opens_word {
                    return i;
                }
            }
            _ => {}
        }
    }
    rest.len()
}

/// The subject before the first reporting verb, and the verb. The subject
/// may be a pronoun ("It alleges that …"): a source named elsewhere.
fn subject_of_reporting_verb(text: &str) -> Option<(Subject, String)> {
    // A trailing attribution: "…, watcher.guru reported."
    let trimmed = text.trim_end_matches(|c: char| c == '.' || text::is_space(c) || c == '"');
    if let Some(comma) = trimmed.rfind(',') {
        let tail: Vec<&str> = trimmed[comma + 1..]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        // "…, the airline said in a statement.": the verb may be followed
        // by where or when it was said; the words before the verb must then
        // read as a source, a name or a determiner first ("the airline",
        // not "refuted these claims").
        let reads_as_source = |w: &str| {
            w.starts_with(char::is_uppercase) || DETERMINERS.contains(&w.to_lowercase().as_str())
        };
        let adjunct_at = tail
            .iter()
            .position(|w| ADJUNCT_OPENINGS.contains(&w.to_lowercase().as_str()))
            .filter(|&k| k >= 2 && tail.len() - k <= 5 && reads_as_source(tail[0]))
            .unwrap_or(tail.len());
        let tail = &tail[..adjunct_at];
        if (2..=MAX_SOURCE_WORDS + 1).contains(&tail.len()) {
            let verb = tail[tail.len() - 1].to_lowercase();
            if closes_with_source(&verb) {
                let source = tail[..tail.len() - 1].join(" ");
                return Some((named_or_pronoun(&source), verb));
            }
            // The verb first, as after a quotation: "…," said Mr. O'Brien.
            let first = tail[0].to_lowercase();
            let named = tail[1..]
                .iter()
                .all(|w| !CLAUSE_WORDS.contains(&w.to_lowercase().as_str()));
            if closes_with_source(&first) && named {
                return Some((named_or_pronoun(&tail[1..].join(" ")), first));
            }
        }
    }
    // "X reported that …", "X told Y: …", "X, Y's director, denied …"
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let bare = word
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let is_verb = reporting_verb(&bare).is_some() || starts_with_any(&bare, &DENIAL_STEMS);
        // Nouns like "reports" or "claims" open sentences too: a verb needs a subject before it.
        if is_verb
            && offset > 0
            && !bare.ends_with("ing")
            && !hearsay().iter().any(|h| h.words == bare)
        {
            // Only what follows the last colon can be this verb's clause.
            let before = &text[..offset];
            let before = before.rfind(':').map_or(before, |c| &before[c + 1..]);
            let last = before
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_lowercase();
            let passive = matches!(last.as_str(), "is" | "are" | "was" | "were" | "been" | "be");
            let noun = DETERMINERS.contains(&last.trim_matches(|c: char| !c.is_alphanumeric()));
            // "The report uncovered …": after a determiner the word is a noun; read on.
            if !passive && !noun {
                return clause_subject(before).map(|subject| (subject, bare));
            }
        }
        offset += word.len();
        if offset > 160 {
            break;
        }
    }
    None
}

/// The subject among the comma-separated pieces before a verb: the first
/// piece that is not a connective ("However") or a participle ("filed on …").
/// A role followed by a name in apposition gives the name ("Meta's
/// communications director, Andy Stone, denied …").
fn clause_subject(before: &str) -> Option<Subject> {
    let pieces: Vec<&str> = before
        .split([',', ';', ':'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for (k, &piece) in pieces.iter().enumerate() {
        let first = piece.split_whitespace().next().unwrap_or("").to_lowercase();
        if CONNECTIVES.contains(&first.as_str()) && text::word_count(piece) == 1 {
            continue;
        }
        // "In December 2018, The Guardian reported …": a time or place, not the subject.
        if OPENING_PREPOSITIONS.contains(&first.as_str()) {
            continue;
        }
        let participle = first.ends_with("ed") || first.ends_with("ing");
        if participle && piece.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        if PRONOUNS.contains(&first.as_str()) && text::word_count(piece) <= 2 {
            // A pronoun points back ("It also alleges"); "this newspaper"
            // or "these documents" name no source here.
            let modifier = piece.split_whitespace().nth(1).is_none_or(|w| {
                let w = w.to_lowercase();
                w.ends_with("ly") || VERB_MODIFIERS.contains(&w.as_str())
            });
            return Some(if modifier {
                Subject::Pronoun(first)
            } else {
                Subject::Unnamed
            });
        }
        let mut words: Vec<&str> = piece.split_whitespace().collect();
        while words.last().is_some_and(|w| {
            let w = w.to_lowercase();
            w.ends_with("ly") || VERB_MODIFIERS.contains(&w.as_str())
        }) {
            words.pop();
        }
        let has_clause_word = words
            .iter()
            .any(|w| CLAUSE_WORDS.contains(&text::fold_quotes(&w.to_lowercase()).as_str()));
        if words.is_empty() || words.len() > MAX_SOURCE_WORDS || has_clause_word {
            return None;
        }
        let apposition = pieces.get(k + 1).filter(|next| is_personal_name(next));
        let subject = apposition.map_or_else(|| words.join(" "), |name| name.to_string());
        return Some(Subject::Named(name_source(&subject)));
    }
    None
}

/// A written source, or the pronoun it is.
fn named_or_pronoun(source: &str) -> Subject {
    let lower = source.trim().to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) || OBJECT_PRONOUNS.contains(&lower.as_str()) {
        Subject::Pronoun(lower)
    } else {
        Subject::Named(name_source(source))
    }
}

/// Two to four capitalised words and nothing else: a person's name as an
/// apposition writes it ("Andy Stone", "Mary-Ann O'Brien").
pub fn is_personal_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
        })
        && !DETERMINERS.contains(&words[0].to_lowercase().as_str())
}

/// A source as shown: white space collapsed, trailing punctuation cut.
fn name_source(source: &str) -> String {
    source
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (Option<String>, Stance) {
        let a = attribute(s);
        (a.source, a.stance)
    }

    #[test]
    fn pronoun_subjects_are_kept_for_the_article_to_resolve() {
        assert_eq!(
            super::read("According to him, the deal was signed.").0,
            Subject::Pronoun("him".into())
        );
        assert_eq!(
            super::read("It alleges that the two firms had a special relationship.").0,
            Subject::Pronoun("it".into())
        );
        assert_eq!(
            super::read("\"We will appeal,\" he said.").0,
            Subject::Pronoun("he".into())
        );
    }

    #[test]
    fn a_demonstrative_with_a_noun_is_no_pronoun() {
        assert_eq!(
            super::read("In July, this newspaper revealed that the club agreed a fee.").0,
            Subject::Unnamed
        );
    }

    #[test]
    fn a_name_in_apposition_is_the_source() {
        assert!(is_personal_name("Andy Stone"));
        assert!(!is_personal_name("The Guardian"));
        assert!(!is_personal_name("Stone"));
        assert_eq!(
            read("Stone clarified that the access was for sharing titles."),
            (Some("Stone".into()), Stance::Reports)
        );
    }

    #[test]
    fn sources_that_close_a_sentence_with_where_they_said_it() {
        assert_eq!(
            read("\"We have taken responsibility,\" the airline said in a statement."),
            (Some("the airline".into()), Stance::Reports)
        );
        assert_eq!(
            read("Prices will rise, the minister told reporters on Tuesday."),
            (Some("the minister".into()), Stance::Reports)
        );
    }

    #[test]
    fn a_pronoun_after_according_to_names_no_source() {
        assert_eq!(read("According to him, \"Shockingly untrue.\"").0, None);
        assert_eq!(
            read("According to them, the deal was never signed."),
            (None, Stance::Denies)
        );
    }

    #[test]
    fn sources_after_a_quotation_and_with_initials() {
        assert_eq!(
            read("\"We will appeal,\" said Mr. O'Brien."),
            (Some("Mr. O'Brien".into()), Stance::Reports)
        );
        assert_eq!(
            read("Not yet, according to J.P. Morgan analysts; they expect a rebound."),
            (Some("J.P. Morgan analysts".into()), Stance::Denies)
        );
        assert_eq!(
            read("Prices rose, according to U.S. officials."),
            (Some("U.S. officials".into()), Stance::Reports)
        );
    }

    #[test]
    fn named_sources_and_their_stance() {
        assert_eq!(
            read("In December 2018, The Guardian reported that the firm granted access."),
            (Some("The Guardian".into()), Stance::Reports)
        );
        assert_eq!(
            read("The lawsuit alleges that the firm shared data."),
            (Some("The lawsuit".into()), Stance::Alleges)
        );
        assert_eq!(
            read("Court documents, filed on March 23, claim that the firm had access."),
            (Some("Court documents".into()), Stance::Alleges)
        );
        assert_eq!(
            read("A company spokesperson told the Daily Post: “We did not share data.”"),
            (Some("A company spokesperson".into()), Stance::Denies)
        );
        assert_eq!(
            read("However, the firm's director, Ann Lee, refuted these claims on Monday."),
            (Some("Ann Lee".into()), Stance::Denies)
        );
        assert_eq!(
            read("The buyer paid over $100 million, watcher.guru reported."),
            (Some("watcher.guru".into()), Stance::Reports)
        );
        assert_eq!(
            read("According to the document, the firm lobbied Congress."),
            (Some("the document".into()), Stance::Reports)
        );
    }

    #[test]
    fn unnamed_and_own_voice() {
        assert_eq!(
            read("It alleges that the two firms had a special relationship."),
            (None, Stance::Alleges)
        );
        assert_eq!(
            read("The streamer reportedly paid millions."),
            (None, Stance::Alleges)
        );
        assert_eq!(read("The board met in 2011."), (None, Stance::Asserts));
        assert_eq!(
            read("The firm did not share messages."),
            (None, Stance::Denies)
        );
    }

    #[test]
    fn every_reporting_verb_fires_on_its_example_and_spares_its_counter_example() {
        for verb in reporting_verbs() {
            let (subject, stance) = super::read(&verb.fires_on);
            assert!(
                matches!(subject, Subject::Named(_)),
                "{:?} names a source in {:?}",
                verb.stem,
                verb.fires_on
            );
            let expected = match verb.credits {
                Credits::Alleges => Stance::Alleges,
                Credits::Reports => Stance::Reports,
            };
            assert_eq!(stance, expected, "{:?}", verb.fires_on);
            assert_eq!(
                super::read(&verb.spares).0,
                Subject::Unnamed,
                "{:?} should spare {:?}",
                verb.stem,
                verb.spares
            );
            for form in &verb.closing_forms {
                let closing = format!("Prices will rise next year, the minister {form}.");
                assert_eq!(
                    read(&closing).0.as_deref(),
                    Some("the minister"),
                    "{closing}"
                );
            }
        }
    }

    #[test]
    fn every_hearsay_word_fires_on_its_example_and_spares_its_counter_example() {
        for h in hearsay() {
            assert_eq!(
                read(&h.fires_on),
                (None, Stance::Alleges),
                "{:?}",
                h.fires_on
            );
            assert_ne!(read(&h.spares).1, Stance::Alleges, "{:?}", h.spares);
        }
    }
}

//! Word lists as data: each list is a file beside this module, compiled in
//! with `include_str!` and read once into a typed table. Every entry carries
//! a passage it fires on and one it must not fire on, and a test checks both.

use std::sync::OnceLock;

/// How an opening word or phrase leans on the sentence before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpeningKind {
    /// A connective ("However", "In addition"): only when a comma follows.
    Connective,
    /// A pronoun, demonstrative or conjunction ("They", "Such", "But").
    Pointer,
}

/// One entry of `openings-needing-context.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// Lower case, single spaces.
    pub words: String,
    pub kind: OpeningKind,
    pub fires_on: String,
    pub spares: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{file} line {line}: {problem}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub problem: String,
}

const OPENINGS_FILE: &str = "openings-needing-context.tsv";
const OPENINGS: &str = include_str!("openings-needing-context.tsv");

fn parse_openings(text: &str) -> Result<Vec<Opening>, LexiconError> {
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |problem: String| LexiconError {
            file: OPENINGS_FILE,
            line: number + 1,
            problem,
        };
        let columns: Vec<&str> = line.split('\t').collect();
        let [words, kind, fires_on, spares] = columns[..] else {
            return Err(error(format!(
                "expected 4 tab-separated columns, found {}",
                columns.len()
            )));
        };
        let kind = match kind {
            "connective" => OpeningKind::Connective,
            "pointer" => OpeningKind::Pointer,
            other => return Err(error(format!("unknown kind {other:?}"))),
        };
        out.push(Opening {
            words: words.to_lowercase(),
            kind,
            fires_on: fires_on.to_string(),
            spares: spares.to_string(),
        });
    }
    Ok(out)
}

/// The openings that need the sentence before them.
pub fn openings_needing_context() -> &'static [Opening] {
    static TABLE: OnceLock<Vec<Opening>> = OnceLock::new();
    // Compiled in and checked by a unit test: a failure is a build that
    // never passed its tests.
    TABLE.get_or_init(|| parse_openings(OPENINGS).unwrap_or_else(|e| panic!("{e}")))
}

impl Opening {
    /// Does `text` (leading quotes and white space skipped) open with this?
    pub fn opens(&self, text: &str) -> bool {
        let text = text.trim_start_matches(|c: char| c.is_whitespace() || "\"“‘'«(".contains(c));
        let Some(head) = text.get(..self.words.len()) else {
            return false;
        };
        if !head.eq_ignore_ascii_case(&self.words) {
            return false;
        }
        let rest = &text[self.words.len()..];
        let next = rest.chars().next();
        let word_ends =
            next.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'));
        match self.kind {
            OpeningKind::Connective => word_ends && rest.trim_start().starts_with(','),
            OpeningKind::Pointer => word_ends,
        }
    }
}

/// Does a passage open with a word or phrase that leans on the sentence
/// before it ("However, …", "They claim …", "Such agreements …")?
pub fn needs_context(text: &str) -> bool {
    openings_needing_context().iter().any(|o| o.opens(text))
}

/// The rows of a tab-separated list: comments and blank lines skipped, each
/// row checked for its number of columns.
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    columns: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, LexiconError> {
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row: Vec<&str> = line.split('\t').collect();
        if row.len() != columns {
            return Err(LexiconError {
                file,
                line: number + 1,
                problem: format!(
                    "expected {columns} tab-separated columns, found {}",
                    row.len()
                ),
            });
        }
        out.push((number + 1, row));
    }
    Ok(out)
}

/// The value a column names among its options; an unknown one is an error
/// naming the file, line and column.
fn choice<T: Copy>(
    (file, line, column, value): (&'static str, usize, &str, &str),
    options: &[(&str, T)],
) -> Result<T, LexiconError> {
    options
        .iter()
        .find(|(name, _)| *name == value)
        .map(|&(_, v)| v)
        .ok_or_else(|| LexiconError {
            file,
            line,
            problem: format!("unknown {column} {value:?}"),
        })
}

/// Which qualifiers a source kind allows before its head words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifiers {
    /// Lower-case words ("A recent lawsuit", "explosive court docs").
    Adjectives,
    /// A determiner only ("The lawyers", not "Defense lawyers").
    None,
}

/// One entry of `source-kinds.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceKind {
    /// The head words, lower case, single spaces.
    pub head: String,
    pub kind: String,
    pub qualifiers: Qualifiers,
    pub fires_on: String,
    pub spares: String,
}

const SOURCE_KINDS_FILE: &str = "source-kinds.tsv";
const SOURCE_KINDS: &str = include_str!("source-kinds.tsv");

fn parse_source_kinds(text: &str) -> Result<Vec<SourceKind>, LexiconError> {
    rows(SOURCE_KINDS_FILE, text, 5)?
        .into_iter()
        .map(|(line, row)| {
            let qualifiers = choice(
                (SOURCE_KINDS_FILE, line, "qualifiers", row[2]),
                &[
                    ("adjectives", Qualifiers::Adjectives),
                    ("none", Qualifiers::None),
                ],
            )?;
            Ok(SourceKind {
                head: row[0].to_lowercase(),
                kind: row[1].to_string(),
                qualifiers,
                fires_on: row[3].to_string(),
                spares: row[4].to_string(),
            })
        })
        .collect()
}

/// Heads of sources that name one voice several ways.
pub fn source_kinds() -> &'static [SourceKind] {
    static TABLE: OnceLock<Vec<SourceKind>> = OnceLock::new();
    TABLE.get_or_init(|| parse_source_kinds(SOURCE_KINDS).unwrap_or_else(|e| panic!("{e}")))
}

/// Whom a role speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeaksFor {
    /// The organisation named with it ("A Meta spokesperson").
    Organisation,
    /// The person holding it ("the finance minister").
    Person,
}

/// One entry of `speaker-roles.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRole {
    /// Lower case, single spaces.
    pub role: String,
    pub speaks_for: SpeaksFor,
    pub fires_on: String,
    pub spares: String,
}

const SPEAKER_ROLES_FILE: &str = "speaker-roles.tsv";
const SPEAKER_ROLES: &str = include_str!("speaker-roles.tsv");

fn parse_speaker_roles(text: &str) -> Result<Vec<SpeakerRole>, LexiconError> {
    rows(SPEAKER_ROLES_FILE, text, 4)?
        .into_iter()
        .map(|(line, row)| {
            let speaks_for = choice(
                (SPEAKER_ROLES_FILE, line, "speaker", row[1]),
                &[
                    ("organisation", SpeaksFor::Organisation),
                    ("person", SpeaksFor::Person),
                ],
            )?;
            Ok(SpeakerRole {
                role: row[0].to_lowercase(),
                speaks_for,
                fires_on: row[2].to_string(),
                spares: row[3].to_string(),
            })
        })
        .collect()
}

/// Roles of people who speak for themselves or for an organisation.
pub fn speaker_roles() -> &'static [SpeakerRole] {
    static TABLE: OnceLock<Vec<SpeakerRole>> = OnceLock::new();
    TABLE.get_or_init(|| parse_speaker_roles(SPEAKER_ROLES).unwrap_or_else(|e| panic!("{e}")))
}

/// The stance a reporting verb gives the passage it credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credits {
    /// "The lawsuit alleges …", "Lawyers claim …".
    Alleges,
    /// "The Guardian reported …", "the minister said".
    Reports,
}

/// One entry of `reporting-verbs.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportingVerb {
    /// A word stem, lower case ("alleg" for alleges, alleged, allegation).
    pub stem: String,
    pub credits: Credits,
    /// The forms that close a sentence with its source ("…, Reuters
    /// reported."), lower case.
    pub closing_forms: Vec<String>,
    pub fires_on: String,
    pub spares: String,
}

const REPORTING_VERBS_FILE: &str = "reporting-verbs.tsv";
const REPORTING_VERBS: &str = include_str!("reporting-verbs.tsv");

fn parse_reporting_verbs(text: &str) -> Result<Vec<ReportingVerb>, LexiconError> {
    rows(REPORTING_VERBS_FILE, text, 5)?
        .into_iter()
        .map(|(line, row)| {
            let credits = choice(
                (REPORTING_VERBS_FILE, line, "stance", row[1]),
                &[("alleges", Credits::Alleges), ("reports", Credits::Reports)],
            )?;
            let closing_forms = match row[2] {
                "-" => Vec::new(),
                forms => forms.split(',').map(|f| f.trim().to_lowercase()).collect(),
            };
            Ok(ReportingVerb {
                stem: row[0].to_lowercase(),
                credits,
                closing_forms,
                fires_on: row[3].to_string(),
                spares: row[4].to_string(),
            })
        })
        .collect()
}

/// Verbs that credit a passage's assertion to a source.
pub fn reporting_verbs() -> &'static [ReportingVerb] {
    static TABLE: OnceLock<Vec<ReportingVerb>> = OnceLock::new();
    TABLE.get_or_init(|| parse_reporting_verbs(REPORTING_VERBS).unwrap_or_else(|e| panic!("{e}")))
}

/// One entry of `hearsay.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hearsay {
    /// A word or phrase, lower case, single spaces.
    pub words: String,
    pub fires_on: String,
    pub spares: String,
}

const HEARSAY_FILE: &str = "hearsay.tsv";
const HEARSAY: &str = include_str!("hearsay.tsv");

fn parse_hearsay(text: &str) -> Result<Vec<Hearsay>, LexiconError> {
    Ok(rows(HEARSAY_FILE, text, 3)?
        .into_iter()
        .map(|(_, row)| Hearsay {
            words: row[0].to_lowercase(),
            fires_on: row[1].to_string(),
            spares: row[2].to_string(),
        })
        .collect())
}

/// Words that put a passage as second-hand without naming a source.
pub fn hearsay() -> &'static [Hearsay] {
    static TABLE: OnceLock<Vec<Hearsay>> = OnceLock::new();
    TABLE.get_or_init(|| parse_hearsay(HEARSAY).unwrap_or_else(|e| panic!("{e}")))
}

/// One entry of a plain word list: the word or phrase as written in the
/// file (lower case; a trailing space is kept, it makes the phrase end a
/// word), a passage it fires on and one it must spare. What "fires" means
/// is said in each file's header and checked by a test beside the code that
/// reads the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub words: &'static str,
    pub fires_on: &'static str,
    pub spares: &'static str,
}

/// A word list read from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordList {
    pub file: &'static str,
    pub entries: Vec<Entry>,
}

impl WordList {
    /// The words and phrases, in file order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.words)
    }

    /// Is `word` an entry of the list, exactly?
    pub fn contains(&self, word: &str) -> bool {
        self.entries.iter().any(|e| e.words == word)
    }
}

/// Reads a three-column list (words, fires on, spares). Entries are kept as
/// written, so they must already be lower case, and each appears once.
fn parse_word_list(file: &'static str, text: &'static str) -> Result<WordList, LexiconError> {
    let mut entries: Vec<Entry> = Vec::new();
    for (line, row) in rows(file, text, 3)? {
        let error = |problem: String| LexiconError {
            file,
            line,
            problem,
        };
        let words = row[0];
        if words.trim().is_empty() {
            return Err(error("empty entry".to_string()));
        }
        if words.to_lowercase() != words {
            return Err(error(format!("{words:?} is not lower case")));
        }
        if entries.iter().any(|e| e.words == words) {
            return Err(error(format!("{words:?} is listed twice")));
        }
        entries.push(Entry {
            words,
            fires_on: row[1],
            spares: row[2],
        });
    }
    Ok(WordList { file, entries })
}

/// The words of `list` as a slice, collected into `cache` once, for code
/// that matches against plain slices. In tests an entry can be left out
/// with [`without`], so that a test can show the entry decides its case.
pub(crate) fn words_in(
    list: &'static WordList,
    cache: &'static OnceLock<Vec<&'static str>>,
) -> &'static [&'static str] {
    let words = cache.get_or_init(|| list.words().collect());
    #[cfg(test)]
    if let Some((file, left_out)) = LEFT_OUT.get()
        && file == list.file
    {
        // Leaks a few bytes per call while an entry is left out, which a
        // test can afford.
        let kept: Vec<&'static str> = words.iter().copied().filter(|w| *w != left_out).collect();
        return Box::leak(kept.into_boxed_slice());
    }
    words
}

#[cfg(test)]
thread_local! {
    /// The entry (file, words) that [`words_in`] leaves out on this thread.
    static LEFT_OUT: std::cell::Cell<Option<(&'static str, &'static str)>> =
        const { std::cell::Cell::new(None) };
}

/// Runs `read` with the entry `words` of the list `file` left out of what
/// [`words_in`] gives on this thread.
#[cfg(test)]
pub(crate) fn without<T>(file: &'static str, words: &'static str, read: impl FnOnce() -> T) -> T {
    LEFT_OUT.set(Some((file, words)));
    let out = read();
    LEFT_OUT.set(None);
    out
}

/// Declares the accessor of a three-column word list compiled in from
/// `$file`, read once.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static WordList {
            static TABLE: OnceLock<WordList> = OnceLock::new();
            // Compiled in and parsed by `every_word_list_parses`: a failure
            // is a build that never passed its tests.
            TABLE.get_or_init(|| {
                parse_word_list($file, include_str!($file)).unwrap_or_else(|e| panic!("{e}"))
            })
        }
    };
}

word_list!(
    /// Words that negate the clause they stand in.
    negations,
    "negations.tsv"
);
word_list!(
    /// Stems of verbs and adjectives that deny or reject what follows.
    denial_stems,
    "denial-stems.tsv"
);
word_list!(
    /// Phrases where a negation word does not negate ("no later than").
    not_negating,
    "not-negating.tsv"
);
word_list!(
    /// Prepositions after which a negation gives a reason ("fined for not
    /// acting") and leaves the sentence an assertion.
    reason_prepositions,
    "reason-prepositions.tsv"
);
word_list!(
    /// Words after "declined to" that name where a figure moved.
    movement_targets,
    "movement-targets.tsv"
);

word_list!(
    /// Phrases of a comment form.
    noise_comment_form,
    "noise-comment-form.tsv"
);
word_list!(
    /// Words of a promotion in a short line, matched as whole words.
    noise_promotion,
    "noise-promotion.tsv"
);
word_list!(
    /// Phrases of a page control in a short line.
    noise_page_control,
    "noise-page-control.tsv"
);
word_list!(
    /// Phrases of page furniture in a line of any length: cookie notices, rights statements.
    noise_furniture_any_length,
    "noise-furniture-any-length.tsv"
);
word_list!(
    /// Credits set in or after a caption: "(AP Photo".
    noise_caption_credits,
    "noise-caption-credits.tsv"
);
word_list!(
    /// Openings of a photo caption or credit line.
    noise_caption_openings,
    "noise-caption-openings.tsv"
);
word_list!(
    /// Words of a call to action in a line that speaks to the reader.
    noise_promotion_to_reader,
    "noise-promotion-to-reader.tsv"
);
word_list!(
    /// Openings of an order to the reader: "Subscribe to ".
    noise_promotion_openings,
    "noise-promotion-openings.tsv"
);
word_list!(
    /// Verbs that open a short call to action: "Check more IT Jobs".
    noise_call_to_action_verbs,
    "noise-call-to-action-verbs.tsv"
);
word_list!(
    /// Labels that introduce a photo credit: "Image credits:".
    noise_credit_labels,
    "noise-credit-labels.tsv"
);
word_list!(
    /// Photo agencies named after "Source:" in an image credit.
    noise_photo_agencies,
    "noise-photo-agencies.tsv"
);
word_list!(
    /// Words that name a journalist's job, for spotting author bios.
    noise_journalist_roles,
    "noise-journalist-roles.tsv"
);
word_list!(
    /// Verbs that open a request to the reader addressed to the outlet.
    noise_request_verbs,
    "noise-request-verbs.tsv"
);
word_list!(
    /// Headings of the lists of links to other stories.
    noise_link_list_headings,
    "noise-link-list-headings.tsv"
);
word_list!(
    /// Words that name sections of a news site, and the marks between them.
    noise_section_words,
    "noise-section-words.tsv"
);

word_list!(
    /// Words that end with a full stop without ending a sentence.
    abbreviations,
    "abbreviations.tsv"
);
word_list!(
    /// Openings of sentences that announce rather than assert.
    filler_openings,
    "filler-openings.tsv"
);
word_list!(
    /// Phrases by which a writer steers the reader instead of asserting.
    discourse_phrases,
    "discourse-phrases.tsv"
);

/// One entry of `negative-implicatives.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NegativeImplicative {
    /// A word stem, lower case ("refus" for refused, refuses).
    pub stem: &'static str,
    /// Whether it means "did not" only with "to" and a verb after it.
    pub needs_to: bool,
    pub fires_on: &'static str,
    pub spares: &'static str,
}

const NEGATIVE_IMPLICATIVES_FILE: &str = "negative-implicatives.tsv";
const NEGATIVE_IMPLICATIVES: &str = include_str!("negative-implicatives.tsv");

fn parse_negative_implicatives(
    text: &'static str,
) -> Result<Vec<NegativeImplicative>, LexiconError> {
    rows(NEGATIVE_IMPLICATIVES_FILE, text, 4)?
        .into_iter()
        .map(|(line, row)| {
            let needs_to = match row[1] {
                "yes" => true,
                "no" => false,
                other => {
                    return Err(LexiconError {
                        file: NEGATIVE_IMPLICATIVES_FILE,
                        line,
                        problem: format!("expected yes or no, found {other:?}"),
                    });
                }
            };
            Ok(NegativeImplicative {
                stem: row[0],
                needs_to,
                fires_on: row[2],
                spares: row[3],
            })
        })
        .collect()
}

/// Verbs that say an act did not happen ("refused to", "has yet to").
pub fn negative_implicatives() -> &'static [NegativeImplicative] {
    static TABLE: OnceLock<Vec<NegativeImplicative>> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse_negative_implicatives(NEGATIVE_IMPLICATIVES).unwrap_or_else(|e| panic!("{e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_opening_fires_on_its_example_and_spares_its_counter_example() {
        let table = parse_openings(OPENINGS).expect("the openings file parses");
        assert!(table.len() >= 20);
        for entry in &table {
            assert!(
                entry.opens(&entry.fires_on),
                "{:?} should fire on {:?}",
                entry.words,
                entry.fires_on
            );
            assert!(
                !entry.opens(&entry.spares),
                "{:?} should spare {:?}",
                entry.words,
                entry.spares
            );
            assert!(needs_context(&entry.fires_on), "{:?}", entry.fires_on);
        }
    }

    #[test]
    fn a_passage_standing_alone_needs_no_context() {
        for text in [
            "Meta didn't share people's private messages with Netflix.",
            "Netflix paid Facebook over $100 million, according to the filing.",
            "Theirs was the largest fine on record, the regulator said.",
        ] {
            assert!(!needs_context(text), "{text}");
        }
        assert!(needs_context("“They knew,” the lawyer said."));
    }

    #[test]
    fn a_malformed_line_is_named() {
        let err = parse_openings("# comment\nhowever\tconnective\tonly three").unwrap_err();
        assert_eq!(err.line, 2);
        let err = parse_openings("however\tsometimes\ta\tb").unwrap_err();
        assert!(err.problem.contains("sometimes"), "{err}");
    }

    #[test]
    fn the_source_and_role_lists_parse_and_name_bad_lines() {
        assert!(parse_source_kinds(SOURCE_KINDS).expect("parses").len() >= 10);
        assert!(parse_speaker_roles(SPEAKER_ROLES).expect("parses").len() >= 10);
        assert!(
            parse_reporting_verbs(REPORTING_VERBS)
                .expect("parses")
                .len()
                >= 20
        );
        assert!(parse_hearsay(HEARSAY).expect("parses").len() >= 5);
        let err = parse_reporting_verbs("claim\tdoubts\t-\ta\tb").unwrap_err();
        assert!(err.problem.contains("doubts"), "{err}");
        let err = parse_source_kinds("lawsuit\tcourt case\tsome\ta\tb").unwrap_err();
        assert!(err.problem.contains("some"), "{err}");
        let err = parse_speaker_roles("# c\n\nspokesman\tcompany\ta\tb").unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn every_word_list_parses() {
        for list in [
            negations(),
            denial_stems(),
            not_negating(),
            reason_prepositions(),
            movement_targets(),
            abbreviations(),
            filler_openings(),
            discourse_phrases(),
            noise_comment_form(),
            noise_promotion(),
            noise_page_control(),
            noise_furniture_any_length(),
            noise_caption_credits(),
            noise_caption_openings(),
            noise_promotion_to_reader(),
            noise_promotion_openings(),
            noise_call_to_action_verbs(),
            noise_credit_labels(),
            noise_photo_agencies(),
            noise_journalist_roles(),
            noise_request_verbs(),
            noise_link_list_headings(),
            noise_section_words(),
        ] {
            assert!(!list.entries.is_empty(), "{} is empty", list.file);
        }
        assert!(!negative_implicatives().is_empty());
    }

    #[test]
    fn a_word_list_names_its_bad_lines() {
        let err = parse_word_list("x.tsv", "# c\nNot\ta\tb").unwrap_err();
        assert_eq!((err.file, err.line), ("x.tsv", 2));
        assert!(err.problem.contains("lower case"), "{err}");
        let err = parse_word_list("x.tsv", "not\ta\tb\nnot\tc\td").unwrap_err();
        assert!(err.problem.contains("twice"), "{err}");
        let err = parse_word_list("x.tsv", "not\ta").unwrap_err();
        assert!(err.problem.contains("3 tab-separated"), "{err}");
        let err = parse_negative_implicatives("refus\tmaybe\ta\tb").unwrap_err();
        assert!(err.problem.contains("maybe"), "{err}");
    }
}

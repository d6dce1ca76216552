//! Small text primitives shared by the cleaner, the splitter and the digest:
//! white space, quotes, words, stems and stop words.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// White space, including no-break and zero-width spaces that scraped pages carry.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Curly quotes and primes to straight quotes, dashes to '-'.
pub fn fold_quotes(s: &str) -> String {
    s.chars().map(fold_punct).collect()
}

/// One character's quote, dash and space folding, as done by [`fold_quotes`].
pub fn fold_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        c if is_space(c) => ' ',
        c => c,
    }
}

/// Folds text for comparison: lower case, no accents, straight quotes, one
/// space between words.
pub fn fold_for_match(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = fold_punct(c);
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.extend(c.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// What two copies of one sentence have in common, however they were
/// typeset: the folded words ([`fold_for_match`]), the signs that carry a
/// fact (`$`, `€`, `£`, `¥`, `%`) and the separators inside a number, with
/// every other mark read as a space. "The council met." and "“The council
/// met,”" have one key; "$1.5bn", "$1,5bn" and "$15bn" have three.
pub fn copy_key(s: &str) -> String {
    let folded: Vec<char> = fold_for_match(s).chars().collect();
    let mut key = String::with_capacity(folded.len());
    let mut pending_space = false;
    for (i, &c) in folded.iter().enumerate() {
        let in_number = matches!(c, '.' | ',')
            && i > 0
            && folded[i - 1].is_ascii_digit()
            && folded.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '¥' | '%') || in_number {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.push(c);
        } else {
            pending_space = true;
        }
    }
    key
}

/// The words of a text joined by single spaces: line breaks, tabs and
/// no-break spaces folded, as a passage reads on one line.
pub fn collapse_spaces(s: &str) -> String {
    s.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text safe to print for people: control characters and bidi controls as
/// `\u{1b}` escapes, so nothing in an article or a file name can move the
/// cursor, recolour the terminal, set its title or its clipboard.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let needs_escape = |c: char| {
        c.is_control()
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A path as people should see it: lossy UTF-8 with control characters
/// escaped (a newline or an OSC sequence in a file name stays inert).
pub fn printable_path(path: &std::path::Path) -> String {
    escape_controls(&path.to_string_lossy()).into_owned()
}

pub fn word_count(s: &str) -> usize {
    s.split(is_space)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Does the line end like a sentence (after closing quotes and brackets)?
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| is_space(c) || is_closing_mark(c));
    t.ends_with(['.', '!', '?', '…'])
}

/// Quotes and brackets that may follow a sentence's final stop.
pub fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}'
    )
}

/// A rough e-mail address test: local@domain.tld with no spaces.
pub fn contains_email(s: &str) -> bool {
    s.split(is_space).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && domain
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
            }
            None => false,
        }
    })
}

/// Month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The day number of a day name (Monday is 1), any case.
pub fn weekday_number(word: &str) -> Option<u32> {
    WEEKDAY_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// The month number of a month name or its usual abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(&w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(&w))
        })
        .map(|i| i as u32 + 1)
}

/// A line that only gives a date, optionally labelled ("date 2024-04-02",
/// "Published: March 3, 2024"). Returns the date as written.
pub fn parse_date_line(line: &str) -> Option<String> {
    // "Published 3:45 PM EST, Tue March 5, 2024 | Updated 5:10 PM EST"
    if line.contains('|') {
        return line.split('|').find_map(parse_date_line);
    }
    let t = line.trim_matches(is_space);
    let lower = t.to_lowercase();
    let mut rest = t;
    for label in [
        "date",
        "published",
        "updated",
        "posted",
        "last updated",
        "published on",
        "posted on",
        "last modified",
        "last modified on",
        "first published",
        "first published on",
    ] {
        if lower.starts_with(label) {
            let after = &t[label.len()..];
            let after = after.trim_start_matches(|c: char| c == ':' || is_space(c));
            if after.len() < t.len() - label.len() || after.is_empty() {
                rest = after;
            }
        }
    }
    let rest = rest.trim();
    if rest.is_empty() || rest.len() > 40 {
        return None;
    }
    if is_iso_date(rest) {
        return Some(rest[..10].to_string());
    }
    // "March 23, 2024", "23 March 2024", "Mar. 23, 2024 10:00 am"
    let words: Vec<&str> = rest
        .split(|c: char| is_space(c) || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let has_month = words.iter().any(|w| month_number(w).is_some());
    let has_year = words
        .iter()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    let all_date_words = words.iter().all(|w| {
        month_number(w).is_some()
            || w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            || matches!(
                w.to_lowercase().as_str(),
                "am" | "pm"
                    | "a.m."
                    | "p.m."
                    | "utc"
                    | "gmt"
                    | "et"
                    | "est"
                    | "edt"
                    | "ct"
                    | "cst"
                    | "cdt"
                    | "pt"
                    | "pst"
                    | "pdt"
                    | "bst"
                    | "cet"
                    | "cest"
                    | "ist"
                    | "jst"
                    | "aest"
                    | "aedt"
            )
            || weekday(w)
    });
    (has_month && has_year && all_date_words).then(|| rest.to_string())
}

/// A day name or its three-letter abbreviation ("Tue.").
fn weekday(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    weekday_number(w).is_some()
        || (w.len() == 3 && WEEKDAY_NAMES.iter().any(|d| d[..3].eq_ignore_ascii_case(w)))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || !b[10].is_ascii_digit())
}

/// Common English words that carry no content of their own.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "said",
    "says",
    "say",
    "according",
    "reportedly",
    "allegedly",
    "reported",
    "claim",
    "claims",
    "claimed",
    "alleges",
    "alleged",
    "allege",
    "per",
    "via",
    "well",
    "yet",
    "let",
    "us",
    "however",
    "moreover",
    "additionally",
    "specifically",
    "further",
    "thus",
    "therefore",
    "since",
    "within",
    "upon",
    "onto",
    "among",
    "amid",
    "across",
    "toward",
    "towards",
    "including",
    "include",
    "includes",
    "like",
    "it's",
    "that's",
    "there's",
    "there",
    "one's",
    "whose",
    "whether",
    "although",
    "though",
    "unless",
    "whereas",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

thread_local! {
    /// Stems already computed on this thread: news repeats its words, and
    /// stemming dominates feature extraction without a cache.
    static STEM_CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Beyond this many entries the cache is cleared rather than grown.
const STEM_CACHE_LIMIT: usize = 200_000;

/// The Snowball (Porter 2) stem of a lower-case word.
pub fn stem(word: &str) -> String {
    STEM_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(word) {
            return stem.clone();
        }
        let stem = STEMMER.stem(word).into_owned();
        if cache.len() >= STEM_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.to_string(), stem.clone());
        stem
    })
}

/// Lower-case words of a text, with apostrophes folded and possessives cut.
pub fn words(s: &str) -> Vec<String> {
    let folded = fold_for_match(s);
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.strip_suffix("'s").unwrap_or(w).to_string())
        .collect()
}

/// Stems of the content words of a text (no stop words, no bare numbers).
pub fn content_stems(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| !is_stop_word(w) && w.chars().any(char::is_alphabetic))
        .map(|w| stem(&w))
        .collect()
}

/// Title Case lines and short lines without final punctuation look like
/// headlines.
pub fn is_headline_like(line: &str) -> bool {
    if ends_sentence(line) && !line.trim_end().ends_with('?') {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 25 {
        return false;
    }
    title_case_ratio(line) >= 0.75
}

/// Share of the longer words (4+ letters, not stop words) that begin with a
/// capital letter.
pub fn title_case_ratio(line: &str) -> f32 {
    let mut total = 0;
    let mut capital = 0;
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() < 4 || is_stop_word(&w.to_lowercase()) {
            continue;
        }
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        total += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capital += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        capital as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_controls_makes_escape_sequences_inert() {
        assert_eq!(escape_controls("plain café"), "plain café");
        assert_eq!(
            escape_controls("a\u{1b}]52;c;eA==\u{7}b"),
            "a\\u{1b}]52;c;eA==\\u{7}b"
        );
        assert_eq!(escape_controls("x\ny\u{202E}z"), "x\\u{a}y\\u{202e}z");
        assert_eq!(
            printable_path(std::path::Path::new("d/a\nb.txt")),
            "d/a\\u{a}b.txt"
        );
    }

    #[test]
    fn copies_typeset_differently_share_a_key() {
        assert_eq!(
            copy_key("The council met."),
            copy_key("“The  Council met,”")
        );
        assert_eq!(
            copy_key("It cost $1.5bn (a record)."),
            "it cost $1.5bn a record"
        );
        assert_ne!(copy_key("It cost $1.5bn"), copy_key("It cost $15bn"));
        assert_ne!(copy_key("It cost $1.5bn"), copy_key("It cost $1,5bn"));
        assert_ne!(copy_key("up 5%"), copy_key("up 5"));
    }

    #[test]
    fn folds_case_accents_quotes_and_spaces() {
        assert_eq!(
            fold_for_match("Beyoncé’s  “Album”\u{a0}—  Zürich"),
            "beyonce's \"album\" - zurich"
        );
    }

    #[test]
    fn finds_email_addresses() {
        assert!(contains_email("Reach me at: jane.doe@example.com"));
        assert!(!contains_email("Meet @jane on X."));
    }

    #[test]
    fn reads_date_lines() {
        assert_eq!(
            parse_date_line(" date 2024-04-02 ").as_deref(),
            Some("2024-04-02")
        );
        assert_eq!(
            parse_date_line("Published: March 23, 2024").as_deref(),
            Some("March 23, 2024")
        );
        assert_eq!(parse_date_line("In March 2024 the court ruled."), None);
    }

    #[test]
    fn stems_and_drops_stop_words() {
        assert_eq!(
            content_stems("The lawyers alleged sharing"),
            vec!["lawyer", "share"]
        );
    }
}

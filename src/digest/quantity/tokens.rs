//! Splitting a passage into words and numbers, each number read with its
//! currency, scale, percent sign or glued unit.

use super::words::{currency_symbol, scale_word};
use crate::text;

/// A token of a passage for quantity reading: a word, a number, or a symbol.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Word(String),
    /// A number with the currency symbol before it and the scale glued after it ("$100M").
    Number {
        value: f64,
        currency: Option<&'static str>,
        percent: bool,
        ordinal: bool,
        /// Written as four digits without separators, so it may be a year.
        year_like: bool,
        /// Digits written after the decimal point.
        decimals: u8,
    },
    /// A year range written with a dash, "2011-2019".
    YearRange(f64, f64),
    /// A clock time, "14:30" or "2:30", in minutes after midnight.
    Clock(f64),
}

/// A passage's tokens, and for each whether it was written with a capital
/// and whether a comma, semicolon or colon closes it.
pub(super) struct Tokens {
    pub(super) tokens: Vec<Token>,
    pub(super) capital: Vec<bool>,
    pub(super) ends_phrase: Vec<bool>,
}

impl Tokens {
    fn push(&mut self, token: Token, capital: bool, ends_phrase: bool) {
        self.tokens.push(token);
        self.capital.push(capital);
        self.ends_phrase.push(ends_phrase);
    }
}

pub(super) fn tokenize(passage: &str) -> Tokens {
    let folded = text::fold_quotes(passage);
    let mut out = Tokens {
        tokens: Vec::new(),
        capital: Vec::new(),
        ends_phrase: Vec::new(),
    };
    for raw in folded.split(|c: char| text::is_space(c) || c == '(' || c == ')' || c == '/') {
        let ends_phrase = raw.ends_with([',', ';', ':']);
        let raw = raw.trim_matches(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '"' | '\'' | '!' | '?' | '[' | ']'
            )
        });
        if raw.is_empty() {
            continue;
        }
        if let Some(range) = year_range(raw) {
            out.push(range, false, ends_phrase);
            continue;
        }
        if let Some(minutes) = clock_time(raw) {
            out.push(Token::Clock(minutes), false, ends_phrase);
            continue;
        }
        match number_token(raw) {
            Some((token, None)) => out.push(token, false, ends_phrase),
            Some((token, Some(glued))) => {
                out.push(token, false, false);
                out.push(Token::Word(glued), false, ends_phrase);
            }
            None => out.push(
                Token::Word(raw.to_lowercase().trim_end_matches("'s").to_string()),
                raw.starts_with(char::is_uppercase),
                ends_phrase,
            ),
        }
    }
    out
}

pub(super) fn year_range(raw: &str) -> Option<Token> {
    let (a, b) = raw.split_once('-')?;
    let is_year = |s: &str| {
        s.len() == 4
            && s.chars().all(|c| c.is_ascii_digit())
            && (1800..=2199).contains(&s.parse::<u32>().unwrap_or(0))
    };
    (is_year(a) && is_year(b))
        .then(|| Token::YearRange(a.parse().unwrap_or(0.0), b.parse().unwrap_or(0.0)))
}

/// Minutes after midnight of "2:30" or "14:05".
pub(super) fn clock_time(raw: &str) -> Option<f64> {
    let (hours, minutes) = raw.split_once(':')?;
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(hours) && hours.len() <= 2 && all_digits(minutes) && minutes.len() == 2) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then(|| f64::from(hours * 60 + minutes))
}

/// Reads "$1.3", "€1.2bn", "100M", "40%", "23rd", "2,500", "6.0-magnitude".
/// Returns the number and the scale or unit word glued to it.
pub(super) fn number_token(raw: &str) -> Option<(Token, Option<String>)> {
    let mut chars = raw.chars().peekable();
    let mut currency = None;
    if let Some(&c) = chars.peek()
        && let Some(code) = currency_symbol(c)
    {
        currency = Some(code);
        chars.next();
    }
    let rest: String = chars.collect();
    let digits_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let number_text = &rest[..digits_end];
    if number_text.is_empty() || !number_text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let clean: String = number_text.chars().filter(|&c| c != ',').collect();
    let value: f64 = clean.trim_end_matches('.').parse().ok()?;
    let written_suffix = &rest[digits_end..];
    let suffix = written_suffix.to_lowercase();
    let year_like =
        currency.is_none() && number_text.len() == 4 && !number_text.contains([',', '.']);
    let decimals = clean
        .trim_end_matches('.')
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len().min(9) as u8);
    let (percent, ordinal, glued) = match suffix.as_str() {
        "" => (false, false, None),
        "%" => (true, false, None),
        "st" | "nd" | "rd" | "th" => (false, true, None),
        "s" if year_like => (false, false, None), // "the 1990s"
        s => match (scale_word(s), glued_unit(s)) {
            (Some(_), _) => (
                false,
                false,
                Some(
                    match s {
                        "k" | "thousand" => "thousand",
                        "m" | "mn" | "mln" | "million" => "million",
                        "b" | "bn" | "bln" | "billion" => "billion",
                        _ => "trillion",
                    }
                    .to_string(),
                ),
            ),
            // "2-Egypt" in "UPDATE 2-Egypt …" is a label before a name.
            (None, Some(unit)) if !written_suffix.contains(char::is_uppercase) => {
                (false, false, Some(unit.to_string()))
            }
            (None, None) if super::words::is_glued_unit(s) => (false, false, Some(s.to_string())),
            (None, _) => return None,
        },
    };
    Some((
        Token::Number {
            value,
            currency,
            percent,
            ordinal,
            year_like: year_like && glued.is_none(),
            decimals,
        },
        glued,
    ))
}

/// The unit of "6.0-magnitude" or "10-year": a word joined to a number by a
/// hyphen. An age ("a 10-year-old") measures no span of the story.
pub(super) fn glued_unit(suffix: &str) -> Option<&str> {
    let rest = suffix.strip_prefix('-')?;
    if rest.ends_with("-old") {
        return None;
    }
    let unit = rest.split('-').next()?;
    (!unit.is_empty() && unit.chars().all(char::is_alphabetic)).then_some(unit)
}

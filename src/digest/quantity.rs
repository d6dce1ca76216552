//! Numbers, amounts, durations and dates in normal form, so that "ten years",
//! "10 years" and "a decade" compare equal, and "$100M" equals "$100 million".

use crate::text;

/// What a number measures; only quantities of the same kind are compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "unit")]
pub enum QuantityKind {
    /// An amount of money in a currency ("USD", "EUR", …).
    Money(String),
    /// "millions", "billions": an amount whose order of magnitude alone is known.
    VagueMoney,
    /// A length of time, in years.
    Duration,
    /// A calendar year.
    Year,
    /// A day of a month, as month * 100 + day.
    DayOfMonth,
    /// A day of the week, Monday = 1.
    Weekday,
    /// A time of day, in minutes after midnight ("2:30 p.m." is 870).
    TimeOfDay,
    Percent,
    /// A count of things, named by the stem of the noun that follows.
    Count(String),
}

/// A hedge in front of a number ("nearly", "over", "about").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    Exact,
    Approximately,
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    pub kind: QuantityKind,
    pub value: f64,
    pub hedge: Hedge,
    /// The last place written after a decimal point, in the value's units
    /// ("6.0" gives 0.1, "$1.25bn" 0.01e9); 0 for whole numbers, whose
    /// trailing zeros do not say how they were rounded.
    #[serde(skip)]
    pub step: f64,
}

impl Quantity {
    /// Two values of one kind agree when they are equal up to rounding.
    pub fn agrees_with(&self, other: &Quantity) -> bool {
        if self.kind != other.kind {
            return false;
        }
        // Calendar values are labels, not measures: 2018 is not "about" 2011.
        if matches!(
            self.kind,
            QuantityKind::VagueMoney
                | QuantityKind::Year
                | QuantityKind::DayOfMonth
                | QuantityKind::Weekday
                | QuantityKind::TimeOfDay
        ) {
            return self.value == other.value;
        }
        let (a, b) = (self.value, other.value);
        let scale = a.abs().max(b.abs()).max(1e-9);
        if self.step > 0.0 && other.step > 0.0 {
            // Both written with decimals: they agree when they round to one
            // another ("0.44 percent" and "0.4%"), not merely when close
            // ("6.0-magnitude" and "5.9-magnitude" quakes are two).
            let coarser = self.step.max(other.step);
            return (a - b).abs() <= coarser / 2.0 + scale * 1e-9;
        }
        (a - b).abs() / scale <= 0.02
    }

    /// A short normal form used as a matching feature, e.g. `money:USD:100000000`.
    pub fn key(&self) -> String {
        let kind = match &self.kind {
            QuantityKind::Money(c) => format!("money:{c}"),
            QuantityKind::VagueMoney => "money:vague".to_string(),
            QuantityKind::Duration => "duration".to_string(),
            QuantityKind::Year => "year".to_string(),
            QuantityKind::DayOfMonth => "day".to_string(),
            QuantityKind::Weekday => "weekday".to_string(),
            QuantityKind::TimeOfDay => "time".to_string(),
            QuantityKind::Percent => "percent".to_string(),
            QuantityKind::Count(unit) => format!("count:{unit}"),
        };
        format!("#{kind}:{}", format_value(self.value))
    }
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.3}")
    }
}

/// The magnitude of a vague amount ("millions" is 10^6).
fn magnitude_of(value: f64) -> f64 {
    if value >= 1e12 {
        1e12
    } else if value >= 1e9 {
        1e9
    } else if value >= 1e6 {
        1e6
    } else if value >= 1e3 {
        1e3
    } else {
        1.0
    }
}

/// Do the quantities of two passages contradict each other? They do when
/// both give a quantity of the same kind and no value of that kind agrees.
pub fn conflicting(a: &[Quantity], b: &[Quantity]) -> bool {
    let money_kinds =
        |q: &Quantity| matches!(q.kind, QuantityKind::Money(_) | QuantityKind::VagueMoney);
    for qa in a {
        let same_kind: Vec<&Quantity> = b.iter().filter(|qb| qb.kind == qa.kind).collect();
        if !same_kind.is_empty() && !same_kind.iter().any(|qb| qb.agrees_with(qa)) {
            // A kind shared by both sides with no agreeing value.
            let a_agrees = a
                .iter()
                .filter(|x| x.kind == qa.kind)
                .any(|x| same_kind.iter().any(|qb| qb.agrees_with(x)));
            if !a_agrees {
                return true;
            }
        }
    }
    // "fined millions" against "fined €1.2 billion": magnitudes must meet.
    let vague_a: Vec<f64> = a
        .iter()
        .filter(|q| q.kind == QuantityKind::VagueMoney)
        .map(|q| q.value)
        .collect();
    let vague_b: Vec<f64> = b
        .iter()
        .filter(|q| q.kind == QuantityKind::VagueMoney)
        .map(|q| q.value)
        .collect();
    let exact_magnitudes = |qs: &[Quantity]| -> Vec<f64> {
        qs.iter()
            .filter(|q| money_kinds(q) && q.kind != QuantityKind::VagueMoney)
            .map(|q| magnitude_of(q.value))
            .collect()
    };
    let clash = |vague: &[f64], exact: Vec<f64>| {
        !vague.is_empty() && !exact.is_empty() && !exact.iter().any(|m| vague.contains(m))
    };
    clash(&vague_a, exact_magnitudes(b)) || clash(&vague_b, exact_magnitudes(a))
}

fn word_number(w: &str) -> Option<f64> {
    let n = match w {
        "zero" => 0.0,
        "one" | "a" | "an" | "single" => 1.0,
        "two" | "couple" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return None,
    };
    Some(n)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "t" => 1e12,
        _ => return None,
    })
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "gbp" => "GBP",
        "yen" | "jpy" => "JPY",
        "rupee" | "rupees" | "inr" => "INR",
        _ => return None,
    })
}

/// Years per unit of time.
fn time_unit(w: &str) -> Option<f64> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => 1.0,
        "decade" | "decades" => 10.0,
        "century" | "centuries" => 100.0,
        "month" | "months" => 1.0 / 12.0,
        "week" | "weeks" => 7.0 / 365.0,
        "day" | "days" => 1.0 / 365.0,
        _ => return None,
    })
}

fn hedge_word(w: &str, next: Option<&str>) -> Option<Hedge> {
    Some(match (w, next) {
        (
            "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "some"
            | "approx" | "circa" | "~",
            _,
        ) => Hedge::Approximately,
        ("over" | "above" | "exceeding", _) | ("more", Some("than")) | ("at", Some("least")) => {
            Hedge::AtLeast
        }
        ("under" | "below" | "nearly-up", _) | ("less", Some("than")) | ("up", Some("to")) => {
            Hedge::AtMost
        }
        _ => return None,
    })
}

/// A token of a passage for quantity reading: a word, a number, or a symbol.
#[derive(Debug, Clone, PartialEq)]
enum Token {
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
struct Tokens {
    tokens: Vec<Token>,
    capital: Vec<bool>,
    ends_phrase: Vec<bool>,
}

impl Tokens {
    fn push(&mut self, token: Token, capital: bool, ends_phrase: bool) {
        self.tokens.push(token);
        self.capital.push(capital);
        self.ends_phrase.push(ends_phrase);
    }
}

fn tokenize(passage: &str) -> Tokens {
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

fn year_range(raw: &str) -> Option<Token> {
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
fn clock_time(raw: &str) -> Option<f64> {
    let (hours, minutes) = raw.split_once(':')?;
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(hours) && hours.len() <= 2 && all_digits(minutes) && minutes.len() == 2) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then(|| f64::from(hours * 60 + minutes))
}

/// Half of the day named after a clock time: "p.m." adds twelve hours to
/// "2:30"; "12 a.m." is midnight.
fn meridiem(word: Option<&str>) -> Option<bool> {
    match word? {
        "a.m" | "am" => Some(false),
        "p.m" | "pm" => Some(true),
        _ => None,
    }
}

fn on_the_clock(minutes: f64, pm: Option<bool>) -> f64 {
    let within_half_day = minutes % (12.0 * 60.0);
    match pm {
        Some(true) => within_half_day + 12.0 * 60.0,
        Some(false) => within_half_day,
        None => minutes,
    }
}

/// Reads "$1.3", "€1.2bn", "100M", "40%", "23rd", "2,500", "6.0-magnitude".
/// Returns the number and the scale or unit word glued to it.
fn number_token(raw: &str) -> Option<(Token, Option<String>)> {
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
fn glued_unit(suffix: &str) -> Option<&str> {
    let rest = suffix.strip_prefix('-')?;
    if rest.ends_with("-old") {
        return None;
    }
    let unit = rest.split('-').next()?;
    (!unit.is_empty() && unit.chars().all(char::is_alphabetic)).then_some(unit)
}

/// Extracts the quantities a passage states, in order.
pub fn extract(passage: &str) -> Vec<Quantity> {
    let Tokens {
        tokens,
        capital,
        ends_phrase,
    } = tokenize(passage);
    let word = |i: usize| match tokens.get(i) {
        Some(Token::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let hedge = i
            .checked_sub(1)
            .and_then(|p| word(p).and_then(|w| hedge_word(w, word(i))))
            .or_else(|| {
                i.checked_sub(2)
                    .and_then(|p| word(p).and_then(|w| hedge_word(w, word(p + 1))))
            })
            .unwrap_or(Hedge::Exact);
        match &tokens[i] {
            Token::YearRange(a, b) => {
                for y in [*a, *b] {
                    out.push(Quantity {
                        kind: QuantityKind::Year,
                        value: y,
                        hedge,
                        step: 0.0,
                    });
                }
                i += 1;
            }
            Token::Number {
                value,
                currency,
                percent,
                ordinal,
                year_like,
                decimals,
            } => {
                let (value, currency) = (*value, *currency);
                // A scale word after the number: "1.3 billion".
                let (scale, mut next) = match word(i + 1).and_then(scale_word) {
                    Some(s) => (s, i + 2),
                    None => (1.0, i + 1),
                };
                let scaled = value * scale;
                let step = if *decimals > 0 {
                    10f64.powi(-i32::from(*decimals)) * scale
                } else {
                    0.0
                };
                let currency = currency.or_else(|| word(next).and_then(currency_word));
                if currency.is_some() && word(next).and_then(currency_word).is_some() {
                    next += 1;
                }
                let after = word(next);
                let before = i.checked_sub(1).and_then(word);
                if let Some(pm) = meridiem(after)
                    .filter(|_| currency.is_none() && scale == 1.0 && (1.0..=12.0).contains(&value))
                {
                    // "6 p.m."
                    out.push(Quantity {
                        kind: QuantityKind::TimeOfDay,
                        value: on_the_clock(value * 60.0, Some(pm)),
                        hedge,
                        step: 0.0,
                    });
                    next += 1;
                } else if let Some(code) = currency {
                    out.push(Quantity {
                        kind: QuantityKind::Money(code.to_string()),
                        value: scaled,
                        hedge,
                        step,
                    });
                } else if *percent
                    || matches!(after, Some("percent" | "pct"))
                    || after == Some("per") && word(next + 1) == Some("cent")
                {
                    out.push(Quantity {
                        kind: QuantityKind::Percent,
                        value,
                        hedge,
                        step,
                    });
                } else if let Some(month) = before
                    .and_then(text::month_number)
                    .filter(|_| (1.0..=31.0).contains(&value) && value.fract() == 0.0)
                {
                    out.push(Quantity {
                        kind: QuantityKind::DayOfMonth,
                        value: f64::from(month) * 100.0 + value,
                        hedge,
                        step: 0.0,
                    });
                } else if let Some(month) = after.and_then(text::month_number).filter(|_| {
                    (1.0..=31.0).contains(&value) && value.fract() == 0.0 && !*year_like
                }) {
                    // "23 March"
                    out.push(Quantity {
                        kind: QuantityKind::DayOfMonth,
                        value: f64::from(month) * 100.0 + value,
                        hedge,
                        step: 0.0,
                    });
                    next += 1;
                } else if let Some(years) = after.and_then(time_unit) {
                    out.push(Quantity {
                        kind: QuantityKind::Duration,
                        value: scaled * years,
                        hedge,
                        step: step * years,
                    });
                    next += 1;
                } else if after == Some("and")
                    && word(next + 1) == Some("a")
                    && word(next + 2) == Some("half")
                    && let Some(years) = word(next + 3).and_then(time_unit)
                {
                    out.push(Quantity {
                        kind: QuantityKind::Duration,
                        value: (scaled + 0.5) * years,
                        hedge,
                        step: step * years,
                    });
                    next += 4;
                } else if *year_like && (1800.0..=2199.0).contains(&value) {
                    out.push(Quantity {
                        kind: QuantityKind::Year,
                        value,
                        hedge,
                        step: 0.0,
                    });
                    // "from 2011 to 2019"
                    if matches!(after, Some("to" | "and" | "through" | "until"))
                        && let Some(Token::Number {
                            value: end,
                            year_like: true,
                            ..
                        }) = tokens.get(next + 1)
                    {
                        out.push(Quantity {
                            kind: QuantityKind::Year,
                            value: *end,
                            hedge,
                            step: 0.0,
                        });
                        next += 2;
                    }
                } else if !*ordinal {
                    // "kills 8, wounds 5": the noun after a comma counts nothing.
                    let unit = after.filter(|w| {
                        !ends_phrase[next - 1]
                            && w.chars().all(char::is_alphabetic)
                            && !text::is_stop_word(w)
                    });
                    // A number with no noun after it ("kills 10", "rises to
                    // 3,633") still counts something; one after a capital
                    // is part of a name ("Section 230", "Flight 370").
                    let in_a_name = i.checked_sub(1).is_some_and(|p| capital[p]);
                    let unit = match unit {
                        Some(unit) => Some(text::stem(unit)),
                        None if !in_a_name => Some(String::new()),
                        None => None,
                    };
                    if let Some(unit) = unit {
                        out.push(Quantity {
                            kind: QuantityKind::Count(unit),
                            value: scaled,
                            hedge,
                            step,
                        });
                    }
                }
                i = next;
            }
            Token::Clock(minutes) => {
                let pm = meridiem(word(i + 1));
                out.push(Quantity {
                    kind: QuantityKind::TimeOfDay,
                    value: on_the_clock(*minutes, pm),
                    hedge,
                    step: 0.0,
                });
                i += if pm.is_some() { 2 } else { 1 };
            }
            Token::Word(w) => {
                if let Some(day) = text::weekday_number(w) {
                    out.push(Quantity {
                        kind: QuantityKind::Weekday,
                        value: f64::from(day),
                        hedge,
                        step: 0.0,
                    });
                }
                i = read_word_quantity(&tokens, i, w, hedge, &mut out);
            }
        }
    }
    out
}

/// Quantities written in words: "a decade", "ten years", "half a billion
/// users", "millions".
fn read_word_quantity(
    tokens: &[Token],
    i: usize,
    w: &str,
    hedge: Hedge,
    out: &mut Vec<Quantity>,
) -> usize {
    let word = |k: usize| match tokens.get(k) {
        Some(Token::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    // "millions", "billions": vague money when no number stands before.
    if let Some(scale) = w
        .strip_suffix('s')
        .and_then(scale_word)
        .filter(|_| w.len() > 2)
    {
        let after = word(i + 1);
        if after != Some("of") || word(i + 2).is_some_and(|x| currency_word(x).is_some()) {
            out.push(Quantity {
                kind: QuantityKind::VagueMoney,
                value: scale,
                hedge,
                step: 0.0,
            });
        }
        return i + 1;
    }
    // "half a decade", "half a billion users"
    let (value, mut next) = if w == "half" && matches!(word(i + 1), Some("a" | "an")) {
        (0.5, i + 2)
    } else if let Some(v) = word_number(w) {
        (v, i + 1)
    } else {
        return i + 1;
    };
    let mut value = value;
    if let Some(scale) = word(next)
        .and_then(scale_word)
        .filter(|_| word(next).is_some_and(|x| x.len() > 2))
    {
        value *= scale;
        next += 1;
    }
    let after = word(next);
    if let Some(years) = after.and_then(time_unit) {
        // "a year" and "a day" are too loose to be facts; "a decade" is not.
        if (w == "a" || w == "an") && years < 10.0 {
            return i + 1;
        }
        out.push(Quantity {
            kind: QuantityKind::Duration,
            value: value * years,
            hedge,
            step: 0.0,
        });
        return next + 1;
    }
    if w != "a"
        && w != "an"
        && w != "one"
        && value >= 2.0
        && let Some(unit) =
            after.filter(|x| x.chars().all(char::is_alphabetic) && !text::is_stop_word(x))
    {
        if let Some(code) = currency_word(unit) {
            out.push(Quantity {
                kind: QuantityKind::Money(code.to_string()),
                value,
                hedge,
                step: 0.0,
            });
        } else {
            out.push(Quantity {
                kind: QuantityKind::Count(text::stem(unit)),
                value,
                hedge,
                step: 0.0,
            });
        }
        return next + 1;
    }
    i + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        extract(s).iter().map(Quantity::key).collect()
    }

    #[test]
    fn decades_and_years_agree() {
        assert_eq!(keys("for almost a decade"), vec!["#duration:10"]);
        assert_eq!(keys("for nearly 10 years"), vec!["#duration:10"]);
        assert_eq!(keys("for ten years"), vec!["#duration:10"]);
    }

    #[test]
    fn money_in_its_forms() {
        assert_eq!(keys("for $100M"), vec!["#money:USD:100000000"]);
        assert_eq!(keys("over $100 million"), vec!["#money:USD:100000000"]);
        assert_eq!(
            keys("fined €1.2 billion ($1.3 billion)"),
            vec!["#money:EUR:1200000000", "#money:USD:1300000000"]
        );
        assert_eq!(keys("€1.2bn"), vec!["#money:EUR:1200000000"]);
        assert_eq!(keys("paid millions"), vec!["#money:vague:1000000"]);
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(
            keys("unsealed on March 23rd, 2024"),
            vec!["#day:323", "#year:2024"]
        );
        assert_eq!(keys("were unsealed on March 23."), vec!["#day:323"]);
        assert_eq!(keys("from 2011 to 2019"), vec!["#year:2011", "#year:2019"]);
        assert_eq!(keys("from 2011-2019"), vec!["#year:2011", "#year:2019"]);
    }

    #[test]
    fn counts_and_percentages() {
        assert_eq!(keys("around 150 companies"), vec!["#count:compani:150"]);
        assert_eq!(keys("half a billion users"), vec!["#count:user:500000000"]);
        assert_eq!(
            keys("rose 3.5% or 12 percent"),
            vec!["#percent:3.500", "#percent:12"]
        );
    }

    #[test]
    fn conflicts_need_a_shared_kind_without_agreement() {
        let a = extract("In May 2023, Meta was fined €1.2 billion.");
        let b = extract("2022: Meta was fined millions for a leak.");
        assert!(conflicting(&a, &b));
        let c = extract("reaching $40 million annually by February 2015");
        let d = extract("totaling $40 million in 2015 and $150 million in 2017");
        assert!(!conflicting(&c, &d));
        let e = extract("for almost a decade");
        let f = extract("the deal ran for ten years");
        assert!(!conflicting(&e, &f));
        assert!(conflicting(&extract("in 2018"), &extract("in 2011")));
    }

    #[test]
    fn decimals_agree_when_they_round_to_one_another() {
        let conflict = |a: &str, b: &str| conflicting(&extract(a), &extract(b));
        assert!(!conflict("rose 0.44 percent", "a gain of 0.4%"));
        assert!(!conflict("fined $1.25bn", "fined $1.3 billion"));
        assert!(conflict("a 6.0-magnitude quake", "a 5.9-magnitude quake"));
        assert!(conflict("closed 0.26 percent up", "closed up 0.11 pct"));
        // Whole numbers keep the looser tolerance: 980 is "nearly 1,000".
        assert!(!conflict("nearly 1,000 users", "980 users"));
    }

    #[test]
    fn numbers_without_a_noun_still_count() {
        let conflict = |a: &str, b: &str| conflicting(&extract(a), &extract(b));
        assert_eq!(keys("Mine accident kills 10"), vec!["#count::10"]);
        assert!(conflict(
            "Mine accident kills 10",
            "Truck accident kills 20"
        ));
        assert!(conflict(
            "death toll rises to 3,633",
            "death toll rises to 638"
        ));
        // A comma ends the phrase: "wounds" is not what the 8 counts.
        assert!(!conflict(
            "Teenager kills 8, wounds 5 in attack",
            "Teenager kills 8 in attack"
        ));
        // A number after a capital is part of a name.
        assert!(keys("under Section 230 of the act").is_empty());
        assert!(keys("UPDATE 2-Egypt talks").is_empty());
    }

    #[test]
    fn units_glued_with_a_hyphen() {
        assert_eq!(keys("a 10-year deal"), vec!["#duration:10"]);
        assert_eq!(keys("a 7.2-magnitude quake"), vec!["#count:magnitud:7.200"]);
        assert!(keys("a 10-year-old boy").is_empty());
    }

    #[test]
    fn days_of_the_week_and_times_of_day() {
        assert_eq!(keys("on Tuesday"), vec!["#weekday:2"]);
        assert_eq!(keys("at 2:30 p.m. GMT"), vec!["#time:870"]);
        assert_eq!(keys("from 6 p.m."), vec!["#time:1080"]);
        assert_eq!(keys("at 14:30"), vec!["#time:870"]);
        assert_eq!(keys("12 a.m."), vec!["#time:0"]);
        let conflict = |a: &str, b: &str| conflicting(&extract(a), &extract(b));
        assert!(conflict("yuan weakens Thursday", "yuan weakens Tuesday"));
        assert!(!conflict("said on Tuesday", "said Tuesday night"));
        assert!(conflict("Top news at 2:30 p.m.", "Top news 1:25 p.m."));
    }
}

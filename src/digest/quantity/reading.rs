//! Reading the quantities of a passage from its tokens.

use super::tokens::{Token, Tokens, tokenize};
use super::words::{
    currency_word, hedge_word, meridiem, on_the_clock, scale_word, time_unit, unit_name,
    word_number,
};
use super::{Hedge, Quantity, QuantityKind};
use crate::text;

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
        if let Some((share, next)) = proportion(&tokens, i) {
            out.push(Quantity {
                kind: QuantityKind::Percent,
                value: share,
                hedge: Hedge::Approximately,
                step: 0.0,
            });
            i = next;
            continue;
        }
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
                        Some(unit) => Some(text::stem(unit_name(unit))),
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

/// A share written as a proportion, in percent: "seven in ten" (70),
/// "one in 25" (4), "three out of five" (60), "two-fifths of" (40). Returns
/// it and the index after it. Only common bases: "five of its eight
/// carriages" counts carriages.
fn proportion(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let number = |k: usize| match tokens.get(k)? {
        Token::Number {
            value,
            currency: None,
            percent: false,
            ordinal: false,
            ..
        } => Some(*value),
        Token::Word(w) => word_number(w).filter(|_| !matches!(w.as_str(), "a" | "an")),
        _ => None,
    };
    let word = |k: usize| match tokens.get(k) {
        Some(Token::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    if let Some(w) = word(i)
        && let Some((count, part)) = w.split_once('-')
        && word(i + 1) == Some("of")
    {
        let count = word_number(count)?;
        let base = match part {
            "half" | "halves" => 2.0,
            "third" | "thirds" => 3.0,
            "quarter" | "quarters" => 4.0,
            "fifth" | "fifths" => 5.0,
            "tenth" | "tenths" => 10.0,
            _ => return None,
        };
        return (count < base).then_some((100.0 * count / base, i + 1));
    }
    let part = number(i)?;
    let (base_at, next) = match (word(i + 1), word(i + 2)) {
        (Some("in"), _) => (i + 2, i + 3),
        (Some("out"), Some("of")) => (i + 3, i + 4),
        _ => return None,
    };
    let base = number(base_at)?;
    let common = matches!(base as u32, 2..=5 | 10 | 20 | 25 | 50 | 100 | 1000);
    (common && base.fract() == 0.0 && part < base).then_some((100.0 * part / base, next))
}

/// A number written in words over one or more tokens: "ten",
/// "twenty-seven", "thirty-two hundred", "three hundred and eighty
/// thousand". Returns the value, the index after its last word and whether
/// it went through "hundred" or "thousand"; a larger scale word ends it
/// ("two million" is left to the caller's scale step).
fn number_in_words<'a>(
    word: &impl Fn(usize) -> Option<&'a str>,
    start: usize,
) -> Option<(f64, usize, bool)> {
    // "thirty-two": tens and units joined by a hyphen.
    let small = |w: &str| -> Option<f64> {
        if w == "hundred" {
            return None;
        }
        match w.split_once('-') {
            Some((tens, units)) => {
                let (t, u) = (word_number(tens)?, word_number(units)?);
                (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u)
            }
            None => word_number(w),
        }
    };
    let first = word(start)?;
    let mut current = small(first)?;
    let mut total = 0.0;
    let mut k = start + 1;
    // "a", "an", "one" and "single" go on only into a scale: "a hundred".
    let mut grows = !matches!(first, "a" | "an" | "single");
    let mut scaled = false;
    loop {
        match word(k) {
            Some("hundred") => {
                current *= 100.0;
                grows = true;
                scaled = true;
                k += 1;
            }
            Some("thousand") if grows || current == 1.0 => {
                total += current * 1e3;
                current = 0.0;
                grows = true;
                scaled = true;
                k += 1;
            }
            Some("and") if grows && word(k + 1).and_then(small).is_some() => k += 1,
            // "three hundred and eighty", "thirty-two": units after tens or hundreds.
            Some(w) if grows && current % 100.0 == 0.0 => match small(w) {
                Some(v) if v < 100.0 => {
                    current += v;
                    k += 1;
                }
                _ => break,
            },
            _ => break,
        }
    }
    Some((total + current, k, scaled))
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
    let (value, mut next, mut scaled) = if w == "half" && matches!(word(i + 1), Some("a" | "an")) {
        (0.5, i + 2, false)
    } else if let Some((v, end, by_hundreds)) = number_in_words(&word, i) {
        (v, end, by_hundreds)
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
        scaled = true;
    }
    let after = word(next);
    // "eight per cent", "twelve percent"
    if !scaled
        && !matches!(w, "a" | "an" | "one" | "single")
        && (matches!(after, Some("percent" | "pct"))
            || after == Some("per") && word(next + 1) == Some("cent"))
    {
        out.push(Quantity {
            kind: QuantityKind::Percent,
            value,
            hedge,
            step: 0.0,
        });
        return next + 1;
    }
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
    // "a", "an" and "one" count only before a scale: "one billion dollars",
    // "a million users", not "one of the users".
    if (scaled || !matches!(w, "a" | "an" | "one"))
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
                kind: QuantityKind::Count(text::stem(unit_name(unit))),
                value,
                hedge,
                step: 0.0,
            });
        }
        return next + 1;
    }
    i + 1
}

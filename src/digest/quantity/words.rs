//! The words that name numbers, scales, currencies, units of time, hedges
//! and the halves of the day.

use super::Hedge;

pub(super) fn word_number(w: &str) -> Option<f64> {
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

pub(super) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "t" => 1e12,
        _ => return None,
    })
}

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        _ => return None,
    })
}

pub(super) fn currency_word(w: &str) -> Option<&'static str> {
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
pub(super) fn time_unit(w: &str) -> Option<f64> {
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

pub(super) fn hedge_word(w: &str, next: Option<&str>) -> Option<Hedge> {
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

/// Half of the day named after a clock time: "p.m." adds twelve hours to
/// "2:30"; "12 a.m." is midnight.
pub(super) fn meridiem(word: Option<&str>) -> Option<bool> {
    match word? {
        "a.m" | "am" => Some(false),
        "p.m" | "pm" => Some(true),
        _ => None,
    }
}

pub(super) fn on_the_clock(minutes: f64, pm: Option<bool>) -> f64 {
    let within_half_day = minutes % (12.0 * 60.0);
    match pm {
        Some(true) => within_half_day + 12.0 * 60.0,
        Some(false) => within_half_day,
        None => minutes,
    }
}

/// One name for each unit of measure however it is written: "12 km" and
/// "12 kilometres" count the same distance.
pub(super) fn unit_name(w: &str) -> &str {
    match w {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "kilometre",
        "mi" | "mile" | "miles" => "mile",
        "m" | "metre" | "metres" | "meter" | "meters" => "metre",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "centimetre",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "millimetre",
        "ft" | "foot" | "feet" => "foot",
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" => "kilogram",
        // A ton (2,000 or 2,240 lb) is not a tonne: "200 tons" and "180
        // tonnes" can be one load.
        "t" | "tonne" | "tonnes" => "tonne",
        "ha" | "hectare" | "hectares" => "hectare",
        "mph" => "mile-per-hour",
        "kmh" | "kph" => "kilometre-per-hour",
        "sq" => "square",
        other => other,
    }
}

/// Units written glued to their number ("12km", "300km", "5kg"). Not "m":
/// after a number it is a million.
pub(super) fn is_glued_unit(suffix: &str) -> bool {
    matches!(
        suffix,
        "km" | "kms" | "mi" | "cm" | "mm" | "ft" | "kg" | "kgs" | "ha" | "mph" | "kmh" | "kph"
    )
}

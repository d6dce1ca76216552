//! Numbers, amounts, durations and dates in normal form, so that "ten years",
//! "10 years" and "a decade" compare equal, and "$100M" equals "$100 million".

mod reading;
mod tokens;
mod words;

pub use reading::extract;

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
        // Each value stands for a range by its hedge: "more than 11,000"
        // and "about 11,500" can name one count, "almost 12,000" too.
        if a * b < 0.0 {
            return false;
        }
        let (a_low, a_high) = self.range();
        let (b_low, b_high) = other.range();
        a_low <= b_high + scale * 1e-9 && b_low <= a_high + scale * 1e-9
    }

    /// The values a written figure allows: 2% either side of an exact one
    /// (rounding), 5% of an approximate one, up to 15% over "more than" and
    /// under "less than".
    fn range(&self) -> (f64, f64) {
        let v = self.value.abs();
        let (low, high) = match self.hedge {
            Hedge::Exact => (0.98, 1.02),
            Hedge::Approximately => (0.95, 1.05),
            Hedge::AtLeast => (1.0, 1.15),
            Hedge::AtMost => (0.85, 1.0),
        };
        (v * low, v * high)
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
            // "passed by 41 votes to 27" / "backed by 41 councillors, with
            // 27 voting against": each count is there, under other nouns.
            let counted_elsewhere = matches!(qa.kind, QuantityKind::Count(_))
                && b.iter()
                    .any(|qb| matches!(qb.kind, QuantityKind::Count(_)) && qb.value == qa.value);
            if !a_agrees && !counted_elsewhere {
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
        assert_eq!(keys("about eight per cent"), keys("roughly 8%"));
        assert_eq!(keys("thirty-two hundred people"), keys("3,200 people"));
        assert_eq!(
            keys("some three hundred and eighty thousand customers"),
            keys("380,000 customers")
        );
        assert_eq!(keys("twenty-seven goals"), keys("27 goals"));
        assert_eq!(keys("eleven thousand people"), keys("11,000 people"));
        assert_eq!(keys("a hundred and twenty jobs"), keys("120 jobs"));
        assert_eq!(keys("one of the users"), Vec::<String>::new());
        assert_eq!(keys("twelve percent"), keys("12 percent"));
        let conflict = |a: &str, b: &str| conflicting(&extract(a), &extract(b));
        assert!(!conflict(
            "more than seven in ten speakers",
            "about 71% of speakers"
        ));
        assert!(!conflict(
            "roughly three in five patients",
            "61% of patients"
        ));
        assert!(!conflict("two-fifths of the fee", "40% of the fee"));
        assert!(!conflict(
            "one in twelve of its staff",
            "around 8 percent of staff"
        ));
        assert!(conflict("one in four adults", "40% of adults"));
        assert!(
            !keys("five out of eight carriages")
                .iter()
                .any(|k| k.contains("percent"))
        );
        assert_eq!(keys("one billion dollars"), vec!["#money:USD:1000000000"]);
        assert_eq!(keys("a million users"), vec!["#count:user:1000000"]);
        assert!(keys("one of the users").is_empty());
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
    fn hedged_figures_agree_within_their_range() {
        let conflict = |a: &str, b: &str| conflicting(&extract(a), &extract(b));
        assert!(!conflict("almost 12,000 people", "about 11,500 people"));
        assert!(!conflict(
            "more than eleven thousand people",
            "11,500 people"
        ));
        assert!(!conflict(
            "just over three thousand residents",
            "roughly 3,200 residents"
        ));
        assert!(!conflict("more than a million pounds", "£1.1 million"));
        assert!(conflict("the toll rose to 41", "the toll rose to 58"));
        assert!(conflict("about 40 percent", "45 percent"));
        assert!(conflict("more than 3,000 people", "2,800 people"));
        assert!(!conflict(
            "passed by 41 votes to 27",
            "backed by 41 councillors, with 27 voting against"
        ));
        assert!(conflict("kills 10 people", "kills 20 people"));
    }

    #[test]
    fn units_agree_however_they_are_written() {
        let conflict = |a: &str, b: &str| conflicting(&extract(a), &extract(b));
        assert!(!conflict(
            "about 12 kilometres south-west, at a depth of 10 km",
            "some 12 km southwest"
        ));
        assert!(!conflict("roughly 12km south-west", "12 kilometers away"));
        assert!(conflict("a depth of 10km", "a depth of 35 kilometres"));
        assert_eq!(keys("a 5kg bag"), keys("a 5 kilograms bag"));
        // "m" glued to a number stays a million.
        assert_eq!(keys("$5m"), vec!["#money:USD:5000000"]);
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

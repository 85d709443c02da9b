//! Figures as people read them: "100,000", "~80,000", "up to 100,000", and the sentence each figure
//! makes ("up to 70,000 may have been killed"). The qualifier is never dropped from a value.

use crate::dataset::{Figure, Measure, Qualifier, Unit};

/// 1234567 -> "1,234,567".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A tick label short enough for a phone: 0, 50k, 100k, 1.5M.
pub fn compact(n: u64) -> String {
    let (unit, suffix) = match n {
        1_000_000.. => (1_000_000, "M"),
        1_000.. => (1_000, "k"),
        _ => return n.to_string(),
    };
    let tenths = n % unit / (unit / 10);
    if tenths == 0 {
        format!("{}{suffix}", n / unit)
    } else {
        format!("{}.{tenths}{suffix}", n / unit)
    }
}

fn number(f: &Figure, v: u64) -> String {
    match f.unit {
        Unit::Percent => format!("{v}%"),
        _ => count(v),
    }
}

/// The value with the article's hedge: "about 500,000", "up to 100,000", "hundreds of thousands".
pub fn value(f: &Figure) -> String {
    match (f.value, f.qualifier) {
        (Some(v), Qualifier::About) => format!("about {}", number(f, v)),
        (Some(v), Qualifier::Approximately) => format!("approximately {}", number(f, v)),
        (Some(v), Qualifier::UpTo | Qualifier::UpToMayHave) => format!("up to {}", number(f, v)),
        (Some(v), Qualifier::Vague) => number(f, v),
        (None, _) => f
            .value_text
            .clone()
            .unwrap_or_else(|| "an unstated amount".into()),
    }
}

/// The value with its unit: "about 500,000 soldiers", "up to 20%", "hundreds of thousands of
/// rounds of ammunition".
pub fn value_with_unit(f: &Figure) -> String {
    match (f.unit, f.value) {
        (Unit::Percent, _) => value(f),
        (unit, None) => format!("{} of {}", value(f), crate::dataset::Choice::label(unit)),
        (unit, Some(_)) => format!("{} {}", value(f), crate::dataset::Choice::label(unit)),
    }
}

/// The short form for chart labels: "~500,000", "up to 100,000".
pub fn short_value(f: &Figure) -> String {
    match (f.value, f.qualifier.certainty()) {
        (Some(v), crate::dataset::Certainty::Approximate) => format!("~{}", number(f, v)),
        _ => value(f),
    }
}

/// What the figure says, as a phrase: "about 500,000 active soldiers".
pub fn statement(f: &Figure) -> String {
    statement_with(f, &value(f))
}

/// The same phrase with the short value, for chart labels.
pub fn short_statement(f: &Figure) -> String {
    statement_with(f, &short_value(f))
}

fn statement_with(f: &Figure, v: &str) -> String {
    match f.measure {
        Measure::ActiveSoldiers => format!("{v} active soldiers"),
        Measure::SoldiersAvailable => format!("{v} soldiers available"),
        Measure::Killed if f.qualifier == Qualifier::UpToMayHave => {
            format!("{v} may have been killed")
        }
        Measure::Killed => format!("{v} killed"),
        Measure::Losses => format!("{v} losses"),
        Measure::DeployedAtFront => format!("{v} soldiers at the front"),
        Measure::PlannedDeployment => format!("{v} soldiers may be sent"),
        Measure::CombatForceIncrease => format!("combat forces could grow by {v}"),
        Measure::MissilesLaunched => format!("{v} missiles launched"),
        Measure::DronesLaunched => format!("{v} drones launched"),
        // "hundreds of thousands of rounds", as the article has it.
        Measure::AmmunitionSupplied if f.value.is_none() => {
            format!("{v} of rounds of ammunition supplied")
        }
        Measure::AmmunitionSupplied => format!("{v} rounds of ammunition supplied"),
    }
}

/// "Russia, Ukraine and North Korea".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `n` and the noun, singular or plural: "1 figure", "4 figures".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

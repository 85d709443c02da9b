//! Figures as people read them: "100,000", "~80,000", "up to 100,000", and the sentence each figure
//! makes ("up to 70,000 may have been killed"). The hedge is never dropped from a value.

use crate::dataset::{Amount, Choice, Dataset, Figure, Source};

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

/// An amount as the article writes it: "100,000", "4.5".
pub fn amount(a: Amount) -> String {
    let (whole, decimals) = a.parts();
    match decimals.is_empty() {
        true => count(whole),
        false => format!("{}.{decimals}", count(whole)),
    }
}

/// The number as the article writes it, without its hedge: "100,000", or "4.5%" on a percent
/// axis.
pub fn number(f: &Figure, v: Amount) -> String {
    if f.unit.axis().percent() {
        format!("{}%", amount(v))
    } else {
        amount(v)
    }
}

/// The value with the article's hedge: "about 500,000", "up to 100,000", "between 15 and 20",
/// "hundreds of thousands".
pub fn value(f: &Figure) -> String {
    match f.value {
        Some(v) => f
            .hedge
            .write(&number(f, v), f.high.map(|h| number(f, h)).as_deref()),
        None => f
            .value_text
            .clone()
            .unwrap_or_else(|| "an unstated amount".into()),
    }
}

/// What the figure says, as a phrase: "about 500,000 active soldiers".
pub fn statement(f: &Figure) -> String {
    statement_with(f, &value(f))
}

/// The measure's sentence for the figure's hedge, with the hedged value in it.
fn statement_with(f: &Figure, v: &str) -> String {
    f.measure.def().sentence_for(&f.hedge).fill(v)
}

/// "Russia, Ukraine and North Korea". Where an item has a comma of its own ("Bloomberg, citing
/// intelligence data"), the items are parted by semicolons, so the list reads one way only.
pub fn and_list(items: &[&str]) -> String {
    let (sep, and) = if items.iter().any(|i| i.contains(',')) {
        ("; ", "; and ")
    } else {
        (", ", " and ")
    };
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{}{and}{last}", init.join(sep)),
    }
}

/// What the page promises of its figures, exactly as it holds for this article: each quoted
/// with its hedge; its source, or where the article names none, that; and, where any figure
/// has one, that dates worked out from the article's words and facts from elsewhere are
/// labelled, not quoted.
pub fn promise(data: &Dataset) -> String {
    let figures = &data.figures;
    let source = if figures.iter().all(|f| f.source.named()) {
        "and its source"
    } else {
        "and its source where the article names one"
    };
    let worked = figures.iter().any(|f| f.worked_out.is_some());
    let outside = figures.iter().any(|f| f.outside.is_some());
    let labelled = match (worked, outside) {
        (true, true) => {
            "; dates worked out from its words and facts it does not give are labelled as such"
        }
        (true, false) => "; dates worked out from its words are labelled as such",
        (false, true) => "; facts it does not give are labelled as such",
        (false, false) => "",
    };
    format!("every figure below is quoted from it, with its hedge {source}{labelled}")
}

/// The hedge as the article words it, for a page to show in quotation marks: "about", "up to …
/// may have been", and for a vague amount its own words ("hundreds of thousands"), never our
/// name for the kind; `None` for an exact figure, which has no hedge to quote.
pub fn hedge_quoted(f: &Figure) -> Option<&str> {
    match &f.value_text {
        Some(words) => Some(words),
        None => (!f.hedge.words.is_empty()).then_some(f.hedge.words.as_str()),
    }
}

/// When the figure holds, in the article's words, with a worked-out date labelled as such:
/// "this past weekend, worked out as 16-17 November 2024". `None` where the article gives none.
pub fn period(f: &Figure) -> Option<String> {
    let words = f.period.as_deref()?;
    Some(match &f.worked_out {
        Some(w) => format!("{words}, worked out as {}", w.date),
        None => words.to_string(),
    })
}

/// What goes in brackets after a figure: its period, if the article gives one, and its source:
/// "so far; according to the New York Post", "the article names no source".
pub fn context(f: &Figure) -> String {
    match period(f) {
        Some(p) => format!("{p}; {}", f.source.attribution()),
        None => f.source.attribution(),
    }
}

/// The line under a chart label: whose figure, and who says so ("Russia · the New York Post").
pub fn sublabel(f: &Figure) -> String {
    let source = if f.source.named() {
        f.source.credit()
    } else {
        "no source named"
    };
    format!("{} · {source}", f.actor.label())
}

/// A chart's credit line: the sources of its figures as the article names them, each once, in
/// a list that reads one way only; whether some figures have none; and the article.
pub fn credit(sources: &[Source], dateline: &str) -> String {
    let named: Vec<&str> = sources
        .iter()
        .filter(|s| s.named())
        .map(|s| s.credit())
        .collect();
    let unnamed = sources.iter().any(|s| !s.named());
    let who = match (named.is_empty(), unnamed) {
        (true, _) => "The article names no source for these figures.".to_string(),
        (false, false) => format!("Sources as the article names them: {}.", and_list(&named)),
        (false, true) => format!(
            "Sources as the article names them: {}. For the other figures it names no source.",
            and_list(&named)
        ),
    };
    format!("{who} From the article of {dateline}.")
}

/// `n` and the noun, singular or plural: "1 figure", "4 figures".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` in lines of at most `max` characters, broken at spaces; a longer word gets a line of
/// its own.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    if text.len() <= max {
        // Fits as it is (bytes are at least as many as characters).
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

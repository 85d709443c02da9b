//! A new article's draft folder from its text: the text copied, every numeral as a figure to
//! fill or (a date, a time) a `not_figures` entry to justify, each with its sentence, the hedge
//! words that stand next to it, the words that say when it holds (its period) and its
//! sentence's attribution as suggestions, and a minimal
//! `explorer.json` that loads. What the author must decide is left as "TODO": in a slug it is
//! an error that lists the choices, in a text a warning of `check-data`.

use serde_json::{Value, json};

use crate::dataset::hedge;
use crate::dataset::period::{MONTHS, period_of, sentence_around};
use crate::dataset::{Amount, Day, GAP, Numeral, Side, numerals};

/// What marks a field the author still has to fill.
pub const TODO: &str = "TODO";

/// Hedges English news puts next to a number, and their side: suggestions for the reading
/// note, whether or not the app has a kind for them yet.
/// Hedge words a draft looks for next to a numeral, the side they stand on, and the kind of
/// hedge they make (a suggestion: the author confirms it against the article).
const HEDGES: &[(&str, Side, &str)] = &[
    ("about", Side::Before, "approximate"),
    ("approximately", Side::Before, "approximate"),
    ("around", Side::Before, "approximate"),
    ("roughly", Side::Before, "approximate"),
    ("some", Side::Before, "approximate"),
    ("nearly", Side::Before, "approximate"),
    ("almost", Side::Before, "approximate"),
    ("an estimated", Side::Before, "approximate"),
    ("more than", Side::Before, "lower-bound"),
    ("over", Side::Before, "lower-bound"),
    ("at least", Side::Before, "lower-bound"),
    ("up to", Side::Before, "upper-bound"),
    ("at most", Side::Before, "upper-bound"),
    ("less than", Side::Before, "upper-bound"),
    ("fewer than", Side::Before, "upper-bound"),
    ("under", Side::Before, "upper-bound"),
    ("or more", Side::After, "lower-bound"),
    ("or so", Side::After, "approximate"),
    ("may have been", Side::After, "upper-bound"),
];

/// Verbs that attribute a sentence to someone: "the union says", "Bloomberg reports".
const ATTRIBUTING: &[&str] = &[
    "says",
    "said",
    "say",
    "reports",
    "reported",
    "report",
    "claims",
    "claimed",
    "warns",
    "warned",
    "adds",
    "added",
    "estimates",
    "estimated",
    "indicate",
    "indicates",
    "told",
    "announced",
    "stated",
];

/// The draft's two files for an article's text.
pub struct Draft {
    pub figures: Value,
    pub explorer: Value,
}

/// Write the draft of `text_path` into the new folder `folder`, which must not exist yet.
pub fn write_draft(text_path: &str, folder: &str) -> Result<(), String> {
    let folder_path = std::path::Path::new(folder);
    if folder_path.exists() {
        return Err(format!(
            "{folder} exists already; a draft never overwrites a folder: name a new one"
        ));
    }
    let text =
        std::fs::read_to_string(text_path).map_err(|e| format!("cannot read {text_path}: {e}"))?;
    let draft = draft(&text);
    std::fs::create_dir_all(folder_path).map_err(|e| format!("cannot create {folder}: {e}"))?;
    let write = |name: &str, body: String| {
        let path = folder_path.join(name);
        std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write("article.txt", text.clone())?;
    let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap_or_default() + "\n";
    write("figures.json", pretty(&draft.figures))?;
    write("explorer.json", pretty(&draft.explorer))
}

/// The draft of an article's text.
pub fn draft(text: &str) -> Draft {
    let title = text.lines().next().unwrap_or_default().trim();
    let dates = date_spans(text);
    let mut figures = Vec::new();
    let all: Vec<Numeral> = numerals(text)
        .into_iter()
        .filter(|n| !dates.iter().any(|&(s, e)| s <= n.start && n.end <= e))
        .collect();
    let mut high_of_range = None;
    for (i, n) in all.iter().enumerate() {
        if high_of_range == Some(i) {
            continue;
        }
        let mut figure = figure_draft(text, n, figures.len() + 1);
        if let Some(high) = all.get(i + 1).filter(|m| is_range(text, n, m)) {
            as_range(&mut figure, text, n, high);
            high_of_range = Some(i + 1);
        }
        figures.push(figure);
    }
    let not_figures: Vec<Value> = dates
        .iter()
        .map(|&(s, e)| {
            json!({
                "text": &text[s..e],
                "reason": "TODO: why this is not a figure (the dateline's date or time, a year, a day)"
            })
        })
        .collect();
    Draft {
        figures: json!({
            "article": article_block(text, title, &dates),
            "figures": figures,
            "events": [],
            "not_figures": not_figures,
        }),
        explorer: explorer(title),
    }
}

/// Title, dateline and day of publication, where the text gives them (the first date).
fn article_block(text: &str, title: &str, dates: &[(usize, usize)]) -> Value {
    let first = dates
        .iter()
        .map(|&(s, e)| (&text[s..e], parse_date(&text[s..e])))
        .find(|(_, day)| day.is_some());
    let (dateline, published) = match first {
        Some((words, Some(day))) => (words.to_string(), day.to_string()),
        _ => (TODO.to_string(), TODO.to_string()),
    };
    json!({ "title": title, "dateline": dateline, "published": published })
}

/// Whether `low` and `high` are one range's ends: "between 40 and 60", "40 to 60", "40-60".
fn is_range(text: &str, low: &Numeral, high: &Numeral) -> bool {
    let between = text[low.end..high.start].trim();
    let before = text[..low.start].trim_end().to_ascii_lowercase();
    matches!(between, "to" | "-" | "–") || (between == "and" && before.ends_with("between"))
}

/// A figure drafted from a range's low end made the whole range: its higher end, its kind and
/// words, and its reading.
fn as_range(figure: &mut Value, text: &str, low: &Numeral, high: &Numeral) {
    let joined = text[low.end..high.start].trim();
    let between = text[..low.start]
        .trim_end()
        .to_ascii_lowercase()
        .ends_with("between");
    let words = if between {
        let at = text[..low.start].trim_end().len() - "between".len();
        format!("{} {GAP} {joined} {GAP}", &text[at..at + "between".len()])
    } else {
        format!("{GAP} {joined} {GAP}")
    };
    figure["high"] = high.value.map(json_amount).into();
    figure["hedge"] = json!({ "kind": "range", "words": words });
    figure["reading"]["value"] = json!(&text[low.start..high.end]);
    figure["reading"]["hedge"] = if between {
        let at = text[..low.start].trim_end().len() - "between".len();
        json!(&text[at..at + "between".len()])
    } else {
        Value::Null
    };
}

/// One numeral as a figure to fill: what the text says of it is filled in, the rest is TODO.
fn figure_draft(text: &str, n: &Numeral, i: usize) -> Value {
    let (offset, sentence) = sentence_around(text, n.start);
    let local = n.from(offset);
    let attribution = attribution(sentence);
    let period = period_of(sentence, &local);
    let mut figure = json!({
        "id": format!("figure-{i}"),
        "value": n.value.map(json_amount),
        "unit": TODO,
        "actor": TODO,
        "measure": TODO,
        "hedge": hedge_draft(sentence, &local),
        "source": if attribution.is_some() { TODO } else { "unattributed" },
        "quotes": [sentence],
        "reading": {
            "value": &text[n.start..n.end],
            "hedge": hedge_found(sentence, &local),
            "source": attribution,
            "period": period,
        },
    });
    if let Some(period) = period {
        figure["period"] = json!(period);
    }
    figure
}

/// The sentence's words from the first hedge word before the numeral to the last one after it
/// ("up to 70,000 may have been"), verbatim; `None` where no hedge stands next to it.
fn hedge_found(sentence: &str, n: &Numeral) -> Option<String> {
    let lower = sentence.to_ascii_lowercase();
    let spans: Vec<(usize, usize)> = HEDGES
        .iter()
        .filter(|(words, side, _)| hedge::stands_next_to(sentence, n, words, *side))
        .filter_map(|(words, side, _)| match side {
            Side::Before => lower[..n.start].rfind(words).map(|s| (s, s + words.len())),
            Side::After => lower[n.end..]
                .find(words)
                .map(|s| (n.end + s, n.end + s + words.len())),
        })
        .collect();
    let start = spans.iter().map(|s| s.0).min()?;
    let end = spans.iter().map(|s| s.1).max()?;
    Some(sentence[start..end].to_string())
}

/// The figure's hedge as the data writes it: its kind (exact where no hedge word stands next
/// to the numeral) and the article's words, `…` where the number goes ("up to … may have been").
fn hedge_draft(sentence: &str, n: &Numeral) -> Value {
    let next: Vec<&(&str, Side, &str)> = HEDGES
        .iter()
        .filter(|(words, side, _)| hedge::stands_next_to(sentence, n, words, *side))
        .collect();
    // The article's own words, as it writes them ("More than").
    let lower = sentence.to_ascii_lowercase();
    let said = |side: Side| {
        let (words, _, _) = next.iter().find(|h| h.1 == side)?;
        let at = match side {
            Side::Before => lower[..n.start].rfind(words)?,
            Side::After => n.end + lower[n.end..].find(words)?,
        };
        Some(&sentence[at..at + words.len()])
    };
    let words = match (said(Side::Before), said(Side::After)) {
        (before, Some(after)) => format!("{} {GAP} {after}", before.unwrap_or_default())
            .trim()
            .to_string(),
        (Some(before), None) => before.to_string(),
        (None, None) => String::new(),
    };
    let kind = next.first().map_or("exact", |h| h.2);
    // An exact figure has no words: the field is left out, as the data writes it.
    if words.is_empty() {
        return json!({ "kind": kind });
    }
    json!({ "kind": kind, "words": words })
}

/// An amount as figures.json writes it: a whole number, or a decimal ("4.5").
fn json_amount(a: Amount) -> Value {
    if a.0.is_multiple_of(Amount::ONE) {
        json!(a.0 / Amount::ONE)
    } else {
        json!(a.0 as f64 / Amount::ONE as f64)
    }
}

/// The words of `sentence` that say whom it comes from: "According to the same office",
/// "the county's emergency office says".
fn attribution(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    if let Some(at) = lower.find("according to") {
        let end = sentence[at..]
            .find([',', '.', ';'])
            .map_or(sentence.len(), |e| at + e);
        return Some(sentence[at..end].trim().to_string());
    }
    let words: Vec<(usize, &str)> = sentence
        .split_inclusive(char::is_whitespace)
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w))
        })
        .collect();
    let (start, verb) = words.iter().find(|(_, w)| {
        let w = w.trim().trim_end_matches(['.', ',', ';']).to_lowercase();
        ATTRIBUTING.contains(&w.as_str())
    })?;
    let end = start + verb.trim_end().trim_end_matches(['.', ',', ';']).len();
    // From the start of the verb's clause, or of the sentence where that clause is the verb alone.
    let clause = sentence[..*start].rfind(',').map_or(0, |c| c + 1);
    let from = if sentence[clause..*start].trim().is_empty() {
        0
    } else {
        clause
    };
    Some(sentence[from..end].trim().to_string())
}

/// Byte spans of the dates and times of `text` ("18 November 2024", "06:04", "in 2022"): not
/// figures, but each must be listed with a reason.
fn date_spans(text: &str) -> Vec<(usize, usize)> {
    // Capitalised, as English writes a month ("may have been" is no date).
    let is_month = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.starts_with(char::is_uppercase) && MONTHS.contains(&w.to_lowercase().as_str())
    };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for n in numerals(text) {
        let numeral = &text[n.start..n.end];
        let before = text[..n.start].trim_end();
        let prev_word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let after = &text[n.end..];
        let next_word = after.split_whitespace().next().unwrap_or_default();
        let year = numeral.len() == 4
            && n.value.is_some_and(|v| {
                v.0 % Amount::ONE == 0 && (1800..=2100).contains(&(v.0 / Amount::ONE))
            });
        let mut span = (n.start, n.end);
        if is_month(next_word) {
            span.1 = n.end
                + after.find(next_word).unwrap_or(0)
                + next_word.trim_end_matches([',', '.']).len();
        } else if is_month(prev_word) || year {
            span.0 = before.len() - prev_word.len();
        } else if !numeral.contains(':') {
            continue;
        }
        match spans.last_mut() {
            Some(last) if last.1 >= span.0 || text[last.1..span.0].bytes().all(|b| b == b' ') => {
                last.1 = last.1.max(span.1)
            }
            _ => spans.push(span),
        }
    }
    spans
}

/// "18 November 2024" as a day; `None` for words that are not a whole date.
fn parse_date(words: &str) -> Option<Day> {
    let parts: Vec<String> = words
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = parts
        .iter()
        .find_map(|p| MONTHS.iter().position(|m| m == p))? as u8
        + 1;
    let numbers: Vec<u16> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let year = *numbers.iter().find(|n| **n > 31)?;
    let day = *numbers.iter().find(|n| **n <= 31)? as u8;
    Some(Day { year, month, day })
}

/// A minimal explorer.json that loads: one of each thing, named TODO where the author decides.
fn explorer(title: &str) -> Value {
    json!({
        "page": {
            "name": "TODO: the explorer's name",
            "actor_filter": "TODO: what the actors are (Country, Party, District)",
            "title": format!("TODO: the page's title, e.g. {title}"),
            "description": "TODO: one or two sentences for search results",
            "social_description": "TODO: what a shared link's preview says",
            "short_description": "TODO: a line for the front page's twitter:description",
        },
        "actors": [{ "slug": "todo-actor", "label": "TODO: whose figures", "names": ["TODO: the article's names for it"] }],
        "sources": [{ "slug": "unattributed", "label": "No source named", "credit": "no source named in the article", "named": false }],
        "axes": [{ "slug": "todo-axis", "title": "TODO: what the axis counts", "scale": "count" }],
        "units": [{ "slug": "todo-unit", "label": "TODO: the unit", "axis": "todo-axis" }],
        "groups": [{ "slug": "todo-group", "label": "TODO: a group of measures" }],
        "measures": [{
            "slug": "todo-measure", "label": "TODO: what is measured", "group": "todo-group",
            "units": ["todo-unit"], "sentence": "{value} TODO"
        }],
        "charts": [{ "slug": "todo-chart", "title": "TODO: the chart's title", "axes": ["todo-axis"], "order": "data" }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_and_its_attribution() {
        let text =
            "Title\nIn the North Bank, about 1,200 homes were flooded, the office says. Next one.";
        let at = text.find("1,200").unwrap();
        let (start, s) = sentence_around(text, at);
        assert_eq!(&text[start..start + s.len()], s);
        assert_eq!(
            s,
            "In the North Bank, about 1,200 homes were flooded, the office says."
        );
        assert_eq!(attribution(s).as_deref(), Some("the office says"));
        assert_eq!(
            attribution("Bloomberg, citing intelligence data, claims that 100 may come.")
                .as_deref(),
            Some("Bloomberg, citing intelligence data, claims")
        );
        assert_eq!(
            attribution("According to the union, at least 2,500 struck.").as_deref(),
            Some("According to the union")
        );
        assert_eq!(attribution("Some 300 trucks waited."), None);
    }

    #[test]
    fn dates_and_times_are_not_figures() {
        let text = "T\n3 March 2025 09:30\nIn 2022, 40 roads closed on March 4.";
        let spans: Vec<&str> = date_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(spans, ["3 March 2025 09:30", "In 2022", "March 4"]);
        assert_eq!(
            parse_date("3 March 2025 09:30")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-03-03")
        );
    }
}

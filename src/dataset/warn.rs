//! What loads and passes every check but is likely not what the author meant: a chart that
//! draws no figure, an article whose figures are mostly vague, a source no figure or event
//! names, a figure with no period whose sentence says when its number holds. Warnings, not
//! errors: the build goes on, and `check-data` and the build say them.

use super::period::{period_of, sentence_around};
use super::{
    DataError, Dataset, EXPLORER_JSON, FIGURES_JSON, Figure, HedgeKind, Source, Vocabulary,
    numerals,
};

/// The warnings for the checked article of folder `dir`, each naming its file, item and field.
pub fn warnings(dir: &str, v: &Vocabulary, d: &Dataset) -> Vec<DataError> {
    let dir = dir.trim_end_matches('/');
    let (figures, explorer) = (
        format!("{dir}/{FIGURES_JSON}"),
        format!("{dir}/{EXPLORER_JSON}"),
    );
    let warn = |file: &str, item: Option<String>, field: Option<&str>, message: String| DataError {
        file: file.to_string(),
        item,
        field: field.map(str::to_string),
        message,
    };
    let mut out = Vec::new();
    for chart in v.charts {
        if !d.figures.iter().any(|f| chart.draws(v, f)) {
            let axes: Vec<&str> = chart.axes.iter().map(|a| v.axis(*a).slug).collect();
            let message = format!(
                "draws no figure: none has a value on its axes ({}){}; the page leaves it out",
                axes.join(", "),
                if chart.groups.is_empty() {
                    ""
                } else {
                    " in its groups"
                }
            );
            let item = Some(format!("chart \"{}\"", chart.slug));
            out.push(warn(&explorer, item, None, message));
        }
    }
    let vague = d
        .figures
        .iter()
        .filter(|f| f.hedge.kind == HedgeKind::Vague)
        .count();
    if vague * 2 > d.figures.len() {
        let message = format!(
            "{vague} of {} figures are vague, and a vague amount is told in words and never drawn: give each figure the article states a number for its value",
            d.figures.len()
        );
        out.push(warn(&figures, None, Some("figures"), message));
    }
    for (i, source) in v.sources.iter().enumerate() {
        let s = Source(i as u8);
        let named =
            d.figures.iter().any(|f| f.source == s) || d.events.iter().any(|e| e.source == s);
        if !named {
            let message =
                "no figure or event names it: remove it, or give it to the figures it stands for"
                    .to_string();
            let item = Some(format!("source \"{}\"", source.slug));
            out.push(warn(&explorer, item, None, message));
        }
    }
    for f in &d.figures {
        if let Some(period) = unsaid_period(f) {
            let message = format!(
                "has no period, but its first quote says \"{period}\" next to its value: give it \"period\" and \"reading.period\" \"{period}\", unless those words are not about this number"
            );
            let item = Some(format!("figure \"{}\"", f.id));
            out.push(warn(&figures, item, Some("period"), message));
        }
    }
    out
}

/// The words of a figure without a period that say when its value holds, in the sentence of
/// its first quote that carries the value.
fn unsaid_period(f: &Figure) -> Option<&str> {
    let first = f.quotes.first()?;
    if f.period.is_some() || f.value.is_none() {
        return None;
    }
    numerals(first)
        .into_iter()
        .filter(|n| n.value == f.value)
        .find_map(|n| {
            let (at, sentence) = sentence_around(first, n.start);
            period_of(sentence, &n.from(at))
        })
}

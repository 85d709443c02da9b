//! What loads and passes every check but is likely not what the author meant: a chart that
//! draws no figure, an article whose figures are mostly vague, a source no figure or event
//! names. Warnings, not errors: the build goes on, and `check-data` and the build say them.

use super::{DataError, Dataset, EXPLORER_JSON, FIGURES_JSON, HedgeKind, Source, Vocabulary};

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
    out
}

//! From a `ViewState` and the dataset to what a view shows: the selected figures, the count each
//! filter control offers, the table's order, which charts appear with which marks, the article
//! split into highlighted quotes, and the written summaries. All pure.

use std::cmp::Ordering;

use crate::dataset::{
    Actor, Amount, Axis, ChartId, Choice, Dataset, Figure, HedgeKind, Measure, MeasureGroup, Order,
    Source, find_from, occurrences, vocabulary,
};
use crate::filters::{Dimension, Filter, Filters};
use crate::format;
use crate::view_state::{Column, Sort, View, ViewState};

pub fn select_figures<'d>(data: &'d Dataset, filters: &Filters) -> Vec<&'d Figure> {
    data.figures.iter().filter(|f| filters.keep(f)).collect()
}

/// How many figures a filter value would show: those with that value that pass the other
/// dimensions (so a control's count does not depend on its own state).
pub fn facet_count(data: &Dataset, filters: &Filters, value: Filter) -> usize {
    let open = value.dimension().opened(filters);
    data.figures
        .iter()
        .filter(|f| value.of(f) && open.keep(f))
        .count()
}

/// Sorts stably by `cmp`. Every sort of the app goes through here, so the wasm holds one sort
/// (on indices) instead of one per call site and element type: about 11 KB less code; and one
/// copy of the reordering per element type, not per comparison.
pub fn sort_stable<T: Copy>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    reorder(items, &cmp);
}

#[inline(never)]
fn reorder<T: Copy>(items: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let sorted = order.into_iter().map(|i| items[i]).collect();
    *items = sorted;
}

/// `0..len` in `cmp`'s order, stably: a bottom-up merge sort, runs of 1, 2, 4… merged in turn.
/// The standard library's stable sort (driftsort, with its small-sort networks) was 4.3 KB of
/// the wasm for lists of at most a few thousand figures.
#[inline(never)]
fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        merged.clear();
        for start in (0..len).step_by(2 * width) {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                // A tie takes the left run's index first: that keeps the sort stable.
                if cmp(order[j], order[i]) == Ordering::Less {
                    merged.push(order[j]);
                    j += 1;
                } else {
                    merged.push(order[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&order[i..mid]);
            merged.extend_from_slice(&order[j..end]);
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod sort_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Against the standard library's stable sort, on keys with many ties (so that a
        // sort that is not stable fails).
        #[test]
        fn sorted_indices_is_a_stable_sort(keys in proptest::collection::vec(0u8..6, 0..200)) {
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b])), expected);
        }
    }
}

/// The table's order. Ties keep the data's order; vague amounts sort after every number.
pub fn sorted(mut figures: Vec<&Figure>, sort: Option<Sort>) -> Vec<&Figure> {
    let Some(sort) = sort else { return figures };
    sort_stable(&mut figures, |a, b| {
        let ord = match sort.column {
            // A to Z, as the column reads.
            Column::Actor => a.actor.label().cmp(b.actor.label()),
            Column::Measure => a.measure.label().cmp(b.measure.label()),
            // Within each unit's axis, grouped in the axis order: soldiers are never ranked
            // against percentages or drones.
            Column::Value => {
                let axis = |f: &Figure| f.unit.axis();
                return axis(a)
                    .cmp(&axis(b))
                    .then(missing_last(a.value, b.value, sort.descending));
            }
            Column::Certainty => a.hedge.kind.cmp(&b.hedge.kind),
            // By time, as worked out from the article's words; undated periods last.
            Column::Period => {
                let day = |f: &Figure| f.worked_out.as_ref().map(|w| w.as_of);
                return missing_last(day(a), day(b), sort.descending);
            }
            Column::Source => a.source.label().cmp(b.source.label()),
        };
        if sort.descending { ord.reverse() } else { ord }
    });
    figures
}

/// `a` against `b` in the sort's direction, with a missing one (a vague amount, an undated
/// period) after every present one either way.
fn missing_last<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// How a mark is drawn: a hedge's kind with a number. A bound or a range must never look like
/// a count.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MarkStyle {
    /// No hedge: a solid bar.
    Exact,
    /// "about", "nearly": a solid bar, its words in its label.
    Approximate,
    /// "more than": a bar to the value that runs on, fading, past it, with an arrow.
    LowerBound,
    /// "up to": hatched, dashed outline, open end, "up to" in its label.
    UpperBound,
    /// "between 15 and 20": an interval from the low value to the high one, nothing from 0.
    Range,
}

impl MarkStyle {
    pub fn of(k: HedgeKind) -> Option<MarkStyle> {
        Some(match k {
            HedgeKind::Exact => MarkStyle::Exact,
            HedgeKind::Approximate => MarkStyle::Approximate,
            HedgeKind::LowerBound => MarkStyle::LowerBound,
            HedgeKind::UpperBound => MarkStyle::UpperBound,
            HedgeKind::Range => MarkStyle::Range,
            HedgeKind::Vague => return None,
        })
    }
    pub fn kind(self) -> HedgeKind {
        match self {
            MarkStyle::Exact => HedgeKind::Exact,
            MarkStyle::Approximate => HedgeKind::Approximate,
            MarkStyle::LowerBound => HedgeKind::LowerBound,
            MarkStyle::UpperBound => HedgeKind::UpperBound,
            MarkStyle::Range => HedgeKind::Range,
        }
    }
    pub fn slug(self) -> &'static str {
        self.kind().slug()
    }
}

/// One drawn mark: a figure.
#[derive(Clone, PartialEq, Debug)]
pub struct MarkSpec {
    /// The figure's id, used for selection and element ids.
    pub id: String,
    pub value: Amount,
    /// A range's higher end.
    pub high: Option<Amount>,
    pub style: MarkStyle,
    /// What the figure says, hedge and all: "up to 70,000 may have been killed".
    pub label: String,
    /// Whose figure, and whose word: "Russia · the New York Post".
    pub sublabel: String,
    /// When, in the article's words, where it says.
    pub period: Option<String>,
}

/// The kinds of the article's figures that `drawn` keeps and that are drawn (a chart's, or all),
/// in `HedgeKind` order, each with the words that lead its values ("about", "approximately"),
/// each once: what a legend explains, and no other.
pub fn drawn_kinds<'a>(
    data: &'a Dataset,
    drawn: &dyn Fn(&Figure) -> bool,
) -> Vec<(MarkStyle, Vec<&'a str>)> {
    HedgeKind::ALL
        .iter()
        .filter_map(|&k| {
            let style = MarkStyle::of(k)?;
            let of = || {
                data.figures
                    .iter()
                    .filter(move |f| f.value.is_some() && f.hedge.kind == k && drawn(f))
            };
            let mut words: Vec<&str> = Vec::new();
            for p in of().filter_map(|f| f.hedge.prefix()) {
                if !words.contains(&p) {
                    words.push(p);
                }
            }
            of().next().map(|_| (style, words))
        })
        .collect()
}

/// One axis of marks inside a chart. A panel holds one axis only.
#[derive(Clone, PartialEq, Debug)]
pub struct PanelSpec {
    pub axis: Axis,
    pub marks: Vec<MarkSpec>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: &'static str,
    pub panels: Vec<PanelSpec>,
    /// Who the drawn figures come from, each once, in `Source::ALL` order, for the credit line.
    pub sources: Vec<Source>,
    pub summary: String,
    /// What a reader must know before comparing the marks, shown with the chart and in its
    /// files: where the article's words for them differ, and where their times do.
    pub notes: Vec<String>,
    /// The filters the chart is drawn under, in words, under its title on the page, in its
    /// files and in embeds (`None`: every figure).
    pub filtered: Option<String>,
}

fn mark_for(f: &Figure) -> Option<MarkSpec> {
    Some(MarkSpec {
        id: f.id.clone(),
        value: f.value?,
        high: f.high,
        style: MarkStyle::of(f.hedge.kind)?,
        label: format::statement(f),
        sublabel: format::sublabel(f),
        // The article's words only: a worked-out date is told in the summary, the details and
        // the table, where there is room to say it was worked out.
        period: f.period.clone(),
    })
}

fn panel(axis: Axis, figures: &[&Figure]) -> Option<PanelSpec> {
    let marks: Vec<MarkSpec> = figures
        .iter()
        .filter(|f| f.unit.axis() == axis)
        .filter_map(|f| mark_for(f))
        .collect();
    (!marks.is_empty()).then_some(PanelSpec { axis, marks })
}

/// The charts a view shows: those its filters fill, or of those only the one it names.
/// Where filters leave two charts drawing the same marks, the later is left out: the earlier
/// says so in a note whose words hold in its file too, away from the page.
pub fn charts_shown(data: &Dataset, filters: &Filters, chart: Option<ChartId>) -> Vec<ChartSpec> {
    let specs = charts(data, filters);
    if let Some(kind) = chart {
        return specs.into_iter().filter(|c| c.id == kind).collect();
    }
    let mut shown: Vec<ChartSpec> = Vec::new();
    for spec in specs {
        // Through the one sort on indices (`sort_stable`): a sort of `String`s of its own cost 1.1 KiB.
        fn marks(c: &ChartSpec) -> Vec<&str> {
            let mut ids: Vec<&str> = c
                .panels
                .iter()
                .flat_map(|p| p.marks.iter().map(|m| m.id.as_str()))
                .collect();
            sort_stable(&mut ids, |a, b| a.cmp(b));
            ids
        }
        match shown.iter_mut().find(|kept| marks(kept) == marks(&spec)) {
            Some(kept) => kept.notes.push(format!(
                "Under these filters, “{}” draws the same figures: they are drawn once, here.",
                spec.title
            )),
            None => shown.push(spec),
        }
    }
    shown
}

/// The page's title for a view: the article's page title for the default view, else what the
/// view is (its tab, the chart alone, its filters, the selected figure) before the explorer's
/// name, so that tabs, bookmarks, history and share sheets tell views apart.
pub fn view_title(data: &Dataset, state: &ViewState) -> String {
    let page = crate::dataset::vocabulary().page;
    let mut parts: Vec<String> = vec![state.view.label().to_string()];
    parts.extend(state.chart.map(|c| c.label().to_string()));
    parts.extend(filters_short(&state.filters));
    parts.extend(
        mark_shown(data, state).map(|f| format!("{}: {}", f.actor.label(), format::statement(f))),
    );
    if parts.len() == 1 && state.view == View::default() {
        page.title.to_string()
    } else {
        format!("{} — {}", parts.join(" · "), page.name)
    }
}

/// What an embed of one chart, or of every chart of the view (`None`), shows in the colours
/// chosen: the view's filters and sort, on the Charts view, and its selected figure where the
/// embed draws it (its link names no figure it does not show).
pub fn embedded(
    data: &Dataset,
    state: &ViewState,
    chart: Option<ChartId>,
    theme: crate::view_state::Theme,
) -> ViewState {
    let mut embedded = ViewState {
        embed: true,
        chart,
        view: View::Charts,
        theme,
        ..state.clone()
    };
    if mark_shown(data, &embedded).is_none() {
        embedded.mark = None;
        embedded.mark_in = None;
    }
    embedded
}

/// The selected figure, where the view shows it: drawn in a chart of the Charts view (of the one
/// chart a link names, if it names one), a row of the Table, words of the Article. The Timeline
/// shows events, not figures: the selection waits there for the reader's way back.
pub fn mark_shown<'d>(data: &'d Dataset, state: &ViewState) -> Option<&'d Figure> {
    let figure = data.figure(state.mark.as_deref()?)?;
    let shown = match state.view {
        View::Charts => charts_shown(data, &state.filters, state.chart)
            .iter()
            .any(|c| c.draws(&figure.id)),
        View::Table | View::Article => true,
        View::Timeline => false,
    };
    shown.then_some(figure)
}

/// What an embed of one chart, or of every chart (`None`), under `filters` is called: its
/// frame's title, which names the filters as a filtered chart's subtitle does ("… (North Korea
/// only)"): a screen reader on the host page is not told of figures the frame leaves out.
pub fn embed_title(data: &Dataset, chart: Option<ChartId>, filters: &Filters) -> String {
    let title = match chart {
        Some(c) => format!("{} — {}", c.label(), data.article.title),
        None => crate::dataset::vocabulary().page.title.to_string(),
    };
    match filters_short(filters) {
        Some(words) => format!("{title} ({words})"),
        None => title,
    }
}

/// The filters a view is under, short enough to stand under a chart's title wherever it goes
/// ("North Korea only"; "Source: the New York Post only"); `None` with no filter on.
pub fn filters_short(filters: &Filters) -> Option<String> {
    let parts: Vec<String> = Dimension::ALL
        .iter()
        .filter_map(|&d| dimension_short(d, filters))
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// One dimension's filter in words ("North Korea only", "Source: none"); `None` where it keeps
/// every value.
pub fn dimension_short(d: Dimension, filters: &Filters) -> Option<String> {
    let values = d.values();
    let kept: Vec<&str> = values
        .iter()
        .filter(|(f, _)| filters.contains(*f))
        .map(|(_, label)| *label)
        .collect();
    match (kept.len(), d) {
        (n, _) if n == values.len() => None,
        (0, _) => Some(format!("{}: none", d.title())),
        (_, Dimension::Actor) => Some(format!("{} only", format::and_list(&kept))),
        _ => Some(format!("{}: {} only", d.title(), format::and_list(&kept))),
    }
}

/// The charts the selection fills, in the article's order; a chart with nothing selected is
/// left out. Each chart draws the figures of its groups (all, if it names none) that have a
/// value on one of its axes, one panel per axis. Not inlined: the filter panel's status line
/// calls it too, and a copy in each caller cost the wasm about 2 KB.
#[inline(never)]
pub fn charts(data: &Dataset, filters: &Filters) -> Vec<ChartSpec> {
    let selected = select_figures(data, filters);
    let filtered = filters_short(filters);
    ChartId::ALL
        .iter()
        .filter_map(|&kind| {
            let def = kind.def();
            let mut figures: Vec<&Figure> = selected
                .iter()
                .copied()
                .filter(|f| def.draws(vocabulary(), f))
                .collect();
            if def.order == Order::Actor {
                // The data's order within an actor.
                sort_stable(&mut figures, |a, b| a.actor.cmp(&b.actor));
            }
            let panels: Vec<PanelSpec> = def
                .axes
                .iter()
                .filter_map(|&axis| panel(axis, &figures))
                .collect();
            (!panels.is_empty()).then(|| ChartSpec {
                filtered: filtered.clone(),
                ..chart(kind, panels, &figures, &data.figures)
            })
        })
        .collect()
}

fn chart(kind: ChartId, panels: Vec<PanelSpec>, figures: &[&Figure], all: &[Figure]) -> ChartSpec {
    let sources = sources_of(figures.iter().copied());
    let on_axes: Vec<Vec<&Figure>> = panels
        .iter()
        .map(|p| {
            figures
                .iter()
                .copied()
                .filter(|f| f.value.is_some() && f.unit.axis() == p.axis)
                .collect()
        })
        .collect();
    let disagreements: Vec<Vec<String>> = on_axes
        .iter()
        .map(|on_axis| disagreement_notes(all, on_axis))
        .collect();
    // The periods of every bar of the chart, whatever its axis: a bar without one on another
    // axis is named too.
    let drawn: Vec<&Figure> = figures
        .iter()
        .copied()
        .filter(|f| f.value.is_some())
        .collect();
    let period = period_note(&drawn);
    let notes = on_axes
        .iter()
        .zip(&disagreements)
        .flat_map(|(on_axis, disagree)| {
            words_notes(on_axis)
                .into_iter()
                .chain(disagree.iter().cloned())
        })
        .chain(period)
        .collect();
    // The description says a disagreement too: its figures are not ranked against each other.
    let mut summary = describe(figures);
    for note in disagreements.iter().flatten() {
        summary.push(' ');
        summary.push_str(note);
    }
    ChartSpec {
        id: kind,
        title: kind.label(),
        panels,
        sources,
        summary,
        notes,
        filtered: None,
    }
}

/// Where one axis holds a group's measures in different words for different actors ("killed"
/// for Russia, "losses" for Ukraine): the article does not say they count the same thing, so
/// the chart must not let the bars pass for one measure. One note for all such groups, each
/// actor's measures in the groups' order ("for Russia, active soldiers and killed; for
/// Ukraine, soldiers available and losses").
fn words_notes(figures: &[&Figure]) -> Vec<String> {
    let differing: Vec<MeasureGroup> = MeasureGroup::ALL
        .iter()
        .copied()
        .filter(|&g| {
            let of_group: Vec<&Figure> = figures
                .iter()
                .copied()
                .filter(|f| f.measure.group() == g)
                .collect();
            let one_measure = of_group.iter().all(|f| f.measure == of_group[0].measure);
            let one_actor = of_group.iter().all(|f| f.actor == of_group[0].actor);
            !one_measure && !one_actor
        })
        .collect();
    if differing.is_empty() {
        return Vec::new();
    }
    let each: Vec<String> = Actor::ALL
        .iter()
        .filter_map(|&a| {
            let measures: Vec<&str> = Measure::ALL
                .iter()
                .filter(|m| differing.contains(&m.group()))
                .filter(|m| figures.iter().any(|f| f.actor == a && f.measure == **m))
                .map(|m| m.label())
                .collect();
            (!measures.is_empty())
                .then(|| format!("for {}, {}", a.label(), format::and_list(&measures)))
        })
        .collect();
    vec![format!(
        "Not one measure: {}. The article does not say these count the same thing.",
        each.join("; ")
    )]
}

/// Where sources give different numbers for one actor's measure, each is drawn, credited,
/// side by side, and this says so, so a reader does not take one bar for the truth: "The
/// sources disagree on Dockers, on strike: the dockers' union gives at least 2,500; the port
/// firm, about 1,800." Of the article's figures (`all`), so that where a filter leaves one
/// side out the chart, and any file or embed of it, still says the other exists.
fn disagreement_notes(all: &[Figure], drawn: &[&Figure]) -> Vec<String> {
    let mut notes = Vec::new();
    for (i, f) in drawn.iter().enumerate() {
        let same = |g: &Figure| one_thing(f, g);
        if drawn[..i].iter().any(|g| same(g)) {
            continue;
        }
        let said: Vec<&Figure> = all
            .iter()
            .filter(|g| g.value.is_some() && same(g))
            .collect();
        if said.len() < 2 || said.iter().all(|g| g.value == f.value && g.high == f.high) {
            continue;
        }
        let each: Vec<String> = said
            .iter()
            .map(|g| format!("{} gives {}", g.source.credit(), format::value(g)))
            .collect();
        let hidden: Vec<&str> = said
            .iter()
            .filter(|g| !drawn.iter().any(|d| d.id == g.id))
            .map(|g| g.source.credit())
            .collect();
        let drawing = match hidden.as_slice() {
            [] if said.len() == 2 => "Both are drawn.".to_string(),
            [] => "Each is drawn.".to_string(),
            [one] => format!("Under these filters, the figure of {one} is not drawn."),
            _ => format!(
                "Under these filters, the figures of {} are not drawn.",
                format::and_list(&hidden)
            ),
        };
        notes.push(format!(
            "The sources disagree on {}, {}: {}. {drawing}",
            f.actor.label(),
            f.measure.label(),
            each.join("; ")
        ));
    }
    notes
}

/// Whether two figures state one thing: one actor's one measure (by different sources, where
/// there are two).
fn one_thing(a: &Figure, b: &Figure) -> bool {
    a.actor == b.actor && a.measure == b.measure
}

/// Where an axis holds figures of different times (or some with none): each bar's period is
/// under it, and this says so, naming the figures the article gives no period for.
fn period_note(figures: &[&Figure]) -> Option<String> {
    let first = &figures.first()?.period;
    if figures.iter().all(|f| &f.period == first) {
        return None;
    }
    let undated: Vec<String> = figures
        .iter()
        .filter(|f| f.period.is_none())
        .map(|f| format!("{}'s {}", f.actor.label(), format::value(f)))
        .collect();
    let none = if undated.is_empty() {
        String::new()
    } else {
        // Parted by commas, not `and_list`'s semicolons: the commas in "400,000" are a
        // number's, never a list's, to a reader.
        // Named where there are a few; counted where a long chart has many.
        let list = match undated.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, init)) if init.len() < 3 => format!("{} and {last}", init.join(", ")),
            _ => format!("{} of these figures", undated.len()),
        };
        format!("; none is given for {list}")
    };
    Some(format!(
        "Not all of one time: each bar's period is under it{none}."
    ))
}

impl ChartSpec {
    /// The chart's marks in the order they are drawn: panel by panel, row by row.
    pub fn marks(&self) -> impl Iterator<Item = &MarkSpec> {
        self.panels.iter().flat_map(|p| p.marks.iter())
    }

    /// Whether the figure `id` is a mark of this chart.
    pub fn draws(&self, id: &str) -> bool {
        self.panels
            .iter()
            .any(|p| p.marks.iter().any(|m| m.id == id))
    }
}

/// The sources of `figures`, each once, in the article's order.
fn sources_of<'d>(figures: impl Iterator<Item = &'d Figure> + Clone) -> Vec<Source> {
    Source::ALL
        .iter()
        .copied()
        .filter(|s| figures.clone().any(|f| f.source == *s))
        .collect()
}

/// The page's credit line: the sources of all the article's figures (not every source its
/// vocabulary lists: one that only events name is no figure's), and the article.
pub fn article_credit(data: &Dataset) -> String {
    format::credit(&sources_of(data.figures.iter()), &data.article.dateline)
}

/// The chart's credit line: who its figures come from, each named once, and the article.
pub fn chart_credit(data: &Dataset, spec: &ChartSpec) -> String {
    format::credit(&spec.sources, &data.article.dateline)
}

/// The filters in words, for the printed page: "every figure", or each narrowed dimension and
/// what it keeps ("Country: Russia and Ukraine. Source: no source at all").
pub fn filters_in_words(filters: &Filters) -> String {
    let parts: Vec<String> = Dimension::ALL
        .iter()
        .filter_map(|d| {
            let values = d.values();
            let kept: Vec<&str> = values
                .iter()
                .filter(|(f, _)| filters.contains(*f))
                .map(|(_, label)| *label)
                .collect();
            if kept.len() == values.len() {
                None
            } else if kept.is_empty() {
                Some(format!("{}: none", d.title()))
            } else {
                Some(format!("{}: {}", d.title(), format::and_list(&kept)))
            }
        })
        .collect();
    if parts.is_empty() {
        "every figure, no filter".into()
    } else {
        parts.join(". ")
    }
}

/// The vague amounts a view tells in words: those of its selection, or none where it shows one
/// chart alone (they belong to the whole view, not to a chart).
pub fn vague_shown<'d>(
    data: &'d Dataset,
    filters: &Filters,
    chart: Option<ChartId>,
) -> Vec<&'d Figure> {
    match chart {
        None => vague_figures(data, filters),
        Some(_) => Vec::new(),
    }
}

/// The vague amounts, which are told in words and never drawn.
pub fn vague_figures<'d>(data: &'d Dataset, filters: &Filters) -> Vec<&'d Figure> {
    select_figures(data, filters)
        .into_iter()
        .filter(|f| f.value.is_none())
        .collect()
}

/// "Showing 2 figures for Russia. Russia: about 500,000 active soldiers (according to the New
/// York Post). Period: at the beginning of the year. Worked out as start of 2024. …", then how
/// the figures on each axis rank (`ranking`). Short sentences, one thing each: a figure with
/// its hedge and source, its period, a worked-out date, an order.
pub fn describe(figures: &[&Figure]) -> String {
    if figures.is_empty() {
        return "No figures match the current filters.".into();
    }
    let actors: Vec<&str> = Actor::ALL
        .iter()
        .filter(|a| figures.iter().any(|f| f.actor == **a))
        .map(|a| a.label())
        .collect();
    let mut sentences = vec![format!(
        "Showing {} for {}.",
        format::plural(figures.len(), "figure", "figures"),
        format::and_list(&actors)
    )];
    for f in figures {
        // The value, its hedge and its source in one sentence: the three travel together.
        sentences.push(format!(
            "{}: {} ({}).",
            f.actor.label(),
            format::statement(f),
            f.source.attribution()
        ));
        if let Some(period) = &f.period {
            sentences.push(format!("Period: {period}."));
        }
        if let Some(w) = &f.worked_out {
            sentences.push(format!("Worked out as {}.", w.date));
        }
    }
    sentences.extend(ranking(figures));
    sentences.join(" ")
}

/// How the figures on each axis rank, as far as the article's numbers allow: the approximate
/// ones from highest to lowest ("about 500,000 (Russia), … and approximately 15,000 (North
/// Korea)"), and the upper bounds apart, as each is at most its number and may be lower than
/// any figure it seems to pass. Figures on different axes are never ranked together, and
/// where there are several the ranking names its axis; an axis with one figure has nothing to
/// rank. Two sources' numbers for one actor's measure are one thing counted twice: not ranked.
pub fn ranking(figures: &[&Figure]) -> Vec<String> {
    let with_value: Vec<&Figure> = figures
        .iter()
        .copied()
        .filter(|f| f.value.is_some())
        .collect();
    let several_axes = with_value
        .iter()
        .any(|f| f.unit.axis() != with_value[0].unit.axis());
    // Those that rank, in the order they come (each axis takes its own in that order).
    let ranked: Vec<&Figure> = with_value
        .iter()
        .copied()
        .filter(|f| !with_value.iter().any(|g| g.id != f.id && one_thing(f, g)))
        .collect();
    // Highest first throughout.
    let mut drawn = ranked.clone();
    sort_stable(&mut drawn, |a, b| b.value.cmp(&a.value));
    let mut axes: Vec<Axis> = Vec::new();
    let mut sentences = Vec::new();
    for f in &ranked {
        let axis = f.unit.axis();
        if axes.contains(&axis) {
            continue;
        }
        axes.push(axis);
        let on: Vec<&Figure> = drawn
            .iter()
            .copied()
            .filter(|f| f.unit.axis() == axis)
            .collect();
        // Each figure in its own words ("about 400,000 soldiers available"), so two of one
        // actor, or two measures on one axis, are told apart.
        let said = |bound: bool| -> Vec<String> {
            let of = |g: &&&Figure| ranks(g.hedge.kind) != bound;
            let each = |g: &&Figure| {
                let words = if bound {
                    format::value(g)
                } else {
                    format::statement(g)
                };
                format!("{words} ({})", g.actor.label())
            };
            on.iter().filter(of).map(each).collect()
        };
        let (approximate, bounds) = (said(false), said(true));
        if on.len() < 2 {
            continue;
        }
        // Where the chart has several axes, the one this ranks on.
        let scale = several_axes.then(|| axis.def().title);
        sentences.extend(in_order(&on, &approximate, scale));
        let Some(why) = why_not_ranked(&on) else {
            continue;
        };
        // Against what: the one figure that ranks, or those just ranked.
        let with = match approximate.as_slice() {
            [] => String::new(),
            [one] => format!(" with {one}"),
            _ => " with those".to_string(),
        };
        sentences.push(format!("Not ranked{with}: {}.", list(&bounds)));
        // Why, in a sentence of its own: the two in one ran to 22 words.
        let (first, rest) = why.split_at(1);
        sentences.push(format!("{}{rest}.", first.to_ascii_uppercase()));
    }
    sentences
}

/// The ranked figures of one axis (`approximate`, each in its words, highest first), one short
/// sentence a rank (a list of four in one sentence ran to 28 words): "Highest: …", "Next: …",
/// "Lowest: …", the first naming the axis's `scale` where a chart has several.
fn in_order(on: &[&Figure], approximate: &[String], scale: Option<&str>) -> Vec<String> {
    let mut sentences = Vec::new();
    if approximate.len() < 2 {
        return sentences;
    }
    // By number only, where the chart's note says these are not one measure.
    let measure = on.iter().find(|f| ranks(f.hedge.kind)).map(|f| f.measure);
    if on
        .iter()
        .any(|f| ranks(f.hedge.kind) && Some(f.measure) != measure)
    {
        sentences.push("Ranked by number only; they are not one measure.".to_string());
    }
    let last = approximate.len() - 1;
    for (i, figure) in approximate.iter().enumerate() {
        let head = match i {
            0 => "Highest",
            i if i == last => "Lowest",
            _ => "Next",
        };
        let (on, scale) = match (i, scale) {
            (0, Some(scale)) => (" on the scale of ", scale),
            _ => ("", ""),
        };
        sentences.push(format!("{head}{on}{scale}: {figure}."));
    }
    sentences
}

/// Whether figures of this kind rank by their number: a bound or a range is not one number,
/// and may pass or fall short of any figure it seems to.
fn ranks(k: HedgeKind) -> bool {
    matches!(k, HedgeKind::Exact | HedgeKind::Approximate)
}

/// Why the figures that do not rank are kept apart, in the words of the kinds among them.
fn why_not_ranked(on: &[&Figure]) -> Option<&'static str> {
    let apart: Vec<HedgeKind> = on
        .iter()
        .map(|f| f.hedge.kind)
        .filter(|k| !ranks(*k))
        .collect();
    let one = apart.len() == 1;
    let first = *apart.first()?;
    if apart.iter().any(|k| *k != first) {
        return Some("bounds and ranges are not single numbers");
    }
    Some(match (first, one) {
        (HedgeKind::UpperBound, true) => "an upper bound is at most its number",
        (HedgeKind::UpperBound, false) => "upper bounds are at most their number",
        (HedgeKind::LowerBound, true) => "a lower bound is at least its number",
        (HedgeKind::LowerBound, false) => "lower bounds are at least their number",
        (_, true) => "a range is not one number",
        (_, false) => "ranges are not one number each",
    })
}

/// "a, b and c": the commas in these items are a number's own ("500,000 (Russia)"), so they
/// need no semicolons between them, as `format::and_list` gives a source's own commas.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where the headline gives a figure's number without the hedge the text puts on it ("Plans to
/// send 100,000 troops" for "is considering sending up to 100,000 soldiers"): a note that quotes
/// the text, for the page that shows the headline beside the figures.
pub fn headline_notes(data: &Dataset) -> Vec<String> {
    let headline = data
        .text
        .lines()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    data.figures
        .iter()
        .filter_map(|f| {
            let number = format::amount(f.value?);
            let hedged = f.hedge.words().iter().all(|w| find_from(&headline, w, 0).is_some());
            // The number itself, not a part of a longer one ("100,000" in "1,100,000").
            let alone = occurrences(&headline, &number).into_iter().any(|(at, _)| {
                let around = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_digit() && c != ',');
                around(headline[..at].chars().next_back())
                    && around(headline[at + number.len()..].chars().next())
            });
            // The figure's sentence a reader meets first in the text (not the headline itself).
            let body = data.text.find('\n').map_or(0, |i| i + 1);
            let first = f
                .quotes
                .iter()
                .filter_map(|q| Some((find_from(&data.text, q, body)?, q)))
                .min_by_key(|(at, _)| *at)?
                .1;
            (alone && !hedged).then(|| {
                format!(
                    "The headline gives {number} with no hedge. The article's text hedges it: “{first}”"
                )
            })
        })
        .collect()
}

/// What comes before a quote that begins by pointing back ("Such a move could increase…"): the
/// article's own words for what it refers to, at most the two sentences before it in its
/// paragraph (the one right before may point back too: "…suggests this plan."), shown as
/// context. The quote's attribution does not change. `None` for a quote that stands alone or
/// opens its paragraph.
pub fn quote_context<'d>(data: &'d Dataset, quote: &str) -> Option<&'d str> {
    const BACK: [&str; 6] = ["Such ", "This ", "These ", "That ", "Those ", "The same "];
    if !BACK.iter().any(|b| quote.starts_with(b)) {
        return None;
    }
    let text = data.text.as_str();
    let at = find_from(text, quote, 0)?;
    let before = text[..at].trim_end();
    let paragraph = before.rfind('\n').map_or(0, |i| i + 1);
    let body = &before[paragraph..];
    // Each sentence end before the last character, from the end: the second one back starts
    // the context (or the paragraph does).
    let ends: Vec<usize> = body[..body.len().saturating_sub(1)]
        .match_indices(['.', '!', '?'])
        .map(|(i, _)| i + 1)
        .collect();
    let start = ends.iter().rev().nth(1).copied().unwrap_or(0);
    let context = body[start..].trim();
    (!context.is_empty()).then_some(context)
}

/// A stretch of the article and the figures whose quotes cover it.
#[derive(Clone, PartialEq, Debug)]
pub struct Segment {
    pub text: String,
    pub figures: Vec<String>,
}

/// Where "Show it in the article" puts the focus for figure `f`, as (paragraph, segment): the
/// first stretch of its first quote, which carries its hedge and source; else of any quote.
pub fn quote_start(paragraphs: &[Vec<Segment>], f: &Figure) -> Option<(usize, usize)> {
    let first = f.quotes.first().map_or("", String::as_str);
    let mut any = None;
    for (i, segments) in paragraphs.iter().enumerate() {
        for (j, s) in segments.iter().enumerate() {
            if s.figures.contains(&f.id) {
                let text = s.text.trim();
                if !text.is_empty() && first.starts_with(text) {
                    return Some((i, j));
                }
                any = any.or(Some((i, j)));
            }
        }
    }
    any
}

/// The article as paragraphs of segments, each figure's quotes marked. Overlapping quotes
/// (two figures in one sentence) give a segment with both ids.
pub fn article_segments(data: &Dataset) -> Vec<Vec<Segment>> {
    let text = data.text.as_str();
    let mut cover: Vec<Vec<&str>> = vec![Vec::new(); text.len()];
    for f in &data.figures {
        for q in &f.quotes {
            for (s, e) in occurrences(text, q) {
                for slot in &mut cover[s..e] {
                    if !slot.contains(&f.id.as_str()) {
                        slot.push(&f.id);
                    }
                }
            }
        }
    }
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        if line.is_empty() {
            offset += 1;
            continue;
        }
        let mut segments: Vec<Segment> = Vec::new();
        let mut start = 0;
        let ids_at =
            |i: usize| -> Vec<String> { cover[offset + i].iter().map(|s| s.to_string()).collect() };
        for (i, _) in line
            .char_indices()
            .skip(1)
            .chain(std::iter::once((line.len(), ' ')))
        {
            if i == line.len() || ids_at(i) != ids_at(start) {
                segments.push(Segment {
                    text: line[start..i].to_string(),
                    figures: ids_at(start),
                });
                start = i;
            }
        }
        paragraphs.push(segments);
        offset += line.len() + 1;
    }
    paragraphs
}

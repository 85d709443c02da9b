//! From a `ViewState` and the dataset to what a view shows: the selected figures, the count each
//! filter control offers, the table's order, which charts appear with which marks, the article
//! split into highlighted quotes, and the written summaries. All pure.

use std::cmp::Ordering;

use crate::dataset::{
    Actor, Axis, Certainty, ChartId, Choice, Dataset, Figure, Measure, MeasureGroup, Order,
    Qualifier, Source,
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

/// Sorts stably by `cmp`. Every sort of the app goes through here, so the wasm holds one copy of
/// the standard library's sort (on indices) instead of one per call site and element type: about
/// 11 KB less code.
pub fn sort_stable<T: Copy>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let sorted = order.into_iter().map(|i| items[i]).collect();
    *items = sorted;
}

#[inline(never)]
fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
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
            Column::Certainty => a.qualifier.certainty().cmp(&b.qualifier.certainty()),
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

/// How a mark is drawn. An upper bound must never look like a count.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MarkStyle {
    /// "about" / "approximately": a solid bar with "~" in its label.
    Approximate,
    /// "up to": hatched, dashed outline, open end, "up to" in its label.
    UpperBound,
}

impl MarkStyle {
    pub fn of(q: Qualifier) -> Option<MarkStyle> {
        match q.certainty() {
            Certainty::Approximate => Some(MarkStyle::Approximate),
            Certainty::UpperBound => Some(MarkStyle::UpperBound),
            Certainty::Vague => None,
        }
    }
    pub fn slug(self) -> &'static str {
        match self {
            MarkStyle::Approximate => "approximate",
            MarkStyle::UpperBound => "upper-bound",
        }
    }
}

/// One drawn mark: a figure.
#[derive(Clone, PartialEq, Debug)]
pub struct MarkSpec {
    /// The figure's id, used for selection and element ids.
    pub id: String,
    pub value: u64,
    pub style: MarkStyle,
    /// What the figure says, hedge and all: "up to 70,000 may have been killed".
    pub label: String,
    /// Whose figure, and whose word: "Russia · the New York Post".
    pub sublabel: String,
    /// When, in the article's words, where it says.
    pub period: Option<String>,
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
        style: MarkStyle::of(f.qualifier)?,
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
/// Where filters leave two charts drawing the same marks, the later is not drawn again: the
/// earlier says so in a note.
pub fn charts_shown(data: &Dataset, filters: &Filters, chart: Option<ChartId>) -> Vec<ChartSpec> {
    let specs = charts(data, filters);
    if let Some(kind) = chart {
        return specs.into_iter().filter(|c| c.id == kind).collect();
    }
    let mut shown: Vec<ChartSpec> = Vec::new();
    for spec in specs {
        let marks = |c: &ChartSpec| -> Vec<String> {
            let mut ids: Vec<String> = c
                .panels
                .iter()
                .flat_map(|p| p.marks.iter().map(|m| m.id.clone()))
                .collect();
            ids.sort();
            ids
        };
        match shown.iter_mut().find(|kept| marks(kept) == marks(&spec)) {
            Some(kept) => kept.notes.push(format!(
                "“{}” draws the same figures under these filters, so it is not drawn again.",
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
    let mark = state.mark.as_deref().and_then(|id| data.figure(id));
    parts.extend(mark.map(|f| format!("{}: {}", f.actor.label(), format::statement(f))));
    if parts.len() == 1 && state.view == View::default() {
        page.title.to_string()
    } else {
        format!("{} — {}", parts.join(" · "), page.name)
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
/// value on one of its axes, one panel per axis.
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
                .filter(|f| def.groups.is_empty() || def.groups.contains(&f.measure.group()))
                .filter(|f| def.axes.contains(&f.unit.axis()) && f.value.is_some())
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
                ..chart(kind, panels, &figures)
            })
        })
        .collect()
}

fn chart(kind: ChartId, panels: Vec<PanelSpec>, figures: &[&Figure]) -> ChartSpec {
    let sources = Source::ALL
        .iter()
        .copied()
        .filter(|s| figures.iter().any(|f| f.source == *s))
        .collect();
    let notes = panels
        .iter()
        .flat_map(|p| {
            let on_axis: Vec<&Figure> = figures
                .iter()
                .copied()
                .filter(|f| f.value.is_some() && f.unit.axis() == p.axis)
                .collect();
            words_notes(&on_axis)
                .into_iter()
                .chain(period_note(&on_axis))
        })
        .collect();
    ChartSpec {
        id: kind,
        title: kind.label(),
        panels,
        sources,
        summary: describe(figures),
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
    /// Whether the figure `id` is a mark of this chart.
    pub fn draws(&self, id: &str) -> bool {
        self.panels
            .iter()
            .any(|p| p.marks.iter().any(|m| m.id == id))
    }
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

/// "Showing 2 figures for Russia. Russia: about 500,000 active soldiers (at the beginning of the
/// year, worked out as start of 2024; according to the New York Post). …"
pub fn describe(figures: &[&Figure]) -> String {
    if figures.is_empty() {
        return "No figures match the current filters.".into();
    }
    let actors: Vec<&str> = Actor::ALL
        .iter()
        .filter(|a| figures.iter().any(|f| f.actor == **a))
        .map(|a| a.label())
        .collect();
    let items: Vec<String> = figures
        .iter()
        .map(|f| {
            format!(
                "{}: {} ({})",
                f.actor.label(),
                format::statement(f),
                format::context(f)
            )
        })
        .collect();
    // One sentence a figure: the brackets hold a period and an attribution parted by ";".
    format!(
        "Showing {} for {}. {}.",
        format::plural(figures.len(), "figure", "figures"),
        format::and_list(&actors),
        items.join(". ")
    )
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
            let number = format::count(f.value?);
            let hedged = f.qualifier.words().iter().all(|w| headline.contains(w));
            // The number itself, not a part of a longer one ("100,000" in "1,100,000").
            let alone = headline.match_indices(&number).any(|(at, _)| {
                let around = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_digit() && c != ',');
                around(headline[..at].chars().next_back())
                    && around(headline[at + number.len()..].chars().next())
            });
            // The figure's sentence a reader meets first in the text (not the headline itself).
            let body = data.text.find('\n').map_or(0, |i| i + 1);
            let first = f
                .quotes
                .iter()
                .filter_map(|q| Some((data.text[body..].find(q.as_str())?, q)))
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
    let at = text.find(quote)?;
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

/// The article as paragraphs of segments, each figure's quotes marked. Overlapping quotes
/// (two figures in one sentence) give a segment with both ids.
pub fn article_segments(data: &Dataset) -> Vec<Vec<Segment>> {
    let text = data.text.as_str();
    let mut cover: Vec<Vec<&str>> = vec![Vec::new(); text.len()];
    for f in &data.figures {
        for q in &f.quotes {
            for (s, e) in crate::dataset::occurrences(text, q) {
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

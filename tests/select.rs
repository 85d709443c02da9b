//! Selection, facet counts, sorting, the charts a selection fills, the
//! article segments and the layout geometry: the honest-figures rules, checked on real data.

use frontline_figures::chart::layout::{
    Anchor, LABEL_CHARS, LINE_H, ROW_H, band_on_screen, layout_panel, layout_panel_in,
};
use frontline_figures::chart::scale::nice_ticks;
use frontline_figures::chart::scene::{Len, Shape, scene};
use frontline_figures::dataset::{
    Actor, Amount, Certainty, ChartId, Choice, Dataset, Figure, HedgeKind, MeasureGroup,
};
use frontline_figures::filters::{Dimension, Filter, Filters, Selection};
use frontline_figures::format;
use frontline_figures::select::{
    MarkStyle, article_segments, charts, describe, embed_title, facet_count, filters_short,
    quote_start, select_figures, sort_stable, sorted, vague_figures,
};
use frontline_figures::view_state::{Column, Sort};

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

#[path = "support/expected.rs"]
mod expected;

#[path = "support/synthetic.rs"]
mod synthetic;

fn data() -> &'static Dataset {
    Dataset::bundled()
}

fn ids<'a>(figs: impl IntoIterator<Item = &'a frontline_figures::dataset::Figure>) -> Vec<&'a str> {
    figs.into_iter().map(|f| f.id.as_str()).collect()
}

/// Every filter value of every dimension, in the URL's order.
fn every_value() -> Vec<Filter> {
    Dimension::ALL
        .iter()
        .flat_map(|d| d.values().into_iter().map(|(v, _)| v))
        .collect()
}

/// `filters` with the dimension of `value` narrowed to that value alone.
fn only(filters: &Filters, value: Filter) -> Filters {
    let mut f = filters.clone();
    match value {
        Filter::Actor(a) => f.actors = Selection::none().with(a, true),
        Filter::Measure(m) => f.measures = Selection::none().with(m, true),
        Filter::Source(s) => f.sources = Selection::none().with(s, true),
        Filter::Certainty(c) => f.certainty = Selection::none().with(c, true),
    }
    f
}

/// Whether figure `f` has the filter value `v`, read straight off the figure.
fn has(f: &Figure, v: Filter) -> bool {
    match v {
        Filter::Actor(a) => f.actor == a,
        Filter::Measure(m) => f.measure.group() == m,
        Filter::Source(s) => f.source == s,
        Filter::Certainty(c) => f.hedge.kind == c.kind(),
    }
}

#[test]
fn filters_combine_across_dimensions() {
    // Any two values of two dimensions: the figures that have both, in the data's order.
    let values = every_value();
    let mut narrowed_twice = 0;
    for &a in &values {
        for &b in &values {
            if std::mem::discriminant(&a) == std::mem::discriminant(&b) {
                continue;
            }
            let f = only(&only(&Filters::default(), a), b);
            let expected = ids(data().figures.iter().filter(|f| has(f, a) && has(f, b)));
            narrowed_twice += usize::from(!expected.is_empty());
            assert_eq!(ids(select_figures(data(), &f)), expected, "{a:?} and {b:?}");
        }
    }
    assert!(narrowed_twice > 0, "some pair of values holds a figure");
    let none = Filters {
        sources: Selection::none(),
        ..Filters::default()
    };
    assert!(select_figures(data(), &none).is_empty());
    pinned!();
    let f = only(
        &only(&Filters::default(), Filter::Actor(actor("russia"))),
        Filter::Certainty(Certainty::of(HedgeKind::UpperBound).expect("pinned: it has up to")),
    );
    assert_eq!(
        ids(select_figures(data(), &f)),
        ["ru-killed", "ru-force-increase"]
    );
}

/// A value's count says what turning that value on alone would show, whatever its own
/// dimension's state: checked for every value under every filter that keeps one value.
#[test]
fn facet_counts_ignore_their_own_dimension() {
    let values = every_value();
    let bases: Vec<Filters> = std::iter::once(Filters::default())
        .chain(values.iter().map(|&v| only(&Filters::default(), v)))
        .collect();
    for base in &bases {
        for &v in &values {
            assert_eq!(
                facet_count(data(), base, v),
                select_figures(data(), &only(base, v)).len(),
                "{v:?} under {base:?}"
            );
        }
    }
    // With nothing narrowed, the counts of each dimension add up to every figure.
    for d in Dimension::ALL {
        let sum: usize = d
            .values()
            .iter()
            .map(|(v, _)| facet_count(data(), &Filters::default(), *v))
            .sum();
        assert_eq!(sum, data().figures.len(), "{}", d.title());
    }
    pinned!();
    let only_ukraine = only(&Filters::default(), Filter::Actor(actor("ukraine")));
    assert_eq!(
        facet_count(data(), &only_ukraine, Filter::Actor(actor("russia"))),
        5
    );
}

#[test]
fn sorting_by_value_groups_units_and_puts_vague_amounts_last_both_ways() {
    let all = select_figures(data(), &Filters::default());
    for descending in [false, true] {
        let order = sorted(
            all.clone(),
            Some(Sort {
                column: Column::Value,
                descending,
            }),
        );
        let mut same = ids(order.clone());
        same.sort();
        let mut every = ids(all.clone());
        every.sort();
        assert_eq!(same, every, "each figure once");
        // Axis by axis in the vocabulary's order; within one, by value in the sort's
        // direction, the vague amounts (no value) after the rest.
        for pair in order.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let in_order = match (a.unit.axis().cmp(&b.unit.axis()), a.value, b.value) {
                (std::cmp::Ordering::Less, _, _) => true,
                (std::cmp::Ordering::Greater, _, _) => false,
                (_, Some(x), Some(y)) => (x <= y) != descending || x == y,
                (_, Some(_), None) | (_, None, None) => true,
                (_, None, Some(_)) => false,
            };
            assert!(
                in_order,
                "{} before {}, descending {descending}",
                a.id, b.id
            );
        }
    }
    assert_eq!(ids(sorted(all.clone(), None)), ids(all.clone()));
    pinned!();
    // Soldiers, then percentages, then missiles and drones: never "up to 20%" below 90 drones.
    let up = sorted(
        all,
        Some(Sort {
            column: Column::Value,
            descending: false,
        }),
    );
    assert_eq!(
        ids(up),
        [
            "nk-front",
            "ru-killed",
            "ua-losses",
            "nk-planned",
            "ua-soldiers",
            "ru-active",
            "ru-force-increase",
            "ru-drones",
            "ru-missiles",
            "nk-ammunition"
        ]
    );
}

/// "start of 2024" before "this past weekend" before "so far"; the figures the article gives no
/// period for come last either way (they once sorted by the period's words: "at the beginning"
/// before "currently" before "since", whatever the dates).
#[test]
fn sorting_by_period_goes_by_time_with_undated_periods_last_both_ways() {
    let all = select_figures(data(), &Filters::default());
    let by = |descending| {
        sorted(
            all.clone(),
            Some(Sort {
                column: Column::Period,
                descending,
            }),
        )
    };
    let day = |f: &&Figure| f.worked_out.as_ref().map(|w| w.as_of);
    for descending in [false, true] {
        let order = by(descending);
        let dated: Vec<_> = order.iter().map_while(day).collect();
        let undated = &order[dated.len()..];
        assert!(
            dated.len() >= 3 && !undated.is_empty(),
            "{:?}",
            ids(order.clone())
        );
        assert!(
            undated.iter().all(|f| day(f).is_none()),
            "undated last: {:?}",
            ids(order.clone())
        );
        let mut expected = dated.clone();
        expected.sort();
        if descending {
            expected.reverse();
        }
        assert_eq!(dated, expected, "by time, descending {descending}");
    }
    // This article's known facts: the beginning of the year first, the weekend next.
    pinned!();
    assert_eq!(
        ids(by(false))[..3],
        ["ru-active", "ru-missiles", "ru-drones"]
    );
}

#[test]
fn sort_stable_orders_by_the_comparison_and_keeps_ties_in_place() {
    // (key, original position): ties must come out in their original order.
    let mut items: Vec<(u8, usize)> = [3, 1, 2, 1, 3, 0, 2, 1]
        .into_iter()
        .enumerate()
        .map(|(i, k)| (k, i))
        .collect();
    sort_stable(&mut items, |a, b| a.0.cmp(&b.0));
    assert_eq!(
        items,
        [
            (0, 5),
            (1, 1),
            (1, 3),
            (1, 7),
            (2, 2),
            (2, 6),
            (3, 0),
            (3, 4)
        ]
    );
    let mut empty: Vec<u8> = Vec::new();
    sort_stable(&mut empty, |a, b| a.cmp(b));
    assert!(empty.is_empty());
    // Sorting by actor keeps the data's order within a country (the strength chart relies on it).
    let mut figures = select_figures(data(), &Filters::default());
    let before = figures.clone();
    sort_stable(&mut figures, |a, b| a.actor.cmp(&b.actor));
    for pair in figures.windows(2) {
        assert!(pair[0].actor <= pair[1].actor);
        if pair[0].actor == pair[1].actor {
            let pos = |id: &str| before.iter().position(|f| f.id == id);
            assert!(pos(&pair[0].id) < pos(&pair[1].id));
        }
    }
}

#[test]
fn the_default_charts_hold_every_numeric_figure_on_its_own_axis() {
    let specs = charts(data(), &Filters::default());
    for spec in &specs {
        for panel in &spec.panels {
            for mark in &panel.marks {
                let f = data().figure(&mark.id).expect("a mark is a figure");
                assert_eq!(
                    f.unit.axis(),
                    panel.axis,
                    "{} drawn on the {:?} axis",
                    mark.id,
                    panel.axis
                );
            }
        }
    }
    pinned!();
    let names: Vec<&str> = specs.iter().map(|c| c.id.slug()).collect();
    assert_eq!(names, ["strength", "north-korea", "strike"]);
    let strength = &specs[0];
    assert_eq!(strength.panels.len(), 1);
    let drawn: Vec<&str> = strength.panels[0]
        .marks
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        drawn,
        [
            "ru-active",
            "ru-killed",
            "ua-soldiers",
            "ua-losses",
            "nk-front",
            "nk-planned"
        ]
    );
    // Soldiers and percentages in the North Korea chart are two panels, two axes.
    let nk = &specs[1];
    assert_eq!(
        nk.panels.iter().map(|p| p.axis).collect::<Vec<_>>(),
        [axis("soldiers"), axis("percent")]
    );
}

#[test]
fn upper_bounds_and_approximations_are_drawn_differently_and_nothing_is_derived() {
    let specs = charts(data(), &Filters::default());
    let marks = || specs.iter().flat_map(|c| &c.panels).flat_map(|p| &p.marks);
    // Whatever the article: each mark's look follows its hedge, its label is its sentence.
    for m in marks() {
        let f = data().figure(&m.id).unwrap();
        assert_eq!(Some(m.style), MarkStyle::of(f.hedge.kind), "{}", m.id);
        assert_eq!(m.label, format::statement(f), "{}", m.id);
    }
    // Both looks are in use wherever the article has both kinds of hedge.
    let styles: Vec<MarkStyle> = marks().map(|m| m.style).collect();
    for f in data().figures.iter().filter(|f| f.value.is_some()) {
        let style = MarkStyle::of(f.hedge.kind).expect("a number has a look");
        assert!(
            styles.contains(&style),
            "{}: {style:?} is never drawn",
            f.id
        );
    }
    let mut drawn: Vec<&str> = marks().map(|m| m.id.as_str()).collect();
    drawn.sort();
    drawn.dedup();
    let mut numbers = ids(data().figures.iter().filter(|f| f.value.is_some()));
    numbers.sort();
    assert_eq!(
        drawn, numbers,
        "each figure with a number is drawn, and nothing else"
    );
    // A vague amount is never a bar: it is told in words.
    assert_eq!(
        ids(vague_figures(data(), &Filters::default())),
        ids(data().figures.iter().filter(|f| f.value.is_none()))
    );
    pinned!();
    // The article's own "up to 20%" is drawn as itself, an upper bound; nothing is derived.
    let share = marks().find(|m| m.id == "ru-force-increase").unwrap();
    assert_eq!(
        (share.style, share.label.clone()),
        (
            MarkStyle::UpperBound,
            expected::statement("ru-force-increase")
        )
    );
    assert_eq!(
        ids(vague_figures(data(), &Filters::default())),
        ["nk-ammunition"]
    );
}

/// A chart is drawn when the selection holds a figure it can draw, and only then: checked for
/// each measure group alone, and with nothing selected.
#[test]
fn charts_without_selected_figures_are_left_out() {
    let nothing = Filters {
        actors: Selection::none(),
        ..Filters::default()
    };
    assert!(charts(data(), &nothing).is_empty());
    for &g in MeasureGroup::ALL {
        let filters = only(&Filters::default(), Filter::Measure(g));
        let selected = select_figures(data(), &filters);
        let expected: Vec<&str> = ChartId::ALL
            .iter()
            .filter(|c| {
                let def = c.def();
                selected.iter().any(|f| {
                    f.value.is_some()
                        && def.axes.contains(&f.unit.axis())
                        && (def.groups.is_empty() || def.groups.contains(&g))
                })
            })
            .map(|c| c.slug())
            .collect();
        let specs = charts(data(), &filters);
        assert_eq!(
            specs.iter().map(|c| c.id.slug()).collect::<Vec<_>>(),
            expected,
            "{g:?}"
        );
        for spec in &specs {
            let n = spec.panels.iter().map(|p| p.marks.len()).sum::<usize>();
            let shown = format!("Showing {} ", format::plural(n, "figure", "figures"));
            assert!(spec.summary.starts_with(&shown), "{}", spec.summary);
        }
    }
    pinned!();
    let strikes_only = only(&Filters::default(), Filter::Measure(group("strikes")));
    let specs = charts(data(), &strikes_only);
    assert_eq!(
        specs.iter().map(|c| c.id.slug()).collect::<Vec<_>>(),
        ["strike"]
    );
    assert!(
        specs[0]
            .summary
            .starts_with("Showing 2 figures for Russia."),
        "{}",
        specs[0].summary
    );
}

/// The summary counts the selection, names its actors, and says each figure with its hedge,
/// period and source in one sentence, and a worked-out date in one of its own: checked for each
/// actor alone and for every figure together.
#[test]
fn summaries_are_written_from_the_selection() {
    let selections: Vec<Filters> = std::iter::once(Filters::default())
        .chain(
            Actor::ALL
                .iter()
                .map(|&a| only(&Filters::default(), Filter::Actor(a))),
        )
        .collect();
    for filters in &selections {
        let figures = select_figures(data(), filters);
        let text = describe(&figures);
        if figures.is_empty() {
            assert_eq!(text, "No figures match the current filters.");
            continue;
        }
        let actors: Vec<&str> = Actor::ALL
            .iter()
            .filter(|a| figures.iter().any(|f| f.actor == **a))
            .map(|a| a.label())
            .collect();
        let head = format!(
            "Showing {} for {}.",
            format::plural(figures.len(), "figure", "figures"),
            format::and_list(&actors)
        );
        assert!(text.starts_with(&head), "{head}\n{text}");
        for f in &figures {
            let mut said = format!(
                "{}: {} ({}).",
                f.actor.label(),
                format::statement(f),
                f.source.attribution()
            );
            if let Some(period) = &f.period {
                said = format!("{said} Period: {period}.");
            }
            if let Some(w) = &f.worked_out {
                said = format!("{said} Worked out as {}.", w.date);
            }
            assert!(text.contains(&said), "{said}\n{text}");
        }
    }
    assert_eq!(describe(&[]), "No figures match the current filters.");
    pinned!();
    let f = Filters {
        actors: Selection::none()
            .with(actor("russia"), true)
            .with(actor("ukraine"), true),
        ..Filters::default()
    };
    let text = describe(&select_figures(data(), &f));
    assert!(
        text.starts_with("Showing 7 figures for Russia and Ukraine."),
        "{text}"
    );
    let (statement, source) = expected::statements().remove("ru-active").unwrap();
    assert!(
        text.contains(&format!(
            "Russia: {statement} ({source}). Period: at the beginning of the year. Worked out as start of 2024."
        )),
        "{text}"
    );
}

#[test]
fn numbers_are_formatted_for_people() {
    assert_eq!(format::count(100_000), "100,000");
    assert_eq!(format::count(999), "999");
    assert_eq!(format::count(1_234_567), "1,234,567");
    assert_eq!(format::compact(150_000), "150k");
    assert_eq!(format::compact(1_500_000), "1.5M");
    assert_eq!(format::compact(2_000_000), "2M");
    assert_eq!(format::compact(50), "50");
    // Each figure's value keeps its hedge's words and its number as people write it.
    for f in &data().figures {
        let v = format::value(f);
        match f.value {
            Some(n) => {
                let written = |n: Amount| {
                    let (whole, decimals) = n.parts();
                    let whole = format::count(whole);
                    let n = match decimals.is_empty() {
                        true => whole,
                        false => format!("{whole}.{decimals}"),
                    };
                    match f.unit.axis().percent() {
                        true => format!("{n}%"),
                        false => n,
                    }
                };
                let number = written(f.high.unwrap_or(n));
                assert!(v.ends_with(&number), "{}: {v}", f.id);
                assert!(v.contains(&written(n)), "{}: {v}", f.id);
                if let (Some(prefix), None) = (f.hedge.prefix(), f.high) {
                    assert_eq!(v, format!("{prefix} {number}"), "{}", f.id);
                }
            }
            None => assert_eq!(Some(v), f.value_text.clone(), "{}", f.id),
        }
    }
    pinned!();
    assert_eq!(
        format::value(data().figure("ua-losses").unwrap()),
        "approximately 80,000"
    );
    assert_eq!(
        format::value(data().figure("ru-force-increase").unwrap()),
        "up to 20%"
    );
    assert_eq!(
        format::value(data().figure("nk-ammunition").unwrap()),
        "hundreds of thousands"
    );
}

/// A value's place on its scale, to the nearest hundredth of a percent, as integer arithmetic
/// gives it (ties up), for every count the article could hold and beyond; and never past the
/// chart's width.
#[test]
fn a_values_place_is_its_share_of_the_scale_to_the_nearest_hundredth_of_a_percent() {
    use frontline_figures::chart::scale::position;
    let exact = |v: u64, d: u64| {
        ((u128::from(v) * 10_000 + u128::from(d) / 2) / u128::from(d)).min(10_000) as u32
    };
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..200_000 {
        let d = next() % 900_000_000_000 + 1;
        let v = next() % (d + 1);
        assert_eq!(position(v, d), exact(v, d), "{v} of {d}");
    }
    // Ties (a half-hundredth exactly) go up, small scales and past the end too.
    for (v, d) in [
        (1, 20_000),
        (3, 20_000),
        (1, 2),
        (7, 7),
        (0, 5),
        (9, 5),
        (5, 0),
    ] {
        let expected = if d == 0 { 0 } else { exact(v, d) };
        assert_eq!(position(v, d), expected, "{v} of {d}");
    }
}

#[test]
fn nice_ticks_are_round_and_cover_the_maximum() {
    assert_eq!(
        nice_ticks(500_000, 5),
        [0, 100_000, 200_000, 300_000, 400_000, 500_000]
    );
    assert_eq!(nice_ticks(120, 5), [0, 50, 100, 150]);
    assert_eq!(nice_ticks(0, 5), [0, 1]);
    for max in [1, 7, 13, 99, 101, 15_000, 987_654, u64::MAX / 100] {
        let t = nice_ticks(max, 5);
        assert!(*t.last().unwrap() >= max && t.len() <= 7, "{max}: {t:?}");
        let power = 10u64.pow(t[1].ilog10());
        assert!(
            [1, 2, 5].contains(&(t[1] / power)) && t[1].is_multiple_of(power),
            "{max}: step {} is not nice",
            t[1]
        );
    }
}

/// Every panel of the default charts: one row a mark, rows apart, each bar as long as its value
/// on the panel's scale, ticks ending inside the chart, percentages running to 100%.
#[test]
fn layout_keeps_rows_apart_and_ends_ticks_inside_the_chart() {
    let specs = charts(data(), &Filters::default());
    for panel in specs.iter().flat_map(|c| &c.panels) {
        let layout = layout_panel(panel).unwrap();
        assert_eq!(layout.bars.len(), panel.marks.len());
        for pair in layout.bars.windows(2) {
            assert!(pair[1].y - pair[0].y >= 60, "rows overlap");
        }
        let top: u64 = if panel.axis.percent() {
            100
        } else {
            let reach = |m: &frontline_figures::select::MarkSpec| {
                let end = m.high.unwrap_or(m.value).0;
                match m.style {
                    MarkStyle::LowerBound => (end + end / 8).div_ceil(Amount::ONE),
                    _ => end.div_ceil(Amount::ONE),
                }
            };
            *nice_ticks(panel.marks.iter().map(reach).max().unwrap(), 5)
                .last()
                .unwrap()
        };
        for (bar, mark) in layout.bars.iter().zip(&panel.marks) {
            // In hundredths of a percent of the chart's width, to the nearest.
            let end = mark.high.unwrap_or(mark.value).0;
            let exact = end as f64 * 10_000.0 / (top * Amount::ONE) as f64;
            assert!(
                (f64::from(bar.width) - exact).abs() <= 0.5,
                "{}: {} for {exact}",
                mark.id,
                bar.width
            );
        }
        assert_eq!(layout.ticks.first().unwrap().anchor, Anchor::Start);
        assert_eq!(layout.ticks.last().unwrap().anchor, Anchor::End);
        if panel.axis.percent() {
            assert_eq!(
                layout.ticks.last().unwrap().label,
                "100%",
                "percentages always run to 100%"
            );
        }
    }
    pinned!();
    // 500,000 fills the strength chart, 70,000 is 14% of it.
    let layout = layout_panel(&specs[0].panels[0]).unwrap();
    let widths: Vec<u32> = layout.bars.iter().map(|b| b.width).collect();
    assert_eq!(widths, [10_000, 1_400, 8_000, 1_600, 300, 2_000]);
    let labels: Vec<&str> = layout.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["0", "100k", "200k", "300k", "400k", "500k"]);
}

/// A label too long for a phone's chart (320 px: `LABEL_CHARS`) goes on as many lines as it
/// needs, its row grows by a line each, and the rows below move down: no label is cut off at
/// the chart's edge, and none overlaps the next row. A chart file (720 px) keeps it on one line.
#[test]
fn a_long_label_wraps_and_its_row_grows() {
    let specs = charts(data(), &Filters::default());
    let mut panel = specs
        .iter()
        .flat_map(|c| &c.panels)
        .find(|p| p.marks.len() >= 2)
        .unwrap()
        .clone();
    // Labels, sublabels and periods that fit: the article's may not.
    for m in &mut panel.marks {
        m.label = "about 1,000 soldiers".into();
        m.sublabel = "Somewhere · a source".into();
        m.period = Some("so far".into());
    }
    let plain = layout_panel(&panel).unwrap();
    assert!(
        plain
            .bars
            .iter()
            .all(|b| b.label_lines == [b.label.clone()])
    );
    let long = "up to 15% of the county's roads may close this week";
    panel.marks[0].label = long.into();
    let wrapped = layout_panel(&panel).unwrap();
    let first = &wrapped.bars[0];
    assert_eq!(
        first.label_lines.concat(),
        long,
        "the lines read as the label"
    );
    assert_eq!(first.label_lines.len(), 2);
    assert!(
        first
            .label_lines
            .iter()
            .all(|l| l.trim_end().chars().count() <= LABEL_CHARS)
    );
    assert_eq!(first.height, ROW_H + LINE_H);
    assert_eq!(
        wrapped.bars[1].y,
        plain.bars[1].y + LINE_H,
        "the next row moves down"
    );
    assert_eq!(wrapped.axis_y, plain.axis_y + LINE_H);
    // Drawn: each line its own text, the sublabel and period a line lower.
    let text_ys = |layout| -> Vec<i32> {
        scene(layout).marks[0]
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, .. } => Some(*y),
                _ => None,
            })
            .collect()
    };
    let (texts, before) = (text_ys(&wrapped), text_ys(&plain));
    assert_eq!(texts[0], before[0]);
    assert_eq!(
        texts[1],
        before[0] + LINE_H,
        "the second line under the first"
    );
    assert_eq!(
        texts[2..].to_vec(),
        before[1..].iter().map(|y| y + LINE_H).collect::<Vec<_>>()
    );
    // A chart file has room: one line.
    let file = layout_panel_in(&panel, frontline_figures::export::FILE_LABEL_CHARS, None).unwrap();
    assert_eq!(file.bars[0].label_lines, [long]);
}

#[test]
fn the_scene_draws_upper_bounds_open_ended_and_approximations_solid() {
    let specs = charts(data(), &Filters::default());
    let scene = scene(&layout_panel(&specs[0].panels[0]).unwrap());
    let mark = |id: &str| scene.marks.iter().find(|m| m.id == id).unwrap();
    let edges = |id: &str| {
        let is_edge = |s: &&Shape| {
            matches!(
                s,
                Shape::Line {
                    class: "bound-edge",
                    ..
                }
            )
        };
        mark(id).shapes.iter().filter(is_edge).count()
    };
    let hatched = |id: &str| {
        mark(id)
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Rect { hatched: true, .. }))
    };
    for m in &specs[0].panels[0].marks {
        let drawn = (edges(&m.id), hatched(&m.id));
        let expected = match m.style {
            // Dashed on three sides, open at the far end.
            MarkStyle::UpperBound => (3, true),
            // Dashed edges running on past the value.
            MarkStyle::LowerBound => (2, false),
            _ => (0, false),
        };
        assert_eq!(drawn, expected, "{}", m.id);
    }
    assert_eq!(Len::Pct(1_400).to_string(), "14%");
    assert_eq!(Len::Pct(305).to_string(), "3.05%");
    assert_eq!(Len::Px(-2).to_string(), "-2");
}

/// "Show it in the article" puts the focus on one stretch of the text a figure: the start of
/// its first quote, the one that carries its hedge and source (not the headline, which may
/// quote the figure too, nor another figure's sentence).
#[test]
fn a_figure_is_shown_in_the_article_at_its_first_quote() {
    let paragraphs = article_segments(data());
    for f in &data().figures {
        let (i, j) = quote_start(&paragraphs, f).unwrap_or_else(|| panic!("{}", f.id));
        let s = &paragraphs[i][j];
        assert!(s.figures.contains(&f.id), "{}: {}", f.id, s.text);
        let first = &f.quotes[0];
        assert!(
            !s.text.trim().is_empty() && first.contains(s.text.trim()),
            "{}: \"{}\" is not in its first quote \"{first}\"",
            f.id,
            s.text
        );
        // Its first quote starts there.
        assert!(first.starts_with(s.text.trim()), "{}: {}", f.id, s.text);
    }
}

#[test]
fn the_article_is_split_into_quotes_without_losing_a_character() {
    let paragraphs = article_segments(data());
    let rebuilt: Vec<String> = paragraphs
        .iter()
        .map(|p| p.iter().map(|s| s.text.as_str()).collect())
        .collect();
    let original: Vec<&str> = data().text.split('\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(rebuilt, original);
    let quoted: std::collections::BTreeSet<&str> = paragraphs
        .iter()
        .flatten()
        .flat_map(|s| s.figures.iter().map(String::as_str))
        .collect();
    assert_eq!(
        quoted.len(),
        data().figures.len(),
        "every figure is highlighted"
    );
    pinned!();
    let strike = paragraphs
        .iter()
        .flatten()
        .find(|s| s.text.contains("120 missiles"))
        .unwrap();
    assert_eq!(
        strike.figures,
        ["ru-missiles", "ru-drones"],
        "one sentence, two figures"
    );
}

#[test]
fn a_long_panel_keeps_the_rows_near_the_screen_in_their_places() {
    // A panel 600 px tall on screen, its top 1,000 px above the viewport: it shows 1,000..1,600.
    let (from, to) = band_on_screen(-1_000.0, 600.0);
    assert!(
        from <= 1_000 - 600 && to >= 1_600 + 600,
        "a screen either side: {from}..{to}"
    );
    assert_eq!(
        band_on_screen(-1_100.0, 600.0),
        (from, to),
        "a small scroll keeps the band"
    );
    assert!(
        band_on_screen(-1_900.0, 600.0).0 > from,
        "a screen further moves it"
    );
    // A panel below the screen draws no more than its first screen.
    assert!(band_on_screen(700.0, 600.0).1 <= 600);

    // The longest panel of a synthetic copy of the article, three times over (the test needs
    // three rows to keep the middle two; an article may have fewer in a panel).
    let tripled = synthetic::synthetic(3 * data().figures.len());
    let specs = charts(&tripled, &Filters::default());
    let longest = specs
        .iter()
        .flat_map(|c| &c.panels)
        .max_by_key(|p| p.marks.len())
        .unwrap();
    assert!(longest.marks.len() >= 3, "a panel of three rows or more");
    let whole = layout_panel(longest).unwrap();
    let (second, third) = (&whole.bars[1], &whole.bars[2]);
    let layout = layout_panel_in(longest, LABEL_CHARS, Some((second.y + 1, third.y + 1))).unwrap();
    let kept: Vec<_> = layout.bars.iter().map(|b| (b.id.as_str(), b.y)).collect();
    assert_eq!(
        kept,
        [(second.id.as_str(), second.y), (third.id.as_str(), third.y)],
        "every row reaching into the band, at its own place"
    );
    assert_eq!(
        layout.bars,
        whole.bars[1..3],
        "those rows as the whole layout has them"
    );
    assert_eq!(
        (layout.height, layout.axis_y, &layout.ticks),
        (whole.height, whole.axis_y, &whole.ticks),
        "the panel keeps its size and axis"
    );
}

#[test]
fn the_filters_are_said_in_words_for_the_printed_page() {
    use frontline_figures::select::filters_in_words;
    assert_eq!(
        filters_in_words(&Filters::default()),
        "every figure, no filter"
    );
    // The first dimension narrowed to its first two values, the second to none at all.
    let (first, second) = (Dimension::ALL[0].values(), Dimension::ALL[1].values());
    let titles = (Dimension::ALL[0].title(), Dimension::ALL[1].title());
    let mut f = only(&Filters::default(), first[0].0).toggled(first[1].0);
    for (v, _) in &second {
        f = f.toggled(*v);
    }
    assert_eq!(
        filters_in_words(&f),
        format!(
            "{}: {} and {}. {}: none",
            titles.0, first[0].1, first[1].1, titles.1
        )
    );
    pinned!();
    let f = Filters {
        actors: Selection::none()
            .with(actor("russia"), true)
            .with(actor("ukraine"), true),
        sources: Selection::none(),
        ..Filters::default()
    };
    assert_eq!(
        filters_in_words(&f),
        "Country: Russia and Ukraine. Source: none"
    );
}

/// The Timeline follows the Country and Source filters: an event is kept when one of the
/// actors it names is shown (one that names none is kept), and its source is shown.
#[test]
fn events_follow_the_country_and_source_filters() {
    let data = data();
    for &actor in Actor::ALL {
        let filters = Filters {
            actors: Selection::none().with(actor, true),
            ..Filters::default()
        };
        for e in &data.events {
            let expected = e.actors.is_empty() || e.actors.contains(&actor);
            assert_eq!(filters.keep_event(e), expected, "{} under {actor:?}", e.id);
        }
    }
    let no_sources = Filters {
        sources: Selection::none(),
        ..Filters::default()
    };
    assert!(data.events.iter().all(|e| !no_sources.keep_event(e)));
    assert!(data.events.iter().all(|e| Filters::default().keep_event(e)));
    // This article's known facts: North Korea alone keeps its three events and the dateline.
    pinned!();
    let nk = Filters {
        actors: Selection::none().with(actor("north-korea"), true),
        ..Filters::default()
    };
    let kept: Vec<&str> = data
        .events
        .iter()
        .filter(|e| nk.keep_event(e))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        kept,
        [
            "putin-kim-meetings",
            "nk-training",
            "nk-deployed",
            "published"
        ]
    );
}

#[test]
fn a_long_charts_buttons_are_its_drawn_rows_the_focus_and_its_neighbours_and_the_selection() {
    use frontline_figures::chart::layout::{BUTTONS_AROUND_FOCUS, marks_with_buttons};
    let ids: Vec<String> = (0..50).map(|i| format!("m{i}")).collect();
    let marks: Vec<&str> = ids.iter().map(String::as_str).collect();
    // Every row drawn (a short chart, or before a long one has measured): every button.
    assert_eq!(
        marks_with_buttons(&marks, None, Some("m3"), &[]),
        (0..50).collect::<Vec<_>>()
    );
    let drawn = ["m10", "m11", "m12"];
    // Nothing focused or selected: the drawn rows' buttons, in the chart's order.
    assert_eq!(
        marks_with_buttons(&marks, Some(&drawn), None, &[]),
        [10, 11, 12]
    );
    // Focus far from the drawn rows: the focused mark and its neighbours, so the arrows always
    // find a next button.
    let around: Vec<usize> = (40 - BUTTONS_AROUND_FOCUS..=40 + BUTTONS_AROUND_FOCUS).collect();
    let with_focus = marks_with_buttons(&marks, Some(&drawn), Some("m40"), &[]);
    assert_eq!(with_focus, [&[10, 11, 12][..], &around].concat());
    // At the chart's ends the neighbours stop at its first and last marks.
    assert_eq!(
        marks_with_buttons(&marks, Some(&[]), Some("m49"), &[]),
        (49 - BUTTONS_AROUND_FOCUS..50).collect::<Vec<_>>()
    );
    assert_eq!(
        marks_with_buttons(&marks, Some(&[]), Some("m0"), &[]),
        (0..=BUTTONS_AROUND_FOCUS).collect::<Vec<_>>()
    );
    // The selected mark and the chart's tab stop keep their buttons wherever they are; an
    // unknown focus adds nothing.
    assert_eq!(
        marks_with_buttons(&marks, Some(&drawn), Some("gone"), &["m30", "m0"]),
        [0, 10, 11, 12, 30]
    );
}

/// A chart whose bars are of different times says so once, naming every bar the article gives
/// no period for, on whichever axis it is drawn; one whose bars share one time says nothing of
/// it. Over any article.
#[test]
fn a_chart_says_when_its_figures_are_not_of_one_time() {
    for spec in charts(data(), &Filters::default()) {
        let notes: Vec<&String> = spec
            .notes
            .iter()
            .filter(|n| n.starts_with("Not all of one time"))
            .collect();
        let figures: Vec<&Figure> = spec.marks().filter_map(|m| data().figure(&m.id)).collect();
        let periods: std::collections::BTreeSet<Option<&str>> =
            figures.iter().map(|f| f.period.as_deref()).collect();
        if periods.len() < 2 {
            assert!(notes.is_empty(), "{:?}: {notes:?}", spec.id);
            continue;
        }
        assert_eq!(notes.len(), 1, "{:?}: {:?}", spec.id, spec.notes);
        let undated: Vec<&&Figure> = figures.iter().filter(|f| f.period.is_none()).collect();
        // A long chart counts them (a_long_charts_period_note_counts_rather_than_names).
        if undated.len() > 3 {
            continue;
        }
        for f in undated {
            let named = format!("{}'s {}", f.actor.label(), format::value(f));
            assert!(notes[0].contains(&named), "{named} in {:?}", notes[0]);
        }
    }
}

/// Where one axis holds a group's measures in different words for different actors, the chart
/// says the article does not call them the same thing: Russia's "killed" beside Ukraine's
/// "losses", Russia's active soldiers beside the soldiers Ukraine can count on.
#[test]
fn a_chart_says_when_its_bars_count_different_things() {
    pinned!();
    let strength = charts(data(), &Filters::default())
        .into_iter()
        .find(|c| c.id == chart("strength"))
        .unwrap();
    assert_eq!(
        strength.notes,
        [
            "Not one measure: for Russia, active soldiers and killed; for Ukraine, soldiers available and losses. The article does not say these count the same thing.",
            "Not all of one time: each bar's period is under it; none is given for Ukraine's about 400,000 and North Korea's up to 100,000.",
        ]
    );
    // North Korea's two deployment figures are one actor's: nothing to set apart.
    let nk = charts(data(), &Filters::default())
        .into_iter()
        .find(|c| c.id == chart("north-korea"))
        .unwrap();
    assert!(
        nk.notes.iter().all(|n| !n.contains("count the same")),
        "{:?}",
        nk.notes
    );
    // With Ukraine filtered out, no comparison across actors is left in those groups.
    let only_russia = Filter::Actor(actor("russia")).alone(&Filters::default());
    let strength = charts(data(), &only_russia)
        .into_iter()
        .find(|c| c.id == chart("strength"))
        .unwrap();
    assert!(
        strength.notes.iter().all(|n| !n.contains("count the same")),
        "{:?}",
        strength.notes
    );
}

/// The headline's numbers: one the text hedges and the headline does not gets a note quoting
/// the text; one the headline hedges as the text does, or no number, gets none.
#[test]
fn a_headline_that_drops_a_hedge_gets_a_note_quoting_the_text() {
    let headline = data().text.lines().next().unwrap().to_lowercase();
    let notes = frontline_figures::select::headline_notes(data());
    for f in data().figures.iter().filter(|f| f.value.is_some()) {
        let number = format::amount(f.value.unwrap());
        let noted = notes
            .iter()
            .any(|n| f.quotes.iter().any(|q| n.contains(q.as_str())));
        let dropped =
            headline.contains(&number) && !f.hedge.words().iter().all(|w| headline.contains(w));
        assert_eq!(noted, dropped, "{}: {notes:?}", f.id);
    }
    pinned!();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("The headline gives 100,000 with no hedge."),
        "{notes:?}"
    );
    assert!(
        notes[0].contains("“North Korea is considering sending up to 100,000 soldiers"),
        "the lede, the figure's sentence a reader meets first: {notes:?}"
    );
}

/// A quote that begins by pointing back gets what comes right before it in the article (at most
/// two sentences) as its context; one that stands alone gets none.
#[test]
fn a_quote_that_points_back_gets_the_sentence_before() {
    use frontline_figures::select::quote_context;
    for f in &data().figures {
        for q in &f.quotes {
            let points_back = ["Such ", "This ", "These ", "That ", "Those ", "The same "]
                .iter()
                .any(|b| q.starts_with(b));
            match quote_context(data(), q) {
                Some(before) => {
                    assert!(points_back, "{}: {q}", f.id);
                    // The sentence right before it, in the article.
                    let joined = format!("{before} {q}");
                    assert!(data().text.contains(&joined), "{}: “{joined}”", f.id);
                    assert!(
                        before.matches(". ").count() <= 1,
                        "two sentences at most: “{before}”"
                    );
                }
                None => assert!(
                    !points_back || data().text.find(q.as_str()).is_none(),
                    "{}: {q} points back but got no context",
                    f.id
                ),
            }
        }
    }
    pinned!();
    let increase = data().figure("ru-force-increase").unwrap();
    assert_eq!(
        quote_context(data(), &increase.quotes[0]),
        Some(
            "North Korea is considering sending up to 100,000 soldiers to support Russia on the front lines in its conflict against Ukraine. Intelligence data, as reported by Bloomberg, suggests this plan."
        )
    );
}

/// A filtered view says what it shows: each chart carries the filters in words (for its title
/// on the page, its files and its embeds); the default view carries none.
#[test]
fn a_filtered_chart_says_what_it_shows() {
    use frontline_figures::select::{charts_shown, filters_short};
    assert_eq!(filters_short(&Filters::default()), None);
    assert!(
        charts(data(), &Filters::default())
            .iter()
            .all(|c| c.filtered.is_none())
    );
    for v in every_value() {
        let f = v.alone(&Filters::default());
        let words = filters_short(&f);
        let label = v
            .dimension()
            .values()
            .into_iter()
            .find(|(x, _)| *x == v)
            .unwrap()
            .1;
        // Narrowed to one value: its label, then "only" (unless it was the only value).
        if let Some(words) = &words {
            assert!(words.contains(&format!("{label} only")), "{words}");
        }
        for c in charts_shown(data(), &f, None) {
            assert_eq!(c.filtered, words, "{:?}", c.id);
        }
    }
    pinned!();
    let nk = Filter::Actor(actor("north-korea")).alone(&Filters::default());
    assert_eq!(filters_short(&nk).as_deref(), Some("North Korea only"));
}

/// Where filters leave two charts with the same marks, the view draws it once and says so.
#[test]
fn no_chart_is_drawn_twice() {
    use frontline_figures::select::charts_shown;
    for v in every_value() {
        let f = v.alone(&Filters::default());
        let shown = charts_shown(data(), &f, None);
        let marks = |c: &frontline_figures::select::ChartSpec| -> Vec<String> {
            let mut ids: Vec<String> = c
                .panels
                .iter()
                .flat_map(|p| p.marks.iter().map(|m| m.id.clone()))
                .collect();
            ids.sort();
            ids
        };
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert_ne!(marks(a), marks(b), "{v:?}: {:?} and {:?}", a.id, b.id);
            }
        }
        // Every chart the filters fill is either drawn or named by the one that draws its marks.
        for c in charts(data(), &f) {
            assert!(
                shown
                    .iter()
                    .any(|s| s.id == c.id || s.notes.iter().any(|n| n.contains(c.title))),
                "{v:?}: {:?} is neither drawn nor named",
                c.id
            );
        }
        // One chart asked for by name is drawn, whatever another draws.
        for c in charts(data(), &f) {
            assert_eq!(charts_shown(data(), &f, Some(c.id)).len(), 1);
        }
    }
    pinned!();
    let nk = Filter::Actor(actor("north-korea")).alone(&Filters::default());
    let shown = charts_shown(data(), &nk, None);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0]
            .notes
            .iter()
            .any(|n| n.contains("North Korea's deployment"))
    );
}

/// The page's title names the view, so tabs, bookmarks and share sheets tell views apart; the
/// default view keeps the article's page title.
#[test]
fn the_pages_title_names_the_view() {
    use frontline_figures::dataset::vocabulary;
    use frontline_figures::select::view_title;
    use frontline_figures::view_state::{Action, View, ViewState};
    let default = ViewState::default();
    assert_eq!(view_title(data(), &default), vocabulary().page.title);
    let table = default.apply(Action::SetView(View::Table));
    assert!(view_title(data(), &table).starts_with("Table — "));
    let f = data().figures.iter().find(|f| f.value.is_some()).unwrap();
    let marked = table.apply(Action::SelectMark {
        mark: Some(f.id.clone()),
        chart: None,
    });
    assert!(view_title(data(), &marked).contains(&format::statement(f)));
    let v = every_value()[0];
    let filtered = ViewState {
        filters: v.alone(&Filters::default()),
        ..default
    };
    let title = view_title(data(), &filtered);
    assert!(title.contains(" only"), "{title}");
    assert_ne!(title, view_title(data(), &marked));
}

/// A selected figure is named in the page's title only where the view shows it: a chart of the
/// Charts view that draws it (the one chart a link names, if it names one), the Table's row, the
/// Article's words; never the Timeline, which shows events, nor a chart without it.
#[test]
fn the_pages_title_names_a_selected_figure_only_where_the_view_shows_it() {
    use frontline_figures::select::view_title;
    use frontline_figures::view_state::{Action, View, ViewState};
    let all = charts(data(), &Filters::default());
    for f in data().figures.iter().filter(|f| f.value.is_some()) {
        let marked = ViewState::default().apply(Action::SelectMark {
            mark: Some(f.id.clone()),
            chart: None,
        });
        let named = |state: &ViewState| view_title(data(), state).contains(&format::statement(f));
        for view in [View::Charts, View::Table, View::Article] {
            assert!(
                named(&marked.apply(Action::SetView(view))),
                "{} on {view:?}",
                f.id
            );
        }
        let timeline = marked.apply(Action::SetView(View::Timeline));
        assert!(
            !named(&timeline),
            "{}: {}",
            f.id,
            view_title(data(), &timeline)
        );
        for spec in &all {
            let one = ViewState {
                chart: Some(spec.id),
                ..marked.clone()
            };
            assert_eq!(named(&one), spec.draws(&f.id), "{} on {:?}", f.id, spec.id);
        }
    }
}

/// An embed of one chart carries the view's selected figure only where that chart draws it, and
/// an embed of every chart where one of them does: its link never names a figure it does not
/// show. The rest of the view comes along: its filters and sort, in the colours chosen.
#[test]
fn an_embed_carries_a_selected_figure_only_where_it_draws_it() {
    use frontline_figures::select::embedded;
    use frontline_figures::view_state::{Action, Theme, View, ViewState};
    let all = charts(data(), &Filters::default());
    for f in data().figures.iter().filter(|f| f.value.is_some()) {
        let marked = ViewState::default()
            .apply(Action::SetView(View::Table))
            .apply(Action::SelectMark {
                mark: Some(f.id.clone()),
                chart: None,
            });
        let whole = embedded(data(), &marked, None, Theme::Dark);
        assert_eq!(whole.mark.as_deref(), Some(f.id.as_str()));
        assert_eq!(
            (whole.view, whole.theme, whole.embed),
            (View::Charts, Theme::Dark, true)
        );
        for spec in &all {
            let one = embedded(data(), &marked, Some(spec.id), Theme::Light);
            assert_eq!(one.chart, Some(spec.id));
            assert_eq!(
                one.mark.is_some(),
                spec.draws(&f.id),
                "{} in {:?}",
                f.id,
                spec.id
            );
            assert_eq!(
                (one.filters, one.sort),
                (marked.filters.clone(), marked.sort)
            );
        }
    }
}

/// A long chart's note counts the figures with no period instead of naming hundreds of them.
#[test]
fn a_long_charts_period_note_counts_rather_than_names() {
    let data = synthetic::synthetic(1000);
    for spec in charts(&data, &Filters::default()) {
        for note in spec
            .notes
            .iter()
            .filter(|n| n.starts_with("Not all of one time"))
        {
            assert!(note.len() < 200, "{} characters: {note}", note.len());
        }
    }
}

/// The selections the description tests read: every figure, and each actor alone.
fn each_actor_and_all() -> Vec<Filters> {
    std::iter::once(Filters::default())
        .chain(
            Actor::ALL
                .iter()
                .map(|&a| only(&Filters::default(), Filter::Actor(a))),
        )
        .collect()
}

/// A chart's description ranks only what the article's numbers and hedges allow: on each of
/// its axes (named where there are several) the approximate figures from highest to lowest,
/// and the upper bounds apart (an upper bound may be lower than any figure it seems to pass),
/// each with its "up to"; two sources' numbers for one thing not at all.
#[test]
fn descriptions_rank_approximate_figures_and_keep_upper_bounds_apart() {
    let mut ranked = 0;
    for filters in each_actor_and_all() {
        for spec in charts(data(), &filters) {
            let sentences: Vec<&str> = spec.summary.split(". ").collect();
            // Two sources' numbers for one actor's measure: one thing counted twice, never
            // ranked against each other, and the description says that they disagree.
            let drawn: Vec<&Figure> = spec.marks().filter_map(|m| data().figure(&m.id)).collect();
            let twin = |f: &Figure| {
                drawn
                    .iter()
                    .any(|g| g.id != f.id && g.actor == f.actor && g.measure == f.measure)
            };
            for f in drawn.iter().filter(|f| twin(f)) {
                let disagree = format!(
                    "The sources disagree on {}, {}",
                    f.actor.label(),
                    f.measure.label()
                );
                assert!(
                    spec.summary.contains(&disagree),
                    "{disagree} in {}",
                    spec.summary
                );
                for s in &sentences {
                    let ranks = ["Highest", "Next", "Lowest", "Not ranked"]
                        .iter()
                        .any(|h| s.starts_with(h));
                    assert!(
                        !(ranks && s.contains(&format::value(f))),
                        "{} is ranked: {s}",
                        f.id
                    );
                }
            }
            for panel in &spec.panels {
                let on_panel: Vec<&Figure> = panel
                    .marks
                    .iter()
                    .filter_map(|m| data().figure(&m.id))
                    .filter(|f| !twin(f))
                    .collect();
                // Exact and approximate numbers rank; bounds and ranges are set apart.
                let of = |ranks: bool| -> Vec<&Figure> {
                    let mut fs: Vec<&Figure> = on_panel
                        .iter()
                        .copied()
                        .filter(|f| {
                            matches!(f.hedge.kind, HedgeKind::Exact | HedgeKind::Approximate)
                                == ranks
                        })
                        .collect();
                    fs.sort_by_key(|f| std::cmp::Reverse(f.value));
                    fs
                };
                let (approximate, bounds) = (of(true), of(false));
                let said = |f: &Figure| format::value(f);
                let sentence = |head: &str, f: &Figure| {
                    sentences
                        .iter()
                        .find(|s| s.starts_with(head) && s.contains(&said(f)))
                        .copied()
                };
                // One short sentence a rank, each figure in its own words: "Highest: about
                // 500,000 active soldiers (Russia)", "Next: …", "Lowest: …".
                if approximate.len() > 1 {
                    let first = sentences
                        .iter()
                        .position(|s| {
                            s.starts_with("Highest")
                                && s.contains(&format::statement(approximate[0]))
                        })
                        .unwrap_or_else(|| panic!("{}: no order in {}", spec.title, spec.summary));
                    // Figures of more than one measure are ranked by number only, and the
                    // sentence before the ranks says so.
                    let mixed = approximate
                        .iter()
                        .any(|f| f.measure != approximate[0].measure);
                    let before = first.checked_sub(1).map(|i| sentences[i]);
                    assert_eq!(
                        before == Some("Ranked by number only; they are not one measure"),
                        mixed,
                        "{}: {}",
                        spec.title,
                        spec.summary
                    );
                    let order = &sentences[first..first + approximate.len()];
                    for (i, (s, f)) in order.iter().zip(&approximate).enumerate() {
                        // Where the chart has several axes, the ranking names its own.
                        let head = match i {
                            0 if spec.panels.len() > 1 => {
                                format!("Highest on the scale of {}: ", panel.axis.def().title)
                            }
                            0 => "Highest: ".to_string(),
                            i if i == approximate.len() - 1 => "Lowest: ".to_string(),
                            _ => "Next: ".to_string(),
                        };
                        assert!(s.starts_with(&head), "{head}in {s}");
                        let named = format!("{} ({})", format::statement(f), f.actor.label());
                        assert!(s.contains(&named), "{named} in {s}");
                    }
                    for (b, s) in bounds.iter().zip(order) {
                        assert!(!s.contains(&said(b)), "{} is ranked: {s}", b.id);
                    }
                    ranked += 1;
                }
                if !bounds.is_empty() && on_panel.len() > 1 {
                    for b in &bounds {
                        let apart = sentence("Not ranked", b).unwrap_or_else(|| {
                            panic!("{} is not set apart: {}", b.id, spec.summary)
                        });
                        // Against what it is not ranked: the one figure that ranks, by name,
                        // or those just ranked.
                        let with = match approximate.as_slice() {
                            [] => "Not ranked: ".to_string(),
                            [one] => format!(
                                "Not ranked with {} ({}): ",
                                format::statement(one),
                                one.actor.label()
                            ),
                            _ => "Not ranked with those: ".to_string(),
                        };
                        assert!(apart.starts_with(&with), "{with} in {apart}");
                        // Why, in the sentence after it.
                        let at = sentences.iter().position(|s| *s == apart).unwrap();
                        let apart = sentences.get(at + 1).copied().unwrap_or_default();
                        let why = match b.hedge.kind {
                            HedgeKind::UpperBound => "at most",
                            HedgeKind::LowerBound => "at least",
                            _ => "one number",
                        };
                        let mixed = bounds.iter().any(|c| c.hedge.kind != b.hedge.kind);
                        let why = if mixed { "not single numbers" } else { why };
                        assert!(apart.contains(why), "{apart}");
                    }
                }
            }
        }
    }
    assert!(ranked > 0, "some chart ranks its figures");
}

/// Words a sentence and the Flesch-Kincaid grade of `text`: sentences end at ". ", words are
/// parted by spaces, syllables are a word's groups of vowels (at least one; a silent "e", "ed"
/// or "es" at its end does not count), as readability checkers count them.
fn readability(text: &str) -> (f64, usize, f64) {
    let sentences: Vec<&str> = text
        .split(". ")
        .map(|s| s.trim_end_matches('.'))
        .filter(|s| !s.trim().is_empty())
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let longest = sentences
        .iter()
        .map(|s| s.split_whitespace().count())
        .max()
        .unwrap_or(0);
    let (w, s) = (words.len() as f64, sentences.len() as f64);
    let grade = 0.39 * (w / s) + 11.8 * (syllables as f64 / w) - 15.59;
    (w / s, longest, grade)
}

fn syllables(word: &str) -> usize {
    let letters: String = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for c in letters.chars() {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    // Silent endings: "drone", "launched", "missiles" (not "created", "sources").
    let silent = letters.ends_with('e') && !letters.ends_with("le")
        || letters.ends_with("ed") && !(letters.ends_with("ted") || letters.ends_with("ded"))
        || letters.ends_with("es")
            && !["ses", "xes", "zes", "ches", "shes", "ces", "ges"]
                .iter()
                .any(|e| letters.ends_with(e));
    if silent && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// A chart's description reads in short sentences, at the grade Chartability asks for: at most
/// 12 words a sentence on average, none over 20, and a Flesch-Kincaid grade of 9 or lower (they
/// ran at 14 to 19 words a sentence, up to 32). The article's own hedges ("approximately") keep
/// the grade from going much lower; another article's own words set its grade (the second's
/// "approximately 300 homes flooded (according to the county's emergency office)" is 9.6), so
/// there the sentences' length is what is held.
#[test]
fn descriptions_are_short_plain_sentences() {
    for filters in each_actor_and_all() {
        for spec in charts(data(), &filters) {
            let (words, longest, grade) = readability(&spec.summary);
            let at = format!(
                "{words:.1} words a sentence, {longest} at most, grade {grade:.1}: {}",
                spec.summary
            );
            let plain = grade <= 9.0 || !article::is_pinned();
            assert!(words <= 12.0 && longest <= 20 && plain, "{at}");
        }
    }
}

/// The focus outline is drawn around each mark's whole row, clear of its text and its bar by
/// `OUTLINE_GAP` (its 2 px stroke never touches them), and within the row's own room (it never
/// reaches into the next row's text); the exported file has no focus, so no outline.
#[test]
fn each_mark_has_an_outline_around_its_row_and_clear_of_it() {
    use frontline_figures::chart::layout::{BAR_H, LABEL_Y, ROW_GAP};
    use frontline_figures::chart::scene::OUTLINE_GAP;
    for panel in charts(data(), &Filters::default())
        .iter()
        .flat_map(|c| &c.panels)
    {
        let layout = layout_panel(panel).unwrap();
        for (mark, bar) in scene(&layout).marks.iter().zip(&layout.bars) {
            let Shape::Rect { y, h, w, class, .. } = &mark.outline else {
                panic!("{}: the outline is a rectangle", mark.id);
            };
            assert_eq!((*class, *w), ("outline", Len::Pct(10_000)), "{}", mark.id);
            let bottom = bar.bar_y() + BAR_H;
            assert_eq!(
                (*y, y + h),
                (-OUTLINE_GAP, bottom + OUTLINE_GAP),
                "{}",
                mark.id
            );
            // A 2 px stroke centred on the edge, and the label's caps about 11 px above its
            // baseline: clear of the row's text and bar, and of the next row's.
            const { assert!(OUTLINE_GAP >= 2 && LABEL_Y - 11 + OUTLINE_GAP >= 2) };
            const { assert!(ROW_GAP > OUTLINE_GAP + 1) };
            assert!(bar.height - (bottom + OUTLINE_GAP) >= 2);
            assert!(
                !mark.shapes.contains(&mark.outline),
                "{}: not among the shapes a file draws",
                mark.id
            );
        }
    }
}

/// The page writes the drawing's heights in `em` of its 1rem: exact sixteenths.
#[test]
fn heights_are_written_in_em_of_the_root_font_size() {
    use frontline_figures::chart::scene::em;
    assert_eq!(em(16), "1em");
    assert_eq!(em(14), "0.875em");
    assert_eq!(em(51), "3.1875em");
    assert_eq!(em(1), "0.0625em");
    assert_eq!(em(-3), "-0.1875em");
    assert_eq!(em(0), "0em");
    // Whatever the number, it reads back as itself.
    for units in [ROW_H, ROW_H * 3 + 5, 12_345] {
        let written = em(units);
        let back: f64 = written.trim_end_matches("em").parse().unwrap();
        assert_eq!(back * 16.0, f64::from(units), "{written}");
    }
}

/// A reader's larger root font size wraps the chart's text sooner, as the 320 px screen holds
/// fewer of its characters; the default is the prerender's, so nothing moves for most readers.
#[test]
fn a_larger_root_font_size_wraps_chart_text_sooner() {
    use frontline_figures::chart::layout::label_chars;
    assert_eq!(label_chars(16), LABEL_CHARS);
    assert_eq!(
        label_chars(12),
        LABEL_CHARS,
        "never more than at 320 px and 16 px"
    );
    assert_eq!(label_chars(24), LABEL_CHARS * 16 / 24);
    assert!(label_chars(32) < label_chars(24) && label_chars(200) >= 12);
}

/// A sublabel (country and source) and a period too long for 320 px wrap as a label does (at a
/// few more characters: their regular text is narrower), and their row grows by a line of
/// their smaller text each.
#[test]
fn a_long_sublabel_and_period_wrap_and_their_row_grows() {
    use frontline_figures::chart::layout::SUBLINE_H;
    let specs = charts(data(), &Filters::default());
    let mut panel = specs[0].panels[0].clone();
    for m in &mut panel.marks {
        m.label = "about 1,000 soldiers".into();
        m.sublabel = "Somewhere · a source".into();
        m.period = None;
    }
    let plain = layout_panel(&panel).unwrap();
    assert!(plain.bars.iter().all(|b| b.height == ROW_H));
    let long = "North Korea · Bloomberg, citing intelligence data";
    assert!(long.len() > LABEL_CHARS);
    panel.marks[0].sublabel = long.into();
    panel.marks[0].period = Some(long.into());
    let wrapped = layout_panel(&panel).unwrap();
    let first = &wrapped.bars[0];
    assert_eq!(first.sublabel_lines.concat(), long);
    assert_eq!(
        (first.sublabel_lines.len(), first.period_lines.len()),
        (2, 2)
    );
    assert!(
        first
            .sublabel_lines
            .iter()
            .all(|l| l.trim_end().chars().count() <= LABEL_CHARS)
    );
    assert_eq!(first.height, ROW_H + 2 * SUBLINE_H);
    assert_eq!(first.period_y(), first.sublabel_y() + 2 * SUBLINE_H);
    assert_eq!(wrapped.bars[1].y, plain.bars[1].y + 2 * SUBLINE_H);
    // Drawn: a text a line, in order down the row, the bar under the last.
    let ys: Vec<i32> = scene(&wrapped).marks[0]
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { y, class, .. } if class.starts_with("mark-") => Some(*y),
            _ => None,
        })
        .collect();
    assert_eq!(ys.len(), 5);
    assert!(ys.windows(2).all(|w| w[1] - w[0] >= SUBLINE_H), "{ys:?}");
    assert!(first.bar_y() > *ys.last().unwrap());
}

/// Where a mark's row is, drawn or not, is where the whole layout puts it: what the keyboard
/// scrolls into view before it moves to a mark of a long chart.
#[test]
fn a_rows_span_is_where_the_layout_draws_it() {
    use frontline_figures::chart::layout::row_span;
    let tripled = synthetic::synthetic(3 * data().figures.len());
    for panel in charts(&tripled, &Filters::default())
        .iter()
        .flat_map(|c| &c.panels)
    {
        let layout = layout_panel(panel).unwrap();
        for bar in &layout.bars {
            assert_eq!(
                row_span(panel, LABEL_CHARS, &bar.id),
                Some((bar.y, bar.y + bar.height)),
                "{}",
                bar.id
            );
        }
        assert_eq!(row_span(panel, LABEL_CHARS, "no-such-mark"), None);
    }
}

/// A filter that moves the end of a chart's scale is said in the status line, chart by chart;
/// one that does not says nothing. Computed from the data: each actor turned off in turn.
#[test]
fn a_filter_that_rescales_an_axis_says_so() {
    use frontline_figures::chart::layout::domain;
    use frontline_figures::chart::rescale::rescaled;
    let all = charts(data(), &Filters::default());
    let mut said_any = false;
    for &a in Actor::ALL {
        let off = Filters::default().toggled(Filter::Actor(a));
        let now = charts(data(), &off);
        let said = rescaled(&all, &now);
        let mut expected = Vec::new();
        for chart in &now {
            let Some(was) = all.iter().find(|c| c.id == chart.id) else {
                continue;
            };
            for panel in chart.panels.iter().filter(|p| !p.axis.percent()) {
                let old = was
                    .panels
                    .iter()
                    .find(|p| p.axis == panel.axis)
                    .and_then(domain);
                let new = domain(panel);
                if old.is_some() && old != new {
                    expected.push(format!(
                        "{}: scale now 0 to {} {}.",
                        chart.title,
                        format::count(new.unwrap()),
                        panel.axis.label()
                    ));
                }
            }
        }
        assert_eq!(said, expected, "{} off", a.label());
        said_any |= !said.is_empty();
        // And back: the scale returns, and says so again.
        assert_eq!(
            rescaled(&now, &all).len(),
            said.len(),
            "{} back on",
            a.label()
        );
    }
    assert!(said_any, "some actor holds the top of a scale");
    assert!(rescaled(&all, &all).is_empty(), "no change, nothing said");
    pinned!();
    let russia_off = Filters::default().toggled(Filter::Actor(actor("russia")));
    assert_eq!(
        rescaled(&all, &charts(data(), &russia_off)),
        ["Troop strength, losses and deployments by country: scale now 0 to 400,000 soldiers."]
    );
}

/// An axis title too long for the line wraps as the marks' text does, right-aligned under the
/// axis, and the panel grows by a line each: at a reader's 24 px it would leave a phone's chart.
#[test]
fn a_long_axis_title_wraps_under_the_axis() {
    use frontline_figures::chart::layout::{SUBLINE_H, label_chars, small_chars};
    for panel in charts(data(), &Filters::default())
        .iter()
        .flat_map(|c| &c.panels)
    {
        let chars = label_chars(24);
        let (wide, narrow) = (
            layout_panel_in(panel, 200, None).unwrap(),
            layout_panel_in(panel, chars, None).unwrap(),
        );
        let lines = &narrow.axis_title_lines;
        // In the axis title's smaller type, a line holds more characters than a label's.
        let small = small_chars(chars);
        assert_eq!(lines.concat(), narrow.axis_title);
        assert!(
            lines
                .iter()
                .all(|l| l.trim_end().chars().count() <= small || !l.trim().contains(' ')),
            "{lines:?} in {small} characters"
        );
        let grown = (lines.len() as i32 - 1) * SUBLINE_H;
        assert_eq!(
            narrow.height - narrow.axis_y,
            wide.height - wide.axis_y + grown
        );
        let titles: Vec<i32> = scene(&narrow)
            .axis
            .iter()
            .filter_map(|s| match s {
                Shape::Text {
                    class: "axis-title",
                    y,
                    anchor,
                    ..
                } => {
                    assert_eq!(*anchor, Anchor::End);
                    Some(*y)
                }
                _ => None,
            })
            .collect();
        assert_eq!(titles.len(), lines.len());
        assert!(*titles.last().unwrap() < narrow.height);
    }
}

/// The page's credit line says some figures have no source only where one has none: an
/// unnamed source that only events (or nothing) use is no figure's.
#[test]
fn the_credit_line_says_no_source_only_where_a_figure_has_none() {
    let mut d = Dataset::bundled().clone();
    let unnamed = d.figures.iter().any(|f| !f.source.named());
    assert_eq!(
        frontline_figures::select::article_credit(&d).contains("names no source"),
        unnamed
    );
    let Some(named) = frontline_figures::dataset::Source::ALL
        .iter()
        .copied()
        .find(|s| s.named())
    else {
        return;
    };
    for f in &mut d.figures {
        f.source = named;
    }
    let credit = frontline_figures::select::article_credit(&d);
    assert!(!credit.contains("names no source"), "{credit}");
}

/// Two sources that give different numbers for one actor's measure are two marks, side by side
/// in one panel, each credited, and the chart says that the sources disagree.
#[test]
fn sources_that_disagree_are_drawn_side_by_side_and_said_to_disagree() {
    let specs = charts(data(), &Filters::default());
    let mut found = 0;
    for (i, f) in data().figures.iter().enumerate() {
        let Some(g) = data().figures[i + 1..].iter().find(|g| {
            g.actor == f.actor && g.measure == f.measure && g.value.is_some() && g.value != f.value
        }) else {
            continue;
        };
        let spec = specs.iter().find(|c| c.draws(&f.id)).expect("drawn");
        let panel = spec
            .panels
            .iter()
            .find(|p| p.marks.iter().any(|m| m.id == f.id))
            .unwrap();
        let at = |id: &str| panel.marks.iter().position(|m| m.id == id);
        let (a, b) = (at(&f.id).unwrap(), at(&g.id).expect("in the same panel"));
        assert_eq!(a.abs_diff(b), 1, "{} and {} side by side", f.id, g.id);
        assert!(
            panel.marks[b].sublabel.contains(g.source.credit()),
            "{}",
            g.id
        );
        let note = spec
            .notes
            .iter()
            .find(|n| n.starts_with("The sources disagree"))
            .unwrap_or_else(|| panic!("{}: no note in {:?}", spec.title, spec.notes));
        for h in [f, g] {
            assert!(
                note.contains(&format::value(h)) && note.contains(h.source.credit()),
                "{note}"
            );
        }
        // A filter that leaves one side out keeps the note, which names the other and says
        // it is not drawn: a shared image of one count does not pass for the count.
        for (kept, hidden) in [(f, g), (g, f)] {
            let filters = only(&Filters::default(), Filter::Source(kept.source));
            let specs = charts(data(), &filters);
            let spec = specs.iter().find(|c| c.draws(&kept.id)).expect("drawn");
            assert!(!spec.draws(&hidden.id));
            let note = spec
                .notes
                .iter()
                .find(|n| n.starts_with("The sources disagree"))
                .unwrap_or_else(|| panic!("{}: no note in {:?}", spec.title, spec.notes));
            let says = format!(
                "Under these filters, the figure of {} is not drawn.",
                hidden.source.credit()
            );
            assert!(
                note.contains(&format::value(hidden)) && note.ends_with(&says),
                "{note}"
            );
        }
        found += 1;
    }
    // This article has no such pair: no chart says its sources disagree.
    if found == 0 {
        assert!(
            specs
                .iter()
                .flat_map(|c| &c.notes)
                .all(|n| !n.contains("disagree"))
        );
    }
}

/// Each kind is drawn as it says: a range from its low number to its high one (never a bar from
/// 0), capped at both ends; a lower bound solid to its value, then open past it with an arrow;
/// an exact or approximate number a solid bar from 0.
#[test]
fn each_kind_of_hedge_is_drawn_as_it_says() {
    let bar = |shapes: &[Shape]| {
        shapes
            .iter()
            .find_map(|s| match s {
                Shape::Rect {
                    x, w, class: "bar", ..
                } => Some((*x, *w)),
                _ => None,
            })
            .expect("a bar")
    };
    let count = |shapes: &[Shape], of: &str| {
        let class = |s: &Shape| match s {
            Shape::Line { class, .. } | Shape::Text { class, .. } | Shape::Rect { class, .. } => {
                *class
            }
        };
        shapes.iter().filter(|s| class(s) == of).count()
    };
    for spec in charts(data(), &Filters::default()) {
        for panel in &spec.panels {
            let layout = layout_panel(panel).unwrap();
            for (m, drawn) in panel.marks.iter().zip(&scene(&layout).marks) {
                let (x, w) = bar(&drawn.shapes);
                let b = layout.bars.iter().find(|b| b.id == m.id).unwrap();
                match m.style {
                    MarkStyle::Range => {
                        assert!(b.from > 0 && b.from < b.width, "{}: {b:?}", m.id);
                        assert_eq!((x, w), (Len::Pct(b.from), Len::Pct(b.width - b.from)));
                        assert_eq!(count(&drawn.shapes, "range-cap"), 2, "{}", m.id);
                    }
                    MarkStyle::LowerBound => {
                        assert_eq!((x, w), (Len::Px(0), Len::Pct(b.width)), "{}", m.id);
                        assert_eq!(count(&drawn.shapes, "more-arrow"), 1, "{}", m.id);
                    }
                    _ => assert_eq!(x, Len::Px(0), "{}", m.id),
                }
            }
        }
    }
}

/// An embed's frame title names the filters it is under, as a filtered chart's subtitle does,
/// and is the plain title without them: a screen reader on the host page hears what it shows.
#[test]
fn an_embeds_title_names_its_filters() {
    let all = Filters::default();
    for chart in [None, charts(data(), &all).first().map(|c| c.id)] {
        let plain = embed_title(data(), chart, &all);
        assert!(!plain.contains(" only"), "{plain}");
        for &a in Actor::ALL {
            let filters = only(&all, Filter::Actor(a));
            let words = filters_short(&filters).unwrap();
            assert_eq!(
                embed_title(data(), chart, &filters),
                format!("{plain} ({words})")
            );
        }
    }
}

//! Selection, facet counts, sorting, the charts a selection fills, the
//! article segments and the layout geometry: the honest-figures rules, checked on real data.

use frontline_figures::chart::layout::{Anchor, ROW_H, band_on_screen, layout_panel};
use frontline_figures::chart::scale::nice_ticks;
use frontline_figures::chart::scene::{Len, Shape, scene};
use frontline_figures::dataset::{Actor, Certainty, Dataset, Figure};
use frontline_figures::format;
use frontline_figures::select::{
    MarkStyle, article_segments, charts, describe, event_matches, facet_count, select_figures,
    sort_stable, sorted, vague_figures,
};
use frontline_figures::view_state::{Column, Filter, Filters, Selection, Sort};

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

#[path = "support/expected.rs"]
mod expected;

fn data() -> &'static Dataset {
    Dataset::bundled()
}

fn ids<'a>(figs: impl IntoIterator<Item = &'a frontline_figures::dataset::Figure>) -> Vec<&'a str> {
    figs.into_iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn filters_combine_across_dimensions() {
    pinned!();
    let f = Filters {
        actors: Selection::none().with(actor("russia"), true),
        ..Filters::default()
    };
    assert_eq!(
        ids(select_figures(data(), &f)),
        [
            "ru-active",
            "ru-killed",
            "ru-force-increase",
            "ru-missiles",
            "ru-drones"
        ]
    );
    let f = Filters {
        certainty: Selection::none().with(Certainty::UpperBound, true),
        ..f
    };
    assert_eq!(
        ids(select_figures(data(), &f)),
        ["ru-killed", "ru-force-increase"]
    );
    let none = Filters {
        sources: Selection::none(),
        ..Filters::default()
    };
    assert!(select_figures(data(), &none).is_empty());
}

#[test]
fn facet_counts_ignore_their_own_dimension() {
    pinned!();
    let only_ukraine = Filters {
        actors: Selection::none().with(actor("ukraine"), true),
        ..Filters::default()
    };
    // Russia's count still says what turning Russia on would show.
    assert_eq!(
        facet_count(data(), &only_ukraine, Filter::Actor(actor("russia"))),
        5
    );
    assert_eq!(
        facet_count(
            data(),
            &only_ukraine,
            Filter::Source(source("new-york-post"))
        ),
        2
    );
    assert_eq!(
        facet_count(data(), &only_ukraine, Filter::Source(source("bloomberg"))),
        0
    );
    assert_eq!(
        facet_count(
            data(),
            &Filters::default(),
            Filter::Certainty(Certainty::Vague)
        ),
        1
    );
    assert_eq!(
        facet_count(
            data(),
            &Filters::default(),
            Filter::Measure(group("strikes"))
        ),
        2
    );
}

#[test]
fn sorting_by_value_groups_units_and_puts_vague_amounts_last_both_ways() {
    pinned!();
    let all = select_figures(data(), &Filters::default());
    let up = sorted(
        all.clone(),
        Some(Sort {
            column: Column::Value,
            descending: false,
        }),
    );
    // Soldiers, then percentages, then missiles and drones: never "up to 20%" below 90 drones.
    assert_eq!(
        ids(up.clone()),
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
    let down = sorted(
        all.clone(),
        Some(Sort {
            column: Column::Value,
            descending: true,
        }),
    );
    assert_eq!(ids(down.clone())[0], "ru-active");
    let axes: Vec<u8> = down.iter().map(|f| f.unit.axis().0).collect();
    assert!(axes.is_sorted(), "units stay grouped: {axes:?}");
    assert_eq!(ids(down).last(), Some(&"nk-ammunition"));
    assert_eq!(ids(sorted(all.clone(), None)), ids(all));
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
    let names: Vec<&str> = specs.iter().map(|c| c.id).collect();
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
    // Whatever the article: each mark's look follows its hedge, its label is its sentence.
    for m in specs.iter().flat_map(|c| &c.panels).flat_map(|p| &p.marks) {
        let f = data().figure(&m.id).unwrap();
        assert_eq!(Some(m.style), MarkStyle::of(f.qualifier), "{}", m.id);
        assert_eq!(m.label, format::statement(f), "{}", m.id);
    }
    let style = |id: &str| {
        specs
            .iter()
            .flat_map(|c| &c.panels)
            .flat_map(|p| &p.marks)
            .find(|m| m.id == id)
            .map(|m| (m.style, m.label.clone()))
    };
    pinned!();
    assert_eq!(
        style("nk-planned"),
        Some((MarkStyle::UpperBound, expected::statement("nk-planned")))
    );
    assert_eq!(
        style("ru-killed"),
        Some((MarkStyle::UpperBound, expected::statement("ru-killed")))
    );
    assert_eq!(
        style("ru-active"),
        Some((MarkStyle::Approximate, expected::statement("ru-active")))
    );
    // The article's own "up to 20%" is drawn as itself, an upper bound; nothing is derived.
    assert_eq!(
        style("ru-force-increase"),
        Some((
            MarkStyle::UpperBound,
            expected::statement("ru-force-increase")
        ))
    );
    let mut drawn: Vec<&str> = specs
        .iter()
        .flat_map(|c| &c.panels)
        .flat_map(|p| &p.marks)
        .map(|m| m.id.as_str())
        .collect();
    drawn.sort();
    drawn.dedup();
    let mut numbers = ids(data().figures.iter().filter(|f| f.value.is_some()));
    numbers.sort();
    assert_eq!(
        drawn, numbers,
        "each figure with a number is drawn, and nothing else"
    );
    // The vague amount is never a bar.
    assert_eq!(style("nk-ammunition"), None);
    assert_eq!(
        ids(vague_figures(data(), &Filters::default())),
        ["nk-ammunition"]
    );
}

#[test]
fn charts_without_selected_figures_are_left_out() {
    let nothing = Filters {
        actors: Selection::none(),
        ..Filters::default()
    };
    assert!(charts(data(), &nothing).is_empty());
    pinned!();
    let strikes_only = Filters {
        measures: Selection::none().with(group("strikes"), true),
        ..Filters::default()
    };
    let specs = charts(data(), &strikes_only);
    assert_eq!(specs.iter().map(|c| c.id).collect::<Vec<_>>(), ["strike"]);
    assert!(
        specs[0]
            .summary
            .starts_with("Showing 2 figures for Russia."),
        "{}",
        specs[0].summary
    );
    let nothing = Filters {
        actors: Selection::none(),
        ..Filters::default()
    };
    assert!(charts(data(), &nothing).is_empty());
}

#[test]
fn summaries_are_written_from_the_selection() {
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
            "Russia: {statement} (at the beginning of the year, worked out as start of 2024; {source})"
        )),
        "{text}"
    );
    assert_eq!(describe(&[]), "No figures match the current filters.");
}

#[test]
fn numbers_are_formatted_for_people() {
    pinned!();
    assert_eq!(format::count(100_000), "100,000");
    assert_eq!(format::count(999), "999");
    assert_eq!(format::count(1_234_567), "1,234,567");
    assert_eq!(format::compact(150_000), "150k");
    assert_eq!(format::compact(1_500_000), "1.5M");
    assert_eq!(format::compact(2_000_000), "2M");
    assert_eq!(format::compact(50), "50");
    let f = data().figure("ua-losses").unwrap();
    assert_eq!(format::value(f), "approximately 80,000");
    assert_eq!(
        format::value(data().figure("ru-force-increase").unwrap()),
        "up to 20%"
    );
    assert_eq!(
        format::value(data().figure("nk-ammunition").unwrap()),
        "hundreds of thousands"
    );
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

#[test]
fn layout_keeps_rows_apart_and_ends_ticks_inside_the_chart() {
    pinned!();
    let specs = charts(data(), &Filters::default());
    let layout = layout_panel(&specs[0].panels[0]).unwrap();
    assert_eq!(layout.bars.len(), 6);
    for pair in layout.bars.windows(2) {
        assert!(pair[1].y - pair[0].y >= 60, "rows overlap");
    }
    // Widths in hundredths of a percent of the chart: 500,000 fills it, 70,000 is 14%.
    let widths: Vec<u32> = layout.bars.iter().map(|b| b.width).collect();
    assert_eq!(widths, [10_000, 1_400, 8_000, 1_600, 300, 2_000]);
    assert_eq!(layout.ticks.first().unwrap().anchor, Anchor::Start);
    assert_eq!(layout.ticks.last().unwrap().anchor, Anchor::End);
    let labels: Vec<&str> = layout.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["0", "100k", "200k", "300k", "400k", "500k"]);
    let percent = layout_panel(&specs[1].panels[1]).unwrap();
    assert_eq!(
        percent.ticks.last().unwrap().label,
        "100%",
        "percentages always run to 100%"
    );
    assert_eq!(percent.bars[0].width, 2_000);
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
        let bound = m.style == MarkStyle::UpperBound;
        let drawn = (edges(&m.id), hatched(&m.id));
        assert_eq!(
            drawn,
            if bound { (3, true) } else { (0, false) },
            "{}",
            m.id
        );
    }
    assert_eq!(Len::Pct(1_400).to_string(), "14%");
    assert_eq!(Len::Pct(305).to_string(), "3.05%");
    assert_eq!(Len::Px(-2).to_string(), "-2");
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
    pinned!();
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

    let specs = charts(data(), &Filters::default());
    let mut layout = layout_panel(&specs[0].panels[0]).unwrap();
    let whole = layout.clone();
    layout.keep_rows((ROW_H + 1, 2 * ROW_H + 1));
    let kept: Vec<_> = layout.bars.iter().map(|b| (b.id.as_str(), b.y)).collect();
    assert_eq!(
        kept,
        [
            (whole.bars[1].id.as_str(), ROW_H),
            (whole.bars[2].id.as_str(), 2 * ROW_H)
        ],
        "every row reaching into the band, at its own place"
    );
    assert_eq!(
        (layout.height, layout.axis_y, &layout.ticks),
        (whole.height, whole.axis_y, &whole.ticks),
        "the panel keeps its size and axis"
    );
}

#[test]
fn the_filters_are_said_in_words_for_the_printed_page() {
    pinned!();
    use frontline_figures::select::filters_in_words;
    assert_eq!(
        filters_in_words(&Filters::default()),
        "every figure, no filter"
    );
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
    for &actor in <Actor as frontline_figures::dataset::Choice>::ALL {
        let filters = Filters {
            actors: Selection::none().with(actor, true),
            ..Filters::default()
        };
        for e in &data.events {
            let expected = e.actors.is_empty() || e.actors.contains(&actor);
            assert_eq!(
                event_matches(e, &filters),
                expected,
                "{} under {actor:?}",
                e.id
            );
        }
    }
    let no_sources = Filters {
        sources: Selection::none(),
        ..Filters::default()
    };
    assert!(data.events.iter().all(|e| !event_matches(e, &no_sources)));
    assert!(
        data.events
            .iter()
            .all(|e| event_matches(e, &Filters::default()))
    );
    // This article's known facts: North Korea alone keeps its three events and the dateline.
    pinned!();
    let nk = Filters {
        actors: Selection::none().with(actor("north-korea"), true),
        ..Filters::default()
    };
    let kept: Vec<&str> = data
        .events
        .iter()
        .filter(|e| event_matches(e, &nk))
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

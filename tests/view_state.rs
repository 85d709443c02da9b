//! The URL is the state: canonical rendering, per-parameter parsing with reasons, the reducer,
//! and property tests that parsing is total and round-trips every state.

use frontline_figures::dataset::{Actor, Certainty, Choice, Dataset, MeasureGroup, Source};
use frontline_figures::select::ChartId;
use frontline_figures::view_state::{
    Action, Column, Filter, Filters, Selection, Sort, Theme, View, ViewState, decode, encode,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

fn data() -> &'static Dataset {
    Dataset::bundled()
}

fn parse(q: &str) -> (ViewState, Vec<String>) {
    let p = ViewState::from_query(q, data());
    (
        p.state,
        p.ignored
            .into_iter()
            .map(|i| format!("{}: {}", i.what, i.why))
            .collect(),
    )
}

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(ViewState::default().to_query(), "");
    assert_eq!(ViewState::default().href(), "?");
    assert_eq!(parse(""), (ViewState::default(), vec![]));
    assert_eq!(parse("?"), (ViewState::default(), vec![]));
}

#[test]
fn filters_and_view_render_short_and_in_a_fixed_order() {
    pinned!();
    let s = ViewState::default()
        .apply(Action::SetView(View::Table))
        .apply(Action::Toggle(Filter::Actor(actor("north-korea"))));
    assert_eq!(s.to_query(), "?actors=russia,ukraine&view=table");
    // The same view written in another order, case and with a repeated value reads the same.
    let (parsed, ignored) = parse("?view=table&actors=Ukraine,russia,russia");
    assert_eq!(parsed, s);
    assert!(ignored.is_empty(), "{ignored:?}");
}

#[test]
fn every_parameter_round_trips() {
    pinned!();
    let s = ViewState {
        filters: Filters {
            actors: Selection::none().with(actor("ukraine"), true),
            measures: Selection::all().with(group("strikes"), false),
            sources: Selection::none(),
            certainty: Selection::none().with(Certainty::UpperBound, true),
        },
        view: View::Article,
        sort: Some(Sort {
            column: Column::Value,
            descending: true,
        }),
        mark: None,
        chart: Some(chart("strike")),
        embed: true,
        theme: Theme::Dark,
    };
    let q = s.to_query();
    assert_eq!(
        q,
        "?actors=ukraine&measures=strength,losses,deployment,share,supplies&sources=none&certainty=upper-bound&view=article&sort=value-desc&chart=strike&theme=dark&embed=1"
    );
    assert_eq!(parse(&q), (s, vec![]));
}

/// One chart alone, for an embed: canonical, any letter case, and a visible reason for a name
/// that is no chart's.
#[test]
fn a_chart_of_its_own_round_trips_and_an_unknown_one_says_so() {
    for c in ChartId::ALL {
        let s = ViewState {
            chart: Some(*c),
            embed: true,
            ..ViewState::default()
        };
        assert_eq!(s.to_query(), format!("?chart={}&embed=1", c.slug()));
        assert_eq!(parse(&s.to_query()), (s, vec![]));
        // Any letter case, and spaces for hyphens.
        let typed = format!(
            "?embed=1&CHART={}",
            c.slug().to_uppercase().replace('-', "+")
        );
        assert_eq!(parse(&typed).0.chart, Some(*c));
    }
    let (state, ignored) = parse("?chart=pie&embed=1");
    assert_eq!(state.chart, None);
    let names: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
    assert_eq!(
        ignored,
        [format!(
            "chart=pie: there is no such chart; the charts are {}",
            names.join(", ")
        )]
    );
    // Every chart the selection can draw has a name, and every name is a chart.
    let drawn: Vec<&str> = frontline_figures::select::charts(data(), &Filters::default())
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(drawn, names);
}

#[test]
fn a_mark_round_trips_and_a_hidden_or_unknown_mark_is_dropped_with_a_reason() {
    pinned!();
    let s = ViewState::default().apply(Action::SelectMark(Some("nk-planned".into())));
    assert_eq!(s.to_query(), "?mark=nk-planned");
    assert_eq!(parse("?mark=nk-planned").0, s);

    let (state, ignored) = parse("?mark=no-such-figure");
    assert_eq!(state, ViewState::default());
    assert_eq!(
        ignored,
        vec!["mark=no-such-figure: there is no figure with that id"]
    );

    let (state, ignored) = parse("?actors=ukraine&mark=nk-planned");
    assert_eq!(state.mark, None);
    assert_eq!(
        state.filters.actors,
        Selection::none().with(actor("ukraine"), true)
    );
    assert_eq!(
        ignored,
        vec!["mark=nk-planned: the filters hide that figure"]
    );
}

/// Links out in the world keep working: the share once computed here is the article's own
/// "up to 20%" now, and a link to it selects that figure.
#[test]
fn an_old_link_to_the_derived_share_selects_the_articles_own_share() {
    pinned!();
    let (state, ignored) = parse("?mark=derived-share");
    assert_eq!(state.mark.as_deref(), Some("ru-force-increase"));
    assert_eq!(ignored, Vec::<String>::new());
    assert_eq!(state.to_query(), "?mark=ru-force-increase");
    let (state, ignored) = parse("?measures=strength&mark=derived-share");
    assert_eq!(state.mark, None);
    assert_eq!(
        ignored,
        vec!["mark=ru-force-increase: the filters hide that figure"]
    );
}

#[test]
fn the_reducer_never_keeps_a_mark_the_filters_hide() {
    pinned!();
    // A click on a mark that a pending render was about to remove.
    let no_russia = ViewState::default().apply(Action::Toggle(Filter::Actor(actor("russia"))));
    let s = no_russia.apply_checked(Action::SelectMark(Some("ru-active".into())), data());
    assert_eq!(s.mark, None);
    let s = no_russia.apply_checked(Action::SelectMark(Some("ua-losses".into())), data());
    assert_eq!(s.mark.as_deref(), Some("ua-losses"));
    // A vague amount is never drawn, so it is never a mark either.
    let s = ViewState::default()
        .apply_checked(Action::SelectMark(Some("nk-ammunition".into())), data());
    assert_eq!(s.mark, None);
    // Named in a URL, it is dropped with the true reason, not "the filters hide it".
    let (state, ignored) = parse("?mark=nk-ammunition");
    assert_eq!(state.mark, None);
    assert_eq!(
        ignored,
        vec!["mark=nk-ammunition: that figure is told in words, never drawn as a mark"]
    );
}

#[test]
fn invalid_values_are_dropped_without_spoiling_the_rest() {
    pinned!();
    let (state, ignored) =
        parse("?actors=russia,belarus&view=pie&sort=colour&theme=neon&embed=yes&zoom=3");
    assert_eq!(
        state.filters.actors,
        Selection::none().with(actor("russia"), true)
    );
    assert_eq!(state.view, View::Charts);
    assert_eq!(state.sort, None);
    assert_eq!(state.theme, Theme::Auto);
    assert!(!state.embed);
    assert_eq!(ignored.len(), 5, "{ignored:?}");
    assert!(ignored[0].starts_with("actors=russia,belarus: unknown actor; expected one of russia"));
    // A parameter that is not ours is not ours to judge: kept aside, silently.
    let parsed = ViewState::from_query("?view=pie&zoom=3", data());
    assert_eq!(parsed.foreign, ["zoom=3"]);
}

/// Links as platforms decorate them: Facebook's fbclid, newsletters' utm_*, Mailchimp's mc_cid
/// and mc_eid, ads' gclid. No notice; they stay in the address, after ours and in the order
/// they came; what is shared is the canonical URL without them.
#[test]
fn decorated_links_keep_their_decorations_in_the_address_and_out_of_what_is_shared() {
    pinned!();
    let q = "?utm_source=newsletter&actors=north-korea&fbclid=IwAR0abc-123_x&utm_medium=email&view=table&utm_campaign=nov%2018&mc_cid=9f8e&mc_eid=1a2b&gclid=Cj0KCQ";
    let parsed = ViewState::from_query(q, data());
    assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
    assert_eq!(parsed.state.to_query(), "?actors=north-korea&view=table");
    assert_eq!(
        parsed.foreign,
        [
            "utm_source=newsletter",
            "fbclid=IwAR0abc-123_x",
            "utm_medium=email",
            "utm_campaign=nov%2018",
            "mc_cid=9f8e",
            "mc_eid=1a2b",
            "gclid=Cj0KCQ"
        ]
    );
    assert_eq!(
        parsed.state.address(&parsed.foreign),
        "?actors=north-korea&view=table&utm_source=newsletter&fbclid=IwAR0abc-123_x&utm_medium=email&utm_campaign=nov%2018&mc_cid=9f8e&mc_eid=1a2b&gclid=Cj0KCQ"
    );
    // The same foreign key twice is kept twice; our own key twice still says so.
    let parsed =
        ViewState::from_query("?utm_source=a&view=table&utm_source=b&view=article", data());
    assert_eq!(parsed.foreign, ["utm_source=a", "utm_source=b"]);
    assert_eq!(parsed.state.view, View::Table);
    assert_eq!(parsed.ignored.len(), 1);
    // Only decorations: the default view, and the address keeps them as they were.
    let parsed = ViewState::from_query("?fbclid=abc", data());
    assert_eq!(parsed.state, ViewState::default());
    assert_eq!(parsed.state.address(&parsed.foreign), "?fbclid=abc");
    assert_eq!(ViewState::default().address(&[]), "");
}

/// Links as people type and paste them: any letter case, `+` for a space, and `&amp;` from a
/// link copied out of an HTML snippet. The canonical form stays as it is.
#[test]
fn links_as_people_type_and_paste_them() {
    pinned!();
    let (state, ignored) =
        parse("?VIEW=TABLE&theme=DARK&mark=RU-ACTIVE&sort=value-DESC&actors=north+korea,Russia");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(
        state.to_query(),
        "?actors=russia,north-korea&view=table&sort=value-desc&mark=ru-active&theme=dark"
    );
    let (state, ignored) = parse("?actors=russia&amp;view=table&amp;sort=actor");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(state.to_query(), "?actors=russia&view=table&sort=actor");
    // Escaped twice, and what is left of it reads the same again.
    let twice = ViewState::from_query("?actors=russia&amp;amp;view=table&amp;amp;", data());
    assert_eq!(twice.state.to_query(), "?actors=russia&view=table");
    assert!(twice.foreign.is_empty(), "{:?}", twice.foreign);
    let (state, _) = parse("?actors=North%20Korea, Ukraine");
    assert_eq!(state.to_query(), "?actors=ukraine,north-korea");
}

#[test]
fn a_repeated_parameter_counts_once_and_says_so() {
    let (state, ignored) = parse("?view=table&view=article");
    assert_eq!(state.view, View::Table);
    assert_eq!(
        ignored,
        vec!["view: it was given more than once; the first one counts"]
    );
}

#[test]
fn hostile_input_becomes_plain_text_reasons() {
    let parsed = ViewState::from_query(
        "?actors=%3Cscript%3Ealert(1)%3C/script%3E&view=%E0%A4%A&x=%00",
        data(),
    );
    assert_eq!(
        parsed.foreign,
        ["x=%00"],
        "not ours: kept as it came, never decoded"
    );
    let (state, ignored) = parse("?actors=%3Cscript%3Ealert(1)%3C/script%3E&view=%E0%A4%A&x=%00");
    assert_eq!(state, ViewState::default());
    assert_eq!(ignored.len(), 2, "{ignored:?}");
    assert!(
        ignored[0].contains("<script>alert(1)</script>"),
        "kept as the text it was; components/notice.rs tests that the page escapes it"
    );
    assert!(ignored[1].contains("not properly percent-encoded"));

    let long = "a".repeat(5000);
    let (state, ignored) = parse(&format!("?actors={long}"));
    assert_eq!(state, ViewState::default());
    assert!(
        ignored[0].chars().count() < 200,
        "long values are shortened in the notice"
    );

    let (_, ignored) = parse("?mark=%01%02%0A");
    assert!(!ignored[0].contains('\n') && ignored[0].contains('\u{FFFD}'));
}

#[test]
fn none_means_an_empty_selection() {
    let (state, ignored) = parse("?sources=none");
    assert!(state.filters.sources.is_empty());
    assert!(ignored.is_empty());
    assert_eq!(state.to_query(), "?sources=none");
}

#[test]
fn the_reducer_toggles_resets_sorts_and_clears_the_mark_on_filter_change() {
    pinned!();
    let s = ViewState::default().apply(Action::SelectMark(Some("ru-active".into())));
    let t = s.apply(Action::Toggle(Filter::Source(source("new-york-post"))));
    assert_eq!(t.mark, None);
    assert!(!t.filters.sources.contains(source("new-york-post")));
    assert_eq!(
        t.apply(Action::Toggle(Filter::Source(source("new-york-post"))))
            .filters,
        Filters::default()
    );
    assert_eq!(t.apply(Action::ResetFilters).filters, Filters::default());

    let a = ViewState::default().apply(Action::SortBy(Column::Value));
    assert_eq!(
        a.sort,
        Some(Sort {
            column: Column::Value,
            descending: false
        })
    );
    let b = a.apply(Action::SortBy(Column::Value));
    assert_eq!(
        b.sort,
        Some(Sort {
            column: Column::Value,
            descending: true
        })
    );
    assert_eq!(b.apply(Action::SortBy(Column::Value)).sort, a.sort);
    assert_eq!(
        b.apply(Action::SortBy(Column::Source)).sort,
        Some(Sort {
            column: Column::Source,
            descending: false
        })
    );
}

#[test]
fn percent_decoding_is_strict_and_encoding_is_safe() {
    assert_eq!(decode("a%20b+c").as_deref(), Some("a b c"));
    assert_eq!(decode("%zz"), None);
    assert_eq!(decode("%+1"), None);
    assert_eq!(decode("%4"), None);
    assert_eq!(decode("%FF"), None, "not UTF-8");
    assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

fn selection<T: Choice>() -> impl Strategy<Value = Selection<T>> {
    proptest::collection::vec(any::<bool>(), T::ALL.len()).prop_map(|bits| {
        T::ALL
            .iter()
            .zip(bits)
            .fold(Selection::none(), |s, (&t, on)| s.with(t, on))
    })
}

fn pick<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = T> {
    proptest::sample::select(T::ALL.to_vec())
}

fn any_state() -> impl Strategy<Value = ViewState> {
    let figure_ids: Vec<String> = data().figures.iter().map(|f| f.id.clone()).collect();
    (
        (
            selection::<Actor>(),
            selection::<MeasureGroup>(),
            selection::<Source>(),
            selection::<Certainty>(),
        ),
        pick::<View>(),
        proptest::option::of((pick::<Column>(), any::<bool>())),
        proptest::option::of(proptest::sample::select(figure_ids)),
        (proptest::option::of(pick::<ChartId>()), any::<bool>()),
        pick::<Theme>(),
    )
        .prop_map(
            |((actors, measures, sources, certainty), view, sort, mark, (chart, embed), theme)| {
                let filters = Filters {
                    actors,
                    measures,
                    sources,
                    certainty,
                };
                // A reachable state never names a figure its filters hide (the reducer sees to it).
                let mark = mark.filter(|id| {
                    frontline_figures::select::mark_visible(data(), &filters, id) == Some(true)
                });
                ViewState {
                    filters,
                    view,
                    sort: sort.map(|(column, descending)| Sort { column, descending }),
                    mark,
                    chart,
                    embed,
                    theme,
                }
            },
        )
}

/// Cases per property: 2,000 in `make test`; `make fuzz` sets PROPTEST_CASES much higher.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// Query strings built from the pieces attackers and broken links use: real and fake keys,
/// script and event-handler injections, broken and valid percent escapes, NUL and control
/// bytes, emoji, `__proto__`, path traversal, separators, and very long runs.
fn hostile_query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "actors",
            "measures",
            "sources",
            "certainty",
            "view",
            "sort",
            "mark",
            "embed",
            "theme",
            "chart",
            "strike",
            "utm_source",
            "fbclid",
            "gclid",
            "mc_eid",
            "VIEW",
            "amp;",
            "__proto__",
            "constructor",
            "prototype",
            "../../etc/passwd",
            "%2e%2e%2f",
            "=",
            "&",
            ",",
            "?",
            "#",
            "+",
            "%",
            "%2",
            "%zz",
            "%00",
            "%0A",
            "%E0%A4%A",
            "%F0%9F%92%A5",
            "\u{0}",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "russia",
            "north-korea",
            "none",
            "table",
            "value-desc",
            "ru-active",
            "derived-share",
            "💥",
            "\u{202E}",
            "\u{FEFF}",
            "1",
            "dark",
        ])
        .prop_map(str::to_string),
        "[ -~]{0,12}",
        any::<String>(),
        (1usize..6000).prop_map(|n| "a".repeat(n)),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    // A failing case is saved next to this file (tests/view_state.proptest-regressions) and
    // tried first on every later run.
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn parse_of_render_is_the_state(state in any_state()) {
        let parsed = ViewState::from_query(&state.to_query(), data());
        prop_assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
        prop_assert_eq!(parsed.state, state);
    }

    /// Any state with any decorations mixed in: the state and the decorations, in their order,
    /// read back from the address.
    #[test]
    fn decorations_round_trip_beside_any_state(
        state in any_state(),
        foreign in proptest::collection::vec(
            ("(utm_source|utm_medium|utm_campaign|fbclid|gclid|mc_cid|mc_eid|ref|x)", "[A-Za-z0-9_.%-]{0,12}")
                .prop_map(|(k, v)| format!("{k}={v}")),
            0..6,
        ),
    ) {
        let address = state.address(&foreign);
        let parsed = ViewState::from_query(&address, data());
        prop_assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
        prop_assert_eq!(parsed.state, state);
        prop_assert_eq!(parsed.foreign, foreign);
    }

    #[test]
    fn render_of_parse_is_canonical(q in "[a-z=&,%0-9A-F+-]{0,80}") {
        // Whatever was read, writing it back and reading again changes nothing.
        let once = ViewState::from_query(&q, data()).state;
        let twice = ViewState::from_query(&once.to_query(), data()).state;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn parsing_never_panics(q in any::<String>()) {
        let parsed = ViewState::from_query(&q, data());
        for i in parsed.ignored {
            prop_assert!(i.what.chars().count() <= 61);
            prop_assert!(!i.what.chars().any(char::is_control));
        }
    }

    /// The fuzz target (`make fuzz` runs it long): hostile queries never panic, always give a
    /// state that renders to a short canonical URL that reads back the same, and every
    /// reason shown is short, plain text.
    #[test]
    fn fuzz_hostile_queries(q in hostile_query()) {
        let parsed = ViewState::from_query(&q, data());
        let canonical = parsed.state.to_query();
        prop_assert!(canonical.len() < 400, "{canonical}");
        prop_assert_eq!(&ViewState::from_query(&canonical, data()).state, &parsed.state);
        // The address keeps what is not ours, after ours, and reads back the same.
        let address = parsed.state.address(&parsed.foreign);
        let again = ViewState::from_query(&address, data());
        prop_assert_eq!(&again.state, &parsed.state);
        prop_assert_eq!(&again.foreign, &parsed.foreign);
        for i in &parsed.ignored {
            prop_assert!(i.what.chars().count() <= 61 && !i.what.chars().any(char::is_control));
        }
    }
}

/// One table of parameters: a state that differs from the default in every parameter writes
/// every key of the table, once each, in the table's order; it reads back the same; and the
/// filter panel's groups are the table's filter parameters, in its order, each with every value.
#[test]
fn one_table_of_parameters_reads_writes_and_gives_the_filter_panel_its_groups() {
    use frontline_figures::dataset::{ChartId, Choice, Dataset};
    use frontline_figures::view_state::{Theme, dimensions, param_keys};
    let data = Dataset::bundled();
    // Every filter narrowed to one value, the marked figure's: it stays drawn.
    let f = data.figures.iter().find(|f| f.value.is_some()).unwrap();
    let mark = f.id.clone();
    let state = ViewState {
        view: View::Table,
        sort: Some(Sort {
            column: Column::Value,
            descending: true,
        }),
        mark: Some(mark),
        chart: Some(ChartId::ALL[0]),
        theme: Theme::Dark,
        embed: true,
        filters: Filters {
            actors: Selection::none().with(f.actor, true),
            measures: Selection::none().with(f.measure.group(), true),
            sources: Selection::none().with(f.source, true),
            certainty: Selection::none().with(f.qualifier.certainty(), true),
        },
    };
    let query = state.to_query();
    let written: Vec<&str> = query[1..]
        .split('&')
        .map(|p| p.split_once('=').unwrap().0)
        .collect();
    assert_eq!(written, param_keys().collect::<Vec<_>>(), "{query}");
    let read = ViewState::from_query(&query, data);
    assert_eq!(read.state.to_query(), query);
    let kinds: Vec<&str> = dimensions().iter().map(|d| d.kind).collect();
    assert_eq!(kinds, ["actor", "measure", "source", "certainty"]);
    let sizes: Vec<usize> = dimensions().iter().map(|d| d.values.len()).collect();
    assert_eq!(
        sizes,
        [
            <frontline_figures::dataset::Actor as Choice>::ALL.len(),
            <frontline_figures::dataset::MeasureGroup as Choice>::ALL.len(),
            <frontline_figures::dataset::Source as Choice>::ALL.len(),
            <frontline_figures::dataset::Certainty as Choice>::ALL.len(),
        ]
    );
}

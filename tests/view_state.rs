//! The URL is the state: canonical rendering, per-parameter parsing with reasons, the reducer,
//! and property tests that parsing is total and round-trips every state.

use frontline_figures::dataset::{
    Actor, Certainty, ChartId, Choice, Dataset, Figure, MeasureGroup, Source, vocabulary,
};
use frontline_figures::filters::{Dimension, Filter, Filters, Selection, mark_visible};
use frontline_figures::view_state::{Action, Column, Sort, Theme, View, ViewState, decode, encode};
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

/// The vocabulary's slugs of `T`, but `left_out`, joined as a URL list.
fn slugs_but<T: Choice>(left_out: T) -> String {
    let kept: Vec<&str> = T::ALL
        .iter()
        .filter(|t| **t != left_out)
        .map(|t| t.slug())
        .collect();
    kept.join(",")
}

/// A figure the charts draw, and one told in words only (if the article has one).
fn drawn() -> &'static Figure {
    data().figures.iter().find(|f| f.value.is_some()).unwrap()
}
fn vague() -> Option<&'static Figure> {
    data().figures.iter().find(|f| f.value.is_none())
}

#[test]
fn filters_and_view_render_short_and_in_a_fixed_order() {
    let first = Actor::ALL[0];
    let s = ViewState::default()
        .apply(Action::SetView(View::Table))
        .apply(Action::Toggle(Filter::Actor(first)));
    let expected = format!("?actors={}&view=table", slugs_but(first));
    assert_eq!(s.to_query(), expected);
    // The same view written in another order, case and with a repeated value reads the same.
    let mut kept: Vec<String> = Actor::ALL[1..].iter().map(|a| a.slug().into()).collect();
    kept.reverse();
    kept[0] = kept[0].to_uppercase();
    kept.push(kept[kept.len() - 1].clone());
    let (parsed, ignored) = parse(&format!("?view=table&actors={}", kept.join(",")));
    assert_eq!(parsed, s);
    assert!(ignored.is_empty(), "{ignored:?}");
    pinned!();
    assert_eq!(s.to_query(), "?actors=ukraine,north-korea&view=table");
}

#[test]
fn every_parameter_round_trips() {
    let (last_actor, first_group) = (*Actor::ALL.last().unwrap(), MeasureGroup::ALL[0]);
    let last_chart = *ChartId::ALL.last().unwrap();
    // The second kind the article has (upper-bound, for this one), or its only one.
    let last_kind = Certainty::ALL[1.min(Certainty::ALL.len() - 1)];
    let s = ViewState {
        filters: Filters {
            actors: Selection::none().with(last_actor, true),
            measures: Selection::all().with(first_group, false),
            sources: Selection::none(),
            certainty: Selection::none().with(last_kind, true),
        },
        view: View::Article,
        sort: Some(Sort {
            column: Column::Value,
            descending: true,
        }),
        mark: None,
        mark_in: None,
        chart: Some(last_chart),
        embed: true,
        theme: Theme::Dark,
    };
    let q = s.to_query();
    assert_eq!(
        q,
        format!(
            "?actors={}&measures={}&sources=none&certainty={}&view=article&sort=value-desc&chart={}&theme=dark&embed=1",
            last_actor.slug(),
            slugs_but(first_group),
            last_kind.slug(),
            last_chart.slug()
        )
    );
    assert_eq!(parse(&q), (s, vec![]));
    pinned!();
    assert_eq!(
        q,
        "?actors=north-korea&measures=losses,deployment,strikes,share,supplies&sources=none&certainty=upper-bound&view=article&sort=value-desc&chart=strike&theme=dark&embed=1"
    );
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
        .map(|c| c.id.slug())
        .collect();
    assert_eq!(drawn, names);
}

#[test]
fn a_mark_round_trips_and_a_hidden_or_unknown_mark_is_dropped_with_a_reason() {
    // Every figure the charts draw is a mark a link can name.
    for f in data().figures.iter().filter(|f| f.value.is_some()) {
        let s = ViewState::default().apply(Action::SelectMark {
            mark: Some(f.id.clone()),
            chart: None,
        });
        assert_eq!(s.to_query(), format!("?mark={}", f.id));
        assert_eq!(parse(&s.to_query()), (s, vec![]));
    }

    let (state, ignored) = parse("?mark=no-such-figure");
    assert_eq!(state, ViewState::default());
    assert_eq!(
        ignored,
        vec!["mark=no-such-figure: there is no figure with that id"]
    );

    // A mark whose actor the link's filters leave out: the filters stay, the mark goes.
    let f = drawn();
    let other = *Actor::ALL.iter().find(|a| **a != f.actor).unwrap();
    let (state, ignored) = parse(&format!("?actors={}&mark={}", other.slug(), f.id));
    assert_eq!(state.mark, None);
    assert_eq!(state.filters.actors, Selection::none().with(other, true));
    assert_eq!(
        ignored,
        vec![format!("mark={}: the filters hide that figure", f.id)]
    );
}

/// Links out in the world keep working: an old mark id of the article's migration table selects
/// the figure it now means (this article: the share once computed here is the article's own
/// "up to 20%" now).
#[test]
fn an_old_link_to_the_derived_share_selects_the_articles_own_share() {
    for &(old, new) in vocabulary().mark_migrations {
        let (state, ignored) = parse(&format!("?mark={old}"));
        assert_eq!(state.mark.as_deref(), Some(new));
        assert_eq!(ignored, Vec::<String>::new());
        assert_eq!(state.to_query(), format!("?mark={new}"));
        // Hidden by the link's own filters, it says so under its new id.
        let group = data().figure(new).unwrap().measure.group();
        let (state, ignored) = parse(&format!("?measures={}&mark={old}", slugs_but(group)));
        assert_eq!(state.mark, None);
        assert_eq!(
            ignored,
            vec![format!("mark={new}: the filters hide that figure")]
        );
    }
    pinned!();
    assert_eq!(
        vocabulary().mark_migrations,
        [("derived-share", "ru-force-increase")]
    );
}

#[test]
fn the_reducer_never_keeps_a_mark_the_filters_hide() {
    // A click on a mark that a pending render was about to remove: for each actor turned off,
    // every figure of it is refused and every drawn figure of the others is kept.
    for &off in Actor::ALL {
        let state = ViewState::default().apply(Action::Toggle(Filter::Actor(off)));
        for f in &data().figures {
            let s = state.apply_checked(
                Action::SelectMark {
                    mark: Some(f.id.clone()),
                    chart: None,
                },
                data(),
            );
            let kept = f.actor != off && f.value.is_some();
            assert_eq!(s.mark.is_some(), kept, "{} with {off:?} off", f.id);
        }
    }
    // Nor is an id that no figure has.
    let s = ViewState::default().apply_checked(
        Action::SelectMark {
            mark: Some("no-such-figure".into()),
            chart: None,
        },
        data(),
    );
    assert_eq!(s.mark, None);
    // A vague amount is never drawn, so it is never a mark either; named in a URL, it is
    // dropped with the true reason, not "the filters hide it".
    let Some(vague) = vague() else { return };
    let s = ViewState::default().apply_checked(
        Action::SelectMark {
            mark: Some(vague.id.clone()),
            chart: None,
        },
        data(),
    );
    assert_eq!(s.mark, None);
    let (state, ignored) = parse(&format!("?mark={}", vague.id));
    assert_eq!(state.mark, None);
    assert_eq!(
        ignored,
        vec![format!(
            "mark={}: that figure is told in words, never drawn as a mark",
            vague.id
        )]
    );
}

#[test]
fn invalid_values_are_dropped_without_spoiling_the_rest() {
    let first = Actor::ALL[0];
    let (state, ignored) = parse(&format!(
        "?actors={},no-such-actor&view=pie&sort=colour&theme=neon&embed=yes&zoom=3",
        first.slug()
    ));
    assert_eq!(state.filters.actors, Selection::none().with(first, true));
    assert_eq!(state.view, View::Charts);
    assert_eq!(state.sort, None);
    assert_eq!(state.theme, Theme::Auto);
    assert!(!state.embed);
    assert_eq!(ignored.len(), 5, "{ignored:?}");
    assert_eq!(
        ignored[0],
        format!(
            "actors={},no-such-actor: unknown actor; expected {}",
            first.slug(),
            Actor::expected()
        )
    );
    // A parameter that is not ours is not ours to judge: kept aside, silently.
    let parsed = ViewState::from_query("?view=pie&zoom=3", data());
    assert_eq!(parsed.foreign, ["zoom=3"]);
}

/// A key one `s` from ours, or the actor filter's own name as the page shows it, with a value
/// ours would change the view by: the sender meant ours (a link written by hand). Not applied,
/// as the key is not ours, and kept in the address as it came; but said, with what would
/// apply it.
#[test]
fn a_key_meant_for_ours_is_said_with_what_would_apply_it() {
    let actor = Actor::ALL.last().unwrap().slug();
    let filter = frontline_figures::dataset::vocabulary()
        .page
        .actor_filter
        .to_ascii_lowercase();
    for key in ["actor".to_string(), filter.clone(), filter.to_uppercase()] {
        let q = format!("?{key}={actor}&fbclid=x");
        let parsed = ViewState::from_query(&q, data());
        assert_eq!(parsed.state, ViewState::default(), "{q}: not applied");
        assert_eq!(
            parsed.foreign,
            [format!("{key}={actor}"), "fbclid=x".into()],
            "{q}"
        );
        let said: Vec<String> = parse(&q).1;
        assert_eq!(
            said,
            [format!(
                "{key}={actor}: this page does not read it; actors={actor} would apply it"
            )],
            "{q}"
        );
    }
    // Others of ours, an `s` off, the value written as a reader might.
    let groups = [MeasureGroup::ALL[0].slug(), MeasureGroup::ALL[1].slug()].join(",");
    let (_, said) = parse(&format!("?views=Table&measure={groups}&sorts=value-desc"));
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[0].ends_with("view=table would apply it"), "{said:?}");
    assert!(
        said[1].ends_with(&format!("measures={groups} would apply it")),
        "{said:?}"
    );
    assert!(
        said[2].ends_with("sort=value-desc would apply it"),
        "{said:?}"
    );
}

/// A key like ours whose value ours would not take, or would leave the view as it is by, is a
/// host's or a platform's (`?source=rss`): silent, as every key that is not ours.
#[test]
fn a_key_like_ours_with_a_value_ours_would_not_take_stays_silent() {
    // A key with no name at all, before a value ours would take, is no one's meant key either.
    let nameless = format!("?={}", Actor::ALL.last().unwrap().slug());
    for q in [
        "?source=rss",
        "?actor=atlantis",
        "?views=charts",
        "?actor=",
        "?marks=no-such-figure",
        "?ref=x",
        nameless.as_str(),
    ] {
        let parsed = ViewState::from_query(q, data());
        assert!(parsed.ignored.is_empty(), "{q}: {:?}", parsed.ignored);
        assert_eq!(parsed.foreign, [q.trim_start_matches('?')], "{q}");
    }
}

/// Links as platforms decorate them: Facebook's fbclid, newsletters' utm_*, Mailchimp's mc_cid
/// and mc_eid, ads' gclid. No notice; they stay in the address, after ours and in the order
/// they came; what is shared is the canonical URL without them.
#[test]
fn decorated_links_keep_their_decorations_in_the_address_and_out_of_what_is_shared() {
    let actor = Actor::ALL.last().unwrap().slug();
    let q = format!(
        "?utm_source=newsletter&actors={actor}&fbclid=IwAR0abc-123_x&utm_medium=email&view=table&utm_campaign=nov%2018&mc_cid=9f8e&mc_eid=1a2b&gclid=Cj0KCQ"
    );
    let parsed = ViewState::from_query(&q, data());
    assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
    assert_eq!(
        parsed.state.to_query(),
        format!("?actors={actor}&view=table")
    );
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
        format!(
            "?actors={actor}&view=table&utm_source=newsletter&fbclid=IwAR0abc-123_x&utm_medium=email&utm_campaign=nov%2018&mc_cid=9f8e&mc_eid=1a2b&gclid=Cj0KCQ"
        )
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

/// Links as people type and paste them: any letter case, `+` or `%20` for a space, and `&amp;`
/// from a link copied out of an HTML snippet. The canonical form stays as it is.
#[test]
fn links_as_people_type_and_paste_them() {
    let (a, b) = (Actor::ALL[0], *Actor::ALL.last().unwrap());
    let mark = &drawn().id;
    let typed = |s: &str, space: &str| s.to_uppercase().replace('-', space);
    let (state, ignored) = parse(&format!(
        "?VIEW=TABLE&theme=DARK&mark={}&sort=value-DESC&actors={},{}",
        typed(mark, "-"),
        typed(b.slug(), "+"),
        typed(a.slug(), " ")
    ));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(
        state.to_query(),
        format!(
            "?actors={},{}&view=table&sort=value-desc&mark={mark}&theme=dark",
            a.slug(),
            b.slug()
        )
    );
    let (state, ignored) = parse(&format!(
        "?actors={}&amp;view=table&amp;sort=actor",
        a.slug()
    ));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(
        state.to_query(),
        format!("?actors={}&view=table&sort=actor", a.slug())
    );
    // Escaped twice, and what is left of it reads the same again.
    let twice = ViewState::from_query(
        &format!("?actors={}&amp;amp;view=table&amp;amp;", a.slug()),
        data(),
    );
    assert_eq!(
        twice.state.to_query(),
        format!("?actors={}&view=table", a.slug())
    );
    assert!(twice.foreign.is_empty(), "{:?}", twice.foreign);
    // Spaces percent-encoded, and a space after the comma.
    let (state, _) = parse(&format!(
        "?actors={}, {}",
        typed(b.slug(), "%20"),
        typed(a.slug(), "%20")
    ));
    assert_eq!(
        state.filters.actors,
        Selection::none().with(a, true).with(b, true)
    );
    // This article's names, as a reader sees them, read as its actors.
    pinned!();
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
    let source = Source::ALL[0];
    let s = ViewState::default().apply(Action::SelectMark {
        mark: Some(drawn().id.clone()),
        chart: None,
    });
    let t = s.apply(Action::Toggle(Filter::Source(source)));
    assert_eq!(t.mark, None);
    assert!(!t.filters.sources.contains(source));
    assert_eq!(
        t.apply(Action::Toggle(Filter::Source(source))).filters,
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
                let mark = mark.filter(|id| mark_visible(data(), &filters, id) == Some(true));
                ViewState {
                    filters,
                    view,
                    sort: sort.map(|(column, descending)| Sort { column, descending }),
                    mark,
                    mark_in: None,
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
    use frontline_figures::view_state::{Theme, param_keys};
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
        mark_in: None,
        chart: Some(ChartId::ALL[0]),
        theme: Theme::Dark,
        embed: true,
        filters: Filters {
            actors: Selection::none().with(f.actor, true),
            measures: Selection::none().with(f.measure.group(), true),
            sources: Selection::none().with(f.source, true),
            certainty: Selection::none().with(f.certainty(), true),
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
    let kinds: Vec<&str> = Dimension::ALL.iter().map(|d| d.kind()).collect();
    assert_eq!(kinds, ["actor", "measure", "source", "certainty"]);
    let sizes: Vec<usize> = Dimension::ALL.iter().map(|d| d.values().len()).collect();
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

/// "Only this" keeps one value of a dimension and leaves the others as they were; removing a
/// dimension's filter gives it every value again; both clear the selected figure.
#[test]
fn only_and_open_change_one_dimension_and_clear_the_selection() {
    let f = data().figures.iter().find(|f| f.value.is_some()).unwrap();
    let mark = Action::SelectMark {
        mark: Some(f.id.clone()),
        chart: None,
    };
    let first = Actor::ALL[0];
    let some = ViewState::default()
        .apply(Action::Toggle(Filter::Source(Source::ALL[0])))
        .apply(mark);
    let only = some.apply(Action::Only(Filter::Actor(first)));
    assert_eq!(only.filters.actors.iter().collect::<Vec<_>>(), [first]);
    assert_eq!(
        only.filters.sources, some.filters.sources,
        "the other filters stay"
    );
    assert_eq!((only.mark.as_deref(), only.mark_in), (None, None));
    let open = only.apply(Action::Open(Dimension::Actor));
    assert!(open.filters.actors.is_all());
    assert_eq!(open.filters.sources, some.filters.sources);
    // An "only" of a dimension already at that one value changes nothing but the selection.
    assert_eq!(
        only.apply(Action::Only(Filter::Actor(first))).filters,
        only.filters
    );
}

/// The table's status line says a sort as its header's `aria-sort` does, for every column.
#[test]
fn a_sort_is_said_in_words() {
    for &column in Column::ALL {
        for (descending, order) in [(false, "ascending"), (true, "descending")] {
            assert_eq!(
                Sort { column, descending }.said(),
                format!("Sorted by {}, {order}.", column.label())
            );
        }
    }
    let value = Sort {
        column: Column::Value,
        descending: true,
    };
    assert_eq!(value.said(), "Sorted by Value, descending.");
}

//! The bundled data against the article, and broken copies of it that must fail with a message
//! naming the file, the figure and the field.

use frontline_figures::dataset::{
    ARTICLE_TEXT, Actor, Certainty, Choice, Dataset, FIGURES_JSON, Measure, MeasureGroup,
    Qualifier, Source, Unit, load_checked, numerals,
};
use frontline_figures::view_state::{Column, Theme, View};

fn data() -> &'static Dataset {
    Dataset::bundled()
}

#[test]
fn bundled_data_loads_and_matches_the_article_file() {
    let d = data();
    assert_eq!(d.text, std::fs::read_to_string("data/article.txt").unwrap());
    assert_eq!(
        d.article.title,
        "North Korea bolsters Russia: Plans to send 100,000 troops to Ukraine front"
    );
    assert_eq!(d.article.published.to_string(), "2024-11-18");
}

#[test]
fn every_figure_of_the_article_is_there_with_its_hedge_and_source() {
    let d = data();
    let expect = [
        (
            "ru-active",
            Actor::Russia,
            Some(500_000),
            Qualifier::About,
            Source::NewYorkPost,
        ),
        (
            "ru-killed",
            Actor::Russia,
            Some(70_000),
            Qualifier::UpToMayHave,
            Source::NewYorkPost,
        ),
        (
            "ua-soldiers",
            Actor::Ukraine,
            Some(400_000),
            Qualifier::About,
            Source::NewYorkPost,
        ),
        (
            "ua-losses",
            Actor::Ukraine,
            Some(80_000),
            Qualifier::Approximately,
            Source::NewYorkPost,
        ),
        (
            "nk-front",
            Actor::NorthKorea,
            Some(15_000),
            Qualifier::Approximately,
            Source::Unattributed,
        ),
        (
            "nk-planned",
            Actor::NorthKorea,
            Some(100_000),
            Qualifier::UpTo,
            Source::BloombergIntelligence,
        ),
        (
            "ru-force-increase",
            Actor::Russia,
            Some(20),
            Qualifier::UpTo,
            Source::Unattributed,
        ),
        (
            "nk-ammunition",
            Actor::NorthKorea,
            None,
            Qualifier::Vague,
            Source::MediaReports,
        ),
        (
            "ru-missiles",
            Actor::Russia,
            Some(120),
            Qualifier::Approximately,
            Source::Unattributed,
        ),
        (
            "ru-drones",
            Actor::Russia,
            Some(90),
            Qualifier::Approximately,
            Source::Unattributed,
        ),
    ];
    assert_eq!(d.figures.len(), expect.len());
    for (id, actor, value, qualifier, source) in expect {
        let f = d
            .figure(id)
            .unwrap_or_else(|| panic!("figure {id} is missing"));
        assert_eq!(
            (f.actor, f.value, f.qualifier, f.source),
            (actor, value, qualifier, source),
            "{id}"
        );
        assert!(!f.quotes.is_empty(), "{id}");
    }
    assert_eq!(
        d.figure("nk-ammunition").unwrap().value_text.as_deref(),
        Some("hundreds of thousands")
    );
    assert_eq!(d.figure("ru-force-increase").unwrap().unit, Unit::Percent);
}

#[test]
fn a_figure_said_three_times_is_one_figure_with_three_quotes() {
    let d = data();
    let hundred_k: Vec<_> = d
        .figures
        .iter()
        .filter(|f| f.value == Some(100_000))
        .collect();
    assert_eq!(hundred_k.len(), 1);
    assert_eq!(hundred_k[0].quotes.len(), 3);
    let in_article = numerals(&d.text)
        .iter()
        .filter(|n| n.value == Some(100_000))
        .count();
    assert_eq!(in_article, 3);
}

#[test]
fn numerals_are_found_with_their_values() {
    let found: Vec<_> = numerals("up to 100,000 and 20% at 06:04, 1.5 x")
        .into_iter()
        .map(|n| n.value)
        .collect();
    assert_eq!(found, vec![Some(100_000), Some(20), None, None]);
}

#[test]
fn events_cover_the_timeline_and_the_undated_meetings() {
    let d = data();
    let dated: Vec<String> = d
        .events
        .iter()
        .filter_map(|e| e.start)
        .map(|s| s.to_string())
        .collect();
    assert!(dated.contains(&"2022-02-24".to_string()));
    assert!(dated.contains(&"2024-11-17".to_string()));
    assert!(dated.contains(&"2024-11-18".to_string()));
    let meetings = d
        .events
        .iter()
        .find(|e| e.id == "putin-kim-meetings")
        .unwrap();
    assert!(meetings.start.is_none());
    let strike = d.events.iter().find(|e| e.id == "weekend-strike").unwrap();
    assert_eq!(
        strike.end.map(|e| e.to_string()).as_deref(),
        Some("2024-11-17")
    );
    assert!(
        strike
            .date_basis
            .as_deref()
            .unwrap()
            .starts_with("Worked out: ")
    );
}

#[test]
fn measures_and_units_fit_each_other() {
    for f in &data().figures {
        let soldiers = f.unit == Unit::Soldiers;
        let soldier_measure = !matches!(
            f.measure,
            Measure::CombatForceIncrease
                | Measure::MissilesLaunched
                | Measure::DronesLaunched
                | Measure::AmmunitionSupplied
        );
        assert_eq!(soldiers, soldier_measure, "{}", f.id);
        assert_eq!(
            f.value.is_none(),
            f.qualifier.certainty() == Certainty::Vague,
            "{}",
            f.id
        );
    }
}

/// Each broken copy fails for its one mistake alone, and the message names the file, the figure
/// and the field.
#[test]
fn broken_fixtures_fail_with_a_message_naming_file_figure_and_field() {
    let cases = [
        ("malformed", "is not valid JSON"),
        (
            "missing-field",
            "figure \"ru-killed\", field \"unit\": is missing",
        ),
        (
            "unknown-actor",
            "figure \"ua-losses\", field \"actor\": unknown actor \"belarus\"; expected one of russia, ukraine, north-korea",
        ),
        (
            "quote-not-in-article",
            "figure \"ru-active\", field \"quotes[1]\": this quote is not in data/article.txt verbatim",
        ),
        (
            "value-not-in-quote",
            "figure \"nk-front\", field \"quotes[0]\": does not state the figure's value (16000)",
        ),
        (
            "duplicate-id",
            "figure \"ru-missiles\", field \"id\": is used twice",
        ),
        (
            "numeral-unaccounted",
            "the article's numeral \"06:04\" is not accounted for",
        ),
        (
            "figure-said-twice",
            "figure \"nk-planned-bloomberg\", field \"measure\": repeats figure \"nk-planned\"",
        ),
        (
            "vague-with-value",
            "figure \"nk-ammunition\", field \"value\": must be null for a vague amount",
        ),
        (
            "period-not-in-article",
            "figure \"ua-losses\", field \"period\": \"since Feb 2022\" is not in the figure's quotes: a period is the article's own words",
        ),
        (
            "event-date-unlabelled",
            "event \"full-scale-war\", field \"when\": \"24 February 2022\" is not in the event's quote",
        ),
        (
            "title-drops-hedge",
            "event \"nk-training\", field \"title\": drops the hedge \"reportedly\" of its quote",
        ),
        (
            "title-adds-hedge",
            "event \"nk-deployed\", field \"title\": adds the hedge \"about\", which its quote does not have",
        ),
        (
            "first-quote-without-hedge",
            "figure \"nk-planned\", field \"quotes[0]\": does not carry the hedge \"up to\"",
        ),
        (
            "reading-names-a-source",
            "figure \"ru-missiles\", field \"reading.source\": \"Bloomberg reports\" names a source, but the figure's source is \"unattributed\"",
        ),
        (
            "event-actor-unlisted",
            "event \"nk-deployed\", field \"actors\": does not list \"north-korea\", which its quote or title names",
        ),
        (
            "as-of-after-article",
            "figure \"nk-front\", field \"worked_out.as_of\": 2024-11-19 is after the article's date (2024-11-18)",
        ),
    ];
    let mut files: Vec<String> = std::fs::read_dir("tests/fixtures/broken")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut named: Vec<String> = cases.iter().map(|(n, _)| format!("{n}.json")).collect();
    named.sort();
    assert_eq!(files, named, "every broken fixture is checked here");
    for (name, expected) in cases {
        let file = format!("tests/fixtures/broken/{name}.json");
        let json = std::fs::read_to_string(&file).unwrap();
        let err = match load_checked(&file, &json, ARTICLE_TEXT) {
            Ok(_) => panic!("{file} should fail to load"),
            Err(e) => e.to_string(),
        };
        let wanted = if name == "malformed" || name == "numeral-unaccounted" {
            expected.to_string()
        } else {
            format!("{file}: {expected}")
        };
        assert!(
            err.contains(&wanted),
            "{file}: expected\n  {wanted}\nin\n  {err}"
        );
        assert!(
            err.contains(&file),
            "{file}: the message must name the file: {err}"
        );
        // One mistake, one message, but for two: a wrong value is also missing from the reading
        // note and leaves the article's numeral unaccounted for; a first quote without the
        // hedge also lacks the reading note's hedge and source words.
        let messages = match name {
            "value-not-in-quote" | "first-quote-without-hedge" => 3,
            _ => 1,
        };
        assert_eq!(
            err.lines().count(),
            messages,
            "{file} fails for its mistake alone: {err}"
        );
    }
}

#[test]
fn the_compiled_data_is_exactly_what_the_loader_reads_from_the_json() {
    match load_checked("data/figures.json", FIGURES_JSON, ARTICLE_TEXT) {
        Ok(parsed) => assert_eq!(
            &parsed,
            data(),
            "build.rs wrote the data as the loader reads it"
        ),
        Err(e) => panic!("the real data must pass the checks:\n{e}"),
    }
}

#[test]
fn unknown_fields_are_errors_not_ignored() {
    let json = FIGURES_JSON.replacen(
        "\"period\": \"at the beginning of the year\"",
        "\"period\": \"at the beginning of the year\", \"perod\": \"x\"",
        1,
    );
    let err = load_checked("x.json", &json, ARTICLE_TEXT)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("figure \"ru-active\", field \"perod\": unknown field"),
        "{err}"
    );
}

/// Every closed set of names, in the data and in URLs: each slug names one value only (a slug
/// given twice would make the second value unreachable from a URL or the JSON), and every slug
/// is plain kebab-case.
#[test]
fn every_slug_round_trips_and_is_unique() {
    fn check<T: Choice + std::fmt::Debug>() {
        for &c in T::ALL {
            assert_eq!(
                T::from_slug(c.slug()),
                Some(c),
                "{c:?}: its slug {:?} is taken by another value",
                c.slug()
            );
            assert!(
                c.slug()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{c:?}: {:?} is not kebab-case",
                c.slug()
            );
        }
    }
    check::<Actor>();
    check::<Unit>();
    check::<Measure>();
    check::<MeasureGroup>();
    check::<Qualifier>();
    check::<Source>();
    check::<Certainty>();
    check::<View>();
    check::<Column>();
    check::<Theme>();
}

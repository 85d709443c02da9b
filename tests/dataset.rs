//! The bundled article's data against its text, generic over any article (`ARTICLE`); this
//! article's known facts (pinned); and broken copies of its files that must fail with a message
//! naming the file, the item and the field.

use frontline_figures::dataset::{
    ARTICLE_DIR, ARTICLE_TXT, Actor, ArticleFiles, Certainty, ChartId, Choice, DEFAULT_ARTICLE,
    Dataset, EXPLORER_JSON, FIGURES_JSON, Measure, MeasureGroup, Qualifier, Source, Unit,
    load_article, load_checked, numerals, vocabulary,
};
use frontline_figures::view_state::{Column, Theme, View};

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

fn data() -> &'static Dataset {
    Dataset::bundled()
}

fn read(dir: &str, name: &str) -> String {
    let path = format!("{dir}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn bundled_data_loads_and_matches_the_article_file() {
    let d = data();
    assert_eq!(d.text, read(ARTICLE_DIR, ARTICLE_TXT));
    assert_eq!(d.article.title, d.text.lines().next().unwrap().trim());
    assert!(!d.figures.is_empty());
}

#[test]
fn this_articles_title_and_date() {
    pinned!();
    let d = data();
    assert_eq!(
        d.article.title,
        "North Korea bolsters Russia: Plans to send 100,000 troops to Ukraine front"
    );
    assert_eq!(d.article.published.to_string(), "2024-11-18");
}

#[test]
fn every_figure_of_the_article_is_there_with_its_hedge_and_source() {
    pinned!();
    let d = data();
    let expect = [
        (
            "ru-active",
            actor("russia"),
            Some(500_000),
            Qualifier::About,
            source("new-york-post"),
        ),
        (
            "ru-killed",
            actor("russia"),
            Some(70_000),
            Qualifier::UpToMayHave,
            source("new-york-post"),
        ),
        (
            "ua-soldiers",
            actor("ukraine"),
            Some(400_000),
            Qualifier::About,
            source("new-york-post"),
        ),
        (
            "ua-losses",
            actor("ukraine"),
            Some(80_000),
            Qualifier::Approximately,
            source("new-york-post"),
        ),
        (
            "nk-front",
            actor("north-korea"),
            Some(15_000),
            Qualifier::Approximately,
            source("unattributed"),
        ),
        (
            "nk-planned",
            actor("north-korea"),
            Some(100_000),
            Qualifier::UpTo,
            source("bloomberg"),
        ),
        (
            "ru-force-increase",
            actor("russia"),
            Some(20),
            Qualifier::UpTo,
            source("unattributed"),
        ),
        (
            "nk-ammunition",
            actor("north-korea"),
            None,
            Qualifier::Vague,
            source("media-reports"),
        ),
        (
            "ru-missiles",
            actor("russia"),
            Some(120),
            Qualifier::Approximately,
            source("unattributed"),
        ),
        (
            "ru-drones",
            actor("russia"),
            Some(90),
            Qualifier::Approximately,
            source("unattributed"),
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
    assert_eq!(d.figure("ru-force-increase").unwrap().unit, unit("percent"));
}

#[test]
fn a_figure_said_three_times_is_one_figure_with_three_quotes() {
    pinned!();
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
    pinned!();
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
        assert!(
            f.measure.def().units.contains(&f.unit),
            "{}: {} is not a unit of {}",
            f.id,
            f.unit.slug(),
            f.measure.slug()
        );
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
            "figure \"ru-active\", field \"quotes[1]\": this quote is not in data/north-korea-troops/article.txt verbatim",
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
            "outlet-not-in-article",
            "article, field \"outlet\": the outlet \"The Moscow Times\" is not in data/north-korea-troops/article.txt verbatim",
        ),
        (
            "as-of-after-article",
            "figure \"nk-front\", field \"worked_out.as_of\": 2024-11-19 is after the article's date (2024-11-18)",
        ),
    ];
    for (name, expected, file, err) in broken("tests/fixtures/broken", &cases, |file, json| {
        this_article_with(None, Some((file, json)))
    }) {
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
    match load_article(ARTICLE_DIR) {
        Ok(parsed) => {
            assert_eq!(
                &parsed.dataset,
                data(),
                "build.rs wrote the data as the loader reads it"
            );
            assert_eq!(
                &parsed.vocab,
                vocabulary(),
                "build.rs wrote the vocabulary as the loader reads it"
            );
        }
        Err(e) => panic!("the real data must pass the checks:\n{e}"),
    }
}

#[test]
fn unknown_fields_are_errors_not_ignored() {
    // A typo in the first figure and in the first actor, whatever the article.
    let mut figures: serde_json::Value =
        serde_json::from_str(&read(ARTICLE_DIR, FIGURES_JSON)).unwrap();
    let first = &mut figures["figures"][0];
    let id = first["id"].as_str().unwrap().to_string();
    first["perod"] = "x".into();
    let mut explorer: serde_json::Value =
        serde_json::from_str(&read(ARTICLE_DIR, EXPLORER_JSON)).unwrap();
    let actor = explorer["actors"][0]["slug"].as_str().unwrap().to_string();
    explorer["actors"][0]["lable"] = "x".into();
    let (figures, explorer) = (figures.to_string(), explorer.to_string());
    let text = read(ARTICLE_DIR, ARTICLE_TXT);
    let files = |figures: &'static str, explorer: &'static str| ArticleFiles {
        article: ("article.txt", &text),
        figures: ("figures.json", figures),
        explorer: ("explorer.json", explorer),
    };
    let clean_explorer = read(ARTICLE_DIR, EXPLORER_JSON).leak();
    let err = load_checked(files(figures.leak(), clean_explorer))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("figure \"{id}\", field \"perod\": unknown field")),
        "{err}"
    );
    let err = load_checked(files(
        read(ARTICLE_DIR, FIGURES_JSON).leak(),
        explorer.leak(),
    ))
    .unwrap_err()
    .to_string();
    assert!(
        err.contains(&format!(
            "explorer.json: actor \"{actor}\", field \"lable\": unknown field"
        )),
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
    check::<ChartId>();
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

/// Each broken copy in `dir` loaded in place of this article's own file (`files` gives the set),
/// with the messages it fails with: (case name, expected message, file, messages). Every file in `dir` must be one
/// of `cases`, and every case a file.
fn broken<'c>(
    dir: &str,
    cases: &[(&'c str, &'c str)],
    files: impl Fn(&'static str, &'static str) -> ArticleFiles<'static>,
) -> Vec<(&'c str, &'c str, String, String)> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut named: Vec<String> = cases.iter().map(|(n, _)| format!("{n}.json")).collect();
    named.sort();
    assert_eq!(found, named, "every broken copy in {dir} is checked here");
    cases
        .iter()
        .map(|(name, expected)| {
            let file: &'static str = format!("{dir}/{name}.json").leak();
            let json: &'static str = std::fs::read_to_string(file).unwrap().leak();
            match load_checked(files(file, json)) {
                Ok(_) => panic!("{file} should fail to load"),
                Err(e) => (*name, *expected, file.to_string(), e.to_string()),
            }
        })
        .collect()
}

/// This article's files, with a broken figures file or explorer file in place of its own:
/// (name for messages, text).
fn this_article_with<'a>(
    explorer: Option<(&'a str, &'a str)>,
    figures: Option<(&'a str, &'a str)>,
) -> ArticleFiles<'a> {
    let own = |name: &str| -> (&'static str, &'static str) {
        (
            format!("{DEFAULT_ARTICLE}/{name}").leak(),
            read(DEFAULT_ARTICLE, name).leak(),
        )
    };
    ArticleFiles {
        article: own(ARTICLE_TXT),
        figures: figures.unwrap_or_else(|| own(FIGURES_JSON)),
        explorer: explorer.unwrap_or_else(|| own(EXPLORER_JSON)),
    }
}

/// Each broken copy of this article's explorer.json fails for its one mistake alone, and the
/// message names the file, the item and the field.
#[test]
fn broken_vocabularies_fail_with_a_message_naming_file_item_and_field() {
    let cases = [
        (
            "unknown-axis",
            "unit \"drones\", field \"axis\": unknown axis \"drone-axis\"; expected one of soldiers, percent, munitions, ammunition",
        ),
        (
            "sentence-without-value",
            "measure \"losses\", field \"sentence\": \"losses\" must hold \"{value}\" once",
        ),
        (
            "sentence-drops-hedge",
            "figure \"ru-killed\", field \"qualifier\": \"up-to-may-have\" needs the words \"may have been\", but the sentence of measure \"killed\" (\"{value} killed\", in tests/fixtures/broken-explorer/sentence-drops-hedge.json) does not say them",
        ),
        (
            "slug-twice",
            "source \"media-reports\", field \"slug\": is used twice",
        ),
        (
            "two-unnamed-sources",
            "field \"sources\": more than one source is \"named\": false",
        ),
        (
            "chart-unknown-group",
            "chart \"north-korea\", field \"groups[1]\": unknown group \"shares\"",
        ),
        (
            "migration-to-nothing",
            "migrations.mark, field \"derived-share\": leads to \"ru-share\", which is no drawn figure",
        ),
        ("page-without-title", "page, field \"title\": is missing"),
    ];
    for (_, expected, file, err) in
        broken("tests/fixtures/broken-explorer", &cases, |file, json| {
            this_article_with(Some((file, json)), None)
        })
    {
        assert!(
            err.contains(expected),
            "{file}: expected\n  {expected}\nin\n  {err}"
        );
        assert!(
            err.contains(&file),
            "{file}: the message must name the file: {err}"
        );
        assert_eq!(
            err.lines().count(),
            1,
            "{file} fails for its mistake alone: {err}"
        );
    }
}

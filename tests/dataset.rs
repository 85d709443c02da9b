//! The bundled article's data against its text, generic over any article (`ARTICLE`); this
//! article's known facts (pinned); and edits of its real files, each one mistake, that must fail
//! with a message naming the file, the item and the field.

use frontline_figures::dataset::{
    ARTICLE_DIR, ARTICLE_TXT, Actor, Amount, ArticleFiles, Certainty, ChartId, Choice,
    DEFAULT_ARTICLE, Dataset, EXPLORER_JSON, FIGURES_JSON, HedgeKind, Measure, MeasureGroup,
    Source, Unit, load_article, load_checked, numerals, vocabulary,
};
use frontline_figures::view_state::{Column, Theme, View};

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

#[path = "support/json_edit.rs"]
mod json_edit;
use json_edit::Edit::{self, Add, Remove, Replace, ReplaceText};

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
            Some(Amount::whole(500_000)),
            (HedgeKind::Approximate, "about"),
            source("new-york-post"),
        ),
        (
            "ru-killed",
            actor("russia"),
            Some(Amount::whole(70_000)),
            (HedgeKind::UpperBound, "up to … may have been"),
            source("new-york-post"),
        ),
        (
            "ua-soldiers",
            actor("ukraine"),
            Some(Amount::whole(400_000)),
            (HedgeKind::Approximate, "about"),
            source("new-york-post"),
        ),
        (
            "ua-losses",
            actor("ukraine"),
            Some(Amount::whole(80_000)),
            (HedgeKind::Approximate, "approximately"),
            source("new-york-post"),
        ),
        (
            "nk-front",
            actor("north-korea"),
            Some(Amount::whole(15_000)),
            (HedgeKind::Approximate, "approximately"),
            source("unattributed"),
        ),
        (
            "nk-planned",
            actor("north-korea"),
            Some(Amount::whole(100_000)),
            (HedgeKind::UpperBound, "up to"),
            source("bloomberg"),
        ),
        (
            "ru-force-increase",
            actor("russia"),
            Some(Amount::whole(20)),
            (HedgeKind::UpperBound, "up to"),
            source("unattributed"),
        ),
        (
            "nk-ammunition",
            actor("north-korea"),
            None,
            (HedgeKind::Vague, ""),
            source("media-reports"),
        ),
        (
            "ru-missiles",
            actor("russia"),
            Some(Amount::whole(120)),
            (HedgeKind::Approximate, "approximately"),
            source("unattributed"),
        ),
        (
            "ru-drones",
            actor("russia"),
            Some(Amount::whole(90)),
            (HedgeKind::Approximate, "approximately"),
            source("unattributed"),
        ),
    ];
    assert_eq!(d.figures.len(), expect.len());
    for (id, actor, value, (kind, words), source) in expect {
        let f = d
            .figure(id)
            .unwrap_or_else(|| panic!("figure {id} is missing"));
        assert_eq!(
            (
                f.actor,
                f.value,
                f.hedge.kind,
                f.hedge.words.as_str(),
                f.source
            ),
            (actor, value, kind, words, source),
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
        .filter(|f| f.value == Some(Amount::whole(100_000)))
        .collect();
    assert_eq!(hundred_k.len(), 1);
    assert_eq!(hundred_k[0].quotes.len(), 3);
    let in_article = numerals(&d.text)
        .iter()
        .filter(|n| n.value == Some(Amount::whole(100_000)))
        .count();
    assert_eq!(in_article, 3);
}

#[test]
fn numerals_are_found_with_their_values() {
    let found: Vec<_> = numerals("up to 100,000 and 20% at 06:04, 1.5 x, 4.5% and 1.2.3")
        .into_iter()
        .map(|n| n.value)
        .collect();
    let whole = |n| Some(Amount::whole(n));
    assert_eq!(
        found,
        vec![
            whole(100_000),
            whole(20),
            None,
            Some(Amount(1_500)),
            Some(Amount(4_500)),
            None
        ]
    );
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
            f.hedge.kind == HedgeKind::Vague,
            "{}",
            f.id
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
    check::<HedgeKind>();
    check::<Source>();
    check::<Certainty>();
    check::<View>();
    check::<Column>();
    check::<Theme>();
}

/// One way to break this article's data: an edit of its real figures.json or explorer.json, and
/// the messages the edited data must fail with, one a line and no others.
struct Broken {
    /// The mistake; in messages the edited file is named after it: `figures.json (name)`.
    name: &'static str,
    /// Made to the real file, in turn, when the test runs.
    edit: &'static [Edit],
    /// Each is in the error; `{file}` stands for the edited file's name (a sentence's own
    /// `{value}` is the data's, left as it is).
    fails_with: &'static [&'static str],
}

/// Each mistake fails alone, and the message names the file, the figure and the field. A wrong
/// value fails three times: it is also not the reading note's value, and it leaves the article's
/// numeral unaccounted for; so does a first quote without the hedge, as it lacks the reading
/// note's hedge and source words too.
const BROKEN_FIGURES: &[Broken] = &[
    Broken {
        name: "malformed",
        edit: &[ReplaceText(r#""value": 500000,"#, r#""value": 500000"#)],
        fails_with: &["{file}: is not valid JSON"],
    },
    Broken {
        name: "missing-field",
        edit: &[Remove("/figures/1/unit")],
        fails_with: &[r#"{file}: figure "ru-killed", field "unit": is missing"#],
    },
    Broken {
        name: "unknown-actor",
        edit: &[Replace("/figures/3/actor", r#""belarus""#)],
        fails_with: &[
            r#"{file}: figure "ua-losses", field "actor": unknown actor "belarus"; expected one of russia, ukraine, north-korea"#,
        ],
    },
    Broken {
        name: "quote-not-in-article",
        edit: &[Add(
            "/figures/0/quotes/1",
            r#""Russia had roughly 500,000 active soldiers at the beginning of the year.""#,
        )],
        fails_with: &[
            r#"{file}: figure "ru-active", field "quotes[1]": this quote is not in data/north-korea-troops/article.txt verbatim"#,
        ],
    },
    Broken {
        name: "value-not-in-quote",
        edit: &[Replace("/figures/4/value", "16000")],
        fails_with: &[
            r#"{file}: figure "nk-front", field "quotes[0]": does not state the figure's value (16000)"#,
            r#"{file}: figure "nk-front", field "reading.value": "15,000" must be the first quote's words for the figure's value"#,
            r#"{file}, field "figures": the article's numeral "15,000" is not accounted for"#,
        ],
    },
    Broken {
        name: "duplicate-id",
        edit: &[Replace("/figures/9/id", r#""ru-missiles""#)],
        fails_with: &[r#"{file}: figure "ru-missiles", field "id": is used twice"#],
    },
    Broken {
        name: "numeral-unaccounted",
        edit: &[Remove("/not_figures/0")],
        fails_with: &[
            r#"{file}, field "figures": the article's numeral "06:04" is not accounted for"#,
        ],
    },
    Broken {
        name: "figure-said-twice",
        edit: &[Add(
            "/figures/6",
            r#"{
                    "id": "nk-planned-bloomberg", "value": 100000, "unit": "soldiers",
                    "actor": "north-korea", "measure": "planned-deployment",
                    "hedge": { "kind": "upper-bound", "words": "up to" }, "source": "bloomberg",
                    "quotes": ["Bloomberg, citing intelligence data, claims that North Korea may send up to 100,000 soldiers into battle."],
                    "reading": {
                        "value": "100,000", "hedge": "may send up to",
                        "source": "Bloomberg, citing intelligence data, claims", "period": null
                    }
                }"#,
        )],
        fails_with: &[
            r#"{file}: figure "nk-planned-bloomberg", field "measure": repeats figure "nk-planned" (north-korea planned-deployment, by bloomberg)"#,
        ],
    },
    // A field missing from one figure and an id used twice: both in one run, the second
    // checked over the figures that read.
    Broken {
        name: "every-problem-in-one-run",
        edit: &[
            Remove("/figures/0/unit"),
            Replace("/figures/9/id", r#""ru-missiles""#),
        ],
        fails_with: &[
            r#"{file}: figure "ru-active", field "unit": is missing"#,
            r#"{file}: figure "ru-missiles", field "id": is used twice"#,
        ],
    },
    Broken {
        name: "vague-with-value",
        edit: &[Replace("/figures/7/value", "300000")],
        fails_with: &[
            r#"{file}: figure "nk-ammunition", field "value": must be null for a vague amount"#,
        ],
    },
    Broken {
        name: "period-not-in-article",
        edit: &[
            Replace("/figures/3/period", r#""since Feb 2022""#),
            Replace("/figures/3/reading/period", r#""since Feb 2022""#),
        ],
        fails_with: &[
            r#"{file}: figure "ua-losses", field "period": "since Feb 2022" is not in the figure's quotes: a period is the article's own words"#,
        ],
    },
    Broken {
        name: "event-date-unlabelled",
        edit: &[Remove("/events/0/date_basis")],
        fails_with: &[
            r#"{file}: event "full-scale-war", field "when": "24 February 2022" is not in the event's quote"#,
        ],
    },
    Broken {
        name: "title-drops-hedge",
        edit: &[Replace(
            "/events/2/title",
            r#""North Korean soldiers trained in eastern Russia, then were sent to Kursk""#,
        )],
        fails_with: &[
            r#"{file}: event "nk-training", field "title": drops the hedge "reportedly" of its quote"#,
        ],
    },
    Broken {
        name: "title-adds-hedge",
        edit: &[Replace(
            "/events/3/title",
            r#""About 15,000 North Korean soldiers deployed to fight against Ukraine""#,
        )],
        fails_with: &[
            r#"{file}: event "nk-deployed", field "title": adds the hedge "about", which its quote does not have"#,
        ],
    },
    Broken {
        name: "first-quote-without-hedge",
        edit: &[
            Remove("/figures/5/quotes/2"),
            Add(
                "/figures/5/quotes/0",
                r#""North Korea bolsters Russia: Plans to send 100,000 troops to Ukraine front""#,
            ),
        ],
        fails_with: &[
            r#"{file}: figure "nk-planned", field "quotes[0]": does not carry the hedge "up to""#,
            r#"{file}: figure "nk-planned", field "reading.hedge": "may send up to" is not in the first quote"#,
            r#"{file}: figure "nk-planned", field "quotes[0]": does not carry the source's words "Bloomberg, citing intelligence data, claims""#,
        ],
    },
    // The quote's "about" is 400,000's; 80,000 has its own "approximately".
    Broken {
        name: "hedge-of-another-number",
        edit: &[Replace("/figures/3/hedge/words", r#""about""#)],
        fails_with: &[
            r#"{file}: figure "ua-losses", field "quotes[0]": the hedge "about" does not stand next to the figure's value 80,000: a hedge belongs to its number, right before it in the same clause ("about 80,000"); here "about" belongs to 400,000"#,
        ],
    },
    Broken {
        name: "reading-names-a-source",
        edit: &[Replace(
            "/figures/8/reading/source",
            r#""Bloomberg reports""#,
        )],
        fails_with: &[
            r#"{file}: figure "ru-missiles", field "reading.source": "Bloomberg reports" names a source, but the figure's source is "unattributed""#,
        ],
    },
    Broken {
        name: "event-actor-unlisted",
        edit: &[Remove("/events/3/actors/1")],
        fails_with: &[
            r#"{file}: event "nk-deployed", field "actors": does not list "north-korea", which its quote or title names"#,
        ],
    },
    Broken {
        name: "outlet-not-in-article",
        edit: &[Add("/article/outlet", r#""The Moscow Times""#)],
        fails_with: &[
            r#"{file}: article, field "outlet": the outlet "The Moscow Times" is not in data/north-korea-troops/article.txt verbatim"#,
        ],
    },
    Broken {
        name: "as-of-after-article",
        edit: &[Replace("/figures/4/worked_out/as_of", r#""2024-11-19""#)],
        fails_with: &[
            r#"{file}: figure "nk-front", field "worked_out.as_of": 2024-11-19 is after the article's date (2024-11-18)"#,
        ],
    },
];

/// Each mistake in the vocabulary fails alone, and the message names the file, the item and the
/// field. A sentence that drops a hedge is the figure's error, in figures.json, naming the
/// sentence's file.
const BROKEN_VOCABULARIES: &[Broken] = &[
    Broken {
        name: "unknown-axis",
        edit: &[Replace("/units/3/axis", r#""drone-axis""#)],
        fails_with: &[
            r#"{file}: unit "drones", field "axis": unknown axis "drone-axis"; expected one of soldiers, percent, munitions, ammunition"#,
        ],
    },
    Broken {
        name: "sentence-without-value",
        edit: &[Replace("/measures/3/sentence", r#""losses""#)],
        fails_with: &[
            r#"{file}: measure "losses", field "sentence": "losses" must hold "{value}" once"#,
        ],
    },
    Broken {
        name: "sentence-drops-hedge",
        edit: &[Remove("/measures/2/sentence_when")],
        fails_with: &[
            r#"data/north-korea-troops/figures.json: figure "ru-killed", field "hedge": "up to … may have been" needs the words "may have been", but the sentence of measure "killed" ("{value} killed", in {file}) does not say them"#,
        ],
    },
    Broken {
        name: "slug-twice",
        edit: &[Replace("/sources/1/slug", r#""media-reports""#)],
        fails_with: &[r#"{file}: source "media-reports", field "slug": is used twice"#],
    },
    Broken {
        name: "two-unnamed-sources",
        edit: &[Replace("/sources/2/named", "false")],
        fails_with: &[r#"{file}, field "sources": more than one source is "named": false"#],
    },
    Broken {
        name: "chart-unknown-group",
        edit: &[Replace("/charts/1/groups/1", r#""shares""#)],
        fails_with: &[r#"{file}: chart "north-korea", field "groups[1]": unknown group "shares""#],
    },
    Broken {
        name: "migration-to-nothing",
        edit: &[Replace("/migrations/mark/derived-share", r#""ru-share""#)],
        fails_with: &[
            r#"{file}: migrations.mark, field "derived-share": leads to "ru-share", which is no drawn figure"#,
        ],
    },
    Broken {
        name: "page-without-title",
        edit: &[Remove("/page/title")],
        fails_with: &[r#"{file}: page, field "title": is missing"#],
    },
];

#[test]
fn broken_fixtures_fail_with_a_message_naming_file_figure_and_field() {
    fail_as_written(FIGURES_JSON, BROKEN_FIGURES);
}

#[test]
fn broken_vocabularies_fail_with_a_message_naming_file_item_and_field() {
    fail_as_written(EXPLORER_JSON, BROKEN_VOCABULARIES);
}

/// Each case's edit made to this article's own `file` (figures.json or explorer.json), loaded
/// with its other files as they are: it fails with the case's messages and no others. An edit
/// that no longer applies to the real data fails the test, as does one that no longer breaks it.
fn fail_as_written(file: &str, cases: &[Broken]) {
    let own = |name: &str| {
        (
            format!("{DEFAULT_ARTICLE}/{name}"),
            read(DEFAULT_ARTICLE, name),
        )
    };
    let (article, figures, explorer) = (own(ARTICLE_TXT), own(FIGURES_JSON), own(EXPLORER_JSON));
    for case in cases {
        let label = format!("{file} ({})", case.name);
        let mut files = ArticleFiles {
            article: (&article.0, &article.1),
            figures: (&figures.0, &figures.1),
            explorer: (&explorer.0, &explorer.1),
        };
        let edited = if file == FIGURES_JSON {
            &mut files.figures
        } else {
            &mut files.explorer
        };
        let mut text = edited.1.to_string();
        for edit in case.edit {
            text = edit.apply(&text).unwrap_or_else(|why| {
                panic!(
                    "{label}: the fixture edit no longer applies to the real data: {edit:?}: {why}"
                )
            });
        }
        *edited = (&label, &text);
        let err = match load_checked(files) {
            Ok(_) => panic!("{label}: the edited data loads, so the edit no longer breaks it"),
            Err(e) => e.to_string(),
        };
        for expected in case.fails_with {
            let wanted = expected.replace("{file}", &label);
            assert!(
                err.contains(&wanted),
                "{label}: expected\n  {wanted}\nin\n  {err}"
            );
        }
        assert!(
            err.contains(&label),
            "{label}: the message must name the file: {err}"
        );
        assert_eq!(
            err.lines().count(),
            case.fails_with.len(),
            "{label} fails for its mistake alone: {err}"
        );
    }
}

/// An event's place is the article's own words: each of its parts (parted by "," or ";", a
/// leading "then" aside) is in the article, case aside ("sent to Kursk" is Kursk, not "the
/// Kursk region").
#[test]
fn an_events_place_is_the_articles_words() {
    let text = data().text.to_lowercase();
    for e in &data().events {
        let Some(place) = &e.place else { continue };
        for part in place.split([',', ';']).map(str::trim) {
            let part = part.strip_prefix("then ").unwrap_or(part);
            assert!(
                text.contains(&part.to_lowercase()),
                "event {:?}: its place {place:?} says {part:?}, which the article does not",
                e.id
            );
        }
    }
}

/// Whatever the page shows of a hedge in quotation marks is the article's words: each part of
/// it ("up to", "may have been"; for a vague amount, its own words) is in the figure's first
/// quote, the one that carries the hedge. Our name for a kind ("vague amount") is never quoted.
#[test]
fn a_hedge_in_quotation_marks_is_the_articles_words() {
    for f in &data().figures {
        let Some(quoted) = frontline_figures::format::hedge_quoted(f) else {
            continue;
        };
        let quote = f.quotes[0].to_lowercase();
        for part in quoted.split('…').map(str::trim).filter(|p| !p.is_empty()) {
            assert!(
                quote.contains(&part.to_lowercase()),
                "figure {:?}: “{quoted}” is shown in quotation marks, but its quote does not say {part:?}",
                f.id
            );
        }
    }
}

/// The masthead's promise says exactly what holds: a source for every figure only where every
/// figure has one, and the labelled dates and facts only where there are some.
#[test]
fn the_pages_promise_says_exactly_what_holds() {
    let promise = frontline_figures::format::promise(data());
    let figures = &data().figures;
    assert_eq!(
        promise.contains("where the article names one"),
        figures.iter().any(|f| !f.source.named()),
        "{promise}"
    );
    assert_eq!(
        promise.contains("worked out"),
        figures.iter().any(|f| f.worked_out.is_some()),
        "{promise}"
    );
    assert_eq!(
        promise.contains("facts it does not give"),
        figures.iter().any(|f| f.outside.is_some()),
        "{promise}"
    );
    assert!(!promise.contains("every number"), "{promise}");
}

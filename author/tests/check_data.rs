//! `check-data` over this article and over edited copies of it: every problem in one run, each
//! said once, and the warnings for what is likely not meant.

use frontline_author::check::check_folder;
use frontline_author::dataset::{DEFAULT_ARTICLE, HedgeKind, load_article, warnings};
use serde_json::{Value, json};

/// This article's folder, from the crate's own folder (where cargo runs its tests).
fn real() -> String {
    format!("{}/../{DEFAULT_ARTICLE}", env!("CARGO_MANIFEST_DIR"))
}

/// A copy of this article's folder in a fresh temporary folder, with `edit` made to each of its
/// JSON files (figures.json, explorer.json).
fn edited_copy(name: &str, edit: impl Fn(&str, &mut Value)) -> String {
    let dir = std::env::temp_dir().join(format!("check-data-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["article.txt", "figures.json", "explorer.json"] {
        let text = std::fs::read_to_string(format!("{}/{file}", real())).unwrap();
        let text = if file.ends_with(".json") {
            let mut doc: Value = serde_json::from_str(&text).unwrap();
            edit(file, &mut doc);
            serde_json::to_string_pretty(&doc).unwrap()
        } else {
            text
        };
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir.display().to_string()
}

#[test]
fn each_article_the_tests_know_passes_with_no_warning() {
    let root = format!("{}/..", env!("CARGO_MANIFEST_DIR"));
    for folder in [
        real(),
        format!("{root}/tests/fixtures/second-article"),
        format!("{root}/tests/fixtures/third-article"),
    ] {
        let findings = check_folder(&folder);
        assert!(findings.errors.is_empty(), "{findings}");
        assert!(findings.warnings.is_empty(), "{findings}");
    }
}

/// A figure whose period (and the date worked out from it) was left out, while its sentence says when its number holds: the
/// warning names the words. A period in another figure's clause is not its own ("so far" is
/// the losses', not the soldiers').
#[test]
fn a_period_the_quote_says_but_the_figure_lacks_is_warned_of() {
    let dir = edited_copy("period", |file, doc| {
        if file == "figures.json" {
            for f in doc["figures"].as_array_mut().unwrap() {
                if ["ua-losses", "nk-front"].contains(&f["id"].as_str().unwrap()) {
                    let f = f.as_object_mut().unwrap();
                    f.remove("period");
                    f.remove("worked_out");
                    f["reading"]["period"] = Value::Null;
                }
            }
        }
    });
    let findings = check_folder(&dir);
    assert!(findings.errors.is_empty(), "{findings}");
    let said = findings.to_string();
    assert_eq!(findings.warnings.len(), 2, "{said}");
    for (id, words) in [("ua-losses", "so far"), ("nk-front", "currently")] {
        assert!(
            said.contains(&format!(
                "figure \"{id}\", field \"period\": has no period, but its first quote says \"{words}\""
            )),
            "{said}"
        );
    }
}

#[test]
fn every_problem_is_said_once_in_one_run() {
    let dir = edited_copy("errors", |file, doc| {
        if file == "figures.json" {
            doc["figures"][0].as_object_mut().unwrap().remove("unit");
            doc["figures"][9]["id"] = json!("ru-missiles");
            doc["figures"][3]["hedge"]["words"] = json!("about");
        }
    });
    let findings = check_folder(&dir);
    let said = findings.to_string();
    for message in [
        "figure \"ru-active\", field \"unit\": is missing",
        "figure \"ru-missiles\", field \"id\": is used twice",
        "figure \"ua-losses\", field \"quotes[0]\": the hedge \"about\" does not stand next to the figure's value 80,000",
    ] {
        assert_eq!(
            said.matches(message).count(),
            1,
            "{message} once in:\n{said}"
        );
    }
    assert_eq!(findings.errors.len(), 3, "{said}");
    assert!(said.ends_with("3 errors, 0 warnings"), "{said}");
}

#[test]
fn a_broken_vocabulary_says_what_is_not_checked_yet() {
    let dir = edited_copy("vocabulary", |file, doc| {
        if file == "explorer.json" {
            doc["page"].as_object_mut().unwrap().remove("title");
        }
    });
    let findings = check_folder(&dir);
    assert_eq!(findings.errors.len(), 1, "{findings}");
    assert!(findings.unchecked.is_some(), "{findings}");
}

#[test]
fn a_chart_that_draws_nothing_and_a_source_nobody_names_are_warned_of() {
    let dir = edited_copy("warnings", |file, doc| {
        if file == "explorer.json" {
            doc["charts"].as_array_mut().unwrap().push(json!({
                "slug": "rounds", "title": "Rounds", "axes": ["ammunition"], "order": "data"
            }));
            doc["sources"].as_array_mut().unwrap().push(json!({
                "slug": "kyiv-post", "label": "Kyiv Post", "credit": "the Kyiv Post", "named": true
            }));
        }
    });
    let findings = check_folder(&dir);
    assert!(findings.errors.is_empty(), "{findings}");
    let said = findings.to_string();
    assert_eq!(findings.warnings.len(), 2, "{said}");
    assert!(said.contains("warning: "), "{said}");
    assert!(said.contains("chart \"rounds\": draws no figure"), "{said}");
    assert!(
        said.contains("source \"kyiv-post\": no figure or event names it"),
        "{said}"
    );
}

#[test]
fn most_figures_vague_is_warned_of() {
    let loaded = load_article(&real()).unwrap();
    let mut d = loaded.dataset.clone();
    let vague_warning = |d: &_| {
        warnings(&real(), &loaded.vocab, d)
            .iter()
            .any(|w| w.message.contains("figures are vague"))
    };
    // One figure after another made vague: the warning comes once more than half are.
    for i in 0..d.figures.len() {
        let vague = |d: &frontline_author::dataset::Dataset| {
            d.figures
                .iter()
                .filter(|f| f.hedge.kind == HedgeKind::Vague)
                .count()
        };
        assert_eq!(
            vague_warning(&d),
            vague(&d) * 2 > d.figures.len(),
            "{} vague",
            vague(&d)
        );
        (d.figures[i].hedge.kind, d.figures[i].value) = (HedgeKind::Vague, None);
    }
    assert!(vague_warning(&d), "every figure vague");
}

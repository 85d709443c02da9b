//! Checks `data/figures.json` against `data/article.txt` with the crate's own loader and checks
//! (`src/dataset/`), failing the build with messages that name the file, figure and field; then
//! writes the checked data as Rust (`$OUT_DIR/dataset.rs`), so the app carries it compiled in,
//! with no JSON parser in the WebAssembly.

#[allow(dead_code, unused_imports)]
#[path = "src/dataset/mod.rs"]
mod dataset;

use std::fmt::Write as _;

use dataset::{ARTICLE_TEXT, Day, FIGURES_FILE, FIGURES_JSON, load_checked};

fn main() {
    println!("cargo::rerun-if-changed=data/figures.json");
    println!("cargo::rerun-if-changed=data/article.txt");
    println!("cargo::rerun-if-changed=src/dataset");
    println!("cargo::rustc-cfg=generated_data");

    let data = match load_checked(FIGURES_FILE, FIGURES_JSON, ARTICLE_TEXT) {
        Ok(data) => data,
        Err(errors) => {
            eprintln!("The bundled data is broken; fix it and build again:\n{errors}");
            for line in errors.to_string().lines() {
                println!("cargo::warning={line}");
            }
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("dataset.rs"), rust(&data)).expect("OUT_DIR is writable");
}

fn string(s: &str) -> String {
    format!("{s:?}.to_string()")
}

fn opt_string(s: &Option<String>) -> String {
    s.as_deref()
        .map_or("None".into(), |s| format!("Some({})", string(s)))
}

fn day(d: &Day) -> String {
    format!(
        "Day {{ year: {}, month: {}, day: {} }}",
        d.year, d.month, d.day
    )
}

fn strings(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("vec![{}]", items.join(", "))
}

/// The dataset as a Rust function body. Enum values print as their variant names.
fn rust(d: &dataset::Dataset) -> String {
    let mut out = String::from(
        "// Written by build.rs from data/figures.json. Do not edit.\npub fn dataset() -> Dataset {\n    Dataset {\n",
    );
    let a = &d.article;
    let _ = writeln!(
        out,
        "        article: ArticleMeta {{ title: {}, dateline: {}, published: {} }},",
        string(&a.title),
        string(&a.dateline),
        day(&a.published)
    );
    out.push_str("        figures: vec![\n");
    for f in &d.figures {
        let worked_out = f.worked_out.as_ref().map_or("None".into(), |w| {
            format!(
                "Some(WorkedOut {{ date: {}, how: {}, as_of: {} }})",
                string(&w.date),
                string(&w.how),
                day(&w.as_of)
            )
        });
        let r = &f.reading;
        let reading = format!(
            "Reading {{ value: {}, hedge: {}, source: {}, period: {} }}",
            string(&r.value),
            opt_string(&r.hedge),
            opt_string(&r.source),
            opt_string(&r.period)
        );
        let _ = writeln!(
            out,
            "            Figure {{ id: {}, value: {:?}, value_text: {}, unit: Unit::{:?}, actor: Actor::{:?}, measure: Measure::{:?}, qualifier: Qualifier::{:?}, source: Source::{:?}, period: {}, worked_out: {worked_out}, outside: {}, quotes: {}, reading: {reading} }},",
            string(&f.id),
            f.value,
            opt_string(&f.value_text),
            f.unit,
            f.actor,
            f.measure,
            f.qualifier,
            f.source,
            opt_string(&f.period),
            opt_string(&f.outside),
            strings(&f.quotes),
        );
    }
    out.push_str("        ],\n        events: vec![\n");
    for e in &d.events {
        let opt_day = |x: &Option<Day>| {
            x.as_ref()
                .map_or("None".into(), |d| format!("Some({})", day(d)))
        };
        let _ = writeln!(
            out,
            "            Event {{ id: {}, title: {}, actors: vec![{}], source: Source::{:?}, start: {}, end: {}, when: {}, place: {}, quote: {}, date_basis: {} }},",
            string(&e.id),
            string(&e.title),
            e.actors
                .iter()
                .map(|a| format!("Actor::{a:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            e.source,
            opt_day(&e.start),
            opt_day(&e.end),
            string(&e.when),
            opt_string(&e.place),
            string(&e.quote),
            opt_string(&e.date_basis)
        );
    }
    out.push_str("        ],\n        not_figures: vec![\n");
    for n in &d.not_figures {
        let _ = writeln!(
            out,
            "            NotFigure {{ text: {}, reason: {} }},",
            string(&n.text),
            string(&n.reason)
        );
    }
    out.push_str("        ],\n        text: ARTICLE_TEXT.to_string(),\n    }\n}\n");
    out
}

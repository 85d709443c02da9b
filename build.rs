//! Loads the article folder that `ARTICLE` names (`data/north-korea-troops` unless told; a path
//! from the crate's root) with the crate's own loader and checks (`src/dataset/`), failing the
//! build with messages that name the file, item and field; then writes the checked data and the
//! article's vocabulary as Rust (`$OUT_DIR/dataset.rs`), so the app carries them compiled in,
//! with no JSON parser in the WebAssembly.

#[allow(dead_code, unused_imports)]
#[path = "src/dataset/mod.rs"]
mod dataset;

use std::fmt::Write as _;

use dataset::{DEFAULT_ARTICLE, Day, Vocabulary, load_article};

fn main() {
    println!("cargo::rerun-if-env-changed=ARTICLE");
    println!("cargo::rerun-if-changed=src/dataset");
    println!("cargo::rustc-cfg=generated_data");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let chosen = std::env::var("ARTICLE").unwrap_or_default();
    let chosen = if chosen.trim().is_empty() {
        DEFAULT_ARTICLE.to_string()
    } else {
        chosen
    };
    let dir = std::path::Path::new(&root).join(chosen.trim_end_matches('/'));
    println!("cargo::rerun-if-changed={}", dir.display());

    let data = match load_article(&chosen) {
        Ok(data) => data,
        Err(errors) => {
            eprintln!("The article's data is broken; fix it and build again:\n{errors}");
            for line in errors.to_string().lines() {
                println!("cargo::warning={line}");
            }
            std::process::exit(1);
        }
    };
    let dir = dir.canonicalize().expect("the folder was just read");
    let id = dir
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = format!(
        "// Written by build.rs from {chosen}. Do not edit.\npub const ARTICLE_DIR: &str = {dir:?};\npub const ARTICLE_ID: &str = {id:?};\npub const ARTICLE_TEXT: &str = include_str!({text:?});\n{}{}",
        vocabulary(&data.vocab),
        rust(&data.dataset),
        dir = dir.display().to_string(),
        text = dir.join(dataset::ARTICLE_TXT).display().to_string(),
    );
    std::fs::write(out.join("dataset.rs"), code).expect("OUT_DIR is writable");
}

/// `&["a", "b"]`.
fn strs(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

/// The vocabulary as statics: each index type's `ALL` and the `VOCABULARY` they index.
fn vocabulary(v: &Vocabulary) -> String {
    let mut out = String::new();
    let mut all = |name: &str, ty: &str, n: usize| {
        let items: Vec<String> = (0..n).map(|i| format!("{ty}({i})")).collect();
        let _ = writeln!(
            out,
            "pub const {name}: [{ty}; {n}] = [{}];",
            items.join(", ")
        );
    };
    all("ACTORS", "Actor", v.actors.len());
    all("SOURCES", "Source", v.sources.len());
    all("AXES", "Axis", v.axes.len());
    all("UNITS", "Unit", v.units.len());
    all("GROUPS", "MeasureGroup", v.groups.len());
    all("MEASURES", "Measure", v.measures.len());
    all("CHARTS", "ChartId", v.charts.len());
    // The browser needs only the page's name and title, and no actor's other names (they check
    // events at build time): the wasm leaves the rest out (less to download).
    let p = &v.page;
    let _ = writeln!(
        out,
        "#[cfg(not(target_arch = \"wasm32\"))]\nconst PAGE: PageText = PageText {{ name: {:?}, actor_filter: {:?}, title: {:?}, description: {:?}, social_description: {:?}, short_description: {:?}, image_alt: {:?} }};",
        p.name,
        p.actor_filter,
        p.title,
        p.description,
        p.social_description,
        p.short_description,
        p.image_alt
    );
    let _ = writeln!(
        out,
        "#[cfg(target_arch = \"wasm32\")]\nconst PAGE: PageText = PageText {{ name: {:?}, actor_filter: {:?}, title: {:?}, description: \"\", social_description: \"\", short_description: \"\", image_alt: \"\" }};",
        p.name, p.actor_filter, p.title
    );
    let _ = writeln!(
        out,
        "pub static VOCABULARY: Vocabulary = Vocabulary {{\n    page: PAGE,"
    );
    let names = |a: &dataset::ActorDef| {
        format!(
            "{{ #[cfg(target_arch = \"wasm32\")] {{ &[] }} #[cfg(not(target_arch = \"wasm32\"))] {{ {} }} }}",
            strs(a.names)
        )
    };
    // One field of the static: `name: &[ item, … ],`.
    fn field<T>(out: &mut String, name: &str, items: &[T], item: impl Fn(&T) -> String) {
        // Each item on its line with its comma: an empty list is `&[]`, not `&[ , ]`.
        let items: String = items
            .iter()
            .map(|i| format!("        {},\n", item(i)))
            .collect();
        let _ = writeln!(out, "    {name}: &[\n{items}    ],");
    }
    field(&mut out, "actors", v.actors, |a| {
        format!(
            "ActorDef {{ slug: {:?}, label: {:?}, names: {} }}",
            a.slug,
            a.label,
            names(a)
        )
    });
    field(&mut out, "sources", v.sources, |s| {
        format!(
            "SourceDef {{ slug: {:?}, label: {:?}, credit: {:?}, named: {} }}",
            s.slug, s.label, s.credit, s.named
        )
    });
    field(&mut out, "axes", v.axes, |a| {
        format!(
            "AxisDef {{ slug: {:?}, title: {:?}, scale: Scale::{:?} }}",
            a.slug, a.title, a.scale
        )
    });
    field(&mut out, "units", v.units, |u| {
        format!(
            "UnitDef {{ slug: {:?}, label: {:?}, axis: {:?} }}",
            u.slug, u.label, u.axis
        )
    });
    field(&mut out, "groups", v.groups, |g| {
        format!("GroupDef {{ slug: {:?}, label: {:?} }}", g.slug, g.label)
    });
    let sentence = |p: &dataset::Sentence| {
        format!(
            "Sentence {{ before: {:?}, after: {:?} }}",
            p.before, p.after
        )
    };
    field(&mut out, "measures", v.measures, |m| {
        let when: Vec<String> = m
            .sentence_when
            .iter()
            .map(|(q, p)| format!("(Qualifier::{q:?}, {})", sentence(p)))
            .collect();
        format!(
            "MeasureDef {{ slug: {:?}, label: {:?}, group: {:?}, units: &{:?}, sentence: {}, sentence_when: &[{}] }}",
            m.slug,
            m.label,
            m.group,
            m.units,
            sentence(&m.sentence),
            when.join(", ")
        )
    });
    field(&mut out, "charts", v.charts, |c| {
        format!(
            "ChartDef {{ slug: {:?}, title: {:?}, axes: &{:?}, groups: &{:?}, order: Order::{:?} }}",
            c.slug, c.title, c.axes, c.groups, c.order
        )
    });
    field(&mut out, "mark_migrations", v.mark_migrations, |(a, b)| {
        format!("({a:?}, {b:?})")
    });
    out.push_str("};\n");
    out
}

/// A literal, or `None`.
fn opt(s: &Option<String>) -> String {
    s.as_deref()
        .map_or("None".into(), |s| format!("Some({s:?})"))
}

fn day(d: &Day) -> String {
    format!(
        "Day {{ year: {}, month: {}, day: {} }}",
        d.year, d.month, d.day
    )
}

/// The dataset as statics of literals and one `dataset()` that makes them owned values: a loop
/// over a table costs the wasm far less code than a constructor written out per field.
fn rust(d: &dataset::Dataset) -> String {
    let mut out = String::from(
        "type S = &'static str;\n\
         struct RawFigure(S, Option<u64>, Option<S>, Unit, Actor, Measure, Qualifier, Source, Option<S>, Option<(S, S, Day)>, Option<S>, &'static [S], (S, Option<S>, Option<S>, Option<S>));\n\
         struct RawEvent(S, S, &'static [Actor], Source, Option<Day>, Option<Day>, S, Option<S>, S, Option<S>);\n\
         static FIGURES: &[RawFigure] = &[\n",
    );
    for f in &d.figures {
        let worked_out = f.worked_out.as_ref().map_or("None".into(), |w| {
            format!("Some(({:?}, {:?}, {}))", w.date, w.how, day(&w.as_of))
        });
        let r = &f.reading;
        let _ = writeln!(
            out,
            "    RawFigure({:?}, {:?}, {}, {:?}, {:?}, {:?}, Qualifier::{:?}, {:?}, {}, {worked_out}, {}, &{:?}, ({:?}, {}, {}, {})),",
            f.id,
            f.value,
            opt(&f.value_text),
            f.unit,
            f.actor,
            f.measure,
            f.qualifier,
            f.source,
            opt(&f.period),
            opt(&f.outside),
            f.quotes,
            r.value,
            opt(&r.hedge),
            opt(&r.source),
            opt(&r.period),
        );
    }
    out.push_str("];\nstatic EVENTS: &[RawEvent] = &[\n");
    let opt_day = |x: &Option<Day>| {
        x.as_ref()
            .map_or("None".into(), |d| format!("Some({})", day(d)))
    };
    for e in &d.events {
        let _ = writeln!(
            out,
            "    RawEvent({:?}, {:?}, &{:?}, {:?}, {}, {}, {:?}, {}, {:?}, {}),",
            e.id,
            e.title,
            e.actors,
            e.source,
            opt_day(&e.start),
            opt_day(&e.end),
            e.when,
            opt(&e.place),
            e.quote,
            opt(&e.date_basis)
        );
    }
    out.push_str("];\nstatic NOT_FIGURES: &[(S, S)] = &[\n");
    for n in &d.not_figures {
        let _ = writeln!(out, "    ({:?}, {:?}),", n.text, n.reason);
    }
    let a = &d.article;
    let _ = write!(
        out,
        "];\n\
fn o(text: Option<S>) -> Option<String> {{
    text.map(String::from)
}}

pub fn dataset() -> Dataset {{
    Dataset {{
        article: ArticleMeta {{ title: {:?}.into(), dateline: {:?}.into(), published: {}, outlet: o({:?}) }},
        figures: FIGURES
            .iter()
            .map(|r| Figure {{
                id: r.0.into(),
                value: r.1,
                value_text: o(r.2),
                unit: r.3,
                actor: r.4,
                measure: r.5,
                qualifier: r.6,
                source: r.7,
                period: o(r.8),
                worked_out: r.9.map(|(date, how, as_of)| WorkedOut {{ date: date.into(), how: how.into(), as_of }}),
                outside: o(r.10),
                quotes: r.11.iter().map(|q| String::from(*q)).collect(),
                reading: Reading {{ value: r.12.0.into(), hedge: o(r.12.1), source: o(r.12.2), period: o(r.12.3) }},
            }})
            .collect(),
        events: EVENTS
            .iter()
            .map(|r| Event {{
                id: r.0.into(),
                title: r.1.into(),
                actors: r.2.to_vec(),
                source: r.3,
                start: r.4,
                end: r.5,
                when: r.6.into(),
                place: o(r.7),
                quote: r.8.into(),
                date_basis: o(r.9),
            }})
            .collect(),
        not_figures: NOT_FIGURES.iter().map(|(text, reason)| NotFigure {{ text: (*text).into(), reason: (*reason).into() }}).collect(),
        text: ARTICLE_TEXT.into(),
    }}
}}
",
        a.title,
        a.dateline,
        day(&a.published),
        a.outlet
    );
    out
}

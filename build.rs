//! Loads the article folder that `ARTICLE` names (`data/north-korea-troops` unless told; a path
//! from the crate's root) with the crate's own loader and checks (`src/dataset/`), failing the
//! build with messages that name the file, item and field; then writes the checked data and the
//! article's vocabulary as Rust (`$OUT_DIR/dataset.rs`), so the app carries them compiled in,
//! with no JSON parser in the WebAssembly.

#[allow(dead_code, unused_imports)]
#[path = "src/dataset/mod.rs"]
mod dataset;

use std::fmt::Write as _;

use dataset::{
    Actor, ActorDef, Amount, ArticleMeta, Axis, AxisDef, ChartDef, ChartId, Choice,
    DEFAULT_ARTICLE, Dataset, Day, Event, Figure, GroupDef, Hedge, HedgeKind, Measure, MeasureDef,
    MeasureGroup, NotFigure, Order, PageText, Reading, Scale, Sentence, Source, SourceDef, Unit,
    UnitDef, Vocabulary, WorkedOut, load_article,
};

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
            // Said once: cargo shows a failed script's stderr, so no `cargo::warning` repeats it.
            eprintln!(
                "The article's data is broken; fix it and build again (`make check-data ARTICLE={chosen}` says every problem in seconds):\n{errors}"
            );
            std::process::exit(1);
        }
    };
    for warning in dataset::warnings(&chosen, &data.vocab, &data.dataset) {
        println!("cargo::warning={warning}");
    }
    let dir = dir.canonicalize().expect("the folder was just read");
    let id = dir
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = format!(
        "// Written by build.rs from {chosen}. Do not edit.\npub const ARTICLE_DIR: &str = {dir:?};\npub const ARTICLE_ID: &str = {id:?};\npub const ARTICLE_TEXT: &str = include_str!({text:?});\n{}{}{}",
        vocabulary(&data.vocab),
        kinds(&data.dataset),
        rows(&data.dataset),
        dir = dir.display().to_string(),
        text = dir.join(dataset::ARTICLE_TXT).display().to_string(),
    );
    std::fs::write(out.join("dataset.rs"), code).expect("OUT_DIR is writable");
}

/// A value as the Rust expression that makes it, for the statics this script writes (after
/// ICU4X's `databake`): a struct as a literal with its field names, an index as `Actor(2)`.
trait Bake {
    fn bake(&self) -> String;
}

/// `Name { field: value, … }`, on one line.
fn literal(name: &str, fields: &[(&str, &dyn Bake)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(field, value)| format!("{field}: {}", value.bake()))
        .collect();
    format!("{name} {{ {} }}", fields.join(", "))
}

impl Bake for str {
    fn bake(&self) -> String {
        format!("{self:?}")
    }
}

impl Bake for String {
    fn bake(&self) -> String {
        self.as_str().bake()
    }
}

impl<T: Bake + ?Sized> Bake for &T {
    fn bake(&self) -> String {
        (**self).bake()
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self) -> String {
        self.as_ref()
            .map_or("None".into(), |x| format!("Some({})", x.bake()))
    }
}

impl<T: Bake> Bake for [T] {
    fn bake(&self) -> String {
        let items: Vec<String> = self.iter().map(Bake::bake).collect();
        format!("&[{}]", items.join(", "))
    }
}

impl<T: Bake> Bake for Vec<T> {
    fn bake(&self) -> String {
        self.as_slice().bake()
    }
}

impl<A: Bake, B: Bake> Bake for (A, B) {
    fn bake(&self) -> String {
        format!("({}, {})", self.0.bake(), self.1.bake())
    }
}

/// Numbers and booleans are written as Rust writes them.
macro_rules! bake_as_written {
    ($($t:ty),+) => {$(
        impl Bake for $t {
            fn bake(&self) -> String {
                self.to_string()
            }
        }
    )+};
}
bake_as_written!(u8, u16, u64, bool);

/// Indices into the vocabulary, `Actor(2)`, and amounts in thousandths, `Amount(4500)`.
macro_rules! bake_index {
    ($($t:ident),+) => {$(
        impl Bake for $t {
            fn bake(&self) -> String {
                format!("{}({})", stringify!($t), self.0)
            }
        }
    )+};
}
bake_index!(
    Actor,
    Source,
    Axis,
    Unit,
    MeasureGroup,
    Measure,
    ChartId,
    Amount
);

/// Enums whose variants have no fields: `HedgeKind::UpperBound`.
macro_rules! bake_variant {
    ($($t:ident),+) => {$(
        impl Bake for $t {
            fn bake(&self) -> String {
                format!("{}::{self:?}", stringify!($t))
            }
        }
    )+};
}
bake_variant!(HedgeKind, Scale, Order);

/// A struct as the literal of `$row` (itself, or the row `baked.rs` keeps it as), each field
/// named once: as the field read here and as the field written.
macro_rules! bake_fields {
    ($($t:ident as $row:literal { $($field:ident),+ })+) => {$(
        impl Bake for $t {
            fn bake(&self) -> String {
                literal($row, &[$((stringify!($field), &self.$field)),+])
            }
        }
    )+};
}
bake_fields! {
    Day as "Day" { year, month, day }
    SourceDef as "SourceDef" { slug, label, credit, named }
    AxisDef as "AxisDef" { slug, title, scale }
    UnitDef as "UnitDef" { slug, label, axis }
    GroupDef as "GroupDef" { slug, label }
    Sentence as "Sentence" { before, after }
    MeasureDef as "MeasureDef" { slug, label, group, units, sentence, sentence_when }
    ChartDef as "ChartDef" { slug, title, axes, groups, order }
    ArticleMeta as "ArticleRow" { title, dateline, published, outlet }
    Figure as "FigureRow" {
        id, value, high, value_text, unit, actor, measure, hedge, source, period, worked_out,
        outside, quotes, reading
    }
    Hedge as "HedgeRow" { kind, words }
    WorkedOut as "WorkedOutRow" { date, how, as_of }
    Reading as "ReadingRow" { value, hedge, source, period }
    Event as "EventRow" { id, title, actors, source, start, end, when, place, quote, date_basis }
    NotFigure as "NotFigureRow" { text, reason }
}

/// A value only native builds need (an actor's other names check events at build time; the
/// page's descriptions are for the prerendered page): the wasm gets the second field, an empty
/// string or list, instead (less to download).
struct NativeOnly<'a, T: ?Sized>(&'a T, &'static str);

impl<T: Bake + ?Sized> Bake for NativeOnly<'_, T> {
    fn bake(&self) -> String {
        format!(
            "{{ #[cfg(target_arch = \"wasm32\")] {{ {} }} #[cfg(not(target_arch = \"wasm32\"))] {{ {} }} }}",
            self.1,
            self.0.bake()
        )
    }
}

impl Bake for PageText {
    fn bake(&self) -> String {
        literal(
            "PageText",
            &[
                ("name", &self.name),
                ("actor_filter", &self.actor_filter),
                ("title", &self.title),
                ("description", &NativeOnly(self.description, "\"\"")),
                (
                    "social_description",
                    &NativeOnly(self.social_description, "\"\""),
                ),
                (
                    "short_description",
                    &NativeOnly(self.short_description, "\"\""),
                ),
            ],
        )
    }
}

impl Bake for ActorDef {
    fn bake(&self) -> String {
        literal(
            "ActorDef",
            &[
                ("slug", &self.slug),
                ("label", &self.label),
                ("names", &NativeOnly(self.names, "&[]")),
            ],
        )
    }
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
    let fields: [(&str, &dyn Bake); 9] = [
        ("page", &v.page),
        ("actors", &v.actors),
        ("sources", &v.sources),
        ("axes", &v.axes),
        ("units", &v.units),
        ("groups", &v.groups),
        ("measures", &v.measures),
        ("charts", &v.charts),
        ("mark_migrations", &v.mark_migrations),
    ];
    // One field on each line, for a person reading the file.
    let fields: Vec<String> = fields
        .iter()
        .map(|(field, value)| format!("    {field}: {},\n", value.bake()))
        .collect();
    let _ = writeln!(
        out,
        "pub static VOCABULARY: Vocabulary = Vocabulary {{\n{}}};",
        fields.concat()
    );
    out
}

/// The hedge kinds the article's figures have, in `HedgeKind` order: the certainty filter's
/// values (`Certainty`), and what the legends and the table explain.
fn kinds(d: &Dataset) -> String {
    let kinds: Vec<HedgeKind> = HedgeKind::ALL
        .iter()
        .copied()
        .filter(|k| d.figures.iter().any(|f| f.hedge.kind == *k))
        .collect();
    let values: Vec<String> = (0..kinds.len())
        .map(|i| format!("Certainty({i})"))
        .collect();
    format!(
        "pub const KINDS: [HedgeKind; {n}] = [{}];\npub const CERTAINTIES: [Certainty; {n}] = [{}];\n",
        kinds.iter().map(Bake::bake).collect::<Vec<_>>().join(", "),
        values.join(", "),
        n = kinds.len(),
    )
}

/// `pub(super) static NAME: &[Row] = &[…];`, a row on each line.
fn table<T: Bake>(name: &str, row: &str, items: &[T]) -> String {
    let rows: String = items
        .iter()
        .map(|item| format!("    {},\n", item.bake()))
        .collect();
    format!("pub(super) static {name}: &[{row}] = &[\n{rows}];\n")
}

/// The dataset as tables of `baked.rs`'s rows, which its `dataset()` makes owned values.
fn rows(d: &Dataset) -> String {
    format!(
        "use super::baked::{{ArticleRow, EventRow, FigureRow, HedgeRow, NotFigureRow, ReadingRow, WorkedOutRow}};\n\
         pub(super) static ARTICLE: ArticleRow = {};\n{}{}{}",
        d.article.bake(),
        table("FIGURES", "FigureRow", &d.figures),
        table("EVENTS", "EventRow", &d.events),
        table("NOT_FIGURES", "NotFigureRow", &d.not_figures),
    )
}

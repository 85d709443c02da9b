//! An article's figures and events as typed data: the generic hedges (`HedgeKind`, `Hedge`),
//! the article's vocabulary (`vocabulary.rs`), the `Figure` and `Event` records, and
//! `Dataset::bundled()`. The build script (`build.rs`) loads the folder `ARTICLE` names
//! (`data/north-korea-troops` unless told) with `load.rs`, checks it against the article's text
//! with `check.rs` (broken data fails the build, naming file, item and field) and writes it out
//! as Rust, so the browser gets checked data without a JSON parser in the WebAssembly.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod hedge;
#[cfg(not(target_arch = "wasm32"))]
mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod period;
#[cfg(not(target_arch = "wasm32"))]
mod warn;

use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
pub use check::{Numeral, check_against_article, numerals};
#[cfg(not(target_arch = "wasm32"))]
pub use load::{ParsedDataset, Unread, parse_dataset, parse_vocabulary};
#[cfg(not(target_arch = "wasm32"))]
pub use warn::warnings;

/// Byte spans of every occurrence of `needle` in `hay`, left to right, not overlapping.
pub fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(at) = find_from(hay, needle, from).filter(|_| !needle.is_empty()) {
        spans.push((at, at + needle.len()));
        from = at + needle.len();
    }
    spans
}

/// Where `needle` first occurs in `hay` at or after byte `from`, as `str::find` would say. Byte
/// by byte on purpose: the texts are a few KB, and `str::find`'s two-way searcher for a `&str`
/// pattern cost the wasm 1.0 KiB brotli. (A match of valid UTF-8 starts on a char boundary.)
pub fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let last = hay.len().checked_sub(needle.len())?;
    (from..=last).find(|&at| hay.as_bytes()[at..].starts_with(needle.as_bytes()))
}

/// A closed set of named values with a URL/JSON slug and a label for people.
/// The order of `ALL` is the canonical order everywhere (URL, filters, tables).
pub trait Choice: Copy + Eq + fmt::Debug + 'static {
    const ALL: &'static [Self];
    /// What names the choice in the URL and the JSON (kebab-case).
    fn slug(self) -> &'static str;
    /// What a reader sees.
    fn label(self) -> &'static str;
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.slug() == slug)
    }
    fn index(self) -> usize {
        // Every value is in ALL by construction of the `choice!` macro.
        Self::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
    /// "one of russia, ukraine, north-korea", for error messages.
    fn expected() -> String {
        let slugs: Vec<&str> = Self::ALL.iter().map(|c| c.slug()).collect();
        format!("one of {}", slugs.join(", "))
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }
        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn slug(self) -> &'static str { match self { $(Self::$variant => $slug),+ } }
            fn label(self) -> &'static str { match self { $(Self::$variant => $label),+ } }
        }
    };
}
pub(crate) use choice;

mod vocabulary;
pub use vocabulary::*;

choice!(
    /// What kind of number a hedge makes: the certainty filter, the legend, the table's column
    /// and the drawing. Generic: the article's own words stay in `Hedge::words`.
    HedgeKind {
        /// No hedge: "9%".
        Exact => "exact", "Exact";
        /// "about", "approximately", "some", "nearly": near the value, either side of it.
        Approximate => "approximate", "Approximate";
        /// "more than", "at least", "over": the true number is the value or higher.
        LowerBound => "lower-bound", "Lower bound";
        /// "up to", "at most", "fewer than": the true number is the value or lower.
        UpperBound => "upper-bound", "Upper bound";
        /// "between 15 and 20": somewhere from the value to `Figure::high`.
        Range => "range", "Range";
        /// Words, no number: "hundreds of thousands".
        Vague => "vague", "Vague";
    }
);

/// The certainty filter's values: the hedge kinds that occur in the article this build is for,
/// in `HedgeKind` order (build.rs lists them), so the filter, its URL, its default and every
/// list of kinds know no kind the article lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Certainty(pub u8);

#[cfg(generated_data)]
impl Certainty {
    pub fn kind(self) -> HedgeKind {
        generated::KINDS[self.0 as usize]
    }
    /// The filter's value for a kind; a kind the article lacks has none.
    pub fn of(kind: HedgeKind) -> Option<Certainty> {
        let at = generated::KINDS.iter().position(|k| *k == kind)?;
        Some(Certainty(at as u8))
    }
}

#[cfg(generated_data)]
impl Choice for Certainty {
    const ALL: &'static [Self] = &generated::CERTAINTIES;
    fn slug(self) -> &'static str {
        self.kind().slug()
    }
    fn label(self) -> &'static str {
        self.kind().label()
    }
}

#[cfg(generated_data)]
impl Figure {
    /// Its value of the certainty filter.
    pub fn certainty(&self) -> Certainty {
        // build.rs lists every kind a figure of the article has, so it is found.
        Certainty::of(self.hedge.kind).unwrap_or(Certainty(0))
    }
}

/// Where a hedge's words leave the number: "up to … may have been", "between … and …".
pub const GAP: char = '…';

/// A figure's hedge: its kind and the article's words for it, verbatim but for `GAP` where the
/// number goes ("up to … may have been"; words without a gap all come before the number, and
/// an exact figure has none). Words after the last number are the measure's sentence's to say.
#[derive(Clone, Debug, PartialEq)]
pub struct Hedge {
    pub kind: HedgeKind,
    pub words: String,
}

impl Hedge {
    /// The words the value itself writes, numbers put in their gaps: "between 15 and 20".
    pub fn write(&self, low: &str, high: Option<&str>) -> String {
        if self.words.is_empty() {
            return low.to_string();
        }
        let mut parts = self.words.split(GAP);
        let before = parts.next().unwrap_or_default().trim();
        let mut out = String::from(before);
        for (i, n) in [Some(low), high].into_iter().flatten().enumerate() {
            if i > 0 {
                match parts.next().map(str::trim) {
                    Some(join) if join.is_empty() || join == "-" || join == "–" => {
                        out.push_str(join)
                    }
                    Some(join) => {
                        out.push(' ');
                        out.push_str(join);
                        out.push(' ');
                    }
                    None => out.push_str(" to "),
                }
            } else if !before.is_empty() {
                out.push(' ');
            }
            out.push_str(n);
        }
        out
    }

    /// The words put before the value ("up to 100,000"); `None` for an exact or vague figure.
    pub fn prefix(&self) -> Option<&str> {
        let before = self.words.split(GAP).next().unwrap_or_default().trim();
        (!before.is_empty()).then_some(before)
    }

    /// The words after the last number, which the measure's sentence says ("may have been").
    pub fn trailing(&self) -> Option<&str> {
        let gaps = self.words.matches(GAP).count();
        let after = self.words.split(GAP).nth(gaps.max(1))?.trim();
        (gaps > 0 && !after.is_empty()).then_some(after)
    }

    /// The words every surface that shows the value must carry (case aside).
    pub fn words(&self) -> Vec<&str> {
        self.words
            .split(GAP)
            .map(str::trim)
            .filter(|w| !w.is_empty() && *w != "-" && *w != "–")
            .collect()
    }

    /// The words with the side of the (first) numeral they stand on, as English puts them:
    /// those before the gap before it ("up to 70,000"), the rest after ("70,000 may have been",
    /// "15 and 20"). What the build checks against the first quote: a new kind of hedge is new
    /// words, not new code.
    pub fn sided(&self) -> Vec<(&str, Side)> {
        let words = self.words();
        if !self.words.contains(GAP) {
            return words.into_iter().map(|w| (w, Side::Before)).collect();
        }
        let before = self.prefix();
        words
            .into_iter()
            .map(|w| {
                (
                    w,
                    if Some(w) == before {
                        Side::Before
                    } else {
                        Side::After
                    },
                )
            })
            .collect()
    }
}

/// A number as the article writes it, in thousandths, so that "4.5" is exact while sorting and
/// scales stay integer arithmetic (and float formatting stays out of the WebAssembly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub u64);

impl Amount {
    /// Thousandths in one.
    pub const ONE: u64 = 1000;
    pub const fn whole(n: u64) -> Amount {
        Amount(n * Self::ONE)
    }
    /// The whole part and the decimals as written: (4, "5") for 4.5, (9, "") for 9.
    pub fn parts(self) -> (u64, String) {
        let (whole, mut frac) = (self.0 / Self::ONE, self.0 % Self::ONE);
        let mut digits = String::new();
        let mut unit = Self::ONE / 10;
        while frac > 0 && unit > 0 {
            digits.push(char::from(b'0' + (frac / unit) as u8));
            frac %= unit;
            unit /= 10;
        }
        (whole, digits)
    }
    /// The smallest whole number at or above it: where a scale must reach.
    pub fn ceil(self) -> u64 {
        self.0.div_ceil(Self::ONE)
    }
}

/// Which side of the numeral a hedge's words stand on: "about 2,500", "12,000 or more".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
}

/// One number the article gives (or, for a vague amount, the words it gives instead).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    /// `None` exactly when the hedge is vague.
    pub value: Option<Amount>,
    /// A range's other end ("between 15 and 20": 20); `None` for every other kind.
    pub high: Option<Amount>,
    /// The article's words for a vague amount ("hundreds of thousands").
    pub value_text: Option<String>,
    pub unit: Unit,
    pub actor: Actor,
    pub measure: Measure,
    pub hedge: Hedge,
    pub source: Source,
    /// The article's own words for when ("so far", "this past weekend"), verbatim from one of
    /// its quotes; `None` where the article gives no period.
    pub period: Option<String>,
    /// A date worked out from the period's words, labelled as such wherever it is shown.
    pub worked_out: Option<WorkedOut>,
    /// Something the article does not say that a reader needs (24 February 2022), shown only
    /// as a note labelled "Not in the article".
    pub outside: Option<String>,
    /// Every sentence of the article that states this figure, verbatim; the first one carries
    /// the figure's hedge and its source where the article names one.
    pub quotes: Vec<String>,
    pub reading: Reading,
}

/// A date worked out from the article's words, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkedOut {
    pub date: String,
    pub how: String,
    /// The last day the figure is stated for, worked out the same way: what "Period" sorts by.
    pub as_of: Day,
}

/// How we read the article for one figure: its own words for the value, the hedge, the source
/// and the period, each checked verbatim against the article at build time.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub value: String,
    pub hedge: Option<String>,
    pub source: Option<String>,
    pub period: Option<String>,
}

/// A calendar day, checked on load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Something that happened, with its date where the article (or plain arithmetic on it) gives one.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// Every actor its quote or title names, so the Country filter applies to the Timeline;
    /// empty for an event that names none (the article's own publication).
    pub actors: Vec<Actor>,
    /// Who the article says it comes from, so the Source filter applies too.
    pub source: Source,
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// The date as a reader should read it, or why there is none.
    pub when: String,
    pub place: Option<String>,
    pub quote: String,
    /// How the date was found when the article does not state it outright.
    pub date_basis: Option<String>,
}

/// A numeral in the article that is not a figure, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct NotFigure {
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArticleMeta {
    pub title: String,
    pub dateline: String,
    pub published: Day,
    /// Who published the article, where the data names it (`article.outlet` in figures.json);
    /// `None` says the text names no outlet, and a citation says so instead of guessing one.
    pub outlet: Option<String>,
}

/// An article's figures and events. Their actors, sources, measures and units are indices into
/// the vocabulary of the article the build is for (`vocabulary()`): a build is for one article,
/// so the app has one vocabulary, compiled in, and a dataset carries none of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub article: ArticleMeta,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
    pub not_figures: Vec<NotFigure>,
    /// The article, verbatim: the one source of every quote.
    pub text: String,
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The data compiled into the app: checked by the build script, built once on first use.
    #[cfg(generated_data)]
    pub fn bundled() -> &'static Dataset {
        static BUNDLED: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(baked::dataset)
    }
}

/// The rows the data is written in, and the loop that makes them a `Dataset`.
#[cfg(generated_data)]
mod baked;
/// Written by build.rs from the article's folder: the vocabulary and the data as statics (the
/// data as `baked.rs`'s rows), and the folder's path and name.
#[cfg(generated_data)]
mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}
#[cfg(generated_data)]
pub use generated::{ARTICLE_DIR, ARTICLE_ID, ARTICLE_TEXT, KINDS};

/// The article a build is for when `ARTICLE` does not name another folder.
pub const DEFAULT_ARTICLE: &str = "data/north-korea-troops";

/// The files of an article's folder, by name.
pub const ARTICLE_TXT: &str = "article.txt";
pub const FIGURES_JSON: &str = "figures.json";
pub const EXPLORER_JSON: &str = "explorer.json";

/// An article's three files: each one's name for messages, and its text.
#[derive(Clone, Copy, Debug)]
pub struct ArticleFiles<'a> {
    pub article: (&'a str, &'a str),
    pub figures: (&'a str, &'a str),
    pub explorer: (&'a str, &'a str),
}

/// An article's folder as the build reads it: its vocabulary (`explorer.json`) and its dataset
/// (`figures.json` and `article.txt`), which build.rs writes as the app's statics.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedArticle {
    pub vocab: Vocabulary,
    pub dataset: Dataset,
}

/// Parse an article's files and check them against its text: every message names its file,
/// item and field.
#[cfg(not(target_arch = "wasm32"))]
/// The checks run over every item that reads, beside the errors of those that do not, so one
/// run reports every problem; only a broken explorer.json stops before figures.json is read, as
/// its slugs are what the figures name.
pub fn load_checked(files: ArticleFiles<'_>) -> Result<LoadedArticle, DataErrors> {
    let vocab = parse_vocabulary(files.explorer.0, files.explorer.1)?;
    let parsed = parse_dataset(files.figures.0, files.figures.1, files.article.1, &vocab);
    let mut errors = parsed.errors;
    if let Some(dataset) = &parsed.dataset {
        errors.extend(check_against_article(
            files,
            &vocab,
            dataset,
            &parsed.unread,
        ));
    }
    match parsed.dataset {
        Some(dataset) if errors.is_empty() => Ok(LoadedArticle { vocab, dataset }),
        _ => Err(DataErrors(errors)),
    }
}

/// Read and check the article in folder `dir` (`data/north-korea-troops`).
#[cfg(not(target_arch = "wasm32"))]
pub fn load_article(dir: &str) -> Result<LoadedArticle, DataErrors> {
    let dir = dir.trim_end_matches('/');
    let read = |name: &str| {
        let path = format!("{dir}/{name}");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            DataErrors(vec![DataError {
                file: path.clone(),
                item: None,
                field: None,
                message: format!("cannot be read: {e}"),
            }])
        })?;
        Ok::<_, DataErrors>((path, text))
    };
    let (article, figures, explorer) = (
        read(ARTICLE_TXT)?,
        read(FIGURES_JSON)?,
        read(EXPLORER_JSON)?,
    );
    load_checked(ArticleFiles {
        article: (&article.0, &article.1),
        figures: (&figures.0, &figures.1),
        explorer: (&explorer.0, &explorer.1),
    })
}

/// One problem in a data file, located as precisely as it can be.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    pub file: String,
    /// e.g. `figure "ru-killed"` or `event "published"`.
    pub item: Option<String>,
    /// e.g. `quotes[1]`.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, ": {item}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field \"{field}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found, so one run shows them all.
#[derive(Clone, Debug, PartialEq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

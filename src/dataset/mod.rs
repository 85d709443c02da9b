//! An article's figures and events as typed data: the generic hedges (`Qualifier`, `Certainty`),
//! the article's vocabulary (`vocabulary.rs`), the `Figure` and `Event` records, and
//! `Dataset::bundled()`. The build script (`build.rs`) loads the folder `ARTICLE` names
//! (`data/north-korea-troops` unless told) with `load.rs`, checks it against the article's text
//! with `check.rs` (broken data fails the build, naming file, item and field) and writes it out
//! as Rust, so the browser gets checked data without a JSON parser in the WebAssembly.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod load;

use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
pub use check::{Numeral, check_against_article, numerals};
#[cfg(not(target_arch = "wasm32"))]
pub use load::{parse_dataset, parse_vocabulary};

/// Byte spans of every occurrence of `needle` in `hay`.
pub fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
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
    /// How the article hedges a figure, word for word.
    Qualifier {
        About => "about", "about";
        Approximately => "approximately", "approximately";
        UpTo => "up-to", "up to";
        UpToMayHave => "up-to-may-have", "up to … may have been";
        Vague => "vague", "vague amount";
    }
);

choice!(
    /// The certainty filter: what kind of number a qualifier makes.
    Certainty {
        Approximate => "approximate", "Approximate";
        UpperBound => "upper-bound", "Upper bound";
        Vague => "vague", "Vague";
    }
);

impl Qualifier {
    pub fn certainty(self) -> Certainty {
        match self {
            Qualifier::About | Qualifier::Approximately => Certainty::Approximate,
            Qualifier::UpTo | Qualifier::UpToMayHave => Certainty::UpperBound,
            Qualifier::Vague => Certainty::Vague,
        }
    }

    /// The words put before a value ("up to 100,000"); the rest of `words()`, if any, is the
    /// measure's sentence's to say ("may have been killed").
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            Qualifier::About => Some("about"),
            Qualifier::Approximately => Some("approximately"),
            Qualifier::UpTo | Qualifier::UpToMayHave => Some("up to"),
            Qualifier::Vague => None,
        }
    }
}

/// One number the article gives (or, for a vague amount, the words it gives instead).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    /// `None` exactly when the qualifier is `Vague`.
    pub value: Option<u64>,
    /// The article's words for a vague amount ("hundreds of thousands").
    pub value_text: Option<String>,
    pub unit: Unit,
    pub actor: Actor,
    pub measure: Measure,
    pub qualifier: Qualifier,
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

impl Qualifier {
    /// The words every surface that shows the value must carry (case aside).
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Qualifier::About => &["about"],
            Qualifier::Approximately => &["approximately"],
            Qualifier::UpTo => &["up to"],
            Qualifier::UpToMayHave => &["up to", "may have been"],
            Qualifier::Vague => &[],
        }
    }
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
pub use generated::{ARTICLE_DIR, ARTICLE_ID, ARTICLE_TEXT};

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
pub fn load_checked(files: ArticleFiles<'_>) -> Result<LoadedArticle, DataErrors> {
    let vocab = parse_vocabulary(files.explorer.0, files.explorer.1)?;
    let dataset = parse_dataset(files.figures.0, files.figures.1, files.article.1, &vocab)?;
    check_against_article(files, &vocab, &dataset)?;
    Ok(LoadedArticle { vocab, dataset })
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

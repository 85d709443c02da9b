//! The article's figures and events as typed data: the domain enums, the `Figure` and `Event`
//! records, and `Dataset::bundled()`. The build script (`build.rs`) loads `data/figures.json`
//! with `load.rs`, checks it against the article with `check.rs` (a broken file fails the build,
//! naming file, figure and field) and writes it out as Rust, so the browser gets checked data
//! without a JSON parser in the WebAssembly.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod load;

use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
pub use check::{Numeral, check_against_article, numerals};
#[cfg(not(target_arch = "wasm32"))]
pub use load::parse_dataset;

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

choice!(
    /// Whose figure it is.
    Actor {
        Russia => "russia", "Russia";
        Ukraine => "ukraine", "Ukraine";
        NorthKorea => "north-korea", "North Korea";
    }
);

choice!(
    /// What a figure counts. Units decide the axis a figure may be drawn on.
    Unit {
        Soldiers => "soldiers", "soldiers";
        Percent => "percent", "percent";
        Missiles => "missiles", "missiles";
        Drones => "drones", "drones";
        Rounds => "rounds", "rounds of ammunition";
    }
);

/// The axis a unit belongs to: figures on different axes are never drawn against one scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Soldiers,
    Percent,
    /// Missiles and drones launched: weapons counted one by one.
    Munitions,
    /// Rounds of ammunition: only ever a vague amount here, never drawn.
    Ammunition,
}

impl Axis {
    /// A name for ids in the page: a chart has at most one panel per axis.
    pub fn slug(self) -> &'static str {
        match self {
            Axis::Soldiers => "soldiers",
            Axis::Percent => "percent",
            Axis::Munitions => "munitions",
            Axis::Ammunition => "ammunition",
        }
    }
}

impl Unit {
    pub fn axis(self) -> Axis {
        match self {
            Unit::Soldiers => Axis::Soldiers,
            Unit::Percent => Axis::Percent,
            Unit::Missiles | Unit::Drones => Axis::Munitions,
            Unit::Rounds => Axis::Ammunition,
        }
    }
}

choice!(
    /// What a figure measures.
    Measure {
        ActiveSoldiers => "active-soldiers", "active soldiers";
        SoldiersAvailable => "soldiers-available", "soldiers available";
        Killed => "killed", "killed";
        Losses => "losses", "losses";
        DeployedAtFront => "deployed-at-front", "at the front";
        PlannedDeployment => "planned-deployment", "may be sent";
        CombatForceIncrease => "combat-force-increase", "increase of combat forces";
        MissilesLaunched => "missiles-launched", "missiles launched";
        DronesLaunched => "drones-launched", "drones launched";
        AmmunitionSupplied => "ammunition-supplied", "ammunition supplied";
    }
);

choice!(
    /// The groups the measure filter offers.
    MeasureGroup {
        Strength => "strength", "Troop strength";
        Losses => "losses", "Losses";
        Deployment => "deployment", "Deployment";
        Strikes => "strikes", "Strikes";
        Share => "share", "Share of forces";
        Supplies => "supplies", "Supplies";
    }
);

impl Measure {
    pub fn group(self) -> MeasureGroup {
        match self {
            Measure::ActiveSoldiers | Measure::SoldiersAvailable => MeasureGroup::Strength,
            Measure::Killed | Measure::Losses => MeasureGroup::Losses,
            Measure::DeployedAtFront | Measure::PlannedDeployment => MeasureGroup::Deployment,
            Measure::MissilesLaunched | Measure::DronesLaunched => MeasureGroup::Strikes,
            Measure::CombatForceIncrease => MeasureGroup::Share,
            Measure::AmmunitionSupplied => MeasureGroup::Supplies,
        }
    }
}

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
}

choice!(
    /// Who the article says the figure comes from.
    Source {
        BloombergIntelligence => "bloomberg", "Bloomberg (citing intelligence)";
        NewYorkPost => "new-york-post", "New York Post";
        MediaReports => "media-reports", "Media reports";
        Unattributed => "unattributed", "No source named";
    }
);

impl Actor {
    /// The names by which the article speaks of an actor, its people and places included: an
    /// event that uses one must list the actor.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Actor::Russia => &["Russia", "Kremlin", "Putin"],
            Actor::Ukraine => &["Ukraine", "Ukrainian", "Kyiv"],
            Actor::NorthKorea => &["North Korea", "Kim Jong Un"],
        }
    }
}

impl Source {
    /// The longer wording used next to a figure.
    pub fn credit(self) -> &'static str {
        match self {
            Source::BloombergIntelligence => "Bloomberg, citing intelligence data",
            Source::NewYorkPost => "the New York Post",
            Source::MediaReports => "unnamed media reports",
            Source::Unattributed => "no source named in the article",
        }
    }

    /// The attribution after a figure: "according to the New York Post", or that the article
    /// names none (the article is where the figure is, not its source).
    pub fn attribution(self) -> String {
        match self {
            Source::Unattributed => "the article names no source".into(),
            named => format!("according to {}", named.credit()),
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
}

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
        BUNDLED.get_or_init(generated::dataset)
    }
}

/// `fn dataset() -> Dataset`, written by build.rs from data/figures.json.
#[cfg(generated_data)]
mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}

pub const FIGURES_FILE: &str = "data/figures.json";
pub const ARTICLE_FILE: &str = "data/article.txt";
#[cfg(not(target_arch = "wasm32"))]
pub const FIGURES_JSON: &str = include_str!("../../data/figures.json");
pub const ARTICLE_TEXT: &str = include_str!("../../data/article.txt");

/// Parse `json` (named `file` in messages) and check it against `article`.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_checked(file: &str, json: &str, article: &str) -> Result<Dataset, DataErrors> {
    let dataset = parse_dataset(file, json, article)?;
    check_against_article(file, &dataset)?;
    Ok(dataset)
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

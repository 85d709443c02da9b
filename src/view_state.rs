//! `ViewState` is everything a reader can change, and its URL codec. Parsing is total: each query
//! parameter is read on its own as valid, invalid or missing (as Our World in Data's Grapher does);
//! what is invalid is dropped with a plain reason, and the rest still applies. Rendering is
//! canonical: defaults are left out and parameters and values come in one fixed order.

use std::marker::PhantomData;

use crate::dataset::{Actor, Certainty, Choice, Dataset, MeasureGroup, Source, choice};
use crate::select::ChartId;

/// A subset of a `Choice` enum, stored as bits in `Choice::ALL` order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Selection<T> {
    bits: u32,
    kind: PhantomData<T>,
}

impl<T: Choice> Selection<T> {
    pub fn all() -> Self {
        Self {
            bits: (1u32 << T::ALL.len()) - 1,
            kind: PhantomData,
        }
    }
    pub fn none() -> Self {
        Self {
            bits: 0,
            kind: PhantomData,
        }
    }
    pub fn contains(self, t: T) -> bool {
        self.bits & (1 << t.index()) != 0
    }
    pub fn with(self, t: T, on: bool) -> Self {
        let bit = 1 << t.index();
        Self {
            bits: if on {
                self.bits | bit
            } else {
                self.bits & !bit
            },
            kind: PhantomData,
        }
    }
    pub fn toggled(self, t: T) -> Self {
        self.with(t, !self.contains(t))
    }
    pub fn is_all(self) -> bool {
        self == Self::all()
    }
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |t| self.contains(*t))
    }
}

impl<T: Choice> Default for Selection<T> {
    fn default() -> Self {
        Self::all()
    }
}

choice!(
    /// The tabs of the explorer.
    #[derive(Default)]
    View {
        #[default]
        Charts => "charts", "Charts";
        Table => "table", "Table";
        Article => "article", "Article";
        Timeline => "timeline", "Timeline";
    }
);

choice!(
    /// The table's sortable columns.
    Column {
        Actor => "actor", "Actor";
        Measure => "measure", "Measure";
        Value => "value", "Value";
        Certainty => "certainty", "Certainty";
        Period => "period", "Period";
        Source => "source", "Source";
    }
);

choice!(
    /// A forced colour theme; `Auto` follows the reader's system.
    #[derive(Default)]
    Theme {
        #[default]
        Auto => "auto", "System";
        Light => "light", "Light";
        Dark => "dark", "Dark";
    }
);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

/// One filter dimension's value, as a control toggles it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Filter {
    Actor(Actor),
    Measure(MeasureGroup),
    Source(Source),
    Certainty(Certainty),
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Filters {
    pub actors: Selection<Actor>,
    pub measures: Selection<MeasureGroup>,
    pub sources: Selection<Source>,
    pub certainty: Selection<Certainty>,
}

impl Filters {
    pub fn contains(&self, f: Filter) -> bool {
        match f {
            Filter::Actor(a) => self.actors.contains(a),
            Filter::Measure(m) => self.measures.contains(m),
            Filter::Source(s) => self.sources.contains(s),
            Filter::Certainty(c) => self.certainty.contains(c),
        }
    }
    pub fn toggled(&self, f: Filter) -> Self {
        let mut next = self.clone();
        match f {
            Filter::Actor(a) => next.actors = self.actors.toggled(a),
            Filter::Measure(m) => next.measures = self.measures.toggled(m),
            Filter::Source(s) => next.sources = self.sources.toggled(s),
            Filter::Certainty(c) => next.certainty = self.certainty.toggled(c),
        }
        next
    }
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ViewState {
    pub filters: Filters,
    pub view: View,
    pub sort: Option<Sort>,
    /// The selected figure's id.
    pub mark: Option<String>,
    /// One chart alone (what an embed of one chart shows); `None` for every chart.
    pub chart: Option<ChartId>,
    pub embed: bool,
    pub theme: Theme,
}

/// What a reader (or the browser's history) can do to the state.
#[derive(Clone, PartialEq, Debug)]
pub enum Action {
    Toggle(Filter),
    ResetFilters,
    SetView(View),
    SortBy(Column),
    SelectMark(Option<String>),
    /// Back/forward: the state read from the URL replaces the current one.
    Load(ViewState),
}

impl ViewState {
    /// The pure reducer. Changing a filter clears the selected mark, so a URL never names a
    /// figure the filters hide.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::Toggle(f) => {
                next.filters = self.filters.toggled(f);
                next.mark = None;
            }
            Action::ResetFilters => {
                next.filters = Filters::default();
                next.mark = None;
            }
            Action::SetView(v) => next.view = v,
            Action::SortBy(column) => {
                let descending =
                    matches!(self.sort, Some(s) if s.column == column && !s.descending);
                next.sort = Some(Sort { column, descending });
            }
            Action::SelectMark(mark) => next.mark = mark,
            Action::Load(state) => next = state,
        }
        next
    }

    /// The canonical query string, with its leading `?`, or "" for the default view: each
    /// parameter of `Param::ALL` that differs from the default, in that order.
    pub fn to_query(&self) -> String {
        let parts: Vec<String> = Param::ALL
            .iter()
            .filter_map(|(key, param)| Some(format!("{key}={}", param.write(self)?)))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// A relative link to this view: its query, or "?" for the default view (same page).
    pub fn href(&self) -> String {
        let query = self.to_query();
        if query.is_empty() { "?".into() } else { query }
    }

    /// The address bar's query: the canonical query, then the parameters that are not ours
    /// (`foreign`, as `Parsed::foreign` keeps them) in the order they came. What is shared
    /// (Copy link, Share, embed) is `to_query` alone.
    pub fn address(&self, foreign: &[String]) -> String {
        let ours = self.to_query();
        match (ours.is_empty(), foreign.is_empty()) {
            (_, true) => ours,
            (true, false) => format!("?{}", foreign.join("&")),
            (false, false) => format!("{ours}&{}", foreign.join("&")),
        }
    }

    /// Read a query string (with or without its `?`). Never fails: what of ours cannot be used
    /// is listed in `ignored`, with why, and the rest applies. Parameters that are not ours
    /// (`utm_source`, `fbclid`, a host's own) are kept aside, untouched, in `foreign`. Keys and
    /// values are read whatever their letter case; `+` is a space; `&amp;` (a link copied out
    /// of HTML) is `&`. `data` is used to check `mark`.
    pub fn from_query(query: &str, data: &Dataset) -> Parsed {
        let mut state = ViewState::default();
        let mut ignored = Vec::new();
        let mut foreign = Vec::new();
        let mut seen: Vec<Param> = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        let pieces = query
            .split('&')
            // Every leading `amp;`: a link escaped twice reads as once, and what is kept of
            // it reads the same again (the fuzz target found "amp;amp;").
            .map(|p| p.trim_start_matches("amp;"))
            .filter(|p| !p.is_empty());
        for piece in pieces {
            let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
            let key = decode(raw_key).map(|k| k.to_ascii_lowercase());
            let Some(param) = key.as_deref().and_then(Param::from_key) else {
                // Not ours, so not applied; but a key one `s` from ours or the filter's own
                // name ("actor", "country"), with a value ours would change the view by, is a
                // sender who meant ours: said, with what would apply it.
                if let Some(meant) = key
                    .as_deref()
                    .and_then(|k| Param::meant(k, raw_value, data))
                {
                    ignored.push(Ignored::new(
                        piece,
                        &format!("this page does not read it; {meant} would apply it"),
                    ));
                }
                foreign.push(piece.to_string());
                continue;
            };
            let key = param.key();
            let Some(value) = decode(raw_value) else {
                ignored.push(Ignored::new(piece, "it is not properly percent-encoded"));
                continue;
            };
            if seen.contains(&param) {
                ignored.push(Ignored::new(
                    key,
                    "it was given more than once; the first one counts",
                ));
                continue;
            }
            seen.push(param);
            let mut bad = |why: &str| ignored.push(Ignored::new(&format!("{key}={value}"), why));
            param.read(&mut state, &value, data, &mut bad);
        }
        // A mark the filters hide would be a view nobody can see: drop it, and say so.
        if let Some(id) = state.mark.clone()
            && crate::select::mark_visible(data, &state.filters, &id) != Some(true)
        {
            ignored.push(Ignored {
                hidden_mark: Some(id.clone()),
                ..Ignored::new(&format!("mark={id}"), "the filters hide that figure")
            });
            state.mark = None;
        }
        Parsed {
            state,
            ignored,
            foreign,
        }
    }

    /// `apply`, then drop a selected mark that is not drawn under the new filters. Input can
    /// act on marks that a render still pending is about to remove; the state must not keep one.
    pub fn apply_checked(&self, action: Action, data: &Dataset) -> ViewState {
        let mut next = self.apply(action);
        if let Some(id) = &next.mark
            && crate::select::mark_visible(data, &next.filters, id) != Some(true)
        {
            next.mark = None;
        }
        next
    }
}

/// The result of reading a URL: the state to show, what of ours was left out, and the
/// parameters that are not ours, as they came (`key=value` pieces, still percent-encoded).
#[derive(Clone, PartialEq, Debug)]
pub struct Parsed {
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
    pub foreign: Vec<String>,
}

/// A part of the URL that was not used, and why, in words for the notice.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Ignored {
    /// The offending text, shortened and with control characters replaced; shown as text only.
    pub what: String,
    pub why: String,
    /// A figure the link named that its filters hide: the notice offers to show it.
    pub hidden_mark: Option<String>,
}

impl Ignored {
    fn new(what: &str, why: &str) -> Self {
        const MAX: usize = 60;
        let mut shown: String = what
            .chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
            .take(MAX)
            .collect();
        if what.chars().count() > MAX {
            shown.push('…');
        }
        Ignored {
            what: shown,
            why: why.to_string(),
            hidden_mark: None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Param {
    Actors,
    Measures,
    Sources,
    Certainty,
    View,
    Sort,
    Mark,
    Chart,
    Embed,
    Theme,
}

/// Every query key of ours, in canonical order: `index.html`'s first script gets them from the
/// prerender step, to know a link to another view than the default before the app runs.
pub fn param_keys() -> impl Iterator<Item = &'static str> {
    Param::ALL.iter().map(|(k, _)| *k)
}

/// One filter dimension, as the filter panel and the printed page show it: its name for people,
/// its kind (in each chip's `data-filter`) and its values.
pub struct Dimension {
    pub title: &'static str,
    pub kind: &'static str,
    pub values: Vec<(Filter, &'static str)>,
}

fn values<T: Choice>(make: fn(T) -> Filter) -> Vec<(Filter, &'static str)> {
    T::ALL.iter().map(|&t| (make(t), t.label())).collect()
}

/// The filter dimensions, in the URL's order: those of `Param::ALL` that are filters.
pub fn dimensions() -> Vec<Dimension> {
    Param::ALL
        .iter()
        .filter_map(|(_, p)| p.dimension())
        .collect()
}

impl Param {
    /// Every parameter, by its key, in canonical order: the one list of them. The parser finds
    /// a key here, `to_query` writes them in this order, the filter panel and the printed page
    /// take the filter dimensions from it, the first script gets the keys from it (prerender),
    /// and each parameter's own `read` and `write` are exhaustive matches over it.
    const ALL: [(&'static str, Param); 10] = [
        ("actors", Param::Actors),
        ("measures", Param::Measures),
        ("sources", Param::Sources),
        ("certainty", Param::Certainty),
        ("view", Param::View),
        ("sort", Param::Sort),
        ("mark", Param::Mark),
        ("chart", Param::Chart),
        ("theme", Param::Theme),
        ("embed", Param::Embed),
    ];

    fn from_key(key: &str) -> Option<Param> {
        Self::ALL.iter().find(|(k, _)| *k == key).map(|(_, p)| *p)
    }

    /// The parameter of ours that a key that is not ours was meant for, as it would read
    /// (`actors=north-korea` for `actor=north-korea`): a key that is one of ours with an `s`
    /// more or less, or the actor filter's name as the page shows it ("country", "countries"),
    /// whose value reads without a fault into a view other than the default. None for any
    /// other key, or a value ours would not take (`source=rss` is a host's, not a source).
    fn meant(key: &str, raw_value: &str, data: &Dataset) -> Option<String> {
        let filter = crate::dataset::vocabulary()
            .page
            .actor_filter
            .to_ascii_lowercase();
        let names_the_filter = key == filter
            || key.strip_suffix('s') == Some(filter.as_str())
            || key
                .strip_suffix("ies")
                .is_some_and(|stem| filter.strip_suffix('y') == Some(stem));
        let param = if names_the_filter {
            Param::Actors
        } else {
            key.strip_suffix('s')
                .and_then(Param::from_key)
                .or_else(|| Param::from_key(&format!("{key}s")))?
        };
        let value = decode(raw_value).filter(|v| !v.trim().is_empty())?;
        let mut state = ViewState::default();
        let mut faults = false;
        param.read(&mut state, &value, data, &mut |_: &str| faults = true);
        let query = state.to_query();
        (!faults && !query.is_empty()).then(|| query.trim_start_matches('?').to_string())
    }

    fn key(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("", |(k, _)| k)
    }

    /// The filter dimension this parameter holds, if it is one.
    fn dimension(self) -> Option<Dimension> {
        let (title, kind, values) = match self {
            Param::Actors => (
                crate::dataset::vocabulary().page.actor_filter,
                "actor",
                values(Filter::Actor),
            ),
            Param::Measures => ("Measure", "measure", values(Filter::Measure)),
            Param::Sources => ("Source", "source", values(Filter::Source)),
            Param::Certainty => ("Certainty", "certainty", values(Filter::Certainty)),
            Param::View
            | Param::Sort
            | Param::Mark
            | Param::Chart
            | Param::Embed
            | Param::Theme => {
                return None;
            }
        };
        Some(Dimension {
            title,
            kind,
            values,
        })
    }

    /// This parameter's value in the canonical query, or `None` where the state has the
    /// default (the parameter is then left out).
    fn write(self, s: &ViewState) -> Option<String> {
        match self {
            Param::Actors => list_value(s.filters.actors),
            Param::Measures => list_value(s.filters.measures),
            Param::Sources => list_value(s.filters.sources),
            Param::Certainty => list_value(s.filters.certainty),
            Param::View => (s.view != View::default()).then(|| s.view.slug().to_string()),
            Param::Sort => s.sort.map(|sort| {
                let dir = if sort.descending { "-desc" } else { "" };
                format!("{}{dir}", sort.column.slug())
            }),
            Param::Mark => s.mark.as_deref().map(encode),
            Param::Chart => s.chart.map(|c| c.slug().to_string()),
            Param::Theme => (s.theme != Theme::default()).then(|| s.theme.slug().to_string()),
            Param::Embed => s.embed.then(|| "1".to_string()),
        }
    }

    /// Read this parameter's `value` (decoded) into `state`; what cannot be used goes to `bad`,
    /// with the reason in words.
    fn read(self, state: &mut ViewState, value: &str, data: &Dataset, bad: &mut dyn FnMut(&str)) {
        let slug = slugify(value);
        match self {
            Param::Actors => state.filters.actors = read_list(value, "actor", bad),
            Param::Measures => state.filters.measures = read_list(value, "measure", bad),
            Param::Sources => state.filters.sources = read_list(value, "source", bad),
            Param::Certainty => state.filters.certainty = read_list(value, "certainty", bad),
            Param::View => match View::from_slug(&slug) {
                Some(v) => state.view = v,
                None => bad(&format!("the view must be {}", View::expected())),
            },
            Param::Sort => {
                let (name, descending) = match slug.strip_suffix("-desc") {
                    Some(name) => (name, true),
                    None => (slug.as_str(), false),
                };
                match Column::from_slug(name) {
                    Some(column) => state.sort = Some(Sort { column, descending }),
                    None => bad(&format!(
                        "the table can be sorted by {}",
                        Column::expected()
                    )),
                }
            }
            Param::Mark => match crate::select::mark_visible(data, &Filters::default(), &slug) {
                Some(true) => state.mark = Some(slug),
                None if migrated_mark(&slug).is_some() => {
                    state.mark = migrated_mark(&slug).map(str::to_string)
                }
                Some(false) => bad("that figure is told in words, never drawn as a mark"),
                None => bad("there is no figure with that id"),
            },
            Param::Chart => match ChartId::from_slug(&slug) {
                Some(c) => state.chart = Some(c),
                None => bad(&format!(
                    "there is no such chart; the charts are {}",
                    ChartId::expected().trim_start_matches("one of ")
                )),
            },
            Param::Embed => match slug.as_str() {
                "1" | "true" => state.embed = true,
                "0" | "false" => state.embed = false,
                _ => bad("embed must be 1 or 0"),
            },
            Param::Theme => match Theme::from_slug(&slug) {
                Some(t) => state.theme = t,
                None => bad(&format!("the theme must be {}", Theme::expected())),
            },
        }
    }
}

/// The figure an old mark id now means, by the article's migration table (`explorer.json`:
/// links out in the world may still name an id the data no longer has).
fn migrated_mark(old: &str) -> Option<&'static str> {
    crate::dataset::vocabulary()
        .mark_migrations
        .iter()
        .find(|(from, _)| *from == old)
        .map(|(_, to)| *to)
}

/// A filter's value: its slugs, "none", or `None` (every value: the default, left out).
fn list_value<T: Choice>(sel: Selection<T>) -> Option<String> {
    if sel.is_all() {
        None
    } else if sel.is_empty() {
        Some("none".to_string())
    } else {
        Some(sel.iter().map(|t| t.slug()).collect::<Vec<_>>().join(","))
    }
}

/// Slugs are lower case with hyphens: "North Korea", "north+korea" (decoded: "north korea")
/// and "NORTH-KOREA" all name north-korea.
fn slugify(value: &str) -> String {
    value.trim().to_ascii_lowercase().replace(' ', "-")
}

/// "russia,ukraine" or "none". Unknown values are reported and skipped; if nothing valid is
/// left, the dimension stays at its default (everything).
fn read_list<T: Choice>(value: &str, what: &str, bad: &mut dyn FnMut(&str)) -> Selection<T> {
    if slugify(value) == "none" {
        return Selection::none();
    }
    let mut sel = Selection::none();
    let mut unknown = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match T::from_slug(&slugify(item)) {
            Some(t) => sel = sel.with(t, true),
            None => unknown.push(item),
        }
    }
    if !unknown.is_empty() {
        let plural = if unknown.len() == 1 { "" } else { "s" };
        bad(&format!(
            "unknown {what}{plural}; expected {}",
            T::expected()
        ));
    }
    if sel.is_empty() {
        Selection::all()
    } else {
        sel
    }
}

/// Percent-decode a query component (`+` is a space). `None` for broken escapes or bytes that
/// are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encode everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

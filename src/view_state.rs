//! `ViewState` is everything a reader can change, and its URL codec. Parsing is total: each query
//! parameter is read on its own as valid, invalid or missing (as Our World in Data's Grapher does);
//! what is invalid is dropped with a plain reason, and the rest still applies. Rendering is
//! canonical: defaults are left out and parameters and values come in one fixed order.

use crate::dataset::{ChartId, Choice, Dataset, choice};
use crate::filters::{Dimension, Filter, Filters, mark_visible, slugify};

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

impl View {
    /// The id of this view's tab, which labels the view's panel.
    pub fn tab_id(self) -> String {
        format!("{TAB_ID}{}", self.slug())
    }
    /// The view whose tab has this id.
    pub fn from_tab_id(id: &str) -> Option<View> {
        id.strip_prefix(TAB_ID).and_then(View::from_slug)
    }
}

/// What a tab's id starts with, before its view's slug.
const TAB_ID: &str = "tab-";

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

impl Sort {
    /// The sort in words, for the table's status line: "Sorted by Value, descending.", as its
    /// header's `aria-sort` says it.
    pub fn said(self) -> String {
        let order = if self.descending {
            "descending"
        } else {
            "ascending"
        };
        format!("Sorted by {}, {order}.", self.column.label())
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ViewState {
    pub filters: Filters,
    pub view: View,
    pub sort: Option<Sort>,
    /// The selected figure's id.
    pub mark: Option<String>,
    /// The chart the figure was selected in, which shows its details when two charts draw it.
    /// Not in the URL: a link names the figure, and the first chart that draws it shows it.
    pub mark_in: Option<ChartId>,
    /// One chart alone (what an embed of one chart shows); `None` for every chart.
    pub chart: Option<ChartId>,
    pub embed: bool,
    pub theme: Theme,
}

/// What a reader (or the browser's history) can do to the state.
#[derive(Clone, PartialEq, Debug)]
pub enum Action {
    Toggle(Filter),
    /// That value alone of its dimension ("only this").
    Only(Filter),
    /// Every value of a dimension again (its filter removed).
    Open(Dimension),
    ResetFilters,
    SetView(View),
    SortBy(Column),
    /// Select a figure (`None`: clear the selection), from a chart's mark or from elsewhere.
    SelectMark {
        mark: Option<String>,
        chart: Option<ChartId>,
    },
    /// Back/forward: the state read from the URL replaces the current one.
    Load(ViewState),
}

impl ViewState {
    /// The pure reducer. Changing a filter clears the selected mark, so a URL never names a
    /// figure the filters hide.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::Toggle(f) => return self.filtered(self.filters.toggled(f)),
            Action::Only(f) => return self.filtered(f.alone(&self.filters)),
            Action::Open(d) => return self.filtered(d.opened(&self.filters)),
            Action::ResetFilters => return self.filtered(Filters::default()),
            Action::SetView(v) => next.view = v,
            Action::SortBy(column) => {
                let descending =
                    matches!(self.sort, Some(s) if s.column == column && !s.descending);
                next.sort = Some(Sort { column, descending });
            }
            Action::SelectMark { mark, chart } => {
                next.mark_in = chart.filter(|_| mark.is_some());
                next.mark = mark;
            }
            Action::Load(state) => next = state,
        }
        next
    }

    /// This state under new filters, with no figure selected.
    fn filtered(&self, filters: Filters) -> ViewState {
        ViewState {
            filters,
            mark: None,
            mark_in: None,
            ..self.clone()
        }
    }

    /// The canonical query string, with its leading `?`, or "" for the default view: each
    /// parameter of `Param::all()` that differs from the default, in that order.
    pub fn to_query(&self) -> String {
        let parts: Vec<String> = Param::all()
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

    /// Where a link that shares this view points, relative to the site's folder: the page of
    /// its one chart (`chart_page`), with the rest of its query, where it shows one chart of
    /// every figure, so that the link's preview shows that chart; else the canonical query.
    pub fn share_path(&self) -> String {
        match self.chart {
            Some(c) if self.view == View::Charts && self.filters == Filters::default() => {
                let rest = ViewState {
                    chart: None,
                    ..self.clone()
                };
                format!("{}{}", chart_page(c), rest.to_query())
            }
            _ => self.to_query(),
        }
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
            .map(|mut p| {
                // Not `trim_start_matches("amp;")`: a search for a `&str` brings core's
                // two-way string searcher into the wasm.
                while let Some(rest) = p.strip_prefix("amp;") {
                    p = rest;
                }
                p
            })
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
            && mark_visible(data, &state.filters, &id) != Some(true)
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
            && mark_visible(data, &next.filters, id) != Some(true)
        {
            next.mark = None;
            next.mark_in = None;
        }
        next
    }
}

/// The static page the build writes for chart `c`, relative to the site's folder
/// (`chart/strength/`): the explorer on that chart, with its own title and preview image.
pub fn chart_page(c: ChartId) -> String {
    format!("chart/{}/", c.slug())
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
    /// A filter dimension: its key and reading are the dimension's own.
    Filter(Dimension),
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
    Param::all().map(|(k, _)| k)
}

impl Param {
    /// Every parameter, by its key, in canonical order: the one list of them, the filter
    /// dimensions first. The parser finds a key here, `to_query` writes them in this order, the
    /// first script gets the keys from it (prerender), and each parameter's own `read` and
    /// `write` are exhaustive matches over it.
    fn all() -> impl Iterator<Item = (&'static str, Param)> {
        const OTHERS: [(&str, Param); 6] = [
            ("view", Param::View),
            ("sort", Param::Sort),
            ("mark", Param::Mark),
            ("chart", Param::Chart),
            ("theme", Param::Theme),
            ("embed", Param::Embed),
        ];
        Dimension::ALL
            .iter()
            .map(|&d| (d.key(), Param::Filter(d)))
            .chain(OTHERS)
    }

    fn from_key(key: &str) -> Option<Param> {
        Self::all().find(|(k, _)| *k == key).map(|(_, p)| p)
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
            Param::Filter(Dimension::Actor)
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
        Self::all().find(|(_, p)| *p == self).map_or("", |(k, _)| k)
    }

    /// This parameter's value in the canonical query, or `None` where the state has the
    /// default (the parameter is then left out).
    fn write(self, s: &ViewState) -> Option<String> {
        match self {
            Param::Filter(d) => d.slugs(&s.filters),
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
            Param::Filter(d) => d.read(&mut state.filters, value, bad),
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
            Param::Mark => match mark_visible(data, &Filters::default(), &slug) {
                Some(true) => state.mark = Some(slug),
                None if migrated_mark(&slug).is_some() => {
                    state.mark = migrated_mark(&slug).map(str::to_string)
                }
                Some(false) => bad("that figure is told in words, never drawn as a mark"),
                None => bad("there is no figure with that id"),
            },
            Param::Chart => match ChartId::from_slug(&slug) {
                Some(c) => state.chart = Some(c),
                None => {
                    let expected = ChartId::expected();
                    let charts = expected.strip_prefix("one of ").unwrap_or(&expected);
                    bad(&format!("there is no such chart; the charts are {charts}"))
                }
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

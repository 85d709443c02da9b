//! The filter dimensions, declared once in the table of `dimensions!` below: from it come the
//! filter state (`Filters`), one value as a control toggles it (`Filter`), which figures and
//! events each keeps, the URL parameter's key, the filter panel's name and values, and the words
//! in file names. A fifth dimension is one more entry; every match over them is exhaustive.

use std::marker::PhantomData;

use crate::dataset::{Actor, Certainty, Choice, Dataset, Event, Figure, MeasureGroup, Source};

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
    /// Its values' slugs, "none", or `None` for every value (the default, which a URL and a
    /// file name leave out).
    pub fn slugs(self) -> Option<String> {
        (!self.is_all()).then(|| joined(self.iter().map(|t| t.slug()).collect()))
    }
}

/// "russia,ukraine", or "none": one copy for the four dimensions' value types, not one each.
#[inline(never)]
fn joined(slugs: Vec<&str>) -> String {
    match slugs.is_empty() {
        true => "none".to_string(),
        false => slugs.join(","),
    }
}

impl<T: Choice> Default for Selection<T> {
    fn default() -> Self {
        Self::all()
    }
}

/// Each row: the dimension, its value type and its field in `Filters`; its URL key and the kind
/// a chip's `data-filter` names; its title in the filter panel; the value a figure has; and
/// whether an event passes a selection (events have actors and a source, no measure or hedge).
macro_rules! dimensions {
    ($(
        $(#[$doc:meta])*
        $name:ident($value:ty) in $field:ident {
            key: $key:literal, kind: $kind:literal, title: $title:expr,
            figure: |$f:ident| $of:expr,
            event: |$e:ident, $sel:ident| $keeps:expr,
        }
    )+) => {
        /// A filter dimension.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Dimension { $($(#[$doc])* $name),+ }

        /// One dimension's value, as a control toggles it.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Filter { $($name($value)),+ }

        /// What each dimension keeps; every value of each by default.
        #[derive(Clone, PartialEq, Eq, Debug, Default)]
        pub struct Filters { $(pub $field: Selection<$value>),+ }

        impl Dimension {
            /// Every dimension, in the URL's order.
            pub const ALL: &'static [Dimension] = &[$(Dimension::$name),+];

            /// Its URL parameter: `actors=russia,ukraine`.
            pub fn key(self) -> &'static str {
                match self { $(Dimension::$name => $key),+ }
            }
            /// What a chip's `data-filter` and a value's description call it.
            pub fn kind(self) -> &'static str {
                match self { $(Dimension::$name => $kind),+ }
            }
            /// Its name for people, as the filter panel and the printed page show it.
            pub fn title(self) -> &'static str {
                match self { $(Dimension::$name => $title),+ }
            }
            /// Its values with their labels, in the vocabulary's order.
            pub fn values(self) -> Vec<(Filter, &'static str)> {
                match self {
                    $(Dimension::$name => <$value as Choice>::ALL
                        .iter()
                        .map(|&v| (Filter::$name(v), v.label()))
                        .collect()),+
                }
            }
            /// What `filters` keep of it, as a URL writes it (`None`: every value).
            pub fn slugs(self, filters: &Filters) -> Option<String> {
                match self { $(Dimension::$name => filters.$field.slugs()),+ }
            }
            /// Read a URL's `value` for this dimension into `filters`; what cannot be used
            /// goes to `bad`, with why.
            pub fn read(self, filters: &mut Filters, value: &str, bad: &mut dyn FnMut(&str)) {
                match self {
                    $(Dimension::$name => filters.$field = read_list(value, $kind, bad)),+
                }
            }
            /// `filters` with this dimension keeping every value.
            pub fn opened(self, filters: &Filters) -> Filters {
                let mut open = filters.clone();
                match self { $(Dimension::$name => open.$field = Selection::all()),+ }
                open
            }
        }

        impl Filter {
            pub fn dimension(self) -> Dimension {
                match self { $(Filter::$name(_) => Dimension::$name),+ }
            }
            pub fn slug(self) -> &'static str {
                match self { $(Filter::$name(v) => v.slug()),+ }
            }
            /// Whether figure `f` has this value.
            pub fn of(self, fig: &Figure) -> bool {
                match self { $(Filter::$name(v) => { let $f = fig; $of == v }),+ }
            }
            /// `filters` keeping this value alone of its dimension.
            pub fn alone(self, filters: &Filters) -> Filters {
                let mut next = filters.clone();
                match self { $(Filter::$name(v) => next.$field = Selection::none().with(v, true)),+ }
                next
            }
        }

        impl Filters {
            pub fn contains(&self, f: Filter) -> bool {
                match f { $(Filter::$name(v) => self.$field.contains(v)),+ }
            }
            pub fn toggled(&self, f: Filter) -> Self {
                let mut next = self.clone();
                match f { $(Filter::$name(v) => next.$field = self.$field.toggled(v)),+ }
                next
            }
            /// Whether the filters keep figure `fig`: it has a kept value in every dimension.
            pub fn keep(&self, fig: &Figure) -> bool {
                true $(&& { let $f = fig; self.$field.contains($of) })+
            }
            /// Whether the filters keep an event.
            pub fn keep_event(&self, event: &Event) -> bool {
                true $(&& { let ($e, $sel) = (event, self.$field); $keeps })+
            }
        }
    };
}

dimensions! {
    /// Whose figure it is; the article's own name for the filter ("Country").
    Actor(Actor) in actors {
        key: "actors", kind: "actor", title: crate::dataset::vocabulary().page.actor_filter,
        figure: |f| f.actor,
        // An event that names no actor is kept.
        event: |e, kept| e.actors.is_empty() || e.actors.iter().any(|&a| kept.contains(a)),
    }
    Measure(MeasureGroup) in measures {
        key: "measures", kind: "measure", title: "Measure",
        figure: |f| f.measure.group(),
        event: |_e, _kept| true,
    }
    Source(Source) in sources {
        key: "sources", kind: "source", title: "Source",
        figure: |f| f.source,
        event: |e, kept| kept.contains(e.source),
    }
    Certainty(Certainty) in certainty {
        key: "certainty", kind: "certainty", title: "Certainty",
        figure: |f| f.certainty(),
        event: |_e, _kept| true,
    }
}

impl Filters {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Whether the figure `id` is drawn as a mark under `filters`; `None` when there is no such
/// figure. One rule for the URL parser and the reducer.
pub fn mark_visible(data: &Dataset, filters: &Filters, id: &str) -> Option<bool> {
    let f = data.figure(id)?;
    Some(filters.keep(f) && f.value.is_some())
}

/// Slugs are lower case with hyphens: "North Korea", "north+korea" (decoded: "north korea")
/// and "NORTH-KOREA" all name north-korea.
pub fn slugify(value: &str) -> String {
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

//! An article's own vocabulary, as its `explorer.json` gives it: the actors and the names the
//! article uses for them, the sources, the axes and units, the measures with their groups and
//! sentences, the charts, the page's text and the ids old links may carry.
//!
//! The code knows only the generic ideas: an actor, a source that is named or not, an axis on a
//! count or a percent scale, a measure's sentence for each hedge, a chart as the axes and groups
//! it draws. Each of the article's things is an index (`Actor(0)`) into its list here.
//!
//! One source of truth: the app's vocabulary is the compiled-in one (`vocabulary()`), since a build
//! is for one article and a `Choice`'s `ALL`, slug and label are constants; no `Dataset` carries
//! one. Only the loader holds a parsed one, to check the data at build and test time.

use super::{Choice, Figure, Hedge};

macro_rules! index_type {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u8);
    )+};
}

index_type!(
    /// Whose figure it is.
    Actor;
    /// Who the article says a figure comes from.
    Source;
    /// A scale figures are drawn against: figures on different axes never share one.
    Axis;
    /// What a figure counts; it decides the axis.
    Unit;
    /// A group of measures, as the Measure filter offers them.
    MeasureGroup;
    /// What a figure measures.
    Measure;
    /// A chart, by the name a URL gives it (`chart=strength`).
    ChartId;
);

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActorDef {
    pub slug: &'static str,
    pub label: &'static str,
    /// Every name the article gives the actor, its people and places included: an event that
    /// uses one must list the actor.
    pub names: &'static [&'static str],
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceDef {
    pub slug: &'static str,
    /// The filter's label.
    pub label: &'static str,
    /// The longer wording next to a figure ("the New York Post").
    pub credit: &'static str,
    /// False for the one source that stands for "the article names none".
    pub named: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Counted things: ticks chosen to fit the largest value.
    Count,
    /// Percentages: always 0 to 100%, values written with "%".
    Percent,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisDef {
    pub slug: &'static str,
    pub title: &'static str,
    pub scale: Scale,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitDef {
    pub slug: &'static str,
    pub label: &'static str,
    pub axis: Axis,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupDef {
    pub slug: &'static str,
    pub label: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureDef {
    pub slug: &'static str,
    pub label: &'static str,
    pub group: MeasureGroup,
    /// The units a figure of this measure may have.
    pub units: &'static [Unit],
    /// The figure's phrase around the hedged value: "{value} active soldiers".
    pub sentence: Sentence,
    /// Another phrase for a hedge that needs one ("{value} may have been killed").
    pub sentence_when: &'static [(&'static str, Sentence)],
}

/// A phrase with one place for the hedged value, kept as the words before and after it (so
/// filling it in is a `format!`, not a search).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sentence {
    pub before: &'static str,
    pub after: &'static str,
}

impl Sentence {
    /// Split at its one `{value}`; `None` if it has none or more than one.
    pub fn parse(text: &'static str) -> Option<Sentence> {
        let (before, after) = text.split_once("{value}")?;
        (!after.contains("{value}")).then_some(Sentence { before, after })
    }

    pub fn fill(self, value: &str) -> String {
        format!("{}{value}{}", self.before, self.after)
    }
}

/// In which order a chart lists its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The data's order.
    Data,
    /// Grouped by actor, in the actors' order; the data's order within each.
    Actor,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartDef {
    pub slug: &'static str,
    pub title: &'static str,
    /// One panel per axis, in this order; a figure on another axis is not in the chart.
    pub axes: &'static [Axis],
    /// Only figures of these groups; every group when empty.
    pub groups: &'static [MeasureGroup],
    pub order: Order,
}

/// The page's own words: its name, its title and the descriptions link previews show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageText {
    pub name: &'static str,
    /// What the actors are, as the filter names them ("Country", "District").
    pub actor_filter: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub social_description: &'static str,
    pub short_description: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vocabulary {
    pub page: PageText,
    pub actors: &'static [ActorDef],
    pub sources: &'static [SourceDef],
    pub axes: &'static [AxisDef],
    pub units: &'static [UnitDef],
    pub groups: &'static [GroupDef],
    pub measures: &'static [MeasureDef],
    pub charts: &'static [ChartDef],
    /// Marks that links out in the world may still name, and the figure each now means.
    pub mark_migrations: &'static [(&'static str, &'static str)],
}

impl Vocabulary {
    pub fn actor(&self, a: Actor) -> &ActorDef {
        &self.actors[a.0 as usize]
    }
    pub fn source(&self, s: Source) -> &SourceDef {
        &self.sources[s.0 as usize]
    }
    pub fn axis(&self, a: Axis) -> &AxisDef {
        &self.axes[a.0 as usize]
    }
    pub fn unit(&self, u: Unit) -> &UnitDef {
        &self.units[u.0 as usize]
    }
    pub fn group(&self, g: MeasureGroup) -> &GroupDef {
        &self.groups[g.0 as usize]
    }
    pub fn measure(&self, m: Measure) -> &MeasureDef {
        &self.measures[m.0 as usize]
    }
    pub fn chart(&self, c: ChartId) -> &ChartDef {
        &self.charts[c.0 as usize]
    }
}

impl MeasureDef {
    /// The phrase for a figure with this hedge, `{value}` still in it.
    /// Keyed by the hedge's words ("up to … may have been") or, failing that, its kind ("vague").
    pub fn sentence_for(&self, h: &Hedge) -> Sentence {
        let find = |key: &str| self.sentence_when.iter().find(|(when, _)| *when == key);
        find(&h.words)
            .or_else(|| find(h.kind.slug()))
            .map_or(self.sentence, |(_, s)| *s)
    }
}

impl ChartDef {
    /// Whether the chart draws the figure: of one of its groups (any, if it names none), with a
    /// value, on one of its axes.
    pub fn draws(&self, v: &Vocabulary, f: &Figure) -> bool {
        let group = v.measure(f.measure).group;
        (self.groups.is_empty() || self.groups.contains(&group))
            && self.axes.contains(&v.unit(f.unit).axis)
            && f.value.is_some()
    }
}

impl SourceDef {
    /// The attribution after a figure: "according to the New York Post", or that the article
    /// names none (the article is where the figure is, not its source).
    pub fn attribution(&self) -> String {
        if self.named {
            format!("according to {}", self.credit)
        } else {
            "the article names no source".into()
        }
    }
}

/// The compiled-in vocabulary, and each index type as a `Choice` over it.
#[cfg(generated_data)]
mod bundled {
    use super::super::{Choice, generated};
    use super::*;

    macro_rules! choice_over {
        ($($name:ident: $list:ident, $all:ident, $label:ident;)+) => {$(
            impl Choice for $name {
                const ALL: &'static [Self] = &generated::$all;
                fn slug(self) -> &'static str {
                    generated::VOCABULARY.$list[self.0 as usize].slug
                }
                fn label(self) -> &'static str {
                    generated::VOCABULARY.$list[self.0 as usize].$label
                }
            }
        )+};
    }

    choice_over!(
        Actor: actors, ACTORS, label;
        Source: sources, SOURCES, label;
        Axis: axes, AXES, title;
        Unit: units, UNITS, label;
        MeasureGroup: groups, GROUPS, label;
        Measure: measures, MEASURES, label;
        ChartId: charts, CHARTS, title;
    );

    /// The vocabulary of the article this build is for.
    pub fn vocabulary() -> &'static Vocabulary {
        &generated::VOCABULARY
    }

    impl Actor {
        pub fn def(self) -> &'static ActorDef {
            vocabulary().actor(self)
        }
    }
    impl Source {
        pub fn def(self) -> &'static SourceDef {
            vocabulary().source(self)
        }
        pub fn credit(self) -> &'static str {
            self.def().credit
        }
        pub fn named(self) -> bool {
            self.def().named
        }
        pub fn attribution(self) -> String {
            self.def().attribution()
        }
    }
    impl Axis {
        pub fn def(self) -> &'static AxisDef {
            vocabulary().axis(self)
        }
        pub fn percent(self) -> bool {
            self.def().scale == Scale::Percent
        }
    }
    impl Unit {
        pub fn axis(self) -> Axis {
            vocabulary().unit(self).axis
        }
    }
    impl Measure {
        pub fn def(self) -> &'static MeasureDef {
            vocabulary().measure(self)
        }
        pub fn group(self) -> MeasureGroup {
            self.def().group
        }
    }
    impl ChartId {
        pub fn def(self) -> &'static ChartDef {
            vocabulary().chart(self)
        }
    }
}
#[cfg(generated_data)]
pub use bundled::vocabulary;

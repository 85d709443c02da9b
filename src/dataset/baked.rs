//! The article's data as `build.rs` writes it into `$OUT_DIR/dataset.rs`: tables of literals
//! of the row types here (named fields, `&'static str` for `String`), made into a `Dataset` by
//! one loop per table. A loop over a table costs the wasm far less code than a constructor
//! written out per figure.

use super::generated::{ARTICLE, ARTICLE_TEXT, EVENTS, FIGURES, NOT_FIGURES};
use super::{
    Actor, Amount, ArticleMeta, Dataset, Day, Event, Figure, Hedge, HedgeKind, Measure, NotFigure,
    Reading, Source, Unit, WorkedOut,
};

type S = &'static str;

pub(super) struct ArticleRow {
    pub(super) title: S,
    pub(super) dateline: S,
    pub(super) published: Day,
    pub(super) outlet: Option<S>,
}

pub(super) struct FigureRow {
    pub(super) id: S,
    pub(super) value: Option<Amount>,
    pub(super) high: Option<Amount>,
    pub(super) value_text: Option<S>,
    pub(super) unit: Unit,
    pub(super) actor: Actor,
    pub(super) measure: Measure,
    pub(super) hedge: HedgeRow,
    pub(super) source: Source,
    pub(super) period: Option<S>,
    pub(super) worked_out: Option<WorkedOutRow>,
    pub(super) outside: Option<S>,
    pub(super) quotes: &'static [S],
    pub(super) reading: ReadingRow,
}

pub(super) struct HedgeRow {
    pub(super) kind: HedgeKind,
    pub(super) words: S,
}

pub(super) struct WorkedOutRow {
    pub(super) date: S,
    pub(super) how: S,
    pub(super) as_of: Day,
}

pub(super) struct ReadingRow {
    pub(super) value: S,
    pub(super) hedge: Option<S>,
    pub(super) source: Option<S>,
    pub(super) period: Option<S>,
}

pub(super) struct EventRow {
    pub(super) id: S,
    pub(super) title: S,
    pub(super) actors: &'static [Actor],
    pub(super) source: Source,
    pub(super) start: Option<Day>,
    pub(super) end: Option<Day>,
    pub(super) when: S,
    pub(super) place: Option<S>,
    pub(super) quote: S,
    pub(super) date_basis: Option<S>,
}

pub(super) struct NotFigureRow {
    pub(super) text: S,
    pub(super) reason: S,
}

fn o(text: Option<S>) -> Option<String> {
    text.map(String::from)
}

/// The compiled-in article as owned values.
pub(super) fn dataset() -> Dataset {
    let a = &ARTICLE;
    Dataset {
        article: ArticleMeta {
            title: a.title.into(),
            dateline: a.dateline.into(),
            published: a.published,
            outlet: o(a.outlet),
        },
        figures: FIGURES.iter().map(figure).collect(),
        events: EVENTS.iter().map(event).collect(),
        not_figures: NOT_FIGURES
            .iter()
            .map(|n| NotFigure {
                text: n.text.into(),
                reason: n.reason.into(),
            })
            .collect(),
        text: ARTICLE_TEXT.into(),
    }
}

fn figure(r: &FigureRow) -> Figure {
    Figure {
        id: r.id.into(),
        value: r.value,
        high: r.high,
        value_text: o(r.value_text),
        unit: r.unit,
        actor: r.actor,
        measure: r.measure,
        hedge: Hedge {
            kind: r.hedge.kind,
            words: r.hedge.words.into(),
        },
        source: r.source,
        period: o(r.period),
        worked_out: r.worked_out.as_ref().map(|w| WorkedOut {
            date: w.date.into(),
            how: w.how.into(),
            as_of: w.as_of,
        }),
        outside: o(r.outside),
        quotes: r.quotes.iter().map(|q| String::from(*q)).collect(),
        reading: Reading {
            value: r.reading.value.into(),
            hedge: o(r.reading.hedge),
            source: o(r.reading.source),
            period: o(r.reading.period),
        },
    }
}

fn event(r: &EventRow) -> Event {
    Event {
        id: r.id.into(),
        title: r.title.into(),
        actors: r.actors.to_vec(),
        source: r.source,
        start: r.start,
        end: r.end,
        when: r.when.into(),
        place: o(r.place),
        quote: r.quote.into(),
        date_basis: o(r.date_basis),
    }
}

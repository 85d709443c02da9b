//! Reads `figures.json`: the article block, the figures, the events and the numerals that are
//! not figures, each slug looked up in the article's vocabulary, and the rules of a figure's
//! own fields (a vague amount has words and no value; a unit fits its measure).

use serde_json::{Map, Value};

use super::super::{
    Actor, Amount, ArticleMeta, Choice, DataError, DataErrors, Dataset, Event, Figure, GAP, Hedge,
    HedgeKind, Measure, NotFigure, Reading, Source, Unit, Vocabulary, WorkedOut,
};
use super::reader::{
    Reader, index, item_name, json_object, read_items, read_section, unknown_keys,
};

/// What figures.json says, as far as it reads: the dataset of the items that read cleanly (none
/// if the file is no JSON object or its article block is broken), the errors of the rest, and
/// what the rest still say, so one run checks the clean items too and reports every problem.
pub struct ParsedDataset {
    pub dataset: Option<Dataset>,
    pub errors: Vec<DataError>,
    pub unread: Unread,
}

/// The ids and the quoted words (a figure's quotes, an event's quote, a not_figures text) of
/// the items that did not read: the checks over the others count them as there, so that a
/// figure with a typo does not also leave its numerals "not accounted for".
#[derive(Clone, Debug, Default)]
pub struct Unread {
    pub ids: Vec<String>,
    pub texts: Vec<String>,
}

impl Unread {
    fn add_all(&mut self, objs: Vec<&Map<String, Value>>) {
        for obj in objs {
            self.add(obj);
        }
    }

    fn add(&mut self, obj: &Map<String, Value>) {
        if let Some(id) = obj.get("id").and_then(Value::as_str) {
            self.ids.push(id.to_string());
        }
        let quotes = obj
            .get("quotes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let single = ["quote", "text"].into_iter().filter_map(|k| obj.get(k));
        let texts = quotes.chain(single).filter_map(Value::as_str);
        self.texts.extend(texts.map(str::to_string));
    }
}

/// Parse the JSON text of a dataset. `file` names it in messages; `article` is kept verbatim.
pub fn parse_dataset(file: &str, json: &str, article: &str, vocab: &Vocabulary) -> ParsedDataset {
    let root = match json_object(file, json) {
        Ok(root) => root,
        Err(DataErrors(errors)) => {
            return ParsedDataset {
                dataset: None,
                errors,
                unread: Unread::default(),
            };
        }
    };
    let root = &root;
    let slugs = Slugs::of(vocab);
    let mut errors = unknown_keys(file, root, &["article", "figures", "events", "not_figures"]);
    let article_meta = read_section(file, root, "article", &mut errors, read_article_meta);
    let mut unread = Unread::default();
    let (figures, broken) = read_items(
        file,
        root,
        "figures",
        &mut errors,
        |i, obj| item_name("figure", "id", "figures", i, obj),
        |r| read_figure(r, vocab, &slugs),
    );
    unread.add_all(broken);
    let (events, broken) = read_items(
        file,
        root,
        "events",
        &mut errors,
        |i, obj| item_name("event", "id", "events", i, obj),
        |r| read_event(r, &slugs),
    );
    unread.add_all(broken);
    // Optional: an article may have no numeral that is not a figure.
    let not_figures = if root.contains_key("not_figures") {
        let (clean, broken) = read_items(
            file,
            root,
            "not_figures",
            &mut errors,
            |i, _| format!("not_figures[{i}]"),
            read_not_figure,
        );
        unread.add_all(broken);
        clean
    } else {
        Vec::new()
    };
    let dataset = article_meta.map(|article_meta| Dataset {
        article: article_meta,
        figures,
        events,
        not_figures,
        text: article.to_string(),
    });
    ParsedDataset {
        dataset,
        errors,
        unread,
    }
}

fn read_article_meta(r: &mut Reader<'_>) -> Option<ArticleMeta> {
    r.reject_unknown(&["title", "dateline", "published", "outlet"]);
    let (title, dateline) = (r.string("title"), r.string("dateline"));
    let outlet = r.optional_string("outlet");
    let published_present = r.obj.contains_key("published");
    let published = r.day("published");
    if !published_present {
        r.error("published", "is missing");
    }
    Some(ArticleMeta {
        title: title?,
        dateline: dateline?,
        published: published?,
        outlet,
    })
}

const FIGURE_FIELDS: &[&str] = &[
    "id",
    "value",
    "high",
    "value_text",
    "unit",
    "actor",
    "measure",
    "hedge",
    "source",
    "period",
    "worked_out",
    "outside",
    "quotes",
    "reading",
];

/// Each list's slugs, for looking up the ids a figure or event gives.
struct Slugs {
    actors: Vec<&'static str>,
    sources: Vec<&'static str>,
    units: Vec<&'static str>,
    measures: Vec<&'static str>,
}

impl Slugs {
    fn of(v: &Vocabulary) -> Slugs {
        Slugs {
            actors: v.actors.iter().map(|d| d.slug).collect(),
            sources: v.sources.iter().map(|d| d.slug).collect(),
            units: v.units.iter().map(|d| d.slug).collect(),
            measures: v.measures.iter().map(|d| d.slug).collect(),
        }
    }
}

fn read_figure(r: &mut Reader<'_>, v: &Vocabulary, slugs: &Slugs) -> Option<Figure> {
    r.reject_unknown(FIGURE_FIELDS);
    let id = r.string("id");
    let value = r.optional_amount("value", true);
    let high = r.optional_amount("high", false);
    let value_text = r.optional_string("value_text");
    let unit = r.pick("unit", "unit", &slugs.units).map(|i| Unit(index(i)));
    let actor = r
        .pick("actor", "actor", &slugs.actors)
        .map(|i| Actor(index(i)));
    let measure = r
        .pick("measure", "measure", &slugs.measures)
        .map(|i| Measure(index(i)));
    let hedge = read_hedge(r);
    let source = r
        .pick("source", "source", &slugs.sources)
        .map(|i| Source(index(i)));
    let period = r.optional_string("period");
    let worked_out = r.object("worked_out", read_worked_out);
    if worked_out.is_some() && period.is_none() {
        r.error(
            "worked_out",
            "needs the article's own words for the period it is worked out from (\"period\")",
        );
    }
    let outside = r.optional_string("outside");
    let quotes = r.strings("quotes");
    let reading = read_reading(r);
    if let Some(h) = &hedge {
        check_value_fits_hedge(r, h, value, high, value_text.is_some());
    }
    if let (Some(unit), Some(measure)) = (unit, measure) {
        check_unit_fits_measure(r, v, unit, measure);
    }
    Some(Figure {
        id: id?,
        value,
        high,
        value_text,
        unit: unit?,
        actor: actor?,
        measure: measure?,
        hedge: hedge?,
        source: source?,
        period,
        worked_out,
        outside,
        quotes,
        reading: reading?,
    })
}

fn read_worked_out(r: &mut Reader<'_>) -> Option<WorkedOut> {
    r.reject_unknown(&["date", "how", "as_of"]);
    let present = r.obj.contains_key("as_of");
    let as_of = r.day("as_of");
    if !present {
        r.error(
            "as_of",
            "is missing: the last day the figure holds for, YYYY-MM-DD",
        );
    }
    Some(WorkedOut {
        date: r.string("date")?,
        how: r.string("how")?,
        as_of: as_of?,
    })
}

/// The figure's reading note, which every figure must have.
fn read_reading(r: &mut Reader<'_>) -> Option<Reading> {
    let give = "give the article's words for the value, hedge, source and period";
    r.required_object("reading", give, |r| {
        r.reject_unknown(&["value", "hedge", "source", "period"]);
        Some(Reading {
            value: r.string("value")?,
            hedge: r.optional_string("hedge"),
            source: r.optional_string("source"),
            period: r.optional_string("period"),
        })
    })
}

/// The hedge: its kind and the article's words, `…` where the number goes.
fn read_hedge(r: &mut Reader<'_>) -> Option<Hedge> {
    let give = "give its \"kind\" (exact, approximate, lower-bound, upper-bound, range, vague) and the article's \"words\" for it";
    r.required_object("hedge", give, |r| {
        r.reject_unknown(&["kind", "words"]);
        let kind = r.choice::<HedgeKind>("kind", "hedge kind")?;
        let words = r.optional_string("words").unwrap_or_default();
        let gaps = words.matches(GAP).count();
        let (needs_words, most_gaps) = match kind {
            HedgeKind::Exact | HedgeKind::Vague => (false, 0),
            HedgeKind::Range => (false, 2),
            _ => (true, 1),
        };
        if needs_words && words.is_empty() {
            r.error(
                "words",
                "is missing: the article's words for the hedge (\"about\")",
            );
        }
        if !needs_words && kind != HedgeKind::Range && !words.is_empty() {
            r.error(
                "words",
                format!("is only for a hedged number, not an {} one", kind.slug()),
            );
        }
        if gaps > most_gaps {
            r.error(
                "words",
                format!("has {gaps} gaps ({GAP}) for numbers; at most {most_gaps}"),
            );
        }
        Some(Hedge { kind, words })
    })
}

/// A vague amount has the article's words and no value; any other has a value and no words;
/// a range, and only a range, has a higher end.
fn check_value_fits_hedge(
    r: &mut Reader<'_>,
    h: &Hedge,
    value: Option<Amount>,
    high: Option<Amount>,
    has_words: bool,
) {
    let vague = h.kind == HedgeKind::Vague;
    if vague && value.is_some() {
        r.error("value", "must be null for a vague amount");
    }
    if vague && !has_words {
        r.error(
            "value_text",
            "is missing: a vague amount needs the article's words for it",
        );
    }
    if !vague && value.is_none() && r.obj.get("value").is_some_and(Value::is_null) {
        r.error(
            "value",
            "is null, but only a vague amount may have no value",
        );
    }
    if !vague && has_words {
        r.error("value_text", "is only for vague amounts");
    }
    match (h.kind == HedgeKind::Range, high) {
        (true, None) => r.error("high", "is missing: a range needs its higher end"),
        (true, Some(hi)) if value.is_some_and(|lo| lo >= hi) => {
            r.error("high", "must be above the value, the range's lower end")
        }
        (false, Some(_)) => r.error("high", "is only for a range"),
        _ => {}
    }
}

fn check_unit_fits_measure(r: &mut Reader<'_>, v: &Vocabulary, unit: Unit, measure: Measure) {
    let m = v.measure(measure);
    if !m.units.contains(&unit) {
        let units: Vec<&str> = m.units.iter().map(|u| v.unit(*u).slug).collect();
        r.error(
            "unit",
            format!(
                "\"{}\" does not fit the measure \"{}\" (its units: {})",
                v.unit(unit).slug,
                m.slug,
                units.join(", ")
            ),
        );
    }
}

fn read_event(r: &mut Reader<'_>, slugs: &Slugs) -> Option<Event> {
    r.reject_unknown(&[
        "id",
        "title",
        "actors",
        "source",
        "start",
        "end",
        "when",
        "place",
        "quote",
        "date_basis",
    ]);
    let id = r.string("id");
    let title = r.string("title");
    let actors = r
        .picks("actors", "actor", &slugs.actors)
        .map(|is| is.into_iter().map(|i| Actor(index(i))).collect());
    let source = r
        .pick("source", "source", &slugs.sources)
        .map(|i| Source(index(i)));
    let start = r.day("start");
    let end = r.day("end");
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        r.error("end", format!("{e} is before the start {s}"));
    }
    if end.is_some() && start.is_none() {
        r.error("start", "is missing, but the event has an end");
    }
    let when = r.string("when");
    let place = r.optional_string("place");
    let quote = r.string("quote");
    let date_basis = r.optional_string("date_basis");
    Some(Event {
        id: id?,
        title: title?,
        actors: actors?,
        source: source?,
        start,
        end,
        when: when?,
        place,
        quote: quote?,
        date_basis,
    })
}

fn read_not_figure(r: &mut Reader<'_>) -> Option<NotFigure> {
    r.reject_unknown(&["text", "reason"]);
    Some(NotFigure {
        text: r.string("text")?,
        reason: r.string("reason")?,
    })
}

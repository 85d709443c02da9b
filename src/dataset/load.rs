//! Reads `figures.json` field by field, so that every error names the file, the figure or event
//! and the field, and so that unknown fields (typos) are errors rather than silently ignored.

use serde_json::{Map, Value};

use super::{
    Actor, ActorDef, ArticleMeta, Axis, AxisDef, ChartDef, Choice, DataError, DataErrors, Dataset,
    Day, Event, Figure, GroupDef, Measure, MeasureDef, MeasureGroup, NotFigure, Order, PageText,
    Qualifier, Reading, Scale, Sentence, Source, SourceDef, Unit, UnitDef, Vocabulary, WorkedOut,
};

/// Collects errors for one object (the article block, a figure, an event) while reading it.
struct Reader<'a> {
    file: &'a str,
    item: Option<String>,
    obj: &'a Map<String, Value>,
    errors: &'a mut Vec<DataError>,
}

impl<'a> Reader<'a> {
    fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_string(),
            item: self.item.clone(),
            field: Some(field.to_string()),
            message: message.into(),
        });
    }

    fn reject_unknown(&mut self, known: &[&str]) {
        let unknown: Vec<String> = self
            .obj
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            self.error(
                &key,
                format!("unknown field; expected one of {}", known.join(", ")),
            );
        }
    }

    fn optional_string(&mut self, field: &str) -> Option<String> {
        match self.obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) => {
                self.error(field, "is empty");
                None
            }
            Some(other) => {
                self.error(field, format!("must be a string, found {}", kind(other)));
                None
            }
        }
    }

    fn string(&mut self, field: &str) -> Option<String> {
        let present = matches!(self.obj.get(field), Some(v) if !v.is_null());
        let value = self.optional_string(field);
        if !present {
            self.error(field, "is missing");
        }
        value
    }

    /// A slug that must be one of `slugs`: its position there.
    fn pick(&mut self, field: &str, what: &str, slugs: &[&str]) -> Option<usize> {
        let slug = self.string(field)?;
        let found = slugs.iter().position(|s| *s == slug);
        if found.is_none() {
            self.error(field, unknown(what, &slug, slugs));
        }
        found
    }

    fn choice<C: Choice>(&mut self, field: &str, what: &str) -> Option<C> {
        let slugs: Vec<&str> = C::ALL.iter().map(|c| c.slug()).collect();
        self.pick(field, what, &slugs).map(|i| C::ALL[i])
    }

    /// A list of slugs, each one of `slugs`, none twice; it may be empty (unless `required`)
    /// but must be there.
    fn picks(&mut self, field: &str, what: &str, slugs: &[&str]) -> Option<Vec<usize>> {
        let Some(Value::Array(items)) = self.obj.get(field) else {
            let message = match self.obj.get(field) {
                None => "is missing".to_string(),
                Some(other) => format!("must be a list, found {}", kind(other)),
            };
            self.error(field, message);
            return None;
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{field}[{i}]");
            match item
                .as_str()
                .map(|slug| (slug, slugs.iter().position(|s| *s == slug)))
            {
                Some((_, Some(c))) if out.contains(&c) => self.error(&at, "is listed twice"),
                Some((_, Some(c))) => out.push(c),
                Some((slug, None)) => self.error(&at, unknown(what, slug, slugs)),
                None => self.error(&at, "must be a string"),
            }
        }
        Some(out)
    }

    fn day(&mut self, field: &str) -> Option<Day> {
        let text = self.optional_string(field)?;
        let parsed = parse_day(&text);
        if parsed.is_none() {
            self.error(
                field,
                format!("\"{text}\" is not a date of the form YYYY-MM-DD"),
            );
        }
        parsed
    }

    /// A present, non-negative whole number, or an explicit null.
    fn optional_count(&mut self, field: &str) -> Option<u64> {
        match self.obj.get(field) {
            None => {
                self.error(field, "is missing (use null for a vague amount)");
                None
            }
            Some(Value::Null) => None,
            Some(Value::Number(n)) => {
                let count = n.as_u64();
                if count.is_none() {
                    self.error(field, format!("{n} is not a whole number of 0 or more"));
                }
                count
            }
            Some(other) => {
                self.error(
                    field,
                    format!("must be a number or null, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// An optional nested object, read by `read`; its errors name `field.inner`.
    fn object<T>(
        &mut self,
        field: &str,
        read: impl FnOnce(&mut Reader<'_>) -> Option<T>,
    ) -> Option<T> {
        let obj = self.obj;
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Object(inner)) => {
                let mut errors = Vec::new();
                let value = read(&mut Reader {
                    file: self.file,
                    item: self.item.clone(),
                    obj: inner,
                    errors: &mut errors,
                });
                for mut e in errors {
                    e.field = Some(format!("{field}.{}", e.field.unwrap_or_default()));
                    self.errors.push(e);
                }
                value
            }
            Some(other) => {
                self.error(field, format!("must be an object, found {}", kind(other)));
                None
            }
        }
    }

    fn strings(&mut self, field: &str) -> Vec<String> {
        match self.obj.get(field) {
            Some(Value::Array(items)) if !items.is_empty() => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) if !s.trim().is_empty() => out.push(s.to_string()),
                        _ => self.error(&format!("{field}[{i}]"), "must be a non-empty string"),
                    }
                }
                out
            }
            Some(Value::Array(_)) => {
                self.error(field, "is empty; give at least one");
                Vec::new()
            }
            None => {
                self.error(field, "is missing");
                Vec::new()
            }
            Some(other) => {
                self.error(
                    field,
                    format!("must be a list of strings, found {}", kind(other)),
                );
                Vec::new()
            }
        }
    }
}

fn unknown(what: &str, slug: &str, slugs: &[&str]) -> String {
    format!(
        "unknown {what} \"{slug}\"; expected one of {}",
        slugs.join(", ")
    )
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `YYYY-MM-DD` with a real month and a day that exists in that month.
pub fn parse_day(text: &str) -> Option<Day> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Day { year, month, day })
}

fn top_error(file: &str, field: Option<&str>, message: impl Into<String>) -> DataError {
    DataError {
        file: file.to_string(),
        item: None,
        field: field.map(str::to_string),
        message: message.into(),
    }
}

fn objects<'v>(
    file: &str,
    root: &'v Map<String, Value>,
    field: &str,
    errors: &mut Vec<DataError>,
) -> Vec<(usize, &'v Map<String, Value>)> {
    match root.get(field) {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item.as_object() {
                Some(obj) => Some((i, obj)),
                None => {
                    errors.push(top_error(
                        file,
                        Some(&format!("{field}[{i}]")),
                        "must be an object",
                    ));
                    None
                }
            })
            .collect(),
        None => {
            errors.push(top_error(file, Some(field), "is missing"));
            Vec::new()
        }
        Some(other) => {
            errors.push(top_error(
                file,
                Some(field),
                format!("must be a list, found {}", kind(other)),
            ));
            Vec::new()
        }
    }
}

/// A data file's JSON, which must be one object.
fn json_object(file: &str, json: &str) -> Result<Map<String, Value>, DataErrors> {
    match serde_json::from_str(json) {
        Ok(Value::Object(root)) => Ok(root),
        Ok(_) => Err(DataErrors(vec![top_error(
            file,
            None,
            "must hold a JSON object",
        )])),
        Err(e) => Err(DataErrors(vec![top_error(
            file,
            None,
            format!("is not valid JSON: {e}"),
        )])),
    }
}

/// An error for each top-level key of `root` that is not one of `known` (a typo is an error,
/// never ignored).
fn unknown_keys(file: &str, root: &Map<String, Value>, known: &[&str]) -> Vec<DataError> {
    root.keys()
        .filter(|key| !known.contains(&key.as_str()))
        .map(|key| {
            top_error(
                file,
                Some(key),
                format!("unknown field; expected {}", known.join(", ")),
            )
        })
        .collect()
}

/// The item name in messages: the id when there is a usable one, else the position.
fn item_name(what: &str, list: &str, index: usize, obj: &Map<String, Value>) -> String {
    match obj.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("{what} \"{id}\""),
        _ => format!("{what} {list}[{index}]"),
    }
}

/// Parse the JSON text of a dataset. `file` names it in messages; `article` is kept verbatim.
pub fn parse_dataset(
    file: &str,
    json: &str,
    article: &str,
    vocab: &Vocabulary,
) -> Result<Dataset, DataErrors> {
    let slugs = Slugs::of(vocab);
    let root = json_object(file, json)?;
    let root = &root;
    let mut errors = unknown_keys(file, root, &["article", "figures", "events", "not_figures"]);

    let article_meta = match root.get("article").and_then(Value::as_object) {
        Some(obj) => {
            let mut r = Reader {
                file,
                item: Some("article".into()),
                obj,
                errors: &mut errors,
            };
            r.reject_unknown(&["title", "dateline", "published", "outlet"]);
            let (title, dateline) = (r.string("title"), r.string("dateline"));
            let outlet = r.optional_string("outlet");
            let published_present = obj.contains_key("published");
            let published = r.day("published");
            if !published_present {
                r.error("published", "is missing");
            }
            match (title, dateline, published) {
                (Some(title), Some(dateline), Some(published)) => Some(ArticleMeta {
                    title,
                    dateline,
                    published,
                    outlet,
                }),
                _ => None,
            }
        }
        None => {
            errors.push(top_error(
                file,
                Some("article"),
                "is missing or not an object",
            ));
            None
        }
    };

    let figures: Vec<Figure> = objects(file, root, "figures", &mut errors)
        .into_iter()
        .filter_map(|(i, obj)| {
            let item = Some(item_name("figure", "figures", i, obj));
            read_figure(
                &mut Reader {
                    file,
                    item,
                    obj,
                    errors: &mut errors,
                },
                vocab,
                &slugs,
            )
        })
        .collect();

    let events: Vec<Event> = objects(file, root, "events", &mut errors)
        .into_iter()
        .filter_map(|(i, obj)| {
            let item = Some(item_name("event", "events", i, obj));
            read_event(
                &mut Reader {
                    file,
                    item,
                    obj,
                    errors: &mut errors,
                },
                &slugs,
            )
        })
        .collect();

    let not_figures: Vec<NotFigure> = match root.get("not_figures") {
        None => Vec::new(),
        Some(_) => objects(file, root, "not_figures", &mut errors)
            .into_iter()
            .filter_map(|(i, obj)| {
                let item = Some(format!("not_figures[{i}]"));
                let mut r = Reader {
                    file,
                    item,
                    obj,
                    errors: &mut errors,
                };
                r.reject_unknown(&["text", "reason"]);
                Some(NotFigure {
                    text: r.string("text")?,
                    reason: r.string("reason")?,
                })
            })
            .collect(),
    };

    match (errors.is_empty(), article_meta) {
        (true, Some(article_meta)) => Ok(Dataset {
            article: article_meta,
            figures,
            events,
            not_figures,
            text: article.to_string(),
        }),
        _ => Err(DataErrors(errors)),
    }
}

const FIGURE_FIELDS: &[&str] = &[
    "id",
    "value",
    "value_text",
    "unit",
    "actor",
    "measure",
    "qualifier",
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

fn index(i: usize) -> u8 {
    // At most 32 of each (a filter keeps its choices in a u32), checked by the vocabulary.
    i as u8
}

fn read_figure(r: &mut Reader<'_>, v: &Vocabulary, slugs: &Slugs) -> Option<Figure> {
    r.reject_unknown(FIGURE_FIELDS);
    let id = r.string("id");
    let value = r.optional_count("value");
    let value_text = r.optional_string("value_text");
    let unit = r.pick("unit", "unit", &slugs.units).map(|i| Unit(index(i)));
    let actor = r
        .pick("actor", "actor", &slugs.actors)
        .map(|i| Actor(index(i)));
    let measure = r
        .pick("measure", "measure", &slugs.measures)
        .map(|i| Measure(index(i)));
    let qualifier = r.choice::<Qualifier>("qualifier", "qualifier");
    let source = r
        .pick("source", "source", &slugs.sources)
        .map(|i| Source(index(i)));
    let period = r.optional_string("period");
    let worked_out = r.object("worked_out", |r| {
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
    });
    if worked_out.is_some() && period.is_none() {
        r.error(
            "worked_out",
            "needs the article's own words for the period it is worked out from (\"period\")",
        );
    }
    let outside = r.optional_string("outside");
    let quotes = r.strings("quotes");
    let reading = if r.obj.contains_key("reading") {
        r.object("reading", |r| {
            r.reject_unknown(&["value", "hedge", "source", "period"]);
            Some(Reading {
                value: r.string("value")?,
                hedge: r.optional_string("hedge"),
                source: r.optional_string("source"),
                period: r.optional_string("period"),
            })
        })
    } else {
        r.error(
            "reading",
            "is missing: give the article's words for the value, hedge, source and period",
        );
        None
    };

    if let Some(q) = qualifier {
        let vague = q == Qualifier::Vague;
        if vague && value.is_some() {
            r.error("value", "must be null for a vague amount");
        }
        if vague && value_text.is_none() {
            r.error(
                "value_text",
                "is missing: a vague amount needs the article's words for it",
            );
        }
        if !vague && value.is_none() && r.obj.get("value").is_some_and(Value::is_null) {
            r.error(
                "value",
                "is null, but only a vague qualifier may have no value",
            );
        }
        if !vague && value_text.is_some() {
            r.error("value_text", "is only for vague amounts");
        }
    }
    if let (Some(unit), Some(measure)) = (unit, measure) {
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
    Some(Figure {
        id: id?,
        value,
        value_text,
        unit: unit?,
        actor: actor?,
        measure: measure?,
        qualifier: qualifier?,
        source: source?,
        period,
        worked_out,
        outside,
        quotes,
        reading: reading?,
    })
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

/// A string kept for the rest of the process: the vocabulary holds `&'static str` so the app can
/// compile it in as statics; a build script or a test that loads one lives briefly.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// How many of each kind a vocabulary may have: a filter keeps its choices as bits of a u32.
const MOST: usize = 32;

/// Parse an article's `explorer.json`: its page text, actors, sources, axes, units, groups,
/// measures, charts and migrations, with every reference between them checked.
pub fn parse_vocabulary(file: &str, json: &str) -> Result<Vocabulary, DataErrors> {
    let root = json_object(file, json)?;
    let root = &root;
    let mut errors = unknown_keys(
        file,
        root,
        &[
            "about",
            "page",
            "actors",
            "sources",
            "axes",
            "units",
            "groups",
            "measures",
            "charts",
            "migrations",
        ],
    );

    // Each list: objects with a unique slug, read by `read`.
    fn list<T>(
        file: &str,
        root: &Map<String, Value>,
        field: &str,
        what: &str,
        errors: &mut Vec<DataError>,
        mut read: impl FnMut(&mut Reader<'_>, &'static str) -> Option<T>,
    ) -> (Vec<T>, Vec<&'static str>) {
        let objs = objects(file, root, field, errors);
        if objs.is_empty() && root.get(field).is_some_and(Value::is_array) {
            errors.push(top_error(file, Some(field), "is empty; give at least one"));
        }
        if objs.len() > MOST {
            errors.push(top_error(
                file,
                Some(field),
                format!("has more than {MOST}"),
            ));
        }
        let (mut out, mut slugs) = (Vec::new(), Vec::new());
        for (i, obj) in objs {
            let item = match obj.get("slug").and_then(Value::as_str) {
                Some(slug) if !slug.is_empty() => format!("{what} \"{slug}\""),
                _ => format!("{what} {field}[{i}]"),
            };
            let mut r = Reader {
                file,
                item: Some(item),
                obj,
                errors: &mut *errors,
            };
            let Some(slug) = r.string("slug") else {
                continue;
            };
            if slugs.contains(&slug.as_str()) {
                r.error("slug", "is used twice");
            }
            if !slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                r.error("slug", "may hold only a-z, 0-9 and -");
            }
            let slug = leak(slug);
            slugs.push(slug);
            if let Some(t) = read(&mut r, slug) {
                out.push(t);
            }
        }
        (out, slugs)
    }
    let text = |r: &mut Reader<'_>, field: &str| r.string(field).map(leak);

    let page = match root.get("page").and_then(Value::as_object) {
        Some(obj) => {
            let mut r = Reader {
                file,
                item: Some("page".into()),
                obj,
                errors: &mut errors,
            };
            const FIELDS: [&str; 7] = [
                "name",
                "actor_filter",
                "title",
                "description",
                "social_description",
                "short_description",
                "image_alt",
            ];
            r.reject_unknown(&FIELDS);
            let [name, actor_filter, title, description, social, short, alt] =
                FIELDS.map(|f| text(&mut r, f));
            (|| {
                Some(PageText {
                    name: name?,
                    actor_filter: actor_filter?,
                    title: title?,
                    description: description?,
                    social_description: social?,
                    short_description: short?,
                    image_alt: alt?,
                })
            })()
        }
        None => {
            errors.push(top_error(file, Some("page"), "is missing or not an object"));
            None
        }
    };

    let (actors, _) = list(file, root, "actors", "actor", &mut errors, |r, slug| {
        r.reject_unknown(&["slug", "label", "names"]);
        let label = text(r, "label");
        let names: Vec<&'static str> = r.strings("names").into_iter().map(leak).collect();
        Some(ActorDef {
            slug,
            label: label?,
            names: leak_slice(names),
        })
    });
    let (sources, _) = list(file, root, "sources", "source", &mut errors, |r, slug| {
        r.reject_unknown(&["slug", "label", "credit", "named"]);
        let (label, credit) = (text(r, "label"), text(r, "credit"));
        let named = match r.obj.get("named") {
            Some(Value::Bool(b)) => Some(*b),
            _ => {
                r.error(
                    "named",
                    "must be true or false: does the article name this source?",
                );
                None
            }
        };
        Some(SourceDef {
            slug,
            label: label?,
            credit: credit?,
            named: named?,
        })
    });
    if sources.iter().filter(|s| !s.named).count() > 1 {
        errors.push(top_error(
            file,
            Some("sources"),
            "more than one source is \"named\": false; one stands for every figure the article names no source for",
        ));
    }
    let (axes, axis_slugs) = list(file, root, "axes", "axis", &mut errors, |r, slug| {
        r.reject_unknown(&["slug", "title", "scale"]);
        let title = text(r, "title");
        let scale = match r.pick("scale", "scale", &["count", "percent"])? {
            0 => Scale::Count,
            _ => Scale::Percent,
        };
        Some(AxisDef {
            slug,
            title: title?,
            scale,
        })
    });
    let (units, unit_slugs) = list(file, root, "units", "unit", &mut errors, |r, slug| {
        r.reject_unknown(&["slug", "label", "axis"]);
        let label = text(r, "label");
        let axis = r.pick("axis", "axis", &axis_slugs).map(|i| Axis(index(i)));
        Some(UnitDef {
            slug,
            label: label?,
            axis: axis?,
        })
    });
    let (groups, group_slugs) = list(file, root, "groups", "group", &mut errors, |r, slug| {
        r.reject_unknown(&["slug", "label"]);
        Some(GroupDef {
            slug,
            label: text(r, "label")?,
        })
    });
    let qualifiers: Vec<&str> = Qualifier::ALL.iter().map(|q| q.slug()).collect();
    let (measures, _) = list(file, root, "measures", "measure", &mut errors, |r, slug| {
        r.reject_unknown(&[
            "slug",
            "label",
            "group",
            "units",
            "sentence",
            "sentence_when",
        ]);
        let label = text(r, "label");
        let group = r
            .pick("group", "group", &group_slugs)
            .map(|i| MeasureGroup(index(i)));
        let units = r.picks("units", "unit", &unit_slugs);
        if units.as_ref().is_some_and(Vec::is_empty) {
            r.error("units", "is empty; give at least one");
        }
        // A phrase with one `{value}`, split there.
        let split = |r: &mut Reader<'_>, field: &str, p: &'static str| {
            let parsed = Sentence::parse(p);
            if parsed.is_none() {
                r.error(
                    field,
                    format!("\"{p}\" must hold \"{{value}}\" once, where the hedged value goes"),
                );
            }
            parsed
        };
        let sentence = text(r, "sentence").and_then(|p| split(r, "sentence", p));
        let mut when = Vec::new();
        match r.obj.get("sentence_when") {
            None => {}
            Some(Value::Object(map)) => {
                for (key, phrase) in map {
                    let field = format!("sentence_when.{key}");
                    match (qualifiers.iter().position(|q| q == key), phrase.as_str()) {
                        (Some(q), Some(p)) => {
                            if let Some(p) = split(r, &field, leak(p.to_string())) {
                                when.push((Qualifier::ALL[q], p));
                            }
                        }
                        (None, _) => r.error(&field, unknown("qualifier", key, &qualifiers)),
                        (_, None) => r.error(&field, "must be a string"),
                    }
                }
            }
            Some(other) => r.error(
                "sentence_when",
                format!("must be an object, found {}", kind(other)),
            ),
        }
        Some(MeasureDef {
            slug,
            label: label?,
            group: group?,
            units: leak_slice(units?.into_iter().map(|i| Unit(index(i))).collect()),
            sentence: sentence?,
            sentence_when: leak_slice(when),
        })
    });
    let (charts, _) = list(file, root, "charts", "chart", &mut errors, |r, slug| {
        r.reject_unknown(&["slug", "title", "axes", "groups", "order"]);
        let title = text(r, "title");
        let axes = r.picks("axes", "axis", &axis_slugs);
        if axes.as_ref().is_some_and(Vec::is_empty) {
            r.error("axes", "is empty; give at least one");
        }
        let groups = if r.obj.contains_key("groups") {
            r.picks("groups", "group", &group_slugs)?
        } else {
            Vec::new()
        };
        let order = match r.pick("order", "order", &["data", "actor"])? {
            0 => Order::Data,
            _ => Order::Actor,
        };
        Some(ChartDef {
            slug,
            title: title?,
            axes: leak_slice(axes?.into_iter().map(|i| Axis(index(i))).collect()),
            groups: leak_slice(groups.into_iter().map(|i| MeasureGroup(index(i))).collect()),
            order,
        })
    });

    let mut mark_migrations = Vec::new();
    match root.get("migrations") {
        None => {}
        Some(Value::Object(m)) => {
            for (key, table) in m {
                let Some(table) = table.as_object().filter(|_| key == "mark") else {
                    errors.push(top_error(
                        file,
                        Some(&format!("migrations.{key}")),
                        "unknown: only \"mark\" (old figure ids and the figure each now means) can be migrated here",
                    ));
                    continue;
                };
                for (from, to) in table {
                    match to.as_str() {
                        Some(to) => {
                            mark_migrations.push((leak(from.clone()), leak(to.to_string())))
                        }
                        None => errors.push(top_error(
                            file,
                            Some(&format!("migrations.mark.{from}")),
                            "must be a figure id",
                        )),
                    }
                }
            }
        }
        Some(other) => errors.push(top_error(
            file,
            Some("migrations"),
            format!("must be an object, found {}", kind(other)),
        )),
    }

    match (errors.is_empty(), page) {
        (true, Some(page)) => Ok(Vocabulary {
            page,
            actors: leak_slice(actors),
            sources: leak_slice(sources),
            axes: leak_slice(axes),
            units: leak_slice(units),
            groups: leak_slice(groups),
            measures: leak_slice(measures),
            charts: leak_slice(charts),
            mark_migrations: leak_slice(mark_migrations),
        }),
        _ => Err(DataErrors(errors)),
    }
}

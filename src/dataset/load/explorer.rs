//! Reads an article's `explorer.json` into its `Vocabulary`: the page's text, then each list
//! (actors, sources, axes, units, groups, measures, charts) in an order where every slug an
//! item refers to is already known, then the ids old links may carry.

use serde_json::{Map, Value};

use super::super::{
    ActorDef, Axis, AxisDef, ChartDef, DataError, DataErrors, GroupDef, MeasureDef, MeasureGroup,
    Order, PageText, Scale, Sentence, SourceDef, Unit, UnitDef, Vocabulary,
};
use super::reader::{
    Reader, index, item_name, json_object, kind, objects, read_section, top_error, unknown_keys,
};

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

/// A required string field, kept as the vocabulary keeps its words.
fn text(r: &mut Reader<'_>, field: &str) -> Option<&'static str> {
    r.string(field).map(leak)
}

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
    let page = read_section(file, root, "page", &mut errors, read_page);
    let (actors, _) = read_list(file, root, "actors", "actor", &mut errors, read_actor);
    let (sources, _) = read_list(file, root, "sources", "source", &mut errors, read_source);
    if sources.iter().filter(|s| !s.named).count() > 1 {
        errors.push(top_error(
            file,
            Some("sources"),
            "more than one source is \"named\": false; one stands for every figure the article names no source for",
        ));
    }
    let (axes, axis_slugs) = read_list(file, root, "axes", "axis", &mut errors, read_axis);
    let (units, unit_slugs) = read_list(file, root, "units", "unit", &mut errors, |r, slug| {
        read_unit(r, slug, &axis_slugs)
    });
    let (groups, group_slugs) = read_list(file, root, "groups", "group", &mut errors, read_group);
    let (measures, _) = read_list(file, root, "measures", "measure", &mut errors, |r, slug| {
        read_measure(r, slug, &group_slugs, &unit_slugs)
    });
    let (charts, _) = read_list(file, root, "charts", "chart", &mut errors, |r, slug| {
        read_chart(r, slug, &axis_slugs, &group_slugs)
    });
    let mark_migrations = read_migrations(file, root, &mut errors);
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

/// The list `field`: at least one and at most `MOST` objects, each with a unique kebab-case
/// slug, read by `read`; with the slugs, in order, for the lists that refer to it.
fn read_list<T>(
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
        let mut r = Reader {
            file,
            item: Some(item_name(what, "slug", field, i, obj)),
            obj,
            errors: &mut *errors,
        };
        let Some(slug) = read_slug(&mut r, &slugs) else {
            continue;
        };
        slugs.push(slug);
        if let Some(t) = read(&mut r, slug) {
            out.push(t);
        }
    }
    (out, slugs)
}

/// An item's slug: kebab-case, and not one of the list's `earlier` ones.
fn read_slug(r: &mut Reader<'_>, earlier: &[&str]) -> Option<&'static str> {
    let slug = r.string("slug")?;
    if earlier.contains(&slug.as_str()) {
        r.error("slug", "is used twice");
    }
    if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        r.error("slug", "may hold only a-z, 0-9 and -");
    }
    Some(leak(slug))
}

fn read_page(r: &mut Reader<'_>) -> Option<PageText> {
    const FIELDS: [&str; 6] = [
        "name",
        "actor_filter",
        "title",
        "description",
        "social_description",
        "short_description",
    ];
    r.reject_unknown(&FIELDS);
    let [name, actor_filter, title, description, social, short] = FIELDS.map(|f| text(r, f));
    Some(PageText {
        name: name?,
        actor_filter: actor_filter?,
        title: title?,
        description: description?,
        social_description: social?,
        short_description: short?,
    })
}

fn read_actor(r: &mut Reader<'_>, slug: &'static str) -> Option<ActorDef> {
    r.reject_unknown(&["slug", "label", "names"]);
    let label = text(r, "label");
    let names: Vec<&'static str> = r.strings("names").into_iter().map(leak).collect();
    Some(ActorDef {
        slug,
        label: label?,
        names: leak_slice(names),
    })
}

fn read_source(r: &mut Reader<'_>, slug: &'static str) -> Option<SourceDef> {
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
}

fn read_axis(r: &mut Reader<'_>, slug: &'static str) -> Option<AxisDef> {
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
}

fn read_unit(r: &mut Reader<'_>, slug: &'static str, axes: &[&str]) -> Option<UnitDef> {
    r.reject_unknown(&["slug", "label", "axis"]);
    let label = text(r, "label");
    let axis = r.pick("axis", "axis", axes).map(|i| Axis(index(i)));
    Some(UnitDef {
        slug,
        label: label?,
        axis: axis?,
    })
}

fn read_group(r: &mut Reader<'_>, slug: &'static str) -> Option<GroupDef> {
    r.reject_unknown(&["slug", "label"]);
    Some(GroupDef {
        slug,
        label: text(r, "label")?,
    })
}

fn read_measure(
    r: &mut Reader<'_>,
    slug: &'static str,
    groups: &[&str],
    units: &[&str],
) -> Option<MeasureDef> {
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
        .pick("group", "group", groups)
        .map(|i| MeasureGroup(index(i)));
    let units = r.picks("units", "unit", units);
    if units.as_ref().is_some_and(Vec::is_empty) {
        r.error("units", "is empty; give at least one");
    }
    let sentence = text(r, "sentence").and_then(|p| read_sentence(r, "sentence", p));
    let when = read_sentence_when(r);
    Some(MeasureDef {
        slug,
        label: label?,
        group: group?,
        units: leak_slice(units?.into_iter().map(|i| Unit(index(i))).collect()),
        sentence: sentence?,
        sentence_when: leak_slice(when),
    })
}

/// A phrase with one `{value}`, split there.
fn read_sentence(r: &mut Reader<'_>, field: &str, phrase: &'static str) -> Option<Sentence> {
    let parsed = Sentence::parse(phrase);
    if parsed.is_none() {
        r.error(
            field,
            format!("\"{phrase}\" must hold \"{{value}}\" once, where the hedged value goes"),
        );
    }
    parsed
}

/// A measure's other phrases, by the hedge that needs each (its words, "up to … may have
/// been", or its kind, "vague"); none if absent.
fn read_sentence_when(r: &mut Reader<'_>) -> Vec<(&'static str, Sentence)> {
    let mut when = Vec::new();
    match r.obj.get("sentence_when") {
        None => {}
        Some(Value::Object(map)) => {
            for (key, phrase) in map {
                let field = format!("sentence_when.{key}");
                match phrase.as_str() {
                    Some(p) => {
                        if let Some(p) = read_sentence(r, &field, leak(p.to_string())) {
                            when.push((leak(key.clone()), p));
                        }
                    }
                    None => r.error(&field, "must be a string"),
                }
            }
        }
        Some(other) => r.error(
            "sentence_when",
            format!("must be an object, found {}", kind(other)),
        ),
    }
    when
}

fn read_chart(
    r: &mut Reader<'_>,
    slug: &'static str,
    axes: &[&str],
    groups: &[&str],
) -> Option<ChartDef> {
    r.reject_unknown(&["slug", "title", "axes", "groups", "order"]);
    let title = text(r, "title");
    let axes = r.picks("axes", "axis", axes);
    if axes.as_ref().is_some_and(Vec::is_empty) {
        r.error("axes", "is empty; give at least one");
    }
    // Optional: a chart without groups draws every group.
    let groups = if r.obj.contains_key("groups") {
        r.picks("groups", "group", groups)?
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
}

/// `migrations.mark`: old figure ids that links out in the world may carry, and the id each
/// now means (checked against the figures in `check.rs`).
fn read_migrations(
    file: &str,
    root: &Map<String, Value>,
    errors: &mut Vec<DataError>,
) -> Vec<(&'static str, &'static str)> {
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
    mark_migrations
}

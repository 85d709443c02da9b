//! The field readers every data file is read with: each reads one field of one object by name
//! and reports what is wrong with it (missing, of the wrong kind, an unknown slug) as an error
//! naming the file, the item and the field, and reading goes on, so one run shows every problem.

use serde_json::{Map, Value};

use super::super::{Amount, Choice, DataError, DataErrors, Day};

/// Collects errors for one object (the article block, a figure, an event) while reading it.
pub(super) struct Reader<'a> {
    pub(super) file: &'a str,
    pub(super) item: Option<String>,
    pub(super) obj: &'a Map<String, Value>,
    pub(super) errors: &'a mut Vec<DataError>,
}

impl<'a> Reader<'a> {
    pub(super) fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_string(),
            item: self.item.clone(),
            field: Some(field.to_string()),
            message: message.into(),
        });
    }

    pub(super) fn reject_unknown(&mut self, known: &[&str]) {
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

    pub(super) fn optional_string(&mut self, field: &str) -> Option<String> {
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

    pub(super) fn string(&mut self, field: &str) -> Option<String> {
        let present = matches!(self.obj.get(field), Some(v) if !v.is_null());
        let value = self.optional_string(field);
        if !present {
            self.error(field, "is missing");
        }
        value
    }

    /// A slug that must be one of `slugs`: its position there.
    pub(super) fn pick(&mut self, field: &str, what: &str, slugs: &[&str]) -> Option<usize> {
        let slug = self.string(field)?;
        let found = slugs.iter().position(|s| *s == slug);
        if found.is_none() {
            self.error(field, unknown(what, &slug, slugs));
        }
        found
    }

    pub(super) fn choice<C: Choice>(&mut self, field: &str, what: &str) -> Option<C> {
        let slugs: Vec<&str> = C::ALL.iter().map(|c| c.slug()).collect();
        self.pick(field, what, &slugs).map(|i| C::ALL[i])
    }

    /// A list of slugs, each one of `slugs`, none twice; it may be empty (the caller says
    /// where it must not) but must be there.
    pub(super) fn picks(&mut self, field: &str, what: &str, slugs: &[&str]) -> Option<Vec<usize>> {
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

    pub(super) fn day(&mut self, field: &str) -> Option<Day> {
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
    /// A number of 0 or more with at most three decimals ("4.5"), as the article writes it;
    /// `required`: absent is an error (a vague amount gives null).
    pub(super) fn optional_amount(&mut self, field: &str, required: bool) -> Option<Amount> {
        match self.obj.get(field) {
            None => {
                if required {
                    self.error(field, "is missing (use null for a vague amount)");
                }
                None
            }
            Some(Value::Null) => None,
            Some(Value::Number(n)) => {
                let milli = n.as_f64().map(|v| v * Amount::ONE as f64);
                let exact = milli.filter(|m| *m >= 0.0 && (m - m.round()).abs() < 1e-6);
                if exact.is_none() {
                    self.error(
                        field,
                        format!("{n} is not a number of 0 or more with at most 3 decimals"),
                    );
                }
                exact.map(|m| Amount(m.round() as u64))
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

    /// The object `field`, which must be there: where it is missing, an error that says so
    /// and what to give (`give`: "give the article's words for …").
    pub(super) fn required_object<T>(
        &mut self,
        field: &str,
        give: &str,
        read: impl FnOnce(&mut Reader<'_>) -> Option<T>,
    ) -> Option<T> {
        if !self.obj.contains_key(field) {
            self.error(field, format!("is missing: {give}"));
            return None;
        }
        self.object(field, read)
    }

    /// An optional nested object, read by `read`; its errors name `field.inner`.
    pub(super) fn object<T>(
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

    pub(super) fn strings(&mut self, field: &str) -> Vec<String> {
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

pub(super) fn unknown(what: &str, slug: &str, slugs: &[&str]) -> String {
    format!(
        "unknown {what} \"{slug}\"; expected one of {}",
        slugs.join(", ")
    )
}

pub(super) fn kind(v: &Value) -> &'static str {
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
pub(super) fn parse_day(text: &str) -> Option<Day> {
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

pub(super) fn top_error(file: &str, field: Option<&str>, message: impl Into<String>) -> DataError {
    DataError {
        file: file.to_string(),
        item: None,
        field: field.map(str::to_string),
        message: message.into(),
    }
}

pub(super) fn objects<'v>(
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
pub(super) fn json_object(file: &str, json: &str) -> Result<Map<String, Value>, DataErrors> {
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
pub(super) fn unknown_keys(
    file: &str,
    root: &Map<String, Value>,
    known: &[&str],
) -> Vec<DataError> {
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

/// The item name in messages: its `key` (id or slug) where it has a usable one, else its
/// position in `list`.
pub(super) fn item_name(
    what: &str,
    key: &str,
    list: &str,
    index: usize,
    obj: &Map<String, Value>,
) -> String {
    match obj.get(key).and_then(Value::as_str) {
        Some(name) if !name.is_empty() => format!("{what} \"{name}\""),
        _ => format!("{what} {list}[{index}]"),
    }
}

/// Each object of the list `field`, read by `read` with a reader that `name` names (from the
/// object's position and the object); with the objects that read with errors, which are left
/// out of the first list, so that the checks after reading see only clean items.
pub(super) fn read_items<'v, T>(
    file: &str,
    root: &'v Map<String, Value>,
    field: &str,
    errors: &mut Vec<DataError>,
    name: impl Fn(usize, &Map<String, Value>) -> String,
    mut read: impl FnMut(&mut Reader<'_>) -> Option<T>,
) -> (Vec<T>, Vec<&'v Map<String, Value>>) {
    let (mut clean, mut unread) = (Vec::new(), Vec::new());
    for (i, obj) in objects(file, root, field, errors) {
        let before = errors.len();
        let item = read(&mut Reader {
            file,
            item: Some(name(i, obj)),
            obj,
            errors: &mut *errors,
        });
        match item {
            Some(item) if errors.len() == before => clean.push(item),
            _ => unread.push(obj),
        }
    }
    (clean, unread)
}

/// An index type's number from a position in its list.
pub(super) fn index(i: usize) -> u8 {
    // At most 32 of each (a filter keeps its choices in a u32), checked by the vocabulary.
    i as u8
}

/// The object `field` of a file's root, read by `read` with a reader named after the field
/// (`article`, `page`).
pub(super) fn read_section<T>(
    file: &str,
    root: &Map<String, Value>,
    field: &str,
    errors: &mut Vec<DataError>,
    read: impl FnOnce(&mut Reader<'_>) -> Option<T>,
) -> Option<T> {
    match root.get(field).and_then(Value::as_object) {
        Some(obj) => read(&mut Reader {
            file,
            item: Some(field.into()),
            obj,
            errors,
        }),
        None => {
            errors.push(top_error(file, Some(field), "is missing or not an object"));
            None
        }
    }
}

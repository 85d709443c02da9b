//! Edits of a real data file, made at test time: a broken case is written as its one change to
//! the real file instead of a whole copy of it, so a change to the data is made once. JSON
//! Patch's (RFC 6902) add, remove and replace at a JSON pointer, and a textual replacement for
//! mistakes that are not JSON at all. Each edit must change something, or it is refused.

use serde_json::Value;

/// One change to a file. Pointers are JSON pointers (`/figures/1/unit`); new values are JSON
/// text (`"\"belarus\""`, `16000`, `null`), so a table of edits can be a constant.
#[derive(Clone, Copy, Debug)]
pub enum Edit {
    /// Insert a value: an array item before the pointer's index (or at the end), or an object
    /// key that is not there yet.
    Add(&'static str, &'static str),
    /// Take out the array item or object key the pointer names.
    Remove(&'static str),
    /// Put a different value where the pointer names one.
    Replace(&'static str, &'static str),
    /// Replace the one occurrence of the first text with the second, in the file's text.
    ReplaceText(&'static str, &'static str),
}

impl Edit {
    /// `text` with this edit made, or why it cannot be made (what it names is not there, is there
    /// twice, or already reads as the edit would leave it). A JSON edit writes the file out again
    /// as pretty JSON, so a `ReplaceText` after one finds the text in that form.
    pub fn apply(self, text: &str) -> Result<String, String> {
        let (at, new) = match self {
            Edit::ReplaceText(find, with) => return replace_once(text, find, with),
            Edit::Add(at, new) | Edit::Replace(at, new) => (at, Some(new)),
            Edit::Remove(at) => (at, None),
        };
        let mut json: Value =
            serde_json::from_str(text).map_err(|e| format!("the file is not JSON: {e}"))?;
        let new = new
            .map(|n| serde_json::from_str::<Value>(n).map_err(|e| format!("{n} is not JSON: {e}")))
            .transpose()?;
        match (self, new) {
            (Edit::Replace(..), Some(new)) => {
                let old = json
                    .pointer_mut(at)
                    .ok_or_else(|| format!("{at} is not there"))?;
                if *old == new {
                    return Err(format!("{at} already holds {new}"));
                }
                *old = new;
            }
            (_, new) => {
                let (parent, key) = at
                    .rsplit_once('/')
                    .ok_or_else(|| format!("{at:?} is not a JSON pointer"))?;
                let key = key.replace("~1", "/").replace("~0", "~");
                let parent = json
                    .pointer_mut(parent)
                    .ok_or_else(|| format!("{parent} is not there"))?;
                add_or_remove(parent, &key, new).map_err(|why| format!("{at}: {why}"))?;
            }
        }
        // A Value always serializes: its keys are strings and its numbers finite.
        Ok(serde_json::to_string_pretty(&json).expect("a JSON value serializes"))
    }
}

/// `text` with its one `find` replaced by `with`.
fn replace_once(text: &str, find: &str, with: &str) -> Result<String, String> {
    match text.matches(find).count() {
        _ if find == with => Err(format!("{find:?} would be replaced by itself")),
        1 => Ok(text.replacen(find, with, 1)),
        n => Err(format!("{find:?} is in the file {n} times, not once")),
    }
}

/// Insert `new` under `key` of `parent` (an array index, or an object key not there yet), or,
/// with no `new`, take out what is there.
fn add_or_remove(parent: &mut Value, key: &str, new: Option<Value>) -> Result<(), String> {
    match (parent, new) {
        (Value::Object(map), Some(new)) if !map.contains_key(key) => {
            map.insert(key.to_string(), new);
        }
        (Value::Object(_), Some(_)) => return Err("is there already".into()),
        (Value::Object(map), None) => {
            map.remove(key).ok_or("is not there")?;
        }
        (Value::Array(items), new) => {
            let (i, len) = (key.parse::<usize>(), items.len());
            match (i, new) {
                (Ok(i), Some(new)) if i <= len => items.insert(i, new),
                (Ok(i), None) if i < len => drop(items.remove(i)),
                _ => return Err(format!("is not an index of the {len} items there")),
            }
        }
        _ => return Err("is under neither an object nor an array".into()),
    }
    Ok(())
}

#[cfg(test)]
mod edits {
    use super::Edit::{self, Add, Remove, Replace, ReplaceText};

    const FILE: &str = r#"{"a": [1, 2], "b": {"c": "x"}}"#;

    fn json(edit: Edit) -> Result<serde_json::Value, String> {
        edit.apply(FILE).map(|t| serde_json::from_str(&t).unwrap())
    }

    #[test]
    fn each_edit_makes_its_change() {
        let want = |s: &str| Ok(serde_json::from_str(s).unwrap());
        assert_eq!(
            json(Add("/a/2", "3")),
            want(r#"{"a":[1,2,3],"b":{"c":"x"}}"#)
        );
        assert_eq!(
            json(Add("/b/d", "null")),
            want(r#"{"a":[1,2],"b":{"c":"x","d":null}}"#)
        );
        assert_eq!(json(Remove("/a/0")), want(r#"{"a":[2],"b":{"c":"x"}}"#));
        assert_eq!(json(Remove("/b/c")), want(r#"{"a":[1,2],"b":{}}"#));
        assert_eq!(
            json(Replace("/b/c", r#""y""#)),
            want(r#"{"a":[1,2],"b":{"c":"y"}}"#)
        );
        assert_eq!(
            ReplaceText("[1, 2]", "[1 2]").apply(FILE),
            Ok(r#"{"a": [1 2], "b": {"c": "x"}}"#.to_string())
        );
    }

    /// An edit that no longer fits the file is an error, never a file left as it was.
    #[test]
    fn an_edit_that_changes_nothing_is_refused() {
        for edit in [
            Add("/a/3", "3"),
            Add("/b/c", "1"),
            Add("/z/0", "1"),
            Remove("/a/2"),
            Remove("/b/z"),
            Remove("/a/x"),
            Replace("/b/z", "1"),
            Replace("/b/c", r#""x""#),
            ReplaceText("[3]", "[4]"),
            ReplaceText("\"", "'"),
            ReplaceText("[1, 2]", "[1, 2]"),
        ] {
            assert!(edit.apply(FILE).is_err(), "{edit:?} was made");
        }
    }
}

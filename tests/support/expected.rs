//! The pinned expectations of `tests/fixtures/expected-statements.json`: how each figure of this
//! article reads (statement, source), written out by hand once for every test that needs them.

// Each test file uses the part it needs.
#![allow(dead_code)]
use std::collections::BTreeMap;

/// Figure id -> (statement, source as the page names it).
pub fn statements() -> BTreeMap<String, (String, String)> {
    let file = "tests/fixtures/expected-statements.json";
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    doc["figures"]
        .as_object()
        .expect("an object of figures")
        .iter()
        .map(|(id, pair)| {
            let text = |i: usize| pair[i].as_str().expect("two strings").to_string();
            (id.clone(), (text(0), text(1)))
        })
        .collect()
}

/// The pinned statement of one figure.
pub fn statement(id: &str) -> String {
    statements()
        .remove(id)
        .unwrap_or_else(|| panic!("{id} is not in expected-statements.json"))
        .0
}

//! Facts that must be written in more than one file agree: the wasm-bindgen version (Cargo.toml,
//! Cargo.lock, Trunk.toml; the setup script reads Cargo.lock), and the colours (the light palette
//! in style.css and in the exported files, the dark palette in style.css's two dark blocks).

use std::collections::BTreeMap;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of the first `key = "value"` line after the line `after` in a TOML-like file.
fn toml_value(text: &str, after: &str, key: &str) -> Option<String> {
    let start = text.find(after)?;
    text[start..].lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[test]
fn one_wasm_bindgen_version_everywhere() {
    let lock = toml_value(&read("Cargo.lock"), "name = \"wasm-bindgen\"\n", "version")
        .expect("Cargo.lock has wasm-bindgen");
    let cargo = toml_value(&read("Cargo.toml"), "[dependencies]", "wasm-bindgen")
        .expect("Cargo.toml pins wasm-bindgen");
    let trunk = toml_value(&read("Trunk.toml"), "[tools]", "wasm_bindgen")
        .expect("Trunk.toml names wasm_bindgen");
    assert_eq!(
        cargo,
        format!("={lock}"),
        "Cargo.toml pins the locked version"
    );
    assert_eq!(trunk, lock, "Trunk.toml asks for the locked version");
    let setup = read("scripts/setup.sh");
    assert!(
        setup.contains("WASM_BINDGEN_VERSION=\"$(awk") && setup.contains("Cargo.lock)\""),
        "the setup script reads the version from Cargo.lock"
    );
    assert!(
        !setup.contains(&lock),
        "the setup script does not write the version {lock} again"
    );
}

/// The custom properties (`--name: value;`) of the first block whose selector line is `selector`.
fn custom_properties(css: &str, selector: &str) -> BTreeMap<String, String> {
    let start = css
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("style.css has no block `{selector}`"));
    let body = &css[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(';')
        .filter_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            let name = name.trim();
            name.starts_with("--")
                .then(|| (name.to_string(), value.trim().to_string()))
        })
        .collect()
}

#[test]
fn the_dark_palette_is_the_same_in_both_dark_blocks() {
    let css = read("style.css");
    let system = custom_properties(&css, "  .app:not(.theme-light)");
    let forced = custom_properties(&css, ".app.theme-dark");
    assert!(system.len() >= 10, "{system:?}");
    assert_eq!(
        system, forced,
        "the dark colours for the system setting and for ?theme=dark"
    );
    let light = custom_properties(&css, ".app");
    for name in system.keys() {
        assert!(light.contains_key(name), "{name} has no light value");
    }
}

#[test]
fn exported_files_use_the_pages_light_colours() {
    let light = custom_properties(&read("style.css"), ".app");
    for (name, colour) in frontline_figures::export::PALETTE {
        assert_eq!(
            light.get(name).map(String::as_str),
            Some(colour),
            "{name} in style.css and in export.rs"
        );
    }
}

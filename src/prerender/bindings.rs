//! Short names for what the wasm and its JS glue call each other by. wasm-bindgen names each
//! import `__wbg_<method>_<16 hex digits>` and each closure shim after its whole Rust type, and
//! every such name is written twice: in the wasm's import or export section and in the glue.
//! Brotli compresses each file alone, so neither copy is shared. Both get the same short
//! names here (`a`, `b`, …), as Binaryen's `--minify-imports-and-exports` does for Emscripten,
//! but with the glue rewritten too: a name the glue does not use in exactly the expected way
//! fails the build instead of a page that cannot start, and so does a renamed pair whose
//! names, read back, do not match (`verify`). Binaryen's pass itself (wasm-opt 132, whose map
//! could drive the glue's rewrite) re-encodes the whole module and renames the runtime's
//! exports too: 0.35 KiB more brotli than this, measured on the site.

mod glue;
mod wasm;

use std::collections::HashMap;

use glue::Glue;
use wasm::{Export, Import, Module};

/// The wasm and its glue, renamed.
#[derive(Debug)]
pub struct Renamed {
    pub wasm: Vec<u8>,
    pub js: String,
    /// How many names were shortened (imports, modules and exports).
    pub names: usize,
}

/// Rename `wasm`'s import modules, imports and the exports the glue `js` calls to short names,
/// in both (which exports: `export_names`), and `verify` the result. The `producers` and
/// `target_features` custom sections, which nothing at run time reads, are left out.
pub fn shorten(wasm: &[u8], js: &str) -> Result<Renamed, String> {
    let module = Module::read(wasm)?;
    let glue = Glue::read(js);
    let names = ShortNames {
        imports: import_names(&module.imports, &glue)?,
        modules: module_names(&module.imports, &glue)?,
        exports: export_names(&module.exports, &glue),
    };
    let renamed = Renamed {
        wasm: module.write(&names),
        js: glue.write(&names),
        names: names.modules.len() + names.imports.len() + names.exports.len(),
    };
    verify(wasm, &renamed)?;
    Ok(renamed)
}

/// The new name of each import module, each import and each renamed export, by its old name.
struct ShortNames<'w> {
    /// In the order the modules first appear in the import section.
    modules: Vec<(&'w str, String)>,
    imports: HashMap<&'w str, String>,
    exports: HashMap<&'w str, String>,
}

impl ShortNames<'_> {
    fn module<'a>(&'a self, old: &'a str) -> &'a str {
        let new = self.modules.iter().find(|(m, _)| *m == old);
        new.map_or(old, |(_, new)| new)
    }

    fn import<'a>(&'a self, old: &'a str) -> &'a str {
        self.imports.get(old).map_or(old, |new| new)
    }

    fn export<'a>(&'a self, old: &'a str) -> &'a str {
        self.exports.get(old).map_or(old, |new| new)
    }

    /// The new name of an import or export as the glue writes it, if it has one.
    fn identifier(&self, old: &str) -> Option<&str> {
        let new = self.imports.get(old).or_else(|| self.exports.get(old));
        new.map(String::as_str)
    }
}

/// The short name of each import module, in the order they first appear. The glue must name
/// each once, quoted, as the key of its imports.
fn module_names<'w>(imports: &[Import<'w>], glue: &Glue) -> Result<Vec<(&'w str, String)>, String> {
    let mut modules: Vec<(&str, String)> = Vec::new();
    for import in imports {
        if modules.iter().any(|(m, _)| *m == import.module) {
            continue;
        }
        let quoted = format!("\"{}\"", import.module);
        let count = glue.count(&quoted);
        if count != 1 {
            return Err(format!(
                "the JS glue names the wasm's import module {quoted} {count} times; expected once"
            ));
        }
        modules.push((import.module, short_name(modules.len())));
    }
    Ok(modules)
}

/// The short name of each import. The glue must name each exactly once, as its key in the
/// imports object.
fn import_names<'w>(
    imports: &[Import<'w>],
    glue: &Glue,
) -> Result<HashMap<&'w str, String>, String> {
    let mut names: HashMap<&str, String> = HashMap::new();
    for (i, import) in imports.iter().enumerate() {
        if names.contains_key(import.name) {
            return Err(format!(
                "the wasm imports {} from more than one place; its names cannot be shortened",
                import.name
            ));
        }
        let found = glue.uses(import.name);
        if found.all != 1 || found.via_wasm != 0 {
            return Err(format!(
                "the JS glue names the wasm's import {} {} times; expected once, as its key",
                import.name, found.all
            ));
        }
        names.insert(import.name, short_name(i));
    }
    Ok(names)
}

/// The short name of each export the glue calls.
///
/// An export the glue reaches only as `wasm.<name>` is renamed. So is one the glue also
/// wraps in a function of its own of the same name (the closure shims), with that function
/// and every call to it. Any other use, or none, keeps the name, and so do the runtime's
/// own (`memory`, `__wbindgen_malloc`, …), which debuggers and the e2e tests reach from
/// outside the glue: short already, they are a few bytes each.
fn export_names<'w>(exports: &[Export<'w>], glue: &Glue) -> HashMap<&'w str, String> {
    let renames = |name: &str| {
        let u = glue.uses(name);
        !(name == "memory" || name.starts_with("__"))
            && u.all > 0
            && (u.via_wasm == u.all
                || (u.declared == 1 && u.via_wasm + u.declared + u.plain == u.all))
    };
    let kept: Vec<&str> = exports
        .iter()
        .map(|e| e.name)
        .filter(|name| !renames(name))
        .collect();
    let mut names = HashMap::new();
    let mut next = 0;
    for export in exports.iter().filter(|e| renames(e.name)) {
        // Never a name the glue already uses, since a renamed function joins them.
        let name = loop {
            let name = short_name(next);
            next += 1;
            if !kept.contains(&name.as_str()) && !glue.names(&name) {
                break name;
            }
        };
        names.insert(export.name, name);
    }
    names
}

/// `a`…`z`, `A`…`Z`, then two letters and on: valid JS identifiers, never a keyword that
/// matters as an object key or after `wasm.`.
fn short_name(mut i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[i % LETTERS.len()]);
        i /= LETTERS.len();
        if i == 0 {
            break;
        }
        i -= 1;
    }
    String::from_utf8(name).unwrap_or_default()
}

/// `renamed` read anew and held against the wasm it came from, so that a renaming skipped in
/// either file fails the build, naming what was skipped: every import and import module
/// renamed in the wasm, none of their old names left in the glue, each new import name a key
/// in the glue; an export renamed in the wasm renamed in the glue too, and every
/// `wasm.<name>` of the glue an export of the wasm; all else in the wasm as it was.
pub fn verify(wasm: &[u8], renamed: &Renamed) -> Result<(), String> {
    let (before, after) = (Module::read(wasm)?, Module::read(&renamed.wasm)?);
    let glue = Glue::read(&renamed.js);
    let mut problems = unchanged_but_names(&before, &after);
    for (old, new) in before.imports.iter().zip(&after.imports) {
        if new.name == old.name {
            problems.push(format!("the wasm still imports {} by that name", old.name));
        }
        if glue.names(old.name) {
            problems.push(format!("the glue still names the import {}", old.name));
        }
        if glue.uses(new.name).keys == 0 {
            problems.push(format!(
                "the glue has no key {} for the import {}",
                new.name, old.name
            ));
        }
    }
    let modules = before.imports.iter().zip(&after.imports);
    let mut modules: Vec<(&str, &str)> =
        modules.map(|(old, new)| (old.module, new.module)).collect();
    modules.sort_unstable();
    modules.dedup();
    for (old, new) in modules {
        let (old_key, new_key) = (format!("\"{old}\""), format!("\"{new}\""));
        if new == old || glue.count(&old_key) > 0 || glue.count(&new_key) == 0 {
            problems.push(format!(
                "the import module {old_key} is not renamed {new_key} in both the wasm and the glue"
            ));
        }
    }
    for (old, new) in before.exports.iter().zip(&after.exports) {
        if new.name != old.name && glue.names(old.name) {
            problems.push(format!(
                "the export {} is renamed {} in the wasm but not in the glue",
                old.name, new.name
            ));
        }
    }
    let exported: Vec<&str> = after.exports.iter().map(|e| e.name).collect();
    for name in glue.called().into_iter().filter(|n| !exported.contains(n)) {
        problems.push(format!(
            "the glue calls wasm.{name}, which the wasm does not export"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the short names are not the same in the wasm and its glue:\n  {}",
            problems.join("\n  ")
        ))
    }
}

/// What differs between two modules beyond the names of their imports, import modules and
/// exports, and the custom sections `Module::write` leaves out.
fn unchanged_but_names(before: &Module, after: &Module) -> Vec<String> {
    let kept = before.sections.iter().filter(|s| !s.left_out());
    let same_sections = kept.clone().count() == after.sections.len()
        && kept
            .zip(&after.sections)
            .all(|(b, a)| b.id == a.id && (matches!(b.id, 2 | 7) || b.body == a.body));
    let same_imports = before.imports.len() == after.imports.len()
        && (before.imports.iter().zip(&after.imports)).all(|(b, a)| b.desc == a.desc);
    let same_exports = before.exports.len() == after.exports.len()
        && (before.exports.iter().zip(&after.exports)).all(|(b, a)| b.desc == a.desc);
    [
        (same_sections, "its sections"),
        (same_imports, "the kinds and types of its imports"),
        (same_exports, "what its exports are"),
    ]
    .into_iter()
    .filter(|(same, _)| !same)
    .map(|(_, what)| format!("the renamed wasm differs from the original in {what}"))
    .collect()
}

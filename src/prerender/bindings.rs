//! Short names for what the wasm and its JS glue call each other by. wasm-bindgen names each
//! import `__wbg_<method>_<16 hex digits>` and each closure shim after its whole Rust type, and
//! every such name is written twice: in the wasm's import or export section and in the glue.
//! Brotli compresses each file alone, so neither copy is shared. Both get the same short
//! names here (`a`, `b`, …), as Binaryen's `--minify-imports-and-exports` does for Emscripten,
//! but with the glue rewritten too: a name the glue does not use in exactly the expected way
//! fails the build instead of a page that cannot start.

use std::collections::HashMap;

/// The wasm and its glue, renamed.
#[derive(Debug)]
pub struct Renamed {
    pub wasm: Vec<u8>,
    pub js: String,
    /// How many names were shortened (imports, modules and exports).
    pub names: usize,
}

/// Rename `wasm`'s import modules, imports and the exports the glue `js` calls to short names,
/// in both (which exports: below). The `producers` and `target_features` custom sections, which nothing
/// at run time reads, are left out.
pub fn shorten(wasm: &[u8], js: &str) -> Result<Renamed, String> {
    let sections = sections(wasm)?;
    let mut imports = None;
    let mut exports = None;
    for s in &sections {
        match s.id {
            2 => imports = Some(read_imports(s.body)?),
            7 => exports = Some(read_exports(s.body)?),
            _ => {}
        }
    }
    let imports = imports.unwrap_or_default();
    let exports = exports.unwrap_or_default();

    // The glue's identifiers, and how each occurrence is used.
    let words = identifiers(js);
    let mut uses: HashMap<&str, Uses> = HashMap::new();
    for &(at, word) in &words {
        let entry = uses.entry(word).or_default();
        entry.all += 1;
        let (before, after) = (&js[..at], &js[at + word.len()..]);
        if before.ends_with("wasm.") {
            entry.via_wasm += 1;
        } else if before.ends_with("function ") {
            entry.declared += 1;
        } else if !before.ends_with(['.', '"', '\'', '`']) && !after.starts_with(':') {
            entry.plain += 1;
        }
    }

    let mut modules: Vec<&str> = Vec::new();
    let mut new_names: HashMap<&str, String> = HashMap::new();
    for (i, import) in imports.iter().enumerate() {
        if !modules.contains(&import.module) {
            modules.push(import.module);
        }
        if new_names.contains_key(import.name) {
            return Err(format!(
                "the wasm imports {} from more than one place; its names cannot be shortened",
                import.name
            ));
        }
        let found = uses.get(import.name).copied().unwrap_or_default();
        if found.all != 1 || found.via_wasm != 0 {
            return Err(format!(
                "the JS glue names the wasm's import {} {} times; expected once, as its key",
                import.name, found.all
            ));
        }
        new_names.insert(import.name, short_name(i));
    }
    let module_names: Vec<(String, String)> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (format!("\"{m}\""), format!("\"{}\"", short_name(i))))
        .collect();
    for (quoted, _) in &module_names {
        let count = js.matches(quoted.as_str()).count();
        if count != 1 {
            return Err(format!(
                "the JS glue names the wasm's import module {quoted} {count} times; expected once"
            ));
        }
    }

    // An export the glue reaches only as `wasm.<name>` is renamed. So is one the glue also
    // wraps in a function of its own of the same name (the closure shims), with that function
    // and every call to it. Any other use, or none, keeps the name, and so do the runtime's
    // own (`memory`, `__wbindgen_malloc`, …), which debuggers and the e2e tests reach from
    // outside the glue: short already, they are a few bytes each.
    let renames = |name: &str| {
        !(name == "memory" || name.starts_with("__"))
            && uses.get(name).is_some_and(|u| {
                u.all > 0
                    && (u.via_wasm == u.all
                        || (u.declared == 1 && u.via_wasm + u.declared + u.plain == u.all))
            })
    };
    let kept: Vec<&str> = exports
        .iter()
        .map(|e| e.name)
        .filter(|name| !renames(name))
        .collect();
    let mut renamed_exports: HashMap<&str, String> = HashMap::new();
    let mut next_export = 0;
    for export in exports.iter().filter(|e| renames(e.name)) {
        // Never a name the glue already uses, since a renamed function joins them.
        let name = loop {
            let name = short_name(next_export);
            next_export += 1;
            if !kept.contains(&name.as_str()) && !uses.contains_key(name.as_str()) {
                break name;
            }
        };
        renamed_exports.insert(export.name, name);
    }

    // The glue: every renamed identifier in one pass, then the module keys.
    let mut out = String::with_capacity(js.len());
    let mut last = 0;
    for &(at, word) in &words {
        if let Some(new) = new_names.get(word).or_else(|| renamed_exports.get(word)) {
            out.push_str(&js[last..at]);
            out.push_str(new);
            last = at + word.len();
        }
    }
    out.push_str(&js[last..]);
    for (old, new) in &module_names {
        out = out.replacen(old.as_str(), new, 1);
    }

    // The wasm: the two sections rewritten, the rest as it was.
    let mut module = wasm[..8].to_vec();
    for s in &sections {
        let body = match s.id {
            0 if matches!(s.custom_name, Some("producers" | "target_features")) => continue,
            2 => vec(&imports, |body, import| {
                let m = modules
                    .iter()
                    .position(|m| *m == import.module)
                    .unwrap_or(0);
                name(body, &short_name(m));
                name(body, &new_names[import.name]);
                body.extend_from_slice(import.desc);
            }),
            7 => vec(&exports, |body, export| {
                let new = renamed_exports.get(export.name);
                name(body, new.map_or(export.name, |n| n));
                body.extend_from_slice(export.desc);
            }),
            _ => s.body.to_vec(),
        };
        module.push(s.id);
        leb(&mut module, body.len() as u32);
        module.extend_from_slice(&body);
    }
    Ok(Renamed {
        wasm: module,
        js: out,
        names: new_names.len() + modules.len() + renamed_exports.len(),
    })
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

/// Every identifier-like run of `js` (`[A-Za-z0-9_$]+` not starting with a digit), with its
/// byte offset.
fn identifiers(js: &str) -> Vec<(usize, &str)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    let bytes = js.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if is_word(bytes[i]) {
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            if !bytes[start].is_ascii_digit() {
                words.push((start, &js[start..i]));
            }
        } else {
            i += 1;
        }
    }
    words
}

/// How the glue uses one identifier: in all, as `wasm.<name>`, as `function <name>`, and as a
/// plain name (not after a `.` or a quote, not an object key).
#[derive(Clone, Copy, Default)]
struct Uses {
    all: usize,
    via_wasm: usize,
    declared: usize,
    plain: usize,
}

struct Section<'w> {
    id: u8,
    custom_name: Option<&'w str>,
    body: &'w [u8],
}

struct Import<'w> {
    module: &'w str,
    name: &'w str,
    desc: &'w [u8],
}

struct Export<'w> {
    name: &'w str,
    desc: &'w [u8],
}

/// A cursor over a wasm module's bytes.
struct Reader<'w> {
    bytes: &'w [u8],
    at: usize,
}

impl<'w> Reader<'w> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or("the wasm ends in the middle of a section")?;
        self.at += 1;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("the wasm has a number longer than five bytes".into())
    }

    fn take(&mut self, len: usize) -> Result<&'w [u8], String> {
        let end = self.at.checked_add(len).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or("the wasm ends in the middle of a section")?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn name(&mut self) -> Result<&'w str, String> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?)
            .map_err(|_| "the wasm has a name that is not UTF-8".into())
    }

    /// Skip a table's or memory's limits.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.u32()?;
        if flags & 1 == 1 {
            self.u32()?;
        }
        Ok(())
    }

    /// A vector: its count, then each item as `item` reads it.
    fn vec<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let count = self.u32()?;
        (0..count).map(|_| item(self)).collect()
    }

    /// The bytes read since `start`.
    fn since(&self, start: usize) -> &'w [u8] {
        &self.bytes[start..self.at]
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>, String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0") {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut sections = Vec::new();
    while !r.done() {
        let id = r.byte()?;
        let len = r.u32()? as usize;
        let body = r.take(len)?;
        let custom_name = if id == 0 {
            Some(Reader { bytes: body, at: 0 }.name()?)
        } else {
            None
        };
        sections.push(Section {
            id,
            custom_name,
            body,
        });
    }
    Ok(sections)
}

fn read_imports(body: &[u8]) -> Result<Vec<Import<'_>>, String> {
    Reader { bytes: body, at: 0 }.vec(|r| {
        let module = r.name()?;
        let name = r.name()?;
        let start = r.at;
        match r.byte()? {
            0x00 => {
                r.u32()?;
            }
            0x01 => {
                r.byte()?;
                r.limits()?;
            }
            0x02 => r.limits()?,
            0x03 => {
                r.byte()?;
                r.byte()?;
            }
            0x04 => {
                r.byte()?;
                r.u32()?;
            }
            kind => {
                return Err(format!(
                    "the wasm imports {name} as an unknown kind {kind:#x}"
                ));
            }
        }
        Ok(Import {
            module,
            name,
            desc: r.since(start),
        })
    })
}

fn read_exports(body: &[u8]) -> Result<Vec<Export<'_>>, String> {
    Reader { bytes: body, at: 0 }.vec(|r| {
        let name = r.name()?;
        let start = r.at;
        r.byte()?;
        r.u32()?;
        Ok(Export {
            name,
            desc: r.since(start),
        })
    })
}

/// A vector as the format writes it: its count, then each item as `item` writes it.
fn vec<T>(items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) -> Vec<u8> {
    let mut out = Vec::new();
    leb(&mut out, items.len() as u32);
    for i in items {
        item(&mut out, i);
    }
    out
}

fn leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn name(out: &mut Vec<u8>, name: &str) {
    leb(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

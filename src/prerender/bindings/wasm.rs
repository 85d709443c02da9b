//! The wasm side of the short names: a module read as sections, its imports and exports
//! read, and written again with new names. Only what renaming needs is decoded; every other
//! section is copied as bytes.

use super::ShortNames;

/// A wasm module as sections, with its imports and exports read.
pub(super) struct Module<'w> {
    pub sections: Vec<Section<'w>>,
    pub imports: Vec<Import<'w>>,
    pub exports: Vec<Export<'w>>,
}

impl<'w> Module<'w> {
    pub fn read(wasm: &'w [u8]) -> Result<Module<'w>, String> {
        let sections = sections(wasm)?;
        let mut imports = Vec::new();
        let mut exports = Vec::new();
        for s in &sections {
            match s.id {
                2 => imports = read_imports(s.body)?,
                7 => exports = read_exports(s.body)?,
                _ => {}
            }
        }
        Ok(Module {
            sections,
            imports,
            exports,
        })
    }

    /// The module with its import modules, imports and the exports `names` has renamed,
    /// without the custom sections nothing reads at run time; every other section as it was.
    pub fn write(&self, names: &ShortNames) -> Vec<u8> {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        for s in &self.sections {
            let body = match s.id {
                _ if s.left_out() => continue,
                2 => vec(&self.imports, |body, import| {
                    name(body, names.module(import.module));
                    name(body, names.import(import.name));
                    body.extend_from_slice(import.desc);
                }),
                7 => vec(&self.exports, |body, export| {
                    name(body, names.export(export.name));
                    body.extend_from_slice(export.desc);
                }),
                _ => s.body.to_vec(),
            };
            module.push(s.id);
            leb(&mut module, body.len() as u32);
            module.extend_from_slice(&body);
        }
        module
    }
}

pub(super) struct Section<'w> {
    pub id: u8,
    custom_name: Option<&'w str>,
    pub body: &'w [u8],
}

impl Section<'_> {
    /// A custom section nothing at run time reads, which the renamed module leaves out.
    pub fn left_out(&self) -> bool {
        self.id == 0 && matches!(self.custom_name, Some("producers" | "target_features"))
    }
}

pub(super) struct Import<'w> {
    pub module: &'w str,
    pub name: &'w str,
    /// Its kind and type, as the module writes them.
    pub desc: &'w [u8],
}

pub(super) struct Export<'w> {
    pub name: &'w str,
    /// Its kind and index, as the module writes them.
    pub desc: &'w [u8],
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

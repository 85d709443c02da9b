//! The wasm side of the short names: a module read as sections with `wasmparser`, its imports
//! and exports decoded, and written again with new names by `wasm-encoder`. Every other
//! section is copied as bytes.

use wasm_encoder::{EntityType, ExportKind, ExportSection, ImportSection, RawSection};
use wasmparser::{BinaryReaderError, Parser, Payload};

use super::ShortNames;

/// A wasm module as sections, with its imports and exports read.
pub(super) struct Module<'w> {
    pub sections: Vec<Section<'w>>,
    pub imports: Vec<Import<'w>>,
    pub exports: Vec<Export<'w>>,
}

pub(super) struct Section<'w> {
    pub id: u8,
    custom_name: Option<&'w str>,
    pub body: &'w [u8],
}

pub(super) struct Import<'w> {
    pub module: &'w str,
    pub name: &'w str,
    /// Its kind and type.
    pub desc: EntityType,
}

pub(super) struct Export<'w> {
    pub name: &'w str,
    /// Its kind and index.
    pub desc: (ExportKind, u32),
}

impl<'w> Module<'w> {
    pub fn read(wasm: &'w [u8]) -> Result<Module<'w>, String> {
        let error = |e: BinaryReaderError| {
            format!(
                "the wasm cannot be read at byte {}: {}",
                e.offset(),
                e.message()
            )
        };
        let mut module = Module {
            sections: Vec::new(),
            imports: Vec::new(),
            exports: Vec::new(),
        };
        for payload in Parser::new(0).parse_all(wasm) {
            let payload = payload.map_err(error)?;
            if let Some((id, range)) = payload.as_section() {
                let custom_name = match &payload {
                    Payload::CustomSection(custom) => Some(custom.name()),
                    _ => None,
                };
                // The parser announces the code section before reading it: its length may
                // run past the end.
                let body = wasm.get(range.start as usize..range.end as usize);
                let body =
                    body.ok_or("the wasm cannot be read: it ends in the middle of a section")?;
                module.sections.push(Section {
                    id,
                    custom_name,
                    body,
                });
            }
            match payload {
                Payload::ImportSection(imports) => {
                    for import in imports.into_imports() {
                        let import = import.map_err(error)?;
                        let desc = EntityType::try_from(import.ty)
                            .map_err(|e| format!("the wasm imports {} as {e}", import.name))?;
                        module.imports.push(Import {
                            module: import.module,
                            name: import.name,
                            desc,
                        });
                    }
                }
                Payload::ExportSection(exports) => {
                    for export in exports {
                        let export = export.map_err(error)?;
                        module.exports.push(Export {
                            name: export.name,
                            desc: (export.kind.into(), export.index),
                        });
                    }
                }
                _ => {}
            }
        }
        Ok(module)
    }

    /// The module with its import modules, imports and the exports `names` has renamed,
    /// without the custom sections nothing reads at run time; every other section as it was.
    pub fn write(&self, names: &ShortNames) -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        for s in self.sections.iter().filter(|s| !s.left_out()) {
            match s.id {
                2 => {
                    let mut imports = ImportSection::new();
                    for i in &self.imports {
                        imports.import(names.module(i.module), names.import(i.name), i.desc);
                    }
                    module.section(&imports)
                }
                7 => {
                    let mut exports = ExportSection::new();
                    for e in &self.exports {
                        exports.export(names.export(e.name), e.desc.0, e.desc.1);
                    }
                    module.section(&exports)
                }
                id => module.section(&RawSection { id, data: s.body }),
            };
        }
        module.finish()
    }
}

impl Section<'_> {
    /// A custom section nothing at run time reads, which the renamed module leaves out.
    pub fn left_out(&self) -> bool {
        self.id == 0 && matches!(self.custom_name, Some("producers" | "target_features"))
    }
}

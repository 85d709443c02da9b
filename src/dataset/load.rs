//! Reads an article's JSON files field by field, so that every error names the file, the item
//! (figure, event, actor, …) and the field, unknown fields (typos) are errors rather than
//! silently ignored, and one run reports every problem: `reader.rs` reads fields,
//! `explorer.rs` the vocabulary and `figures.rs` the figures and events.

mod explorer;
mod figures;
mod reader;

pub use explorer::parse_vocabulary;
pub use figures::{ParsedDataset, Unread, parse_dataset};

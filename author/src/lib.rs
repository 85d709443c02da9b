//! An article author's tools, native only: `check-data` loads an article's folder with the
//! app's own loader and checks (`src/dataset/`, compiled in by path as build.rs does) and says
//! every error and warning once; `new-article` drafts a folder from an article's text.

#[allow(dead_code, unused_imports)]
#[path = "../../src/dataset/mod.rs"]
pub mod dataset;

pub mod check;
pub mod draft;

//! The small Yew widgets the views (`src/views/`) are made of: they take data and callbacks
//! as props and hold no state they could derive from the URL. Only those with view-only state
//! (whether the filters are folded, the share bar's dialogs, a download's status) are
//! components; the rest are plain functions from a props struct to `Html`, since
//! each component costs about half a KiB of Yew's create, mount, hydrate and compare code in the
//! wasm (BENCHMARKS.md).
//!
//! A keyed list (`key=`) must be the only child of its parent, or be collected into one `Html`:
//! `{ for … }` splices its items into the parent's children, and Yew diffs a list with unkeyed
//! members by position, from its end, recreating every keyed item it finds out of place.

pub(crate) mod details;
pub(crate) mod downloads;
pub(crate) mod embed;
pub(crate) mod filters;
pub(crate) mod link;
pub(crate) mod notice;
pub mod panel_svg;
pub(crate) mod share;
pub(crate) mod tabs;

use std::ops::Deref;

use crate::dataset::Dataset;

/// The dataset as a prop: compared by address, since there is only ever one.
#[derive(Clone, Copy, Debug)]
pub struct DataRef(pub &'static Dataset);

impl PartialEq for DataRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl yew::html::ImplicitClone for DataRef {}

impl Deref for DataRef {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        self.0
    }
}

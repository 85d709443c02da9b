//! The small Yew components the views (`crate::views`) are made of, and the explorer, the page
//! that holds them: thin components that take data and callbacks as props and hold no state they
//! could derive from the URL. Only the views with view-only state (which mark the pointer or focus is
//! on, which rows of a long chart are on screen, whether the filters are folded, the share bar's
//! dialogs) are components; the rest are plain functions from a props struct to `Html`, since
//! each component costs about half a KiB of Yew's create, mount, hydrate and compare code in the
//! wasm (BENCHMARKS.md).
//!
//! A keyed list (`key=`) must be the only child of its parent, or be collected into one `Html`:
//! `{ for … }` splices its items into the parent's children, and Yew diffs a list with unkeyed
//! members by position, from its end, recreating every keyed item it finds out of place.

pub(crate) mod details;
mod embed;
mod explorer;
mod filters;
pub(crate) mod link;
mod notice;
pub mod panel_svg;
mod share;
mod tabs;

use std::ops::Deref;

pub use crate::views::SelectedIn;
pub use explorer::{ExplorerProps, explorer};

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

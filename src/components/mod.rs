//! The Yew views: thin components that take data and callbacks as props and hold no state they
//! could derive from the URL. The one exception is which mark the pointer or focus is on.

mod article;
mod charts;
mod details;
mod explorer;
mod filters;
mod link;
mod notice;
mod share;
mod table;
mod tabs;
mod timeline;

use std::ops::Deref;

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

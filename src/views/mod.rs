//! The whole views the tabs open: the charts, the table, the article and the timeline. Each is
//! a function (or, with view-only state, a component) from the dataset, the view state and a
//! dispatch callback to `Html`; the small pieces they share are in `crate::components`.

pub mod article;
pub mod charts;
pub mod table;
pub mod timeline;

pub use charts::SelectedIn;

//! The explorer page and the whole views its tabs open: the charts, the table, the article and
//! the timeline. Each is a function (or, with view-only state, a component) from the dataset,
//! the view state and a dispatch callback to `Html`; the small pieces they share are in
//! `crate::components`, which never imports a view.

pub mod article;
mod chart_figure;
pub mod charts;
pub mod explorer;
pub mod table;
pub mod timeline;

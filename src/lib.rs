//! Frontline Figures: one news article's figures as an interactive, shareable, embeddable
//! explorer. The pure core (dataset, view_state, select, chart, format) has no web-sys in it;
//! `components` are thin Yew views; `browser` is the one edge that touches the URL.

pub mod app;
pub mod browser;
pub mod chart;
pub mod components;
pub mod dataset;
pub mod export;
pub mod format;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod select;
pub mod view_state;

pub use app::App;

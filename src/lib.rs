//! Frontline Figures: one news article's figures as an interactive, shareable, embeddable
//! explorer. The pure core (dataset, filters, view_state, select, chart, keys, format, export)
//! has no web-sys in it and is tested natively; `views` (the page and its tabs), `components` (their
//! widgets) and `hooks` are Yew; `browser` is the one edge to the browser's APIs; `prerender`
//! (feature `ssr`) finishes the built page; `heap` is the wasm's memory allocator.

pub mod app;
pub mod browser;
pub mod chart;
pub mod components;
pub mod dataset;
pub mod export;
pub mod filters;
pub mod format;
pub mod heap;
pub mod hooks;
pub mod keys;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod resize;
pub mod select;
pub mod view_state;
pub mod views;

pub use app::{App, AppProps, use_url_state};

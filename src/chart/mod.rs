//! Chart geometry, pure and tested natively: the scale, the layout and the scene. Drawing a
//! scene is elsewhere: `crate::components::panel_svg` in the page with `html!`, and
//! `crate::export` as a standalone file.

pub mod layout;
pub mod rescale;
pub mod scale;
pub mod scene;

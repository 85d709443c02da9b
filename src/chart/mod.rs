//! Charts: the scale, the layout and the scene are pure geometry; `svg` draws a scene in the
//! page with `html!`, and `crate::export` writes the same scene as a standalone file.

pub mod layout;
pub mod scale;
pub mod scene;
pub mod svg;

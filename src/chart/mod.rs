//! Charts: the scale and the layout are pure geometry; `svg` draws a layout with `html!`.

pub mod layout;
pub mod scale;
pub mod svg;

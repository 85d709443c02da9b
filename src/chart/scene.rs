//! A panel layout as drawing primitives: the one description of what a chart looks like.
//! `components::panel_svg` draws it in the page (styled by classes); `export` writes it as a
//! standalone SVG file (styled by presentation attributes). Pure.

use std::fmt;

use super::layout::{
    AXIS_TITLE_DY, Anchor, BAR_H, BAR_Y, Bar, LABEL_Y, LINE_H, PERIOD_Y, PanelLayout, SUBLABEL_Y,
    TICK_LABEL_DY,
};
use super::scale::Hundredths;
use crate::select::MarkStyle;

/// A length: pixels, or hundredths of a percent of the chart's width.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Len {
    Px(i32),
    Pct(Hundredths),
}

impl fmt::Display for Len {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Len::Px(px) => write!(f, "{px}"),
            Len::Pct(h) if h % 100 == 0 => write!(f, "{}%", h / 100),
            Len::Pct(h) => write!(f, "{}.{:02}%", h / 100, h % 100),
        }
    }
}

#[derive(Clone, PartialEq, Debug)]
pub enum Shape {
    /// `hatched`: filled with the panel's hatch pattern (an upper bound).
    Rect {
        x: Len,
        y: i32,
        w: Len,
        h: i32,
        class: &'static str,
        hatched: bool,
    },
    Line {
        x1: Len,
        x2: Len,
        y1: i32,
        y2: i32,
        class: &'static str,
    },
    Text {
        x: Len,
        y: i32,
        anchor: Anchor,
        class: &'static str,
        text: String,
    },
}

/// The shapes of one mark, grouped so the page can attach pointer events to them.
#[derive(Clone, PartialEq, Debug)]
pub struct MarkShapes {
    pub id: String,
    pub style: MarkStyle,
    /// Top of the mark's row, in px. The shapes are drawn from it (a translation), so a row that
    /// moves when another is filtered out changes one number, not every shape's.
    pub y: i32,
    pub shapes: Vec<Shape>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Scene {
    pub height: i32,
    pub marks: Vec<MarkShapes>,
    /// The axis line, ticks, tick labels and axis title.
    pub axis: Vec<Shape>,
}

pub fn scene(layout: &PanelLayout) -> Scene {
    Scene {
        height: layout.height,
        marks: layout.bars.iter().map(mark_shapes).collect(),
        axis: axis_shapes(layout),
    }
}

/// One mark's row: the area a pointer hits, its label lines, sublabel and period, and its bar
/// (an upper bound hatched, with dashed edges).
fn mark_shapes(bar: &Bar) -> MarkShapes {
    // A label on more than one line pushes the rest of the row down.
    let shift = bar.shift();
    let top = BAR_Y + shift;
    let (w, zero) = (Len::Pct(bar.width), Len::Px(0));
    let mut shapes = vec![Shape::Rect {
        x: zero,
        y: 0,
        w: Len::Pct(10_000),
        h: top + BAR_H,
        class: "hit",
        hatched: false,
    }];
    shapes.extend(
        bar.label_lines
            .iter()
            .zip(0..)
            .map(|(line, i)| Shape::Text {
                x: zero,
                y: LABEL_Y + i * LINE_H,
                anchor: Anchor::Start,
                class: "mark-label",
                text: line.clone(),
            }),
    );
    shapes.push(Shape::Text {
        x: zero,
        y: SUBLABEL_Y + shift,
        anchor: Anchor::Start,
        class: "mark-sublabel",
        text: bar.sublabel.clone(),
    });
    if let Some(period) = &bar.period {
        shapes.push(Shape::Text {
            x: zero,
            y: PERIOD_Y + shift,
            anchor: Anchor::Start,
            class: "mark-sublabel",
            text: period.clone(),
        });
    }
    let hatched = bar.style == MarkStyle::UpperBound;
    shapes.push(Shape::Rect {
        x: zero,
        y: top,
        w,
        h: BAR_H,
        class: "bar",
        hatched,
    });
    if hatched {
        // Dashed on three sides and open at the far end: a ceiling, not a count.
        let edge = |x1, x2, y1, y2| Shape::Line {
            x1,
            x2,
            y1,
            y2,
            class: "bound-edge",
        };
        shapes.push(edge(zero, w, top, top));
        shapes.push(edge(zero, w, top + BAR_H, top + BAR_H));
        shapes.push(edge(zero, zero, top, top + BAR_H));
    }
    MarkShapes {
        id: bar.id.clone(),
        style: bar.style,
        y: bar.y,
        shapes,
    }
}

/// The axis line, its ticks and their labels, and the axis title.
fn axis_shapes(layout: &PanelLayout) -> Vec<Shape> {
    let y = layout.axis_y;
    let mut axis = vec![Shape::Line {
        x1: Len::Px(0),
        x2: Len::Pct(10_000),
        y1: y,
        y2: y,
        class: "axis",
    }];
    for t in &layout.ticks {
        axis.push(Shape::Line {
            x1: Len::Pct(t.at),
            x2: Len::Pct(t.at),
            y1: y,
            y2: y + 5,
            class: "tick",
        });
        axis.push(Shape::Text {
            x: Len::Pct(t.at),
            y: y + TICK_LABEL_DY,
            anchor: t.anchor,
            class: "tick-label",
            text: t.label.clone(),
        });
    }
    axis.push(Shape::Text {
        x: Len::Pct(10_000),
        y: y + AXIS_TITLE_DY,
        anchor: Anchor::End,
        class: "axis-title",
        text: layout.axis_title.to_string(),
    });
    axis
}

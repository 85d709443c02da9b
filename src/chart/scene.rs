//! A panel layout as drawing primitives: the one description of what a chart looks like.
//! `components::panel_svg` draws it in the page (styled by classes); `export` writes it as a
//! standalone SVG file (styled by presentation attributes). Pure.

use std::fmt;

use super::layout::{
    AXIS_TITLE_DY, Anchor, BAR_H, Bar, LABEL_Y, LINE_H, PanelLayout, SUBLINE_H, TICK_LABEL_DY,
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

/// `units` (sixteenths of the root font size, `chart::layout`) in `em` of the drawing's 1rem:
/// 14 -> "0.875em". A sixteenth is 0.0625, so four decimals are exact.
pub fn em(units: i32) -> String {
    let mut out = if units < 0 {
        "-".to_string()
    } else {
        String::new()
    };
    let tenthousandths = units.unsigned_abs() * 625;
    out.push_str(&(tenthousandths / 10_000).to_string());
    let (mut frac, mut digit) = (tenthousandths % 10_000, 1_000);
    if frac > 0 {
        out.push('.');
    }
    while frac > 0 {
        out.push(char::from(b'0' + (frac / digit) as u8));
        frac %= digit;
        digit /= 10;
    }
    out.push_str("em");
    out
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
    /// The outline the page draws around the row of the mark with the keyboard's focus or the
    /// pointer (the focused element itself is a button out of sight), and dashed around the
    /// selected one: from just above the label to just below the bar, clear of both. Apart
    /// from `shapes`, as a file has no focus or selection.
    pub outline: Shape,
}

/// How far the outline stands off the row's text and bar, so its 2 px never touch them.
pub const OUTLINE_GAP: i32 = 3;

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

/// One mark's row: the area a pointer hits, its label, sublabel and period lines, and its bar
/// as its kind is drawn (`bar_shapes`).
fn mark_shapes(bar: &Bar) -> MarkShapes {
    let top = bar.bar_y();
    let zero = Len::Px(0);
    let mut shapes = vec![Shape::Rect {
        x: zero,
        y: 0,
        w: Len::Pct(10_000),
        h: top + BAR_H,
        class: "hit",
        hatched: false,
    }];
    let text = |lines: &[String], first: i32, step: i32, class| {
        let at = lines.iter().zip(0..).map(move |(line, i)| Shape::Text {
            x: zero,
            y: first + i * step,
            anchor: Anchor::Start,
            class,
            text: line.clone(),
        });
        at.collect::<Vec<_>>()
    };
    shapes.extend(text(&bar.label_lines, LABEL_Y, LINE_H, "mark-label"));
    shapes.extend(text(
        &bar.sublabel_lines,
        bar.sublabel_y(),
        SUBLINE_H,
        "mark-sublabel",
    ));
    shapes.extend(text(
        &bar.period_lines,
        bar.period_y(),
        SUBLINE_H,
        "mark-sublabel",
    ));
    shapes.extend(bar_shapes(bar, top));
    MarkShapes {
        id: bar.id.clone(),
        style: bar.style,
        y: bar.y,
        shapes,
        outline: Shape::Rect {
            x: zero,
            y: -OUTLINE_GAP,
            w: Len::Pct(10_000),
            h: top + BAR_H + 2 * OUTLINE_GAP,
            class: "outline",
            hatched: false,
        },
    }
}

/// A dashed edge of a bar.
fn edge(x1: Len, x2: Len, y1: i32, y2: i32) -> Shape {
    Shape::Line {
        x1,
        x2,
        y1,
        y2,
        class: "bound-edge",
    }
}

/// The bar itself, as its hedge's kind is drawn: solid for an exact or approximate number;
/// hatched with dashed edges and an open end for an upper bound (a ceiling, not a count);
/// solid to the value and then dashed edges running on past it to an arrow for a lower bound
/// (a floor: the true number is higher); and for a range an interval from its low number to
/// its high one, with a cap at each end, drawn from neither 0 nor either end alone.
fn bar_shapes(bar: &Bar, top: i32) -> Vec<Shape> {
    let (w, zero) = (Len::Pct(bar.width), Len::Px(0));
    let rect = |x: Hundredths, w: Hundredths, class, hatched| Shape::Rect {
        // 0 as pixels: the page leaves SVG's default x out.
        x: if x == 0 { zero } else { Len::Pct(x) },
        y: top,
        w: Len::Pct(w),
        h: BAR_H,
        class,
        hatched,
    };
    match bar.style {
        MarkStyle::Exact | MarkStyle::Approximate => vec![rect(0, bar.width, "bar", false)],
        MarkStyle::UpperBound => vec![
            rect(0, bar.width, "bar", true),
            edge(zero, w, top, top),
            edge(zero, w, top + BAR_H, top + BAR_H),
            edge(zero, zero, top, top + BAR_H),
        ],
        MarkStyle::LowerBound => {
            // The scale leaves an eighth past the value for this (`layout::reach`).
            let on = Len::Pct((bar.width + bar.width / 16 + 100).min(10_000));
            vec![
                rect(0, bar.width, "bar", false),
                edge(w, on, top, top),
                edge(w, on, top + BAR_H, top + BAR_H),
                Shape::Text {
                    x: on,
                    y: top + BAR_H - 2,
                    anchor: Anchor::Start,
                    class: "more-arrow",
                    text: "→".into(),
                },
            ]
        }
        MarkStyle::Range => {
            let (from, cap) = (Len::Pct(bar.from), |x| Shape::Line {
                x1: x,
                x2: x,
                y1: top - 3,
                y2: top + BAR_H + 3,
                class: "range-cap",
            });
            vec![
                rect(bar.from, bar.width.saturating_sub(bar.from), "bar", false),
                cap(from),
                cap(w),
            ]
        }
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
    for (line, i) in layout.axis_title_lines.iter().zip(0..) {
        axis.push(Shape::Text {
            x: Len::Pct(10_000),
            y: y + AXIS_TITLE_DY + i * SUBLINE_H,
            anchor: Anchor::End,
            class: "axis-title",
            text: line.clone(),
        });
    }
    axis
}

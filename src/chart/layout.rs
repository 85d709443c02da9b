//! Chart geometry, pure: rows of labelled bars on one axis, with ticks. Widths are hundredths of
//! a percent of the chart's width, so one SVG fits 320 px to 1920 px and prerenders without
//! measuring; text sits on its own lines above each bar, so labels never overlap each other or
//! the bars.

use super::scale::{Hundredths, nice_ticks, position};
use crate::dataset::Axis;
use crate::format;
use crate::select::{MarkStyle, PanelSpec};

pub const LABEL_Y: i32 = 14;
pub const SUBLABEL_Y: i32 = 30;
pub const PERIOD_Y: i32 = 44;
pub const BAR_Y: i32 = 51;
pub const BAR_H: i32 = 16;
pub const ROW_H: i32 = 78;
/// The most characters of a mark's label on one line: measured at 320 px, the narrowest screen
/// the page is made for, 42 characters of the label's font fit the chart's 300 px. A longer
/// label takes a second line (and a third, …), and its row grows by `LINE_H` a line.
pub const LABEL_CHARS: usize = 42;
pub const LINE_H: i32 = 16;
pub const AXIS_GAP: i32 = 6;
pub const TICK_LABEL_DY: i32 = 18;
pub const AXIS_TITLE_DY: i32 = 34;
pub const BOTTOM: i32 = 40;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

#[derive(Clone, PartialEq, Debug)]
pub struct Tick {
    pub at: Hundredths,
    pub label: String,
    pub anchor: Anchor,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Bar {
    pub id: String,
    /// Top of the row, in px.
    pub y: i32,
    /// The row's height, in px: `ROW_H`, and `LINE_H` more for each line the label wraps onto.
    pub height: i32,
    pub width: Hundredths,
    pub style: MarkStyle,
    pub label: String,
    /// The label as drawn: lines of at most `LABEL_CHARS` characters.
    pub label_lines: Vec<String>,
    pub sublabel: String,
    pub period: Option<String>,
}

impl Bar {
    /// How far the label's extra lines push the rest of the row down, in px.
    pub fn shift(&self) -> i32 {
        self.height - ROW_H
    }
}

#[derive(Clone, PartialEq, Debug)]
pub struct PanelLayout {
    pub axis: Axis,
    pub axis_title: &'static str,
    pub ticks: Vec<Tick>,
    pub bars: Vec<Bar>,
    /// y of the axis line, in px.
    pub axis_y: i32,
    pub height: i32,
}

pub fn axis_title(axis: Axis) -> &'static str {
    axis.def().title
}

/// Lay out one panel for the page, every row; `None` for a panel without marks. A `PanelSpec`
/// holds one axis by construction, so soldiers, percentages and munitions never meet on one
/// scale; percentages always run to 100%.
pub fn layout_panel(spec: &PanelSpec) -> Option<PanelLayout> {
    layout_panel_in(spec, LABEL_CHARS, None)
}

/// The same, with labels wrapped at `label_chars` characters (a chart file, 720 px wide, has
/// room for more than a phone), and only the rows that reach into `band` built (px from the
/// panel's top; `None`: every row). Every row still takes its place, so the panel keeps its
/// height and each row its `y`, and the page scrolls as if all were drawn; a long chart does
/// not write out a thousand labels to draw twenty.
pub fn layout_panel_in(
    spec: &PanelSpec,
    label_chars: usize,
    band: Option<(i32, i32)>,
) -> Option<PanelLayout> {
    let max = spec.marks.iter().map(|m| m.value).max()?;
    let percent = spec.axis.percent();
    let ticks: Vec<u64> = if percent {
        vec![0, 25, 50, 75, 100]
    } else {
        nice_ticks(max, 5)
    };
    let domain = ticks.last().copied().unwrap_or(1);
    let last = ticks.len() - 1;
    let ticks = ticks
        .iter()
        .enumerate()
        .map(|(i, &t)| Tick {
            at: position(t, domain),
            label: if percent {
                format!("{t}%")
            } else {
                format::compact(t)
            },
            anchor: match i {
                0 => Anchor::Start,
                i if i == last => Anchor::End,
                _ => Anchor::Middle,
            },
        })
        .collect();
    let mut y = 0;
    let mut bars: Vec<Bar> = Vec::new();
    for m in &spec.marks {
        // A label that fits is one line, without splitting it.
        let wrapped = (m.label.len() > label_chars).then(|| format::wrap(&m.label, label_chars));
        let lines = wrapped.as_ref().map_or(1, Vec::len);
        let height = ROW_H + (lines as i32 - 1) * LINE_H;
        let top = y;
        y += height;
        if band.is_some_and(|(from, to)| top + height <= from || top >= to) {
            continue;
        }
        let mut label_lines = wrapped.unwrap_or_else(|| vec![m.label.clone()]);
        // Each line but the last keeps its space, so the label's text reads whole.
        let last = label_lines.len() - 1;
        for line in &mut label_lines[..last] {
            line.push(' ');
        }
        bars.push(Bar {
            id: m.id.clone(),
            y: top,
            height,
            width: position(m.value, domain),
            style: m.style,
            label: m.label.clone(),
            label_lines,
            sublabel: m.sublabel.clone(),
            period: m.period.clone(),
        });
    }
    let axis_y = y + AXIS_GAP;
    Some(PanelLayout {
        axis: spec.axis,
        axis_title: axis_title(spec.axis),
        ticks,
        bars,
        axis_y,
        height: axis_y + BOTTOM,
    })
}

/// A chart whose panels hold at most this many marks draws them all; a longer one draws only
/// the rows near the screen (`band_on_screen`), so 1,000 figures redraw within a frame. The
/// prerender and the exported files always draw every row.
pub const DRAW_ALL_UP_TO: usize = 100;

/// The band of a panel to draw, in px from its top, given the panel's top relative to the
/// viewport and the viewport's height: the screen plus at least a screen above and below,
/// snapped to whole screens so that scrolling changes it once a screen, not every pixel.
pub fn band_on_screen(top: f64, viewport: f64) -> (i32, i32) {
    let screen = viewport.max(1.0);
    let first = (-top / screen).floor() - 1.0;
    let from = first * screen;
    (from.floor() as i32, (from + 4.0 * screen).ceil() as i32)
}

/// A long chart's mark buttons either side of the one with focus: Tab and Shift+Tab always
/// find the next mark's button, which then gets its own neighbours.
pub const BUTTONS_AROUND_FOCUS: usize = 2;

/// Which of a chart's marks (`marks`, ids in the chart's order) get a button, by index: all of
/// them, unless the chart draws only some rows (`drawn`: the ids of the rows it lays out); then
/// those, the `BUTTONS_AROUND_FOCUS` marks either side of the one whose button has focus, and
/// the selected one (where "Show on chart" puts the focus). A long chart's
/// button group sits after its last row, so a focused button must not depend on the rows
/// drawn: moving focus into the group scrolls the page there.
pub fn marks_with_buttons(
    marks: &[&str],
    drawn: Option<&[&str]>,
    focus: Option<&str>,
    selected: Option<&str>,
) -> Vec<usize> {
    let Some(drawn) = drawn else {
        return (0..marks.len()).collect();
    };
    let focus_at = focus.and_then(|id| marks.iter().position(|m| *m == id));
    let near_focus = |i: usize| focus_at.is_some_and(|f| i.abs_diff(f) <= BUTTONS_AROUND_FOCUS);
    (0..marks.len())
        .filter(|&i| near_focus(i) || drawn.contains(&marks[i]) || selected == Some(marks[i]))
        .collect()
}

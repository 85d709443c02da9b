//! Chart geometry, pure: rows of labelled bars on one axis, with ticks. Widths are percentages of
//! the chart's width, so one SVG fits 320 px to 1920 px and prerenders without measuring; text
//! sits on its own lines above each bar, so labels never overlap each other or the bars.

use std::fmt;

use super::scale::{nice_ticks, percent_of};
use crate::dataset::Axis;
use crate::format;
use crate::select::{MarkStyle, PanelSpec};

pub const LABEL_Y: f64 = 14.0;
pub const SUBLABEL_Y: f64 = 30.0;
pub const BAR_Y: f64 = 37.0;
pub const BAR_H: f64 = 16.0;
pub const ROW_H: f64 = 64.0;
pub const AXIS_GAP: f64 = 6.0;
pub const TICK_LABEL_DY: f64 = 18.0;
pub const BOTTOM: f64 = 40.0;

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
    pub percent: f64,
    pub label: String,
    pub anchor: Anchor,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Bar {
    pub id: String,
    /// Top of the row, in px.
    pub y: f64,
    pub width_percent: f64,
    pub style: MarkStyle,
    pub label: String,
    pub sublabel: String,
}

#[derive(Clone, PartialEq, Debug)]
pub struct PanelLayout {
    pub axis: Axis,
    pub axis_title: &'static str,
    pub ticks: Vec<Tick>,
    pub bars: Vec<Bar>,
    /// y of the axis line, in px.
    pub axis_y: f64,
    pub height: f64,
}

/// Why a panel cannot be laid out.
#[derive(Clone, PartialEq, Debug)]
pub enum LayoutError {
    Empty,
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayoutError::Empty => write!(f, "a chart panel needs at least one mark"),
        }
    }
}

pub fn axis_title(axis: Axis) -> &'static str {
    match axis {
        Axis::Soldiers => "soldiers",
        Axis::Percent => "percent of Russia's active soldiers",
        Axis::Munitions => "missiles and drones launched",
        Axis::Ammunition => "rounds",
    }
}

/// Lay out one panel. A `PanelSpec` holds one axis by construction, so soldiers, percentages and
/// munitions cannot meet on one scale; percentages always run to 100%.
pub fn layout_panel(spec: &PanelSpec) -> Result<PanelLayout, LayoutError> {
    if spec.marks.is_empty() {
        return Err(LayoutError::Empty);
    }
    let max = spec.marks.iter().map(|m| m.value).max().unwrap_or(0) as f64;
    let ticks: Vec<f64> = match spec.axis {
        Axis::Percent => vec![0.0, 25.0, 50.0, 75.0, 100.0],
        _ => nice_ticks(max, 5),
    };
    let domain = ticks.last().copied().unwrap_or(1.0);
    let last = ticks.len() - 1;
    let ticks = ticks
        .iter()
        .enumerate()
        .map(|(i, &t)| Tick {
            percent: percent_of(t, domain),
            label: match spec.axis {
                Axis::Percent => format!("{t}%"),
                _ => format::compact(t),
            },
            anchor: if i == 0 {
                Anchor::Start
            } else if i == last {
                Anchor::End
            } else {
                Anchor::Middle
            },
        })
        .collect();
    let bars: Vec<Bar> = spec
        .marks
        .iter()
        .enumerate()
        .map(|(i, m)| Bar {
            id: m.id.clone(),
            y: i as f64 * ROW_H,
            width_percent: percent_of(m.value as f64, domain),
            style: m.style,
            label: m.label.clone(),
            sublabel: m.sublabel.clone(),
        })
        .collect();
    let axis_y = bars.len() as f64 * ROW_H + AXIS_GAP;
    Ok(PanelLayout {
        axis: spec.axis,
        axis_title: axis_title(spec.axis),
        ticks,
        bars,
        axis_y,
        height: axis_y + BOTTOM,
    })
}

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
pub const BAR_Y: i32 = 37;
pub const BAR_H: i32 = 16;
pub const ROW_H: i32 = 64;
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
    pub width: Hundredths,
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
    pub axis_y: i32,
    pub height: i32,
}

pub fn axis_title(axis: Axis) -> &'static str {
    match axis {
        Axis::Soldiers => "soldiers",
        Axis::Percent => "percent of Russia's active soldiers",
        Axis::Munitions => "missiles and drones launched",
        Axis::Ammunition => "rounds",
    }
}

/// Lay out one panel; `None` for a panel without marks. A `PanelSpec` holds one axis by
/// construction, so soldiers, percentages and munitions never meet on one scale; percentages
/// always run to 100%.
pub fn layout_panel(spec: &PanelSpec) -> Option<PanelLayout> {
    let max = spec.marks.iter().map(|m| m.value).max()?;
    let ticks: Vec<u64> = match spec.axis {
        Axis::Percent => vec![0, 25, 50, 75, 100],
        _ => nice_ticks(max, 5),
    };
    let domain = ticks.last().copied().unwrap_or(1);
    let last = ticks.len() - 1;
    let ticks = ticks
        .iter()
        .enumerate()
        .map(|(i, &t)| Tick {
            at: position(t, domain),
            label: match spec.axis {
                Axis::Percent => format!("{t}%"),
                _ => format::compact(t),
            },
            anchor: match i {
                0 => Anchor::Start,
                i if i == last => Anchor::End,
                _ => Anchor::Middle,
            },
        })
        .collect();
    let bars: Vec<Bar> = spec
        .marks
        .iter()
        .zip(0..)
        .map(|(m, row)| Bar {
            id: m.id.clone(),
            y: row * ROW_H,
            width: position(m.value, domain),
            style: m.style,
            label: m.label.clone(),
            sublabel: m.sublabel.clone(),
        })
        .collect();
    let axis_y = bars.len() as i32 * ROW_H + AXIS_GAP;
    Some(PanelLayout {
        axis: spec.axis,
        axis_title: axis_title(spec.axis),
        ticks,
        bars,
        axis_y,
        height: axis_y + BOTTOM,
    })
}

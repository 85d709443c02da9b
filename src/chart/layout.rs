//! Chart geometry, pure: rows of labelled bars on one axis, with ticks. Widths are hundredths of
//! a percent of the chart's width, so one SVG fits 320 px to 1920 px and prerenders without
//! measuring; text sits on its own lines above each bar, so labels never overlap each other or
//! the bars. Heights are in units of a sixteenth of the root font size (px at the browsers'
//! default 16 px): the page draws them in `em` of its 1rem-sized drawing, so rows grow with the
//! reader's own font size, as the text in them does.

use super::scale::{Hundredths, nice_ticks, position};
use crate::dataset::{Amount, Axis};
use crate::format;
use crate::select::{MarkSpec, MarkStyle, PanelSpec};

/// The baseline of a label's first line.
pub const LABEL_Y: i32 = 14;
/// From one line of a label to the next.
pub const LINE_H: i32 = 16;
/// From one line of a sublabel or period (the smaller text) to the next.
pub const SUBLINE_H: i32 = 14;
/// From the period's (last) baseline down to the bar.
pub const BAR_GAP: i32 = 7;
pub const BAR_H: i32 = 16;
/// Below the bar, to the next row.
pub const ROW_GAP: i32 = 11;
/// A row of one line each of label, sublabel and period (a row without a period keeps its
/// line, so bars line up from row to row).
pub const ROW_H: i32 = LABEL_Y + LINE_H + 2 * SUBLINE_H + BAR_GAP + BAR_H + ROW_GAP - LINE_H;
/// The most characters of a mark's label on one line (its sublabel and period: `small_chars`):
/// at 320 px, the narrowest screen the page is made for, the chart is 300 px wide, and 34
/// characters of the label's 12 px semi-bold fit it with WCAG's text spacing (letters 0.12em
/// and words 0.16em apart: 8.5 to 9.1 px a character in Chromium's DejaVu Sans Bold, against
/// 6.6 to 7.6 without). Longer text takes
/// more lines, and its row grows by a line each. A reader's larger root font size wraps
/// sooner (`label_chars`).
pub const LABEL_CHARS: usize = 34;
pub const AXIS_GAP: i32 = 6;
pub const TICK_LABEL_DY: i32 = 18;
pub const AXIS_TITLE_DY: i32 = 34;
pub const BOTTOM: i32 = 40;

/// The characters of a line of the smaller, regular text (sublabel, period, axis title) where
/// a label's line holds `label_chars`: its characters are narrower (7.5 to 8.3 px a character
/// with WCAG's spacing, against 8.5 to 9.1 for the label's semi-bold), so a sixteenth more fit
/// (an eighth more let "The whole county · the weather service" run 3 px past 300).
pub fn small_chars(label_chars: usize) -> usize {
    label_chars * 17 / 16
}

/// The characters of a line at the reader's root font size (`root_px`, 16 by default): the
/// chart's width at 320 px holds fewer of a larger font. At least 12: a word longer than the
/// line still gets a line of its own (`format::wrap`).
pub fn label_chars(root_px: u32) -> usize {
    let at_default = LABEL_CHARS as u32 * 16 / root_px.max(16);
    at_default.max(12) as usize
}

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
    /// Top of the row.
    pub y: i32,
    /// The row's height: `ROW_H`, and a line's more for each line its text wraps onto.
    pub height: i32,
    /// Where the bar starts: 0, or a range's low end.
    pub from: Hundredths,
    /// Where the bar ends: the value, or a range's high end.
    pub width: Hundredths,
    pub style: MarkStyle,
    pub label: String,
    /// The label as drawn: lines of at most the layout's characters.
    pub label_lines: Vec<String>,
    pub sublabel: String,
    /// The sublabel as drawn, wrapped as the label is.
    pub sublabel_lines: Vec<String>,
    pub period: Option<String>,
    /// The period as drawn (none without a period).
    pub period_lines: Vec<String>,
}

impl Bar {
    /// The baseline of the sublabel's first line, from the row's top.
    pub fn sublabel_y(&self) -> i32 {
        LABEL_Y + self.label_lines.len() as i32 * LINE_H
    }
    /// The baseline of the period's first line: a line under the sublabel's last.
    pub fn period_y(&self) -> i32 {
        self.sublabel_y() + self.sublabel_lines.len() as i32 * SUBLINE_H
    }
    /// The bar's top: under the period, or where a one-line period would end.
    pub fn bar_y(&self) -> i32 {
        let period = self.period_lines.len().max(1) as i32;
        self.period_y() + (period - 1) * SUBLINE_H + BAR_GAP
    }
}

/// The row of a mark whose text takes these many lines: the bar's top and the row's height.
fn row_height(label: usize, sublabel: usize, period: usize) -> i32 {
    let extra = (label.max(1) - 1) as i32 * LINE_H
        + (sublabel.max(1) - 1) as i32 * SUBLINE_H
        + (period.max(1) - 1) as i32 * SUBLINE_H;
    ROW_H + extra
}

/// `text` in lines of at most `chars`, each but the last keeping its space, so the lines read
/// as the text; one line, unsplit, where it fits.
fn lines(text: &str, chars: usize) -> Vec<String> {
    if text.len() <= chars {
        return vec![text.to_string()];
    }
    let mut lines = format::wrap(text, chars);
    let last = lines.len() - 1;
    for line in &mut lines[..last] {
        line.push(' ');
    }
    lines
}

#[derive(Clone, PartialEq, Debug)]
pub struct PanelLayout {
    pub axis: Axis,
    pub axis_title: &'static str,
    /// The axis title as drawn, right-aligned under the axis: wrapped as the marks' text is.
    pub axis_title_lines: Vec<String>,
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
    let (ticks, domain) = axis_ticks(spec)?;
    let mut y = 0;
    let mut bars: Vec<Bar> = Vec::new();
    for (m, height) in spec.marks.iter().zip(row_heights(spec, label_chars)) {
        let top = y;
        y += height;
        // A row out of the band is not built: a long chart does not write out a thousand
        // labels to draw twenty.
        if band.is_some_and(|(from, to)| top + height <= from || top >= to) {
            continue;
        }
        let period = m.period.as_deref();
        bars.push(Bar {
            id: m.id.clone(),
            y: top,
            height,
            from: match m.high {
                Some(_) => at(m.value, domain),
                None => 0,
            },
            width: at(m.high.unwrap_or(m.value), domain),
            style: m.style,
            label: m.label.clone(),
            label_lines: lines(&m.label, label_chars),
            sublabel: m.sublabel.clone(),
            sublabel_lines: lines(&m.sublabel, small_chars(label_chars)),
            period: m.period.clone(),
            period_lines: period.map_or(Vec::new(), |p| lines(p, small_chars(label_chars))),
        });
    }
    let axis_y = y + AXIS_GAP;
    let axis_title_lines = lines(axis_title(spec.axis), small_chars(label_chars));
    let below = BOTTOM + (axis_title_lines.len() as i32 - 1) * SUBLINE_H;
    Some(PanelLayout {
        axis: spec.axis,
        axis_title: axis_title(spec.axis),
        axis_title_lines,
        ticks,
        bars,
        axis_y,
        height: axis_y + below,
    })
}

/// Each row's height, in the panel's order, without building its lines.
fn row_heights(spec: &PanelSpec, label_chars: usize) -> impl Iterator<Item = i32> + '_ {
    let count = |text: &str, chars: usize| match text.len() <= chars {
        true => 1,
        false => format::wrap(text, chars).len(),
    };
    let small = small_chars(label_chars);
    spec.marks.iter().map(move |m| {
        let period = m.period.as_deref().map_or(0, |p| count(p, small));
        row_height(
            count(&m.label, label_chars),
            count(&m.sublabel, small),
            period,
        )
    })
}

/// Where the row of the mark `id` is in its panel (top and bottom), drawn or not: what the
/// page scrolls into view before it moves the keyboard's focus to a mark of a long chart.
pub fn row_span(spec: &PanelSpec, label_chars: usize, id: &str) -> Option<(i32, i32)> {
    let at = spec.marks.iter().position(|m| m.id == id)?;
    let mut heights = row_heights(spec, label_chars);
    let top: i32 = heights.by_ref().take(at).sum();
    Some((top, top + heights.next()?))
}

/// Where an amount falls on a scale of whole units up to `domain`.
fn at(value: Amount, domain: u64) -> Hundredths {
    position(value.0, domain.saturating_mul(Amount::ONE))
}

/// How far the scale reaches for a mark: its value, a range's high end, and past a lower
/// bound by an eighth, so that the bar's open end (`scene`) has room to say "and more".
fn reach(m: &MarkSpec) -> u64 {
    let end = m.high.unwrap_or(m.value);
    match m.style {
        MarkStyle::LowerBound => Amount(end.0 + end.0 / 8).ceil(),
        _ => end.ceil(),
    }
}

/// The panel's ticks and the top of its scale (`None` for a panel without marks): nice round
/// steps up to the largest value, or 0 to 100% on a percent axis.
fn axis_ticks(spec: &PanelSpec) -> Option<(Vec<Tick>, u64)> {
    let max = spec.marks.iter().map(reach).max()?;
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
    Some((ticks, domain))
}

/// The top of the panel's scale: what a filter that removes its largest figure changes.
pub fn domain(spec: &PanelSpec) -> Option<u64> {
    axis_ticks(spec).map(|(_, domain)| domain)
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

/// A long chart's mark buttons either side of the one with focus: the arrows find the next
/// mark's button at once, and it then gets its own neighbours.
pub const BUTTONS_AROUND_FOCUS: usize = 2;

/// Which of a chart's marks (`marks`, ids in the chart's order) get a button, by index: all of
/// them, unless the chart draws only some rows (`drawn`: the ids of the rows it lays out); then
/// those, the `BUTTONS_AROUND_FOCUS` marks either side of the one whose button has focus, and
/// those `kept` wherever they are (the selected one, where "Show on chart" puts the focus, and
/// the chart's one tab stop, where Tab puts it). A long chart's button group sits at its top,
/// so a focused button must not depend on the rows drawn.
pub fn marks_with_buttons(
    marks: &[&str],
    drawn: Option<&[&str]>,
    focus: Option<&str>,
    kept: &[&str],
) -> Vec<usize> {
    let Some(drawn) = drawn else {
        return (0..marks.len()).collect();
    };
    let focus_at = focus.and_then(|id| marks.iter().position(|m| *m == id));
    let near_focus = |i: usize| focus_at.is_some_and(|f| i.abs_diff(f) <= BUTTONS_AROUND_FOCUS);
    (0..marks.len())
        .filter(|&i| near_focus(i) || drawn.contains(&marks[i]) || kept.contains(&marks[i]))
        .collect()
}

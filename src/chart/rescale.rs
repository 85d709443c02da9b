//! What a change of filters does to the charts' scales, in words, for the status line that
//! says what the change did: a bar's length means nothing to a reader who missed that its
//! axis now ends elsewhere ("Troop strength, losses and deployments by country: scale now 0 to 400,000
//! soldiers."). Pure.

use super::layout::domain;
use crate::dataset::{Choice, Dataset};
use crate::filters::Filters;
use crate::format;
use crate::select::{ChartSpec, charts};

/// What going from the filters `was` to `now` does to the charts' scales (`rescaled`).
#[inline(never)]
pub fn rescaled_by(data: &Dataset, was: &Filters, now: &Filters) -> Vec<String> {
    rescaled(&charts(data, was), &charts(data, now))
}

/// A sentence for each panel of a chart shown both `before` and `after` whose scale ends
/// elsewhere after. Charts that come or go, and percent axes (always 0 to 100%), say nothing.
pub fn rescaled(before: &[ChartSpec], after: &[ChartSpec]) -> Vec<String> {
    let mut said = Vec::new();
    for chart in after {
        let Some(was) = before.iter().find(|c| c.id == chart.id) else {
            continue;
        };
        for panel in chart.panels.iter().filter(|p| !p.axis.percent()) {
            let old = was.panels.iter().find(|p| p.axis == panel.axis);
            let (Some(old), Some(new)) = (old.and_then(domain), domain(panel)) else {
                continue;
            };
            if old != new {
                said.push(format!(
                    "{}: scale now 0 to {} {}.",
                    chart.title,
                    format::count(new),
                    panel.axis.label()
                ));
            }
        }
    }
    said
}

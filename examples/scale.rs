//! Benchmark (run by `make bench`): how the pure redraw pipeline (select the figures, build the
//! chart specs with their written summaries, lay out and build the scene of every panel) grows
//! from 10 to 1,000 figures. The synthetic figures are copies of the real ones with new ids and
//! values, generated at run time and never shipped (`tests/support/synthetic.rs`). Prints the
//! median and p95 per redraw. The same redraw with Yew and the DOM is measured in a browser by
//! `tests/scale_browser.rs`.

use std::time::{Duration, Instant};

use frontline_figures::chart::layout::layout_panel;
use frontline_figures::chart::scene::scene;
use frontline_figures::dataset::{Actor, Choice, Dataset};
use frontline_figures::filters::{Filters, Selection};
use frontline_figures::select::{charts, select_figures};

#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use synthetic::synthetic;

fn redraw(data: &Dataset, filters: &Filters) -> usize {
    let selected = select_figures(data, filters).len();
    let specs = charts(data, filters);
    let shapes: usize = specs
        .iter()
        .flat_map(|c| &c.panels)
        .filter_map(layout_panel)
        .map(|l| scene(&l).marks.len())
        .sum();
    selected + shapes + specs.iter().map(|c| c.summary.len()).sum::<usize>()
}

fn main() {
    let budget = Duration::from_millis(16);
    println!(
        "{:>8} {:>12} {:>12} {:>8}",
        "figures", "median", "p95", "budget"
    );
    for n in [10, 100, 1000] {
        let data = synthetic(n);
        let all = Filters::default();
        let some = Filters {
            // The first two actors of whichever article the build is for.
            actors: Selection::none()
                .with(Actor::ALL[0], true)
                .with(Actor::ALL[1 % Actor::ALL.len()], true),
            ..Filters::default()
        };
        let mut times: Vec<Duration> = (0..200)
            .map(|i| {
                let filters = if i % 2 == 0 { &all } else { &some };
                let start = Instant::now();
                std::hint::black_box(redraw(&data, filters));
                start.elapsed()
            })
            .collect();
        times.sort();
        let (median, p95) = (times[times.len() / 2], times[times.len() * 95 / 100]);
        let verdict = if median <= budget { "pass" } else { "FAIL" };
        println!(
            "{n:>8} {:>10.3}ms {:>10.3}ms {verdict:>8}",
            median.as_secs_f64() * 1e3,
            p95.as_secs_f64() * 1e3
        );
    }
}

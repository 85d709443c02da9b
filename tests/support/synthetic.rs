//! Synthetic datasets for the scale benchmarks (`examples/scale.rs` natively and
//! `tests/scale_browser.rs` in a browser): copies of the real figures with new ids and values,
//! generated at run time and never shipped.

use frontline_figures::dataset::Dataset;

/// The bundled dataset with `n` figures in place of its ten.
pub fn synthetic(n: usize) -> Dataset {
    let real = Dataset::bundled();
    let mut data = real.clone();
    data.figures = (0..n)
        .map(|i| {
            let mut f = real.figures[i % real.figures.len()].clone();
            f.id = format!("{}-{i}", f.id);
            f.value = f.value.map(|v| v + (i as u64 * 7919) % (v / 2 + 1));
            f
        })
        .collect();
    data
}

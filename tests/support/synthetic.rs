//! Synthetic datasets for the scale benchmarks (`examples/scale.rs` natively and
//! `tests/scale_browser.rs` in a browser): copies of the real figures with new ids and values,
//! generated at run time and never shipped.

use frontline_figures::dataset::{Amount, Dataset};

/// The bundled dataset with `n` figures in place of its ten.
pub fn synthetic(n: usize) -> Dataset {
    let real = Dataset::bundled();
    let mut data = real.clone();
    data.figures = (0..n)
        .map(|i| {
            let mut f = real.figures[i % real.figures.len()].clone();
            f.id = format!("{}-{i}", f.id);
            f.value = f.value.map(|Amount(v)| {
                let whole = v / Amount::ONE;
                Amount::whole(whole + (i as u64 * 7919) % (whole / 2 + 1))
            });
            f
        })
        .collect();
    data
}

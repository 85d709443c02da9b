//! A linear scale from zero with "nice" ticks (1, 2 or 5 times a power of ten), as Grapher and
//! d3 choose them, so axis labels read as round numbers.

/// The tick step for `max` split into about `target` intervals.
pub fn nice_step(max: f64, target: usize) -> f64 {
    if !(max.is_finite() && max > 0.0) || target == 0 {
        return 1.0;
    }
    let raw = max / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks from 0 up to the first tick at or above `max` (at least one interval).
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    let step = nice_step(max, target);
    let mut ticks = vec![0.0];
    let mut t = 0.0;
    while t < max || ticks.len() < 2 {
        t += step;
        // Whole multiples of the step, free of accumulated float error.
        ticks.push((t / step).round() * step);
    }
    ticks
}

/// Where `value` falls on a 0..=`domain_max` scale, as a percentage of the width.
pub fn percent_of(value: f64, domain_max: f64) -> f64 {
    if domain_max <= 0.0 {
        0.0
    } else {
        (value / domain_max * 100.0).clamp(0.0, 100.0)
    }
}

//! A linear scale from zero with "nice" ticks (1, 2 or 5 times a power of ten), as Grapher and
//! d3 choose them, so axis labels read as round numbers. Integers only: the values are counts,
//! and leaving floats out keeps float formatting out of the WebAssembly.

/// The smallest nice step that covers `max` in at most `target` intervals.
pub fn nice_step(max: u64, target: u64) -> u64 {
    let raw = max.div_ceil(target.max(1)).max(1);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude)
}

/// Ticks from 0 up to the first tick at or above `max` (at least one interval).
pub fn nice_ticks(max: u64, target: u64) -> Vec<u64> {
    let step = nice_step(max, target);
    let mut ticks = vec![0];
    while ticks.len() < 2 || ticks[ticks.len() - 1] < max {
        ticks.push(ticks[ticks.len() - 1] + step);
    }
    ticks
}

/// Hundredths of a percent: 10_000 is the full width.
pub type Hundredths = u32;

/// Where `value` falls on a 0..=`domain_max` scale, in hundredths of a percent of the width,
/// to the nearest. In floating point (arithmetic, no formatting): exact for every count under
/// 900 billion, as `u64` arithmetic would overflow past 1.8 million billion and `u128` division
/// cost the wasm 1 KB.
pub fn position(value: u64, domain_max: u64) -> Hundredths {
    if domain_max == 0 {
        return 0;
    }
    let h = (value as f64 * 10_000.0 / domain_max as f64 + 0.5).floor();
    h.min(10_000.0) as Hundredths
}

//! The keyboard model of the page's composite widgets (the tabs, each chart's marks, each filter
//! group's chips, a chart's downloads): each is one tab stop, and the arrow keys, Home and End
//! move the focus within it, as the WAI-ARIA tabs and toolbar patterns have it. Pure, so the
//! keys are tested natively and said once for every widget.

/// Which arrow keys move along a widget.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Arrows {
    /// Left and Right: a row (the tabs, a chart's downloads). Up and Down are left to the page.
    Row,
    /// Up and Down as well as Left and Right: a chart's marks, one after another in the order
    /// they are drawn, whichever way a reader thinks of them, and a filter group's chips, which
    /// the side panel stacks and a phone's lays in rows.
    Any,
}

/// Where the focus goes from item `at` of `len` on `key` (a `KeyboardEvent.key`), or `None`
/// for a key the widget leaves to the page (or a widget of no items). A key of the widget's
/// at the end it goes towards keeps the focus where it is (`Some(at)`): the key is still the
/// widget's, and does not scroll the page. With `wrap`, the item after the last is the first,
/// as the tabs have it; a chart's marks stop at either end, so a reader knows they are done.
pub fn moved(key: &str, at: usize, len: usize, arrows: Arrows, wrap: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let at = at.min(len - 1);
    let vertical = arrows == Arrows::Any;
    Some(match key {
        "ArrowRight" => next(at, len, wrap),
        "ArrowDown" if vertical => next(at, len, wrap),
        "ArrowLeft" => previous(at, len, wrap),
        "ArrowUp" if vertical => previous(at, len, wrap),
        "Home" => 0,
        "End" => len - 1,
        _ => return None,
    })
}

fn next(at: usize, len: usize, wrap: bool) -> usize {
    match at + 1 {
        n if n < len => n,
        _ if wrap => 0,
        _ => at,
    }
}

fn previous(at: usize, len: usize, wrap: bool) -> usize {
    match at {
        0 if wrap => len - 1,
        0 => 0,
        n => n - 1,
    }
}

/// "2 of 6": where a mark is among its chart's, for its name (the marks are buttons, which
/// assistive technology does not count for the reader as it counts a list's items).
pub fn position(at: usize, len: usize) -> String {
    format!("{} of {len}", at + 1)
}

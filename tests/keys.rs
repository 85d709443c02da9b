//! The keyboard model of the page's one-tab-stop widgets (`keys`): which key moves the focus
//! where, for the tabs (a row that wraps), a filter group's chips and a chart's downloads (a
//! row that stops at its ends) and a chart's marks (any arrow, stopping at the ends).

use frontline_figures::keys::{Arrows, moved, position};

#[test]
fn the_arrows_home_and_end_move_along_a_row_of_tabs_that_wraps() {
    let tabs = |key, at| moved(key, at, 4, Arrows::Row, true);
    assert_eq!(tabs("ArrowRight", 0), Some(1));
    assert_eq!(tabs("ArrowRight", 3), Some(0), "past the last is the first");
    assert_eq!(
        tabs("ArrowLeft", 0),
        Some(3),
        "before the first is the last"
    );
    assert_eq!(tabs("Home", 2), Some(0));
    assert_eq!(tabs("End", 1), Some(3));
    // Up and Down, and every other key, are the page's.
    for key in ["ArrowUp", "ArrowDown", "Enter", " ", "Tab", "Escape", "a"] {
        assert_eq!(tabs(key, 1), None, "{key:?}");
    }
}

#[test]
fn a_charts_marks_take_every_arrow_in_drawing_order_and_stop_at_either_end() {
    let n = 6;
    let marks = |key, at| moved(key, at, n, Arrows::Any, false);
    for (key, from, to) in [
        ("ArrowDown", 0, 1),
        ("ArrowRight", 0, 1),
        ("ArrowUp", 3, 2),
        ("ArrowLeft", 3, 2),
        ("Home", 4, 0),
        ("End", 1, n - 1),
    ] {
        assert_eq!(marks(key, from), Some(to), "{key} from {from}");
    }
    // At either end the key is still the chart's (the page does not scroll), and the focus stays.
    assert_eq!(marks("ArrowDown", n - 1), Some(n - 1));
    assert_eq!(marks("ArrowUp", 0), Some(0));
    assert_eq!(marks("Home", 0), Some(0));
    // Every mark is reached from the first, one arrow at a time, and back.
    let mut at = 0;
    let mut seen = vec![at];
    while let Some(next) = marks("ArrowDown", at).filter(|&n| n != at) {
        seen.push(next);
        at = next;
    }
    assert_eq!(seen, (0..n).collect::<Vec<_>>());
    // Enter, Space and Escape are not moves: the buttons' own click, and the chart's clear.
    for key in ["Enter", " ", "Escape", "Tab"] {
        assert_eq!(marks(key, 2), None, "{key:?}");
    }
}

#[test]
fn a_widget_of_no_items_takes_no_key_and_a_stale_place_is_kept_inside() {
    assert_eq!(moved("ArrowDown", 0, 0, Arrows::Any, false), None);
    assert_eq!(moved("ArrowLeft", 9, 3, Arrows::Row, false), Some(1));
}

#[test]
fn a_marks_place_is_said_from_one() {
    assert_eq!(position(0, 6), "1 of 6");
    assert_eq!(position(5, 6), "6 of 6");
}

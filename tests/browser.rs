//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): the app mounts,
//! draws every mark, and a filter click changes the marks and the URL. Generic: expectations
//! come from the bundled article's data, whichever article (`ARTICLE`) the build is for.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/synthetic.rs"]
mod synthetic;

use frontline_figures::AppProps;
use frontline_figures::chart::layout::{LABEL_CHARS, row_span};
use frontline_figures::components::DataRef;
use frontline_figures::dataset::{Actor, Choice, Dataset};
use frontline_figures::select::charts;

#[path = "support/page.rs"]
mod page;
use page::{count, failure_panel, mount, mount_with, search, until};

fn click(root: &Element, selector: &str) {
    let el = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    el.dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn the_app_draws_every_mark_and_a_filter_changes_marks_and_url() {
    let root = mount().await;
    assert_eq!(
        count(&root, ".app[data-ready='true']"),
        1,
        "the app started"
    );
    // Every mark the selection's charts hold, computed from the data.
    let specs = frontline_figures::select::charts(Dataset::bundled(), &Default::default());
    let marks: Vec<_> = specs
        .iter()
        .flat_map(|c| &c.panels)
        .flat_map(|p| &p.marks)
        .collect();
    let all = marks.len() as u32;
    assert_eq!(count(&root, "g.mark"), all);
    let bounds = marks
        .iter()
        .filter(|m| m.style == frontline_figures::select::MarkStyle::UpperBound)
        .count() as u32;
    assert_eq!(count(&root, "g.mark[data-encoding='upper-bound']"), bounds);
    // The second actor's marks, turned off by its chip.
    let off = Actor::ALL[1 % Actor::ALL.len()];
    let of_actor = |id: &str| {
        Dataset::bundled()
            .figure(id)
            .is_some_and(|f| f.actor == off)
    };
    let theirs: Vec<&str> = marks
        .iter()
        .map(|m| m.id.as_str())
        .filter(|id| of_actor(id))
        .collect();
    let drawn_of_actor = || {
        let list = root.query_selector_all("g.mark").unwrap();
        (0..list.length())
            .filter_map(|i| {
                list.item(i)?
                    .dyn_into::<Element>()
                    .ok()?
                    .get_attribute("data-mark")
            })
            .filter(|id| of_actor(id))
            .count()
    };
    assert_eq!(drawn_of_actor(), theirs.len());
    assert!(!theirs.is_empty(), "{} has a mark", off.slug());
    assert_eq!(
        count(&root, ".chart.long"),
        0,
        "the article's charts are short"
    );

    let others: Vec<&str> = Actor::ALL
        .iter()
        .filter(|a| **a != off)
        .map(|a| a.slug())
        .collect();
    let query = format!("?actors={}", others.join(","));
    click(
        &root,
        &format!("button[data-filter='actor:{}']", off.slug()),
    );
    // The URL is written by the root's effect, which can run before the views re-render:
    // wait for what the test checks, the marks.
    until(|| search() == query && drawn_of_actor() == 0).await;
    assert_eq!(drawn_of_actor(), 0, "{}'s marks are gone", off.slug());
    assert_eq!(
        count(
            &root,
            &format!(
                "button[data-filter='actor:{}'][aria-pressed='false']",
                off.slug()
            )
        ),
        1
    );
    assert_eq!(search(), query);

    click(&root, "button.reset");
    until(|| search().is_empty() && count(&root, "g.mark") == all).await;
    assert_eq!(count(&root, "g.mark"), all);
    assert_eq!(search(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_mark_button_shows_the_quote_and_selects_the_mark() {
    let root = mount().await;
    // The first drawn figure whose source the article names, in the first chart that draws it.
    let data = Dataset::bundled();
    let specs = charts(data, &Default::default());
    let (chart, f) = specs
        .iter()
        .flat_map(|c| {
            c.panels
                .iter()
                .flat_map(move |p| p.marks.iter().map(move |m| (c.id.slug(), &m.id)))
        })
        .filter_map(|(chart, id)| Some((chart, data.figure(id)?)))
        .find(|(_, f)| f.source.named())
        .expect("a drawn figure with a named source");
    let expected = format!("?mark={}", f.id);
    let details = format!("#details-{chart}");
    let shown = || {
        root.query_selector(&details)
            .ok()
            .flatten()
            .and_then(|d| d.text_content())
            .unwrap_or_default()
    };
    click(
        &root,
        &format!("#chart-{chart} button.mark-button[data-mark='{}']", f.id),
    );
    until(|| search() == expected && shown().contains(&f.quotes[0])).await;
    let text = shown();
    assert!(text.contains(f.source.credit()), "{text}");
    assert!(text.contains(&f.quotes[0]), "{text}");
    assert_eq!(search(), expected);
    click(
        &root,
        &format!("#chart-{chart} button.mark-button[data-mark='{}']", f.id),
    );
    until(|| search().is_empty()).await;
    assert_eq!(search(), "");
    root.remove();
}

#[wasm_bindgen_test]
fn a_failure_shows_a_plain_panel_with_the_message_as_text() {
    frontline_figures::browser::show_failure("boom <b>bold</b> at src/x.rs:1");
    let panel = failure_panel("boom").expect("the panel is shown");
    let text = panel.text_content().unwrap();
    assert!(text.starts_with("Something went wrong"), "{text}");
    assert!(
        text.contains("boom <b>bold</b> at src/x.rs:1"),
        "the message is shown as text"
    );
    assert!(
        panel.query_selector("b").unwrap().is_none(),
        "nothing in the message became HTML"
    );
    let link = panel.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").unwrap(),
        gloo::utils::window().location().pathname().unwrap()
    );
    panel.remove();
}

/// The chart with the most marks in `data` (over all its panels): the long one the tests
/// scroll through.
fn longest(data: &Dataset) -> &'static str {
    charts(data, &Default::default())
        .into_iter()
        .max_by_key(|c| c.panels.iter().map(|p| p.marks.len()).sum::<usize>())
        .map_or("", |c| c.id.slug())
}

/// The panels of `chart` in `data`, in the order they are drawn.
fn panels(data: &Dataset, chart: &str) -> Vec<frontline_figures::select::PanelSpec> {
    charts(data, &Default::default())
        .into_iter()
        .find(|c| c.id.slug() == chart)
        .unwrap()
        .panels
}

/// The ids of the marks of `chart`, in the order they are drawn: panel by panel, row by row
/// (the order the arrow keys walk).
fn marks_of(data: &Dataset, chart: &str) -> Vec<String> {
    panels(data, chart)
        .iter()
        .flat_map(|p| p.marks.iter().map(|m| m.id.clone()))
        .collect()
}

/// The ids of `chart`'s marks that have a button, and of those it draws, each sorted.
fn buttons_and_bars(root: &Element, chart: &str) -> (Vec<String>, Vec<String>) {
    let ids = |selector: &str| {
        let found = root
            .query_selector_all(&format!("#chart-{chart} {selector}"))
            .unwrap();
        let mut ids: Vec<String> = (0..found.length())
            .map(|i| {
                let el = found.item(i).unwrap().dyn_into::<Element>().unwrap();
                el.get_attribute("data-mark").unwrap()
            })
            .collect();
        ids.sort();
        ids
    };
    (ids(".mark-button"), ids("g.mark"))
}

/// Where the row of mark `id` is, from the top of the window, in px, among `panels` (those of
/// `chart`): the top of its panel's drawing as laid out now, plus its row's span in the layout
/// (`row_span`; px at the default 16 px root).
fn row_in_window(
    root: &Element,
    panels: &[frontline_figures::select::PanelSpec],
    chart: &str,
    id: &str,
) -> (f64, f64) {
    let svgs = root
        .query_selector_all(&format!("#chart-{chart} svg.panel-svg"))
        .unwrap();
    let (at, (from, to)) = panels
        .iter()
        .enumerate()
        .find_map(|(i, p)| Some((i, row_span(p, LABEL_CHARS, id)?)))
        .unwrap();
    let svg = svgs.item(at as u32).unwrap().dyn_into::<Element>().unwrap();
    let top = svg.get_bounding_client_rect().top();
    (top + f64::from(from), top + f64::from(to))
}

/// The rows of the chart `chart` that are on screen, by the id of their mark (`ids`, in
/// drawing order).
fn rows_on_screen(root: &Element, data: &Dataset, chart: &str, ids: &[String]) -> Vec<String> {
    let panels = panels(data, chart);
    let viewport = gloo::utils::window()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap();
    ids.iter()
        .filter(|id| {
            let (from, to) = row_in_window(root, &panels, chart, id);
            to > 0.0 && from < viewport
        })
        .cloned()
        .collect()
}

fn drawn(root: &Element, chart: &str, id: &str) -> bool {
    count(root, &format!("#chart-{chart} g.mark[data-mark='{id}']")) == 1
}

#[wasm_bindgen_test]
async fn a_long_chart_draws_the_rows_on_screen_and_follows_the_scroll() {
    let data = DataRef(Box::leak(Box::new(synthetic::synthetic(1000))));
    let root = mount_with(AppProps { data }).await;
    let chart = longest(data.0);
    let marks = format!("#chart-{chart} g.mark");
    until(|| count(&root, &marks) > 0).await;
    let ids = marks_of(data.0, chart);
    let rows = ids.len() as u32;
    assert!(rows > 200, "a long chart: {rows} rows");
    assert_eq!(
        count(&root, &format!("#chart-{chart}.long")),
        1,
        "styled as long"
    );

    let window = gloo::utils::window();
    let svg = root
        .query_selector(&format!("#chart-{chart} svg.panel-svg"))
        .unwrap()
        .unwrap();
    // To the drawing's top by the window's own scroll: WebKit's scrollIntoView on an SVG
    // element left the page where an earlier test had scrolled it.
    let at = window.scroll_y().unwrap() + svg.get_bounding_client_rect().top();
    window.scroll_to_with_x_and_y(0.0, at);
    let first = rows_on_screen(&root, data.0, chart, &ids);
    // The first render draws every row (as the prerender does); the chart then measures.
    let near = || count(&root, &marks) < rows / 4;
    until(|| near() && first.iter().all(|id| drawn(&root, chart, id))).await;
    assert!(
        !first.is_empty() && first.iter().all(|id| drawn(&root, chart, id)),
        "the rows on screen are drawn: {first:?}"
    );
    let drawn_rows = count(&root, &marks);
    assert!(
        drawn_rows < rows / 4,
        "only the rows near the screen: {drawn_rows} of {rows}"
    );
    // With no focus and no selection, a button for each row drawn and for the chart's first
    // mark (its tab stop, and Home's) and last (End's), and no other.
    let with_ends = |mut bars: Vec<String>| {
        for end in [&ids[0], &ids[ids.len() - 1]] {
            if !bars.contains(end) {
                bars.push(end.clone());
            }
        }
        bars.sort();
        bars
    };
    let (buttons, bars) = buttons_and_bars(&root, chart);
    assert_eq!(buttons, with_ends(bars), "the rows drawn and the ends");

    // Half the chart further down: the rows there are drawn, the first ones no longer.
    let (half, _) = row_in_window(&root, &panels(data.0, chart), chart, &ids[ids.len() / 2]);
    window.scroll_by_with_x_and_y(0.0, half);
    let later = rows_on_screen(&root, data.0, chart, &ids);
    until(|| later.iter().all(|id| drawn(&root, chart, id))).await;
    assert!(
        !later.is_empty() && later.iter().all(|id| drawn(&root, chart, id)),
        "after scrolling: {later:?}"
    );
    assert!(
        !drawn(&root, chart, &first[0]),
        "{} is far above the screen now",
        first[0]
    );
    assert!(later.iter().all(|id| !first.contains(id)));
    // The rows drawn, and the ends: the first mark far above now, the last far below.
    until(|| {
        let (buttons, bars) = buttons_and_bars(&root, chart);
        buttons == with_ends(bars)
    })
    .await;
    let (buttons, bars) = buttons_and_bars(&root, chart);
    assert_eq!(
        buttons,
        with_ends(bars),
        "the buttons follow the rows drawn"
    );

    root.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The explorer over a thousand figures, its longest chart scrolled into view and drawing only
/// the rows near the screen: the data, the root, the chart, its marks' ids in drawing order and
/// the selector of its mark buttons.
async fn long_chart_in_view() -> (&'static Dataset, Element, &'static str, Vec<String>, String) {
    let data = DataRef(Box::leak(Box::new(synthetic::synthetic(1000))));
    let root = mount_with(AppProps { data }).await;
    let chart = longest(data.0);
    let ids = marks_of(data.0, chart);
    let buttons = format!("#chart-{chart} .mark-button");
    root.query_selector(&format!("#chart-{chart} svg.panel-svg"))
        .unwrap()
        .unwrap()
        .scroll_into_view();
    until(|| count(&root, &buttons) < ids.len() as u32 / 4).await;
    (data.0, root, chart, ids, buttons)
}

#[wasm_bindgen_test]
async fn a_long_charts_buttons_follow_the_keyboard_focus_wherever_the_rows_drawn_are() {
    let (_, root, chart, ids, buttons) = long_chart_in_view().await;
    let button = |id: &str| {
        root.query_selector(&format!("#chart-{chart} .mark-button[data-mark='{id}']"))
            .unwrap()
            .map(|b| b.dyn_into::<HtmlElement>().unwrap())
    };
    let few = count(&root, &buttons);
    assert!(few < ids.len() as u32 / 4, "{few} buttons of {}", ids.len());

    // Focus the first button there is, then walk the marks one by one, as the arrow keys do:
    // the next mark's button is always there by the time the reader presses the key, though
    // each focus scrolls the page to its row, and the rows drawn follow.
    let document = gloo::utils::document();
    let start = ids.iter().position(|id| button(id).is_some()).unwrap();
    for (step, id) in ids[start..start + 60].iter().enumerate() {
        until(|| button(id).is_some()).await;
        let Some(next) = button(id) else {
            panic!("step {step}: no button for {id}, the mark after the focused one");
        };
        next.focus().unwrap();
        until(|| count(&root, &buttons) > 0).await;
        gloo::timers::future::TimeoutFuture::new(0).await;
        let active = document
            .active_element()
            .and_then(|a| a.get_attribute("data-mark"));
        assert_eq!(
            active.as_deref(),
            Some(id.as_str()),
            "step {step}: the focus stays"
        );
    }
    // Still a few buttons, not one per mark.
    let walked = count(&root, &buttons);
    assert!(
        walked < ids.len() as u32 / 4,
        "{walked} buttons of {}",
        ids.len()
    );
    root.remove();
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// A key pressed on the element with the focus, as the keyboard sends it (it bubbles to the
/// chart's toolbar).
fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let focused = gloo::utils::document().active_element().unwrap();
    focused.dispatch_event(&event).unwrap();
}

/// A long chart draws only the rows near the screen, and has buttons for only some marks; its
/// one tab stop still reaches every mark with the arrow keys, Home and End, each row scrolled
/// into view and drawn.
#[wasm_bindgen_test]
async fn the_arrow_keys_reach_every_mark_of_a_long_chart() {
    let (data, root, chart, ids, buttons) = long_chart_in_view().await;
    let stop = root
        .query_selector(&format!("{buttons}[tabindex='0']"))
        .unwrap()
        .expect("the chart's one tab stop");
    assert_eq!(
        count(&root, &format!("{buttons}[tabindex='0']")),
        1,
        "one tab stop"
    );
    stop.dyn_into::<HtmlElement>().unwrap().focus().unwrap();
    let active = || {
        gloo::utils::document()
            .active_element()
            .and_then(|a| a.get_attribute("data-mark"))
            .unwrap_or_default()
    };
    assert_eq!(active(), ids[0]);
    let on_screen = |id: &String| {
        drawn(&root, chart, id) && rows_on_screen(&root, data, chart, &ids).contains(id)
    };
    for (key, to) in [
        ("End", ids.len() - 1),
        ("ArrowUp", ids.len() - 2),
        ("Home", 0),
        ("ArrowDown", 1),
        ("ArrowRight", 2),
        ("End", ids.len() - 1),
        ("ArrowDown", ids.len() - 1),
    ] {
        press(key);
        let target = &ids[to];
        until(|| active() == *target && on_screen(target)).await;
        assert_eq!(active(), *target, "{key}: the focus");
        assert!(
            on_screen(target),
            "{key}: {target}'s row is drawn and on screen"
        );
    }
    // Still a few buttons, not one per mark.
    assert!(count(&root, &buttons) < ids.len() as u32 / 4);
    root.remove();
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

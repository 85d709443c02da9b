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
use frontline_figures::chart::layout::ROW_H;
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
                .flat_map(move |p| p.marks.iter().map(move |m| (c.id, &m.id)))
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

/// The chart with the most marks in `data`: the long one the test scrolls through.
fn longest(data: &Dataset) -> &'static str {
    charts(data, &Default::default())
        .into_iter()
        .max_by_key(|c| c.panels.first().map_or(0, |p| p.marks.len()))
        .map_or("", |c| c.id)
}

/// The rows of the chart `chart` that are on screen, by the id of their mark: row `i` of its
/// first panel starts `i * ROW_H` px below its top, in the order of the chart's buttons.
fn rows_on_screen(root: &Element, chart: &str) -> Vec<String> {
    let svg = root
        .query_selector(&format!("#chart-{chart} svg.panel-svg"))
        .unwrap()
        .unwrap();
    let top = svg.get_bounding_client_rect().top();
    let viewport = gloo::utils::window()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap();
    let buttons = root
        .query_selector_all(&format!("#chart-{chart} .mark-button"))
        .unwrap();
    (0..buttons.length())
        .filter(|&i| {
            let y = top + f64::from(i as i32 * ROW_H);
            y + f64::from(ROW_H) > 0.0 && y < viewport
        })
        .map(|i| {
            let button = buttons.item(i).unwrap().dyn_into::<Element>().unwrap();
            button.get_attribute("data-mark").unwrap()
        })
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
    let rows = count(&root, &format!("#chart-{chart} .mark-button"));
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
    svg.scroll_into_view();
    let first = rows_on_screen(&root, chart);
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

    // Half the chart further down: the rows there are drawn, the first ones no longer.
    window.scroll_by_with_x_and_y(0.0, f64::from(rows as i32 * ROW_H / 2));
    let later = rows_on_screen(&root, chart);
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

    root.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

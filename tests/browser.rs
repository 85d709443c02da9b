//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): the app mounts,
//! draws every mark, and a filter click changes the marks and the URL.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/synthetic.rs"]
mod synthetic;

use frontline_figures::chart::layout::ROW_H;
use frontline_figures::components::{DataRef, ExplorerProps, explorer};
use frontline_figures::dataset::Dataset;
use frontline_figures::view_state::ViewState;

#[path = "support/page.rs"]
mod page;
use page::{count, failure_panel, mount, search, until};

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
    assert_eq!(count(&root, "g.mark[data-mark^='ua-']"), 2);
    assert_eq!(
        count(&root, ".chart.long"),
        0,
        "the article's charts are short"
    );

    click(&root, "button[data-filter='actor:ukraine']");
    // The URL is written by the root's effect, which can run before the views re-render:
    // wait for what the test checks, the marks.
    until(|| {
        search() == "?actors=russia,north-korea" && count(&root, "g.mark[data-mark^='ua-']") == 0
    })
    .await;
    assert_eq!(
        count(&root, "g.mark[data-mark^='ua-']"),
        0,
        "Ukraine's marks are gone"
    );
    assert_eq!(
        count(
            &root,
            "button[data-filter='actor:ukraine'][aria-pressed='false']"
        ),
        1
    );
    assert_eq!(search(), "?actors=russia,north-korea");

    click(&root, "button.reset");
    until(|| search().is_empty() && count(&root, "g.mark") == all).await;
    assert_eq!(count(&root, "g.mark"), all);
    assert_eq!(search(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_mark_button_shows_the_quote_and_selects_the_mark() {
    let root = mount().await;
    click(&root, "button.mark-button[data-mark='nk-planned']");
    until(|| {
        search() == "?mark=nk-planned"
            && root
                .query_selector("#details-strength")
                .ok()
                .flatten()
                .and_then(|d| d.text_content())
                .is_some_and(|t| t.contains("into battle"))
    })
    .await;
    let details = root
        .query_selector("#details-strength")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        details.contains("Bloomberg, citing intelligence data"),
        "{details}"
    );
    assert!(
        details.contains("may send up to 100,000 soldiers into battle"),
        "{details}"
    );
    assert_eq!(
        gloo::utils::window().location().search().unwrap(),
        "?mark=nk-planned"
    );
    click(&root, "button.mark-button[data-mark='nk-planned']");
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

#[derive(yew::Properties, PartialEq)]
struct ExplorerOfProps {
    data: DataRef,
}

/// The explorer's default view of other data than the bundled figures.
#[yew::component]
fn ExplorerOf(props: &ExplorerOfProps) -> yew::Html {
    explorer(&ExplorerProps {
        data: props.data,
        state: ViewState::default(),
        ignored: Vec::new(),
        dispatch: yew::Callback::noop(),
        ondismiss: yew::Callback::noop(),
        ready: true,
        selected_in: Default::default(),
    })
}

/// The rows of the first chart that are on screen, by the id of their mark: row `i` of the
/// panel starts `i * ROW_H` px below its top, in the order of the chart's buttons.
fn rows_on_screen(root: &Element) -> Vec<String> {
    let svg = root
        .query_selector("#chart-strength svg.panel-svg")
        .unwrap()
        .unwrap();
    let top = svg.get_bounding_client_rect().top();
    let viewport = gloo::utils::window()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap();
    let buttons = root
        .query_selector_all("#chart-strength .mark-button")
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

fn drawn(root: &Element, id: &str) -> bool {
    count(root, &format!("#chart-strength g.mark[data-mark='{id}']")) == 1
}

#[wasm_bindgen_test]
async fn a_long_chart_draws_the_rows_on_screen_and_follows_the_scroll() {
    let data = DataRef(Box::leak(Box::new(synthetic::synthetic(1000))));
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app =
        yew::Renderer::<ExplorerOf>::with_root_and_props(root.clone(), ExplorerOfProps { data })
            .render();
    until(|| count(&root, "#chart-strength g.mark") > 0).await;
    let rows = count(&root, "#chart-strength .mark-button");
    assert!(rows > 300, "a long chart: {rows} rows");
    assert_eq!(count(&root, "#chart-strength.long"), 1, "styled as long");

    let window = gloo::utils::window();
    let svg = root
        .query_selector("#chart-strength svg.panel-svg")
        .unwrap()
        .unwrap();
    svg.scroll_into_view();
    let first = rows_on_screen(&root);
    // The first render draws every row (as the prerender does); the chart then measures.
    let near = || count(&root, "#chart-strength g.mark") < rows / 4;
    until(|| near() && first.iter().all(|id| drawn(&root, id))).await;
    assert!(
        !first.is_empty() && first.iter().all(|id| drawn(&root, id)),
        "the rows on screen are drawn: {first:?}"
    );
    let drawn_rows = count(&root, "#chart-strength g.mark");
    assert!(
        drawn_rows < rows / 4,
        "only the rows near the screen: {drawn_rows} of {rows}"
    );

    // Twenty thousand px further down: the rows there are drawn, the first ones no longer.
    window.scroll_by_with_x_and_y(0.0, 20_000.0);
    let later = rows_on_screen(&root);
    until(|| later.iter().all(|id| drawn(&root, id))).await;
    assert!(
        !later.is_empty() && later.iter().all(|id| drawn(&root, id)),
        "after scrolling: {later:?}"
    );
    assert!(
        !drawn(&root, &first[0]),
        "{} is far above the screen now",
        first[0]
    );
    assert!(later.iter().all(|id| !first.contains(id)));

    app.destroy();
    root.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

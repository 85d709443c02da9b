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

/// The chart with the most marks in `data`: the long one the test scrolls through.
fn longest(data: &Dataset) -> &'static str {
    charts(data, &Default::default())
        .into_iter()
        .max_by_key(|c| c.panels.first().map_or(0, |p| p.marks.len()))
        .map_or("", |c| c.id.slug())
}

/// The ids of the marks in the first panel of `chart`, in the order of its rows.
fn marks_of(data: &Dataset, chart: &str) -> Vec<String> {
    let spec = charts(data, &Default::default())
        .into_iter()
        .find(|c| c.id.slug() == chart)
        .unwrap();
    spec.panels[0].marks.iter().map(|m| m.id.clone()).collect()
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

/// The rows of the chart `chart` that are on screen, by the id of their mark (`ids`, in row
/// order): row `i` of its first panel starts `i * ROW_H` px below its top.
fn rows_on_screen(root: &Element, chart: &str, ids: &[String]) -> Vec<String> {
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
    ids.iter()
        .enumerate()
        .filter(|&(i, _)| {
            let y = top + f64::from(i as i32 * ROW_H);
            y + f64::from(ROW_H) > 0.0 && y < viewport
        })
        .map(|(_, id)| id.clone())
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
    svg.scroll_into_view();
    let first = rows_on_screen(&root, chart, &ids);
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
    // With no focus and no selection, a button for each row drawn, and no other.
    let (buttons, bars) = buttons_and_bars(&root, chart);
    assert_eq!(buttons, bars, "the buttons are the rows drawn");

    // Half the chart further down: the rows there are drawn, the first ones no longer.
    window.scroll_by_with_x_and_y(0.0, f64::from(rows as i32 * ROW_H / 2));
    let later = rows_on_screen(&root, chart, &ids);
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
    until(|| {
        let (buttons, bars) = buttons_and_bars(&root, chart);
        buttons == bars
    })
    .await;
    let (buttons, bars) = buttons_and_bars(&root, chart);
    assert_eq!(buttons, bars, "the buttons follow the rows drawn");

    root.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn a_long_charts_buttons_follow_the_keyboard_focus_wherever_the_rows_drawn_are() {
    let data = DataRef(Box::leak(Box::new(synthetic::synthetic(1000))));
    let root = mount_with(AppProps { data }).await;
    let chart = longest(data.0);
    let ids = marks_of(data.0, chart);
    let buttons = format!("#chart-{chart} .mark-button");
    let button = |id: &str| {
        root.query_selector(&format!("#chart-{chart} .mark-button[data-mark='{id}']"))
            .unwrap()
            .map(|b| b.dyn_into::<HtmlElement>().unwrap())
    };
    root.query_selector(&format!("#chart-{chart} svg.panel-svg"))
        .unwrap()
        .unwrap()
        .scroll_into_view();
    until(|| count(&root, &buttons) < ids.len() as u32 / 4).await;
    let few = count(&root, &buttons);
    assert!(few < ids.len() as u32 / 4, "{few} buttons of {}", ids.len());

    // Focus the first button there is, then walk the marks one by one, as Tab does: the next
    // mark's button is always there by the time the reader presses the key, though focusing
    // the group scrolls the page to it, after the chart's last row, and the rows drawn follow.
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

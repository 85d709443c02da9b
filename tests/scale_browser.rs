//! A benchmark, not a check (`#[ignore]`d; `make bench` runs it with `--include-ignored
//! --nocapture` and prints its lines in the table): in a real browser, how long the explorer
//! takes to redraw after a filter click with 10, 100 and 1,000 synthetic figures. Two times per
//! click: until Yew has updated the DOM, and until the browser has also recomputed style and
//! layout (forced by reading a size): all the main-thread work of the next frame but painting.
//! The site's stylesheet is loaded, and the first chart is scrolled into view, as a reader
//! looking at the charts would have it. A chart too long to draw whole draws the rows near the
//! screen, and measures where it is after each render: for it, the first time already includes
//! style and layout.
//!
//! V8 first runs a wasm function as its baseline compiler (Liftoff) made it, and only a
//! function called often enough is compiled again by its optimising compiler (TurboFan), in
//! the background: a fresh page's first clicks run slower code than its later ones. So each
//! size gets `WARM_UP` clicks first, and the first size's, which are the first clicks of a
//! freshly started page, are reported on a line of their own.
#![cfg(target_arch = "wasm32")]

#[path = "support/synthetic.rs"]
mod synthetic;

use frontline_figures::components::DataRef;
use frontline_figures::dataset::{Actor, Choice};
use frontline_figures::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    gloo::utils::window().performance().unwrap().now()
}

/// Clicks before the timed ones, at each size.
const WARM_UP: usize = 30;
/// The timed clicks, at each size.
const TIMED: usize = 120;

fn median_p95(mut xs: Vec<f64>) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    (xs[xs.len() / 2], xs[xs.len() * 95 / 100])
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: make bench runs it"]
async fn scale_redraw_after_a_filter_click() {
    let document = gloo::utils::document();
    let body: HtmlElement = document.body().unwrap();
    // The site's own stylesheet, so style and layout cost what they cost on the page.
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style.css")));
    document.head().unwrap().append_child(&style).unwrap();
    for (size, n) in [10, 100, 1000].into_iter().enumerate() {
        let data = DataRef(Box::leak(Box::new(synthetic::synthetic(n))));
        let root = document.create_element("div").unwrap();
        body.append_child(&root).unwrap();
        let app =
            yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { data }).render();
        yew::scheduler::flush().await;
        // The reader is looking at the charts: long ones draw the rows near the screen only.
        root.query_selector("svg.panel-svg")
            .unwrap()
            .expect("a chart")
            .scroll_into_view();
        gloo::timers::future::TimeoutFuture::new(50).await;
        yew::scheduler::flush().await;
        let marks = root.query_selector_all("g.mark").unwrap().length();
        let (mut dom, mut layout, mut warm_up) = (Vec::new(), Vec::new(), Vec::new());
        let filter = format!(
            "button[data-filter='actor:{}']",
            Actor::ALL[1 % Actor::ALL.len()].slug()
        );
        for click in 0..WARM_UP + TIMED {
            let button: HtmlElement = root
                .query_selector(&filter)
                .unwrap()
                .expect("the second actor's filter")
                .dyn_into()
                .unwrap();
            let before = button.get_attribute("aria-pressed");
            let start = now();
            button.click();
            yew::scheduler::flush().await;
            let rendered = now();
            let _ = body.offset_height(); // style and layout, now instead of in the next frame
            let laid_out = now();
            assert_ne!(
                button.get_attribute("aria-pressed"),
                before,
                "the click toggled the filter"
            );
            if click >= WARM_UP {
                dom.push(rendered - start);
                layout.push(laid_out - start);
            } else {
                warm_up.push(laid_out - start);
            }
            // Let the browser paint before the next click, as a reader's clicks would.
            gloo::timers::future::TimeoutFuture::new(20).await;
        }
        app.destroy();
        root.remove();
        // The first size's warm-up clicks are the first clicks this page's wasm has seen.
        if size == 0 {
            let (fm, fp) = median_p95(warm_up);
            console_log!("scale-browser-fresh {n} {marks} {WARM_UP} {fm:.2} {fp:.2}");
        }
        let ((dm, dp), (lm, lp)) = (median_p95(dom), median_p95(layout));
        // One line per size, read by e2e/bench.mjs: figures, marks, then median and p95 in ms.
        console_log!("scale-browser {n} {marks} {dm:.2} {dp:.2} {lm:.2} {lp:.2}");
    }
}

//! What the wasm-bindgen component tests share: mounting the app in the test page, waiting for
//! a render, and reading the page.
#![allow(dead_code)]

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The app over the bundled article, as the page starts it.
pub async fn mount() -> Element {
    mount_with(frontline_figures::AppProps::bundled()).await
}

/// The app over the dataset `props` give, in a fresh element of the test page: its controls
/// drawn. Mount it, not a hand-built root: the app's own URL state and effects come with it.
pub async fn mount_with(props: frontline_figures::AppProps) -> Element {
    // Every test starts from the default view, whatever an earlier one left in the URL.
    frontline_figures::browser::replace_query("");
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<frontline_figures::App>::with_root_and_props(root.clone(), props).render();
    // Ready, and its controls drawn: the filter panel is a component of its own, whose render
    // can come after the root's in a slow browser.
    let drawn =
        || count(&root, ".app[data-ready='true']") == 1 && count(&root, "button[data-filter]") > 0;
    let start = js_sys::Date::now();
    until(drawn).await;
    // Said here, in the console output a failing test prints, so that a failure further on (a
    // missing element) shows it began with a slow start. Not a failure of its own: a first
    // mount in WebKit under Xvfb, debug build on a loaded machine, can take over 10 s, and the
    // test's own waits after this give it more time.
    if !drawn() {
        wasm_bindgen_test::console_log!(
            "mount_with: the app was not ready with its controls drawn after {} ms",
            js_sys::Date::now() - start
        );
    }
    root
}

/// Wait (up to 10 s by the clock) until `done` holds: renders are scheduled, a loaded machine
/// is slow, and a browser may throttle the timers of a window it thinks is hidden (WebKit under
/// Xvfb). The assertions after it say what was expected if it never does.
pub async fn until(done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() && js_sys::Date::now() - start < 10_000.0 {
        TimeoutFuture::new(10).await;
    }
}

pub fn search() -> String {
    gloo::utils::window().location().search().unwrap()
}

pub fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// The failure panel whose message contains `text` (tests may share the page).
pub fn failure_panel(text: &str) -> Option<Element> {
    let panels = gloo::utils::document()
        .query_selector_all(".failure-panel[role='alert']")
        .unwrap();
    (0..panels.length())
        .filter_map(|i| panels.item(i)?.dyn_into::<Element>().ok())
        .find(|p| p.text_content().unwrap_or_default().contains(text))
}

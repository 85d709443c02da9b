//! The browser entry point: replace the prerendered view in `#app` with a fresh render, in one
//! task and with the reader's scroll, focus and open descriptions carried over, with a panic
//! hook that shows a plain "Something went wrong" panel instead of a frozen page.

fn main() {
    // Where panics abort at once (the site's release build, Makefile) no hook runs: the trap
    // reaches index.html's first script, which shows the panel. Left out there: 0.3 KiB.
    #[cfg(not(panic = "immediate-abort"))]
    frontline_figures::browser::install_panic_hook();
    // The render in a task of its own, not the one that compiled and instantiated the wasm:
    // two shorter tasks instead of one long one, which is what blocking time counts.
    frontline_figures::browser::after_this_task(start);
}

fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        frontline_figures::browser::show_failure("the page has no #app element to start in");
        return;
    };
    let renderer = yew::Renderer::<frontline_figures::App>::with_root_and_props(
        root.clone(),
        frontline_figures::AppProps::bundled(),
    );
    // A fresh render replaces the prerendered page in the same task (no frame shows it empty:
    // CLS 0), with the reader's scroll, focus and open descriptions carried over. It beat
    // hydrating the prerendered page on size and blocking time (BENCHMARKS.md).
    let place = frontline_figures::browser::place_in(&root);
    root.set_inner_html("");
    renderer.render();
    wasm_bindgen_futures::spawn_local(async move {
        frontline_figures::browser::restore(&root, place);
    });
}

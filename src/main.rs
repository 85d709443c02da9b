//! The browser entry point: hydrate the prerendered view in `#app` (or render into it when the
//! page was not prerendered), with a panic hook that shows a plain "Something went wrong" panel
//! instead of a frozen page.

fn main() {
    frontline_figures::browser::install_panic_hook();
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        frontline_figures::browser::show_failure("the page has no #app element to start in");
        return;
    };
    let renderer = yew::Renderer::<frontline_figures::App>::with_root_and_props(
        root.clone(),
        frontline_figures::AppProps::bundled(),
    );
    if root.child_element_count() > 0 {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

//! The browser entry point: hydrate the prerendered view in `#app` (or render into it when the
//! page was not prerendered, e.g. a plain `trunk build` without the hook).

fn main() {
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        gloo::console::error!("Frontline Figures: the page has no #app element to start in.");
        return;
    };
    let renderer = yew::Renderer::<frontline_figures::App>::with_root(root.clone());
    if root.child_element_count() > 0 {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

//! The browser entry point: start the app on the page's `#app` element.

fn main() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            yew::Renderer::<frontline_figures::App>::with_root(root).render();
        }
        None => gloo::console::error!("Frontline Figures: the page has no #app element to start in."),
    }
}

//! A real panic in the running app shows the failure panel. In a test binary of its own, so in a
//! page of its own: a panic ends the usefulness of its wasm instance, and the runner does not
//! promise the order of the tests in one binary (Firefox once ran it first, and the next test
//! found no app).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/page.rs"]
mod page;
use page::{failure_panel, mount, until};

/// A real panic inside the running
/// app shows the panel. The app is started with the hook installed, then a panic is raised in
/// a timer callback, as one raised by an event handler would be.
#[wasm_bindgen_test]
async fn a_real_panic_shows_the_panel() {
    frontline_figures::browser::install_panic_hook();
    let root = mount().await;
    let forced = std::hint::black_box(true);
    let panic_later = wasm_bindgen::closure::Closure::once_into_js(move || {
        // Returns () to JS, so the closure has a type wasm-bindgen can call.
        if forced {
            panic!("forced by the test");
        }
    });
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(panic_later.unchecked_ref(), 0)
        .unwrap();
    until(|| failure_panel("forced by the test").is_some()).await;
    let panel = failure_panel("forced by the test").expect("the panel is shown");
    let text = panel.text_content().unwrap();
    assert!(text.starts_with("Something went wrong"), "{text}");
    panel.remove();
    root.remove();
}

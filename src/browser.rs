//! The edge where the app touches the browser: reading and writing the URL and listening for
//! back/forward. Nothing else in the crate calls web-sys for these.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

/// The current query string with its `?`, or "".
pub fn query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// The page's own path plus `query`: relative, so the site works from any folder.
fn url_with(query: &str) -> String {
    let path = gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    format!("{path}{query}")
}

pub fn push_query(query: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        // A failure here (e.g. a sandbox without history) leaves the URL as it was; the view still works.
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url_with(query)));
    }
}

pub fn replace_query(query: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url_with(query)));
    }
}

/// Calls `f` on back/forward until the returned listener is dropped.
pub fn on_popstate(f: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| f())
}

/// Move keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether a `focusout` moves focus out of `container` (not just to another element inside it).
pub fn focus_leaves(e: &web_sys::FocusEvent, container: &yew::NodeRef) -> bool {
    use wasm_bindgen::JsCast;
    let next = e
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (container.get(), next) {
        (Some(container), Some(next)) => !container.contains(Some(&next)),
        _ => true,
    }
}

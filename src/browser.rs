//! The edge where the app touches the browser's APIs (web-sys): the URL and history, focus,
//! element sizes and scroll, the clipboard and the share sheet, file downloads, messages to the
//! parent page of an embed, and the failure panel after a panic. Components call these
//! functions instead of web-sys; only event objects are read where the events arrive.

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

/// The address, in the same history entry; the entry keeps its state (the arrival mark).
pub fn replace_query(query: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url_with(query)));
    }
}

/// The state that marks the history entry the reader arrived on.
const ARRIVAL: &str = "frontline-figures:arrival";

/// Mark the current history entry as the one the reader arrived on (see `on_arrival_entry`).
pub fn mark_arrival() {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state(&JsValue::from_str(ARRIVAL), "");
    }
}

/// Whether the reader is on the entry they arrived on: its first change gets an entry of its
/// own, so Back returns to the view the link shared (Back and Forward restore the mark).
pub fn on_arrival_entry() -> bool {
    gloo::utils::window()
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .as_deref()
        == Some(ARRIVAL)
}

/// Calls `f` on back/forward until the returned listener is dropped.
pub fn on_popstate(f: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| f())
}

/// Calls `f` on every scroll and resize of the window until the returned listeners are dropped
/// (passive listeners: they never hold up scrolling).
pub fn on_scroll_or_resize(f: impl Fn() + Clone + 'static) -> [EventListener; 2] {
    let window = gloo::utils::window();
    let g = f.clone();
    [
        EventListener::new(&window, "scroll", move |_| f()),
        EventListener::new(&window, "resize", move |_| g()),
    ]
}

/// For each chart panel drawing (`svg.panel-svg`) inside `container`, in page order, the band of
/// it to draw (`layout::band_on_screen`), in the drawing's units.
pub fn panel_bands(container: &yew::NodeRef) -> Option<Vec<(i32, i32)>> {
    let container = container.cast::<web_sys::Element>()?;
    let viewport = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let unit = unit_px();
    let bands = elements(&container, "svg.panel-svg")?
        .into_iter()
        .map(|svg| {
            let top = svg.get_bounding_client_rect().top();
            crate::chart::layout::band_on_screen(top / unit, viewport / unit)
        });
    Some(bands.collect())
}

/// The reader's root font size in whole px, read once (a reader who changes it reloads): what
/// the charts wrap their text at, and what their drawing's unit is. 16, as the prerender
/// assumes, outside a browser.
pub fn root_font_px() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    static PX: AtomicU32 = AtomicU32::new(0);
    if PX.load(Relaxed) == 0 {
        PX.store(read_root_font_px().unwrap_or(16), Relaxed);
    }
    PX.load(Relaxed)
}

#[cfg(target_arch = "wasm32")]
fn read_root_font_px() -> Option<u32> {
    let root = gloo::utils::document().document_element()?;
    let style = gloo::utils::window().get_computed_style(&root).ok()??;
    // "16px", "20.5px": the whole px, read digit by digit (a float parser cost the wasm 13 KiB,
    // and an integer one 0.1 KiB).
    let size = style.get_property_value("font-size").ok()?;
    let digits = size.bytes().take_while(u8::is_ascii_digit);
    let px = digits.fold(0u32, |px, d| {
        px.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    });
    (px > 0).then_some(px)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_root_font_px() -> Option<u32> {
    None
}

/// The px of one of the drawing's units, a sixteenth of the root font size: its heights are
/// written in `em` of its 1rem (`chart::scene::em`).
fn unit_px() -> f64 {
    f64::from(root_font_px()) / 16.0
}

/// Scroll the page as little as it takes to show the rows `top` to `bottom` (in the drawing's
/// units) of the `panel`th drawing inside `container`, drawn or not: a long chart draws the
/// rows near the screen, so the row the keyboard moves to is drawn once it is there. `button`,
/// the focused mark's, is placed over the rows: where a magnifier that follows the focus looks
/// (through the CSSOM: the policy forbids style attributes in markup, not this).
pub fn reveal_rows(
    container: &yew::NodeRef,
    panel: usize,
    (top, bottom): (i32, i32),
    button: Option<web_sys::EventTarget>,
) {
    use wasm_bindgen::JsCast;
    let Some(svg) = container
        .cast::<web_sys::Element>()
        .and_then(|c| elements(&c, "svg.panel-svg")?.into_iter().nth(panel))
    else {
        return;
    };
    let (at, unit) = (svg.get_bounding_client_rect().top(), unit_px());
    let button = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    // Its toolbar is a line across the chart's top, as wide. Whole pixels: formatting a float
    // would bring its code into the wasm.
    if let Some((button, toolbar)) = button.and_then(|b| Some((b.style(), b.parent_element()?))) {
        let row = at - toolbar.get_bounding_client_rect().top() + f64::from(top) * unit;
        let height = f64::from(bottom - top) * unit;
        button.set_css_text(&format!("top:{}px;height:{}px", row as i32, height as i32));
    }
    let window = gloo::utils::window();
    let viewport = window.inner_height().ok().and_then(|h| h.as_f64());
    let margin = 8.0;
    let (from, to) = (
        at + f64::from(top) * unit - margin,
        at + f64::from(bottom) * unit + margin,
    );
    let by = match viewport {
        _ if from < 0.0 => from,
        Some(height) if to > height => (to - height).min(from),
        _ => return,
    };
    window.scroll_by_with_x_and_y(0.0, by);
}

/// The keys of a composite widget of one tab stop (`crate::keys`): on an arrow, Home or End,
/// the focus moves among the elements matching `items` inside the widget (the toolbar or tab
/// list the key was pressed in: Yew's listeners sit at the app's root, so the event's current
/// target is not the widget), and the key goes no further. False for another key.
pub fn roving_key(
    e: &web_sys::KeyboardEvent,
    items: &str,
    arrows: crate::keys::Arrows,
    wrap: bool,
) -> bool {
    use wasm_bindgen::JsCast;
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let widget = target.and_then(|t| t.closest("[role=toolbar],[role=tablist]").ok()?);
    let Some((items, widget)) = widget.and_then(|w| Some((elements(&w, items)?, w))) else {
        return false;
    };
    let focused = gloo::utils::document().active_element();
    let at = items.iter().position(|i| Some(i) == focused.as_ref());
    let moved = at.and_then(|at| {
        Some((
            at,
            crate::keys::moved(&e.key(), at, items.len(), arrows, wrap)?,
        ))
    });
    let Some((at, to)) = moved else {
        return false;
    };
    e.prevent_default();
    // A toolbar's tab stop moves with the focus (a tab list's stays on its selected tab): Tab
    // out and Shift+Tab back returns to the chip the reader left.
    if widget.get_attribute("role").as_deref() == Some("toolbar") {
        let _ = items[at].set_attribute("tabindex", "-1");
        let _ = items[to].set_attribute("tabindex", "0");
    }
    // Without the browser's own scroll to the item: the widget is where the reader is, and a
    // chart's marks (out of sight) place themselves over their row and reveal it (WebKit's
    // scroll to the focused button came after it, and left the row off screen).
    focus_where_it_is(&items[to]);
    true
}

/// The elements inside `root` that match `selector`, in page order (None if the selector is
/// not one the browser understands).
fn elements(root: &web_sys::Element, selector: &str) -> Option<Vec<web_sys::Element>> {
    use wasm_bindgen::JsCast;
    let all = root.query_selector_all(selector).ok()?;
    let elements = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect();
    Some(elements)
}

/// Runs `f` in a task of its own, after the current one (and the rendering it leads to).
pub fn after_this_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let window = gloo::utils::window();
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// Move keyboard focus to the element with this id, if there is one, and bring it into view as
/// little as it takes; one taller than the screen (the view's panel, at a large font) by its
/// top. The browser's own scroll would centre that one, its top thousands of px above.
pub fn focus(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    focus_where_it_is(&el);
    let screen = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64());
    let tall = screen.is_some_and(|h| el.get_bounding_client_rect().height() > h);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if tall {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// If the keyboard focus is inside an element matching `selector` (which is about to go), move
/// it to the element with the id `to`.
pub fn focus_out_of(selector: &str, to: &str) {
    let active = gloo::utils::document().active_element();
    if active.is_some_and(|a| a.closest(selector).ok().flatten().is_some()) {
        focus(to);
    }
}

/// Move the keyboard focus to the element with this id once the render that the current input
/// causes is done (it may be what that render draws).
pub fn focus_after_render(id: String) {
    after_this_task(move || focus(&id));
}

/// Once the render that the current input causes is done, if it took the keyboard focus with
/// the element that had it (Back to another view), give it to the element of the first of
/// `ids` there is. A tab keeps the focus only while it is the selected one: otherwise the
/// focus goes to the tab that is (`tab`, its id).
pub fn refocus_after_render(ids: &'static [&'static str], tab: String) {
    after_this_task(move || {
        let document = gloo::utils::document();
        let active = document.active_element();
        if active
            .as_ref()
            .is_some_and(|a| a.get_attribute("aria-selected").as_deref() == Some("false"))
        {
            return focus(&tab);
        }
        if active.is_some_and(|a| a.tag_name() != "BODY") {
            return;
        }
        if let Some(id) = ids
            .iter()
            .find(|id| document.get_element_by_id(id).is_some())
        {
            focus(id);
        }
    });
}

/// Scroll the element with this id into view, as little as it takes.
pub fn scroll_into_view(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The id of the element with the keyboard focus, if it has one.
pub fn focused_id() -> Option<String> {
    gloo::utils::document()
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty())
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

/// The id of the chart mark (`data-mark`) an event happened on, if any: a mark in a chart or
/// its button under it.
pub fn mark_at(e: &web_sys::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("[data-mark]")
        .ok()??
        .get_attribute("data-mark")
}

/// The absolute URL of this page with `query`.
pub fn page_url(query: &str) -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    format!("{origin}{}", url_with(query))
}

/// The absolute address of a shared link to a view, from its `ViewState::share_path`: a query
/// is this page's, a chart's page is in the site's folder, this page's own.
pub fn share_url(path: &str) -> String {
    if path.is_empty() || path.starts_with('?') {
        return page_url(path);
    }
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let page = location.pathname().unwrap_or_default();
    let folder = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{folder}{path}")
}

/// Today in the reader's time zone, as "1 December 2026".
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    crate::export::day_month_year(now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Save `content` as a file named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_download(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn click_download(name: &str, href: &str) {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(href);
    a.set_download(name);
    a.click();
}

/// Draw `svg` (of `width` x `height` px) on a canvas at twice the size and save it as a PNG.
pub fn download_png(name: &str, svg: &str, width: i32, height: i32) {
    let name = name.to_string();
    draw_svg(svg, width, height, move |canvas| {
        if let Some(url) = canvas.and_then(|c| c.to_data_url_with_type("image/png").ok()) {
            click_download(&name, &url);
        }
    });
}

/// `then` gets a canvas with `svg` (of `width` x `height` px) drawn at twice its size, or
/// `None` where the browser would not draw it.
fn draw_svg(
    svg: &str,
    width: i32,
    height: i32,
    then: impl FnOnce(Option<web_sys::HtmlCanvasElement>) + 'static,
) {
    use wasm_bindgen::JsCast;
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        then(None);
        return;
    };
    let image = img.clone();
    EventListener::once(&img, "load", move |_| {
        let canvas = gloo::utils::document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let drawn = canvas.filter(|canvas| {
            canvas.set_width((width * 2) as u32);
            canvas.set_height((height * 2) as u32);
            let context = canvas.get_context("2d").ok().flatten();
            context
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
                .is_some_and(|context| {
                    let _ = context.scale(2.0, 2.0);
                    context
                        .draw_image_with_html_image_element(&image, 0.0, 0.0)
                        .is_ok()
                })
        });
        then(drawn);
    })
    .forget();
    let encoded: String = js_sys::encode_uri_component(svg).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// Copy `svg` as a 2x PNG image to the clipboard; `done(false)` where the browser cannot or
/// will not (no `ClipboardItem`, no permission), so the caller can point to the download. The
/// clipboard is written at once, in the click, with the image still being drawn (a promise),
/// as Safari requires.
pub fn copy_png(svg: &str, width: i32, height: i32, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let clipboard = window.navigator().clipboard();
    let get = |object: &JsValue, name: &str| js_sys::Reflect::get(object, &JsValue::from_str(name));
    let (Ok(item_class), Ok(write)) = (get(&window, "ClipboardItem"), get(&clipboard, "write"))
    else {
        done(false);
        return;
    };
    let (Some(item_class), Some(write)) = (
        item_class.dyn_ref::<js_sys::Function>(),
        write.dyn_ref::<js_sys::Function>(),
    ) else {
        done(false);
        return;
    };
    let svg = svg.to_string();
    let png = js_sys::Promise::new(&mut |resolve, reject| {
        draw_svg(&svg, width, height, move |canvas| {
            let Some(canvas) = canvas else {
                let _ = reject.call0(&JsValue::NULL);
                return;
            };
            let got = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
                let _ = if blob.is_null() {
                    reject.call0(&JsValue::NULL)
                } else {
                    resolve.call1(&JsValue::NULL, &blob)
                };
            });
            let _ = canvas.to_blob(got.unchecked_ref());
        });
    });
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("image/png"), &png);
    let written = js_sys::Reflect::construct(item_class, &js_sys::Array::of1(&data))
        .and_then(|item| write.call1(&clipboard, &js_sys::Array::of1(&item)))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(written) = written else {
        done(false);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}

/// Open `url` in a new tab, cut off from this page; false where this page may not open one
/// (an embed in a sandbox without `allow-popups`).
pub fn open_new_tab(url: &str) -> bool {
    match gloo::utils::window().open_with_url_and_target(url, "_blank") {
        Ok(Some(tab)) => {
            let _ = js_sys::Reflect::set(&tab, &JsValue::from_str("opener"), &JsValue::NULL);
            true
        }
        _ => false,
    }
}

/// Copy `text` to the clipboard; `done(true)` on success, `done(false)` where the browser
/// refuses (no permission, an insecure or sandboxed context), so the caller can fall back.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    // Older browsers have no clipboard object at all.
    if js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .map_or(true, |f| f.is_undefined())
    {
        done(false);
        return;
    }
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Select the text of the input or textarea with this id, for copying by hand.
pub fn select_text(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// Whether the browser offers the system share sheet.
pub fn can_share() -> bool {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false)
}

/// Open the system share sheet; cancelling it is not an error.
/// The tab's title.
pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

pub fn share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = gloo::utils::window().navigator().share_with_data(&data);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Calls `f` with the height an embedded frame (the iframe `frame`) reports in our own message,
/// until the returned listener is dropped. Only that frame's messages count.
pub fn on_frame_height(frame: yew::NodeRef, f: impl Fn(i32) + 'static) -> EventListener {
    use wasm_bindgen::JsCast;
    EventListener::new(&gloo::utils::window(), "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let Some(frame) = frame.cast::<web_sys::HtmlIFrameElement>() else {
            return;
        };
        let from_frame = match (e.source(), frame.content_window()) {
            (Some(source), Some(window)) => JsValue::from(source) == JsValue::from(window),
            _ => false,
        };
        let data = e.data();
        let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type")).ok();
        let height = js_sys::Reflect::get(&data, &JsValue::from_str("height"))
            .ok()
            .and_then(|h| h.as_f64());
        if from_frame
            && kind.and_then(|k| k.as_string()).as_deref() == Some(crate::export::HEIGHT_MESSAGE)
            && let Some(h) = height.filter(|h| h.is_finite() && *h > 0.0 && *h < 100_000.0)
        {
            f(h.ceil() as i32);
        }
    })
}

/// While alive, tells the parent window (when embedded) the height of the element with this
/// id after every size change, in every protocol of `resize`, and answers a Pym.js parent's
/// width messages with the height.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
    _pym: Option<EventListener>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn report_height(element_id: &str) -> Option<HeightReporter> {
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None; // not in a frame
    }
    let element = gloo::utils::document().get_element_by_id(element_id)?;
    let pym_child = crate::resize::pym_child(&query());
    // The address the frame was given, which index.html's first script keeps on the element: a
    // chart's page and the app's canonical address have changed it since.
    let src = element.get_attribute("data-src").unwrap_or_default();
    let send = {
        let (parent, pym_child) = (parent.clone(), pym_child.clone());
        Rc::new(move || {
            let height = element.get_bounding_client_rect().height().ceil() as i64;
            for message in crate::resize::height_messages(height, pym_child.as_deref(), &src) {
                let value = match message {
                    crate::resize::Message::Json(text) => js_sys::JSON::parse(&text).ok(),
                    crate::resize::Message::Text(text) => Some(JsValue::from_str(&text)),
                };
                if let Some(value) = value {
                    let _ = parent.post_message(&value, "*");
                }
            }
        })
    };
    let on_resize = send.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || on_resize());
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&gloo::utils::document().get_element_by_id(element_id)?);
    let pym = pym_child.map(|id| {
        EventListener::new(&gloo::utils::window(), "message", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let from_parent = e
                .source()
                .and_then(|s| s.dyn_into::<web_sys::Window>().ok())
                .is_some_and(|s| s == parent);
            if from_parent
                && e.data()
                    .as_string()
                    .is_some_and(|m| crate::resize::asks_for_height(&m, &id))
            {
                send();
            }
        })
    });
    Some(HeightReporter {
        observer,
        _callback: callback,
        _pym: pym,
    })
}

/// Route every panic to `show_failure` (Yew installs it when it starts rendering).
#[cfg(feature = "csr")]
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| show_failure(&info.to_string())));
}

/// Shows a visible "Something went wrong" panel at the top of the page, with `message` (as
/// text, never HTML) and a link to the default view, and logs `message` to the console. Built
/// with plain DOM calls: after a panic, the Yew app cannot be trusted to render it.
pub fn show_failure(message: &str) {
    gloo::console::error!(format!("Frontline Figures stopped: {message}"));
    let document = gloo::utils::document();
    let Some(body) = document.body() else { return };
    let make = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(panel), Some(title), Some(detail), Some(p), Some(link)) = (
        make("div", "failure-panel", ""),
        make("h2", "", "Something went wrong"),
        make("p", "failure-message", message),
        make("p", "", "The figures below may be out of date. "),
        make("a", "", "Open the default view"),
    ) else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = link.set_attribute("href", &url_with(""));
    let _ = p.append_child(&link);
    for child in [&title, &detail, &p] {
        let _ = panel.append_child(child);
    }
    let _ = body.insert_before(&panel, body.first_child().as_ref());
}

/// Where a reader is in the page before the app replaces it: the scroll position, the focused
/// element and the open disclosures (a chart's "Description") inside `root`, each by its path of
/// element indices (the app draws the same elements in the same places as the prerendered page,
/// so the path finds its twin).
pub struct Place {
    y: f64,
    focus: Option<Vec<u32>>,
    open: Vec<Vec<u32>>,
}

pub fn place_in(root: &web_sys::Element) -> Place {
    let focused = gloo::utils::document().active_element();
    let open = elements(root, "details[open]")
        .unwrap_or_default()
        .iter()
        .filter_map(|el| path_from(root, el))
        .collect();
    Place {
        y: gloo::utils::window().scroll_y().unwrap_or(0.0),
        focus: focused.and_then(|el| path_from(root, &el)),
        open,
    }
}

/// Put the reader back: the same scroll position, the same disclosures open, and the focus on
/// the element at the same path.
pub fn restore(root: &web_sys::Element, place: Place) {
    // Nothing to put back (the usual first load): no reading of the scroll position either,
    // which would lay the new page out inside the start-up task.
    if place.focus.is_none() && place.y == 0.0 && place.open.is_empty() {
        return;
    }
    for details in place
        .open
        .into_iter()
        .filter_map(|path| element_at(root, path))
    {
        let _ = details.set_attribute("open", "");
    }
    if let Some(el) = place.focus.and_then(|path| element_at(root, path)) {
        focus_where_it_is(&el);
    }
    let window = gloo::utils::window();
    if window.scroll_y().unwrap_or(0.0) != place.y {
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), place.y);
    }
}

/// `el`'s path of element indices from `root`, if `el` is inside `root`.
fn path_from(root: &web_sys::Element, el: &web_sys::Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut node = el.clone();
    while node != *root {
        let parent = node.parent_element()?;
        let siblings = parent.children();
        path.push((0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&node))?);
        node = parent;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` below `root` (as `path_from` found it).
fn element_at(root: &web_sys::Element, path: Vec<u32>) -> Option<web_sys::Element> {
    path.into_iter()
        .try_fold(root.clone(), |el, i| el.children().item(i))
}

/// Focus `el` without scrolling to it: the reader stays where they had scrolled.
fn focus_where_it_is(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

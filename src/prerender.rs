//! Finishing the page Trunk built: the server-rendered view goes into `#app`, and two of Trunk's
//! tags are adjusted. Pure string work, so it is tested natively; the `prerender` binary does
//! the file I/O.

/// The empty mount point in index.html that the rendered view goes into.
pub const MOUNT: &str = r#"<div id="app"></div>"#;

/// `page` with `view` inside its one empty `#app` element, and Trunk's tags adjusted:
/// - the wasm `<link rel="preload">` loses `integrity`, which Chromium ignores for fetch
///   preloads (with a console warning); the loader's own fetch never used it;
/// - the stylesheet gains `crossorigin="anonymous"` beside its `integrity`, without which the
///   CSS is blocked in a sandboxed iframe, whose origin is "null".
pub fn finish_page(page: &str, view: &str) -> Result<String, String> {
    let page = match page.match_indices(MOUNT).count() {
        1 => page.replacen(MOUNT, &format!(r#"<div id="app">{view}</div>"#), 1),
        0 => {
            return Err(format!(
                "index.html has no empty {MOUNT} to render into (already prerendered?)"
            ));
        }
        n => {
            return Err(format!(
                "index.html has {n} copies of {MOUNT}; expected one"
            ));
        }
    };
    let page = edit_tags(&page, r#"<link rel="preload""#, |tag| {
        remove_attr(tag, "integrity")
    });
    Ok(edit_tags(&page, r#"<link rel="stylesheet""#, |tag| {
        if tag.contains("crossorigin") {
            tag.to_string()
        } else {
            tag.replacen("<link ", r#"<link crossorigin="anonymous" "#, 1)
        }
    }))
}

/// Apply `edit` to every tag that starts with `start`.
fn edit_tags(page: &str, start: &str, edit: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find(start) {
        let Some(len) = rest[i..].find('>') else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(&edit(&rest[i..=i + len]));
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    out
}

fn remove_attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    match tag.find(&key) {
        Some(i) => match tag[i + key.len()..].find('"') {
            Some(end) => format!("{}{}", &tag[..i], &tag[i + key.len() + end + 1..]),
            None => tag.to_string(),
        },
        None => tag.to_string(),
    }
}

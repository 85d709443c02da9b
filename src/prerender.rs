//! Finishing the page Trunk built: the server-rendered view goes into `#app`, two of Trunk's
//! tags are adjusted, and a strict Content-Security-Policy goes in front of every script, with
//! the hash of each inline script. Pure string work, so it is tested natively; the `prerender`
//! binary does the file I/O.

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
    let page = edit_tags(&page, r#"<link rel="stylesheet""#, |tag| {
        if tag.contains("crossorigin") {
            tag.to_string()
        } else {
            tag.replacen("<link ", r#"<link crossorigin="anonymous" "#, 1)
        }
    });
    add_csp(&page)
}

/// The policy, for the `'sha256-…'` sources of the page's inline scripts and styles (the page
/// has no inline style, so styles come only from its own origin). `frame-ancestors` cannot be
/// set from a meta tag; hosts send it as a header (see README).
pub fn policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    let sources = |hashes: &[String]| hashes.iter().map(|h| format!(" {h}")).collect::<String>();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
        sources(script_hashes),
        sources(style_hashes)
    )
}

/// The `'sha256-…'` source of each inline `<script>` or `<style>` (`element`): each one
/// without a `src`.
pub fn inline_hashes(page: &str, element: &str) -> Vec<String> {
    use base64ct::{Base64, Encoding};
    use sha2::{Digest, Sha256};
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut hashes = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find(&open) {
        let Some(open_end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + open_end];
        let body_start = start + open_end + 1;
        let Some(len) = rest[body_start..].find(&close) else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&rest.as_bytes()[body_start..body_start + len]);
            hashes.push(format!("'sha256-{}'", Base64::encode_string(&digest)));
        }
        rest = &rest[body_start + len..];
    }
    hashes
}

/// Insert the policy as the first thing after `<meta charset>`, before any script or style.
fn add_csp(page: &str) -> Result<String, String> {
    const CHARSET: &str = r#"<meta charset="utf-8" />"#;
    if !page.contains(CHARSET) {
        return Err(format!(
            "index.html has no {CHARSET} to put the Content-Security-Policy after"
        ));
    }
    if page.contains("Content-Security-Policy") {
        return Err("index.html already has a Content-Security-Policy".into());
    }
    let meta = format!(
        r#"{CHARSET}
    <meta http-equiv="Content-Security-Policy" content="{}" />"#,
        policy(
            &inline_hashes(page, "script"),
            &inline_hashes(page, "style")
        )
    );
    Ok(page.replacen(CHARSET, &meta, 1))
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

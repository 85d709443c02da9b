//! The server-rendered default view (what the prerender writes into index.html) and the page
//! finishing step.
#![cfg(feature = "ssr")]

use frontline_figures::App;
use frontline_figures::dataset::Dataset;
use frontline_figures::format;
use frontline_figures::prerender::{MOUNT, finish_page};

fn render() -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<App>::new()
            .hydratable(true)
            .render(),
    )
}

#[test]
fn the_default_view_shows_every_figure_with_its_hedge_and_source() {
    let html = render();
    let data = Dataset::bundled();
    for f in &data.figures {
        // Every figure appears with its hedge in the written summaries or the vague card,
        // and its source is named.
        let stated = format::statement(f);
        assert!(html.contains(&stated), "{} missing: {stated}", f.id);
        assert!(html.contains(f.source.credit()), "{} source missing", f.id);
    }
    assert!(html.contains("up to 100,000 soldiers may be sent"));
    assert!(html.contains("hundreds of thousands of rounds of ammunition supplied"));
}

#[test]
fn the_default_view_has_accessible_svg_charts_and_no_inline_styles() {
    let html = render();
    assert_eq!(
        html.matches("<svg").count(),
        4,
        "strength, two North Korea panels, strike"
    );
    assert_eq!(html.matches(r#"role="img""#).count(), 4);
    assert!(html.contains(r#"aria-describedby="summary-strength""#));
    assert!(html.contains("<title"), "each SVG has a title");
    assert!(
        !html.contains(" style="),
        "a strict CSP forbids style attributes"
    );
    assert!(
        html.contains(r#"data-encoding="upper-bound""#)
            && html.contains(r#"data-encoding="approximate""#)
    );
    assert!(html.contains("<!--"), "Yew's hydration markers are kept");
    assert!(
        !html.contains("data-ready"),
        "the server render is never marked ready"
    );
}

#[test]
fn the_view_goes_into_the_mount_point_and_trunks_tags_are_adjusted() {
    let page = format!(
        r#"<head><meta charset="utf-8" /><link rel="stylesheet" href="./s.css" integrity="sha384-a"/><link rel="preload" href="./x.wasm" crossorigin="anonymous" integrity="sha384-b" as="fetch" type="application/wasm"></head><body>{MOUNT}</body>"#
    );
    let done = finish_page(&page, "<p>view</p>").unwrap();
    assert!(done.contains(r#"<div id="app"><p>view</p></div>"#));
    assert!(done.contains(
        r#"<link crossorigin="anonymous" rel="stylesheet" href="./s.css" integrity="sha384-a"/>"#
    ));
    assert!(done.contains(r#"<link rel="preload" href="./x.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#));
    assert!(
        finish_page(&done, "again")
            .unwrap_err()
            .contains("no empty"),
        "never prerenders twice"
    );
    assert!(
        finish_page(&format!("{MOUNT}{MOUNT}"), "x")
            .unwrap_err()
            .contains("2 copies")
    );
}

#[test]
fn the_minified_page_gets_the_same_treatment() {
    // Trunk's --minify writes bare attributes and drops quotes; base64 values hold '/' and '+'.
    let page = r#"<html><meta charset=utf-8><link href=./s.css integrity=sha384-a/b+c rel=stylesheet><link crossorigin href=./x.js integrity=sha384-k rel=modulepreload><link as=fetch crossorigin href=./x.wasm integrity=sha384-d/e+f rel=preload type=application/wasm><script type=module>go()</script><body><div id=app></div>"#;
    let done = finish_page(page, "<p>view</p>").unwrap();
    assert!(done.contains("<div id=app><p>view</p></div>"), "{done}");
    assert!(done.contains(
        r#"<link crossorigin="anonymous" href=./s.css integrity=sha384-a/b+c rel=stylesheet>"#
    ));
    assert!(
        done.contains("<link crossorigin href=./x.js integrity=sha384-k rel=modulepreload>"),
        "other links are left as they are"
    );
    assert!(
        done.contains(
            "<link as=fetch crossorigin href=./x.wasm rel=preload type=application/wasm>"
        )
    );
    let csp = done.find("Content-Security-Policy").unwrap();
    assert!(done.find("<meta charset=utf-8>").unwrap() < csp);
    assert!(csp < done.find("<script").unwrap());
    assert!(
        finish_page(&done, "again")
            .unwrap_err()
            .contains("no empty")
    );
    assert!(
        finish_page("<div id=app></div><div id=\"app\"></div>", "")
            .unwrap_err()
            .contains("2 copies")
    );
}

#[test]
fn the_policy_hashes_each_inline_script_and_goes_before_every_script() {
    use frontline_figures::prerender::{inline_hashes, policy};
    let page = r#"<head><script>alert(1)</script><script src="x.js"></script><script type="module">
go()
</script></head>"#;
    let hashes = inline_hashes(page, "script");
    // SHA-256 of "alert(1)", base64, as computed independently (Python's hashlib).
    assert_eq!(
        hashes[0],
        "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    );
    assert_eq!(
        hashes.len(),
        2,
        "scripts with src are covered by 'self', not hashed"
    );
    let p = policy(&hashes, &inline_hashes("<style>a{}</style>", "style"));
    assert!(p.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    assert!(p.contains("style-src 'self' 'sha256-"), "{p}");
    assert!(
        policy(&hashes, &[]).contains("style-src 'self';"),
        "no inline style, no hash"
    );
    assert!(!p.contains("unsafe-inline"));

    let built = finish_page(
        &format!(r#"<head><meta charset="utf-8" /><script type="module">go()</script></head><body>{MOUNT}</body>"#),
        "<p>v</p>",
    )
    .unwrap();
    let csp = built.find("Content-Security-Policy").unwrap();
    assert!(csp < built.find("<script").unwrap());
    assert!(
        finish_page("<body><div id=\"app\"></div></body>", "")
            .unwrap_err()
            .contains("meta charset")
    );
}

//! The server-rendered default view (what the prerender writes into index.html) and the page
//! finishing step.
#![cfg(feature = "ssr")]

use frontline_figures::App;
use frontline_figures::dataset::{Choice, Dataset};
use frontline_figures::format;
use frontline_figures::prerender::{MOUNT, finish_page};
use frontline_figures::select::MarkStyle;

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

#[path = "support/expected.rs"]
mod expected;

fn render() -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(frontline_figures::AppProps::bundled())
            .hydratable(false)
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
        assert!(
            html.contains(&f.source.attribution()),
            "{} source missing",
            f.id
        );
    }
    // And as pinned by hand, so a change to the wording code cannot pass unnoticed.
    pinned!();
    let pinned = expected::statements();
    assert_eq!(pinned.len(), data.figures.len());
    for (id, (statement, source)) in pinned {
        assert!(html.contains(&statement), "{id}: {statement}");
        assert!(html.contains(&source), "{id}: {source}");
    }
}

/// A reader without JavaScript (a text browser, a reader view) gets this page alone: it offers
/// no control that could not act there.
#[test]
fn the_prerendered_page_has_no_controls_that_need_the_app() {
    let html = render();
    for control in [
        "<button",
        "<input",
        "<textarea",
        "<select",
        r#"role="tab""#,
        r#"href="?"#,
        "Reset filters",
        "Copy link",
        "Download",
    ] {
        assert!(
            !html.contains(control),
            "{control} is in the prerendered page"
        );
    }
    // The only links go to the article's plain text.
    let links: Vec<&str> = html.split("<a ").skip(1).collect();
    assert!(!links.is_empty());
    for link in links {
        assert!(
            link.starts_with(r#"href="article.txt""#),
            "a link: <a {link}"
        );
    }
}

#[test]
fn the_default_view_has_accessible_svg_charts_and_no_inline_styles() {
    let html = render();
    // One drawing a panel, each an image (each mark's row a viewport of its own inside it);
    // one disclosure a chart.
    let specs = frontline_figures::select::charts(Dataset::bundled(), &Default::default());
    let panels = specs.iter().map(|c| c.panels.len()).sum::<usize>();
    let marks = specs.iter().map(|c| c.marks().count()).sum::<usize>();
    assert_eq!(html.matches("<svg").count(), panels + marks);
    assert_eq!(html.matches(r#"role="img""#).count(), panels);
    assert_eq!(
        html.matches(r#"<details class="description">"#).count(),
        specs.len()
    );
    assert!(
        !html.contains(" style="),
        "a strict CSP forbids style attributes"
    );
    // The summary is the drawing's description, read once: on screen it waits behind a closed
    // disclosure (a copy for paper is out of the screen's tree), and the figure is named by its
    // title.
    for spec in &specs {
        let id = spec.id.slug();
        assert!(
            html.contains(&format!(r#"aria-describedby="summary-{id}""#)),
            "{id}"
        );
        assert!(
            html.contains(&format!(r#"aria-labelledby="chart-title-{id}""#)),
            "{id}"
        );
    }
    assert!(!html.contains(r#"<details class="description" open"#));
    assert!(html.contains("<title"), "each SVG has a title");
    assert!(
        !html.contains(" style="),
        "a strict CSP forbids style attributes"
    );
    // Each look a mark can have is drawn with its own encoding.
    for m in specs.iter().flat_map(|c| &c.panels).flat_map(|p| &p.marks) {
        let encoding = match m.style {
            MarkStyle::Exact => "exact",
            MarkStyle::Approximate => "approximate",
            MarkStyle::LowerBound => "lower-bound",
            MarkStyle::UpperBound => "upper-bound",
            MarkStyle::Range => "range",
        };
        assert!(
            html.contains(&format!(r#"data-encoding="{encoding}""#)),
            "{}",
            m.id
        );
    }
    assert!(
        !html.contains("<!--"),
        "no hydration markers: the app replaces the page with a fresh render"
    );
    assert!(
        !html.contains("data-ready"),
        "the server render is never marked ready"
    );
    pinned!();
    assert_eq!(panels, 4, "strength, two North Korea panels, strike");
}

#[test]
fn the_first_script_gets_the_embeds_height_messages() {
    use frontline_figures::prerender::HEIGHT_MESSAGES;
    let page = format!(
        r#"<html><head><meta charset="utf-8" /><script>var sizes = {HEIGHT_MESSAGES};</script></head><body>{MOUNT}</body></html>"#
    );
    let done = finish_page(&page, "<p>view</p>").unwrap();
    let template = frontline_figures::resize::height_template();
    assert!(done.contains(&format!("var sizes = {template};")), "{done}");
    assert!(!done.contains(HEIGHT_MESSAGES));
}

#[test]
fn the_notes_say_whose_figures_the_page_shows() {
    use frontline_figures::prerender::{OF_FIGURES, with_figures_of};
    let page = format!(
        "<p>Every figure{OF_FIGURES}, shown.</p><script>var a = \"every figure{OF_FIGURES}.\";</script>"
    );
    assert_eq!(
        with_figures_of(&page, false),
        "<p>Every figure of the article, shown.</p><script>var a = \"every figure of the article.\";</script>"
    );
    let chart = with_figures_of(&page, true);
    assert_eq!(
        chart.matches("every figure of this chart").count()
            + chart.matches("Every figure of this chart").count(),
        2
    );
    assert!(!chart.contains(OF_FIGURES) && !chart.contains("article"));
}

#[test]
fn the_first_script_gets_the_apps_query_keys() {
    let page = format!(
        r#"<html><head><meta charset="utf-8" /><script>var ours = /^({})$/i;</script></head><body>{MOUNT}</body></html>"#,
        frontline_figures::prerender::PARAM_KEYS
    );
    let done = finish_page(&page, "<p>view</p>").unwrap();
    assert!(
        done.contains("/^(actors|measures|sources|certainty|view|sort|mark|chart|theme|embed)$/i"),
        "{done}"
    );
    assert!(!done.contains(frontline_figures::prerender::PARAM_KEYS));
    // Every key the URL codec reads is one the script knows: a link with every parameter (its
    // filters narrowed to one drawn figure, which is the mark) is all the app's own.
    use frontline_figures::dataset::Choice;
    let data = Dataset::bundled();
    let f = data.figures.iter().find(|f| f.value.is_some()).unwrap();
    let chart = frontline_figures::select::charts(data, &Default::default())
        .into_iter()
        .find(|c| c.draws(&f.id))
        .unwrap();
    let link = format!(
        "?actors={}&measures={}&sources={}&certainty={}&view=table&sort=actor&mark={}&chart={}&embed=1&theme=dark",
        f.actor.slug(),
        f.measure.group().slug(),
        f.source.slug(),
        f.certainty().slug(),
        f.id,
        chart.id.slug()
    );
    let state = frontline_figures::view_state::ViewState::from_query(&link, data);
    assert_eq!(state.state.to_query().len(), link.len(), "{link}");
    assert!(
        state.ignored.is_empty() && state.foreign.is_empty(),
        "{:?}",
        state.ignored
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

#[test]
fn a_site_address_must_be_absolute_and_plain() {
    use frontline_figures::prerender::SiteUrl;
    assert_eq!(
        SiteUrl::parse("https://example.org/frontline")
            .unwrap()
            .as_str(),
        "https://example.org/frontline/"
    );
    for bad in [
        "example.org/frontline/",
        "/frontline/",
        "ftp://example.org/",
        "https://",
        "https://example.org/?x=1",
        "https://example.org/#top",
        "https://example.org/\"><script>",
    ] {
        let err = SiteUrl::parse(bad).unwrap_err();
        assert!(err.contains("SITE_URL"), "{bad}: {err}");
    }
}

#[test]
fn with_a_site_address_the_page_gets_absolute_addresses_in_both_forms() {
    use frontline_figures::prerender::{SiteUrl, with_site_url};
    let site = SiteUrl::parse("https://example.org/frontline/").unwrap();
    for page in [
        r#"<html><head><meta property="og:image" content="preview.png" /><meta name="twitter:image" content="preview.png" /></head><body></body></html>"#,
        "<html><head><meta content=preview.png property=og:image><meta content=preview.png name=twitter:image></head><body></body></html>",
    ] {
        let done = with_site_url(page, &site, "", "A \"title\"").unwrap();
        assert!(
            done.contains(
                r#"<meta property="og:image" content="https://example.org/frontline/preview.png">"#
            ),
            "{done}"
        );
        assert!(
            done.contains(
                r#"<meta name="twitter:image" content="https://example.org/frontline/preview.png">"#
            ),
            "{done}"
        );
        assert!(done.contains(r#"<link rel="canonical" href="https://example.org/frontline/">"#));
        assert!(done.contains(r#"<link rel="alternate" type="application/json+oembed" href="https://example.org/frontline/oembed.json" title="A &quot;title&quot;">"#), "{done}");
        assert!(!done.contains("content=preview.png") && !done.contains("content=\"preview.png\""));
    }
    assert!(
        with_site_url("<html><head></head></html>", &site, "", "t").is_err(),
        "no image to make absolute"
    );
}

#[test]
fn oembed_json_has_every_field_the_spec_requires_for_rich() {
    use frontline_figures::prerender::{SiteUrl, oembed_json};
    let site = SiteUrl::parse("https://example.org/frontline/").unwrap();
    let json = |preview: bool| {
        serde_json::from_str::<serde_json::Value>(&oembed_json(
            &site,
            "?embed=1",
            "Frontline Figures: a <b> title",
            812,
            "An Explorer",
            preview.then_some("preview.png"),
        ))
        .unwrap()
    };
    let doc = json(true);
    // oEmbed 1.0, 2.3.4 and 2.3.4.4: version and type always; html, width and height for rich.
    assert_eq!(doc["version"], "1.0");
    assert_eq!(doc["type"], "rich");
    assert_eq!(doc["width"], 600);
    assert_eq!(doc["height"], 812);
    let html = doc["html"].as_str().unwrap();
    assert!(html.starts_with(r#"<iframe src="https://example.org/frontline/?embed=1" title="Frontline Figures: a &lt;b&gt; title" width="600" height="812""#), "{html}");
    assert_eq!(doc["provider_url"], "https://example.org/frontline/");
    assert_eq!(doc["provider_name"], "An Explorer");
    assert_eq!(
        doc["thumbnail_url"],
        "https://example.org/frontline/preview.png"
    );
    // Without a preview image, no thumbnail is named (it would not be there).
    let doc = json(false);
    for field in ["thumbnail_url", "thumbnail_width", "thumbnail_height"] {
        assert!(doc.get(field).is_none(), "{field}");
    }
    assert_eq!(doc["height"], 812);
}

/// The first view paints from the one response: the stylesheet goes inline, under its hash in
/// the policy (no 'unsafe-inline'), and a stylesheet that could end the element is refused.
#[test]
fn the_stylesheet_goes_inline_under_its_hash() {
    use frontline_figures::prerender::{inline_hashes, inline_stylesheet};
    let page = format!(
        r#"<html><head><meta charset="utf-8" /><link rel="stylesheet" href="./style-1.css" integrity="sha384-x"/></head><body>{MOUNT}</body></html>"#
    );
    let css = ".app{color:red}";
    let (inlined, href) = inline_stylesheet(&page, |href| {
        assert_eq!(href, "./style-1.css");
        Ok(css.to_string())
    })
    .unwrap();
    assert_eq!(
        href, "./style-1.css",
        "the file it inlined, for the site to drop"
    );
    let done = finish_page(&inlined, "<p>view</p>").unwrap();
    assert!(done.contains(&format!("<style>{css}</style>")), "{done}");
    assert!(!done.contains("rel=\"stylesheet\""), "{done}");
    let hash = &inline_hashes(&done, "style")[0];
    assert!(done.contains(&format!("style-src 'self' {hash}")), "{done}");
    assert!(!done.contains("unsafe-inline"));
    let bad = inline_stylesheet(&page, |_| Ok("a{}</style><script>x()</script>".into()));
    assert!(bad.unwrap_err().contains("would end an inline <style>"));
    let none = inline_stylesheet("<html><head></head></html>", |_| Ok(String::new()));
    assert!(none.unwrap_err().contains("found 0"));
}

#[test]
fn inline_scripts_lose_their_whole_line_comments_and_indentation_and_nothing_else() {
    use frontline_figures::prerender::strip_script_comments;
    let page = "<p>// not a script</p><script>\n  // a comment\n  var a = \"http://x\"; // kept: not a whole line\n\n    f(a, `x`)\n</script><script type=module>const w=`./a.wasm\n  // kept: inside a template literal\n`;\n  // a comment\n</script><script>f(`unpaired)\n  // kept: the backticks do not pair up\n</script><script src=x.js></script>";
    assert_eq!(
        strip_script_comments(page),
        "<p>// not a script</p><script>var a = \"http://x\"; // kept: not a whole line\nf(a, `x`)</script><script type=module>const w=`./a.wasm\n  // kept: inside a template literal\n`;</script><script>f(`unpaired)\n  // kept: the backticks do not pair up\n</script><script src=x.js></script>"
    );
}

#[test]
fn the_built_pages_first_script_still_runs_the_same_statements() {
    // index.html as written: stripping its first script keeps every line of code, in order.
    let source = std::fs::read_to_string("index.html").unwrap();
    let stripped = frontline_figures::prerender::strip_script_comments(&source);
    let code = |page: &str| -> Vec<String> {
        let start = page.find("<script>").unwrap() + "<script>".len();
        let end = start + page[start..].find("</script>").unwrap();
        page[start..end]
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .collect()
    };
    assert!(code(&source).len() > 20);
    assert_eq!(code(&stripped), code(&source));
    assert!(
        stripped.len() + 500 < source.len(),
        "{} -> {}",
        source.len(),
        stripped.len()
    );
}

/// An article with no events still gets a Timeline that says so, not an empty panel.
#[test]
fn a_timeline_with_no_events_says_so() {
    use frontline_figures::components::DataRef;
    use frontline_figures::views::timeline::{TimelineViewProps, timeline_view};
    #[yew::component]
    fn Timeline(props: &Events) -> yew::Html {
        timeline_view(&TimelineViewProps {
            data: props.data,
            filters: Default::default(),
        })
    }
    #[derive(PartialEq, yew::Properties)]
    struct Events {
        data: DataRef,
    }
    let mut data = Dataset::bundled().clone();
    data.events.clear();
    let data = DataRef(Box::leak(Box::new(data)));
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<Timeline>::with_props(Events { data })
            .hydratable(false)
            .render(),
    );
    assert!(html.contains("names no events"), "{html}");
}

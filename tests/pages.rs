//! The pages the build writes besides the front page, one per chart, and every page's
//! link-preview image, drawn from its chart.
#![cfg(feature = "ssr")]

use frontline_figures::dataset::{ChartId, Choice, Dataset};
use frontline_figures::prerender::chart_page::{
    address_script, relocate, up_from, with_relative_canonical, with_script_at_end,
};
use frontline_figures::prerender::preview::{Fonts, HEIGHT, WIDTH, image_alt, png, preview_svg};
use frontline_figures::prerender::{
    MOUNT, finish_page, inline_hashes, render_view, with_fresh_csp,
};
use frontline_figures::select::{ChartSpec, MarkStyle, charts_shown};
use frontline_figures::view_state::{ViewState, chart_page};

fn data() -> &'static Dataset {
    Dataset::bundled()
}

fn charts() -> Vec<ChartSpec> {
    charts_shown(data(), &Default::default(), None)
}

/// The text of each `<text>` element of an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.to_string()))
        .collect()
}

#[test]
fn each_preview_is_the_canvas_size_and_draws_its_chart() {
    let fonts = Fonts::load().unwrap();
    for spec in charts() {
        let bytes = png(&preview_svg(data(), &spec), &fonts).unwrap();
        let image = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap();
        assert_eq!(
            (image.width(), image.height()),
            (WIDTH as u32, HEIGHT as u32)
        );
        // The bars' blue and the title's near-black are drawn: the chart and its text are there.
        let count = |rgb: (u8, u8, u8)| {
            image
                .pixels()
                .iter()
                .filter(|p| (p.red(), p.green(), p.blue()) == rgb)
                .count()
        };
        assert!(count((0x0b, 0x57, 0xa4)) > 1000, "{}: no bars", spec.title);
        assert!(count((0x1b, 0x1d, 0x21)) > 200, "{}: no title", spec.title);
    }
}

#[test]
fn a_preview_holds_the_title_the_legend_every_mark_and_the_credit_inside_the_canvas() {
    for spec in charts() {
        let svg = preview_svg(data(), &spec);
        let shown = texts(&svg).join(" ");
        let title = frontline_figures::export::xml(spec.title);
        assert!(shown.contains(&title), "{shown}");
        // The legend, of the kinds this chart draws: "Hatched, open-ended" only for a bound.
        let bound = spec
            .panels
            .iter()
            .flat_map(|p| &p.marks)
            .any(|m| m.style == frontline_figures::select::MarkStyle::UpperBound);
        assert!(
            ["Solid", "Hatched", "Dashed", "From one end"]
                .iter()
                .any(|k| shown.contains(k)),
            "a legend: {shown}"
        );
        assert_eq!(
            shown.contains("Hatched, open-ended:"),
            bound,
            "the legend: {shown}"
        );
        for mark in spec.panels.iter().flat_map(|p| &p.marks) {
            assert!(
                shown.contains(&frontline_figures::export::xml(&mark.label)),
                "{}",
                mark.label
            );
        }
        assert!(
            shown.contains(&data().article.dateline),
            "the credit's date: {shown}"
        );
        assert!(shown.contains(frontline_figures::dataset::vocabulary().page.name));
        // The chart scaled into the canvas: it starts inside it and ends inside it.
        let transform = svg.split("transform=\"translate(").nth(1).unwrap();
        let numbers: Vec<f64> = transform
            .split(['"', ')', '(', ' '])
            .filter_map(|n| n.parse().ok())
            .take(3)
            .collect();
        let [x, y, scale] = numbers[..] else {
            panic!("{transform}")
        };
        let inner = svg.split("<svg ").nth(2).unwrap();
        let size = |attr: &str| -> f64 {
            inner
                .split(&format!(" {attr}=\""))
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        assert!(x >= 0.0 && y >= 0.0, "{}: starts at {x}, {y}", spec.title);
        assert!(
            x + size("width") * scale <= f64::from(WIDTH) + 0.5,
            "{}",
            spec.title
        );
        assert!(
            y + size("height") * scale <= f64::from(HEIGHT) + 0.5,
            "{}",
            spec.title
        );
    }
}

#[test]
fn the_image_alt_says_what_the_preview_draws() {
    for spec in charts() {
        let marks = spec.panels.iter().map(|p| p.marks.len()).sum::<usize>();
        let alt = image_alt(data(), &spec);
        assert!(alt.contains(spec.title), "{alt}");
        assert!(alt.contains(&format!(" {marks} figure")), "{alt}");
        assert!(alt.contains(&data().article.dateline), "{alt}");
        // How each drawing that is not a plain bar looks, where the image has one, and only
        // there: a reader of the alt is not told of hatching that is not in the image.
        for (style, words) in [
            (MarkStyle::UpperBound, "upper bounds hatched"),
            (MarkStyle::LowerBound, "lower bounds running on to an arrow"),
            (
                MarkStyle::Range,
                "ranges from their low number to their high one",
            ),
        ] {
            let drawn = spec.marks().any(|m| m.style == style);
            assert_eq!(alt.contains(words), drawn, "{words}: {alt}");
        }
    }
}

#[test]
fn a_missing_font_is_named_with_the_package_that_has_it() {
    let Err(e) = Fonts::from_files(&["/nonexistent/DejaVuSans.ttf"]) else {
        panic!("a font that is not there loaded");
    };
    assert!(
        e.contains("/nonexistent/DejaVuSans.ttf") && e.contains("fonts-dejavu-core"),
        "{e}"
    );
}

#[test]
fn each_chart_has_a_page_of_its_own_folder() {
    for c in ChartId::ALL {
        assert_eq!(chart_page(*c), format!("chart/{}/", c.slug()));
        assert_eq!(up_from(&chart_page(*c)), "../../");
    }
    assert_eq!(up_from(""), "");
}

#[test]
fn a_shared_view_of_one_chart_alone_is_its_page() {
    for c in ChartId::ALL.iter().copied() {
        let alone = ViewState {
            chart: Some(c),
            ..Default::default()
        };
        assert_eq!(alone.share_path(), chart_page(c));
        let mark = charts().into_iter().find(|s| s.id == c).unwrap().panels[0].marks[0]
            .id
            .clone();
        let selected = ViewState {
            mark: Some(mark.clone()),
            ..alone.clone()
        };
        assert_eq!(
            selected.share_path(),
            format!("{}?mark={mark}", chart_page(c))
        );
        let embedded = ViewState {
            embed: true,
            theme: frontline_figures::view_state::Theme::Light,
            ..alone.clone()
        };
        assert_eq!(
            embedded.share_path(),
            format!("{}?theme=light&embed=1", chart_page(c))
        );
        // Filtered, the page's preview would show what the link does not: the query it is.
        let filtered = ViewState {
            filters: alone
                .filters
                .toggled(frontline_figures::filters::Dimension::ALL[0].values()[0].0),
            ..alone.clone()
        };
        assert_eq!(filtered.share_path(), filtered.to_query());
        let table = ViewState {
            view: frontline_figures::view_state::View::Table,
            ..alone
        };
        assert_eq!(table.share_path(), table.to_query());
    }
    assert_eq!(ViewState::default().share_path(), "");
}

/// A page like Trunk's: the loader with the app's files, a link to one of them, the mount point.
fn template() -> String {
    format!(
        r#"<html><head><meta charset="utf-8" /><title>t</title><link rel="modulepreload" href="./app-0123456789abcdef.js"><script type="module">import init from "./app-0123456789abcdef.js";init({{module_or_path:`./app-0123456789abcdef_bg.wasm`}})</script></head><body>{MOUNT}</body></html>"#
    )
}

#[test]
fn a_chart_page_loads_the_app_from_the_site_folder_and_its_policy_hashes_its_scripts() {
    let c = ChartId::ALL[0];
    let state = ViewState {
        chart: Some(c),
        ..Default::default()
    };
    let page = finish_page(&template(), &render_view(&state)).unwrap();
    let files = ["app-0123456789abcdef.js", "app-0123456789abcdef_bg.wasm"];
    let page = relocate(&page, &up_from(&chart_page(c)), &files);
    let page = with_script_at_end(&page, &address_script(c)).unwrap();
    let page = with_relative_canonical(&page).unwrap();
    let page = with_fresh_csp(&page).unwrap();
    assert!(
        !page.contains("\"./app-") && !page.contains("`./app-"),
        "{page}"
    );
    assert!(page.contains(r#"href="../../app-0123456789abcdef.js""#));
    assert!(page.contains(r#"from "../../app-0123456789abcdef.js""#));
    assert!(page.contains("`../../app-0123456789abcdef_bg.wasm`"));
    assert!(
        page.contains(r#"href="../../article.txt""#),
        "the page's own links too"
    );
    assert!(
        page.contains(&format!("\"../../?chart={}\"", c.slug())),
        "{page}"
    );
    assert!(page.contains(r#"<link rel="canonical" href="./">"#));
    assert_eq!(page.matches("Content-Security-Policy").count(), 1);
    let policy = page
        .split(r#"Content-Security-Policy" content=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    for hash in inline_hashes(&page, "script") {
        assert!(policy.contains(&hash), "{hash} in {policy}");
    }
    assert_eq!(
        inline_hashes(&page, "script").len(),
        2,
        "the loader and the page's own script"
    );
    assert!(!page.contains(" style="), "no inline style");
    // The page shows that chart alone, with its figures.
    assert_eq!(page.matches("<figure").count(), 1, "{page}");
    assert!(page.contains(c.label()));
}

#[test]
fn a_page_has_one_canonical_link() {
    let page = "<html><head><link rel=\"canonical\" href=\"x\"></head></html>";
    assert!(with_relative_canonical(page).is_err());
}

#[test]
fn with_a_site_address_a_chart_page_gets_its_own_absolute_addresses() {
    use frontline_figures::prerender::{SiteUrl, with_site_url};
    let site = SiteUrl::parse("https://example.org/frontline/").unwrap();
    let page = "<html><head><meta content=preview.png property=og:image><meta content=preview.png name=twitter:image></head><body></body></html>";
    let path = chart_page(ChartId::ALL[0]);
    let done = with_site_url(page, &site, &path, "t").unwrap();
    let at = format!("https://example.org/frontline/{path}");
    for tag in [
        format!(r#"<link rel="canonical" href="{at}">"#),
        format!(r#"<meta property="og:url" content="{at}">"#),
        format!(r#"<meta property="og:image" content="{at}preview.png">"#),
        format!(r#"<meta name="twitter:image" content="{at}preview.png">"#),
        format!(r#"href="{at}oembed.json""#),
    ] {
        assert!(done.contains(&tag), "{tag} in {done}");
    }
}

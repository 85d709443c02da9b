//! Build step (Trunk `post_build` hook): render the default view with Yew's server renderer and
//! write it into the staged index.html, inside `<div id="app">`, so readers see every figure
//! before (or without) the WebAssembly. (The data itself is checked by build.rs.) With
//! `SITE_URL` set, the page gets absolute addresses and the site an `oembed.json`.

use std::process::ExitCode;

use frontline_figures::App;
use frontline_figures::dataset;
use frontline_figures::prerender::{self, SiteUrl};

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR") else {
        eprintln!("prerender: TRUNK_STAGING_DIR is not set; run me as Trunk's post_build hook");
        return ExitCode::FAILURE;
    };
    let path = dir_path(&dir, "index.html");
    let html = match std::fs::read_to_string(&path) {
        Ok(html) => html,
        Err(e) => {
            eprintln!("prerender: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let site = match std::env::var("SITE_URL") {
        Ok(raw) if !raw.trim().is_empty() => match SiteUrl::parse(&raw) {
            Ok(site) => Some(site),
            Err(e) => {
                eprintln!("prerender: {e}");
                return ExitCode::FAILURE;
            }
        },
        _ => None,
    };
    // The article's own files go beside the page: its text, and its preview image if it has one.
    let article = std::path::Path::new(dataset::ARTICLE_DIR);
    let preview = article.join("preview.png").exists();
    for (name, present) in [(dataset::ARTICLE_TXT, true), ("preview.png", preview)] {
        if let Err(e) = present
            .then(|| std::fs::copy(article.join(name), dir_path(&dir, name)))
            .transpose()
        {
            eprintln!(
                "prerender: cannot copy {name} from {}: {e}",
                article.display()
            );
            return ExitCode::FAILURE;
        }
    }
    // The stylesheet goes inline (and its file, then unused, out of the site).
    let inlined = prerender::inline_stylesheet(&html, |href| {
        let path = dir_path(&dir, href);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    });
    let html = match inlined {
        Ok((html, href)) => {
            let path = dir_path(&dir, &href);
            if let Err(e) = std::fs::remove_file(&path) {
                eprintln!("prerender: cannot remove {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            html
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            return ExitCode::FAILURE;
        }
    };
    let html = prerender::strip_script_comments(&html);
    let page = prerender::finish_page(&html, &render())
        .and_then(|page| prerender::with_page_text(&page, &dataset::vocabulary().page, preview))
        .and_then(|page| shorten_bindings(&dir, page))
        .and_then(|page| match &site {
            Some(site) => prerender::with_site_url(&page, site, &title()),
            None => Ok(page),
        });
    if let Some(site) = &site {
        let oembed = dir_path(&dir, "oembed.json");
        let height = frontline_figures::export::embed_height(&frontline_figures::select::charts(
            frontline_figures::dataset::Dataset::bundled(),
            &Default::default(),
        ));
        if let Err(e) = std::fs::write(
            &oembed,
            prerender::oembed_json(
                site,
                &title(),
                height,
                dataset::vocabulary().page.name,
                preview,
            ),
        ) {
            eprintln!("prerender: cannot write {}: {e}", oembed.display());
            return ExitCode::FAILURE;
        }
        println!(
            "prerender: absolute addresses for {}, and {}",
            site.as_str(),
            oembed.display()
        );
    }
    match page {
        Ok(page) => {
            if let Err(e) = std::fs::write(&path, page) {
                eprintln!("prerender: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            println!("prerender: wrote the default view into {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn render() -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(frontline_figures::AppProps::bundled())
            .hydratable(false)
            .render(),
    )
}

/// The wasm and its JS glue with short names for what they call each other by
/// (`prerender::bindings`), and the page with the glue's new integrity.
fn shorten_bindings(dir: &std::ffi::OsStr, page: String) -> Result<String, String> {
    let files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {dir:?}: {e}"))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let named = |ext: &str| -> Result<String, String> {
        let found: Vec<&String> = files.iter().filter(|name| name.ends_with(ext)).collect();
        match found[..] {
            [one] => Ok(one.clone()),
            _ => Err(format!(
                "expected one {ext} file in {dir:?}, found {}: {found:?}",
                found.len()
            )),
        }
    };
    let (wasm_name, js_name) = (named(".wasm")?, named(".js")?);
    let read = |name: &str| {
        std::fs::read(dir_path(dir, name)).map_err(|e| format!("cannot read {name}: {e}"))
    };
    let js = String::from_utf8(read(&js_name)?).map_err(|_| format!("{js_name} is not UTF-8"))?;
    let renamed = prerender::bindings::shorten(&read(&wasm_name)?, &js)
        .map_err(|e| format!("{wasm_name} and {js_name}: {e}"))?;
    let write = |name: &str, body: &[u8]| {
        std::fs::write(dir_path(dir, name), body).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write(&wasm_name, &renamed.wasm)?;
    write(&js_name, renamed.js.as_bytes())?;
    println!(
        "prerender: {} names shortened in {wasm_name} and {js_name}",
        renamed.names
    );
    prerender::with_integrity(&page, &js_name, renamed.js.as_bytes())
}

fn dir_path(dir: &std::ffi::OsStr, file: &str) -> std::path::PathBuf {
    std::path::Path::new(dir).join(file)
}

/// The title of the site's embed, for oEmbed.
fn title() -> String {
    format!(
        "{}: {}",
        dataset::vocabulary().page.name,
        dataset::Dataset::bundled().article.title
    )
}

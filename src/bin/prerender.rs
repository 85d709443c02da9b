//! Build step (Trunk `post_build` hook): render the default view with Yew's server renderer and
//! write it into the staged index.html, inside `<div id="app">`, so readers see every figure
//! before (or without) the WebAssembly. (The data itself is checked by build.rs.) With
//! `SITE_URL` set, the page gets absolute addresses and the site an `oembed.json`.

use std::process::ExitCode;

use frontline_figures::App;
use frontline_figures::dataset;
use frontline_figures::prerender::{self, SiteUrl};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .ok_or("TRUNK_STAGING_DIR is not set; run me as Trunk's post_build hook")?;
    let path = dir_path(&dir, "index.html");
    let html = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let site = site_url()?;
    let preview = copy_article_files(&dir)?;
    let html = inline_stylesheet(&dir, &html)?;
    let html = prerender::strip_script_comments(&html);
    let page = prerender::finish_page(&html, &render())?;
    let page = prerender::with_page_text(&page, &dataset::vocabulary().page, preview)?;
    let page = shorten_bindings(&dir, page)?;
    let page = match &site {
        Some(site) => {
            let page = prerender::with_site_url(&page, site, &title())?;
            write_oembed(&dir, site, preview)?;
            page
        }
        None => page,
    };
    std::fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("prerender: wrote the default view into {}", path.display());
    Ok(())
}

/// The address the site is built for, if `SITE_URL` gives one.
fn site_url() -> Result<Option<SiteUrl>, String> {
    match std::env::var("SITE_URL") {
        Ok(raw) if !raw.trim().is_empty() => SiteUrl::parse(&raw).map(Some),
        _ => Ok(None),
    }
}

/// The article's own files go beside the page: its text, and its preview image if it has one
/// (whether it has one is returned).
fn copy_article_files(dir: &std::ffi::OsStr) -> Result<bool, String> {
    let article = std::path::Path::new(dataset::ARTICLE_DIR);
    let preview = article.join("preview.png").exists();
    for (name, present) in [(dataset::ARTICLE_TXT, true), ("preview.png", preview)] {
        present
            .then(|| std::fs::copy(article.join(name), dir_path(dir, name)))
            .transpose()
            .map_err(|e| format!("cannot copy {name} from {}: {e}", article.display()))?;
    }
    Ok(preview)
}

/// The stylesheet goes inline (and its file, then unused, out of the site).
fn inline_stylesheet(dir: &std::ffi::OsStr, html: &str) -> Result<String, String> {
    let (html, href) = prerender::inline_stylesheet(html, |href| {
        let path = dir_path(dir, href);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    })?;
    let path = dir_path(dir, &href);
    std::fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    Ok(html)
}

/// `oembed.json`, for a site built with its address.
fn write_oembed(dir: &std::ffi::OsStr, site: &SiteUrl, preview: bool) -> Result<(), String> {
    let oembed = dir_path(dir, "oembed.json");
    let height = frontline_figures::export::embed_height(&frontline_figures::select::charts(
        dataset::Dataset::bundled(),
        &Default::default(),
    ));
    let json = prerender::oembed_json(
        site,
        &title(),
        height,
        dataset::vocabulary().page.name,
        preview,
    );
    std::fs::write(&oembed, json).map_err(|e| format!("cannot write {}: {e}", oembed.display()))?;
    println!(
        "prerender: absolute addresses for {}, and {}",
        site.as_str(),
        oembed.display()
    );
    Ok(())
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

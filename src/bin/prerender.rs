//! Build step (Trunk `post_build` hook): render the default view with Yew's server renderer and
//! write it into the staged index.html, inside `<div id="app">`, so readers see every figure
//! before (or without) the WebAssembly; and a page of its own for each chart of that view
//! (`chart/<id>/index.html`, the explorer on that chart). Each page gets its link-preview image,
//! drawn from its chart (`preview.png` beside it). (The data itself is checked by build.rs.)
//! With `SITE_URL` set, the pages get absolute addresses and each its `oembed.json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use frontline_figures::dataset::{self, Dataset};
use frontline_figures::prerender::preview::{self, Fonts};
use frontline_figures::prerender::{self, HeadText, SiteUrl, chart_page};
use frontline_figures::select::{self, ChartSpec};
use frontline_figures::view_state::ViewState;

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
    let dir = PathBuf::from(
        std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or("TRUNK_STAGING_DIR is not set; run me as Trunk's post_build hook")?,
    );
    let path = dir.join("index.html");
    let html = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    copy_article_text(&dir)?;
    let html = inline_stylesheet(&dir, &html)?;
    let site = Site {
        template: prerender::strip_script_comments(&html),
        glue: shorten_bindings(&dir)?,
        fonts: Fonts::load()?,
        address: site_url()?,
        dir,
    };
    let data = Dataset::bundled();
    let charts = select::charts_shown(data, &ViewState::default().filters, None);
    let text = dataset::vocabulary().page;
    site.write(&Page {
        state: ViewState::default(),
        title: text.title.to_string(),
        description: text.description.to_string(),
        social_description: text.social_description.to_string(),
        short_description: text.short_description.to_string(),
        preview: charts.first(),
    })?;
    for spec in &charts {
        let state = ViewState {
            chart: Some(spec.id),
            ..ViewState::default()
        };
        site.write(&Page {
            title: select::view_title(data, &state),
            description: spec.summary.clone(),
            social_description: spec.summary.clone(),
            short_description: spec.summary.clone(),
            preview: Some(spec),
            state,
        })?;
    }
    if let Some(address) = &site.address {
        println!("prerender: absolute addresses for {}", address.as_str());
    }
    Ok(())
}

/// What every page of the site is made from.
struct Site {
    /// Trunk's index.html, its stylesheet inline and its scripts' comments out.
    template: String,
    glue: Glue,
    fonts: Fonts,
    /// `SITE_URL`, if set.
    address: Option<SiteUrl>,
    /// Trunk's staging folder.
    dir: PathBuf,
}

/// A page of the site: the explorer on `state` (the default view, or one chart alone).
struct Page<'a> {
    state: ViewState,
    title: String,
    description: String,
    social_description: String,
    short_description: String,
    /// The chart its link-preview image draws.
    preview: Option<&'a ChartSpec>,
}

impl Page<'_> {
    /// Its folder, relative to the site's: "" or `chart/<id>/`.
    fn path(&self) -> String {
        self.state
            .chart
            .map(frontline_figures::view_state::chart_page)
            .unwrap_or_default()
    }
}

impl Site {
    fn write(&self, page: &Page) -> Result<(), String> {
        let data = Dataset::bundled();
        let path = page.path();
        let folder = self.dir.join(&path);
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        if let Some(spec) = page.preview {
            let png = preview::png(&preview::preview_svg(data, spec), &self.fonts)?;
            write(&folder.join("preview.png"), &png)?;
        }
        let alt = page.preview.map(|spec| preview::image_alt(data, spec));
        let html = prerender::finish_page(&self.template, &prerender::render_view(&page.state))?;
        let html = prerender::with_figures_of(&html, page.state.chart.is_some());
        let html = prerender::with_page_text(
            &html,
            &HeadText {
                title: &page.title,
                description: &page.description,
                social_description: &page.social_description,
                short_description: &page.short_description,
                image_alt: alt.as_deref(),
            },
        )?;
        let glue = &self.glue;
        let mut html = prerender::with_integrity(&html, &glue.js_name, glue.js.as_bytes())?;
        if let Some(chart) = page.state.chart {
            let files = [glue.js_name.as_str(), glue.wasm_name.as_str()];
            html = chart_page::relocate(&html, &chart_page::up_from(&path), &files);
            html = chart_page::with_script_at_end(&html, &chart_page::address_script(chart))?;
        }
        let html = match &self.address {
            Some(site) => {
                self.write_oembed(page, site)?;
                let title = select::embed_title(data, page.state.chart, &page.state.filters);
                prerender::with_site_url(&html, site, &path, &title)?
            }
            None if !path.is_empty() => chart_page::with_relative_canonical(&html)?,
            None => html,
        };
        let html = prerender::with_fresh_csp(&html)?;
        let file = folder.join("index.html");
        write(&file, html.as_bytes())?;
        println!("prerender: wrote {}", file.display());
        Ok(())
    }

    /// The page's `oembed.json`: its embed view, for a site built with its address.
    fn write_oembed(&self, page: &Page, site: &SiteUrl) -> Result<(), String> {
        let data = Dataset::bundled();
        let embed = ViewState {
            embed: true,
            ..page.state.clone()
        };
        let height = frontline_figures::export::embed_height(&select::charts_shown(
            data,
            &embed.filters,
            embed.chart,
        ));
        let preview = page.preview.map(|_| format!("{}preview.png", page.path()));
        let json = prerender::oembed_json(
            site,
            &embed.share_path(),
            &select::embed_title(data, page.state.chart, &page.state.filters),
            height,
            dataset::vocabulary().page.name,
            preview.as_deref(),
        );
        write(
            &self.dir.join(page.path()).join("oembed.json"),
            json.as_bytes(),
        )
    }
}

fn write(file: &Path, body: &[u8]) -> Result<(), String> {
    std::fs::write(file, body).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

/// The address the site is built for, if `SITE_URL` gives one.
fn site_url() -> Result<Option<SiteUrl>, String> {
    match std::env::var("SITE_URL") {
        Ok(raw) if !raw.trim().is_empty() => SiteUrl::parse(&raw).map(Some),
        _ => Ok(None),
    }
}

/// The article's text goes beside the page.
fn copy_article_text(dir: &Path) -> Result<(), String> {
    let article = Path::new(dataset::ARTICLE_DIR);
    let name = dataset::ARTICLE_TXT;
    std::fs::copy(article.join(name), dir.join(name))
        .map(drop)
        .map_err(|e| format!("cannot copy {name} from {}: {e}", article.display()))
}

/// The stylesheet goes inline (and its file, then unused, out of the site).
fn inline_stylesheet(dir: &Path, html: &str) -> Result<String, String> {
    let (html, href) = prerender::inline_stylesheet(html, |href| {
        let path = dir.join(href);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    })?;
    let path = dir.join(&href);
    std::fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    Ok(html)
}

/// The app's files, as the pages load them: the JS glue's name and text (its `integrity`
/// changes), and the wasm's name.
struct Glue {
    js_name: String,
    js: String,
    wasm_name: String,
}

/// The wasm and its JS glue with short names for what they call each other by
/// (`prerender::bindings`).
fn shorten_bindings(dir: &Path) -> Result<Glue, String> {
    let files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let named = |ext: &str| -> Result<String, String> {
        let found: Vec<&String> = files.iter().filter(|name| name.ends_with(ext)).collect();
        match found[..] {
            [one] => Ok(one.clone()),
            _ => Err(format!(
                "expected one {ext} file in {}, found {}: {found:?}",
                dir.display(),
                found.len()
            )),
        }
    };
    let (wasm_name, js_name) = (named(".wasm")?, named(".js")?);
    let read =
        |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
    let js = String::from_utf8(read(&js_name)?).map_err(|_| format!("{js_name} is not UTF-8"))?;
    let renamed = prerender::bindings::shorten(&read(&wasm_name)?, &js)
        .map_err(|e| format!("{wasm_name} and {js_name}: {e}"))?;
    write(&dir.join(&wasm_name), &renamed.wasm)?;
    write(&dir.join(&js_name), renamed.js.as_bytes())?;
    println!(
        "prerender: {} names shortened in {wasm_name} and {js_name}",
        renamed.names
    );
    Ok(Glue {
        js_name,
        js: renamed.js,
        wasm_name,
    })
}

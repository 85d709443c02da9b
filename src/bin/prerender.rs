//! Build step (Trunk `post_build` hook): check the bundled data, render the default view with
//! Yew's server renderer and write it into the staged index.html, inside `<div id="app">`, so
//! readers see every figure before (or without) the WebAssembly. Exits non-zero, naming the
//! file, figure and field, when the data is broken, which fails the build.

use std::process::ExitCode;

use frontline_figures::App;
use frontline_figures::dataset::Dataset;

fn main() -> ExitCode {
    if let Err(errors) = Dataset::bundled() {
        eprintln!("prerender: the bundled data is broken:\n{errors}");
        return ExitCode::FAILURE;
    }
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR") else {
        eprintln!("prerender: TRUNK_STAGING_DIR is not set; run me as Trunk's post_build hook");
        return ExitCode::FAILURE;
    };
    let path = std::path::Path::new(&dir).join("index.html");
    let html = match std::fs::read_to_string(&path) {
        Ok(html) => html,
        Err(e) => {
            eprintln!("prerender: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match frontline_figures::prerender::finish_page(&html, &render()) {
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
        yew::LocalServerRenderer::<App>::new()
            .hydratable(true)
            .render(),
    )
}

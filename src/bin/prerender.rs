//! Build step (Trunk `post_build` hook): render the default view with Yew's server renderer and
//! write it into the staged index.html, inside `<div id="app">`, so readers see every figure
//! before (or without) the WebAssembly. (The data itself is checked by build.rs.)

use std::process::ExitCode;

use frontline_figures::App;

fn main() -> ExitCode {
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

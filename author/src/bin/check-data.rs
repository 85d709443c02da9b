//! `check-data [FOLDER]`: every check of an article's data in one run, in seconds, without
//! building the site; each error and warning once. Exits 1 on an error.

use std::process::ExitCode;

use frontline_author::check::check_folder;
use frontline_author::dataset::DEFAULT_ARTICLE;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_ARTICLE.to_string());
    let findings = check_folder(&dir);
    println!("{findings}");
    if findings.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

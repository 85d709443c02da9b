//! `new-article TEXT FOLDER`: a draft folder for a new article from its text (see `draft.rs`);
//! never overwrites a folder. Then `check-data FOLDER`, message by message.

use std::process::ExitCode;

use frontline_author::draft::write_draft;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [text, folder] = args.as_slice() else {
        eprintln!("usage: new-article path/to/article.txt data/<folder>");
        return ExitCode::FAILURE;
    };
    match write_draft(text, folder) {
        Ok(()) => {
            println!(
                "{folder}: a draft from {text}. Next: make check-data ARTICLE={folder}, and fix what it says, message by message."
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("new-article: {e}");
            ExitCode::FAILURE
        }
    }
}

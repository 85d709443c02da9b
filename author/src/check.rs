//! One run of the data checks over an article's folder: every error and warning, each once.

use std::fmt;

use serde_json::Value;

use crate::dataset::{
    ARTICLE_TXT, ArticleFiles, DataError, EXPLORER_JSON, FIGURES_JSON, load_checked,
    parse_vocabulary, warnings,
};
use crate::draft::TODO;

/// What the checks found in a folder.
#[derive(Debug, Default)]
pub struct Findings {
    pub folder: String,
    pub errors: Vec<DataError>,
    pub warnings: Vec<DataError>,
    /// What could not be checked yet, and why.
    pub unchecked: Option<String>,
}

impl Findings {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Check the article in folder `dir`: its files, then every check; the warnings once it loads.
pub fn check_folder(dir: &str) -> Findings {
    let dir = dir.trim_end_matches('/');
    let mut findings = Findings {
        folder: dir.to_string(),
        ..Findings::default()
    };
    let mut read = |name: &str| {
        let path = format!("{dir}/{name}");
        match std::fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                findings.errors.push(DataError {
                    file: path,
                    item: None,
                    field: None,
                    message: format!("cannot be read: {e}"),
                });
                None
            }
        }
    };
    let (article, figures, explorer) = (read(ARTICLE_TXT), read(FIGURES_JSON), read(EXPLORER_JSON));
    let (Some(article), Some(figures), Some(explorer)) = (article, figures, explorer) else {
        return findings;
    };
    let files = ArticleFiles {
        article: (&article.0, &article.1),
        figures: (&figures.0, &figures.1),
        explorer: (&explorer.0, &explorer.1),
    };
    if parse_vocabulary(files.explorer.0, files.explorer.1).is_err() {
        findings.unchecked = Some(format!(
            "{} is checked once {} loads: the figures name its slugs",
            files.figures.0, files.explorer.0
        ));
    }
    match load_checked(files) {
        Ok(loaded) => {
            findings.warnings = warnings(dir, &loaded.vocab, &loaded.dataset);
            findings.warnings.extend(still_todo(files.figures));
            findings.warnings.extend(still_todo(files.explorer));
        }
        Err(errors) => findings.errors.extend(errors.0),
    }
    findings
}

/// Each text of a data file that a draft left as TODO (`new-article`): it loads, but is not
/// what a reader should see.
fn still_todo((file, json): (&str, &str)) -> Vec<DataError> {
    fn walk(at: String, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) if s.contains(TODO) => out.push(at),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(format!("{at}[{i}]"), item, out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    let at = if at.is_empty() {
                        key.clone()
                    } else {
                        format!("{at}.{key}")
                    };
                    walk(at, item, out);
                }
            }
            _ => {}
        }
    }
    let mut fields = Vec::new();
    if let Ok(doc) = serde_json::from_str::<Value>(json) {
        walk(String::new(), &doc, &mut fields);
    }
    fields
        .into_iter()
        .map(|field| DataError {
            file: file.to_string(),
            item: None,
            field: Some(field),
            message: format!("still says {TODO}: write the article's or the page's words"),
        })
        .collect()
}

impl fmt::Display for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "error: {e}")?;
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        if let Some(why) = &self.unchecked {
            writeln!(f, "note: {why}")?;
        }
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{}: {}, {}",
            self.folder,
            plural(self.errors.len(), "error"),
            plural(self.warnings.len(), "warning")
        )
    }
}

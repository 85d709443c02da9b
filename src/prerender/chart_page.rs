//! A chart's own page (`view_state::chart_page`: `chart/strength/`), made from the site's page:
//! the prerendered explorer on that chart alone, with its own head (`HeadText`) and preview
//! image, its addresses written from its folder, and a script that, once the app has loaded,
//! moves the address to the explorer's own for that view, where the app reads it.

use super::{edit_tags, find_attr};
use crate::dataset::ChartId;
use crate::view_state::{ViewState, chart_page};

/// The way from the page at `path` (`chart/strength/`) back to the site's folder: `../../`.
pub fn up_from(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// `page` with the addresses written for the site's folder made relative to a page `up` below
/// it (`../../`): the app's `files` (the JS glue and the wasm, wherever the page names them,
/// Trunk's loader included) and every relative link (`article.txt`). A link to a place in the
/// page, an absolute one and a `data:` one stay as they are.
pub fn relocate(page: &str, up: &str, files: &[&str]) -> String {
    let mut page = page.to_string();
    for file in files {
        page = page.replace(&format!("./{file}"), &format!("{up}{file}"));
    }
    edit_tags(&page, "<a ", |tag| match find_attr(tag, "href") {
        Some((_, value)) if is_relative(&tag[value.clone()]) => {
            format!("{}{up}{}", &tag[..value.start], &tag[value.start..])
        }
        _ => tag.to_string(),
    })
}

fn is_relative(href: &str) -> bool {
    let before_path = href.split(['/', '?', '#']).next().unwrap_or_default();
    !(href.is_empty() || href.starts_with(['#', '/']) || before_path.contains(':'))
}

/// The chart's page's own script, before `</body>`. Once the app has loaded (Trunk's
/// `TrunkApplicationStarted`, before the app's first render), the address becomes the
/// explorer's for this chart (`../../?chart=strength`, the link's own parameters and fragment
/// after it), where the app reads its view and writes the reader's next ones; the history
/// entry stays one. Until then, and without JavaScript or where the app cannot start, the
/// address stays the chart's page. Its links are made absolute first, while they still resolve
/// from here: the page index.html's first script keeps, to put back if the start fails, has them.
pub fn address_script(chart: ChartId) -> String {
    let path = chart_page(chart);
    let explorer = format!(
        "{}{}",
        up_from(&path),
        ViewState {
            chart: Some(chart),
            ..ViewState::default()
        }
        .to_query()
    );
    format!(
        concat!(
            "<script>(function () {{",
            "document.querySelectorAll(\"a[href]\").forEach(function (a) {{ a.href = a.href; }});",
            "addEventListener(\"TrunkApplicationStarted\", function () {{",
            "var rest = location.search.slice(1);",
            "var to = new URL(\"{}\" + (rest ? \"&\" + rest : \"\") + location.hash, location.href);",
            "try {{ history.replaceState(history.state, \"\", to.href); }} catch (e) {{}}",
            "}});",
            "}})();</script>"
        ),
        explorer
    )
}

/// `page` with `script` as the last thing in its body.
pub fn with_script_at_end(page: &str, script: &str) -> Result<String, String> {
    match page.rfind("</body>") {
        Some(at) => Ok(format!("{}{script}{}", &page[..at], &page[at..])),
        None => Err("the page has no </body> to put its script before".into()),
    }
}

/// A page built without a site address gets a relative canonical link to itself (`./`): the
/// same page read as `index.html` or with a click identifier in its query is this one.
pub fn with_relative_canonical(page: &str) -> Result<String, String> {
    let Some(at) = page.find("</head>") else {
        return Err("the page has no </head> to put the canonical link before".into());
    };
    if page.contains("rel=canonical") || page.contains(r#"rel="canonical""#) {
        return Err("the page already has a canonical link".into());
    }
    Ok(format!(
        r#"{}<link rel="canonical" href="./">{}"#,
        &page[..at],
        &page[at..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_links_move() {
        for (href, relative) in [
            ("article.txt", true),
            ("?view=table", true),
            ("./x.js", true),
            ("#top", false),
            ("/abs", false),
            ("https://example.org/", false),
            ("data:,", false),
            ("", false),
        ] {
            assert_eq!(is_relative(href), relative, "{href}");
        }
    }
}

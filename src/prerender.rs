//! Finishing the page Trunk built: the server-rendered view goes into `#app`, two of Trunk's
//! tags are adjusted, and a strict Content-Security-Policy goes in front of every script, with
//! the hash of each inline script. Built with a site address (`SITE_URL`), the page also gets
//! the absolute addresses the web needs (canonical link, link-preview images, oEmbed discovery)
//! and an `oembed.json`. Pure string work, so it is tested natively; the `prerender` binary
//! does the file I/O.

pub mod bindings;
pub mod chart_page;
pub mod preview;

/// The explorer showing `state`, as the server renders it: what a reader sees before the app
/// runs, or without it. The same view function the app renders (`App` wraps it with its
/// state's hooks, which render nothing), with no control drawn (`ready` is false).
pub fn render_view(state: &crate::view_state::ViewState) -> String {
    #[derive(yew::Properties, PartialEq)]
    struct Props {
        state: crate::view_state::ViewState,
    }
    #[yew::component]
    fn Prerendered(props: &Props) -> yew::Html {
        crate::views::explorer::explorer(&crate::views::explorer::ExplorerProps {
            data: crate::components::DataRef(crate::dataset::Dataset::bundled()),
            state: props.state.clone(),
            ignored: Vec::new(),
            dispatch: yew::Callback::noop(),
            ondismiss: yew::Callback::noop(),
            ready: false,
        })
    }
    let props = Props {
        state: state.clone(),
    };
    futures::executor::block_on(
        yew::LocalServerRenderer::<Prerendered>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The empty mount point in index.html that the rendered view goes into, as written in
/// index.html and as Trunk's minifier writes it.
pub const MOUNT: &str = r#"<div id="app"></div>"#;
const MOUNTS: [&str; 2] = [MOUNT, "<div id=app></div>"];

/// Where index.html's first script wants the app's query keys, as `actors|measures|…`.
pub const PARAM_KEYS: &str = "__PARAM_KEYS__";

/// Where index.html's first script wants the embed's height messages (`resize::height_template`).
pub const HEIGHT_MESSAGES: &str = "__HEIGHT_MESSAGES__";

/// Where index.html's notes say whose figures the page shows (`with_figures_of`).
pub const OF_FIGURES: &str = "__OF_FIGURES__";

/// `page` with its notes' "every figure" said of what it shows: the article's, or on a chart's
/// page the one chart it shows ("every figure of this chart").
pub fn with_figures_of(page: &str, chart_page: bool) -> String {
    let of = if chart_page {
        " of this chart"
    } else {
        " of the article"
    };
    page.replace(OF_FIGURES, of)
}

/// `page` with `view` inside its one empty `#app` element, the app's query keys and the embed's
/// height messages written into the first script (`PARAM_KEYS`, `HEIGHT_MESSAGES`), and Trunk's
/// tags adjusted:
/// - the wasm `<link rel="preload">` loses `integrity`, which Chromium ignores for fetch
///   preloads (with a console warning); the loader's own fetch never used it;
/// - a linked stylesheet (the site inlines its own) gains `crossorigin` (anonymous) beside its
///   `integrity`, without which the CSS is blocked in a sandboxed iframe, whose origin is "null".
///
/// Works on Trunk's page as written and as minified (`--minify`: unquoted attributes).
pub fn finish_page(page: &str, view: &str) -> Result<String, String> {
    let mount = match MOUNTS.map(|m| page.match_indices(m).count()) {
        [0, 0] => {
            return Err(format!(
                "index.html has no empty {MOUNT} to render into (already prerendered?)"
            ));
        }
        [1, 0] => MOUNTS[0],
        [0, 1] => MOUNTS[1],
        [a, b] => {
            return Err(format!(
                "index.html has {} copies of {MOUNT}; expected one",
                a + b
            ));
        }
    };
    let open = &mount[..mount.len() - "</div>".len()];
    let page = page.replacen(mount, &format!("{open}{view}</div>"), 1);
    let keys: Vec<&str> = crate::view_state::param_keys().collect();
    let page = page
        .replace(PARAM_KEYS, &keys.join("|"))
        .replace(HEIGHT_MESSAGES, &crate::resize::height_template());
    let page = edit_tags(&page, "<link ", |tag| match attr(tag, "rel") {
        Some("preload") => remove_attr(tag, "integrity"),
        Some("stylesheet") if attr(tag, "crossorigin").is_none() => {
            tag.replacen("<link ", r#"<link crossorigin="anonymous" "#, 1)
        }
        _ => tag.to_string(),
    });
    add_csp(&page)
}

/// The page's stylesheet inline, so the first view paints from the one response, without a
/// second request (its hash goes into the policy with the scripts'). `read` gives the text of
/// the file the `<link rel="stylesheet">` names; the link must be the page's only one. Returns
/// the page and the file it inlined (which the site no longer needs).
pub fn inline_stylesheet(
    page: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, String), String> {
    let mut found = Vec::new();
    let mut error = None;
    let page = edit_tags(page, "<link ", |tag| {
        if attr(tag, "rel") != Some("stylesheet") {
            return tag.to_string();
        }
        let href = attr(tag, "href").unwrap_or_default().to_string();
        match read(&href) {
            Ok(css) if !css.contains("</") => {
                found.push(href);
                format!("<style>{css}</style>")
            }
            Ok(_) => {
                error = Some(format!(
                    "{href} holds \"</\", which would end an inline <style>"
                ));
                tag.to_string()
            }
            Err(e) => {
                error = Some(e);
                tag.to_string()
            }
        }
    });
    match (error, found.len()) {
        (Some(e), _) => Err(e),
        (None, 1) => Ok((page, found.remove(0))),
        (None, n) => Err(format!(
            "index.html should link one stylesheet to put inline; found {n}"
        )),
    }
}

/// `page` with its inline scripts' whole-line `//` comments, indentation and blank lines left
/// out: Trunk's minifier keeps the comments, and they are a tenth of the page's bytes. Lines
/// inside a template literal (Trunk's minifier writes strings as template literals, and one
/// may span lines) are kept as they are; a script whose backticks do not pair up is left whole.
pub fn strip_script_comments(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut last = 0;
    for body in inline_bodies(page, "script") {
        out.push_str(&page[last..body.start]);
        match strip_comment_lines(&page[body.clone()]) {
            Some(stripped) => out.push_str(&stripped),
            None => out.push_str(&page[body.clone()]),
        }
        last = body.end;
    }
    out.push_str(&page[last..]);
    out
}

/// A script's lines without whole-line comments, indentation and blank lines, except inside a
/// template literal; `None` if its backticks do not pair up.
fn strip_comment_lines(script: &str) -> Option<String> {
    let mut kept = Vec::new();
    let mut in_template = false;
    for line in script.lines() {
        let code = line.trim_start();
        if !in_template && (code.is_empty() || code.starts_with("//")) {
            continue;
        }
        kept.push(if in_template { line } else { code });
        let mut escaped = false;
        for c in line.chars() {
            match c {
                '`' if !escaped => in_template = !in_template,
                _ => {}
            }
            escaped = c == '\\' && !escaped;
        }
    }
    (!in_template).then(|| kept.join("\n"))
}

/// What a page's head says about it: its title, its descriptions (for search engines, Open
/// Graph and Twitter's card) and what its preview image shows (`None`: it has none).
pub struct HeadText<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub social_description: &'a str,
    pub short_description: &'a str,
    pub image_alt: Option<&'a str>,
}

/// The page's own words in index.html's placeholders, escaped and quoted (Trunk's minifier
/// leaves attribute values unquoted: `content=__PAGE_TITLE__`). Without a preview image, the
/// tags that name one go, and the card is a plain one.
pub fn with_page_text(page: &str, text: &HeadText) -> Result<String, String> {
    let mut page = page.to_string();
    for (mark, value) in [
        ("__PAGE_TITLE__", text.title),
        ("__PAGE_DESCRIPTION__", text.description),
        ("__SOCIAL_DESCRIPTION__", text.social_description),
        ("__SHORT_DESCRIPTION__", text.short_description),
        ("__IMAGE_ALT__", text.image_alt.unwrap_or_default()),
    ] {
        if !page.contains(mark) {
            return Err(format!(
                "index.html has no {mark} to write the page's text into"
            ));
        }
        let value = crate::export::xml(value);
        page = page
            .replace(&format!("\"{mark}\""), &format!("\"{value}\""))
            .replace(&format!("={mark}"), &format!("=\"{value}\""))
            .replace(mark, &value);
    }
    if text.image_alt.is_none() {
        page = edit_tags(&page, "<meta ", |tag| {
            let named = attr(tag, "property")
                .or_else(|| attr(tag, "name"))
                .unwrap_or_default();
            match named {
                "og:image" | "og:image:width" | "og:image:height" | "og:image:alt"
                | "twitter:image" | "twitter:image:alt" => String::new(),
                "twitter:card" => r#"<meta name="twitter:card" content="summary">"#.to_string(),
                _ => tag.to_string(),
            }
        });
    }
    Ok(page)
}

/// The policy, for the `'sha256-…'` sources of the page's inline scripts and styles (the site
/// inlines its one stylesheet: `inline_stylesheet`). Frames only of the page's own
/// origin: the Embed dialog's preview. `frame-ancestors` cannot be set from a meta tag; hosts
/// send it as a header (see README).
pub fn policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    let sources = |hashes: &[String]| hashes.iter().map(|h| format!(" {h}")).collect::<String>();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'",
        sources(script_hashes),
        sources(style_hashes)
    )
}

/// The `'sha256-…'` source of each inline `<script>` or `<style>` (`element`): each one
/// without a `src`.
pub fn inline_hashes(page: &str, element: &str) -> Vec<String> {
    use base64ct::{Base64, Encoding};
    use sha2::{Digest, Sha256};
    inline_bodies(page, element)
        .into_iter()
        .map(|body| {
            let digest = Sha256::digest(&page.as_bytes()[body]);
            format!("'sha256-{}'", Base64::encode_string(&digest))
        })
        .collect()
}

/// Where the body of each inline `<script>` or `<style>` (`element`) is in `page`: each one
/// without a `src`, in order.
fn inline_bodies(page: &str, element: &str) -> Vec<std::ops::Range<usize>> {
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut bodies = Vec::new();
    let mut from = 0;
    while let Some(start) = page[from..].find(&open).map(|n| from + n) {
        let Some(open_end) = page[start..].find('>').map(|n| start + n) else {
            break;
        };
        let body_start = open_end + 1;
        let Some(len) = page[body_start..].find(&close) else {
            break;
        };
        if !page[start..open_end].contains(" src=") {
            bodies.push(body_start..body_start + len);
        }
        from = body_start + len;
    }
    bodies
}

/// `page` with the `integrity` of every `<link>` or `<script>` that loads `file` (its address
/// ends with `/file`) made the hash of `body`, in the algorithm it named (Trunk writes sha384):
/// the prerender step rewrites the JS glue after Trunk hashed it (`bindings`).
pub fn with_integrity(page: &str, file: &str, body: &[u8]) -> Result<String, String> {
    use base64ct::{Base64, Encoding};
    use sha2::{Digest, Sha256, Sha384, Sha512};
    let mut error = None;
    let mut edit = |tag: &str| {
        let loads = ["href", "src"]
            .iter()
            .filter_map(|a| attr(tag, a))
            .any(|at| at == file || at.ends_with(&format!("/{file}")));
        match find_attr(tag, "integrity") {
            Some((_, value)) if loads => {
                let old = &tag[value.clone()];
                let algorithm = old.split_once('-').map_or("", |(algorithm, _)| algorithm);
                let digest = match algorithm {
                    "sha256" => Sha256::digest(body).to_vec(),
                    "sha384" => Sha384::digest(body).to_vec(),
                    "sha512" => Sha512::digest(body).to_vec(),
                    _ => {
                        error = Some(format!(
                            "the integrity of {file} is not a sha-2 hash: {old}"
                        ));
                        return tag.to_string();
                    }
                };
                format!(
                    "{}{algorithm}-{}{}",
                    &tag[..value.start],
                    Base64::encode_string(&digest),
                    &tag[value.end..]
                )
            }
            _ => tag.to_string(),
        }
    };
    let page = edit_tags(page, "<link ", &mut edit);
    let page = edit_tags(&page, "<script ", &mut edit);
    error.map_or(Ok(page), Err)
}

/// `page` with its policy computed again, for the inline scripts it has now (a chart's page
/// changes the loader's addresses and adds a script of its own).
pub fn with_fresh_csp(page: &str) -> Result<String, String> {
    let mut tags = 0;
    let page = edit_tags(page, "<meta ", |tag| {
        if attr(tag, "http-equiv") == Some("Content-Security-Policy") {
            tags += 1;
            String::new()
        } else {
            tag.to_string()
        }
    });
    match tags {
        1 => add_csp(&page),
        n => Err(format!(
            "the page should have one Content-Security-Policy to compute again; found {n}"
        )),
    }
}

/// Insert the policy as the first thing after `<meta charset>`, before any script or style.
fn add_csp(page: &str) -> Result<String, String> {
    const CHARSETS: [&str; 2] = [r#"<meta charset="utf-8" />"#, "<meta charset=utf-8>"];
    let Some(charset) = CHARSETS.into_iter().find(|c| page.contains(c)) else {
        return Err(format!(
            "index.html has no {} to put the Content-Security-Policy after",
            CHARSETS[0]
        ));
    };
    if page.contains("Content-Security-Policy") {
        return Err("index.html already has a Content-Security-Policy".into());
    }
    let meta = format!(
        r#"{charset}<meta http-equiv="Content-Security-Policy" content="{}">"#,
        policy(
            &inline_hashes(page, "script"),
            &inline_hashes(page, "style")
        )
    );
    Ok(page.replacen(charset, &meta, 1))
}

/// Apply `edit` to every tag that starts with `start`.
fn edit_tags(page: &str, start: &str, mut edit: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find(start) {
        let Some(len) = rest[i..].find('>') else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(&edit(&rest[i..=i + len]));
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Where attribute `name` of `tag` is: the byte range of the whole ` name=value` (or bare
/// ` name`) and the range of its value. Values may be double-quoted, single-quoted or bare.
fn find_attr(tag: &str, name: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(found) = tag[from..].find(name) {
        let at = from + found;
        let end = at + name.len();
        from = end;
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let start = at - 1;
        match bytes.get(end) {
            Some(b'=') => {
                let (value, stop) = match bytes.get(end + 1) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = tag[end + 2..].find(q as char)? + end + 2;
                        (end + 2..close, close + 1)
                    }
                    _ => {
                        let stop = tag[end + 1..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(tag.len(), |n| n + end + 1);
                        (end + 1..stop, stop)
                    }
                };
                return Some((start..stop, value));
            }
            Some(c) if c.is_ascii_whitespace() || *c == b'>' || *c == b'/' => {
                return Some((start..end, end..end));
            }
            None => return Some((start..end, end..end)),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` of `tag` (empty for a bare attribute).
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    find_attr(tag, name).map(|(_, value)| &tag[value])
}

fn remove_attr(tag: &str, name: &str) -> String {
    match find_attr(tag, name) {
        Some((whole, _)) => format!("{}{}", &tag[..whole.start], &tag[whole.end..]),
        None => tag.to_string(),
    }
}

/// The address the site is published at, as `SITE_URL` gives it: absolute http(s), no query or
/// fragment, ending in `/` (one is added).
#[derive(Clone, Debug, PartialEq)]
pub struct SiteUrl(String);

impl SiteUrl {
    pub fn parse(raw: &str) -> Result<SiteUrl, String> {
        let raw = raw.trim();
        let rest = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"));
        let host = rest.and_then(|r| r.split('/').next()).unwrap_or_default();
        if rest.is_none() || host.is_empty() {
            return Err(format!(
                "SITE_URL \"{raw}\" must be an absolute http:// or https:// address, such as https://example.org/frontline/"
            ));
        }
        if raw.contains(['?', '#', '"', '<', '>', ' ', '\'', '\\']) {
            return Err(format!(
                "SITE_URL \"{raw}\" must be a plain folder address, without a query, a fragment, quotes or spaces"
            ));
        }
        let mut url = raw.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(SiteUrl(url))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The width and the first height of the frame `oembed.json` offers.
pub const OEMBED_WIDTH: i32 = 600;

/// The page at `path` of the site (`""` for its front page, `chart/strength/` for a chart's)
/// with the absolute addresses a published site needs: a canonical link, `og:url`, absolute
/// `og:image` and `twitter:image` (relative to the page), and the oEmbed discovery link of its
/// own `oembed.json`.
pub fn with_site_url(
    page: &str,
    site: &SiteUrl,
    path: &str,
    title: &str,
) -> Result<String, String> {
    let url = format!("{}{path}", site.as_str());
    // Written as index.html has them, or as Trunk's minifier does (`content=preview.png
    // property=og:image`): each image tag is written anew with its address made absolute.
    let mut made_absolute = Vec::new();
    let mut page = edit_tags(page, "<meta ", |tag| {
        let name = attr(tag, "property").or_else(|| attr(tag, "name"));
        match (name, attr(tag, "content")) {
            (Some(name @ ("og:image" | "twitter:image")), Some(content)) => {
                made_absolute.push(name.to_string());
                let key = if name == "og:image" {
                    "property"
                } else {
                    "name"
                };
                format!(
                    r#"<meta {key}="{name}" content="{url}{}">"#,
                    content.trim_start_matches("./")
                )
            }
            _ => tag.to_string(),
        }
    });
    if made_absolute.len() != 2 {
        return Err(format!(
            "index.html should have one og:image and one twitter:image to make absolute; found {made_absolute:?}"
        ));
    }
    let links = format!(
        r#"<link rel="canonical" href="{url}"><meta property="og:url" content="{url}"><link rel="alternate" type="application/json+oembed" href="{url}oembed.json" title="{}">"#,
        crate::export::xml(title)
    );
    let Some(at) = page.find("</head>") else {
        return Err("index.html has no </head> to put the canonical link before".into());
    };
    page.insert_str(at, &links);
    Ok(page)
}

/// The `oembed.json` of a page of the site: a `rich` embed (oEmbed 1.0, section 2.3.4.4) of
/// `embed` (the embed view's address, relative to the site), with every field the spec
/// requires for that type (`version`, `type`, `html`, `width`, `height`) and the optional ones
/// it can honestly fill: the provider (the explorer's name, from the article's vocabulary) and,
/// where the page has a preview image (`preview`: its address, relative to the site), the
/// thumbnail.
pub fn oembed_json(
    site: &SiteUrl,
    embed: &str,
    title: &str,
    height: i32,
    provider: &str,
    preview: Option<&str>,
) -> String {
    let url = site.as_str();
    let iframe = crate::export::iframe(&format!("{url}{embed}"), title, OEMBED_WIDTH, height);
    let s = crate::export::json_str;
    let thumbnail = if let Some(preview) = preview {
        format!(
            ",\n  \"thumbnail_url\": {},\n  \"thumbnail_width\": {},\n  \"thumbnail_height\": {}",
            s(&format!("{url}{preview}")),
            preview::WIDTH,
            preview::HEIGHT
        )
    } else {
        String::new()
    };
    format!(
        "{{\n  \"version\": \"1.0\",\n  \"type\": \"rich\",\n  \"title\": {},\n  \"provider_name\": {},\n  \"provider_url\": {},\n  \"html\": {},\n  \"width\": {OEMBED_WIDTH},\n  \"height\": {height}{thumbnail}\n}}\n",
        s(title),
        s(provider),
        s(url),
        s(&iframe),
    )
}

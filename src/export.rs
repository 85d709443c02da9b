//! Data and images out, pure: the selected figures as CSV (RFC 4180) and JSON, a chart as a
//! standalone SVG (the same scene the page draws, styled with presentation attributes so any
//! viewer shows it), and file names that say what they hold. The browser glue that turns these
//! strings into downloads lives in `browser`.

use crate::chart::layout::{layout_panel, layout_panel_in};
use crate::chart::scene::{Len, Shape, scene};
use crate::dataset::{Amount, ArticleMeta, Choice, Dataset, Figure, HedgeKind};
use crate::filters::{Dimension, Filters};
use crate::format;
use crate::select::ChartSpec;

/// `2024-11-18-north-korea-bolsters-russia-russia-ukraine.csv`: the article's date and short
/// title (so a file on someone's disk says which article it is from), what it holds, and the
/// filters that narrow the selection, in URL order.
pub fn file_name(data: &Dataset, filters: &Filters, what: Option<&str>, ext: &str) -> String {
    let mut parts: Vec<String> = vec![file_stem(&data.article)];
    parts.extend(what.map(String::from));
    for d in Dimension::ALL {
        match d.slugs(filters).as_deref() {
            Some("none") => parts.push(format!("no-{}", d.key())),
            Some(kept) => parts.push(kept.replace(',', "-")),
            None => {}
        }
    }
    format!("{}.{ext}", parts.join("-"))
}

/// The article's date and the first words of its title, up to a colon and at most six, as a
/// slug: `2024-11-18-north-korea-bolsters-russia`.
pub fn file_stem(article: &ArticleMeta) -> String {
    let head = article.title.split(':').next().unwrap_or_default();
    let words: Vec<String> = head
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    format!("{}-{}", article.published, words.join("-"))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV's columns: "high", a range's other end, only where the article gives a range.
pub fn csv_columns() -> Vec<&'static str> {
    let mut columns = vec!["id", "actor", "measure", "value"];
    if has_range() {
        columns.push("high");
    }
    columns.extend([
        "hedge",
        "kind",
        "unit",
        "period",
        "source",
        "quote",
        "not_in_article",
    ]);
    columns
}

fn has_range() -> bool {
    crate::dataset::KINDS.contains(&HedgeKind::Range)
}

/// An amount as a machine reads it: "4.5", "500000".
fn plain(a: Amount) -> String {
    let (whole, decimals) = a.parts();
    match decimals.is_empty() {
        true => whole.to_string(),
        false => format!("{whole}.{decimals}"),
    }
}

/// RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled,
/// after a byte-order mark.
/// A vague amount has an empty value and its words in the hedge column; an exact one an empty
/// hedge; several quotes of one figure are joined with " | ".
pub fn csv(figures: &[&Figure]) -> String {
    // UTF-8 with a byte-order mark: without it Excel reads the file as Windows-1252 and shows
    // "up to â€¦ may have been". CSV readers that know UTF-8 (Python's utf-8-sig, pandas,
    // LibreOffice, Google Sheets) skip it; one that does not reads the first header as
    // "\u{feff}id" (README).
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_columns().join(","));
    out.push_str("\r\n");
    for f in figures {
        let hedge = match &f.value_text {
            Some(words) => format!("vague amount: {words}"),
            None => f.hedge.words.clone(),
        };
        let mut row = vec![
            f.id.clone(),
            f.actor.label().to_string(),
            f.measure.label().to_string(),
            f.value.map(plain).unwrap_or_default(),
        ];
        if has_range() {
            row.push(f.high.map(plain).unwrap_or_default());
        }
        row.extend([
            hedge,
            f.hedge.kind.label().to_string(),
            f.unit.label().to_string(),
            format::period(f).unwrap_or_default(),
            f.source.credit().to_string(),
            f.quotes.join(" | "),
            f.outside.clone().unwrap_or_default(),
        ]);
        out.push_str(
            &row.iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The selection as JSON: where it comes from, which view, and each figure with slugs (for
/// machines), labels (for people) and all its quotes.
pub fn json(data: &Dataset, figures: &[&Figure], view_url: &str) -> String {
    let opt = |s: &Option<String>| s.as_deref().map_or("null".to_string(), json_str);
    let items: Vec<String> = figures
        .iter()
        .map(|f| {
            let quotes: Vec<String> = f.quotes.iter().map(|q| json_str(q)).collect();
            format!(
                concat!(
                    "    {{\"id\": {}, \"actor\": {}, \"actor_label\": {}, \"measure\": {}, \"measure_label\": {}, ",
                    "\"value\": {}, \"high\": {}, \"value_text\": {}, \"hedge\": {}, \"hedge_label\": {}, \"hedge_words\": {}, \"unit\": {}, ",
                    "\"period\": {}, \"worked_out\": {}, \"source\": {}, \"source_label\": {}, \"statement\": {}, \"quotes\": [{}], \"not_in_article\": {}}}"
                ),
                json_str(&f.id),
                json_str(f.actor.slug()),
                json_str(f.actor.label()),
                json_str(f.measure.slug()),
                json_str(f.measure.label()),
                f.value.map_or("null".to_string(), plain),
                f.high.map_or("null".to_string(), plain),
                opt(&f.value_text),
                json_str(f.hedge.kind.slug()),
                json_str(f.hedge.kind.label()),
                json_str(format::hedge_quoted(f).unwrap_or_default()),
                json_str(f.unit.slug()),
                opt(&f.period),
                f.worked_out.as_ref().map_or("null".to_string(), |w| format!(
                    "{{\"date\": {}, \"how\": {}}}",
                    json_str(&w.date),
                    json_str(&w.how)
                )),
                json_str(f.source.slug()),
                json_str(f.source.credit()),
                json_str(&format::statement(f)),
                quotes.join(", "),
                opt(&f.outside),
            )
        })
        .collect();
    format!(
        "{{\n  \"article\": {{\"title\": {}, \"dateline\": {}, \"outlet\": {}}},\n  \"view\": {},\n  \"figures\": [\n{}\n  ]\n}}\n",
        json_str(&data.article.title),
        json_str(&data.article.dateline),
        opt(&data.article.outlet),
        json_str(view_url),
        items.join(",\n")
    )
}

/// XML text or attribute content.
pub fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page's light colours, as `style.css` names them: a file has no stylesheet, so they are
/// written onto each shape. A test holds them equal to the stylesheet's.
pub const PALETTE: [(&str, &str); 6] = [
    ("--bg", BG),
    ("--fg", FG),
    ("--muted", MUTED),
    ("--border", BORDER),
    ("--accent", ACCENT),
    ("--hatch-bg", HATCH_BG),
];
/// The background of a chart file, and of its link-preview image.
pub const BG: &str = "#ffffff";
const FG: &str = "#1b1d21";
const MUTED: &str = "#52575f";
const BORDER: &str = "#8a9099";
const ACCENT: &str = "#0b57a4";
const HATCH_BG: &str = "#dbe7f5";

/// The legend of a chart file, in words, for the kinds the chart draws only:
/// "Solid: about or approximately. Hatched, open-ended: up to, an upper bound."
fn file_legend(data: &Dataset, spec: &ChartSpec) -> String {
    use crate::select::MarkStyle;
    let keys: Vec<String> = crate::select::drawn_kinds(data, &|f| spec.draws(&f.id))
        .iter()
        .map(|(style, words)| {
            let words = words.join(" or ");
            match style {
                MarkStyle::Exact => "Solid, no words: exact.".to_string(),
                MarkStyle::Approximate => format!("Solid: {words}."),
                MarkStyle::LowerBound => {
                    format!("Dashed on past the end, with an arrow: {words}, a lower bound.")
                }
                MarkStyle::UpperBound => format!("Hatched, open-ended: {words}, an upper bound."),
                MarkStyle::Range => "From one end to the other, capped: a range.".to_string(),
            }
        })
        .collect();
    keys.join(" ")
}

/// A shape's colours and type by its class in the page.
fn paint(class: &str) -> String {
    match class {
        "bar" => format!(r#"fill="{ACCENT}""#),
        "bound-edge" => format!(r#"stroke="{ACCENT}" stroke-width="1.5" stroke-dasharray="5 3""#),
        "hit" => r#"fill="none""#.into(),
        "mark-label" => format!(r#"fill="{FG}" font-size="13" font-weight="600""#),
        "mark-sublabel" | "tick-label" | "axis-title" => {
            format!(r#"fill="{MUTED}" font-size="12""#)
        }
        "axis" | "tick" => format!(r#"stroke="{BORDER}""#),
        "range-cap" => format!(r#"stroke="{ACCENT}" stroke-width="2""#),
        "more-arrow" => format!(r#"fill="{ACCENT}" font-size="14" font-weight="700""#),
        _ => String::new(),
    }
}

/// Width of an exported chart, in px; its panels are drawn with the page's own geometry.
pub const SVG_WIDTH: i32 = 720;
const MARGIN: i32 = 16;

/// A standalone image file and its size in px.
#[derive(Clone, PartialEq, Debug)]
pub struct ChartFile {
    pub svg: String,
    pub width: i32,
    pub height: i32,
}

/// A chart as a standalone SVG document: title, legend, panels, summary as its description,
/// and the source credit, readable in any viewer.
pub fn chart_svg(data: &Dataset, spec: &ChartSpec) -> ChartFile {
    chart_svg_at(data, spec, SVG_WIDTH)
}

/// `chart_svg` drawn `width` px wide (the link-preview image draws it wider than the file):
/// the panels' geometry is in fractions of the width, and the text wraps to it.
pub fn chart_svg_at(data: &Dataset, spec: &ChartSpec, width: i32) -> ChartFile {
    // How many more characters a line holds than in a file of `SVG_WIDTH`.
    let chars = |at_file: usize| {
        at_file * (width - 2 * MARGIN) as usize / (SVG_WIDTH - 2 * MARGIN) as usize
    };
    // A filtered chart says so under its title, in visible text: the file travels alone.
    let (filtered, legend_y) = match &spec.filtered {
        Some(words) => (
            format!(
                r#"<text x="{MARGIN}" y="48" font-size="13" font-weight="700" fill="{FG}">{}</text>"#,
                xml(words)
            ),
            66,
        ),
        None => (String::new(), 46),
    };
    // The legend in lines that fit, as the notes are: a file that travels alone keeps it whole.
    let (legend, lines) = muted_lines(&file_legend(data, spec), legend_y, chars(CREDIT_CHARS));
    let mut y = legend_y + 12 + 14 * (lines - 1);
    // The chart's notes under its legend, as on the page: a file that travels alone keeps them.
    let mut body = String::new();
    for note in &spec.notes {
        let (svg, lines) = muted_lines(note, y + 4, chars(CREDIT_CHARS));
        body.push_str(&svg);
        y += 14 * lines;
    }
    for (i, panel) in spec.panels.iter().enumerate() {
        if let Some(layout) = layout_panel_in(panel, chars(FILE_LABEL_CHARS), None) {
            let scene = scene(&layout);
            body.push_str(&panel_svg(&scene, y, width, &format!("hatch-{i}")));
            y += scene.height + 8;
        }
    }
    let credit = crate::select::chart_credit(data, spec);
    let (credit, lines) = muted_lines(&credit, y + 12, chars(CREDIT_CHARS));
    let extra = 14 * (lines - 1);
    let height = y + 40 + extra;
    let svg = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            "\n",
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">"#,
            "<title>{full_title}</title><desc>{desc}</desc>",
            r#"<rect width="100%" height="100%" fill="{bg}"/>"#,
            r#"<text x="{m}" y="28" font-size="18" font-weight="700" fill="{fg}">{title}</text>"#,
            "{filtered}",
            "{legend}",
            "{body}",
            "{credit}",
            r#"<text x="{m}" y="{c2}" font-size="12" fill="{muted}">{name}</text>"#,
            "</svg>\n"
        ),
        w = width,
        h = height,
        m = MARGIN,
        title = xml(spec.title),
        filtered = filtered,
        legend = legend,
        full_title = xml(&match &spec.filtered {
            Some(words) => format!("{} ({words})", spec.title),
            None => spec.title.to_string(),
        }),
        desc = xml(&spec.summary),
        body = body,
        c2 = y + 28 + extra,
        name = xml(crate::dataset::vocabulary().page.name),
        credit = credit,
        bg = BG,
        fg = FG,
        muted = MUTED,
    );
    ChartFile { svg, width, height }
}

/// `text` in muted lines of 12 px (`CREDIT_CHARS`) that fit `chars`, 14 px apart, the first at
/// `y` (the legend, each note, the credit: a file that travels alone keeps them whole, no source
/// cut off at its edge); and how many lines.
fn muted_lines(text: &str, y: i32, chars: usize) -> (String, i32) {
    let lines = wrap(text, chars);
    let svg = lines
        .iter()
        .zip(0..)
        .map(|(line, i)| {
            format!(
                r#"<text x="{MARGIN}" y="{}" font-size="12" fill="{MUTED}">{}</text>"#,
                y + 14 * i,
                xml(line)
            )
        })
        .collect();
    (svg, lines.len() as i32)
}

/// One panel's scene at `y` in a chart file `width` px wide, with its own hatch pattern.
fn panel_svg(scene: &crate::chart::scene::Scene, y: i32, width: i32, hatch: &str) -> String {
    let inner = width - 2 * MARGIN;
    let mut out = format!(
        r#"<svg x="{MARGIN}" y="{y}" width="{inner}" height="{}" overflow="visible"><defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{HATCH_BG}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{ACCENT}" stroke-width="2.5"/></pattern></defs>"#,
        scene.height
    );
    for mark in &scene.marks {
        out.push_str(&format!(r#"<g transform="translate(0 {})">"#, mark.y));
        for s in &mark.shapes {
            out.push_str(&shape_svg(s, hatch));
        }
        out.push_str("</g>");
    }
    for s in &scene.axis {
        out.push_str(&shape_svg(s, hatch));
    }
    out.push_str("</svg>");
    out
}

/// The most characters of 12 px text (the least a chart file writes) on one line of a chart
/// file: its 688 px, at a wide 7.5 px a character.
pub const CREDIT_CHARS: usize = 91;

/// The most characters of a mark's label (14 px, semi-bold) on one line of a chart file: its
/// 688 px at a wide 7.5 px a character.
pub const FILE_LABEL_CHARS: usize = 90;

pub use crate::format::wrap;

fn shape_svg(s: &Shape, hatch: &str) -> String {
    let len = |l: &Len| l.to_string();
    match s {
        Shape::Rect {
            class,
            hatched,
            x,
            y,
            w,
            h,
        } => {
            let fill = if *hatched {
                format!(r#"fill="url(#{hatch})""#)
            } else {
                paint(class)
            };
            format!(
                r#"<rect x="{}" y="{y}" width="{}" height="{h}" {fill}/>"#,
                len(x),
                len(w)
            )
        }
        Shape::Line {
            x1,
            x2,
            y1,
            y2,
            class,
        } => {
            format!(
                r#"<line x1="{}" x2="{}" y1="{y1}" y2="{y2}" {}/>"#,
                len(x1),
                len(x2),
                paint(class)
            )
        }
        Shape::Text {
            x,
            y,
            anchor,
            class,
            text,
        } => format!(
            r#"<text x="{}" y="{y}" text-anchor="{}" {}>{}</text>"#,
            len(x),
            anchor.svg(),
            paint(class),
            xml(text)
        ),
    }
}

/// A first height for an embed of these charts, before the page reports its real one.
pub fn embed_height(specs: &[ChartSpec]) -> i32 {
    let charts: i32 = specs
        .iter()
        .map(|c| {
            let panels: i32 = c
                .panels
                .iter()
                .filter_map(layout_panel)
                .map(|l| l.height + 8)
                .sum();
            panels + 110 // title, legend, the Description disclosure and the gap below
        })
        .sum();
    (charts + 70).clamp(200, 4000) // the credit line, the link back and the padding
}

/// A citation of a view, ready to paste: the article (its title, its outlet where the data
/// names one, or else a note that the text names none, never a guess, and its dateline), this
/// explorer, the view's canonical address and the day it was read.
pub fn citation(data: &Dataset, view_url: &str, accessed: &str) -> String {
    let a = &data.article;
    let published = match &a.outlet {
        Some(outlet) => format!("{outlet}, {}", a.dateline),
        None => format!(
            "news article of {} (the text quoted here names no outlet)",
            a.dateline
        ),
    };
    format!(
        "“{}”, {published}. Figures as quoted and charted by {}: {view_url} (accessed {accessed}).",
        a.title,
        crate::dataset::vocabulary().page.name
    )
}

/// "1 December 2026".
pub fn day_month_year(year: u32, month: u32, day: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(month.saturating_sub(1) as usize).unwrap_or(&"");
    format!("{day} {month} {year}")
}

/// The `type` of our own height message, which the Embed dialog's preview and the host page's
/// resize script (`RESIZE_SCRIPT`) listen for. A macro, so that `concat!` can write it
/// into those texts at compile time; `HEIGHT_MESSAGE` is the same name as a constant.
macro_rules! height_message {
    () => {
        "frontline-figures:height"
    };
}
pub(crate) use height_message;

/// The `type` of our own height message (`height_message!`), which `resize` sends.
pub const HEIGHT_MESSAGE: &str = height_message!();

/// The resize script for the host page: it matches the iframe by `event.source` (a sandboxed
/// frame's origin is "null", so the origin cannot be checked) and takes only sane numbers.
pub const RESIZE_SCRIPT: &str = concat!(
    r#"<script>
window.addEventListener("message", function (e) {
  var d = e.data, h = d && d.type === ""#,
    height_message!(),
    r#"" ? d.height : NaN;
  if (typeof h !== "number" || !isFinite(h) || h <= 0 || h > 100000) return;
  document.querySelectorAll("iframe[data-frontline-figures]").forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = Math.ceil(h) + "px";
  });
});
</script>"#
);

/// The frame another page embeds the explorer in: `src` (already with `embed=1`) and `title`
/// escaped, lazy, borderless, and marked for the resize script (`RESIZE_SCRIPT`). The embed
/// snippet and `oembed.json` both write it.
pub fn iframe(src: &str, title: &str, width: impl std::fmt::Display, height: i32) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="{width}" height="{height}" loading="lazy" frameborder="0" data-frontline-figures></iframe>"#,
        xml(src),
        xml(title)
    )
}

/// The snippet a blogger pastes: an iframe of `url` (already with `embed=1`) and, optionally,
/// the resize script.
pub fn embed_snippet(url: &str, title: &str, height: i32, with_script: bool) -> String {
    let iframe = iframe(url, title, "100%", height);
    if with_script {
        format!("{iframe}\n{RESIZE_SCRIPT}")
    } else {
        iframe
    }
}

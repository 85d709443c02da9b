//! A chart's link-preview image, drawn at build time: the chart's own file (`export::chart_svg_at`:
//! the scene the page and the SVG download draw, with its title, legend, notes and credit line)
//! on a canvas of the size Open Graph and Twitter's large card show, rasterised by resvg with
//! fonts read from known files, so the image does not depend on what else the machine has.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use crate::dataset::Dataset;
use crate::export::{BG, chart_svg_at};
use crate::select::ChartSpec;

/// The image's size in px: the 1.91:1 of Open Graph's and Twitter's large previews.
pub const WIDTH: i32 = 1200;
pub const HEIGHT: i32 = 630;

/// The narrowest a chart is drawn for its preview, in px (a column's width): a short chart is
/// drawn narrower than the canvas and scaled up, down to this.
pub const MIN_WIDTH: i32 = 600;

/// The preview of `spec` as SVG, `WIDTH` x `HEIGHT`: the chart's file drawn at the width whose
/// height has the canvas's proportions (wider for a tall chart, narrower for a short one, down
/// to `MIN_WIDTH`), scaled to fit and centred, so that its text is as large as the canvas allows.
pub fn preview_svg(data: &Dataset, spec: &ChartSpec) -> String {
    let mut file = chart_svg_at(data, spec, WIDTH);
    // Twice: text wraps to the width, so the height moves a little with it.
    for _ in 0..2 {
        let width = (WIDTH * file.height / HEIGHT).max(MIN_WIDTH);
        if width != file.width {
            file = chart_svg_at(data, spec, width);
        }
    }
    let scale = f64::min(
        f64::from(WIDTH) / f64::from(file.width),
        f64::from(HEIGHT) / f64::from(file.height),
    );
    let x = (f64::from(WIDTH) - f64::from(file.width) * scale) / 2.0;
    let y = (f64::from(HEIGHT) - f64::from(file.height) * scale) / 2.0;
    // The file's own <svg> element, without its XML declaration, nested in the canvas.
    let chart = file
        .svg
        .split_once("?>")
        .map_or(file.svg.as_str(), |(_, rest)| rest)
        .trim();
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="{BG}"/><g transform="translate({x:.2} {y:.2}) scale({scale:.4})">{chart}</g></svg>"#
    )
}

/// What the preview image shows, for `og:image:alt` and `twitter:image:alt`: the chart, how
/// many figures it draws and how, and that its legend and sources are in it.
pub fn image_alt(data: &Dataset, spec: &ChartSpec) -> String {
    use crate::select::MarkStyle;
    let marks: Vec<_> = spec.marks().collect();
    let filtered = spec
        .filtered
        .as_deref()
        .map_or(String::new(), |words| format!(" ({words})"));
    // How each drawing that is not a plain bar looks, where the image has one.
    let drawings: String = [
        (MarkStyle::UpperBound, ", upper bounds hatched"),
        (
            MarkStyle::LowerBound,
            ", lower bounds running on to an arrow",
        ),
        (
            MarkStyle::Range,
            ", ranges from their low number to their high one",
        ),
    ]
    .iter()
    .filter(|(style, _)| marks.iter().any(|m| m.style == *style))
    .map(|(_, words)| *words)
    .collect();
    format!(
        "Bar chart “{}”{filtered}: {} {} from the article of {}{drawings}, with its legend and its sources",
        spec.title,
        marks.len(),
        if marks.len() == 1 {
            "figure"
        } else {
            "figures"
        },
        data.article.dateline,
    )
}

/// The fonts the preview is drawn with: DejaVu Sans (Debian's `fonts-dejavu-core`), regular
/// and bold, from where Debian puts them. Only these are loaded, and every family the chart
/// names falls back to them, so the image is the same on every machine that has them.
pub const FONT_FILES: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];
const FONT_FAMILY: &str = "DejaVu Sans";

/// The fonts loaded for drawing previews.
pub struct Fonts(Arc<usvg::fontdb::Database>);

impl Fonts {
    /// `FONT_FILES`, or an error that says which file is missing and how to get it.
    pub fn load() -> Result<Fonts, String> {
        Fonts::from_files(&FONT_FILES)
    }

    pub fn from_files(files: &[&str]) -> Result<Fonts, String> {
        let mut db = usvg::fontdb::Database::new();
        for file in files {
            let bytes = std::fs::read(file).map_err(|e| {
                format!(
                    "cannot read the font {file} that link-preview images are drawn with: {e}; install Debian's fonts-dejavu-core (scripts/setup.sh does)"
                )
            })?;
            db.load_font_data(bytes);
        }
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Ok(Fonts(Arc::new(db)))
    }
}

/// `svg` drawn as a PNG of its own size, with `fonts`.
pub fn png(svg: &str, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fonts.0.clone(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the preview's SVG does not parse: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or("the preview's SVG has no size to draw at")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the preview as PNG: {e}"))
}

//! A chart's downloads: SVG, PNG and a copied image, each written only when asked for, a toolbar
//! of one tab stop, and what became of the copy said beside it (view-only state, which the chart
//! keeps: a function here costs the wasm less than a component of its own).

use std::rc::Rc;

use yew::prelude::*;

use super::DataRef;
use crate::dataset::Choice;
use crate::export;
use crate::filters::Filters;
use crate::keys::Arrows;
use crate::select::ChartSpec;

pub struct ChartDownloadsProps<'a> {
    pub data: DataRef,
    pub spec: &'a Rc<ChartSpec>,
    /// The filters the chart was drawn under: the files' names say them.
    pub filters: &'a Filters,
    /// What became of the last copy: the chart's view-only state.
    pub copied: &'a UseStateHandle<String>,
}

pub fn chart_downloads(props: ChartDownloadsProps) -> Html {
    let ChartDownloadsProps {
        data,
        spec,
        filters,
        copied,
    } = props;
    let download = |ext: &'static str| {
        let spec = spec.clone();
        let name = export::file_name(&data, filters, Some(spec.id.slug()), ext);
        Callback::from(move |_: MouseEvent| {
            let file = export::chart_svg(&data, &spec);
            match ext {
                "png" => crate::browser::download_png(&name, &file.svg, file.width, file.height),
                _ => crate::browser::download(&name, "image/svg+xml", &file.svg),
            }
        })
    };
    let copy_image = {
        let (spec, copied) = (spec.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let file = export::chart_svg(&data, &spec);
            let copied = copied.clone();
            crate::browser::copy_png(&file.svg, file.width, file.height, move |ok| {
                copied.set(if ok {
                    "Image copied.".into()
                } else {
                    "This browser does not let the page copy images: use Download PNG.".into()
                });
            });
        })
    };
    // One tab stop for the three (the first), the arrow keys between them: three charts'
    // downloads were nine tab stops.
    let button = |i: usize, attr: (&'static str, &'static str), onclick, name: String, text| {
        let (key, value) = attr;
        let tabindex = if i == 0 { "0" } else { "-1" };
        html! {
            <button type="button" class="link-button" data-download={(key == "download").then_some(value)}
                data-copy={(key == "copy").then_some(value)} {onclick} aria-label={name} {tabindex}>{ text }</button>
        }
    };
    let onkeydown = |e: KeyboardEvent| {
        crate::browser::roving_key(&e, "button", Arrows::Row, false);
    };
    html! {
        <>
            <span role="toolbar" aria-label={format!("Downloads of {}", spec.title)} {onkeydown}>
                { "Download this chart: " }
                { button(0, ("download", "svg"), download("svg"), format!("Download {} as SVG", spec.title), "SVG") }
                { " · " }
                { button(1, ("download", "png"), download("png"), format!("Download {} as PNG", spec.title), "PNG") }
                { " · " }
                { button(2, ("copy", "png"), copy_image, format!("Copy image of {}", spec.title), "Copy image") }
            </span>
            <span class="copy-status" role="status">{ format!(" {}", **copied) }</span>
        </>
    }
}

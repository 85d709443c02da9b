//! A chart's downloads: SVG, PNG and a copied image, each written only when asked for, and what
//! became of the copy said beside it (view-only state, which the chart keeps: a function here
//! costs the wasm less than a component of its own).

use yew::prelude::*;

use super::DataRef;
use crate::dataset::Choice;
use crate::export;
use crate::filters::Filters;
use crate::select::ChartSpec;

pub struct ChartDownloadsProps<'a> {
    pub data: DataRef,
    pub spec: &'a ChartSpec,
    /// The filters the chart was drawn under: the files' names say them.
    pub filters: &'a Filters,
    /// What became of "Copy image", said beside it.
    pub copied: UseStateHandle<String>,
}

pub fn chart_downloads(props: ChartDownloadsProps<'_>) -> Html {
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
    html! {
        <>
            { "Download this chart: " }
            <button type="button" class="link-button" data-download="svg" onclick={download("svg")} aria-label={format!("Download {} as SVG", spec.title)}>{ "SVG" }</button>
            { " · " }
            <button type="button" class="link-button" data-download="png" onclick={download("png")} aria-label={format!("Download {} as PNG", spec.title)}>{ "PNG" }</button>
            { " · " }
            <button type="button" class="link-button" data-copy="png" onclick={copy_image} aria-label={format!("Copy image of {}", spec.title)}>{ "Copy image" }</button>
            <span class="copy-status" role="status">{ format!(" {}", *copied) }</span>
        </>
    }
}

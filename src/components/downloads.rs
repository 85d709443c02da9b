//! A chart's downloads: SVG, PNG and a copied image, each written only when asked for, and what
//! became of the copy said beside it (view-only state, so a component).

use yew::prelude::*;

use super::DataRef;
use crate::dataset::Choice;
use crate::export;
use crate::filters::Filters;
use crate::select::ChartSpec;

#[derive(Properties, PartialEq)]
pub struct ChartDownloadsProps {
    pub data: DataRef,
    pub spec: ChartSpec,
    /// The filters the chart was drawn under: the files' names say them.
    pub filters: Filters,
}

#[component]
pub fn ChartDownloads(props: &ChartDownloadsProps) -> Html {
    let ChartDownloadsProps {
        data,
        spec,
        filters,
    } = props;
    let download = |ext: &'static str| {
        let (data, spec) = (*data, spec.clone());
        let name = export::file_name(&data, filters, Some(spec.id.slug()), ext);
        Callback::from(move |_: MouseEvent| {
            let file = export::chart_svg(&data, &spec);
            match ext {
                "png" => crate::browser::download_png(&name, &file.svg, file.width, file.height),
                _ => crate::browser::download(&name, "image/svg+xml", &file.svg),
            }
        })
    };
    let copied = use_state(String::new);
    let copy_image = {
        let (data, spec, copied) = (*data, spec.clone(), copied.clone());
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

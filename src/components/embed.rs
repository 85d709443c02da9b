//! The Embed dialog: what to embed (the whole view, or one of its charts alone), a live preview
//! of the embed at a phone's, a column's or a wide width with the height its frame will take
//! (measured from the preview's own height messages), and the snippet, which follows every
//! choice. Escape closes it. Its choices are view-only state.

use yew::prelude::*;

use super::DataRef;
use crate::dataset::ChartId;
use crate::dataset::Choice;
use crate::export;
use crate::hooks::use_frame_height;
use crate::select::charts_shown;
use crate::view_state::ViewState;

/// The preview widths offered, in px, and their names.
pub const WIDTHS: [(i32, &str); 3] = [(375, "Phone"), (600, "Column"), (760, "Wide")];

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub data: DataRef,
    pub state: ViewState,
    /// What became of a copy, for the share bar's live region.
    pub onstatus: Callback<String>,
    pub onclose: Callback<()>,
}

#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let EmbedPanelProps {
        data,
        state,
        onstatus,
        onclose,
    } = props;
    let with_script = use_state(|| true);
    let chart = use_state(|| None::<ChartId>);
    let width = use_state(|| WIDTHS[1].0);
    let preview = use_node_ref();
    let measured = use_frame_height(preview.clone());
    let embedded = ViewState {
        embed: true,
        chart: *chart,
        ..state.clone()
    };
    let url = crate::browser::page_url(&embedded.to_query());
    let specs = charts_shown(data, &state.filters, *chart);
    let height = measured.unwrap_or_else(|| export::embed_height(&specs));
    let title = match *chart {
        Some(c) => format!("{}: {}", c.label(), data.article.title),
        None => super::share::title().to_string(),
    };
    let code = export::embed_snippet(&url, &title, height, *with_script);
    let choose_chart = |c: Option<ChartId>| {
        let (chart, measured) = (chart.clone(), measured.clone());
        Callback::from(move |_: Event| {
            measured.set(None);
            chart.set(c);
        })
    };
    let choose_width = |w: i32| {
        let (width, measured) = (width.clone(), measured.clone());
        Callback::from(move |_: Event| {
            measured.set(None);
            width.set(w);
        })
    };
    let toggle_script = {
        let with_script = with_script.clone();
        Callback::from(move |_: Event| with_script.set(!*with_script))
    };
    let copy = copy_code(code.clone(), onstatus.clone());
    let onkeydown = close_on_escape(onclose.clone());
    let shown: Vec<ChartId> = charts_shown(data, &state.filters, None)
        .iter()
        .map(|s| s.id)
        .collect();
    let size = match *measured {
        Some(h) => format!("At {} px wide, the frame will be {h} px tall.", *width),
        None => format!(
            "At {} px wide, the frame starts {height} px tall and fits its content once loaded.",
            *width
        ),
    };
    html! {
        <div class="embed-panel" id="embed-panel" {onkeydown}>
            { what_to_embed(&shown, *chart, choose_chart) }
            { preview_width(*width, choose_width) }
            <p class="embed-size" aria-live="polite">{ size }</p>
            <div class="embed-preview">
                <iframe ref={preview} src={url.clone()} title={format!("Preview: {title}")} width={width.to_string()} height={height.to_string()}></iframe>
            </div>
            <label for="embed-code">{ "Embed code" }</label>
            <textarea id="embed-code" readonly=true rows="6" value={code} />
            <p class="embed-options">
                <label>
                    <input type="checkbox" checked={*with_script} onchange={toggle_script} />
                    { " Include the resize script, so the frame fits its content (hosts that run Pym.js or listen for iframe.resize need none)" }
                </label>
            </p>
            <button type="button" class="button" onclick={copy}>{ "Copy embed code" }</button>
            <p class="hint">{ "Add theme=light or theme=dark to the frame's address to fix the colours. Escape closes this panel." }</p>
        </div>
    }
}

fn what_to_embed(
    shown: &[ChartId],
    chosen: Option<ChartId>,
    choose: impl Fn(Option<ChartId>) -> Callback<Event>,
) -> Html {
    html! {
        <fieldset class="embed-choice">
            <legend>{ "What to embed" }</legend>
            <label>
                <input type="radio" name="embed-what" checked={chosen.is_none()} onchange={choose(None)} />
                { " The whole view" }
            </label>
            { for shown.iter().map(|&c| html! {
                <label>
                    <input type="radio" name="embed-what" data-chart={c.slug()} checked={chosen == Some(c)} onchange={choose(Some(c))} />
                    { format!(" This chart: {}", c.label()) }
                </label>
            }) }
        </fieldset>
    }
}

fn preview_width(chosen: i32, choose: impl Fn(i32) -> Callback<Event>) -> Html {
    html! {
        <fieldset class="embed-choice">
            <legend>{ "Preview width" }</legend>
            { for WIDTHS.iter().map(|&(w, name)| html! {
                <label>
                    <input type="radio" name="embed-width" value={w.to_string()} checked={chosen == w} onchange={choose(w)} />
                    { format!(" {name} ({w} px)") }
                </label>
            }) }
        </fieldset>
    }
}

/// Copies the snippet; where the browser refuses, selects it and says how to copy it by hand.
fn copy_code(code: String, onstatus: Callback<String>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let onstatus = onstatus.clone();
        crate::browser::copy_text(&code, move |ok| {
            if ok {
                onstatus.emit("Embed code copied.".into());
            } else {
                crate::browser::select_text("embed-code");
                onstatus.emit("Copying was not allowed here: the code is selected; press Ctrl+C (⌘C on a Mac).".into());
            }
        });
    })
}

fn close_on_escape(onclose: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            onclose.emit(());
        }
    })
}

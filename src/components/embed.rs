//! The Embed dialog: what to embed (every chart of the view, or one alone) and in which colours
//! (light unless chosen otherwise), the snippet first with its Copy button, then a live preview
//! at a phone's, a column's or a wide width. The snippet's height is the embed's in the
//! narrowest blog column, measured in a frame out of sight, so a host that strips scripts
//! still shows all of it.
//! Escape closes it. Its choices are view-only state.

use yew::prelude::*;

use super::DataRef;
use crate::dataset::ChartId;
use crate::dataset::Choice;
use crate::export;
use crate::hooks::use_frame_height;
use crate::select::charts_shown;
use crate::view_state::{Theme, ViewState};

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
    // Light unless the blogger chooses otherwise: a reader in dark mode must not get a black
    // slab inside a white blog (Datawrapper's default too).
    let theme = use_state(|| Theme::Light);
    let width = use_state(|| WIDTHS[1].0);
    let preview = use_node_ref();
    let measured = use_frame_height(preview.clone());
    // A frame at the narrowest column a blog has, out of sight: its height is the snippet's,
    // so a host that strips the script still shows the whole embed at any width.
    let narrow = use_node_ref();
    let needed = use_frame_height(narrow.clone());
    // What an embed can show: the charts of this view (never its table, article or timeline),
    // in the chosen colours.
    let embedded = crate::select::embedded(data, state, *chart, *theme);
    // One chart is embedded from its own page, whose link preview shows it.
    let url = crate::browser::share_url(&embedded.share_path());
    let specs = charts_shown(data, &state.filters, *chart);
    let estimate = export::embed_height(&specs);
    let height = measured.unwrap_or(estimate);
    let snippet_height = needed.unwrap_or(estimate);
    let title = crate::select::embed_title(data, *chart, &state.filters);
    let code = export::embed_snippet(&url, &title, snippet_height, *with_script);
    // A new chart needs both heights measured again, a new width the preview's.
    let choose_chart = |c| pick(&chart, c, &[&measured, &needed]);
    let choose_theme = |t| pick(&theme, t, &[]);
    let choose_width = |w| pick(&width, w, &[&measured]);
    let toggle_script = {
        let with_script = with_script.clone();
        Callback::from(move |_: Event| with_script.set(!*with_script))
    };
    let shown: Vec<ChartId> = charts_shown(data, &state.filters, None)
        .iter()
        .map(|s| s.id)
        .collect();
    let sizes = Sizes {
        width: *width,
        preview: *measured,
        snippet: *needed,
        estimate,
    };
    // The code and its Copy button come first: on a phone the preview is far below.
    html! {
        <div class="embed-panel" id="embed-panel" onkeydown={close_on_escape(onclose.clone())}>
            { what_to_embed(&shown, *chart, choose_chart) }
            { colours(*theme, choose_theme) }
            { snippet(code, *with_script, toggle_script, onstatus.clone()) }
            <p class="embed-size" aria-live="polite">{ sizes.said() }</p>
            { preview_width(*width, choose_width) }
            <div class="embed-preview">
                <iframe ref={preview} src={url.clone()} title={format!("Preview: {title}")} width={width.to_string()} height={height.to_string()}></iframe>
            </div>
            <iframe ref={narrow} class="embed-measure" src={url} title="The embed in the narrowest column, measured for the code's height" aria-hidden="true" tabindex="-1" width={NARROWEST.to_string()} height="100"></iframe>
            <p class="hint">{ "Escape closes this panel." }</p>
        </div>
    }
}

/// The narrowest column a blog gives an embed, in px: a 320 px phone's screen less a theme's
/// two 16 px margins. The snippet's height is the embed's there.
pub const NARROWEST: i32 = 288;

/// The heights the dialog knows: the preview's at its width, and the embed's at `NARROWEST`.
struct Sizes {
    width: i32,
    preview: Option<i32>,
    snippet: Option<i32>,
    estimate: i32,
}

impl Sizes {
    fn said(&self) -> String {
        let preview = match self.preview {
            Some(h) => format!("At {} px wide, the frame will be {h} px tall.", self.width),
            None => format!(
                "At {} px wide, the frame starts {} px tall and fits its content once loaded.",
                self.width, self.estimate
            ),
        };
        let snippet = match self.snippet {
            Some(h) => format!(
                " The code's frame is {h} px tall: all the embed needs in the narrowest blog column, {NARROWEST} px, so a host that strips the script still shows all of it at the usual text size (with larger text, or a figure's details open, the frame scrolls)."
            ),
            None => String::new(),
        };
        format!("{preview}{snippet}")
    }
}

/// A choice's callback: `handle` takes `value`, and the heights in `forget` are measured again.
fn pick<T: Clone + 'static>(
    handle: &UseStateHandle<T>,
    value: T,
    forget: &[&UseStateHandle<Option<i32>>],
) -> Callback<Event> {
    let handle = handle.clone();
    let forget: Vec<UseStateHandle<Option<i32>>> = forget.iter().map(|&h| h.clone()).collect();
    Callback::from(move |_: Event| {
        forget.iter().for_each(|h| h.set(None));
        handle.set(value.clone());
    })
}

/// The code, whether it carries the resize script, and its Copy button.
fn snippet(
    code: String,
    with_script: bool,
    toggle_script: Callback<Event>,
    onstatus: Callback<String>,
) -> Html {
    html! {
        <>
            <label for="embed-code">{ "Embed code" }</label>
            <textarea id="embed-code" readonly=true rows="6" value={code.clone()} />
            <p class="embed-options">
                <label>
                    <input type="checkbox" checked={with_script} onchange={toggle_script} />
                    { " Include the resize script, so the frame fits its content (hosts that run Pym.js or listen for iframe.resize need none)" }
                </label>
            </p>
            <button type="button" class="button" onclick={copy_code(code, onstatus)}>{ "Copy embed code" }</button>
        </>
    }
}

fn colours(chosen: Theme, choose: impl Fn(Theme) -> Callback<Event>) -> Html {
    let options = [
        (Theme::Light, "Light"),
        (Theme::Dark, "Dark"),
        (Theme::Auto, "Automatic (follows the reader's system)"),
    ];
    html! {
        <fieldset class="embed-choice">
            <legend>{ "Colours" }</legend>
            { for options.iter().map(|&(t, name)| html! {
                <label>
                    <input type="radio" name="embed-theme" value={t.slug()} checked={chosen == t} onchange={choose(t)} />
                    { format!(" {name}") }
                </label>
            }) }
        </fieldset>
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
                { " Every chart of this view" }
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
                onstatus.emit(
                    "Copying was not allowed here: the code is selected, to copy yourself.".into(),
                );
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

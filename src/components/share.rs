//! Share, embed and download the current view: "Copy link" and "Cite" (each with a fallback
//! that shows its text selected where the browser refuses the clipboard), the system share
//! sheet where the browser has one, the embed code, and the selected figures as CSV and JSON.
//! Every URL here is the canonical URL of the current state, without the parameters that are
//! not ours (a click identifier such as fbclid names the reader who clicked).

use yew::prelude::*;

use super::DataRef;
use crate::export;
use crate::select::{charts, select_figures};
use crate::view_state::ViewState;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub data: DataRef,
    pub state: ViewState,
    /// Without the app nothing here could act, so nothing is drawn.
    pub ready: bool,
}

const TITLE: &str =
    "Frontline Figures: North Korea, Russia and Ukraine in the article's own numbers";

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let ShareBarProps { data, state, ready } = props;
    // What happened last, for the live region; and which fallbacks are open.
    let status = use_state(String::new);
    // What the browser would not copy, shown selected for copying by hand.
    let manual = use_state(|| None::<Manual>);
    let embed_open = use_state(|| false);
    let with_script = use_state(|| true);
    // `_eq`: where there is no share sheet, finding that out does not render the bar again.
    let can_share = use_state_eq(|| false);
    {
        let can_share = can_share.clone();
        use_effect_with((), move |_| can_share.set(crate::browser::can_share()));
    }
    {
        // Once a field for copying by hand is shown, select it so Ctrl+C copies it.
        use_effect_with(*manual, |shown| {
            if let Some(m) = shown {
                crate::browser::select_text(m.id());
            }
        });
    }
    if !ready {
        return html! { <div class="share"></div> };
    }
    let query = state.to_query();

    let copy = |what: Manual, text: String, done: &'static str| {
        let (status, manual) = (status.clone(), manual.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, manual) = (status.clone(), manual.clone());
            crate::browser::copy_text(&text, move |ok| {
                if ok {
                    manual.set(None);
                    status.set(done.into());
                } else {
                    manual.set(Some(what));
                    status.set(format!("Copying was not allowed here: the {} is selected below; press Ctrl+C (⌘C on a Mac).", what.noun()));
                }
            });
        })
    };
    let url = crate::browser::page_url(&query);
    let citation = export::citation(data, &url, &crate::browser::today());
    let copy_link = copy(Manual::Link, url.clone(), "Link copied.");
    let cite = copy(Manual::Citation, citation.clone(), "Citation copied.");
    let share = {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            crate::browser::share(TITLE, &crate::browser::page_url(&query))
        })
    };
    let toggle_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: MouseEvent| embed_open.set(!*embed_open))
    };
    let selected = select_figures(data, &state.filters);
    let download_csv = {
        let (name, body) = (
            export::file_name(&state.filters, None, "csv"),
            export::csv(&selected),
        );
        Callback::from(move |_: MouseEvent| {
            crate::browser::download(&name, "text/csv;charset=utf-8", &body)
        })
    };
    let download_json = {
        let name = export::file_name(&state.filters, None, "json");
        let (data, selected_ids): (DataRef, Vec<String>) =
            (*data, selected.iter().map(|f| f.id.clone()).collect());
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            let figures: Vec<_> = selected_ids
                .iter()
                .filter_map(|id| data.figure(id))
                .collect();
            let body = export::json(&data, &figures, &crate::browser::page_url(&query));
            crate::browser::download(&name, "application/json", &body);
        })
    };
    let nothing = selected.is_empty();

    html! {
        <div class="share">
            <div class="toolbar" role="group" aria-label="Share and download this view">
                <button type="button" class="button" onclick={copy_link}>{ "Copy link" }</button>
                <button type="button" class="button" onclick={cite}>{ "Cite" }</button>
                if *can_share {
                    <button type="button" class="button" onclick={share}>{ "Share…" }</button>
                }
                <button type="button" class="button" aria-expanded={embed_open.to_string()} aria-controls="embed-panel" onclick={toggle_embed}>{ "Embed" }</button>
                <button type="button" class="button" onclick={download_csv} disabled={nothing}>{ "Download CSV" }</button>
                <button type="button" class="button" onclick={download_json} disabled={nothing}>{ "Download JSON" }</button>
            </div>
            <p class="share-status" role="status">{ (*status).clone() }</p>
            if *manual == Some(Manual::Link) {
                <p class="manual-link">
                    <label for="share-url">{ "Link to this view" }</label>
                    <input id="share-url" type="text" readonly=true value={url} />
                </p>
            }
            if *manual == Some(Manual::Citation) {
                <p class="manual-link">
                    <label for="share-citation">{ "Citation of this view" }</label>
                    <textarea id="share-citation" readonly=true rows="4" value={citation} />
                </p>
            }
            if *embed_open {
                { embed_panel(&EmbedPanelProps { data: *data, state: state.clone(), with_script, status }) }
            }
        </div>
    }
}

/// A text the browser would not copy, shown for copying by hand.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Manual {
    Link,
    Citation,
}

impl Manual {
    fn id(self) -> &'static str {
        match self {
            Manual::Link => "share-url",
            Manual::Citation => "share-citation",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            Manual::Link => "link",
            Manual::Citation => "citation",
        }
    }
}

pub struct EmbedPanelProps {
    data: DataRef,
    state: ViewState,
    with_script: UseStateHandle<bool>,
    status: UseStateHandle<String>,
}

/// The embed code for the current view (only rendered in the browser, after a click).
pub fn embed_panel(props: &EmbedPanelProps) -> Html {
    let embedded = ViewState {
        embed: true,
        ..props.state.clone()
    };
    let url = crate::browser::page_url(&embedded.to_query());
    let height = export::embed_height(&charts(&props.data, &props.state.filters));
    let code = export::embed_snippet(&url, TITLE, height, *props.with_script);
    let toggle_script = {
        let with_script = props.with_script.clone();
        Callback::from(move |_: Event| with_script.set(!*with_script))
    };
    let copy = {
        let (code, status) = (code.clone(), props.status.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            crate::browser::copy_text(&code, move |ok| {
                if ok {
                    status.set("Embed code copied.".into());
                } else {
                    crate::browser::select_text("embed-code");
                    status.set("Copying was not allowed here: the code is selected; press Ctrl+C (⌘C on a Mac).".into());
                }
            });
        })
    };
    html! {
        <div class="embed-panel" id="embed-panel">
            <label for="embed-code">{ "Embed code for this view" }</label>
            <textarea id="embed-code" readonly=true rows="6" value={code} />
            <p class="embed-options">
                <label>
                    <input type="checkbox" checked={*props.with_script} onchange={toggle_script} />
                    { " Include the resize script, so the frame fits its content" }
                </label>
            </p>
            <button type="button" class="button" onclick={copy}>{ "Copy embed code" }</button>
            <p class="hint">{ "The frame shows the charts of this selection with a link back to the full explorer; add theme=light or theme=dark to its address to fix the colours." }</p>
        </div>
    }
}

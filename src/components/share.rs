//! Share, embed and download the current view: "Copy link" and "Cite" (each with a fallback
//! that shows its text selected where the browser refuses the clipboard), the system share
//! sheet where the browser has one, the embed code, and the selected figures as CSV and JSON.
//! Every URL here is the canonical URL of the current state (one chart alone: its own page),
//! without the parameters that are not ours (a click identifier such as fbclid names the
//! reader who clicked).

use yew::prelude::*;

use super::DataRef;
use super::embed::EmbedPanel;
use crate::export;
use crate::hooks::use_can_share;
use crate::select::select_figures;
use crate::view_state::ViewState;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub data: DataRef,
    pub state: ViewState,
    /// Without the app nothing here could act, so nothing is drawn.
    pub ready: bool,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let ShareBarProps { data, state, ready } = props;
    // What happened last, for the live region; and which fallbacks are open.
    let status = use_state(String::new);
    // What the browser would not copy, shown selected for copying by hand.
    let manual = use_state(|| None::<Manual>);
    let embed_open = use_state(|| false);
    let can_share = use_can_share();
    {
        // Once a field for copying by hand is shown, select it, ready to copy.
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
        copy_or_show(what, text, done, status.clone(), manual.clone())
    };
    // One chart alone is shared as its own page, whose link preview shows it.
    let url = crate::browser::share_url(&state.share_path());
    let citation = export::citation(data, &url, &crate::browser::today());
    let copy_link = copy(Manual::Link, url.clone(), "Link copied.");
    let cite = copy(Manual::Citation, citation.clone(), "Citation copied.");
    let share = {
        let (url, title) = (url.clone(), crate::select::view_title(data, state));
        Callback::from(move |_: MouseEvent| crate::browser::share(&title, &url))
    };
    let toggle_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: MouseEvent| embed_open.set(!*embed_open))
    };
    let onclose = {
        let embed_open = embed_open.clone();
        Callback::from(move |()| {
            embed_open.set(false);
            crate::browser::focus("embed-button");
        })
    };
    let onstatus = {
        let status = status.clone();
        Callback::from(move |said: String| status.set(said))
    };
    // The embed panel comes right after its button, before the downloads, in the tab order.
    html! {
        <div class="share">
            <div class="toolbar" role="group" aria-label="Share this view">
                <button type="button" class="button" onclick={copy_link}>{ "Copy link" }</button>
                <button type="button" class="button" onclick={cite}>{ "Cite" }</button>
                if can_share {
                    <button type="button" class="button" onclick={share}>{ "Share…" }</button>
                }
                <button type="button" class="button" id="embed-button" aria-expanded={embed_open.to_string()} aria-controls="embed-panel" onclick={toggle_embed}>{ "Embed" }</button>
            </div>
            if *embed_open {
                <EmbedPanel data={*data} state={state.clone()} {onstatus} {onclose} />
            }
            { downloads(*data, state, &query) }
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
        </div>
    }
}

/// Copies `text`, saying `done`; where the browser refuses, shows it selected for copying by
/// hand (`what`) and says so. A citation is shown either way.
fn copy_or_show(
    what: Manual,
    text: String,
    done: &'static str,
    status: UseStateHandle<String>,
    manual: UseStateHandle<Option<Manual>>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let (status, manual) = (status.clone(), manual.clone());
        crate::browser::copy_text(&text, move |ok| {
            // A citation is shown as it is copied (a reader sees what they paste); a link only
            // where it could not be copied.
            if ok {
                manual.set((what == Manual::Citation).then_some(what));
                status.set(done.into());
            } else {
                manual.set(Some(what));
                // No keys named: a phone has none to press.
                status.set(format!(
                    "Copying was not allowed here: the {} is selected below, to copy yourself.",
                    what.noun()
                ));
            }
        });
    })
}

/// The selected figures as CSV and JSON. The files are written when asked for, not on every
/// render: at 1,000 figures the CSV alone took 2.5 ms of each filter click.
fn downloads(data: DataRef, state: &ViewState, query: &str) -> Html {
    let nothing = select_figures(&data, &state.filters).is_empty();
    let download_csv = {
        let name = export::file_name(&data, &state.filters, None, "csv");
        let filters = state.filters.clone();
        Callback::from(move |_: MouseEvent| {
            let body = export::csv(&select_figures(&data, &filters));
            crate::browser::download(&name, "text/csv;charset=utf-8", &body)
        })
    };
    let download_json = {
        let name = export::file_name(&data, &state.filters, None, "json");
        let (filters, query) = (state.filters.clone(), query.to_string());
        Callback::from(move |_: MouseEvent| {
            let figures = select_figures(&data, &filters);
            let body = export::json(&data, &figures, &crate::browser::page_url(&query));
            crate::browser::download(&name, "application/json", &body);
        })
    };
    html! {
        <div class="toolbar" role="group" aria-label="Download this view">
            <button type="button" class="button" onclick={download_csv} disabled={nothing}>{ "Download CSV" }</button>
            <button type="button" class="button" onclick={download_json} disabled={nothing}>{ "Download JSON" }</button>
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

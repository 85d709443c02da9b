//! The view tabs, following the WAI-ARIA tabs pattern with manual activation: one tab stop;
//! arrows, Home and End move the focus between tabs, and Enter or Space opens the focused one.
//! Moving through the tabs adds no history entry: only the view opened does, so Back returns to
//! the view the reader came from. Each tab is also a real link to its view's URL.

use yew::prelude::*;

use crate::dataset::Choice;
use crate::view_state::{Action, View, ViewState};

pub struct TabsProps {
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    /// Without the app the tabs could not switch anything: an empty row keeps their room.
    pub ready: bool,
}

pub fn tabs(props: &TabsProps) -> Html {
    if !props.ready {
        return html! { <div class="tabs"></div> };
    }
    let current = props.state.view;
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let all = View::ALL;
            // The tab with the focus, from its id ("tab-table").
            let focused = crate::browser::focused_id()
                .and_then(|id| id.strip_prefix("tab-").and_then(View::from_slug))
                .unwrap_or(current);
            let i = focused.index();
            let next = match e.key().as_str() {
                "ArrowRight" => all[(i + 1) % all.len()],
                "ArrowLeft" => all[(i + all.len() - 1) % all.len()],
                "Home" => all[0],
                "End" => all[all.len() - 1],
                // Space opens the tab (a link does not, and the page would scroll).
                " " => {
                    e.prevent_default();
                    dispatch.emit(Action::SetView(focused));
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            crate::browser::focus(&format!("tab-{}", next.slug()));
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label="Views" {onkeydown}>
            { for View::ALL.iter().map(|&view| {
                let selected = view == current;
                let onclick = {
                    let dispatch = props.dispatch.clone();
                    Callback::from(move |e: MouseEvent| {
                        if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                            e.prevent_default();
                            dispatch.emit(Action::SetView(view));
                        }
                    })
                };
                html! {
                    <a role="tab" id={format!("tab-{}", view.slug())} class="tab"
                        href={props.state.apply(Action::SetView(view)).href()}
                        aria-selected={selected.to_string()} aria-controls="view-panel"
                        tabindex={if selected { "0" } else { "-1" }} {onclick}>
                        { view.label() }
                    </a>
                }
            }) }
        </div>
    }
}

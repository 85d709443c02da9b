//! The view tabs, following the WAI-ARIA tabs pattern with manual activation: one tab stop;
//! arrows, Home and End move the focus between tabs, and Enter or Space opens the focused one.
//! Moving through the tabs adds no history entry: only the view opened does, so Back returns to
//! the view the reader came from. Each tab is also a real link to its view's URL.

use yew::prelude::*;

use crate::dataset::Choice;
use crate::keys::Arrows;
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
            if crate::browser::roving_key(&e, "[role=tab]", Arrows::Row, true) {
                return;
            }
            // Space opens the tab with the focus (a link does not, and the page would scroll).
            if e.key() == " " {
                e.prevent_default();
                let focused = crate::browser::focused_id().and_then(|id| View::from_tab_id(&id));
                dispatch.emit(Action::SetView(focused.unwrap_or(current)));
            }
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
                    <a role="tab" id={view.tab_id()} class="tab"
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

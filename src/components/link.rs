//! A real link to another view: it works without JavaScript and can be opened in a new tab, and
//! a plain click stays in the app and goes through the reducer like any other input.

use yew::prelude::*;

use crate::view_state::{Action, ViewState};

/// `<a href>` to the view `to`, with `children` as its text. Once that view is drawn, the
/// keyboard focus goes to the element with the id `focus`: what the link leads to, never the
/// page's body.
pub fn state_link(
    to: ViewState,
    dispatch: &Callback<Action>,
    class: Option<&'static str>,
    focus: String,
    children: Html,
) -> Html {
    let href = to.href();
    let dispatch = dispatch.clone();
    let onclick = move |e: MouseEvent| {
        let new_tab = e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0;
        if !new_tab {
            e.prevent_default();
            dispatch.emit(Action::Load(to.clone()));
            crate::browser::focus_after_render(focus.clone());
        }
    };
    html! {
        <a {href} {class} {onclick}>{ children }</a>
    }
}

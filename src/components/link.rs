//! A real link to another view: it works without JavaScript and can be opened in a new tab, and
//! a plain click stays in the app and goes through the reducer like any other input.

use yew::prelude::*;

use crate::view_state::{Action, ViewState};

#[derive(Properties, PartialEq)]
pub struct StateLinkProps {
    pub to: ViewState,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn StateLink(props: &StateLinkProps) -> Html {
    let onclick = {
        let (to, dispatch) = (props.to.clone(), props.dispatch.clone());
        Callback::from(move |e: MouseEvent| {
            let new_tab = e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0;
            if !new_tab {
                e.prevent_default();
                dispatch.emit(Action::Load(to.clone()));
            }
        })
    };
    html! {
        <a href={props.to.href()} class={props.class.clone()} {onclick}>{ props.children.clone() }</a>
    }
}

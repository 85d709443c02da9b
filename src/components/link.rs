//! A real link to another view: it works without JavaScript and can be opened in a new tab, and
//! a plain click stays in the app and goes through the reducer like any other input. In an
//! embed, every link leads to the full explorer in a new tab: the host's page, its frame's
//! address and its history stay as they were.

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
    if to.embed {
        let full = ViewState {
            embed: false,
            chart: None,
            // The reader's own colours: the embed's were chosen to suit the host's page.
            theme: Default::default(),
            ..to
        };
        return html! { <NewTabLink href={full.href()}>{ children }</NewTabLink> };
    }
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

#[derive(Properties, PartialEq)]
pub struct NewTabLinkProps {
    pub href: String,
    pub children: Html,
}

/// A link out of an embed to the full explorer, in a new tab. A host whose sandbox forbids new
/// tabs (no `allow-popups`) would make the link fail silently: there, it says so and gives the
/// address to open by hand.
#[component]
pub fn NewTabLink(props: &NewTabLinkProps) -> Html {
    let blocked = use_state(|| false);
    let onclick = {
        let (blocked, href) = (blocked.clone(), props.href.clone());
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() {
                return;
            }
            e.prevent_default();
            if !crate::browser::open_new_tab(&crate::browser::page_url(&href)) {
                blocked.set(true);
            }
        })
    };
    html! {
        <>
            <a href={props.href.clone()} target="_blank" rel="noopener" {onclick}>{ props.children.clone() }</a>
            if *blocked {
                <span class="blocked" role="status">
                    { " This page's host does not let it open a new tab. Open this address yourself: " }
                    <input type="text" readonly=true aria-label="Address of the full explorer" value={crate::browser::page_url(&props.href)} />
                </span>
            }
        </>
    }
}

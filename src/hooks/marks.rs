//! A chart's view-only state in the browser: which rows of a long chart are near the screen,
//! where the pointer and the keyboard's focus are on its marks, and scrolling a selection's
//! details into view after a click.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// The rows a long chart draws: one band per panel, in the panel's units (`chart::layout`),
/// measured after every render and on scroll and resize. `None` draws every row, as the
/// prerender and short charts (all of the article's) always do; short charts never measure,
/// since measuring forces a layout.
#[hook]
pub fn use_visible_bands(long: bool, figure: NodeRef) -> Option<Vec<(i32, i32)>> {
    let bands = use_state_eq(|| None::<Vec<(i32, i32)>>);
    {
        let bands = bands.clone();
        use_effect(move || {
            let measure =
                move || bands.set(long.then(|| crate::browser::panel_bands(&figure)).flatten());
            measure();
            let listeners = long.then(|| crate::browser::on_scroll_or_resize(measure));
            move || drop(listeners)
        });
    }
    (*bands).clone()
}

/// After a click selects a mark, its details (the element `details`) are scrolled into view
/// once they show. Returns the flag a click sets; `shown` and `selected` are what the details
/// show and what is selected (both: a click often selects what the pointer already shows).
#[hook]
pub fn use_scroll_on_select(
    details: String,
    shown: Option<String>,
    selected: Option<String>,
) -> Rc<RefCell<bool>> {
    let pending = use_mut_ref(|| false);
    {
        let pending = pending.clone();
        use_effect_with((shown, selected), move |(shown, _)| {
            if shown.is_some() && std::mem::take(&mut *pending.borrow_mut()) {
                crate::browser::scroll_into_view(&details);
            }
        });
    }
    pending
}

/// Which mark of a chart the pointer or the keyboard is on: view-only state, not in the URL.
pub struct MarkFocus {
    /// The mark under the pointer or keyboard focus.
    pub hovered: Option<String>,
    /// The mark whose button has keyboard focus (the pointer does not move it): the chart's
    /// one tab stop while the focus is in it, and a long chart keeps that button and its
    /// neighbours whatever rows it draws.
    pub focused: Option<String>,
    pub onhover: Callback<Option<String>>,
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
}

/// The pointer and focus on the marks of the chart in `figure`. The details are kept while
/// focus moves inside the chart (e.g. to the details' own link), so that link is not removed
/// from under the keyboard, and cleared once focus leaves.
#[hook]
pub fn use_mark_focus(figure: NodeRef) -> MarkFocus {
    let hovered = use_state(|| None::<String>);
    let focused = use_state_eq(|| None::<String>);
    let onhover = {
        let hovered = hovered.clone();
        Callback::from(move |id: Option<String>| hovered.set(id))
    };
    let onfocusin = {
        let (onhover, focused) = (onhover.clone(), focused.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(id) = crate::browser::mark_at(&e) {
                focused.set(Some(id.clone()));
                onhover.emit(Some(id));
            }
        })
    };
    let onfocusout = {
        let (hovered, focused) = (hovered.clone(), focused.clone());
        Callback::from(move |e: FocusEvent| {
            if crate::browser::focus_leaves(&e, &figure) {
                hovered.set(None);
                focused.set(None);
            }
        })
    };
    MarkFocus {
        hovered: (*hovered).clone(),
        focused: (*focused).clone(),
        onhover,
        onfocusin,
        onfocusout,
    }
}

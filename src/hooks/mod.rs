//! Custom hooks for view-only state that lives in the browser, not in the URL: a chart's
//! (`marks`: which rows of a long chart are near the screen, where the pointer and the
//! keyboard's focus are on its marks, scrolling a selection's details into view after a
//! click), what the filters were before their last change, a share sheet, an embed preview's
//! height.

mod marks;

pub use marks::{MarkFocus, use_mark_focus, use_scroll_on_select, use_visible_bands};

use yew::prelude::*;

/// `value` as it was before its last change made while `ready` (`None` until then): what a
/// change of the filters changed from, for the status line that says what it did. A change
/// before the app was ready (the link's own filters, applied on arrival) is no change the
/// reader made, and is not said.
#[hook]
pub fn use_previous<T: Clone + PartialEq + 'static>(value: T, ready: bool) -> Option<T> {
    let memory = use_mut_ref(|| (value.clone(), None::<T>, false));
    let mut memory = memory.borrow_mut();
    if memory.0 != value {
        let was = std::mem::replace(&mut memory.0, value);
        memory.1 = memory.2.then_some(was);
    }
    memory.2 = ready;
    memory.1.clone()
}

/// Whether the browser has a share sheet, found out after the first render (the prerendered
/// page has none); `_eq`: where there is none, finding that out renders nothing again.
#[hook]
pub fn use_can_share() -> bool {
    let can_share = use_state_eq(|| false);
    {
        let can_share = can_share.clone();
        use_effect_with((), move |_| can_share.set(crate::browser::can_share()));
    }
    *can_share
}

/// The height an iframe of ours (`frame`) reports in its messages, `None` until it does: what
/// a resizing host would set. Setting it to `None` forgets it, as when the frame loads another
/// address.
#[hook]
pub fn use_frame_height(frame: NodeRef) -> UseStateHandle<Option<i32>> {
    let measured = use_state(|| None::<i32>);
    {
        let measured = measured.clone();
        use_effect_with((), move |_| {
            let listener = crate::browser::on_frame_height(frame, move |h| measured.set(Some(h)));
            move || drop(listener)
        });
    }
    measured
}

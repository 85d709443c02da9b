//! The plain-words notice of what the URL held that was ignored.

use yew::prelude::*;

use crate::view_state::Ignored;

pub struct UrlNoticeProps {
    pub ignored: Vec<Ignored>,
    pub ondismiss: Callback<()>,
}

/// Always present as a live region, so screen readers announce it when it fills.
pub fn url_notice(props: &UrlNoticeProps) -> Html {
    let onclick = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice-region" role="status">
            if !props.ignored.is_empty() {
                <div class="notice">
                    <p>{ "Some of this link could not be used, so it was left out; the rest of the view is as shared:" }</p>
                    <ul>
                        { for props.ignored.iter().map(|i| html! {
                            <li><code>{ &i.what }</code>{ ": " }{ &i.why }</li>
                        }) }
                    </ul>
                    <button type="button" class="button" {onclick}>{ "Dismiss" }</button>
                </div>
            }
        </div>
    }
}

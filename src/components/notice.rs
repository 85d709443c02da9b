//! Plain-words notices: what the URL held that was ignored, and a broken data file.

use yew::prelude::*;

use crate::view_state::Ignored;

#[derive(Properties, PartialEq)]
pub struct UrlNoticeProps {
    pub ignored: Vec<Ignored>,
    pub ondismiss: Callback<()>,
}

/// Always present as a live region, so screen readers announce it when it fills.
#[component]
pub fn UrlNotice(props: &UrlNoticeProps) -> Html {
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

#[derive(Properties, PartialEq)]
pub struct DataErrorPanelProps {
    pub errors: AttrValue,
}

/// Shown instead of the explorer when the bundled data fails its checks (the tests and the build
/// fail first, so a reader should never see this).
#[component]
pub fn DataErrorPanel(props: &DataErrorPanelProps) -> Html {
    html! {
        <div class="app">
            <div class="failure" role="alert">
                <h1>{ "The figures could not be loaded" }</h1>
                <p>{ "The data bundled with this page is broken, so no figure is shown rather than a wrong one." }</p>
                <pre>{ props.errors.clone() }</pre>
            </div>
        </div>
    }
}

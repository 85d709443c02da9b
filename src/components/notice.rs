//! The plain-words notice of what the URL held that was ignored.

use yew::prelude::*;

use crate::view_state::Ignored;

pub struct UrlNoticeProps {
    pub ignored: Vec<Ignored>,
    pub ondismiss: Callback<()>,
    /// Shows a figure the link named but its filters hide, by clearing the filters.
    pub onshow: Callback<String>,
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
                            <li>
                                <code>{ &i.what }</code>{ ": " }{ &i.why }
                                if let Some(id) = i.hidden_mark.clone() {
                                    { " " }
                                    <button type="button" class="link-button" onclick={props.onshow.reform(move |_: MouseEvent| id.clone())}>
                                        { "Show it, with every filter off" }
                                    </button>
                                }
                            </li>
                        }) }
                    </ul>
                    <button type="button" class="button" {onclick}>{ "Dismiss" }</button>
                </div>
            }
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::view_state::ViewState;

    #[derive(Properties, PartialEq)]
    struct Props {
        query: &'static str,
    }

    #[component]
    fn Notice(props: &Props) -> Html {
        let ignored = ViewState::from_query(props.query, Dataset::bundled()).ignored;
        url_notice(&UrlNoticeProps {
            ignored,
            ondismiss: Callback::noop(),
            onshow: Callback::noop(),
        })
    }

    fn render(query: &'static str) -> String {
        futures::executor::block_on(
            yew::LocalServerRenderer::<Notice>::with_props(Props { query }).render(),
        )
    }

    #[test]
    fn what_the_url_held_is_shown_as_escaped_text() {
        let html = render(
            "?actors=%3Cscript%3Ealert(1)%3C/script%3E&view=%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E",
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
    }
}

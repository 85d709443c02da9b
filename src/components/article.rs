//! The Article view: the full text, verbatim, with each figure's sentence highlighted and linked
//! to its row in the table and its mark in the charts. The selected figure is emphasised.

use yew::prelude::*;

use super::DataRef;
use super::link::state_link;
use crate::select::article_segments;
use crate::view_state::{Action, View, ViewState};

pub struct ArticleViewProps {
    pub data: DataRef,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
}

pub fn article_view(props: &ArticleViewProps) -> Html {
    let data = props.data;
    let state = &props.state;
    let paragraphs = article_segments(&data);
    let links = |id: &str| {
        let mark = Action::SelectMark(Some(id.to_string()));
        let Some(f) = data.figure(id) else {
            return html! {};
        };
        let row = state
            .apply(Action::SetView(View::Table))
            .apply(mark.clone());
        let chart = state.apply(Action::SetView(View::Charts)).apply(mark);
        html! {
            <span class="figure-links">
                { "[" }{ state_link(row, &props.dispatch, None, html! { format!("row: {}", crate::dataset::Choice::label(f.measure)) }) }
                if f.value.is_some() {
                    { " · " }{ state_link(chart, &props.dispatch, None, html! { "mark" }) }
                }
                { "]" }
            </span>
        }
    };
    html! {
        <article class="article-text">
            { for paragraphs.iter().enumerate().map(|(i, segments)| {
                let body = segments.iter().map(|s| {
                    if s.figures.is_empty() {
                        return html! { { s.text.clone() } };
                    }
                    let selected = state.mark.as_ref().is_some_and(|m| s.figures.contains(m));
                    html! {
                        <>
                            <mark class={classes!("figure-quote", selected.then_some("selected"))} data-figures={s.figures.join(" ")}>{ s.text.clone() }</mark>
                            { for s.figures.iter().map(|id| links(id)) }
                        </>
                    }
                });
                if i == 0 { html! { <h2 class="article-title">{ for body }</h2> } } else { html! { <p>{ for body }</p> } }
            }) }
        </article>
    }
}

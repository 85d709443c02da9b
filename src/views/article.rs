//! The Article view: the full text, verbatim, with each figure's sentence highlighted and linked
//! to its row in the table and its mark in the charts. The selected figure is emphasised. Below
//! it, "How we read the article": each figure's value, hedge, source and period in the
//! article's own words, as the article's `figures.json` records them (checked against the text).

use yew::prelude::*;

use crate::components::DataRef;
use crate::components::link::state_link;
use crate::dataset::Choice;
use crate::format;
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
    // The filters apply here too: a figure they hide keeps its place in the text, marked as
    // hidden, without highlight or links.
    let shown: Vec<&str> = crate::select::select_figures(&data, &state.filters)
        .into_iter()
        .map(|f| f.id.as_str())
        .collect();
    let links = |id: &str| figure_links(props, id);
    // Where "Show it in the article" puts the focus: one stretch, the selected figure's first
    // quote's start.
    let target = state
        .mark
        .as_deref()
        .and_then(|id| data.figure(id))
        .and_then(|f| crate::select::quote_start(&paragraphs, f));
    html! {
        <>
        <article class="article-text">
            { for paragraphs.iter().enumerate().map(|(i, segments)| {
                let body = segments.iter().enumerate().map(|(j, s)| {
                    if s.figures.is_empty() {
                        return html! { { s.text.clone() } };
                    }
                    if !s.figures.iter().any(|id| shown.contains(&id.as_str())) {
                        let ends = segments.get(j + 1).is_none_or(|n| n.figures != s.figures);
                        return html! {
                            <>
                                <span class="figure-quote hidden-by-filters" data-figures={s.figures.join(" ")}>{ s.text.clone() }</span>
                                if ends { <span class="hidden-note">{ " (hidden by the filters)" }</span> }
                            </>
                        };
                    }
                    let selected = state.mark.as_ref().is_some_and(|m| s.figures.contains(m));
                    let first = target == Some((i, j));
                    // A figure's links come once, where its quote ends (a quote can span several
                    // segments when it overlaps another's).
                    let next = segments.get(j + 1).map(|n| n.figures.as_slice()).unwrap_or_default();
                    let ending = s
                        .figures
                        .iter()
                        .filter(|id| !next.contains(id) && shown.contains(&id.as_str()));
                    html! {
                        <>
                            <mark class={classes!("figure-quote", selected.then_some("selected"))} data-figures={s.figures.join(" ")}
                                id={first.then_some("selected-quote")} tabindex={first.then_some("-1")}>{ s.text.clone() }</mark>
                            { for ending.map(|id| links(id)) }
                        </>
                    }
                });
                if i == 0 {
                    html! {
                        <>
                            <h2 class="article-title">{ for body }</h2>
                            { for crate::select::headline_notes(&data).into_iter().map(|n| html! { <p class="headline-note">{ n }</p> }) }
                        </>
                    }
                } else { html! { <p>{ for body }</p> } }
            }) }
        </article>
        { reading_notes(&data) }
        </>
    }
}

/// A figure's links where its quote ends, named for where they lead; the hidden words say which
/// figure, for a list of links.
fn figure_links(props: &ArticleViewProps, id: &str) -> Html {
    let (data, state) = (props.data, &props.state);
    let Some(f) = data.figure(id) else {
        return html! {};
    };
    let mark = Action::SelectMark {
        mark: Some(id.to_string()),
        chart: None,
    };
    let row = state
        .apply(Action::SetView(View::Table))
        .apply(mark.clone());
    let chart = state.apply(Action::SetView(View::Charts)).apply(mark);
    let which = format!(": {}", format::statement(f));
    html! {
        <span class="figure-links">
            { "[" }{ state_link(row, &props.dispatch, None, format!("row-{}", f.id), html! { <>{ "in the table" }<span class="visually-hidden">{ which.clone() }</span></> }) }
            if f.value.is_some() {
                { " · " }{ state_link(chart, &props.dispatch, None, "selected-mark".into(), html! { <>{ "on the chart" }<span class="visually-hidden">{ which }</span></> }) }
            }
            { "]" }
        </span>
    }
}

fn reading_notes(data: &crate::dataset::Dataset) -> Html {
    let words = |w: &Option<String>, none: &'static str| match w {
        Some(w) => format!("“{w}”"),
        None => none.to_string(),
    };
    html! {
        <section class="reading" aria-labelledby="reading-title">
            <h2 id="reading-title">{ "How we read the article" }</h2>
            <p>{ "For each figure, the article's own words for its value, its hedge, its source and its period. The build checks every one against the text above." }</p>
            <ul class="readings">
                { for data.figures.iter().map(|f| {
                    let r = &f.reading;
                    html! {
                        <li data-reading={f.id.clone()}>
                            <strong>{ format!("{}: {}", f.actor.label(), crate::format::statement(f)) }</strong>
                            <dl class="facts">
                                <dt>{ "Value" }</dt><dd>{ format!("“{}”", r.value) }</dd>
                                <dt>{ "Hedge" }</dt><dd>{ words(&r.hedge, "none") }</dd>
                                <dt>{ "Source" }</dt><dd>{ words(&r.source, "none named") }</dd>
                                <dt>{ "Period" }</dt><dd>{ words(&r.period, "none given") }</dd>
                            </dl>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

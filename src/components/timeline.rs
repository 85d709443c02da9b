//! The Timeline view: dated events from 24 February 2022 to 18 November 2024 in order, each with
//! how its date is known, and the undated ones listed apart.

use yew::prelude::*;

use super::DataRef;

pub struct TimelineViewProps {
    pub data: DataRef,
}

pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let mut dated: Vec<_> = props
        .data
        .events
        .iter()
        .filter(|e| e.start.is_some())
        .collect();
    crate::select::sort_stable(&mut dated, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let undated: Vec<_> = props
        .data
        .events
        .iter()
        .filter(|e| e.start.is_none())
        .collect();
    let item = |e: &crate::dataset::Event| {
        html! {
            <li class="event" data-event={e.id.clone()}>
                if let Some(start) = e.start {
                    <time datetime={start.to_string()}>{ &e.when }</time>
                } else {
                    <span class="when">{ &e.when }</span>
                }
                <h3>{ &e.title }</h3>
                if let Some(place) = &e.place { <p class="place">{ place }</p> }
                <q class="quote">{ &e.quote }</q>
                if let Some(basis) = &e.date_basis { <p class="basis">{ basis }</p> }
            </li>
        }
    };
    html! {
        <div class="timeline">
            <h2 class="visually-hidden">{ "Timeline" }</h2>
            <ol class="events">{ for dated.into_iter().map(item) }</ol>
            <h3 class="undated-title">{ "Undated in the article" }</h3>
            <ul class="events undated">{ for undated.into_iter().map(item) }</ul>
        </div>
    }
}

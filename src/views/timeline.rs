//! The Timeline view: the article's dated events in order, each with how its date is known,
//! and the undated ones listed apart. The actor filter (the article names it) and the Source
//! filter apply: an event they hide keeps its place, marked as hidden.

use yew::prelude::*;

use crate::components::DataRef;
use crate::dataset::Choice;
use crate::filters::Filters;

pub struct TimelineViewProps {
    pub data: DataRef,
    pub filters: Filters,
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
    let events = &props.data.events;
    let shown = events
        .iter()
        .filter(|e| props.filters.keep_event(e))
        .count();
    let item = |e: &crate::dataset::Event| {
        let hidden = !props.filters.keep_event(e);
        let actors: Vec<&str> = e.actors.iter().map(|a| a.label()).collect();
        html! {
            <li class={classes!("event", hidden.then_some("hidden-by-filters"))} data-event={e.id.clone()}>
                if let Some(start) = e.start {
                    <time datetime={start.to_string()}>{ &e.when }</time>
                } else {
                    <span class="when">{ &e.when }</span>
                }
                // How the date is known stays with the date, shown or hidden.
                if let Some(basis) = &e.date_basis { <p class="basis">{ basis }</p> }
                <h3>{ &e.title }</h3>
                if !actors.is_empty() { <p class="actors">{ crate::format::and_list(&actors) }</p> }
                // A hidden event keeps its place and its name; its quote waits for the filters.
                if hidden {
                    <p class="hidden-note">{ "Hidden by the filters" }</p>
                } else {
                    if let Some(place) = &e.place { <p class="place">{ place }</p> }
                    <q class="quote">{ &e.quote }</q>
                }
            </li>
        }
    };
    html! {
        <div class="timeline">
            <h2 class="visually-hidden">{ "Timeline" }</h2>
            if shown < events.len() {
                <p class="timeline-count">{ format!("The {} and Source filters leave {shown} of {} events; the others are marked as hidden. The Measure and Certainty filters apply to figures only.", crate::dataset::vocabulary().page.actor_filter, events.len()) }</p>
            }
            if events.is_empty() {
                <p class="timeline-count">{ "The article's data names no events to put on a timeline." }</p>
            }
            <ol class="events">{ for dated.into_iter().map(item) }</ol>
            if !undated.is_empty() {
                <h3 class="undated-title">{ "Undated in the article" }</h3>
                <ul class="events undated">{ for undated.into_iter().map(item) }</ul>
            }
        </div>
    }
}

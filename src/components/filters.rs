//! The filter controls: toggle buttons with `aria-pressed`, named by the plain words, each with
//! the number of figures it would show, and a Reset.

use yew::prelude::*;

use super::DataRef;
use crate::filters::{Dimension, Filter};
use crate::format;
use crate::select::{facet_count, select_figures};
use crate::view_state::{Action, ViewState};

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub data: DataRef,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    /// Without the app the filters could not act: the panel stays empty, its room kept.
    pub ready: bool,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    // One group per filter dimension of the URL's parameters, in their order.
    let group = |d: &Dimension| {
        html! {
            <fieldset class="filter-group">
                <legend>{ d.title() }</legend>
                <div class="chips">
                    { for d.values().into_iter().map(|(filter, label)| chip(props, d.kind(), filter, label)) }
                </div>
            </fieldset>
        }
    };
    // The button is disabled once the filters are reset: the focus goes to the view.
    let reset = props.dispatch.reform(|_: MouseEvent| {
        crate::browser::focus_after_render("view-panel".into());
        Action::ResetFilters
    });
    let is_default = props.state.filters.is_default();
    // On narrow screens the filters fold away so the charts come first; view-only state.
    let expanded = use_state(|| false);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let shown = select_figures(&props.data, &props.state.filters).len();
    let status = format!(
        "Showing {shown} of {}",
        format::plural(props.data.figures.len(), "figure", "figures")
    );
    if !props.ready {
        return html! { <aside class="filters" aria-label="Filters"></aside> };
    }
    html! {
        <aside class={classes!("filters", (!*expanded).then_some("collapsed"))} aria-label="Filters">
            <div class="filters-head">
                <h2 class="filters-title">{ "Filter the figures" }</h2>
                <button type="button" class="button filters-toggle" aria-expanded={expanded.to_string()}
                    aria-controls="filter-body" onclick={toggle}>
                    { if *expanded { "Hide filters" } else { "Show filters" } }
                </button>
            </div>
            <p class="filters-status" aria-live="polite">{ status }</p>
            <div class="filter-body" id="filter-body">
            { for Dimension::ALL.iter().map(group) }
            <button type="button" class="button reset" onclick={reset} disabled={is_default}>{ "Reset filters" }</button>
            </div>
        </aside>
    }
}

fn chip(props: &FilterPanelProps, key: &str, filter: Filter, label: &'static str) -> Html {
    let pressed = props.state.filters.contains(filter);
    let count = facet_count(&props.data, &props.state.filters, filter);
    let slug = filter.slug();
    let count_id = format!("count-{key}-{slug}");
    let onclick = props
        .dispatch
        .reform(move |_: MouseEvent| Action::Toggle(filter));
    let noun = if count == 1 { "figure" } else { "figures" };
    // The count is outside the button so that the button's name is the plain word.
    html! {
        <span class="chip-wrap">
            <button type="button" class="chip" aria-pressed={pressed.to_string()} aria-describedby={count_id.clone()}
                data-filter={format!("{key}:{slug}")} {onclick}>
                <span class="chip-check" aria-hidden="true"></span>
                { label }
                <span class="chip-count" aria-hidden="true">{ count }</span>
            </button>
            // Read only as the button's description, not again as text of its own.
            <span id={count_id} hidden=true>{ format!("{count} {noun}") }</span>
        </span>
    }
}

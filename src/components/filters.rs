//! The filter controls: toggle buttons with `aria-pressed`, named by the plain words, each with
//! the number of figures it would show and an "only" (that value alone, with Undo right after),
//! a Reset, and on a phone the folded panel's list of the filters that are on, each removable.
//! Each dimension's chips are a toolbar of one tab stop; the status line says what a change did,
//! a moved scale included.

use yew::prelude::*;

use super::DataRef;
use crate::filters::{Dimension, Filter, Filters};
use crate::format;
use crate::keys::Arrows;
use crate::select::{dimension_short, facet_count, select_figures};
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
    // On narrow screens the filters fold away so the charts come first; view-only state.
    let expanded = use_state(|| false);
    // The filters before the last "only", while the filters are still what it left: Undo.
    let undo = use_state(|| None::<(Filters, Filters)>);
    // The filters before their last change: a filter that rescales an axis says so.
    let was = crate::hooks::use_previous(props.state.filters.clone(), props.ready);
    if !props.ready {
        return html! { <aside class="filters" aria-label="Filters"></aside> };
    }
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let filters = &props.state.filters;
    let only = {
        let (dispatch, undo, before) = (props.dispatch.clone(), undo.clone(), filters.clone());
        Callback::from(move |f: Filter| {
            undo.set(Some((before.clone(), f.alone(&before))));
            dispatch.emit(Action::Only(f));
        })
    };
    let undo_button = (*undo)
        .clone()
        .filter(|(_, after)| after == filters)
        .map(|(before, _)| {
            let (dispatch, state, undo) =
                (props.dispatch.clone(), props.state.clone(), undo.clone());
            Callback::from(move |_: MouseEvent| {
                // The button goes with the click: the focus stays where it was, on the line
                // that says what the filters now show.
                crate::browser::focus_after_render("filters-status".into());
                undo.set(None);
                dispatch.emit(Action::Load(ViewState {
                    filters: before.clone(),
                    mark: None,
                    mark_in: None,
                    ..state.clone()
                }));
            })
        });
    html! {
        <aside class={classes!("filters", (!*expanded).then_some("collapsed"))} aria-label="Filters">
            <div class="filters-head">
                <h2 class="filters-title">{ "Filter the figures" }</h2>
                <button type="button" class="button filters-toggle" aria-expanded={expanded.to_string()}
                    aria-controls="filter-body" onclick={toggle}>
                    { if *expanded { "Hide filters" } else { "Show filters" } }
                </button>
            </div>
            <div class="filter-body" id="filter-body">
                <p class="filters-hint">{ "“only” beside a value, or Shift with a click or Enter on it, shows that value alone." }</p>
                { for Dimension::ALL.iter().map(|&d| group(props, d, &only)) }
                { reset(props) }
            </div>
            // After the filters, so that what it says of a change (a moved scale, Undo) never
            // moves a filter under the pointer; in the folded panel it comes right after the head.
            { status(props, was.as_ref(), undo_button) }
            { active_filters(props) }
        </aside>
    }
}

/// How many figures the filters leave, any scale the last change moved (the bars alone would
/// not say it), and Undo right after an "only".
fn status(
    props: &FilterPanelProps,
    was: Option<&Filters>,
    undo: Option<Callback<MouseEvent>>,
) -> Html {
    let shown = select_figures(&props.data, &props.state.filters).len();
    let mut said = format!(
        "Showing {shown} of {}",
        format::plural(props.data.figures.len(), "figure", "figures")
    );
    for moved in was
        .into_iter()
        .flat_map(|was| crate::chart::rescale::rescaled_by(&props.data, was, &props.state.filters))
    {
        said.push_str(". ");
        said.push_str(&moved);
    }
    html! {
        // Only what the filters show is live: Undo's name is not read with every change.
        <p class="filters-status" id="filters-status" tabindex="-1">
            <span aria-live="polite">{ said }</span>
            if let Some(onclick) = undo {
                { " · " }<button type="button" class="link-button undo" {onclick}>{ "Undo “only”" }</button>
            }
        </p>
    }
}

/// The filters that are on, each removable in one tap: what the folded panel shows on a phone.
fn active_filters(props: &FilterPanelProps) -> Html {
    let on: Vec<(Dimension, String)> = Dimension::ALL
        .iter()
        .filter_map(|&d| Some((d, dimension_short(d, &props.state.filters)?)))
        .collect();
    if on.is_empty() {
        return html! {};
    }
    html! {
        <ul class="active-filters">
            { for on.into_iter().map(|(d, words)| {
                let onclick = props.dispatch.reform(move |_: MouseEvent| Action::Open(d));
                html! {
                    <li>
                        <button type="button" class="active-filter" aria-label={format!("Remove the filter: {words}")} {onclick}>
                            { words }<span aria-hidden="true">{ " ×" }</span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// One group of chips per filter dimension, in the URL's order: a toolbar of one tab stop, its
/// first chip, with the arrow keys between them (16 chips were 16 tab stops).
fn group(props: &FilterPanelProps, d: Dimension, only: &Callback<Filter>) -> Html {
    let onkeydown = |e: KeyboardEvent| {
        // Up and Down too: the side panel stacks them, one under another.
        crate::browser::roving_key(&e, "button.chip", Arrows::Any, false);
    };
    html! {
        <fieldset class="filter-group">
            <legend>{ d.title() }</legend>
            <div class="chips" role="toolbar" aria-label={format!("{} filters", d.title())} {onkeydown}>
                { for d.values().into_iter().enumerate().map(|(i, (filter, label))| chip(props, d.kind(), filter, label, only, i == 0)) }
            </div>
        </fieldset>
    }
}

/// Disabled once the filters are reset; the focus then goes to the view.
fn reset(props: &FilterPanelProps) -> Html {
    let onclick = props.dispatch.reform(|_: MouseEvent| {
        crate::browser::focus_after_render("view-panel".into());
        Action::ResetFilters
    });
    html! {
        <button type="button" class="button reset" {onclick} disabled={props.state.filters.is_default()}>{ "Reset filters" }</button>
    }
}

fn chip(
    props: &FilterPanelProps,
    key: &str,
    filter: Filter,
    label: &'static str,
    only: &Callback<Filter>,
    stop: bool,
) -> Html {
    let pressed = props.state.filters.contains(filter);
    let count = facet_count(&props.data, &props.state.filters, filter);
    let slug = filter.slug();
    let count_id = format!("count-{key}-{slug}");
    // Shift with a click or Enter: that value alone, as the "only" beside it.
    let onclick = {
        let (dispatch, only) = (props.dispatch.clone(), only.clone());
        Callback::from(move |e: MouseEvent| {
            if e.shift_key() {
                only.emit(filter);
            } else {
                dispatch.emit(Action::Toggle(filter));
            }
        })
    };
    let only_this = only.reform(move |_: MouseEvent| filter);
    let noun = if count == 1 { "figure" } else { "figures" };
    // The count is outside the button so that the button's name is the plain word. "only" is
    // out of the tab order (Shift+Enter on the chip does the same), so the filters add no tab
    // stops; a pointer or a screen reader's cursor reaches it.
    html! {
        <span class="chip-wrap">
            <button type="button" class="chip" aria-pressed={pressed.to_string()} aria-describedby={count_id.clone()}
                aria-keyshortcuts="Shift+Enter" data-filter={format!("{key}:{slug}")} {onclick}
                tabindex={if stop { "0" } else { "-1" }}>
                <span class="chip-check" aria-hidden="true"></span>
                { label }
                <span class="chip-count" aria-hidden="true">{ count }</span>
            </button>
            <button type="button" class="chip-only" tabindex="-1" aria-label={format!("Only {label}")} onclick={only_this}>{ "only" }</button>
            // Read only as the button's description, not again as text of its own.
            <span id={count_id} hidden=true>{ format!("{count} {noun}") }</span>
        </span>
    }
}

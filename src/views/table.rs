//! The Table view: every selected figure with hedge, period, source and quote, sortable by each
//! column (click again to reverse), the sort kept in the URL.

use yew::prelude::*;

use super::charts::empty_selection;
use crate::components::DataRef;
use crate::components::link::state_link;
use crate::dataset::Choice;
use crate::format;
use crate::select::{select_figures, sorted};
use crate::view_state::{Action, Column, Sort, View, ViewState};

pub struct TableViewProps {
    pub data: DataRef,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
}

pub fn table_view(props: &TableViewProps) -> Html {
    let state = &props.state;
    let figures = sorted(select_figures(&props.data, &state.filters), state.sort);
    if figures.is_empty() {
        return empty_selection(&props.dispatch);
    }
    let header = |column: Column| {
        let sort = match state.sort {
            Some(s) if s.column == column && s.descending => "descending",
            Some(s) if s.column == column => "ascending",
            _ => "none",
        };
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::SortBy(column));
        html! {
            <th scope="col" role="columnheader" aria-sort={sort}>
                <button type="button" class="sort" data-column={column.slug()} {onclick}>
                    { column.label() }<span class="sort-arrow" aria-hidden="true">{ match sort { "ascending" => " ▲", "descending" => " ▼", _ => " ↕" } }</span>
                </button>
            </th>
        }
    };
    html! {
        <>
        // A sort is said, not only shown by its header's `aria-sort`, which no screen reader
        // reads out when it changes.
        <p class="visually-hidden table-status" role="status">{ state.sort.map(Sort::said) }</p>
        // On a narrow column each row is a card (style.css); the roles keep it a table for
        // screen readers, which drop a table's semantics once its display changes.
        <div class="table-wrap" tabindex="0" role="region" aria-label="Figures table">
            <table class="figures" role="table">
                <caption>{ format!("{} from the article, with the article's own hedges", format::plural(figures.len(), "figure", "figures")) }</caption>
                <thead role="rowgroup"><tr role="row">
                    { for Column::ALL.iter().map(|&c| header(c)) }
                    <th scope="col" role="columnheader">{ "Quote" }</th>
                </tr></thead>
                <tbody role="rowgroup">
                    { for figures.iter().map(|f| {
                        let selected = state.mark.as_deref() == Some(f.id.as_str());
                        let to_chart = state.apply(Action::SetView(View::Charts)).apply(Action::SelectMark { mark: Some(f.id.clone()), chart: None });
                        html! {
                            <tr id={format!("row-{}", f.id)} data-figure={f.id.clone()} class={classes!(selected.then_some("selected"))}
                                tabindex={selected.then_some("-1")} role="row" aria-current={selected.then_some("true")}>
                                <td role="cell" data-label={Column::Actor.label()}>{ f.actor.label() }</td>
                                <td role="cell" data-label={Column::Measure.label()}>{ f.measure.label() }</td>
                                <td role="cell" class="value" data-label={Column::Value.label()}>{ format::statement(f) }</td>
                                <td role="cell" data-label={Column::Certainty.label()}>{ f.hedge.kind.label() }{ format::hedge_quoted(f).map(|w| format!(" (“{w}”)")).unwrap_or_default() }</td>
                                <td role="cell" data-label={Column::Period.label()}>{ format::period(f).unwrap_or_else(|| "none given".into()) }</td>
                                <td role="cell" data-label={Column::Source.label()}>{ f.source.credit() }</td>
                                <td role="cell" class="quote-cell" data-label="Quote">
                                    if let Some(before) = crate::select::quote_context(&props.data, &f.quotes[0]) {
                                        <span class="quote-context">{ format!("After “{before}” ") }</span>
                                    }
                                    <q>{ &f.quotes[0] }</q>
                                    if f.value.is_some() {
                                        { " " }{ state_link(to_chart, &props.dispatch, Some("to-chart"), "selected-mark".into(), html! { <>{ "Show on chart" }<span class="visually-hidden">{ format!(": {}", format::statement(f)) }</span></> }) }
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}

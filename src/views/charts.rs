//! The Charts view: each chart the selection fills (`chart_figure`), the one that shows the
//! selected figure's details when two draw it, and the vague amounts told in words instead of
//! drawn.

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use crate::components::DataRef;
use crate::dataset::Choice;
use crate::format;
use crate::select::{charts_shown, select_figures, vague_shown};
use crate::view_state::{Action, ViewState};

pub struct ChartsViewProps {
    pub data: DataRef,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    /// Whether the app runs: the mark buttons and downloads are drawn only then.
    pub ready: bool,
}

pub fn charts_view(props: &ChartsViewProps) -> Html {
    let data = props.data;
    let filters = &props.state.filters;
    if select_figures(&data, filters).is_empty() {
        return empty_selection(&props.dispatch);
    }
    let specs = charts_shown(&data, filters, props.state.chart);
    if specs.is_empty() && props.state.chart.is_some() {
        return empty_selection(&props.dispatch);
    }
    // A selected figure drawn in two charts has its details (and its announcement) in one: the
    // chart it was selected in, else the first that draws it.
    let owner = props.state.mark.as_deref().and_then(|id| {
        let drawing = || specs.iter().filter(|s| s.draws(id));
        drawing()
            .find(|s| Some(s.id) == props.state.mark_in)
            .or_else(|| drawing().next())
            .map(|s| s.id)
    });
    let vague = vague_shown(&data, filters, props.state.chart);
    html! {
        <div class="charts">
            // Keyed, and one child (see `panel_svg`): a chart that comes or goes leaves the others.
            { specs.into_iter().map(|spec| {
                let key = spec.id;
                let owns_selection = owner == Some(spec.id);
                let spec = std::rc::Rc::new(spec);
                html! { <ChartFigure key={key.slug()} {data} {spec} state={props.state.clone()} dispatch={props.dispatch.clone()}
                    ready={props.ready} {owns_selection} /> }
            }).collect::<Html>() }
            if !vague.is_empty() {
                <section class="vague" aria-labelledby="vague-title">
                    <@{if props.state.embed { "h2" } else { "h3" }} id="vague-title">{ "Told in words, not drawn" }</@>
                    { for vague.iter().map(|f| html! {
                        <div class="vague-figure" data-figure={f.id.clone()}>
                            <p>
                                <strong>{ format!("{}: {}", f.actor.label(), format::statement(f)) }</strong>
                                { format!(" ({}). ", format::context(f)) }
                                { "The article gives no number, so no bar is drawn." }
                            </p>
                            <blockquote class="quote">{ &f.quotes[0] }</blockquote>
                        </div>
                    }) }
                </section>
            }
        </div>
    }
}

/// Said in words, with the way out, instead of an empty frame.
pub fn empty_selection(dispatch: &Callback<Action>) -> Html {
    let onclick = dispatch.reform(|_: MouseEvent| {
        crate::browser::focus_after_render("view-panel".into());
        Action::ResetFilters
    });
    html! {
        <div class="empty">
            <p>{ "No figure matches all of these filters. Turn a filter back on, or reset them all." }</p>
            <button type="button" class="button" {onclick}>{ "Reset filters" }</button>
        </div>
    }
}

//! The details of one mark: value with its hedge, source, period (with a worked-out date and
//! its reasoning, and any fact the article does not give, each labelled) and the verbatim quotes.

use yew::prelude::*;

use super::DataRef;
use super::link::state_link;
use crate::dataset::{Choice, HedgeKind};
use crate::format;
use crate::view_state::{Action, View, ViewState};

pub struct MarkDetailsProps {
    pub data: DataRef,
    pub id: AttrValue,
    pub mark: Option<String>,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    /// What the pointer or the keyboard's focus is on, with nothing selected: shown, but out of
    /// the tab order and the accessibility tree (the mark's name already says it all, and Tab
    /// from a mark goes on to the next control, not into a preview).
    pub preview: bool,
}

fn hedge(k: HedgeKind) -> &'static str {
    match k {
        HedgeKind::Exact => "an exact figure, with no hedge",
        HedgeKind::Approximate => "an approximate figure",
        HedgeKind::LowerBound => "a lower bound: the least it could be, not a count",
        HedgeKind::UpperBound => "an upper bound: the most it could be, not a count",
        HedgeKind::Range => "a range: somewhere between its two numbers",
        HedgeKind::Vague => "a vague amount with no number",
    }
}

pub fn mark_details(props: &MarkDetailsProps) -> Html {
    let body = match props.mark.as_deref() {
        // Nothing to show: the box stays, empty and out of sight.
        None => html! {},
        Some(id) => {
            match props.data.figure(id) {
                Some(f) => {
                    // A preview is inert: a link there would look live and do nothing.
                    let to_article = (!props.preview).then(|| {
                        props.state.apply(Action::SetView(View::Article)).apply(
                            Action::SelectMark {
                                mark: Some(f.id.clone()),
                                chart: None,
                            },
                        )
                    });
                    html! {
                        <>
                            <p class="details-value"><strong>{ format!("{}: {}", f.actor.label(), format::statement(f)) }</strong></p>
                            <dl class="facts">
                                <dt>{ "Hedge" }</dt><dd>{ match format::hedge_quoted(f) {
                                    Some(words) => format!("“{words}”, {}", hedge(f.hedge.kind)),
                                    None => hedge(f.hedge.kind).to_string(),
                                } }</dd>
                                <dt>{ "Source" }</dt><dd>{ f.source.credit() }</dd>
                                // The article's words here, the date worked out from them once, below.
                                <dt>{ "Period" }</dt><dd>{ f.period.clone().unwrap_or_else(|| "none given in the article".into()) }</dd>
                                if let Some(w) = &f.worked_out { <dt>{ "Worked out" }</dt><dd>{ format!("{}: {}", w.date, w.how) }</dd> }
                                if let Some(note) = &f.outside { <dt>{ "Not in the article" }</dt><dd>{ note }</dd> }
                            </dl>
                            { for f.quotes.iter().map(|q| html! {
                                <>
                                    if let Some(before) = crate::select::quote_context(&props.data, q) {
                                        <p class="quote-context">{ format!("Before it in the article, for context: “{before}”") }</p>
                                    }
                                    <blockquote class="quote">{ q }</blockquote>
                                </>
                            }) }
                            if let Some(to_article) = to_article {
                                { state_link(to_article, &props.dispatch, None, "selected-quote".into(), html! { "Show it in the article" }) }
                            }
                        </>
                    }
                }
                None => html! {},
            }
        }
    };
    html! {
        <div class="details" id={props.id.clone()} inert={props.preview}>
            { body }
        </div>
    }
}

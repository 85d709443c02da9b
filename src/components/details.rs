//! The details of one mark: value with its hedge, source, period and the verbatim quote, or, for
//! the derived share, its arithmetic and the figures it uses.

use yew::prelude::*;

use super::DataRef;
use super::link::state_link;
use crate::dataset::{Certainty, Choice, Unit};
use crate::format;
use crate::select::Derived;
use crate::view_state::{Action, View, ViewState};

pub struct MarkDetailsProps {
    pub data: DataRef,
    pub id: AttrValue,
    pub mark: Option<String>,
    pub derived: Option<Derived>,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
}

fn hedge(c: Certainty) -> &'static str {
    match c {
        Certainty::Approximate => "an approximate figure",
        Certainty::UpperBound => "an upper bound: the most it could be, not a count",
        Certainty::Vague => "a vague amount with no number",
    }
}

pub fn mark_details(props: &MarkDetailsProps) -> Html {
    let body = match props.mark.as_deref() {
        None => {
            html! { <p class="hint">{ "Point at a bar, or focus or press one of the buttons above, to see its source and the sentence it comes from." }</p> }
        }
        Some(id) => match (props.data.figure(id), &props.derived) {
            (Some(f), _) => {
                let to_article = props
                    .state
                    .apply(Action::SetView(View::Article))
                    .apply(Action::SelectMark(Some(f.id.clone())));
                html! {
                    <>
                        <p class="details-value"><strong>{ format!("{}: {}", f.actor.label(), format::statement(f)) }</strong></p>
                        <dl class="facts">
                            <dt>{ "Hedge" }</dt><dd>{ format!("“{}”, {}", f.qualifier.label(), hedge(f.qualifier.certainty())) }</dd>
                            <dt>{ "Source" }</dt><dd>{ f.source.credit() }</dd>
                            <dt>{ "Period" }</dt><dd>{ &f.period }</dd>
                            if let Some(note) = &f.note { <dt>{ "Note" }</dt><dd>{ note }</dd> }
                        </dl>
                        { for f.quotes.iter().map(|q| html! { <blockquote class="quote">{ q }</blockquote> }) }
                        { state_link(to_article, &props.dispatch, None, html! { "Show it in the article" }) }
                    </>
                }
            }
            (None, Some(d)) if d.id == id => html! {
                <>
                    <p class="details-value"><strong>{ &d.label }</strong></p>
                    <p>{ &d.formula }{ "." }</p>
                    if let Some(stated) = props.data.figures.iter().find(|f| f.unit == Unit::Percent) {
                        <p>{ format!("The article itself says {}, without a source.", format::statement(stated)) }</p>
                    }
                    <p>{ format!("Uses the figures {}.", d.inputs.join(" and ")) }</p>
                </>
            },
            _ => html! {},
        },
    };
    html! {
        <div class="details" id={props.id.clone()} aria-live="polite" data-kind={props.mark.as_deref().map(|_| "mark").unwrap_or("hint")}>
            { body }
        </div>
    }
}

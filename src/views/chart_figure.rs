//! One chart of the Charts view: its panels drawn from the scene, a button per mark (the
//! keyboard's and screen reader's way to the marks), the details of the mark in focus or
//! selected, its written summary, its credit and its downloads.

use yew::prelude::*;

use crate::chart::layout::{
    DRAW_ALL_UP_TO, LABEL_CHARS, PanelLayout, layout_panel_in, marks_with_buttons,
};
use crate::chart::scene::scene;
use crate::components::DataRef;
use crate::components::details::{MarkDetailsProps, mark_details};
use crate::components::downloads::{ChartDownloadsProps, chart_downloads};
use crate::components::panel_svg::{PanelSvgProps, panel_svg};
use crate::dataset::{Axis, Choice};
use crate::format;
use crate::hooks::{use_mark_focus, use_scroll_on_select, use_visible_bands};
use crate::select::{ChartSpec, MarkSpec, chart_credit};
use crate::view_state::{Action, ViewState};

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub data: DataRef,
    pub spec: ChartSpec,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    pub ready: bool,
    /// Whether this chart shows the selected figure's details.
    pub owns_selection: bool,
}

#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let ChartFigureProps {
        data,
        spec,
        state,
        dispatch,
        ready,
        owns_selection,
    } = props;
    let (figure_ref, copied) = (use_node_ref(), use_state(String::new));
    let focus = use_mark_focus(figure_ref.clone());
    let long = spec.panels.iter().any(|p| p.marks.len() > DRAW_ALL_UP_TO);
    let bands = use_visible_bands(long, figure_ref.clone());
    let selected = state.mark.clone().filter(|id| spec.draws(id));
    // The pointer highlights what it is over; the details show the selection, which the
    // pointer's path to them cannot change, or, with nothing selected, what the pointer is over.
    let active = focus.hovered.clone().or_else(|| selected.clone());
    let detailed = match &selected {
        Some(id) if *owns_selection => Some(id.clone()),
        Some(_) => None,
        None => focus.hovered.clone(),
    };
    let slug = spec.id.slug();
    let details_id = AttrValue::from(format!("details-{slug}"));
    let scroll_pending =
        use_scroll_on_select(details_id.to_string(), detailed.clone(), selected.clone());
    let onclick_mark = select_on_click(dispatch, state, spec, scroll_pending);
    // Said when a selection is made (not on every hover or focus), by the one chart that shows it.
    let announcement = detailed
        .as_deref()
        .filter(|_| selected.is_some())
        .and_then(|id| data.figure(id))
        .map(|f| format!("Selected: {}: {}", f.actor.label(), format::statement(f)));
    let layouts = layouts(spec, bands.as_deref());
    let summary_id = format!("summary-{slug}");
    let title_id = format!("chart-title-{slug}");
    let panels = PanelsIn {
        spec,
        summary_id: &summary_id,
        active: &active,
        selected: &selected,
        onhover: &focus.onhover,
        onclick: &onclick_mark,
    }
    .html(&layouts);
    let buttons = MarkButtons {
        spec,
        layouts: bands.is_some().then_some(&layouts[..]),
        focused: focus.focused.as_deref(),
        selected: selected.as_deref(),
        owns_selection: *owns_selection,
        details_id: &details_id,
    };
    html! {
        <figure class={classes!("chart", long.then_some("long"))} id={format!("chart-{slug}")} data-chart={slug} ref={figure_ref} onfocusout={focus.onfocusout.clone()}
            aria-labelledby={title_id.clone()}>
            // In an embed the charts are the page's sections, under its one heading.
            <@{if state.embed { "h2" } else { "h3" }} class="chart-title" id={title_id}>{ spec.title }</@>
            // What the filters leave, said where the title is: a copied image or an embed of a
            // filtered view must not pass for the whole article.
            if let Some(words) = &spec.filtered { <p class="chart-filtered">{ words }</p> }
            { legend() }
            { for spec.notes.iter().map(|note| html! { <p class="chart-note">{ note }</p> }) }
            { panels }
            // Right under the drawing: where the eye is after a click.
            { mark_details(&MarkDetailsProps { data: *data, id: details_id.clone(), mark: detailed,
                state: state.clone(), dispatch: dispatch.clone() }) }
            <p class="visually-hidden" role="status">{ announcement.unwrap_or_default() }</p>
            { summary(spec, &summary_id) }
            // The keyboard's and screen reader's way to the marks: out of sight until one has
            // focus, so they take no row of their own; drawn only once they can act.
            if *ready {
                <div class="mark-buttons" role="group" aria-label={buttons.group_name()}
                    onfocusin={focus.onfocusin.clone()} onclick={onclick_mark}>{ buttons.html() }</div>
            }
            if !state.embed { { credit_and_downloads(props, &copied) } }
        </figure>
    }
}

/// A click on a mark, in the chart or on its button, selects it in this chart (or unselects it
/// when it already is), and asks for its details to be scrolled into view. One callback for
/// both: it finds the mark from the event.
fn select_on_click(
    dispatch: &Callback<Action>,
    state: &ViewState,
    spec: &ChartSpec,
    scroll_pending: std::rc::Rc<std::cell::RefCell<bool>>,
) -> Callback<MouseEvent> {
    let (dispatch, current, chart) = (dispatch.clone(), state.mark.clone(), spec.id);
    Callback::from(move |e: MouseEvent| {
        let Some(id) = crate::browser::mark_at(&e) else {
            return;
        };
        *scroll_pending.borrow_mut() = true;
        let mark = (current.as_deref() != Some(id.as_str())).then_some(id);
        dispatch.emit(Action::SelectMark {
            mark,
            chart: Some(chart),
        });
    })
}

/// Under the chart on the page (an embed has its own credit line): who its figures come from,
/// and its downloads, whose line is kept (style.css) until the app runs and they can act.
fn credit_and_downloads(props: &ChartFigureProps, copied: &UseStateHandle<String>) -> Html {
    let ChartFigureProps {
        data,
        spec,
        state,
        ready,
        ..
    } = props;
    html! {
        <>
            <p class="credit">{ chart_credit(data, spec) }</p>
            <p class="chart-downloads">
                if *ready {
                    { chart_downloads(ChartDownloadsProps { data: *data, spec, filters: &state.filters, copied: copied.clone() }) }
                }
            </p>
        </>
    }
}

/// What the panels of a chart are drawn with: each is an image named by the chart's title and
/// its axis, described by the chart's summary.
struct PanelsIn<'a> {
    spec: &'a ChartSpec,
    summary_id: &'a str,
    active: &'a Option<String>,
    selected: &'a Option<String>,
    onhover: &'a Callback<Option<String>>,
    onclick: &'a Callback<MouseEvent>,
}

impl PanelsIn<'_> {
    fn html(&self, layouts: &[(Axis, PanelLayout)]) -> Html {
        let slug = self.spec.id.slug();
        layouts
            .iter()
            .map(|(axis, layout)| {
                panel_svg(PanelSvgProps {
                    scene: scene(layout),
                    id: format!("{slug}-{}", axis.slug()).into(),
                    title: format!("{}: {}", self.spec.title, layout.axis_title).into(),
                    // The summary is behind a disclosure, so the drawing keeps it as its
                    // description.
                    describedby: Some(self.summary_id.to_string().into()),
                    active: self.active.clone(),
                    selected: self.selected.clone(),
                    onhover: self.onhover.clone(),
                    onclick: self.onclick.clone(),
                })
            })
            .collect()
    }
}

/// Each panel's layout; a long chart lays out only the rows in its band (`layout_panel_in`).
fn layouts(spec: &ChartSpec, bands: Option<&[(i32, i32)]>) -> Vec<(Axis, PanelLayout)> {
    spec.panels
        .iter()
        .filter(|p| !p.marks.is_empty())
        .enumerate()
        .filter_map(|(i, p)| {
            let band = bands.and_then(|b| b.get(i)).copied();
            Some((p.axis, layout_panel_in(p, LABEL_CHARS, band)?))
        })
        .collect()
}

fn legend() -> Html {
    html! {
        <div class="legend" aria-hidden="true">
            <span class="key key-approximate">{ "about, approximately" }</span>
            <span class="key key-upper-bound">{ "up to: upper bound" }</span>
        </div>
    }
}

/// Compact, on a phone as in an embed: the written summary behind a disclosure (and still the
/// drawing's description for screen readers), so a chart is not told twice over on screen.
fn summary(spec: &ChartSpec, id: &str) -> Html {
    html! {
        <figcaption class="summary">
            <details class="description">
                <summary aria-label={format!("Description of {}", spec.title)}>{ "Description" }</summary>
                <p id={id.to_string()}>{ &spec.summary }</p>
            </details>
            // Paper cannot open a disclosure (out of the screen's tree, so read once).
            <p class="print-only">{ &spec.summary }</p>
        </figcaption>
    }
}

/// The buttons under a chart, one per mark it has a button for. Their listeners sit on their
/// group and find the button from the event, as the chart's do: two listeners for the group
/// instead of two per mark on every render.
struct MarkButtons<'a> {
    spec: &'a ChartSpec,
    /// The drawn rows of a long chart (`None`: every row is drawn).
    layouts: Option<&'a [(Axis, PanelLayout)]>,
    focused: Option<&'a str>,
    selected: Option<&'a str>,
    owns_selection: bool,
    details_id: &'a AttrValue,
}

impl MarkButtons<'_> {
    fn marks(&self) -> Vec<&MarkSpec> {
        self.spec
            .panels
            .iter()
            .flat_map(|p| p.marks.iter())
            .collect()
    }

    /// A long chart has buttons for the rows it draws and around the focus, not a thousand.
    fn with_buttons(&self, marks: &[&MarkSpec]) -> Vec<usize> {
        let drawn: Option<Vec<&str>> = self.layouts.map(|layouts| {
            let bars = layouts.iter().flat_map(|(_, l)| l.bars.iter());
            bars.map(|b| b.id.as_str()).collect()
        });
        let ids: Vec<&str> = marks.iter().map(|m| m.id.as_str()).collect();
        marks_with_buttons(&ids, drawn.as_deref(), self.focused, self.selected)
    }

    fn group_name(&self) -> String {
        let marks = self.marks();
        let with = self.with_buttons(&marks).len();
        if with < marks.len() {
            format!(
                "Marks of {}: {with} of {} near the screen or the focus; the Table view lists every figure",
                self.spec.title,
                marks.len()
            )
        } else {
            format!("Marks of {}", self.spec.title)
        }
    }

    fn html(&self) -> Html {
        let marks = self.marks();
        let buttons = self
            .with_buttons(&marks)
            .into_iter()
            .map(|i| self.button(marks[i]));
        buttons.collect::<Html>()
    }

    fn button(&self, m: &MarkSpec) -> Html {
        let text = match &m.period {
            Some(period) => format!("{} ({} · {period})", m.label, m.sublabel),
            None => format!("{} ({})", m.label, m.sublabel),
        };
        // A figure drawn in two charts has a button in each: the names say which (an
        // attribute, not a hidden child: a thousand buttons diff faster).
        let name = format!("{text}, in {}", self.spec.title);
        let pressed = self.selected == Some(m.id.as_str());
        // The selection's button in the chart that shows it: where "Show on chart" puts the focus.
        let target = (pressed && self.owns_selection).then_some("selected-mark");
        html! {
            <button key={m.id.as_str()} type="button" class="mark-button" data-mark={m.id.clone()} id={target}
                aria-pressed={if pressed { "true" } else { "false" }} aria-controls={self.details_id.clone()} aria-label={name}>
                { text }
            </button>
        }
    }
}

//! The Charts view: each chart the selection fills, with its written summary, a button per mark
//! (the keyboard and screen reader way to the marks), the details of the mark in focus, and the
//! vague amounts told in words instead of drawn.

use yew::prelude::*;

use crate::chart::layout::{DRAW_ALL_UP_TO, LABEL_CHARS, layout_panel_in, marks_with_buttons};
use crate::chart::scene::scene;
use crate::components::DataRef;
use crate::components::details::{MarkDetailsProps, mark_details};
use crate::components::panel_svg::{PanelSvgProps, panel_svg};
use crate::dataset::Choice;
use crate::export;
use crate::format;
use crate::select::{ChartSpec, MarkSpec, chart_credit, charts_shown, select_figures, vague_shown};
use crate::view_state::{Action, ViewState};

pub struct ChartsViewProps {
    pub data: DataRef,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    /// Whether the app runs: the mark buttons and downloads are drawn only then.
    pub ready: bool,
    pub selected_in: SelectedIn,
}

/// The chart (by id) the reader last selected a mark in, shared by the charts of a view.
pub type SelectedIn = std::rc::Rc<std::cell::RefCell<Option<&'static str>>>;

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
        let claimed = *props.selected_in.borrow();
        let drawing = || specs.iter().filter(|s| s.draws(id));
        drawing()
            .find(|s| Some(s.id) == claimed)
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
                html! { <ChartFigure {key} {data} {spec} state={props.state.clone()} dispatch={props.dispatch.clone()}
                    ready={props.ready} {owns_selection} selected_in={props.selected_in.clone()} /> }
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

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub data: DataRef,
    pub spec: ChartSpec,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    pub ready: bool,
    /// Whether this chart shows the selected figure's details.
    pub owns_selection: bool,
    pub selected_in: SelectedIn,
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
        selected_in,
    } = props;
    // The mark under the pointer or keyboard focus: view-only state, not part of the URL.
    let hovered = use_state(|| None::<String>);
    // The mark whose button has keyboard focus (the pointer does not move it): a long chart
    // keeps that button and its neighbours whatever rows it draws.
    let focused = use_state_eq(|| None::<String>);
    let figure_ref = use_node_ref();
    // A long chart draws only the rows near the screen, one band per panel, measured after
    // every render and on scroll and resize: view-only state, never in the URL. `None` draws
    // every row, as the prerender and short charts (all of the article's) always do.
    let bands = use_state_eq(|| None::<Vec<(i32, i32)>>);
    let long = spec.panels.iter().any(|p| p.marks.len() > DRAW_ALL_UP_TO);
    {
        let (bands, figure_ref) = (bands.clone(), figure_ref.clone());
        use_effect(move || {
            // Short charts never measure: measuring forces a layout.
            let measure = move || {
                bands.set(
                    long.then(|| crate::browser::panel_bands(&figure_ref))
                        .flatten(),
                )
            };
            measure();
            let listeners = long.then(|| crate::browser::on_scroll_or_resize(measure));
            move || drop(listeners)
        });
    }
    let selected = state.mark.clone().filter(|id| spec.draws(id));
    // The pointer highlights what it is over; the details show the selection, which the
    // pointer's path to them cannot change, or, with nothing selected, what the pointer is over.
    let active = (*hovered).clone().or_else(|| selected.clone());
    let detailed = match &selected {
        Some(id) if *owns_selection => Some(id.clone()),
        Some(_) => None,
        None => (*hovered).clone(),
    };
    // After a click selects a mark here, its details are scrolled into view.
    let scroll_pending = use_mut_ref(|| false);
    {
        let (scroll_pending, details) = (scroll_pending.clone(), format!("details-{}", spec.id));
        // The selection as a dependency too: a click often selects what the pointer is already
        // showing.
        use_effect_with((detailed.clone(), selected.clone()), move |(shown, _)| {
            if shown.is_some() && std::mem::take(&mut *scroll_pending.borrow_mut()) {
                crate::browser::scroll_into_view(&details);
            }
        });
    }
    let onhover = {
        let hovered = hovered.clone();
        Callback::from(move |id: Option<String>| hovered.set(id))
    };
    // A click on a mark, in the chart or on its button, selects it (or unselects it when it
    // already is). One callback for both: it finds the mark from the event.
    let onclick_mark = {
        let (dispatch, current) = (dispatch.clone(), state.mark.clone());
        let (selected_in, scroll_pending, chart) =
            (selected_in.clone(), scroll_pending.clone(), spec.id);
        Callback::from(move |e: MouseEvent| {
            let Some(id) = crate::browser::mark_at(&e) else {
                return;
            };
            *selected_in.borrow_mut() = Some(chart);
            *scroll_pending.borrow_mut() = true;
            let next = if current.as_deref() == Some(id.as_str()) {
                None
            } else {
                Some(id)
            };
            dispatch.emit(Action::SelectMark(next));
        })
    };
    // Keep the details while focus moves inside the chart (e.g. to the details' own link), so
    // that link is not removed from under the keyboard; clear them once focus leaves.
    let onfocusout = {
        let (hovered, focused, figure_ref) = (hovered.clone(), focused.clone(), figure_ref.clone());
        Callback::from(move |e: FocusEvent| {
            if crate::browser::focus_leaves(&e, &figure_ref) {
                hovered.set(None);
                focused.set(None);
            }
        })
    };
    // The file is only written when asked for, not on every render.
    let download = |ext: &'static str| {
        let (data, spec) = (*data, spec.clone());
        let name = export::file_name(&state.filters, Some(spec.id), ext);
        Callback::from(move |_: MouseEvent| {
            let file = export::chart_svg(&data, &spec);
            match ext {
                "png" => crate::browser::download_png(&name, &file.svg, file.width, file.height),
                _ => crate::browser::download(&name, "image/svg+xml", &file.svg),
            }
        })
    };
    let (download_svg, download_png) = (download("svg"), download("png"));
    // What became of "Copy image", said beside it.
    let copied = use_state(String::new);
    let copy_image = {
        let (data, spec, copied) = (*data, spec.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let file = export::chart_svg(&data, &spec);
            let copied = copied.clone();
            crate::browser::copy_png(&file.svg, file.width, file.height, move |ok| {
                copied.set(if ok {
                    "Image copied.".into()
                } else {
                    "This browser does not let the page copy images: use Download PNG.".into()
                });
            });
        })
    };
    let summary_id = format!("summary-{}", spec.id);
    let title_id = format!("chart-title-{}", spec.id);
    // Said when a selection is made (not on every hover or focus), by the one chart that shows it.
    let announcement = detailed
        .as_deref()
        .filter(|_| selected.is_some())
        .and_then(|id| data.figure(id))
        .map(|f| format!("Selected: {}: {}", f.actor.label(), format::statement(f)))
        .unwrap_or_default();
    // A long chart lays out only the rows in its band (see `layout_panel_in`).
    let layouts: Vec<_> = spec
        .panels
        .iter()
        .filter(|p| !p.marks.is_empty())
        .enumerate()
        .filter_map(|(i, p)| {
            let band = bands.as_ref().and_then(|b| b.get(i)).copied();
            Some((p.axis, layout_panel_in(p, LABEL_CHARS, band)?))
        })
        .collect();
    let panels = layouts.iter().map(|(axis, layout)| {
        let title = format!("{}: {}", spec.title, layout.axis_title);
        let scene = scene(layout);
        panel_svg(PanelSvgProps {
            scene,
            id: format!("{}-{}", spec.id, axis.slug()).into(),
            title: title.into(),
            // The summary is behind a disclosure, so the drawing keeps it as its description.
            describedby: Some(summary_id.clone().into()),
            active: active.clone(),
            selected: selected.clone(),
            onhover: onhover.clone(),
            onclick: onclick_mark.clone(),
        })
    });
    // The buttons' listeners sit on their group and find the button from the event, as the
    // chart's do: two listeners for the group instead of two per mark on every render.
    let details_id = AttrValue::from(format!("details-{}", spec.id));
    // A long chart has buttons for the rows it draws and around the focus, not a thousand.
    let marks: Vec<&MarkSpec> = spec.panels.iter().flat_map(|p| p.marks.iter()).collect();
    let drawn: Option<Vec<&str>> = bands.is_some().then(|| {
        let bars = layouts.iter().flat_map(|(_, l)| l.bars.iter());
        bars.map(|b| b.id.as_str()).collect()
    });
    let ids: Vec<&str> = marks.iter().map(|m| m.id.as_str()).collect();
    let with_buttons = marks_with_buttons(
        &ids,
        drawn.as_deref(),
        focused.as_deref(),
        selected.as_deref(),
    );
    let group_name = if with_buttons.len() < marks.len() {
        format!(
            "Marks of {}: {} of {} near the screen or the focus; the Table view lists every figure",
            spec.title,
            with_buttons.len(),
            marks.len()
        )
    } else {
        format!("Marks of {}", spec.title)
    };
    let buttons = with_buttons.into_iter().map(|i| marks[i]).map(|m| {
        let text = match &m.period {
            Some(period) => format!("{} ({} · {period})", m.label, m.sublabel),
            None => format!("{} ({})", m.label, m.sublabel),
        };
        // A figure drawn in two charts has a button in each: the names say which (an
        // attribute, not a hidden child: a thousand buttons diff faster).
        let name = format!("{text}, in {}", spec.title);
        let pressed = selected.as_deref() == Some(m.id.as_str());
        // The selection's button in the chart that shows it: where "Show on chart" puts the focus.
        let target = (pressed && *owns_selection).then_some("selected-mark");
        html! {
            <button key={m.id.as_str()} type="button" class="mark-button" data-mark={m.id.clone()} id={target}
                aria-pressed={if pressed { "true" } else { "false" }} aria-controls={details_id.clone()} aria-label={name}>
                { text }
            </button>
        }
    });
    let onfocusin = {
        let onhover = onhover.clone();
        move |e: FocusEvent| {
            if let Some(id) = crate::browser::mark_at(&e) {
                focused.set(Some(id.clone()));
                onhover.emit(Some(id));
            }
        }
    };
    html! {
        <figure class={classes!("chart", long.then_some("long"))} id={format!("chart-{}", spec.id)} data-chart={spec.id} ref={figure_ref} {onfocusout}
            aria-labelledby={title_id.clone()}>
            // In an embed the charts are the page's sections, under its one heading.
            <@{if state.embed { "h2" } else { "h3" }} class="chart-title" id={title_id}>{ spec.title }</@>
            <div class="legend" aria-hidden="true">
                <span class="key key-approximate">{ "about, approximately" }</span>
                <span class="key key-upper-bound">{ "up to: upper bound" }</span>
            </div>
            { panels.collect::<Html>() }
            // Right under the drawing: where the eye is after a click.
            { mark_details(&MarkDetailsProps { data: *data, id: details_id.clone(), mark: detailed,
                state: state.clone(), dispatch: dispatch.clone() }) }
            <p class="visually-hidden" role="status">{ announcement }</p>
            // Compact, on a phone as in an embed: the written summary behind a disclosure (and
            // still the drawing's description for screen readers), so a chart is not told twice
            // over on screen.
            <figcaption class="summary">
                <details class="description">
                    <summary aria-label={format!("Description of {}", spec.title)}>{ "Description" }</summary>
                    <p id={summary_id.clone()}>{ &spec.summary }</p>
                </details>
                // Paper cannot open a disclosure (out of the screen's tree, so read once).
                <p class="print-only">{ &spec.summary }</p>
            </figcaption>
            // The keyboard's and screen reader's way to the marks: out of sight until one has
            // focus, so they take no row of their own; drawn only once they can act.
            if *ready {
                <div class="mark-buttons" role="group" aria-label={group_name}
                    {onfocusin} onclick={onclick_mark}>{ for buttons }</div>
            }
            if !state.embed {
                <p class="credit">{ chart_credit(data, spec) }</p>
                // Its line is kept (style.css) until the app runs and the buttons can act.
                <p class="chart-downloads">
                    if *ready {
                        { "Download this chart: " }
                        <button type="button" class="link-button" data-download="svg" onclick={download_svg} aria-label={format!("Download {} as SVG", spec.title)}>{ "SVG" }</button>
                        { " · " }
                        <button type="button" class="link-button" data-download="png" onclick={download_png} aria-label={format!("Download {} as PNG", spec.title)}>{ "PNG" }</button>
                        { " · " }
                        <button type="button" class="link-button" data-copy="png" onclick={copy_image} aria-label={format!("Copy image of {}", spec.title)}>{ "Copy image" }</button>
                        <span class="copy-status" role="status">{ format!(" {}", *copied) }</span>
                    }
                </p>
            }
        </figure>
    }
}

//! One chart of the Charts view: its panels drawn from the scene, a button per mark (the
//! keyboard's and screen reader's way to the marks: one tab stop, arrow keys between them, the
//! focus outlined on the drawing), the details of the mark in focus or selected, its written
//! summary, its credit and its downloads.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::layout::{
    DRAW_ALL_UP_TO, PanelLayout, label_chars, layout_panel_in, marks_with_buttons, row_span,
};
use crate::chart::scene::scene;
use crate::components::DataRef;
use crate::components::details::{MarkDetailsProps, mark_details};
use crate::components::downloads::{ChartDownloadsProps, chart_downloads};
use crate::components::panel_svg::{PanelSvgProps, panel_svg};
use crate::dataset::{Axis, Choice};
use crate::format;
use crate::hooks::{use_mark_focus, use_scroll_on_select, use_visible_bands};
use crate::keys::{Arrows, position};
use crate::select::{ChartSpec, MarkSpec, MarkStyle, chart_credit};
use crate::view_state::{Action, ViewState};

#[derive(Properties)]
pub struct ChartFigureProps {
    pub data: DataRef,
    /// Shared with the chart's callbacks (keys, focus, downloads) without a copy a render.
    pub spec: Rc<ChartSpec>,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    pub ready: bool,
    /// Whether this chart shows the selected figure's details.
    pub owns_selection: bool,
}

/// The spec by address: the charts view builds it anew with every change of the view state,
/// which the props carry too, so comparing every mark's words spared a render only when the
/// page redraws for something else (its start, its notice), and cost the wasm 0.5 KB.
impl PartialEq for ChartFigureProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.spec, &other.spec)
            && self.data == other.data
            && self.state == other.state
            && self.dispatch == other.dispatch
            && (self.ready, self.owns_selection) == (other.ready, other.owns_selection)
    }
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
    let figure_ref = use_node_ref();
    let focus = use_mark_focus(figure_ref.clone());
    // What became of the last Copy image, said beside the downloads.
    let copied = use_state(String::new);
    let long = spec.panels.iter().any(|p| p.marks.len() > DRAW_ALL_UP_TO);
    let bands = use_visible_bands(long, figure_ref.clone());
    // The reader's root font size: a larger one wraps the text sooner.
    let chars = label_chars(crate::browser::root_font_px());
    let selected = state.mark.clone().filter(|id| spec.draws(id));
    // The pointer highlights what it is over; the details show the selection, which the
    // pointer's path to them cannot change, or, with nothing selected, what the pointer is over.
    let active = focus.hovered.clone().or_else(|| selected.clone());
    let detailed = detailed(selected.as_ref(), *owns_selection, &focus.hovered);
    let slug = spec.id.slug();
    let details_id = AttrValue::from(format!("details-{slug}"));
    let scroll_pending =
        use_scroll_on_select(details_id.to_string(), detailed.clone(), selected.clone());
    let onclick_mark = select_on_click(dispatch, state, spec, scroll_pending);
    let announcement = use_announcement(
        data,
        detailed.as_deref().filter(|_| selected.is_some()),
        state.mark.is_none(),
    );
    let layouts = layouts(spec, chars, bands.as_deref());
    let (title_id, keys_id) = (format!("chart-title-{slug}"), format!("keys-{slug}"));
    let drawing = Drawing {
        slug,
        title: spec.title,
        active,
        selected: selected.clone(),
        // The keyboard's mark stays outlined wherever the pointer wanders.
        outlined: [focus.focused.clone(), focus.hovered.clone()],
        onhover: focus.onhover.clone(),
        onclick: onclick_mark.clone(),
    };
    let buttons = MarkButtons {
        spec,
        layouts: bands.is_some().then_some(&layouts[..]),
        focused: focus.focused.as_deref(),
        selected: selected.as_deref(),
        owns_selection: *owns_selection,
        details_id: &details_id,
    };
    let onfocusin = reveal_on_focus(spec, chars, &figure_ref, &focus.onfocusin);
    html! {
        <figure class={classes!("chart", long.then_some("long"))} id={format!("chart-{slug}")} data-chart={slug} ref={figure_ref} onfocusout={focus.onfocusout.clone()}
            aria-labelledby={title_id.clone()} aria-describedby={ready.then(|| keys_id.clone())}>
            // In an embed the charts are the page's sections, under its one heading.
            <@{if state.embed { "h2" } else { "h3" }} class="chart-title" id={title_id}>{ spec.title }</@>
            // What the filters leave, said where the title is: a copied image or an embed of a
            // filtered view must not pass for the whole article.
            if let Some(words) = &spec.filtered { <p class="chart-filtered">{ words }</p> }
            { legend(data, spec) }
            { hint() }
            { for spec.notes.iter().map(|note| html! { <p class="chart-note">{ note }</p> }) }
            { for layouts.iter().enumerate().map(|(i, (axis, layout))| drawing.panel(*axis, layout, i == 0)) }
            // The keyboard's and screen reader's way to the marks: one tab stop, out of sight
            // (the drawing shows the focus), drawn only once they can act; before the details,
            // so that Tab goes on from a selected mark to its details' links.
            if *ready { { buttons.toolbar(&keys_id, onfocusin, onclick_mark) } }
            // Right under the drawing: where the eye is after a click.
            { mark_details(&MarkDetailsProps { data: *data, id: details_id.clone(), mark: detailed, preview: selected.is_none(),
                state: state.clone(), dispatch: dispatch.clone() }) }
            <p class="visually-hidden" role="status">{ announcement }</p>
            { summary(spec) }
            if !state.embed { { credit_and_downloads(props, &copied) } }
        </figure>
    }
}

/// What each panel's drawing of a chart shares: the marks the pointer, the selection and the
/// keyboard's focus are on, and the pointer's callbacks.
struct Drawing {
    slug: &'static str,
    title: &'static str,
    active: Option<String>,
    selected: Option<String>,
    outlined: [Option<String>; 2],
    onhover: Callback<Option<String>>,
    onclick: Callback<MouseEvent>,
}

impl Drawing {
    /// A panel; `first`: it carries the chart's description (a chart of two panels is not
    /// described twice over).
    fn panel(&self, axis: Axis, layout: &PanelLayout, first: bool) -> Html {
        panel_svg(PanelSvgProps {
            scene: scene(layout),
            id: format!("{}-{}", self.slug, axis.slug()).into(),
            title: format!("{}: {}", self.title, layout.axis_title).into(),
            // The summary waits behind a disclosure on screen; its copy for paper is out of
            // the screen's tree but still the drawing's description, whether or not the
            // disclosure is open.
            describedby: first.then(|| format!("summary-{}", self.slug).into()),
            active: self.active.clone(),
            selected: self.selected.clone(),
            outlined: self.outlined.clone(),
            onhover: self.onhover.clone(),
            onclick: self.onclick.clone(),
        })
    }
}

/// The mark whose details the chart shows: the selection where this chart shows it (another
/// chart may), else, with nothing selected, the mark under the pointer or the keyboard.
fn detailed(selected: Option<&String>, owns: bool, hovered: &Option<String>) -> Option<String> {
    match selected {
        Some(id) if owns => Some(id.clone()),
        Some(_) => None,
        None => hovered.clone(),
    }
}

/// What the chart's status says (`announcement`), remembering whether it has said something
/// (a selection, its clearing): that stays said until a selection or its clearing changes it.
#[hook]
fn use_announcement(data: &DataRef, selected: Option<&str>, none_selected: bool) -> String {
    let said = use_mut_ref(|| false);
    let announcement = announcement(data, selected, none_selected && *said.borrow());
    *said.borrow_mut() = !announcement.is_empty();
    announcement
}

/// Said when a selection is made (not on every hover or focus), by the one chart that shows it,
/// and when it is cleared (Escape, a filter that hides it), by the chart that had said it
/// (`cleared`): an emptied status is read by no screen reader. A selection moved to another
/// chart is that chart's to say.
fn announcement(data: &DataRef, selected: Option<&str>, cleared: bool) -> String {
    match selected.and_then(|id| data.figure(id)) {
        Some(f) => format!("Selected: {}: {}", f.actor.label(), format::statement(f)),
        None if cleared => CLEARED.to_string(),
        None => String::new(),
    }
}

const CLEARED: &str = "Selection cleared.";

/// Focus on a mark's button, however it came (Tab, an arrow, "Show on chart"), places the
/// button over its row and scrolls the row into view, drawn or not: the button is out of
/// sight, and the row shows the focus.
fn reveal_on_focus(
    spec: &Rc<ChartSpec>,
    chars: usize,
    figure: &NodeRef,
    onfocusin: &Callback<FocusEvent>,
) -> Callback<FocusEvent> {
    let (spec, figure, onfocusin) = (spec.clone(), figure.clone(), onfocusin.clone());
    Callback::from(move |e: FocusEvent| {
        if let Some(id) = crate::browser::mark_at(&e) {
            let mut panels = spec.panels.iter().enumerate();
            if let Some((i, (top, bottom))) =
                panels.find_map(|(i, p)| Some((i, row_span(p, chars, &id)?)))
            {
                crate::browser::reveal_rows(&figure, i, (top, bottom), e.target());
            }
        }
        onfocusin.emit(e);
    })
}

/// A click on a mark, in the chart or on its button, selects it in this chart (or unselects it
/// when it already is), and asks for its details to be scrolled into view, unless the click is
/// the keyboard's (Enter or Space on a button: no pointer, `detail` 0): the focused row must
/// stay in sight, and Tab leads on to the details. One callback for both: it finds the mark
/// from the event.
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
        *scroll_pending.borrow_mut() = e.detail() != 0;
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
                    { chart_downloads(ChartDownloadsProps { data: *data, spec, filters: &state.filters, copied }) }
                }
            </p>
        </>
    }
}

/// Each panel's layout, its text wrapped at `chars`; a long chart lays out only the rows in its
/// band (`layout_panel_in`).
fn layouts(
    spec: &ChartSpec,
    chars: usize,
    bands: Option<&[(i32, i32)]>,
) -> Vec<(Axis, PanelLayout)> {
    spec.panels
        .iter()
        .filter(|p| !p.marks.is_empty())
        .enumerate()
        .filter_map(|(i, p)| {
            let band = bands.and_then(|b| b.get(i)).copied();
            Some((p.axis, layout_panel_in(p, chars, band)?))
        })
        .collect()
}

/// A key for each kind of hedge the chart draws, and no other, with the article's words for
/// it: "about, approximately", "up to: upper bound". Its swatch is in the key's own colour, so
/// a reader's style sheet colours it as it colours the text (style.css).
fn legend(data: &crate::dataset::Dataset, spec: &ChartSpec) -> Html {
    let keys = crate::select::drawn_kinds(data, &|f| spec.draws(&f.id))
        .into_iter()
        .map(|(style, words)| {
            let words = words.join(", ");
            let text = match style {
                MarkStyle::Exact => "no hedge: exact".to_string(),
                MarkStyle::Approximate => words,
                MarkStyle::LowerBound => format!("{words}: lower bound, and more"),
                MarkStyle::UpperBound => format!("{words}: upper bound"),
                MarkStyle::Range => "range: from one number to the other".to_string(),
            };
            html! { <span class={classes!("key", format!("key-{}", style.slug()))}><span>{ text }</span></span> }
        });
    html! {
        <div class="legend" aria-hidden="true">{ for keys }</div>
    }
}

/// That a bar can be selected, and how, beside the legend. In the prerendered page too, so it
/// moves nothing when the app starts; out of sight (style.css) where no script runs, as the
/// bars cannot be selected there.
fn hint() -> Html {
    html! {
        <p class="chart-hint">{ "Click a bar, or Tab to the chart and use the arrow keys, for its hedge, source and quote." }</p>
    }
}

/// The keys, for assistive technology: the chart's description (and its marks' toolbar's).
const KEYS: &str = "Arrow keys move from mark to mark, Home and End to the first and last. \
    Enter or Space selects a mark for its hedge, source and quote. Escape clears it.";

/// Compact, on a phone as in an embed: the written summary behind a disclosure, so a chart is
/// not told twice over on screen. Its copy for paper (which cannot open a disclosure) is the
/// drawing's description: out of the screen's tree, and still read as a description whether
/// the disclosure is open or closed (Chromium gives none from inside a closed one).
fn summary(spec: &ChartSpec) -> Html {
    html! {
        <figcaption class="summary">
            <details class="description">
                <summary aria-label={format!("Description of {}", spec.title)}>{ "Description" }</summary>
                <p>{ &spec.summary }</p>
            </details>
            <p class="print-only" id={format!("summary-{}", spec.id.slug())}>{ &spec.summary }</p>
        </figcaption>
    }
}

/// The chart's buttons, one per mark it has a button for: a toolbar of one tab stop (the mark
/// with the focus, else the selected one, else the first), named each by its figure, hedge,
/// source, period and place among the chart's marks. Their listeners sit on their group and
/// find the button from the event, as the chart's do: a few listeners for the group instead
/// of a few per mark on every render.
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
    /// The chart's one tab stop.
    fn stop<'m>(&'m self, marks: &[&'m MarkSpec]) -> Option<&'m str> {
        let first = marks.first().map(|m| m.id.as_str());
        self.focused.or(self.selected).or(first)
    }

    /// A long chart has buttons for the rows it draws, around the focus, its selection, its tab
    /// stop and its ends, not a thousand.
    fn with_buttons(&self, marks: &[&MarkSpec]) -> Vec<usize> {
        let Some(layouts) = self.layouts else {
            return (0..marks.len()).collect();
        };
        let bars = layouts.iter().flat_map(|(_, l)| l.bars.iter());
        let drawn: Vec<&str> = bars.map(|b| b.id.as_str()).collect();
        let ids: Vec<&str> = marks.iter().map(|m| m.id.as_str()).collect();
        // The selection, the tab stop, and the first and last marks (Home and End).
        let ends = [marks.first(), marks.last()].map(|m| m.map(|m| m.id.as_str()));
        let kept: Vec<&str> = [self.selected, self.stop(marks), ends[0], ends[1]]
            .into_iter()
            .flatten()
            .collect();
        marks_with_buttons(&ids, Some(&drawn), self.focused, &kept)
    }

    /// The keyboard's and screen reader's way to the marks: one tab stop, out of sight (the
    /// drawing shows the focus). The arrows, Home and End move the focus from mark to mark in
    /// the order they are drawn (`browser::roving_key` over its buttons: a long chart keeps
    /// those of its first and last marks and of the focus's neighbours); Enter and Space are
    /// the buttons' own, a click; Escape, clearing the selection, is the view's.
    fn toolbar(
        &self,
        keys_id: &str,
        onfocusin: Callback<FocusEvent>,
        onclick: Callback<MouseEvent>,
    ) -> Html {
        let onkeydown = |e: KeyboardEvent| {
            crate::browser::roving_key(&e, ".mark-button", Arrows::Any, false);
        };
        html! {
            <>
                <div class="mark-buttons" role="toolbar" aria-orientation="vertical" aria-label={format!("Marks of {}", self.spec.title)}
                    aria-describedby={keys_id.to_string()} {onfocusin} {onclick} {onkeydown}>
                    { self.html() }
                </div>
                <p id={keys_id.to_string()} hidden=true>{ KEYS }</p>
            </>
        }
    }

    fn html(&self) -> Html {
        let marks: Vec<&MarkSpec> = self.spec.marks().collect();
        let stop = self.stop(&marks);
        let buttons = self
            .with_buttons(&marks)
            .into_iter()
            .map(|i| self.button(marks[i], position(i, marks.len()), stop));
        buttons.collect::<Html>()
    }

    fn button(&self, m: &MarkSpec, place: String, stop: Option<&str>) -> Html {
        let text = match &m.period {
            Some(period) => format!("{} ({} · {period})", m.label, m.sublabel),
            None => format!("{} ({})", m.label, m.sublabel),
        };
        // A figure drawn in two charts has a button in each: the names say which (an
        // attribute, not a hidden child: a thousand buttons diff faster).
        let name = format!("{text}, {place}, in {}", self.spec.title);
        let pressed = self.selected == Some(m.id.as_str());
        // The selection's button in the chart that shows it: where "Show on chart" puts the focus.
        let target = (pressed && self.owns_selection).then_some("selected-mark");
        let tabindex = if stop == Some(m.id.as_str()) {
            "0"
        } else {
            "-1"
        };
        html! {
            <button key={m.id.as_str()} type="button" class="mark-button" data-mark={m.id.clone()} id={target} {tabindex}
                aria-pressed={if pressed { "true" } else { "false" }} aria-controls={self.details_id.clone()} aria-label={name}>
                { text }
            </button>
        }
    }
}

//! The page: masthead, URL notice, filters, tabs and the current view; in embed mode only the
//! charts, a one-line credit and a link to the full explorer.

use yew::prelude::*;

use crate::components::DataRef;
use crate::components::filters::FilterPanel;
use crate::components::link::{NewTabLink, state_link};
use crate::components::notice::{UrlNoticeProps, url_notice};
use crate::components::share::ShareBar;
use crate::components::tabs::{TabsProps, tabs};
use crate::dataset::{Choice, Dataset, Source};
use crate::view_state::{Action, Ignored, Theme, View, ViewState};
use crate::views::article::{ArticleViewProps, article_view};
use crate::views::charts::{ChartsViewProps, charts_view};
use crate::views::table::{TableViewProps, table_view};
use crate::views::timeline::{TimelineViewProps, timeline_view};

pub struct ExplorerProps {
    pub data: DataRef,
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
    pub dispatch: Callback<Action>,
    pub ondismiss: Callback<()>,
    /// True once running in a browser (tests wait for `data-ready`). Until then (and in the
    /// prerendered page, which is all a reader without JavaScript gets) no control is drawn:
    /// a control that cannot act is a dead end in a text browser. Where a control will appear,
    /// the stylesheet keeps its room, so nothing moves when it does.
    pub ready: bool,
}

pub fn explorer(props: &ExplorerProps) -> Html {
    let ExplorerProps {
        data,
        state,
        ignored,
        dispatch,
        ondismiss,
        ready,
    } = props;
    let ready_attr = ready.then_some("true");
    let theme = match state.theme {
        Theme::Auto => None,
        Theme::Light => Some("theme-light"),
        Theme::Dark => Some("theme-dark"),
    };
    let class = classes!("app", theme, state.embed.then_some("embed"));
    let onshow = {
        let (state, dispatch, ondismiss) = (state.clone(), dispatch.clone(), ondismiss.clone());
        Callback::from(move |id: String| {
            ondismiss.emit(());
            dispatch.emit(Action::Load(ViewState {
                filters: Default::default(),
                mark: Some(id),
                ..state.clone()
            }));
        })
    };
    let notice = url_notice(&UrlNoticeProps {
        ignored: ignored.clone(),
        ondismiss: ondismiss.clone(),
        onshow,
    });

    if state.embed {
        return html! {
            <div {class} data-ready={ready_attr}>{ embed_page(props, notice) }</div>
        };
    }
    let panel = view_panel(props);
    html! {
        <div {class} data-ready={ready_attr}>
            { skip_links(props) }
            { masthead(data) }
            { notice }
            // Only on paper: what this view is and where to find it again.
            if *ready {
                <p class="print-only">
                    { format!("Filters: {}. View: {}. ", crate::select::filters_in_words(&state.filters), state.view.label()) }
                    { crate::browser::page_url(&state.to_query()) }
                </p>
            }
            <main class="layout" onkeydown={clear_on_escape(state, dispatch)}>
                <FilterPanel {data} state={state.clone()} dispatch={dispatch.clone()} ready={*ready} />
                <div class="views">
                    { tabs(&TabsProps { state: state.clone(), dispatch: dispatch.clone(), ready: *ready }) }
                    // A tab panel only once there are tabs.
                    <section class="panel" id="view-panel" role={ready.then_some("tabpanel")}
                        aria-labelledby={ready.then(|| state.view.tab_id())} tabindex={ready.then_some("0")}>
                        { panel }
                    </section>
                    <ShareBar {data} state={state.clone()} ready={*ready} />
                </div>
            </main>
            <footer class="footer">
                <p>
                    { crate::select::article_credit(data) }
                    { for bounds_told(data).into_iter().map(|s| html! { <>{ " " }{ s }</> }) }
                </p>
            </footer>
        </div>
    }
}

/// Escape clears a selected figure, wherever the focus is in the view (a dialog that closes on
/// Escape keeps it: it marks the key as handled).
fn clear_on_escape(
    state: &ViewState,
    dispatch: &Callback<Action>,
) -> Option<Callback<KeyboardEvent>> {
    state.mark.as_ref()?;
    let dispatch = dispatch.clone();
    Some(Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" && !e.default_prevented() {
            // The selection's details go with it: a focus in them moves to its mark first.
            crate::browser::focus_out_of(".details", "selected-mark");
            dispatch.emit(Action::SelectMark {
                mark: None,
                chart: None,
            });
        }
    }))
}

/// Before everything, and out of sight until focused: the way past the masthead and the 16
/// filters to the charts or the table, whose view then has the focus (the next Tab reaches the
/// first chart's marks). Links to views, so drawn only once the app runs; an empty box stands
/// in their place in the prerendered page, so the elements after it keep their places
/// (`browser::restore`).
fn skip_links(props: &ExplorerProps) -> Html {
    let ExplorerProps {
        state,
        dispatch,
        ready,
        ..
    } = props;
    let to = |view: View, text: &'static str| {
        let state = state.apply(Action::SetView(view));
        state_link(
            state,
            dispatch,
            Some("skip-link"),
            "view-panel".into(),
            html! { text },
        )
    };
    if !*ready {
        return html! { <div class="skip-links"></div> };
    }
    html! {
        <nav class="skip-links" aria-label="Skip links">
            { to(View::Charts, "Skip to the charts") }
            { to(View::Table, "Skip to the table") }
        </nav>
    }
}

/// The view the current tab shows.
fn view_panel(props: &ExplorerProps) -> Html {
    let ExplorerProps {
        data,
        state,
        dispatch,
        ready,
        ..
    } = props;
    match state.view {
        View::Charts => charts_view(&ChartsViewProps {
            data: *data,
            state: state.clone(),
            dispatch: dispatch.clone(),
            ready: *ready,
        }),
        View::Table => table_view(&TableViewProps {
            data: *data,
            state: state.clone(),
            dispatch: dispatch.clone(),
        }),
        View::Article => article_view(&ArticleViewProps {
            data: *data,
            state: state.clone(),
            dispatch: dispatch.clone(),
        }),
        View::Timeline => timeline_view(&TimelineViewProps {
            data: *data,
            filters: state.filters.clone(),
        }),
    }
}

/// An embed: only the charts of the view, its credit line and a link to the full explorer.
fn embed_page(props: &ExplorerProps, notice: Html) -> Html {
    let ExplorerProps {
        data,
        state,
        dispatch,
        ready,
        ..
    } = props;
    // The full explorer shows every chart of the same selection.
    let full = ViewState {
        embed: false,
        chart: None,
        // The reader's own colours: the embed's were chosen to suit the host's page.
        theme: Default::default(),
        ..state.clone()
    };
    html! {
        // The view, where the focus goes after Reset and Dismiss, as in the full page.
        <main id="view-panel" tabindex="-1" onkeydown={clear_on_escape(state, dispatch)}>
            // A page of its own in the frame: its heading says what it is.
            <h1 class="visually-hidden">{ format!("{}: {}", crate::dataset::vocabulary().page.name, data.article.title) }</h1>
            { notice }
            { charts_view(&ChartsViewProps { data: *data, state: state.clone(), dispatch: dispatch.clone(), ready: *ready }) }
            <p class="embed-credit">
                { crate::format::credit(&embed_sources(data, state), &data.article.dateline) }{ " " }
                <NewTabLink href={full.href()}>{ "Open in the full explorer" }</NewTabLink>
            </p>
        </main>
    }
}

fn masthead(data: &Dataset) -> Html {
    html! {
        <header class="masthead">
            <p class="brand">{ crate::dataset::vocabulary().page.name }</p>
            <h1>{ &data.article.title }</h1>
            <p class="dateline">
                { "Article of " }
                <time datetime={data.article.published.to_string()}>{ &data.article.dateline }</time>
                { format!(" · {} · ", crate::format::promise(data)) }
                <a href="article.txt">{ "the article as plain text" }</a>
            </p>
        </header>
    }
}

/// The sources of the figures an embed shows, for its credit line: those of its charts, and of
/// the amounts told in words where it shows them (the whole view, not one chart).
fn embed_sources(data: &Dataset, state: &ViewState) -> Vec<Source> {
    let charts = crate::select::charts_shown(data, &state.filters, state.chart);
    let vague = crate::select::vague_shown(data, &state.filters, state.chart);
    Source::ALL
        .iter()
        .copied()
        .filter(|s| {
            charts.iter().any(|c| c.sources.contains(s)) || vague.iter().any(|f| f.source == *s)
        })
        .collect()
}

/// What the footer tells of the bounds and ranges the article's drawn figures have, and only
/// those: "Figures marked “up to” are upper bounds, not counts, drawn hatched and open-ended."
fn bounds_told(data: &crate::dataset::Dataset) -> Vec<String> {
    use crate::select::MarkStyle;
    let marked = |words: &[&str]| {
        let quoted: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
        crate::format::and_list(&quoted.iter().map(String::as_str).collect::<Vec<_>>())
    };
    crate::select::drawn_kinds(data, &|_| true)
        .into_iter()
        .filter_map(|(style, words)| match style {
            MarkStyle::UpperBound => Some(format!(
                "Figures marked {} are upper bounds, not counts, drawn hatched and open-ended.",
                marked(&words)
            )),
            MarkStyle::LowerBound => Some(format!(
                "Figures marked {} are lower bounds: the true number is higher; their edges run on past the value to an arrow.",
                marked(&words)
            )),
            MarkStyle::Range => {
                Some("A range is drawn from its low number to its high one.".to_string())
            }
            _ => None,
        })
        .collect()
}

//! The page: masthead, URL notice, filters, tabs and the current view; in embed mode only the
//! charts, a one-line credit and a link to the full explorer.

use yew::prelude::*;

use super::DataRef;
use super::article::{ArticleViewProps, article_view};
use super::charts::{ChartsViewProps, charts_view};
use super::filters::FilterPanel;
use super::link::state_link;
use super::notice::{UrlNoticeProps, url_notice};
use super::share::ShareBar;
use super::table::{TableViewProps, table_view};
use super::tabs::{TabsProps, tabs};
use super::timeline::{TimelineViewProps, timeline_view};
use crate::view_state::{Action, Ignored, Theme, View, ViewState};

pub struct ExplorerProps {
    pub data: DataRef,
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
    pub dispatch: Callback<Action>,
    pub ondismiss: Callback<()>,
    /// True once running in a browser (tests wait for `data-ready`).
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
    let ready = ready.then_some("true");
    let theme = match state.theme {
        Theme::Auto => None,
        Theme::Light => Some("theme-light"),
        Theme::Dark => Some("theme-dark"),
    };
    let class = classes!("app", theme, state.embed.then_some("embed"));
    let notice = url_notice(&UrlNoticeProps {
        ignored: ignored.clone(),
        ondismiss: ondismiss.clone(),
    });

    if state.embed {
        let full = ViewState {
            embed: false,
            ..state.clone()
        };
        return html! {
            <div {class} data-ready={ready}>
                { notice }
                { charts_view(&ChartsViewProps { data: *data, state: state.clone(), dispatch: dispatch.clone() }) }
                <p class="embed-credit">
                    { "Figures from an article of 18 November 2024 citing Bloomberg, the New York Post and media reports. " }
                    <a href={full.href()} target="_blank" rel="noopener">{ "Open in the full explorer" }</a>
                </p>
            </div>
        };
    }

    let panel = match state.view {
        View::Charts => charts_view(&ChartsViewProps {
            data: *data,
            state: state.clone(),
            dispatch: dispatch.clone(),
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
        View::Timeline => timeline_view(&TimelineViewProps { data: *data }),
    };
    let article_view = state.apply(Action::SetView(View::Article));
    html! {
        <div {class} data-ready={ready}>
            <header class="masthead">
                <p class="brand">{ "Frontline Figures" }</p>
                <h1>{ &data.article.title }</h1>
                <p class="dateline">
                    { "Article of " }
                    <time datetime="2024-11-18T06:04">{ &data.article.dateline }</time>
                    { " · every number below is quoted from it, with its hedge and its source · " }
                    { state_link(article_view, dispatch, None, html! { "Read the article" }) }
                    { " · " }
                    <a href="article.txt">{ "plain text" }</a>
                </p>
            </header>
            { notice }
            <main class="layout">
                <FilterPanel {data} state={state.clone()} dispatch={dispatch.clone()} />
                <div class="views">
                    <ShareBar {data} state={state.clone()} />
                    { tabs(&TabsProps { current: state.view, state: state.clone(), dispatch: dispatch.clone() }) }
                    <section class="panel" role="tabpanel" id="view-panel" aria-labelledby={format!("tab-{}", crate::dataset::Choice::slug(state.view))} tabindex="0">
                        { panel }
                    </section>
                </div>
            </main>
            <footer class="footer">
                <p>
                    { "Sources as the article names them: Bloomberg, citing intelligence data; the New York Post; unnamed media reports. " }
                    { "Figures marked “up to” are upper bounds, not counts; “~” means about. Derived values say so." }
                </p>
            </footer>
        </div>
    }
}

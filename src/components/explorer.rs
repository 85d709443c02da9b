//! The page: masthead, URL notice, filters, tabs and the current view; in embed mode only the
//! charts, a one-line credit and a link to the full explorer.

use yew::prelude::*;

use super::DataRef;
use super::article::ArticleView;
use super::charts::ChartsView;
use super::filters::FilterPanel;
use super::link::StateLink;
use super::notice::UrlNotice;
use super::share::ShareBar;
use super::table::TableView;
use super::tabs::Tabs;
use super::timeline::TimelineView;
use crate::view_state::{Action, Ignored, Theme, View, ViewState};

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub data: DataRef,
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
    pub dispatch: Callback<Action>,
    pub ondismiss: Callback<()>,
    /// True once running in a browser (tests wait for `data-ready`).
    pub ready: bool,
}

#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
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
    let notice = html! { <UrlNotice ignored={ignored.clone()} ondismiss={ondismiss.clone()} /> };

    if state.embed {
        let full = ViewState {
            embed: false,
            ..state.clone()
        };
        return html! {
            <div {class} data-ready={ready}>
                { notice }
                <ChartsView {data} state={state.clone()} dispatch={dispatch.clone()} />
                <p class="embed-credit">
                    { "Figures from an article of 18 November 2024 citing Bloomberg, the New York Post and media reports. " }
                    <a href={full.href()} target="_blank" rel="noopener">{ "Open in the full explorer" }</a>
                </p>
            </div>
        };
    }

    let panel = match state.view {
        View::Charts => {
            html! { <ChartsView {data} state={state.clone()} dispatch={dispatch.clone()} /> }
        }
        View::Table => {
            html! { <TableView {data} state={state.clone()} dispatch={dispatch.clone()} /> }
        }
        View::Article => {
            html! { <ArticleView {data} state={state.clone()} dispatch={dispatch.clone()} /> }
        }
        View::Timeline => html! { <TimelineView {data} /> },
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
                    <StateLink to={article_view} dispatch={dispatch.clone()}>{ "Read the article" }</StateLink>
                    { " · " }
                    <a href="article.txt">{ "plain text" }</a>
                </p>
            </header>
            { notice }
            <main class="layout">
                <FilterPanel {data} state={state.clone()} dispatch={dispatch.clone()} />
                <div class="views">
                    <ShareBar {data} state={state.clone()} />
                    <Tabs current={state.view} state={state.clone()} dispatch={dispatch.clone()} />
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

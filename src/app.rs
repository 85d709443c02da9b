//! The root component, `App`, over the dataset its props give; and `use_url_state`, the hook that
//! owns the one `ViewState` (a reducer) and keeps it and the URL in step.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::DataRef;
use crate::dataset::Dataset;
use crate::view_state::{Action, Ignored, ViewState};
use crate::views::explorer::{ExplorerProps, explorer};

/// The view state bound to the dataset it selects from, so the reducer checks each action
/// against that data (a mark the filters hide is dropped), whatever dataset the app was given.
#[derive(Clone, PartialEq)]
struct Bound {
    data: DataRef,
    state: ViewState,
}

impl Reducible for Bound {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.state.apply_checked(action, &self.data);
        // Same state, same Rc: Yew 0.23 then skips the re-render.
        if next == self.state {
            self
        } else {
            Rc::new(Bound {
                data: self.data,
                state: next,
            })
        }
    }
}

/// The view state of the page and its address, kept in step by `use_url_state`.
pub struct UrlState {
    pub state: ViewState,
    /// The parts of the address that were not understood, for the notice.
    pub ignored: Vec<Ignored>,
    pub dispatch: Callback<Action>,
    /// Dismiss the notice (the focus goes to the view).
    pub dismiss: Callback<()>,
    /// Whether the state shows what the URL names: false until the URL has been read and
    /// applied, so the app does not call itself ready while it still shows the default view.
    pub settled: bool,
}

/// The one `ViewState` of the page (a reducer over `data`) and the URL, in step: the first
/// render is always the default view (so it matches the prerendered HTML), then the URL is read;
/// view changes and the first change from the entry the reader arrived on push a history entry,
/// other filter changes replace it, and back/forward load the state from the URL. The address keeps the parameters that are not ours.
#[hook]
pub fn use_url_state(data: DataRef) -> UrlState {
    let bound = use_reducer(move || Bound {
        data,
        state: ViewState::default(),
    });
    let ignored = use_state(Vec::<Ignored>::new);
    // Whether the URL has been read yet: until then the URL must not be written.
    let url_read = use_mut_ref(|| false);
    let settled = use_state(|| false);
    {
        let bound = bound.clone();
        let ignored = ignored.clone();
        use_effect_with((), move |_| {
            let listener = crate::browser::on_popstate(move || {
                let parsed = ViewState::from_query(&crate::browser::query(), &data);
                let tab = parsed.state.view.tab_id();
                ignored.set(parsed.ignored);
                bound.dispatch(Action::Load(parsed.state));
                // Back and Forward keep the keyboard's place: the selected mark, or the view,
                // or the selected tab where the reader was on the tabs.
                crate::browser::refocus_after_render(&["selected-mark", "view-panel"], tab);
            });
            move || drop(listener)
        });
    }
    {
        let dispatcher = bound.dispatcher();
        let ignored = ignored.clone();
        let settled = settled.clone();
        use_effect_with(bound.state.clone(), move |current| {
            if sync_url(current, &data, &url_read, &dispatcher, &ignored) && !*settled {
                settled.set(true);
            }
        });
    }
    let dispatch = {
        let bound = bound.clone();
        Callback::from(move |action: Action| bound.dispatch(action))
    };
    let dismiss = {
        let ignored = ignored.clone();
        Callback::from(move |_| {
            ignored.set(Vec::new());
            // The button goes with the notice: the focus goes to the view.
            crate::browser::focus_after_render("view-panel".into());
        })
    };
    UrlState {
        state: bound.state.clone(),
        ignored: (*ignored).clone(),
        dispatch,
        dismiss,
        settled: *settled,
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the explorer shows: the bundled article (`AppProps::bundled`), or other figures in
    /// its vocabulary, as the component tests and the scale benchmark give them.
    pub data: DataRef,
}

impl AppProps {
    /// The article compiled into the app (checked when it was built, so it cannot fail here).
    pub fn bundled() -> AppProps {
        AppProps {
            data: DataRef(Dataset::bundled()),
        }
    }
}

/// The explorer over `data`.
#[component]
pub fn App(props: &AppProps) -> Html {
    let data = props.data;
    let UrlState {
        state,
        ignored,
        dispatch,
        dismiss,
        settled,
    } = use_url_state(data);
    // Set once the app runs in a browser; the server render never has it, so the first render
    // draws what the prerendered page shows (no shift). Set in a task of its own: the render
    // it causes then does not lengthen the page's one long task (Lighthouse's total blocking
    // time).
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            crate::browser::after_this_task(move || ready.set(true))
        });
    }
    // The tab's title names the view, so bookmarks, history and share sheets tell views apart.
    use_effect_with(crate::select::view_title(&data, &state), |title| {
        crate::browser::set_title(title)
    });
    // Embedded: tell the parent page our height, now and whenever it changes.
    use_effect_with(state.embed, |embed| {
        let reporter = if *embed {
            crate::browser::report_height("app")
        } else {
            None
        };
        move || drop(reporter)
    });
    html! {
        // Ready once running in a browser and showing the view the URL names.
        { explorer(&ExplorerProps { data, state, ignored, dispatch, ondismiss: dismiss, ready: *ready && settled }) }
    }
}

/// After each render: read the URL once, then write each new state back to it. True once the
/// state shows what the URL named (false on the render before the URL's state is loaded).
fn sync_url(
    current: &ViewState,
    data: &Dataset,
    url_read: &Rc<RefCell<bool>>,
    dispatcher: &UseReducerDispatcher<Bound>,
    ignored: &UseStateHandle<Vec<Ignored>>,
) -> bool {
    let raw = crate::browser::query();
    let parsed = ViewState::from_query(&raw, data);
    if !*url_read.borrow() {
        *url_read.borrow_mut() = true;
        // An embed never adds to its host's history, so it needs no mark.
        if !parsed.state.embed {
            crate::browser::mark_arrival();
        }
        ignored.set(parsed.ignored);
        if parsed.state != *current {
            // The URL's state renders next; this effect runs again and then writes it back.
            dispatcher.dispatch(Action::Load(parsed.state));
            return false;
        }
    }
    // The parameters that are not ours (utm_*, fbclid, a host's) stay in the address, after
    // ours, as they came: they are the sharer's analytics, not ours to drop.
    let wanted = current.address(&parsed.foreign);
    if raw == wanted {
        return true;
    }
    // A new tab gets an entry, and so does the reader's first change of the view they arrived
    // on (a shared link's filters), so Back returns to what the link showed; later filter, sort
    // and mark changes replace the entry, and so does making an address canonical. One entry,
    // not one per chip: Back is not a chip-by-chip undo. An embed never adds to its host's.
    let changed = parsed.state.to_query() != current.to_query();
    let arrival = changed && crate::browser::on_arrival_entry();
    if !current.embed && (parsed.state.view != current.view || arrival) {
        crate::browser::push_query(&wanted);
    } else {
        crate::browser::replace_query(&wanted);
    }
    true
}

//! Draws one panel's `Scene` as SVG in the page. The SVG is an image (`role="img"`, a title,
//! and the chart's written summary as its description); pointer hover and click work on the
//! marks, while keyboard and screen reader users reach the same marks through the chart's
//! buttons, whose focus this drawing shows as an outline around the mark's row. Heights are
//! written in `em` of the drawing's font size (1rem, style.css), so rows grow with the reader's
//! root font size as their text does; each text's own size is on a `tspan`, so that its `y`
//! counts in the drawing's `em` too.

use yew::prelude::*;

use crate::chart::layout::Anchor;
use crate::chart::scene::{Len, Scene, Shape, em};

pub struct PanelSvgProps {
    pub scene: Scene,
    /// Unique in the page and stable across renders: the panel's key, and used for the title
    /// and the hatch pattern ids.
    pub id: AttrValue,
    pub title: AttrValue,
    /// The written summary's id, where the drawing must carry it as its description.
    pub describedby: Option<AttrValue>,
    pub active: Option<String>,
    pub selected: Option<String>,
    /// The marks with the keyboard's focus and under the pointer: their rows are outlined (the
    /// pointer never takes the focus's outline away).
    pub outlined: [Option<String>; 2],
    pub onhover: Callback<Option<String>>,
    /// A click anywhere on the panel: the callback finds the mark from the event.
    pub onclick: Callback<MouseEvent>,
}

/// An `x` of 0 and a start anchor are SVG's defaults: left out, the prerendered page is smaller.
fn x(at: &Len) -> Option<String> {
    (*at != Len::Px(0)).then(|| at.to_string())
}

fn shape(s: &Shape, hatch: &str) -> Html {
    match s {
        Shape::Rect {
            x: at,
            y,
            w,
            h,
            class,
            hatched,
        } => html! {
            <rect class={*class} x={x(at)} y={em(*y)} width={w.to_string()} height={em(*h)}
                fill={hatched.then(|| format!("url(#{hatch})"))} />
        },
        Shape::Line {
            x1,
            x2,
            y1,
            y2,
            class,
        } => html! {
            <line class={*class} x1={x(x1)} x2={x(x2)} y1={em(*y1)} y2={em(*y2)} />
        },
        Shape::Text {
            x: at,
            y,
            anchor,
            class,
            text,
        } => html! {
            <text x={x(at)} y={em(*y)} text-anchor={(*anchor != Anchor::Start).then(|| anchor.svg())}><tspan class={*class}>{ text }</tspan></text>
        },
    }
}

pub fn panel_svg(props: PanelSvgProps) -> Html {
    let hatch = format!("hatch-{}", props.id);
    let title_id = format!("title-{}", props.id);
    let marks = props.scene.marks.into_iter().map(|m| {
        let is = |id: &Option<String>| id.as_deref() == Some(&m.id);
        let (outlined, selected) = (props.outlined.iter().any(is), is(&props.selected));
        let class = classes!(
            "mark",
            m.style.slug(),
            is(&props.active).then_some("active"),
            selected.then_some("selected"),
            outlined.then_some("outlined"),
        );
        // The row's place is its own viewport's `y` (a translation's unit cannot be `em`), so
        // a row that moves changes one number, and its shapes keep theirs. Its outline only
        // where it shows: the keyboard's or the pointer's mark, and the selected one (dashed).
        html! {
            <g key={m.id.as_str()} {class} data-mark={m.id} data-encoding={m.style.slug()}>
                <svg class="row" y={em(m.y)}>
                    { for m.shapes.iter().map(|s| shape(s, &hatch)) }
                    if outlined || selected { { shape(&m.outline, &hatch) } }
                </svg>
            </g>
        }
    });
    // One set of listeners for the whole panel, found from the event's mark, not three closures
    // per mark registered again on every render. (It did not make the 1,000-figure redraw of
    // tests/scale_browser.rs measurably faster: the marks' own elements dominate it.)
    let onmouseover = {
        let (onhover, active) = (props.onhover.clone(), props.active.clone());
        move |e: MouseEvent| {
            let mark = crate::browser::mark_at(&e);
            if mark != active {
                onhover.emit(mark);
            }
        }
    };
    let onmouseleave = props.onhover.reform(|_: MouseEvent| None);
    let onclick = props.onclick.clone();
    html! {
        <svg key={props.id.as_str()} class="panel-svg" role="img" width="100%" height={em(props.scene.height)}
            {onmouseover} {onmouseleave} {onclick}
            aria-labelledby={title_id.clone()} aria-describedby={props.describedby.clone()}
            xmlns="http://www.w3.org/2000/svg">
            <title id={title_id}>{ props.title.clone() }</title>
            <defs>
                <pattern id={hatch.clone()} class="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="hatch-bg" width="6" height="6" />
                    <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            // One child holding the keyed marks: `{ for … }` would splice them into this list
            // among unkeyed siblings, and Yew diffs such a list by position, from its end.
            { marks.collect::<Html>() }
            { for props.scene.axis.iter().map(|s| shape(s, &hatch)) }
        </svg>
    }
}

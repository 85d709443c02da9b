//! Draws one panel's `Scene` as SVG in the page. The SVG is an image (`role="img"`, a title,
//! and the chart's written summary as its description); pointer hover and click work on the
//! marks, while keyboard and screen reader users reach the same marks through the buttons
//! under the chart.

use yew::prelude::*;

use crate::chart::scene::{Scene, Shape};

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
    pub onhover: Callback<Option<String>>,
    /// A click anywhere on the panel: the callback finds the mark from the event.
    pub onclick: Callback<MouseEvent>,
}

fn shape(s: &Shape, hatch: &str) -> Html {
    match s {
        Shape::Rect {
            x,
            y,
            w,
            h,
            class,
            hatched,
        } => html! {
            <rect class={*class} x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()}
                fill={hatched.then(|| format!("url(#{hatch})"))} />
        },
        Shape::Line {
            x1,
            x2,
            y1,
            y2,
            class,
        } => html! {
            <line class={*class} x1={x1.to_string()} x2={x2.to_string()} y1={y1.to_string()} y2={y2.to_string()} />
        },
        Shape::Text {
            x,
            y,
            anchor,
            class,
            text,
        } => html! {
            <text class={*class} x={x.to_string()} y={y.to_string()} text-anchor={anchor.svg()}>{ text }</text>
        },
    }
}

pub fn panel_svg(props: PanelSvgProps) -> Html {
    let hatch = format!("hatch-{}", props.id);
    let title_id = format!("title-{}", props.id);
    let marks = props.scene.marks.into_iter().map(|m| {
        let class = classes!(
            "mark",
            m.style.slug(),
            (props.active.as_deref() == Some(&m.id)).then_some("active"),
            (props.selected.as_deref() == Some(&m.id)).then_some("selected"),
        );
        html! {
            <g key={m.id.as_str()} {class} data-mark={m.id} data-encoding={m.style.slug()}
                transform={format!("translate(0 {})", m.y)}>
                { for m.shapes.iter().map(|s| shape(s, &hatch)) }
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
        <svg key={props.id.as_str()} class="panel-svg" role="img" width="100%" height={props.scene.height.to_string()}
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

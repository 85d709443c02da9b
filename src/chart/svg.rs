//! Draws one `PanelLayout` as SVG. The SVG is an image (`role="img"`, a title, and the chart's
//! written summary as its description); pointer hover and click work on the marks, while keyboard
//! and screen reader users reach the same marks through the buttons under the chart.

use yew::prelude::*;

use super::layout::{BAR_H, BAR_Y, LABEL_Y, PanelLayout, SUBLABEL_Y, TICK_LABEL_DY};
use crate::select::MarkStyle;

#[derive(Properties, PartialEq)]
pub struct PanelSvgProps {
    pub layout: PanelLayout,
    /// Unique in the page: used for the title and the hatch pattern ids.
    pub id: AttrValue,
    pub title: AttrValue,
    pub describedby: AttrValue,
    pub active: Option<String>,
    pub selected: Option<String>,
    pub onhover: Callback<Option<String>>,
    pub onselect: Callback<String>,
}

fn pct(p: f64) -> String {
    format!("{p:.2}%")
}

#[component]
pub fn PanelSvg(props: &PanelSvgProps) -> Html {
    let l = &props.layout;
    let hatch = format!("hatch-{}", props.id);
    let hatch_fill = format!("url(#{hatch})");
    let title_id = format!("title-{}", props.id);
    let marks = l.bars.iter().map(|bar| {
        let top = bar.y + BAR_Y;
        let w = pct(bar.width_percent);
        let class = classes!(
            "mark",
            bar.style.slug(),
            (props.active.as_deref() == Some(&bar.id)).then_some("active"),
            (props.selected.as_deref() == Some(&bar.id)).then_some("selected"),
        );
        let shape = match bar.style {
            MarkStyle::Approximate => html! {
                <rect class="bar" x="0" y={top.to_string()} width={w} height={BAR_H.to_string()} />
            },
            // Hatched, dashed on three sides and open at the far end: a ceiling, not a count.
            MarkStyle::UpperBound => html! {
                <>
                    <rect class="bar" x="0" y={top.to_string()} width={w.clone()} height={BAR_H.to_string()} fill={hatch_fill.clone()} />
                    <line class="bound-edge" x1="0" x2={w.clone()} y1={top.to_string()} y2={top.to_string()} />
                    <line class="bound-edge" x1="0" x2={w} y1={(top + BAR_H).to_string()} y2={(top + BAR_H).to_string()} />
                    <line class="bound-edge" x1="0" x2="0" y1={top.to_string()} y2={(top + BAR_H).to_string()} />
                </>
            },
            MarkStyle::Derived => html! {
                <rect class="bar" x="0" y={top.to_string()} width={w} height={BAR_H.to_string()} />
            },
        };
        let (id, onhover, onselect) = (bar.id.clone(), props.onhover.clone(), props.onselect.clone());
        let onmouseenter = onhover.reform(move |_: MouseEvent| Some(id.clone()));
        let onmouseleave = onhover.reform(|_: MouseEvent| None);
        let id = bar.id.clone();
        let onclick = onselect.reform(move |_: MouseEvent| id.clone());
        html! {
            <g {class} data-mark={bar.id.clone()} data-style={bar.style.slug()} {onmouseenter} {onmouseleave} {onclick}>
                <rect class="hit" x="0" y={bar.y.to_string()} width="100%" height={(BAR_Y + BAR_H).to_string()} />
                <text class="mark-label" x="0" y={(bar.y + LABEL_Y).to_string()}>{ &bar.label }</text>
                <text class="mark-sublabel" x="0" y={(bar.y + SUBLABEL_Y).to_string()}>{ &bar.sublabel }</text>
                { shape }
            </g>
        }
    });
    let ticks = l.ticks.iter().map(|t| {
        html! {
            <g class="tick">
                <line x1={pct(t.percent)} x2={pct(t.percent)} y1={l.axis_y.to_string()} y2={(l.axis_y + 5.0).to_string()} />
                <text x={pct(t.percent)} y={(l.axis_y + TICK_LABEL_DY).to_string()} text-anchor={t.anchor.svg()}>{ &t.label }</text>
            </g>
        }
    });
    html! {
        <svg class="panel-svg" role="img" width="100%" height={l.height.to_string()}
            aria-labelledby={title_id.clone()} aria-describedby={props.describedby.clone()}
            xmlns="http://www.w3.org/2000/svg">
            <title id={title_id}>{ props.title.clone() }</title>
            <defs>
                <pattern id={hatch} class="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="hatch-bg" width="6" height="6" />
                    <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            { for marks }
            <line class="axis" x1="0" x2="100%" y1={l.axis_y.to_string()} y2={l.axis_y.to_string()} />
            { for ticks }
            <text class="axis-title" x="100%" y={(l.axis_y + TICK_LABEL_DY + 16.0).to_string()} text-anchor="end">{ l.axis_title }</text>
        </svg>
    }
}

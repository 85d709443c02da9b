//! The article a test build is for, and this article's things by their slugs. A test that pins
//! this article's known facts (ids, counts, sentences) starts with `pinned!()`: it runs for
//! `data/north-korea-troops` and is skipped, saying so, for any other `ARTICLE`. Every other
//! test runs over whichever article the build bundles.
#![allow(dead_code, unused_macros)]

use frontline_figures::dataset::{
    ARTICLE_ID, Actor, Axis, ChartId, Choice, Measure, MeasureGroup, Source, Unit,
};

/// The folder name of the article whose facts the pinned tests know.
pub const PINNED: &str = "north-korea-troops";

pub fn is_pinned() -> bool {
    ARTICLE_ID == PINNED
}

macro_rules! pinned {
    () => {
        if !crate::article::is_pinned() {
            eprintln!(
                "skipped: pins the facts of {}, and this build is for {}",
                $crate::article::PINNED,
                frontline_figures::dataset::ARTICLE_ID
            );
            return;
        }
    };
}
pub(crate) use pinned;

fn find<C: Choice>(slug: &str) -> C {
    C::from_slug(slug).unwrap_or_else(|| panic!("no {slug:?} in this article; {}", C::expected()))
}
pub fn actor(slug: &str) -> Actor {
    find(slug)
}
pub fn source(slug: &str) -> Source {
    find(slug)
}
pub fn group(slug: &str) -> MeasureGroup {
    find(slug)
}
pub fn chart(slug: &str) -> ChartId {
    find(slug)
}
pub fn measure(slug: &str) -> Measure {
    find(slug)
}
pub fn unit(slug: &str) -> Unit {
    find(slug)
}
pub fn axis(slug: &str) -> Axis {
    find(slug)
}

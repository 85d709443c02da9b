//! Exports, natively: CSV quoting, JSON validity against the data, file names, the standalone
//! SVG and the embed snippet.

use frontline_figures::dataset::{Actor, ChartId, Choice, Dataset, Figure, Source};
use frontline_figures::export::{
    CREDIT_CHARS, chart_svg, csv, csv_columns, embed_height, embed_snippet, file_name, file_stem,
    json, wrap, xml,
};
use frontline_figures::filters::{Filters, Selection};
use frontline_figures::format;
use frontline_figures::select::{chart_credit, charts, select_figures};

#[path = "support/article.rs"]
mod article;
#[allow(unused_imports)]
use article::{actor, axis, chart, group, measure, pinned, source, unit};

fn data() -> &'static Dataset {
    Dataset::bundled()
}

#[test]
fn file_names_say_what_they_hold() {
    let all = Filters::default();
    let stem = file_stem(&data().article);
    assert!(
        stem.starts_with(&data().article.published.to_string()),
        "{stem}"
    );
    assert_eq!(file_name(data(), &all, None, "csv"), format!("{stem}.csv"));
    let (a, b) = (Actor::ALL[0], Actor::ALL[1]);
    let two = Filters {
        actors: Selection::none().with(a, true).with(b, true),
        ..all.clone()
    };
    assert_eq!(
        file_name(data(), &two, None, "csv"),
        format!("{stem}-{}-{}.csv", a.slug(), b.slug())
    );
    let chart = ChartId::ALL[0].slug();
    assert_eq!(
        file_name(data(), &two, Some(chart), "png"),
        format!("{stem}-{chart}-{}-{}.png", a.slug(), b.slug())
    );
    let none = Filters {
        sources: Selection::none(),
        ..all.clone()
    };
    assert_eq!(
        file_name(data(), &none, None, "json"),
        format!("{stem}-no-sources.json")
    );
    let source = *Source::ALL.last().unwrap();
    let one = Filters {
        sources: Selection::none().with(source, true),
        ..all
    };
    assert_eq!(
        file_name(data(), &one, None, "json"),
        format!("{stem}-{}.json", source.slug())
    );
    pinned!();
    assert_eq!(
        file_name(data(), &two, Some("strike"), "png"),
        "2024-11-18-north-korea-bolsters-russia-strike-russia-ukraine.png"
    );
}

#[path = "support/expected.rs"]
mod expected;

#[test]
fn csv_quotes_what_needs_quoting_and_ends_lines_with_crlf() {
    let mut odd: Figure = data().figures[0].clone();
    odd.quotes = vec!["He said \"about\", then\nleft".into()];
    let text = csv(&[&odd]);
    // A byte-order mark first, so Excel reads UTF-8 ("up to … may have been", not "â€¦").
    assert_eq!(&text.as_bytes()[..3], b"\xEF\xBB\xBF");
    let text = text.strip_prefix('\u{feff}').unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], csv_columns().join(","));
    // The bare line break stays inside the quoted field; only CRLF ends a record.
    assert!(
        lines[1].ends_with(",\"He said \"\"about\"\", then\nleft\","),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "", "ends with CRLF");
    let all = csv(&select_figures(data(), &Filters::default()));
    assert_eq!(
        all.matches("\r\n").count(),
        data().figures.len() + 1,
        "a header and a row a figure"
    );
}

#[test]
fn json_is_valid_and_matches_the_data() {
    let figures = select_figures(data(), &Filters::default());
    let text = json(data(), &figures, "https://example.org/?view=table");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["view"], "https://example.org/?view=table");
    let items = doc["figures"].as_array().unwrap();
    assert_eq!(items.len(), data().figures.len());
    for (item, f) in items.iter().zip(&figures) {
        assert_eq!(item["id"], f.id.as_str());
        // Thousandths, as the data holds them: "4.5" is 4500.
        let milli = |v: &serde_json::Value| v.as_f64().map(|v| (v * 1000.0).round() as u64);
        assert_eq!(milli(&item["value"]), f.value.map(|a| a.0), "{}", f.id);
        assert_eq!(milli(&item["high"]), f.high.map(|a| a.0), "{}", f.id);
        assert_eq!(item["hedge"], f.hedge.kind.slug(), "{}", f.id);
        assert_eq!(item["value_text"].as_str(), f.value_text.as_deref());
        assert_eq!(item["quotes"].as_array().unwrap().len(), f.quotes.len());
        assert_eq!(item["source_label"], f.source.credit(), "{}", f.id);
    }
    pinned!();
    assert_eq!(items[7]["value_text"], "hundreds of thousands");
    assert_eq!(
        items[5]["source_label"],
        "Bloomberg, citing intelligence data"
    );
}

#[test]
fn a_chart_file_stands_alone() {
    let specs = charts(data(), &Filters::default());
    for spec in &specs {
        let file = chart_svg(data(), spec);
        assert!(file.svg.starts_with("<?xml"));
        assert!(
            file.svg
                .contains(&format!(r#"width="720" height="{}""#, file.height))
        );
        assert!(
            !file.svg.contains(" class=") && !file.svg.contains(" style="),
            "no stylesheet needed"
        );
        assert_eq!(
            file.svg.matches("<svg").count(),
            1 + spec.panels.len(),
            "the document and its panels"
        );
        // Every mark with its hedged sentence, and every named source it credits.
        for m in spec.panels.iter().flat_map(|p| &p.marks) {
            let f = data().figure(&m.id).unwrap();
            assert!(file.svg.contains(&xml(&format::statement(f))), "{}", m.id);
        }
        let svg_text = file.svg.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in spec.sources.iter().filter(|s| s.named()) {
            assert!(svg_text.contains(&xml(s.credit())), "{}", s.credit());
        }
    }
    pinned!();
    let file = chart_svg(data(), &specs[1]);
    assert!(file.svg.contains(&expected::statement("ru-force-increase")));
    assert!(!file.svg.contains("derived"), "nothing derived is drawn");
    assert!(file.svg.contains("Bloomberg, citing intelligence data"));
}

/// A chart file's legend explains the kinds of mark that chart draws, and no other kind the
/// article has: a chart of approximate figures only has no key for "up to".
#[test]
fn a_chart_files_legend_explains_the_kinds_it_draws_and_no_other() {
    use frontline_figures::select::MarkStyle;
    // Each kind's key by a word only it has (the legend wraps between words).
    let keys = [
        (MarkStyle::Exact, "words:"),
        (MarkStyle::LowerBound, "arrow:"),
        (MarkStyle::UpperBound, "Hatched,"),
        (MarkStyle::Range, "capped:"),
    ];
    for spec in charts(data(), &Filters::default()) {
        let legend = chart_svg(data(), &spec).svg;
        let drawn: Vec<MarkStyle> = spec
            .panels
            .iter()
            .flat_map(|p| &p.marks)
            .map(|m| m.style)
            .collect();
        for (style, word) in keys {
            assert_eq!(
                legend.contains(word),
                drawn.contains(&style),
                "{}: the key of {style:?}, in {legend}",
                spec.title
            );
        }
    }
}

#[test]
fn a_chart_file_wraps_its_credit_so_no_source_is_cut_off() {
    assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
    assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
    for spec in charts(data(), &Filters::default()) {
        let file = chart_svg(data(), &spec);
        let texts: Vec<&str> = file
            .svg
            .split("</text>")
            .filter_map(|t| t.rsplit_once('>').map(|(_, text)| text))
            .collect();
        for text in &texts {
            assert!(text.chars().count() <= CREDIT_CHARS, "too wide: {text}");
        }
        let credit = chart_credit(data(), &spec);
        let start = texts.iter().position(|t| credit.starts_with(t)).unwrap();
        let shown = texts[start..start + wrap(&credit, CREDIT_CHARS).len()].join(" ");
        assert_eq!(shown, credit, "the whole credit, in order");
        assert!(file.svg.contains(&format!(r#"height="{}""#, file.height)));
    }
    pinned!();
    let strength = chart_svg(data(), &charts(data(), &Filters::default())[0]);
    let credit = chart_credit(data(), &charts(data(), &Filters::default())[0]);
    assert!(
        credit.chars().count() > CREDIT_CHARS,
        "the test covers a wrapped credit"
    );
    assert!(strength.svg.contains("18 November 2024"));
}

#[test]
fn the_embed_snippet_escapes_its_url_and_carries_the_resize_script_on_request() {
    let snippet = embed_snippet(
        "https://x.org/?a=1&embed=1\"><script>",
        "T & \"Q\"",
        900,
        true,
    );
    assert!(snippet.starts_with(r#"<iframe src="https://x.org/?a=1&amp;embed=1&quot;&gt;&lt;script&gt;" title="T &amp; &quot;Q&quot;" width="100%" height="900" loading="lazy""#), "{snippet}");
    assert!(snippet.contains("f.contentWindow === e.source"));
    assert!(!embed_snippet("u", "t", 900, false).contains("<script>"));
    let h = embed_height(&charts(data(), &Filters::default()));
    assert!((1000..4000).contains(&h), "{h}");
}

#[test]
fn a_citation_names_the_article_the_explorer_and_the_view_and_invents_no_outlet() {
    let url = "https://example.org/?view=table";
    let text = frontline_figures::export::citation(data(), url, "1 December 2026");
    let article = &data().article;
    assert!(
        text.starts_with(&format!(
            "“{}”, news article of {} ",
            article.title, article.dateline
        )),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(": {url} (accessed 1 December 2026).")),
        "{text}"
    );
    assert_eq!(
        frontline_figures::export::day_month_year(2026, 12, 1),
        "1 December 2026"
    );
    assert_eq!(
        frontline_figures::export::day_month_year(2024, 2, 29),
        "29 February 2024"
    );
    // Where the data names the outlet (found in the text: the loader checks), the citation
    // names it in place of the note.
    let mut named = data().clone();
    named.article.outlet = Some("The Example Gazette".into());
    let with = frontline_figures::export::citation(&named, url, "1 December 2026");
    assert!(
        with.starts_with(&format!(
            "“{}”, The Example Gazette, {}. ",
            article.title, article.dateline
        )),
        "{with}"
    );
    assert!(!with.contains("no outlet"), "{with}");
    assert!(
        text.contains("(the text quoted here names no outlet)"),
        "{text}"
    );
    pinned!();
    assert_eq!(
        text,
        "“North Korea bolsters Russia: Plans to send 100,000 troops to Ukraine front”, news article of 18 November 2024 06:04 (the text quoted here names no outlet). Figures as quoted and charted by Frontline Figures: https://example.org/?view=table (accessed 1 December 2026)."
    );
}

/// A filtered chart's file says it is filtered, in visible text under its title (and in its
/// title for screen readers and file browsers); an unfiltered one says nothing of it.
#[test]
fn a_filtered_chart_file_says_what_it_shows() {
    use frontline_figures::filters::Dimension;
    use frontline_figures::select::charts_shown;
    let all = charts_shown(data(), &Filters::default(), None);
    for c in &all {
        assert!(!chart_svg(data(), c).svg.contains(" only</text>"));
    }
    let (v, _) = Dimension::ALL[0].values()[0];
    let one = v.alone(&Filters::default());
    for c in charts_shown(data(), &one, None) {
        let words = c.filtered.clone().unwrap();
        let svg = chart_svg(data(), &c).svg;
        let visible = r#"font-weight="700" fill="#;
        let line = svg
            .split("<text ")
            .skip(1)
            .find(|t| t.contains(&words))
            .unwrap_or_else(|| panic!("{words} in {svg}"));
        assert!(line.contains(visible), "a visible line of its own: {line}");
        assert!(
            svg.contains(&format!("<title>{} ({words})</title>", c.title)),
            "{svg}"
        );
    }
}

/// Where a filter leaves two charts drawing the same figures, the one drawn names the other in
/// a note; in its file, which travels without the page, the note still reads true: it says
/// what the other chart would draw, not that something on a page is left out.
#[test]
fn a_chart_file_notes_a_chart_of_the_same_figures_in_words_true_without_the_page() {
    use frontline_figures::filters::Dimension;
    use frontline_figures::select::charts_shown;
    let mut seen = 0;
    for d in Dimension::ALL {
        for (v, _) in d.values() {
            let f = v.alone(&Filters::default());
            let shown = charts_shown(data(), &f, None);
            for c in charts(data(), &f)
                .iter()
                .filter(|c| !shown.iter().any(|s| s.id == c.id))
            {
                let kept = shown
                    .iter()
                    .find(|s| s.notes.iter().any(|n| n.contains(c.title)));
                let kept = kept.unwrap_or_else(|| panic!("{:?}: nothing names {}", v, c.title));
                let svg = chart_svg(data(), kept).svg;
                // The file's words, its wrapped lines joined again.
                let text = svg
                    .split('<')
                    .filter_map(|t| t.split_once('>').map(|(_, text)| text.trim()))
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let at = text.find(c.title);
                let at =
                    at.unwrap_or_else(|| panic!("{}'s file names {}: {text}", kept.title, c.title));
                let sentence = text[at..].split(". ").next().unwrap_or_default();
                assert!(
                    !sentence.contains("again") && !sentence.contains("not drawn"),
                    "{sentence}"
                );
                seen += 1;
            }
        }
    }
    pinned!();
    assert!(
        seen > 0,
        "this article has filters that leave two charts the same"
    );
}

#[test]
fn a_chart_file_has_no_text_under_12_px() {
    let north_korea = Filters {
        actors: Selection::none().with(Actor::ALL[0], true),
        ..Filters::default()
    };
    for filters in [Filters::default(), north_korea] {
        for spec in charts(data(), &filters) {
            let svg = chart_svg(data(), &spec).svg;
            let sizes: Vec<u32> = svg
                .split(r#"font-size=""#)
                .skip(1)
                .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
                .collect();
            assert!(!sizes.is_empty(), "{}", spec.title);
            assert!(
                sizes.iter().all(|&px| px >= 12),
                "{}: {sizes:?}",
                spec.title
            );
        }
    }
}

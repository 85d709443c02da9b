//! Holds the data to the article: every quote is verbatim, every value sits in its own quote,
//! every numeral of the article is a figure, a date or listed with a reason, and nothing is said
//! twice. These checks run in `build.rs` (broken data fails the build) and in `cargo test`; the
//! loader (`load.rs`) has already rejected what is malformed, such as a vague amount with a value.

use std::collections::HashMap;

use super::{
    Actor, Amount, ArticleFiles, ArticleMeta, DataError, Dataset, Day, Event, Figure, Side, Unread,
    Vocabulary, hedge, occurrences,
};

/// A run of digits in the text ("100,000", "20%", "06:04") with its byte span.
#[derive(Clone, Debug, PartialEq)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    /// The number it states, if it is one ("1.5" is; "06:04" and "1.2.3" are not).
    pub value: Option<Amount>,
}

impl Numeral {
    /// The same numeral, counted from byte `offset` of its text (the start of its sentence).
    pub fn from(&self, offset: usize) -> Numeral {
        Numeral {
            start: self.start - offset,
            end: self.end - offset,
            value: self.value,
        }
    }
}

/// Every numeral in `text`, in order.
pub fn numerals(text: &str) -> Vec<Numeral> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let (mut plain, mut point) = (true, None);
        while i < bytes.len() {
            let b = bytes[i];
            let joins =
                matches!(b, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if b.is_ascii_digit() {
                i += 1;
            } else if joins {
                plain &= b == b',' && point.is_none() || b == b'.' && point.is_none();
                if b == b'.' {
                    point = Some(i);
                }
                i += 1;
            } else {
                break;
            }
        }
        let digits = |from: usize, to: usize| -> String {
            text[from..to]
                .chars()
                .filter(char::is_ascii_digit)
                .collect()
        };
        let end = i;
        if bytes.get(i) == Some(&b'%') {
            i += 1;
        }
        let value = match point {
            _ if !plain => None,
            None => digits(start, end).parse().ok().map(Amount::whole),
            // At most three decimals, the thousandths an `Amount` holds.
            Some(p) if end - p - 1 <= 3 => {
                let frac = format!("{:0<3}", digits(p + 1, end));
                let whole: Option<u64> = digits(start, p).parse().ok();
                whole
                    .zip(frac.parse::<u64>().ok())
                    .map(|(w, f)| Amount(w * Amount::ONE + f))
            }
            Some(_) => None,
        };
        out.push(Numeral {
            start,
            end: i,
            value,
        });
    }
    out
}

/// Holds the parsed data to the article's text; every problem is reported, in figures.json but
/// for an old mark in explorer.json's migrations.
pub fn check_against_article(
    files: ArticleFiles<'_>,
    v: &Vocabulary,
    data: &Dataset,
    unread: &Unread,
) -> Vec<DataError> {
    let text = data.text.as_str();
    let mut report = Report {
        files,
        errors: Vec::new(),
    };
    check_article_block(&data.article, text, &mut report);
    check_ids(data, &mut report);
    for f in &data.figures {
        check_quotes(f, text, &mut report);
    }
    for f in &data.figures {
        check_reading(f, v, text, data.article.published, &mut report);
    }
    check_each_said_once(data, v, &mut report);
    for e in &data.events {
        if !text.contains(e.quote.as_str()) {
            let message = report.missing("the quote");
            report.error(event(e), "quote", message);
        }
        check_event_words(e, &mut report);
        check_event_actors(e, v, &mut report);
    }
    for (i, n) in data.not_figures.iter().enumerate() {
        if !text.contains(n.text.as_str()) {
            let message = report.missing("the text");
            report.error(format!("not_figures[{i}]"), "text", message);
        }
    }
    check_numerals(data, unread, &mut report);
    let mut errors = report.errors;
    errors.extend(check_migrations(files.explorer.0, v, data, unread));
    errors
}

/// The problems found in figures.json, each naming the item and the field.
struct Report<'a> {
    files: ArticleFiles<'a>,
    errors: Vec<DataError>,
}

impl Report<'_> {
    fn error(&mut self, item: impl Into<Option<String>>, field: &str, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.files.figures.0.to_string(),
            item: item.into(),
            field: Some(field.to_string()),
            message: message.into(),
        });
    }

    /// "the quote is not in data/…/article.txt verbatim"
    fn missing(&self, what: &str) -> String {
        format!("{what} is not in {} verbatim", self.files.article.0)
    }
}

/// A figure as messages name it.
fn figure(f: &Figure) -> String {
    format!("figure \"{}\"", f.id)
}

/// An event as messages name it.
fn event(e: &Event) -> String {
    format!("event \"{}\"", e.id)
}

/// The title is the article's first line; the dateline and the outlet are in its text.
fn check_article_block(a: &ArticleMeta, text: &str, report: &mut Report<'_>) {
    let first_line = text.lines().next().unwrap_or_default().trim();
    if a.title.trim() != first_line {
        report.error(
            "article".to_string(),
            "title",
            "is not the article's first line",
        );
    }
    if !text.contains(&a.dateline) {
        let message = report.missing("the dateline");
        report.error("article".to_string(), "dateline", message);
    }
    // An outlet is named only where the text names it: a citation never guesses one.
    if let Some(outlet) = &a.outlet
        && !text.contains(outlet.as_str())
    {
        let message = report.missing(&format!("the outlet {outlet:?}"));
        report.error("article".to_string(), "outlet", message);
    }
}

/// Ids are kebab-case and unique across figures and events, so a URL's mark is never ambiguous.
fn check_ids(data: &Dataset, report: &mut Report<'_>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let ids = data.figures.iter().map(|f| ("figure", f.id.as_str()));
    for (what, id) in ids.chain(data.events.iter().map(|e| ("event", e.id.as_str()))) {
        if let Some(first) = seen.insert(id, what) {
            report.error(
                format!("{what} \"{id}\""),
                "id",
                format!("is used twice (also by a {first})"),
            );
        }
        if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            report.error(
                format!("{what} \"{id}\""),
                "id",
                "may hold only a-z, 0-9 and -",
            );
        }
    }
}

/// An old mark a link may carry leads to a drawn figure, and is no id in use: its problems, in
/// explorer.json.
fn check_migrations(
    explorer_file: &str,
    v: &Vocabulary,
    data: &Dataset,
    unread: &Unread,
) -> Vec<DataError> {
    let mut errors = Vec::new();
    for (from, to) in v.mark_migrations {
        let mut problem = |message: String| {
            errors.push(DataError {
                file: explorer_file.to_string(),
                item: Some("migrations.mark".into()),
                field: Some((*from).into()),
                message,
            })
        };
        let in_use = data.figures.iter().any(|f| f.id == *from)
            || data.events.iter().any(|e| e.id == *from)
            || unread.ids.iter().any(|id| id == from);
        if in_use {
            problem("is an id in use; only an old id can be migrated".into());
        }
        // A figure that did not read has its own error; what it would draw is unknown.
        let drawn = data
            .figures
            .iter()
            .any(|f| f.id == *to && f.value.is_some());
        if !drawn && !unread.ids.iter().any(|id| id == to) {
            problem(format!("leads to \"{to}\", which is no drawn figure"));
        }
    }
    errors
}

/// A figure's quotes are verbatim, and each states its value.
fn check_quotes(f: &Figure, text: &str, report: &mut Report<'_>) {
    for (i, quote) in f.quotes.iter().enumerate() {
        let field = format!("quotes[{i}]");
        if !text.contains(quote.as_str()) {
            let message = report.missing("this quote");
            report.error(figure(f), &field, message);
        }
        let said = |v: Amount| numerals(quote).iter().any(|n| n.value == Some(v));
        let stated = match (f.value, &f.value_text) {
            (Some(v), _) => said(v) && f.high.is_none_or(said),
            (None, Some(words)) => quote.contains(words.as_str()),
            (None, None) => true, // reported by the loader already
        };
        if !stated {
            let shown = f.value.map_or_else(
                || f.value_text.clone().unwrap_or_default(),
                |v| shown_amount(v, f.high),
            );
            report.error(
                figure(f),
                &field,
                format!("does not state the figure's value ({shown})"),
            );
        }
    }
}

/// One figure per thing a source says: the same actor, measure and source twice is a
/// duplicate. Two sources that give the same measure are two figures, drawn side by side.
fn check_each_said_once(data: &Dataset, v: &Vocabulary, report: &mut Report<'_>) {
    for (i, a) in data.figures.iter().enumerate() {
        if let Some(b) = data.figures[..i]
            .iter()
            .find(|b| b.actor == a.actor && b.measure == a.measure && b.source == a.source)
        {
            report.error(
                figure(a),
                "measure",
                format!(
                    "repeats figure \"{}\" ({} {}, by {}); give one figure all its quotes instead",
                    b.id,
                    v.actor(a.actor).slug,
                    v.measure(a.measure).slug,
                    v.source(a.source).slug
                ),
            );
        }
    }
}

/// Every numeral of the article is accounted for: a figure with its value quotes it, or an
/// event's quote or a not_figures entry covers it (or the words of an item that did not read,
/// whose own error comes first).
fn check_numerals(data: &Dataset, unread: &Unread, report: &mut Report<'_>) {
    let text = data.text.as_str();
    let inside = |spans: &[(usize, usize)], n: &Numeral| {
        spans.iter().any(|&(s, e)| s <= n.start && n.end <= e)
    };
    for n in numerals(text) {
        let as_figure = data.figures.iter().any(|f| {
            f.value.is_some()
                && (f.value == n.value || f.high.is_some() && f.high == n.value)
                && f.quotes.iter().any(|q| inside(&occurrences(text, q), &n))
        });
        let as_other = data
            .events
            .iter()
            .any(|e| inside(&occurrences(text, &e.quote), &n))
            || data
                .not_figures
                .iter()
                .any(|x| inside(&occurrences(text, &x.text), &n))
            || unread
                .texts
                .iter()
                .any(|t| inside(&occurrences(text, t), &n));
        if !as_figure && !as_other {
            report.error(
                None,
                "figures",
                format!(
                    "the article's numeral \"{}\" is not accounted for: no figure with that value quotes it, and no event or not_figures entry covers it",
                    &text[n.start..n.end]
                ),
            );
        }
    }
}

/// `needle` in `hay`, letter case aside.
fn has(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(&needle.to_lowercase())
}

/// `word` in `text` as a whole word or phrase, letter case aside.
fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The words that hedge a statement in the article and must not be dropped from, or added to,
/// a title written from it.
pub const HEDGE_WORDS: &[&str] = &[
    "about",
    "approximately",
    "up to",
    "may",
    "could",
    "reportedly",
    "allegedly",
    "claims",
    "suggests",
];

/// An event lists exactly the actors its quote or title names, so the Country filter neither
/// hides an event about a country nor keeps one that is not; a named source is in its quote.
fn check_event_actors(e: &Event, v: &Vocabulary, report: &mut Report<'_>) {
    let names = |a: Actor, text: &str| v.actor(a).names.iter().any(|n| text.contains(n));
    for a in (0..v.actors.len()).map(|i| Actor(i as u8)) {
        let named = names(a, &e.quote) || names(a, &e.title);
        let listed = e.actors.contains(&a);
        if named && !listed {
            report.error(
                event(e),
                "actors",
                format!(
                    "does not list \"{}\", which its quote or title names",
                    v.actor(a).slug
                ),
            );
        } else if listed && !named {
            report.error(
                event(e),
                "actors",
                format!(
                    "lists \"{}\", which neither its quote nor its title names ({})",
                    v.actor(a).slug,
                    v.actor(a).names.join(", ")
                ),
            );
        }
    }
    let source = v.source(e.source);
    let named_source = source.label.split(" (").next().unwrap_or_default();
    if source.named && !has(&e.quote, named_source) {
        report.error(
            event(e),
            "source",
            format!("is \"{}\", but the quote does not name it", source.slug),
        );
    }
}

/// A figure's period is in its quotes; its first quote carries its hedge and its source; its
/// reading note is the article's words.
fn check_reading(f: &Figure, v: &Vocabulary, text: &str, published: Day, report: &mut Report<'_>) {
    check_period(f, published, report);
    check_hedge(f, v, report);
    check_reading_note(f, report);
    check_reading_source(f, v, text, report);
    let same_period = match (&f.reading.period, &f.period) {
        (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
        (None, None) => true,
        _ => false,
    };
    if !same_period {
        report.error(
            figure(f),
            "reading.period",
            "must be the figure's period, in the article's words (or absent with it)",
        );
    }
}

/// The period is the article's words, in the figure's quotes; a day worked out from them is no
/// later than the article.
fn check_period(f: &Figure, published: Day, report: &mut Report<'_>) {
    if let Some(w) = &f.worked_out
        && w.as_of > published
    {
        report.error(
            figure(f),
            "worked_out.as_of",
            format!(
                "{} is after the article's date ({published}): an article cannot state a figure for a later day",
                w.as_of
            ),
        );
    }
    if let Some(period) = &f.period
        && !f.quotes.iter().any(|q| has(q, period))
    {
        report.error(
            figure(f),
            "period",
            format!(
                "\"{period}\" is not in the figure's quotes: a period is the article's own words; put a date worked out from them in \"worked_out\", and what the article does not say in \"outside\""
            ),
        );
    }
}

/// The first quote carries every word of the hedge, next to the figure's numeral on the side
/// English puts it ("about 80,000", "70,000 may have been"), not anywhere in the sentence; the
/// words that do not go before the value are the measure's sentence's to say: "up to 70,000 may
/// have been killed" needs its "may have been".
fn check_hedge(f: &Figure, v: &Vocabulary, report: &mut Report<'_>) {
    let first = f.quotes.first().map(String::as_str).unwrap_or_default();
    // Where the value is not in the quote, that is the error (check_quotes): no hedge is looked for.
    let at_value: Vec<Numeral> = numerals(first)
        .into_iter()
        .filter(|n| f.value.is_some() && n.value == f.value)
        .collect();
    for (word, side) in f.hedge.sided() {
        if !has(first, word) {
            report.error(
                figure(f),
                "quotes[0]",
                format!(
                    "does not carry the hedge \"{word}\"; the first quote is the one shown first, so it must"
                ),
            );
        } else if !at_value.is_empty()
            && !at_value
                .iter()
                .any(|n| hedge::stands_next_to(first, n, word, side))
        {
            let message = misplaced(first, &at_value[0], word, side);
            report.error(figure(f), "quotes[0]", message);
        }
    }
    let m = v.measure(f.measure);
    let sentence = m.sentence_for(&f.hedge).fill("{value}");
    if let Some(word) = f.hedge.trailing().filter(|w| !has(&sentence, w)) {
        report.error(
            figure(f),
            "hedge",
            format!(
                "\"{}\" needs the words \"{word}\", but the sentence of measure \"{}\" (\"{sentence}\", in {}) does not say them: give the measure a sentence_when for it",
                f.hedge.words,
                m.slug,
                report.files.explorer.0
            ),
        );
    }
}

/// Why a hedge's words in the first quote are not the figure's: where they should stand, and
/// the number they hedge instead, if another.
fn misplaced(quote: &str, n: &Numeral, word: &str, side: Side) -> String {
    let value = &quote[n.start..n.end];
    let (place, example) = match side {
        Side::Before => ("right before", format!("{word} {value}")),
        Side::After => ("right after", format!("{value} {word}")),
    };
    let instead = match hedge::hedged_by(quote, word, side) {
        Some(other) if other != value => format!("; here \"{word}\" belongs to {other}"),
        _ => String::new(),
    };
    format!(
        "the hedge \"{word}\" does not stand next to the figure's value {value}: a hedge belongs to its number, {place} it in the same clause (\"{example}\"){instead}"
    )
}

/// The reading note's value and hedge are the first quote's words.
fn check_reading_note(f: &Figure, report: &mut Report<'_>) {
    let first = f.quotes.first().map(String::as_str).unwrap_or_default();
    let r = &f.reading;
    let stated = match (f.value, &f.value_text) {
        (Some(v), _) => numerals(&r.value).iter().any(|n| n.value == Some(v)),
        (None, Some(words)) => r.value == *words,
        (None, None) => true,
    };
    if !has(first, &r.value) || !stated {
        report.error(
            figure(f),
            "reading.value",
            format!(
                "\"{}\" must be the first quote's words for the figure's value",
                r.value
            ),
        );
    }
    if let Some(hedge) = &r.hedge
        && !has(first, hedge)
    {
        report.error(
            figure(f),
            "reading.hedge",
            format!("\"{hedge}\" is not in the first quote"),
        );
    }
}

/// The reading note names the source exactly when the article does, in the first quote's words.
fn check_reading_source(f: &Figure, v: &Vocabulary, text: &str, report: &mut Report<'_>) {
    let first = f.quotes.first().map(String::as_str).unwrap_or_default();
    let source = v.source(f.source);
    match (&f.reading.source, source.named) {
        (Some(words), false) => report.error(
            figure(f),
            "reading.source",
            format!(
                "\"{words}\" names a source, but the figure's source is \"{}\", which the article does not name",
                source.slug
            ),
        ),
        (None, true) => report.error(
            figure(f),
            "reading.source",
            format!(
                "is missing: give the article's words that name {}",
                source.credit
            ),
        ),
        (Some(words), _) if !text.contains(words.as_str()) => report.error(
            figure(f),
            "reading.source",
            format!("\"{words}\" is not in the article verbatim"),
        ),
        (Some(words), _) if !has(first, words) => report.error(
            figure(f),
            "quotes[0]",
            format!(
                "does not carry the source's words \"{words}\"; the first quote is the one shown first, so it must"
            ),
        ),
        _ => {}
    }
}

/// An event's date is the article's words, or labelled as worked out or as outside knowledge;
/// its title keeps its quote's hedges and adds none.
fn check_event_words(e: &Event, report: &mut Report<'_>) {
    const BASES: [&str; 2] = ["Worked out: ", "Not in the article: "];
    let basis_ok = match &e.date_basis {
        Some(basis) if BASES.iter().any(|b| basis.starts_with(b)) => true,
        Some(_) => {
            report.error(
                event(e),
                "date_basis",
                format!("must start with \"{}\" or \"{}\"", BASES[0], BASES[1]),
            );
            true
        }
        None => false,
    };
    let undated = e.when == "undated" && e.start.is_none();
    if !basis_ok && !undated && !has(&e.quote, &e.when) {
        report.error(
            event(e),
            "when",
            format!(
                "\"{}\" is not in the event's quote: use the article's words, \"undated\", or a date_basis that starts \"{}\" or \"{}\"",
                e.when, BASES[0], BASES[1]
            ),
        );
    }
    for word in HEDGE_WORDS {
        match (has_word(&e.quote, word), has_word(&e.title, word)) {
            (true, false) => report.error(
                event(e),
                "title",
                format!("drops the hedge \"{word}\" of its quote"),
            ),
            (false, true) => report.error(
                event(e),
                "title",
                format!("adds the hedge \"{word}\", which its quote does not have"),
            ),
            _ => {}
        }
    }
}

/// A figure's number for a message: "4.5", "15 to 20".
fn shown_amount(v: Amount, high: Option<Amount>) -> String {
    let one = |a: Amount| {
        let (whole, decimals) = a.parts();
        match decimals.is_empty() {
            true => whole.to_string(),
            false => format!("{whole}.{decimals}"),
        }
    };
    match high {
        Some(h) => format!("{} to {}", one(v), one(h)),
        None => one(v),
    }
}

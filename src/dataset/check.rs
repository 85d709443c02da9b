//! Holds the data to the article: every quote is verbatim, every value sits in its own quote,
//! every numeral of the article is a figure, a date or listed with a reason, and nothing is said
//! twice. These checks run in `build.rs` (broken data fails the build) and in `cargo test`; the
//! loader (`load.rs`) has already rejected what is malformed, such as a vague amount with a value.

use std::collections::HashMap;

use super::{
    Actor, ArticleFiles, Choice, DataError, DataErrors, Dataset, Day, Event, Figure, Vocabulary,
    occurrences,
};

/// A run of digits in the text ("100,000", "20%", "06:04") with its byte span.
#[derive(Clone, Debug, PartialEq)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    /// The whole number it states, if it is one ("06:04" and "1.5" are not).
    pub value: Option<u64>,
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
        let mut plain = true;
        while i < bytes.len() {
            let b = bytes[i];
            let joins =
                matches!(b, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if b.is_ascii_digit() {
                i += 1;
            } else if joins {
                plain &= b == b',';
                i += 1;
            } else {
                break;
            }
        }
        let digits: String = text[start..i]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if bytes.get(i) == Some(&b'%') {
            i += 1;
        }
        let value = if plain { digits.parse().ok() } else { None };
        out.push(Numeral {
            start,
            end: i,
            value,
        });
    }
    out
}

pub fn check_against_article(
    files: ArticleFiles<'_>,
    v: &Vocabulary,
    data: &Dataset,
) -> Result<(), DataErrors> {
    let (file, article_file, explorer_file) = (files.figures.0, files.article.0, files.explorer.0);
    let text = data.text.as_str();
    let mut errors = Vec::new();
    let mut err = |item: Option<String>, field: Option<String>, message: String| {
        errors.push(DataError {
            file: file.to_string(),
            item,
            field,
            message,
        });
    };
    let missing = |what: &str| format!("{what} is not in {article_file} verbatim");

    // The article block.
    let first_line = text.lines().next().unwrap_or_default().trim();
    if data.article.title.trim() != first_line {
        err(
            Some("article".into()),
            Some("title".into()),
            "is not the article's first line".into(),
        );
    }
    if !text.contains(&data.article.dateline) {
        err(
            Some("article".into()),
            Some("dateline".into()),
            missing("the dateline"),
        );
    }
    // An outlet is named only where the text names it: a citation never guesses one.
    if let Some(outlet) = &data.article.outlet
        && !text.contains(outlet.as_str())
    {
        err(
            Some("article".into()),
            Some("outlet".into()),
            missing(&format!("the outlet {outlet:?}")),
        );
    }

    // Ids are unique across figures and events, so a URL's mark is never ambiguous.
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let ids = data.figures.iter().map(|f| ("figure", f.id.as_str()));
    for (what, id) in ids.chain(data.events.iter().map(|e| ("event", e.id.as_str()))) {
        if let Some(first) = seen.insert(id, what) {
            err(
                Some(format!("{what} \"{id}\"")),
                Some("id".into()),
                format!("is used twice (also by a {first})"),
            );
        }
        if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            err(
                Some(format!("{what} \"{id}\"")),
                Some("id".into()),
                "may hold only a-z, 0-9 and -".into(),
            );
        }
    }

    // An old mark a link may carry leads to a drawn figure, and is no id in use.
    let mut in_explorer = Vec::new();
    for (from, to) in v.mark_migrations {
        let mut problem = |message: String| {
            in_explorer.push(DataError {
                file: explorer_file.to_string(),
                item: Some("migrations.mark".into()),
                field: Some((*from).into()),
                message,
            })
        };
        if seen.contains_key(from) {
            problem("is an id in use; only an old id can be migrated".into());
        }
        if !data
            .figures
            .iter()
            .any(|f| f.id == *to && f.value.is_some())
        {
            problem(format!("leads to \"{to}\", which is no drawn figure"));
        }
    }

    // Each figure: quotes verbatim, its value in each quote.
    for f in &data.figures {
        let item = || Some(format!("figure \"{}\"", f.id));
        for (i, quote) in f.quotes.iter().enumerate() {
            let field = || Some(format!("quotes[{i}]"));
            if !text.contains(quote.as_str()) {
                err(item(), field(), missing("this quote"));
            }
            let stated = match (f.value, &f.value_text) {
                (Some(v), _) => numerals(quote).iter().any(|n| n.value == Some(v)),
                (None, Some(words)) => quote.contains(words.as_str()),
                (None, None) => true, // reported by the loader already
            };
            if !stated {
                let shown = f.value.map_or_else(
                    || f.value_text.clone().unwrap_or_default(),
                    |v| v.to_string(),
                );
                err(
                    item(),
                    field(),
                    format!("does not state the figure's value ({shown})"),
                );
            }
        }
    }

    // Each figure's period, hedge, source and reading note are the article's own words.
    for f in &data.figures {
        check_reading(f, v, explorer_file, text, data.article.published, &mut err);
    }

    // One figure per thing the article says: the same actor and measure twice is a duplicate.
    for (i, a) in data.figures.iter().enumerate() {
        if let Some(b) = data.figures[..i]
            .iter()
            .find(|b| b.actor == a.actor && b.measure == a.measure)
        {
            err(
                Some(format!("figure \"{}\"", a.id)),
                Some("measure".into()),
                format!(
                    "repeats figure \"{}\" ({} {}); give one figure all its quotes instead",
                    b.id,
                    v.actor(a.actor).slug,
                    v.measure(a.measure).slug
                ),
            );
        }
    }

    for e in &data.events {
        if !text.contains(e.quote.as_str()) {
            err(
                Some(format!("event \"{}\"", e.id)),
                Some("quote".into()),
                missing("the quote"),
            );
        }
        check_event_words(e, &mut err);
        check_event_actors(e, v, &mut err);
    }
    for (i, n) in data.not_figures.iter().enumerate() {
        if !text.contains(n.text.as_str()) {
            err(
                Some(format!("not_figures[{i}]")),
                Some("text".into()),
                missing("the text"),
            );
        }
    }

    // Every numeral of the article is accounted for.
    let inside = |spans: &[(usize, usize)], n: &Numeral| {
        spans.iter().any(|&(s, e)| s <= n.start && n.end <= e)
    };
    for n in numerals(text) {
        let as_figure = data.figures.iter().any(|f| {
            f.value.is_some()
                && f.value == n.value
                && f.quotes.iter().any(|q| inside(&occurrences(text, q), &n))
        });
        let as_other = data
            .events
            .iter()
            .any(|e| inside(&occurrences(text, &e.quote), &n))
            || data
                .not_figures
                .iter()
                .any(|x| inside(&occurrences(text, &x.text), &n));
        if !as_figure && !as_other {
            err(
                None,
                Some("figures".into()),
                format!(
                    "the article's numeral \"{}\" is not accounted for: no figure with that value quotes it, and no event or not_figures entry covers it",
                    &text[n.start..n.end]
                ),
            );
        }
    }

    errors.extend(in_explorer);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DataErrors(errors))
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
fn check_event_actors(e: &Event, v: &Vocabulary, err: &mut Report<'_>) {
    let item = || Some(format!("event \"{}\"", e.id));
    let names = |a: Actor, text: &str| v.actor(a).names.iter().any(|n| text.contains(n));
    for a in (0..v.actors.len()).map(|i| Actor(i as u8)) {
        let named = names(a, &e.quote) || names(a, &e.title);
        let listed = e.actors.contains(&a);
        if named && !listed {
            err(
                item(),
                Some("actors".into()),
                format!(
                    "does not list \"{}\", which its quote or title names",
                    v.actor(a).slug
                ),
            );
        } else if listed && !named {
            err(
                item(),
                Some("actors".into()),
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
        err(
            item(),
            Some("source".into()),
            format!("is \"{}\", but the quote does not name it", source.slug),
        );
    }
}

type Report<'e> = dyn FnMut(Option<String>, Option<String>, String) + 'e;

/// A figure's period is in its quotes; its first quote carries its hedge and its source; its
/// reading note is the article's words.
fn check_reading(
    f: &Figure,
    v: &Vocabulary,
    explorer_file: &str,
    text: &str,
    published: Day,
    err: &mut Report<'_>,
) {
    let item = || Some(format!("figure \"{}\"", f.id));
    let field = |name: &str| Some(name.to_string());
    if let Some(w) = &f.worked_out
        && w.as_of > published
    {
        err(
            item(),
            field("worked_out.as_of"),
            format!(
                "{} is after the article's date ({published}): an article cannot state a figure for a later day",
                w.as_of
            ),
        );
    }
    let first = f.quotes.first().map(String::as_str).unwrap_or_default();
    if let Some(period) = &f.period
        && !f.quotes.iter().any(|q| has(q, period))
    {
        err(
            item(),
            field("period"),
            format!(
                "\"{period}\" is not in the figure's quotes: a period is the article's own words; put a date worked out from them in \"worked_out\", and what the article does not say in \"outside\""
            ),
        );
    }
    for word in f.qualifier.words() {
        if !has(first, word) {
            err(
                item(),
                field("quotes[0]"),
                format!(
                    "does not carry the hedge \"{word}\"; the first quote is the one shown first, so it must"
                ),
            );
        }
    }
    // The words of the hedge that do not go before the value are the measure's sentence's to
    // say: "up to 70,000 may have been killed" needs its "may have been".
    let m = v.measure(f.measure);
    let sentence = m.sentence_for(f.qualifier).fill("{value}");
    for word in f.qualifier.words() {
        if f.qualifier.prefix() != Some(*word) && !has(&sentence, word) {
            err(
                item(),
                field("qualifier"),
                format!(
                    "\"{}\" needs the words \"{word}\", but the sentence of measure \"{}\" (\"{sentence}\", in {}) does not say them: give the measure a sentence_when for it",
                    f.qualifier.slug(),
                    m.slug,
                    explorer_file
                ),
            );
        }
    }
    let r = &f.reading;
    let stated = match (f.value, &f.value_text) {
        (Some(v), _) => numerals(&r.value).iter().any(|n| n.value == Some(v)),
        (None, Some(words)) => r.value == *words,
        (None, None) => true,
    };
    if !has(first, &r.value) || !stated {
        err(
            item(),
            field("reading.value"),
            format!(
                "\"{}\" must be the first quote's words for the figure's value",
                r.value
            ),
        );
    }
    if let Some(hedge) = &r.hedge
        && !has(first, hedge)
    {
        err(
            item(),
            field("reading.hedge"),
            format!("\"{hedge}\" is not in the first quote"),
        );
    }
    let source = v.source(f.source);
    match (&r.source, source.named) {
        (Some(words), false) => err(
            item(),
            field("reading.source"),
            format!(
                "\"{words}\" names a source, but the figure's source is \"{}\", which the article does not name",
                source.slug
            ),
        ),
        (None, true) => err(
            item(),
            field("reading.source"),
            format!(
                "is missing: give the article's words that name {}",
                source.credit
            ),
        ),
        (Some(words), _) if !text.contains(words.as_str()) => err(
            item(),
            field("reading.source"),
            format!("\"{words}\" is not in the article verbatim"),
        ),
        (Some(words), _) if !has(first, words) => err(
            item(),
            field("quotes[0]"),
            format!(
                "does not carry the source's words \"{words}\"; the first quote is the one shown first, so it must"
            ),
        ),
        _ => {}
    }
    let same_period = match (&r.period, &f.period) {
        (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
        (None, None) => true,
        _ => false,
    };
    if !same_period {
        err(
            item(),
            field("reading.period"),
            "must be the figure's period, in the article's words (or absent with it)".into(),
        );
    }
}

/// An event's date is the article's words, or labelled as worked out or as outside knowledge;
/// its title keeps its quote's hedges and adds none.
fn check_event_words(e: &Event, err: &mut Report<'_>) {
    let item = || Some(format!("event \"{}\"", e.id));
    const BASES: [&str; 2] = ["Worked out: ", "Not in the article: "];
    let basis_ok = match &e.date_basis {
        Some(basis) if BASES.iter().any(|b| basis.starts_with(b)) => true,
        Some(_) => {
            err(
                item(),
                Some("date_basis".into()),
                format!("must start with \"{}\" or \"{}\"", BASES[0], BASES[1]),
            );
            true
        }
        None => false,
    };
    let undated = e.when == "undated" && e.start.is_none();
    if !basis_ok && !undated && !has(&e.quote, &e.when) {
        err(
            item(),
            Some("when".into()),
            format!(
                "\"{}\" is not in the event's quote: use the article's words, \"undated\", or a date_basis that starts \"{}\" or \"{}\"",
                e.when, BASES[0], BASES[1]
            ),
        );
    }
    for word in HEDGE_WORDS {
        match (has_word(&e.quote, word), has_word(&e.title, word)) {
            (true, false) => err(
                item(),
                Some("title".into()),
                format!("drops the hedge \"{word}\" of its quote"),
            ),
            (false, true) => err(
                item(),
                Some("title".into()),
                format!("adds the hedge \"{word}\", which its quote does not have"),
            ),
            _ => {}
        }
    }
}

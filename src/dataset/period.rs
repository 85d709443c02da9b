//! The words of a sentence that say when its number holds ("this year", "since Friday", "so
//! far", "at the beginning of the year", "on Sunday"), and the number they belong to: the
//! nearest numeral. Suggestions for an author: `new-article` fills a figure's period with them,
//! and `check-data` warns where a figure has none. The rules of English here are generic; no
//! article's words are in them.

use super::{Numeral, numerals};

/// Months, as English writes them (capitalised: "may have been" is no month).
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Stretches of time after "this", "last", "past"… or "over the", "in the past"…
const SPANS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "season",
    "spring",
    "summer",
    "autumn",
    "winter",
    "quarter",
    "decade",
];

/// Days named from the article's own: alone ("today") or after a preposition ("by tonight").
const RELATIVE_DAYS: &[&str] = &["today", "tonight", "yesterday", "tomorrow"];

/// Words that say when on their own: "currently".
const ALONE: &[&str] = &["currently", "now", "recently", "overnight"];

/// Phrases that are a period whole.
const FIXED: &[&[&str]] = &[
    &["so", "far"],
    &["to", "date"],
    &["at", "present"],
    &["at", "the", "moment"],
    &["until", "now"],
    &["for", "now"],
];

/// Words that open a period which runs to the end of its clause: "since the onset of the war",
/// "at the beginning of the year".
const OPENING: &[&[&str]] = &[
    &["since"],
    &["as", "of"],
    &["at", "the", "beginning", "of"],
    &["at", "the", "start", "of"],
    &["at", "the", "end", "of"],
    &["at", "the", "turn", "of"],
    &["by", "the", "end", "of"],
    &["until", "the", "end", "of"],
];

/// "this year", "last night", "this past weekend", "next Monday".
const DEICTIC: &[&str] = &["this", "last", "next", "past", "coming"];

/// Prepositions before a day, a month, a year or a date: "on Sunday", "by Wednesday", "in 2024".
const BEFORE_DAY: &[&str] = &[
    "on", "by", "in", "until", "till", "from", "before", "after", "through",
];

/// Prepositions before "the" and a stretch: "over the weekend", "in the past week".
const BEFORE_THE: &[&str] = &["over", "during", "throughout", "in", "for"];

/// The most words a period that runs to the end of its clause takes.
const OPEN_WORDS: usize = 8;

/// One whitespace-separated word: its span without the punctuation around it, in lower case,
/// and whether a clause ends right after it.
struct Word<'a> {
    start: usize,
    end: usize,
    lower: String,
    text: &'a str,
    ends_clause: bool,
}

impl Word<'_> {
    fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    fn numeric(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }
    fn month(&self) -> bool {
        self.text.starts_with(char::is_uppercase) && MONTHS.contains(&self.lower.as_str())
    }
    fn year(&self) -> bool {
        self.text.len() == 4
            && self.text.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&self.text.parse::<u16>().unwrap_or(0))
    }
    /// A day, month or year, as a preposition's object: "Sunday", "May", "2024", "tonight".
    fn day(&self) -> bool {
        DAYS.contains(&self.lower.as_str())
            || self.month()
            || self.year()
            || RELATIVE_DAYS.contains(&self.lower.as_str())
            || self.is("noon")
            || self.is("midnight")
    }
}

fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in sentence.split_inclusive(char::is_whitespace) {
        let start = at;
        at += chunk.len();
        let trimmed = chunk.trim_end();
        let core_start = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let core =
            trimmed[core_start..].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
        if core.is_empty() {
            continue;
        }
        let after = &trimmed[core_start + core.len()..];
        out.push(Word {
            start: start + core_start,
            end: start + core_start + core.len(),
            lower: core.to_ascii_lowercase(),
            text: core,
            ends_clause: after.contains(['.', ',', ';', ':', '!', '?', ')', '—', '–']),
        });
    }
    out
}

/// Whether the words from `i` are `phrase`, none but the last ending a clause.
fn starts_with(words: &[Word<'_>], i: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, w)| {
        words
            .get(i + k)
            .is_some_and(|x| x.is(w) && (k + 1 == phrase.len() || !x.ends_clause))
    })
}

/// How many words from `i` a period takes, if one starts there.
fn period_at(words: &[Word<'_>], i: usize) -> Option<usize> {
    let w = &words[i];
    let next = |k: usize| words.get(i + k).filter(|_| !words[i + k - 1].ends_clause);
    if let Some(p) = OPENING.iter().find(|p| starts_with(words, i, p)) {
        return open_period(words, i, p.len());
    }
    if let Some(p) = FIXED.iter().find(|p| starts_with(words, i, p)) {
        return Some(p.len());
    }
    if BEFORE_THE.contains(&w.lower.as_str()) && next(1).is_some_and(|x| x.is("the")) {
        let skip = usize::from(
            next(2).is_some_and(|x| DEICTIC.contains(&x.lower.as_str()) || x.is("first")),
        );
        if next(2 + skip).is_some_and(|x| SPANS.contains(&x.lower.as_str())) {
            return Some(3 + skip);
        }
    }
    if DEICTIC.contains(&w.lower.as_str()) {
        let skip = usize::from(next(1).is_some_and(|x| x.is("past")));
        let span = |x: &Word<'_>| {
            SPANS.contains(&x.lower.as_str()) || DAYS.contains(&x.lower.as_str()) || x.month()
        };
        if next(1 + skip).is_some_and(span) {
            return Some(2 + skip);
        }
    }
    if BEFORE_DAY.contains(&w.lower.as_str()) {
        if next(1).is_some_and(Word::day) {
            return Some(2 + usize::from(next(2).is_some_and(Word::year)));
        }
        // "on 24 February", "on 24 February 2022", "by May 3"
        let date = next(1).is_some_and(|x| x.numeric() && !x.year())
            && next(2).is_some_and(Word::month)
            || next(1).is_some_and(Word::month) && next(2).is_some_and(Word::numeric);
        if date {
            return Some(3 + usize::from(next(3).is_some_and(Word::year)));
        }
    }
    (RELATIVE_DAYS.contains(&w.lower.as_str()) || ALONE.contains(&w.lower.as_str())).then_some(1)
}

/// A period opened by `opening` words at `i`, to the end of its clause: at most `OPEN_WORDS`
/// words, and no number but a date's.
fn open_period(words: &[Word<'_>], i: usize, opening: usize) -> Option<usize> {
    let mut len = opening;
    while !words[i + len - 1].ends_clause && len < OPEN_WORDS {
        let Some(w) = words.get(i + len) else { break };
        let in_date = w.year()
            || words.get(i + len + 1).is_some_and(Word::month)
            || words[i + len - 1].month();
        if (w.numeric() && !in_date) || ["and", "but", "while", "when"].contains(&w.lower.as_str())
        {
            break;
        }
        len += 1;
    }
    (len > opening).then_some(len)
}

/// Byte spans of every period of `sentence`, left to right.
pub fn periods(sentence: &str) -> Vec<(usize, usize)> {
    let words = words(sentence);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match period_at(&words, i) {
            Some(len) => {
                spans.push((words[i].start, words[i + len - 1].end));
                i += len;
            }
            None => i += 1,
        }
    }
    spans
}

/// The period of `sentence` that belongs to its numeral `n`, in the article's words: a period
/// belongs to the numeral nearest to it, a date's own numerals aside.
pub fn period_of<'a>(sentence: &'a str, n: &Numeral) -> Option<&'a str> {
    let spans = periods(sentence);
    let within = |m: &Numeral| spans.iter().any(|&(s, e)| s <= m.start && m.end <= e);
    let all: Vec<Numeral> = numerals(sentence)
        .into_iter()
        .filter(|m| !within(m))
        .collect();
    let distance = |m: &Numeral, (s, e): (usize, usize)| {
        if m.end <= s {
            s - m.end
        } else {
            m.start.saturating_sub(e)
        }
    };
    spans
        .into_iter()
        .find(|&span| {
            all.iter()
                .min_by_key(|m| distance(m, span))
                .is_some_and(|m| m.start == n.start)
        })
        .map(|(s, e)| &sentence[s..e])
}

/// The sentence of `text` around byte `at`, verbatim, and where it starts: from after the last
/// ". " (or "? ", "! ", a new line) before it to its own end.
pub fn sentence_around(text: &str, at: usize) -> (usize, &str) {
    let bytes = text.as_bytes();
    let is_break = |i: usize| {
        bytes[i] == b'\n'
            || (matches!(bytes[i], b'.' | b'?' | b'!')
                && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\n'))
    };
    let start = (0..at).rev().find(|&i| is_break(i)).map_or(0, |i| i + 1);
    let end = (at..bytes.len())
        .find(|&i| is_break(i))
        .map_or(bytes.len(), |i| if bytes[i] == b'\n' { i } else { i + 1 });
    let sentence = text[start..end].trim_end();
    let trimmed = sentence.trim_start();
    (start + sentence.len() - trimmed.len(), trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The period `sentence` gives its numeral `number`.
    fn period(sentence: &str, number: &str) -> Option<String> {
        let n = numerals(sentence)
            .into_iter()
            .find(|n| &sentence[n.start..n.end] == number)
            .unwrap_or_else(|| panic!("{number} in {sentence}"));
        period_of(sentence, &n).map(str::to_string)
    }

    #[test]
    fn a_period_belongs_to_the_nearest_number() {
        let s = "According to the same source, Ukraine can count on about 400,000 soldiers and has suffered approximately 80,000 losses so far.";
        assert_eq!(period(s, "400,000"), None);
        assert_eq!(period(s, "80,000").as_deref(), Some("so far"));
        let s = "The \"New York Post\" reports that at the beginning of the year, Russia had about 500,000 active soldiers.";
        assert_eq!(
            period(s, "500,000").as_deref(),
            Some("at the beginning of the year")
        );
        let s = "Since the onset of the full-scale war, up to 70,000 may have been killed.";
        assert_eq!(
            period(s, "70,000").as_deref(),
            Some("Since the onset of the full-scale war")
        );
    }

    #[test]
    fn days_stretches_and_dates() {
        for (s, n, p) in [
            (
                "Local police report that some 300 lorries were queuing on Sunday.",
                "300",
                "on Sunday",
            ),
            (
                "More than 12,000 containers have been stuck on the quays since Friday.",
                "12,000",
                "since Friday",
            ),
            (
                "Up to 15% of the county's roads may be closed by tonight, it adds.",
                "15%",
                "by tonight",
            ),
            (
                "About 1,200 homes were flooded over the weekend, the office says.",
                "1,200",
                "over the weekend",
            ),
            (
                "Meanwhile, this past weekend, about 120 missiles were launched.",
                "120",
                "this past weekend",
            ),
            (
                "Some 40 ships were waiting this morning.",
                "40",
                "this morning",
            ),
            (
                "Approximately 250 residents spent last night in shelters.",
                "250",
                "last night",
            ),
            (
                "On 24 February 2022, about 190,000 soldiers stood at the border.",
                "190,000",
                "On 24 February 2022",
            ),
            (
                "In the past week, nearly 900 people were arrested.",
                "900",
                "In the past week",
            ),
            (
                "The union asks for a pay rise of 9% for every docker this year.",
                "9%",
                "this year",
            ),
        ] {
            assert_eq!(period(s, n).as_deref(), Some(p), "{s}");
        }
    }

    #[test]
    fn rates_bounds_and_modal_may_are_not_periods() {
        for (s, n) in [
            (
                "The strike costs the region between 15 and 20 million euros a day.",
                "15",
            ),
            ("Over 12,000 containers are stuck.", "12,000"),
            ("Up to 70,000 may have been killed.", "70,000"),
            ("Such a move could increase its forces by up to 20%.", "20%"),
            (
                "Approximately 300 homes were flooded in the South Bank district.",
                "300",
            ),
        ] {
            assert_eq!(period(s, n), None, "{s}");
        }
    }
}

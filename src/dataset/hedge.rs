//! Whether a hedge's words belong to a number in a sentence: they stand next to its numeral, on
//! the side English puts them ("about 2,500", "12,000 or more", "up to 70,000 may have been
//! killed"), in the same clause. Only the words and their side are data (`Qualifier::hedge_words`);
//! the rules of English here are generic.

use super::{Numeral, Side, numerals};

/// How many words may stand between a numeral and the words after it ("12,000 containers or
/// more"), or between a numeral of a list and its joint ("120 missiles and 90 drones").
const WORDS_BETWEEN: usize = 3;

/// Whether `words` stand on `side` of the numeral `n` of `sentence`, in its clause.
///
/// Before: right before it ("about 2,500"), or before a list of numerals that leads to it
/// ("approximately 120 missiles and 90 drones" hedges 90 too). After: right after it, or after
/// at most a few words of no other clause ("12,000 containers or more").
pub fn stands_next_to(sentence: &str, n: &Numeral, words: &str, side: Side) -> bool {
    let all = numerals(sentence);
    whole_word_spans(sentence, words)
        .into_iter()
        .any(|(start, end)| match side {
            Side::Before => end <= n.start && leads_to(sentence, end, n.start, &all),
            Side::After => start >= n.end && follows(&sentence[n.end..start]),
        })
}

/// The numeral `words` hedge in `sentence`, if any: the first after them (or, for words after a
/// numeral, the last before them) in their clause. For messages: "this quote's "about" hedges
/// 1,800".
pub fn hedged_by(sentence: &str, words: &str, side: Side) -> Option<String> {
    let all = numerals(sentence);
    whole_word_spans(sentence, words)
        .into_iter()
        .find_map(|(start, end)| {
            let n = match side {
                Side::Before => all.iter().find(|n| n.start >= end)?,
                Side::After => all.iter().rev().find(|n| n.end <= start)?,
            };
            let gap = match side {
                Side::Before => &sentence[end..n.start],
                Side::After => &sentence[n.end..start],
            };
            (!gap.contains(CLAUSE_ENDS)).then(|| sentence[n.start..n.end].to_string())
        })
}

/// What ends a clause: between a hedge and its number there is none of these.
const CLAUSE_ENDS: &[char] = &['.', ',', ';', ':', '!', '?', '(', ')', '—', '–'];

/// Byte spans of `words` in `text` as whole words, letter case aside.
fn whole_word_spans(text: &str, words: &str) -> Vec<(usize, usize)> {
    let (lower, words) = (text.to_lowercase(), words.to_lowercase());
    if lower.len() != text.len() || words.is_empty() {
        // Lower-casing changed the length (rare letters): fall back to the exact case.
        return exact_word_spans(text, &words);
    }
    exact_word_spans(&lower, &words)
}

fn exact_word_spans(text: &str, words: &str) -> Vec<(usize, usize)> {
    if words.is_empty() {
        return Vec::new();
    }
    text.match_indices(words)
        .map(|(i, m)| (i, i + m.len()))
        .filter(|&(start, end)| {
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

/// Whether the text from `from` to `to` (the hedged numeral's start) is blank, or a list of
/// numerals, each with a few words and a joint ("," "and" "or"), that ends at `to`.
fn leads_to(sentence: &str, from: usize, to: usize, all: &[Numeral]) -> bool {
    // The first numeral follows the hedge at once; each next one, a joint.
    let fits = |gap: &str, first: bool| if first { blank(gap) } else { joint(gap) };
    let mut at = from;
    for n in all.iter().filter(|n| n.start >= from && n.end <= to) {
        if !fits(&sentence[at..n.start], at == from) {
            return false;
        }
        at = n.end;
    }
    fits(&sentence[at..to], at == from)
}

/// Only spaces, or a currency sign: "about $40".
fn blank(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '$' | '€' | '£' | '¥'))
}

/// What joins two items of a list of numbers: a few words, then "," "and" "or" (", and").
fn joint(gap: &str) -> bool {
    let gap = gap.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '$' | '€' | '£'));
    let rest = ["and", "or"]
        .iter()
        .find_map(|j| {
            gap.strip_suffix(j)
                .filter(|r| r.is_empty() || r.ends_with(char::is_whitespace))
        })
        .map(|r| r.trim_end().trim_end_matches(','))
        .or_else(|| gap.strip_suffix(','));
    rest.is_some_and(few_words)
}

/// Whether the words between a numeral and the hedge after it keep to its clause.
fn follows(gap: &str) -> bool {
    few_words(gap)
}

/// At most `WORDS_BETWEEN` plain words, nothing that ends a clause and no other number.
fn few_words(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= WORDS_BETWEEN
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '%'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `words` hedge the numeral `number` of `sentence` from `side`.
    fn hedges(sentence: &str, words: &str, side: Side, number: &str) -> bool {
        let at = sentence
            .find(number)
            .expect("the number is in the sentence");
        let n = numerals(sentence)
            .into_iter()
            .find(|n| n.start == at)
            .expect("a numeral starts there");
        stands_next_to(sentence, &n, words, side)
    }

    use Side::{After, Before};

    /// (sentence, words, side, the numeral, whether they hedge it)
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Side, &str, bool)] = &[
        ("Russia had about 500,000 active soldiers.", "about", Before, "500,000", true),
        ("up to 70,000 may have been killed", "may have been", After, "70,000", true),
        ("up to 70,000 may have been killed", "up to", Before, "70,000", true),
        ("more than 12,000 containers", "more than", Before, "12,000", true),
        ("12,000 containers or more were stuck", "or more", After, "12,000", true),
        ("Approximately 120 missiles and 90 drones were deployed.", "approximately", Before, "90", true),
        ("about 120 missiles, 90 drones and 30 jets", "about", Before, "30", true),
        ("costs about €40 a day", "about", Before, "40", true),
        // Another number's hedge.
        ("at least 2,500 workers, at about 1,800", "about", Before, "2,500", false),
        ("at least 2,500 workers, at about 1,800", "at least", Before, "1,800", false),
        ("about 400,000 soldiers and has suffered approximately 80,000 losses", "about", Before, "80,000", false),
        ("about 400,000 soldiers and has suffered 80,000 losses", "about", Before, "80,000", false),
        ("12,000 containers, and 300 more", "more", After, "12,000", false),
        ("up to 20%. It may have been more", "may have been", After, "20%", false),
        // Whole words only.
        ("roundabout 40 cars", "about", Before, "40", false),
    ];

    #[test]
    fn a_hedge_stands_next_to_its_number() {
        for &(sentence, words, side, number, expected) in CASES {
            assert_eq!(
                hedges(sentence, words, side, number),
                expected,
                "{words:?} ({side:?}) of {number} in {sentence:?}"
            );
        }
    }

    #[test]
    fn the_number_another_numbers_hedge_belongs_to_is_named() {
        let s = "at least 2,500 workers, at about 1,800";
        assert_eq!(
            hedged_by(s, "about", Side::Before).as_deref(),
            Some("1,800")
        );
        assert_eq!(hedged_by(s, "nearly", Side::Before), None);
    }
}

//! The JS glue's side of the short names: its identifiers, how it uses each (as `wasm.<name>`,
//! as a function's name, as an object key), and its text with names replaced. Read as words,
//! not parsed: `shorten` refuses a glue whose names are not used as wasm-bindgen writes them.

use std::collections::HashMap;

use super::ShortNames;

/// The JS glue's text and its identifiers, with how each is used.
pub(super) struct Glue<'j> {
    text: &'j str,
    words: Vec<(usize, &'j str)>,
    uses: HashMap<&'j str, Uses>,
}

impl<'j> Glue<'j> {
    pub fn read(text: &'j str) -> Glue<'j> {
        let words = identifiers(text);
        let mut uses: HashMap<&str, Uses> = HashMap::new();
        for &(at, word) in &words {
            let entry = uses.entry(word).or_default();
            entry.all += 1;
            let (before, after) = (&text[..at], &text[at + word.len()..]);
            if before.ends_with("wasm.") {
                entry.via_wasm += 1;
            } else if before.ends_with("function ") {
                entry.declared += 1;
            } else if !before.ends_with(['.', '"', '\'', '`']) {
                if after.starts_with(':') {
                    entry.keys += 1;
                } else {
                    entry.plain += 1;
                }
            }
        }
        Glue { text, words, uses }
    }

    pub fn uses(&self, word: &str) -> Uses {
        self.uses.get(word).copied().unwrap_or_default()
    }

    /// Whether the glue has `word` as an identifier.
    pub fn names(&self, word: &str) -> bool {
        self.uses.contains_key(word)
    }

    /// The identifiers the glue calls on `wasm.`, sorted.
    pub fn called(&self) -> Vec<&'j str> {
        let mut called: Vec<&str> = self
            .uses
            .iter()
            .filter(|(_, u)| u.via_wasm > 0)
            .map(|(w, _)| *w)
            .collect();
        called.sort_unstable();
        called
    }

    /// How many times the glue has `text` (such as a quoted module name).
    pub fn count(&self, text: &str) -> usize {
        self.text.matches(text).count()
    }

    /// The glue with every identifier `names` renames renamed in one pass, then the quoted
    /// import modules.
    pub fn write(&self, names: &ShortNames) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut last = 0;
        for &(at, word) in &self.words {
            if let Some(new) = names.identifier(word) {
                out.push_str(&self.text[last..at]);
                out.push_str(new);
                last = at + word.len();
            }
        }
        out.push_str(&self.text[last..]);
        for (old, new) in &names.modules {
            out = out.replacen(&format!("\"{old}\""), &format!("\"{new}\""), 1);
        }
        out
    }
}

/// How the glue uses one identifier: in all, as `wasm.<name>`, as `function <name>`, as a
/// plain name (not after a `.` or a quote, not an object key), and as what looks like an
/// object key (before a `:`, not after a `.` or a quote; a `?:`'s middle looks the same).
#[derive(Clone, Copy, Default)]
pub(super) struct Uses {
    pub all: usize,
    pub via_wasm: usize,
    pub declared: usize,
    pub plain: usize,
    pub keys: usize,
}

/// Every identifier-like run of `js` (`[A-Za-z0-9_$]+` not starting with a digit), with its
/// byte offset.
fn identifiers(js: &str) -> Vec<(usize, &str)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    let bytes = js.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if is_word(bytes[i]) {
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            if !bytes[start].is_ascii_digit() {
                words.push((start, &js[start..i]));
            }
        } else {
            i += 1;
        }
    }
    words
}

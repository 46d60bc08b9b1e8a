//! Folding: the text as the matcher sees it.
//!
//! Folding removes diacritics (`Tô Lâm` → `to lam`), maps `đ`/`Đ` to `d`, lower-cases, and maps typographic
//! apostrophes to `'`. Every folded byte remembers the byte offset of the original character it came from, so a
//! match in the folded text maps back to a span of the caller's text that starts and ends on character
//! boundaries.
//!
//! White space of every kind (tabs, line breaks, no-break and thin spaces, U+3000 …) folds to one space, a run of
//! it to a single space; characters that show nothing (soft hyphens, zero-width spaces and joiners, direction
//! marks, byte-order marks) and combining marks (text in Unicode NFD) fold away. So "Nguyen  Van\tNen", "Dinh
//! Tien\nDung", "Tô Lâ\u{00AD}m" and `Tô Lâm` in NFD all fold as their plain spelling does, and the spans still
//! cover the caller's own bytes.
//!
//! Text that is entirely ASCII takes a fast path: it is lower-cased in one pass, each white space byte becomes a
//! space, and the offset map is the identity, so nothing else is allocated. A run of white space stays a run
//! there: the document text comes cleaned (`crate::clean`), with none left, and `fold_str` collapses its own.

use crate::clean::invisible;
use crate::offsets::OffsetMap;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text with the map back to the original byte offsets.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    text: String,
    /// For each folded byte, the original byte offset of the character it came from; empty when the original is
    /// ASCII (the identity map).
    map: OffsetMap,
    original_len: usize,
}

impl Folded {
    /// Folds `original`.
    pub(crate) fn new(original: &str) -> Folded {
        if original.is_ascii() {
            let mut text = original.to_owned();
            text.make_ascii_lowercase();
            // The bytes stay ASCII, so the string stays valid UTF-8.
            let mut v = text.into_bytes();
            for b in &mut v {
                if b.is_ascii_whitespace() {
                    *b = b' ';
                }
            }
            let text = String::from_utf8(v).expect("ASCII stays UTF-8");
            return Folded {
                text,
                map: OffsetMap::default(),
                original_len: original.len(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = OffsetMap::new(original.len());
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // ASCII, most of any text, byte by byte; `char::is_whitespace` holds for these ASCII bytes.
            if b.is_ascii() {
                if !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                    text.push(char::from(b.to_ascii_lowercase()));
                    map.push(at);
                } else if !text.ends_with(' ') {
                    text.push(' ');
                    map.push(at);
                }
                at += 1;
                continue;
            }
            let c = original[at..]
                .chars()
                .next()
                .expect("`at` is a character boundary");
            if c.is_whitespace() {
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            } else if !invisible(c) && !is_combining_mark(c) {
                fold_char(c, &mut text);
            }
            map.fill_to(text.len(), at);
            at += c.len_utf8();
        }
        Folded {
            text,
            map,
            original_len: original.len(),
        }
    }

    /// The folded text, without its map.
    pub(crate) fn into_string(self) -> String {
        self.text
    }

    /// The folded text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of the character that folded byte `i` came from (`i` may be the folded length,
    /// which maps to the original length).
    pub(crate) fn start_of(&self, i: usize) -> usize {
        if self.map.is_empty() {
            i
        } else {
            self.map.get(i).unwrap_or(self.original_len)
        }
    }

    /// The original byte offset just past the character that folded byte `i - 1` came from: the end of a span
    /// whose folded end is `i`.
    pub(crate) fn end_of(&self, i: usize, original: &str) -> usize {
        if self.map.is_empty() {
            return i;
        }
        if i == 0 {
            return 0;
        }
        if i >= self.map.len() {
            return self.original_len;
        }
        // The end is the start of the next original character that is not part of the same fold.
        let last = self.map.get(i - 1).unwrap_or(self.original_len);
        let c = original[last..].chars().next().map_or(1, char::len_utf8);
        last + c
    }
}

/// Folds one non-ASCII character onto `out`.
fn fold_char(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => out.push('\''),
        '\u{201C}' | '\u{201D}' => out.push('"'),
        '\u{2013}' | '\u{2014}' => out.push('-'),
        '\u{00A0}' => out.push(' '),
        _ => {
            let mut pushed = false;
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        out.push(l);
                    }
                    pushed = true;
                }
            });
            if !pushed {
                out.push(c);
            }
        }
    }
}

/// Folds a word onto `out` (cleared first) with the rules of [`Folded::new`] and no offset map: a lookup key
/// built without allocating.
pub(crate) fn fold_word(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !invisible(c) && !is_combining_mark(c) {
            fold_char(c, out);
        }
    }
}

/// Folds a short string (a gazetteer surface form, a name) with the same rules as [`Folded::new`], and collapses
/// runs of white space to one space.
pub(crate) fn fold_str(s: &str) -> String {
    // The rules of `Folded::new` with no offset map, white space trimmed and collapsed: a key for lookups.
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if c.is_ascii() || (!invisible(c) && !is_combining_mark(c)) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                fold_char(c, &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_folds_like_the_text() {
        let mut key = String::from("left over");
        fold_word("Lâm", &mut key);
        assert_eq!(key, "lam");
        fold_word("ĐỨC", &mut key);
        assert_eq!(key, "duc");
    }

    #[test]
    fn ascii_text_folds_to_lower_case_with_the_identity_map() {
        let f = Folded::new("General Ngo Xuan Lich");
        assert_eq!(f.as_str(), "general ngo xuan lich");
        assert_eq!(f.start_of(8), 8);
        assert_eq!(f.end_of(21, "General Ngo Xuan Lich"), 21);
    }

    #[test]
    fn diacritics_and_stroked_d_are_removed() {
        assert_eq!(fold_str("Tô Lâm"), "to lam");
        assert_eq!(fold_str("Đinh Tiến Dũng"), "dinh tien dung");
        assert_eq!(fold_str("NGUYỄN   Văn Nên"), "nguyen van nen");
        assert_eq!(fold_str("People’s Council"), "people's council");
    }

    #[test]
    fn spans_map_back_to_character_boundaries() {
        let text = "Đồng chí Tô Lâm nói";
        let f = Folded::new(text);
        let at = f.as_str().find("to lam").unwrap();
        let start = f.start_of(at);
        let end = f.end_of(at + "to lam".len(), text);
        assert_eq!(&text[start..end], "Tô Lâm");
    }

    #[test]
    fn every_folded_byte_maps_to_a_boundary() {
        let text = "Hà Nội — Chủ tịch Quốc hội “Vương Đình Huệ” ‘x’ ﬁ ẞ";
        let f = Folded::new(text);
        for i in 0..=f.as_str().len() {
            assert!(text.is_char_boundary(f.start_of(i)));
            assert!(text.is_char_boundary(f.end_of(i, text)));
        }
    }
}

//! Cleaning: the text as the rules read it, with a map back to the caller's bytes.
//!
//! Scraped text varies in ways that say nothing: line ends (`\r\n`, a lone `\r`), white space (tabs, no-break and
//! thin spaces, runs of spaces), characters that show nothing (soft hyphens, zero-width spaces and joiners,
//! direction marks, byte-order marks), Vietnamese in decomposed form (NFD, as macOS writes it), lines wrapped at
//! a fixed width (e-mail, PDF extracts) and, in HTML, character references (`T&ocirc; L&acirc;m`). Cleaning makes
//! one form of all of these, so that the rules need to know only one:
//!
//! - every line end is `\n`;
//! - every other white space character is a space, and a run of them one space;
//! - characters that show nothing are dropped; combining marks are composed with their base (NFC);
//! - in a text wrapped at a fixed width, a line break inside a paragraph is a space;
//! - with [`ExtractOptions::html_entities`](crate::ExtractOptions::html_entities), character references are
//!   decoded.
//!
//! Every cleaned byte remembers the offset of the original character (or reference) it came from, so spans found
//! in the cleaned text map back to spans of the caller's text, on character boundaries. Text that needs none of
//! this (most ASCII news text) is borrowed as it is: nothing is copied and the map is the identity.

use crate::offsets::OffsetMap;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A cleaned text and its map back to the original.
#[derive(Debug)]
pub(crate) struct Cleaned<'a> {
    text: Cow<'a, str>,
    /// For each cleaned byte, the original offset of the character it came from; empty when the text is borrowed.
    map: OffsetMap,
    original_len: usize,
}

impl<'a> Cleaned<'a> {
    /// Cleans `original`; `entities` decodes HTML character references.
    pub(crate) fn new(original: &'a str, entities: bool) -> Cleaned<'a> {
        let mut cleaned = if needs_cleaning(original, entities) {
            let (text, map) = one_form(original, entities);
            Cleaned {
                text: Cow::Owned(text),
                map,
                original_len: original.len(),
            }
        } else {
            Cleaned {
                text: Cow::Borrowed(original),
                map: OffsetMap::default(),
                original_len: original.len(),
            }
        };
        // Unwrapping reads the lines in their one form, so that every variant of a text unwraps alike; it
        // changes line breaks into spaces byte for byte, so the map stays as it is.
        if let Some(width) = wrapped_lines(&cleaned.text) {
            unwrap(cleaned.text.to_mut(), width);
        }
        cleaned
    }

    /// The cleaned text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The span of the original text that cleaned `start..end` came from. A cleaned character comes from one
    /// original unit (a character, a reference, a base with its marks, a run of white space); a span that ends
    /// inside a unit ("Tinh" of "Tinh\u{301}", where no composed character exists) takes the whole unit, so that
    /// no span splits a grapheme.
    pub(crate) fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.map.is_empty() {
            return (start, end);
        }
        let at = |i: usize| self.map.get(i).unwrap_or(self.original_len);
        let mut end_unit = end;
        if end > 0 {
            let last = at(end - 1);
            while end_unit < self.map.len() && at(end_unit) == last {
                end_unit += 1;
            }
        }
        (at(start), at(end_unit))
    }
}

/// The text in one form (line ends `\n`, one space for any white space, no invisible characters, marks composed,
/// references decoded if `entities`) and the map of every byte of it back to the original.
fn one_form(original: &str, entities: bool) -> (String, OffsetMap) {
    let mut out = Builder {
        text: String::with_capacity(original.len()),
        map: OffsetMap::new(original.len()),
    };
    let mut chars = original.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                out.trim_space();
                out.push('\n', at);
            }
            '&' if entities => match entity(&original[at..]) {
                Some((decoded, len)) => {
                    for _ in 0..len - 1 {
                        chars.next();
                    }
                    for d in decoded.chars() {
                        out.char(d, at);
                    }
                }
                None => out.push(c, at),
            },
            _ if c.is_whitespace() => out.space(at),
            _ if invisible(c) => {}
            // (No combining mark is below U+0300: most characters are told apart without the table.)
            _ if chars
                .peek()
                .is_some_and(|&(_, n)| n >= '\u{300}' && is_combining_mark(n)) =>
            {
                // A base and its marks, composed.
                let mut end = at + c.len_utf8();
                while let Some(&(m_at, m)) = chars.peek() {
                    if !is_combining_mark(m) && !invisible(m) {
                        break;
                    }
                    chars.next();
                    end = m_at + m.len_utf8();
                }
                for d in original[at..end].chars().filter(|&d| !invisible(d)).nfc() {
                    out.push(d, at);
                }
            }
            _ => out.char(c, at),
        }
    }
    (out.text, out.map)
}

/// Turns the line breaks inside the paragraphs of a text wrapped at `width` into spaces: a break after a line
/// of about the width, before a line that is not blank. Shorter lines (a paragraph's last, a heading, a
/// signature) keep theirs.
fn unwrap(text: &mut String, width: usize) {
    let mut breaks = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let line = &text[start..end];
        let next = text[end + 1..].split('\n').next().unwrap_or("");
        if !line.trim().is_empty() && !next.trim().is_empty() && line.chars().count() + 25 >= width
        {
            breaks.push(end);
        }
        start = end + 1;
    }
    // A `\n` byte becomes a space byte: the text stays UTF-8 and every offset stays where it was.
    let mut bytes = std::mem::take(text).into_bytes();
    for b in breaks {
        bytes[b] = b' ';
    }
    *text =
        String::from_utf8(bytes).expect("a line break replaced by a space keeps the text UTF-8");
}

/// The cleaned text being built.
struct Builder {
    text: String,
    map: OffsetMap,
}

impl Builder {
    fn push(&mut self, c: char, at: usize) {
        self.text.push(c);
        self.map.fill_to(self.text.len(), at);
    }

    /// Any character, in its one form: a line end, white space (a decoded reference may be either), an invisible
    /// character (dropped) or any other.
    fn char(&mut self, c: char, at: usize) {
        if c == '\n' || c == '\r' {
            self.trim_space();
            self.push('\n', at);
        } else if c.is_whitespace() {
            self.space(at);
        } else if !invisible(c) {
            self.push(c, at);
        }
    }

    /// One space, unless one or a line start is there already.
    fn space(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.push(' ', at);
        }
    }

    /// Drops a space before a line end.
    fn trim_space(&mut self) {
        if self.text.ends_with(' ') {
            self.text.pop();
            self.map.pop();
        }
    }
}

/// Characters that show nothing: the soft hyphen, zero-width spaces and joiners, direction marks and isolates,
/// the word joiner and invisible operators, and the byte-order mark.
pub(crate) fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether anything in `text` would change: a carriage return, a tab, a double space or a space before a line
/// end, a non-ASCII white space, invisible or combining character, or (with `entities`) an ampersand.
fn needs_cleaning(text: &str, entities: bool) -> bool {
    let bytes = text.as_bytes();
    if memchr::memchr2(b'\t', b'\r', bytes).is_some()
        || memchr::memmem::find(bytes, b"  ").is_some()
        || memchr::memmem::find(bytes, b" \n").is_some()
        || (entities && memchr::memchr(b'&', bytes).is_some())
    {
        return true;
    }
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && changes(c))
}

/// Whether cleaning changes a character that is not ASCII: white space, invisible characters and combining marks.
/// Letters with diacritics (Vietnamese among them) and common punctuation are none of these, and are told apart
/// without a table lookup.
fn changes(c: char) -> bool {
    match c as u32 {
        0xC0..=0x2FF | 0x1E00..=0x1FFF | 0x2010..=0x2027 | 0x2030..=0x205E => false,
        _ => c.is_whitespace() || invisible(c) || is_combining_mark(c),
    }
}

/// The width a cleaned text is wrapped at, when its paragraphs are broken into lines of about the same length
/// (as e-mail and PDF extracts are): most lines that a line of the same paragraph follows are long, close to the
/// longest, and many end without a sentence end before a line that goes on in lower case. None for text whose
/// lines are paragraphs, headings or list items.
fn wrapped_lines(text: &str) -> Option<usize> {
    // Most texts have no line that goes on in lower case: one pass of `memchr` tells. The text is cleaned, so
    // every line end is `\n`.
    let bytes = text.as_bytes();
    let continued = memchr::memchr_iter(b'\n', bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase))
        .count();
    if continued < 2 {
        return None;
    }
    let mut inner: Vec<(usize, bool, bool)> = Vec::new(); // (length, ends a sentence, next starts in lower case)
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(next) = lines.peek() else { break };
        if line.trim().is_empty() || next.trim().is_empty() {
            continue;
        }
        let len = line.chars().count();
        if len > 120 {
            return None;
        }
        let ends = line
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', '"', '”']);
        let lower = next.trim_start().starts_with(char::is_lowercase);
        inner.push((len, ends, lower));
    }
    if inner.len() < 4 {
        return None;
    }
    let width = inner.iter().map(|l| l.0).max()?;
    let long = inner.iter().filter(|l| l.0 + 25 >= width).count();
    let open = inner.iter().filter(|l| !l.1).count();
    let lower = inner.iter().filter(|l| l.2).count();
    // Text is wrapped at 50 columns or more (e-mail at 72, PDF extracts wider); shorter lines are a list or verse.
    (width >= 50
        && long * 4 >= inner.len() * 3
        && open * 2 >= inner.len()
        && lower * 10 >= inner.len() * 3)
        .then_some(width)
}

/// The HTML character reference at the start of `s` ("&ocirc;", "&#7841;", "&#xE2;") and its length in bytes.
fn entity(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let end = s.as_bytes().iter().take(34).position(|&b| b == b';')?;
    let reference = &s[..=end];
    let body = &reference[1..end];
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
        return None;
    }
    let decoded = html_escape::decode_html_entities(reference);
    if decoded == reference {
        return None;
    }
    Some((Cow::Owned(decoded.into_owned()), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        Cleaned::new(s, true).as_str().to_owned()
    }

    #[test]
    fn plain_text_is_borrowed() {
        let c = Cleaned::new("Tô Lâm met voters.\nHà Nội", false);
        assert!(matches!(c.text, Cow::Borrowed(_)));
        assert_eq!(c.original(3, 7), (3, 7));
    }

    #[test]
    fn line_ends_white_space_and_invisible_characters_take_one_form() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(
            clean("Nguyen  Van\tNen \u{a0}x\u{3000}y \n"),
            "Nguyen Van Nen x y\n"
        );
        assert_eq!(clean("Tô Lâ\u{ad}m\u{200b}"), "Tô Lâm");
        assert_eq!(clean("To\u{302} La\u{302}m"), "Tô Lâm");
    }

    #[test]
    fn entities_are_decoded_only_when_asked() {
        assert_eq!(
            clean("T&ocirc; L&acirc;m &amp; Ph&#7841;m &#x110;&#236;nh &bogus; a&b"),
            "Tô Lâm & Phạm Đình &bogus; a&b"
        );
        assert_eq!(Cleaned::new("T&ocirc;", false).as_str(), "T&ocirc;");
    }

    #[test]
    fn spans_map_back_to_the_original_characters() {
        let original = "Ph&#7841;m  Minh\u{ad} Ch&iacute;nh, PM";
        let c = Cleaned::new(original, true);
        assert_eq!(c.as_str(), "Phạm Minh Chính, PM");
        let (s, e) = c.original(0, c.as_str().find(',').unwrap());
        assert_eq!(&original[s..e], "Ph&#7841;m  Minh\u{ad} Ch&iacute;nh");
        // What cleaning dropped belongs to the character before it: a span never starts inside a grapheme.
        let at = c.as_str().find("Minh").unwrap();
        let (s, e) = c.original(at, at + 4);
        assert_eq!(&original[s..e], "Minh\u{ad}");
    }

    #[test]
    fn a_span_that_ends_inside_a_unit_takes_all_of_it() {
        // No composed character exists for "h" with an acute: the mark stays, and belongs to the "h".
        let original = "Ha Tinh\u{301}  x";
        let c = Cleaned::new(original, false);
        assert_eq!(c.as_str(), "Ha Tinh\u{301} x");
        let (s, e) = c.original(0, "Ha Tinh".len());
        assert_eq!(&original[s..e], "Ha Tinh\u{301}");
    }

    #[test]
    fn a_text_wrapped_at_a_width_is_unwrapped() {
        let text = "Secretary of the Hanoi Party Committee Dinh Tien Dung met voters of\n\
                    Hoan Kiem district on Wednesday, where he said that the city would\n\
                    continue to reform its administration and that the voters' opinions\n\
                    would be heard by the city's leaders in the coming months and years.\n\
                    \n\
                    Lt. Gen. TRAN VO DUNG\n\
                    Political Commissar of Military Region 4\n";
        let c = clean(text);
        assert!(
            c.starts_with(
                "Secretary of the Hanoi Party Committee Dinh Tien Dung met voters of Hoan Kiem"
            ),
            "{c}"
        );
        assert!(
            c.contains("years.\n\nLt. Gen. TRAN VO DUNG\nPolitical"),
            "{c}"
        );
        // The same with other line ends.
        assert_eq!(clean(&text.replace('\n', "\r")), c);
        assert_eq!(clean(&text.replace('\n', "\r\n")), c);
        // Short lines are no wrapped paragraph, whatever their line ends.
        let short = "Nguyen Van Nen General Nguyen Van Nen\nNguyen Van Nen\non Wednesday To Lam\nthe National Assembly\nTo Lam";
        assert_eq!(wrapped_lines(short), None);
        // Lines that are items or paragraphs keep their breaks.
        let list = "The Standing Board:\n1. General Tran Van An, Minister\n2. Lieutenant General Le Minh Bao, Deputy\n\
                    3. Major General Pham Van Duc, Deputy\n4. Colonel Nguyen Van Nen, Member\n";
        assert_eq!(wrapped_lines(list), None);
    }
}

//! Sentences: where each sentence of a text begins and ends, found in one pass over its bytes.
//!
//! A sentence ends at a line break, or at a full stop, question or exclamation mark that white space and then a
//! capital, a digit or an opening quote follow, unless the full stop closes an abbreviation or an initial ("Gen.",
//! "Mr.", "V. Putin"). The splitter knows no more than that: it is for finding the clause around a word, cheaply.

/// Words whose full stop ends no sentence: honorifics, abbreviated ranks and months, "No.".
const ABBREVIATIONS: [&str; 30] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Messrs", "Mme", "Mdm", "Gen", "Lt", "Lieut", "Col", "Sen",
    "Snr", "Sr", "Maj", "Capt", "Adm", "Sgt", "Cpl", "No", "Nos", "St", "Jan", "Feb", "Aug",
    "Sept", "Sep", "Oct", "Nov",
];

/// Whether the full stop at `dot` closes an abbreviation or an initial ("Gen.", "V. Putin").
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..dot];
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&word)
}

/// Whether a sentence ends right after the byte at `i` (a full stop, question or exclamation mark): white space
/// follows, then a capital, a digit or an opening quote, and the full stop closes no abbreviation.
fn ends_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut j = i + 1;
    // A closing quote or bracket may follow the mark.
    while j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
        j += 1;
    }
    let ws = j;
    while j < b.len() && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    if j == ws && j < b.len() && b[j] != b'\n' {
        return false;
    }
    let next_starts = text[j..].chars().next().is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '\n')
    });
    next_starts && !(b[i] == b'.' && abbreviation_before(text, i))
}

/// A sentence end: the byte of the mark or line break, where the sentence ends, where the next may begin.
#[derive(Debug, Clone, Copy)]
struct Cut {
    at: usize,
    end: usize,
    next: usize,
}

/// The sentence ends, line breaks and semicolons of a text.
#[derive(Debug, Default)]
pub(crate) struct Sentences {
    cuts: Vec<Cut>,
    /// Every `\n`, in order.
    lines: Vec<usize>,
    /// Every `;`, in order.
    semicolons: Vec<usize>,
    /// Every `:`, in order.
    colons: Vec<usize>,
}

impl Sentences {
    /// Finds every sentence end of `text`.
    pub(crate) fn new(text: &str) -> Sentences {
        let mut cuts = Vec::new();
        let bytes = text.as_bytes();
        let lines: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
        let semicolons: Vec<usize> = memchr::memchr_iter(b';', bytes).collect();
        let colons: Vec<usize> = memchr::memchr_iter(b':', bytes).collect();
        // Only the marks and line breaks are looked at, found by `memchr`'s vectorised search.
        let mut marks: Vec<usize> = memchr::memchr3_iter(b'.', b'?', b'\n', bytes)
            .chain(memchr::memchr_iter(b'!', bytes))
            .collect();
        marks.sort_unstable();
        for i in marks {
            match bytes[i] {
                b'\n' => cuts.push(Cut {
                    at: i,
                    end: i,
                    next: i + 1,
                }),
                b'.' | b'!' | b'?' if ends_at(text, i) => {
                    // The sentence keeps its closing quotes and brackets.
                    let close = i
                        + 1
                        + bytes[i + 1..]
                            .iter()
                            .take_while(|b| matches!(b, b'"' | b'\'' | b')'))
                            .count();
                    cuts.push(Cut {
                        at: i,
                        end: close,
                        next: close,
                    })
                }
                _ => {}
            }
        }
        Sentences {
            cuts,
            lines,
            semicolons,
            colons,
        }
    }

    /// Where the text's colons are, in order.
    pub(crate) fn colons(&self) -> &[usize] {
        &self.colons
    }

    /// The last colon at or after `from` and before `pos`.
    pub(crate) fn last_colon(&self, from: usize, pos: usize) -> Option<usize> {
        let k = self.colons.partition_point(|&n| n < pos);
        k.checked_sub(1)
            .map(|j| self.colons[j])
            .filter(|&c| c >= from)
    }

    /// The line around byte `pos`: from after the line break before it to the next one (or the text's ends).
    pub(crate) fn line(&self, text: &str, pos: usize) -> (usize, usize) {
        let k = self.lines.partition_point(|&n| n < pos);
        let start = k.checked_sub(1).map_or(0, |j| self.lines[j] + 1);
        let end = self.lines.get(k).map_or(text.len(), |&n| n);
        (start.min(end), end)
    }

    /// Where the clause that `pos` is in begins: after the last semicolon before it in its sentence, or where the
    /// sentence begins.
    pub(crate) fn clause_start(&self, text: &str, pos: usize) -> usize {
        let sentence_start = self.around(text, pos).0;
        let k = self.semicolons.partition_point(|&n| n < pos);
        k.checked_sub(1)
            .map(|j| self.semicolons[j] + 1)
            .filter(|&s| s > sentence_start)
            .unwrap_or(sentence_start)
    }

    /// Where the clause that `pos` is in ends: at the next semicolon or the end of its sentence.
    pub(crate) fn clause_end(&self, text: &str, pos: usize) -> usize {
        let sentence_end = self.around(text, pos).1;
        let k = self.semicolons.partition_point(|&n| n < pos);
        self.semicolons
            .get(k)
            .map_or(sentence_end, |&n| n.min(sentence_end))
    }

    /// The sentence around byte `pos` of `text` (the text these ends were found in): from after the last
    /// sentence end before it (white space skipped) to the next one.
    pub(crate) fn around(&self, text: &str, pos: usize) -> (usize, usize) {
        let pos = pos.min(text.len());
        let k = self.cuts.partition_point(|c| c.at < pos);
        // A mark right before `pos` ends the sentence `pos` is in only when `pos` is past it.
        let start = self.cuts[..k]
            .iter()
            .rev()
            .find(|c| c.next <= pos && (c.end == c.at || c.next < pos))
            .map_or(0, |c| c.next);
        let end = self.cuts.get(k).map_or(text.len(), |c| c.end);
        let b = text.as_bytes();
        let mut start = start;
        while start < pos && b[start].is_ascii_whitespace() {
            start += 1;
        }
        (start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(t: &str, pos: usize) -> &str {
        let (s, e) = Sentences::new(t).around(t, pos);
        &t[s..e]
    }

    #[test]
    fn sentences_end_at_marks_but_not_at_abbreviations() {
        let t = "Sen. Lt. Gen. Hoang Xuan Chien met Mr. Pan. He spoke in Hanoi.\nNext line.";
        assert_eq!(
            sentence(t, 20),
            "Sen. Lt. Gen. Hoang Xuan Chien met Mr. Pan."
        );
        assert_eq!(sentence(t, 50), "He spoke in Hanoi.");
        assert_eq!(sentence(t, t.len() - 2), "Next line.");
        // Initials end no sentence.
        let t = "President V. Putin met the ambassador.";
        assert_eq!(sentence(t, 30), t);
        // Multi-byte text and positions at the ends.
        let t = "Ông Tô Lâm đã đến. Hà Nội";
        assert_eq!(sentence(t, t.len()), "Hà Nội");
        assert_eq!(sentence(t, 0), "Ông Tô Lâm đã đến.");
        assert_eq!(sentence("", 0), "");
        // A question mark and a closing quote.
        let t = "He asked \"why?\" Then he left.";
        assert_eq!(sentence(t, t.len() - 3), "Then he left.");
    }

    #[test]
    fn lines_and_clauses() {
        let t = "Caption\nHe met A; then Binh. Next";
        let s = Sentences::new(t);
        assert_eq!(s.line(t, 3), (0, 7));
        assert_eq!(s.line(t, 10), (8, t.len()));
        assert_eq!(s.line(t, 7), (0, 7));
        assert_eq!(&t[..s.clause_end(t, 10)], "Caption\nHe met A");
        assert_eq!(&t[..s.clause_end(t, 20)], "Caption\nHe met A; then Binh.");
        assert_eq!(s.clause_end(t, t.len()), t.len());
        assert_eq!(&t[s.clause_start(t, 22)..22], " then");
        assert_eq!(&t[s.clause_start(t, 12)..12], "He m");
    }
}

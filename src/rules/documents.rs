//! Documents: resolutions, decrees, directives, decisions, laws and plans named in the text.
//!
//! - `numbered-document`: a document word and a number ("Resolution No. 06-NQ/TW", "Decree 21/2019/NĐ-CP",
//!   "Project No.15");
//! - `resolution-of`: a resolution of a congress or plenum ("Resolution of the 13th National Party Congress",
//!   "Resolution of the 13th Party Central Committee's 8th Plenum");
//! - `named-law`: capitalised words before "Law" ("Capital Law", "Land Law").

use once_cell::sync::Lazy;
use regex::Regex;

static NUMBERED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:Resolution|Decree|Directive|Decision|Conclusion|Regulation|Project|Circular|Dispatch|Instruction|Plan)\s+(?:No\.?\s*)?\d[\w/.\-]*\w")
        .expect("pattern compiles")
});
static RESOLUTION_OF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:Resolution|Conclusion|Directive)s? of the \d+(?:st|nd|rd|th)[ -](?:[A-Z][\p{L}]*[ -])*?(?:Congress|Plenum|Committee|Conference|Session)(?:[’']s \d+(?:st|nd|rd|th) Plenum)?")
        .expect("pattern compiles")
});
static LAW: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:[A-Z][a-z]+ ){1,3}Law(?-u:\b)").expect("pattern compiles")
});

/// The documents of a text: (start, end) spans, deduplicated by the caller.
pub(crate) fn find(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out: Vec<(usize, usize, &'static str)> = Vec::new();
    for m in RESOLUTION_OF.find_iter(text) {
        out.push((m.start(), m.end(), "resolution-of"));
    }
    for m in NUMBERED.find_iter(text) {
        out.push((m.start(), m.end(), "numbered-document"));
    }
    for m in LAW.find_iter(text) {
        let s = m.as_str();
        if s.starts_with("The ") || s.starts_with("A ") || s.starts_with("Martial ") {
            continue;
        }
        out.push((m.start(), m.end(), "named-law"));
    }
    out.sort();
    // Overlaps: keep the first (and longest at a start).
    let mut kept: Vec<(usize, usize, &'static str)> = Vec::new();
    for d in out {
        if kept.last().is_none_or(|k| d.0 >= k.1) {
            kept.push(d);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn numbered_documents() {
        assert_eq!(
            names("under Resolution No. 06-NQ/TW dated"),
            ["Resolution No. 06-NQ/TW"]
        );
        assert_eq!(
            names("the Government’s Decree 21/2019/NĐ-CP, dated"),
            ["Decree 21/2019/NĐ-CP"]
        );
        assert_eq!(names("promulgated Project No.15 issued"), ["Project No.15"]);
        assert!(names("a resolution was passed").is_empty());
    }

    #[test]
    fn resolutions_of_congresses_and_laws() {
        assert_eq!(
            names("implementing the Resolution of the 13th National Party Congress as well"),
            ["Resolution of the 13th National Party Congress"]
        );
        assert_eq!(names("amendments to the Capital Law, the"), ["Capital Law"]);
        assert!(names("The Law was passed").is_empty());
    }
}

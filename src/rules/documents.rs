//! Documents: resolutions, decrees, directives, decisions, laws and plans named in the text.
//!
//! - `numbered-document`: a document word and a number ("Resolution No. 06-NQ/TW", "Decree 21/2019/NĐ-CP",
//!   "Project No.15");
//! - `resolution-of`: a resolution of a congress or plenum ("Resolution of the 13th National Party Congress",
//!   "Resolution of the 13th Party Central Committee's 8th Plenum");
//! - `named-law`: capitalised words before "Law" ("Capital Law", "Land Law");
//! - `named-plan`: capitalised words before "Plan", "Planning", "Project", "Programme" or "Strategy", with the
//!   period in brackets or after "for the" when the text gives it ("the Hà Nội Development Plan (2021–30)", "the
//!   Hai Duong Provincial Planning for the 2021 - 2030 period", "Provincial Defence Zone Construction Project
//!   (2016-2020)", "the Master Plan for the city’s development through 2065");
//! - `on-document`: a memorandum of understanding, letter of intent, agreement, law, decree, directive or
//!   regulation and what it is on ("Memorandum of Understanding on bilateral defence cooperation", "Law on
//!   National Borders"), up to a mark, a verb or a phrase of its own; and "the Constitution";
//! - `period-document`: a document word, what it is on, and the period it covers ("the Plan of the Ministry of
//!   National Defence on the organisation of the VPA in the period of 2021 - 2030 and beyond").
//!
//! A name is output in one spelling: "Resolution No.8" is "Resolution No. 8". Its typed fields (number, date,
//! issuer) are read by [`fields`].

use once_cell::sync::Lazy;
use regex::Regex;

static NUMBERED: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(r"(?-u:\b)(?:Central\s+)?(?:Resolution|Decree|Directive|Decision|Conclusion|Regulation|Project|Circular|Dispatch|Instruction|Plan|Document)\s+(?:No\.?\s*)?\d(?:[\w/.\-]*\w)?")
        .expect("pattern compiles")
});
static RESOLUTION_OF: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(r"(?-u:\b)(?:[Rr]esolution|Conclusion|Directive)s? (?:of|adopted by) the \d+(?:st|nd|rd|th)[ -](?:[A-Z][\p{L}]*[ -])*?(?:Congress|Plenum|Committee|Conference|Session)(?:[’']s \d+(?:st|nd|rd|th) Plenum)?(?: of the (?:Communist )?Party(?: of (?:Vietnam|Viet Nam|Việt Nam))?)?")
        .expect("pattern compiles")
});
static PLAN: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(
        r"(?x)
        (?:\d{4}\s*[-–]\s*\d{2,4}\s+)?
        (?:\p{Lu}[\p{L}\-]*(?:[’']s)?\s+){1,6}
        (?:Plan|Planning|Project|Programme|Program|Strategy|Agreement|Treaty)(?-u:\b)
        (?:
            \s+\(\d{4}\s*[-–]\s*\d{2,4}\)
          | \s+for\s+the\s+\d{4}\s*[-–]\s*\d{4}\s+period
          | \s+for\s+the\s+(?:[\p{Ll}’']+\s+){1,5}(?:through|to|until)\s+\d{4}
        )?",
    )
    .expect("pattern compiles")
});
/// The words a `PLAN` match ends with (before its period).
static PLAN_WORD: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(
        r"(?:Plan|Planning|Project|Programme|Program|Strategy|Agreement|Treaty)(?-u:\b)",
    )
    .expect("pattern compiles")
});

/// The matches of `pattern` in `text` that hold a match of `end_word`: `pattern` is run only around each end word,
/// from `words_back` words before it to `after` bytes after it. `PLAN` and `LAW` begin with no literal, and run
/// over a whole text they cost as much as the rest of extraction's regular expressions; their end words are
/// literals that a search finds at once. A name has at most six words before its end word, so a window that
/// starts seven words back finds the same match as a search over the whole text.
fn around(
    text: &str,
    pattern: &Regex,
    end_word: &Regex,
    words_back: usize,
    after: usize,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in end_word.find_iter(text) {
        let mut from = w.start();
        for _ in 0..words_back {
            match text[..from].trim_end().rfind(char::is_whitespace) {
                Some(i) => from = i + text[i..].chars().next().map_or(1, char::len_utf8),
                None => {
                    from = 0;
                    break;
                }
            }
        }
        let to = crate::rules::char_floor(text, (w.end() + after).min(text.len()));
        for m in pattern.find_iter(&text[from..to]) {
            let (s, e) = (from + m.start(), from + m.end());
            if s <= w.start() && e >= w.end() && out.last() != Some(&(s, e)) {
                out.push((s, e));
            }
        }
    }
    out
}

static PERIOD_DOCUMENT: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(
        r"(?x)
        (?-u:\b)(?:Resolution|Plan|Project|Programme|Strategy|Directive|Decision|Conclusion)
        (?:\s+of\s+the\s+\p{Lu}[\p{L}’']*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}’']*)*)?
        \s+on\s+[^.;:\n]{1,100}?
        \s+(?:in|for)\s+the\s+period\s+(?:of\s+)?\d{4}\s*[-–]\s*\d{4}(?:\s+and\s+beyond)?",
    )
    .expect("pattern compiles")
});
static LAW: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(r"(?-u:\b)(?:[A-Z][a-z]+ ){1,3}Law(?-u:\b)(?: [A-Z])?")
        .expect("pattern compiles")
});
static LAW_WORD: Lazy<Regex> =
    Lazy::new(|| crate::rules::regex(r"(?-u:\b)Law(?-u:\b)").expect("pattern compiles"));

/// The head of a document named by what it is on: "Memorandum of Understanding on bilateral defence
/// cooperation", "Law on National Borders", "Agreement on Professional Cooperation", "the Constitution".
static ON_HEAD: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(
        r"(?-u:\b)(?:(?:[Mm]emorandum of [Uu]nderstanding|Letter of Intent|Agreement|Law|Decree|Directive|Regulation)(?:\s+\((?:MoU|MOU|LOI|LoI)\))?\s+on\s|the Constitution(?-u:\b))",
    )
    .expect("pattern compiles")
});

/// Words that end what a document is on: a verb or a word that begins another phrase ("… on defence cooperation
/// was signed", "… on trade between the two countries").
const ON_ENDS: [&str; 20] = [
    "was", "were", "is", "are", "has", "have", "had", "will", "signed", "which", "that", "between",
    "during", "at", "by", "with", "to", "for", "and", "the",
];

/// `on-document`: a document named by its kind and what it is on, read up to a mark, a verb or a phrase of its
/// own, at most ten words ("memorandum of understanding on cooperation in political security"); or the
/// Constitution.
fn on_documents(text: &str, out: &mut Vec<(usize, usize, &'static str)>) {
    for m in ON_HEAD.find_iter(text) {
        if m.as_str() == "the Constitution" {
            out.push((m.start() + 4, m.end(), "on-document"));
            continue;
        }
        let mut end = None;
        let mut at = m.end();
        for _ in 0..10 {
            let rest = &text[at..];
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            if word.is_empty() || ON_ENDS.contains(&word) {
                break;
            }
            end = Some(at + len);
            if !rest[len..].starts_with(' ') {
                break;
            }
            at += len + 1;
        }
        if let Some(end) = end {
            out.push((m.start(), end, "on-document"));
        }
    }
}

/// A document's name in one spelling: "Resolution No.8" is "Resolution No. 8"; an abbreviation in brackets is
/// no part of it ("Letter of Intent (LOI) on …" is "Letter of Intent on …").
pub(crate) fn canonical(name: &str) -> String {
    if let Some(open) = name.find(" (")
        && let Some(close) = name[open..].find(')')
        && name[open + 2..open + close]
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
        && (2..=6).contains(&(close - 2))
    {
        return canonical(&format!("{}{}", &name[..open], &name[open + close + 1..]));
    }
    match name.find("No.") {
        Some(i) if name[i + 3..].starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{} {}", &name[..i + 3], &name[i + 3..])
        }
        _ => name.to_owned(),
    }
}

/// The number a document's name gives: what follows "No." or the document word ("Decree 21/2019/NĐ-CP" gives
/// "21/2019/NĐ-CP").
pub(crate) fn number(name: &str) -> Option<String> {
    let m = NUMBER.captures(name)?;
    Some(m.get(1)?.as_str().to_owned())
}

static NUMBER: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(r"(?:No\.?\s*|^(?:Central\s+)?\p{L}+\s+)(\d(?:[\w/.\-]*\w)?)\s*$")
        .expect("pattern compiles")
});

/// The date the words right after a document give it: ", dated 22 February 2019".
pub(crate) fn dated(after: &str, published: Option<(i32, u32, u32)>) -> Option<String> {
    let rest = after.strip_prefix(',').unwrap_or(after).trim_start();
    let rest = rest.strip_prefix("dated ")?;
    let end = rest.char_indices().nth(30).map_or(rest.len(), |(i, _)| i);
    crate::rules::events::resolve_date(&rest[..end], published)
}

/// The documents of a text: (start, end) spans, deduplicated by the caller.
pub(crate) fn find(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out: Vec<(usize, usize, &'static str)> = Vec::new();
    for m in RESOLUTION_OF.find_iter(text) {
        out.push((m.start(), m.end(), "resolution-of"));
    }
    for m in NUMBERED.find_iter(text) {
        out.push((m.start(), m.end(), "numbered-document"));
    }
    for m in PERIOD_DOCUMENT.find_iter(text) {
        out.push((m.start(), m.end(), "period-document"));
    }
    for (start, end) in around(text, &PLAN, &PLAN_WORD, 7, 120) {
        // The article or a sentence's first word is no part of the name.
        let s = &text[start..end];
        let skip = ["The ", "A ", "An ", "This ", "Its ", "Their "]
            .iter()
            .find(|w| s.starts_with(*w))
            .map_or(0, |w| w.len());
        let name = &s[skip..];
        let words = name.split_whitespace().count();
        // One word ("Plan") or a generic pair ("Action Plan") names nothing of its own.
        if words >= 3 || name.contains('(') {
            out.push((start + skip, end, "named-plan"));
        }
    }
    on_documents(text, &mut out);
    for (start, end) in around(text, &LAW, &LAW_WORD, 4, 2) {
        let s = &text[start..end];
        // "Hanoi Law University": a name goes on past "Law".
        if s.starts_with("The ")
            || s.starts_with("A ")
            || s.starts_with("Martial ")
            || !s.ends_with("Law")
        {
            continue;
        }
        out.push((start, end, "named-law"));
    }
    out.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
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
    fn documents_named_by_what_they_are_on() {
        assert_eq!(
            names(
                "They signed a memorandum of understanding on cooperation in political security between the two ministries."
            ),
            ["memorandum of understanding on cooperation in political security"]
        );
        assert_eq!(
            names("The Law on National Borders was adopted, loyal to the Constitution."),
            ["Law on National Borders", "Constitution"]
        );
        assert_eq!(
            canonical("Letter of Intent (LOI) on cooperation in diplomatic training"),
            "Letter of Intent on cooperation in diplomatic training"
        );
        // No words of its own after "on": no document; a lower-case agreement is none.
        assert!(names("Agreement on the plan was reached on Monday.").is_empty());
        assert!(names("They reached an agreement on trade.").is_empty());
        assert_eq!(
            names("It adopted the 2016-2020 Socio-economic Development Plan."),
            ["2016-2020 Socio-economic Development Plan"]
        );
    }

    #[test]
    fn plans_and_laws_are_read_around_their_end_words() {
        assert_eq!(
            names("approved the Hai Duong Provincial Planning for the 2021 - 2030 period today"),
            ["Hai Duong Provincial Planning for the 2021 - 2030 period"]
        );
        // Seven capitalised words before the end word: the name takes the last six, as a search over the whole
        // text would.
        assert_eq!(
            names("One Two Three Four Five Six Seven Plan (2021-2025)"),
            ["Two Three Four Five Six Seven Plan (2021-2025)"]
        );
        // White space of several bytes between the words is stepped over whole.
        assert_eq!(
            names("Aa Bb\u{a0}Cc Dd Plan (2021-2025)"),
            ["Aa Bb\u{a0}Cc Dd Plan (2021-2025)"]
        );
    }

    #[test]
    fn typed_fields() {
        assert_eq!(
            number("Resolution No. 06-NQ/TW").as_deref(),
            Some("06-NQ/TW")
        );
        assert_eq!(
            number("Decree 21/2019/NĐ-CP").as_deref(),
            Some("21/2019/NĐ-CP")
        );
        assert_eq!(number("Resolution No. 8").as_deref(), Some("8"));
        assert_eq!(number("Central Resolution 4").as_deref(), Some("4"));
        assert_eq!(number("Capital Law"), None);
        assert_eq!(
            dated(" dated January 24, 2022, on planning", None).as_deref(),
            Some("2022-01-24")
        );
        assert_eq!(
            dated(", dated 22 February 2019 on defensive zones", None).as_deref(),
            Some("2019-02-22")
        );
        assert_eq!(dated(" on planning", None), None);
        assert_eq!(canonical("Resolution No.8"), "Resolution No. 8");
        assert_eq!(canonical("Resolution No. 8"), "Resolution No. 8");
    }

    #[test]
    fn plans_and_period_documents() {
        assert_eq!(
            names("amendments to the Capital Law, the Hà Nội Development Plan (2021–30), and"),
            ["Capital Law", "Hà Nội Development Plan (2021–30)"]
        );
        assert_eq!(
            names("and the Hai Duong Provincial Planning for the 2021 - 2030 period (with"),
            ["Hai Duong Provincial Planning for the 2021 - 2030 period"]
        );
        assert_eq!(
            names("and the Master Plan for the city’s development through 2065."),
            ["Master Plan for the city’s development through 2065"]
        );
        assert_eq!(
            names(
                "execution of the Plan of the Ministry of National Defence on the organisation of the VPA in the period of 2021 - 2030 and beyond."
            ),
            [
                "Plan of the Ministry of National Defence on the organisation of the VPA in the period of 2021 - 2030 and beyond"
            ]
        );
        // A generic plan, and a name that goes on past "Law", are none.
        assert!(names("an Action Plan was adopted").is_empty());
        assert!(names("a lecturer at Hanoi Law University").is_empty());
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

//! The event an article reports.
//!
//! `lead-event`: the first event word of the lead (the first two sentences after an optional `date YYYY-MM-DD`
//! line) is the article's event. Its date comes from the same sentence: a full date ("October 18, 2023",
//! "18 October 2023"), a month and day with the year of publication ("on October 18" in an article of
//! 2023-10-19), or a weekday counted back from the publication date ("on Wednesday"). Its place is the
//! dateline's ("HÀ NỘI — …") or a place after "in" or "at" in the same sentence.

use crate::model::EventKind;
use crate::rules::Context;
use crate::rules::orgs::{Tok, Token};
use once_cell::sync::Lazy;
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

/// The article's event, before output.
#[derive(Debug, Clone)]
pub(crate) struct MainEvent {
    pub(crate) kind: EventKind,
    pub(crate) date: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) span: (usize, usize),
}

/// Where the lead ends: after the first two sentences (or lines) of the text proper.
pub(crate) fn lead_end(text: &str) -> usize {
    let start = body_start(text);
    // Only the head of the text is segmented.
    let mut cut = (start + 1200).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[start..cut];
    let mut n = 0;
    for (i, s) in head.split_sentence_bound_indices() {
        if s.trim().is_empty() {
            continue;
        }
        n += 1;
        if n == 2 {
            return start + i + s.len();
        }
    }
    cut
}

/// The start of the text proper, after a leading `date YYYY-MM-DD`.
fn body_start(text: &str) -> usize {
    let trimmed = text.trim_start();
    let skipped = text.len() - trimmed.len();
    if trimmed.starts_with("date ") && trimmed.len() >= 15 {
        skipped + 15
    } else {
        0
    }
}

static MONTHS: [&str; 12] = [
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

static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b)(?:on\s+|On\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
        | (?-u:\b)(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y1>\d{4}))?
        | (?-u:\b)(?P<d2>\d{1,2})\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)(?:,?\s+(?P<y2>\d{4}))?
        ",
    )
    .expect("the date pattern compiles")
});

/// The month (1–12) a word names: "October", "Oct.", "oct".
pub(crate) fn month_of(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| m.starts_with(l) && l.len() >= 3)
        .map(|i| i as u32 + 1)
}

/// Days since 1970-01-01 (proleptic Gregorian), and back.
fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The date a sentence gives, resolved against the publication date.
pub(crate) fn resolve_date(sentence: &str, published: Option<(i32, u32, u32)>) -> Option<String> {
    let c = DATE.captures(sentence)?;
    let fmt = |(y, m, d): (i32, u32, u32)| format!("{y:04}-{m:02}-{d:02}");
    if let Some(wd) = c.name("wd") {
        let (py, pm, pd) = published?;
        let names = [
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
        ];
        let want = names.iter().position(|n| *n == wd.as_str())? as i64;
        let p = days(py, pm, pd);
        let back = (p.rem_euclid(7) - want).rem_euclid(7);
        return Some(fmt(civil(p - back)));
    }
    let (m, d, y) = match (c.name("m1"), c.name("m2")) {
        (Some(m), _) => (m, c.name("d1")?, c.name("y1")),
        (_, Some(m)) => (m, c.name("d2")?, c.name("y2")),
        _ => return None,
    };
    let month = month_of(m.as_str())?;
    let day: u32 = d.as_str().parse().ok().filter(|d| (1..=31).contains(d))?;
    let year = match y {
        Some(y) => y.as_str().parse().ok()?,
        None => {
            let (py, pm, pd) = published?;
            if (month, day) > (pm, pd) { py - 1 } else { py }
        }
    };
    Some(fmt((year, month, day)))
}

/// The article's event, if its lead reports one.
pub(crate) fn find(cx: &Context<'_>, tokens: &[Token], lead_end: usize) -> Option<MainEvent> {
    let text = cx.text;
    let ev = tokens
        .iter()
        .find(|t| t.start < lead_end && matches!(t.kind, Tok::Event(_)))?;
    let Tok::Event(kind) = ev.kind else {
        return None;
    };
    // The sentence around the event word.
    let start = body_start(text);
    let head = &text[start..lead_end];
    let (s_start, sentence) = head
        .split_sentence_bound_indices()
        .map(|(i, s)| (start + i, s))
        .find(|(i, s)| *i <= ev.start && ev.start < i + s.len())
        .unwrap_or((start, head));
    let date = resolve_date(sentence, cx.published);
    // The dateline's place, or a place after "in"/"at" in the sentence.
    let s_end = s_start + sentence.len();
    let places = tokens.iter().filter(|t| matches!(t.kind, Tok::Place(_)));
    let mut location = None;
    for p in places {
        let Tok::Place(i) = p.kind else { continue };
        let dateline = p.start <= start + 2
            && text[p.end..]
                .trim_start()
                .starts_with(['—', '-', '–', '(', ',']);
        let before = &text[s_start.min(p.start)..p.start];
        let after_in_at = p.start >= s_start
            && p.end <= s_end
            && [" in ", " at ", " in the ", " at the "]
                .iter()
                .any(|w| before.ends_with(w));
        if dateline || after_in_at {
            location = Some(if dateline {
                text[p.start..p.end].to_owned()
            } else {
                cx.tables.places[i as usize].name.clone()
            });
            break;
        }
    }
    Some(MainEvent {
        kind,
        date,
        location,
        span: (ev.start, ev.end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_count_back_from_the_publication_date() {
        // 2024-11-27 was a Wednesday.
        assert_eq!(
            resolve_date("on Wednesday", Some((2024, 11, 27))).as_deref(),
            Some("2024-11-27")
        );
        assert_eq!(
            resolve_date("on Monday", Some((2024, 11, 27))).as_deref(),
            Some("2024-11-25")
        );
        assert_eq!(
            resolve_date("on Thursday", Some((2024, 11, 27))).as_deref(),
            Some("2024-11-21")
        );
        assert_eq!(resolve_date("on Monday", None), None);
    }

    #[test]
    fn month_and_day_take_the_year_of_publication() {
        assert_eq!(
            resolve_date("held on October 18.", Some((2023, 10, 19))).as_deref(),
            Some("2023-10-18")
        );
        assert_eq!(
            resolve_date("on December 30", Some((2024, 1, 2))).as_deref(),
            Some("2023-12-30")
        );
        assert_eq!(
            resolve_date("on 8 April 2021", None).as_deref(),
            Some("2021-04-08")
        );
        assert_eq!(
            resolve_date("on Oct. 5, 2019", None).as_deref(),
            Some("2019-10-05")
        );
        assert_eq!(resolve_date("no date here", Some((2023, 1, 1))), None);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 11, 27), (1969, 12, 31)] {
            assert_eq!(civil(days(y, m, d)), (y, m, d));
        }
    }
}

//! Events: every event an article reports, its date and place, and which event a relation belongs to.
//!
//! Rules, in order:
//! - `event-trigger`: a word of `gazetteers/events.tsv` reports an event of its row's kind, unless a
//!   `not-happening` word of `grammar.tsv` stands just before it in its clause ("will visit", "the upcoming
//!   congress", "invited him to visit") or it is a conjunct of a planned event's ("will pay working visits to
//!   Belgium, and an official visit to Finland"), and, for a row that needs one, only with an object right after it: a
//!   person, title, rank, country, organisation or place ("received the Lao Minister", not "received 85% of the
//!   votes"); `numbered`: for a row that names a mechanism as often as an occasion, only after an ordinal in its
//!   phrase ("the 6th defence policy dialogue", not "mechanisms such as the strategic dialogue").
//! - `departs-for`: a trigger after "left Hanoi … for", "set off for" (a `departing` word of `grammar.tsv`) names
//!   what someone leaves for: the trip is the event, a visit ("left Hanoi for the fifth World Conference").
//! - `sitting`: a meeting (the noun) of a `legislature` of `grammar.tsv` is a session ("the People's Council held
//!   its 8th meeting"), unless it is a meeting with someone; of a `plenary-body`, a plenum (not of another
//!   organisation's central committee: "the VFF Central Committee"). `own-sitting`: a gathering's own session
//!   ("The 10th National Congress … held its closing session") is that gathering.
//! - `calls-on`: a visit whose object is a person ("visited Party General Secretary X") is a meeting.
//! - `prior`: a word that reports again the event named before it, if any, else an event of its own kind: "The
//!   event, co-chaired by …"; a handover ("At the ceremony, X handed over the duty of Commander to Y") and an
//!   appointment decision handed over are the ceremony or conference they take place at.
//! - `passive-by`: "the welcome ceremony hosted by X" reports again the event its sentence named, no reception.
//! - `same-kind`: the mentions of one kind are one event ("held talks …; at the talks …"), unless their sentences
//!   give different dates ("on May 3 … On May 5 …": two) or a date and a month or year it is not in ("On
//!   Thursday, X appointed … In December 2019, he was named …": two), or (`counterpart`) their reports name different persons
//!   as object ("met A … met B": two), unless the later report's subject is the earlier one's object ("X held
//!   talks with Y … Y held talks with X": one); a meeting, talks or reception with the same object and another
//!   subject is another ("A met with B. … C met with B": two). A report that points back ("at the meeting", "this visit") is the last
//!   event of its kind, or, for "the meeting", "the session" or "the working session" when none of its kind was
//!   named, the last session, plenum, congress, conference or working session ("their working session" names one
//!   of its own).
//! - `at-plenum`: an election its sentence reports after a plenum is the plenum's business ("At the first plenum …,
//!   the Party Central Committee elected X to the Secretariat").
//! - `meets-each`: "met A and B", "held meetings with A; B; and C": a meeting with each (not the passive "was met
//!   by", nor the noun).
//! - `site-visit`: "visited the Lee Kuan Yew School of Public Policy": a visit to the named site the verb's object
//!   names is a visit of its own, located there.
//! - `visits-each`: "State visits to India and Bangladesh": a visit to each place, located there; a visit's
//!   destination places it before where it began or ended ("arrived in Hanoi, wrapping up his visit to India"),
//!   and a report of a visit to another place is another visit.
//! - Dates: the date the trigger's sentence gives ([`resolve_date`]: "October 18, 2023", "18/10/2023", "on
//!   Wednesday", "yesterday", "on October 18" in the year of publication, or, with no publication date, in the one
//!   year its sentence names); `day-of-stay`: "on the second day of his
//!   visit" counts from the last visit or gathering dated (a `day-ordinal` of `grammar.tsv`); a `same-day` or
//!   `next-day` phrase of `grammar.tsv` ("the same day", "after that", "the following day") counts from the last
//!   event dated before (other than a visit, whose date is its stay's first day, when there is one); `sequel`:
//!   "After the welcome ceremony, …" puts the sentence's event on the ceremony's day, when nothing else dates it;
//!   else the last date given before it in its paragraph (a paragraph that gives a date narrates that day), unless its sentence names another month or year, or opens with a `spanning` phrase ("During the visit, …":
//!   some day of the stay, none given); the article's first event, undated so far, takes the first date of the
//!   text's head. A line that only stamps the page with its time ("Updated : Thursday, August 09, 2018 2:36 PM",
//!   `date-stamp`) dates no event; nor does a sentence date a visit that frames what it reports (`framing`: "who is
//!   accompanying the Chairman on an official visit to Bulgaria, had a working session …"), unless the visit's own
//!   days follow it ("on a two-day visit from September 10-11").
//! - Place: the dateline's ("HÀ NỘI — …") for the lead's event; else a place after "in" or "at" in the trigger's
//!   sentence, or a named site after "at the" ("at the Presidential Palace").
//!
//! A post presented on a caption or a headline belongs to the event of the person's first later mention in the
//! body whose sentence reports one (`caption`, [`Events::after_caption`]). Else a relation belongs to the event the
//! text presents it at ([`Events::event_of`]): the event of the report that
//! governs it in its sentence (the last mentioned before it, else the first after: "held talks with A, visited B"),
//! else the one mentioned last before it in its paragraph, else the article's main event
//! (the one mentioned in the most sentences); `at-the-occasion`: in a sentence that reports an appointment at a
//! ceremony or conference, a post the text presents someone in (not one a `relations::APPOINTING_RULES` rule gives)
//! is the ceremony's; a past post belongs to none, unless its own sentence reports the relief that ends
//! it (an event of kind `other`: "the NA relieved A from the post of …"; or a `relieving` word of `grammar.tsv`
//! before the post, "agreed to relieve A from his duty as …", with the relief named last before it); a post named in a sentence that only
//! plans an event ("He will meet Party chief X") belongs to none.

use crate::gazetteer::Needs;
use crate::matcher::Entry;
use crate::model::EventKind;
use crate::rules::orgs::{Tok, Token};
use crate::rules::sentences::Sentences;
use crate::rules::{Context, contains_ignore_ascii_case};
use once_cell::sync::Lazy;
use regex::Regex;

/// An event of the document, before output.
#[derive(Debug, Clone)]
pub(crate) struct EventDraft {
    pub(crate) kind: EventKind,
    pub(crate) date: Option<String>,
    pub(crate) location: Option<String>,
    /// The triggers that report it, in text order.
    pub(crate) mentions: Vec<(usize, usize)>,
    /// The month and year, or the year, its sentence names ("In March 2015, he was named …").
    period: Option<String>,
    /// Whether its first report frames what its sentence reports (`framing`): no date of the text's head is its.
    framed: bool,
    /// The person its first report names as its object ("met Tran Van Hai"): another report of its kind that names
    /// another is another event.
    counterpart: Option<usize>,
    /// The person its first report names as its subject, before the sentence's first report ("Prime Minister A
    /// met with B"): a report of its kind with the same object and another subject is another event.
    subject: Option<usize>,
    /// Where a visit goes, as "visit to <place>" names it: another visit's report that names another place is
    /// another visit.
    destination: Option<String>,
}

/// The document's events, and where each is mentioned.
#[derive(Debug, Default)]
pub(crate) struct Events {
    pub(crate) list: Vec<EventDraft>,
    /// (trigger start, sentence start, event), in text order.
    mentions: Vec<(usize, usize, usize)>,
    /// The article's main event: the one mentioned in the most sentences (the first of those).
    main: Option<usize>,
    /// Where the triggers of planned events start ("will have a meeting with …"), in text order.
    planned: Vec<usize>,
}

/// Where the lead ends: after the first two sentences (or lines) of the text proper.
pub(crate) fn lead_end(text: &str, sentences: &Sentences) -> usize {
    let start = body_start(text);
    let mut at = start;
    for _ in 0..2 {
        // Skip blank space to the next sentence, then to its end.
        while at < text.len() && text.as_bytes()[at].is_ascii_whitespace() {
            at += 1;
        }
        if at >= text.len() {
            break;
        }
        at = sentences.around(text, at).1;
    }
    at.max(start)
}

/// The start of the text proper, after a leading `date YYYY-MM-DD`.
fn body_start(text: &str) -> usize {
    let trimmed = text.trim_start();
    let skipped = text.len() - trimmed.len();
    if trimmed.starts_with("date ")
        && trimmed.len() >= 15
        && trimmed.is_char_boundary(15)
        && trimmed.as_bytes()[5..15]
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'-')
    {
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
    crate::rules::regex(
        r"(?x)
        (?-u:\b)(?:on\s+|On\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
        | (?-u:\b)(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y1>\d{4}))?
        | (?-u:\b)(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)\.?(?:,?\s+(?P<y2>\d{4}))?
        | (?-u:\b)(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4})(?-u:\b)
        | (?-u:\b)(?P<rel>[Yy]esterday|[Tt]oday|[Tt]his\s+morning|[Tt]his\s+afternoon)(?-u:\b)
        ",
    )
    .expect("the date pattern compiles")
});

/// The days of the week, from the weekday of 1970-01-01 (a Thursday) on.
const WEEKDAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];

/// Whether a capitalised word names a month or a day of the week ("May", "Monday"): a date's, not a name's.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || month_of(w).is_some()
}

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

fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether (y, m, d) is a day of the calendar.
fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && civil(days(y, m, d)) == (y, m, d)
}

/// The date a sentence gives, resolved against the publication date: a full date ("October 18, 2023", "18
/// October 2023", "18/10/2023"), a month and day in the year of publication ("on October 18" in an article of
/// 2023-10-19; "on December 30" in one of 2024-01-02 is 2023-12-30), a weekday counted back from the
/// publication date ("on Wednesday"), "today" and "yesterday". None when the sentence gives none, or it needs a
/// publication date and there is none.
pub(crate) fn resolve_date(sentence: &str, published: Option<(i32, u32, u32)>) -> Option<String> {
    let c = DATE.captures(sentence)?;
    if let Some(wd) = c.name("wd") {
        let (py, pm, pd) = published?;
        let want = WEEKDAYS.iter().position(|n| *n == wd.as_str())? as i64;
        let p = days(py, pm, pd);
        let back = (p.rem_euclid(7) - want).rem_euclid(7);
        return Some(iso(civil(p - back)));
    }
    if let Some(rel) = c.name("rel") {
        let (py, pm, pd) = published?;
        let back = if rel.as_str().eq_ignore_ascii_case("yesterday") {
            1
        } else {
            0
        };
        return Some(iso(civil(days(py, pm, pd) - back)));
    }
    if let (Some(d), Some(m), Some(y)) = (c.name("d3"), c.name("m3"), c.name("y3")) {
        let (d, m, y) = (
            d.as_str().parse().ok()?,
            m.as_str().parse().ok()?,
            y.as_str().parse().ok()?,
        );
        return valid(y, m, d).then(|| iso((y, m, d)));
    }
    let (m, d, y) = match (c.name("m1"), c.name("m2")) {
        (Some(m), _) => (m, c.name("d1")?, c.name("y1")),
        (_, Some(m)) => (m, c.name("d2")?, c.name("y2")),
        _ => return None,
    };
    let month = month_of(m.as_str())?;
    let day: u32 = d.as_str().parse().ok()?;
    // "from May 2 to 4, 2024": a range's year after its last day.
    let range_year = || {
        let after = &sentence[c.get(0)?.end()..];
        let after = &after[..floor(after, 16)];
        let rest = after
            .trim_start()
            .strip_prefix(['-', '–'])
            .or_else(|| after.trim_start().strip_prefix("to "))?;
        let (_, year) = rest.split_once(", ")?;
        year.get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
            .parse::<i32>()
            .ok()
    };
    let year = match y {
        Some(y) => y.as_str().parse().ok()?,
        None if range_year().is_some() => range_year()?,
        None => match published {
            Some((py, pm, pd)) => {
                if (month, day) > (pm, pd) {
                    py - 1
                } else {
                    py
                }
            }
            // No publication date: the one year the sentence names ("On September 26, … the 2023 combined
            // defence exercise"), outside a term.
            None => sentence_year(sentence)?,
        },
    };
    valid(year, month, day).then(|| iso((year, month, day)))
}

/// The one year a sentence names (in a month and year or alone), outside a term; None for none or several.
fn sentence_year(sentence: &str) -> Option<i32> {
    let first = period(sentence)?;
    let year: i32 = first.get(first.len() - 4..)?.parse().ok()?;
    let mut years = PERIOD
        .find_iter(sentence)
        .filter_map(|m| m.as_str().get(m.len() - 4..)?.parse::<i32>().ok());
    years.all(|y| y == year).then_some(year)
}

static PERIOD: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(r"(?-u:\b)(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d(?-u:\b)")
        .expect("the period pattern compiles")
});

/// The first month and year, or year, a sentence names, outside a term ("2020-2025", "for the 2016–2021 tenure").
fn period(sentence: &str) -> Option<String> {
    PERIOD
        .find_iter(sentence)
        .find(|m| {
            let after = &sentence[m.end()..];
            let before = &sentence[..m.start()];
            !after.starts_with(['-', '–', '/'])
                && !after.trim_start().starts_with(['-', '–'])
                && !before.ends_with(['-', '–', '/'])
                && !before.trim_end().ends_with(['-', '–'])
        })
        .map(|m| m.as_str().to_owned())
}

/// Whether two things two reports say of an event agree: equal, or one of them unsaid.
fn agree<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether an ISO date falls in a period a sentence names ("December 2019", "2016").
fn in_period(date: &str, period: &str) -> bool {
    let (month, year) = match period.rsplit_once(' ') {
        Some((m, y)) => (month_of(m), y),
        None => (None, period),
    };
    date.get(..4) == Some(year)
        && month.is_none_or(|m| date.get(5..7) == Some(format!("{m:02}").as_str()))
}

/// How much of the text's head may date its first event.
const HEAD: usize = 600;

/// The greatest character boundary of `text` at or before `i`.
fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

static TIME_OF_DAY: Lazy<Regex> = Lazy::new(|| {
    crate::rules::regex(r"(?-u:\b)\d{1,2}:\d{2}(?-u:\b)").expect("the time pattern compiles")
});

/// Whether a line only stamps the page with its time: short, with a time of day or a word like "Updated", and
/// hardly a word of prose ("Updated : Thursday, August 09, 2018 2:36 PM (GMT+0700)", "News - PublishedTime :
/// 09:32, 30/06/2021", "By Hoang Thuy   September 10, 2021 | 07:08 pm PT"). Its date is the page's, no event's.
fn stamp_line(line: &str) -> bool {
    const STAMPS: [&str; 5] = ["Update", "Published", "Posted", "GMT", "Last update"];
    line.len() <= 80
        && (TIME_OF_DAY.is_match(line) || STAMPS.iter().any(|w| line.contains(w)))
        && line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 3 && w.starts_with(char::is_lowercase))
            .count()
            < 2
}

/// `text` with the lines that stamp the page blanked out (offsets kept); borrowed when it holds none.
fn unstamped(text: &str) -> std::borrow::Cow<'_, str> {
    // A stamp holds a colon (a time, "Updated :") or one of its words; most sentences hold neither.
    if !text.contains(':')
        && !text.contains("Update")
        && !text.contains("Published")
        && !text.contains("Posted")
    {
        return std::borrow::Cow::Borrowed(text);
    }
    if !text.split('\n').any(stamp_line) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if stamp_line(line) {
            out.extend(std::iter::repeat_n(' ', line.len()));
        } else {
            out.push_str(line);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The first date `text` gives.
fn first_date(text: &str, published: Option<(i32, u32, u32)>) -> Option<String> {
    DATE.find_iter(text)
        .find_map(|m| resolve_date(m.as_str(), published))
}

/// The last date `text` gives.
fn last_date(text: &str, published: Option<(i32, u32, u32)>) -> Option<String> {
    let last = DATE.find_iter(text).last()?;
    resolve_date(last.as_str(), published)
}

/// Whether a sentence opens with a `spanning` phrase of `grammar.tsv` ("During the visit, …"): what it reports
/// took place on some day of a stay, not on the day the paragraph gave.
fn spanning(cx: &Context<'_>, sentence: &str) -> bool {
    let opening = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    cx.tables.grammar.spanning.iter().any(|w| {
        opening.len() > w.len()
            && opening.is_char_boundary(w.len())
            && opening[..w.len()].eq_ignore_ascii_case(w)
            && !opening[w.len()..].starts_with(char::is_alphanumeric)
    })
}

/// How far before a visit's trigger a `framing` phrase is looked for ("on a State two-day visit").
const FRAMING_REACH: usize = 40;

/// Whether the visit whose trigger starts at `at` is the frame of what its sentence reports (`framing`): a
/// `framing` phrase of `grammar.tsv` before it in its clause, with only words between ("who is accompanying the
/// NA Chairman on an official visit to Bulgaria, had a working session …"). A stay of several days: the
/// sentence's date is the sub-event's.
fn framing(cx: &Context<'_>, sentence_start: usize, (at, end): (usize, usize)) -> bool {
    let text = cx.text;
    let from = ceil(text, at.saturating_sub(FRAMING_REACH).max(sentence_start));
    let before = &text[from..at];
    // "the visiting delegation": the phrase holds the trigger.
    let with_trigger = &text[from..end];
    cx.tables.grammar.framing.iter().any(|w| {
        if with_trigger.len() >= w.len()
            && with_trigger.is_char_boundary(with_trigger.len() - w.len())
            && with_trigger[with_trigger.len() - w.len()..].eq_ignore_ascii_case(w)
        {
            return true;
        }
        let Some(i) = find_ignore_ascii_case(before, w) else {
            return false;
        };
        let rest = &before[i + w.len()..];
        (i == 0 || !before[..i].ends_with(char::is_alphanumeric))
            && rest.starts_with(' ')
            && !rest.contains([',', ';', ':', '.'])
    })
}

/// Whether the few words after a visit's trigger give its own days: "on a State two-day visit to Vietnam from
/// September 10-11".
fn dated_stay(text: &str, end: usize, sentence_end: usize) -> bool {
    let after = &text[end..floor(text, (end + FRAMING_REACH).min(sentence_end))];
    after.find(" from ").is_some_and(|i| {
        DATE.find(&after[i..])
            .is_some_and(|m| m.start() <= " from the ".len())
    })
}

/// The least character boundary of `text` at or after `i`.
fn ceil(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where `needle` (ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ignore_ascii_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// How far before a trigger "for" is looked for ("for the 43rd ASEAN Summit").
const FOR_REACH: usize = 64;

/// Whether the trigger at `at` names what someone leaves for: a `departing` word of `grammar.tsv` in its clause
/// ("left Hanoi on September 5 for", "sets off for"), then "for" and nothing but an article, ordinals and
/// capitalised words up to the trigger ("for the fifth World Conference", "for the 43rd ASEAN Summit"). The trip
/// is what the text reports; the conference lies ahead.
fn departs_for(cx: &Context<'_>, sentence_start: usize, at: usize) -> bool {
    let text = cx.text;
    // "for" within a few words before the trigger, and nothing after it but a name.
    let near = floor(text, at.saturating_sub(FOR_REACH).max(sentence_start));
    let Some(f) = text[near..at].rfind(" for ").map(|f| near + f) else {
        return false;
    };
    let named = text[f + 5..at].split_whitespace().all(|w| {
        ["the", "a", "an", "annual", "first", "second", "third"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
            || w.ends_with("th")
            || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    if !named {
        return false;
    }
    // A departing word in the clause before "for", lower-cased once.
    let before = &text[sentence_start..f];
    let clause = before
        .rsplit([';', ':'])
        .next()
        .unwrap_or(before)
        .to_ascii_lowercase();
    cx.tables.grammar.departing.iter().any(|d| {
        clause.match_indices(d.as_str()).any(|(i, _)| {
            (i == 0 || clause[..i].ends_with([' ', '\n']))
                && (clause.len() == i + d.len() || clause[i + d.len()..].starts_with([' ', ',']))
        })
    })
}

/// What a meeting (the noun) in `sentence` is: a body's own when "of" names it right after the noun ("the
/// meeting of the Party Central Committee" is a plenum of a `plenary-body` of `grammar.tsv`, "the meeting of the
/// People's Council" a session of a `legislature`); else a legislature's sitting when the sentence names one
/// ("the Provincial People's Council held its 8th meeting"), unless the meeting is one with someone (`after` the
/// noun: "a meeting with the Lao delegation"); else a meeting.
fn sitting(cx: &Context<'_>, sentence: &str, after: &str) -> EventKind {
    let g = &cx.tables.grammar;
    let after = after.trim_start();
    if let Some(owner) = after.strip_prefix("of ") {
        let owner = &owner[..floor(owner, 64)];
        let owner = owner.split([',', '.', ';']).next().unwrap_or(owner);
        return if g.plenary_bodies.iter().any(|b| plenary_named(owner, b)) {
            EventKind::Plenum
        } else if g
            .legislature
            .iter()
            .any(|l| contains_ignore_ascii_case(owner, l))
        {
            EventKind::Session
        } else {
            EventKind::Meeting
        };
    }
    let with = after.starts_with("with ") || after.starts_with("between ");
    if !with
        && g.legislature
            .iter()
            .any(|l| contains_ignore_ascii_case(sentence, l))
    {
        EventKind::Session
    } else {
        EventKind::Meeting
    }
}

/// Whether an ordinal stands in the phrase that ends right before a trigger (`before`: its sentence up to it): "the
/// 6th Vietnam-Japan defence policy", "the first deputy ministerial-level" (a `day-ordinal` of `grammar.tsv`, or a
/// number with its suffix). The phrase is its last six words, back to a punctuation mark.
fn numbered(grammar: &crate::gazetteer::Grammar, before: &str) -> bool {
    let phrase = before
        .rsplit([',', ';', ':', '.', '(', ')'])
        .next()
        .unwrap_or(before);
    phrase.split_whitespace().rev().take(6).any(|w| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && ["st", "nd", "rd", "th"].contains(&&w[digits..]))
            || grammar
                .day_ordinals
                .iter()
                .any(|o| o.eq_ignore_ascii_case(w))
    })
}

/// Whether `owner`, the words after "meeting of", names the `plenary-body` `body`: "the 13th Party Central
/// Committee", "the Central Committee"; not another organisation's central committee, whose own name stands
/// before it ("the 10th-tenure VFF Central Committee").
fn plenary_named(owner: &str, body: &str) -> bool {
    let Some(at) = find_ignore_ascii_case(owner, body) else {
        return false;
    };
    owner[..at].split_whitespace().next_back().is_none_or(|w| {
        !w.starts_with(char::is_uppercase)
            || w == "Party"
            || w == "The"
            || w.bytes().any(|b| b.is_ascii_digit())
    })
}

/// A date given relative to the event dated before: a `same-day` phrase of `grammar.tsv` ("the same day", "after
/// that"): 0; a `next-day` phrase ("the following day"): +1.
fn relative_day(grammar: &crate::gazetteer::Grammar, sentence: &str) -> Option<i64> {
    match grammar.relative_days.last_of_each(sentence) {
        (Some(_), _) => Some(0),
        (None, Some(_)) => Some(1),
        (None, None) => None,
    }
}

/// `day-of-stay`: "On the first day of his trip", "on the second day of the plenum": the day the last visit or
/// gathering of several days was dated, and as many days after it as the `day-ordinal` of `grammar.tsv` counts.
fn day_of_stay(
    grammar: &crate::gazetteer::Grammar,
    sentence: &str,
    events: &Events,
) -> Option<String> {
    // Most sentences hold no " day of ": one scan for it first.
    let at = memchr::memmem::find(sentence.as_bytes(), b" day of ")?;
    let before = sentence[..at].trim_end();
    let (head, ordinal) = before.rsplit_once(' ')?;
    if !head
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
    {
        return None;
    }
    let n = grammar
        .day_ordinals
        .iter()
        .position(|o| o.eq_ignore_ascii_case(ordinal))?;
    let start = events.list.iter().rev().find_map(|ev| {
        (ev.kind == EventKind::Visit || GATHERINGS.contains(&ev.kind))
            .then(|| ev.date.clone())
            .flatten()
    })?;
    shift(&start, n as i64)
}

/// Whether a trigger after `head` names the stay that `day-of-stay` counts days of, not an event of its own: "On the
/// second day of his visit".
fn counts_a_stay(head: &str) -> bool {
    let mut words = head.split_whitespace().rev();
    let (Some(owner), Some(of), Some(day)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    ["his", "her", "their", "the", "its"]
        .iter()
        .any(|o| owner.eq_ignore_ascii_case(o))
        && of.eq_ignore_ascii_case("of")
        && day.eq_ignore_ascii_case("day")
}

/// The event a `sequel` phrase of `grammar.tsv` places the trigger at `at` after or before, in its sentence (which
/// starts at `s`): "After the welcome ceremony, the Cuban leader joined talks" (the ceremony, named in the sentence
/// before the talks; up to `SEQUEL_MODIFIERS` words, "welcome", may stand between the phrase and its trigger).
fn sequel_of(cx: &Context<'_>, events: &Events, s: usize, at: usize) -> Option<usize> {
    let text = cx.text;
    let after_cue = |before: &str| {
        let mut before = before.trim_end();
        for _ in 0..=SEQUEL_MODIFIERS {
            let cue = cx.tables.grammar.sequel.iter().any(|w| {
                before.len() >= w.len()
                    && before.is_char_boundary(before.len() - w.len())
                    && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
                    && before[..before.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
            });
            if cue {
                return true;
            }
            // One word back, if it is a word.
            match before.rsplit_once(' ') {
                Some((rest, word)) if word.chars().all(|c| c.is_alphabetic() || c == '-') => {
                    before = rest.trim_end();
                }
                _ => return false,
            }
        }
        false
    };
    events
        .mentions
        .iter()
        .rev()
        .take_while(|&&(_, ms, _)| ms == s)
        .find(|&&(start, _, _)| start < at && after_cue(&text[s..start]))
        .map(|&(_, _, ev)| ev)
}

/// How many words (a trigger's modifiers: "welcome", "official") may stand between a `sequel` phrase and the
/// trigger it names.
const SEQUEL_MODIFIERS: usize = 2;

fn shift(date: &str, by: i64) -> Option<String> {
    let y = date.get(0..4)?.parse().ok()?;
    let m = date.get(5..7)?.parse().ok()?;
    let d = date.get(8..10)?.parse().ok()?;
    Some(iso(civil(days(y, m, d) + by)))
}

/// How many words before a trigger a `modal` word is looked for.
const MODAL_REACH: usize = 6;

/// How many bytes after a trigger a `planned-after` phrase is looked for ("… and burial ceremony will be held").
const PLANNED_AFTER_REACH: usize = 48;

/// How many words before a trigger a `not-happening` word is looked for ("to" only right before it).
const NOT_HAPPENING_REACH: usize = 3;

/// Whether a word before the trigger at `at..end`, in its clause, or right after it, makes the event planned or
/// hypothetical.
fn planned(cx: &Context<'_>, sentence_start: usize, at: usize, end: usize) -> bool {
    let clause = &cx.text[sentence_start..at];
    let clause = clause.rsplit([',', ';', ':']).next().unwrap_or(clause);
    // The last words before the trigger, nearest first, without their marks ("newly-" is "newly").
    let mut words = [""; NOT_HAPPENING_REACH + 1];
    let mut n = 0;
    for w in clause.split_whitespace().rev().take(words.len()) {
        words[n] = w.trim_matches(|c: char| !c.is_alphanumeric());
        n += 1;
    }
    let words = &words[..n];
    // A modal a few words before it in its clause.
    let g = &cx.tables.grammar;
    if clause
        .split_whitespace()
        .rev()
        .take(MODAL_REACH)
        .any(|w| g.modal.iter().any(|m| m.eq_ignore_ascii_case(w)))
    {
        return true;
    }
    // "the burial ceremony will be announced later", and past a noun joined to it ("The memorial service and
    // burial ceremony will be announced later"): the cue in the few words after it, before a comma or a stop.
    let after = cx.text[end..].trim_start();
    let after = &after[..floor(after, PLANNED_AFTER_REACH)];
    let after = after.split([',', '.', ';']).next().unwrap_or(after);
    let bytes = after.as_bytes();
    let word_at = |at: usize, len: usize| {
        (at == 0 || bytes[at - 1] == b' ')
            && bytes
                .get(at + len)
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    if g.planned_after.iter().any(|cue| {
        let cue = cue.as_bytes();
        bytes
            .windows(cue.len())
            .enumerate()
            .any(|(at, w)| w.eq_ignore_ascii_case(cue) && word_at(at, cue.len()))
    }) {
        return true;
    }
    g.not_happening_words.iter().any(|cue| {
        let reach = if cue.len() == 1 && cue[0] == "to" {
            1
        } else {
            NOT_HAPPENING_REACH
        };
        // The cue's words, last first, against the words before the trigger from the k-th on.
        (0..reach.min(words.len())).any(|k| {
            k + cue.len() <= words.len()
                && cue
                    .iter()
                    .zip(&words[k..])
                    .all(|(c, w)| w.eq_ignore_ascii_case(c))
        })
    })
}

/// Whether the word right before a participle is a noun it describes ("tasks assigned by"): a word in lower case,
/// not an auxiliary or an adverb that makes the participle a passive verb ("was assigned by", "newly
/// appointed by").
fn modifies_noun(before: &str) -> bool {
    let Some(word) = before.split_whitespace().next_back() else {
        return false;
    };
    word.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            word,
            "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "and"
                | "or"
        )
        && !word.ends_with("ly")
}

/// Whether an object stands right after a trigger that ends at `end`: a person, title, rank, country,
/// organisation or place within a few words, in the same sentence.
fn has_object(cx: &Context<'_>, tokens: &[Token], end: usize, sentence_end: usize) -> bool {
    let text = cx.text;
    // "received 100% of the votes of the council's deputies": a share of votes is no one met.
    let after = text[end..].trim_start();
    // "received flowers from Secretary X", "received congratulatory flowers", "received 436 votes": a thing
    // received (`not-object`, after at most one word or a number), not someone met.
    let starts_with_thing = |s: &str| {
        cx.tables.grammar.not_object.iter().any(|w| {
            s.get(..w.len()).is_some_and(|a| a.eq_ignore_ascii_case(w))
                && s[w.len()..].starts_with([' ', ',', '.'])
        })
    };
    let thing = starts_with_thing(after)
        || after
            .split_once(' ')
            .is_some_and(|(_, rest)| starts_with_thing(rest));
    if thing {
        return false;
    }
    let number = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let share = ["%", "percent", "per cent"]
        .iter()
        .any(|w| number.trim_start().starts_with(w));
    if number.len() < after.len() && share {
        return false;
    }
    let from = tokens.partition_point(|t| t.start < end);
    tokens[from..]
        .iter()
        .take_while(|t| t.start < sentence_end && t.start <= end + 40)
        .any(|t| {
            !text[end..t.start].contains([',', ';', '.'])
                && matches!(
                    t.kind,
                    Tok::Person(_)
                        | Tok::Title { .. }
                        | Tok::Rank(_)
                        | Tok::Demonym(_)
                        | Tok::Orgs(_)
                        | Tok::Place(_)
                        | Tok::Body(_)
                )
        })
}

/// How far after a trigger its object may be named ("held a meeting with H.E. Mr. Nguyen Van An").
const OBJECT_REACH: usize = 60;

/// The person a trigger that ends at `end` names as its object: the first person after it in its clause, within
/// [`OBJECT_REACH`] bytes ("met Chinese Premier Li Qiang", "held talks with his Lao counterpart Tran Van An").
fn object_person(text: &str, tokens: &[Token], end: usize, sentence_end: usize) -> Option<usize> {
    let from = tokens.partition_point(|t| t.start < end);
    tokens[from..]
        .iter()
        .take_while(|t| t.start < sentence_end && t.start <= end + OBJECT_REACH)
        .take_while(|t| !text[end..t.start].contains([',', ';', '.', ':']))
        .find_map(|t| match t.kind {
            Tok::Person(p) => Some(p),
            _ => None,
        })
}

/// `calls-on`: a visit whose object, right after it, is a person ("visited Party General Secretary Nguyen Phu
/// Trong", "paid a courtesy visit to State President X") is a call on that person, a meeting; not a visit to a place named for one ("visited President Ho Chi
/// Minh's Mausoleum").
fn calls_on(text: &str, tokens: &[Token], end: usize) -> bool {
    let from = tokens.partition_point(|t| t.start < end);
    // "paid a courtesy visit to General Secretary X": the noun's object after "to".
    let mut at = if text[..end].ends_with("visit") && text[end..].starts_with(" to ") {
        end + 3
    } else {
        end
    };
    for t in tokens[from..].iter().take(3) {
        if !text[at..t.start].trim().is_empty() {
            return false;
        }
        match t.kind {
            Tok::Title { .. } | Tok::Rank(_) => at = t.end,
            Tok::Person(_) => {
                let after = &text[t.end..];
                let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s");
                let named_for = after
                    .strip_prefix(' ')
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
                return !possessive && !named_for;
            }
            _ => return false,
        }
    }
    false
}

/// Whether `person` is named before a trigger at `at` in its sentence (from `sentence_start`): the report's
/// subject, as when the other side of talks reports them ("X held talks with Y. … Y held talks with X …": one
/// event, `counterpart`).
/// The first person its sentence names before a trigger at `at`, the sentence's subject ("During the visit,
/// General Secretary A held talks with B; met with C": A).
fn sentence_subject(tokens: &[Token], sentence_start: usize, at: usize) -> Option<usize> {
    let from = tokens.partition_point(|t| t.start < sentence_start);
    tokens[from..]
        .iter()
        .take_while(|t| t.end <= at)
        .find_map(|t| match t.kind {
            Tok::Person(p) => Some(p),
            _ => None,
        })
}

fn subject_of(
    cx: &Context<'_>,
    tokens: &[Token],
    sentence_start: usize,
    at: usize,
    person: usize,
) -> bool {
    // The subject stands before the sentence's first report: not an object of an earlier one ("met with A; met
    // with B").
    let h = cx.hits.partition_point(|h| h.start < sentence_start);
    let first_report = cx.hits[h..]
        .iter()
        .take_while(|h| h.start < at)
        .find(|h| h.entries.iter().any(|e| matches!(e, Entry::Event(_))))
        .map_or(at, |h| h.start);
    let from = tokens.partition_point(|t| t.start < sentence_start);
    tokens[from..]
        .iter()
        .take_while(|t| t.end <= first_report)
        .any(|t| matches!(t.kind, Tok::Person(p) if p == person))
}

/// The persons a meeting trigger that ends at `end` lists as whom it met, each a meeting of its own ("met with
/// Prime Minister A and National Assembly President B"): every person after it in its sentence, up to the next
/// trigger.
fn listed_persons(
    cx: &Context<'_>,
    tokens: &[Token],
    end: usize,
    sentence_end: usize,
) -> Vec<usize> {
    let h = cx.hits.partition_point(|h| h.start < end);
    let until = cx.hits[h..]
        .iter()
        .find(|h| h.entries.iter().any(|e| matches!(e, Entry::Event(_))))
        .map_or(sentence_end, |h| h.start.min(sentence_end));
    let from = tokens.partition_point(|t| t.start < end);
    let mut out = Vec::new();
    for t in tokens[from..].iter().take_while(|t| t.start < until) {
        if let Tok::Person(p) = t.kind
            && !out.contains(&p)
        {
            out.push(p);
        }
    }
    out
}

/// The verbs of meeting that meet each person they list ("met A and B", "held meetings with A, B and C"); not the
/// passive ("was met at the airport by A and B") nor the noun ("at a meeting by the council").
const MEETS_EACH: [&str; 7] = [
    "met",
    "meets",
    "met with",
    "meets with",
    "held meetings",
    "had meetings",
    "meetings with",
];

/// Whether the trigger at `start..end` meets each person it lists (see [`MEETS_EACH`]).
fn meets_each(text: &str, start: usize, end: usize) -> bool {
    let passive = text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| {
            ["was", "were", "been", "being", "be", "is", "are"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
        });
    !passive
        && MEETS_EACH
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&text[start..end]))
}

/// The kinds a bare "the meeting" may point back to when no meeting was named before ("the council's 27th
/// session … At the meeting, the council relieved …").
const GATHERINGS: [EventKind; 5] = [
    EventKind::Session,
    EventKind::Plenum,
    EventKind::Congress,
    EventKind::Conference,
    EventKind::WorkingSession,
];

/// Words before a noun that point back to an event named before ("at the talks", "this visit").
const ANAPHORIC: [&str; 9] = [
    "the", "this", "that", "these", "those", "its", "their", "his", "her",
];

/// Whether "its" stands among the two words before a trigger at `at` ("held its closing session").
fn possessed(text: &str, at: usize) -> bool {
    text[..at]
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| w.eq_ignore_ascii_case("its"))
}

/// Whether the word before a trigger at `at` points back to an event named before ("during the meeting").
fn anaphoric(text: &str, at: usize) -> bool {
    text[..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ANAPHORIC.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// Words after a form that is also a verb's ("meeting") that show the verb: an article, a possessive or an object.
const VERB_OBJECTS: [&str; 16] = [
    "the",
    "a",
    "an",
    "all",
    "its",
    "their",
    "his",
    "her",
    "our",
    "these",
    "those",
    "this",
    "requirements",
    "demands",
    "needs",
    "targets",
];

/// Whether the words after a trigger show it used as a verb ("meeting the requirements").
fn verb_use(after: &str) -> bool {
    after.starts_with(' ')
        && after.split_whitespace().next().is_some_and(|w| {
            VERB_OBJECTS.contains(&w.trim_end_matches([',', '.']).to_ascii_lowercase().as_str())
        })
}

/// How far from its trigger an event's place is looked for in its sentence.
const PLACE_REACH: usize = 400;

/// Whether the trigger at `at` is a conjunct of a planned event's in its sentence (from `s`): "will also pay
/// working visits to the European Parliament and Belgium, and an official visit to Finland" (the modal governs
/// both): the last planned trigger stands close before it, and only words with an "and" and no verb of their own
/// ("paid", "held") part them.
fn coordinated_with_planned(text: &str, planned: &[usize], s: usize, at: usize) -> bool {
    let Some(&p) = planned.last() else {
        return false;
    };
    if p < s || at - p > COORDINATION_REACH {
        return false;
    }
    let between = &text[p..at];
    let words: Vec<&str> = between.split_whitespace().skip(1).collect();
    let and_at = words.iter().rposition(|w| *w == "and");
    // After the last "and": only an article and adjectives before the trigger ("an official").
    and_at.is_some_and(|k| {
        words[k + 1..].iter().all(|w| {
            matches!(*w, "a" | "an" | "the")
                || w.starts_with(char::is_lowercase) && w.len() > 2 && !w.ends_with("ed")
        })
    }) && !between.contains([';', ':'])
}

/// How far (bytes) after a planned event's trigger a conjunct of it may stand.
const COORDINATION_REACH: usize = 100;

/// Whether `name` is a country's other than Vietnam, as the places table names it.
fn foreign_country(cx: &Context<'_>, name: &str) -> bool {
    cx.tables.places.iter().any(|p| {
        p.kind == crate::gazetteer::PlaceKind::Country
            && p.id != "vietnam"
            && (p.name == name || p.aliases.iter().any(|a| a == name))
    })
}

/// The places a visit goes to: "visit to Laos", "State visits to India and Bangladesh" (places after "to", parted by
/// "and" or commas, right after the trigger that ends at `end`, within its sentence ending at `e`).
fn destinations(
    cx: &Context<'_>,
    tokens: &[Token],
    (start, end): (usize, usize),
    e: usize,
) -> Vec<String> {
    let text = cx.text;
    // `site-visit`: "visited the Lee Kuan Yew School of Public Policy", "visited Pansir Panjang Container
    // Terminal": the verb's object, a named site, is where the visit goes.
    if matches!(
        &text[start..end],
        "visited" | "visiting" | "visits" | "toured"
    ) && let Some(site) = site_after(text, tokens, end, e)
    {
        return vec![site];
    }
    let mut out = Vec::new();
    let mut at = end;
    let from = tokens.partition_point(|t| t.start < end);
    for t in tokens[from..].iter().take_while(|t| t.end <= e) {
        let between = &text[at..t.start];
        let joins = if out.is_empty() {
            matches!(between, " to " | " to the ")
        } else {
            matches!(between, " and " | ", " | ", and " | " and the ")
        };
        match t.kind {
            Tok::Place(_) if joins => {
                out.push(text[t.start..t.end].to_owned());
                at = t.end;
            }
            _ => break,
        }
    }
    out
}

/// The named site right after a visiting verb that ends at `end` (before `e`, its sentence's end): capitalised
/// words, with "of", "and" and "for" between them, after an optional "the" ("the Lee Kuan Yew School of Public
/// Policy"), at least two words, no person's title or name among them; None for a lower-case object ("some
/// places").
fn site_after(text: &str, tokens: &[Token], end: usize, e: usize) -> Option<String> {
    let rest = &text[end..e];
    let rest = rest.strip_prefix(' ')?;
    let skip = if rest.starts_with("the ") { 4 } else { 0 };
    let from = end + 1 + skip;
    let mut last = None;
    let mut words = 0;
    let mut at = from;
    for w in text[from..e].split(' ') {
        let word = w.trim_end_matches([',', '.', ';', ':']);
        if word.starts_with(char::is_uppercase) {
            words += 1;
            last = Some(at + word.len());
        } else if !matches!(word, "of" | "and" | "for" | "the") {
            break;
        }
        if word.len() != w.len() {
            break;
        }
        at += w.len() + 1;
    }
    let last = last?;
    // "visiting Chinese State Councilor …": a person's title or name is no site.
    let k = tokens.partition_point(|t| t.start < from);
    let person = tokens[k..]
        .iter()
        .take_while(|t| t.start < last)
        .any(|t| matches!(t.kind, Tok::Title { .. } | Tok::Rank(_) | Tok::Person(_)));
    (words >= 2 && !person).then(|| text[from..last].to_owned())
}

/// The place of an event reported in the sentence `(s, e)`: a place token after "in" or "at", or a named site
/// after "at the" ("at the Presidential Palace").
fn place_in(
    cx: &Context<'_>,
    tokens: &[Token],
    (s, e): (usize, usize),
    trigger: usize,
) -> Option<String> {
    let text = cx.text;
    // Within `PLACE_REACH` bytes of the trigger: a sentence of a whole text (no stops) is read near it only.
    let s = s.max(ceil(text, trigger.saturating_sub(PLACE_REACH)));
    let e = e.min(floor(text, (trigger + PLACE_REACH).min(text.len())));
    let from = tokens.partition_point(|t| t.start < s);
    for t in tokens[from..].iter().take_while(|t| t.end <= e) {
        if let Tok::Place(_) = t.kind {
            let before = &text[s..t.start];
            if [" in ", " at ", " in the ", " at the "]
                .iter()
                .any(|w| before.ends_with(w))
            {
                return Some(text[t.start..t.end].to_owned());
            }
        }
    }
    // "at the Presidential Palace": capitalised words after "at the", up to a word in lower case or a mark.
    let sentence = &text[s..e];
    let at = sentence.find(" at the ")? + " at the ".len();
    let mut end = at;
    for w in sentence[at..].split(' ') {
        let word = w.trim_end_matches([',', '.', ';', ':']);
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        if word.len() != w.len() {
            end += word.len();
            break;
        }
        end += w.len() + 1;
    }
    let site = sentence[at..end.min(sentence.len())].trim_end();
    (site.split(' ').count() >= 2).then(|| site.to_owned())
}

/// The dateline's place: a place at the very start of the text proper, before a dash, a bracket or a comma.
fn dateline(cx: &Context<'_>, tokens: &[Token]) -> Option<String> {
    let start = body_start(cx.text);
    let text = cx.text;
    let first = tokens.first().filter(|t| {
        text[start..t.start].trim().is_empty()
            && matches!(t.kind, Tok::Place(_))
            && text[t.end..]
                .trim_start()
                .starts_with(['—', '-', '–', '(', ','])
    })?;
    Some(text[first.start..first.end].to_owned())
}

/// A trigger's words in the text.
struct Trigger {
    start: usize,
    end: usize,
    row: u32,
}

/// The triggers of the text, longest first where they overlap, outside person names. A trigger may be an
/// organisation's name too ("the 13th National Party Congress"): the hits are read, not the tokens, which keep
/// only one of the two.
fn triggers<'a>(cx: &'a Context<'_>, tokens: &'a [Token]) -> impl Iterator<Item = Trigger> + 'a {
    let mut covered = 0;
    cx.hits.iter().filter_map(move |h| {
        let row = h.entries.iter().find_map(|e| match e {
            Entry::Event(r) => Some(*r),
            _ => None,
        })?;
        if h.start < covered {
            return None;
        }
        let k = tokens.partition_point(|t| t.end <= h.start);
        let in_name = tokens.get(k).is_some_and(|t| {
            matches!(t.kind, Tok::Person(_)) && t.start <= h.start && h.end <= t.end
        });
        if in_name {
            return None;
        }
        covered = h.end;
        Some(Trigger {
            start: h.start,
            end: h.end,
            row,
        })
    })
}

/// Every event the text reports.
///
/// `documents`: the spans of the documents the text names; a trigger inside one names the document ("the
/// Resolution of the 13th Party Central Committee's 8th Plenum"), not an event.
pub(crate) fn find(
    cx: &Context<'_>,
    tokens: &[Token],
    lead_end: usize,
    sentences: &Sentences,
    documents: &[(usize, usize, &str)],
) -> Events {
    let text = cx.text;
    let mut events = Events::default();
    // (sentence start, its date, its period, whether it spans a stay) of the last sentence read.
    let mut read: Option<(usize, Option<String>, Option<String>, bool)> = None;
    // (paragraph start, read up to, the last date given so far) of the paragraph being read.
    let mut paragraph: (usize, usize, Option<String>) = (usize::MAX, 0, None);
    for tok in triggers(cx, tokens) {
        let row = tok.row;
        let trigger = &cx.tables.events[row as usize];
        // Inside a document's name ("Resolution on the 14th Congress"): `documents` are in text order and do not
        // overlap, so only the last that starts at or before the trigger can hold it.
        let d = documents.partition_point(|&(s, _, _)| s <= tok.start);
        if d > 0 && tok.end <= documents[d - 1].1 {
            continue;
        }
        let (s, e) = sentences.around(text, tok.start);
        if counts_a_stay(&text[s..tok.start]) {
            continue;
        }
        if planned(cx, s, tok.start, tok.end)
            || coordinated_with_planned(text, &events.planned, s, tok.start)
        {
            events.planned.push(tok.start);
            continue;
        }
        if trigger.needs == Needs::Object && !has_object(cx, tokens, tok.end, e) {
            continue;
        }
        if trigger.needs == Needs::Noun && verb_use(&text[tok.end..]) {
            continue;
        }
        if trigger.needs == Needs::Numbered && !numbered(&cx.tables.grammar, &text[s..tok.start]) {
            continue;
        }
        // "The event, co-chaired by …": the event named before.
        if trigger.needs == Needs::Prior
            && let Some(&(_, _, ev)) = events.mentions.last()
        {
            events.list[ev].mentions.push((tok.start, tok.end));
            events.mentions.push((tok.start, s, ev));
            continue;
        }
        // "the welcome ceremony hosted by …": a participle that reports again the event its sentence named before.
        if trigger.needs == Needs::Object
            && text[tok.end..].starts_with(" by ")
            && let Some(&(_, ms, ev)) = events.mentions.last()
            && ms == s
        {
            events.list[ev].mentions.push((tok.start, tok.end));
            events.mentions.push((tok.start, s, ev));
            continue;
        }
        // "all tasks assigned by the Party": a participle after a noun, with its agent, describes the noun; it
        // reports no event.
        if trigger.needs == Needs::Object
            && text[tok.end..].starts_with(" by ")
            && modifies_noun(&text[s..tok.start])
        {
            continue;
        }
        // "At the first plenum …, the Party Central Committee elected X to the Secretariat": an election that its
        // sentence reports after a plenum is the plenum's own business (`at-plenum`).
        if trigger.kind == EventKind::Election
            && let Some(&(_, ms, ev)) = events.mentions.last()
            && ms == s
            && events.list[ev].kind == EventKind::Plenum
        {
            events.list[ev].mentions.push((tok.start, tok.end));
            events.mentions.push((tok.start, s, ev));
            continue;
        }
        // "left Hanoi for the fifth World Conference of Speakers": the trip is the event, a visit.
        let kind = if departs_for(cx, s, tok.start) {
            EventKind::Visit
        } else if trigger.kind == EventKind::Meeting && trigger.needs == Needs::Noun {
            sitting(cx, &text[s..e], &text[tok.end..e])
        } else if trigger.kind == EventKind::Visit && calls_on(text, tokens, tok.end) {
            EventKind::Meeting
        } else {
            trigger.kind
        };
        // What the sentence says of time, read once per sentence.
        if read.as_ref().is_none_or(|r| r.0 != s) {
            let sentence = &*unstamped(&text[s..e]);
            // The day of the last event dated before ("Previously the same day" after a caption that reports
            // another event with no date); a visit's date is the first of its stay, so the last other event's
            // first.
            let dated = |visit: bool| {
                events.mentions.iter().rev().find_map(|&(_, _, ev)| {
                    let ev = &events.list[ev];
                    (visit || ev.kind != EventKind::Visit).then(|| ev.date.clone())?
                })
            };
            let previous_date = dated(false).or_else(|| dated(true));
            let date = resolve_date(sentence, cx.published)
                .or_else(|| day_of_stay(&cx.tables.grammar, sentence, &events))
                .or_else(|| {
                    let by = relative_day(&cx.tables.grammar, sentence)?;
                    shift(previous_date.as_deref()?, by)
                });
            let spans = date.is_none() && spanning(cx, sentence);
            read = Some((s, date, period(sentence), spans));
        }
        let (_, date, period, spans) = read.clone().expect("the sentence was just read");
        // A paragraph that gives a date goes on about that day. The paragraph is read once, up to each trigger's
        // sentence in turn.
        let line = sentences.line(text, s).0;
        if paragraph.0 != line || paragraph.1 > s {
            paragraph = (line, line, None);
        }
        if paragraph.1 < s {
            if let Some(d) = last_date(&unstamped(&text[paragraph.1..s]), cx.published) {
                paragraph.2 = Some(d);
            }
            paragraph.1 = s;
        }
        // Not the paragraph's day for a sentence that names another time ("In December 2019, he was named …").
        let date = if spans {
            None
        } else {
            date.or_else(|| {
                paragraph
                    .2
                    .clone()
                    .filter(|d| period.as_deref().is_none_or(|p| in_period(d, p)))
            })
        };
        // A visit that frames what its sentence reports is not dated by the sentence.
        let framed = kind == EventKind::Visit
            && framing(cx, s, (tok.start, tok.end))
            && !dated_stay(text, tok.end, e);
        let date = if framed { None } else { date };
        // `sequel`: "After the welcome ceremony, the Cuban leader joined talks": the talks are on the ceremony's day.
        let date = date.or_else(|| {
            sequel_of(cx, &events, s, tok.start).and_then(|ev| events.list[ev].date.clone())
        });
        // One event per kind, unless the dates, the years or months the sentences name, or the persons their
        // reports name as object differ. A report that points back ("at the talks") is the last event of its kind.
        let back = anaphoric(text, tok.start);
        let counterpart = if back {
            None
        } else {
            object_person(text, tokens, tok.end, e)
        };
        // Whom a meeting, talks or a reception is between: its subject too ("A met with B. … C met with B").
        let between = matches!(
            kind,
            EventKind::Meeting | EventKind::Talks | EventKind::Reception
        );
        let subject = if back || !between {
            None
        } else {
            sentence_subject(tokens, s, tok.start)
        };
        // `visits-each`: "State visits to India and Bangladesh": a visit to each place, located there.
        let destinations = if kind == EventKind::Visit {
            destinations(cx, tokens, (tok.start, tok.end), e)
        } else {
            Vec::new()
        };
        let destination = destinations.first().cloned();
        let compatible = |ev: &EventDraft| {
            ev.kind == kind
                && agree(&ev.date, &date)
                && agree(&ev.period, &period)
                // "On Thursday, X appointed … In December 2019, he was named …": a day and a month or year
                // that are not the same time are two events.
                && ev.date.as_deref().is_none_or(|d| period.as_deref().is_none_or(|p| in_period(d, p)))
                && date.as_deref().is_none_or(|d| ev.period.as_deref().is_none_or(|p| in_period(d, p)))
        };
        // `own-sitting`: "The 10th National Congress … held its closing session": a sitting of the gathering its
        // sentence named before is that gathering.
        let own_sitting = (kind == EventKind::Session && possessed(text, tok.start))
            .then(|| {
                events
                    .mentions
                    .iter()
                    .rev()
                    .take_while(|&&(_, ms, _)| ms == s)
                    .map(|&(_, _, ev)| ev)
                    .find(|&ev| {
                        matches!(
                            events.list[ev].kind,
                            EventKind::Congress | EventKind::Conference | EventKind::Plenum
                        )
                    })
            })
            .flatten();
        let same = if own_sitting.is_some() {
            own_sitting
        } else if back {
            events.list.iter().rposition(compatible).or_else(|| {
                // "the meeting", "the session", "the working session" when none of that kind was named: the last
                // gathering ("at its ongoing 8th plenum. … The session was presided over by …"); not "their
                // working session", which names one of its own.
                let the = text[..tok.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"));
                (kind == EventKind::Meeting
                    || (the && matches!(kind, EventKind::Session | EventKind::WorkingSession)))
                .then(|| {
                    events
                        .list
                        .iter()
                        .rposition(|ev| GATHERINGS.contains(&ev.kind) && agree(&ev.date, &date))
                })
                .flatten()
            })
        } else {
            events.list.iter().position(|ev| {
                compatible(ev)
                    && (agree(&ev.counterpart, &counterpart)
                        || ev
                            .counterpart
                            .is_some_and(|c| subject_of(cx, tokens, s, tok.start, c)))
                    // "A met with B. … C met with B": two meetings.
                    && !(ev.counterpart.is_some()
                        && ev.counterpart == counterpart
                        && ev.subject.is_some()
                        && subject.is_some()
                        && ev.subject != subject)
                    && agree(&ev.destination, &destination)
            })
        };
        let index = match same {
            Some(i) => {
                let ev = &mut events.list[i];
                ev.mentions.push((tok.start, tok.end));
                if ev.date.is_none() {
                    ev.date = date;
                }
                if ev.location.is_none() {
                    ev.location = place_in(cx, tokens, (s, e), tok.start);
                }
                if ev.period.is_none() {
                    ev.period = period;
                }
                if ev.counterpart.is_none() {
                    ev.counterpart = counterpart;
                }
                if ev.subject.is_none() {
                    ev.subject = subject;
                }
                // Where a visit goes is its place, before where it began or ended ("arrived in Hanoi, wrapping up
                // their State visits to India"), unless the visit is already placed in another country.
                if destination.is_some() && ev.destination.is_none() {
                    if !ev
                        .location
                        .as_deref()
                        .is_some_and(|l| foreign_country(cx, l))
                    {
                        ev.location.clone_from(&destination);
                    }
                    ev.destination.clone_from(&destination);
                }
                i
            }
            None => {
                let first = events.list.is_empty();
                let lead = first && tok.start < lead_end;
                let location = if destination.is_some() {
                    destination.clone()
                } else if lead {
                    dateline(cx, tokens).or_else(|| place_in(cx, tokens, (s, e), tok.start))
                } else {
                    place_in(cx, tokens, (s, e), tok.start)
                };
                events.list.push(EventDraft {
                    kind,
                    date,
                    location,
                    mentions: vec![(tok.start, tok.end)],
                    period,
                    framed,
                    counterpart,
                    subject,
                    destination: destination.clone(),
                });
                events.list.len() - 1
            }
        };
        events.mentions.push((tok.start, s, index));
        for d in destinations.iter().skip(1) {
            let visited = events.list.iter().any(|ev| {
                ev.kind == EventKind::Visit && ev.destination.as_deref() == Some(d.as_str())
            });
            if !visited {
                let mut ev = events.list[index].clone();
                ev.location = Some(d.clone());
                ev.destination = Some(d.clone());
                ev.mentions = vec![(tok.start, tok.end)];
                events.list.push(ev);
            }
        }
        // "met with A and B": a meeting with each; so is a call on each ("paid a courtesy visit to A, B").
        let calls = kind == EventKind::Meeting && trigger.kind == EventKind::Visit;
        if (meets_each(text, tok.start, tok.end) || calls) && counterpart.is_some() {
            for p in listed_persons(cx, tokens, tok.end, e).into_iter().skip(1) {
                let met = events.list.iter().any(|ev| {
                    ev.kind == EventKind::Meeting
                        && ev.counterpart == Some(p)
                        && ev.date == events.list[index].date
                });
                if !met {
                    let mut ev = events.list[index].clone();
                    ev.counterpart = Some(p);
                    ev.mentions = vec![(tok.start, tok.end)];
                    events.list.push(ev);
                }
            }
        }
    }
    // The article's first event, when its sentences give no date, is dated by the head of the text.
    if let Some(first) = events.list.first_mut()
        && first.date.is_none()
        && !first.framed
    {
        let start = body_start(text);
        first.date = first_date(
            &unstamped(&text[start..floor(text, start + HEAD)]),
            cx.published,
        );
    }
    events.mentions.sort_by_key(|m| m.0);
    // Mentioned most: in the most sentences ("the plenum … elected" is one report of the plenum).
    let mut reports = vec![0usize; events.list.len()];
    let mut last_sentence = vec![usize::MAX; events.list.len()];
    for &(_, s, ev) in &events.mentions {
        if last_sentence[ev] != s {
            last_sentence[ev] = s;
            reports[ev] += 1;
        }
    }
    events.main = (0..events.list.len()).max_by_key(|&i| (reports[i], std::cmp::Reverse(i)));
    events
}

impl Events {
    /// `caption`: for a current post presented at `at` on a caption or a headline line
    /// ([`crate::rules::caption_line`]), the event of the first of the person's `later` mentions in the body
    /// whose sentence reports one ("President A (left) and Indian Prime Minister B. (Credit: VNA)" … "A held talks
    /// with Prime Minister B": the talks). None when `at` is in the body, or no later mention's sentence reports
    /// an event.
    pub(crate) fn after_caption(
        &self,
        text: &str,
        sentences: &Sentences,
        at: usize,
        past: bool,
        later: impl IntoIterator<Item = usize>,
    ) -> Option<usize> {
        if past || !crate::rules::caption_line(text, sentences, at) {
            return None;
        }
        later
            .into_iter()
            .filter(|&m| !crate::rules::caption_line(text, sentences, m))
            .find_map(|m| self.in_sentence(text, sentences, m))
    }

    /// The event of the report that governs a mention at `at` in its sentence: the last one mentioned before it
    /// ("held talks with President A, visited B": the talks are A's), else the first after it (its subject's).
    fn in_sentence(&self, text: &str, sentences: &Sentences, at: usize) -> Option<usize> {
        let (s, e) = sentences.around(text, at);
        let from = self.mentions.partition_point(|&(m, _, _)| m < s);
        let to = self.mentions.partition_point(|&(m, _, _)| m < e);
        let split = self
            .mentions
            .partition_point(|&(m, _, _)| m < at)
            .clamp(from, to);
        self.mentions[from..split]
            .last()
            .or_else(|| self.mentions[split..to].first())
            .map(|&(_, _, ev)| ev)
    }

    /// The event a relation whose evidence starts at `at` belongs to (see the module's documentation).
    pub(crate) fn event_of(
        &self,
        text: &str,
        sentences: &Sentences,
        grammar: &crate::gazetteer::Grammar,
        at: usize,
        past: bool,
        appointee: bool,
    ) -> Option<usize> {
        if self.list.is_empty() {
            return None;
        }
        // `mentions` are in text order: the sentence's are one slice of them.
        let (s, e) = sentences.around(text, at);
        let from = self.mentions.partition_point(|&(m, _, _)| m < s);
        let to = self.mentions.partition_point(|&(m, _, _)| m < e);
        let nearest = self.in_sentence(text, sentences, at);
        // A person presented in a sentence that only plans an event ("He will meet Party chief X") is presented at
        // none: not at the paragraph's or the article's event.
        let planned_here = {
            let k = self.planned.partition_point(|&p| p < s);
            self.planned.get(k).is_some_and(|&p| p < e)
        };
        if nearest.is_none() && planned_here {
            return None;
        }
        // A past post belongs only to a relief its own sentence reports: the post given up there (an event of
        // kind other in the sentence; or, when the sentence relieves with a `relieving` word of its own that
        // triggers none, "agreed to relieve A from his duty as …", the relief named last before it). (A post the
        // text styles "former" is passed here as current: `relations::styled_former`.)
        if past {
            let other = |ev: &usize| matches!(self.list[*ev].kind, EventKind::Other);
            return nearest.filter(other).or_else(|| {
                let relieves = grammar
                    .relieving_or_appointing
                    .last_of_each(&text[s..at])
                    .0
                    .is_some();
                let before_at = self.mentions.partition_point(|&(m, _, _)| m < at);
                relieves
                    .then(|| {
                        self.mentions[..before_at]
                            .iter()
                            .rev()
                            .map(|&(_, _, ev)| ev)
                            .find(other)
                    })
                    .flatten()
            });
        }
        // `at-the-occasion`: in a sentence that reports an appointment at a ceremony or conference ("attended a
        // ceremony announcing the decision appointing A as …"), only the appointee's new posts are the
        // appointment's; the others the text presents there (A's present post too) are the ceremony's.
        let occasion = |ev: usize| {
            let kind = self.list[ev].kind;
            (!appointee && kind == EventKind::Appointment)
                .then(|| {
                    self.mentions[from..to]
                        .iter()
                        .filter(|&&(_, _, o)| {
                            matches!(
                                self.list[o].kind,
                                EventKind::Ceremony | EventKind::Conference
                            )
                        })
                        .min_by_key(|&&(m, _, _)| m.abs_diff(at))
                        .map(|&(_, _, o)| o)
                })
                .flatten()
                .unwrap_or(ev)
        };
        if let Some(ev) = nearest {
            return Some(occasion(ev));
        }
        let paragraph = sentences.line(text, at).0;
        let before_at = self.mentions.partition_point(|&(m, _, _)| m < at);
        let before = self.mentions[..before_at]
            .last()
            .filter(|&&(m, _, _)| m >= paragraph)
            .map(|&(_, _, ev)| ev);
        before.or(self.main)
    }
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
    fn without_a_publication_date_a_month_and_day_take_the_one_year_their_sentence_names() {
        assert_eq!(
            resolve_date(
                "On September 26, the Steering Committee opened the 2023 combined defence exercise.",
                None
            )
            .as_deref(),
            Some("2023-09-26")
        );
        // Two years, or a term's years only: no year.
        assert_eq!(
            resolve_date(
                "On May 5, the 2019 plan and the 2020 plan were adopted.",
                None
            ),
            None
        );
        assert_eq!(
            resolve_date("On May 5, he was elected for the 2021-2026 term.", None),
            None
        );
        assert_eq!(resolve_date("On May 5, he spoke.", None), None);
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
            resolve_date("on the 8th of April 2021", None).as_deref(),
            Some("2021-04-08")
        );
        assert_eq!(
            resolve_date(
                "On 31 Dec, at the Provincial Administration Center",
                Some((2020, 1, 2))
            )
            .as_deref(),
            Some("2019-12-31")
        );
        assert_eq!(
            resolve_date("on 5 Sept. 2019", None).as_deref(),
            Some("2019-09-05")
        );
        assert_eq!(
            resolve_date("on Oct. 5, 2019", None).as_deref(),
            Some("2019-10-05")
        );
        assert_eq!(
            resolve_date("on the morning of November 4", Some((2022, 11, 5))).as_deref(),
            Some("2022-11-04")
        );
        assert_eq!(resolve_date("no date here", Some((2023, 1, 1))), None);
        assert_eq!(resolve_date("on February 30, 2023", None), None);
    }

    #[test]
    fn numeric_and_relative_dates() {
        assert_eq!(
            resolve_date("on 18/10/2023 in Hanoi", None).as_deref(),
            Some("2023-10-18")
        );
        assert_eq!(resolve_date("on 31/02/2023", None), None);
        assert_eq!(
            resolve_date("Yesterday, the delegation arrived", Some((2024, 3, 1))).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            resolve_date("The ceremony took place today", Some((2024, 3, 1))).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(resolve_date("yesterday", None), None);
        let tables = crate::gazetteer::Tables::parse(&crate::gazetteer::default_sources())
            .expect("defaults parse");
        let g = &tables.grammar;
        assert_eq!(relative_day(g, "On the same day, he met"), Some(0));
        assert_eq!(relative_day(g, "The following day, he visited"), Some(1));
        assert_eq!(
            relative_day(g, "The two PMs held talks after that."),
            Some(0)
        );
        assert_eq!(relative_day(g, "He met"), None);
        assert_eq!(shift("2024-02-28", 1).as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn a_date_is_in_the_month_or_year_a_sentence_names() {
        assert!(in_period("2019-12-05", "December 2019"));
        assert!(in_period("2019-12-05", "2019"));
        assert!(!in_period("2021-06-03", "December 2019"));
        assert!(!in_period("2019-11-05", "December 2019"));
        assert!(!in_period("2021-06-03", "2016"));
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 11, 27), (1969, 12, 31)] {
            assert_eq!(civil(days(y, m, d)), (y, m, d));
        }
    }
}

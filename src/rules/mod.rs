//! The rules: they turn the matcher's hits into entities and relations.
//!
//! The rules run in one direction over one document:
//! 1. [`names`]: person names (gazetteer officials, names led by a family name, names introduced by a title or
//!    rank, names in capitals), then short mentions ("Lâm") resolved to those persons, and a title with a given
//!    name ("Party chief Lam") resolved to the one official who held that post at the publication date;
//! 2. [`orgs`]: organisation expressions, composed from hosts and bodies ("Party Committee of Hà Nội",
//!    "Military Region 4's Party Committee and Command") and resolved from context ("the Provincial Military
//!    Command"), local bodies hosted by a district, town, commune or ward ([`local`]);
//! 3. [`events`]: the event the article reports, its date and place;
//! 4. [`relations`]: title chains parsed, then attached to names by named rules tried in order (title before
//!    name, name then titles, shared titles, signatures, appositives, lists of posts, "respectively",
//!    appointments), then settled: a body resolved from context takes the host of the person's earlier relation
//!    with it, dated and reported-dead posts turn past, duplicates go;
//! 5. [`link`]: a name that several officials bear, linked to one of them when the stated relations or the
//!    publication date decide;
//! 6. [`documents`]: resolutions, decrees and laws.
//!
//! Each rule has an id (`"title-before-name"`) that the output records.

pub(crate) mod documents;
pub(crate) mod events;
pub(crate) mod link;
pub(crate) mod local;
pub(crate) mod names;
pub(crate) mod orgs;
pub(crate) mod relations;
pub(crate) mod sentences;
pub(crate) mod syllable;

use crate::gazetteer::{Tables, days_in_month};
use crate::matcher::Hit;
use crate::roster::Roster;
use arrayvec::ArrayString;
use unicode_segmentation::UnicodeSegmentation;

/// A regular expression of the rules, with room for the states of its lazy DFA. With `regex`'s default room
/// (2 MB), the states that word classes such as `\p{L}` need over an archive's many texts overflow it, and the cache
/// is cleared and rebuilt over and over; the larger room is filled once and then reused.
pub(crate) fn regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .build()
}

/// The words between two tokens, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Only spaces.
    Adjacent,
    /// A comma.
    Comma,
    /// "and".
    And,
    /// ", and".
    CommaAnd,
    /// "of" or "of the".
    Of,
    /// "in" or "in the".
    In,
    /// "'s".
    Possessive,
    /// A colon that opens a list ("two new Politburo members: A and B").
    Colon,
    /// A line break and nothing else.
    Newline,
    /// "; and": the last item of a list of posts ("…, Chairman of the Gia Lai People's Council; and Secretary of
    /// …"), or a clause of its own ("… has become Minister of Finance; and Director X is now …").
    SemicolonAnd,
    /// A sentence boundary.
    Sentence,
    /// Anything else.
    Other,
}

impl Gap {
    /// Whether the gap ends a clause: a sentence boundary, or "; and".
    pub(crate) fn ends_clause(self) -> bool {
        matches!(self, Gap::Sentence | Gap::SemicolonAnd)
    }
}

/// Whether `hay` holds `needle`, ASCII case ignored: only where its first letter stands, in either case.
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return false;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h)
        .any(|i| h.len() - i >= n.len() && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Classifies the text between two tokens. `prev_abbrev` is true when the token before ends in an
/// abbreviation's full stop ("Lt. Gen."), which ends no sentence.
pub(crate) fn gap(text: &str, prev_abbrev: bool, next: &str) -> Gap {
    // `prev_abbrev` matters only where the gap holds a full stop: see `ends_sentence`.
    let t = text.trim();
    if t.is_empty() {
        // A blank line parts paragraphs; one line break parts a signature's name from its title.
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        return match lines {
            0 => Gap::Adjacent,
            1 => Gap::Newline,
            _ => Gap::Sentence,
        };
    }
    // A term right after a token is read as if it were not there: "Member of the Standing Committee of the Ha Nam
    // Provincial Party Committee for the 2020 - 2025 term, Permanent Vice Chairman of …" is a comma.
    if let Some(rest) = strip_term(t) {
        return if rest.is_empty() {
            Gap::Adjacent
        } else {
            gap(&format!(" {rest} "), false, next)
        };
    }
    // "Party Secretary of the central province of Quang Ngai": the place's description reads as "of".
    if let Some(rest) = t.strip_prefix("of the ")
        && let Some(kind) = rest.strip_suffix(" of")
        && kind
            .split(' ')
            .all(|w| PLACE_DESCRIPTION.contains(&w.to_ascii_lowercase().as_str()))
        && kind.split(' ').any(|w| matches!(w, "province" | "city"))
    {
        return Gap::Of;
    }
    // An aside in brackets right after a token is read as if it were not there: "Deputy Secretary of the Gia Lai
    // Party Committee (term 2011-2015), Chairman of …" is a comma.
    if let Some(rest) = t.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && close <= 60
        && !rest[..close].contains(['(', '\n'])
    {
        let after = rest[close + 1..].trim_start();
        return if after.is_empty() {
            Gap::Adjacent
        } else {
            gap(&format!(" {after} "), false, next)
        };
    }
    // Styles between a title and a name read as nothing: "Cambodian PM Samdech Techo Hun Sen". A bracket that
    // closes an aside holding a token reads as nothing too: "National Assembly (NA) General Secretary".
    // A title in brackets after a name reads as an appositive: "Mr. Le Hoang Quan (chairman), Mrs. …".
    if t == "(" {
        return Gap::Comma;
    }
    // Not across a line break: "(Source: VNA)⏎Prime Minister …" is a caption's credit, then a new line.
    if t == ")" && text.contains('\n') {
        return Gap::Sentence;
    }
    if t == ")" || t.split_whitespace().all(|w| STYLES.contains(&w)) {
        return Gap::Adjacent;
    }
    // An age or a year of birth between a name and its titles reads as a comma: "Tran Sy Thanh, 51, Deputy
    // Secretary of …", "Nguyen Thanh Truc, born in 1965, Director of …", "…, aged 58, …".
    if let Some(age) = t.strip_prefix(',').and_then(|r| r.strip_suffix(','))
        && is_age(age.trim())
    {
        return Gap::Comma;
    }
    // The short forms below, once ordinals and articles are dropped, are never longer than this.
    let lower = if t.len() <= 32 {
        normalise_gap(t)
    } else {
        ArrayString::new()
    };
    // An appositive's article and adjectives read as a comma: "Pham Hoai Nam, the newly-appointed Deputy Defence
    // Minister".
    let lower = match lower.strip_prefix(',') {
        Some(rest)
            if !rest.trim().is_empty()
                && rest
                    .split_whitespace()
                    .all(|w| APPOSITIVE_WORDS.contains(&w)) =>
        {
            ArrayString::from(",").expect("fits")
        }
        _ => lower,
    };
    match lower.as_str() {
        // Only a place word: "People's Committee of Quang Tri Province Le Van Binh".
        "" if t.len() <= 32 => return Gap::Adjacent,
        // A dash between a name and its titles reads as a comma: "Nguyen Van A - Secretary of …".
        "," | "-" | "\u{2013}" | "\u{2014}" => return Gap::Comma,
        // "Secretary cum Chairman of …", "Deputy Minister, concurrently Director of …": two posts of one person,
        // each with its own organisation.
        "cum" | ", cum" | ",cum" | "concurrently" | ", concurrently" | ",concurrently"
        | "and concurrently" | ", and concurrently" | ",and concurrently" => return Gap::Comma,
        // "Secretary of the Party Committee of and Director of the Department of …": the first body's owner is the
        // second's, and the two posts are one person's.
        "and" | "and the" | "of and" => return Gap::And,
        // "…, Chairman of the Gia Lai People's Council; and Secretary of …": the last item of a list.
        ", and" | ",and" | ", and the" => return Gap::CommaAnd,
        "; and" | ";and" | "; and the" => return Gap::SemicolonAnd,
        // "Chairman of its Commission for Policies and Strategies": the owner's body is named in full after it.
        // "Commander the Gia Lai Military Headquarters": an "of" a translation dropped.
        // "Secretary of the old Ha Giang Provincial Party Committee", "… of the new Tuyen Quang province": a body
        // before or after a merger of provinces.
        // "member of the 10th tenure Politburo": the ordinal is dropped, the tenure describes the body.
        "of" | "of the" | "of its" | "of their" | "the" | "of the old" | "of the new"
        | "of the tenure" | "of the term" => {
            return Gap::Of;
        }
        "in" | "in the" => return Gap::In,
        "'s" | "\u{2019}s" | "s'" | "'" | "\u{2019}" => return Gap::Possessive,
        ":" => return Gap::Colon,
        _ => {}
    }
    let blank_line = memchr::memmem::find(text.as_bytes(), b"\n\n").is_some();
    if blank_line || ends_sentence(text, prev_abbrev, next) {
        Gap::Sentence
    } else {
        Gap::Other
    }
}

/// Whether an aside is an age or a year of birth: "51", "aged 51", "born in 1965", "born 1965".
fn is_age(aside: &str) -> bool {
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let words: ArrayVecWords = aside.split_whitespace().take(4).collect();
    match words.as_slice() {
        [n] => digits(n, 1..=3),
        ["aged", n] => digits(n, 1..=3),
        ["born", y] | ["born", "in", y] => digits(y, 4..=4),
        _ => false,
    }
}

/// An aside's first words, without allocating when it is short.
type ArrayVecWords<'a> = smallvec::SmallVec<[&'a str; 4]>;

/// A gap's words in lower case without ordinals and indefinite articles: "of the 16th" reads as "of the",
/// ", a" as ",". `t` is at most 32 bytes long (longer gaps are none of the short forms), so nothing is allocated.
fn normalise_gap(t: &str) -> ArrayString<64> {
    let mut out = ArrayString::new();
    let mut word = ArrayString::<64>::new();
    for w in t.split_whitespace() {
        word.clear();
        if word.try_push_str(w).is_err() {
            break;
        }
        word.make_ascii_lowercase();
        let mut l: &str = &word;
        // "Nghe An province," and "Binh Phuoc province's" read as "," and "'s".
        for place_word in ["province", "city"] {
            if let Some(rest) = l.strip_prefix(place_word)
                && matches!(rest, "," | "'s" | "\u{2019}s")
            {
                l = rest;
            }
        }
        let ordinal = l.len() > 2
            && ["st", "nd", "rd", "th"].iter().any(|s| l.ends_with(s))
            && l[..l.len() - 2].bytes().all(|b| b.is_ascii_digit());
        // An honorific before a name reads as nothing: ", Mr Nguyen Xuan Anh," is ", Nguyen Xuan Anh,".
        let honorific = |w: &str| HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(w));
        if honorific(l.trim_end_matches('.')) {
            continue;
        }
        // "of the municipal PC": a level word before an abbreviation reads as nothing; so does what a body has
        // newly become ("Secretary of the newly reorganised Luc Ngan District Party Committee"). A full member is
        // a member: "alternate member in the 6th tenure and official member in the 7th".
        if ordinal
            || matches!(
                l,
                "a" | "an" | "province" | "city" | "municipal" | "provincial" | "official"
            )
            || BODY_CHANGES.contains(&l)
        {
            continue;
        }
        let space = !out.is_empty() && !l.starts_with(',');
        if (space && out.try_push(' ').is_err()) || out.try_push_str(l).is_err() {
            break;
        }
    }
    out
}

/// Words between a title's "of the" and its body that say what the body has newly become: they read as nothing.
const BODY_CHANGES: [&str; 10] = [
    "newly",
    "reorganised",
    "reorganized",
    "merged",
    "newly-merged",
    "newly-established",
    "newly-reorganised",
    "established",
    "restructured",
    "consolidated",
];

/// Words that describe a province or city before "of" and its name: "the central province of Quang Ngai".
const PLACE_DESCRIPTION: [&str; 14] = [
    "province",
    "city",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "south-central",
    "north-central",
    "mountainous",
];

/// The rest of a gap after a term it opens with ("for the 2020 - 2025 term", "in the 2021–2026 tenure",
/// "(term 2015-2020)" is an aside), or None when it opens with none.
pub(crate) fn strip_term(t: &str) -> Option<&str> {
    // A term is at most five words ("for the 2020 - 2025 term"), or a list of tenures' ordinals ("of the 6th,
    // 7th, 8th, 9th, 10th and 11th tenures"): read no further, and allocate nothing, since every gap between two
    // tokens comes here first. A term has a digit: most gaps have none.
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut words = [""; 14];
    let mut n = 0;
    for w in t.split_whitespace().take(words.len()) {
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    let mut k = 0;
    if words
        .first()
        .is_some_and(|w| matches!(*w, "for" | "in" | "of"))
    {
        k += 1;
    }
    if words.get(k) == Some(&"the") {
        k += 1;
    }
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let dash = |w: &str| matches!(w, "-" | "\u{2013}" | "\u{2014}");
    // "2020-2025", "2020 - 2025", "2020–2025".
    let ordinal = |w: &str| {
        let w = w.trim_end_matches(',');
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
    };
    let ordinals = words[k.min(words.len())..]
        .iter()
        .take_while(|w| ordinal(w) || **w == "and")
        .count();
    // "for the new term 2021 - 2026", "term 2020-2025": the noun before the years.
    if let Some(after) = noun_first_term(t, &words[k.min(words.len())..], year, dash) {
        return Some(after);
    }
    let range_end = match words.get(k..) {
        Some([a, d, b, ..]) if year(a) && dash(d) && year(b) => k + 3,
        Some([r, ..]) if r.split(['-', '\u{2013}']).filter(|y| year(y)).count() == 2 => k + 1,
        // "in the 6th tenure", "of the 8th, 9th, 10th and 11th terms", after a preposition.
        Some([first, ..]) if k >= 2 && ordinal(first) => k + ordinals,
        _ => return None,
    };
    let noun = words.get(range_end)?.trim_end_matches([',', ';']);
    let plural_ok = range_end > k + 1 && ordinal(words[k]);
    if !(matches!(noun, "term" | "tenure") || plural_ok && matches!(noun, "terms" | "tenures")) {
        return None;
    }
    // The rest, from the byte after the noun.
    let mut at = 0;
    for w in words[..range_end].iter().chain([&noun]) {
        at = t[at..].find(w).map(|i| at + i + w.len())?;
    }
    let rest = t[at..].trim();
    // "member of the 10th tenure Politburo": the tenure describes the body after it; "of" stays.
    if rest.is_empty() && words[0] == "of" && ordinal(words[k]) {
        return None;
    }
    Some(rest)
}

/// A term whose noun comes before its years ("new term 2021 - 2026", "tenure 2020-2025"), as `words` (from the
/// term's first word on) of `t`: the rest of `t` after it.
fn noun_first_term<'t>(
    t: &'t str,
    words: &[&str],
    year: impl Fn(&str) -> bool,
    dash: impl Fn(&str) -> bool,
) -> Option<&'t str> {
    let mut k = usize::from(
        words
            .first()
            .is_some_and(|w| matches!(*w, "new" | "next" | "current")),
    );
    if !words
        .get(k)
        .is_some_and(|w| matches!(*w, "term" | "tenure"))
    {
        return None;
    }
    k += 1;
    let last = match words.get(k..)? {
        [a, d, b, ..] if year(a) && dash(d) && year(b.trim_end_matches([',', ';', '.'])) => b,
        [r, ..]
            if r.trim_end_matches([',', ';', '.'])
                .split(['-', '\u{2013}'])
                .filter(|y| year(y))
                .count()
                == 2 =>
        {
            r
        }
        _ => return None,
    };
    // The rest, from the byte after the years (a comma after them stays).
    let last = last.trim_end_matches([',', ';', '.']);
    let mut at = 0;
    for w in words[..k].iter().chain([&last]) {
        at = t[at..].find(*w).map(|i| at + i + w.len())?;
    }
    Some(t[at..].trim())
}

/// Words between a name's comma and its title that leave an appositive ("X, the newly-appointed Minister").
const APPOSITIVE_WORDS: [&str; 14] = [
    "the",
    "newly-appointed",
    "newly-elected",
    "newly-promoted",
    "newly",
    "appointed",
    "elected",
    "promoted",
    "new",
    "incumbent",
    "current",
    "outgoing",
    "both",
    "all",
];

/// Styles of address that stand between a title and a name and read as nothing ("Samdech Techo Hun Sen", "King
/// Father Norodom Sihanouk"): the gaps read them so, and title-names start after them.
pub(crate) const STYLES: [&str; 15] = [
    "Samdech",
    "Techo",
    "Thipadei",
    "Akka",
    "Moha",
    "Sena",
    "Padei",
    "Dato'",
    "Datuk",
    "Seri",
    "Tun",
    "Pehin",
    "H.E.",
    "Excellency",
    "Father",
];

/// Abbreviations before a name whose full stop ends no sentence (ranks' abbreviations are gazetteer items).
const HONORIFICS: [&str; 7] = ["Mr", "Ms", "Mrs", "Dr", "Prof", "Mme", "Messrs"];

/// True when a sentence boundary (UAX #29) falls inside `gap`, the text between two tokens. A semicolon or a
/// blank line ends a clause too. Only a few characters around each full stop, question or exclamation mark and
/// line break are segmented: a gap can be a whole paragraph, and the rules decide from close context.
fn ends_sentence(gap: &str, prev_abbrev: bool, next: &str) -> bool {
    if gap.contains(';') || plain_sentence_end(gap) {
        return true;
    }
    segmented_sentence_end(gap, prev_abbrev, next)
}

/// Whether `gap` holds the commonest sentence end, which needs no segmenter: a word of lower-case letters (or the
/// gap's start), a full stop, question or exclamation mark, spaces and an upper-case letter ("… in the country.
/// The …", ". The " after a token). UAX #29 breaks
/// before the upper-case letter there (SB11: SB7 needs an upper-case letter before the mark, SB8 a lower-case one
/// after it), and the word is no honorific (`HONORIFICS` are capitalised), so `segmented_sentence_end` would find
/// the same boundary.
fn plain_sentence_end(gap: &str) -> bool {
    let b = gap.as_bytes();
    memchr::memchr3_iter(b'.', b'!', b'?', b).any(|p| {
        let word = b[..p].rsplit(|&c| c == b' ').next().unwrap_or(&[]);
        let spaces = b[p + 1..].iter().take_while(|&&c| c == b' ').count();
        let q = p + 1 + spaces;
        // A mark first in the gap follows a token, which the segmenter does not see.
        (p == 0 || !word.is_empty() && word.iter().all(u8::is_ascii_lowercase))
            && spaces > 0
            // Within the few characters after the mark that the segmenter reads.
            && q <= p + 11
            && b.get(q).is_some_and(u8::is_ascii_uppercase)
    })
}

/// `ends_sentence` by the Unicode sentence rules, run on a window around each mark and line break.
fn segmented_sentence_end(gap: &str, prev_abbrev: bool, next: &str) -> bool {
    let trimmed_start = gap.len() - gap.trim_start().len();
    let mut window = String::new();
    for (p, _) in gap.match_indices(['.', '!', '?', '\n']) {
        let ws = char_floor(gap, p.saturating_sub(24));
        let we = char_floor(gap, (p + 12).min(gap.len()));
        let we = if we <= p { gap.len().min(p + 1) } else { we };
        window.clear();
        mask_honorifics(&gap[ws..we], &mut window);
        // At the end of the gap, the first character of what follows shows a boundary there.
        let at_end = we == gap.len();
        if at_end && let Some(c) = next.chars().next() {
            window.push(c);
        }
        let inner = we - ws;
        let found = window.split_sentence_bound_indices().any(|(i, _)| {
            let at = ws + i;
            i > 0
                && at > p
                && (i < inner || at_end)
                && at <= gap.len()
                && !(prev_abbrev && gap[..at].trim().is_empty() && at > trimmed_start)
        });
        if found {
            return true;
        }
    }
    false
}

/// The greatest character boundary of `s` at or before `i`.
pub(crate) fn char_floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The last `n` bytes of `s` or a few more, from a character boundary: what the rules read before a token, never
/// the whole text before it.
pub(crate) fn tail(s: &str, n: usize) -> &str {
    &s[char_floor(s, s.len().saturating_sub(n))..]
}

/// Copies `text` into `out` with an honorific's full stop ("Mr. Nguyen") read as a space (same length), as it
/// ends no sentence.
fn mask_honorifics(text: &str, out: &mut String) {
    for (n, w) in text.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        match w.strip_suffix('.') {
            Some(h) if HONORIFICS.contains(&h) => {
                out.push_str(h);
                out.push(' ');
            }
            _ => out.push_str(w),
        }
    }
}

/// Whether the line around `at` is a caption: short, and not ended as a sentence is.
pub(crate) fn caption_line(text: &str, sentences: &sentences::Sentences, at: usize) -> bool {
    let (start, end) = sentences.line(text, at);
    let line = text[start..end].trim();
    line.len() < 150 && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201D}'])
}

/// The publication date: the caller's, else a leading `date YYYY-MM-DD` line of the text.
pub(crate) fn publication_date(
    text: &str,
    given: Option<(i32, u32, u32)>,
) -> Option<(i32, u32, u32)> {
    // An impossible date given is ignored, as if none were given.
    if let Some((y, m, d)) = given
        && is_date(y, m, d)
    {
        return given;
    }
    let head = text.trim_start();
    let rest = head.strip_prefix("date ")?;
    let d = rest.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = d[..4].parse().ok()?;
    let m = d[5..7].parse().ok()?;
    let day = d[8..10].parse().ok()?;
    is_date(y, m, day).then_some((y, m, day))
}

/// Whether (year, month, day) is a day of the calendar in the years news can be from (1000–9999): dates outside
/// them would only overflow the date arithmetic.
fn is_date(y: i32, m: u32, d: u32) -> bool {
    (1000..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Everything the rules share about one document.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) tables: &'a Tables,
    pub(crate) roster: &'a Roster,
    pub(crate) hits: &'a [Hit],
    pub(crate) published: Option<(i32, u32, u32)>,
    /// Sentence, line and clause boundaries, found once per text.
    pub(crate) sentences: &'a sentences::Sentences,
    /// The gaps read so far, by their span (see [`Context::gap`]).
    pub(crate) gaps: std::cell::RefCell<crate::hash::HashMap<(usize, usize), Gap>>,
}

impl Context<'_> {
    /// The gap between a token that ends at `from` and one that starts at `to`, read once per text: organisations,
    /// chains and attachment rules ask for the same gaps.
    pub(crate) fn gap(&self, from: usize, to: usize) -> Gap {
        if let Some(&g) = self.gaps.borrow().get(&(from, to)) {
            return g;
        }
        let text = self.text;
        let g = gap(&text[from..to], text[..from].ends_with('.'), &text[to..]);
        self.gaps.borrow_mut().insert((from, to), g);
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Wherever the plain form is found, the segmenter finds a boundary too, whatever surrounds it.
        #[test]
        fn the_plain_form_never_claims_what_the_segmenter_denies(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", ".", "!", "?", "word", "Word", "Mr", "Dr.", "U.S", "2020", "p.m", "(", ")", "\"",
                    "\u{201D}", ",", "\n", "Hà", "đó", "\u{a0}",
                ]),
                0..14,
            ),
            prev_abbrev: bool,
            next in proptest::sample::select(vec!["N", "n", "", "1", "("]),
        ) {
            let gap: String = pieces.concat();
            if plain_sentence_end(&gap) {
                proptest::prop_assert!(segmented_sentence_end(&gap, prev_abbrev, next), "{:?}", gap);
            }
        }
    }

    #[test]
    fn terms_and_lists_of_tenures_are_asides() {
        assert_eq!(strip_term("for the 2020 - 2025 term, "), Some(","));
        assert_eq!(
            strip_term("of the 6th, 7th and 8th tenures and a"),
            Some("and a")
        );
        assert_eq!(
            strip_term("for the 8th, 9th, 10th and 11th terms"),
            Some("")
        );
        assert_eq!(strip_term("of the 10th tenure"), None);
        assert_eq!(strip_term("in the 6th tenure and"), Some("and"));
        // One ordinal and a plural noun, or no preposition before the ordinals: no term.
        assert_eq!(strip_term("of the 8th terms"), None);
        assert_eq!(strip_term("6th, 7th tenures"), None);
        assert_eq!(strip_term("of the 2nd Military Region"), None);
        // The noun before the years.
        assert_eq!(
            strip_term("for the new term 2021 - 2026, including"),
            Some(", including")
        );
        assert_eq!(strip_term("term 2020-2025,"), Some(","));
        assert_eq!(strip_term("for the new term of office"), None);
    }

    #[test]
    fn plain_sentence_ends_are_what_the_segmenter_finds() {
        let plain = [
            " in the country. The ",
            " said. He ",
            " delegation?  Yes ",
            ", the meeting heard. Deputy ",
            " ceremony! General ",
            ". The ",
        ];
        for gap in plain {
            assert!(plain_sentence_end(gap), "{gap:?}");
            assert!(segmented_sentence_end(gap, false, "N"), "{gap:?}");
            assert!(segmented_sentence_end(gap, true, "N"), "{gap:?}");
        }
        // Not the plain form: an honorific, a capital or a number before the mark, lower case after it, a mark
        // too far from the next word. The segmenter decides these.
        for gap in [
            " and Mr. ",
            " with Dr. Le ",
            " the U.S. The ",
            " in 2020. The ",
            " at 5 p.m. on ",
            " said. he ",
            " said.            The ",
        ] {
            assert!(!plain_sentence_end(gap), "{gap:?}");
        }
        assert!(!segmented_sentence_end(" and Mr. ", false, "Nguyen"));
    }

    #[test]
    fn gaps() {
        assert_eq!(gap(" ", false, "N"), Gap::Adjacent);
        assert_eq!(gap(", ", false, "N"), Gap::Comma);
        assert_eq!(gap(", and ", false, "N"), Gap::CommaAnd);
        assert_eq!(gap(" of the ", false, "H"), Gap::Of);
        assert_eq!(gap(" of the 16th ", false, "p"), Gap::Of);
        assert_eq!(gap(", a ", false, "m"), Gap::Comma);
        assert_eq!(gap("’s ", false, "P"), Gap::Possessive);
        assert_eq!(gap(": ", false, "D"), Gap::Colon);
        assert_eq!(gap(" - ", false, "S"), Gap::Comma);
        assert_eq!(gap(", 51, ", false, "D"), Gap::Comma);
        assert_eq!(gap(" (term 2011-2015), ", false, "C"), Gap::Comma);
        assert_eq!(gap(" (VPA) ", false, "C"), Gap::Adjacent);
        assert_eq!(gap(") ", false, "G"), Gap::Adjacent);
        assert_eq!(gap(", the newly-appointed ", false, "D"), Gap::Comma);
        assert_eq!(gap(", the ", false, "D"), Gap::Comma);
        assert_eq!(gap(" cum ", false, "C"), Gap::Comma);
        assert_eq!(gap(" for the 2020 - 2025 term, ", false, "P"), Gap::Comma);
        assert_eq!(gap(" for the 2021–2026 tenure ", false, "S"), Gap::Adjacent);
        assert_eq!(gap(" of the central province of ", false, "Q"), Gap::Of);
        assert_eq!(gap(" for the sake of ", false, "Q"), Gap::Other);
        assert_eq!(gap(", concurrently ", false, "D"), Gap::Comma);
        assert_eq!(gap(" Samdech Techo ", false, "H"), Gap::Adjacent);
        assert_eq!(gap(" province, ", false, "C"), Gap::Comma);
        assert_eq!(gap(" province's ", false, "P"), Gap::Possessive);
        assert_eq!(gap(" Province ", false, "L"), Gap::Adjacent);
        assert_eq!(gap(" of its ", false, "C"), Gap::Of);
        assert_eq!(gap(" (", false, "c"), Gap::Comma);
        assert_eq!(
            gap(" (term 2016-2021); and ", false, "S"),
            Gap::SemicolonAnd
        );
        assert_eq!(gap("; ", false, "S"), Gap::Sentence);
        assert_eq!(gap(", 2051, ", false, "D"), Gap::Other);
        assert_eq!(gap(" – ", false, "S"), Gap::Comma);
        assert_eq!(gap("\n", false, "P"), Gap::Newline);
        assert_eq!(gap("\n\n", false, "P"), Gap::Sentence);
        assert_eq!(gap(". The ", false, "H"), Gap::Sentence);
        assert_eq!(gap(" said that ", false, "H"), Gap::Other);
        // An honorific's full stop ends no sentence; a full stop before one does.
        assert_eq!(gap(" and Mr. ", false, "Nguyen"), Gap::And);
        assert_eq!(gap(", Mr ", false, "Nguyen"), Gap::Comma);
        assert_eq!(gap(". Mr. ", false, "Nguyen"), Gap::Sentence);
        // An abbreviation's full stop ends no sentence.
        assert_eq!(gap(" ", true, "T"), Gap::Adjacent);
    }

    #[test]
    fn publication_date_from_a_leading_line() {
        assert_eq!(
            publication_date(" date 2023-10-19 A conference", None),
            Some((2023, 10, 19))
        );
        assert_eq!(
            publication_date("date 2024-11-27\nHÀ NỘI", None),
            Some((2024, 11, 27))
        );
        assert_eq!(publication_date("The meeting", None), None);
        assert_eq!(publication_date("date 2024-13-01", None), None);
        assert_eq!(publication_date("date 2023-02-29", None), None);
        assert_eq!(
            publication_date("date 2024-02-29", None),
            Some((2024, 2, 29))
        );
        assert_eq!(publication_date("x", Some((2024, 13, 45))), None);
        assert_eq!(publication_date("x", Some((i32::MAX, 1, 1))), None);
        assert_eq!(
            publication_date("date 2024-01-02", Some((2024, 2, 30))),
            Some((2024, 1, 2))
        );
        assert_eq!(
            publication_date("x", Some((2020, 1, 2))),
            Some((2020, 1, 2))
        );
    }
}

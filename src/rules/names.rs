//! Person names.
//!
//! Rules, in order:
//! - `gazetteer-person`: a name or alias of a known official, in capitalised words;
//! - `family-name`: a Vietnamese family name followed by one to four capitalised syllables ("Nguyễn Văn Nên",
//!   "VU HONG ANH"), unless a word like "River" or "Street" follows (then it names a place or a thing). A word
//!   that spells no syllable of a name (Vietnamese, or Chinese in pinyin: `syllable`) ends the name ("Hoang Thuy
//!   September", "HOANG TRUNG HAI HAS BEEN NAMED"). In capitals, where every word is capitalised, so do the
//!   English words of `grammar.tsv`'s `capitals-not-name` ("… MET VOTERS"), and the longest part of the run that
//!   the gazetteer knows wins ("NGUYEN THI KIM NGAN AND MR …");
//! - `title-name`: two or three capitalised words (a middle initial allowed) right after a title or rank, or after
//!   the country a post is to, followed by a word in lower case or punctuation ("General Martin Dempsey",
//!   "Defence Minister Wei Fenghe", "US Ambassador to Vietnam Marc E. Knapper"), or after the body the title
//!   names ("Chairman of the Standing Committee of the National People's Congress of China Zhao Leji"); in
//!   capitals, only words that spell syllables of a name ("MINISTER OF THE …" introduces no "Of The");
//! - `name-before-title`: two to four capitalised words that no gazetteer knows right before `", <title>"` ("…
//!   received Shin Jung Hoon, Chairman of …");
//! - `credit`: a photographer's or reporter's name in a credit line, a given name alone too ("Photo: Thanh Cong",
//!   "Translated by Ngoc Huynh");
//! - short mentions: the given name alone ("Lâm", "General Nghia"), when it belongs to exactly one person of the
//!   document, is one more mention of that person, never a person of its own (mentions carry no rule id);
//! - `post-holder`: a title or rank and a given name that no person of the document bears ("Party chief Lam",
//!   "General Giang"), when exactly one official of the gazetteer fits: one with that given name who held the
//!   title's post at the publication date (without a date: ever), or who bears that rank.
//!
//! A name that several officials bear (homonyms) links to one of them only when its spelling with diacritics
//! decides; otherwise the person keeps the candidates, for [`super::link`] to decide from the document's
//! relations and date.

use crate::fold::{fold_str, fold_word};
use crate::gazetteer::{Cue, TitleOrg};
use crate::hash::HashMap;
use crate::matcher::{Entry, Hit};
use crate::roster::{held_on, same_role};
use crate::rules::syllable::is_name_syllable;
use crate::rules::{Context, STYLES};

/// Whether the word right before `start` is a house number: a digit first and a slash in it ("7/36/C1", "12/4").
fn house_number_before(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return false;
    }
    let word = trimmed
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(trimmed);
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.contains('/')
        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/')
}

/// A mention of a person in the text.
#[derive(Debug, Clone)]
pub(crate) struct NameMention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Index into [`Names::persons`].
    pub(crate) person: usize,
}

/// A person of the document, before output.
#[derive(Debug, Clone)]
pub(crate) struct NamedPerson {
    pub(crate) name: String,
    pub(crate) key: String,
    pub(crate) official: Option<usize>,
    /// The officials a name may mean when several bear it and nothing has decided yet.
    pub(crate) candidates: Vec<usize>,
    pub(crate) rule: &'static str,
}

/// The persons of a document and their mentions, in text order.
#[derive(Debug, Default)]
pub(crate) struct Names {
    pub(crate) persons: Vec<NamedPerson>,
    pub(crate) mentions: Vec<NameMention>,
}

/// Whether a hit can sit inside a person's name (a family name can be a middle or given name: "Nguyễn Thị Lê").
fn name_like(hit: &Hit) -> bool {
    hit.entries
        .iter()
        .all(|e| matches!(e, Entry::FamilyName | Entry::Official(_)))
}

/// A one-word place ("Huệ", "Vinh") or country adjective ("Thai") that can stand inside a name.
fn syllable_like(hit: &Hit, text: &str) -> bool {
    name_like(hit)
        || (hit
            .entries
            .iter()
            .all(|e| matches!(e, Entry::Place(_) | Entry::FamilyName | Entry::Demonym(_)))
            && !text[hit.start..hit.end].contains(' '))
}

/// The capitalised word starting at `at`, if any: letters only (a Vietnamese syllable or an English name).
fn word_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // Letters, ASCII ones byte by byte.
    let bytes = rest.as_bytes();
    let mut len = 0;
    while len < bytes.len() {
        if bytes[len].is_ascii_alphabetic() {
            len += 1;
        } else if bytes[len].is_ascii() {
            break;
        } else {
            match rest[len..].chars().next() {
                Some(c) if c.is_alphabetic() => len += c.len_utf8(),
                _ => break,
            }
        }
    }
    if len == 0 { None } else { Some(at + len) }
}

/// One space (or no-break space) after `at`: the offset of the next word.
fn after_space(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    if rest.starts_with(' ') && !rest[1..].starts_with(' ') {
        Some(at + 1)
    } else if rest.starts_with('\u{a0}') {
        Some(at + 2)
    } else {
        None
    }
}

/// Title-cases a name written in capitals ("VU HONG ANH" → "Vu Hong Anh"); other names are kept as written.
fn display(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Names {
    fn person(&mut self, name: String, official: Option<usize>, rule: &'static str) -> usize {
        let key = fold_str(&name);
        if let Some(i) = self.persons.iter().position(|p| p.key == key) {
            if self.persons[i].official.is_none() {
                self.persons[i].official = official;
            }
            return i;
        }
        self.persons.push(NamedPerson {
            name,
            key,
            official,
            candidates: Vec::new(),
            rule,
        });
        self.persons.len() - 1
    }

    /// The person that `surface` names among the officials who bear it: the only one, or the only one spelt
    /// exactly so with diacritics; otherwise an unlinked person that keeps the candidates.
    fn among(&mut self, cx: &Context<'_>, surface: &str, officials: &[usize]) -> usize {
        let spelt: Vec<usize> = officials
            .iter()
            .copied()
            .filter(|&o| {
                let official = &cx.tables.officials[o];
                !surface.is_ascii()
                    && std::iter::once(&official.name)
                        .chain(&official.aliases)
                        .any(|n| n == surface)
            })
            .collect();
        let one = match (officials, spelt.as_slice()) {
            ([o], _) | (_, [o]) => Some(*o),
            _ => None,
        };
        if let Some(o) = one {
            return self.person(
                cx.tables.officials[o].name.clone(),
                Some(o),
                "gazetteer-person",
            );
        }
        let p = self.person(display(surface), None, "gazetteer-person");
        if self.persons[p].official.is_none() {
            for &o in officials {
                if !self.persons[p].candidates.contains(&o) {
                    self.persons[p].candidates.push(o);
                }
            }
        }
        p
    }
}

/// The hit that starts at a byte offset: a binary search over the hits, which are in text order and never share
/// a start (cheaper than a hash map built for every text).
#[derive(Clone, Copy)]
struct Starts<'a>(&'a [Hit]);

impl Starts<'_> {
    /// The index of the hit that starts at `at`.
    fn get(&self, at: &usize) -> Option<usize> {
        self.0.binary_search_by_key(at, |h| h.start).ok()
    }

    fn contains_key(&self, at: &usize) -> bool {
        self.get(at).is_some()
    }
}

/// Finds the persons of a document.
pub(crate) fn find(cx: &Context<'_>) -> Names {
    let text = cx.text;
    let hits = cx.hits;
    let mut names = Names::default();
    // The hit that starts at each word, to stop a name at the next gazetteer item.
    let starts = Starts(hits);
    // A name candidate followed by a cue word ("Tô Lịch River"), or by a local unit's type word, even in lower case
    // and even where a body begins ("Phan Thiet city People's Committee", a `generic` word of `grammar.tsv`), is
    // no person.
    let not_name = |at: usize| -> bool {
        let word = text[at..]
            .split([' ', ',', '.', ';', '\n'])
            .next()
            .unwrap_or("");
        starts
            .get(&at)
            .is_some_and(|j| hits[j].entries.contains(&Entry::Cue(Cue::NotName)))
            || cx
                .tables
                .grammar
                .generic
                .iter()
                .any(|g| g.eq_ignore_ascii_case(word))
    };
    let mut covered_to = 0;
    let mut key = String::new();
    for hit in hits {
        if hit.start < covered_to {
            continue;
        }
        let bearers: Vec<usize> = hit
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Official(o) => Some(*o as usize),
                _ => None,
            })
            .collect();
        let family = hit.entries.contains(&Entry::FamilyName);
        if bearers.is_empty() && !family {
            // A title or rank may introduce a name that no gazetteer knows.
            let introduces = hit
                .entries
                .iter()
                .any(|e| matches!(e, Entry::Title { .. } | Entry::Rank(_)));
            // "US Ambassador to Vietnam Marc E. Knapper": the name follows the country the post is to.
            let from = posted_to(cx, hit.end, &starts, hits).unwrap_or(hit.end);
            if introduces
                && let Some((s, e)) = title_name(text, from, &starts, hits)
                && !capitals_prose(cx, &text[s..e])
                && !names_a_body(cx, &text[s..e])
            {
                let name = display(&text[s..e]);
                let p = names.person(name, None, "title-name");
                names.mentions.push(NameMention {
                    start: s,
                    end: e,
                    person: p,
                });
                covered_to = e;
            }
            continue;
        }
        // Extend over capitalised syllables; `ends[k]` is the end of the name with `k` more words.
        let mut ends = [hit.end; 5];
        let mut words = 0;
        while words < 4 {
            let Some(next) = after_space(text, ends[words]) else {
                break;
            };
            let Some(word_end) = word_at(text, next) else {
                break;
            };
            if let Some(j) = starts.get(&next)
                && !syllable_like(&hits[j], text)
            {
                break;
            }
            // A word that no syllable of a name spells ends the name ("Hoang Thuy September", and in capitals,
            // where every word looks like a name, "HOANG TRUNG HAI HAS BEEN NAMED").
            fold_word(&text[next..word_end], &mut key);
            if !is_name_syllable(&key) {
                break;
            }
            words += 1;
            ends[words] = word_end;
        }
        if in_capitals(&text[hit.start..ends[words]]) {
            match capitals_name(cx, hit.start, &ends[..=words], !bearers.is_empty()) {
                Some(k) => words = k,
                None => continue,
            }
        }
        let end = ends[words];
        // A name of a place or a thing ("Tô Lịch River"), or a street after its house number ("resided at
        // 7/36/C1 Ly Nam De").
        if after_space(text, end).is_some_and(not_name) || house_number_before(text, hit.start) {
            covered_to = end;
            continue;
        }
        let surface = &text[hit.start..end];
        // "ĐỒNG CHÍ NGUYỄN KHẮC THẬN": "đồng chí" (comrade) is a style, not a name; the name starts after it.
        if words >= 2 && fold_str(surface).starts_with("dong chi ") {
            continue;
        }
        let linked = match words {
            0 if bearers.is_empty() => continue,
            0 => &bearers[..],
            _ => cx.roster.named(&fold_str(surface)),
        };
        let p = if linked.is_empty() {
            names.person(display(surface), None, "family-name")
        } else {
            names.among(cx, surface, linked)
        };
        names.mentions.push(NameMention {
            start: hit.start,
            end,
            person: p,
        });
        covered_to = end;
    }
    credits(cx, &mut names);
    names.mentions.sort_by_key(|m| m.start);
    names_before_titles(cx, &starts, &mut names);
    names.mentions.sort_by_key(|m| m.start);
    short_mentions(cx, &mut names);
    names.mentions.sort_by_key(|m| m.start);
    names
}

/// `credit`: the photographer or reporter a credit line names ("Photo: Thanh Cong", "(Photo: VNA/Tuan Anh)",
/// "VNA/VNS Photo Trí Dũng", "Translated by Ngoc Huynh"): after a `credit` word of `grammar.tsv`, a colon and an
/// agency's prefix ("VNA/"), two or three capitalised words that each spell a syllable of a Vietnamese name,
/// ending the line, a bracket or a sentence. Names of a given name only, which the family-name rule cannot find.
fn credits(cx: &Context<'_>, names: &mut Names) {
    let text = cx.text;
    let mut key = String::new();
    for marker in &cx.tables.grammar.credits {
        for i in memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()) {
            let at = i + marker.len();
            let before_ok = text[..at - marker.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok {
                continue;
            }
            // ": ", " ", then an agency's prefix in capitals ("VNA/", "WVR/").
            let rest = text[at..].trim_start_matches([':', ' ']);
            let mut start = text.len() - rest.len();
            if let Some(slash) = rest.find('/')
                && slash <= 12
                && rest[..slash]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'/')
            {
                start += slash + 1;
            }
            if start == at {
                continue;
            }
            let mut end = start;
            let mut words = 0;
            while words < 3 {
                let Some(word_end) = word_at(text, end) else {
                    break;
                };
                fold_word(&text[end..word_end], &mut key);
                if !is_name_syllable(&key) || in_capitals(&text[end..word_end]) {
                    break;
                }
                words += 1;
                let next = after_space(text, word_end);
                match next.filter(|&n| word_at(text, n).is_some()) {
                    Some(n) if words < 3 => end = n,
                    _ => {
                        end = word_end;
                        break;
                    }
                }
            }
            let end = end.max(start);
            let closes = text[end..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '\n' | '\r' | ')' | '.' | ',' | '|'));
            let overlaps = names
                .mentions
                .iter()
                .any(|m| m.start < end && start < m.end);
            // "Photo: Tuoi Tre": an outlet's credit names no person.
            let outlet = cx
                .tables
                .grammar
                .outlets
                .iter()
                .any(|o| text[start..end].eq_ignore_ascii_case(o));
            if words >= 2 && closes && !overlaps && !outlet {
                let p = names.person(display(&text[start..end]), None, "credit");
                names.mentions.push(NameMention {
                    start,
                    end,
                    person: p,
                });
            }
        }
    }
}

/// Whether a word or a run of words is written in capitals ("VU HONG ANH", not "Vu" or "A").
fn in_capitals(words: &str) -> bool {
    words.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !words.chars().any(char::is_lowercase)
}

/// Whether words in capitals read as English, not as a name: a word that spells no syllable of a name, or an
/// English word that ends no name ("OF THE", "FROM AUGUST"). Names of other tongues in capitals are lost so.
fn capitals_prose(cx: &Context<'_>, words: &str) -> bool {
    let mut key = String::new();
    in_capitals(words)
        && words.split(' ').any(|w| {
            fold_word(w.trim_end_matches(['.', ',']), &mut key);
            key.len() > 1
                && (!is_name_syllable(&key) || cx.tables.grammar.capitals_not_name.contains(&key))
        })
}

/// How many words past the first a name in capitals keeps, of the run from `start` (`ends[k]` is the end of the
/// run with `k` more words): the longest part the gazetteer knows ("NGUYEN THI KIM NGAN AND MR"); else the run
/// without the English words that end no name ("… MET"), unless it starts with one ("TO THE", "TO HIM": none).
fn capitals_name(
    cx: &Context<'_>,
    start: usize,
    ends: &[usize],
    known_first: bool,
) -> Option<usize> {
    let text = cx.text;
    let stop = &cx.tables.grammar.capitals_not_name;
    let mut key = String::new();
    let mut english = |from: usize, to: usize| {
        fold_word(text[from..to].trim_start(), &mut key);
        stop.contains(&key)
    };
    let known = |k: usize| {
        (k == 0 && known_first)
            || (k > 0 && !cx.roster.named(&fold_str(&text[start..ends[k]])).is_empty())
    };
    if let Some(k) = (0..ends.len()).rev().find(|&k| known(k)) {
        return Some(k);
    }
    if english(start, ends[0]) {
        return None;
    }
    let mut words = ends.len() - 1;
    while words > 0 && english(ends[words - 1], ends[words]) {
        words -= 1;
    }
    Some(words)
}

/// Where the name a title introduces may start, past what stands between them: a style ("PM Samdech Techo Hun
/// Sen"), the country a post is to ("Ambassador to the US Marc Knapper"), or the body the post is in, named by
/// gazetteer items ("Secretary General of the Bulgarian NA Stefana Karaslavova", "Chairman of the Standing
/// Committee of the National People's Congress of China Zhao Leji"), or the foreign country it is of ("President of
/// China Xi Jinping").
fn posted_to(cx: &Context<'_>, from: usize, starts: &Starts<'_>, hits: &[Hit]) -> Option<usize> {
    let text = cx.text;
    let mut at = from;
    let mut moved = false;
    let mut after_body = false;
    loop {
        let rest = &text[at..];
        if let Some(style) = STYLES.iter().find_map(|w| {
            rest.strip_prefix(' ')?
                .strip_prefix(w)
                .filter(|r| r.starts_with(' '))
                .map(|r| rest.len() - r.len())
        }) {
            at += style;
            moved = true;
            continue;
        }
        let Some(skip) = ["to the ", "to ", "of the ", "of "].iter().find_map(|w| {
            rest.strip_prefix(' ')?
                .strip_prefix(w)
                .map(|r| rest.len() - r.len())
        }) else {
            break;
        };
        let to = rest[1..].starts_with("to ");
        // A run of gazetteer items, each a place, a country's adjective or a body (not a name, a title or a rank),
        // that ends in a body, or in a place after a body ("… Congress of China"): after "of the Vietnam" the
        // words go on with the body's name ("Director of the Vietnam State Treasury").
        let mut end = None;
        let mut ends_in_body = false;
        let mut country = false;
        let mut next = at + skip;
        while let Some(j) = starts.get(&next) {
            let fits = hits[j].entries.iter().any(|e| {
                if to {
                    matches!(e, Entry::Place(_))
                } else {
                    matches!(
                        e,
                        Entry::Place(_)
                            | Entry::Demonym(_)
                            | Entry::Organisation(_)
                            | Entry::Body(_)
                    )
                }
            }) && !name_like(&hits[j]);
            if !fits {
                break;
            }
            end = Some(hits[j].end);
            country = hits[j].entries.iter().any(|e| {
                matches!(e, Entry::Place(p)
                    if cx.tables.places[*p as usize].kind == crate::gazetteer::PlaceKind::Country)
            });
            ends_in_body = hits[j]
                .entries
                .iter()
                .any(|e| matches!(e, Entry::Organisation(_) | Entry::Body(_)));
            match after_space(text, hits[j].end) {
                Some(n) if starts.contains_key(&n) => next = n,
                _ => break,
            }
        }
        // A body no gazetteer holds: "Speaker of the Lower House Jan Hamacek", "President of the US National
        // Centre for APEC (NCAPEC) Monica Whaley".
        let from = end.map_or(at + skip, |e| after_space(text, e).unwrap_or(e));
        if !to && let Some(e) = unknown_body_end(cx, text, from) {
            end = Some(e);
            ends_in_body = true;
        }
        match end {
            Some(e) if to || ends_in_body || after_body || country => {
                at = e;
                moved = true;
                after_body = ends_in_body;
            }
            _ => break,
        }
    }
    moved.then_some(at)
}

/// Nouns that end a body's name besides the grammar's `level` words ("Lower House", "Senate").
const BODY_NOUNS: [&str; 8] = [
    "House",
    "Senate",
    "Assembly",
    "Parliament",
    "Congress",
    "Chamber",
    "Diet",
    "Duma",
];

/// Where a body's name that no gazetteer holds ends, read from `from`: capitalised words (and "for", "of", "and",
/// "the" between them, and an abbreviation in brackets), the last of them a body noun (a `level` word or one of
/// [`BODY_NOUNS`]) that two or three capitalised words then follow, a name, before a word in lower case or a mark.
fn unknown_body_end(cx: &Context<'_>, text: &str, from: usize) -> Option<usize> {
    // Most titles are followed by a name or a known body: read nothing unless a capitalised word follows.
    if !text[from..].starts_with(char::is_uppercase) {
        return None;
    }
    let levels = &cx.tables.grammar.levels;
    // (start, end, is a body noun) of each word, up to twelve, one space apart; no allocation.
    let mut words = [(0usize, 0usize, false); 12];
    let mut n = 0;
    let mut at = from;
    while n < words.len() && at < text.len() {
        let rest = &text[at..];
        let len = rest.find([' ', ',', '.', ';', '\n']).unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        let w = &rest[..len];
        let noun = BODY_NOUNS.contains(&w) || levels.iter().any(|l| l == w);
        words[n] = (at, at + len, noun);
        n += 1;
        if !rest[len..].starts_with(' ') || rest[len + 1..].starts_with(' ') {
            break;
        }
        at += len + 1;
    }
    let words = &words[..n];
    if !words.iter().any(|w| w.2) {
        return None;
    }
    let word = |k: usize| &text[words[k].0..words[k].1];
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let connector = |w: &str| matches!(w, "for" | "of" | "and" | "the" | "on");
    let bracket = |w: &str| w.starts_with('(') && w.ends_with(')');
    // The body: capitalised words, connectors and brackets, from the first word on.
    let body_len = (0..words.len())
        .take_while(|&k| capital(word(k)) || connector(word(k)) || bracket(word(k)))
        .count();
    // The body ends at a noun, or at an abbreviation in brackets after one ("Centre for APEC (NCAPEC)").
    let first_noun = words.iter().position(|w| w.2)?;
    (0..body_len).rev().find_map(|k| {
        let ends_body = words[k].2 || bracket(word(k)) && first_noun < k;
        if !ends_body {
            return None;
        }
        let name = (k + 1..words.len())
            .take_while(|&m| capital(word(m)) && !bracket(word(m)) && !words[m].2)
            .count();
        let last = k + name;
        let closes = text[words[last].1..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        ((2..=3).contains(&name) && closes).then_some(words[k].1)
    })
}

/// `name-before-title`: a name no gazetteer knows, right before ", <title>": "… received Shin Jung Hoon, Chairman
/// of the …". Two to four capitalised words with no gazetteer item among them, after a word in lower case that
/// does not go on a name ("of", "and" …; and "On Tuesday, Chairman …" at a sentence's start is none) or opening
/// an item of a list (after a semicolon or a colon), not already a mention.
fn names_before_titles(cx: &Context<'_>, starts: &Starts<'_>, names: &mut Names) {
    let text = cx.text;
    let mut found = Vec::new();
    for hit in cx.hits {
        if !hit.entries.iter().any(|e| matches!(e, Entry::Title { .. })) {
            continue;
        }
        let Some(name_end) = text[..hit.start].strip_suffix(", ").map(str::len) else {
            continue;
        };
        // Walk back over capitalised words, one space apart.
        let mut start = name_end;
        let mut words = 0;
        while words < 5 {
            let before = &text[..start];
            let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            let word = &before[word_start..];
            // Any gazetteer item in the word ends the name: it is the item's, not a person's.
            let h = cx.hits.partition_point(|h| h.start < start);
            let in_hit =
                h > 0 && cx.hits[h - 1].end > word_start || starts.contains_key(&word_start);
            if word.is_empty() || !word.starts_with(char::is_uppercase) || in_hit {
                break;
            }
            start = word_start;
            words += 1;
            if !text[..start].ends_with(' ') || text[..start].ends_with("  ") {
                break;
            }
            start -= 1;
        }
        if text[start..].starts_with(' ') {
            start += 1;
        }
        // The word before the name is in lower case.
        let lead = text[..start].trim_end_matches(' ');
        // A verb or the like, not a word that goes on a body's name ("Minister of Tourism Thong Khon").
        let lower_before = lead.rsplit(' ').next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    w,
                    "of" | "for" | "on" | "the" | "in" | "at" | "to" | "and" | "a" | "an"
                )
        });
        // Or the name opens an item of a list: "The delegation includes A, Minister of …; B, Head of …; and C, …".
        let list_item = lead.ends_with([';', ':']) || lead.ends_with("; and");
        // The mentions found so far are in text order and do not overlap: only the last one that starts before
        // the name's end can cover it.
        let before_end = names.mentions.partition_point(|m| m.start < name_end);
        let covered = before_end > 0 && names.mentions[before_end - 1].end > start;
        if (2..=4).contains(&words)
            && (lower_before || list_item)
            && !covered
            && start < name_end
            && !names_a_body(cx, &text[start..name_end])
        {
            found.push((start, name_end));
        }
    }
    for (s, e) in found {
        let p = names.person(display(&text[s..e]), None, "name-before-title");
        names.mentions.push(NameMention {
            start: s,
            end: e,
            person: p,
        });
    }
}

/// A name that a title or rank introduces: two or three capitalised words with no gazetteer item among them,
/// followed by punctuation or a word in lower case.
/// Whether capitalised words name a body, not a person: one of them is a `level` word of `grammar.tsv` as
/// written ("Civil Affairs Committee" after "Secretary of the Party", "National Centre" after "President of the
/// US").
fn names_a_body(cx: &Context<'_>, words: &str) -> bool {
    words
        .split_whitespace()
        .any(|w| cx.tables.grammar.levels.iter().any(|l| l == w))
}

fn title_name(
    text: &str,
    from: usize,
    starts: &Starts<'_>,
    hits: &[Hit],
) -> Option<(usize, usize)> {
    let start = after_space(text, from)?;
    // A name the gazetteer or a family name can find is theirs to find (and to link).
    if starts.get(&start).is_some_and(|j| name_like(&hits[j])) {
        return None;
    }
    let mut end = start;
    let mut words = 0;
    loop {
        let at = if words == 0 {
            start
        } else {
            match after_space(text, end) {
                Some(a) => a,
                None => break,
            }
        };
        if starts.contains_key(&at) && !starts.get(&at).is_some_and(|j| name_like(&hits[j])) {
            break;
        }
        // A middle initial counts as a word ("Marc E. Knapper"), not as the first or the last.
        let initial = words > 0
            && text[at..].len() > 2
            && text.as_bytes()[at].is_ascii_uppercase()
            && text.as_bytes()[at + 1] == b'.'
            && text.as_bytes()[at + 2] == b' ';
        let e = if initial {
            at + 2
        } else {
            let Some(mut e) = word_at(text, at) else {
                break;
            };
            // A hyphenated name: "Miguel Diaz-Canel", "Jean-Pierre".
            while text[e..].starts_with('-')
                && let Some(next) = word_at(text, e + 1)
            {
                e = next;
            }
            e
        };
        end = e;
        words += 1;
        if words == 4 {
            return None;
        }
    }
    if words < 2 || text[..end].ends_with('.') {
        return None;
    }
    // A generational suffix belongs to the name ("Joseph R. Biden, Jr.").
    for suffix in [", Jr.", " Jr.", ", Sr.", " Sr."] {
        if text[end..].starts_with(suffix) {
            end += suffix.len();
            break;
        }
    }
    // What follows must not be another capitalised word (a title-cased headline).
    let rest = text[end..].trim_start_matches(' ');
    match rest.chars().next() {
        Some(c) if c.is_uppercase() => None,
        _ => Some((start, end)),
    }
}

/// Adds the given-name mentions ("Lâm said") of persons whose given name is unique in the document.
fn short_mentions(cx: &Context<'_>, names: &mut Names) {
    let mut given: HashMap<String, Option<usize>> = HashMap::default();
    // The first words of the two-word keys of `given`.
    let mut pairs: crate::hash::HashSet<String> = Default::default();
    for (i, p) in names.persons.iter().enumerate() {
        let Some(last) = p.key.rsplit(' ').next() else {
            continue;
        };
        if last.len() < 2 || !p.key.contains(' ') {
            continue;
        }
        given
            .entry(last.to_owned())
            .and_modify(|v| *v = None)
            .or_insert(Some(i));
        // A name that no Vietnamese family name opens may be one whose family name comes first ("Xi Jinping" is
        // "Xi"): its first word names it too.
        if let Some(first) = p.key.split(' ').next()
            && first.len() >= 2
            && first != last
            && !cx.tables.family_keys.contains(first)
        {
            given
                .entry(first.to_owned())
                .and_modify(|v| *v = None)
                .or_insert(Some(i));
            // Its first two words of three or more too ("Ismail Sabri" of "Ismail Sabri Yaakob").
            let mut words = p.key.splitn(3, ' ');
            if let (Some(a), Some(b), Some(_)) = (words.next(), words.next(), words.next()) {
                given
                    .entry(format!("{a} {b}"))
                    .and_modify(|v| *v = None)
                    .or_insert(Some(i));
                pairs.insert(a.to_owned());
            }
        }
    }
    let text = cx.text;
    let mut found = Vec::new();
    // Mentions and hits are sorted and do not overlap among themselves: only the one before `e` can cover.
    let covered = |s: usize, e: usize, names: &Names| {
        let m = names.mentions.partition_point(|m| m.start < e);
        let h = cx.hits.partition_point(|h| h.start < e);
        (m > 0 && names.mentions[m - 1].end > s)
            || (h > 0
                && cx.hits[h - 1].end > s
                && !cx.hits[h - 1].entries.iter().all(|e| {
                    matches!(
                        e,
                        Entry::FamilyName | Entry::Official(_) | Entry::Demonym(_)
                    )
                }))
    };
    // Walk the capitalised words of the text once.
    let mut key = String::new();
    let (mut pair, mut second) = (String::new(), String::new());
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < text.len() {
        // Only an upper-case letter starts a word: the ASCII bytes that are none are skipped at once.
        match bytes[at..]
            .iter()
            .position(|&b| b.is_ascii_uppercase() || b >= 0x80)
        {
            Some(n) => at += n,
            None => break,
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        let boundary = at == 0
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if c.is_uppercase()
            && boundary
            && let Some(e) = word_at(text, at)
        {
            fold_word(&text[at..e], &mut key);
            let alone = || {
                after_space(text, e)
                    .and_then(|n| word_at(text, n))
                    .is_none()
                    && !covered(at, e, names)
            };
            // Two words that a name begins with ("Ismail Sabri was …"), looked up only when a name has such a key
            // and its first word is this one.
            if pairs.contains(key.as_str())
                && let Some(n) = after_space(text, e)
                && let Some(e2) = word_at(text, n)
                && text[n..].starts_with(char::is_uppercase)
            {
                pair.clear();
                pair.push_str(&key);
                pair.push(' ');
                fold_word(&text[n..e2], &mut second);
                pair.push_str(&second);
                if let Some(Some(p)) = given.get(pair.as_str())
                    && after_space(text, e2)
                        .and_then(|m| word_at(text, m))
                        .is_none()
                    && !covered(at, e2, names)
                {
                    found.push(NameMention {
                        start: at,
                        end: e2,
                        person: *p,
                    });
                    at = e2;
                    continue;
                }
            }
            match given.get(key.as_str()) {
                Some(Some(p)) if alone() => found.push(NameMention {
                    start: at,
                    end: e,
                    person: *p,
                }),
                None if alone() => {
                    if let Some(o) = title_before(cx, at).and_then(|h| post_holder(cx, h, &key)) {
                        let name = cx.tables.officials[o].name.clone();
                        let p = names.person(name, Some(o), "post-holder");
                        given.insert(key.clone(), Some(p));
                        found.push(NameMention {
                            start: at,
                            end: e,
                            person: p,
                        });
                    }
                }
                _ => {}
            }
            at = e;
            continue;
        }
        at += if bytes[at] < 0x80 { 1 } else { c.len_utf8() };
    }
    names.mentions.extend(found);
}

/// The title or rank hit that ends one space before `at`.
fn title_before<'h>(cx: &Context<'h>, at: usize) -> Option<&'h Hit> {
    let h = cx.hits.partition_point(|h| h.start < at);
    let hit = cx.hits[..h].last()?;
    let introduces = hit
        .entries
        .iter()
        .any(|e| matches!(e, Entry::Title { plural: false, .. } | Entry::Rank(_)));
    (introduces && after_space(cx.text, hit.end) == Some(at)).then_some(hit)
}

/// The one official with the given name `key` that the title or rank of `hit` fits: who held the title's post
/// at the publication date (without a date: at any time), or who bears the rank and held some post at the date.
fn post_holder(cx: &Context<'_>, hit: &Hit, key: &str) -> Option<usize> {
    let day = cx.published.map(|(y, m, d)| (y as u16, m as u8, d as u8));
    let t = cx.tables;
    let fits = |o: usize| {
        let posts = || cx.roster.posts(t, o);
        hit.entries.iter().any(|e| match *e {
            Entry::Title { index, .. } => {
                let title = &t.titles[index as usize];
                posts().any(|p| {
                    let org = match title.organisation {
                        TitleOrg::FromText => true,
                        TitleOrg::None => p.organisation.is_none(),
                        TitleOrg::Implied(i) => p
                            .organisation_key
                            .as_ref()
                            .is_some_and(|k| t.organisations[i].keys.contains(k)),
                    };
                    org && same_role(&p.role, &title.role) && day.is_none_or(|d| held_on(p, d))
                })
            }
            Entry::Rank(r) => {
                let rank = &t.ranks[r as usize].rank;
                t.officials[o]
                    .rank
                    .as_deref()
                    .is_some_and(|x| same_role(x, rank))
                    && day.is_none_or(|d| posts().any(|p| held_on(p, d)))
            }
            _ => false,
        })
    };
    let mut fitting = cx.roster.given(key).iter().copied().filter(|&o| fits(o));
    match (fitting.next(), fitting.next()) {
        (Some(o), None) => Some(o),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_are_title_cased() {
        assert_eq!(display("VU HONG ANH"), "Vu Hong Anh");
        assert_eq!(display("NGUYỄN VĂN NÊN"), "Nguyễn Văn Nên");
        assert_eq!(display("Tô Lâm"), "Tô Lâm");
    }

    #[test]
    fn words_and_spaces() {
        assert_eq!(word_at("Lâm said", 0), Some(4));
        assert_eq!(word_at("said", 0), None);
        assert_eq!(after_space("a b", 1), Some(2));
        assert_eq!(after_space("a  b", 1), None);
    }
}
